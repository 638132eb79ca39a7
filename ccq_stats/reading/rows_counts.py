"""The row reader's count sheets (``by_rows``): the figures of a member-count or unit-count sheet –
counts per tier, ticks ("x" under a tier), cumulative columns ("… trở lên") split into tiers – and
the checks a count sheet allows: parts within their tier, sub-rows within their parent, subtotals
and totals rows that add up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.figures.findings import Notes, read_finding
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import is_number, is_tick, is_unticked, parse_count
from ccq_stats.reading.merged_across import merged_labels
from ccq_stats.reading.row_roles import sub_rows
from ccq_stats.reading.rows import SheetRows, first, mapped, need_years, parsed, pick_year, records_of
from ccq_stats.vocabulary.scales import TIERS, Scales


def _count_values(data: SheetRows, column, rows: np.ndarray) -> np.ndarray:
    """Counts of a column on the given rows (0 elsewhere), refusing what is not a count."""
    count = lambda value, where: parse_count(value, where, data.scales)  # noqa: E731
    return parsed(data, column, rows, count, 0).astype(np.int64)


def _ones_are_ticks(data: SheetRows, col, tiers, rows: np.ndarray) -> bool:
    """Is every row a single 1 under one tier, the other tier cells blank, on three rows or more
    and with no total column? Then the 1s mark ratings: a count of one member in one tier on
    every row is not a member count form."""
    if rows.sum() < 3 or col["total_count"] or col["rated_count"] or len(tiers) < 3:
        return False
    text = np.array([data.text(c.index)[rows] for c in tiers], dtype=object)
    ones, blank = text == "1", (text == "") | (text == "0")
    return bool((ones.sum(axis=0) == 1).all() and (ones | blank).all())


def unticked_as_blank(data: SheetRows, columns, scales: Scales) -> None:
    """Under a column whose header is a tier or a status, a cell is ticked or not: a checkbox's FALSE
    ([reading_words] unticked) is read as the blank cell it stands for, by every rule after this one
    (a member ticked nowhere is a blank rating; a row of counts, no count). Looked at once per
    distinct value of each such column."""
    for c in columns:
        if c.meaning is None:
            continue
        texts = data.text(c.index)
        no = mapped(texts, lambda t: is_unticked(t, scales)).astype(bool)
        if no.any():
            data.read_as(c.index, np.where(no, "", texts).astype(object))


def _ticks(data: SheetRows, column) -> np.ndarray:
    return mapped(data.text(column.index), lambda t: is_tick(t, data.scales)).astype(bool)


def count_records(
    data: SheetRows, col, counts, rows, row_year, fixed_year, base, notes: Notes, scales
) -> list[pd.DataFrame]:
    # "Trong đó: TSVM tiêu biểu" beside the tier columns: a tick there marks the top tier as exemplary
    flags = [c for c in counts if c.meaning.exemplary] if any(not c.meaning.exemplary for c in counts) else []
    tiers = [c for c in counts if c not in flags]
    flagged = np.logical_or.reduce([_ticks(data, c) for c in flags]) if flags else np.zeros(len(data), bool)
    ticks = np.array([_ticks(data, c) for c in tiers])
    if _ones_are_ticks(data, col, tiers, rows & (ticks.sum(axis=0) == 0)):
        notes.warn(
            _(
                "a 1 under one tier on every row and nothing else: read as a tick (the organisation's rating), "
                "not as a count of members"
            ),
            data.sheet.where(),
        )
        ticks |= np.array([data.text(c.index) == "1" for c in tiers])
    ticked = ticks.sum(axis=0)
    twice = rows & (ticked > 1)
    if twice.any():
        r = first(twice)
        c = tiers[[i for i in range(len(tiers)) if ticks[i][r]][1]]
        raise InputError(
            _("two tiers ticked for one organisation"),
            where=data.where(r, c),
            value=data.text(c.index)[r],
            hint=_("tick one tier per organisation"),
        )
    pieces = []
    tick_rows = rows & (ticked == 1)
    for i, c in enumerate(tiers):  # a mark "x" under a tier: this row's organisation is rated that tier
        mask = tick_rows & ticks[i]
        if mask.any():
            y = pick_year(row_year, c.year, fixed_year)
            need_years(data, y, mask)
            exemplary = c.meaning.exemplary | (flagged & (c.meaning.tier == "top"))
            pieces.append(_rated_units(data, base, mask, y, c, c.meaning.status, c.meaning.tier, exemplary, c.header))
    only_flag = rows & (ticked == 0) & flagged  # ticked "tiêu biểu" alone: exemplary, so top
    if only_flag.any():
        c = flags[0]
        y = pick_year(row_year, c.year, fixed_year)
        need_years(data, y, only_flag)
        pieces.append(_rated_units(data, base, only_flag, y, c, "rated", "top", True, c.header))
    count_rows = rows & (ticked == 0) & ~flagged
    plain = rows.copy()  # the rows that are not one status merged across the tick columns
    if ticks.any():  # a ticked list: a cell merged across the tick columns says the row's status
        for r, (found, c, text) in merged_labels(data, tiers, count_rows, scales).items():
            count_rows[r] = plain[r] = False
            y = pick_year(row_year, c.year, fixed_year)
            mask = np.zeros(len(data), bool)
            mask[r] = True
            meaning = found.meaning
            pieces.append(_rated_units(data, base, mask, y, c, meaning.status, meaning.tier, meaning.exemplary, text))
    ticking = [
        c
        for i, c in enumerate(tiers)
        if (ticks[i] & plain).any() and (ticks[i] | (data.text(c.index) == "") | ~plain).all()
    ]
    if ticking and len(ticking) < len(tiers):
        # ticks under one block of tiers (the organisation's own tier) and numbers under another (its
        # members' counts): a ticked row's member counts are read too, never left in silence
        counts = [c for c in counts if c not in ticking and c not in flags]
        count_rows = plain & ~flagged | (plain & flagged & (ticked == 1))
    values = {c.index: _count_values(data, c, count_rows) for c in counts}
    _split_cumulative(data, counts, values, count_rows)
    members = dict(base, subject="members")
    for c in counts:
        mask = count_rows & (values[c.index] > 0)
        if mask.any():
            y = pick_year(row_year, c.year, fixed_year)
            need_years(data, y, mask)
            pieces.append(
                records_of(
                    data,
                    members,
                    mask,
                    year=y,
                    shape="counts",
                    status=c.meaning.status,
                    tier=c.meaning.tier,
                    exemplary=c.meaning.exemplary,
                    disciplined=False,
                    count=values[c.index],
                    source_col=c.index,
                    source_header=c.header,
                    raw_label=c.header,
                )
            )
    _check_parts(data, col, counts, count_rows, values, pick_year(row_year, None, fixed_year), base, notes)
    return pieces


def _split_cumulative(data: SheetRows, counts, values: dict, rows: np.ndarray) -> None:
    """ "HTTNV trở lên" counts its tier and the tiers above it ("trở lên" is cumulative); its own
    tier is what is left once the tiers above, each in a column of its own ("Trong đó: HTXSNV"),
    are taken off. Without a column for each tier above, the tiers cannot be told apart: refused."""
    for c in [c for c in counts if c.or_better]:
        above = TIERS[: TIERS.index(c.meaning.tier)]
        parts = [p for p in counts if p.meaning.tier in above and not p.or_better and not p.meaning.exemplary]
        missing = [t for t in above if t not in {p.meaning.tier for p in parts}]
        if missing:
            raise InputError(
                _(
                    "'{header}' counts a tier and the tiers above it, but no column gives {missing} on its own: "
                    "the tiers cannot be told apart"
                ).format(header=c.header, missing=", ".join(missing)),
                where=data.sheet.where(data.header.last_row + 1, c.index, c.header),
                hint=_(
                    "add a column per tier above it ('Trong đó: HTXSNV'), or give the tiers in columns of their own"
                ),
            )
        own = values[c.index] - np.sum([values[p.index] for p in parts], axis=0)
        negative = rows & (own < 0)
        if negative.any():
            r = first(negative)
            raise InputError(
                _("'{header}' is less than the tiers above it that it includes ({parts})").format(
                    header=c.header, parts=", ".join(f"'{p.header}'" for p in parts)
                ),
                where=data.where(r, c),
                value=int(values[c.index][r]),
                hint=_("'trở lên' counts the tier and those above it: check the figures of the row"),
            )
        values[c.index] = np.where(rows, own, 0)


def _check_parts(data: SheetRows, col, counts, rows, values, year, base, notes: Notes) -> None:
    """A 'Tổng số' (or 'Được đánh giá') cell must equal the sum of its parts, row by row."""
    for role in ("total_count", "rated_count"):
        column = col[role]
        if column is None:
            continue
        stated_rows = rows & (data.text(column.index) != "")
        stated = _count_values(data, column, stated_rows)
        parts = counts if role == "total_count" else [c for c in counts if c.meaning.tier]
        summed = np.sum([values[c.index] for c in parts], axis=0) if parts else np.zeros(len(data), np.int64)
        missing = (
            {"exempt", "not_rated"} - {c.meaning.status for c in parts}
            if role == "total_count"
            else set(TIERS) - {c.meaning.tier for c in parts}
        )
        what = (
            "có mặt = miễn + chưa đánh giá + được đánh giá"
            if role == "total_count"
            else "được đánh giá = tổng các mức xếp loại"
        )
        for r in np.flatnonzero(stated_rows & (stated != summed)):
            where = data.where(r, column)
            if not _explained(data, r, stated[r] - summed[r], missing, [column, *parts, col["seq"], col["year"]]):
                # every part is on the row and nothing there accounts for the difference: the figures
                # cannot all be right, and no figure can be chosen among them (issue 18 §2)
                raise InputError(
                    _(
                        "{header} says {stated} but its parts add up to {sum}: the figures of the row cannot all be right"
                    ).format(header=column.header, stated=stated[r], sum=summed[r]),
                    where=where,
                    value=", ".join(f"{c.header} {values[c.index][r]}" for c in parts),
                    hint=_(
                        "correct the row: {what}; if the total counts members in no column here, add their column"
                    ).format(what=what),
                )
            notes.found(
                read_finding(
                    "present_total",
                    None if pd.isna(year[r]) else int(year[r]),
                    base["org"][r],
                    f"{column.header} ghi {stated[r]} nhưng các cột thành phần cộng lại {summed[r]} ({what}"
                    + (f"; thiếu cột {', '.join(sorted(missing))}" if missing else "")
                    + ")",
                    {"stated": int(stated[r]), "sum": int(summed[r])},
                    where,
                ),
                _("{header} says {stated} but its parts add up to {sum} ({missing} columns missing)").format(
                    header=column.header, stated=stated[r], sum=summed[r], missing=", ".join(sorted(missing))
                )
                if missing
                else _("{header} says {stated} but its parts add up to {sum}").format(
                    header=column.header, stated=stated[r], sum=summed[r]
                ),
                where,
            )


def _explained(data: SheetRows, r: int, difference: int, missing: set, used: list) -> bool:
    """Is the difference between a row's total and its parts accounted for on the row? A total above
    parts that lack a column (no "Miễn đánh giá" column: the exempt are in the total only), or a
    number on the row, in a column not read, equal to the difference ("Chuyển đi | 1")."""
    if difference > 0 and missing:
        return True
    skip = {c.index for c in used if c is not None}
    row = data.rows[r]
    return any(
        i not in skip and is_number(v) and not isinstance(v, bool) and abs(float(v)) == abs(difference)
        for i, v in enumerate(row[:60])
    )


def figures_of(data: SheetRows, counts, col, rows: np.ndarray) -> list[np.ndarray] | None:
    """The figures of every count (and total) column on the given rows; None if one is not a count
    (the bad cell is reported when its row is read)."""
    columns = counts + [c for c in (col["total_count"], col["rated_count"]) if c]
    try:
        return [_count_values(data, c, rows) for c in columns]
    except InputError:
        return None


def group_sums(data: SheetRows, counts, col, candidates: np.ndarray) -> np.ndarray:
    """Rows without a number where the organisations are numbered, whose figures are the sum of the
    rows under them up to the next such row (or of those above them back to the previous one): a
    group's subtotal ("KHỐI CƠ QUAN ĐẢNG | 35 | 1 | 1 …"), never an organisation – whatever its words."""
    out = np.zeros(len(data), bool)
    numbered = mapped(data.raw(col["seq"].index), is_number).astype(bool)
    marks = np.flatnonzero(candidates & (data.text(col["seq"].index) == ""))
    if not len(marks) or not (candidates & numbered).any():
        return out
    figures = figures_of(data, counts, col, candidates)
    if figures is None:
        return out
    plain = candidates & numbered
    for k, r in enumerate(marks):
        spans = (
            slice(r + 1, marks[k + 1] if k + 1 < len(marks) else len(data)),
            slice(marks[k - 1] + 1 if k else 0, r),
        )
        out[r] = any(
            plain[span].any() and all(v[r] == v[span][plain[span]].sum() for v in figures) for span in spans
        ) and any(v[r] for v in figures)
    return out


def sub_rows_in_parent(data: SheetRows, counts, col, seq, org, rows: np.ndarray, notes: Notes) -> np.ndarray:
    """In a member-count form, a đảng bộ's row carries its members, and its chi bộ rows under it
    (1.1, 1.2 or "-") carry the same members again: the đảng bộ's row counts (the grassroots
    organisation, the unit of the bloc's figures and rules), its chi bộ rows are its detail, not
    counted; where they do not add up to it, a finding names the rows. Returns the detail rows."""
    parent_col = data.text(col["parent"].index) if col["parent"] else np.full(len(data), "", dtype=object)
    names, sub = sub_rows(seq, org, parent_col, rows, data.scales)
    sub &= parent_col == ""  # a parent column names the parent itself: no row above holds its figures
    detail = np.zeros(len(data), bool)
    if not sub.any():
        return detail
    figures = figures_of(data, counts, col, rows)
    if figures is None:
        return detail
    columns = counts + [c for c in (col["total_count"], col["rated_count"]) if c]
    owner = -1
    groups: dict[int, list[int]] = {}
    for r in np.flatnonzero(rows):
        if not sub[r]:
            owner = r
        elif owner >= 0 and org[owner] == names[r]:
            groups.setdefault(owner, []).append(r)
    for p, members in groups.items():
        detail[members] = True
        for c, v in zip(columns, figures):
            summed = int(v[members].sum())
            if v[p] != summed:
                where = data.where(p, c)
                last = data.excel_row(members[-1])
                notes.found(
                    read_finding(
                        "totals_row",
                        None,
                        org[p],
                        f"Dòng {org[p]} ở cột {c.header} ghi {v[p]} nhưng các chi bộ trực thuộc bên dưới "
                        f"cộng lại {summed}",
                        {"stated": int(v[p]), "sum": summed},
                        where,
                    ),
                    _(
                        "'{org}' says {stated} but its chi bộ rows {first}-{last} under it add up to {sum}; the row of "
                        "'{org}' is counted, not its chi bộ rows"
                    ).format(org=org[p], stated=int(v[p]), first=data.excel_row(members[0]), last=last, sum=summed),
                    where,
                )
    return detail


def check_totals_rows(
    data: SheetRows, counts, col, totals: np.ndarray, subtotal: np.ndarray, rows: np.ndarray, notes: Notes
) -> None:
    """A totals row that carries numbers must equal the sum of the rows it totals: those above it
    back to the previous total, all those above it (a grand total under subtotals), or – for a
    total at the top or a section's subtotal above its organisations – those below it, to the
    next total or section."""
    checked = totals | subtotal
    if not checked.any():
        return
    columns = counts + [c for c in (col["total_count"], col["rated_count"]) if c]
    data_rows = rows & ~checked
    marks = np.flatnonzero(checked)
    for c in columns:
        text = data.text(c.index)
        try:
            values = _count_values(data, c, data_rows & (text != ""))
        except InputError:
            continue  # the bad cell is reported when its row is read
        running = np.concatenate([[0], np.cumsum(np.where(data_rows, values, 0))])  # running[i] = sum of rows < i
        for k, r in enumerate(marks):
            if not text[r]:
                continue
            try:
                stated = parse_count(data.raw(c.index)[r], data.where(r, c), data.scales)
            except InputError:
                continue
            previous = marks[k - 1] + 1 if k else 0
            following = marks[k + 1] if k + 1 < len(marks) else len(data)
            above, all_above = int(running[r] - running[previous]), int(running[r])
            below, all_below = int(running[following] - running[r + 1]), int(running[-1] - running[r + 1])
            if stated in (above, all_above, below, all_below) and (stated or not (above or below)):
                continue
            if subtotal[r] and stated == below == 0:
                continue  # a group's subtotal above its organisations: none of them has any
            summed = above if data_rows[previous:r].any() else below
            where = data.where(r, c)
            side = "above" if data_rows[previous:r].any() else "below"
            notes.found(
                read_finding(
                    "totals_row",
                    None,
                    "",
                    f"Dòng tổng cộng ở cột {c.header} ghi {stated} nhưng "
                    f"các dòng {'trên' if side == 'above' else 'dưới'} cộng lại {summed}",
                    {"stated": stated, "sum": summed},
                    where,
                ),
                (
                    _("the totals row says {stated} but the rows above add up to {sum}")
                    if side == "above"
                    else _("the totals row says {stated} but the rows below add up to {sum}")
                ).format(stated=stated, sum=summed),
                where,
            )


def ticked_tier(data: SheetRows, counts, rows: np.ndarray, scales: Scales, notes: Notes):
    """A member list with an "x" under HTXSNV … KHTNV: (the first tier column, each row's label) –
    the row reader's, beside its count sheets' ticks.
    With no mark anywhere, a 1 under one tier and 0 (or nothing) under the others on every row is
    the tick (an export's booleans), said in a warning."""
    ticks = np.array([mapped(data.text(c.index), lambda t: is_tick(t, scales)).astype(bool) for c in counts])
    text = np.array([data.text(c.index) for c in counts], dtype=object)
    ones = text == "1"
    if (
        not ticks[:, rows].any()
        and rows.sum() >= 3
        and (ones[:, rows].sum(axis=0) == 1).all()
        and (ones | (text == "0") | (text == ""))[:, rows].all()
    ):
        ticks = ones & rows
        notes.warn(
            _("a 1 under one tier and 0 under the others on every row: each 1 read as the member's tick"),
            data.sheet.where(),
        )
    twice = rows & (ticks.sum(axis=0) > 1)
    if twice.any():
        r = first(twice)
        c = counts[[i for i in range(len(counts)) if ticks[i][r]][1]]
        raise InputError(
            _("two tiers ticked for one member"),
            where=data.where(r, c),
            value=data.text(c.index)[r],
            hint=_("tick one tier per member"),
        )
    raw = np.full(len(data), "", dtype=object)
    for i, c in enumerate(counts):
        raw[ticks[i]] = c.header
    return counts[0], raw


def _rated_units(data: SheetRows, base: dict, mask, year, column, status, tier, exemplary, raw_label: str):
    """The records of organisations each rated by one cell of ``column`` (a tick, or a status
    written across the tick columns): one organisation per row of ``mask``."""
    return records_of(
        data,
        base,
        mask,
        year=year,
        shape="units",
        status=status,
        tier=tier,
        exemplary=exemplary,
        disciplined=False,
        count=1,
        source_col=column.index,
        source_header=column.header,
        raw_label=raw_label,
    )
