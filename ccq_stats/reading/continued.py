"""A sheet that continues the table of the sheet before it: a PDF turned back into Excel one sheet
per page ("Table 1", "Table 2" …), a long list split over sheets, where only the first has the title
and the header and the next ones start with data rows.

A careful clerk reads such a sheet as more rows of the list before it when its rows have the same
columns, holding the same kinds of values (numbers under the numbers, names under the names, rating
labels under the ratings), from its first filled row on. So does the reader: the sheet is read with
the previous table's plan (its columns, year, kind, key), from its first row to its own end, and a
warning names both sheets, since the sheet's own cells say nothing of what its columns are (a weak
signal, issue 18 §4). Continuing a table is reading it: every rating on the sheet is counted or
skipped for a stated reason, as on any table (reading/account.py). A sheet whose first filled row is
not such a row (a title, a header of its own, other columns) is planned on its own, as before.

A sheet that names no year of its own (no title, none in its name, no year column) – a page that
repeats the header printed on every page, the sheet of the exempt beside the sheet of the rated – is
read on its own with the year of the table before it in the workbook (``inherited_year``), said in
a warning; before, the year in the file's name, or a stop.
"""

from __future__ import annotations

import copy
import dataclasses

from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.account import account_columns
from ccq_stats.reading.cells import is_number
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header import MAX_HEADER_TEXT, find_header
from ccq_stats.reading.plan import SheetPlan, table_end
from ccq_stats.reading.rating_year import sheet_year, title_year
from ccq_stats.vocabulary.scales import Scales

SAMPLE = 30  # rows of the previous table whose kinds of values make its profile
FIRST = 5  # rows at the top of the next sheet checked against it
WIDTH = 60


def _kind(value, scales: Scales) -> str:
    """What a cell holds, as a careful eye sorts it: "" (blank), a number, a rating label, text."""
    text = text_at([value], 0)
    if not text:
        return ""
    if is_number(value) or text.replace(",", "").replace(".", "").isdigit():
        return "number"
    if len(text) < MAX_HEADER_TEXT and match_label(text, scales) is not None:
        return "label"
    return "text"


def _profile(plan: SheetPlan, scales: Scales) -> tuple[list[set], set[int]] | None:
    """(the kinds seen in each column of the table's first data rows, the columns filled on
    every one of them), or None when the table has too few rows to tell."""
    rows = plan.sheet.rows
    end = plan.end if plan.end >= 0 else len(rows)
    sample = [rows[r] for r in range(plan.start, min(end, plan.start + SAMPLE)) if _filled(rows[r]) >= 2]
    if len(sample) < 2:
        return None
    kinds = [{_kind(row[i], scales) for row in sample if i < len(row)} - {""} for i in range(WIDTH)]
    always = {i for i in range(WIDTH) if all(i < len(row) and text_at(row, i) for row in sample)}
    return kinds, always


def _filled(row: list) -> int:
    return sum(1 for i in range(min(len(row), WIDTH)) if text_at(row, i))


def _continues(previous: SheetPlan, sheet: Sheet, scales: Scales) -> bool:
    """Do the sheet's first filled rows read as rows of the previous table: every cell under a
    column that held that kind of value, every column filled on each of its rows filled here too,
    and a rating where the table has its rating column?"""
    profile = _profile(previous, scales)
    if profile is None or previous.sheet.file != sheet.file or sheet_year(sheet) not in (None, previous.year):
        return False  # a sheet named for another year is that year's, whatever its columns
    kinds, always = profile
    ratings = {c.index for c in previous.ratings}
    end, _why = table_end(sheet, previous.header, 0, scales)  # a signature under a short page is not a row
    # rows of two cells or more: a page's label ("Trang 2") or a heading alone on its row is no row of data
    top = [row for row in sheet.rows[: min(end, FIRST * 4)] if _filled(row) >= 2][:FIRST]
    rated = False
    for row in top:
        cells = {i: _kind(row[i], scales) for i in range(min(len(row), WIDTH)) if text_at(row, i)}
        if any(kind not in kinds[i] for i, kind in cells.items()) or not always <= cells.keys():
            return False
        rated |= any(cells.get(i) == "label" for i in ratings)
    return bool(top) and (rated or not ratings)  # a list of ratings goes on with ratings under its column


def continued_plan(previous: SheetPlan | None, sheet: Sheet, scales: Scales, notes: Notes) -> SheetPlan | None:
    """The plan that reads the sheet as more rows of the previous sheet's table, or None where the
    sheet does not continue it."""
    if previous is None or sheet.hidden or not _continues(previous, sheet, scales):
        return None
    header = copy.deepcopy(previous.header)
    header.first_row = header.last_row = 0  # none of its own: the data starts on its first row
    plan = dataclasses.replace(
        previous,
        sheet=sheet,
        header=header,
        start=0,
        skipped={},
        ignored=copy.deepcopy(previous.ignored),
        other_header=None,
        collection=None,
        continues=previous.continues
        or (previous.sheet.name, previous.header.first_row + 1, previous.header.last_row + 1),
    )
    plan.end, plan.end_why = table_end(sheet, header, 0, scales)
    account_columns(plan, scales, notes)  # every column of it read or not read for a stated reason
    notes.warn(
        _(
            "no header of its own: read as more rows of the table on sheet '{previous}' (the same columns, the same "
            "kinds of values from its first row); check with ccq-stats inspect"
        ).format(previous=previous.sheet.name),
        sheet.where(),
    )
    return plan


def inherited_year(previous: SheetPlan | None, sheet: Sheet, scales: Scales, year: int | None) -> int | None:
    """The previous table's year, for a sheet that names none of its own – none in its name, in the
    title rows above its header, nor a year column: the next page of the same list under the header
    printed on every page, the sheet of the exempt beside the sheet of the rated. None where
    ``--year`` is given or no table before has a year. (The caller offers it as the year of last
    resort, and says so where a rating needed it.)"""
    if previous is None or year is not None or previous.year is None or sheet.hidden or sheet_year(sheet):
        return None
    header = find_header(sheet, scales)
    if header is None or header.one("year") or title_year(sheet, header, scales):
        return None
    return previous.year
