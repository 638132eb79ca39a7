"""A cell merged across the tier columns of a ticked list, holding a status: that row's status.

In a list of organisations ticked "x" under HTXSNV … KHTNV, an organisation that was not rated
gets one cell merged across the four tick columns saying so: "Chưa xếp loại (thành lập tháng
10/2023)". A careful person reads it as that organisation's status (the words in brackets are
the reason, not another label); read as a count it was "not a count of members".
"""

from __future__ import annotations

import re

import numpy as np

from ccq_stats.figures.classify import match_label
from ccq_stats.reading.grid import text_at

_REASON = re.compile(r"\s*[(\[].*[)\]]\s*$")  # "(thành lập tháng 10/2023)": why, after the label


def merged_labels(data, tiers, rows: np.ndarray, scales) -> dict[int, tuple]:
    """{row: (label found, its first column, the label's text)} of the rows whose cell merged across two or more tier
    columns holds a rating label or status, with or without its reason in brackets."""
    out = {}
    indexes = {c.index: c for c in tiers}
    for (r1, c1), (r2, c2) in data.sheet.merged:
        r = r1 - data.start
        covered = [i for i in indexes if c1 <= i <= c2]
        if r1 != r2 or len(covered) < 2 or not (0 <= r < len(data)) or not rows[r]:
            continue
        text = text_at(data.sheet.rows[r1], c1)
        label = text if match_label(text, scales) is not None else _REASON.sub("", text)
        found = match_label(label, scales)
        if found is not None:
            out[r] = (found, indexes[covered[0]], label)
    return out
