"""The data rows of a sheet under its header, column by column, for the row reader.

Each column is taken out of the grid once and cleaned once per distinct value
(``pd.factorize``): labels, units and years repeat on every row. The tidy records of masked rows
(``records_of``) and the years they need are made here too, for ``by_rows`` and ``rows_counts``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccq_stats.figures.records import COLUMNS
from ccq_stats.reading.cells import default_year, no_year_error
from ccq_stats.reading.column_rules import parse_distinct
from ccq_stats.text import clean


def column_values(rows: list[list], index: int) -> np.ndarray:
    """One column of a grid as an object array (None where a row is shorter)."""
    return np.array([row[index] if index < len(row) else None for row in rows], dtype=object)


def mapped(values: np.ndarray, function) -> np.ndarray:
    """function applied once per distinct value (most cells repeat: labels, units, years)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    done = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        done[i] = function(value)
    done[-1] = function(None)
    return done[codes]


def texts(values: np.ndarray) -> np.ndarray:
    """Cleaned display text of each cell ("" for empty)."""
    return mapped(values, clean)


def first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


class SheetRows:
    """The data rows of one sheet under its header, with the columns the header names.

    A value merged down over several data rows (a parent "Trực thuộc" beside its chi bộ) belongs
    to each of them, in the columns that describe a row (``fill``); figures are never copied.
    ``scales``: the vocabulary its cells are read by."""

    def __init__(self, sheet, header, start: int, end: int | None = None, fill: set[int] = frozenset(), scales=None):
        self.sheet, self.header, self.start, self.scales = sheet, header, start, scales
        self.rows = sheet.rows[start:end]
        self.fill = fill
        self._text: dict[int, np.ndarray] = {}
        self._raw: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def raw(self, index: int) -> np.ndarray:
        if index not in self._raw:
            values = column_values(self.rows, index)
            if index in self.fill:
                for (r1, c1), (r2, c2) in self.sheet.merged:
                    if c1 <= index <= c2 and r2 > r1 and r1 >= self.start:
                        top, bottom = r1 - self.start, min(r2 - self.start, len(values) - 1)
                        if 0 <= top < len(values) and values[top] is not None:
                            values[top + 1 : bottom + 1] = [values[top]] * max(bottom - top, 0)
            self._raw[index] = values
        return self._raw[index]

    def text(self, index: int) -> np.ndarray:
        if index not in self._text:
            self._text[index] = texts(self.raw(index))
        return self._text[index]

    def read_as(self, index: int, texts: np.ndarray) -> None:
        """Read a column's cells as these texts from now on (codes read by their key: legend.py)."""
        self._text[index] = texts

    def excel_row(self, i: int) -> int:
        return self.start + i + 1

    def where(self, i: int, column=None):
        if column is None:
            return self.sheet.where(self.excel_row(i))
        return self.sheet.where(self.excel_row(i), column.index, column.header)


def empty() -> pd.DataFrame:
    return pd.DataFrame({name: [] for name in COLUMNS})


def pick_year(row_year: np.ndarray, column_year: int | None, fixed_year: int | None) -> np.ndarray:
    """A row's year cell, else its column's year (wide layout), else the sheet's year."""
    fallback = default_year(column_year, fixed_year)
    return row_year if fallback is None else np.where(pd.isna(row_year), fallback, row_year)


def parsed(data: SheetRows, column, rows: np.ndarray, parse, default) -> np.ndarray:
    """parse(cell, where) on the given rows, once per distinct value; `default` elsewhere.
    A value that does not parse is reported at the first row that holds it."""
    out, bad = parse_each(data, column, rows, parse, default)
    if bad.any():
        r = first(bad)
        parse(data.raw(column.index)[r], data.where(r, column))  # raises, naming the row
    return out


def parse_each(data: SheetRows, column, rows: np.ndarray, parse, default) -> tuple[np.ndarray, np.ndarray]:
    """(parse(cell) on the given rows, `default` elsewhere and where it fails; the rows where it
    fails), decided once per distinct value by ``column_rules.parse_distinct``."""
    codes, uniques = pd.factorize(pd.Series(data.raw(column.index), dtype=object), use_na_sentinel=True)
    codes = np.where(codes < 0, len(uniques), codes)  # an empty cell: the default
    values, wrong = parse_distinct((codes, np.append(np.asarray(uniques, dtype=object), None)), rows, parse)
    values[-1], wrong[-1] = default, False
    values[wrong] = default
    out = np.where(rows, values[codes], default) if len(codes) else np.full(0, default, dtype=object)
    return out.astype(object), rows & wrong[codes]


def need_years(data: SheetRows, year: np.ndarray, mask: np.ndarray) -> None:
    missing = mask & pd.isna(year)
    if missing.any():
        raise no_year_error(data.where(first(missing)))


def records_of(data: SheetRows, base: dict, mask: np.ndarray, **columns) -> pd.DataFrame:
    """Tidy rows for the masked data rows: base columns, then the given ones."""
    index = np.flatnonzero(mask)
    out = {}
    for name in COLUMNS:
        value = columns.get(name, base.get(name))
        if isinstance(value, np.ndarray):
            out[name] = value[index] if len(value) == len(data) else value
        else:
            out[name] = np.full(len(index), value, dtype=object)
    out["source_row"] = index + data.start + 1
    return pd.DataFrame(out, columns=list(COLUMNS))
