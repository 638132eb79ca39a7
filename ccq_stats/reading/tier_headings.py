"""A list whose tiers are given by section headings, not by a cell of each row: an annex "I | TỔ
CHỨC CƠ SỞ ĐẢNG HOÀN THÀNH XUẤT SẮC NHIỆM VỤ (04)" over its organisations, "1. Hoàn thành tốt nhiệm vụ:
12 đồng chí" over its members, "B. ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ" over the exempt, "Không có" under an
empty tier. A careful person reads each row's tier from the heading above it; so does the reader,
only where the sheet has no rating column at all, and says so (a weak signal, issue 18 §4): the
sheet is read again with the headings' tiers written in a column of their own, the headings blanked.
"""

from __future__ import annotations

import dataclasses
import re

from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import is_section_mark
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header import SCAN_ROWS
from ccq_stats.reading.header_columns import MAX_HEADER_TEXT
from ccq_stats.vocabulary.scales import LOOSE, Scales, find_phrase, words_of

# a heading's mark before its words: "I", "IV.", "A.", "1.", "2)" – a mark, not a word
_MARK = re.compile(r"^\s*(?:[IVXLC]{1,5}|[A-Za-z]|\d{1,2})\s*[.)/:\-–]?\s+", re.I)


def label_named(text: str, scales: Scales, keys) -> str | None:
    """The label a heading names: the longest label of several words inside it ("TỔ CHỨC CƠ SỞ ĐẢNG
    HOÀN THÀNH TỐT NHIỆM VỤ (16)" -> HTTNV; "Không hoàn thành…" is not "Hoàn thành…"), or the heading
    itself without its mark; None where it names none, or two of different meanings."""
    bare = _MARK.sub("", text)
    whole = match_label(bare, scales) if len(bare) <= MAX_HEADER_TEXT else None
    if whole is not None:
        return whole.display
    words = words_of(bare[:200])
    found = [(len(needle), label) for needle, label in keys if find_phrase(words, (False, needle)) >= 0]
    if not found:
        return None
    longest = max(n for n, _label in found)
    best = {label.meaning for n, label in found if n == longest}
    return next(label.display for n, label in found if n == longest) if len(best) == 1 else None


def label_keys(scales: Scales) -> list:
    """The labels of several words (no typo, no loose key), as word tuples: what a heading or a
    title may name a tier or a status by, inside its other words."""
    return [
        (tuple(key.split()), label)
        for key, label in scales.labels.items()
        if not key.startswith(LOOSE) and " " in key and not label.typo
    ]


def _name_column(row: list, scales: Scales) -> int | None:
    """The column a header row names organisations or members in, when no cell of it names a rating."""
    roles = {i: (scales.role_by_words(t) or ("",))[0] for i in range(min(len(row), 60)) if (t := text_at(row, i))}
    if any(r in ("rating", "count") for r in roles.values()):
        return None
    return next((i for i, r in roles.items() if r in ("org", "member")), None)


def tiers_by_heading(sheet: Sheet, scales: Scales, notes: Notes) -> Sheet | None:
    """The sheet with each row's tier, from the heading above it, in a new rating column; None
    when the sheet is not such a list (no header naming the organisations or members, or no heading
    naming a tier with rows under it)."""
    rows = sheet.rows
    keys = label_keys(scales)
    none_words = scales.words.no_organisation
    end_words = [needle for _key, needle in scales.table_end]
    top = _header_above(rows, sheet.top, scales, keys)
    if top is None:
        return None
    name = _name_column(rows[top], scales)
    kept, tier, tiers, first = [list(r) for r in rows], None, {}, None
    for r in range(top + 1, len(rows)):
        row = rows[r]
        texts = [(i, text_at(row, i)) for i in range(min(len(row), 60)) if text_at(row, i)]
        if not texts:
            continue
        if any(find_phrase(words_of(texts[0][1][:200]), (True, w)) == 0 for w in end_words):
            break  # a signature block or notes: the table ends
        if _is_heading(row):
            said = texts[-1][1]
            if any(find_phrase(words_of(_MARK.sub("", said)), (False, w)) == 0 for w in none_words):
                kept[r] = []  # "Không có" under an empty tier: no organisation
                continue
            tier = label_named(said, scales, keys)
            if tier and first is None:
                first = (r, said)
            kept[r] = []
            continue
        if text_at(row, name) and tier:
            tiers[r] = tier
    if not tiers or first is None:
        return None
    # the new column right of the header's and the rows' last text (a column beyond an empty one is not the table's)
    at = 1 + max(_last_index(rows[r]) for r in [top, *tiers])
    for r, said in [(top, rating_header(scales)), *tiers.items()]:
        kept[r] = list(rows[r][:at]) + [""] * (at - min(len(rows[r]), at)) + [said]
    notes.warn(
        _(
            "no rating column: each row's tier read from the section heading above it ({count} rows; first heading: "
            "row {row} '{heading}'); check with ccq-stats inspect"
        ).format(count=len(tiers), row=first[0] + 1, heading=first[1]),
        sheet.where(),
    )
    return dataclasses.replace(sheet, rows=kept)


def rating_header(scales: Scales) -> str:
    """A header the reader reads as the rating column: the first of [columns] rating."""
    return next(key for key, role in scales.columns.items() if role == "rating" and not key.startswith(LOOSE))


def _is_heading(row: list) -> bool:
    """One text on the row, alone or after a mark that is no row number ("I", "A.")."""
    texts = [(i, text_at(row, i)) for i in range(min(len(row), 60)) if text_at(row, i)]
    return len(texts) == 1 or (len(texts) == 2 and is_section_mark(texts[0][1].upper()))


def _header_above(rows: list, top: int, scales: Scales, keys) -> int | None:
    """The header of the list: the nearest row above its first heading that names a tier, with two
    texts or more and a column of organisations or members (a heading above it passed over)."""
    for r in range(top, min(top + SCAN_ROWS, len(rows))):
        if _is_heading(rows[r]) and label_named(_last_text(rows[r]), scales, keys):
            break
    else:
        return None
    for up in range(r - 1, top - 1, -1):
        if _is_heading(rows[up]) or not any(text_at(rows[up], i) for i in range(min(len(rows[up]), 60))):
            continue
        return up if _name_column(rows[up], scales) is not None else None
    return None


def _last_text(row: list) -> str:
    return next((t for i in range(min(len(row), 60) - 1, -1, -1) if (t := text_at(row, i))), "")


def _last_index(row: list) -> int:
    return max((i for i in range(min(len(row), 60)) if text_at(row, i)), default=-1)
