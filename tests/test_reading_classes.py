"""The layouts of issue 9, class by class: a hand-built input each, and figures counted by hand.

Each test names the class it covers. The expected figures are counted from the rows written
here, never taken from the tool's output.
"""

from __future__ import annotations

import time

import pytest
from openpyxl import Workbook

from conftest import figures, make_csv, make_xlsx, run, windows_1258

# each reading command is also run with the large-file path forced: same bytes (tests/differential.py)
pytestmark = pytest.mark.differential

HEADER = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]
THREE = [[1, "Chi bộ Sở A", "HTXSNV"], [2, "Chi bộ Sở B", "HTTNV"], [3, "Đảng bộ Sở C", "Hoàn thành tốt nhiệm vụ"]]


def ok(result):
    assert result.exit_code == 0, result.stderr
    return figures(result.stdout)


def units(got, year):
    return tuple(got.get((year, "units", c), 0) for c in ("total", "top", "good", "pass", "fail"))


# -- class 1: a title row directly above the header; years in titles and file names ----------


@pytest.mark.parametrize("merged", [True, False])
def test_class1_title_row_directly_above_the_header(tmp_path, merged):
    rows = [["TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"], HEADER] + THREE
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}, merges={"Sheet1": ["A1:C1"]} if merged else None)
    assert units(ok(run("classify", path)), 2021) == (3, 1, 2, 0, 0)


@pytest.mark.parametrize(("delimiter", "encoding"), [("\t", "utf-16"), (";", "cp1258"), (",", "utf-8-sig")])
def test_class1_title_above_the_header_in_csv(tmp_path, delimiter, encoding):
    rows = [["TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"], HEADER] + THREE
    if encoding == "cp1258":
        text = "\r\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
        path = tmp_path / "t.csv"
        path.write_bytes(windows_1258(text))
    else:
        path = make_csv(tmp_path / "t.csv", rows, delimiter=delimiter, encoding=encoding)
    assert units(ok(run("classify", path)), 2021) == (3, 1, 2, 0, 0)


def test_class1_bare_year_in_the_title(tmp_path):
    rows = [["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"], ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TCCS ĐẢNG 2019"], [None], HEADER] + THREE
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows})
    assert units(ok(run("classify", path)), 2019) == (3, 1, 2, 0, 0)


def test_class1_a_term_or_a_date_in_the_title_is_not_the_year(tmp_path):
    rows = [["NHIỆM KỲ 2015-2020"], ["Quảng Trị, ngày 10 tháng 01 năm 2020"], HEADER] + THREE
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows})
    result = run("classify", path)
    assert result.exit_code == 2 and "no rating year" in result.stderr


def test_class1_year_only_in_the_file_name_is_read_and_said(tmp_path):
    # a careful person reads "xep_loai_tccs_2020" as the 2020 ratings; a weak signal, so a warning names it
    path = make_xlsx(tmp_path / "xep_loai_tccs_2020.xlsx", {"Sheet1": [HEADER] + THREE})
    result = run("classify", path)
    assert units(ok(result), 2020) == (3, 1, 2, 0, 0)
    assert "rating year 2020 read from the file name alone" in result.stderr
    assert units(ok(run("classify", path, "--year", "2020")), 2020) == (3, 1, 2, 0, 0)


def test_class1_a_date_in_the_file_name_is_not_the_year(tmp_path):
    path = make_xlsx(tmp_path / "bao_cao_15_01_2020.xlsx", {"Sheet1": [HEADER] + THREE})
    result = run("classify", path)
    assert result.exit_code == 2 and "no rating year" in result.stderr


# -- class 2: organisation-name headers ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Tên chi, đảng bộ",
        "Chi, đảng bộ",
        "Tổ chức cơ sở đảng trực thuộc",
        "Tên tổ chức",
        "Tổ chức",
        "TÊN CHI BỘ, ĐẢNG BỘ CƠ SỞ",
    ],
)
def test_class2_organisation_headers(tmp_path, name):
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [["STT", name, "Xếp loại"]] + THREE})
    assert units(ok(run("classify", path)), 2019) == (3, 1, 2, 0, 0)


@pytest.mark.slow
def test_class2_the_tools_own_report_workbook_reads_back(tmp_path):
    """The report's organisation sheet ("Tổ chức | Trực thuộc | … | 2018 | 2019", "HTXSNV TB") and
    its member sheet read back into the figures they came from (sample data, 2019)."""
    from conftest import SAMPLE

    book = tmp_path / "r.xlsx"
    assert run("report", "--year", "2019", SAMPLE, "--format", "xlsx", "-o", book).exit_code == 0
    again, first = ok(run("classify", book)), ok(run("classify", SAMPLE))
    for subject in ("units", "cells", "members"):
        for category in ("total", "top", "exemplary", "good", "pass", "fail"):
            if (2019, subject, category) in first:
                assert again[(2019, subject, category)] == first[(2019, subject, category)], (subject, category)


# -- class 3: rating headers; a data row never taken for a header ----------------------------------


@pytest.mark.parametrize(
    "rating", ["KQ xếp loại", "Mức xếp loại chất lượng", "Kết quả đánh giá, xếp loại năm 2019", "Xếp loại năm 2019"]
)
def test_class3_rating_headers(tmp_path, rating):
    rows = [["DANH SÁCH"], [None], ["STT", "Tên tổ chức", rating]] + THREE
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows})
    result = run("classify", path, "--year", "2019")
    assert units(ok(result), 2019) == (3, 1, 2, 0, 0)


def test_class3_year_in_the_rating_header_gives_the_year(tmp_path):
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": [["STT", "Tên tổ chức", "Xếp loại năm 2019"]] + THREE})
    assert units(ok(run("classify", path)), 2019) == (3, 1, 2, 0, 0)


def test_class3_wide_rating_headers_with_years(tmp_path):
    rows = [
        ["STT", "Tên chi, đảng bộ", "Xếp loại năm 2018", "Xếp loại năm 2019"],
        [1, "Chi bộ A", "HTTNV", "HTXSNV"],
        [2, "Chi bộ B", "HTNV", "HTTNV"],
        [3, "Chi bộ C", "HTTNV", "KHTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"S": rows})))
    assert units(got, 2018) == (3, 0, 2, 1, 0)
    assert units(got, 2019) == (3, 1, 1, 0, 1)


def test_class3_a_data_row_of_labels_is_not_a_counts_header(tmp_path):
    """The header's rating column has words the reader does not know; the rows under it hold
    labels. The first data row must not become a header of count columns."""
    rows = [
        ["STT", "Tên tổ chức", "Cột 3"],
        [1, "Chi bộ A", "Hoàn thành tốt nhiệm vụ"],
        [2, "Chi bộ B", "Hoàn thành xuất sắc nhiệm vụ"],
        [3, "Chi bộ C", "Hoàn thành tốt nhiệm vụ"],
        [4, "Chi bộ D", "Hoàn thành nhiệm vụ"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    # the rating column is recognised by its cells: all four are rating labels
    assert units(ok(result), 2019) == (4, 1, 2, 1, 0)
    assert (2019, "members", "total") not in figures(result.stdout)


# -- class 4: the self-rating beside the competent level's decision ----------------------------------


def test_class4_self_rating_beside_the_decision(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Tự xếp loại", "Cấp ủy cấp trên xếp loại"],
        [1, "Chi bộ A", "HTXSNV", "HTTNV"],
        [2, "Chi bộ B", "HTXSNV", "HTXSNV"],
        [3, "Chi bộ C", "HTTNV", "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    assert units(ok(result), 2019) == (3, 1, 1, 1, 0)
    assert result.stderr.count("not counted (a self-rating or proposal)") == 1


def test_class4_merged_assessment_over_self_rating_and_decision(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Kết quả đánh giá, xếp loại", None],
        [None, None, "Tổ chức đảng tự xếp loại", "Đảng ủy Khối quyết định xếp loại"],
        [1, "Chi bộ A", "HTXSNV", "HTTNV"],
        [2, "Đảng bộ B", "HTTNV", "HTTNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2020": rows}, merges={"Năm 2020": ["C1:D1", "A1:A2", "B1:B2"]})
    assert units(ok(run("classify", path)), 2020) == (2, 0, 2, 0, 0)


def test_class4_member_self_rating_proposal_and_decision(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chi bộ", "Đảng viên tự xếp loại", "Chi bộ đề nghị", "Cấp ủy quyết định"],
        [1, "Người A", "Chi bộ X", "HTXSNV", "HTXSNV", "HTTNV"],
        [2, "Người B", "Chi bộ X", "HTTNV", "HTTNV", "HTTNV"],
        [3, "Người C", "Chi bộ X", "HTTNV", "HTNV", "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    got = ok(result)
    assert (got[(2019, "members", "top")], got[(2019, "members", "good")], got[(2019, "members", "pass")]) == (0, 2, 1)
    assert result.stderr.count("not counted (a self-rating or proposal)") == 1


def test_class4_years_typed_as_numbers_under_a_merged_header(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Kết quả xếp loại qua các năm", None, None],
        [None, None, 2017, 2018, 2019],
        [1, "Chi bộ A", "TSVM", "HTXSNV", "HTTNV"],
        [2, "Chi bộ B", "HTTNV", "HTTNV", "HTXSNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"S": rows}, merges={"S": ["C1:E1", "A1:A2", "B1:B2"]})
    got = ok(run("classify", path))
    assert (
        units(got, 2017) == (2, 1, 1, 0, 0)
        and units(got, 2018) == (2, 1, 1, 0, 0)
        and units(got, 2019) == (2, 1, 1, 0, 0)
    )


# -- class 5: text under or beside the table ----------------------------------------------------------


def test_class5_signature_block_notes_and_summary_lines_end_the_table(tmp_path):
    rows = (
        [["KẾT QUẢ XẾP LOẠI NĂM 2019"], HEADER]
        + THREE
        + [
            [None, "- Hoàn thành xuất sắc nhiệm vụ", 1],
            [None, "- Hoàn thành tốt nhiệm vụ", 2],
            [None, "Ghi chú: số liệu do các chi, đảng bộ báo cáo"],
            [None, None, "Quảng Trị, ngày 15 tháng 01 năm 2020"],
            [None, "T/M BAN THƯỜNG VỤ", None],
            [None, "PHÓ BÍ THƯ", None],
            [None, None, None],
            [None, "Nguyễn Văn Ký", None],
        ]
    )
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    assert units(ok(result), 2019) == (3, 1, 2, 0, 0)


def test_class5_signature_block_alone_under_a_member_list(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        [1, "Người A", "Chi bộ X", "HTTNV"],
        [2, "Lưu Văn B", "Chi bộ X", "HTNV"],
        [None, None, "Hà Nội, ngày 20 tháng 12 năm 2019", None],
        [None, None, "BÍ THƯ", None],
        [None, None, "Trần Thị Ký", None],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})))
    assert (got[(2019, "members", "total")], got[(2019, "members", "good")], got[(2019, "members", "pass")]) == (
        2,
        1,
        1,
    )


def test_class5_summary_block_beyond_an_empty_column_is_not_the_table(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", None, "Xếp loại", "Số lượng"],
        [1, "Chi bộ A", "HTXSNV", None, "HTXSNV", 1],
        [2, "Chi bộ B", "HTTNV", None, "HTTNV", 3],
        [3, "Chi bộ C", "HTTNV", None, "HTNV", 1],
        [4, "Chi bộ D", "HTTNV", None, "KHTNV", 0],
        [5, "Chi bộ E", "HTNV", None, None, None],
    ]
    assert units(ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))), 2019) == (5, 1, 3, 1, 0)


def test_class5_an_empty_spacer_column_inside_the_table_does_not_end_it(tmp_path):
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2018"],
        ["STT", "Họ tên", "", "Đơn vị", "Xếp loại"],
        [1, "Người A", "", "Chi bộ X", "HTTNV"],
        [2, "Người B", "", "Chi bộ X", "HTNV"],
    ]
    got = ok(run("classify", make_csv(tmp_path / "t.csv", rows, delimiter=";")))
    assert (got[(2018, "members", "total")], got[(2018, "members", "good")], got[(2018, "members", "pass")]) == (
        2,
        1,
        1,
    )


def test_class5_summary_sheet_repeating_the_year_sheets_is_not_counted_twice(tmp_path):
    year = lambda a, b: [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"], [1, "Chi bộ A", a], [2, "Chi bộ B", b]]  # noqa: E731
    summary = [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2018", "Năm 2019"],
        [1, "Chi bộ A", "HTTNV", "HTXSNV"],
        [2, "Chi bộ B", "HTNV", "HTTNV"],
    ]
    path = make_xlsx(
        tmp_path / "t.xlsx",
        {"Năm 2018": year("HTTNV", "HTNV"), "Năm 2019": year("HTXSNV", "HTTNV"), "Tổng hợp": summary},
    )
    result = run("classify", path)
    got = ok(result)
    assert units(got, 2018) == (2, 0, 1, 1, 0) and units(got, 2019) == (2, 1, 1, 0, 0)
    assert "sheet 'Tổng hợp' repeats rows of sheets" in result.stderr
    assert "listed again" not in result.stderr


def test_class5_summary_sheet_without_organisations_is_not_counted(tmp_path):
    counts = [["Tên TCCS đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"], ["Chi bộ A", 1, 4, 0, 0], ["Chi bộ B", 0, 3, 1, 0]]
    summary = [["Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"], [2019, 1, 7, 1, 0]]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": counts, "Tổng hợp": summary}))
    got = ok(result)
    assert (got[(2019, "members", "rated")], got[(2019, "members", "good")]) == (9, 7)
    assert "its figures repeat theirs; not counted again" in result.stderr


# -- class 6: hierarchy ---------------------------------------------------------------------------------


def test_class6_section_row_for_chi_bo_truc_thuoc(tmp_path):
    rows = [
        ["STT", "Tên tổ chức đảng", "Xếp loại"],
        ["I", "CÁC ĐẢNG BỘ CƠ SỞ", None],
        [1, "Đảng bộ Sở A", "HTXSNV"],
        [2, "Đảng bộ Sở B", "HTTNV"],
        ["II", "CÁC CHI BỘ CƠ SỞ", None],
        [1, "Chi bộ Sở C", "HTTNV"],
        ["III", "CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ", None],
        [1, "Chi bộ Phòng 1", "HTXSNV"],
        [2, "Chi bộ Phòng 2", "HTNV"],
        [3, "Chi bộ Phòng 3", "HTTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})))
    assert units(got, 2019) == (3, 1, 2, 0, 0)
    assert (got[(2019, "cells", "total")], got[(2019, "cells", "top")], got[(2019, "cells", "pass")]) == (3, 1, 1)


def test_class6_numbered_sub_rows_are_the_cells_of_their_organisation(tmp_path):
    rows = [
        ["STT", "Tên tổ chức đảng", "Xếp loại"],
        [1, "Đảng bộ Sở A", "HTXSNV"],
        ["1.1", "Chi bộ Phòng 1", "HTTNV"],
        ["1.2", "Chi bộ Phòng 2", "HTXSNV"],
        [2, "Chi bộ Sở B", "HTTNV"],
        [3, "Đảng bộ Sở C", "HTNV"],
        ["3.1", "Chi bộ Văn phòng", "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}), "--by", "unit")
    assert result.exit_code == 0, result.stderr
    import csv
    import io

    records = list(csv.DictReader(io.StringIO(result.stdout)))
    cells = {(r["unit"], r["category"]): int(r["count"]) for r in records if r["subject"] == "cells"}
    assert cells[("Đảng bộ Sở A", "total")] == 2 and cells[("Đảng bộ Sở A", "top")] == 1
    assert cells[("Đảng bộ Sở C", "total")] == 1 and cells[("Đảng bộ Sở C", "pass")] == 1
    got = ok(run("classify", make_xlsx(tmp_path / "u.xlsx", {"Năm 2019": rows})))
    assert units(got, 2019) == (3, 1, 1, 1, 0) and got[(2019, "cells", "total")] == 3


def test_class6_kind_chi_bo_or_dang_bo_resolved_from_the_parent(tmp_path):
    rows = [
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"],
        [1, "Đảng bộ Sở A", "Đảng bộ", None, "HTXSNV"],
        [2, "Chi bộ Phòng 1", "Chi bộ", "Đảng bộ Sở A", "HTTNV"],
        [3, "Chi bộ Sở B", "Chi bộ", None, "HTNV"],
        [4, "Đảng bộ Trường C", "Đảng bộ", "Đảng bộ Sở A", "HTTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    got = ok(result)
    assert units(got, 2019) == (2, 1, 0, 1, 0)
    assert got[(2019, "cells", "total")] == 2 and got[(2019, "cells", "good")] == 2
    assert "counted as cơ sở" not in result.stderr  # the parent column told every row


def test_class6_kind_without_parent_or_section_is_warned_about(tmp_path):
    rows = [
        ["STT", "Tên tổ chức đảng", "Loại", "Xếp loại"],
        [1, "Chi bộ Sở B", "Chi bộ", "HTNV"],
        [2, "Đảng bộ Sở A", "Đảng bộ cơ sở", "HTTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    assert units(ok(result), 2019) == (2, 0, 1, 1, 0)
    assert "1 row(s) of kind 'Chi bộ' without a parent column or section; counted as cơ sở" in result.stderr


# -- class 7: ticks ---------------------------------------------------------------------------------------


def test_class7_member_list_with_ticks_under_the_tiers(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chi bộ", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Người A", "Chi bộ X", "x", None, None, None],
        [2, "Người B", "Chi bộ X", None, "x", None, None],
        [3, "Người C", "Chi bộ X", None, "X", None, None],
        [4, "Người D", "Chi bộ Y", None, None, None, "x"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})))
    assert tuple(got[(2019, "members", c)] for c in ("total", "top", "good", "pass", "fail")) == (4, 1, 2, 0, 1)


def test_class7_exemplary_tick_column_beside_the_rating(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2016", "Trong đó: TSVM tiêu biểu"],
        [1, "Chi bộ A", "TSVM", "x"],
        [2, "Chi bộ B", "TSVM", "x"],
        [3, "Chi bộ C", "TSVM", None],
        [4, "Chi bộ D", "TSVM", "x"],
        [5, "Chi bộ E", "TSVM", "x"],
        [6, "Chi bộ F", "HTTNV", None],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"S": rows})))
    assert units(got, 2016) == (6, 5, 1, 0, 0)
    assert got[(2016, "units", "exemplary")] == 4


# -- class 8: subtotals, merged parents, hidden columns ------------------------------------------------------

COUNTS = ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def test_class8_section_subtotal_rows_above_their_organisations(tmp_path):
    rows = [
        COUNTS,
        ["I", "Khối Đảng", 30, 5, 20, 5, 0],
        [1, "Chi bộ A", 10, 2, 6, 2, 0],
        [2, "Chi bộ B", 20, 3, 14, 3, 0],
        ["II", "Khối chính quyền", 12, 2, 9, 1, 0],
        [1, "Chi bộ C", 12, 2, 9, 1, 0],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    got = ok(result)
    assert (got[(2019, "members", "total")], got[(2019, "members", "top")], got[(2019, "members", "good")]) == (
        42,
        7,
        29,
    )
    assert "totals row" not in result.stderr  # both subtotals agree with the rows under them


def test_class8_subtotal_rows_below_their_organisations_and_a_grand_total(tmp_path):
    rows = [
        COUNTS,
        [1, "Chi bộ A", 10, 2, 6, 2, 0],
        [2, "Chi bộ B", 20, 3, 14, 3, 0],
        [None, "Cộng khối Đảng", 30, 5, 20, 5, 0],
        [3, "Chi bộ C", 12, 2, 9, 1, 0],
        [None, "Cộng khối chính quyền", 12, 2, 9, 1, 0],
        [None, "Tổng cộng", 42, 7, 29, 6, 0],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    got = ok(result)
    assert (got[(2019, "members", "total")], got[(2019, "members", "pass")]) == (42, 6)
    assert "totals row" not in result.stderr


def test_class8_a_subtotal_that_disagrees_is_reported_and_not_counted(tmp_path):
    rows = [
        COUNTS,
        ["I", "Khối Đảng", 31, 5, 21, 5, 0],
        [1, "Chi bộ A", 10, 2, 6, 2, 0],
        [2, "Chi bộ B", 20, 3, 14, 3, 0],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    got = ok(result)
    assert got[(2019, "members", "total")] == 30
    assert (
        "row 2, column C (Tổng số đảng viên): the totals row says 31 but the rows below add up to 30" in result.stderr
    )


def test_class8_parent_merged_down_belongs_to_every_row(tmp_path):
    rows = [
        ["STT", "Tên chi bộ", "Trực thuộc", "Xếp loại"],
        [1, "Chi bộ 1", "Đảng bộ Sở A", "HTTNV"],
        [2, "Chi bộ 2", None, "HTTNV"],
        [3, "Chi bộ 3", None, "HTNV"],
        [4, "Chi bộ Sở B", None, "HTXSNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}, merges={"Năm 2019": ["C2:C4"]})
    got = ok(run("classify", path))
    assert units(got, 2019) == (1, 1, 0, 0, 0)
    assert got[(2019, "cells", "total")] == 3 and got[(2019, "cells", "pass")] == 1


def _hidden_workbook(path, hide_column=None, hide_row=None):
    wb = Workbook()
    ws = wb.active
    ws.title = "S"
    for row in [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2018", "Năm 2019"],
        [1, "Chi bộ A", "HTTNV", "HTXSNV"],
        [2, "Chi bộ B", "HTNV", "HTTNV"],
        [3, "Chi bộ C (cũ)", "HTTNV", "HTTNV"],
    ]:
        ws.append(row)
    if hide_column:
        ws.column_dimensions[hide_column].hidden = True
    if hide_row:
        ws.row_dimensions[hide_row].hidden = True
    wb.save(path)
    return path


def test_class8_hidden_column_is_skipped_with_one_warning(tmp_path):
    result = run("classify", _hidden_workbook(tmp_path / "t.xlsx", hide_column="C"))
    got = ok(result)
    assert (2018, "units", "total") not in got and units(got, 2019) == (3, 1, 2, 0, 0)
    assert result.stderr.count("hidden column(s) 'Năm 2018' skipped") == 1


def test_class8_hidden_row_is_skipped_with_one_warning(tmp_path):
    result = run("classify", _hidden_workbook(tmp_path / "t.xlsx", hide_row=4))
    got = ok(result)
    assert units(got, 2019) == (2, 1, 1, 0, 0)
    assert result.stderr.count("1 hidden row(s) skipped (first: row 4)") == 1


# -- class 9: smaller ones -------------------------------------------------------------------------------


def test_class9_totals_row_at_the_top(tmp_path):
    rows = [
        COUNTS,
        [None, "Toàn Đảng bộ Khối", 30, 5, 20, 5, 0],
        [1, "Chi bộ A", 10, 2, 6, 2, 0],
        [2, "Chi bộ B", 20, 3, 14, 3, 0],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    assert ok(result)[(2019, "members", "total")] == 30
    assert "totals row" not in result.stderr


def test_class9_a_copy_of_a_file_is_one_line(tmp_path):
    rows = [["STT", "Họ và tên", "Chi bộ", "Xếp loại"]] + [[i, f"Người {i}", "Chi bộ X", "HTTNV"] for i in range(1, 31)]
    make_xlsx(tmp_path / "dang_vien_2017.xlsx", {"Năm 2017": rows})
    make_xlsx(tmp_path / "dang_vien_2017 - Copy.xlsx", {"Năm 2017": rows})
    result = run("classify", tmp_path)
    assert ok(result)[(2017, "members", "total")] == 30
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and "dang_vien_2017.xlsx" in lines[0] and "Copy" in lines[0]


@pytest.mark.parametrize(("label", "not_offered"), [("Khá", "KHTNV"), ("Tốt lắm", "KHTNV"), ("Trung bình", "TSVM")])
def test_class9_hint_never_offers_a_label_of_another_meaning(tmp_path, label, not_offered):
    path = make_csv(tmp_path / "x.csv", [HEADER, [1, "Chi bộ A", label]])
    result = run("classify", path, "--year", "2019")
    assert result.exit_code == 2 and "unknown rating label" in result.stderr
    assert not_offered not in result.stderr


def test_class9_hint_still_offers_a_misspelling(tmp_path):
    path = make_csv(tmp_path / "x.csv", [HEADER, [1, "Chi bộ A", "Hoàn thành tốt nhiêm"]])
    result = run("classify", path, "--year", "2019")
    assert result.exit_code == 2 and "did you mean 'Hoàn thành tốt nhiệm vụ'" in result.stderr


# -- layouts that cannot be recognised: the error names the header used and the mapping ------------------


def test_unrecognised_organisation_column_names_the_header_and_the_mapping(tmp_path):
    rows = [["STT", "Nơi sinh hoạt", "Xếp loại"], [1, "Chi bộ A", "HTTNV"], [2, "Chi bộ B", "HTTNV"]]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    assert result.exit_code == 2
    assert "row 1: A STT | B Nơi sinh hoạt | C Xếp loại" in result.stderr
    assert "--column org=" in result.stderr


# -- issue 14, item 6: header finding is linear in the size of the rows it scans ---------------------------


def test_long_title_over_many_empty_cells_is_read_quickly(tmp_path):
    title = "TỔNG HỢP " * 100_000
    rows = [[title] + [None] * 998, ["HTXSNV"] * 999]
    path = make_csv(tmp_path / "big.csv", rows)
    assert path.stat().st_size > 900_000
    started = time.monotonic()
    result = run("classify", path, "--year", "2019")
    assert time.monotonic() - started < 10
    assert result.exit_code in (0, 2)


# -- neighbours of the classes: the same principles on layouts the issue does not list -------------------


def test_count_headers_with_words_before_the_label(tmp_path):
    rows = [
        [
            "STT",
            "Tên TCCS đảng",
            "Số đảng viên hoàn thành xuất sắc nhiệm vụ",
            "Tỷ lệ HTXSNV",
            "Số đảng viên hoàn thành tốt nhiệm vụ",
            "SL HTNV",
            "Đảng viên KHTNV",
        ],
        [1, "Chi bộ A", 2, 0.2, 7, 1, 0],
        [2, "Chi bộ B", 1, 0.1, 8, 0, 1],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})))
    assert tuple(got[(2019, "members", c)] for c in ("rated", "top", "good", "pass", "fail")) == (20, 3, 15, 1, 1)


def test_counts_of_organisations_per_tier_are_refused_not_read_as_members(tmp_path):
    rows = [
        ["TỔNG HỢP NĂM 2019"],
        ["Năm", "Tổng số TCCSĐ", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [2019, 56, 39, 15, 1, 1],
    ]
    result = run("classify", make_csv(tmp_path / "t.csv", rows))
    assert result.exit_code == 2 and "counts of organisations per tier ('Tổng số TCCSĐ')" in result.stderr


def test_a_one_under_one_tier_on_every_row_is_a_tick(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ A", 1, None, None, None],
        [2, "Chi bộ B", None, 1, None, None],
        [3, "Chi bộ C", None, 1, None, None],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}))
    got = ok(result)
    assert units(got, 2019) == (3, 1, 2, 0, 0) and (2019, "members", "total") not in got
    assert "read as a tick" in result.stderr


def test_member_counts_of_one_are_still_counts_beside_a_total(tmp_path):
    rows = [
        ["Tên TCCS đảng", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        ["Chi bộ A", 1, 1, None, None, None],
        ["Chi bộ B", 1, None, 1, None, None],
        ["Chi bộ C", 1, None, 1, None, None],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})))
    assert got[(2019, "members", "total")] == 3 and (2019, "units", "total") not in got


def test_two_organisation_columns_the_one_named_exactly_is_read(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Đơn vị công tác", "Chi bộ", "Xếp loại"],
        [1, "Người A", "Phòng Kế hoạch", "Chi bộ X", "HTTNV"],
        [2, "Người B", "Phòng Tài vụ", "Chi bộ X", "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}), "--by", "unit")
    assert result.exit_code == 0, result.stderr
    import csv
    import io

    units_seen = {r["unit"] for r in csv.DictReader(io.StringIO(result.stdout))}
    assert units_seen == {"Chi bộ X"}


def test_member_list_grouped_under_organisation_headings(tmp_path):
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2019"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
        [None, "Chi bộ Văn phòng", None, None],
        [1, "Người A", 1970, "HTTNV"],
        [2, "Người B", 1980, "HTXSNV"],
        [None, "Chi bộ Kế hoạch", None, None],
        [3, "Người C", 1975, "HTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"S": rows}), "--by", "unit")
    assert result.exit_code == 0, result.stderr
    import csv
    import io

    totals = {
        r["unit"]: int(r["count"]) for r in csv.DictReader(io.StringIO(result.stdout)) if r["category"] == "total"
    }
    assert totals == {"Chi bộ Văn phòng": 2, "Chi bộ Kế hoạch": 1}


def test_a_year_in_a_merged_header_above_self_rating_and_decision(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Chi bộ", "Kết quả đánh giá, xếp loại năm 2022", None, None],
        [None, None, None, "Cá nhân tự xếp loại", "Chi bộ đề nghị", "Đảng ủy quyết định"],
        [1, "Người A", "Chi bộ X", "HTXSNV", "HTXSNV", "HTTNV"],
        [2, "Người B", "Chi bộ X", "HTTNV", "HTTNV", "KHTNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"S": rows}, merges={"S": ["D1:F1", "A1:A2", "B1:B2", "C1:C2"]})
    got = ok(run("classify", path))
    assert tuple(got[(2022, "members", c)] for c in ("total", "top", "good", "fail")) == (2, 0, 1, 1)


def test_tables_stacked_on_one_sheet_each_with_its_year(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI NĂM 2018"],
        HEADER,
        [1, "Chi bộ A", "HTTNV"],
        [2, "Chi bộ B", "HTNV"],
        [None],
        ["KẾT QUẢ XẾP LOẠI NĂM 2019"],
        HEADER,
        [1, "Chi bộ A", "HTXSNV"],
        [2, "Chi bộ B", "HTTNV"],
        [3, "Chi bộ C", "HTTNV"],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows})))
    assert units(got, 2018) == (2, 0, 1, 1, 0) and units(got, 2019) == (3, 1, 2, 0, 0)


def test_name_in_two_columns_under_a_merged_ho_va_ten(tmp_path):
    rows = [
        ["STT", "Họ và tên", None, "Chi bộ", "Xếp loại"],
        [None, "Họ đệm", "Tên", None, None],
        [1, "Nguyễn Văn", "An", "Chi bộ X", "HTTNV"],
        [2, "Nguyễn Văn", "Bình", "Chi bộ X", "HTNV"],
        [3, "Trần Thị", "An", "Chi bộ X", "HTXSNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows}, merges={"Năm 2019": ["B1:C1", "A1:A2", "D1:D2", "E1:E2"]})
    result = run("classify", path)
    got = ok(result)
    # three people, though two share "Nguyễn Văn" and two share "An"
    assert tuple(got[(2019, "members", c)] for c in ("total", "top", "good", "pass")) == (3, 1, 1, 1)
    assert "listed" not in result.stderr


def test_a_tieu_bieu_column_beside_the_rating(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Tiêu biểu"],
        [1, "Chi bộ A", "TSVM", "x"],
        [2, "Chi bộ B", "TSVM", None],
        [3, "Chi bộ C", "HTTNV", None],
    ]
    got = ok(run("classify", make_xlsx(tmp_path / "t.xlsx", {"Năm 2016": rows})))
    assert units(got, 2016) == (3, 2, 1, 0, 0) and got[(2016, "units", "exemplary")] == 1
