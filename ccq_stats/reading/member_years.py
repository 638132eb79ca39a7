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

The vocabulary is in [reading_words] of scales.toml: ``admitted_columns`` (the headers that give
the admission date) and ``admitted`` (the words before it in a note). The column reader takes
lists of one rating column only, so this reading is the row reader's alone: no file is read two
ways by it.
"""

from __future__ import annotations

import re

import numpy as np

from ccq_stats.i18n import gettext as _
from ccq_stats.reading.column_rules import coded, left_members, per_value
from ccq_stats.text import norm_key, strip_marks
from ccq_stats.vocabulary.scales import READING_WORDS, Scales, either_marks

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_HEADERS = {strip_marks(norm_key(h)) for h in READING_WORDS["admitted_columns"]}
# "Kết nạp tháng 7/2021", "kết nạp ngày 12/10/2019", "Vào Đảng năm 2019": the first year after the words
_NOTE = re.compile(
    r"\b(?:"
    + "|".join(either_marks(w) for w in READING_WORDS["admitted"])
    + r")\b.{0,30}?(?<!\d)((?:19|20)\d\d)(?!\d)",
    re.I,
)


def _one_year(text: str) -> int | None:
    years = {int(y) for y in _YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


def _noted_year(text: str) -> int | None:
    found = _NOTE.search(text) if text else None
    return int(found.group(1)) if found else None


def admitted_years(data, remarks: list) -> np.ndarray:
    """The year each row's member was admitted (0 where no cell says): the admission column's date
    first, else a note that says it."""
    out = np.zeros(len(data), np.int32)
    dated = [c for c in remarks if strip_marks(norm_key(c.header)) in _HEADERS]
    for columns, read in ((dated, _one_year), ([c for c in remarks if c not in dated], _noted_year)):
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


def admitted_warning(count: int, row: int) -> str:
    return _(
        "{count} member(s) with blank cells in the years before they were admitted ('Ngày vào Đảng' or a note "
        "'Kết nạp …'): read as not yet members those years, in no total (first: row {row})"
    ).format(count=count, row=row)
