"""What a careful reader takes from the rest of the sheet or workbook before counting a row: a
column whose header says it names a former value is not the current hierarchy; a sheet of counts
per organisation beside the lists it totals is not counted again (and where the two differ, the
run stops, since nobody can tell which to count).

The layouts here are not the red team's (tests/data/redteam3): other headers, other shapes, so that
the rules are seen to be general. Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from ccq_stats.reading.header import resolve_column
from conftest import figures, make_csv, make_xlsx, run

# every classify run here is run again with the large-file (column) path forced: the same bytes out
pytestmark = pytest.mark.differential


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result.stdout


# -- a former value is not the current hierarchy --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Đảng bộ cấp trên trước sắp xếp", "Trực thuộc (cũ)", "Chi bộ trước khi hợp nhất", "Dang bo cap tren truoc day"],
)
def test_a_hierarchy_header_naming_a_former_value_is_not_read(scales, text):
    column = resolve_column(0, text, [], scales)
    assert column.role == "ignored" and column.reason.value == "former"


@pytest.mark.parametrize("text", ["Đảng bộ cấp trên", "Trực thuộc", "Chi bo khu dan cu", "Xếp loại năm trước"])
def test_other_headers_are_not_former(scales, text):
    column = resolve_column(0, text, [], scales)
    assert column is None or column.reason is None or column.reason.value != "former"


def test_a_former_parent_beside_the_organisations_leaves_them_grassroots(tmp_path):
    """Four organisations rated; the column beside them names the bloc they belonged to before:
    all four are grassroots units (none a chi bộ trực thuộc). By hand: 1 top, 2 good, 1 pass."""
    rows = [
        ["TT", "Tên tổ chức đảng", "Trực thuộc (cũ)", "Kết quả xếp loại"],
        [1, "Chi bộ Sở Tài chính", "Đảng bộ Khối các cơ quan", "HTXSNV"],
        [2, "Chi bộ Sở Nội vụ", "Đảng bộ Khối các cơ quan", "HTTNV"],
        [3, "Đảng bộ Công ty Điện lực", "Đảng bộ Khối doanh nghiệp", "HTTNV"],
        [4, "Chi bộ Báo tỉnh", "Đảng bộ Khối các cơ quan", "HTNV"],
    ]
    out = figures(ok(run("classify", make_csv(tmp_path / "xep_loai_2025.csv", rows), "--format", "csv")))
    assert (out[(2025, "units", "total")], out[(2025, "units", "top")], out[(2025, "units", "good")]) == (4, 1, 2)
    assert out[(2025, "units", "pass")] == 1
    assert not any(subject == "cells" and n for (_, subject, _), n in out.items())


def test_a_former_merged_over_the_hierarchy_columns_says_so_in_inspect(tmp_path):
    """ "Trước sắp xếp" merged over the old organisation and its parent: both not read."""
    rows = [
        ["STT", "Tổ chức đảng hiện nay", "Trước sắp xếp", None, "Xếp loại"],
        [None, None, "Tổ chức đảng", "Đảng bộ cấp trên", None],
        [1, "Chi bộ Xã An Phú", "Chi bộ Xã An Hòa", "Đảng bộ huyện Cũ", "Hoàn thành tốt nhiệm vụ"],
        [2, "Chi bộ Xã Tân Lập", "Chi bộ Xã Tân Lập", "Đảng bộ huyện Cũ", "Hoàn thành nhiệm vụ"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2025": rows}, {"Năm 2025": ["C1:D1", "A1:A2", "B1:B2", "E1:E2"]})
    out = figures(ok(run("classify", path, "--format", "csv")))
    assert (out[(2025, "units", "total")], out[(2025, "units", "good")], out[(2025, "units", "pass")]) == (2, 1, 1)
    assert ok(run("inspect", path)).count("a former value") == 2


# -- a summary sheet beside the lists it totals -----------------------------------------------------

LIST = [
    ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
    [1, "Trần Văn Một", "Chi bộ Phòng Hành chính", "HTXSNV"],
    [2, "Lê Thị Hai", "Chi bộ Phòng Hành chính", "HTTNV"],
    [3, "Phạm Văn Ba", "Chi bộ Phòng Kỹ thuật", "HTTNV"],
    [4, "Vũ Thị Bốn", "Chi bộ Phòng Kỹ thuật", "Miễn đánh giá"],
    [5, "Ngô Văn Năm", "Chi bộ Phòng Kỹ thuật", "HTNV"],
]


def _summary(top_of_first: int, short: bool = False):
    """Counts per chi bộ; ``short``: its names written "CB …", so not found among the list's."""
    name = "CB" if short else "Chi bộ"
    return [
        ["STT", "Tên chi bộ", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn đánh giá"],
        [1, f"{name} Phòng Hành chính", top_of_first + 1, top_of_first, 1, 0, 0, 0],
        [2, f"{name} Phòng Kỹ thuật", 3, 0, 1, 1, 0, 1],
    ]


def test_a_summary_that_totals_the_list_is_counted_once(tmp_path):
    """The list comes first, the summary after it (other order than the red team's), one list for
    both chi bộ. By hand: 5 members, 1 exempt, 4 rated: 1 top, 2 good, 1 pass."""
    path = make_xlsx(tmp_path / "dv_2023.xlsx", {"Danh sách": LIST, "Số liệu": _summary(1, short=True)})
    result = run("classify", path, "--format", "csv")
    out = figures(ok(result))
    assert [out[(2023, "members", c)] for c in ("total", "exempt", "rated", "top", "good", "pass")] == [
        5,
        1,
        4,
        1,
        2,
        1,
    ]
    assert "sheet 'Số liệu'" in result.stderr and "'Danh sách'" in result.stderr


def test_a_summary_that_differs_from_the_list_stops_the_run_naming_both(tmp_path):
    """The summary says 2 top members in the first chi bộ where the list has 1, and names its chi
    bộ otherwise than the list ("CB …"): which is right, and whether the summary sums the list at
    all, cannot be told. (Where its names are the list's, each chi bộ's rows are used and a finding
    says where the counts differ: test_reading_tables_redteam.py, the stale summary sheet.)"""
    path = make_xlsx(tmp_path / "dv_2023.xlsx", {"Danh sách": LIST, "Số liệu": _summary(2, short=True)})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(lines) == 1 and "'Số liệu'" in lines[0] and "'Danh sách'" in lines[0]


# -- a blank rating explained on its own row ------------------------------------------------------


def _members(rows, header=("STT", "Họ và tên", "Đơn vị", "KQ xếp loại", "Diễn biến")):
    return [list(header)] + rows


def test_a_blank_rating_whose_note_names_a_status_is_that_status(tmp_path):
    """Notes in a column whose header no vocabulary knows ("Diễn biến"): "Vào Đảng 11/2022 (chưa
    đủ 6 tháng)" is not rated, "miễn sinh hoạt đảng từ 2020" exempt, "Từ trần 5/2022" a member
    who left. By hand: 6 listed, 1 left: 5 present, 1 exempt, 1 not rated, 3 rated: 2 good, 1 pass."""
    rows = _members(
        [
            [1, "Trần Văn Một", "Chi bộ Thôn Đông", "HTTNV", ""],
            [2, "Lê Thị Hai", "Chi bộ Thôn Đông", "", "Vào Đảng 11/2022 (chưa đủ 6 tháng)"],
            [3, "Phạm Văn Ba", "Chi bộ Thôn Đông", "HTNV", ""],
            [4, "Vũ Thị Bốn", "Chi bộ Thôn Đông", "", "Được miễn sinh hoạt đảng từ 2020"],
            [5, "Ngô Văn Năm", "Chi bộ Thôn Đông", "", "Từ trần 5/2022"],
            [6, "Đỗ Thị Sáu", "Chi bộ Thôn Đông", "HTTNV", ""],
        ]
    )
    result = run("classify", make_csv(tmp_path / "dv_2022.csv", rows), "--format", "csv")
    out = figures(ok(result))
    got = [out[(2022, "members", c)] for c in ("total", "exempt", "not_rated", "rated", "good", "pass")]
    assert got == [5, 1, 1, 3, 2, 1]
    assert "1 member(s) who left" in result.stderr


def test_a_tick_under_a_status_column_explains_a_blank_rating(tmp_path):
    """ "Đình chỉ sinh hoạt" ticked beside a blank rating: the member is exempt (suspended). By
    hand: 4 present, 1 exempt, 3 rated: 1 top, 2 good."""
    rows = [
        ["TT", "Họ tên", "Chi bộ", "Đình chỉ sinh hoạt", "Xếp loại"],
        [1, "Trần Văn Một", "Chi bộ Cơ quan", None, "HTXSNV"],
        [2, "Lê Thị Hai", "Chi bộ Cơ quan", "x", None],
        [3, "Phạm Văn Ba", "Chi bộ Cơ quan", None, "HTTNV"],
        [4, "Vũ Thị Bốn", "Chi bộ Cơ quan", None, "HTTNV"],
    ]
    out = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2021": rows}), "--format", "csv")))
    got = [out[(2021, "members", c)] for c in ("total", "exempt", "rated", "top", "good")]
    assert got == [4, 1, 3, 1, 2]


def test_a_newly_founded_organisation_noted_beside_a_blank_rating_is_not_rated(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
        [1, "Chi bộ Trường Tiểu học A", "HTTNV", None],
        [2, "Chi bộ Trạm Y tế B", None, "Mới thành lập tháng 11/2023"],
        [3, "Chi bộ Trường Mầm non C", "HTXSNV", None],
    ]
    out = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2023": rows}), "--format", "csv")))
    assert [out[(2023, "units", c)] for c in ("total", "not_rated", "rated", "top", "good")] == [3, 1, 2, 1, 1]


@pytest.mark.parametrize("note", ["Đi công tác nước ngoài", "", "Chưa đánh giá; miễn sinh hoạt"])
def test_a_blank_rating_without_a_known_reason_stays_an_error(tmp_path, note):
    """No status named, or two: which one holds cannot be told; the run stops at the cell."""
    rows = _members(
        [[1, "Trần Văn Một", "Chi bộ Thôn Đông", "HTTNV", ""], [2, "Lê Thị Hai", "Chi bộ Thôn Đông", "", note]]
    )
    result = run("classify", make_csv(tmp_path / "dv_2022.csv", rows), "--format", "csv")
    assert result.exit_code == 2 and "row 3" in result.stderr and "blank" in result.stderr


def test_a_sheet_of_tiers_and_their_counts_beside_the_list_is_skipped_saying_why(tmp_path):
    """ "Xếp loại | SL | %" with the tiers down the side, after the list of organisations (other
    order and words than the red team's): the list counts, the summary is said and skipped. By
    hand: 3 organisations, 1 top, 2 good."""
    units = [
        ["STT", "Tên TCCS đảng", "Kết quả xếp loại"],
        [1, "Đảng bộ Công ty A", "HTXSNV"],
        [2, "Chi bộ Trường B", "HTTNV"],
        [3, "Chi bộ Trạm C", "HTTNV"],
    ]
    tiers = [["Xếp loại", "SL", "%"], ["HTXSNV", 1, 33.3], ["HTTNV", 2, 66.7], ["HTNV", 0, 0], ["KHTNV", 0, 0]]
    path = make_xlsx(tmp_path / "tccs_2022.xlsx", {"DS": units, "Số liệu": tiers})
    result = run("classify", path, "--format", "csv")
    out = figures(ok(result))
    assert [out[(2022, "units", c)] for c in ("total", "top", "good")] == [3, 1, 2]
    assert "sheet 'Số liệu'" in result.stderr and "sheet skipped" in result.stderr


# -- the level below in a column of its own ----------------------------------------------------------


def test_chi_bo_truc_thuoc_in_a_column_of_their_own_belong_to_the_dang_bo_above(tmp_path):
    """ "Đảng bộ bộ phận" beside "Tên TCCS đảng", the đảng bộ's cell blank on its parts' rows.
    By hand: units 3 (2 good, 1 pass), cells 3 (1 top, 1 good, 1 fail)."""
    rows = [
        ["TT", "Tên TCCS đảng", "Đảng bộ bộ phận", "Xếp loại"],
        [1, "Đảng bộ Xã Hòa Bình", None, "HTTNV"],
        [None, None, "Đảng bộ Thôn 1", "HTXSNV"],
        [None, None, "Đảng bộ Thôn 2", "KHTNV"],
        [2, "Chi bộ Trường THCS", None, "HTNV"],
        [3, "Đảng bộ Xã Tân Tiến", None, "HTTNV"],
        [None, None, "Đảng bộ Thôn 3", "HTTNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2020": rows})
    out = figures(ok(run("classify", path, "--format", "csv")))
    assert [out[(2020, "units", c)] for c in ("total", "good", "pass")] == [3, 2, 1]
    assert [out[(2020, "cells", c)] for c in ("total", "top", "good", "fail")] == [3, 1, 1, 1]
    assert "the level below 'Tên TCCS đảng'" in ok(run("inspect", path))


# -- ratings written as codes, with their key ------------------------------------------------------


def test_codes_read_by_a_key_line_above_the_header_in_a_csv(tmp_path):
    """Letters as codes, the key in a title line of a CSV (other codes, words and format than the
    red team's). By hand: 5 present, 1 exempt, 4 rated: 1 top, 2 good, 1 pass."""
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2021"],
        [
            "Chú thích: A = Hoàn thành xuất sắc nhiệm vụ; B = Hoàn thành tốt nhiệm vụ; C = Hoàn thành nhiệm vụ; "
            "D = Không hoàn thành nhiệm vụ; E = Miễn đánh giá"
        ],
        ["STT", "Họ và tên", "Chi bộ", "Mức xếp loại"],
        [1, "Trần Văn Một", "Chi bộ Thôn Bắc", "B"],
        [2, "Lê Thị Hai", "Chi bộ Thôn Bắc", "A"],
        [3, "Phạm Văn Ba", "Chi bộ Thôn Bắc", "E"],
        [4, "Vũ Thị Bốn", "Chi bộ Thôn Bắc", "C"],
        [5, "Ngô Văn Năm", "Chi bộ Thôn Bắc", "b"],
    ]
    result = run("classify", make_csv(tmp_path / "dv.csv", rows), "--format", "csv")
    out = figures(ok(result))
    got = [out[(2021, "members", c)] for c in ("total", "exempt", "rated", "top", "good", "pass")]
    assert got == [5, 1, 4, 1, 2, 1]
    assert "written as codes" in result.stderr


def test_codes_read_by_a_key_sheet_before_the_list(tmp_path):
    """The key on a sheet of its own, first in the workbook. By hand: 3 units, 2 top, 1 good."""
    key = [["Ký hiệu", "Ý nghĩa"], ["X", "Hoàn thành xuất sắc nhiệm vụ"], ["T", "Hoàn thành tốt nhiệm vụ"]]
    units = [["STT", "Tên chi bộ", "Xếp loại"], [1, "Chi bộ A", "X"], [2, "Chi bộ B", "T"], [3, "Chi bộ C", "X"]]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Ký hiệu": key, "Năm 2019": units}), "--format", "csv")
    out = figures(ok(result))
    assert [out[(2019, "units", c)] for c in ("total", "top", "good")] == [3, 2, 1]
    assert "sheet 'Ký hiệu'" in result.stderr


def test_a_code_no_key_names_stays_an_unknown_label(tmp_path):
    rows = [
        ["Ký hiệu: 1 - Hoàn thành xuất sắc nhiệm vụ; 2 - Hoàn thành tốt nhiệm vụ"],
        ["STT", "Tên chi bộ", "Xếp loại"],
        [1, "Chi bộ A", 1],
        [2, "Chi bộ B", 5],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}), "--format", "csv")
    assert result.exit_code == 2 and "'5'" in result.stderr


def test_who_scored_under_a_merged_score_heading_is_read_with_its_words(tmp_path):
    """ "Điểm" merged over "Tự chấm | Cấp ủy cấp trên chấm" (the second alone would name a parent):
    a two-row header, the decided score used. By hand: 3 units, 1 top, 2 good; scored 3."""
    rows = [
        ["STT", "Tên chi bộ", "Điểm", None, "Xếp loại"],
        [None, None, "Tự chấm", "Cấp ủy cấp trên chấm", None],
        [1, "Chi bộ Phòng A", 95, 92, "HTXSNV"],
        [2, "Chi bộ Phòng B", 85, 80, "HTTNV"],
        [3, "Chi bộ Phòng C", 80, 75.5, "HTTNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2025": rows}, {"Năm 2025": ["A1:A2", "B1:B2", "C1:D1", "E1:E2"]})
    out = figures(ok(run("classify", path, "--format", "csv")))
    assert [out[(2025, "units", c)] for c in ("total", "top", "good")] == [3, 1, 2]
    assert out[(2025, "units_scores", "scored")] == 3
    shown = ok(run("inspect", path))
    assert "header row 1-2" in shown and "self-score, not used" in shown


# -- a table of figures: indicators down the side, years across ----------------------------------------

FIGURES = [
    ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC"],
    ["STT", "Chỉ tiêu", 2019, 2020],
    ["I", "Tổng số chi bộ trực thuộc", 12, 13],
    ["1", "Chưa đánh giá, xếp loại", 0, 1],
    ["2", "HTXSNV", 2, 3],
    ["3", "HTTNV", 8, 7],
    ["4", "HTNV", 2, 2],
    ["5", "KHTNV", 0, 0],
]


def test_a_table_of_figures_alone_is_read_as_the_figures_of_each_year(tmp_path):
    """Years as plain numbers, no "SL | %" row, the chi bộ trực thuộc's figures: by hand, 2019:
    12 (2 top, 8 good, 2 pass), 2020: 13 (1 not rated, 3 top, 7 good, 2 pass)."""
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": FIGURES}), "--format", "csv")
    out = figures(ok(result))
    assert [out[(2019, "cells", c)] for c in ("total", "not_rated", "top", "good", "pass")] == [12, 0, 2, 8, 2]
    assert [out[(2020, "cells", c)] for c in ("total", "not_rated", "top", "good", "pass")] == [13, 1, 3, 7, 2]
    assert "table of figures" in result.stderr


def test_a_table_of_figures_whose_total_is_not_its_parts_stops_naming_the_cell(tmp_path):
    rows = [list(r) for r in FIGURES]
    rows[2][3] = 14  # 2020: 14 said, 13 in its parts
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}), "--format", "csv")
    assert result.exit_code == 2 and "row 3, column D" in result.stderr and "13" in result.stderr


def test_a_table_of_figures_beside_the_list_it_sums_is_not_counted_again(tmp_path):
    """The figures of 2023 and 2024 beside the list of 2023, in words other than the list's labels
    ("HTTNV" against "Hoàn thành tốt nhiệm vụ"): 2023 agrees once classified, so it is said and
    left out; 2024, which only the figures give, is counted from them."""
    figures_rows = [
        ["Chỉ tiêu", "Năm 2023", "Năm 2024"],
        ["Tổng số đảng viên", 5, 5],
        ["Miễn đánh giá", 1, 1],
        ["Hoàn thành xuất sắc nhiệm vụ", 1, 1],
        ["Hoàn thành tốt nhiệm vụ", 2, 2],
        ["Hoàn thành nhiệm vụ", 1, 1],
    ]
    path = make_xlsx(tmp_path / "dv_2023.xlsx", {"DS 2023": LIST, "Qua các năm": figures_rows})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    out = figures(result.stdout)
    assert [out[(2023, "members", c)] for c in ("total", "exempt", "top", "good", "pass")] == [5, 1, 1, 2, 1]
    assert [out[(2024, "members", c)] for c in ("total", "exempt", "top", "good", "pass")] == [5, 1, 1, 2, 1]
    assert "its figures repeat theirs" in result.stderr
