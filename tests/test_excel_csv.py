"""--excel (issue 13): CSV that Excel under Vietnamese regional settings opens right: UTF-8 with a
BOM, ';' between cells, a decimal comma in the shares, formula-like text neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import make_csv, rows_of, run

BOM = b"\xef\xbb\xbf"


def _members(tmp_path):
    """8 members of one organisation whose name starts with '=', in 2019: 1 HTXSNV, 5 HTTNV,
    1 HTNV, 1 KHTNV, so that top = 1/8 = 0,125, good = 5/8 = 0,625, good_or_better = 6/8 = 0,75."""
    ratings = ["HTXSNV"] + ["HTTNV"] * 5 + ["HTNV", "KHTNV"]
    return make_csv(
        tmp_path / "dang_vien.csv",
        [["Họ và tên", "Chi bộ", "Xếp loại"]]
        + [[f"Người {i}", "=Chi bộ Kho bạc", r] for i, r in enumerate(ratings, 1)],
    )


def _excel_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8")), delimiter=";"))


def test_classify_by_unit_for_excel(tmp_path):
    out = tmp_path / "ket_qua.csv"
    result = run("classify", _members(tmp_path), "--year", "2019", "--by", "unit", "--excel", "-o", out)
    assert result.exit_code == 0, result.stderr
    rows = _excel_rows(out.read_bytes())
    assert rows[0] == ["year", "subject", "unit", "category", "label", "count", "share"]
    by_category = {r[3]: r for r in rows[1:]}
    assert {r[2] for r in rows[1:]} == {"'=Chi bộ Kho bạc"}  # shown as text by Excel, never run
    assert (by_category["rated"][5], by_category["rated"][6]) == ("8", "")
    assert (by_category["top"][5], by_category["top"][6]) == ("1", "0,125000")
    assert (by_category["good"][5], by_category["good"][6]) == ("5", "0,625000")
    assert (by_category["pass"][5], by_category["pass"][6]) == ("1", "0,125000")
    assert (by_category["fail"][5], by_category["fail"][6]) == ("1", "0,125000")
    assert (by_category["good_or_better"][5], by_category["good_or_better"][6]) == ("6", "0,750000")
    assert by_category["total"][4] == "Tổng số đảng viên (có mặt)"  # a label with a comma needs no quotes with ';'


def test_the_same_values_as_the_plain_csv(tmp_path):
    members = _members(tmp_path)
    plain = rows_of(run("classify", members, "--year", "2019", "--format", "csv").stdout)
    excel = _excel_rows(run("classify", members, "--year", "2019", "--excel").stdout_bytes)
    assert len(excel) == len(plain) == 10  # the header and the 9 member categories
    assert [[v.replace(",", ".") if i == 5 else v for i, v in enumerate(r)] for r in excel[1:]] == plain[1:]


def test_check_for_excel(tmp_path):
    # an HTXSNV organisation (named '=Chi bộ B') with 3 HTTNV members and 1 KHTNV: rated 4,
    # good or better 3 = 0.75 < 80%, and one member fails – a top_unit_members finding
    units = make_csv(
        tmp_path / "to_chuc.csv", [["Tên tổ chức đảng", "Trực thuộc", "Xếp loại"], ["=Chi bộ B", "", "HTXSNV"]]
    )
    members = make_csv(
        tmp_path / "dang_vien.csv",
        [
            ["Họ và tên", "Chi bộ", "Xếp loại"],
            ["A", "=Chi bộ B", "HTTNV"],
            ["B", "=Chi bộ B", "HTTNV"],
            ["C", "=Chi bộ B", "HTTNV"],
            ["D", "=Chi bộ B", "KHTNV"],
        ],
    )
    result = run("check", units, members, "--year", "2019", "--excel")
    assert result.exit_code == 0, result.stderr
    rows = _excel_rows(result.stdout_bytes)
    assert rows[0] == ["rule", "severity", "year", "org", "numbers", "message", "source", "where"]
    (finding,) = [r for r in rows[1:] if r[0] == "top_unit_members"]
    assert finding[3] == "'=Chi bộ B"
    assert dict(pair.split("=") for pair in finding[4].split("; ")) == {
        "rated": "4",
        "fail": "1",
        "good_or_better": "3",
        "share": "0,75",
    }


@pytest.mark.parametrize(
    "args, says",
    [
        (["--format", "json"], "--excel writes CSV, but --format says json"),
        (["--format", "table"], "--excel writes CSV, but --format says table"),
        (["-o", "x.xlsx"], "--excel writes CSV, but the file name says xlsx"),
        (["-o", "x.json"], "--excel writes CSV, but the file name says json"),
    ],
)
@pytest.mark.parametrize("command", ["classify", "check"])
def test_another_format_is_one_line(tmp_path, monkeypatch, command, args, says):
    monkeypatch.chdir(tmp_path)
    result = run(command, _members(tmp_path), "--year", "2019", "--excel", *args)
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.count("\n") == 1 and says in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dang_vien.csv"]


def test_format_csv_and_bom_agree_with_excel(tmp_path):
    members = _members(tmp_path)
    alone = run("classify", members, "--year", "2019", "--excel").stdout_bytes
    assert run("classify", members, "--year", "2019", "--excel", "--format", "csv", "--bom").stdout_bytes == alone
    assert alone.count(BOM) == 1


def test_an_excel_csv_beside_the_data_is_not_read_again(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _members(data)
    first = run("classify", data, "--year", "2019", "--excel", "-o", data / "ket_qua.csv")
    assert first.exit_code == 0
    again = run("classify", data, "--year", "2019", "--excel")
    assert again.exit_code == 0 and "written by ccq-stats" in again.stderr
    assert again.stdout_bytes == (data / "ket_qua.csv").read_bytes()
