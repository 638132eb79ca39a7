"""Members × years over a term: a row's years run from its first cell that says something (a
rating, "Chưa đánh giá", "Miễn đánh giá") to its last. A dash or a blank before the first or after
the last is "not in the list that year" (admitted later, come from another chi bộ, moved away): in
no total, with a warning, since its place in the row alone decides. A dash between two years that
say something is a question – not in the list, or not rated? – and stops the run, naming the cell.
Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

HEAD = ["STT", "Họ và tên", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024"]
MEMBERS = [
    [1, "Trần Văn An", "HTTNV", "HTTNV", "HTXSNV", "HTTNV"],
    [2, "Lê Thị Bình", "-", "Chưa đánh giá", "HTTNV", "HTTNV"],  # admitted in 2022
    [3, "Phạm Văn Cường", "HTNV", "HTTNV", "-", "-"],  # moved away in 2023
    [4, "Đỗ Thị Dung", None, None, None, "Chưa đánh giá"],  # admitted in 2024, blanks before
    [5, "Ngô Văn Em", "Miễn đánh giá", "Miễn đánh giá", "Miễn đánh giá", "Miễn đánh giá"],
]


def _rows(members=MEMBERS) -> list[list]:
    return [["CHI BỘ PHÒNG TỔNG HỢP - XẾP LOẠI ĐẢNG VIÊN NHIỆM KỲ 2020 - 2025"], HEAD, *members]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_dashes_and_blanks_outside_a_members_years_are_not_in_the_list(tmp_path, kind):
    path = make_xlsx(tmp_path / "a.xlsx", {"DH": _rows()}) if kind == "xlsx" else make_csv(tmp_path / "a.csv", _rows())
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = figures(result.stdout)

    def year(y):
        return {c: n for (yy, s, c), n in found.items() if (yy, s) == (y, "members") and n}

    # by hand: 2021 An good, Cường pass, Em exempt (Bình, Dung not yet in the list)
    assert year(2021) == {"total": 3, "exempt": 1, "rated": 2, "good": 1, "pass": 1, "good_or_better": 1}
    # 2022: An good, Bình not rated, Cường good, Em exempt
    assert year(2022) == {"total": 4, "exempt": 1, "not_rated": 1, "rated": 2, "good": 2, "good_or_better": 2}
    # 2023: An top, Bình good, Em exempt (Cường gone)
    assert year(2023) == {"total": 3, "exempt": 1, "rated": 2, "top": 1, "good": 1, "good_or_better": 2}
    # 2024: An good, Bình good, Dung not rated, Em exempt
    assert year(2024) == {"total": 4, "exempt": 1, "not_rated": 1, "rated": 2, "good": 2, "good_or_better": 2}
    # Bình 2021, Cường 2023 and 2024, Dung 2021 to 2023
    assert "6 cell(s) blank or a dash before a member's first year in the list or after the last" in result.stderr


def test_a_dash_between_two_rated_years_stops(tmp_path):
    members = [list(m) for m in MEMBERS]
    members[0][3] = "-"  # An: 2021 HTTNV, 2022 "-", 2023 HTXSNV
    result = run("classify", str(make_xlsx(tmp_path / "b.xlsx", {"DH": _rows(members)})), "--format", "csv")
    assert result.exit_code == 2
    assert "row 3" in result.stderr and "Năm 2022" in result.stderr and "dash between two years" in result.stderr


def test_a_dash_after_admission_is_a_member_not_yet_in_this_list(tmp_path):
    head = ["STT", "Họ và tên", "Năm vào Đảng", "Năm 2022", "Năm 2023"]
    rows = [
        ["CHI BỘ PHÒNG TỔNG HỢP"],
        head,
        [1, "Trần Văn An", 2001, "HTTNV", "HTTNV"],
        [2, "Lê Thị Bình", 2010, "-", "HTXSNV"],  # a member since 2010, come from another chi bộ in 2023
    ]
    result = run("classify", str(make_xlsx(tmp_path / "c.xlsx", {"DH": rows})), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = figures(result.stdout)
    assert (found[(2022, "members", "total")], found[(2023, "members", "total")]) == (1, 2)
    assert (found[(2023, "members", "top")], found[(2023, "members", "good")]) == (1, 1)
