"""A sheet that lists the rating labels to choose from (a drop-down's source) is not data.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

LIST = [
    ["DANH SÁCH ĐẢNG VIÊN CHI BỘ XÃ AN HÒA - XẾP LOẠI NĂM 2022"],
    ["STT", "Họ và tên", "Đơn vị", "Xếp loại"],
    [1, "Tống Văn Bách", "Chi bộ Thôn 1", "Hoàn thành tốt nhiệm vụ"],
    [2, "Lục Thị Cúc", "Chi bộ Thôn 2", "Hoàn thành nhiệm vụ"],
    [3, "Quách Văn Danh", "Chi bộ Thôn 1", "Hoàn thành tốt nhiệm vụ"],
]
CHOICES = [
    ["Đơn vị", "", "Mức"],
    ["Chi bộ Thôn 1", "", "Hoàn thành xuất sắc nhiệm vụ"],
    ["Chi bộ Thôn 2", "", "Hoàn thành tốt nhiệm vụ"],
    ["", "", "Hoàn thành nhiệm vụ"],
    ["", "", "Không hoàn thành nhiệm vụ"],
    ["", "", "Miễn đánh giá"],
]


def test_the_sheet_of_choices_is_skipped_saying_so(tmp_path):
    path = make_xlsx(tmp_path / "chon.xlsx", {"DS": LIST, "Lists": CHOICES})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if y == 2022 and n}
    # by hand: Bách, Danh good; Cúc pass – nothing from the sheet of choices
    assert found == {"total": 3, "rated": 3, "good": 2, "pass": 1, "good_or_better": 2}
    assert "sheet 'Lists'" in result.stderr and "a list of choices" in result.stderr


def test_a_list_of_five_in_another_order_is_data(tmp_path):
    rows = [["STT", "Họ và tên", "Xếp loại"]] + [
        [i, name, label]
        for i, (name, label) in enumerate(
            [("Hứa Văn Em", "HTTNV"), ("Kha Thị Gia", "HTXSNV"), ("Tô Văn Hiếu", "KHTNV"), ("Bế Thị Ích", "HTNV")],
            1,
        )
    ]
    rows.append([5, "Nông Văn Khải", "Miễn đánh giá"])
    path = make_xlsx(tmp_path / "nam_nguoi_2022.xlsx", {"2022": rows, "Khác": LIST})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "a list of choices" not in result.stderr
