"""A list typed as lines of text in one column: "1. Đ/c Nguyễn Văn An: HTTNV".

Copied from a chat message or typed in a hurry, a chi bộ's list is one line per member in one
column: a number, a form of address, the name, then a colon or a spaced dash, then the rating
("Nguyễn Văn An - Hoàn thành tốt nhiệm vụ"). A careful clerk reads it as the table it is. The
sheet is read as that table – the lines before the first member line its title, a line of the
list's own numbering with a label that is not known stays a row (the run stops naming it), a line
after the list ("Tổng số: 14 đồng chí.") stays a line – and one warning says so, since the columns
come from the reader's reading of the lines, not from a header (a weak signal: check with inspect).
"""

from __future__ import annotations

import dataclasses
import re

from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.vocabulary.scales import Scales

_NUMBERED = re.compile(r"^\d{1,4}\s*[.)]\s+\S")
_FEW = 3  # member lines at least: a list, not a sentence with a colon in it


def lines_as_table(sheet: Sheet, scales: Scales, notes: Notes) -> Sheet | None:
    """The sheet read as a table of members when it is such a list of lines (see above), else None."""
    rows = sheet.rows
    filled = []
    for r in range(sheet.top, len(rows)):
        cells = _filled(rows[r], most=2)
        if len(cells) > 1:  # a row of two cells: a table, not lines (found at the first such row)
            return None
        if cells:
            filled.append((r, cells))
    if len(filled) < _FEW:
        return None
    column = filled[0][1][0][0]
    if any(cells[0][0] != column for _r, cells in filled):
        return None
    parsed = {r: m for r, cells in filled if (m := _member(cells[0][1], scales)) is not None}
    if len(parsed) < _FEW:
        return None
    first, last = min(parsed), max(parsed)
    out = [list(row) for row in rows[:first]]
    # the header goes in place of the nearest blank line above the list, so that the member lines
    # keep their row numbers in messages; with no blank line above, they are one row lower
    blank = next((r for r in range(first - 1, sheet.top - 1, -1) if not _filled(rows[r], most=1)), None)
    if blank is not None:
        del out[blank]
    out.append(list(scales.words.line_header))
    for r in range(first, len(rows)):
        text = text_at(rows[r], column) if _filled(rows[r]) else ""
        match = parsed.get(r) or (scales.words.member_line.match(text) if r < last and _NUMBERED.match(text) else None)
        if match is not None:  # a member line (a numbered one inside the list, whatever its label)
            out.append([match.group("n") or str(len(out) - first), match.group("name").strip(), match.group("label")])
        else:
            out.append([text] if text else [])
    notes.warn(
        _(
            "the list is typed as lines of text in one column (name, then the rating after ':' or ' - '): read as a "
            "table of {count} lines from row {row}; check with ccq-stats inspect"
        ).format(count=len(parsed), row=first + 1),
        sheet.where(),
    )
    return dataclasses.replace(
        sheet, rows=out, merged=[], hidden_rows=set(), filtered_rows=set(), indent={}, bold=set()
    )


def _filled(row: list, most: int = 60) -> list[tuple[int, str]]:
    """The filled cells of a row (index, text), the first ``most`` of them."""
    out = []
    for i in range(min(len(row), 60)):
        if t := text_at(row, i):
            out.append((i, t))
            if len(out) == most:
                break
    return out


def _member(text: str, scales: Scales):
    match = scales.words.member_line.match(text)
    if match is None or match_label(match.group("label"), scales) is None:
        return None
    return match if len(match.group("name").split()) >= 2 else None
