"""Header words and diacritics: a header typed with marks matches the vocabulary with its marks,
one typed without any matches it without them; and the table ends at the same rows whichever
reader reads it.

In Vietnamese the marks tell words apart (chi/chỉ, tổ/tỏ, đảng/đang, năm/nam), so "Chỉ số" is
never "chi" (chi bộ). A header typed without any marks ("Xep loai", old files and CSVs) can only
be matched without them. Decided per header cell: a row often mixes both (a column added by
another hand), one cell is typed in one go. Expected figures are counted by hand from the rows
written here.
"""

from __future__ import annotations

import pytest

from ccq_stats.reading.header import resolve_column
from ccq_stats.vocabulary.scales import find_phrase, phrase, words_of
from conftest import figures, make_csv, make_xlsx, rows_of, run


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result.stdout


def by_unit(csv_text: str) -> dict[tuple, int]:
    """{(year, unit, category): count} of ``classify --by unit --format csv``."""
    rows = rows_of(csv_text)
    assert rows[0][:4] == ["year", "subject", "unit", "category"]
    return {(int(r[0]), r[2], r[3]): int(r[5]) for r in rows[1:]}


def role(text, scales):
    column = resolve_column(0, text, [], scales)
    return column and (
        column.role,
        column.year,
        column.meaning and column.meaning.tier,
        column.meaning and column.meaning.exemplary,
    )


# -- the matching functions ------------------------------------------------------------------


def test_a_word_with_marks_is_not_the_word_without_them():
    chi = phrase("chi")
    assert find_phrase(words_of("Tên chi, đảng bộ"), chi) == 1
    assert find_phrase(words_of("TÊN CHI, ĐẢNG BỘ"), chi) == 1
    assert find_phrase(words_of("Ten chi, dang bo"), chi) == 1  # typed without marks: matched without
    assert find_phrase(words_of("Chỉ tiêu"), chi) == -1
    assert find_phrase(words_of("Chỉ số"), chi) == -1
    assert find_phrase(words_of("Chí"), chi) == -1
    year = phrase("^năm đánh giá")
    assert find_phrase(words_of("Năm đánh giá"), year) == 0
    assert find_phrase(words_of("Nam danh gia"), year) == 0
    assert find_phrase(words_of("Nam đánh giá"), year) == -1  # typed with marks: nam is nam


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # chỉ / chi
        ("Chỉ tiêu", None),
        ("Chỉ số", None),
        ("Chỉ tiêu kết nạp", None),
        ("Tên chi bộ", ("org", None, None, None)),
        ("Ten chi bo", ("org", None, None, None)),
        # tổ / tỏ
        ("Tổ chức", ("org", None, None, None)),
        ("TỔ CHỨC", ("org", None, None, None)),
        ("To chuc", ("org", None, None, None)),
        ("Tỏ chức", None),
        # đảng / đang
        ("Đảng viên", ("member", None, None, None)),
        ("Dang vien", ("member", None, None, None)),
        ("Đang viên", None),
        ("Đảng viên HTXSNV", ("count", None, "top", False)),
        ("Dang vien HTXSNV", ("count", None, "top", False)),
        ("Đang HTXSNV", None),
        # năm / nam
        ("Năm", ("year", None, None, None)),
        ("Năm sinh", ("birth", None, None, None)),
        ("Nam sinh", ("birth", None, None, None)),
        ("Năm đánh giá", ("year", None, None, None)),
        # xếp / xep
        ("Xếp loại", ("rating", None, None, None)),
        ("XẾP LOẠI", ("rating", None, None, None)),
        ("Xep loai", ("rating", None, None, None)),
        ("Xếp loại năm 2019", ("rating", 2019, None, None)),
        ("Xep loai nam 2019", ("rating", 2019, None, None)),
        ("KQ xếp loại", ("rating", None, None, None)),
        # one cell is typed in one go: marks on some words and off others is neither spelling
        ("Xep loại", None),
        ("Xep loai năm 2019", None),
        # tier words and the exemplary part
        ("Tỷ lệ HTXSNV", ("share_of", None, None, None)),
        ("Ty le HTXSNV", ("share_of", None, None, None)),
        ("Trong đó: tiêu biểu", ("count", None, "top", True)),
        ("Trong do: tieu bieu", ("count", None, "top", True)),
        ("Tiêu biểu", ("count", None, "top", True)),
    ],
)
def test_header_words_with_and_without_marks(scales, text, expected):
    assert role(text, scales) == expected


def test_names_and_kinds_are_looked_up_with_their_marks(scales):
    assert scales.lookup(scales.columns, "Năm") == "year"
    assert scales.lookup(scales.columns, "NAM") == "year"  # typed without marks: may be năm
    assert scales.lookup(scales.columns, "Nam", marks=True) is None  # cut from a cell with marks: nam
    assert scales.lookup(scales.kinds, "Chi bộ cơ sở")[0] == "chi_bo_co_so"
    assert scales.lookup(scales.kinds, "CHI BO CO SO")[0] == "chi_bo_co_so"
    assert scales.lookup(scales.kinds, "Chỉ bộ cơ sở") is None
    assert scales.kind_in("III. CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ")[0] == "chi_bo_truc_thuoc"
    assert scales.kind_in("III. CAC CHI BO TRUC THUOC DANG UY CO SO")[0] == "chi_bo_truc_thuoc"


# -- whole files -----------------------------------------------------------------------------

UNITS = [[1, 2, "Chi bộ A", "HTXSNV"], [2, 3, "Chi bộ B", "HTTNV"], [3, 1, "Chi bộ C", "HTTNV"]]


@pytest.mark.parametrize("word", ["Chỉ số", "Chỉ tiêu", "Chỉ tiêu kết nạp"])
def test_chi_so_and_chi_tieu_are_not_the_organisation(tmp_path, word):
    """ "Chỉ số" left of "Tên chi bộ trực thuộc" was read as the organisation (its words 'chi'), so
    that the units were named 2, 3, 1. Counted by hand: A top, B and C good."""
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [["STT", word, "Tên chi bộ trực thuộc", "Xếp loại"]] + UNITS})
    got = by_unit(ok(run("classify", path, "--by", "unit", "--format", "csv")))
    assert {unit for _, unit, _ in got} == {"Chi bộ A", "Chi bộ B", "Chi bộ C"}
    assert [(u, got[(2019, u, "top")], got[(2019, u, "good")]) for u in ("Chi bộ A", "Chi bộ B", "Chi bộ C")] == [
        ("Chi bộ A", 1, 0),
        ("Chi bộ B", 0, 1),
        ("Chi bộ C", 0, 1),
    ]


BY_YEAR = [
    [1, "Chi bộ A", 2019, "HTXSNV"],
    [2, "Chi bộ B", 2019, "HTTNV"],
    [3, "Chi bộ A", 2020, "HTTNV"],
    [4, "Chi bộ B", 2020, "Hoàn thành nhiệm vụ"],
]


def units(got, year):
    return tuple(got.get((year, "units", c), 0) for c in ("total", "top", "good", "pass", "fail"))


@pytest.mark.parametrize(
    "header",
    [
        ["STT", "Tên chi bộ", "Năm", "Xếp loại"],  # with marks
        ["STT", "Ten chi bo", "Nam", "Xep loai"],  # without any: an old file
        ["STT", "TEN CHI BO", "NAM", "XEP LOAI"],
        ["STT", "Ten chi bo", "Năm", "Xep loai"],  # mixed across the row, each cell typed one way
    ],
)
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_headers_typed_with_or_without_marks_read_alike(tmp_path, header, kind):
    """Counted by hand: 2019 A top, B good; 2020 A good, B pass."""
    rows = [header] + BY_YEAR
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": rows}) if kind == "xlsx" else make_csv(tmp_path / "t.csv", rows)
    got = figures(ok(run("classify", path, "--format", "csv")))
    assert units(got, 2019) == (2, 1, 1, 0, 0)
    assert units(got, 2020) == (2, 0, 1, 1, 0)


MEMBERS = [
    [1, "Lê An", "x", None, "Chi bộ A", "HTTNV"],
    [2, "Lê Bình", None, "x", "Chi bộ A", "HTXSNV"],
    [3, "Lê Chi", "x", None, "Chi bộ A", "HTTNV"],
    [4, "Lê Dung", None, "x", "Chi bộ A", "Miễn đánh giá"],
]


def members(got, year):
    return tuple(got.get((year, "members", c), 0) for c in ("total", "exempt", "rated", "top", "good", "pass", "fail"))


def test_nam_beside_nu_is_not_the_year(tmp_path):
    """ "Nam" (male) beside "Nữ", ticked with x, was read as the year column (Năm without its
    marks), and every x was 'not a year'. No year under it: it is not read; the sheet's name
    gives the year. Counted by hand: 4 present, 1 exempt, 3 rated: 1 top, 2 good."""
    header = ["STT", "Họ và tên", "Nam", "Nữ", "Chi bộ", "Xếp loại"]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [header] + MEMBERS})
    assert members(figures(ok(run("classify", path, "--format", "csv"))), 2019) == (4, 1, 3, 1, 2, 0, 0)
    shown = ok(run("inspect", path))
    assert "no year under it" in shown and "year: 2019 (from sheet name)" in shown


def test_nam_with_years_under_it_is_the_year_and_its_other_cells_are_errors(tmp_path):
    """ "Nam" with years under it is the year column (an old file typed without marks); one cell
    that is not a year there is an error naming the cell, never a column quietly skipped."""
    header = ["STT", "Ho va ten", "Nam", "Chi bo", "Xep loai"]
    rows = [[1, "Le An", 2019, "Chi bo A", "HTTNV"], [2, "Le Binh", 2020, "Chi bo A", "HTXSNV"]]
    path = make_xlsx(tmp_path / "t.xlsx", {"Sheet1": [header] + rows})
    got = figures(ok(run("classify", path, "--format", "csv")))
    assert members(got, 2019) == (1, 0, 1, 0, 1, 0, 0) and members(got, 2020) == (1, 0, 1, 1, 0, 0, 0)
    rows.append([3, "Le Chi", "x", "Chi bo A", "HTTNV"])
    path = make_xlsx(tmp_path / "u.xlsx", {"Sheet1": [header] + rows})
    result = run("classify", path)
    assert result.exit_code == 2 and "row 4, column C (Nam)" in result.stderr and "'x'" in result.stderr


# -- the table ends at the same row whichever reader reads it --------------------------------

NAMED = ["STT", "Họ và tên", "Năm sinh", "Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại", "Kỷ luật"]
LISTED = [
    [1, "Lê An", "1970", "000001", "Chi bộ A", 2019, "HTXSNV", ""],
    [2, "Trần Bình", "1975", "000002", "Chi bộ A", 2019, "HTTNV", ""],
    [3, "Phạm Cúc", "1980", "000003", "Chi bộ B", 2019, "HTTNV", ""],
    [4, "Đỗ Dũng", "1985", "000004", "Chi bộ B", 2019, "Miễn đánh giá", ""],
]
BLANK = [""] * 8


def cells(**at) -> list:
    """A row of the list's width with text in the given columns (A … H)."""
    row = [""] * 8
    for letter, text in at.items():
        row["ABCDEFGH".index(letter)] = text
    return row


UNDER = {  # what staff write under a member list: none of it is data
    "date line and signature": [
        BLANK,
        cells(F="Quảng Trị, ngày 15 tháng 01 năm 2020"),
        cells(F="T/M BAN THƯỜNG VỤ"),
        cells(F="BÍ THƯ"),
        BLANK,
        cells(B="Nguyễn Văn Bình"),
    ],
    "a list under the signature": [
        cells(A="Người lập biểu", F="T/M CHI ỦY"),
        cells(B="Danh sách đảng viên chuyển đến"),
        [1, "Võ Em", "1990", "000009", "Chi bộ A", 2019, "HTTNV", ""],
    ],
    "notes": [cells(A="Ghi chú:"), cells(B="Đồng chí Hồ Giang chuyển đến tháng 12")],
    "summary lines": [BLANK, cells(B="HTXSNV", G="1"), cells(B="HTTNV", G="2")],
}


@pytest.mark.parametrize("under", sorted(UNDER))
@pytest.mark.parametrize("kind", ["csv", "parquet"])
def test_both_readers_end_the_table_at_the_same_row(tmp_path, monkeypatch, under, kind):
    """The column reader skipped a signature row but read on below it: the signer's name was a
    member with a blank rating, a list under the signature was counted. Now both readers end the
    table there. Counted by hand: 4 present, 1 exempt, 3 rated: 1 top, 2 good."""
    from ccq_stats.api import classify_paths
    from test_columnar import assert_same, by_columns, write

    rows = LISTED + UNDER[under]
    path = write(tmp_path / "ds.csv", rows, header=NAMED)
    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = list(zip(*[[str(v) for v in row] for row in rows]))
        pq.write_table(pa.table({name: list(values) for name, values in zip(NAMED, columns)}), tmp_path / "ds.parquet")
        path = tmp_path / "ds.parquet"
    assert by_columns(path, monkeypatch)  # the column reader takes it: the comparison is between two readers
    got = assert_same(monkeypatch, lambda: classify_paths([str(path)]))
    counts = {row.category: row.count for row in got.itertuples() if row.year == 2019 and row.subject == "members"}
    assert [counts[c] for c in ("total", "exempt", "rated", "top", "good", "pass", "fail")] == [4, 1, 3, 1, 2, 0, 0]


# -- a label with another in brackets ---------------------------------------------------------

BRACKETED = [
    [1, "Chi bộ A", "HTXSNV (TSVM tiêu biểu)"],
    [2, "Chi bộ B", "HTXSNV (Trong sạch, vững mạnh tiêu biểu)"],
    [3, "Chi bộ C", "TSVM tiêu biểu (HTXSNV)"],
    [4, "Chi bộ D", "Hoàn thành xuất sắc nhiệm vụ (TSVMTB)"],
    [5, "Chi bộ E", "HTXSNV (TSVM)"],
    [6, "Chi bộ G", "Hoàn thành tốt nhiệm vụ (HTTNV)"],
    [7, "Chi bộ H", "HTTNV (Hoàn thành tốt nhiệm vụ)"],
    [8, "Chi bộ K", "HTNV (Hoàn thành nhiệm vụ)"],
]


def test_a_top_rating_with_the_exemplary_mark_in_brackets_is_top_and_exemplary(tmp_path):
    """ "HTXSNV (TSVM tiêu biểu)": both halves name the top tier, the bracket says it is
    exemplary (a part of top). Counted by hand: 8 units; A-D top and exemplary, E top; G, H
    good; K pass."""
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]] + BRACKETED})
    result = run("classify", path, "--format", "csv")
    got = figures(ok(result))
    assert units(got, 2019) == (8, 5, 2, 1, 0)
    assert got[(2019, "units", "exemplary")] == 4
    assert "not on the 2019 scale" not in result.stderr  # every half is a label of 2019's scale for organisations


@pytest.mark.parametrize("label", ["HTTNV (KHTNV)", "HTTNV (TSVM)", "KHTNV (HTXSNV)", "HTXSNV (Miễn đánh giá)"])
def test_a_bracket_that_names_another_rating_is_an_error(tmp_path, label):
    """Which of the two was decided cannot be told: an error naming the cell, never a guess."""
    rows = [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"], [1, "Chi bộ A", "HTTNV"], [2, "Chi bộ B", label]]
    path = make_xlsx(tmp_path / "t.xlsx", {"Năm 2019": rows})
    result = run("classify", path)
    assert result.exit_code == 2 and not result.stdout
    assert "row 3, column C (Xếp loại)" in result.stderr and "bracket name two ratings" in result.stderr
    assert f"'{label}'" in result.stderr and "Traceback" not in result.stderr


def test_birth_year_by_sex_under_a_merged_nam_sinh_is_not_a_rating_year(tmp_path):
    """ "Năm sinh" merged over "Nam | Nữ", the birth year under the member's sex: "Nam" is male there,
    never the rating year (which the title gives). Counted by hand: 6 members rated in 2019 –
    1 HTXSNV, 2 HTTNV, 1 HTNV, 1 exempt, 1 not rated."""
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Năm sinh", None, "Chi bộ", "Xếp loại"],
        [None, None, "Nam", "Nữ", None, None],
        [1, "Người A", 1975, None, "Chi bộ Sở Tư pháp", "HTXSNV"],
        [2, "Người B", None, 1980, "Chi bộ Sở Tư pháp", "HTTNV"],
        [3, "Người C", 1968, None, "Chi bộ Sở Tư pháp", "HTTNV"],
        [4, "Người D", None, 1990, "Chi bộ Ban Dân vận", "HTNV"],
        [5, "Người E", 1950, None, "Chi bộ Ban Dân vận", "Miễn đánh giá"],
        [6, "Người G", None, 1998, "Chi bộ Ban Dân vận", "Chưa đánh giá"],
    ]
    path = make_xlsx(tmp_path / "ds.xlsx", {"DS": rows}, merges={"DS": ["C3:D3", "A3:A4", "B3:B4", "E3:E4", "F3:F4"]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert figures(result.stdout) == {
        (2019, "members", "total"): 6,
        (2019, "members", "exempt"): 1,
        (2019, "members", "not_rated"): 1,
        (2019, "members", "rated"): 4,
        (2019, "members", "top"): 1,
        (2019, "members", "good"): 2,
        (2019, "members", "pass"): 1,
        (2019, "members", "fail"): 0,
        (2019, "members", "good_or_better"): 3,
    }


def test_a_sheet_name_and_a_title_that_name_two_years_stop_unless_year_settles_it(tmp_path):
    """The sheet "Năm 2019" under the title "… NĂM 2020": which year was rated is a guess either way
    (issue 18: a figure possibly of the wrong year is never given with exit 0), so the run stops
    naming both; --year naming one of them settles it, with a warning."""
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ Sở A", "HTXSNV"],
        [2, "Chi bộ Sở B", "HTTNV"],
    ]
    path = make_xlsx(tmp_path / "xl.xlsx", {"Năm 2019": rows})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 2
    assert "sheet's name says 2019 but its title says 2020" in result.stderr
    assert "--year 2019 or --year 2020" in result.stderr
    settled = run("classify", path, "--format", "csv", "--year", "2020")
    assert settled.exit_code == 0, settled.stderr
    assert figures(settled.stdout)[(2020, "units", "rated")] == 2
    assert "read as 2020, as --year says" in settled.stderr
