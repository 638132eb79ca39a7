"""Table structure on a sheet, from the red-team layouts: one sheet per chi bộ, titles that name
the kind of a table's rows, lettered sub-rows, "Trong đó" headings inside a table, two tables
on one sheet, heading rows inside a member list.

Every expected figure is counted by hand from the rows written here.
"""

from __future__ import annotations

from conftest import figures, make_xlsx, run

MEMBERS = ["STT", "Họ và tên", "Xếp loại"]
ORGS = ["STT", "Tên tổ chức đảng", "Xếp loại"]
TIERS = ("total", "exempt", "not_rated", "top", "good", "pass", "fail")
UNIT_TIERS = ("total", "top", "good", "pass", "fail")


def ok(result):
    assert result.exit_code == 0, result.stderr
    return figures(result.stdout)


def members(got, year=2019):
    return tuple(got.get((year, "members", c), 0) for c in TIERS)


def of(got, subject, year=2019):
    return tuple(got.get((year, subject, c), 0) for c in UNIT_TIERS)


# -- one sheet per chi bộ, no organisation column ---------------------------------------------

def _member_sheet(title, ratings):
    return [[title], [], MEMBERS] + [[i + 1, f"Đảng viên {i + 1}", r] for i, r in enumerate(ratings)]


def test_one_member_sheet_per_chi_bo_counts_every_sheet(tmp_path):
    # the same names on two sheets: two chi bộ, two people each; none of the sheets is a summary
    path = make_xlsx(tmp_path / "dv.xlsx", {
        "Chi bộ Văn phòng": _member_sheet("DANH SÁCH ĐẢNG VIÊN CHI BỘ VĂN PHÒNG NĂM 2019", ["HTXSNV", "HTTNV", "HTTNV"]),
        "Chi bộ Kế toán": _member_sheet("DANH SÁCH ĐẢNG VIÊN CHI BỘ KẾ TOÁN NĂM 2019", ["HTTNV", "Miễn đánh giá"]),
        "CB Thanh tra": _member_sheet("DANH SÁCH ĐẢNG VIÊN CHI BỘ THANH TRA NĂM 2019", ["HTNV", "KHTNV", "HTTNV"]),
    })
    # 8 present: exempt 1; rated 7 = top 1, good 4, pass 1, fail 1
    assert members(ok(run("classify", path, "--format", "csv"))) == (8, 1, 0, 1, 4, 1, 1)


def test_member_sheets_win_over_a_stale_summary_sheet(tmp_path):
    summary = [["TỔNG HỢP NĂM 2019"], ["STT", "Chi bộ", "Tổng số", "Miễn đánh giá", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
               [1, "Chi bộ Văn phòng", 2, 0, 1, 1, 0, 0],  # stale: the sheet lists 3 members
               [2, "Chi bộ Kế toán", 1, 0, 0, 1, 0, 0]]    # stale: the sheet lists 2 (one KHTNV)
    path = make_xlsx(tmp_path / "dv.xlsx", {
        "Chi bộ Văn phòng": _member_sheet("DANH SÁCH ĐẢNG VIÊN NĂM 2019", ["HTXSNV", "HTTNV", "HTNV"]),
        "Chi bộ Kế toán": _member_sheet("DANH SÁCH ĐẢNG VIÊN NĂM 2019", ["HTTNV", "KHTNV"]),
        "Tổng hợp": summary,
    })
    result = run("classify", path, "--format", "csv")
    # the member rows count: 5 rated, top 1, good 2, pass 1, fail 1
    assert members(ok(result)) == (5, 0, 0, 1, 2, 1, 1)
    assert "using the member rows" in result.stderr
