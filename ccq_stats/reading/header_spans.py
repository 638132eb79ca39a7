"""Headers over several rows and merged cells (``header``): a merged cell's text carried across
the columns it spans, sub-header rows, a name in two columns under a merged "Họ và tên", counts
under a merged "Chi bộ trực thuộc", and where the table's columns end (an empty column, hidden
columns).
"""

from __future__ import annotations

from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header_columns import Column, Header, Ignored, Source, block_score, ignored
from ccq_stats.reading.header_words import mapped_column, resolve_column
from ccq_stats.text import clean
from ccq_stats.vocabulary.scales import HEADER_FIRST_YEAR, LAST_YEAR, SINGLE_ROLES, Mapping, Scales


def filled_across(row: list, width: int) -> list[str]:
    """Header texts with each merged cell's text carried right over the empty cells it spans."""
    out, last = [], ""
    for i in range(width):
        text = text_at(row, i)
        last = text or last
        out.append(last)
    return out


def filled_count(row: list, limit: int = 2) -> int:
    """How many cells of a row hold text (counting stops at ``limit``)."""
    n = 0
    for value in row:
        if value is not None and value != "" and clean(value):
            n += 1
            if n >= limit:
                break
    return n


def is_year_number(value) -> bool:
    """A bare number a header may name a year by (HEADER_FIRST_YEAR–LAST_YEAR)."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and float(value).is_integer()
        and HEADER_FIRST_YEAR <= value <= LAST_YEAR
    )


def is_subheader(upper: list[str], raw_upper: list, lower: list, scales: Scales, below: list | None = None) -> bool:
    """Is ``lower`` the second row of a merged header rather than the first data row? A cell of
    no known word is a header cell too when it heads a further level in ``below`` ("Chia ra",
    "Trong đó" merged over HTXSNV | HTTNV | HTNV | KHTNV): the header is as deep as its merges go."""
    if filled_count(raw_upper) < 2:
        return False  # a title is never a header's upper row
    width = max(len(raw_upper), len(lower))
    under_merge = False
    for i in range(width):
        text = text_at(lower, i)
        if not text:
            continue
        if (
            isinstance(lower[i], (int, float))
            and not isinstance(lower[i], bool)
            and not (is_year_number(lower[i]) and upper[i])
        ):
            return False  # a number is data, unless it is a year under a merged header
        if not text_at(raw_upper, i) and upper[i]:
            under_merge = True
        if resolve_column(i, text, [upper[i]] if upper[i] else [], scales) is None and not _heads_level(
            i, lower, below, scales
        ):
            return False
    return under_merge


def _heads_level(index: int, row: list, below: list | None, scales: Scales) -> bool:
    """Is the text at ``index`` a group heading over header cells in the row below (a third level)?"""
    if below is None or not text_at(below, index):
        return False
    width = max(len(row), len(below))
    return is_subheader(filled_across(row, width), row, below, scales)


def columns_for(rows: list[list], first: int, depth: int, scales: Scales, mapping: Mapping | None) -> list[Column]:
    width = max(len(rows[r]) for r in range(first, first + depth))
    levels = [filled_across(rows[r], width) for r in range(first, first + depth)]
    columns, leaves = [], {}
    for i in range(width):
        # the leaf is the lowest non-empty header cell; the cells above it are its ancestors
        for level in range(depth - 1, -1, -1):
            raw = text_at(rows[first + level], i)
            if raw:
                leaves[i] = raw
                ancestors = [levels[up][i] for up in range(level - 1, -1, -1) if levels[up][i]]
                column = mapped_column(i, [raw] + ancestors, mapping, scales) or _under_votes(
                    _under_organisations(resolve_column(i, raw, ancestors, scales), ancestors, scales),
                    ancestors,
                    scales,
                )
                if column:
                    columns.append(column)
                break
    return _parts_beside(_name_in_two_columns(columns, leaves, scales), leaves, scales)


def _parts_beside(columns: list[Column], leaves: dict[int, str], scales: Scales) -> list[Column]:
    """ "Chưa đánh giá | Trong đó: mới kết nạp": a "Trong đó" column of the same tier or status as a
    count column left of it is a part of that count (new members among the not rated), not more of
    them – as a "Trong đó" under a merged tier is (``_part_of_tier``)."""
    out, seen = [], {}
    for column in columns:
        key = (column.meaning, column.year) if column.role == "count" else None
        if (
            key is not None
            and not column.meaning.exemplary
            and key in seen
            and column.source == Source.LABEL
            and scales.words.in_which.match(leaves.get(column.index, ""))
        ):
            column = ignored(column.index, column.header, Ignored.PART_OF_TIER, seen[key].header)
        elif key is not None:
            seen.setdefault(key, column)
        out.append(column)
    return out


def _name_in_two_columns(columns: list[Column], leaves: dict[int, str], scales: Scales) -> list[Column]:
    """ "Họ đệm" | "Tên" side by side with no merged "Họ và tên" above ([name_parts]): the two
    parts of each member's name, read together – a member list, not a list of organisations."""
    taken = {c.index: c for c in columns}
    for i, text in leaves.items():
        given = leaves.get(i + 1, "")
        if scales.lookup(scales.name_parts, text) != "first" or scales.lookup(scales.name_parts, given) != "last":
            continue
        first = taken.get(i)  # "Họ và tên đệm" holds the words "họ và tên": its own words, not the whole name
        if i + 1 in taken or (
            first and (first.role != "member" or first.source not in (Source.WORDS, Source.HEAD_WORDS))
        ):
            continue
        detail = f"{text} + {given}"
        taken[i] = Column(i, "member", text, source=Source.NAME_PARTS, detail=detail)
        taken[i + 1] = Column(i + 1, "member", given, source=Source.NAME_PARTS, detail=detail)
    return sorted(taken.values(), key=lambda c: c.index)


def is_name_part(column: Column) -> bool:
    """Is the column one part of a member's name in two columns (under a merged "Họ và tên", or
    "Họ đệm" | "Tên" side by side)? Such parts are read together, not as two name columns."""
    return column.source in (Source.NAME_PART, Source.NAME_PARTS)


def _under_organisations(column: Column | None, ancestors: list[str], scales: Scales) -> Column | None:
    """A count under a merged cell that names organisations ("Chi bộ trực thuộc" over "Tổng số |
    HTXSNV | HTTNV …") counts organisations of each tier, not members: a unit count."""
    if column is None or column.role not in ("count", "total_count", "rated_count") or not ancestors:
        return column
    above = resolve_column(column.index, ancestors[0], ancestors[1:], scales)
    if above is None or above.role not in ("org", "unit_count", "kind"):
        return column
    return Column(
        column.index, "unit_count", f"{ancestors[0]} / {column.header}", source=Source.UNDER_ORGS, detail=ancestors[0]
    )


def _under_votes(column: Column | None, ancestors: list[str], scales: Scales) -> Column | None:
    """A tier under a merged cell that names votes ("Số phiếu biểu quyết" over "HTXSNV | HTTNV …"):
    the ballots cast for each tier, not members of it – not read, and inspect says why."""
    if column is None or column.role not in ("count", "total_count", "rated_count", "unit_count") or not ancestors:
        return column
    above = resolve_column(column.index, ancestors[0], ancestors[1:], scales)
    if above is None or above.reason != Ignored.VOTES:
        return column
    header = f"{ancestors[0]} / {column.header}"
    return Column(column.index, "ignored", header, source=above.source, detail=above.detail, reason=Ignored.VOTES)


def drop_hidden(header: Header, sheet: Sheet) -> None:
    hidden = sheet.hidden_columns
    for column in [c for c in header.columns if c.index in hidden]:
        header.columns.remove(column)
        header.dropped.append((column.index, column.header, Ignored.HIDDEN))


def _empty_below(rows: list[list], first: int, index: int) -> bool:
    """Is column ``index`` empty from the header's first row down to the end of the sheet?"""
    for row in rows[first:]:
        if index < len(row) and row[index] is not None and row[index] != "" and clean(row[index]):
            return False
    return True


def cut_at_empty_column(header: Header, rows: list[list]) -> None:
    """Keep the block of columns that reads best; a block beyond an empty column is another table."""
    columns = sorted(header.columns, key=lambda c: c.index)
    blocks, current = [], []
    for column in columns:
        if current and any(_empty_below(rows, header.first_row, g) for g in range(current[-1].index + 1, column.index)):
            blocks.append(current)
            current = []
        current.append(column)
    blocks.append(current)
    blocks = _rejoin(blocks, rows, header.last_row + 1)
    if len(blocks) < 2:
        return
    keep = max(blocks, key=lambda b: (block_score(b), -b[0].index))
    for block in blocks:
        if block is not keep:
            for column in block:
                header.columns.remove(column)
                header.dropped.append((column.index, column.header, Ignored.BEYOND_EMPTY))


def _filled_rows(rows: list[list], start: int, block: list[Column]) -> list[bool]:
    return [
        any(c.index < len(row) and row[c.index] is not None and clean(row[c.index]) for c in block)
        for row in rows[start:]
    ]


def _rejoin(blocks: list[list[Column]], rows: list[list], start: int) -> list[list[Column]]:
    """Blocks split by an empty column are one table again when their rows line up and together
    they hold each role once: an empty spacer column inside a table does not end it. A summary
    block beside the table (its own rows, its own "Xếp loại") stays apart."""
    out = [blocks[0]]
    for block in blocks[1:]:
        joined = out[-1] + block
        once = [c.role for c in joined if c.role in SINGLE_ROLES]
        undated = [c for c in joined if c.role == "rating" and c.year is None]
        clash = len(once) != len(set(once))
        if not clash and len(undated) <= 1 and _filled_rows(rows, start, out[-1]) == _filled_rows(rows, start, block):
            out[-1] = joined
        else:
            out.append(block)
    return out
