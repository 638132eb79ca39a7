"""A sheet as a grid of cell values: what every file format becomes before its header is found.

Row 0 is Excel's row 1, column 0 is column A. Cells hold what the file holds: text, numbers,
dates, ``None`` for empty, or a ``FormulaError`` where a formula failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccq_stats.errors import Where, column_letter
from ccq_stats.text import clean


class FormulaError(str):
    """A cell whose formula failed (#REF!, #N/A …): python-calamine reads it as empty."""


@dataclass
class Sheet:
    file: str
    name: str | None  # None for CSV and Parquet
    rows: list[list]
    hidden: bool = False
    ragged: bool = False  # CSV: rows may be longer than the header (a delimiter inside a value)
    has_errors: bool = False  # some cells hold formula errors (FormulaError)
    merged: list = field(default_factory=list)  # ((row0, col0), (row1, col1)), 0-based
    hidden_rows: set = field(default_factory=set)  # 0-based indexes of rows hidden in the workbook
    hidden_columns: set = field(default_factory=set)  # 0-based indexes of hidden columns
    filtered_rows: set = field(default_factory=set)  # rows an AutoFilter hides: data, counted (reading/looks.py)
    indent: dict = field(default_factory=dict)  # {(row, col): level} of indented cells (reading/looks.py)
    bold: set = field(default_factory=set)  # {(row, col)} of cells in bold type
    top: int = 0  # the first row of the table read: rows above belong to another table on the sheet
    collection: dict | None = None  # a collection workbook's marker on this sheet (reading/collection.py)

    def where(self, row: int | None = None, column: int | None = None, header: str | None = None) -> Where:
        return Where(self.file, self.name, row, column, header)


def text_at(row: list, index: int) -> str:
    """The cleaned text of a cell ("" past the end of the row)."""
    return clean(row[index]) if index < len(row) else ""


def filled(value) -> bool:
    """Does a cell hold anything (not None, not empty or blank text)?"""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and bool(clean(value))
    return True


def trimmed(row: list) -> list:
    """A row without its trailing empty cells."""
    end = len(row)
    while end and not clean(row[end - 1]):
        end -= 1
    return row[:end]


def merged_range(sheet: Sheet, row0: int, col0: int) -> str | None:
    """ "D2:D3" when the cell lies in a merged range, else None."""
    for (r1, c1), (r2, c2) in sheet.merged:
        if r1 <= row0 <= r2 and c1 <= col0 <= c2:
            return f"{column_letter(c1)}{r1 + 1}:{column_letter(c2)}{r2 + 1}"
    return None
