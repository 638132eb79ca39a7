"""Every column of a table is accounted for: read, or not read for a stated reason.

The reader's silent errors shared one cause: a column that carried ratings was not used and
nothing said so. So, once the plan of a table is made (for both readers: they plan alike), each
non-empty column that no role reads gets a reason (``header.Ignored``) that ``inspect`` shows, and
a column that carries rating labels is never left in silence:

* the labels are the exemplary part of the top tier ("TSVM tiêu biểu" in a "Danh hiệu" column, or
  in the notes) beside a rating column: the column is read as the exemplary tick of that rating,
  as a careful person reads an award named beside the rating;
* a label that says the same as the row's own rating (a "Miễn đánh giá" repeated in the notes), or
  that says a member left (the rule for members who left reads it): nothing more to read;
* any other label – another year's rating with no year to tell, a second decision, a label typed
  in the notes – stops the run with one line naming the column and the ``--column`` that settles it;
  where the user named the rating column (--column rating=…), the choice is made: a warning names
  the column not read.

A column not read for a reason the user or the reader stated (``SETTLED``: --column ignore, a
self-rating beside the decision, a hidden column …) is not looked at again. A block beyond an empty
column is not settled by being there: another table with the same header is read as a table
(``side_by_side``), a summary beside the table (each tier once, its count right of it) is a summary,
and a column of ratings there otherwise stops the run like any other. The cells looked at are those of the first rows of the table (``HEAD_ROWS`` of the
sheet), the rows both readers plan from, so that a file's size never changes the verdict.
"""

from __future__ import annotations

from ccq_stats.errors import InputError, column_letter
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import is_number
from ccq_stats.reading.grid import text_at
from ccq_stats.reading.header import MAX_HEADER_TEXT, SCAN_ROWS, Column, Ignored, Source, ignored, points_column
from ccq_stats.vocabulary.scales import Scales

HEAD_ROWS = SCAN_ROWS + 2  # the rows of a sheet the column reader plans from (by_columns): the same here
# reasons that settle a column whatever its cells: said by the user, or by a warning, or another table's
SETTLED = (
    Ignored.MAPPED,
    Ignored.PROPOSED,
    Ignored.MIRROR,
    Ignored.SPLIT,
    Ignored.HIDDEN,
    Ignored.SECOND,
    Ignored.SHARE,
    Ignored.SCORE,
    Ignored.SELF_SCORE,
    Ignored.PROPOSED_SCORE,
    Ignored.OTHER_SCORE,
    Ignored.STAFF_RATING,
    Ignored.PERIOD,  # a quarter's or the mid-year review: labels of another period, by its header's words  # the agency's rating of its staff: labels of another rating, by its header's words
)
_EXPLAINS = ("exempt", "not_rated")  # a status in the notes beside a blank rating: why it is blank
_NOT_A_RATING = ("left",)  # a label that says a member left is read by the members-who-left rule


def _label(value, scales: Scales):
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_HEADER_TEXT:
        return None
    return match_label(value, scales)


def account_columns(plan, scales: Scales, notes, until: int | None = None) -> None:
    """Give every unread non-empty column of the plan's table its reason (``plan.ignored``); read a
    column of exemplary labels as the exemplary tick; refuse a column of other labels left unread.
    ``until``: the first row of another table below this one (its columns are its own)."""
    sheet, header = plan.sheet, plan.header
    rows = sheet.rows
    end = min(len(rows), HEAD_ROWS) if plan.end < 0 else min(len(rows), HEAD_ROWS, plan.end)
    end = min(end, until) if until is not None else end
    sample = range(plan.start, end)
    read = {c.index for c in header.columns if c.reason is None}
    # not read: by the header's words ("Ghi chú": kept in the header, the notes of the left-members rule), or set aside
    unread = {c.index: c for c in header.columns if c.reason is not None} | {c.index: c for c in plan.ignored}
    width = max([len(rows[r]) for r in range(header.first_row, end)] + [len(header.cells)], default=0)
    ratings = header.of("rating")
    for i in range(width):
        if i in read:
            continue
        text = header.cells[i] if i < len(header.cells) else ""
        if sheet.ragged and i >= max((k + 1 for k, cell in enumerate(header.cells) if cell), default=0):
            continue  # a CSV row longer than its header: the ragged-row rule names it (a delimiter inside a value)
        column = unread.get(i)
        if column is not None and column.reason in SETTLED:
            continue
        cells = [(r, rows[r][i]) for r in sample if i < len(rows[r]) and text_at(rows[r], i)]
        if column is None and not cells and not text:
            continue  # an empty column: nothing to account for
        if column is None:
            column = points_column(i, text, [v for _r, v in cells], scales) or ignored(i, text, Ignored.UNKNOWN)
            plan.ignored.append(column)
        labels = [
            (r, v, found)
            for r, v in cells
            if (found := _label(v, scales)) is not None and found.meaning.means not in _NOT_A_RATING
        ]
        if not labels:
            continue
        if column.reason == Ignored.BEYOND_EMPTY and _summary_beside(rows, i, labels):
            continue  # "HTXSNV | 10": a COUNTIF summary beside the table, each tier once with its count
        if (
            ratings
            and "units" in plan.shapes
            and all(f.meaning.exemplary and f.meaning.tier == "top" for _r, _v, f in labels)
        ):
            # "TSVM tiêu biểu" named beside the rating: the award among the top tier, read as its tick
            if column in plan.ignored:
                plan.ignored.remove(column)
            if column in header.columns:
                header.columns.remove(column)
            header.columns.append(
                Column(
                    i,
                    "exemplary_flag",
                    text,
                    ratings[0].year,
                    labels[0][2].meaning,
                    Source.CONTENT,
                    detail=f"{len(labels)}/{len(cells)}",
                )
            )
            continue
        if not ratings and _says_blank_ticks(rows, header.of("count"), labels):
            continue  # "Miễn đánh giá" in the notes of a member ticked nowhere: the notes rule reads it
        rated = sum(any(_label(rows[r][c.index], scales) for c in ratings if c.index < len(rows[r])) for r in sample)
        # a label here and there that repeats the row's rating is a note ("Miễn đánh giá" again); a column
        # of them is another rating, whatever it says
        sparse = len(labels) <= rated / 2
        stray = [
            (r, v)
            for r, v, found in labels
            if not (sparse and _same_as_rating(rows[r], ratings, found, scales))
            and not _explains_blank(rows[r], header, found)
        ]
        if stray and any(c.source == Source.MAPPED for c in ratings):
            notes.warn(
                _(
                    "column {column} ('{header}') holds rating labels and is not read: the rating counted is "
                    "'{rating}', as --column says"
                ).format(column=column_letter(i), header=text, rating=ratings[0].header),
                sheet.where(),
            )
        elif stray:
            r, value = stray[0]
            raise InputError(
                _(
                    "column {column} ('{header}') holds rating labels ({count} in the first rows) and is not read"
                ).format(column=column_letter(i), header=text or "", count=len(labels)),
                where=sheet.where(r + 1, i, text or None),
                value=value,
                hint=(
                    _(
                        "if it is the rating to count: --column rating='{header}'; if it is not (another year, a "
                        "proposal, a note): --column ignore='{header}'"
                    ).format(header=text)
                    if text
                    else _("give the column a header, then --column rating=HEADER or --column ignore=HEADER")
                ),
            )


def _explains_blank(row: list, header, found) -> bool:
    """Is the label a status ("Miễn đánh giá (tuổi cao)", "Chưa đánh giá") on a row with no rating
    of its own – no label under a rating column, no tick under a tier? Then it says why the rating
    is blank, and the readers read it so (``column_rules.explained_blanks``)."""
    if found.meaning.means not in _EXPLAINS:
        return False
    own = [c.index for c in header.columns if c.role in ("rating", "count")]
    return not any(text_at(row, i) for i in own)


def _says_blank_ticks(rows: list, ticks: list, labels: list) -> bool:
    """In a list ticked under the tiers, are the labels statuses (exempt, not rated) on rows ticked
    nowhere? Then they say why those rows have no tick – what a careful person reads there, and the
    rule for blank ratings (``column_rules.explained_blanks``) reads them so."""
    return bool(ticks) and all(
        found.meaning.tier is None and not any(c.index < len(rows[r]) and text_at(rows[r], c.index) for c in ticks)
        for r, _v, found in labels
    )


def _summary_beside(rows: list, i: int, labels: list) -> bool:
    """Is a column beyond an empty column a summary's (each tier or status once, its count right of
    it), rather than a table's ratings (the same tier on many rows)?"""
    meanings = [found.meaning for _r, _v, found in labels]
    return len(set(meanings)) == len(meanings) and all(
        i + 1 < len(rows[r]) and is_number(rows[r][i + 1]) for r, _v, _f in labels
    )


def _same_as_rating(row: list, ratings: list[Column], found, scales: Scales) -> bool:
    """Does a label repeat what the row's own rating says (the same tier or status)?"""
    for column in ratings:
        own = _label(row[column.index], scales) if column.index < len(row) else None
        if own is not None and own.meaning == found.meaning:
            return True
    return False


_SHEET_SCAN = 2000  # rows of a skipped sheet looked at for ratings: enough to see a page of a list


def check_sheet_skipped(sheet, scales: Scales) -> None:
    """A sheet with no header found is skipped; if it holds ratings – a label on several rows, some
    label more than once (a key or a list of the labels to choose from has each once), not followed
    by a count (a sheet of figures: "HTTNV | 25 | 60%") – they would
    go uncounted in silence: stop, naming the first (issue 18 §2: every rating on a sheet is counted
    or skipped for a stated reason). A page of a list whose header is on another sheet is one."""
    found, meanings = [], set()
    for r in range(min(len(sheet.rows), _SHEET_SCAN)):
        row = sheet.rows[r]
        for i in range(min(len(row), 60)):
            text = text_at(row, i)
            if text and len(text) < MAX_HEADER_TEXT and (label := match_label(text, scales)) is not None:
                if i + 1 < len(row) and is_number(row[i + 1]):
                    break  # "HTTNV | 25 | 60%": a figure's label and its count, not a rating given
                found.append((r, i, text))
                meanings.add(label.meaning)
                break  # one label per row: a row's rating
    if len(found) >= 3 and len(found) > len(meanings):
        r, i, text = found[0]
        raise InputError(
            _(
                "no header found above {count} rows with a rating (first: row {row}, column {column}: '{label}'): they would not be counted"
            ).format(count=len(found), row=r + 1, column=column_letter(i), label=text),
            where=sheet.where(),
            hint=_(
                "give the sheet its header row (STT | Họ và tên | Xếp loại …), as on the other sheets, or say where "
                "it is: --header-row N --column rating='HEADER'"
            ),
        )
