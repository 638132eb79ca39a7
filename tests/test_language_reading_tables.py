"""The reading of tables speaks the user's language (issue 13): the warnings users read most and
the errors of the row reader, the column reader, the sheet's plan and the file's sheets, in
Vietnamese under CCQ_LANG=vi and unchanged in English.

Every input is built by hand here; every expected line, in both languages, is written by hand
from that input (the row and column the message names are counted in the rows below). The place a
warning is about travels as data (a Where), so the line is "place: message" in both languages.
"""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from conftest import make_csv, make_xlsx, run

WARNING = {"en": "ccq-stats: warning: ", "vi": "ccq-stats: cảnh báo: "}
ERROR = {"en": "ccq-stats: error: ", "vi": "ccq-stats: lỗi: "}
UNITS = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]


def in_language(monkeypatch, lang: str, *args):
    monkeypatch.setenv("CCQ_LANG", lang)
    return run(*args)


def warns_once(monkeypatch, lang: str, path, expected: str, *options) -> None:
    """classify reads the file (exit 0) and says one warning: about the file, then ``expected``."""
    result = in_language(monkeypatch, lang, "classify", path, *options)
    assert result.exit_code == 0, result.stderr
    assert lines(result) == [f"{WARNING[lang]}{path}, {expected}"]


def lines(result) -> list[str]:
    return result.stderr.splitlines()


# -- the warnings users read most -----------------------------------------------------------------


def _hidden_row_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "S"
    for row in [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2019"],
        [1, "Chi bộ A", "HTXSNV"],
        [2, "Chi bộ B", "HTTNV"],
        [3, "Chi bộ C (cũ)", "HTTNV"],
    ]:
        ws.append(row)
    ws.row_dimensions[4].hidden = True  # Chi bộ C's row
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "sheet 'S': 1 hidden row(s) skipped (first: row 4)"),
        ("vi", "trang tính 'S': bỏ qua 1 dòng ẩn (dòng đầu tiên: dòng 4)"),
    ],
)
def test_hidden_rows_skipped(tmp_path, monkeypatch, lang, expected):
    path = _hidden_row_workbook(tmp_path / "an.xlsx")
    warns_once(monkeypatch, lang, path, expected)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'Năm 2019': 'Tự xếp loại' not counted (a self-rating or proposal); the decision in "
            "'Cấp ủy cấp trên xếp loại' counts",
        ),
        (
            "vi",
            "trang tính 'Năm 2019': không tính 'Tự xếp loại' (tự xếp loại hoặc đề xuất); tính theo quyết định ở cột "
            "'Cấp ủy cấp trên xếp loại'",
        ),
    ],
)
def test_a_self_rating_is_not_counted(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Tự xếp loại", "Cấp ủy cấp trên xếp loại"],
        [1, "Chi bộ A", "HTXSNV", "HTTNV"],
        [2, "Chi bộ B", "HTXSNV", "HTXSNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})
    warns_once(monkeypatch, lang, path, expected)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "3 member(s) who left during the year (chuyển sinh hoạt đi, từ trần, xóa tên …) not counted (first: row 3)",
        ),
        ("vi", "không tính 3 đảng viên chuyển sinh hoạt đi, từ trần, xóa tên … trong năm (dòng đầu tiên: dòng 3)"),
    ],
)
def test_members_who_left_are_not_counted(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["Họ và tên", "Chi bộ", "Năm", "Xếp loại"],
        ["Người A", "Chi bộ X", 2019, "HTTNV"],  # row 2
        ["Người B", "Chi bộ X", 2019, "Chuyển sinh hoạt đi"],  # row 3: the first who left
        ["Người C", "Chi bộ X", 2019, "Miễn sinh hoạt đảng"],
        ["Người D", "Chi bộ X", 2019, "Từ trần"],  # row 5
        ["Người E", "Chi bộ X", 2019, "Xoá tên"],
    ]  # row 6
    path = make_xlsx(tmp_path / "dv.xlsx", {"S": rows})
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 0, result.stderr
    sheet = {"en": "sheet 'S'", "vi": "trang tính 'S'"}[lang]
    assert lines(result) == [f"{WARNING[lang]}{path}, {sheet}: {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'Năm 2019': a 1 under one tier on every row and nothing else: read as a tick (the organisation's "
            "rating), not as a count of members",
        ),
        (
            "vi",
            "trang tính 'Năm 2019': mỗi dòng chỉ có một số 1 ở một mức xếp loại, ngoài ra để trống: đọc là đánh dấu "
            "mức xếp loại của tổ chức đảng, không phải số lượng đảng viên",
        ),
    ],
)
def test_a_one_read_as_a_tick(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ A", 1, None, None, None],
        [2, "Chi bộ B", None, 1, None, None],
        [3, "Chi bộ C", None, 1, None, None],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})
    warns_once(monkeypatch, lang, path, expected)


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'Tổng hợp' repeats rows of sheets 'Năm 2018', 'Năm 2019' (same years, organisations and ratings); "
            "not counted again",
        ),
        (
            "vi",
            "trang tính 'Tổng hợp' lặp lại các dòng của trang tính 'Năm 2018', 'Năm 2019' (cùng năm, tổ chức đảng và "
            "xếp loại); không tính lại",
        ),
    ],
)
def test_a_repeated_sheet_is_counted_once(tmp_path, monkeypatch, lang, expected):
    def year(a, b):
        return [UNITS, [1, "Chi bộ A", a], [2, "Chi bộ B", b]]

    summary = [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2018", "Năm 2019"],
        [1, "Chi bộ A", "HTTNV", "HTXSNV"],
        [2, "Chi bộ B", "HTNV", "HTTNV"],
    ]
    path = make_xlsx(
        tmp_path / "t.xlsx",
        {"Năm 2018": year("HTTNV", "HTNV"), "Năm 2019": year("HTXSNV", "HTTNV"), "Tổng hợp": summary},
    )
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 0, result.stderr
    assert lines(result) == [f"{WARNING[lang]}{path}: {expected}"]  # about the file: the sheets are named in it


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "sheet 'Năm 2019': the sheet says 2019; --year 2018 is not used for it"),
        ("vi", "trang tính 'Năm 2019': trang tính ghi năm 2019; không áp dụng --year 2018 cho trang tính này"),
    ],
)
def test_the_year_fixed_by_the_sheet(tmp_path, monkeypatch, lang, expected):
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [UNITS, [1, "Chi bộ A", "HTTNV"], [2, "Chi bộ B", "HTNV"]]})
    warns_once(monkeypatch, lang, path, expected, "--year", "2018")


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'Năm 2019', row 2, column C (Loại): 1 row(s) of kind 'Chi bộ' without a parent column or section; "
            "counted as cơ sở (write Chi bộ cơ sở / Chi bộ trực thuộc to be sure)",
        ),
        (
            "vi",
            "trang tính 'Năm 2019', dòng 2, cột C (Loại): 1 dòng loại hình 'Chi bộ' không có cột cấp trên hay dòng đề "
            "mục; đã tính là cơ sở (ghi rõ Chi bộ cơ sở / Chi bộ trực thuộc để chắc chắn)",
        ),
    ],
)
def test_rows_of_unclear_kind(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên tổ chức đảng", "Loại", "Xếp loại"],
        [1, "Chi bộ Sở B", "Chi bộ", "HTNV"],
        [2, "Đảng bộ Sở A", "Đảng bộ cơ sở", "HTTNV"],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})
    warns_once(monkeypatch, lang, path, expected)


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "row 2, column C (Tổng số đảng viên): the totals row says 31 but the rows below add up to 30"),
        ("vi", "dòng 2, cột C (Tổng số đảng viên): dòng tổng cộng ghi 31 nhưng các dòng phía dưới cộng lại được 30"),
    ],
)
def test_a_subtotal_that_does_not_add_up(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        ["I", "Khối Đảng", 31, 5, 20, 5, 0],  # row 2: 31 in C, but 10 + 20 below (its tiers add up)
        [1, "Chi bộ A", 10, 2, 6, 2, 0],
        [2, "Chi bộ B", 20, 3, 14, 3, 0],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 0, result.stderr
    sheet = {"en": "sheet 'Năm 2019'", "vi": "trang tính 'Năm 2019'"}[lang]
    assert lines(result) == [f"{WARNING[lang]}{path}, {sheet}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "row 2, column C (Tổng số đảng viên): Tổng số đảng viên says 11 but its parts add up to 10 "
            "(exempt, not_rated columns missing)",
        ),
        (
            "vi",
            "dòng 2, cột C (Tổng số đảng viên): Tổng số đảng viên ghi 11 nhưng các cột thành phần cộng lại được 10 "
            "(thiếu cột exempt, not_rated)",
        ),
    ],
)
def test_a_total_cell_that_does_not_add_up(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ A", 11, 2, 6, 2, 0],  # row 2: 2 + 6 + 2 + 0 = 10
        [2, "Chi bộ B", 20, 3, 14, 3, 0],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 0, result.stderr
    sheet = {"en": "sheet 'Năm 2019'", "vi": "trang tính 'Năm 2019'"}[lang]
    assert lines(result) == [f"{WARNING[lang]}{path}, {sheet}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "hidden sheet 'Cũ' skipped"),
        ("vi", "bỏ qua trang tính ẩn 'Cũ'"),
    ],
)
def test_a_hidden_sheet_is_skipped(tmp_path, monkeypatch, lang, expected):
    table = [UNITS, [1, "Chi bộ A", "HTTNV"]]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": table, "Cũ": table}, hidden=("Cũ",))
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 0, result.stderr
    assert lines(result) == [f"{WARNING[lang]}{path}: {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'Tổng hợp': counts of organisations per tier ('Tổng số TCCSĐ'), not of members nor a list of "
            "organisations with their ratings; sheet skipped",
        ),
        (
            "vi",
            "trang tính 'Tổng hợp': số lượng tổ chức đảng theo từng mức ('Tổng số TCCSĐ'), không phải số lượng đảng "
            "viên, cũng không phải danh sách tổ chức đảng kèm xếp loại; bỏ qua trang tính",
        ),
    ],
)
def test_a_sheet_that_is_not_a_list_is_skipped(tmp_path, monkeypatch, lang, expected):
    summary = [
        ["TỔNG HỢP NĂM 2019"],
        ["Năm", "Tổng số TCCSĐ", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [2019, 56, 39, 15, 1, 1],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [UNITS, [1, "Chi bộ A", "HTTNV"]], "Tổng hợp": summary})
    warns_once(monkeypatch, lang, path, expected)


# -- errors: one line, in the user's language ---------------------------------------------------------


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'S': no rating or count column found (the header would be row 2: A Đơn vị | B Ghi chú | C Điểm) "
            "(hint: the header needs a rating column (Xếp loại, Năm 2019 …), count columns per tier (HTXSNV …) or a name "
            "column (Họ và tên); use --kind units|members|counts to say which (looked in the first 40 rows; if the header "
            "is there, say which row and columns: --header-row N --column rating='HEADER'; ccq-stats inspect shows what "
            "was read))",
        ),
        (
            "vi",
            "trang tính 'S': không tìm thấy cột xếp loại hay cột số lượng (dòng tiêu đề có lẽ là dòng 2: A Đơn vị | "
            "B Ghi chú | C Điểm) (gợi ý: dòng tiêu đề cần có cột xếp loại (Xếp loại, Năm 2019 …), các cột số lượng theo "
            "từng mức (HTXSNV …) hoặc cột họ tên (Họ và tên); dùng --kind units|members|counts để chỉ rõ loại bảng (đã "
            "tìm trong 40 dòng đầu; nếu dòng tiêu đề nằm trong đó, hãy chỉ rõ dòng và cột: --header-row N --column "
            "rating='HEADER'; ccq-stats inspect cho biết những gì đã đọc))",
        ),
    ],
)
def test_no_header_names_the_header_cells_it_saw(tmp_path, monkeypatch, lang, expected):
    rows = [["BẢNG KÊ"], ["Đơn vị", "Ghi chú", "Điểm"], ["Chi bộ A", "đã nộp", 9], ["Chi bộ B", "chưa nộp", 8]]
    path = make_xlsx(tmp_path / "t.xlsx", {"S": rows})
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "sheet 'S', row 1: no rating year: no year column, no year in the sheet name or title (hint: add a 'Năm' "
            "column, name the sheet 'Năm 2019', or give --year 2019)",
        ),
        (
            "vi",
            "trang tính 'S', dòng 1: không xác định được năm xếp loại: không có cột năm, tên trang tính và tiêu đề cũng "
            "không ghi năm (gợi ý: thêm cột 'Năm', đặt tên trang tính là 'Năm 2019', hoặc dùng --year 2019)",
        ),
    ],
)
def test_no_rating_year(tmp_path, monkeypatch, lang, expected):
    # (a year in the file name is read, with a warning: tests/test_reading_classes.py)
    path = make_xlsx(tmp_path / "xep_loai.xlsx", {"S": [UNITS, [1, "Chi bộ A", "HTTNV"]]})
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "row 3, column C (Xếp loại): the rating is blank: 'Chi bộ B' (hint: write the rating, or 'Chưa đánh giá' if "
            "the organisation was not rated)",
        ),
        (
            "vi",
            "dòng 3, cột C (Xếp loại): ô xếp loại để trống: 'Chi bộ B' (gợi ý: ghi kết quả xếp loại, hoặc 'Chưa đánh "
            "giá' nếu tổ chức đảng chưa được đánh giá)",
        ),
    ],
)
def test_a_blank_rating(tmp_path, monkeypatch, lang, expected):
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [UNITS, [1, "Chi bộ A", "HTTNV"], [2, "Chi bộ B", None]]})
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 2
    sheet = {"en": "sheet 'Năm 2019'", "vi": "trang tính 'Năm 2019'"}[lang]
    assert lines(result) == [f"{ERROR[lang]}{path}, {sheet}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "row 3, column C (Năm): the year is not a year: 'năm nay' (hint: write the rating year as a four-digit "
            "number, e.g. 2019)",
        ),
        (
            "vi",
            "dòng 3, cột C (Năm): giá trị ở cột năm không phải là một năm: 'năm nay' (gợi ý: ghi năm xếp loại bằng số có "
            "bốn chữ số, ví dụ 2019)",
        ),
    ],
)
def test_a_year_that_is_not_a_year(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
        [1, "Chi bộ A", 2019, "HTTNV"],
        [2, "Chi bộ B", "năm nay", "HTNV"],
    ]
    path = make_csv(tmp_path / "t.csv", rows)
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "row 2, column E (HTNV): two tiers ticked for one organisation: 'x' (hint: tick one tier per organisation)",
        ),
        (
            "vi",
            "dòng 2, cột E (HTNV): một tổ chức đảng được đánh dấu hai mức: 'x' (gợi ý: mỗi tổ chức đảng chỉ đánh dấu "
            "một mức)",
        ),
    ],
)
def test_two_tiers_ticked(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ A", "x", None, "x", None],
    ]  # row 2: ticked under C and E
    path = make_csv(tmp_path / "t.csv", rows)
    result = in_language(monkeypatch, lang, "classify", path, "--year", "2019")
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "row 3, column C (Loại): unknown kind of organisation: 'Tổ đảng' (hint: use Đảng bộ cơ sở, Chi bộ cơ sở, "
            "Chi bộ trực thuộc or Đảng bộ bộ phận (ĐBCS, CBCS, CBTT, ĐBBP))",
        ),
        (
            "vi",
            "dòng 3, cột C (Loại): loại hình tổ chức đảng không xác định: 'Tổ đảng' (gợi ý: dùng Đảng bộ cơ sở, Chi bộ "
            "cơ sở, Chi bộ trực thuộc hoặc Đảng bộ bộ phận (ĐBCS, CBCS, CBTT, ĐBBP))",
        ),
    ],
)
def test_an_unknown_kind(tmp_path, monkeypatch, lang, expected):
    rows = [
        ["STT", "Tên tổ chức đảng", "Loại", "Xếp loại"],
        [1, "Chi bộ A", "Chi bộ cơ sở", "HTTNV"],
        [2, "Tổ B", "Tổ đảng", "HTNV"],
    ]
    path = make_csv(tmp_path / "t.csv", rows)
    result = in_language(monkeypatch, lang, "classify", path, "--year", "2019")
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "1,200 columns, over the limit of 1,000; this is not a rating table (hint: keep the rating table on its own "
            "sheet, or raise CCQ_MAX_COLUMNS (see SECURITY.md))",
        ),
        # thousands grouped with a dot in Vietnamese: "1,200" would read as one point two
        (
            "vi",
            "1.200 cột, vượt giới hạn 1.000 cột; đây không phải bảng xếp loại (gợi ý: để bảng xếp loại trên một trang "
            "tính riêng, hoặc tăng CCQ_MAX_COLUMNS (xem SECURITY.md))",
        ),
    ],
)
def test_a_sheet_too_wide(tmp_path, monkeypatch, lang, expected):
    path = make_csv(tmp_path / "wide.csv", [UNITS + [f"c{i}" for i in range(4, 1201)], [1, "Chi bộ A", "HTTNV"]])
    result = in_language(monkeypatch, lang, "classify", path, "--year", "2019")
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}: {expected}"]


# -- the column reader's own errors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            'row 3: a quote (") opens a cell here that runs over 3 lines and holds whole rows (line 4 looks like a row '
            "of its own) (hint: remove the stray quote, or close it on the same line)",
        ),
        (
            "vi",
            'dòng 3: một dấu nháy kép (") mở một ô tại đây; ô này kéo dài qua 3 dòng văn bản và chứa trọn các dòng dữ '
            "liệu (dòng văn bản thứ 4 trông như một dòng dữ liệu riêng) (gợi ý: xóa dấu nháy kép thừa, hoặc thêm dấu nháy kép để đóng ô lại ngay "
            "trên cùng dòng)",
        ),
    ],
)
def test_a_stray_quote_in_a_large_list(tmp_path, monkeypatch, lang, expected):
    """A list read by columns is refused by the text reader's own check, in its words."""
    from ccq_stats.reading import by_columns

    path = tmp_path / "ds.csv"  # record 3's name opens a quote that swallows the next row, 4 cells wide
    path.write_text(
        'Họ và tên,Chi bộ,Năm,Xếp loại\nNgười A,Chi bộ A,2019,HTTNV\n"Người B\nNgười C,Chi bộ A,2019,HTTNV\n'
        'Người D",Chi bộ A,2019,HTTNV\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(by_columns.MIN_BYTES_ENV, "0")  # a tiny file stands for a large one
    result = in_language(monkeypatch, lang, "classify", path)
    assert result.exit_code == 2
    assert lines(result) == [f"{ERROR[lang]}{path}, {expected}"]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "ds.csv: reading this file needs about 400 MB of memory, more than the 100 MB it may use (hint: split the "
            "file (by year or by organisation), or raise CCQ_MEMORY_MB if the machine has that much memory free (see "
            "SECURITY.md))",
        ),
        (
            "vi",
            "ds.csv: đọc tệp này cần khoảng 400 MB bộ nhớ, vượt mức 100 MB được phép dùng (gợi ý: chia nhỏ tệp (theo "
            "năm hoặc theo tổ chức đảng), hoặc tăng CCQ_MEMORY_MB nếu máy còn trống đủ bộ nhớ (xem SECURITY.md))",
        ),
    ],
)
def test_a_list_too_large_for_the_memory_it_may_use(tmp_path, monkeypatch, scales, lang, expected):
    from ccq_stats.errors import InputError
    from ccq_stats.figures.findings import Notes
    from ccq_stats.reading import by_columns

    path = make_csv(
        tmp_path / "ds.csv", [["Họ và tên", "Chi bộ", "Năm", "Xếp loại"], ["Người A", "Chi bộ X", 2019, "HTTNV"]]
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(by_columns, "MIN_BYTES", 0)  # a tiny file stands for a large one
    monkeypatch.setenv("CCQ_MEMORY_MB", "100")  # under the reader's base of 400 MB (by_columns.BASE_MB)
    monkeypatch.setenv("CCQ_LANG", lang)
    with pytest.raises(InputError) as caught:
        by_columns.read(path.name, scales, None, None, "text", Notes())
    assert str(caught.value) == expected


# -- inspect: what tools read stays; what people read is in their language -------------------------------


def test_inspect_json_is_data_in_every_language(tmp_path, monkeypatch):
    """The JSON of ``inspect`` is for tools: its keys, roles, skip reasons ("title", "totals" …), where
    the year came from and why a column was read are codes, the same in every language. Only an error's
    text (why a sheet was not read) is for people, and comes in their language."""
    rows = [
        ["KẾT QUẢ XẾP LOẠI NĂM 2019"],
        UNITS,
        [1, "Chi bộ A", "HTXSNV"],
        [2, "Chi bộ B", "HTTNV"],
        [None, "Tổng cộng", None],
    ]
    good = make_xlsx(tmp_path / "a.xlsx", {"S": rows})
    bad = make_xlsx(tmp_path / "b.xlsx", {"S": [UNITS, [1, "Chi bộ A", "HTTNV"]]})
    shown = {
        lang: json.loads(in_language(monkeypatch, lang, "inspect", good, bad, "--format", "json").stdout)
        for lang in ("en", "vi")
    }
    assert shown["en"][0] == shown["vi"][0]
    assert shown["en"][0]["skipped"] == {"title": {"count": 1, "rows": "1"}, "totals": {"count": 1, "rows": "5"}}
    assert shown["en"][0]["year"] == {"year": 2019, "from": "title"}
    assert shown["en"][1]["why"].startswith(f"{bad}, sheet 'S', row 1: no rating year: no year column")
    assert shown["vi"][1]["why"].startswith(
        f"{bad}, trang tính 'S', dòng 1: không xác định được năm xếp loại: không có cột năm"
    )
