"""A sheet with no header whose rows are more rows of the previous sheet's table.

A list printed to PDF and turned back into Excel one sheet per page, or a long list split over
sheets: only the first sheet has the title and the header. A sheet whose first filled rows hold the
same columns with the same kinds of values (numbers, names, rating labels) continues the table, with
a warning naming both sheets; a sheet whose columns hold other kinds of values is not taken for it
(its ratings stop the run, as on any sheet without a header).

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

PAGE_1 = [
    ["ĐẢNG BỘ KHỐI DOANH NGHIỆP"],
    ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022"],
    ["STT", "Tên tổ chức cơ sở đảng", "Số đảng viên", "Xếp loại"],
    [1, "Đảng bộ Công ty Cấp nước", 41, "HTXSNV"],
    [2, "Chi bộ Công ty Xe khách", 12, "HTTNV"],
    [3, "Đảng bộ Công ty Điện lực", 58, "HTTNV"],
    [4, "Chi bộ Công ty In", 9, "HTNV"],
]
PAGE_2 = [
    [5, "Chi bộ Công ty Sách", 11, "HTTNV"],
    [6, "Chi bộ Công ty Muối", 7, "KHTNV"],
    [7, "Đảng bộ Công ty Cảng", 33, "HTXSNV"],
    [None, None, None, None],
    ["Nơi nhận:", None, "T/M BAN THƯỜNG VỤ", None],
]


def _units(result) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2022, "units") and n}


def test_a_page_with_no_header_continues_the_table_before_it(tmp_path):
    path = make_xlsx(tmp_path / "tccs.xlsx", {"Trang 1": PAGE_1, "Trang 2": PAGE_2})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # 7 organisations: 2 top, 3 good, 1 pass, 1 fail; the signature under page 2 is not one
    assert _units(result) == {"total": 7, "rated": 7, "top": 2, "good": 3, "pass": 1, "fail": 1, "good_or_better": 5}
    assert "sheet 'Trang 2'" in result.stderr and "'Trang 1'" in result.stderr


def test_inspect_shows_the_header_it_was_read_under(tmp_path):
    path = make_xlsx(tmp_path / "tccs.xlsx", {"Trang 1": PAGE_1, "Trang 2": PAGE_2})
    result = run("inspect", str(path))
    assert result.exit_code == 0, result.stderr
    assert "header row 3 of sheet 'Trang 1'; data rows 1-4" in result.stdout


def test_other_kinds_of_values_are_not_taken_for_more_rows(tmp_path):
    # the third column holds words, not member counts: not the same table; its ratings would go
    # uncounted, so the run stops naming the sheet, as before
    other = [[i, f"Chi bộ Phòng {n}", "Đã kiện toàn", "HTTNV"] for i, n in enumerate(("A", "B", "C"), 1)]
    path = make_xlsx(tmp_path / "tccs.xlsx", {"Trang 1": PAGE_1, "Khac": other})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert "sheet 'Khac'" in result.stderr


def test_a_page_label_above_the_rows_is_no_row_of_another_table(tmp_path):
    path = make_xlsx(tmp_path / "tccs.xlsx", {"Trang 1": PAGE_1, "Trang 2": [["Trang 2"], *PAGE_2]})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _units(result)["total"] == 7 and "sheet 'Trang 2'" in result.stderr


def test_a_sheet_named_for_another_year_is_not_more_rows_of_this_one(tmp_path):
    # its rows in page 1's columns, but its name says 2023: not 2022's list (what becomes of it is
    # the rule for sheets without a header, as before: here skipped, and said)
    path = make_xlsx(tmp_path / "tccs.xlsx", {"Trang 1": PAGE_1, "Năm 2023": PAGE_2})
    result = run("classify", str(path), "--format", "csv")
    assert _units(result)["total"] == 4, result.stderr
    assert "no header of its own" not in result.stderr and "sheet 'Năm 2023'" in result.stderr


def test_a_page_repeating_the_header_with_no_title_takes_the_year_of_the_page_before(tmp_path):
    page_2 = [PAGE_1[2], *PAGE_2]  # the header printed on every page, the title only on the first
    path = make_xlsx(tmp_path / "tccs.xlsx", {"Trang 1": PAGE_1, "Trang 2": page_2})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _units(result) == {"total": 7, "rated": 7, "top": 2, "good": 3, "pass": 1, "fail": 1, "good_or_better": 5}
    assert "the year 2022 of the table on sheet 'Trang 1'" in result.stderr
    shown = run("inspect", str(path)).stdout
    assert "year: 2022 (from the table on the sheet before)" in shown
