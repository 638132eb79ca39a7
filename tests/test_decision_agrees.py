"""A decision written as agreement with the proposal beside it ("Nhất trí", "Theo đề nghị",
"Đồng ý như đề nghị"): the higher level agreed, so the row's rating is the proposal's (or the
self-rating's) on the same row. A decision that agrees with nothing readable – a blank proposal, a
note between the two that says something else – or that says a change ("Thống nhất, hạ một mức")
stops the run naming the cell. Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

UNITS_HEAD = ["TT", "Tên chi bộ", "Chi bộ tự xếp loại", "Cấp trên quyết định"]
UNITS = [
    [1, "Chi bộ Sở Tư pháp", "Hoàn thành xuất sắc nhiệm vụ", "Nhất trí"],
    [2, "Chi bộ Sở Y tế", "Hoàn thành tốt nhiệm vụ", "Theo đề nghị"],
    [3, "Chi bộ Thanh tra tỉnh", "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ"],  # changed
    [4, "Chi bộ Thuế tỉnh", "Hoàn thành nhiệm vụ", "Đồng ý như đề nghị"],
    [5, "Chi bộ Kho bạc", "Hoàn thành tốt nhiệm vụ", "nhat tri"],  # typed without marks
]


def _of(result, year: int, subject: str) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (year, subject) and n}


def _units(rows) -> list[list]:
    return [["KẾT QUẢ XẾP LOẠI CHI BỘ CƠ SỞ NĂM 2021"], UNITS_HEAD, *rows]


def test_agreeing_decisions_take_the_self_rating_of_their_row(tmp_path):
    result = run("classify", str(make_xlsx(tmp_path / "a.xlsx", {"2021": _units(UNITS)})), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: Tư pháp top (agreed), Y tế good (agreed), Thanh tra good (changed), Thuế pass, Kho bạc good
    assert _of(result, 2021, "units") == {"total": 5, "rated": 5, "top": 1, "good": 3, "pass": 1, "good_or_better": 4}
    assert "4 decision(s) in 'Cấp trên quyết định' say they agree" in result.stderr


def test_members_as_proposed_in_a_csv(tmp_path):
    rows = [
        ["CHI BỘ PHÒNG TỔNG HỢP - XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Họ và tên", "Chi bộ đề nghị", "Đảng ủy quyết định"],
        [1, "Trần Văn An", "HTTNV", "Thống nhất"],
        [2, "Lê Thị Bình", "HTXSNV", "HTTNV"],
        [3, "Phạm Văn Cường", "Miễn đánh giá", "Như đề nghị"],
        [4, "Đỗ Thị Dung", "HTNV", "Đồng ý"],
        [5, "Ngô Văn Em", "Chưa đánh giá", "Giữ nguyên"],
    ]
    result = run("classify", str(make_csv(tmp_path / "dv.csv", rows)), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: An good, Bình good (lowered), Cường exempt, Dung pass, Em not rated
    assert _of(result, 2024, "members") == {
        "total": 5,
        "exempt": 1,
        "not_rated": 1,
        "rated": 3,
        "good": 2,
        "pass": 1,
        "good_or_better": 2,
    }


def test_agreeing_with_a_blank_proposal_stops(tmp_path):
    rows = [list(r) for r in UNITS]
    rows[1][2] = None  # Y tế proposed nothing, the decision says "Theo đề nghị"
    result = run("classify", str(make_xlsx(tmp_path / "b.xlsx", {"2021": _units(rows)})), "--format", "csv")
    assert result.exit_code == 2
    assert "row 4" in result.stderr and "holds no rating on this row" in result.stderr


def test_a_change_is_no_agreement(tmp_path):
    rows = [list(r) for r in UNITS]
    rows[0][3] = "Thống nhất, hạ một mức"
    result = run("classify", str(make_xlsx(tmp_path / "c.xlsx", {"2021": _units(rows)})), "--format", "csv")
    assert result.exit_code == 2
    assert "Thống nhất, hạ một mức" in result.stderr


def test_an_opinion_between_that_differs_stops(tmp_path):
    head = ["TT", "Tên chi bộ", "Chi bộ tự xếp loại", "Ý kiến của Ban Tổ chức", "Cấp trên quyết định"]
    rows = [
        ["KẾT QUẢ XẾP LOẠI CHI BỘ CƠ SỞ NĂM 2021"],
        head,
        [1, "Chi bộ Sở Tư pháp", "HTXSNV", "Đề nghị giữ nguyên", "Thống nhất"],
        [2, "Chi bộ Sở Y tế", "HTXSNV", "Đề nghị hạ một mức", "Thống nhất"],
    ]
    result = run("classify", str(make_xlsx(tmp_path / "d.xlsx", {"2021": rows})), "--format", "csv")
    assert result.exit_code == 2
    assert "row 4" in result.stderr and "Đề nghị hạ một mức" in result.stderr
