"""Table structure on a sheet, from the red-team layouts: one sheet per chi bộ, titles that name
the kind of a table's rows, lettered sub-rows, "Trong đó" headings inside a table, two tables
on one sheet, heading rows inside a member list.

Every expected figure is counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, rows_of, run

# each reading command is also run with the large-file path forced: same bytes (tests/differential.py)
pytestmark = pytest.mark.differential

MEMBERS = ["STT", "Họ và tên", "Xếp loại"]
ORGS = ["STT", "Tên tổ chức đảng", "Xếp loại"]
TIERS = ("total", "exempt", "not_rated", "top", "good", "pass", "fail")
UNIT_TIERS = ("total", "top", "good", "pass", "fail")


def ok(result):
    assert result.exit_code == 0, result.stderr
    return figures(result.stdout)


def by_unit(csv_text, unit):
    """{(year, subject, category): count} of one unit from classify --by unit CSV output."""
    rows = rows_of(csv_text)
    assert rows[0][:4] == ["year", "subject", "unit", "category"]
    return {(int(r[0]), r[1], r[3]): int(r[5]) for r in rows[1:] if r[2] == unit}


def members(got, year=2019):
    return tuple(got.get((year, "members", c), 0) for c in TIERS)


def of(got, subject, year=2019):
    return tuple(got.get((year, subject, c), 0) for c in UNIT_TIERS)


# -- one sheet per chi bộ, no organisation column ---------------------------------------------


def _member_sheet(title, ratings):
    return [[title], [], MEMBERS] + [[i + 1, f"Đảng viên {i + 1}", r] for i, r in enumerate(ratings)]


def test_one_member_sheet_per_chi_bo_counts_every_sheet(tmp_path):
    # the same names on two sheets: two chi bộ, two people each; none of the sheets is a summary
    path = make_xlsx(
        tmp_path / "dv.xlsx",
        {
            "Chi bộ Văn phòng": _member_sheet(
                "DANH SÁCH ĐẢNG VIÊN CHI BỘ VĂN PHÒNG NĂM 2019", ["HTXSNV", "HTTNV", "HTTNV"]
            ),
            "Chi bộ Kế toán": _member_sheet("DANH SÁCH ĐẢNG VIÊN CHI BỘ KẾ TOÁN NĂM 2019", ["HTTNV", "Miễn đánh giá"]),
            "CB Thanh tra": _member_sheet("DANH SÁCH ĐẢNG VIÊN CHI BỘ THANH TRA NĂM 2019", ["HTNV", "KHTNV", "HTTNV"]),
        },
    )
    # 8 present: exempt 1; rated 7 = top 1, good 4, pass 1, fail 1
    assert members(ok(run("classify", path, "--format", "csv"))) == (8, 1, 0, 1, 4, 1, 1)
    result = run("classify", path, "--format", "csv", "--by", "unit")
    assert members(by_unit(result.stdout, "CB Thanh tra")) == (3, 0, 0, 0, 1, 1, 1)  # the sheet's name names it
    assert members(by_unit(result.stdout, "Chi bộ Kế toán")) == (2, 1, 0, 0, 1, 0, 0)


def test_member_sheets_win_over_a_stale_summary_sheet(tmp_path):
    summary = [
        ["TỔNG HỢP NĂM 2019"],
        ["STT", "Chi bộ", "Tổng số", "Miễn đánh giá", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ Văn phòng", 2, 0, 1, 1, 0, 0],  # stale: the sheet lists 3 members
        [2, "Chi bộ Kế toán", 1, 0, 0, 1, 0, 0],
    ]  # stale: the sheet lists 2 (one KHTNV)
    path = make_xlsx(
        tmp_path / "dv.xlsx",
        {
            "Chi bộ Văn phòng": _member_sheet("DANH SÁCH ĐẢNG VIÊN NĂM 2019", ["HTXSNV", "HTTNV", "HTNV"]),
            "Chi bộ Kế toán": _member_sheet("DANH SÁCH ĐẢNG VIÊN NĂM 2019", ["HTTNV", "KHTNV"]),
            "Tổng hợp": summary,
        },
    )
    result = run("classify", path, "--format", "csv")
    # the member rows count: 5 rated, top 1, good 2, pass 1, fail 1
    assert members(ok(result)) == (5, 0, 0, 1, 2, 1, 1)
    assert "using the member rows" in result.stderr


# -- chi bộ trực thuộc under their đảng bộ: lettered, or under a "Trong đó" heading -------------


def test_lettered_rows_under_a_dang_bo_are_its_chi_bo(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2019"],
        [],
        ORGS,
        [1, "Đảng bộ Sở Tài chính", "HTXSNV"],
        ["a", "Chi bộ Phòng Ngân sách", "HTTNV"],
        ["b)", "Chi bộ Văn phòng", "KHTNV"],
        [2, "Chi bộ Sở Tư pháp", "HTNV"],
        [3, "Đảng bộ Sở Y tế", "HTTNV"],
        ["a.", "Chi bộ Nghiệp vụ", "HTXSNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), "--format", "csv"))
    assert of(got, "units") == (3, 1, 1, 1, 0)  # 1, 2, 3
    assert of(got, "cells") == (3, 1, 1, 0, 1)  # a, b), a.


def test_trong_do_heading_inside_the_table_heads_the_chi_bo_below_it(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2019"],
        [],
        ORGS,
        [1, "Đảng bộ Sở Y tế", "HTXSNV"],
        [None, "Trong đó, các chi bộ trực thuộc:", None],
        ["-", "Chi bộ Văn phòng Sở", "HTTNV"],
        [None, "Chi bộ Phòng Nghiệp vụ", "HTNV"],  # no mark: still under the heading
        [2, "Chi bộ Sở Tư pháp", "HTTNV"],
        [3, "Đảng bộ Sở Tài chính", "HTNV"],
        [None, "Trong đó: chi bộ trực thuộc", None],
        ["-", "Chi bộ Phòng Ngân sách", "KHTNV"],
        [],
        ["Ghi chú: số liệu đến ngày 31/12"],
        ["Người lập biểu"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), "--format", "csv"))
    assert of(got, "units") == (3, 1, 1, 1, 0)  # 1, 2, 3
    assert of(got, "cells") == (3, 0, 1, 1, 1)  # the three under the two headings


# -- a table's title names the kind of its rows ------------------------------------------------


def test_a_sheet_of_chi_bo_truc_thuoc_said_by_its_title_is_cells(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ NĂM 2019"],
        [],
        ["STT", "Tên chi bộ", "Xếp loại"],
        [1, "Chi bộ Phòng Ngân sách", "HTXSNV"],
        [2, "Chi bộ Văn phòng", "HTTNV"],
        [3, "Chi bộ Nghiệp vụ", "KHTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"CB truc thuoc": rows}), "--format", "csv"))
    assert of(got, "cells") == (3, 1, 1, 0, 1)
    assert of(got, "units") == (0, 0, 0, 0, 0)


def test_two_tables_same_header_the_second_titled_chi_bo_truc_thuoc(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        ORGS,
        [1, "Đảng bộ Sở Tài chính", "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", "HTTNV"],
        [3, "Chi bộ Sở Tư pháp", "HTNV"],
        [],
        ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ NĂM 2019"],
        ORGS,
        [1, "Chi bộ Phòng Ngân sách", "HTTNV"],
        [2, "Chi bộ Văn phòng", "KHTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"2019": rows}), "--format", "csv"))
    assert of(got, "units") == (3, 1, 1, 1, 0)
    assert of(got, "cells") == (2, 0, 1, 0, 1)


# -- heading rows inside a member list ---------------------------------------------------------

GROUPED = [
    ["STT", "Họ và tên", "Chức vụ", "Xếp loại"],
    ["1", "Chi bộ Văn phòng Sở (03 đảng viên)", "", ""],
    ["1", "Phạm Văn An", "Bí thư", "HTXSNV"],
    ["2", "Phạm Thị Bình", "Đảng viên", "HTTNV"],
    ["3", "Phạm Văn Cường", "Đảng viên", "Miễn"],
    ["2", "Chi bộ Phòng Trung học (02 đảng viên)", "", ""],
    ["1", "Trần Văn Dũng", "Bí thư", "HTNV"],
    ["2", "Trần Thị Em", "Đảng viên", "HTTNV"],
]

SECTIONS = [
    ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ["A", "ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI", "", ""],
    ["1", "Võ Văn An", "1970", "HTXSNV"],
    ["2", "Võ Thị Bình", "1980", "HTTNV"],
    ["3", "Võ Văn Cường", "1985", "KHTNV"],
    ["B", "ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ (MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG)", "", ""],
    ["4", "Võ Văn Dũng", "1948", ""],
    ["5", "Võ Thị Em", "1950", "Miễn đánh giá"],
    ["C", "ĐẢNG VIÊN MỚI KẾT NẠP", "", ""],
    ["6", "Võ Văn Giang", "1998", ""],
]


def _both_readers(tmp_path, monkeypatch, rows, title):
    from ccq_stats.api import classify_paths
    from test_columnar import assert_same, write

    path = write(tmp_path / "ds.csv", rows[1:], header=rows[0], title=title)
    got = assert_same(monkeypatch, lambda: classify_paths([str(path)]))
    counts = {row.category: row.count for row in got.itertuples() if row.year == 2019 and row.subject == "members"}
    return tuple(counts.get(c, 0) for c in TIERS)


def test_numbered_chi_bo_headings_with_a_member_count_are_headings(tmp_path):
    rows = [["DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ SỞ GIÁO DỤC NĂM 2019"], []] + GROUPED
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"DS": rows}), "--format", "csv", "--by", "unit")
    assert result.exit_code == 0, result.stderr
    # the heading names the chi bộ of the members under it, without its "(03 đảng viên)"
    assert members(by_unit(result.stdout, "Chi bộ Văn phòng Sở")) == (3, 1, 0, 1, 1, 0, 0)
    assert members(by_unit(result.stdout, "Chi bộ Phòng Trung học")) == (2, 0, 0, 0, 1, 1, 0)


def test_a_section_that_states_a_status_gives_it_to_blank_ratings(tmp_path):
    rows = [["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN CHI BỘ SỞ VĂN HÓA NĂM 2019"], []] + SECTIONS
    # 6 present: exempt 2 (4, 5), not rated 1 (6), rated 3: top 1, good 1, fail 1
    assert members(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"DS": rows}), "--format", "csv"))) == (
        6,
        2,
        1,
        1,
        1,
        0,
        1,
    )


@pytest.mark.slow
def test_both_readers_agree_on_headings_in_a_member_list(tmp_path, monkeypatch):
    title = "DANH SÁCH ĐẢNG VIÊN NĂM 2019"
    assert _both_readers(tmp_path, monkeypatch, SECTIONS, title) == (6, 2, 1, 1, 1, 0, 1)
    assert _both_readers(tmp_path, monkeypatch, GROUPED, title) == (5, 1, 0, 1, 2, 1, 0)


def test_a_blank_rating_under_a_heading_without_a_status_is_still_an_error(tmp_path):
    rows = [["DANH SÁCH ĐẢNG VIÊN NĂM 2019"], []] + SECTIONS[:4] + [["4", "Võ Văn Dũng", "1948", ""]]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"DS": rows}), "--format", "csv")
    assert result.exit_code == 2 and "row 7" in result.stderr and "the rating is blank" in result.stderr


def test_a_dang_bo_row_without_a_rating_above_its_chi_bo_heads_them(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2020"],
        [],
        ORGS,
        ["I", "CÁC ĐẢNG BỘ CƠ SỞ", None],
        [1, "Đảng bộ Sở Tài chính", "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", "HTTNV"],
        ["II", "CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ", None],
        [1, "Đảng bộ Sở Tài chính", None],
        [1.1, "Chi bộ Phòng Ngân sách", "HTXSNV"],
        [1.2, "Chi bộ Văn phòng", "HTNV"],
        [2, "Đảng bộ Sở Y tế", None],
        [2.1, "Chi bộ Thanh tra Sở", "KHTNV"],
    ]
    got = ok(
        run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), "--format", "csv", "--year", "2020"),
    )
    assert of(got, "units", 2020) == (2, 1, 1, 0, 0)
    assert of(got, "cells", 2020) == (3, 1, 0, 1, 1)


def test_a_numbered_organisation_without_a_rating_and_no_chi_bo_under_it_is_still_an_error(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2020"],
        [],
        ORGS,
        [1, "Đảng bộ Sở Tài chính", None],
        [2, "Chi bộ Sở Y tế", "HTTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), "--format", "csv")
    assert result.exit_code == 2 and "row 4" in result.stderr and "the rating is blank" in result.stderr


# -- two tables on one sheet, each with its own header -----------------------------------------


def test_an_organisation_table_above_a_chi_bo_table_with_another_header(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Đảng bộ Sở Tài chính", "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", "HTTNV"],
        [3, "Chi bộ Sở Tư pháp", "HTNV"],
        [],
        [],
        ["DANH SÁCH CHI BỘ TRỰC THUỘC NĂM 2019"],
        [],
        ["STT", "Tên chi bộ", "Thuộc đảng bộ", "Xếp loại"],
        [1, "Chi bộ Phòng Ngân sách", "Đảng bộ Sở Tài chính", "HTTNV"],
        [2, "Chi bộ Văn phòng", "Đảng bộ Sở Y tế", "KHTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"2019": rows}), "--format", "csv"))
    assert of(got, "units") == (3, 1, 1, 1, 0)
    assert of(got, "cells") == (2, 0, 1, 0, 1)


def test_two_years_stacked_with_different_headers(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2018"],
        ["STT", "Tên TCCS đảng", "Xếp loại"],
        [1, "Chi bộ Sở Tư pháp", "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", "HTNV"],
        [],
        ["KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2019"],
        ["TT", "Tổ chức cơ sở đảng", "Kết quả xếp loại"],
        [1, "Chi bộ Sở Tư pháp", "HTTNV"],
        [2, "Đảng bộ Sở Y tế", "HTTNV"],
        [3, "Chi bộ Sở Du lịch", "KHTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), "--format", "csv"))
    assert of(got, "units", 2018) == (2, 1, 0, 1, 0)
    assert of(got, "units", 2019) == (3, 0, 2, 0, 1)


def test_organisations_then_member_counts_on_one_sheet(tmp_path):
    rows = [
        ["I. KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        ["STT", "Tên TCCS đảng", "Xếp loại"],
        [1, "Chi bộ Sở Tư pháp", "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", "HTTNV"],
        [],
        ["II. KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [
            "STT",
            "Tên TCCS đảng",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "HTXSNV",
            "HTTNV",
            "HTNV",
            "KHTNV",
        ],
        [1, "Chi bộ Sở Tư pháp", 10, 1, 0, 2, 6, 1, 0],
        [2, "Đảng bộ Sở Y tế", 30, 2, 1, 4, 20, 2, 1],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"2019": rows}), "--format", "csv"))
    assert of(got, "units") == (2, 1, 1, 0, 0)
    # 40 present: exempt 3, not rated 1; rated 36: top 6, good 26, pass 3, fail 1
    assert members(got) == (40, 3, 1, 6, 26, 3, 1)


def test_a_numbered_row_is_never_taken_for_a_second_header(tmp_path):
    # "Miễn đánh giá" is also a count column's header; the row is numbered: a row of this table
    from conftest import make_csv

    path = make_csv(
        tmp_path / "t.csv",
        [
            ["KẾT QUẢ NĂM 2019"],
            ORGS,
            [1, "Chi bộ A", "HTTNV"],
            [2, "Chi bộ B", "HTXSNV (Miễn đánh giá)"],
            [3, "Chi bộ C", "HTNV"],
        ],
    )
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2 and "row 4" in result.stderr and "bracket name two ratings" in result.stderr
