"""A sheet as a grid of cell values: what every file format becomes before its header is found.

Row 0 is Excel's row 1, column 0 is column A. Cells hold what the file holds: text, numbers,
dates, ``None`` for empty, or a ``FormulaError`` where a formula failed.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from math import copysign

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


def row_texts(row: list, width: int = 50) -> list[str]:
    """The cleaned, non-empty texts of a row's first ``width`` cells, left to right: the words of a
    title line, wherever in the row they were typed."""
    return [t for t in (text_at(row, i) for i in range(min(len(row), width))) if t]


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


class ColumnGrid(Sequence):
    """The rows of a rectangular grid, kept as its columns: each column its distinct values (in the
    order they first appear) and, for each row, the number of its value among them – or, for a
    column of mostly distinct values (names, row numbers), its cells as they are (no codes).

    This is the form a sheet crosses from the reader process in (a 200,000-row sheet of 1.4 million
    cells is a few hundred thousand distinct values and an int32 per cell, quick to pickle and to
    unpickle), and the form the rules read a column in (``rows.SheetRows``: each distinct value
    cleaned once, no hashing of the cells again). It reads as the list of rows it stands for:
    ``grid[r]`` is a new list of row r's cells, a slice is a grid over those rows, and the rules
    that walk rows walk it unchanged. A row is made when it is first asked for, and kept: the same
    list each time, as a list of rows gives (no rule writes into a row; change a grid by making
    another)."""

    __slots__ = ("values", "codes", "start", "stop", "_made")

    def __init__(self, values: list[list], codes: list[array | None], start: int = 0, stop: int | None = None):
        self.values, self.codes = values, codes
        self.start = start
        self.stop = len(values[0] if codes[0] is None else codes[0]) if stop is None else stop
        self._made: dict = {}  # the columns as lists, the rows made: shared by the grid's slices

    @property
    def width(self) -> int:
        return len(self.values)

    def __len__(self) -> int:
        return self.stop - self.start

    def _columns(self) -> list[list]:
        """Each whole column as a list of its cells (made once)."""
        if "columns" not in self._made:
            self._made["columns"] = [
                values if codes is None else list(map(values.__getitem__, codes))
                for values, codes in zip(self.values, self.codes, strict=True)
            ]
        return self._made["columns"]

    def _row(self, r: int) -> list:
        """Row r of the whole grid (made once)."""
        rows = self._made.get("rows")
        if rows is None:
            rows = self._made["rows"] = [None] * len(self._columns()[0])
        row = rows[r]
        if row is None:
            row = rows[r] = [column[r] for column in self._columns()]
        return row

    def _view(self, start: int, stop: int) -> ColumnGrid:
        view = ColumnGrid(self.values, self.codes, start, stop)
        view._made = self._made
        return view

    def __getitem__(self, index):
        if isinstance(index, slice):
            span = range(self.start, self.stop)[index]
            if span.step != 1:
                return [self._row(r) for r in span]
            return self._view(span.start, max(span.start, span.stop))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("grid row out of range")
        return self._row(self.start + index)

    def __iter__(self):
        return map(self._row, range(self.start, self.stop))

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and not isinstance(other, str) and list(self) == list(other)

    __hash__ = None  # a list of rows: not hashable either

    def __add__(self, other: list) -> list:
        return list(self) + list(other)

    def __radd__(self, other: list) -> list:
        return list(other) + list(self)

    def __repr__(self) -> str:
        return f"ColumnGrid({len(self)} rows × {self.width} columns)"

    def __reduce__(self):
        return ColumnGrid, (self.values, self.codes, self.start, self.stop)

    def column(self, index: int) -> tuple[list, array | None]:
        """(the distinct values, the code of each of this grid's rows) of one column; (the cells of
        this grid's rows, None) for a column kept as it is."""
        values, codes = self.values[index], self.codes[index]
        if codes is None:
            return values[self.start : self.stop], None
        return values, codes[self.start : self.stop]


def column_cells(rows, index: int, start: int, stop: int) -> list:
    """The cells of one column in rows ``start`` to ``stop`` (None where a row is shorter), without
    making the rows of a ``ColumnGrid``: for a rule that looks down one column for the few rows
    worth a closer look."""
    if isinstance(rows, ColumnGrid):
        if index >= rows.width:
            return [None] * len(range(start, stop))
        return rows[start:stop]._columns()[index][rows.start + start : rows.start + max(start, stop)]
    return [row[index] if index < len(row) else None for row in rows[start:stop]]


def as_columns(rows: list[list]):
    """A grid as a ``ColumnGrid`` when every row is as wide as the first (a workbook's sheet, a
    Parquet table), else the rows as they are (a CSV file's rows may be ragged)."""
    width = len(rows[0]) if rows else 0
    if not width or any(len(row) != width for row in rows):
        return rows
    values, codes = [], []
    try:
        for column in _transposed(rows, width):
            distinct, code = _encoded(column)
            values.append(distinct)
            codes.append(code)
    except TypeError:  # an unhashable cell (a list in a Parquet column): kept as rows
        return rows
    return ColumnGrid(values, codes)


def _transposed(rows: list[list], width: int) -> list[list]:
    """The columns of rows all ``width`` wide. Each row is visited once, a block of rows laid end
    to end and each column sliced out of it: a list comprehension per column visits every row once
    per column (0.15 s on 200,000 rows × 7, against 0.06 s), zip(*rows) ten times slower still."""
    columns = [[] for _ in range(width)]
    for at in range(0, len(rows), 1 << 14):
        flat = list(chain.from_iterable(rows[at : at + (1 << 14)]))
        for j, column in enumerate(columns):
            column.extend(flat[j::width])
    return columns


def _encoded(column: list) -> tuple[list, array | None]:
    """(distinct values, code of each cell) of one column; (the cells, None) when most of them
    differ, where codes would cost more than they save. Values that compare equal across types
    stay apart (True, 1 and 1.0; 0.0 and -0.0; "#N/A" and a FormulaError): a cell keeps its value."""
    kinds = set(map(type, column))
    others = kinds - {str}
    zero = float in others and (0.0 in column or -0.0 in column)
    if len(others) <= 1 and not (others and issubclass(next(iter(others)), str)) and not zero:
        distinct = dict.fromkeys(column)  # str never equals another type
        if len(distinct) > len(column) // 2:
            return column, None
        index = {value: i for i, value in enumerate(distinct)}
        return list(index), array("i", map(index.__getitem__, column))
    keys = [_key(value) for value in column]
    distinct = dict.fromkeys(keys)
    if len(distinct) > len(column) // 2:
        return column, None
    index = {key: i for i, key in enumerate(distinct)}
    firsts: dict = {}
    for key, value in zip(keys, column, strict=True):
        firsts.setdefault(key, value)
    return list(firsts.values()), array("i", map(index.__getitem__, keys))


def _key(value):
    kind = type(value)
    if kind is str:
        return value
    if kind is float:
        return (kind, value, copysign(1.0, value))
    return (kind, value)
