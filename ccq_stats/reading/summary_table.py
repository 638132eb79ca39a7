"""Where a table ends at a summary under it, and what belongs to that summary.

A list often ends with a small summary in its own columns: the tiers down the side and their
counts beside them ("Hoàn thành xuất sắc nhiệm vụ | 7 | 50"), headed by a row of count and share
words ("TỔNG HỢP | Số lượng | Tỷ lệ (%)"). The list ends at that heading row, not at the first
tier under it: the heading is the summary's, and nothing from it on is data (``plan.table_end``;
``inspect`` lists the rows skipped as summary). Its figures are not checked against the list
yet: they are skipped, and inspect says so.
"""

from __future__ import annotations

from ccq_stats.reading.grid import text_at
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of

_SUMMARY_HEAD = ("count_of", "share_of")  # [columns] roles of the words that head a summary's columns


def starts_with(text: str, phrases) -> bool:
    """Does the text begin with one of the phrases (as [table_end] lists them)?"""
    words = words_of(text)
    return any(find_phrase(words, (True, needle)) == 0 for _key, needle in phrases)


def summary_top(rows: list, r: int, start: int, scales: Scales) -> int:
    """The first row of a summary whose first tier is on row r: the rows right above it made of
    header words, one at least a count or a share ("Số lượng", "SL", "Tỷ lệ"), with at most one
    other text (the summary's name, "TỔNG HỢP"), head it."""
    top = r
    while top - 1 >= start:
        row = rows[top - 1]
        texts = [t for t in (text_at(row, i) for i in range(min(len(row), 60))) if t]
        roles = [scales.lookup(scales.columns, t) for t in texts]
        if len(texts) < 2 or not any(r in _SUMMARY_HEAD for r in roles) or roles.count(None) > 1:
            break
        top -= 1
    return top
