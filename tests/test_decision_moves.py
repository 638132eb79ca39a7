"""A decision written as a move from the proposal beside it ("Hạ 1 bậc", "hạ một mức", "Nâng 1 bậc"):
the proposal's tier moved that many tiers down (or up) the scale – the agreement rule with an offset.
A move from a proposal that is no tier, or off the scale, stops the run naming the cell. Counted by
hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

HEAD = ["STT", "Họ và tên", "Đảng viên tự xếp loại", "Chi bộ quyết định"]


def _sheet(last):
    return [
        ["CHI BỘ TRƯỜNG TIỂU HỌC - XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        HEAD,
        [1, "Sầm Văn Ấm", "Hoàn thành xuất sắc nhiệm vụ", "Hạ 1 bậc"],  # good
        [2, "Lường Thị Bé", "Hoàn thành tốt nhiệm vụ", "hạ một mức"],  # pass
        [3, "Quàng Văn Cầm", "Hoàn thành nhiệm vụ", "Nâng 1 bậc"],  # good
        [4, "Tòng Thị Duyên", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ"],  # good
        last,
    ]


def test_a_decision_that_moves_takes_the_tier_that_many_from_the_proposal(tmp_path):
    rows = _sheet([5, "Lò Văn Én", "Hoàn thành tốt nhiệm vụ", "Hạ 2 bậc"])  # fail
    result = run("classify", str(make_xlsx(tmp_path / "a.xlsx", {"2022": rows})), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2022, "members") and n}
    assert found == {"total": 5, "rated": 5, "good": 3, "pass": 1, "fail": 1, "good_or_better": 3}
    assert "4 decision(s) in 'Chi bộ quyết định' move" in result.stderr


@pytest.mark.parametrize("proposal, decision", [("Hoàn thành xuất sắc nhiệm vụ", "Nâng 1 bậc"), ("", "Hạ 1 bậc")])
def test_a_move_off_the_scale_or_from_no_tier_stops_naming_the_cell(tmp_path, proposal, decision):
    rows = _sheet([5, "Lò Văn Én", proposal, decision])
    result = run("classify", str(make_xlsx(tmp_path / "b.xlsx", {"2022": rows})), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert "row 7" in result.stderr and "column D" in result.stderr and decision in result.stderr
