"""What is not data is never counted (reading/not_data.py): a form's instructions and example rows
under its header, an example table on an instructions sheet or under "Ví dụ", a table of contents.

Layouts of our own, counted by hand, in other words than the red team's (tests/data/redteam7 tp01,
tp04, ml02); each run both ways (rows and columns) by the ``differential`` mark.
"""

from __future__ import annotations

import json

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

HEADER = ["TT", "Họ và tên", "Chi bộ", "Kết quả xếp loại", "Ghi chú"]
MEMBERS = [  # by hand: 5 members, 1 exempt, 4 rated: 1 top, 2 good, 1 pass
    [1, "Lê Thị Hoa", "Chi bộ Phòng Kế toán", "HTXSNV", ""],
    [2, "Đào Văn Minh", "Chi bộ Phòng Kế toán", "HTTNV", ""],
    [3, "Phan Thị Cúc", "Chi bộ Phòng Kế toán", "HTTNV", ""],
    [4, "Mai Văn Tùng", "Chi bộ Phòng Kế toán", "HTNV", ""],
    [5, "Trịnh Văn Lộc", "Chi bộ Phòng Kế toán", "Miễn đánh giá", "Tuổi cao"],
]
EXPECTED = {"total": 5, "exempt": 1, "rated": 4, "top": 1, "good": 2, "pass": 1}


def _ok(result) -> dict:
    assert result.exit_code == 0, result.stderr
    out = figures(result.stdout)
    return {c: out[(2023, "members", c)] for c in EXPECTED}


def test_instructions_and_example_rows_under_the_header_are_not_counted(tmp_path):
    """Under the header: a row of instructions in brackets, a row whose rating cell lists the choices
    with "/" (no member's rating lists four), then an example row marked "Ví dụ" in its TT cell and
    one whose note says to delete it, with ratings – none of them counted; the examples said in a
    warning, inspect lists all four."""
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2023"],
        HEADER,
        ["(a)", "(họ tên đầy đủ)", "(tên chi bộ)", "(chọn mức)", "(lý do)"],
        ["", "", "", "Chọn một: HTXSNV / HTTNV / HTNV / KHTNV", ""],
        ["Ví dụ", "Trần Văn X", "Chi bộ Phòng Kế toán", "HTXSNV", ""],
        ["", "Lý Văn Y", "Chi bộ Phòng Kế toán", "HTTNV", "Xoá dòng này trước khi gửi"],
        *MEMBERS,
    ]
    path = make_xlsx(tmp_path / "dv.xlsx", {"DS": rows})
    result = run("classify", path, "--format", "csv")
    assert _ok(result) == EXPECTED
    assert "row 5, 6 under the header marked as an example ('Ví dụ'): not data, not counted" in result.stderr
    sheet = json.loads(run("inspect", path, "--format", "json").stdout)[0]
    assert sheet["skipped"]["instructions row"] == {"count": 2, "rows": "3-4"}
    assert sheet["skipped"]["example row"] == {"count": 2, "rows": "5-6"}


def test_a_row_in_the_middle_of_the_list_is_a_members_whatever_it_says(tmp_path):
    """The rule looks at the top of the table only: a member's row under the first member, whose note
    happens to begin "VD" or whose cell lists labels, is read as it is (here: an unknown label stops)."""
    rows = [HEADER, *MEMBERS[:2], [3, "Phan Thị Cúc", "Chi bộ Phòng Kế toán", "HTTNV, HTNV, KHTNV", ""], *MEMBERS[3:]]
    result = run("classify", make_xlsx(tmp_path / "dv_2023.xlsx", {"DS": rows}), "--format", "csv")
    assert result.exit_code == 2 and "row 4" in result.stderr


def test_an_example_table_on_an_instructions_sheet_is_not_counted(tmp_path):
    """A sheet "Cach ghi" (instructions, by its name) with an example table of two organisations,
    then the data sheet: only the data's 5 members are counted, and a warning names the sheet."""
    guide = [
        ["Ghi mỗi đảng viên một dòng"],
        HEADER,
        [1, "Nguyễn Văn Mẫu", "Chi bộ X", "HTXSNV", ""],
        [2, "Trần Thị Mẫu", "Chi bộ X", "KHTNV", ""],
    ]
    path = make_xlsx(tmp_path / "dv.xlsx", {"Cach ghi": guide, "Năm 2023": [HEADER, *MEMBERS]})
    result = run("classify", path, "--format", "csv")
    assert _ok(result) == EXPECTED
    assert "sheet 'Cach ghi': a table on the form's instructions sheet: an example, not data" in result.stderr


def test_an_example_table_alone_stops_the_run_saying_so(tmp_path):
    """The only table is under "Ví dụ minh họa:": an example is never counted, even for want of
    anything else – the run stops naming the sheet and why."""
    rows = [["Ví dụ minh họa:"], HEADER, *MEMBERS[:2]]
    result = run("classify", make_xlsx(tmp_path / "dv_2023.xlsx", {"Mẫu": rows}), "--format", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert "sheet 'Mẫu'" in result.stderr and "a table under 'Ví dụ minh họa:': an example, not data" in result.stderr


def test_a_guide_that_cites_a_document_is_not_an_instructions_sheet(tmp_path):
    """A title that begins with a document cited by its number ("Hướng dẫn số 25-HD/BTCTW …") is
    the data's title, not a sheet of instructions."""
    rows = [["Hướng dẫn số 25-HD/BTCTW: kết quả xếp loại năm 2023"], HEADER, *MEMBERS]
    assert _ok(run("classify", make_xlsx(tmp_path / "dv.xlsx", {"DS": rows}), "--format", "csv")) == EXPECTED


def test_a_table_of_contents_is_not_data(tmp_path):
    """A first sheet whose column names the other sheets (its title no "Mục lục"), with their member
    counts: skipped with a warning, the two lists counted (by hand: 5 + 2 members)."""
    contents = [
        ["DANH SÁCH CÁC BIỂU"],
        ["STT", "Biểu", "Trang tính", "Số đảng viên"],
        [1, "Chi bộ Phòng Kế toán", "CB Ke toan", 5],
        [2, "Chi bộ Phòng Kỹ thuật", "CB Ky thuat", 2],
    ]
    other = [
        HEADER,
        [1, "Bùi Văn Hải", "Chi bộ Phòng Kỹ thuật", "HTTNV", ""],
        [2, "Lò Thị Én", "Chi bộ Phòng Kỹ thuật", "HTNV", ""],
    ]
    path = make_xlsx(
        tmp_path / "dv_2023.xlsx", {"Muc 0": contents, "CB Ke toan": [HEADER, *MEMBERS], "CB Ky thuat": other}
    )
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    out = figures(result.stdout)
    assert [out[(2023, "members", c)] for c in ("total", "exempt", "top", "good", "pass")] == [7, 1, 1, 3, 2]
    assert "sheet 'Muc 0': a table of contents (a column names the other sheets), not data" in result.stderr
    sheets = json.loads(run("inspect", path, "--format", "json").stdout)
    assert sheets[0]["why"] == "contents"


@pytest.mark.parametrize("name", ["Tong hop", "Mục lục"])
def test_a_sheet_that_names_the_others_and_holds_ratings_is_read(tmp_path, name):
    """A column naming the other sheets, or the name "Mục lục", makes no contents page of a sheet
    that holds ratings (none is skipped unseen): each chi bộ's own rating beside its sheet's name is
    read as a list of organisations."""
    units = [
        ["KẾT QUẢ XẾP LOẠI CHI BỘ NĂM 2023"],
        ["STT", "Tên chi bộ", "Trang tính", "Xếp loại"],
        [1, "Chi bộ Phòng Kế toán", "CB Ke toan", "HTTNV"],
        [2, "Chi bộ Phòng Kỹ thuật", "CB Ky thuat", "HTXSNV"],
    ]
    path = make_xlsx(
        tmp_path / "tccs_2023.xlsx",
        {name: units, "CB Ke toan": [HEADER, *MEMBERS], "CB Ky thuat": [HEADER, *MEMBERS]},
    )
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    out = figures(result.stdout)
    assert "table of contents" not in result.stderr
    assert [out[(2023, "units", c)] for c in ("total", "top", "good")] == [2, 1, 1]
