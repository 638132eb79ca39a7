"""The data rows of a sheet under its header, column by column, for the row reader.

Each column is taken out of the grid once and cleaned once per distinct value: labels, units
and years repeat on every row. A sheet from the reader process comes as columns already
(``grid.ColumnGrid``: each column's distinct values and a code per row), and its codes go along
with the column's arrays (``_CODES``), so that ``mapped`` applies a rule to each distinct value
without hashing the cells again; other arrays are factorized (``pd.factorize``). The tidy
records of masked rows (``records_of``) and the years they need are made here too, for
``by_rows`` and ``rows_counts``.
"""

from __future__ import annotations

import weakref

import numpy as np
import pandas as pd

from ccq_stats.figures.records import COLUMNS
from ccq_stats.reading.cells import default_year, no_year_error
from ccq_stats.reading.column_rules import parse_distinct
from ccq_stats.reading.grid import ColumnGrid
from ccq_stats.text import clean, clean_all

# id(array) -> (a weak reference to it, the code of each of its cells or None, the values coded):
# what a column's array was taken from, while the array lives
_CODES: dict[int, tuple] = {}


def _coded(values: np.ndarray, codes: np.ndarray | None, distinct: np.ndarray) -> np.ndarray:
    """``values`` (``distinct[codes]``; ``distinct`` itself when ``codes`` is None), known as such."""
    key = id(values)
    _CODES[key] = (weakref.ref(values, lambda _ref: _CODES.pop(key, None)), codes, distinct)
    return values


def _codes_of(values: np.ndarray):
    known = _CODES.get(id(values))
    return known[1:] if known is not None and known[0]() is values else None


def _each(function, values: np.ndarray, wanted: np.ndarray) -> list:
    """function of each wanted value (None for the others); of None for a missing one (None, NaN,
    NaT …), as ``pd.factorize`` gives them to it."""
    missing = pd.isna(values)
    if wanted.all() and not missing.any():  # most columns: every value, none missing
        return list(map(function, values))
    return [
        (function(None) if gone else function(value)) if want else None
        for value, gone, want in zip(values, missing.tolist(), wanted.tolist(), strict=True)
    ]


def _objects(values) -> np.ndarray:
    return np.fromiter(values, dtype=object, count=len(values))


def column_values(rows, index: int) -> np.ndarray:
    """One column of a grid as an object array (None where a row is shorter)."""
    if isinstance(rows, ColumnGrid) and index < rows.width:
        distinct, codes = rows.column(index)
        if codes is None:
            return _coded(_objects(distinct), None, None)
        distinct = _objects(distinct)
        codes = np.frombuffer(codes, dtype=f"i{codes.itemsize}")
        return _coded(distinct[codes], codes, distinct)
    return np.array([row[index] if index < len(row) else None for row in rows], dtype=object)


def mapped(values: np.ndarray, function) -> np.ndarray:
    """function applied once per distinct value (most cells repeat: labels, units, years)."""
    known = _codes_of(values)
    if known is not None:
        codes, distinct = known
        if codes is None:  # a column of mostly distinct values: once per cell
            return _coded(_objects(_each(function, values, np.ones(len(values), bool))), None, None)
        # only the values this slice of the column holds: a rule may note what it saw (legend.read_codes)
        done = _objects(_each(function, distinct, np.bincount(codes, minlength=len(distinct)) > 0))
        return _coded(done[codes], codes, done)
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    done = np.empty(len(uniques) + 1, dtype=object)
    done[:-1] = _objects(list(map(function, uniques)))
    done[-1] = function(None)
    return done[codes]


def texts(values: np.ndarray) -> np.ndarray:
    """Cleaned display text of each cell ("" for empty): ``mapped(values, clean)``, a long column
    cleaned by ``clean_all`` (200,000 distinct names: a tenth of the time)."""
    known = _codes_of(values)
    if known is None:
        return mapped(values, clean)
    codes, distinct = known
    every = values if codes is None else distinct
    done = _objects(clean_all(every.tolist()))
    missing = pd.isna(every)  # None, NaN, NaT …: empty, as mapped gives them
    if missing.any():
        done[missing] = ""
    if codes is None:
        return _coded(done, None, None)
    return _coded(done[codes], codes, done)


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
                            values = values.copy()  # its cells are not its column's any more: no codes
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


# the texts of a record the reading stage hands on as Python objects (or categoricals), not as
# pandas' text type: repeated texts, organisation names, where a label came from
PLAIN_TEXTS = (
    "subject",
    "shape",
    "org",
    "parent",
    "org_kind",
    "host_type",
    "source_file",
    "source_sheet",
    "source_header",
    "raw_label",
)


def records_of(data: SheetRows, base: dict, mask: np.ndarray, **columns) -> pd.DataFrame:
    """Tidy rows for the masked data rows: base columns, then the given ones."""
    index = np.flatnonzero(mask)
    out = {}
    for name in COLUMNS:
        value = columns.get(name, base.get(name))
        if isinstance(value, np.ndarray):
            out[name] = value[index] if len(value) == len(data) else value
        else:
            out[name] = _same(len(index), value)
        if name in PLAIN_TEXTS:
            out[name] = _plain_texts(out[name])
    out["source_row"] = index + data.start + 1
    return pd.DataFrame(out, columns=list(COLUMNS))


def _same(size: int, value) -> np.ndarray:
    """``np.full(size, value, dtype=object)``: one object in every cell for the plain types
    (``np.full`` makes a new text for each cell: 30 ms a column of 200,000), as ``np.full`` gives
    them; any other value (a numpy number) as ``np.full`` makes it."""
    if value is not None and type(value) not in (str, int, float, bool):
        return np.full(size, value, dtype=object)
    out = np.empty(size, dtype=object)
    out.fill(value)
    return out


def _plain_texts(values: np.ndarray):
    """A column of texts as pandas would read it into its text type and ``astype(object)`` give it
    back (each missing value NaN), without the round trip through pyarrow's strings (0.3 s on
    200,000 rows), kept as objects; any other column as it is, for pandas to infer as before."""
    if values.dtype != object or not len(values):
        return values
    if pd.api.types.infer_dtype(values, skipna=False) == "string":  # every cell a text: none missing
        return pd.Series(values, dtype=object, copy=False)
    if pd.api.types.infer_dtype(values, skipna=True) != "string":
        return values
    missing = pd.isna(values)
    if missing.all():
        return values
    if missing.any():
        values = values.copy()
        values[missing] = np.nan
    return pd.Series(values, dtype=object, copy=False)
