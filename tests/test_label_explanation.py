"""A rating label followed by an explanation in brackets is the label before the bracket.

Staff write why beside what was decided: "Miễn (tuổi cao)", "Chưa đánh giá (kết nạp 10/2022)",
"KHTNV (bị kỷ luật khiển trách)". The bracket names no label, so it says why, not what: the label
before it counts (docs/domain.md §2, "A label with another in brackets"). A bracket that holds a
label, even inside other words ("HTTNV (đề nghị HTXSNV)"), does not say which was decided: the run
stops naming the cell.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from ccq_stats.figures.classify import match_label
from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

MEMBERS = [
    ["CHI BỘ SỞ Y TẾ - XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
    ["STT", "Họ và tên", "Xếp loại"],
    [1, "Trần Văn An", "HTXSNV (được khen thưởng)"],
    [2, "Lê Thị Bình", "Hoàn thành tốt nhiệm vụ (HTTNV)"],
    [3, "Phạm Văn Cường", "HTTNV"],
    [4, "Đỗ Thị Dung", "Miễn đánh giá (sức khỏe yếu)"],
    [5, "Ngô Văn Em", "Chưa đánh giá (mới kết nạp 9/2021)"],
    [6, "Vũ Thị Giang", "KHTNV (bị kỷ luật cảnh cáo)"],
    [7, "Hà Văn Hòa", "HTNV"],
]


def test_the_label_before_an_explanation_counts(tmp_path):
    path = make_xlsx(tmp_path / "giai_thich.xlsx", {"2021": MEMBERS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, "members") and n}
    # by hand: top An; good Bình, Cường; pass Hòa; fail Giang; exempt Dung; not rated Em
    assert found == {
        "total": 7,
        "exempt": 1,
        "not_rated": 1,
        "rated": 5,
        "top": 1,
        "good": 2,
        "pass": 1,
        "fail": 1,
        "good_or_better": 3,
    }


def test_a_bracket_holding_a_label_is_no_explanation(tmp_path, scales):
    assert match_label("HTTNV (đề nghị HTXSNV)", scales) is None
    rows = [*MEMBERS[:3], [2, "Lê Thị Bình", "HTTNV (đề nghị HTXSNV)"]]
    path = make_xlsx(tmp_path / "hai_nhan.xlsx", {"2021": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2
    assert "HTTNV (đề nghị HTXSNV)" in result.stderr and "row 4" in result.stderr


def test_an_explained_status_in_the_notes_says_why_a_rating_is_blank(tmp_path):
    """A notes cell "Miễn đánh giá (tuổi cao)" on a row with no rating and no tick of its own is the
    row's status (the readers' explained blank), not a second rating column to refuse."""
    rows = [
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        ["STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Ghi chú"],
        [1, "Trần Văn An", "x", None, None, None, None],
        [2, "Lê Thị Bình", None, "x", None, None, None],
        [3, "Phạm Văn Cường", None, None, None, None, "Miễn đánh giá (tuổi cao)"],
        [4, "Đỗ Thị Dung", None, None, None, None, "Chưa đánh giá (kết nạp tháng 10/2021)"],
        [5, "Ngô Văn Em", None, "x", None, None, None],
    ]
    result = run("classify", str(make_xlsx(tmp_path / "tick.xlsx", {"2021": rows})), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, "members") and n}
    # by hand: top An; good Bình, Em; exempt Cường; not rated Dung
    assert found == {"total": 5, "exempt": 1, "not_rated": 1, "rated": 3, "top": 1, "good": 2, "good_or_better": 3}
