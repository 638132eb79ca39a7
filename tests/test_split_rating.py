"""One rating split over two columns by a group of members.

"Xếp loại (đảng viên trong biên chế)" | "Xếp loại (đảng viên hợp đồng)": each member's rating in one of
the two, the other blank. Neither a year nor a committee tells them apart, but no row is rated twice:
it is one rating, read as one column, with one warning. A row rated in both is two ratings of one
member: the run stops naming the two columns, as before.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

HEADER = ["STT", "Họ và tên", "Xếp loại (đảng viên trong biên chế)", "Xếp loại (đảng viên hợp đồng)"]


def _rows(last):
    return [
        ["CHI BỘ BỆNH VIỆN HUYỆN - XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
        HEADER,
        [1, "Triệu Văn Am", "HTTNV", ""],
        [2, "Hà Thị Bông", "", "HTXSNV"],
        [3, "Nông Văn Cò", "HTNV", ""],
        [4, "Lục Thị Dung", "", "HTTNV"],
        last,
    ]


def test_two_columns_rating_disjoint_groups_are_one_rating(tmp_path):
    path = make_xlsx(tmp_path / "hai_nhom.xlsx", {"Sheet1": _rows([5, "Mã Văn Én", "HTTNV", ""])})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "split by a group of members" in result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2020, "members") and n}
    assert found == {"total": 5, "rated": 5, "top": 1, "good": 3, "pass": 1, "good_or_better": 4}


def test_a_row_rated_in_both_stops_naming_the_columns(tmp_path):
    path = make_xlsx(tmp_path / "ca_hai.xlsx", {"Sheet1": _rows([5, "Mã Văn Én", "HTTNV", "HTNV"])})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert HEADER[2] in result.stderr and HEADER[3] in result.stderr
