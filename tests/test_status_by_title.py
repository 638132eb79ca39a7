"""A member list with no rating column whose title or sheet name gives their status.

One chi bộ's list kept over sheets by status: the rated on one sheet with their tier, the exempt or
the not rated on another under a title that says so, with only their reason beside the names. A
careful clerk gives every member on that sheet the status its title (or its name) says; so does the
reader, with a warning that names where the status came from (a weak signal, issue 18 §4). Where
nothing above the header names a status, or two statuses are named, the run stops as before.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

RATED = [
    ["CHI BỘ PHÒNG KINH TẾ"],
    ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
    ["TT", "Họ và tên", "Chức vụ", "Xếp loại"],
    [1, "Khúc Văn Đạt", "Trưởng phòng", "HTXSNV"],
    [2, "Mẫn Thị Én", "Chuyên viên", "HTTNV"],
    [3, "Tạ Văn Giáp", "Chuyên viên", "HTTNV"],
    [4, "Hứa Thị Lụa", "Chuyên viên", "HTNV"],
]
OTHERS = [
    ["CHI BỘ PHÒNG KINH TẾ"],
    ["ĐẢNG VIÊN MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG NĂM 2023"],
    ["TT", "Họ và tên", "Ghi chú"],
    [1, "Âu Văn Bảy", "Tuổi cao"],
    [2, "Kha Thị Nụ", "Sức khỏe yếu"],
    [None, None, None],
    [None, "T/M CHI ỦY", None],
]


def _members(result) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2023, "members") and n}


def test_the_title_gives_every_member_on_the_sheet_its_status(tmp_path):
    path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Xep loai": RATED, "Khac": OTHERS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # 4 rated (1 top, 2 good, 1 pass) and 2 exempt; the signature row is no member
    assert _members(result) == {
        "total": 6,
        "exempt": 2,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }
    assert "sheet 'Khac'" in result.stderr and "MIỄN CÔNG TÁC" in result.stderr  # said, and where from


def test_the_sheet_name_alone_gives_it(tmp_path):
    untitled = [
        ["DANH SÁCH NĂM 2023"],
        ["TT", "Họ và tên", "Lý do"],
        [1, "Âu Văn Bảy", "Đi học dài hạn"],
        [2, "Kha Thị Nụ", "Ốm dài ngày"],
    ]
    path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Xep loai": RATED, "Chưa đánh giá": untitled})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == {
        "total": 6,
        "not_rated": 2,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }
    assert "sheet 'Chưa đánh giá'" in result.stderr


def test_no_status_named_or_two_named_still_stops(tmp_path):
    plain = [OTHERS[0], ["DANH SÁCH ĐẢNG VIÊN NĂM 2023"], *OTHERS[2:]]
    two = [OTHERS[0], ["ĐẢNG VIÊN MIỄN ĐÁNH GIÁ VÀ CHƯA ĐÁNH GIÁ NĂM 2023"], *OTHERS[2:]]
    for rows in (plain, two):
        path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Xep loai": RATED, "Khac": rows})
        result = run("classify", str(path), "--format", "csv")
        assert result.exit_code == 2, result.stdout
        assert "sheet 'Khac'" in result.stderr


def test_a_csv_of_the_exempt_alone_is_read_alike_both_ways(tmp_path):
    path = make_csv(tmp_path / "mien.csv", OTHERS)
    result = run("classify", str(path), "--format", "csv")  # read again by columns (the differential fixture)
    assert result.exit_code == 0, result.stderr
    assert _members(result) == {"total": 2, "exempt": 2}


def test_a_rating_column_left_blank_on_every_row_takes_the_title_status(tmp_path):
    # the form of the rated copied for the exempt: its "Xếp loại" empty on every member's row
    blank = [OTHERS[0], OTHERS[1], ["TT", "Họ và tên", "Xếp loại", "Ghi chú"]]
    blank += [
        [1, "Âu Văn Bảy", None, "Tuổi cao"],
        [2, "Kha Thị Nụ", None, "Sức khỏe yếu"],
        [3, "Lã Văn Tề", None, None],
    ]
    path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Xep loai": RATED, "Khac": blank})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == {
        "total": 7,
        "exempt": 3,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }
    assert "'Xếp loại' is blank on every row" in result.stderr


def test_one_rating_given_and_the_others_blank_is_still_a_blank_rating(tmp_path):
    # a rating on one row: the column is the members' own, and a blank in it is a blank rating
    part = [OTHERS[0], OTHERS[1], ["TT", "Họ và tên", "Xếp loại"], [1, "Âu Văn Bảy", "Miễn"], [2, "Kha Thị Nụ", None]]
    path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Xep loai": RATED, "Khac": part})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert "sheet 'Khac', row 5" in result.stderr


def test_a_csv_with_its_rating_column_blank_is_read_alike_both_ways(tmp_path):
    rows = [OTHERS[1], ["TT", "Họ và tên", "Xếp loại"], [1, "Âu Văn Bảy", None], [2, "Kha Thị Nụ", None]]
    result = run("classify", str(make_csv(tmp_path / "mien.csv", rows)), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == {"total": 2, "exempt": 2}


def test_a_sheet_of_the_exempt_with_no_year_takes_the_year_of_the_rated_before_it(tmp_path):
    untitled = [["ĐẢNG VIÊN MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG"], *OTHERS[2:]]  # no year in its title or name
    path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Xep loai": RATED, "Khac": untitled})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == {
        "total": 6,
        "exempt": 2,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }
    assert "the year 2023 of the table on sheet 'Xep loai'" in result.stderr
