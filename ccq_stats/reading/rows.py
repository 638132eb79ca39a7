"""The data rows of a sheet under its header, column by column, for the row reader.

Each column is taken out of the grid once and cleaned once per distinct value
(``pd.factorize``): labels, units and years repeat on every row.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    to each of them, in the columns that describe a row (``fill``); figures are never copied."""

    def __init__(self, sheet, header, start: int, end: int | None = None, fill: set[int] = frozenset()):
        self.sheet, self.header, self.start = sheet, header, start
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
                            values[top + 1:bottom + 1] = [values[top]] * max(bottom - top, 0)
            self._raw[index] = values
        return self._raw[index]

    def text(self, index: int) -> np.ndarray:
        if index not in self._text:
            self._text[index] = texts(self.raw(index))
        return self._text[index]

    def excel_row(self, i: int) -> int:
        return self.start + i + 1

    def where(self, i: int, column=None):
        if column is None:
            return self.sheet.where(self.excel_row(i))
        return self.sheet.where(self.excel_row(i), column.index, column.header)
