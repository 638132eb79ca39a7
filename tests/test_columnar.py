"""The column reader (reading/by_columns.py) gives what the row reader gives, or leaves the file to it.

Every test reads the same file both ways – by columns (the size threshold lowered to 0) and
row by row – and compares figures, warnings and errors; and checks which reader took it, so
that a comparison is never between the row reader and itself.
"""

from __future__ import annotations

import csv
import logging

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccq_stats.api import check_paths, classify_paths
from ccq_stats.errors import InputError
from ccq_stats.figures.findings import Notes
from ccq_stats.reading import by_columns as columnar
from ccq_stats.reading.sources import file_type
from ccq_stats.vocabulary.scales import load_scales
from conftest import make_csv, run

HEADER = ["Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại"]
LABELS = [
    "HTXSNV",
    "HTTNV",
    "Hoàn thành tốt nhiệm vụ",
    "Hoan thanh tot nhiem vu",
    "HTNV",
    "KHTNV",
    "Miễn đánh giá",
    "Chưa đánh giá",
    "Trong sạch vững mạnh",
]


def write(path, rows, header=HEADER, title=None, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as stream:
        out = csv.writer(stream)
        if title:
            out.writerows([[title], []])  # a title, then a blank line, as staff lay them out
        out.writerow(header)
        out.writerows(rows)
    return path


def members(n=60):
    """n members of three chi bộ over 2017–2019: plain rows."""
    return [
        [f"{i:09d}", f"Chi bộ {'ABC'[i % 3]}", year, LABELS[(i + year) % 6]]
        for year in (2017, 2018, 2019)
        for i in range(n)
    ]


def both_ways(monkeypatch, action):
    """(by columns, row by row): each the result of action() or the InputError it raised, and the
    warnings it logged."""
    out = []
    for threshold in (0, 1 << 60):
        monkeypatch.setattr(columnar, "MIN_BYTES", threshold)
        records = []
        handler = logging.Handler()
        handler.emit = records.append
        logger = logging.getLogger("ccq_stats")
        logger.addHandler(handler)
        try:
            result = action()
        except InputError as exc:
            result = ("error", str(exc))
        finally:
            logger.removeHandler(handler)
        out.append((result, [r.getMessage() for r in records if r.levelno >= logging.WARNING]))
    return out


def by_columns(path, monkeypatch, scales=None) -> bool:
    monkeypatch.setattr(columnar, "MIN_BYTES", 0)
    try:
        return columnar_records(path, scales) is not None
    except InputError:
        return False  # the row reader took it, and refused it


def columnar_records(path, scales=None):
    """The column reader's records of a file, or None when it leaves the file to the row reader."""
    return columnar.read(str(path), scales or load_scales(), None, None, file_type(str(path), Notes()), Notes())


def assert_same(monkeypatch, action):
    (ours, our_warnings), (theirs, their_warnings) = both_ways(monkeypatch, action)
    if isinstance(ours, pd.DataFrame):
        pd.testing.assert_frame_equal(ours, theirs)
    else:
        assert ours == theirs
    assert our_warnings == their_warnings
    return ours


def test_a_plain_member_list_is_read_by_columns_and_counts_alike(tmp_path, monkeypatch):
    path = write(tmp_path / "ds.csv", members())
    assert by_columns(path, monkeypatch)
    records = columnar_records(path)
    assert len(records) < 3 * 60 and records["count"].sum() == 3 * 60  # alike rows are one record
    figures = assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    assert figures.query("year == 2019 and category == 'total'")["count"].sum() == 60


def test_the_cli_prints_the_same_bytes_either_way(tmp_path, monkeypatch):
    path = write(tmp_path / "ds.csv", members(), title="KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN")
    outputs = []
    for threshold in (0, 1 << 60):
        monkeypatch.setattr(columnar, "MIN_BYTES", threshold)
        result = run("classify", path, "--by", "unit", "-f", "csv")
        assert result.exit_code == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") > 20


def test_check_findings_are_the_same(tmp_path, monkeypatch):
    rows = [
        [f"{i:05d}", "Chi bộ A", 2019, "HTXSNV" if i < 5 else "HTTNV"] for i in range(10)
    ]  # 5 top of 5 good: over 20%
    path = write(tmp_path / "ds.csv", rows)
    assert by_columns(path, monkeypatch)
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: check_paths([str(path)]))
    assert [f.__dict__ for f in ours] == [f.__dict__ for f in theirs] and ours


def test_a_member_listed_twice_is_reported_at_the_same_rows(tmp_path, monkeypatch):
    alike = members(6) + [["000000004", "Chi bộ B", 2019, LABELS[(4 + 2019) % 6]]]
    path = write(tmp_path / "alike.csv", alike)
    assert by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    differs = members(6) + [["000000004", "Chi bộ B", 2019, "KHTNV"]]
    path = write(tmp_path / "differs.csv", differs)
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: classify_paths([str(path)]))
    assert ours == theirs and ours[0] == "error" and "listed twice" in ours[1]


def test_the_same_card_in_two_organisations_is_two_listings(tmp_path, monkeypatch):
    rows = members(6) + [["000000004", "Chi bộ C", 2019, "HTNV"]]  # moved in the year: both count, as row by row
    path = write(tmp_path / "ds.csv", rows)
    assert by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))


@pytest.mark.parametrize(
    "bad_row, words",
    [
        (["000000099", "Chi bộ A", 2019, ""], "the rating is blank"),
        (["000000099", "Chi bộ A", "2019a", "HTTNV"], "the year is not a year"),
        (["000000099", "Chi bộ A", "", "HTTNV"], "no rating year"),
        (["000000099", "Chi bộ A", 2019, "Rất tốt"], "unknown rating label"),
    ],
)
def test_errors_name_the_same_cell(tmp_path, monkeypatch, bad_row, words):
    rows = members(10)
    rows.insert(17, bad_row)
    path = write(tmp_path / "ds.csv", rows)
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: classify_paths([str(path)]))
    assert ours == theirs and ours[0] == "error" and words in ours[1] and "row 19" in ours[1]


def test_an_unknown_kind_is_the_same_error(tmp_path, monkeypatch):
    header = HEADER + ["Loại tổ chức"]
    rows = [r + ["Chi bộ cơ sở"] for r in members(5)] + [["000000077", "Chi bộ A", 2019, "HTNV", "Tổ đảng"]]
    path = write(tmp_path / "ds.csv", rows, header=header)
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: classify_paths([str(path)]))
    assert ours == theirs and "unknown kind" in ours[1]


@pytest.mark.parametrize("case", ["names", "blank card"])
def test_names_and_a_blank_card_are_read_by_columns(tmp_path, monkeypatch, case):
    rows, header = members(8), HEADER
    if case == "names":
        header = ["Họ và tên"] + HEADER
        rows = [[f"Người {r[0]}"] + r for r in rows]
    else:
        rows.append(["", "Chi bộ A", 2019, "HTNV"])  # no card, no name: counted, never taken for another
    path = write(tmp_path / "ds.csv", rows, header=header)
    assert by_columns(path, monkeypatch)
    figures = assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    assert figures.query("year == 2019 and category == 'total'")["count"].sum() == 8 + (case == "blank card")


@pytest.mark.parametrize("case", ["long row", "short row", "not utf-8", "odd card"])
def test_what_is_not_plain_is_left_to_the_row_reader(tmp_path, monkeypatch, case):
    rows, header, encoding = members(8), HEADER, "utf-8"
    if case == "long row":
        rows.append(["000000123", "Chi bộ A", 2019, "HTNV", "thừa"])
    elif case == "short row":
        rows.append(["000000123", "Chi bộ A", 2019])
    elif case == "not utf-8":
        rows.append(["000000123", "Chi bộ A", 2019, "HTNV"])
    elif case == "odd card":
        rows.append(["AB 12", "Chi bộ A", 2019, "HTNV"])
    path = write(tmp_path / "ds.csv", rows, header=header, encoding=encoding)
    if case == "not utf-8":  # UTF-8, then a Windows-1258 byte: the row reader names the line
        path.write_bytes(path.read_bytes().replace("000000123,Chi bộ A".encode(), b"000000123,Chi b\xf4 A"))
    assert not by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))


def test_blank_rows_empty_lines_quoted_line_breaks_and_card_punctuation_read_by_columns(tmp_path, monkeypatch):
    rows = members(8)
    rows.insert(3, ["", "", "", ""])
    rows.insert(5, [])  # an empty line
    rows.append(["48.0012-A", "Chi bộ\nmới", 2019, "HTNV"])
    rows.append(["48 0012 a".replace(" ", "/"), "Chi bộ\nmới", 2019, "HTNV"])  # the same card, folded: listed twice
    path = write(tmp_path / "ds.csv", rows)
    assert by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))


def test_a_member_in_two_files_is_found_as_row_by_row(tmp_path, monkeypatch):
    first = write(tmp_path / "a.csv", members(6))
    second = write(tmp_path / "b.csv", [["000000004", "Chi bộ B", 2019, "KHTNV"]])
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: classify_paths([str(first), str(second)]))
    assert ours == theirs and ours[0] == "error" and "listed twice" in ours[1]
    other = write(tmp_path / "c.csv", [["000000004", "Chi bộ Z", 2019, "HTNV"]])  # another chi bộ: no overlap
    assert_same(monkeypatch, lambda: classify_paths([str(first), str(other)], by="unit"))


CARDS = st.sampled_from(["1", "01", "2", "000123", "48.0012", "48-0012", "7A", "7a", "9"])
ROW = st.tuples(
    CARDS,
    st.sampled_from(["Chi bộ A", " Chi bộ  A", "Chi bộ B", "Đảng bộ C"]),
    st.sampled_from([2017, 2018, 2019, " 2019"]),
    st.sampled_from(LABELS + [" httnv "]),
)


@pytest.mark.slow
@settings(
    max_examples=int(__import__("os").environ.get("CCQ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(ROW, min_size=1, max_size=30))
def test_any_plain_list_gives_the_row_readers_figures_warnings_and_errors(tmp_path, monkeypatch, rows):
    path = write(tmp_path / "ds.csv", [list(r) for r in rows])
    assert by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))


def parquet(path, rows, header=HEADER):
    pd.DataFrame(rows, columns=header).to_parquet(path, index=False)
    return path


@pytest.mark.slow
def test_parquet_gives_what_the_same_list_in_csv_gives(tmp_path, monkeypatch):
    rows = members(10) + [["000000004", "Chi bộ B", 2019, LABELS[(4 + 2019) % 6]]]  # listed twice, alike
    table = parquet(tmp_path / "ds.parquet", rows)
    text = write(tmp_path / "ds.csv", rows)
    assert by_columns(table, monkeypatch)
    ours = assert_same(monkeypatch, lambda: classify_paths([str(table)], by="unit"))
    monkeypatch.setattr(columnar, "MIN_BYTES", 1 << 60)
    from_csv = classify_paths([str(text)], by="unit")
    pd.testing.assert_frame_equal(ours, from_csv)


@pytest.mark.slow
def test_parquet_with_names_floats_or_nulls_reads_alike(tmp_path, monkeypatch):
    named = parquet(
        tmp_path / "named.parquet", [[f"Người {i}"] + r for i, r in enumerate(members(5))], ["Họ và tên"] + HEADER
    )
    assert by_columns(named, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(named)], by="unit"))
    floats = parquet(tmp_path / "floats.parquet", [[r[0], r[1], float(r[2]), r[3]] for r in members(5)])
    assert not by_columns(floats, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(floats)], by="unit"))
    nulls = parquet(tmp_path / "nulls.parquet", members(5) + [["000000099", None, 2019, "HTNV"]])
    assert by_columns(nulls, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(nulls)], by="unit"))


def test_a_broken_parquet_file_is_a_one_line_error(tmp_path):
    path = tmp_path / "ds.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 64)
    result = run("classify", path)
    assert (
        result.exit_code == 2 and "cannot read the Parquet file" in result.stderr and "Traceback" not in result.stderr
    )
    fake = tmp_path / "fake.parquet"
    fake.write_text("Số thẻ đảng viên,Chi bộ,Năm,Xếp loại\n", encoding="utf-8")
    result = run("classify", fake)
    assert result.exit_code == 2 and "not a Parquet file" in result.stderr


@pytest.mark.parametrize("delimiter, bom", [("\t", False), (";", True), (",", True)])
def test_tab_and_semicolon_files_and_a_bom_read_by_columns(tmp_path, monkeypatch, delimiter, bom):
    path = tmp_path / "ds.csv"
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as stream:
        out = csv.writer(stream, delimiter=delimiter)
        out.writerow(["Danh sách năm 2019"])
        out.writerow([])  # a blank line under the title, as staff leave one
        out.writerow(HEADER[:2] + HEADER[3:])  # no year column: the title gives it
        out.writerows([[r[0], r[1], r[3]] for r in members(10) if r[2] == 2019])
    assert by_columns(path, monkeypatch)
    figures = assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    assert set(figures["year"]) == {2019}


WIDE_ROW = st.tuples(
    st.integers(1, 99),
    CARDS,
    st.sampled_from(["Chi bộ A", "Chi bộ B"]),
    st.sampled_from(["", "Đảng bộ X", "Đảng bộ  X"]),
    st.sampled_from(["", "Chi bộ cơ sở", "CBTT"]),
    st.sampled_from(["", "Hành chính", "Sự nghiệp"]),
    st.sampled_from([2018, 2019]),
    st.sampled_from(LABELS),
)


@pytest.mark.slow
@settings(
    max_examples=int(__import__("os").environ.get("CCQ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(WIDE_ROW, min_size=1, max_size=25))
def test_seq_parent_kind_and_host_type_columns_read_alike(tmp_path, monkeypatch, rows):
    header = ["STT", "Số thẻ đảng viên", "Chi bộ", "Trực thuộc", "Loại tổ chức", "Loại hình", "Năm", "Xếp loại"]
    path = write(tmp_path / "ds.csv", [list(r) for r in rows], header=header)
    assert by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: check_paths([str(path)]))
    assert (ours if isinstance(ours, tuple) else [f.__dict__ for f in ours]) == (
        theirs if isinstance(theirs, tuple) else [f.__dict__ for f in theirs]
    )


@pytest.mark.parametrize(
    "totals",
    [["Tổng cộng", "", "", ""], ["", "Tổng số", "", "24"], ["", "CỘNG", "2019", ""], ["", "Toàn Đảng bộ", "", "24"]],
)
def test_totals_rows_are_left_out_as_the_row_reader_leaves_them_out(tmp_path, monkeypatch, totals):
    rows = members(8)
    rows.insert(12, totals)
    rows.append(totals)
    path = write(tmp_path / "ds.csv", rows)
    assert by_columns(path, monkeypatch)
    figures = assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    assert figures.query("category == 'total'")["count"].sum() == 3 * 8


def test_cells_past_the_header_blank_or_not(tmp_path, monkeypatch):
    trailing = write(tmp_path / "trailing.csv", [r + [""] for r in members(6)])  # a trailing delimiter on every row
    assert by_columns(trailing, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(trailing)], by="unit"))
    spilled = write(tmp_path / "spilled.csv", [r + (["thừa"] if i == 7 else [""]) for i, r in enumerate(members(6))])
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: classify_paths([str(spilled)]))
    assert ours == theirs and ours[0] == "error" and "cells but the header has 4" in ours[1]


def test_a_warning_is_said_once_whichever_reader_keeps_the_file(tmp_path, monkeypatch):
    odd = write(
        tmp_path / "odd.csv",
        [["AB " + r[0], r[1], r[3]] for r in members(4) if r[2] == 2019],
        header=["Số thẻ đảng viên", "Chi bộ", "Xếp loại"],
        title="Danh sách năm 2019",
    )  # the row reader's
    plain = write(
        tmp_path / "plain.csv",
        [[r[0], r[1], r[3]] for r in members(4) if r[2] == 2019],
        header=["Số thẻ đảng viên", "Chi bộ", "Xếp loại"],
        title="Danh sách năm 2019",
    )
    for path, kept in ((odd, False), (plain, True)):
        assert by_columns(path, monkeypatch) is kept
        (_, ours), (_, theirs) = both_ways(monkeypatch, lambda: classify_paths([str(path)], year=2018))  # noqa: B023 - called here
        assert ours == theirs and len(ours) == 1 and "--year 2018 is not used" in ours[0]


def test_an_ignored_column_among_the_first_two_reads_alike(tmp_path, monkeypatch):
    # (a notes column – "Ghi chú" – goes to the row reader, which reads what notes say: see below)
    rows = [[r[0], "Bí thư" if i % 7 == 0 else "", r[1], r[2], r[3]] for i, r in enumerate(members(6))]
    path = write(tmp_path / "ds.csv", rows, header=["Số thẻ đảng viên", "Chức vụ", "Chi bộ", "Năm", "Xếp loại"])
    assert by_columns(path, monkeypatch)
    assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))


NAMED_HEADER = ["STT", "Họ và tên", "Năm sinh", "Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại", "Kỷ luật"]
NAMED_ROW = st.tuples(
    st.sampled_from(
        [
            "Lê Hà",
            "LÊ  HÀ",
            "Lê Hạ",
            "Le Ha",
            "Nguyễn Văn An",
            "nguyễn văn an",
            "Nguye\u0302\u0303n Văn An",
            "Tổng Văn Bình",
            "",
            " ",
        ]
    ),
    st.sampled_from(["1970", "1971", "", " 1970"]),
    st.sampled_from(["", "", "1", "01", "7A", "48.0012"]),
    st.sampled_from(["Chi bộ A", "Chi bộ B"]),
    st.sampled_from([2018, 2019]),
    st.sampled_from(LABELS),
    st.sampled_from(["", "Khiển trách", "x", "không", "0"]),
)
ODD_ROWS = {  # what staff leave in a list, written in the STT column or under the organisation
    "section": ["I. CÁC ĐẢNG BỘ CƠ SỞ"] + [""] * 7,
    "other section": ["II. CÁC CHI BỘ TRỰC THUỘC"] + [""] * 7,
    "heading without a kind": ["Phần A"] + [""] * 7,
    "totals": ["Tổng cộng"] + [""] * 7,
    "blank": [""] * 8,
}
# A signature block closes a list (the row reader ends the table there): it comes last, if at all.
SIGNATURE = [["", "", "", "", "Người lập biểu", "", "", ""], ["", "", "", "", "Nguyễn Văn An", "", "", ""]]


@pytest.mark.slow
@settings(
    max_examples=int(__import__("os").environ.get("CCQ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.one_of(NAMED_ROW, st.sampled_from(sorted(ODD_ROWS))), min_size=1, max_size=30), st.booleans())
def test_names_birth_years_discipline_and_odd_rows_give_the_row_readers_figures(tmp_path, monkeypatch, rows, signed):
    """Members known by card or by name and birth year (case, spaces and Unicode forms aside,
    diacritics counting), disciplined or not, between section, totals and blank rows, and a
    signature block under them."""
    lines, seq = [], 0
    for row in rows:
        if isinstance(row, str):
            lines.append(ODD_ROWS[row])
        else:
            seq += 1
            lines.append([seq, *row])
    path = write(tmp_path / "ds.csv", lines + (SIGNATURE if signed else []), header=NAMED_HEADER)
    if by_columns(path, monkeypatch):
        assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
        (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: check_paths([str(path)]))
        assert (ours if isinstance(ours, tuple) else [f.__dict__ for f in ours]) == (
            theirs if isinstance(theirs, tuple) else [f.__dict__ for f in theirs]
        )
    else:  # only a list the row reader refuses too (a blank rating, no rows) is not read by columns
        (ours, _), _ = both_ways(monkeypatch, lambda: classify_paths([str(path)]))
        assert ours[0] == "error"


def test_named_list_by_hand(tmp_path, monkeypatch):
    """Counted by hand: Lê Hà (1970) twice in Chi bộ A in 2019 under two spellings with one rating
    counts once; Lê Hạ is another person; a section row gives its kind; a disciplined member
    rated HTTNV is a finding; totals, blank and signature rows are left out."""
    rows = [
        ["I. CÁC CHI BỘ CƠ SỞ"] + [""] * 7,
        [1, "Lê Hà", "1970", "", "Chi bộ A", 2019, "HTTNV", ""],
        [2, "LÊ  HÀ", "1970", "", "Chi bộ A", 2019, "HTTNV", ""],
        [3, "Lê Hạ", "1970", "", "Chi bộ A", 2019, "HTXSNV", ""],
        [4, "Trần An", "1980", "000123", "Chi bộ A", 2019, "HTTNV", "Khiển trách"],
        ["Tổng cộng"] + [""] * 7,
        [""] * 8,
        ["", "", "", "", "Người lập biểu", "", "", ""],
    ]
    path = write(tmp_path / "ds.csv", rows, header=NAMED_HEADER)
    assert by_columns(path, monkeypatch)
    figures = assert_same(monkeypatch, lambda: classify_paths([str(path)], by="unit"))
    total = figures.query("category == 'total'")
    assert total["count"].sum() == 3  # Lê Hà once, Lê Hạ, Trần An
    monkeypatch.setattr(columnar, "MIN_BYTES", 0)
    records = columnar_records(path)
    assert set(records["org_kind"]) == {"chi_bo_co_so"} and records["disciplined"].sum() == 1
    (ours, _), (theirs, _) = both_ways(monkeypatch, lambda: check_paths([str(path)]))
    assert [f.__dict__ for f in ours] == [f.__dict__ for f in theirs]
    assert [f.rule for f in ours if f.rule == "disciplined_not_fail"] == ["disciplined_not_fail"]


def test_a_quote_left_open_and_a_nul_byte_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(columnar, "MIN_BYTES", 0)
    lines = [",".join(HEADER)] + [",".join(map(str, r)) for r in members(4)]
    lines[3] = lines[3].replace("Chi bộ", '"Chi bộ', 1)  # opened on row 3, closed by a quote rows below
    lines[10] = lines[10].replace("Chi bộ B", 'Chi bộ "B"')
    path = tmp_path / "quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"row 4: a quote \(\"\) opens a cell here that runs over 8 lines and holds whole rows"
    ):
        columnar_records(path)
    long = tmp_path / "long.csv"  # a cell of 25 short lines: taken for a stray quote too
    long.write_text(
        "\n".join(lines[:3] + ['000000077,"' + "\n".join(["Chi bộ"] * 25) + '",2019,HTNV'] + lines[3:]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="row 4: .* runs over 25 lines"):
        columnar_records(long)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(("\n".join(lines[:3]) + "\n").encode() + b"000\x00,Chi b\xc3\xb4 A,2019,HTNV\n")
    with pytest.raises(InputError, match="NUL bytes"):
        columnar_records(nul)


def test_a_file_too_big_for_its_budget_stops_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "ds.csv", members(2000))  # ≈ 90 kB
    monkeypatch.setattr(columnar, "MIN_BYTES", 0)
    monkeypatch.setenv("CCQ_MEMORY_MB", "100")  # the estimate is 400 MB plus 1.6 times the file
    with pytest.raises(InputError, match=r"needs about 400 MB of memory, more than the 100 MB"):
        columnar_records(path)
    odd = write(tmp_path / "odd.csv", members(2000) + [["AB 1", "Chi bộ A", 2019, "HTNV"]])  # row by row only
    monkeypatch.setenv("CCQ_MEMORY_MB", "401")
    with pytest.raises(InputError, match=r"can only be read row by row \(card numbers other than letters and digits\)"):
        columnar_records(odd)
    result = run("classify", odd)
    assert result.exit_code == 2 and "CCQ_MEMORY_MB" in result.stderr and "Traceback" not in result.stderr


def test_an_exempt_member_whose_notes_say_he_died_is_not_counted_by_either_reader(tmp_path, monkeypatch):
    """ "Miễn đánh giá" with "Từ trần ngày 20/11/2019" in the notes: he was not present at rating time,
    so he is no part of the total, exempt or otherwise (members who left are never taken for
    exempt). Counted by hand: 3 present – 1 HTXSNV, 1 HTTNV, 1 exempt (old age)."""
    path = make_csv(
        tmp_path / "ds.csv",
        [
            ["Số thẻ", "Họ và tên", "Năm", "Xếp loại", "Ghi chú"],
            ["001", "Người A", 2019, "HTXSNV", ""],
            ["002", "Người B", 2019, "Miễn đánh giá", "Từ trần ngày 20/11/2019"],
            ["003", "Người C", 2019, "HTTNV", ""],
            ["004", "Người D", 2019, "Miễn đánh giá", "Tuổi cao"],
        ],
    )
    assert by_columns(path, monkeypatch)  # the notes are read by both, by one rule (column_rules.left_members)
    figures = assert_same(monkeypatch, lambda: classify_paths([str(path)]))
    counts = dict(zip(figures["category"], figures["count"]))
    assert (counts["total"], counts["exempt"], counts["rated"], counts["top"], counts["good"]) == (3, 1, 2, 1, 1)
