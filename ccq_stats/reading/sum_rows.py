"""A totals row known by its figures, not by its words.

A totals row whose words are in [totals_row] is skipped by them. One whose words are not –
"Tổng Cuối" of a Vietnamese PivotTable, "Grand Total", a total typed in another language, or a
total with no words at all – would be counted as one more organisation, doubling every figure
in silence. A careful person sees it by its numbers: the first or last row of a table of member
counts whose every count is the sum of all the other rows, and whose name is not an
organisation's ("Chi bộ …", "Đảng bộ …"), is their total. It is skipped like a totals row, with a
warning naming it (the decision rests on the figures alone).
"""

from __future__ import annotations

import numpy as np

from ccq_stats.i18n import gettext as _
from ccq_stats.reading.row_roles import starts_with_kind
from ccq_stats.reading.rows_counts import figures_of
from ccq_stats.vocabulary.scales import Scales


def totals_by_sum(data, counts, col, rows: np.ndarray, names: np.ndarray, scales: Scales, notes) -> np.ndarray:
    """The first or last of ``rows`` whose counts are all the sum of the others' and whose name is
    not an organisation's: a totals row (a mask of it, and a warning), else an empty mask."""
    out = np.zeros(len(data), bool)
    at = np.flatnonzero(rows)
    if len(at) < 3:
        return out
    figures = figures_of(data, counts, col, rows)
    if figures is None:
        return out
    for r in (at[-1], at[0]):
        if starts_with_kind(str(names[r]), scales):
            continue  # an organisation with as many members as the rest together: counted as it is
        others = rows.copy()
        others[r] = False
        if any(v[r] for v in figures) and all(v[r] == v[others].sum() for v in figures):
            out[r] = True
            notes.warn(
                _(
                    "row {row} ('{name}') is the sum of the other rows in every count column: read as their "
                    "total, not counted"
                ).format(row=data.excel_row(r), name=names[r]),
                data.sheet.where(),
            )
            break
    return out
