"""Members × years: a list of members with a rating column per year, kept by a chi bộ over a term.

Each year's column is read as that year's list (``by_rows``). Two things make a cell blank there
that are no blank rating, and a careful clerk reads them without asking:

* **not yet a member** – a member admitted in year Y (the "Ngày vào Đảng" cell, or a note "Kết nạp
  tháng 7/2021") has no rating before Y: a blank cell of an earlier year is "not a member that
  year", in no total. A blank in year Y itself or later is still a blank rating: the run stops
  there. A warning says how many cells were read so, since the admission date alone decides.
* **left** – a blank cell (or "miễn") whose row says the member left ("Từ trần tháng 9/2019") is a
  member who left, in that year's column as in a one-year list (``column_rules.left_members``);
  beside a real rating of an earlier year the note is left alone.
* **outside the member's years** (``outside_years``) – a row's years run from its first cell that
  says something (a rating, "Chưa đánh giá", "Miễn đánh giá") to its last. A dash ("-",
  [reading_words] dashes: written to say "nothing that year") before the first or after the last,
  or a blank there, is "not in the list that year" – admitted later, come from another chi bộ,
  moved away – in no total, as a careful clerk reads a term's table; a warning says how many cells
  were read so, since their place in the row alone decides. Two exceptions, where the clerk asks: a
  blank before the first rating in a year the admission date says the member was already a member
  stays a blank rating (the run stops there), and a dash *between* two years that say something
  stops the run (not in the list that year, or not rated?).

The vocabulary is in [reading_words] of scales.toml: ``admitted_columns`` (the headers that give
the admission date) and ``admitted`` (the words before it in a note). The column reader takes
lists of one rating column only, so this reading is the row reader's alone: no file is read two
ways by it.
"""

from __future__ import annotations

import re

import numpy as np

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import is_dash
from ccq_stats.reading.column_rules import coded, left_members, per_value
from ccq_stats.text import norm_key, strip_marks
from ccq_stats.vocabulary.scales import Scales

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _one_year(text: str) -> int | None:
    years = {int(y) for y in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def _noted_year(text: str, scales: Scales) -> int | None:
    found = scales.words.admitted.search(text) if text else None
    return int(found.group(1)) if found else None


def admitted_years(data, remarks: list, scales: Scales) -> np.ndarray:
    """The year each row's member was admitted (0 where no cell says): the admission column's date
    first, else a note that says it."""
    out = np.zeros(len(data), np.int32)
    dated = [c for c in remarks if strip_marks(norm_key(c.header)) in scales.words.admitted_columns]
    for columns, read in (
        (dated, _one_year),
        ([c for c in remarks if c not in dated], lambda text: _noted_year(text, scales)),
    ):
        for c in columns:
            codes, values = coded(data.text(c.index))
            years = np.array([read(v) or 0 for v in values] or [0], dtype=np.int32)[codes] if len(values) else out
            out = np.where(out == 0, years, out)
    return out


def not_members(cells: np.ndarray, year: int | None, admitted: np.ndarray, notes: list, scales: Scales):
    """(left, not yet admitted): the rows of one year's column whose blank cell says the member
    was not there that year."""
    rating = coded(cells)
    left = left_members(rating, notes, scales)
    blank = per_value(rating, lambda t: t == "")
    before = blank & (admitted > year) if year is not None else np.zeros(len(cells), bool)
    return left & ~before, before


def outside_years(data, ratings: list, rows: np.ndarray, admitted: np.ndarray, notes: list, scales: Scales, warn):
    """{column index: the rows whose cell of that year's column lies outside the member's years},
    by the rule above; a dash between two years that say something stops the run. ``warn``: how
    the warning is said (``notes.warn``)."""
    ordered = sorted(ratings, key=lambda c: c.year or 0)
    cells = [coded(data.text(c.index)) for c in ordered]
    dash = np.array([per_value(c, lambda t: is_dash(t, scales)) for c in cells])
    blank = np.array([per_value(c, lambda t: t == "") for c in cells])
    said = ~dash & ~blank
    any_said = said.any(axis=0)
    k = np.arange(len(ordered))[:, None]
    first_said = np.argmax(said, axis=0)[None, :]
    last_said = (len(ordered) - 1 - np.argmax(said[::-1], axis=0))[None, :]
    inside = (k > first_said) & (k < last_said) & any_said & rows
    if (inside & dash).any():
        i, r = np.argwhere((inside & dash).T)[0][::-1]
        raise InputError(
            _("a dash between two years that say something: was the member not in the list that year, or not rated?"),
            where=data.where(r, ordered[i]),
            value=data.text(ordered[i].index)[r],
            hint=_(
                "write the rating, 'Miễn đánh giá' or 'Chưa đánh giá' in the cell; a member who was not in the "
                "list that year: leave the row out of that year's table"
            ),
        )
    before, after = (k < first_said) & any_said & rows, (k > last_said) & any_said & rows
    years = np.array([c.year or 0 for c in ordered])[:, None]
    member = (admitted > 0)[None, :] & (admitted[None, :] <= years)  # a member that year, by the admission date
    later = blank & (admitted[None, :] > years)  # a blank before the admission: the rule above reads it
    left = np.array([left_members(c, notes, scales) for c in cells])  # the members-who-left rule reads it
    out = ((before & (dash | (blank & ~member))) | (after & (dash | blank))) & ~later & ~left
    if out.any():
        i, r = np.argwhere(out.T)[0][::-1]
        warn(
            _(
                "{count} cell(s) blank or a dash before a member's first year in the list or after the last: read "
                "as not in that year's list, in no total (first: row {row}, '{column}'); check with ccq-stats inspect"
            ).format(count=int(out.sum()), row=data.excel_row(r), column=ordered[i].header),
            data.sheet.where(),
        )
    return {c.index: out[n] for n, c in enumerate(ordered)}


def admitted_warning(count: int, row: int) -> str:
    return _(
        "{count} member(s) with blank cells in the years before they were admitted ('Ngày vào Đảng' or a note "
        "'Kết nạp …'): read as not yet members those years, in no total (first: row {row})"
    ).format(count=count, row=row)
