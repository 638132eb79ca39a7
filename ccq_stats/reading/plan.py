"""The plan of a sheet: what the reader understood before reading its rows.

A ``SheetPlan`` says where the header is, what each column holds, which shapes the sheet has
(``units``: organisation ratings, ``members``: member rows, ``counts``: member counts per
tier), its rating year and where that came from, and the first data row. Both readers follow
it, and ``inspect`` shows it.

The rating year comes from a year column, else the wide layout's column names ("Năm 2019"),
else the sheet name, else the title rows above the header ("… NĂM 2019", or one bare year
"… TCCS ĐẢNG 2019"; never a date "ngày 10 tháng 01 năm 2020"), else ``--year``. A year only in
the file name is not taken: a file is often named after the year it was made, the year after
the ratings; the error names the year it saw there and says to give ``--year``.

The table ends at a signature block, a date line, notes or summary lines under it
(``table_end``); rows below are not read. A "Trong đó, các chi bộ trực thuộc:" row with rows
of the table under it heads a part of the table and does not end it.

A title that names one kind of organisation ("KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC …") gives
that kind to the table's rows, as a section heading does to the rows under it (``kind``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading.account import account_columns
from ccq_stats.reading.cells import is_subset_heading, without_bullet
from ccq_stats.reading.collection import collection_header, is_instructions
from ccq_stats.reading.column_rules import is_summary_label
from ccq_stats.reading.commendation import check_not_commendation
from ccq_stats.reading.grid import Sheet, column_cells, filled, row_texts, text_at
from ccq_stats.reading.header import (
    SCAN_ROWS,
    Column,
    Header,
    Ignored,
    Source,
    find_header,
    ignored,
    is_index_row,
    is_name_part,
)
from ccq_stats.reading.issuer import grassroots_cells
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.not_data import example_table, lead_rows
from ccq_stats.reading.org_levels import two_levels
from ccq_stats.reading.other_tables import other_header
from ccq_stats.reading.rating_columns import settle_ratings
from ccq_stats.reading.rating_year import decide_year, file_name_year
from ccq_stats.reading.summary_table import starts_with, summary_top
from ccq_stats.reading.tick_blocks import decided_ticks
from ccq_stats.text import clean, legacy_encoding, norm_key, strip_marks
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of
from ccq_stats.vocabulary.terms import SINGLE_ROLES

TAIL_ROWS = 80  # a signature block, notes or summary lines are looked for in this many rows at the bottom


@dataclass
class SheetPlan:
    sheet: Sheet
    header: Header
    shapes: set[str]
    year: int | None  # the year of every row without a year cell or a year column of its own
    year_from: str  # where that year came from: "sheet name", "title", "--year", "file name" or ""
    start: int  # 0-based index of the first data row
    end: int = -1  # 0-based index past the last row of the table (-1: the end of the sheet)
    end_why: str = ""  # what ended it: "signature", "date line", "notes", "summary"
    skipped: dict = field(default_factory=dict)  # why -> Excel row numbers of the rows not read (by_rows fills it)
    ignored: list = field(default_factory=list)  # header columns that are not read (Column.reason says why)
    kind: tuple | None = None  # (kind, subject) the title names for every row of the table ("… CHI BỘ TRỰC THUỘC …")
    other_header: int | None = None  # 0-based row of a second table's own header under this table's rows
    collection: dict | None = None  # the marker of our collection workbook that fixed this plan (reading/collection.py)
    key: dict = field(default_factory=dict)  # code -> label: the key of ratings written as codes (reading/legend.py)
    continues: tuple | None = (
        None  # (sheet, header's first and last Excel row) of the table this one continues (continued.py)
    )

    def skip(self, why: str, rows) -> None:
        if len(rows):
            self.skipped.setdefault(why, []).extend(int(r) for r in rows)

    @property
    def ratings(self) -> list[Column]:
        return self.header.of("rating") if self.shapes & {"units", "members"} else []

    @property
    def counts(self) -> list[Column]:
        return self.header.of("count") if "counts" in self.shapes else []


def kinds_named(text: str, scales: Scales) -> set[tuple]:
    """Every kind of organisation a title names, the longest name at each place ("CHI BỘ TRỰC
    THUỘC ĐẢNG ỦY CƠ SỞ" is one kind: chi bộ trực thuộc, not also đảng ủy cơ sở)."""
    from ccq_stats.vocabulary.scales import Words

    words, out, i = words_of(text), set(), 0
    names = [
        (tuple(key.split()), found) for key, found in scales.kinds.items() if found[1] != "by_parent" and " " in key
    ]  # "Chi bộ" alone names no kind of table
    while i < len(words):
        rest = Words(words[i:], words.marked)
        size, found = max(((len(n), f) for n, f in names if find_phrase(rest, (True, n)) == 0), default=(1, None))
        if found:
            out.add(found)
        i += size
    return out


def title_kind(sheet: Sheet, header: Header, scales: Scales) -> tuple | None:
    """The (kind, subject) of a table's rows when its title (or its sheet's name) names one kind
    of organisation and only one: "KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC …" lists chi bộ trực thuộc."""
    texts = [sheet.name or ""] + [" ".join(row_texts(sheet.rows[r])) for r in range(header.first_row)]
    named = set().union(*(kinds_named(t[:300], scales) for t in texts if t))
    return named.pop() if len(named) == 1 else None


def table_end(sheet: Sheet, header: Header, start: int, scales: Scales) -> tuple[int, str]:
    """(row index past the table, why) – the first row, among the last ``TAIL_ROWS``, that begins a
    signature block, a date line, notes or summary lines, and holds no rating of its own."""
    rows = sheet.rows
    values = [c.index for c in header.columns if c.role == "rating"]
    for r in range(max(start, len(rows) - TAIL_ROWS), len(rows)):
        row = rows[r]
        texts = [t for t in (text_at(row, i) for i in range(min(len(row), 60))) if t]
        if not texts or any(match_label(text_at(row, i), scales) for i in values if text_at(row, i)):
            continue
        first = without_bullet(texts[0], scales)
        if any(scales.words.date.search(strip_marks(t.casefold())) for t in texts if len(t) < 200):
            return r, "date line"
        if starts_with(first, scales.table_end) and not (
            is_subset_heading(first, scales) and _data_below(rows, r, header, scales)
        ):
            return r, "signature or notes"
        if is_summary_label(first, scales):
            return summary_top(rows, r, start, scales), "summary"  # with its heading ("TỔNG HỢP | Số lượng")
    return len(rows), ""


def _data_below(rows: list, r: int, header: Header, scales: Scales) -> bool:
    """Do rows of the table follow row r: a rating label under a rating column, or a count under
    a count column? Then row r ("Trong đó, các chi bộ trực thuộc:") heads a part of the table,
    it does not end it. (Under a signature block a list of other people is not the table's: the
    table ends at the signature whatever follows it.)"""
    ratings = [c.index for c in header.columns if c.role == "rating"]
    counts = [c.index for c in header.columns if c.role == "count"]
    for row in rows[r + 1 :]:
        if any(match_label(text_at(row, i), scales) for i in ratings if text_at(row, i)):
            return True
        if (
            not ratings
            and sum(isinstance(row[i], (int, float)) and not isinstance(row[i], bool) for i in counts if i < len(row))
            >= 2
        ):
            return True
    return False


def expected_hint(shape: str | None) -> str:
    """What the header of a sheet of this shape needs, for the hint of an error (in the user's language)."""
    if shape == "units":
        return _(
            "an organisation column (Tên tổ chức cơ sở đảng) and a rating column (Xếp loại, or Năm 2015 … Năm 2019)"
        )
    if shape == "members":
        return _("a name column (Họ và tên), a unit column (Chi bộ) and a rating column (Xếp loại)")
    if shape == "counts":
        return _("an organisation column and count columns per tier (HTXSNV, HTTNV, HTNV, KHTNV, Miễn đánh giá …)")
    return _(
        "the header needs a rating column (Xếp loại, Năm 2019 …), count columns per tier (HTXSNV …) "
        "or a name column (Họ và tên); use --kind units|members|counts to say which"
    )


def _shapes(header: Header, shape: str | None, sheet: Sheet) -> set[str]:
    has = {c.role for c in header.columns}
    if "member_id" in has:  # a member list may carry card numbers instead of names (anonymised)
        has.add("member")
    shapes = set()
    if "member" in has and "rating" in has:
        shapes.add("members")
    elif "member" in has and "count" in has:
        shapes.add("members")  # an "x" under HTXSNV … KHTNV on each member's row
    elif "member" not in has:
        if "rating" in has:
            shapes.add("units")
        if "count" in has:
            shapes.add("counts")
    if shape:
        if shape not in shapes:
            raise InputError(
                _("no column for --kind {kind} found").format(kind=shape),
                where=sheet.where(header.first_row + 1),
                hint=expected_hint(shape),
            )
        shapes = {shape}
    if not shapes:
        raise InputError(
            (
                _("no rating or count column found beside the member names in the header used ({header})")
                if "member" in has
                else _("no rating or count column found in the header used ({header})")
            ).format(header=header.shown()),
            where=sheet.where(header.first_row + 1),
            hint=_("{expected}; or say which column is which: --column rating='HEADER' (see ccq-stats inspect)").format(
                expected=expected_hint(None)
            ),
        )
    return shapes


def check_sheet(sheet: Sheet, limits: Limits) -> None:
    """Refuse what is not a rating table before looking for its header: too wide, or typed in a
    legacy Vietnamese encoding (which needs converting, not normalising)."""
    top = sheet.rows[:SCAN_ROWS]
    width = max((max((i + 1 for i, v in enumerate(row) if filled(v)), default=0) for row in top), default=0)
    if width > limits.max_columns:
        raise InputError(
            _("{width} columns, over the limit of {limit}; this is not a rating table").format(
                width=number(width), limit=number(limits.max_columns)
            ),
            where=sheet.where(),
            hint=_("keep the rating table on its own sheet, or raise CCQ_MAX_COLUMNS (see SECURITY.md)"),
        )
    text = " ".join(clean(v) for row in top for v in row[:50] if isinstance(v, str))
    encoding = legacy_encoding(text)
    if encoding:
        raise InputError(
            _("the text is typed in the legacy {encoding} encoding").format(encoding=encoding),
            where=sheet.where(),
            hint=_(
                "convert the file to Unicode first (e.g. Unikey's converter, from {encoding} to Unicode), "
                "then save it again"
            ).format(encoding=encoding.split()[0]),
        )


class NotATable(Exception):
    """A sheet that holds figures but no list to read (a summary of tiers by year): skipped."""


def _cross_tab(sheet: Sheet, header: Header, start: int, scales: Scales) -> bool | str:
    """A summary table: rating labels down the first column, numbers under the year columns; or ("tiers")
    each tier once down a rating column, counts beside, no organisation or member ("Mức xếp loại | Số lượng")."""
    ratings = header.of("rating")
    if not ratings:
        return False
    sample = [row for row in sheet.rows[start : start + 40] if any(filled(v) for v in row)]
    if len(sample) < 2:
        return False

    def numbers(i: int) -> int:
        return sum(1 for r in sample if i < len(r) and isinstance(r[i], (int, float)) and not isinstance(r[i], bool))

    if len(ratings) == 1 and not header.of("org") and not header.of("member"):
        at = ratings[0].index
        said = [f.display for row in sample if at < len(row) and (f := match_label(text_at(row, at), scales))]
        labels = len(set(said)) if len(set(said)) >= 0.8 * len(said) else 0  # each tier once: the side of a summary
        numbered = {c.index for c in header.columns if c.role not in ("ignored", "share_of", "count", "total_count")}
        widest = max((numbers(i) for i in range(max(len(r) for r in sample)) if i not in numbered), default=0)
        if labels >= 0.6 * len(sample) and widest >= 0.8 * len(sample):
            return "tiers"
    first = min(c.index for c in header.columns)
    ratings = [c for c in ratings if c.index != first]
    if not ratings:
        return False
    labels = sum(1 for row in sample if first < len(row) and match_label(text_at(row, first), scales) is not None)
    return labels >= 0.6 * len(sample) and sum(numbers(c.index) for c in ratings) >= 0.8 * len(sample) * len(ratings)


def _one_of_each(header: Header, scales: Scales) -> list:
    """One column per role that a row has once (organisation, name, year …): the one the user
    mapped, else the one named exactly, else the first; the others are not read. In a list of
    organisations, two organisation columns of two levels are the chi bộ and its đảng bộ (org_levels)."""
    rank = {Source.MAPPED: 0, Source.NAME: 1}
    out = []
    for role in SINGLE_ROLES:
        found = header.of(role)
        if role == "org" and two_levels(header, found, scales):  # "Chi bộ trực thuộc" beside "Đảng bộ cơ sở"
            continue
        if len(found) < 2 or (role == "member" and all(is_name_part(c) for c in found)):
            continue  # parts of one name under a merged "Họ và tên" are read together
        keep = min(found, key=lambda c: (rank.get(c.source, 2), c.index))
        for c in found:
            if c is not keep:
                header.columns.remove(c)
                out.append(ignored(c.index, c.header, Ignored.SECOND, f"{role}={keep.header}"))
    return out


def _set_aside_proposed(header: Header, sheet: Sheet, notes: Notes) -> list:
    """A self-rating or a proposal beside the competent level's decision: the decision counts."""
    proposed, ratings = header.of("proposed"), header.of("rating")
    if not proposed:
        return []
    if not ratings:
        c = proposed[0]
        raise InputError(
            _("only a self-rating or proposed rating column ({header}); the decision that counts is missing").format(
                header=c.header
            ),
            where=sheet.where(header.last_row + 1, c.index, c.header),
            hint=_(
                "add the competent level's decision, or if this column is the final rating: --column rating='{header}'"
            ).format(header=c.header),
        )
    names = ", ".join(dict.fromkeys(f"'{c.header}'" for c in proposed))
    notes.warn(
        _("{columns} not counted (a self-rating or proposal); the decision in '{rating}' counts").format(
            columns=names, rating=ratings[0].header
        ),
        sheet.where(),
    )
    for c in proposed:
        header.columns.remove(c)
    return [ignored(c.index, c.header, Ignored.PROPOSED, ratings[0].header) for c in proposed]


def _score_used(header: Header, sheet: Sheet, notes: Notes) -> list:
    """The one score a row carries (QĐ 366, HD 27: out of 100): the decided score; where the sheet
    has none, the score the chi bộ or committee proposed (a member list often stops there: the
    competent level decides the rating, written beside it). A self-score alone is not used (said
    once). Of two columns of one kind, one given with --column wins, else the rightmost (the later
    level of a sheet filled left to right). The others stay in the sheet, not read (reason: score,
    detail: the score used)."""
    decided, proposed, own = header.of("score"), header.of("score_proposed"), header.of("score_self")
    if not (decided or proposed or own):
        return []
    kept = decided or proposed
    if not kept:
        c = own[0]
        notes.warn(
            _("only a self-score column ({header}): not used; the decided score is missing").format(header=c.header),
            sheet.where(),
        )
        for c in own:
            header.columns.remove(c)
        return [ignored(c.index, c.header, Ignored.SELF_SCORE, "—") for c in own]
    used = max(kept, key=lambda c: (c.source == Source.MAPPED, c.index))
    if used.role == "score_proposed":
        used.detail = (used.detail + "; " if used.detail else "") + "proposed: no decided score given"
    used.role = "score"
    out = []
    for c in decided + proposed + own:
        if c is not used:
            header.columns.remove(c)
            reason = {"score_self": Ignored.SELF_SCORE, "score_proposed": Ignored.PROPOSED_SCORE}.get(
                c.role, Ignored.OTHER_SCORE
            )
            out.append(ignored(c.index, c.header, reason, used.header))
    return out


def next_table(sheet: Sheet, plan: SheetPlan) -> int | None:
    """Where another table starts below this one on the same sheet – a row that repeats the
    header (2019's table under 2018's), or a header of its own (``plan.other_header``: "TT | Tổ
    chức cơ sở đảng | Kết quả xếp loại" where this table has its ratings) – with the title and
    blank rows above it; or None."""
    header, rows = plan.header, sheet.rows
    last = rows[header.last_row]
    keys = [(c.index, norm_key(text_at(last, c.index))) for c in header.columns if text_at(last, c.index)]
    if len(keys) < 2:
        return None
    (first_index, first_key), end = keys[0], plan.end if plan.end >= 0 else len(rows)
    initial = first_key[:1]
    if plan.other_header is not None:
        end = plan.other_header
    for r, value in enumerate(column_cells(rows, first_index, plan.start, end), plan.start):
        if not isinstance(value, str) or value.lstrip()[:1].casefold() != initial or norm_key(value) != first_key:
            continue  # most rows: one look at the first letter of one cell
        row = rows[r]
        if all(norm_key(text_at(row, i)) == key for i, key in keys):
            return _table_top(rows, r - (header.last_row - header.first_row), plan)
    return _table_top(rows, plan.other_header, plan) if plan.other_header is not None else None


def _table_top(rows: list, top: int, plan: SheetPlan) -> int:
    while top > plan.start and sum(filled(v) for v in rows[top - 1][:60]) < 2:
        top -= 1  # its title and the blank rows above it belong to it
    return top


def _refuse_organisation_counts(header: Header) -> None:
    """Counts that are not of members per organisation: counts of organisations per tier ("Số chi
    bộ trực thuộc", or the tiers under a merged "Chi bộ trực thuộc"), or counts per host type
    ("Loại hình" where the organisation's name would be: a summary of the bloc by loại hình)."""
    has = {c.role for c in header.columns}
    if has & {"rating", "member", "member_id"}:
        return
    if "unit_count" in has and not header.of("count"):
        c = header.of("unit_count")[0]
        raise NotATable(
            _(
                "counts of organisations per tier ('{header}'), not of members nor a list of "
                "organisations with their ratings"
            ).format(header=c.header)
        )
    if "host_type" in has and "org" not in has and "count" in has:
        raise NotATable(
            _(
                "counts per host type ('{header}'), a summary of the bloc, not one row per organisation "
                "nor a list of organisations with their ratings"
            ).format(header=header.one("host_type").header)
        )


def plan_sheet(
    sheet: Sheet, scales: Scales, year: int | None, shape: str | None, notes: Notes, mapping=None
) -> SheetPlan | None:
    """The plan of a sheet, or None when no header is found; refuses what cannot be read: two
    rating columns, no year anywhere. ``mapping`` (--header-row, --column) steers the header."""
    header, marker = None, None
    if sheet.collection and not is_instructions(sheet) and not mapping:  # the user's mapping steers, always
        header, marker = collection_header(sheet, scales, notes) or (None, None)
    if header is None:
        header = find_header(sheet, scales, mapping)
    if header is None:
        return None
    if not (mapping and mapping.header_row) and (why := example_table(sheet, header, scales)):
        raise NotATable(why)  # an example on the form's instructions (not_data.py): never counted
    set_aside = decided_ticks(header, sheet, scales, notes) + _set_aside_proposed(header, sheet, notes)
    set_aside += _score_used(header, sheet, notes) + _one_of_each(header, scales)
    if header.of("rating"):
        for column in header.of("count"):
            if column.meaning.exemplary:  # "Trong đó: TSVM tiêu biểu" ticked beside the ratings
                column.role = "exemplary_flag"
    if header.dropped and any(why == Ignored.HIDDEN for _index, _header, why in header.dropped):
        shown = ", ".join(f"'{h}'" for _index, h, why in header.dropped if why == Ignored.HIDDEN)
        notes.warn(_("hidden column(s) {columns} skipped").format(columns=shown), sheet.where())
    _refuse_organisation_counts(header)
    shapes = _shapes(header, shape, sheet)
    fixed, year_from = decide_year(sheet, header, marker, year, notes, scales)
    if header.of("unit_count") and "counts" in shapes:
        c = header.of("unit_count")[0]
        raise NotATable(
            _(
                "counts of organisations per tier ('{header}'), not of members nor a list of "
                "organisations with their ratings"
            ).format(header=c.header)
        )
    if crossed := _cross_tab(sheet, header, header.last_row + 1, scales):
        raise NotATable(
            _("a summary table (rating labels down the side, their counts beside them), not a list of organisations")
            if crossed == "tiers"
            else _(
                "a summary table (rating labels down the side, numbers under the years), not a list of "
                "organisations or members"
            )
        )
    plan = SheetPlan(sheet, header, shapes, fixed, year_from if fixed else "", header.last_row + 1)
    plan.collection = marker
    if "members" not in shapes and not marker:  # a collection sheet's kinds are in its kind column
        plan.kind = title_kind(sheet, header, scales) or grassroots_cells(sheet, header, scales, notes)
    plan.ignored = set_aside + [ignored(i, h, why) for i, h, why in header.dropped]
    ratings, counts = settle_ratings(plan, scales, notes)  # what two rating columns may say (rating_columns.py)
    if len(ratings) > 1 and any(c.year is None for c in ratings):
        a, b = ratings[:2]
        raise InputError(
            _("two rating columns ({first}, {second}); the one to count is unclear").format(
                first=a.header, second=b.header
            ),
            where=sheet.where(header.last_row + 1, b.index, b.header),
            hint=_(
                "say which one counts: --column rating='{second}' --column ignore='{first}' (or the other way)"
            ).format(first=a.header, second=b.header),
        )
    needs_year = not header.one("year") and any(c.year is None for c in ratings + counts)
    if needs_year and not fixed and (named := file_name_year(sheet.file)):
        # a careful person reads "xep_loai_tccs_2020.xlsx" as the 2020 ratings; a weak signal, so said
        plan.year, plan.year_from = named, "file name"
        notes.warn(
            _(
                "rating year {year} read from the file name alone (no year column, sheet name or title gives it); "
                "if {year} is not the year rated, give --year"
            ).format(year=named),
            sheet.where(),
        )
    elif needs_year and not fixed:
        raise InputError(
            _("no rating year: no year column, no year in the sheet name or title"),
            where=sheet.where(header.first_row + 1),
            hint=_("add a 'Năm' column, name the sheet 'Năm 2019', or give --year 2019"),
        )
    if plan.start < len(sheet.rows) and is_index_row(sheet.rows[plan.start]):
        plan.skip("index row", [plan.start + 1])
        plan.start += 1
    for why, rows in lead_rows(plan, scales, notes).items():  # instructions and examples under the header
        plan.skip(why, [r + 1 for r in rows])
    plan.end, plan.end_why = table_end(sheet, header, plan.start, scales)
    plan.other_header = other_header(sheet, plan, scales)
    check_not_commendation(sheet, plan, scales)  # a list of those commended is not the year's list
    account_columns(
        plan, scales, notes, next_table(sheet, plan)
    )  # every column read or not read for a stated reason; ratings never in silence
    return plan
