"""A list typed as lines of text in one column is read as the table it is, saying so.

"1. Đ/c Nguyễn Văn An: HTTNV" or "Nguyễn Văn An - Hoàn thành tốt nhiệm vụ", one line a member,
under a title line and above a "Tổng số" line. A numbered line whose label is not known stops the
run naming it; a sentence with a colon is no list.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

LINES = [
    ["Chi bộ Trường THCS Lê Lợi - kết quả xếp loại đảng viên năm 2022:"],
    ["1) Đồng chí Mai Văn Bền: Hoàn thành tốt nhiệm vụ"],
    ["2) Đồng chí Hà Thị Chanh: HTXSNV"],
    ["3) Đồng chí Vũ Văn Được: Hoàn thành nhiệm vụ"],
    ["4) Đồng chí Lê Thị Êm: Miễn đánh giá"],
    ["Cộng: 4 đồng chí"],
]


def _members(result, year) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (year, "members") and n}


def test_lines_of_name_and_rating_are_read_as_a_table_saying_so(tmp_path):
    path = make_xlsx(tmp_path / "tin_nhan.xlsx", {"Sheet1": LINES})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: top Chanh; good Bền; pass Được; exempt Êm
    assert _members(result, 2022) == {
        "total": 4,
        "exempt": 1,
        "rated": 3,
        "top": 1,
        "good": 1,
        "pass": 1,
        "good_or_better": 2,
    }
    assert "typed as lines of text" in result.stderr


def test_dashes_in_a_one_column_csv(tmp_path):
    rows = [
        ["Xếp loại đảng viên năm 2023"],
        ["Tạ Văn Giỏi - HTTNV"],
        ["Mã Thị Hoa - HTTNV"],
        ["Lò Văn Ít - Chưa đánh giá"],
    ]
    path = make_csv(tmp_path / "mot_cot.csv", rows)
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result, 2023) == {"total": 3, "not_rated": 1, "rated": 2, "good": 2, "good_or_better": 2}


def test_a_numbered_line_with_an_unknown_label_stops_the_run(tmp_path):
    rows = [*LINES[:2], ["2) Đồng chí Hà Thị Chanh: HTTNV (?)"], *LINES[3:]]
    path = make_xlsx(tmp_path / "nghi.xlsx", {"Sheet1": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2
    assert "HTTNV (?)" in result.stderr


def test_the_row_named_is_the_row_in_the_file(tmp_path):
    # title on row 1, a blank row 2, the members from row 3: the doubtful line is row 4 of the file
    rows = [LINES[0], [], LINES[1], ["2) Đồng chí Hà Thị Chanh: HTTNV (?)"], *LINES[3:]]
    path = make_xlsx(tmp_path / "dong_trong.xlsx", {"Sheet1": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2
    assert "row 4" in result.stderr and "HTTNV (?)" in result.stderr, result.stderr
