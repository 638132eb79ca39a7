"""The rows under a header -> tidy records (records.py), column by column: the row reader.

It reads every layout the header finder knows and is the reference for ``by_columns``. A sheet
of 200,000 members must read in about the time pandas takes to read the file, so nothing here
loops over rows in Python: each column is cleaned once per distinct value (``pd.factorize``),
and blank, totals and section rows, years, kinds, counts and checks are masks over whole
columns. Only the rare rows that need a message (an error, a totals row, a section heading)
are looked at one by one.

The count sheets' figures and checks are in ``rows_counts``; the records of masked rows in ``rows``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.agreement import read_agreements
from ccq_stats.reading.cells import (
    blank_member_rating_error,
    is_disciplined,
    is_number,
    is_tick,
    no_year_error,
    parse_score,
    parse_year,
    unknown_kind_error,
)
from ccq_stats.reading.column_rules import (
    coded,
    explained_blanks,
    lead_columns,
    left_warning,
    notes_columns,
    stop_at_first_fault,
    totals_among,
)
from ccq_stats.reading.grid import FormulaError, merged_range, trimmed
from ccq_stats.reading.header_columns import Source
from ccq_stats.reading.identity import member_keys
from ccq_stats.reading.legend import codes_warning, read_codes
from ccq_stats.reading.member_years import admitted_warning, admitted_years, not_members, outside_years
from ccq_stats.reading.membership import not_members_warning, staff_not_members
from ccq_stats.reading.merged_down import merged_down_ranges, merged_down_warning
from ccq_stats.reading.pending import check_rows
from ccq_stats.reading.plan import SheetPlan
from ccq_stats.reading.rating_columns import check_mirrors, read_split
from ccq_stats.reading.row_roles import (
    heading_org,
    heading_rows,
    indented_rows,
    left_rows,
    member_groups,
    not_there,
    numbered_orgs,
    parent_headings,
    path_parents,
    row_kinds,
    section_kinds,
    section_marks,
    section_statuses,
    sheet_org,
    starts_with_kind,
    sub_rows,
    subset_rows,
    summary_rows,
    top_parents,
    top_warning,
)
from ccq_stats.reading.rows import (  # noqa: F401 - empty, pick_year, parsed kept importable here
    SheetRows,
    empty,
    first,
    mapped,
    need_years,
    parse_each,
    parsed,
    pick_year,
    records_of,
)
from ccq_stats.reading.rows_counts import (
    check_totals_rows,
    count_records,
    group_sums,
    sub_rows_in_parent,
    ticked_tier,
    unticked_as_blank,
)
from ccq_stats.reading.sum_rows import totals_by_sum
from ccq_stats.text import clean
from ccq_stats.vocabulary.scales import SINGLE_ROLES, Scales

_ROLES = (*SINGLE_ROLES, "score")  # the columns looked up one per role (scores: one per table read)
_DESCRIBING = ("parent", "kind", "host_type", "year")  # merged down: each row under the merge has the value


def sheet_records(plan: SheetPlan, scales: Scales, notes: Notes) -> pd.DataFrame:
    """The tidy records of one sheet under its plan (labels not yet classified)."""
    sheet, header, shapes, fixed_year = plan.sheet, plan.header, plan.shapes, plan.year
    end = plan.end if plan.end >= 0 else len(sheet.rows)
    col = {role: header.one(role) for role in _ROLES}
    below = next((c for c in header.of("org") if c.source == Source.SUB_LEVEL), None)  # "Chi bộ trực thuộc"
    col["org"] = next((c for c in header.of("org") if c is not below), None)
    fill = {col[r].index for r in _DESCRIBING if col[r]} | (
        {col["org"].index} if col["org"] and "members" in shapes else set()
    )
    # a rating written once and merged down over the rows of its tier is each row's rating
    seq = col["seq"].index if col["seq"] else None
    merged_down = merged_down_ranges(sheet, [c.index for c in plan.ratings], plan.start, end, seq)
    if merged_down:
        fill |= {c.index for c in plan.ratings}
        notes.warn(merged_down_warning(merged_down), sheet.where())
    data = SheetRows(sheet, header, plan.start, end, fill, scales)
    _skip_around(plan, end)
    check_mirrors(plan, scales)  # a code column beside the ratings says the same on every row
    read_split(plan, data)  # a rating split over two columns by a group of members: one column (rating_columns)
    for c in plan.ratings if plan.key else []:  # "2" under "Xếp loại (ký hiệu)", "Ký hiệu: 2 - HTTNV" above
        read, codes = read_codes(data.text(c.index), plan.key, scales)
        if codes:
            data.read_as(c.index, read)
            notes.warn(codes_warning(c.header, codes, plan.key), sheet.where())
    if not len(data):
        return empty()
    unticked_as_blank(data, header.of("count") + header.of("exemplary_flag"), scales)  # a checkbox's FALSE
    read_agreements(plan, data, scales, notes)  # "Thống nhất" in the decision: the proposal beside it, decided
    ratings, counts = plan.ratings, plan.counts
    flags = header.of("exemplary_flag")
    used = sorted({c.index for c in header.columns if c.role not in ("share_of", "ignored")})
    lead = lead_columns(col)

    filled = {i: data.text(i) != "" for i in set(used) | set(lead)}
    nonblank = np.logical_or.reduce([filled[i] for i in filled])
    hidden = np.zeros(len(data), bool)
    if sheet.hidden_rows:
        hidden[[r - plan.start for r in sheet.hidden_rows if plan.start <= r < end]] = True
        hidden &= nonblank
        if hidden.any():
            notes.warn(
                _("{count} hidden row(s) skipped (first: row {row})").format(
                    count=int(hidden.sum()), row=data.excel_row(first(hidden))
                ),
                sheet.where(),
            )
        nonblank &= ~hidden
    plan.skip("hidden", np.flatnonzero(hidden) + data.start + 1)
    if filtered := sorted(r for r in sheet.filtered_rows if plan.start <= r < end):
        # a filter left on is a view: a careful person clears it, and counts every row
        notes.warn(
            _("a filter was left on: the {count} row(s) it hides are counted (first: row {row})").format(
                count=len(filtered), row=filtered[0] + 1
            ),
            sheet.where(),
        )
    _check_cells(data, header, used, nonblank)

    totals = np.zeros(len(data), dtype=bool)
    for i in lead:
        totals |= totals_among(data.text(i), scales)
    totals &= nonblank

    has_value = (
        np.logical_or.reduce([filled[c.index] for c in ratings + counts])
        if ratings + counts
        else np.zeros(len(data), bool)
    )
    named = np.zeros(len(data), bool)
    for c in (col["member"], col["member_id"]):
        if c is not None:
            named |= data.text(c.index) != ""
    org = data.text(col["org"].index) if col["org"] else np.full(len(data), "", dtype=object)
    above = None
    if below is not None:
        # a name in the column of the level below is a chi bộ of the đảng bộ on its row, or (blank, or
        # merged down) the last one above; a row with that column blank is the đảng bộ itself
        lower = data.text(below.index) != ""
        above = np.where(lower, pd.Series(np.where(org != "", org, None), dtype=object).ffill().fillna(""), "")
        org = np.where(lower, data.text(below.index), org).astype(object)
    seq = data.text(col["seq"].index) if col["seq"] else np.full(len(data), "", dtype=object)
    numbered = col["seq"] is not None and len(ratings) == 1

    def listed(rows):
        return numbered_orgs(data.raw(col["seq"].index), org) & rows if numbered else np.zeros(len(data), bool)

    section = heading_rows(nonblank & ~totals, has_value, named, listed)
    subtotal = np.zeros(len(data), bool)
    if col["seq"] is not None:
        # "I | Khối Đảng | 30 | 5 | 20 …" above numbered organisations: a section that sums them;
        # "B | ĐẢNG VIÊN ĐÃ CHUYỂN ĐI" in a member list: a section, though it sits in the name column
        marked = section_marks(seq) & nonblank & ~totals
        if marked.any() and mapped(data.raw(col["seq"].index), is_number).astype(bool).any():
            subtotal = marked & has_value if counts else subtotal
            section |= marked & ~has_value
    if "members" in shapes:
        group = member_groups(data, col, used, nonblank & ~totals & ~section & ~has_value, scales)
        section |= group
        if col["org"] is None and group.any():  # the heading names the organisation of the members under it
            named_by = mapped(
                data.text(col["member"].index if col["member"] else lead[0]), lambda t: heading_org(t, scales)
            )
            org = pd.Series(np.where(group, named_by, None), dtype=object).ffill().fillna("").to_numpy(dtype=object)
        elif col["org"] is None:  # one sheet per chi bộ: its name ("Chi bộ Văn phòng") names their organisation
            org = np.full(len(data), sheet_org(sheet, scales), dtype=object)
    if counts and col["seq"] is not None and "members" not in shapes:
        subtotal |= group_sums(data, counts, col, nonblank & ~totals & ~section & ~subtotal & has_value)
    summary = summary_rows(data, lead, col, ratings, nonblank & ~totals & ~section & ~subtotal, scales)
    rows = nonblank & ~totals & ~section & ~subtotal & ~summary
    if counts and "members" not in shapes:  # a total known by its figures, whatever its words
        names = org if col["org"] else data.text(lead[0]) if lead else np.full(len(data), "", dtype=object)
        summed = totals_by_sum(data, counts, col, rows, names, scales, notes)
        totals |= summed
        rows &= ~summed
    remarks = notes_columns(plan)  # where a row says why its rating is blank, or that the member left
    left = (
        left_rows(data, remarks, ratings, section, rows, scales) if "members" in shapes else np.zeros(len(data), bool)
    )
    if left.any():
        notes.warn(left_warning(int(left.sum()), data.excel_row(first(left))), sheet.where())
        rows &= ~left
    check_rows(data, ratings, remarks, rows, scales)  # "chưa quyết định xếp loại" beside a tier (pending.py)
    staff, mark = (
        staff_not_members(data, header, rows, scales) if "members" in shapes else (np.zeros(len(data), bool), None)
    )
    if staff.any():  # an agency's staff list: only the rows marked as party members are members
        notes.warn(
            not_members_warning(int(staff.sum()), mark, header.cells[mark], data.excel_row(first(staff))), sheet.where()
        )
        rows &= ~staff
    for why, mask in (
        ("totals", totals),
        ("subtotal", subtotal),
        ("section", section),
        ("summary", summary),
        ("left", left),
        ("not a party member", staff),
        ("blank", ~nonblank & ~hidden),
    ):
        plan.skip(why, np.flatnonzero(mask) + data.start + 1)

    section_kind = section_kinds(data, section | subtotal, scales, plan.kind)
    if shapes == {"counts"}:  # (beside unit ratings, the chi bộ rows are rated in their own right: kept)
        detail = sub_rows_in_parent(data, counts, col, seq, org, rows, notes)
        plan.skip("sub-row, in its đảng bộ's figures", np.flatnonzero(detail) + data.start + 1)
        rows &= ~detail
    if counts or col["total_count"] or col["rated_count"]:
        check_totals_rows(data, counts, col, totals, subtotal, rows, notes)

    # a member list names its rows' faults in one order (column_rules.stop_at_first_fault, in _members)
    members = "members" in shapes
    year, bad_year = _years(data, col["year"], rows, defer=members)
    parent = data.text(col["parent"].index) if col["parent"] else np.full(len(data), "", dtype=object)
    if above is not None:
        parent = np.where(above != "", above, parent).astype(object)
    indented = indented_rows(data, col, rows) if "members" not in shapes else np.zeros(len(data), bool)
    parent, sub = (
        sub_rows(seq, org, parent, rows, scales, subset_rows(data, section, seq, scales) | indented)
        if "members" not in shapes
        else (parent, np.zeros(len(data), bool))
    )
    by_indent = indented & sub & (seq == "")  # no number (1.1, "-", a) and no parent cell says so
    if col["parent"] is not None:
        by_indent &= data.text(col["parent"].index) == ""
    if by_indent.any():  # a weak signal: say which rows rest on it
        notes.warn(
            _(
                "{count} row(s) read as chi bộ trực thuộc of the organisation above them only because their names "
                "are indented (first: row {row}); check with ccq-stats inspect"
            ).format(count=int(by_indent.sum()), row=data.excel_row(first(by_indent))),
            sheet.where(),
        )
    if len(ratings) == 1 and sub.any():
        heads = parent_headings(data.text(ratings[0].index), org, parent, sub, rows)
        rows &= ~heads
        plan.skip("section", np.flatnonzero(heads) + data.start + 1)
        # "1 | ĐƠN VỊ SỰ NGHIỆP" over 1.1, 1.2: a heading that names no organisation (a group, a host
        # type) heads organisations of the list's own level, not its chi bộ trực thuộc
        groups = heads & ~mapped(org, lambda t: starts_with_kind(t, scales)).astype(bool)
        if groups.any():
            under = (
                sub & np.isin(parent, org[groups]) & (data.text(col["parent"].index) == "" if col["parent"] else True)
            )
            parent, sub = np.where(under, "", parent).astype(object), sub & ~under
    if "members" not in shapes:  # the level told by the tree the rows make, not by a parent cell alone
        parent, topped = top_parents(org, path_parents(org, parent, rows, scales), rows)
        if col["kind"] is not None:  # a kind cell tells the level on its own: nothing to say of those rows
            topped &= data.text(col["kind"].index) == ""
        if topped.any():
            notes.warn(top_warning(int(topped.sum()), data.excel_row(first(topped))), sheet.where())
    kind, subject, unknown_kind = row_kinds(data, col, section_kind, parent, sub, rows, scales, notes, defer=members)
    subject = np.where(subject == "", np.where(parent != "", "cells", "units"), subject)
    base = {
        "org": org,
        "parent": parent,
        "org_kind": kind,
        "subject": subject,
        "host_type": data.text(col["host_type"].index) if col["host_type"] else np.full(len(data), "", dtype=object),
        "source_file": sheet.file,
        "source_sheet": sheet.name or "",
    }
    pieces = []
    if "members" in shapes and len(ratings) > 1:  # members × years: each year's column in turn (member_years)
        stated = section_statuses(data, section, scales) if section.any() else None
        faults = {"bad_year": bad_year, "unknown_kind": unknown_kind}
        pieces += _member_years(
            data, col, ratings, rows, year, fixed_year, base, stated, remarks, scales, notes, faults
        )
    elif "members" in shapes:
        column, raw = (ratings[0], None) if ratings else ticked_tier(data, header.of("count"), rows, scales, notes)
        stated = section_statuses(data, section, scales) if section.any() else None
        said = _explained(data, column, raw, remarks, scales)
        faults = {"bad_year": bad_year, "unknown_kind": unknown_kind}
        pieces.append(
            _members(data, col, column, rows, pick_year(year, column.year, fixed_year), base, raw, stated, said, faults)
        )
    else:
        for column in ratings:
            pieces.append(
                _unit_ratings(
                    data,
                    plan,
                    column,
                    rows,
                    pick_year(year, column.year, fixed_year),
                    base,
                    wide=len(ratings) > 1,
                    scales=scales,
                    exemplary=_flagged(data, column, ratings, flags, scales),
                    said=None if len(ratings) > 1 else _explained(data, column, None, remarks, scales),
                )
            )
        if counts:
            pieces += count_records(data, col, counts, rows, year, fixed_year, base, notes, scales)
    pieces = [p for p in pieces if len(p)]
    if not pieces:
        return empty()
    # reading order, as the sheet lists them (later stages keep "first seen" order)
    return pd.concat(pieces, ignore_index=True).sort_values(
        ["source_row", "source_col"], kind="stable", ignore_index=True
    )


def _skip_around(plan: SheetPlan, end: int) -> None:
    """Rows above the header (titles) and under the table's end (signature, notes, summary)."""
    from ccq_stats.reading.grid import filled as is_filled

    rows = plan.sheet.rows
    plan.skip("title", [r + 1 for r in range(plan.header.first_row) if any(is_filled(v) for v in rows[r][:60])])
    below = [r + 1 for r in range(end, len(rows)) if any(is_filled(v) for v in rows[r][:60])]
    plan.skip(plan.end_why or "below the table", below)


def _flagged(data: SheetRows, column, ratings, flags, scales: Scales) -> np.ndarray | bool:
    """Rows ticked in a "Trong đó: TSVM tiêu biểu" column of this rating's year (or, without a
    year, the rating column nearest left of the tick column, else the first) – ticked with a mark,
    or with the award's own label ("TSVM tiêu biểu" in a "Danh hiệu" column, reading/account.py)."""
    out = np.zeros(len(data), bool)
    for flag in flags:
        left = [c for c in ratings if c.index < flag.index]
        owner = next((c for c in ratings if flag.year and c.year == flag.year), left[-1] if left else ratings[0])
        if owner is column:
            out |= mapped(data.text(flag.index), lambda t: is_tick(t, scales)).astype(bool)
            out |= mapped(data.text(flag.index), lambda t: _is_exemplary(t, scales)).astype(bool)
    return out


def _is_exemplary(text: str, scales: Scales) -> bool:
    label = match_label(text, scales) if text and len(text) < 160 else None
    return label is not None and label.meaning.exemplary and label.meaning.tier == "top"


def _check_cells(data: SheetRows, header, used: list[int], nonblank: np.ndarray) -> None:
    """Formula errors in the cells we read, and CSV rows longer than their header."""
    for i in used if data.sheet.has_errors else []:
        bad = mapped(data.raw(i), lambda v: isinstance(v, FormulaError)).astype(bool) & nonblank
        if bad.any():
            r = first(bad)
            column = next(c for c in header.columns if c.index == i)
            raise InputError(
                _("the cell holds a formula error"),
                where=data.where(r, column),
                value=str(data.raw(i)[r]),
                hint=_("fix the formula in Excel, or type the value in the cell"),
            )
    if not data.sheet.ragged:
        return
    rows = data.sheet.rows
    width = max(len(trimmed(rows[i])) for i in range(header.first_row, header.last_row + 1))
    lengths = np.fromiter((len(row) for row in data.rows), dtype=np.int64, count=len(data))
    for r in np.flatnonzero(lengths > width):
        row = data.rows[r]
        if any(clean(v) for v in row[width:]):
            raise InputError(
                _("the row has {cells} cells but the header has {width}").format(cells=len(trimmed(row)), width=width),
                where=data.sheet.where(data.excel_row(r), width, None),
                value=clean(row[width]),
                hint=_(
                    "a value probably holds the delimiter without quotes; quote it or save the file again from Excel"
                ),
            )


def _years(data: SheetRows, column, rows: np.ndarray, defer: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """(the year cell of each row, parsed – None where there is none or it is no year; the rows
    whose year cell is no year, or None). A year that is no year stops the run here, unless
    ``defer``: a member list names its rows' faults in one order (``_members``)."""
    if column is None:
        return np.full(len(data), None, dtype=object), None
    if not defer:
        return parsed(data, column, (data.text(column.index) != "") & rows, parse_year, None), None
    return parse_each(data, column, (data.text(column.index) != "") & rows, parse_year, None)


def _explained(data: SheetRows, column, raw, remarks, scales: Scales) -> np.ndarray:
    """The label each row states for its blank rating (``column_rules.explained_blanks``): a tick
    under a column whose header is a label, a notes cell naming a status."""
    ticks = [
        (_label_of(c.meaning, scales), coded(data.text(c.index)))
        for c in data.header.of("count")
        if c.meaning is not None and not c.or_better and c.index != column.index
    ]
    rating = coded(data.text(column.index) if raw is None else raw)
    return explained_blanks(rating, [t for t in ticks if t[0]], [coded(data.text(c.index)) for c in remarks], scales)


def _label_of(meaning, scales: Scales) -> str:
    """A label of the vocabulary that means this (what a tick under its column says)."""
    return next((label.display for label in scales.labels.values() if label.meaning == meaning and not label.typo), "")


def _member_years(data, col, ratings, rows, year, fixed_year, base, stated, remarks, scales, notes, faults) -> list:
    """The records of a member list with a rating column per year: a blank cell before the member
    was admitted, or after he left, is no member that year (``member_years``); the rest as a list."""
    admitted, texts = admitted_years(data, remarks, scales), [coded(data.text(c.index)) for c in remarks]
    out, left, before = [], np.zeros(len(data), bool), np.zeros(len(data), bool)
    outside = outside_years(data, ratings, rows, admitted, texts, scales, notes.warn)  # "-" before the first year
    for column in ratings:
        gone, later = not_members(data.text(column.index), column.year, admitted, texts, scales)
        left, before = left | (rows & gone), before | (rows & later)
        said = _explained(data, column, None, remarks, scales)
        keep = rows & ~gone & ~later & ~outside[column.index]
        out.append(
            _members(
                data, col, column, keep, pick_year(year, column.year, fixed_year), base, None, stated, said, faults
            )
        )
    if left.any():
        notes.warn(left_warning(int(left.sum()), data.excel_row(first(left))), data.sheet.where())
    if before.any():
        notes.warn(admitted_warning(int(before.sum()), data.excel_row(first(before))), data.sheet.where())
    return out


def _members(
    data: SheetRows, col, column, rows, year, base, raw=None, stated=None, said=None, faults=None
) -> pd.DataFrame:
    raw = data.text(column.index) if raw is None else raw
    if stated is not None:  # a blank rating under "B. ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ": the status its heading states
        raw = np.where((raw == "") & (stated != ""), stated, raw)
    if said is not None:  # a blank rating its own row explains: "x" under "Miễn …", "chưa đánh giá" in Ghi chú
        raw = np.where((raw == "") & (said != ""), said, raw)
    faults = faults or {}
    stop_at_first_fault(
        bad_year=(
            faults.get("bad_year"),
            lambda r: parse_year(data.raw(col["year"].index)[r], data.where(r, col["year"])),
        ),
        unknown_kind=(
            faults.get("unknown_kind"),
            lambda r: unknown_kind_error(data.where(r, col["kind"]), data.text(col["kind"].index)[r]),
        ),
        blank_rating=(
            rows & (raw == ""),
            lambda r: blank_member_rating_error(
                data.where(r, column), merged_range(data.sheet, data.excel_row(r) - 1, column.index)
            ),
        ),
        no_year=(rows & pd.isna(year), lambda r: no_year_error(data.where(r))),
    )
    name = _names(data, data.header.of("member"))
    card = data.text(col["member_id"].index) if col["member_id"] is not None else np.full(len(data), "", dtype=object)
    # identity: the card number where there is one, else the name (case, spaces and Unicode forms
    # aside; diacritics count: "Hà" and "Hạ" are two people), with the birth year if given
    key = member_keys(card, name, data.text(col["birth"].index) if col["birth"] is not None else None)
    disciplined = _disciplined(data, col, data.scales)
    return records_of(
        data,
        dict(base, subject="members"),
        rows,
        year=year,
        shape="members",
        member=name,
        member_key=key,
        status=None,
        tier=None,
        exemplary=False,
        disciplined=disciplined,
        score=_scores(data, col, rows, data.scales),
        count=1,
        source_col=column.index,
        source_header=column.header,
        raw_label=raw,
    )


def _disciplined(data: SheetRows, col, scales: Scales) -> np.ndarray | bool:
    """The rows whose "Kỷ luật" cell says so: a member disciplined in the year, or for an
    organisation, a subordinate organisation or a member of its leadership disciplined (QĐ 366)."""
    if col["discipline"] is None:
        return False
    return mapped(data.text(col["discipline"].index), lambda t: is_disciplined(t, scales)).astype(bool)


def _scores(data: SheetRows, col, rows: np.ndarray, scales: Scales) -> np.ndarray | float:
    """The score of each row (cells.parse_score, the rule both readers apply), NaN where none."""
    if col["score"] is None:
        return math.nan
    score = lambda value, where: parse_score(value, where, scales)  # noqa: E731
    return parsed(data, col["score"], rows, score, math.nan).astype(np.float64)


def _names(data: SheetRows, columns) -> np.ndarray:
    """Members' names: one column, or "Họ đệm" and "Tên" under a merged "Họ và tên", joined."""
    if not columns:
        return np.full(len(data), "", dtype=object)
    if len(columns) == 1:
        return data.text(columns[0].index)
    parts = [data.text(c.index).astype(str) for c in columns]
    joined = parts[0]
    for part in parts[1:]:
        joined = np.char.add(np.char.add(joined, " "), part)
    return mapped(joined.astype(object), clean)


def _unit_ratings(
    data: SheetRows, plan: SheetPlan, column, rows, year, base, wide: bool, scales: Scales, exemplary=False, said=None
) -> pd.DataFrame:
    raw = data.text(column.index)
    if wide:  # "Đã hợp nhất", "-" under a year: the organisation was not there that year, as a blank cell
        raw = np.where(mapped(raw, lambda t: not_there(t, scales)).astype(bool) & (raw != ""), "", raw).astype(object)
    if said is not None:  # "Mới thành lập 10/2024" in the notes beside a blank rating: not rated
        raw = np.where((raw == "") & (said != ""), said, raw)
    blank = rows & (raw == "")
    if blank.any() and not wide:  # in a wide layout a blank year means the organisation was not there yet
        r = first(blank)
        merged = merged_range(data.sheet, data.excel_row(r) - 1, column.index)
        raise InputError(
            _("the rating is blank (the cell is part of the merged range {range})").format(range=merged)
            if merged
            else _("the rating is blank"),
            where=data.where(r, column),
            value=base["org"][r],
            hint=_("unmerge the cells and write each organisation's rating")
            if merged
            else _("write the rating, or 'Chưa đánh giá' if the organisation was not rated"),
        )
    mask = rows & (raw != "")
    nameless = mask & (base["org"] == "")
    if nameless.any():
        r = first(nameless)
        if plan.header.one("org") is None:
            raise InputError(
                _("a rating without an organisation column: the header used ({header}) names none").format(
                    header=plan.header.shown()
                ),
                where=data.where(r),
                value=raw[r],
                hint=_(
                    "say which column holds the organisations: --column org='HEADER' (and --header-row N if that "
                    "is not the header; ccq-stats inspect shows what was read)"
                ),
            )
        raise InputError(
            _("a rating without an organisation name"),
            where=data.where(r),
            value=raw[r],
            hint=_("fill the organisation's name"),
        )
    need_years(data, year, mask)
    plan_col = {"discipline": plan.header.one("discipline"), "score": None if wide else plan.header.one("score")}
    return records_of(
        data,
        base,
        mask,
        year=year,
        shape="units",
        status=None,
        tier=None,
        exemplary=exemplary,
        disciplined=_disciplined(data, plan_col, scales),
        score=_scores(data, plan_col, mask, scales),
        count=1,
        source_col=column.index,
        source_header=column.header,
        raw_label=raw,
    )
