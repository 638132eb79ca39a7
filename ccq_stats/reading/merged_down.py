"""A rating written once and merged down over several rows: each row under it has that rating.

Staff sort a list by tier and merge the rating cell over the rows of each tier (a chi bộ's
members, the units of one tier). Every format keeps the value in the top cell only (.xlsx, .xls,
.ods alike, reading/looks.py gives the merges of each), so the rows under it look blank; but the
merge is what the sheet shows: a careful person reads the rating on every row it spans. The
rating columns are then filled down within their merged ranges, as the columns that describe a
row are (``rows.SheetRows``), with a warning naming the ranges so that they can be checked.
"""

from __future__ import annotations

from ccq_stats.errors import column_letter
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import text_at


def merged_down_ranges(sheet, columns: list[int], start: int, end: int, seq: int | None) -> list[str]:
    """ "D5:D7" of each range merged down over two or more data rows in one of ``columns``, whose
    rows are rows of their own: a number of their own in the STT column (``seq``), or, without one,
    no other column merged over the same rows. One organisation whose name runs over two lines, its
    STT and rating merged over both, is one row written on two lines, not two rows."""
    out = []
    spans = {(r1, r2) for (r1, c1), (r2, c2) in sheet.merged if not any(c1 <= c <= c2 for c in columns)}
    for (r1, c1), (r2, c2) in sheet.merged:
        if not (r2 > r1 and start <= r1 < end and any(c1 <= c <= c2 for c in columns)):
            continue
        if seq is not None and not all(text_at(sheet.rows[r], seq) for r in range(r1 + 1, min(r2 + 1, end))):
            continue
        if seq is None and (r1, r2) in spans:
            continue
        out.append(f"{column_letter(c1)}{r1 + 1}:{column_letter(c2)}{r2 + 1}")
    return out


def merged_down_warning(ranges: list[str]) -> str:
    shown = ", ".join(ranges[:4]) + (", …" if len(ranges) > 4 else "")
    return _(
        "the rating is merged down over several rows ({count} merged range(s): {ranges}): each row under a merged "
        "cell read with its rating; check with ccq-stats inspect"
    ).format(count=len(ranges), ranges=shown)
