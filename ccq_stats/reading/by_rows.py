"""The rows under a header -> tidy records (records.py), column by column: the row reader.

It reads every layout the header finder knows and is the reference for ``by_columns``. A sheet
of 200,000 members must read in about the time pandas takes to read the file, so nothing here
loops over rows in Python: each column is cleaned once per distinct value (``pd.factorize``),
and blank, totals and section rows, years, kinds, counts and checks are masks over whole
columns. Only the rare rows that need a message (an error, a totals row, a section heading)
are looked at one by one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.findings import Finding, Notes
from ccq_stats.reading.cells import (
    TICKS, blank_member_rating_error, is_disciplined, is_number, no_year_error, parse_count, parse_year, section_kind,
    totals_test, unknown_kind_error,
)
from ccq_stats.reading.grid import FormulaError, merged_range, trimmed
from ccq_stats.reading.identity import member_keys
from ccq_stats.reading.plan import SheetPlan
from ccq_stats.records import COLUMNS
from ccq_stats.scales import Scales
from ccq_stats.text import clean, norm_key


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
    """The data rows of one sheet under its header, with the columns the header names."""

    def __init__(self, sheet, header, start: int):
        self.sheet, self.header, self.start = sheet, header, start
        self.rows = sheet.rows[start:]
        self._text: dict[int, np.ndarray] = {}
        self._raw: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def raw(self, index: int) -> np.ndarray:
        if index not in self._raw:
            self._raw[index] = column_values(self.rows, index)
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


def sheet_records(plan: SheetPlan, scales: Scales, notes: Notes) -> pd.DataFrame:
    """The tidy records of one sheet under its plan (labels not yet classified)."""
    sheet, header, shapes, fixed_year = plan.sheet, plan.header, plan.shapes, plan.year
    data = SheetRows(sheet, header, plan.start)
    if not len(data):
        return empty()
    col = {role: header.one(role) for role in ("seq", "org", "member", "member_id", "birth", "kind", "parent",
                                               "host_type", "year", "discipline", "total_count", "rated_count")}
    ratings, counts = plan.ratings, plan.counts
    used = sorted({c.index for c in header.columns if c.role not in ("share_of", "ignored")})
    lead = sorted({0, 1} | {c.index for c in (col["seq"], col["org"], col["member"]) if c})

    filled = {i: data.text(i) != "" for i in set(used) | set(lead)}
    nonblank = np.logical_or.reduce([filled[i] for i in filled])
    _check_cells(data, header, used, nonblank)

    totals = np.zeros(len(data), dtype=bool)
    is_totals = totals_test(scales)
    for i in lead:
        totals |= mapped(data.text(i), is_totals).astype(bool)
    totals &= nonblank

    has_value = np.logical_or.reduce([filled[c.index] for c in ratings + counts]) if ratings + counts else np.zeros(len(data), bool)
    named = np.zeros(len(data), bool)
    for c in (col["member"], col["member_id"]):
        if c is not None:
            named |= data.text(c.index) != ""
    org = data.text(col["org"].index) if col["org"] else np.full(len(data), "", dtype=object)
    listed = np.zeros(len(data), bool)
    if col["seq"] and len(ratings) == 1:
        listed = mapped(data.raw(col["seq"].index), is_number).astype(bool) & (org != "")
    section = nonblank & ~totals & ~has_value & ~named & ~listed
    rows = nonblank & ~totals & ~section

    section_kind = _section_kinds(data, section, scales)
    if counts or col["total_count"] or col["rated_count"]:
        _check_totals_rows(data, counts, col, totals, rows, notes)

    year = _years(data, col["year"], rows)
    kind, subject = _kinds(data, col, section_kind, rows, scales)
    parent = data.text(col["parent"].index) if col["parent"] else np.full(len(data), "", dtype=object)
    subject = np.where(subject == "", np.where(parent != "", "cells", "units"), subject)
    base = {
        "org": org, "parent": parent, "org_kind": kind, "subject": subject,
        "host_type": data.text(col["host_type"].index) if col["host_type"] else np.full(len(data), "", dtype=object),
        "source_file": sheet.file, "source_sheet": sheet.name or "",
    }
    pieces = []
    if "members" in shapes:
        pieces.append(_members(data, col, ratings[0], rows, pick_year(year, None, fixed_year), base))
    else:
        for column in ratings:
            pieces.append(_unit_ratings(data, column, rows, pick_year(year, column.year, fixed_year), base,
                                        wide=len(ratings) > 1))
        if counts:
            pieces += _counts(data, col, counts, rows, year, fixed_year, base, notes)
    pieces = [p for p in pieces if len(p)]
    if not pieces:
        return empty()
    # reading order, as the sheet lists them (later stages keep "first seen" order)
    return pd.concat(pieces, ignore_index=True).sort_values(["source_row", "source_col"], kind="stable", ignore_index=True)


def empty() -> pd.DataFrame:
    return pd.DataFrame({name: [] for name in COLUMNS})


def _check_cells(data: SheetRows, header, used: list[int], nonblank: np.ndarray) -> None:
    """Formula errors in the cells we read, and CSV rows longer than their header."""
    for i in used if data.sheet.has_errors else []:
        bad = mapped(data.raw(i), lambda v: isinstance(v, FormulaError)).astype(bool) & nonblank
        if bad.any():
            r = first(bad)
            column = next(c for c in header.columns if c.index == i)
            raise InputError("the cell holds a formula error", where=data.where(r, column), value=str(data.raw(i)[r]),
                             hint="fix the formula in Excel, or type the value in the cell")
    if not data.sheet.ragged:
        return
    rows = data.sheet.rows
    width = max(len(trimmed(rows[i])) for i in range(header.first_row, header.last_row + 1))
    lengths = np.fromiter((len(row) for row in data.rows), dtype=np.int64, count=len(data))
    for r in np.flatnonzero(lengths > width):
        row = data.rows[r]
        if any(clean(v) for v in row[width:]):
            raise InputError(
                f"the row has {len(trimmed(row))} cells but the header has {width}",
                where=data.sheet.where(data.excel_row(r), width, None), value=clean(row[width]),
                hint="a value probably holds the delimiter without quotes; quote it or save the file again from Excel",
            )


def _section_kinds(data: SheetRows, section: np.ndarray, scales: Scales) -> np.ndarray:
    """The kind a heading row ("I. CÁC ĐẢNG BỘ CƠ SỞ") gives the rows below it, row by row."""
    marks = pd.Series([None] * len(data), dtype=object)
    for r in np.flatnonzero(section):
        for value in data.rows[r]:
            text = clean(value)
            found = section_kind(text, scales)
            if found:
                marks[r] = found
                break
    return marks.ffill().to_numpy(dtype=object)


def pick_year(row_year: np.ndarray, column_year: int | None, fixed_year: int | None) -> np.ndarray:
    """A row's year cell, else its column's year (wide layout), else the sheet's year."""
    fallback = column_year or fixed_year
    return row_year if fallback is None else np.where(pd.isna(row_year), fallback, row_year)


def _years(data: SheetRows, column, rows: np.ndarray) -> np.ndarray:
    """The year cell of each row, parsed (None where there is none)."""
    if column is None:
        return np.full(len(data), None, dtype=object)
    return parsed(data, column, (data.text(column.index) != "") & rows, parse_year, None)


def parsed(data: SheetRows, column, rows: np.ndarray, parse, default) -> np.ndarray:
    """parse(cell, where) on the given rows, once per distinct value; `default` elsewhere.
    A value that does not parse is reported at the first row that holds it."""
    out = np.full(len(data), default, dtype=object)
    index = np.flatnonzero(rows)
    if not len(index):
        return out
    codes, uniques = pd.factorize(pd.Series(data.raw(column.index)[index], dtype=object), use_na_sentinel=True)
    values = np.empty(len(uniques) + 1, dtype=object)
    values[-1] = default
    for i, value in enumerate(uniques):
        try:
            values[i] = parse(value, None)
        except InputError:
            r = index[first(codes == i)]
            parse(data.raw(column.index)[r], data.where(r, column))  # raises, naming the row
    out[index] = values[codes]
    return out


def _kinds(data: SheetRows, col, section_kind: np.ndarray, rows: np.ndarray, scales: Scales):
    kinds = section_kind.copy()
    if col["kind"] is not None:
        text = data.text(col["kind"].index)
        looked = mapped(text, lambda t: scales.lookup(scales.kinds, t) if t else None)
        unknown = (text != "") & pd.isna(looked) & rows
        if unknown.any():
            r = first(unknown)
            raise unknown_kind_error(data.where(r, col["kind"]), text[r])
        kinds = np.where(text != "", looked, kinds)
    kind_id = np.array([k[0] if k else "" for k in kinds], dtype=object)
    subject = np.array([k[1] if k else "" for k in kinds], dtype=object)
    return kind_id, subject


def _need_years(data: SheetRows, year: np.ndarray, mask: np.ndarray) -> None:
    missing = mask & pd.isna(year)
    if missing.any():
        raise no_year_error(data.where(first(missing)))


def _records(data: SheetRows, base: dict, mask: np.ndarray, **columns) -> pd.DataFrame:
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


def _members(data: SheetRows, col, column, rows, year, base) -> pd.DataFrame:
    raw = data.text(column.index)
    blank = rows & (raw == "")
    if blank.any():
        raise blank_member_rating_error(data.where(first(blank), column))
    _need_years(data, year, rows)
    name = data.text(col["member"].index) if col["member"] else np.full(len(data), "", dtype=object)
    card = data.text(col["member_id"].index) if col["member_id"] is not None else np.full(len(data), "", dtype=object)
    # identity: the card number where there is one, else the name (case, spaces and Unicode forms
    # aside; diacritics count: "Hà" and "Hạ" are two people), with the birth year if given
    key = member_keys(card, name, data.text(col["birth"].index) if col["birth"] is not None else None)
    disciplined = (mapped(data.text(col["discipline"].index), is_disciplined).astype(bool)
                   if col["discipline"] is not None else False)
    return _records(data, dict(base, subject="members"), rows, year=year, shape="members", member=name, member_key=key,
                    status=None, tier=None, exemplary=False, disciplined=disciplined, count=1,
                    source_col=column.index, source_header=column.header, raw_label=raw)


def _unit_ratings(data: SheetRows, column, rows, year, base, wide: bool) -> pd.DataFrame:
    raw = data.text(column.index)
    blank = rows & (raw == "")
    if blank.any() and not wide:  # in a wide layout a blank year means the organisation was not there yet
        r = first(blank)
        merged = merged_range(data.sheet, data.excel_row(r) - 1, column.index)
        raise InputError(
            "the rating is blank" + (f" (the cell is part of the merged range {merged})" if merged else ""),
            where=data.where(r, column), value=base["org"][r],
            hint="unmerge the cells and write each organisation's rating" if merged
            else "write the rating, or 'Chưa đánh giá' if the organisation was not rated",
        )
    mask = rows & (raw != "")
    nameless = mask & (base["org"] == "")
    if nameless.any():
        r = first(nameless)
        raise InputError("a rating without an organisation name", where=data.where(r), value=raw[r], hint="fill the organisation's name")
    _need_years(data, year, mask)
    return _records(data, base, mask, year=year, shape="units", status=None, tier=None, exemplary=False,
                    disciplined=False, count=1, source_col=column.index, source_header=column.header, raw_label=raw)


def _count_values(data: SheetRows, column, rows: np.ndarray) -> np.ndarray:
    """Counts of a column on the given rows (0 elsewhere), refusing what is not a count."""
    return parsed(data, column, rows, parse_count, 0).astype(np.int64)


def _counts(data: SheetRows, col, counts, rows, row_year, fixed_year, base, notes: Notes) -> list[pd.DataFrame]:
    ticks = np.array([np.isin(np.char.lower(data.text(c.index).astype(str)), list(TICKS)) for c in counts])
    ticked = ticks.sum(axis=0)
    twice = rows & (ticked > 1)
    if twice.any():
        r = first(twice)
        c = counts[[i for i in range(len(counts)) if ticks[i][r]][1]]
        raise InputError("two tiers ticked for one organisation", where=data.where(r, c), value=data.text(c.index)[r],
                         hint="tick one tier per organisation")
    pieces = []
    tick_rows = rows & (ticked == 1)
    for i, c in enumerate(counts):  # a mark "x" under a tier: this row's organisation is rated that tier
        mask = tick_rows & ticks[i]
        if mask.any():
            y = pick_year(row_year, c.year, fixed_year)
            _need_years(data, y, mask)
            pieces.append(_records(data, base, mask, year=y, shape="units", status=c.meaning.status, tier=c.meaning.tier,
                                   exemplary=c.meaning.exemplary, disciplined=False, count=1, source_col=c.index,
                                   source_header=c.header, raw_label=c.header))
    count_rows = rows & (ticked == 0)
    values = {c.index: _count_values(data, c, count_rows) for c in counts}
    members = dict(base, subject="members")
    for c in counts:
        mask = count_rows & (values[c.index] > 0)
        if mask.any():
            y = pick_year(row_year, c.year, fixed_year)
            _need_years(data, y, mask)
            pieces.append(_records(data, members, mask, year=y, shape="counts", status=c.meaning.status, tier=c.meaning.tier,
                                   exemplary=c.meaning.exemplary, disciplined=False, count=values[c.index],
                                   source_col=c.index, source_header=c.header, raw_label=c.header))
    _check_parts(data, col, counts, count_rows, values, pick_year(row_year, None, fixed_year), base, notes)
    return pieces


def _check_parts(data: SheetRows, col, counts, rows, values, year, base, notes: Notes) -> None:
    """A 'Tổng số' (or 'Được đánh giá') cell must equal the sum of its parts, row by row."""
    for role in ("total_count", "rated_count"):
        column = col[role]
        if column is None:
            continue
        stated_rows = rows & (data.text(column.index) != "")
        stated = _count_values(data, column, stated_rows)
        parts = counts if role == "total_count" else [c for c in counts if c.meaning.tier]
        summed = np.sum([values[c.index] for c in parts], axis=0) if parts else np.zeros(len(data), np.int64)
        missing = {"exempt", "not_rated"} - {c.meaning.status for c in parts} if role == "total_count" else set()
        what = "có mặt = miễn + chưa đánh giá + được đánh giá" if role == "total_count" else "được đánh giá = tổng các mức xếp loại"
        for r in np.flatnonzero(stated_rows & (stated != summed)):
            where = data.where(r, column)
            notes.found(
                Finding("present_total", "error", None if pd.isna(year[r]) else int(year[r]), base["org"][r],
                        f"{column.header} ghi {stated[r]} nhưng các cột thành phần cộng lại {summed[r]} ({what}"
                        + (f"; thiếu cột {', '.join(sorted(missing))}" if missing else "") + ")",
                        "Biểu thống kê đánh giá, xếp loại đảng viên", {"stated": int(stated[r]), "sum": int(summed[r])}, str(where)),
                f"{where}: {column.header} says {stated[r]} but its parts add up to {summed[r]}"
                + (f" ({', '.join(sorted(missing))} columns missing)" if missing else ""),
            )


def _check_totals_rows(data: SheetRows, counts, col, totals: np.ndarray, rows: np.ndarray, notes: Notes) -> None:
    """A totals row that carries numbers must equal the sum of the rows above it (since the
    previous totals row, so that subtotals and a grand total both check)."""
    if not totals.any():
        return
    columns = counts + [c for c in (col["total_count"], col["rated_count"]) if c]
    block = np.cumsum(totals) - totals  # rows up to a totals row belong to its block
    data_rows = rows & ~totals
    for c in columns:
        text = data.text(c.index)
        try:
            values = _count_values(data, c, data_rows & (text != ""))
        except InputError:
            continue  # the bad cell is reported when its row is read
        sums = np.bincount(block[data_rows], weights=values[data_rows], minlength=int(totals.sum()) + 1)
        for r in np.flatnonzero(totals & (text != "")):
            try:
                stated = parse_count(data.raw(c.index)[r], data.where(r, c))
            except InputError:
                continue
            summed = int(sums[block[r]])
            if stated != summed:
                where = data.where(r, c)
                notes.found(Finding("totals_row", "error", None, "", f"Dòng tổng cộng ở cột {c.header} ghi {stated} nhưng các dòng trên cộng lại {summed}",
                             "Biểu thống kê", {"stated": stated, "sum": summed}, str(where)),
                     f"{where}: the totals row says {stated} but the rows above add up to {summed}")
