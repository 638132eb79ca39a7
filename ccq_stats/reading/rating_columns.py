"""Two rating columns where a careful person sees one rating and something else beside it.

A table with two rating columns and no year to tell them apart is refused (``plan_sheet``): which
one counts cannot be told. Some pairs tell it by their own words or cells, and a Ban Tổ chức clerk
reads them without asking; these rules settle them before that check, for both readers (they plan
alike), and say on stderr which signal decided:

* **another year** – a rating column whose header says "năm trước" with no year written ("Xếp loại
  năm trước" on a sheet titled 2019) is the rating of the year before the table's: read as 2018,
  the other rating column as the table's own year ([reading_words] ``previous_year``);
* **two levels** – two columns whose headers name two committees that rate ("Đảng ủy cơ sở xếp
  loại" | "Đảng ủy Khối xếp loại"): the competent higher committee decides (docs/domain.md §3,
  "Who decides"), the lower one's is a proposal, set aside as a self-rating is
  ([reading_words] ``rating_levels``, lowest first);
* **a code that mirrors the label** – a column of short codes ("Mã XL" 1-4, "Mã xếp loại"
  01-06) beside the rating labels, each code standing for one label and each label for one code
  on every row looked at: the labels are read, the code column is accounted for as mirroring them
  (``Ignored.MIRROR``, its detail the label column), and the row reader checks every row: a row
  where they disagree stops the run naming it (``check_mirrors``). The column reader leaves such a
  file to the row reader, so that the check is the same whatever the file's size;
* **one rating split by a group of members** – "Xếp loại (đảng viên chính thức)" | "Xếp loại (đảng
  viên dự bị)": two rating columns of the same level (no year, no committee tells them apart) whose
  filled cells never share a row and hold labels, each row's rating in one of them: one rating,
  read as one column (``Ignored.SPLIT``, its detail the column read; one warning). The row reader
  checks every row (``read_split``): a row with both filled stops the run naming the two columns,
  as any two rating columns do. The column reader leaves such a file to the row reader.
"""

from __future__ import annotations

import re

import numpy as np

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.account import HEAD_ROWS
from ccq_stats.reading.grid import text_at
from ccq_stats.reading.header_columns import Column, Ignored, Source, ignored
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of

_CODE = re.compile(r"^[0-9]{1,2}$")  # "1" … "4", "01" … "06": a code, never a label nor a count of a row
_NO_CODE = ("left",)  # a member who left may have no code beside the words that say so


def settle_ratings(plan, scales: Scales, notes) -> tuple[list[Column], list[Column]]:
    """Apply the rules above to the plan's rating columns; (ratings, counts) as the plan then has them."""
    ratings = plan.ratings
    if (
        len(ratings) > 1
        and any(c.year is None for c in ratings)
        and not any(c.source == Source.MAPPED for c in ratings)
    ):
        _previous_year(plan, ratings, scales, notes)
        ratings = plan.ratings
        if len(ratings) > 1 and any(c.year is None for c in ratings):
            _two_levels(plan, ratings, scales, notes)
        ratings = plan.ratings
        if len(ratings) > 1 and any(c.year is None for c in ratings):
            _mirrors(plan, ratings, scales, notes)
        ratings = plan.ratings
        if len(ratings) > 1 and any(c.year is None for c in ratings):
            _split(plan, ratings, scales, notes)
    return plan.ratings, plan.counts


def _previous_year(plan, ratings: list[Column], scales: Scales, notes) -> None:
    undated = [c for c in ratings if c.year is None]
    previous = [c for c in undated if any(find_phrase(words_of(c.header), p) >= 0 for p in scales.words.previous_year)]
    if not previous or plan.year is None or len(undated) - len(previous) > 1 or len(previous) > 1:
        return
    (last,) = previous
    last.year = plan.year - 1
    for c in undated:
        if c is not last:
            c.year = plan.year
    notes.warn(
        _(
            "'{header}' read as the ratings of {year}, the year before the table's {this}; "
            "if it is not, say so: --column ignore='{header}'"
        ).format(header=last.header, year=plan.year - 1, this=plan.year),
        plan.sheet.where(),
    )


def _level(header: str, scales: Scales) -> int | None:
    words = words_of(header)
    found = [n for n, level in enumerate(scales.words.rating_levels) if any(find_phrase(words, p) >= 0 for p in level)]
    return max(found) if found else None


def _two_levels(plan, ratings: list[Column], scales: Scales, notes) -> None:
    undated = [c for c in ratings if c.year is None]
    levels = [(_level(c.header, scales), c) for c in undated]
    if len(undated) < 2 or any(n is None for n, _c in levels):
        return
    top = max(n for n, _c in levels)
    deciders = [c for n, c in levels if n == top]
    if len(deciders) != 1:
        return
    (decider,) = deciders
    lower = [c for c in undated if c is not decider]
    names = ", ".join(f"'{c.header}'" for c in lower)
    notes.warn(
        _(
            "{columns} not counted (a lower committee's proposal); the decision of the committee above, "
            "'{rating}', counts"
        ).format(columns=names, rating=decider.header),
        plan.sheet.where(),
    )
    for c in lower:
        plan.header.columns.remove(c)
        plan.ignored.append(ignored(c.index, c.header, Ignored.PROPOSED, decider.header))


def _pairs(plan, code: Column, label: Column, scales: Scales, stop: int) -> list[tuple[int, str, str]]:
    """(row, code, what the label means) of the rows where either is filled, up to ``stop``."""
    out = []
    for r in range(plan.start, stop):
        row = plan.sheet.rows[r]
        a, b = text_at(row, code.index), text_at(row, label.index)
        if a or b:
            found = match_label(b, scales) if b else None
            out.append((r, a, found.meaning.means if found else b))
    return out


def _mirrors(plan, ratings: list[Column], scales: Scales, notes) -> None:
    end = plan.end if plan.end >= 0 else len(plan.sheet.rows)
    stop = min(end, HEAD_ROWS)  # the rows both readers plan from (account.py): the same verdict at any size
    for code in [c for c in ratings if c.year is None]:
        cells = [text_at(plan.sheet.rows[r], code.index) for r in range(plan.start, stop)]
        cells = [v for v in cells if v]
        if not cells or not all(_CODE.match(v) for v in cells):
            continue
        labels = [c for c in plan.ratings if c is not code and c.year is None]
        if len(labels) != 1:
            return
        (label,) = labels
        found = [(r, a, m) for r, a, m in _pairs(plan, code, label, scales, stop) if a and m]
        pairs = [(a, m) for _r, a, m in found]
        if (
            not pairs
            or len({a for a, _m in pairs}) != len(set(pairs))
            or len({m for _a, m in pairs}) != len(set(pairs))
        ):
            return  # a code for two labels, or a label with two codes: not a mirror, the refusal stands
        plan.header.columns.remove(code)
        plan.ignored.append(ignored(code.index, code.header, Ignored.MIRROR, label.header))
        said = {}  # each code with the label it stands beside first, as the sheet writes it
        for r, a, _m in found:
            said.setdefault(a, text_at(plan.sheet.rows[r], label.index))
        notes.warn(
            _("'{code}' holds codes that mirror the ratings in '{rating}' ({pairs}); the ratings are read").format(
                code=code.header, rating=label.header, pairs=", ".join(f"{a} = {said[a]}" for a in sorted(said))
            ),
            plan.sheet.where(),
        )
        return


def check_mirrors(plan, scales: Scales) -> None:
    """Every row of the table: a code column that mirrors the ratings says what the rating says. The
    first row with a code fixes what it stands for; a row where they disagree (a code already
    standing for another rating, a rating already written with another code, a code beside a blank
    rating or a rating without its code) stops the run naming it."""
    end = plan.end if plan.end >= 0 else len(plan.sheet.rows)
    for column in plan.ignored:
        if column.reason != Ignored.MIRROR:
            continue
        label = next(c for c in plan.header.columns if c.header == column.detail and c.role == "rating")
        means, codes = {}, {}
        for r, a, m in _pairs(plan, column, label, scales, end):
            if not a and m in _NO_CODE:
                continue
            if a and m and means.setdefault(a, m) == m and codes.setdefault(m, a) == a:
                continue
            raise InputError(
                _("the code '{code}' does not say what the rating beside it says ('{rating}')").format(
                    code=a, rating=text_at(plan.sheet.rows[r], label.index)
                ),
                where=plan.sheet.where(r + 1, column.index, column.header),
                hint=_("correct the code or the rating; or say which one counts: --column ignore='{code}'").format(
                    code=column.header
                ),
            )


def _split(plan, ratings: list[Column], scales: Scales, notes) -> None:
    undated = [c for c in ratings if c.year is None]
    if len(undated) != 2:
        return
    first, second = undated
    end = plan.end if plan.end >= 0 else len(plan.sheet.rows)
    stop = min(end, HEAD_ROWS)  # the rows both readers plan from (account.py): the same verdict at any size
    filled = [0, 0]
    for r in range(plan.start, stop):
        row = plan.sheet.rows[r]
        cells = [text_at(row, first.index), text_at(row, second.index)]
        if all(cells):
            return  # a row rated twice: two ratings, the refusal stands
        for k, cell in enumerate(cells):
            if cell:
                if match_label(cell, scales) is None:
                    return
                filled[k] += 1
    if not all(filled):
        return
    plan.header.columns.remove(second)
    plan.ignored.append(ignored(second.index, second.header, Ignored.SPLIT, first.header))
    notes.warn(
        _(
            "'{first}' and '{second}' read as one rating split by a group of members (each row filled in one "
            "of them); a row filled in both stops the run"
        ).format(first=first.header, second=second.header),
        plan.sheet.where(),
    )


def read_split(plan, data) -> None:
    """Every row of the table: a rating split over two columns (``_split``) read as one column; a row
    filled in both stops the run naming the two."""
    for column in plan.ignored:
        if column.reason != Ignored.SPLIT:
            continue
        rating = next(c for c in plan.header.columns if c.header == column.detail and c.role == "rating")
        a, b = data.text(rating.index), data.text(column.index)
        both = np.flatnonzero((a != "") & (b != ""))
        if len(both):
            raise InputError(
                _("two rating columns ({first}, {second}); the one to count is unclear").format(
                    first=rating.header, second=column.header
                ),
                where=data.where(int(both[0]), column),
                value=str(b[both[0]]),
                hint=_(
                    "say which one counts: --column rating='{second}' --column ignore='{first}' (or the other way)"
                ).format(first=rating.header, second=column.header),
            )
        data.read_as(rating.index, np.where(a == "", b, a).astype(object))
