"""Rows a printed page repeats inside a table: the row of column numbers.

A list typed from a scanned or printed document has the row of column numbers ("1 | 2 | 3 | 4 | 5",
"(1) | (2) …") under the header of every page, with the header itself only once. It is the
page's, not a member or an organisation: wherever it is in the table it is passed over, and
inspect lists it ("index row"), as the one under the header is.
"""

from __future__ import annotations

import re

from ccq_stats.reading.grid import text_at
from ccq_stats.reading.header import is_index_row

_NUMBER = re.compile(r"^\(?[0-9]{1,3}\)?$")


def is_index_token(text: str) -> bool:
    """Is a cell's text a column's number ("4", "(4)")?"""
    return bool(_NUMBER.match(text))


def column_number_rows(sheet, plan) -> list[int]:
    """The 0-based rows of the table (below its first data row) that are rows of column numbers."""
    end = plan.end if plan.end >= 0 else len(sheet.rows)
    return [r for r in range(plan.start, min(end, len(sheet.rows))) if _numbers_in_turn(sheet.rows[r])]


def _numbers_in_turn(row: list) -> bool:
    """A row of column numbers, each one more than the one before ("1 | 2 | 3 | 4", "(1) | (2) …"):
    a row of counts that happen to rise ("1 | 3 | 8") is data."""
    if not is_index_row(row):
        return False
    tokens = [t.strip("()") for t in (text_at(row, i) for i in range(len(row))) if t]
    numbers = [int(t) for t in tokens if t.isdigit()]
    return len(numbers) == len(tokens) and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
