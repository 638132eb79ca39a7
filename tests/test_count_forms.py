"""Member-count forms the red-team tester found misread (A5, A6, A8, A9, B5, B6, C1), each built
here by hand: the expected figures are counted from the rows written below, never taken from
the tool's output.

In a count form the rows of organisations carry numbers, so a row that is not an organisation
(a group's subtotal, a đảng bộ above its own chi bộ) doubles the figures if it is counted; and
the header says what the numbers count: a tier, its "trở lên" (that tier and those above), a
"trong đó" part of a tier, or organisations rather than members.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

# each reading command is also run with the large-file path forced: same bytes (tests/differential.py)
pytestmark = pytest.mark.differential

MEMBERS = ("total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail")
FLAT = [
    "STT",
    "Tên TCCS đảng",
    "Tổng số đảng viên",
    "Miễn đánh giá",
    "Chưa đánh giá",
    "HTXSNV",
    "HTTNV",
    "HTNV",
    "KHTNV",
]


def members(result, year):
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    return tuple(got.get((year, "members", c), 0) for c in MEMBERS)


# -- C1: the official three-row header ---------------------------------------------------------


@pytest.mark.parametrize("group", ["Chia ra", "Trong đó"])
@pytest.mark.parametrize("index_row", [False, True])
def test_three_row_counts_header(tmp_path, group, index_row):
    rows = [
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        [
            "STT",
            "Đơn vị",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "Được đánh giá, xếp loại",
            None,
            None,
            None,
            None,
        ],
        [None, None, None, None, None, "Tổng số", group, None, None, None],
        [None, None, None, None, None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    ]
    if index_row:
        rows.append([f"({i})" for i in range(1, 11)])
    rows += [
        [1, "Chi bộ Sở A", 12, 1, 0, 11, 2, 7, 2, 0],
        [2, "Đảng bộ Sở B", 33, 0, 2, 31, 5, 22, 3, 1],
    ]
    merges = ["A2:A4", "B2:B4", "C2:C4", "D2:D4", "E2:E4", "F2:J2", "F3:F4", "G3:J3"]
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Biểu 02": rows}, merges={"Biểu 02": merges})
    result = run("classify", path, "--format", "csv")
    # 12 + 33; exempt 1; not rated 2; rated 11 + 31; top 2 + 5; good 7 + 22; pass 2 + 3; fail 1
    assert members(result, 2021) == (45, 1, 2, 42, 7, 29, 5, 1)
    assert "says" not in result.stderr  # "Tổng số" under "Được đánh giá" is the rated count, and it adds up


# -- B5: "Hoàn thành tốt nhiệm vụ trở lên" with "Trong đó: HTXSNV" -----------------------------

DATA_CUMULATIVE = [  # STT, name, total, exempt, not rated, HTTNV trở lên, of which HTXSNV, HTNV, KHTNV
    [1, "Chi bộ Sở A", 25, 1, 1, 20, 4, 3, 0],
    [2, "Chi bộ Sở B", 14, 0, 0, 11, 2, 2, 1],
]


def test_cumulative_column_under_a_merged_header(tmp_path):
    rows = [
        ["BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        [
            "STT",
            "Tên chi, đảng bộ cơ sở",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "Hoàn thành tốt nhiệm vụ trở lên",
            None,
            "Hoàn thành nhiệm vụ",
            "Không hoàn thành nhiệm vụ",
        ],
        [None, None, None, None, None, "Tổng số", "Trong đó: HTXSNV", None, None],
    ] + DATA_CUMULATIVE
    merges = ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:H3", "I2:I3"]
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Biểu": rows}, merges={"Biểu": merges})
    result = run("classify", path, "--format", "csv")
    # good = (20 - 4) + (11 - 2) = 25; top 4 + 2; pass 3 + 2; fail 1; rated 25 + 6 + 5 + 1 = 37
    assert members(result, 2021) == (39, 1, 1, 37, 6, 25, 5, 1)
    assert "says" not in result.stderr


def test_cumulative_column_flat(tmp_path):
    header = [
        "STT",
        "Tên TCCS đảng",
        "Tổng số đảng viên",
        "Miễn đánh giá",
        "Chưa đánh giá",
        "HTTNV trở lên",
        "Trong đó HTXSNV",
        "HTNV",
        "KHTNV",
    ]
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Năm 2021": [header] + DATA_CUMULATIVE})
    result = run("classify", path, "--format", "csv")
    assert members(result, 2021) == (39, 1, 1, 37, 6, 25, 5, 1)
    assert "says" not in result.stderr


def test_cumulative_column_without_the_tier_above_is_refused(tmp_path):
    header = ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "HTTNV trở lên", "HTNV", "KHTNV"]
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Năm 2021": [header, [1, "Chi bộ Sở A", 10, 8, 2, 0]]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2
    assert "HTTNV trở lên" in result.stderr and "top" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cumulative_column_smaller_than_its_part_is_refused(tmp_path):
    header = ["STT", "Tên TCCS đảng", "HTTNV trở lên", "Trong đó HTXSNV", "HTNV", "KHTNV"]
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Năm 2021": [header, [1, "Chi bộ Sở A", 3, 5, 2, 0]]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2
    assert "row 2" in result.stderr and "HTTNV trở lên" in result.stderr and result.stdout == ""


# -- B6: a tier split into "Tổng số | Trong đó: bị kỷ luật" -------------------------------------


def test_tier_split_into_total_and_a_part(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        FLAT + [None],
        [None] * 8 + ["Tổng số", "Trong đó: bị xử lý kỷ luật"],
        [1, "Chi bộ Sở A", 18, 0, 1, 3, 10, 2, 2, 1],
        [2, "Đảng bộ Sở B", 31, 1, 0, 5, 20, 4, 1, 0],
    ]
    merges = [f"{c}2:{c}3" for c in "ABCDEFGH"] + ["I2:J2"]
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Biểu": rows}, merges={"Biểu": merges})
    result = run("classify", path, "--format", "csv")
    # fail is the KHTNV total: 2 + 1 (the disciplined one is a part of it, not added)
    assert members(result, 2021) == (49, 1, 1, 47, 8, 30, 6, 3)
    assert "says" not in result.stderr


# -- A8, A9: counts of organisations, not of members --------------------------------------------


def test_counts_by_host_type_are_refused(tmp_path):
    rows = [
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG THEO LOẠI HÌNH NĂM 2021"],
        ["STT", "Loại hình", "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Cơ quan nhà nước", 9, 3, 5, 1, 0],
        [2, "Doanh nghiệp", 4, 1, 2, 1, 0],
        [None, "Cộng", 13, 4, 7, 2, 0],
    ]
    result = run("classify", make_xlsx(tmp_path / "loai_hinh.xlsx", {"Biểu 01": rows}), "--format", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert "host type ('Loại hình')" in result.stderr and "Traceback" not in result.stderr


def test_cell_counts_under_a_merged_cell_header_are_refused(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC NĂM 2021"],
        ["STT", "Đảng bộ cơ sở", "Chi bộ trực thuộc", None, None, None, None],
        [None, None, "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Đảng bộ Sở A", 5, 1, 3, 1, 0],
        [2, "Đảng bộ Sở B", 3, 1, 2, 0, 0],
    ]
    path = make_xlsx(tmp_path / "cb.xlsx", {"2021": rows}, merges={"2021": ["A2:A3", "B2:B3", "C2:G2"]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert "counts of organisations per tier" in result.stderr


# -- A5: group subtotal rows without a number ---------------------------------------------------

SECTORS = [
    ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
    FLAT,
    [None, "KHỐI DOANH NGHIỆP", 30, 1, 0, 4, 21, 4, 0],
    [1, "Đảng bộ Công ty A", 22, 1, 0, 3, 15, 3, 0],
    [2, "Chi bộ Công ty B", 8, 0, 0, 1, 6, 1, 0],
    [None, "Các cơ quan nhà nước", 19, 0, 1, 3, 13, 1, 1],  # no capitals: told by the sums
    [3, "Chi bộ Sở C", 19, 0, 1, 3, 13, 1, 1],
]


def test_group_rows_without_number_that_sum_their_rows_are_subtotals(tmp_path):
    result = run("classify", make_xlsx(tmp_path / "khoi.xlsx", {"2021": SECTORS}), "--format", "csv")
    # the organisations 1, 2, 3 only: 22 + 8 + 19; top 3 + 1 + 3; good 15 + 6 + 13; pass 3 + 1 + 1
    assert members(result, 2021) == (49, 1, 1, 47, 7, 34, 5, 1)
    assert "says" not in result.stderr


def test_unnumbered_row_that_sums_nothing_is_an_organisation(tmp_path):
    rows = SECTORS + [[None, "Chi bộ Sở D", 5, 0, 0, 1, 4, 0, 0]]  # its number left out: still counted
    result = run("classify", make_xlsx(tmp_path / "khoi.xlsx", {"2021": rows}), "--format", "csv")
    assert members(result, 2021) == (54, 1, 1, 52, 8, 38, 5, 1)


def test_group_subtotals_with_a_grand_total(tmp_path):
    rows = SECTORS + [[None, "Tổng cộng", 49, 1, 1, 7, 34, 5, 1]]
    result = run("classify", make_xlsx(tmp_path / "khoi.xlsx", {"2021": rows}), "--format", "csv")
    assert members(result, 2021) == (49, 1, 1, 47, 7, 34, 5, 1)
    assert "totals row says" not in result.stderr


# -- A6: a đảng bộ's row above its own chi bộ rows ----------------------------------------------


def _parent_rows(marks, second_good=11, second_total=15):
    return [
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        FLAT,
        ["1", "Đảng bộ Sở A", 25, 1, 0, 4, 17, 3, 0],
        [marks[0], "Chi bộ Phòng X", 10, 1, 0, 2, 6, 1, 0],
        [marks[1], "Chi bộ Phòng Y", second_total, 0, 0, 2, second_good, 2, 0],
        ["2", "Chi bộ Sở B", 9, 0, 1, 1, 6, 1, 0],
    ]


@pytest.mark.parametrize("marks", [("1.1", "1.2"), ("-", "-")])
def test_parent_row_and_its_chi_bo_rows_count_once(tmp_path, marks):
    rows = _parent_rows(marks) + [[None, "Tổng cộng", 34, 1, 1, 5, 23, 4, 0]]
    result = run("classify", make_xlsx(tmp_path / "db.xlsx", {"2021": rows}), "--format", "csv")
    # Đảng bộ Sở A (25) and Chi bộ Sở B (9); the chi bộ rows are Sở A's members again
    assert members(result, 2021) == (34, 1, 1, 32, 5, 23, 4, 0)
    assert "says" not in result.stderr


def test_parent_row_that_differs_from_its_chi_bo_rows_is_reported(tmp_path):
    rows = _parent_rows(("1.1", "1.2"), second_good=12, second_total=16)
    result = run("classify", make_xlsx(tmp_path / "db.xlsx", {"2021": rows}), "--format", "csv")
    # the đảng bộ's row counts: the same figures as above
    assert members(result, 2021) == (34, 1, 1, 32, 5, 23, 4, 0)
    assert "'Đảng bộ Sở A' says 17 but its chi bộ rows 4-5 under it add up to 18" in result.stderr
    assert "'Đảng bộ Sở A' says 25 but its chi bộ rows 4-5 under it add up to 26" in result.stderr
