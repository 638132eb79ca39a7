"""A rating label with its reason after a dash or its date after it, and a label the typist doubted.

A careful clerk reads "Miễn đánh giá - đau ốm" as exempt, "Mới vào Đảng - chưa xếp loại" as not
rated (the label may come after the reason), "Từ trần 3/2023" as a member who left; a reason that
names another tier ("HTTNV - đề nghị HTXSNV") does not say which was decided, and "HTNV (?)" or
"HTNV?" is the typist's doubt: the run stops naming the cell.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from ccq_stats.figures.classify import match_label
from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

ROWS = [
    ["CHI BỘ PHÒNG TÀI CHÍNH - ĐÁNH GIÁ ĐẢNG VIÊN NĂM 2023"],
    ["STT", "Họ và tên", "Kết quả / lý do"],
    [1, "Kiều Văn Lâm", "HTXSNV"],
    [2, "Mai Thị Nga", "Hoàn thành tốt nhiệm vụ"],
    [3, "Tạ Văn Oanh", "HTTNV"],
    [4, "Lưu Thị Phúc", "Miễn đánh giá - đau ốm kéo dài"],
    [5, "Đàm Văn Quý", "Mới vào Đảng – chưa xếp loại"],
    [6, "Thân Thị Rạng", "Từ trần 3/2023"],
    [7, "Khúc Văn Sơn", "HTNV"],
    [8, "La Thị Tâm", "Chuyển sinh hoạt đi tháng 9/2023"],
]


def test_the_label_beside_its_reason_or_date_counts(tmp_path):
    path = make_xlsx(tmp_path / "ly_do.xlsx", {"2023": ROWS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2023, "members") and n}
    # by hand: top Lâm; good Nga, Oanh; pass Sơn; exempt Phúc; not rated Quý; Rạng and Tâm left
    assert found == {
        "total": 6,
        "exempt": 1,
        "not_rated": 1,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }
    assert "2 member(s) who left" in result.stderr


def test_parts_that_name_two_ratings_are_no_label(scales):
    assert match_label("HTTNV - đề nghị HTXSNV", scales) is None
    assert match_label("Miễn đánh giá - KHTNV", scales) is None
    # a tier followed by a year may be that year's rating: not read as this one
    assert match_label("HTTNV 2022", scales) is None
    assert match_label("Miễn sinh hoạt - miễn đánh giá", scales).meaning.means == "exempt"


@pytest.mark.parametrize("doubt", ["HTNV (?)", "HTNV?"])
def test_a_label_the_typist_doubted_stops_the_run(tmp_path, doubt):
    rows = [*ROWS[:4], [3, "Tạ Văn Oanh", doubt]]
    path = make_xlsx(tmp_path / "nghi_ngo.xlsx", {"2023": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2
    assert doubt in result.stderr and "row 5" in result.stderr and "question mark" in result.stderr
