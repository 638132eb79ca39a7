"""Every bad-input path: exit code 2, one line on stderr naming the place, nothing else."""

from __future__ import annotations

import zipfile

import pytest

from conftest import SAMPLE, make_csv, make_xlsx, run


def fails(*args, input=None, output=None):
    """Run, expect a clean bad-input failure, return its single stderr line."""
    if output is not None:
        args = (*args, "-o", output)
    result = run(*args, input=input)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ccq-stats: error: "), result.stderr
    assert "Traceback" not in result.stderr
    if output is not None:
        assert not output.exists()
        assert [p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}")] == []
    return lines[0]


def units_sheet(label="HTTNV"):
    return [
        ["KẾT QUẢ XẾP LOẠI NĂM 2019"],
        [None],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ A", "HTXSNV"],
        [2, "Chi bộ B", label],
    ]


def test_unknown_label_names_file_sheet_row_column_value_and_hint(tmp_path):
    path = make_xlsx(tmp_path / "u.xlsx", {"TCCS": units_sheet("Hoàn thành tôt nhiem")})
    line = fails("classify", path, output=tmp_path / "out.csv")
    assert line == (
        f"ccq-stats: error: {path}, sheet 'TCCS', row 5, column C (Xếp loại): unknown rating label: "
        "'Hoàn thành tôt nhiem' (hint: did you mean 'Hoàn thành tốt nhiệm vụ' / 'Hoàn thành tốt NV'? "
        "add the spelling as an alias in a --scales file if it is a real label)"
    )


def test_unknown_label_becomes_known_with_a_scales_file(tmp_path):
    path = make_xlsx(tmp_path / "u.xlsx", {"TCCS": units_sheet("Loại A")})
    fails("classify", path)
    extra = tmp_path / "extra.toml"
    extra.write_text('[[labels]]\nmeans = "top"\nvalid = "all"\naliases = ["Loại A"]\n', encoding="utf-8")
    result = run("classify", path, "--scales", extra)
    assert result.exit_code == 0 and ",units,top," in result.stdout


def test_no_rating_or_count_column(tmp_path):
    path = make_xlsx(
        tmp_path / "n.xlsx", {"Sheet1": [["STT", "Tên tổ chức cơ sở đảng", "Ghi chú"], [1, "Chi bộ A", "…"]]}
    )
    line = fails("classify", path)
    assert f"{path}, sheet 'Sheet1': no rating or count column found" in line and "hint:" in line


def test_member_names_without_a_rating_column(tmp_path):
    path = make_csv(tmp_path / "m.csv", [["Họ và tên", "Chi bộ", "Chức vụ"], ["Người A", "Chi bộ A", "Bí thư"]])
    assert "no rating or count column found beside the member names" in fails("classify", path, "--year", "2019")


def test_no_year_anywhere(tmp_path):
    path = make_csv(tmp_path / "noyear.csv", [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"]])
    line = fails("classify", path)
    assert f"{path}, row 1: no rating year" in line and "--year" in line


def test_a_year_cell_that_is_not_a_year(tmp_path):
    path = make_csv(
        tmp_path / "y.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", "2019.5", "HTTNV"]]
    )
    assert f"{path}, row 2, column B (Năm): the year is not a year: '2019.5'" in fails("classify", path)


def test_blank_rating_of_a_listed_organisation(tmp_path):
    path = make_xlsx(
        tmp_path / "b.xlsx",
        {"Năm 2019": [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"], [1, "Chi bộ A", "HTTNV"], [2, "Chi bộ B", None]]},
    )
    line = fails("classify", path)
    assert "row 3, column C (Xếp loại): the rating is blank: 'Chi bộ B'" in line and "Chưa đánh giá" in line


def test_unknown_kind_of_organisation(tmp_path):
    path = make_csv(
        tmp_path / "k.csv", [["Tên tổ chức cơ sở đảng", "Loại", "Xếp loại"], ["Chi bộ A", "Tổ đảng", "HTTNV"]]
    )
    assert "column B (Loại): unknown kind of organisation: 'Tổ đảng'" in fails("classify", path, "--year", "2019")


def test_a_count_that_is_not_a_count(tmp_path):
    path = make_csv(tmp_path / "c.csv", [["Tên TCCS đảng", "HTXSNV", "HTTNV"], ["Chi bộ A", "2.5", "3"]])
    assert "row 2, column B (HTXSNV): not a count of members: '2.5'" in fails("classify", path, "--year", "2019")


def test_same_organisation_twice_with_different_ratings(tmp_path):
    a = make_csv(tmp_path / "a.csv", [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"]])
    b = make_xlsx(
        tmp_path / "b.xlsx", {"S": [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ B", "HTNV"], ["CHI BỘ A", "HTNV"]]}
    )
    line = fails("classify", a, b, "--year", "2019")
    assert line.startswith(
        f"ccq-stats: error: {b}, sheet 'S', row 3: organisation 'Chi bộ A' is listed twice in 2019 with different ratings"
    )
    assert f"'HTTNV' at {a}, row 2 and 'HTNV'" in line


def test_same_member_twice_with_different_ratings_names_rows_not_the_person(tmp_path):
    path = make_csv(
        tmp_path / "m.csv",
        [
            ["Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại"],
            ["Trần Thị Bí Mật", 1980, "Chi bộ A", "HTTNV"],
            ["Người Khác", 1981, "Chi bộ A", "HTNV"],
            ["Trần Thị Bí Mật", 1980, "Chi bộ A", "HTXSNV"],
        ],
    )
    line = fails("classify", path, "--year", "2019")
    assert "row 4: a member of 'Chi bộ A' is listed twice in 2019 with different ratings" in line
    assert "row 2" in line and "Số thẻ đảng viên" in line
    assert "Bí Mật" not in line


def test_homonyms_with_card_numbers_are_two_people(tmp_path):
    path = make_csv(
        tmp_path / "m.csv",
        [
            ["Họ và tên", "Số thẻ đảng viên", "Chi bộ", "Xếp loại"],
            ["Nguyễn Văn An", "001", "Chi bộ A", "HTTNV"],
            ["Nguyễn Văn An", "002", "Chi bộ A", "HTNV"],
        ],
    )
    assert run("classify", path, "--year", "2019").exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.xlsx", b"", "the file is empty"),
        ("empty.csv", b"", "the file is empty"),
        ("page.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "is a web page or XML"),
        (
            "notes.txt.docx",
            b"hello",
            "is a Word document, not a spreadsheet: ccq-stats writes reports as documents but does not read them",
        ),
        ("bao_cao.pdf", b"%PDF-1.4\n", "is a PDF document, not a spreadsheet"),
    ],
)
def test_unreadable_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert message in fails("classify", path)


def test_truncated_workbook(tmp_path):
    data = (SAMPLE / "so_luong_dang_vien_2019.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    line = fails("classify", path)
    assert f"{path}: cannot read the workbook" in line and "save it again" in line


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    assert f"{path}: cannot read the workbook" in fails("classify", path)


def test_missing_file_and_bad_option(tmp_path):
    assert "cannot open" in fails("classify", tmp_path / "missing.xlsx")
    result = run("classify", SAMPLE, "--base", "everyone")
    assert result.exit_code == 2 and result.stdout == ""


def test_output_file_may_not_be_an_input(tmp_path):
    path = make_csv(tmp_path / "tc.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTTNV"]])
    before = path.read_bytes()
    assert "the output file is one of the inputs" in fails("classify", path, "-o", path)
    assert path.read_bytes() == before


def test_an_error_in_the_second_file_leaves_no_output(tmp_path):
    good = make_csv(tmp_path / "good.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTTNV"]])
    bad = make_csv(tmp_path / "bad.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ B", 2019, "???"]])
    fails("classify", good, bad, output=tmp_path / "out.csv")
