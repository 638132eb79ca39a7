"""Member counts with the organisations across and the indicators down the side: "TT | Nội dung |
Chi bộ Văn phòng | Chi bộ Khoa Nội | … | Toàn Đảng bộ" over "1 | Tổng số đảng viên | 40 | 43 | …",
"4.1 | Hoàn thành xuất sắc nhiệm vụ | 5 | 6 | …". A careful person reads each organisation's column
as its row of counts; so does the reader, only where the sheet cannot be read the usual way, and
says so: the table is turned, each organisation a row, the indicators its header, the "Toàn Đảng
bộ" column a totals row (checked against the sum of the others, as any totals row is)."""

from __future__ import annotations

import dataclasses

from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import parse_count, totals_test
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header import SCAN_ROWS, resolve_column
from ccq_stats.reading.row_roles import starts_with_kind
from ccq_stats.vocabulary.phrases import LOOSE
from ccq_stats.vocabulary.scales import Scales

_READ = ("count", "total_count", "rated_count")  # what an indicator must be for the table to be turned


def _is_count(value, scales: Scales) -> bool:
    try:
        parse_count(value, None, scales)
    except Exception:  # noqa: BLE001 - any refusal: not a count
        return False
    return text_at([value], 0) != ""


def transposed_counts(sheet: Sheet, scales: Scales, notes: Notes) -> Sheet | None:
    """The sheet turned (organisations as rows), or None when it is not such a table: a header
    row with three or more organisations side by side (a kind of organisation begins each name),
    and under it rows of an indicator the reader knows as a count, with counts under each."""
    rows, is_totals = sheet.rows, totals_test(scales)
    for r in range(sheet.top, min(sheet.top + SCAN_ROWS, len(rows))):
        orgs = [i for i in range(min(len(rows[r]), 60)) if starts_with_kind(text_at(rows[r], i), scales)]
        if len(orgs) >= 3 and orgs == list(range(orgs[0], orgs[-1] + 1)):
            break
    else:
        return None
    total = orgs[-1] + 1 if is_totals(text_at(rows[r], orgs[-1] + 1)) else None
    across = orgs + ([total] if total is not None else [])
    indicators = []
    for x in range(r + 1, len(rows)):
        row = rows[x]
        texts = [(i, text_at(row, i)) for i in range(min(len(row), orgs[0]))]
        said = next((t for _i, t in reversed(texts) if t), "")
        if not said or not all(_is_count(row[i], scales) if i < len(row) else False for i in across):
            break
        indicators.append((x, said))
    known = [s for _x, s in indicators if (c := resolve_column(0, s, [], scales)) is not None and c.role in _READ]
    if len(known) < 2:
        return None
    header = [_org_header(scales)] + [s for _x, s in indicators]
    turned = [list(row) for row in rows[:r]] + [header]
    for i in across:
        turned.append([text_at(rows[r], i)] + [rows[x][i] for x, _s in indicators])
    notes.warn(
        _(
            "the organisations across (row {row}: {count} columns) and the indicators down the side: read "
            "turned, each organisation's column as its row of counts; check with ccq-stats inspect"
        ).format(row=r + 1, count=len(orgs)),
        sheet.where(),
    )
    return dataclasses.replace(sheet, rows=turned)


def _org_header(scales: Scales) -> str:
    """A header the reader reads as the organisation column: the first of [columns] org."""
    return next(key for key, role in scales.columns.items() if role == "org" and not key.startswith(LOOSE))
