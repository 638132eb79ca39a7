"""The column reader's cells (``by_columns``): each column decoded once per distinct value – blanks,
years, kinds, scores, section and totals rows – by the rules both readers share (``cells``,
``column_rules``), applied to whole columns.

The bottom of the column reader's rooms: ``columns_feed``, ``columns_records`` and ``by_columns``
import from here, never the other way.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccq_stats.reading.cells import (
    is_number,
    parse_score,
    parse_year,
    totals_test,
)
from ccq_stats.reading.column_rules import (
    TotalsStarts,
    carry_down_coded,
    maybe_totals,
    parse_distinct,
    section_says_left,
    totals_patterns,
)
from ccq_stats.reading.identity import BLANK
from ccq_stats.reading.row_roles import group_headings, heading_kind, numbered_orgs
from ccq_stats.text import INVISIBLE_RANGES, clean, clean_all
from ccq_stats.vocabulary.scales import CELL_ROLES, Scales


class NotPlain(Exception):
    """The file needs the row reader."""


def dictionary_codes(table, index: int) -> tuple[np.ndarray, list[str]]:
    """(codes, values) of a dictionary column (dictionaries unified across chunks)."""
    column = table.column(f"f{index}")
    values = column.chunk(0).dictionary.to_pylist() + [""]  # the last for a missing value (Parquet's null)
    codes = np.concatenate(
        [chunk.indices.fill_null(len(values) - 1).to_numpy(zero_copy_only=False) for chunk in column.chunks],
        dtype=np.int32,
    )  # int32: half the memory of 26M codes
    return codes, values


def cleaned_codes(codes: np.ndarray, values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, values) with each value cleaned (text.clean); values that clean alike merge."""
    cleaned = np.array(clean_all(values), dtype=object)
    merged, distinct = pd.factorize(cleaned)
    if len(distinct) == len(cleaned):
        return codes, cleaned
    return merged[codes], np.asarray(distinct, dtype=object)


def off_band_rows(rating, score, scales: Scales) -> np.ndarray | None:
    """The rows whose score lies outside the band of their rating's tier (None: none), decided per
    distinct rating and score by ``scales.off_band`` – the test the score rules make."""
    from ccq_stats.figures.classify import match_label
    from ccq_stats.vocabulary.scales import TIERS

    rating_codes, rating_values = rating
    _name, score_codes, score_values = score
    tiers = np.array(
        [
            (lambda label: TIERS.index(label.meaning.tier) if label and label.meaning.tier else -1)(
                match_label(v, scales) if v else None
            )
            for v in rating_values
        ],
        dtype=np.int64,
    )
    off = scales.off_band(tiers[rating_codes], score_values[score_codes])
    return off if off.any() else None


def scores_of(column, score, where, scales: Scales) -> np.ndarray:
    """The score of each distinct text of the score column (NaN: blank), by ``cells.parse_score``
    once per distinct value (``column_rules.parse_distinct``); a text that is no score is the error
    of the first row holding it, as the row reader reports it."""
    codes, _values = column
    parse = lambda value, where: parse_score(value, where, scales)  # noqa: E731
    parsed, bad = parse_distinct(column, None, parse)
    if bad.any():  # the first row holding a bad value, as the row reader meets it
        row = first_true(bad[codes])
        parse(column[1][codes[row]], where(row, score))  # raises, naming the row
    return np.array([np.nan if v is None else v for v in parsed], dtype=np.float64)


def group_rows(candidates: np.ndarray, texts: dict, plain: dict, card, col: dict, scales: Scales) -> bool:
    """Is any of the candidates (rows without a rating) a heading that groups the members under it,
    by the rule both readers apply (``row_roles.group_headings``), looked at on those rows only?"""
    import pyarrow.compute as pc

    index = np.flatnonzero(candidates)
    if not len(index):
        return False

    def cells(column: int) -> np.ndarray:
        if card is not None and column == col["member_id"].index:
            return np.array([clean(v) for v in pc.take(card, index).to_pylist()], dtype=object)
        return np.asarray(cell_texts(column, index, texts, plain, col), dtype=object)

    seq = col["seq"]
    numbered = seq is not None and any(
        is_number(v) for v in (pc.unique(plain[seq.index]).to_pylist() if seq.index in plain else cells(seq.index))
    )
    return bool(
        group_headings(
            np.sum([cells(i) != "" for i in col["used"]], axis=0),
            cells(seq.index) if seq is not None else None,
            numbered,
            cells(col["member"].index) if col["member"] is not None else None,
            scales,
        ).any()
    )


def as_arrow(mask: np.ndarray):
    import pyarrow as pa

    return pa.array(mask)


def first_true(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def blank_cells(column) -> np.ndarray:
    """Is each value blank once cleaned (spaces and invisible characters only)? Only the values
    empty or starting with such a character are given to the regular expression."""
    import pyarrow as pa
    import pyarrow.compute as pc

    first, _second, length = lead_bytes(column)
    out = length == 0
    maybe = np.flatnonzero(~out & SPACE_BYTES[first])
    if len(maybe):
        out[maybe] = pc.match_substring_regex(pc.take(column, pa.array(maybe)), BLANK).to_numpy(zero_copy_only=False)
    return out


# first bytes (UTF-8) of the characters text.clean drops at the start of a cell, made from what it
# drops: white space (str.split's, all below U+3001) and text.INVISIBLE_RANGES
SPACE_BYTES = np.zeros(256, bool)
SPACE_BYTES[
    [
        chr(c).encode()[0]
        for c in (
            *(c for c in range(0x3001) if chr(c).isspace()),
            *(c for a, b in INVISIBLE_RANGES for c in range(a, b + 1)),
        )
    ]
] = True


def lead_bytes(column) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(first byte, second byte, length in bytes) of each value of a string column (0 past the
    end): from its buffers, with no copy of the text."""
    import pyarrow as pa

    parts = []
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    for chunk in chunks:
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[chunk.offset : chunk.offset + len(chunk) + 1]
        data = chunk.buffers()[2]
        data = np.frombuffer(data, dtype=np.uint8) if data is not None and data.size else np.zeros(1, np.uint8)
        data = np.concatenate([data, np.zeros(2, np.uint8)])  # room to read past the last value
        starts, length = offsets[:-1], np.diff(offsets)
        parts.append((np.where(length > 0, data[starts], 0), np.where(length > 1, data[starts + 1], 0), length))
    if not parts:
        return np.zeros(0, np.uint8), np.zeros(0, np.uint8), np.zeros(0, np.int32)
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(3))


def listed_rows(rows: np.ndarray, texts: dict, plain: dict, col: dict) -> np.ndarray:
    """Of the given rows, those the row reader takes as listed although they name nobody: a
    number in the STT column beside an organisation (``row_roles.numbered_orgs``)."""
    out = np.zeros(len(rows), bool)
    if not (col["seq"] and col["org"]):
        return out
    index = np.flatnonzero(rows)
    codes, values = texts["org"]
    seq = np.asarray(cell_texts(col["seq"].index, index, texts, plain, col, raw=True), dtype=object)
    out[index] = numbered_orgs(seq, values[codes[index]])
    return out


def cell_texts(column: int, index: np.ndarray, texts: dict, plain: dict, col: dict, raw=False) -> list[str]:
    """The cleaned text (or raw text) of one column on a few rows."""
    import pyarrow.compute as pc

    for role, (codes, values) in texts.items():
        if col[role].index == column:
            return list(values[codes[index]])
    taken = pc.take(plain[column], index).to_pylist()
    return taken if raw else [clean(v) for v in taken]


def section_rows(section: np.ndarray, texts: dict, plain: dict, notes: list, card, col: dict, scales: Scales):
    """What the heading rows say, carried down to the rows under them (``column_rules``): (the
    kind, coded as ``carry_down_coded`` gives it – its first cell naming a kind, left to right,
    above the first heading the kind the title names; the rows under a heading that says its
    members left). Every cell of a heading row is looked at, as the row reader does."""
    import pyarrow.compute as pc

    index = np.flatnonzero(section)
    roles = {col[role].index: role for role in CELL_ROLES if col[role]}
    noted = {c.index: k for k, c in enumerate(col["notes"])}
    cells = []
    for column in sorted(set(roles) | set(plain) | set(noted)):
        if card is not None and column == col["member_id"].index:
            cells.append([clean(v) for v in pc.take(card, index).to_pylist()])
        elif col["member"] and column == col["member"].index and column not in plain:
            cells.append([""] * len(index))  # a section row names nobody: its name cell is blank
        elif column in noted and column not in plain:
            codes, values = notes[noted[column]]
            cells.append(list(values[codes[index]]))
        else:
            cells.append(cell_texts(column, index, texts, plain, col))
    rows = [[cells[c][r] for c in range(len(cells))] for r in range(len(index))]
    kinds = carry_down_coded(len(section), index, [heading_kind(row, scales) for row in rows], col["title_kind"])
    left_index, left_table = carry_down_coded(len(section), index, [section_says_left(row, scales) for row in rows])
    return kinds, np.array([v is True for v in left_table], dtype=bool)[left_index]


def totals_rows(n: int, texts: dict, plain: dict, card, col: dict, lead: list[int], scales: Scales) -> np.ndarray:
    """Rows whose lead column (A, B, STT, organisation, name) holds a totals label, found among
    the distinct values: those of the dictionary columns, and those of the plain-text columns
    whose first word could start a totals label (a regular expression on all rows first)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    is_totals = totals_test(scales)
    patterns = totals_patterns(scales)
    starts = TotalsStarts(scales)
    rows = np.zeros(n, bool)
    for role, (codes, values) in texts.items():
        if col[role].index in lead:
            rows |= np.array([is_totals(t) for t in values], dtype=bool)[codes]
    for column in list(plain.values()) + ([card] if card is not None else []):
        first, second, _length = lead_bytes(column)
        index = np.flatnonzero(could_start_totals(first, second, starts))
        if not len(index):
            continue
        some = pc.take(column, pa.array(index))
        maybe = maybe_totals(some, patterns)
        found = [w for w in pc.unique(pc.filter(some, maybe)).to_pylist() if is_totals(clean(w))]
        if found:
            rows |= pc.is_in(column, value_set=pa.array(found, pa.string())).to_numpy(zero_copy_only=False)
    return rows


def could_start_totals(first: np.ndarray, second: np.ndarray, starts: TotalsStarts) -> np.ndarray:
    """Could a value with these first two bytes be a totals label once cleaned? If they begin a
    first word of the totals vocabulary (``starts``, from scales.toml and --scales), or a section
    mark ("II.", "A)"), or with a character cleaning drops. A cheap test on every row before the
    exact one on the few that pass."""
    upper = first & 0xDF  # ASCII letters in upper case
    letter = (upper >= ord("A")) & (upper <= ord("Z"))
    roman = np.isin(upper, np.frombuffer(b"IVXLC", np.uint8))
    return (
        SPACE_BYTES[first]
        | starts.could_start(first, second)
        | (letter & np.isin(second, np.frombuffer(b".)/", np.uint8)))
        | (roman & np.isin(second & 0xDF, np.frombuffer(b"IVXLC", np.uint8)))
    )


def year_values(year_text, column, default, n: int) -> tuple[np.ndarray, np.ndarray | None]:
    """(each row's year, the rows whose year cell is no year or None): its year cell
    (``cells.parse_year``, once per distinct value: ``column_rules.parse_distinct``), else
    ``default`` (``cells.default_year``: the rating column's year, else the sheet's); -1: none."""
    out = np.full(n, default or -1, dtype=np.int64)
    bad = None
    if column is not None:
        codes, values = year_text
        parsed, wrong = parse_distinct(year_text, None, lambda v, where: parse_year(v, where) if v else None)
        parsed = np.array([-1 if v is None else v for v in parsed], dtype=np.int64)
        given = parsed[codes]
        out = given if (parsed >= 0).all() else np.where(given >= 0, given, out)
        bad = wrong[codes] if wrong.any() else None
    return out, bad
