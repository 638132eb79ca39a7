"""Rows a printed page repeats inside a table: the row of column numbers.

A list typed from a scanned or printed document has the row of column numbers ("1 | 2 | 3 | 4 | 5",
"(1) | (2) …") under the header of every page, with the header itself only once. It is the
page's, not a member or an organisation: wherever it is in the table it is passed over, and
inspect lists it ("index row"), as the one under the header is.
"""

from __future__ import annotations

import re

from ccq_stats.reading.grid import column_cells, text_at
from ccq_stats.reading.header import is_index_row

_NUMBER = re.compile(r"^\(?[0-9]{1,3}\)?$")


def is_index_token(text: str) -> bool:
    """Is a cell's text a column's number ("4", "(4)")?"""
    return bool(_NUMBER.match(text))


def column_number_rows(sheet, plan) -> list[int]:
    """The 0-based rows of the table (below its first data row) that are rows of column numbers."""
    end = min(plan.end if plan.end >= 0 else len(sheet.rows), len(sheet.rows))
    named = plan.header.one("member") or plan.header.one("org")
    if named is None:
        return [r for r in range(plan.start, end) if _numbers_in_turn(sheet.rows[r])]
    # down the name column first: in a row of column numbers it holds a number or nothing, in a
    # member's or an organisation's row a name; only those rows are made and looked at whole
    cells = column_cells(sheet.rows, named.index, plan.start, end)
    return [
        r
        for r, value in enumerate(cells, plan.start)
        if (not isinstance(value, str) or not value.strip() or is_index_token(value.strip()))
        and _numbers_in_turn(sheet.rows[r])
    ]


def _numbers_in_turn(row: list) -> bool:
    """A row of column numbers, each one more than the one before ("1 | 2 | 3 | 4", "(1) | (2) …"):
    a row of counts that happen to rise ("1 | 3 | 8") is data."""
    if not is_index_row(row):
        return False
    tokens = [t.strip("()") for t in (text_at(row, i) for i in range(len(row))) if t]
    numbers = [int(t) for t in tokens if t.isdigit()]
    return len(numbers) == len(tokens) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
