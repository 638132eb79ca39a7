"""Tables side by side on one sheet: each read as a table.

Staff put two tables beside each other to fit a page: one per khối, per chi bộ, per year, with an
empty column between or none. The same header words repeated along the header row say so: "STT |
Tên tổ chức | Xếp loại | | STT | Tên tổ chức | Xếp loại". Read as one table, the right one would be
dropped (beyond an empty column) or taken for a second rating column; a careful person reads each.

So each block of columns under one repetition of the header (a band, from its first header cell to
the next block's) is read as a sheet of its own, the cells outside it blank, the column letters
kept. A row above the header with text over one band only (a single title over both tables, or
not) is kept for every band; one with text over several ("… NĂM 2022" over the left, "… NĂM 2023"
over the right; a chi bộ's name over each) gives each band its own part. A warning says so.
"""

from __future__ import annotations

import dataclasses

from ccq_stats.errors import column_letter
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header import find_header
from ccq_stats.text import norm_key


def header_starts(row: list) -> list[int]:
    """The columns where the header row's words start again: [0-based index of each block's first
    cell], or [] when they do not repeat (the whole row: at least two cells a block, two blocks)."""
    cells = [(i, norm_key(text_at(row, i))) for i in range(len(row)) if text_at(row, i)]
    keys = [k for _i, k in cells]
    if len(keys) < 4:
        return []
    for size in range(2, len(keys) // 2 + 1):
        if len(keys) % size == 0 and all(keys[j] == keys[j % size] for j in range(len(keys))):
            return [cells[j][0] for j in range(0, len(keys), size)]
    return []


def side_by_side(sheet: Sheet, scales, mapping=None, notes=None) -> list[Sheet] | None:
    """The sheet as one sheet per table when its header's words repeat along the header row; None
    otherwise."""
    header = find_header(sheet, scales, mapping)
    if header is None:
        return None
    starts = header_starts(sheet.rows[header.last_row])
    if len(starts) < 2 or any(c.index < starts[0] for c in header.columns):
        return None  # words repeated under part of one table ("SL | %" under each tier): one table
    first = [c for c in header.columns if c.index < starts[1]]
    # a table: who (an organisation, a member) and a rating or counts in each block – not "SL | %"
    # repeated under each tier of one table
    if not any(c.role in ("org", "member", "member_id") for c in first) or not any(
        c.role in ("rating", "count") for c in header.columns
    ):
        return None
    bounds = [(0 if k == 0 else s, starts[k + 1] if k + 1 < len(starts) else None) for k, s in enumerate(starts)]
    if notes is not None:
        shown = ", ".join(f"{column_letter(s)}-{column_letter(e - 1) if e else '…'}" for s, e in bounds)
        notes.warn(
            _(
                "{count} tables side by side (columns {columns}), the same header over each: each read as a table"
            ).format(count=len(bounds), columns=shown),
            sheet.where(),
        )
    return [_band(sheet, header.first_row, lo, hi, bounds) for lo, hi in bounds]


def _band(sheet: Sheet, first_row: int, lo: int, hi: int | None, bounds) -> Sheet:
    def over(row: list, a: int, b: int | None) -> bool:
        return any(text_at(row, i) for i in range(a, min(len(row), b if b is not None else len(row))))

    rows = []
    for r, row in enumerate(sheet.rows):
        if r < first_row and sum(over(row, a, b) for a, b in bounds) < 2:
            rows.append(row)  # a title over one band only: kept for every table
            continue
        rows.append([v if lo <= i and (hi is None or i < hi) else "" for i, v in enumerate(row)])
    return dataclasses.replace(sheet, rows=rows)
