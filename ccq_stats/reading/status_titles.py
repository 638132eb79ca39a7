"""A list of members with no rating column whose title or sheet name gives their status: "ĐẢNG VIÊN
ĐƯỢC MIỄN ĐÁNH GIÁ NĂM 2024" over "STT | Họ và tên | Năm sinh | Lý do miễn", a sheet named "Chua
xep loai" beside the sheet of the rated. A secretary who splits one chi bộ's list over sheets by
status writes the status once, on top, not on every row; a careful clerk gives every member on
the sheet that status (or tier). So does the reader, only where the sheet has no rating column
at all and its title rows and name name one label and only one (of any meaning: the label
vocabulary is the status words), and says so: a status given by a title or a sheet name rather
than a cell is a weak signal (issue 18 §4). The sheet is read again with that label written in a
rating column of its own (or in its rating column, where it has one left blank on every row: the
form of the rated copied for the exempt), on every row that names a member, up to the table's end; the rules
that follow (totals rows, members who left, a commendation list's title) apply as to any list.
"""

from __future__ import annotations

import dataclasses

from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet, row_texts, text_at
from ccq_stats.reading.header import find_header
from ccq_stats.reading.plan import table_end
from ccq_stats.reading.tier_headings import label_keys, label_named, rating_header
from ccq_stats.vocabulary.scales import Scales

_GIVES = ("rating", "count", "proposed", "exemplary_flag", "score", "score_proposed")  # a row's own rating
_NAMES = ("member", "member_id")


def _said(sheet: Sheet, first_row: int, scales: Scales) -> list[tuple[str, str]]:
    """(text, label) of each label the sheet's title rows and its name name (the titles first: the
    warning shows the first)."""
    keys, out = label_keys(scales), []
    for r in range(sheet.top, first_row):
        row = sheet.rows[r]
        text = " ".join(row_texts(row, 60))
        if text and (label := label_named(text[:300], scales, keys)):
            out.append((text, label))
    name = text_at([sheet.name or ""], 0)
    if name and (label := label_named(name, scales, keys)):
        out.append((name, label))
    return out


def status_by_title(sheet: Sheet, scales: Scales, notes: Notes) -> Sheet | None:
    """The sheet with the label its title or name gives written on every member's row, in a new
    rating column; None where the sheet is not such a list (no header naming the members, a column
    of its own ratings, no label or labels of two meanings above the header)."""
    header = find_header(sheet, scales)
    if header is None or not any(header.of(r) for r in _NAMES) or any(header.of(r) for r in _GIVES):
        return None
    return _given(sheet, header, None, scales, notes)


def status_over_blanks(plan, scales: Scales, notes: Notes) -> Sheet | None:
    """The same where the list has its one rating column and it is blank on every member's row (the
    form of the rated copied for the exempt, its "Xếp loại" left empty): the label written there.
    None otherwise – most lists: the first member's rating is filled, and the look stops there."""
    header, sheet = plan.header, plan.sheet
    ratings = header.of("rating")
    if "members" not in plan.shapes or len(ratings) != 1 or any(header.of(r) for r in _GIVES if r != "rating"):
        return None
    names, at = [c.index for r in _NAMES for c in header.of(r)], ratings[0].index
    end = plan.end if plan.end >= 0 else len(sheet.rows)
    for r in range(plan.start, end):
        if text_at(sheet.rows[r], at):
            return None
    return _given(sheet, header, ratings[0], scales, notes) if names else None


def _given(sheet: Sheet, header, column, scales: Scales, notes: Notes) -> Sheet | None:
    """The label the title rows and the name give, written on every member's row up to the
    table's end: under ``column`` (a rating column left blank), else in a new column after the
    last text of the header and the rows."""
    said = _said(sheet, header.first_row, scales)
    meanings = {match_label(label, scales).meaning.means for _text, label in said}
    if len(meanings) != 1:
        return None
    text, label = said[0]
    names = [c.index for r in _NAMES for c in header.of(r)]
    start = header.last_row + 1
    end, _why = table_end(sheet, header, start, scales)
    members = [r for r in range(start, end) if any(text_at(sheet.rows[r], i) for i in names)]
    if not members:
        return None
    rows = list(sheet.rows)
    if column is not None:
        at, written = column.index, [(r, label) for r in members]
    else:
        at = 1 + max(
            max((i for i in range(min(len(sheet.rows[r]), 60)) if text_at(sheet.rows[r], i)), default=-1)
            for r in [header.last_row, *members]
        )
        written = [(header.last_row, rating_header(scales)), *((r, label) for r in members)]
    for r, value in written:
        row = list(rows[r]) + [""] * max(0, at + 1 - len(rows[r]))
        row[at] = value
        rows[r] = row
    said_where = dict(count=len(members), label=label, said=text[:80])
    notes.warn(
        _(
            "no rating column: every member on the sheet ({count}) given '{label}', read from '{said}' (a title or "
            "the sheet's name, not a cell of each row); check with ccq-stats inspect"
        ).format(**said_where)
        if column is None
        else _(
            "the rating column '{header}' is blank on every row: every member on the sheet ({count}) given "
            "'{label}', read from '{said}' (a title or the sheet's name, not a cell of each row); check with "
            "ccq-stats inspect"
        ).format(header=column.header, **said_where),
        sheet.where(),
    )
    return dataclasses.replace(sheet, rows=rows)
