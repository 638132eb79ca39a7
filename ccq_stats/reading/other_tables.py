"""Another table's own header under a table, on the same sheet.

Lists pasted one under the other (an appendix with "Phụ lục 2" under "Phụ lục 1", the chi bộ's
reports combined by copy-paste) each keep their own header, in their own words and column order.
A careful clerk reads each header as a header: the row where one starts ends the table above, and
the table under it is read on its own (``plan.next_table``). A header is a row of column names
with no count in it: one with a rating or count column (``header.header_at``), or – a table with
nothing to count of its own, names and an award – a row whose every cell names a column, one of
them the number (STT), a name or an organisation.
"""

from __future__ import annotations

from ccq_stats.figures.classify import match_label
from ccq_stats.reading.cells import is_number
from ccq_stats.reading.grid import column_cells, text_at
from ccq_stats.text import clean, norm_key
from ccq_stats.vocabulary.scales import FIRST_YEAR, LAST_YEAR, Scales

_NAMING = ("seq", "member", "org")  # a header of a list names its rows


def _counts_a_row(value) -> bool:
    """A number that is no year ("2", 15): a header has words and years, never such a number."""
    if not is_number(value):
        return False
    number = float(value) if not isinstance(value, str) else float(clean(value))
    return not FIRST_YEAR <= number <= LAST_YEAR


def other_header(sheet, plan, scales: Scales) -> int | None:
    """The first row of the table that is the header of another table (0-based), or None. Only
    rows with a text that is no rating label where this table has its first rating (or count),
    or that begin like a header where that cell is blank, are looked at closely; the verdict on
    a text is kept, as a column holds few distinct ones."""
    from ccq_stats.reading.header import header_at

    values = plan.header.of("rating") or plan.header.of("count")
    if not values:
        return None
    at, seen, said = values[0].index, {}, {}  # the verdict by folded text, and by the cell's own text
    end = plan.end if plan.end >= 0 else len(sheet.rows)
    # down the one column first (a grid sent as columns makes a row only where one is asked for)
    leading = column_cells(sheet.rows, 0, plan.start, end)  # a row numbered in column A is this table's
    for r, value in enumerate(column_cells(sheet.rows, at, plan.start, end), plan.start):
        if _counts_a_row(leading[r - plan.start]):
            continue  # the test below on column A alone, before the row is made: STT 2 is this table's row
        if isinstance(value, str) and value.strip():
            if value not in said:
                key = norm_key(value)
                if key not in seen:
                    seen[key] = match_label(value, scales) is None and scales.role_by_words(value) is not None
                said[value] = seen[key]
            candidate = said[value]
        else:  # the other table's columns elsewhere: "STT | Họ tên đảng viên | Xếp loại" two columns left
            candidate = _begins_with_number_word(sheet.rows[r], scales)
        if not candidate:
            continue
        row = sheet.rows[r]
        if any(_counts_a_row(v) for v in row):
            continue  # a header is words: a row with a number in it (STT 2) is a row of this table
        if header_at(sheet, r, scales) is not None or names_columns(row, scales):
            return r
    return None


def _begins_with_number_word(row: list, scales: Scales) -> bool:
    first = next((t for t in (text_at(row, i) for i in range(min(len(row), 60))) if t), "")
    return bool(first) and scales.lookup(scales.columns, first) == "seq"


def names_columns(row: list, scales: Scales) -> bool:
    """Is every filled cell of the row a column's name, two at least, one of them naming the rows
    (STT, a name, an organisation)?"""
    from ccq_stats.reading.header import resolve_column

    texts = [(i, t) for i in range(min(len(row), 60)) if (t := text_at(row, i))]
    if len(texts) < 2:
        return False
    found = [resolve_column(i, t, [], scales) for i, t in texts]
    return all(c is not None for c in found) and any(c.role in _NAMING for c in found)
