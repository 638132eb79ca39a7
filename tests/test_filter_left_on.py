"""An AutoFilter left on hides rows as a view: the rows are data, counted, with a warning saying
a filter was on; rows hidden by hand (no filter) stay skipped as before."""

from __future__ import annotations

from openpyxl import Workbook

from conftest import figures, run

ROWS = [
    ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024"],
    ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
    [1, "Chi bộ Sở A", "HTXSNV"],
    [2, "Chi bộ Sở B", "HTTNV"],
    [3, "Chi bộ Sở C", "HTTNV"],
    [4, "Chi bộ Sở D", "HTXSNV"],
    [5, "Chi bộ Sở E", "HTNV"],
]


def _book(path, with_filter: bool):
    wb = Workbook()
    ws = wb.active
    ws.title = "2024"
    for row in ROWS:
        ws.append(row)
    if with_filter:  # the filter shows HTXSNV only: rows 4, 5 and 7 hidden by it
        ws.auto_filter.ref = "A2:C7"
        ws.auto_filter.add_filter_column(2, ["HTXSNV"])
    for r in (4, 5, 7):
        ws.row_dimensions[r].hidden = True
    wb.save(path)
    return path


def test_rows_hidden_by_a_filter_are_counted_with_a_warning(tmp_path):
    result = run("classify", _book(tmp_path / "f.xlsx", True), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 2 HTXSNV, 2 HTTNV, 1 HTNV
    assert (got[(2024, "units", "top")], got[(2024, "units", "good")], got[(2024, "units", "pass")]) == (2, 2, 1)
    assert "a filter was left on: the 3 row(s) it hides are counted (first: row 4)" in result.stderr


def test_rows_hidden_by_hand_stay_skipped(tmp_path):
    result = run("classify", _book(tmp_path / "h.xlsx", False), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert figures(result.stdout)[(2024, "units", "total")] == 2
    assert "3 hidden row(s) skipped" in result.stderr
