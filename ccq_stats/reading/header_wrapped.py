"""A header whose words wrap onto the row under it, with no merged cell to say so: a PDF turned
back into Excel ("Họ và" over "tên", "Năm" over "sinh", "Xếp loại" over "chất lượng"), a header typed
with Alt+Enter split by a converter into two rows.

A careful clerk reads such a header as one row of the joined words when the row under it only
continues them: two filled cells or more (one alone is a section heading or a title, never a
header's row), each holding words (no number, no year, no rating label: nothing a
data row holds), under a header cell whose words it ends or, under an empty one, a header of its own
("STT" set on the lower row), and each joined cell is a known header – and at least
one of them says something the upper piece alone does not ("Năm" is a year, "Năm sinh" a birth
year). A data row under a header never does both: a member's name after "Họ và tên" names the same
column, a rating label or a number is data. The header is then both rows, read by the joined words.
"""

from __future__ import annotations

from ccq_stats.figures.classify import match_label
from ccq_stats.reading.grid import text_at
from ccq_stats.reading.header_columns import MAX_HEADER_TEXT
from ccq_stats.reading.header_spans import is_year_number
from ccq_stats.reading.header_words import resolve_column
from ccq_stats.vocabulary.scales import Scales


def _words_only(value, scales: Scales) -> bool:
    """A cell a header's wrapped words can be: text of words, not a number, a year or a label."""
    if not isinstance(value, str) or is_year_number(value):
        return False
    text = text_at([value], 0)
    return len(text) < MAX_HEADER_TEXT and not any(ch.isdigit() for ch in text) and match_label(text, scales) is None


def _said(column) -> tuple | None:
    return None if column is None else (column.role, column.meaning, column.year, column.reason)


def wrapped_header(rows: list[list], r: int, scales: Scales) -> list | None:
    """Row r with the words of the row under it joined to its cells, when that row continues the
    header's words (see the module's note); else None."""
    if r + 1 >= len(rows):
        return None
    upper, lower = rows[r], rows[r + 1]
    pieces = {i: text_at(lower, i) for i in range(min(len(lower), 60)) if text_at(lower, i)}
    if len(pieces) < 2 or any(not _words_only(lower[i], scales) for i in pieces):
        return None  # one cell alone is a title or a section heading ("I. CÁC CHI BỘ CƠ SỞ"), as above a header
    joined = [text_at(upper, i) for i in range(min(max(len(upper), len(lower)), 60))]
    changed = False
    for i, piece in pieces.items():
        # a piece under an empty cell is a header of its own, set lower ("STT" centred on the two rows)
        whole = f"{joined[i]} {piece}" if joined[i] else piece
        column = resolve_column(i, whole, [], scales)
        if column is None:
            return None  # the pieces do not join into a known header: not the header's words
        # a join that says more than the upper piece alone (a header set lower says nothing of a wrap)
        changed |= bool(joined[i]) and _said(column) != _said(resolve_column(i, joined[i], [], scales))
        joined[i] = whole
    return joined if changed else None
