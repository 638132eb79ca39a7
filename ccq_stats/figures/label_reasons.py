"""A rating label written with the reason or the date beside it, and a label the typist doubted.

Staff put what was decided and why in one cell: "Miễn đánh giá - ốm dài ngày", "Dự bị chưa đủ 6
tháng - chưa xếp loại", "Chuyển SH đi 8/2022", "Từ trần 5/2022". A careful clerk reads the part that
is a label and takes the rest for the reason or the date. The rule is the same as for a reason in
brackets (classify.match_label): the reason must name no other tier or status, or which one was
decided cannot be told. A question mark on a label ("HTTNV (?)", "HTTNV?") is the typist's doubt:
never a label (the run stops naming the cell).
"""

from __future__ import annotations

import re

from ccq_stats.text import clean
from ccq_stats.vocabulary.scales import Label, Scales

# a spaced dash between what and why: "Miễn đánh giá - ốm dài ngày"; never a hyphen inside a word
_DASH = re.compile(r"\s+[-–—]\s+|\s*[:;]\s+")
# a date after a status: "8/2022", "tháng 5/2022", "05/2022", "ngày 12/3/2022", "năm 2022"
_DATE = re.compile(r"^(.+?)[\s,]+(?:(?:từ\s+)?(?:ngày|tháng|năm)\s+)?(?:\d{1,2}/)?(?:\d{1,2}/)?\d{4}$", re.IGNORECASE)
_STATUSES = ("exempt", "not_rated", "left")


def doubted(text: object) -> bool:
    """Does the cell carry the typist's doubt (a question mark)?"""
    return isinstance(text, str) and "?" in text


def names_another(words: list[str], label: Label, scales: Scales) -> bool:
    """Do these words name a tier or status other than ``label``'s, even as a part ("đề nghị
    HTXSNV")? One word names a label only when it is written as an abbreviation (HTXSNV, TSVM):
    "sức khỏe yếu", "học tập tốt" are plain words."""
    longest = max((len(key.split()) for key in scales.labels), default=1)
    for start in range(len(words)):
        for stop in range(start + 1, min(len(words), start + longest) + 1):
            if stop - start == 1 and not (words[start].isupper() and len(words[start]) > 1):
                continue
            named = scales.lookup_label(" ".join(words[start:stop]))
            if named is not None and named.meaning.means != label.meaning.means:
                return True
    return False


def with_reason(text: object, scales: Scales) -> Label | None:
    """The label of a cell written "label - reason", "reason - label" or "status date"; None when
    no part is a label, or the parts name two different tiers or statuses."""
    if not isinstance(text, str) or doubted(text):
        return None
    cell = clean(text)
    parts = [p for p in _DASH.split(cell) if p]
    if len(parts) == 2:
        found = [(scales.lookup_label(p) or _dated(p, scales), p) for p in parts]
        labels = [label for label, _part in found if label is not None]
        if len(labels) == 2:
            same = labels[0].meaning.means == labels[1].meaning.means
            return labels[0] if same else None
        if len(labels) == 1:
            label = labels[0]
            other = next(part for known, part in found if known is None)
            return None if names_another(other.split(), label, scales) else label
        return None
    return _dated(cell, scales)


def _dated(text: str, scales: Scales) -> Label | None:
    """A status followed by its date ("Từ trần 5/2022", "Chưa ĐG tháng 11/2022"). Only a status: a
    tier followed by a year may be that year's rating, not this one."""
    dated = _DATE.match(text)
    label = scales.lookup_label(dated.group(1)) if dated else None
    return label if label is not None and label.meaning.means in _STATUSES else None
