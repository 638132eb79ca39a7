"""The header finder and row reader on each layout staff use."""

from __future__ import annotations

import pytest

from ccq_stats.reading.grid import Sheet
from ccq_stats.reading.header import find_header
from ccq_stats.vocabulary.scales import load_scales
from conftest import figures, make_csv, make_xlsx, run

TITLE = [["ĐẢNG BỘ TỈNH"], ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"], [None]]


def header_roles(rows):
    header = find_header(Sheet("f.xlsx", "S", rows), load_scales())
    return header, {c.header: c.role for c in header.columns}


def test_header_below_title_rows_is_found_by_its_words():
    rows = TITLE + [
        ["KẾT QUẢ XẾP LOẠI NĂM 2019"],
        [None],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ A", "HTTNV"],
    ]
    header, roles = header_roles(rows)
    assert header.first_row == 5 and header.last_row == 5
    assert roles == {"STT": "seq", "Tên tổ chức cơ sở đảng": "org", "Xếp loại": "rating"}


def test_two_row_header_under_a_merged_cell():
    rows = [
        ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "Kết quả xếp loại", None, None, None],
        [None, None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ A", 10, 2, 6, 2, 0],
    ]
    header, roles = header_roles(rows)
    assert (header.first_row, header.last_row) == (0, 1)
    assert [c.meaning.means for c in header.of("count")] == ["top", "good", "pass", "fail"]
    assert roles["Tổng số đảng viên"] == "total_count"


def test_first_data_row_with_tier_words_is_not_taken_for_a_subheader():
    rows = [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"], [None, "Chi bộ A", "HTTNV"], [None, "Chi bộ B", "HTXSNV"]]
    header, _ = header_roles(rows)
    assert header.last_row == 0


def test_birth_year_is_not_the_rating_year():
    _, roles = header_roles([["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại"]])
    assert roles["Năm sinh"] == "birth"


def test_wide_layout_years_under_merged_header(tmp_path):
    path = make_xlsx(
        tmp_path / "wide.xlsx",
        {
            "TCCSĐ": TITLE
            + [
                ["STT", "Tên tổ chức cơ sở đảng", "Kết quả xếp loại", None, None, None],
                [None, None, "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019"],
                [1, "Đảng bộ Sở A", "TSVM", "TSVM tiêu biểu", "HTXSNV", "HTTNV"],
                [2, "Chi bộ B", "HTTNV", "Yếu kém", "KHTNV", "Hoàn thành nhiệm vụ"],
                [3, "Chi bộ C (thành lập 2018)", None, None, "Chưa đánh giá", "HTXSNV"],
            ]
        },
        merges={"TCCSĐ": ["C4:F4", "A4:A5", "B4:B5"]},
    )
    result = run("classify", path)
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    assert got[(2016, "units", "total")] == 2 and got[(2016, "units", "top")] == 1
    assert got[(2017, "units", "exemplary")] == 1 and got[(2017, "units", "fail")] == 1
    assert (
        got[(2018, "units", "total")] == 3
        and got[(2018, "units", "not_rated")] == 1
        and got[(2018, "units", "rated")] == 2
    )
    assert got[(2019, "units", "good_or_better")] == 2  # HTTNV, HTNV, HTXSNV


def test_three_row_header_with_count_and_share_columns_index_row_and_totals(tmp_path):
    path = make_xlsx(
        tmp_path / "counts.xlsx",
        {
            "Biểu 02": [
                ["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
                [None],
                ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá", "Kết quả xếp loại"],
                [None, None, None, None, None, "HTXSNV", None, "HTTNV", None, "HTNV", None, "KHTNV", None],
                [None, None, None, None, None, "SL", "%", "SL", "%", "SL", "%", "SL", "%"],
                ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)"],
                [1, "Chi bộ A", 12, 1, None, 2, 18.18, 8, 72.7, 1, 9.1, 0, 0],
                [2, "Đảng bộ B", 40, None, 2, 6, 15.8, 30, 78.9, 2, 5.3, None, None],
                [None, "Tổng cộng", 52, 1, 2, 8, None, 38, None, 3, None, 0, None],
            ]
        },
    )
    result = run("classify", path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # totals agree, totals row skipped, shares ignored
    got = figures(result.stdout)
    assert got[(2020, "members", "total")] == 52
    assert got[(2020, "members", "rated")] == 49
    assert (got[(2020, "members", "top")], got[(2020, "members", "good")], got[(2020, "members", "pass")]) == (8, 38, 3)


def test_totals_row_that_disagrees_is_warned_about(tmp_path):
    path = make_xlsx(
        tmp_path / "counts.xlsx",
        {
            "Năm 2019": [
                ["STT", "Tên TCCS đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
                [1, "Chi bộ A", 1, 8, 1, 0],
                [2, "Chi bộ B", 2, 9, 0, 0],
                [None, "Cộng", 3, 18, 1, 0],
            ]
        },
    )
    result = run("classify", path)
    assert result.exit_code == 0
    assert "row 4, column D (HTTNV): the totals row says 18 but the rows above add up to 17" in result.stderr
    assert figures(result.stdout)[(2019, "members", "good")] == 17


def test_sheet_per_year_blank_rows_and_cells_by_kind(tmp_path):
    rows = lambda a, b: [  # noqa: E731
        ["TT", "Tên chi bộ", "Loại", "Trực thuộc", "Xếp loại"],
        [1, "Chi bộ Phòng 1", "CBTT", "Đảng bộ Sở A", a],
        [None, None, None, None, None],
        [2, "Chi bộ Sở B", "Chi bộ cơ sở", None, b],
    ]
    path = make_xlsx(tmp_path / "years.xlsx", {"Năm 2016": rows("TSVM", "HTTNV"), "2017": rows("HTNV", "TSVM")})
    got = figures(run("classify", path).stdout)
    assert got[(2016, "cells", "top")] == 1 and got[(2016, "units", "good")] == 1
    assert got[(2017, "cells", "pass")] == 1 and got[(2017, "units", "top")] == 1
    assert got[(2016, "cells", "total")] == 1 and got[(2016, "units", "total")] == 1


def test_section_rows_set_the_kind_and_a_parent_makes_a_cell(tmp_path):
    path = make_csv(
        tmp_path / "units.csv",
        [
            ["STT", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
            ["I", "CÁC ĐẢNG BỘ CƠ SỞ", None, None],
            [1, "Đảng bộ Sở A", None, "HTXSNV"],
            ["II", "CÁC CHI BỘ TRỰC THUỘC", None, None],
            [1, "Chi bộ Văn phòng", "Đảng bộ Sở A", "HTTNV"],
            [2, "Chi bộ Phòng 2", None, "HTTNV"],
            ["III", "Chi bộ cơ sở", None, None],
            [1, "Chi bộ Sở C", None, "HTNV"],
        ],
    )
    result = run("classify", path, "--year", "2019")
    got = figures(result.stdout)
    assert got[(2019, "units", "total")] == 2 and got[(2019, "cells", "total")] == 2


@pytest.mark.parametrize(
    ("title", "sheet", "year_col", "option", "expected"),
    [
        (None, "Sheet1", 2018, None, 2018),  # a year column wins
        ("DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2017", "Sheet1", None, None, 2017),  # title rows
        ("DANH SÁCH (kèm theo báo cáo ngày 10 tháng 01 năm 2018)", "Năm 2016", None, None, 2016),  # sheet name
        ("Báo cáo ngày 10 tháng 01 năm 2018", "Sheet1", None, "2015", 2015),  # a date is not the year
    ],
)
def test_where_the_year_comes_from(tmp_path, title, sheet, year_col, option, expected):
    head = ["STT", "Họ và tên", "Năm sinh", "Chi bộ"] + (["Năm"] if year_col else []) + ["Xếp loại"]
    row = [1, "Người Thử Nghiệm", 1970, "Chi bộ A"] + ([year_col] if year_col else []) + ["HTTNV"]
    rows = ([[title], [None]] if title else []) + [head, row]
    path = make_xlsx(tmp_path / "m.xlsx", {sheet: rows})
    result = run("classify", path, *(["--year", option] if option else []))
    assert result.exit_code == 0, result.stderr
    assert figures(result.stdout)[(expected, "members", "good")] == 1


def test_member_rows_with_statuses_and_discipline(tmp_path):
    path = make_csv(
        tmp_path / "dv.csv",
        [
            ["STT", "Họ tên", "Đơn vị", "Năm", "Kết quả xếp loại", "Kỷ luật"],
            [1, "Người A", "Chi bộ X", 2019, "HTXSNV", None],
            [2, "Người B", "Chi bộ X", 2019, "Miễn công tác và sinh hoạt đảng", None],
            [3, "Người C", "Chi bộ X", 2019, "Chưa đánh giá", None],
            [4, "Người D", "Chi bộ Y", 2019, "KHTNV", "Cảnh cáo"],
            [5, "Người E", "Chi bộ Y", 2019, "HTTNV", "Không"],
        ],
        delimiter=";",
    )
    got = figures(run("classify", path).stdout)
    assert got[(2019, "members", "total")] == 5
    assert (got[(2019, "members", "exempt")], got[(2019, "members", "not_rated")], got[(2019, "members", "rated")]) == (
        1,
        1,
        3,
    )
    from ccq_stats.api import load_records

    records = load_records([str(path)])
    assert records["disciplined"].tolist() == [False, False, False, True, False]


def test_tick_marks_under_tier_columns_rate_the_organisation(tmp_path):
    path = make_xlsx(
        tmp_path / "ticks.xlsx",
        {
            "Năm 2019": [
                ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", None, None, None],
                [None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
                [1, "Chi bộ A", "x", None, None, None],
                [2, "Chi bộ B", None, "X", None, None],
            ]
        },
        merges={"Năm 2019": ["C1:F1"]},
    )
    got = figures(run("classify", path).stdout)
    assert got[(2019, "units", "top")] == 1 and got[(2019, "units", "good")] == 1
    assert (2019, "members", "total") not in got


def test_hidden_sheets_are_skipped_with_a_warning(tmp_path):
    path = make_xlsx(
        tmp_path / "h.xlsx",
        {
            "Năm 2019": [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"]],
            "DanhMuc": [["Xếp loại"], ["HTXSNV"], ["HTTNV"]],
        },
        hidden=("DanhMuc",),
    )
    result = run("classify", path)
    assert result.exit_code == 0
    assert "hidden sheet 'DanhMuc' skipped" in result.stderr
    assert figures(result.stdout)[(2019, "units", "total")] == 1


def test_units_and_members_of_one_year_read_together_and_years_merge(tmp_path):
    units = make_csv(
        tmp_path / "tc.csv",
        [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2018, "HTTNV"], ["Chi bộ A", 2019, "HTXSNV"]],
    )
    members = make_csv(
        tmp_path / "dv.csv", [["Họ và tên", "Chi bộ", "Năm", "Xếp loại"], ["Người A", "Chi bộ A", 2019, "HTTNV"]]
    )
    got = figures(run("classify", units, members).stdout)
    assert (
        got[(2018, "units", "good")] == 1 and got[(2019, "units", "top")] == 1 and got[(2019, "members", "good")] == 1
    )
    assert (2018, "members", "total") not in got


def test_member_counts_give_way_to_member_rows_of_the_same_unit(tmp_path):
    counts = make_csv(
        tmp_path / "sl.csv",
        [["Tên TCCS đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"], ["Chi bộ A", 0, 3, 0, 0], ["Chi bộ B", 1, 4, 0, 0]],
    )
    rows = make_csv(
        tmp_path / "dv.csv",
        [["Họ và tên", "Chi bộ", "Xếp loại"], ["Người A", "Chi bộ A", "HTTNV"], ["Người B", "Chi bộ A", "HTNV"]],
    )
    result = run("classify", counts, rows, "--year", "2019")
    assert "member counts of 'Chi bộ A' in 2019 add up to 3 but its member rows number 2" in result.stderr
    got = figures(result.stdout)
    assert got[(2019, "members", "rated")] == 7 and got[(2019, "members", "pass")] == 1


def test_same_organisation_twice_alike_counts_once(tmp_path):
    path = make_csv(
        tmp_path / "tc.csv",
        [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"], ["Chi bộ  A", "Hoàn thành tốt nhiệm vụ"]],
    )
    result = run("classify", path, "--year", "2019")
    assert "'Chi bộ A' listed again in 2019 with the same rating" in result.stderr
    assert figures(result.stdout)[(2019, "units", "total")] == 1


def test_kind_option_overrides_recognition(tmp_path):
    path = make_csv(tmp_path / "x.csv", [["Tên tổ chức cơ sở đảng", "Xếp loại", "HTXSNV"], ["Chi bộ A", "HTTNV", 3]])
    both = figures(run("classify", path, "--year", "2019").stdout)
    assert both[(2019, "units", "good")] == 1 and both[(2019, "members", "top")] == 3
    only = figures(run("classify", path, "--year", "2019", "--kind", "units").stdout)
    assert (2019, "members", "top") not in only


@pytest.mark.parametrize("name", ["units_2019.xls", "units_2019.ods"])
def test_legacy_and_open_formats(name):
    from conftest import ROOT

    result = run("classify", ROOT / "tests" / "data" / name)
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    assert (got[(2019, "units", "total")], got[(2019, "units", "top")], got[(2019, "units", "good")]) == (2, 1, 1)
    assert got[(2019, "cells", "top")] == 1


def test_xlsm_is_read_like_xlsx(tmp_path):
    path = make_xlsx(
        tmp_path / "macro.xlsx", {"Năm 2019": [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"]]}
    )
    xlsm = path.rename(tmp_path / "macro.xlsm")
    assert figures(run("classify", xlsm).stdout)[(2019, "units", "good")] == 1


def test_member_list_with_card_numbers_instead_of_names(tmp_path):
    """An anonymised list (card numbers, no names) is a member list, not organisation ratings."""
    path = make_csv(
        tmp_path / "dv.csv",
        [
            ["Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại"],
            ["000000001", "Chi bộ A", 2019, "Miễn đánh giá"],
            ["000000002", "Chi bộ A", 2019, "HTTNV"],
        ],
    )
    got = figures(run("classify", path).stdout)
    assert got[(2019, "members", "exempt")] == 1 and got[(2019, "members", "good")] == 1
