"""Members × years: a member list with a rating column per year, read year by year.

A chi bộ secretary keeps one list over a term, a column per year. A member admitted in year Y
(the "Ngày vào Đảng" cell, or a note "Kết nạp tháng 11/2023") has no rating before Y: a blank
there is "not a member that year", in no total (a warning says so). A member who left ("Chuyển
sinh hoạt đi tháng 3/2022") is left out of the years his cells are blank. A blank in the year of
admission or later is still a blank rating: the run stops naming the cell. Every year's column
is read (not only the first). Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

HEADER = ["STT", "Họ và tên", "Ngày vào Đảng", "Xếp loại 2021", "Xếp loại 2022", "Xếp loại 2023", "Ghi chú"]
MEMBERS = [
    [1, "Trần Văn An", "05/2010", "HTTNV", "HTXSNV", "HTTNV", None],
    [2, "Lê Thị Bình", "03/2022", None, "Chưa đánh giá", "HTTNV", None],
    [3, "Phạm Văn Cường", "1995", "HTNV", None, None, "Chuyển sinh hoạt đi tháng 3/2022"],
    [4, "Đỗ Thị Dung", None, None, None, "Chưa đánh giá", "Kết nạp tháng 11/2023"],
    [5, "Ngô Văn Em", "1960", "Miễn đánh giá", "Miễn đánh giá", "Miễn đánh giá", None],
]


def rows(members=MEMBERS) -> list[list]:
    return [["CHI BỘ PHÒNG KẾ HOẠCH - THEO DÕI XẾP LOẠI ĐẢNG VIÊN"], HEADER, *members]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_each_year_counts_its_members(tmp_path, kind):
    path = (
        make_xlsx(tmp_path / "a.xlsx", {"Chi bo": rows()}) if kind == "xlsx" else make_csv(tmp_path / "a.csv", rows())
    )
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = figures(result.stdout)

    def year(y):
        return {c: n for (yy, s, c), n in found.items() if (yy, s) == (y, "members") and n}

    # by hand: 2021 An good, Cường pass, Em exempt (Bình, Dung not yet members)
    assert year(2021) == {"total": 3, "exempt": 1, "rated": 2, "good": 1, "pass": 1, "good_or_better": 1}
    # 2022: An top, Bình not rated, Em exempt (Cường left, Dung not yet a member)
    assert year(2022) == {"total": 3, "exempt": 1, "not_rated": 1, "rated": 1, "top": 1, "good_or_better": 1}
    # 2023: An good, Bình good, Dung not rated, Em exempt
    assert year(2023) == {"total": 4, "exempt": 1, "not_rated": 1, "rated": 2, "good": 2, "good_or_better": 2}
    assert "2 member(s) with blank cells in the years before they were admitted" in result.stderr


def test_a_blank_in_the_year_of_admission_is_still_a_blank_rating(tmp_path):
    members = [list(m) for m in MEMBERS]
    members[1][4] = None  # Bình, admitted 03/2022: his 2022 cell blank
    result = run("classify", str(make_xlsx(tmp_path / "b.xlsx", {"Chi bo": rows(members)})), "--format", "csv")
    assert result.exit_code == 2
    assert "row 4" in result.stderr and "Xếp loại 2022" in result.stderr and "blank" in result.stderr
