"""The header of a sheet, found by its words, never assumed to be row 1.

Title rows above, two- or three-row headers under merged cells, an index row (1) (2) … below.
Each header cell is matched against the column vocabulary of ``scales.toml`` (folded as
labels are: case, diacritics, punctuation); a header cell that is itself a rating label
("HTXSNV", "Miễn đánh giá") is a count column of that tier or status; "Năm 2019" alone is the
wide layout's rating column of that year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ccq_stats.classify import match_label
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.scales import Meaning, Scales
from ccq_stats.text import year_of_header

SCAN_ROWS = 40  # the header is looked for in this many rows at the top of a sheet
_INDEX_TOKEN = re.compile(r"^\(?[0-9]{1,3}\)?$|^\(?[a-z]\)?$|^\(?\d+\)?\s*=.*$", re.I)
_TRAILING_INDEX = re.compile(r"\s*\(\s*\d{1,2}\s*\)$")


@dataclass
class Column:
    index: int
    role: str  # a role of scales.ROLES, or "count" (a tier or status count column)
    header: str
    year: int | None = None
    meaning: Meaning | None = None


@dataclass
class Header:
    first_row: int  # 0-based index of the header's first row
    last_row: int  # 0-based index of its last row (data starts below, after an index row)
    columns: list[Column] = field(default_factory=list)

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def one(self, role: str) -> Column | None:
        found = self.of(role)
        return found[0] if found else None


def resolve_column(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """What a column holds, from its header text and the (merged) header cells above it."""
    leaf = _TRAILING_INDEX.sub("", leaf)
    if not leaf:
        return None
    year = next((y for y in map(year_of_header, ancestors) if y), None)
    role = scales.lookup(scales.columns, leaf)
    if role == "share_of":
        return Column(index, role, leaf)  # a share beside a count: known, not read
    if role == "count_of":
        if not ancestors:
            return None
        parent = resolve_column(index, ancestors[0], ancestors[1:], scales)
        if parent and parent.role in ("count", "total_count", "rated_count"):
            return Column(index, parent.role, f"{ancestors[0]} / {leaf}", parent.year, parent.meaning)
        return None
    if role:
        return Column(index, role, leaf, year)
    leaf_year = year_of_header(leaf)
    if leaf_year:
        return Column(index, "rating", leaf, leaf_year)  # wide layout: one rating column per year
    label = match_label(leaf, scales)
    if label is not None:
        return Column(index, "count", leaf, year, label.meaning)
    return None


def _ffill(row: list, width: int) -> list[str]:
    """Header texts with each merged cell's text carried right over the empty cells it spans."""
    out, last = [], ""
    for i in range(width):
        text = text_at(row, i)
        last = text or last
        out.append(last)
    return out


def _is_subheader(upper: list[str], raw_upper: list, lower: list, scales: Scales) -> bool:
    """Is ``lower`` the second row of a merged header rather than the first data row?"""
    width = max(len(raw_upper), len(lower))
    under_merge = False
    for i in range(width):
        text = text_at(lower, i)
        if not text:
            continue
        if isinstance(lower[i], (int, float)) and not isinstance(lower[i], bool):
            return False
        if not text_at(raw_upper, i) and upper[i]:
            under_merge = True
        if resolve_column(i, text, [upper[i]] if upper[i] else [], scales) is None:
            return False
    return under_merge


def _columns_for(rows: list[list], first: int, depth: int, scales: Scales) -> list[Column]:
    width = max(len(rows[r]) for r in range(first, first + depth))
    levels = [_ffill(rows[r], width) for r in range(first, first + depth)]
    columns = []
    for i in range(width):
        # the leaf is the lowest non-empty header cell; the cells above it are its ancestors
        for level in range(depth - 1, -1, -1):
            raw = text_at(rows[first + level], i)
            if raw:
                ancestors = [levels[up][i] for up in range(level - 1, -1, -1) if levels[up][i]]
                column = resolve_column(i, raw, ancestors, scales)
                if column:
                    columns.append(column)
                break
    return columns


def _score(columns: list[Column]) -> int:
    roles = {c.role for c in columns}
    if not roles & {"rating", "count", "member"}:
        return 0
    return len(columns) + 2 * len(roles & {"org", "member", "rating", "count"})


def find_header(sheet: Sheet, scales: Scales) -> Header | None:
    """The header of a sheet: the row (or 2-3 rows under merged cells) whose words fit best."""
    rows = sheet.rows
    best: tuple[int, Header] | None = None
    for r in range(min(SCAN_ROWS, len(rows))):
        if not any(text_at(rows[r], i) for i in range(len(rows[r]))):
            continue
        depth = 1
        while depth < 3 and r + depth < len(rows):
            upper = _ffill(rows[r + depth - 1], max(len(rows[r + depth - 1]), len(rows[r + depth])))
            if not _is_subheader(upper, rows[r + depth - 1], rows[r + depth], scales):
                break
            depth += 1
        columns = _columns_for(rows, r, depth, scales)
        score = _score(columns)
        if score and (best is None or score > best[0]):
            best = (score, Header(r, r + depth - 1, columns))
    return best[1] if best else None


def is_index_row(row: list) -> bool:
    """A row of column numbers under the header: (1) (2) (3) …, 1 2 3 …, A B C …"""
    tokens = [text_at(row, i) for i in range(len(row))]
    tokens = [t for t in tokens if t]
    if len(tokens) < 3 or not all(_INDEX_TOKEN.match(t) for t in tokens):
        return False
    numbers = [int(re.sub(r"\D.*", "", t.strip("()"))) for t in tokens if t.strip("()")[:1].isdigit()]
    return numbers == sorted(set(numbers))
