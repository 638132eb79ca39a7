"""A page's row of column numbers inside a table is the page's, not a member.

Typed from a printed list page by page, the row "1 | 2 | 3 | 4" comes again under each page's top,
with the header only once: it is passed over wherever it is, and inspect lists it as an index row.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

ROWS = [
    ["CHI BỘ TRƯỜNG TIỂU HỌC - XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
    ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ["(1)", "(2)", "(3)", "(4)"],
    [1, "Chu Văn Lộc", 1970, "HTTNV"],
    [2, "Ninh Thị Mận", 1982, "HTXSNV"],
    [3, "Âu Văn Nghĩa", 1975, "HTNV"],
    ["(1)", "(2)", "(3)", "(4)"],
    [4, "Giáp Thị Oanh", 1990, "HTTNV"],
    [5, "Lạc Văn Phát", 1968, "Miễn đánh giá"],
]
# by hand: top Mận; good Lộc, Oanh; pass Nghĩa; exempt Phát
FOUND = {"total": 5, "exempt": 1, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}


def _members(result) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2020, "members") and n}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_column_numbers_repeated_on_a_page_are_no_member(tmp_path, kind):
    if kind == "xlsx":
        path = make_xlsx(tmp_path / "trang.xlsx", {"2020": ROWS})
    else:
        path = make_csv(tmp_path / "trang_2020.csv", ROWS[1:])
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == FOUND
    shown = run("inspect", str(path))
    assert "index row" in shown.stdout and ("7" in shown.stdout or "6" in shown.stdout)
