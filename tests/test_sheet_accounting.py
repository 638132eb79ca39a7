"""A sheet with no header is skipped; the ratings on it are never skipped in silence (issue 18 §2).

A list printed over pages and turned back into a workbook has its header on the first page's sheet
only: the other pages' members would go uncounted with a warning a user may not read. A careful
clerk counts them or asks: a page in the columns of the page before is read as more of its rows
(reading/continued.py), any other stops the run, naming the sheet and the first rating. A sheet listing
each label once (a key, the choices of a drop-down) is no list and is still skipped.
"""

from __future__ import annotations

from openpyxl import Workbook

from conftest import run

HEADER = ["STT", "Họ và tên", "Năm sinh", "Xếp loại"]
PAGE_1 = [[1, "Nguyễn Văn An", 1980, "HTTNV"], [2, "Trần Thị Bình", 1985, "HTXSNV"], [3, "Lê Văn Cường", 1979, "HTTNV"]]
PAGE_2 = [[4, "Phạm Thị Dung", 1990, "HTTNV"], [5, "Hoàng Văn Em", 1988, "HTNV"], [6, "Vũ Thị Giang", 1992, "HTTNV"]]


def _book(path, second: list[list]) -> None:
    book = Workbook()
    first = book.active
    first.title = "Trang 1"
    first.append(["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024"])
    first.append(HEADER)
    for row in PAGE_1:
        first.append(row)
    other = book.create_sheet("Trang 2")
    for row in second:
        other.append(row)
    book.save(path)


def test_a_page_of_members_without_its_header_in_other_columns_stops_the_run_naming_it(tmp_path):
    path = tmp_path / "xep_loai_2024.xlsx"
    _book(path, [[name, rating] for _n, name, _born, rating in PAGE_2])  # not page 1's columns
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2, result.stdout
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "sheet 'Trang 2'" in errors[0], result.stderr
    assert "3 rows with a rating (first: row 1, column B: 'HTTNV')" in errors[0]


def test_a_page_in_the_columns_of_the_page_before_is_read_as_more_of_its_rows(tmp_path):
    """The same columns holding the same kinds of values: more rows of page 1's list
    (reading/continued.py), with a warning naming both sheets – counted, not skipped."""
    path = tmp_path / "xep_loai_2024.xlsx"
    _book(path, PAGE_2)
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "2024,members,total,Tổng số đảng viên (có mặt),6," in result.stdout  # 3 on each page
    assert "sheet 'Trang 2'" in result.stderr and "'Trang 1'" in result.stderr


def test_a_sheet_listing_each_label_once_is_still_skipped(tmp_path):
    path = tmp_path / "xep_loai_2024.xlsx"
    _book(path, [["Mức xếp loại"], ["HTXSNV"], ["HTTNV"], ["HTNV"], ["KHTNV"]])
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "2024,members,total,Tổng số đảng viên (có mặt),3," in result.stdout  # page 1's three members
    assert "sheet 'Trang 2'" in result.stderr and "error" not in result.stderr  # skipped, and said


def test_a_sheet_of_figures_with_labels_and_counts_is_still_skipped(tmp_path):
    """Labels each followed by a count ("HTTNV | 2", per year or subject: the same label again) are
    figures, not ratings given to anyone: such a sheet is skipped as before, not a stop."""
    path = tmp_path / "xep_loai_2024.xlsx"
    figures = [["Số liệu"], ["Mức", "Số lượng"]]
    figures += [["HTXSNV", 1], ["HTTNV", 2], ["HTNV", 0], ["HTXSNV", 1], ["HTTNV", 2], ["HTNV", 0]]
    _book(path, figures)
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "2024,members,total,Tổng số đảng viên (có mặt),3," in result.stdout
