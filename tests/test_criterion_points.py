"""Points of a part of the score are not a rating: a 2025 score sheet (QĐ 366) gives each
criterion's points ("Tiêu chí B: Kết quả công tác (40 điểm)", "TC2 kỷ luật (30đ)") before the total
and the tier. A column whose header names points and whose cells are numbers is such a part,
whatever other words its header has ("kết quả" names a rating, "kỷ luật" a discipline): not read,
and inspect says why. Its cells decide: rating labels under a header that names points keep it the
rating. Counted by hand from the rows written here.
"""

from __future__ import annotations

import json

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

HEAD = [
    "STT",
    "Họ và tên",
    "Tiêu chí A: Nhận thức chính trị (30 điểm)",
    "Tiêu chí B: Kết quả công tác (40 điểm)",
    "TC C: Chấp hành kỷ luật (30đ)",
    "Tổng điểm",
    "Xếp loại",
]
ROWS = [
    [1, "Trần Văn An", 28, 37, 27, 92, "HTXSNV"],
    [2, "Lê Thị Bình", 22, 30, 23, 75, "HTTNV"],
    [3, "Phạm Văn Cường", 18, 22.5, 20, 60.5, "HTNV"],
    [4, "Đỗ Thị Dung", 24, 32, 24, 80, "HTTNV"],
    [5, "Ngô Văn Em", None, None, None, None, "Miễn đánh giá"],
]
# by hand: An top, Bình and Dung good, Cường pass, Em exempt
EXPECTED = {"total": 5, "exempt": 1, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}


def _sheet(head=HEAD, rows=ROWS) -> list[list]:
    return [["CHI BỘ PHÒNG TỔNG HỢP - BẢNG CHẤM ĐIỂM ĐẢNG VIÊN NĂM 2025"], head, *rows]


def _members(result) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2025, "members") and n}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_criterion_points_are_not_a_second_rating(tmp_path, kind):
    path = (
        make_xlsx(tmp_path / "d.xlsx", {"Cham diem": _sheet()})
        if kind == "xlsx"
        else make_csv(tmp_path / "d.csv", _sheet())
    )
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == EXPECTED
    shown = json.loads(run("inspect", str(path), "--format", "json").stdout)[0]["columns"]
    reasons = {c["column"]: c.get("reason") for c in shown}
    assert (reasons["C"], reasons["D"], reasons["E"]) == ("points", "points", "points")
    assert ({c["column"]: c["role"] for c in shown}["F"], {c["column"]: c["role"] for c in shown}["G"]) == (
        "score",
        "rating",
    )


def test_labels_under_a_header_naming_points_are_the_rating(tmp_path):
    head = ["STT", "Họ và tên", "Tổng điểm", "Xếp loại (thang 100 điểm)"]
    rows = [[r[0], r[1], r[5], r[6]] for r in ROWS]
    result = run("classify", str(make_xlsx(tmp_path / "x.xlsx", {"2025": _sheet(head, rows)})), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == EXPECTED
