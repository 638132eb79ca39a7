"""A rating its own row says is not decided yet is no rating to count.

"HTNV" with "Đang chờ kết luận kiểm tra …, chưa quyết định xếp loại" in the notes: the tier typed is a
placeholder until the decision comes – the same doubt as a label typed with a question mark ("HTNV (?)",
figures.label_reasons). A careful clerk does not count the year until it is decided: where a notes cell
of a row whose rating is a tier says the rating is pending ([reading_words] pending), the run stops
naming the cell. Decided once per distinct note (column_rules.per_value), for both readers.
"""

from __future__ import annotations

import numpy as np

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.column_rules import Coded, coded, per_value
from ccq_stats.vocabulary.phrases import find_phrase, words_of
from ccq_stats.vocabulary.scales import Scales


def first_pending(rating: Coded, notes: list[Coded], rows: np.ndarray, scales: Scales) -> tuple[int, int] | None:
    """(row, which notes column) of the first row among ``rows`` whose rating is a tier and whose note
    says the rating is pending; None where none does."""
    pending = scales.words.pending
    if not pending or not notes:
        return None
    says = lambda t: bool(t) and any(find_phrase(words_of(t), p) >= 0 for p in pending)  # noqa: E731
    tiered = None
    for k, column in enumerate(notes):
        noted = per_value(column, says)
        if not noted.any():
            continue
        if tiered is None:
            tiered = rows & per_value(rating, lambda t: _is_tier(t, scales))
        hit = np.flatnonzero(tiered & noted)
        if len(hit):
            return int(hit[0]), k
    return None


def _is_tier(text: str, scales: Scales) -> bool:
    label = match_label(text, scales) if text else None
    return label is not None and label.meaning.tier is not None


def check_pending(rating: Coded, notes: list[Coded], rows: np.ndarray, scales: Scales, where) -> None:
    """Stop at the first row of ``rows`` whose note says its tier is not decided; ``where(row)``: the
    rating cell's place."""
    hit = first_pending(rating, notes, rows, scales)
    if hit is None:
        return
    (r, k), (codes, values) = hit, rating
    raise InputError(
        _("the notes say this rating is not decided yet: '{note}'").format(note=notes[k][1][notes[k][0][r]]),
        where=where(r),
        value=values[codes[r]],
        hint=_("count the year when every rating is decided; or write the decided tier and clear the note"),
    )


def check_rows(data, ratings, remarks, rows: np.ndarray, scales: Scales) -> None:
    """``check_pending`` for the row reader: each rating column of ``data`` (rows.SheetRows) against
    its notes columns ``remarks``."""
    said = [coded(data.text(r.index)) for r in remarks] if ratings else []
    for c in ratings if said else ():
        check_pending(coded(data.text(c.index)), said, rows, scales, lambda r, c=c: data.where(r, c))
