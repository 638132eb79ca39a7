"""The level of an organisation told by the tree its list makes (a parent column naming the bloc
itself, a path from the top), a footnote mark after a rating, and a rating column found by its
content alone. Expected figures are counted by hand from the rows written here."""

from __future__ import annotations

from conftest import figures, make_xlsx, run


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_parent_column_naming_the_bloc_on_grassroots_rows_is_not_a_chi_bo_truc_thuoc(tmp_path):
    """'Trực thuộc' on every row: the bloc for the grassroots, the đảng bộ for its chi bộ. The bloc is
    no row of the list and is the parent of a row that has chi bộ listed under it: the level above.
    By hand: units Đảng bộ A (HTXSNV), Chi bộ C (HTTNV), Chi bộ D (HTNV) = 3; cells A1, A2 (HTTNV) = 2."""
    bloc = "Đảng bộ Khối X"
    rows = [
        ["STT", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
        [1, "Đảng bộ A", bloc, "HTXSNV"],
        [2, "Chi bộ A1", "Đảng bộ A", "HTTNV"],
        [3, "Chi bộ A2", "Đảng bộ A", "HTTNV"],
        [4, "Chi bộ C", bloc, "HTTNV"],
        [5, "Chi bộ D", bloc, "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2021": rows}), "--format", "csv")
    got = figures(ok(result))
    assert [got[(2021, "units", c)] for c in ("total", "top", "good", "pass")] == [3, 1, 1, 1]
    assert [got[(2021, "cells", c)] for c in ("total", "good")] == [2, 2]
    assert "3 row(s) name as their parent the level above the list" in result.stderr


def test_a_parent_no_row_is_stays_the_parent_of_a_list_of_one_level(tmp_path):
    """One đảng bộ's chi bộ, each naming it: no row is a parent, so nothing says it is the level
    above the list; they stay its chi bộ trực thuộc (2 cells), without a warning about it."""
    rows = [
        ["STT", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
        [1, "Chi bộ A1", "Đảng bộ A", "HTTNV"],
        [2, "Chi bộ A2", "Đảng bộ A", "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2021": rows}), "--format", "csv")
    got = figures(ok(result))
    assert got[(2021, "cells", "total")] == 2 and (2021, "units", "total") not in got
    assert "level above the list" not in result.stderr


def test_the_path_of_an_organisation_gives_its_parent_and_so_its_level(tmp_path):
    """'Khối > Đảng bộ A > Chi bộ A1': the parent is the path without its last step. By hand:
    units Đảng bộ A (HTTNV), Chi bộ B (KHTNV) = 2; cell Chi bộ A1 (HTXSNV) = 1."""
    top = "Đảng bộ Khối X"
    rows = [
        ["STT", "Tổ chức đảng", "Xếp loại"],
        [1, f"{top} > Đảng bộ A", "HTTNV"],
        [2, f"{top} > Đảng bộ A > Chi bộ A1", "HTXSNV"],
        [3, f"{top} > Chi bộ B", "KHTNV"],
    ]
    got = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2020": rows}), "--format", "csv")))
    assert [got[(2020, "units", c)] for c in ("total", "good", "fail")] == [2, 1, 1]
    assert [got[(2020, "cells", c)] for c in ("total", "top")] == [1, 1]


def test_a_footnote_mark_after_a_rating_is_the_rating(tmp_path):
    """'Hoàn thành xuất sắc nhiệm vụ (1)' with the note under the table: top. By hand: 3 units,
    2 top, 1 good."""
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ A", "Hoàn thành xuất sắc nhiệm vụ (1)"],
        [2, "Chi bộ B", "HTXSNV"],
        [3, "Chi bộ C", "HTTNV [2]"],
    ]
    got = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}), "--format", "csv")))
    assert [got[(2019, "units", c)] for c in ("total", "top", "good")] == [3, 2, 1]


def test_labels_on_a_few_rows_of_a_notes_column_are_not_the_ratings(tmp_path):
    """No header word names a rating; the only labels are 'TSVM tiêu biểu' on 1 of 4 rows: notes,
    not a rating column, so the run stops (exit 2, one error line) instead of counting 1 unit."""
    rows = [
        ["STT", "Tổ chức cơ sở đảng", ""],
        [1, "Chi bộ A", "TSVM tiêu biểu"],
        [2, "Chi bộ B", None],
        [3, "Chi bộ C", None],
        [4, "Chi bộ D", "TSVM tiêu biểu"],
        [5, "Chi bộ E", None],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2016": rows}))
    assert result.exit_code == 2 and not result.stdout
    assert result.stderr.count("ccq-stats: error:") == 1 and "no rating or count column found" in result.stderr


TICKS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def test_the_decision_block_of_ticks_counts_not_the_self_assessment(tmp_path):
    """'Tự đánh giá' ticks beside 'Cấp ủy cấp trên quyết định' ticks, each block under its merged
    heading: the decision counts, the self-assessment is said not counted. By hand, from the
    decision block: A top, B good, C good = 3 members, 1 top, 2 good."""
    rows = [
        ["STT", "Họ và tên", "Tự đánh giá", None, None, None, "Cấp ủy cấp trên quyết định", None, None, None],
        [None, None, *TICKS, *TICKS],
        [1, "Người A", "x", None, None, None, "x", None, None, None],
        [2, "Người B", "x", None, None, None, None, "x", None, None],
        [3, "Người C", None, None, "x", None, None, "x", None, None],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2022": rows}), "--format", "csv")
    got = figures(ok(result))
    assert [got[(2022, "members", c)] for c in ("rated", "top", "good", "pass")] == [3, 1, 2, 0]
    assert "'Tự đánh giá' not counted" in result.stderr


def test_two_blocks_of_ticks_that_do_not_say_who_rated_stay_an_error(tmp_path):
    """Two blocks under headings that name no self-assessment nor proposal: which one counts cannot
    be told, so two ticks on a row stay an error naming the row."""
    rows = [
        ["STT", "Họ và tên", "Đợt 1", None, None, None, "Đợt 2", None, None, None],
        [None, None, *TICKS, *TICKS],
        [1, "Người A", "x", None, None, None, None, "x", None, None],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2022": rows}))
    assert result.exit_code == 2 and result.stderr.count("ccq-stats: error:") == 1
    assert "row 3" in result.stderr


def test_tiers_given_by_section_headings_are_read_with_a_warning(tmp_path):
    """No rating column; Roman sections name the tier, 'Không có' under an empty one. By hand:
    A, B top; C good; no pass; D fail = 4 units."""
    rows = [
        ["DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG XẾP LOẠI NĂM 2023"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Ghi chú"],
        ["I", "TỔ CHỨC CƠ SỞ ĐẢNG HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (02)"],
        [1, "Chi bộ A"],
        [2, "Chi bộ B"],
        ["II", "HOÀN THÀNH TỐT NHIỆM VỤ: 1 tổ chức"],
        [1, "Chi bộ C"],
        ["III", "HOÀN THÀNH NHIỆM VỤ (00)"],
        [None, "Không có"],
        ["IV", "KHÔNG HOÀN THÀNH NHIỆM VỤ (01)"],
        [1, "Chi bộ D"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"DS": rows}), "--format", "csv")
    got = figures(ok(result))
    assert [got[(2023, "units", c)] for c in ("total", "top", "good", "pass", "fail")] == [4, 2, 1, 0, 1]
    assert "tier read from the section heading above it (4 rows" in result.stderr


def test_members_under_tier_and_status_headings(tmp_path):
    """Members under '1. Hoàn thành tốt nhiệm vụ: 02 đồng chí' and 'B. ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ'.
    By hand: 3 present, 2 good, 1 exempt."""
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Họ và tên", "Năm sinh"],
        ["A", "ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI"],
        [None, "1. Hoàn thành tốt nhiệm vụ: 02 đồng chí"],
        [1, "Người A", 1980],
        [2, "Người B", 1981],
        ["B", "ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ: 01 đồng chí"],
        [3, "Người C", 1940],
    ]
    got = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Chi bộ X": rows}), "--format", "csv")))
    assert [got[(2024, "members", c)] for c in ("total", "exempt", "rated", "good")] == [3, 1, 2, 2]


def test_one_organisation_under_two_tier_headings_is_refused(tmp_path):
    """Which tier it got cannot be told: exit 2, one error naming the organisation."""
    rows = [
        ["KẾT QUẢ XẾP LOẠI NĂM 2022"],
        ["STT", "Tên tổ chức cơ sở đảng"],
        ["I", "HOÀN THÀNH TỐT NHIỆM VỤ"],
        [1, "Chi bộ A"],
        [2, "Chi bộ B"],
        ["II", "HOÀN THÀNH NHIỆM VỤ"],
        [1, "Chi bộ A"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"2022": rows}))
    assert result.exit_code == 2 and result.stderr.count("ccq-stats: error:") == 1
    assert "'Chi bộ A' is listed twice in 2022" in result.stderr


def test_a_count_and_its_share_in_one_cell_is_the_count(tmp_path):
    """'5 (13,51%)' under a full tier header: the count before the bracket. By hand: 2 chi bộ,
    top 3+1 = 4, good 6+2 = 8, 12 rated; exempt 1."""
    rows = [
        [
            "STT",
            "Chi bộ",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Hoàn thành tốt nhiệm vụ",
        ],
        [1, "Chi bộ A", 10, 1, "3 (33,33%)", "6 (66,67%)"],
        [2, "Chi bộ B", 3, 0, "1 (33,33%)", "2 (66,67%)"],
    ]
    got = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2020": rows}), "--format", "csv")))
    assert [got[(2020, "members", c)] for c in ("total", "exempt", "rated", "top", "good")] == [13, 1, 12, 4, 8]


def test_organisations_across_and_indicators_down_the_side_are_read_turned(tmp_path):
    """'Nội dung | Chi bộ A | Chi bộ B | Chi bộ C | Toàn Đảng bộ' over indicator rows. By hand, the
    chi bộ columns (not the total): 30 members, 1 exempt, 29 rated, 5 top, 24 good."""
    rows = [
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        ["TT", "Nội dung", "Chi bộ A", "Chi bộ B", "Chi bộ C", "Toàn Đảng bộ"],
        ["1", "Tổng số đảng viên", 10, 12, 8, 30],
        ["2", "Số đảng viên được miễn đánh giá", 0, 1, 0, 1],
        ["3", "Hoàn thành xuất sắc nhiệm vụ", 2, 2, 1, 5],
        ["4", "Hoàn thành tốt nhiệm vụ", 8, 9, 7, 24],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"TH": rows}), "--format", "csv")
    got = figures(ok(result))
    assert [got[(2023, "members", c)] for c in ("total", "exempt", "rated", "top", "good")] == [30, 1, 29, 5, 24]
    assert "read turned" in result.stderr


def test_merged_away_or_not_yet_formed_under_a_year_is_no_rating_that_year(tmp_path):
    """'Năm 2024 | Năm 2025' side by side: 'Đã hợp nhất' under 2025 and '-' under 2024 say the
    organisation was not there that year. By hand: 2024 A, B = 2 (1 good, 1 pass); 2025 A, C = 2
    (1 top, 1 good)."""
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2024", "Năm 2025", "Ghi chú"],
        [1, "Chi bộ A", "HTTNV", "HTXSNV", None],
        [2, "Chi bộ B", "HTNV", "Đã hợp nhất", "Hợp nhất vào Chi bộ C từ 01/7/2025"],
        [3, "Chi bộ C", "-", "HTTNV", "Thành lập từ 01/7/2025"],
    ]
    got = figures(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"TCCS": rows}), "--format", "csv")))
    assert [got[(2024, "units", c)] for c in ("total", "good", "pass")] == [2, 1, 1]
    assert [got[(2025, "units", c)] for c in ("total", "top", "good")] == [2, 1, 1]
