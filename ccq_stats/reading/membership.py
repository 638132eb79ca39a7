"""Staff who are not party members, in an agency's list of its staff.

An agency's HR export lists every employee; a column marks who is a party member ("Đảng viên" |
x, "DangVien" | 1/0) and the party's columns are filled for those only. A careful clerk counts the
marked rows and no other: a row not marked is an employee, not a member, in no total, whatever its
other cells say. The mark is taken only where every cell of the column is a yes, a no or blank
([reading_words] member_mark_*), and at least one row is marked and one is not: otherwise the column
is something else (a member's name under "Đảng viên") and this rule says nothing.
"""

from __future__ import annotations

import numpy as np

from ccq_stats.errors import column_letter
from ccq_stats.i18n import gettext as _
from ccq_stats.text import loose_key


def mark_column(header, scales) -> int | None:
    """The index of a column whose header says it marks party members, beside a name column of its
    own (so that the column is not the members' names), or None."""
    names = {c.index for c in header.columns if c.role in ("member", "member_id")}
    for i, text in enumerate(header.cells):
        if text and loose_key(text) in scales.words.member_mark_headers and i not in names and names:
            return i
    return None


def staff_not_members(data, header, rows: np.ndarray, scales) -> tuple[np.ndarray, int | None]:
    """(rows of staff who are not members, the mark column) – nothing when there is no mark column
    or its cells are not all marks."""
    none = np.zeros(len(data), bool)
    index = mark_column(header, scales)
    if index is None or not rows.any():
        return none, None
    keys = np.array([loose_key(v) for v in data.text(index)], dtype=object)
    yes = np.isin(keys, list(scales.words.member_mark_yes)) & rows
    no = np.isin(keys, list(scales.words.member_mark_no)) & rows
    if not yes.any() or not no.any() or (rows & ~yes & ~no).any():
        return none, None
    return no, index


def not_members_warning(count: int, index: int, header_text: str, row: int) -> str:
    return _(
        "{count} row(s) of staff not marked as party members in column {column} ('{header}') not counted "
        "(first: row {row}); check with ccq-stats inspect"
    ).format(count=count, column=column_letter(index), header=header_text, row=row)
