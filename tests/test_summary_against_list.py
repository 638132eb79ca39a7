"""A summary sheet ("Tổng hợp": each tier with its count) beside the list of the same year is
checked against the list: agreeing, the list is counted once and a warning says so; disagreeing,
the run stops naming both sheets (which was decided cannot be told)."""

from __future__ import annotations

from conftest import figures, make_xlsx, run

LIST = [
    ["DANH SÁCH XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
    ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
    [1, "Chi bộ Sở A", "HTXSNV"],
    [2, "Chi bộ Sở B", "HTTNV"],
    [3, "Chi bộ Sở C", "HTTNV"],
    [4, "Chi bộ Sở D", "HTNV"],
]


def _summary(top: int, good: int) -> list[list]:
    return [
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI NĂM 2021"],
        ["TT", "Mức xếp loại", "Số lượng", "Tỷ lệ (%)"],
        [1, "Hoàn thành xuất sắc nhiệm vụ", top, 25.0],
        [2, "Hoàn thành tốt nhiệm vụ", good, 50.0],
        [3, "Hoàn thành nhiệm vụ", 1, 25.0],
        [None, "Tổng cộng", top + good + 1, 100.0],
    ]


def test_a_summary_that_agrees_is_checked_and_the_list_counted_once(tmp_path):
    path = make_xlsx(tmp_path / "ok.xlsx", {"Tổng hợp": _summary(1, 2), "Danh sách": LIST})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert figures(result.stdout)[(2021, "units", "total")] == 4  # counted by hand
    assert "agrees with the list (2021): the list counted, once" in result.stderr


def test_a_summary_that_disagrees_stops_naming_both_sheets(tmp_path):
    path = make_xlsx(tmp_path / "lech.xlsx", {"Tổng hợp": _summary(2, 1), "Danh sách": LIST})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2
    assert "sheet 'Tổng hợp' and the list on sheet 'Danh sách' (2021) disagree" in result.stderr
    assert "Hoàn thành xuất sắc nhiệm vụ: 2 ≠ 1" in result.stderr
