"""A sheet that lists the rating labels to choose from is not data.

A workbook with a drop-down list on its rating cells keeps the choices on a sheet of their own
("DanhMuc": "Xếp loại | Chi bộ", then HTXSNV, HTTNV, HTNV, KHTNV, Miễn đánh giá, Chưa đánh giá, one a
row, with the chi bộ names beside the first ones). A careful clerk sees a list of choices, not a
list of ratings: the labels are each there once, in the order of the scale, tiers then statuses.
Such a sheet, beside other sheets, is skipped with one warning. A list of organisations or members
never gives five different ratings once each, in the scale's order and nothing else.
"""

from __future__ import annotations

from ccq_stats.figures.classify import match_label
from ccq_stats.reading.grid import text_at
from ccq_stats.vocabulary.scales import Scales
from ccq_stats.vocabulary.terms import STATUSES, TIERS

_ORDER = [*TIERS, *STATUSES]
_FEW = 5  # at least this many different meanings, each once: a scale, not a coincidence


def is_choice_list(rows: list[list], scales: Scales) -> bool:
    """Does a column of this sheet list the labels of the scale once each, in its order, with no
    other label in it (see above)?"""
    filled = []
    for row in rows:  # a list of choices is short: the first row past it settles it, not the last
        if any(text_at(row, i) for i in range(min(len(row), 60))):
            filled.append(row)
            if len(filled) > len(_ORDER) + 3:
                return False
    width = max((len(row) for row in filled), default=0)
    for i in range(min(width, 60)):
        texts = [t for row in filled if (t := text_at(row, i))]
        found = [match_label(t, scales) for t in texts]
        means = [f.meaning.means for f in found if f is not None]
        if len(means) < _FEW or len(means) < len(texts) - 1:  # a heading above the labels at most
            continue
        ranks = [_ORDER.index(m) for m in means if m in _ORDER]
        if len(set(means)) == len(means) and ranks == sorted(ranks):
            return True
    return False
