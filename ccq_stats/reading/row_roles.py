"""What each data row of a sheet is, beyond a row to read: a heading (section) and the kind it
gives the rows below, a summary line, a member who left, a chi bộ under its đảng bộ.

Masks over whole columns, as in ``by_rows``; only the rare heading rows are looked at one by one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import (
    is_bullet,
    is_dash,
    is_number,
    is_section_mark,
    is_sub_letter,
    is_subset_heading,
    section_kind,
    sub_number,
    unknown_kind_error,
)
from ccq_stats.reading.collection import marker_org
from ccq_stats.reading.column_rules import (
    Coded,
    carry_down,
    carry_down_coded,
    coded,
    is_summary_label,
    left_members,
    org_kinds,
    per_value,
    section_says_left,
    unclear_kind_warning,
)
from ccq_stats.reading.rows import SheetRows, first, mapped
from ccq_stats.text import clean, norm_key
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of


def member_groups(data: SheetRows, col, used: list[int], candidates: np.ndarray, scales: Scales) -> np.ndarray:
    """Heading rows of a member list grouped by organisation, among the candidates (rows with no
    rating): ``group_headings`` on those rows."""
    out = np.zeros(len(data), bool)
    index = np.flatnonzero(candidates)
    if not len(index):
        return out
    seq = col["seq"]
    out[index] = group_headings(
        np.sum([data.text(i)[index] != "" for i in used], axis=0),
        data.text(seq.index)[index] if seq is not None else None,
        seq is not None and mapped(data.raw(seq.index), is_number).astype(bool).any(),
        data.text(col["member"].index)[index] if col["member"] is not None else None,
        scales,
    )
    return out


def numbered_orgs(seq: np.ndarray, org: np.ndarray) -> np.ndarray:
    """Rows listed although they name no member: a number in the STT cell (``seq``, as the cells
    hold it) beside an organisation's name (``org``, cleaned), where one rating column is read. Not
    a heading, whatever else the row lacks. For both readers."""
    return mapped(seq, is_number).astype(bool) & (org != "")


def heading_rows(open_rows: np.ndarray, valued: np.ndarray, named: np.ndarray, listed) -> np.ndarray:
    """The section rule, the one both readers apply: of the rows still open (something written,
    not a total), a row with no rating or count (``valued``) that names no member (``named``) and
    is no organisation numbered in the list is a heading. ``listed(rows)`` tells the numbered
    organisations among the given rows (``numbered_orgs``); it is asked only about the candidates,
    since the column reader reads their cells then."""
    section = open_rows & ~valued & ~named
    if section.any():
        section &= ~listed(section)
    return section


def section_marks(seq: np.ndarray) -> np.ndarray:
    """STT cells that number a section ("I", "B"), not a member (``cells.is_section_mark``): where
    the STT column numbers some rows, such a row is a section – a heading without a rating ("B |
    ĐẢNG VIÊN ĐÃ CHUYỂN ĐI" in the name column), or a subtotal with figures. For both readers."""
    return mapped(seq, is_section_mark).astype(bool)


def group_headings(filled: np.ndarray, seq, numbered: bool, name, scales: Scales) -> np.ndarray:
    """Which of some rows without a rating head the members under them (a section, not a member):
    the rule both readers apply. ``filled``: how many of the header's columns each row fills;
    ``seq``, ``name``: its STT and name cells (None: no such column); ``numbered``: the STT column
    numbers some row. A heading is "Chi bộ Văn phòng" alone on its row naming an organisation; where
    the members are numbered, a row alone in its cell without a number, or a name cell that begins
    with a kind of organisation ("1 | Chi bộ Văn phòng Sở (04 đảng viên)", "CB Thanh tra"), or an
    STT cell that marks a section (``section_marks``: "B | ĐẢNG VIÊN ĐÃ CHUYỂN ĐI")."""
    none = np.zeros(len(filled), bool)
    one_cell = filled == 1
    if numbered:
        kind_first = none if name is None else np.array([starts_with_kind(t, scales) for t in name], dtype=bool)
        return (one_cell & (seq == "")) | kind_first | (none if seq is None else section_marks(seq))
    if name is None:
        return none
    return one_cell & np.array([bool(t) and (scales.role_by_words(t) or ("",))[0] == "org" for t in name], dtype=bool)


def starts_with_kind(text: str, scales: Scales) -> bool:
    """Does a text begin with a kind of organisation and go on with its name ("Chi bộ Văn phòng",
    "CB Thanh tra", "Đảng bộ Sở Y tế")?"""
    words = text.split() if text else []
    return any(scales.lookup(scales.kinds, " ".join(words[:n])) for n in (1, 2) if len(words) > n)


def heading_org(text: str, scales: Scales) -> str:
    """The organisation a heading names, without the member count staff add to it: "Chi bộ Văn
    phòng Sở (04 đảng viên)" -> "Chi bộ Văn phòng Sở" ([reading_words] count_units)."""
    return (scales.words.count_tail.sub("", text) or text) if text else ""


def section_statuses(data: SheetRows, section: np.ndarray, scales: Scales) -> np.ndarray:
    """The status a heading of a member list states for the members under it, as a label
    ("B. ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ" -> "Miễn đánh giá"; "ĐẢNG VIÊN MỚI KẾT NẠP" -> "Mới kết nạp"),
    down to the next heading; "" where no heading above states one (or a heading states two)."""
    marks = pd.Series([None] * len(data), dtype=object)
    names = [
        (tuple(key.split()), label)
        for key, label in scales.labels.items()
        if label.meaning.means in ("exempt", "not_rated") and " " in key
    ]  # "Miễn" alone is not a heading's status
    for r in np.flatnonzero(section):
        said = {}
        for value in data.rows[r]:
            words = words_of(clean(value)[:200])
            for needle, label in names:
                if find_phrase(words, (False, needle)) >= 0:
                    said.setdefault(label.meaning.means, label.display)
        marks[r] = next(iter(said.values())) if len(said) == 1 else ""
    return marks.ffill().fillna("").to_numpy(dtype=object)


def sheet_org(sheet, scales: Scales) -> str:
    """The organisation a member sheet without an organisation column is about, when its name
    says one ("Chi bộ Văn phòng", "CB Thanh tra", "Đảng bộ Sở Y tế"): staff keep one sheet per
    chi bộ. Else ""."""
    if marker_org(sheet):  # our collection workbook, sent to one organisation: its members
        return marker_org(sheet)
    name = clean(sheet.name or "")
    return (
        name if name and ((scales.role_by_words(name) or ("",))[0] == "org" or starts_with_kind(name, scales)) else ""
    )


def left_rows(data: SheetRows, notes, ratings, section: np.ndarray, rows: np.ndarray, scales: Scales) -> np.ndarray:
    """Member rows of people who left during the year (``column_rules.left_members``: the rating
    cell, or a notes cell beside a blank or exempt rating, says so; ``notes``: the columns of
    ``column_rules.notes_columns``), or under a section row that says so (carried down to the next
    section row)."""
    rating = coded(data.text(ratings[0].index) if ratings else np.full(len(data), "", dtype=object))
    out = rows & left_members(rating, [coded(data.text(c.index)) for c in notes], scales)
    if section.any():
        at = np.flatnonzero(section)
        under = carry_down(len(data), at, [section_says_left([clean(v) for v in data.rows[r]], scales) for r in at])
        out |= rows & (under == True)  # noqa: E712 – None above the first section
    return out


def summary_rows(data: SheetRows, lead: list[int], col, ratings, candidates: np.ndarray, scales: Scales) -> np.ndarray:
    """Summary lines of a sheet (``summary_lines``, over its rating columns and name cells)."""
    return summary_lines(
        [coded(data.text(c.index)) for c in ratings],
        candidates,
        lambda index: [data.text(i)[index] for i in summary_columns(col, lead)],
        scales,
    )


def summary_columns(col, lead: list[int]) -> list[int]:
    """The columns a summary line writes its label in: the organisation's and member's name, else
    the lead columns."""
    return [c.index for c in (col["org"], col["member"]) if c is not None] or lead


def summary_lines(ratings: list, candidates: np.ndarray, names, scales: Scales) -> np.ndarray:
    """Summary lines ("- Hoàn thành xuất sắc nhiệm vụ | 10"): a rating label where the
    organisation's or member's name belongs – the rule both readers apply. ``ratings``: the rating
    columns as ``column_rules.Coded``; ``names(index)``: the cleaned name cells (``summary_columns``)
    of those rows. Only rows without a rating label of their own are looked at (a member list's
    200,000 names are not)."""
    is_label = lambda t: is_summary_label(t, scales)  # noqa: E731
    for column in ratings:
        candidates = candidates & ~per_value(column, is_label)
    out = np.zeros(len(candidates), bool)
    index = np.flatnonzero(candidates)
    if not len(index):
        return out
    for texts in names(index):
        out[index] |= per_value(coded(np.asarray(texts, dtype=object)), is_label)
    return out


def subset_rows(data: SheetRows, section: np.ndarray, seq: np.ndarray, scales: Scales) -> np.ndarray:
    """Rows under a "Trong đó, các chi bộ trực thuộc:" heading, down to the next numbered row or
    heading: parts of the organisation above the heading, whatever their STT cell says."""
    out = np.zeros(len(data), bool)
    for r in np.flatnonzero(section):
        if not any(is_subset_heading(clean(v), scales) for v in data.rows[r][:60]):
            continue
        for below in range(r + 1, len(data)):
            if section[below] or (seq[below] and is_number(seq[below]) and sub_number(seq[below]) is None):
                break
            out[below] = True
    return out


def indented_rows(data: SheetRows, col, rows: np.ndarray) -> np.ndarray:
    """Organisation rows whose name is indented deeper than the rows of the list's own level, below
    the first of those: where a list shows its chi bộ trực thuộc only by indenting them under their
    đảng bộ (Excel's indent, LibreOffice's left margin, or leading spaces typed before the name).
    A weak signal: whoever reads by it says so (``by_rows``)."""
    out = np.zeros(len(data), bool)
    if col["org"] is None or not rows.any():
        return out
    index = col["org"].index
    level = mapped(data.raw(index), _typed_indent).astype(int)
    for (r, c), depth in data.sheet.indent.items():
        if c == index and 0 <= r - data.start < len(data):
            level[r - data.start] = max(level[r - data.start], depth)
    if not (level[rows] > 0).any():
        return out
    base = level[rows].min()
    out = rows & (level > base)
    out[: first(rows & (level == base))] = False  # indented above any row of the list's level: under nothing
    return out


def _typed_indent(value) -> int:
    """Leading spaces or a tab typed before a name, as an indentation (two spaces or more)."""
    if not isinstance(value, str):
        return 0
    head = len(value) - len(value.lstrip(" \t\u00a0\u3000"))
    return 1 if head >= 2 or value[:1] == "\t" else 0


def sub_rows(seq: np.ndarray, org: np.ndarray, parent: np.ndarray, rows: np.ndarray, scales: Scales, subset=None):
    """Rows numbered 1.1, 1.2 (or marked "-", or lettered a, b) under organisation 1 are its chi
    bộ trực thuộc: their parent is organisation 1 (unless a parent column names one). Returns
    (parent, is a sub-row)."""
    prefix = mapped(seq, sub_number)
    # "-", "+" or a letter "a", "b)" under a numbered organisation: one of its cells
    dash = mapped(seq, lambda t: is_bullet(t, scales) or is_sub_letter(t)).astype(bool)
    if subset is not None:
        dash |= subset & pd.isna(prefix)
    sub = rows & (~pd.isna(prefix) | dash)
    if not sub.any():
        return parent, sub
    parent = parent.copy()
    last: dict[str, str] = {}
    numbered = ""
    for r in np.flatnonzero(rows):
        if sub[r] and not parent[r]:
            parent[r] = numbered if dash[r] else last.get(prefix[r], "")
        if seq[r] and not dash[r]:
            last[seq[r].rstrip(".")] = org[r]
            numbered = org[r] if pd.isna(prefix[r]) else numbered
        elif not seq[r] and not sub[r]:  # no STT column (or cell): the last organisation of the list's own level
            numbered = org[r]
    return parent, sub & (parent != "")


def parent_headings(
    rating: np.ndarray, org: np.ndarray, parent: np.ndarray, sub: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Rows that only head their chi bộ: "1 | Đảng bộ Sở Tài chính" without a rating, right above
    its rows 1.1, 1.2 under "III. CÁC CHI BỘ TRỰC THUỘC" (the đảng bộ is rated in its own block)."""
    index = np.flatnonzero(rows)
    out = np.zeros(len(rows), bool)
    if len(index) < 2:
        return out
    above, below = index[:-1], index[1:]
    heads = (rating[above] == "") & sub[below] & (parent[below] == org[above]) & (org[above] != "")
    out[above[heads]] = True
    return out


def section_kinds(data: SheetRows, section: np.ndarray, scales: Scales, title=None) -> Coded:
    """The kind a heading row ("I. CÁC ĐẢNG BỘ CƠ SỞ") gives the rows below it, as
    ``carry_down_coded`` gives it; above the first heading, the kind the table's title names
    (``title``), if any."""
    at = np.flatnonzero(section)
    return carry_down_coded(len(data), at, [heading_kind([clean(v) for v in data.rows[r]], scales) for r in at], title)


def heading_kind(texts, scales: Scales):
    """The (kind, subject) a heading row names: its first cell that names one, left to right; or None."""
    for text in texts:
        found = section_kind(text, scales)
        if found:
            return found
    return None


def row_kinds(
    data: SheetRows,
    col,
    section_kind: Coded,
    parent: np.ndarray,
    sub: np.ndarray,
    rows: np.ndarray,
    scales: Scales,
    notes: Notes,
    defer: bool = False,
):
    """(kind id, subject, rows of an unknown kind) of each row: the rule both readers apply (``column_rules.org_kinds``),
    over this sheet's kind cells, the sections above the rows and their parents; then a sub-row
    (1.1 under its organisation) is a cell of the organisation above it. An unknown kind stops the
    run here, unless ``defer``: a member list names its rows' faults in one order
    (``column_rules.stop_at_first_fault``)."""
    text = data.text(col["kind"].index) if col["kind"] is not None else None
    kinds = org_kinds(
        None if text is None else coded(text), section_kind, (parent != "") | sub, col["parent"] is not None, scales
    )
    unknown = rows & kinds.unknown[kinds.codes]
    if unknown.any() and not defer:
        r = first(unknown)
        raise unknown_kind_error(data.where(r, col["kind"]), text[r])
    unclear = rows & kinds.unclear[kinds.codes]
    if unclear.any():
        notes.warn(
            unclear_kind_warning(int(unclear.sum()), text[first(unclear)]), data.where(first(unclear), col["kind"])
        )
    kind_id, subject = kinds.ids[kinds.codes], kinds.subjects[kinds.codes]
    # a sub-row is a cell of the organisation above it, whatever the section says of that one
    from_section = sub & (subject != "cells")
    if text is not None:
        from_section &= text == ""
    kind_id = np.where(from_section, "", kind_id)
    subject = np.where(sub, "cells", subject)
    return kind_id, subject, unknown


def path_parents(org: np.ndarray, parent: np.ndarray, rows: np.ndarray, scales: Scales) -> np.ndarray:
    """An organisation named by its path from the top ("Đảng bộ Khối … > Đảng bộ Sở … > Chi bộ …",
    every step beginning with a kind of organisation): its parent is the path without its last step,
    where no parent cell names one. The level is then told by the tree (``top_parents``)."""
    between = scales.words.path_steps

    def up(text: str) -> str:
        parts = between.split(text) if text else []
        if len(parts) < 2 or not all(starts_with_kind(p, scales) for p in parts):
            return ""
        return text[: list(between.finditer(text))[-1].start()]

    found = mapped(np.where(rows & (parent == ""), org, ""), up)
    return np.where(pd.isna(found) | (found == ""), parent, found).astype(object)


def top_parents(org: np.ndarray, parent: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A parent that no row of the list is, named by a row that is itself the parent of rows of the
    list (an đảng bộ with its chi bộ listed under it): the level above the list — the bloc or
    committee the list is about ("Trực thuộc: Đảng bộ Khối …" on every grassroots row) — not a
    grassroots organisation, so the rows naming it are grassroots organisations, not chi bộ trực
    thuộc. Returns (parent with those cleared, the rows cleared)."""
    key = np.array([norm_key(v) for v in org], dtype=object)
    above = np.array([norm_key(v) for v in parent], dtype=object)
    listed = set(key[rows & (key != "")])
    heads = rows & np.isin(key, list(set(above[rows & (above != "")]) & listed))
    tops = set(above[heads & (above != "")]) - listed
    cleared = rows & np.isin(above, list(tops)) if tops else np.zeros(len(org), bool)
    return np.where(cleared, "", parent).astype(object), cleared


def top_warning(count: int, row: int) -> str:
    return _(
        "{count} row(s) name as their parent the level above the list (the parent of organisations that "
        "have chi bộ trực thuộc listed under them; first: row {row}): read as grassroots organisations, not "
        "chi bộ trực thuộc; check with ccq-stats inspect"
    ).format(count=count, row=row)


def not_there(text: str, scales: Scales) -> bool:
    """A year's cell saying the organisation was not there that year: a dash, or "Đã hợp nhất",
    "Chưa thành lập" … ([reading_words] not_there)."""
    if is_dash(text, scales):
        return True
    words = words_of(text[:200]) if text else ()
    return bool(words) and any(find_phrase(words, (True, needle)) == 0 for _anchored, needle in scales.words.not_there)
