"""The header of a sheet, found by its words and confirmed by the cells under it.

The header is never assumed to be row 1: title rows above, two- or three-row headers under
merged cells, an index row (1) (2) … below. Rules, in the order they apply:

* A row with one filled cell (a title, merged across or not) is never a header row, nor the
  upper row of a multi-row header: "TỔNG HỢP … NĂM 2021" directly above the header is a title.
* Each header cell is matched by meaning (``resolve_column``): its exact name in [columns]
  of ``scales.toml``; "Năm 2019" (or 2019 typed as a number) alone is the wide layout's rating
  column of that year; a header that is itself a rating label ("HTXSNV", "Miễn đánh giá",
  "Trong đó: TSVM tiêu biểu") is a count (or tick) column of that tier; otherwise its words
  ([column_words]: "KQ xếp loại", "Tên chi, đảng bộ"), after a year in it is taken off
  ("Xếp loại năm 2019" is the rating of 2019). A user's ``--column ROLE=HEADER`` wins over all.
* The cells under a candidate confirm it: a "count" column whose cells are words (rating labels,
  names) shows that the candidate is a data row, not a header — it loses to the header above.
  Where no header word names the rating but one names the organisations (or members), the
  column whose cells are almost all rating labels is the rating column. A header of no known
  word at all is not read by its cells alone: the error names it and the mapping that fixes it.
* A table ends at an empty column: a block beyond it (a COUNTIF summary to the right) is not
  part of the table. Hidden columns are skipped.

Every column keeps how its role was decided (``Column.source``, a ``Source``) and what decided it
(``Column.detail``: the words, the label, as data); a column that is not read keeps why
(``Column.reason``, an ``Ignored``). Decisions test these values; ``inspect`` alone turns them into
words for people.

Its rooms: this module scores the candidate rows and confirms them by their cells
(``find_header``); ``header_words`` matches a cell's words (``resolve_column``); ``header_spans``
reads merged cells and headers over several rows and ends the table at an empty column;
``header_columns`` holds what they say of a column (``Column``, ``Header``, ``Source``, ``Ignored``).
"""

from __future__ import annotations

import re

from ccq_stats.figures.classify import match_label
from ccq_stats.reading.cells import WITH_SHARE, is_dash, is_tick, is_unticked
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header_columns import (  # noqa: F401 - the header's types, kept importable from here
    MAX_HEADER_TEXT,
    NOT_READ,
    SAMPLE_ROWS,
    SCAN_ROWS,
    Column,
    Header,
    Ignored,
    Source,
    block_score,
    ignored,
)
from ccq_stats.reading.header_spans import (  # noqa: F401 - filled_count, is_name_part kept importable here
    columns_for,
    cut_at_empty_column,
    drop_hidden,
    filled_across,
    filled_count,
    is_name_part,
    is_subheader,
    is_year_number,
)
from ccq_stats.reading.header_words import resolve_column, year_in_header  # noqa: F401 - resolve_column too
from ccq_stats.reading.header_wrapped import wrapped_header
from ccq_stats.text import clean, norm_key
from ccq_stats.vocabulary.scales import (
    Mapping,
    Scales,
    find_phrase,
    has_marks,
    words_of,
    year_of_header,
)

_INDEX_TOKEN = re.compile(r"^\(?[0-9]{1,3}\)?$|^\(?[a-z]\)?$|^\(?\d+\)?\s*=.*$", re.I)


def _values(rows: list[list], start: int, index: int) -> list:
    """The filled cells of a column in the rows under a header (a sample)."""
    out = []
    for row in rows[start : start + SAMPLE_ROWS]:
        if index < len(row) and row[index] is not None and clean(row[index]):
            out.append(row[index])
    return out


def _is_label(value, scales: Scales) -> bool:
    return isinstance(value, str) and len(value) <= MAX_HEADER_TEXT and match_label(value, scales) is not None


def _is_wordy(value, scales: Scales) -> bool:
    """A cell of words: not a number, not a tick mark (nor a checkbox's TRUE or FALSE)."""
    if not isinstance(value, str):
        return False
    text = clean(value)
    if WITH_SHARE.match(text) or is_tick(text, scales) or is_unticked(text, scales):  # "5 (13,51%)": a count
        return False
    return len(text) > 1 and not text.replace(".", "").replace(",", "").isdigit() and not is_dash(text, scales)


def _confirmed(columns: list[Column], rows: list[list], start: int, scales: Scales) -> bool:
    """Do the cells under the candidate fit it? Count columns must hold numbers or ticks – and a
    candidate whose only meaning comes from cells that are rating labels needs some below it
    (the last row of a list is not a header of an empty table)."""
    labelled = [c for c in columns if c.role == "count" and c.source == Source.LABEL]
    if (
        labelled
        and not {c.role for c in columns} & {"rating", "member"}
        and not any(_values(rows, start, c.index) for c in labelled)
    ):
        return False
    for column in columns:
        if column.role == "rating" and column.source == Source.YEAR:
            values = _values(rows, start, column.index)
            numbers = sum(not _is_wordy(v, scales) for v in values)
            if values and numbers > len(values) / 2 and not any(_is_label(v, scales) for v in values):
                return False  # figures under a year (a table of counts by year), not ratings
        if column.role != "count" or column.source == Source.MAPPED:
            continue
        values = _values(rows, start, column.index)
        wordy = sum(_is_wordy(v, scales) for v in values)
        if values and wordy > len(values) / 2 and any(_is_label(v, scales) or len(clean(v)) > 2 for v in values):
            return False  # labels or names under a "header" of labels: it is a data row
        fractions = sum(isinstance(v, float) and not v.is_integer() for v in values)
        if values and fractions > len(values) / 2:
            return False  # shares (0.65), not counts: a table of percentages
    return True


def _year_or_not(column: Column, rows: list[list], start: int, scales: Scales) -> Column:
    """A year column named without diacritics ("Nam") is năm only if a year is under it: "Nam"
    beside "Nữ", ticked with x, is nam (male), and not read. One year under it keeps it the
    year column, whose other cells are then errors, never skipped."""
    if column.role != "year" or has_marks(norm_key(column.header)) or column.source == Source.MAPPED:
        return column
    values = _values(rows, start, column.index)
    if not values or any(is_year_number(v) or year_of_header(v, scales) for v in values):
        return column
    return ignored(column.index, column.header, Ignored.NOT_YEAR)


# roles whose cells are words (a rating, an organisation, a discipline …): numbers under one of them,
# under a header that names points, are points (``_points_or_not``)
_WORDED_ROLES = ("rating", "proposed", "discipline", "parent", "kind", "host_type")


def _points_or_not(column: Column, rows: list[list], start: int, scales: Scales) -> Column:
    """A column whose header names points ("Tiêu chí 4: Kết quả thực hiện nhiệm vụ (30 điểm)") and
    whose cells are numbers is a part of a score, whatever other words its header has ("kết quả",
    "kỷ luật"): not a rating, nor a discipline. The 2025 score sheets (QĐ 366) give each criterion's
    points before the total and the tier. Its cells decide: labels under it keep its role."""
    if column.role not in _WORDED_ROLES or column.source == Source.MAPPED:
        return column
    return points_column(column.index, column.header, _values(rows, start, column.index), scales) or column


def points_column(index: int, header: str, values: list, scales: Scales) -> Column | None:
    """The column as points not read (``Ignored.POINTS``) when its header names points and every
    cell of ``values`` (its filled cells) is a number; else None. Also for a column of no known
    header word (``account``): "Tiêu chí 1: Chính trị tư tưởng (20 điểm)" is points, not unknown."""
    words = words_of(header)
    points = scales.words.points_word if words.marked else scales.words.points_word_unmarked
    unit = next((w for w in words if points.match(w)), None)
    if unit is None or not values:
        return None
    numbers = sum(
        (isinstance(v, (int, float)) and not isinstance(v, bool)) or bool(scales.words.score.match(clean(v)))
        for v in values
    )
    return ignored(index, header, Ignored.POINTS, unit) if numbers == len(values) else None


MAX_NAME_WORDS = 12  # an organisation's name is short; a longer cell is a sentence (a comment)


def _names_organisation(value, scales: Scales) -> bool:
    """Does a cell read as an organisation's name: an organisation word in it ("Đảng bộ Sở Y tế",
    "ĐU Sở Tài chính") or a proper name of capitalised words ("Sở Tài chính"), not a number, a
    rating label or a sentence ("Còn hạn chế trong sinh hoạt chuyên đề")?"""
    if not _is_wordy(value, scales) or _is_label(value, scales):
        return False
    text = clean(value)
    words = words_of(text)
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    if any(find_phrase(words, wanted) >= 0 for wanted, _shown in scales.column_words.get("org", [])):
        return True
    return sum(w[:1].isupper() for w in text.split()) >= 2


def _parent_or_not(column: Column, rows: list[list], start: int, scales: Scales) -> Column:
    """A parent column holds the names of organisations. Headed by its role word ("Trực thuộc",
    "Thuộc đảng bộ"), it is one unless its cells are numbers or rating labels; found by a word
    inside a longer header ("… cấp trên …"), its cells must read as names: a score ("Điểm cấp
    ủy cấp trên chấm": 92, 80) or a comment is not a parent, and its rows are not chi bộ trực thuộc."""
    if column.role != "parent" or column.source == Source.MAPPED:
        return column
    values = _values(rows, start, column.index)
    if not values:
        return column
    headed = column.source in (Source.NAME, Source.HEAD_WORDS)
    if headed:
        unnamed = sum(not _is_wordy(v, scales) or _is_label(v, scales) for v in values)
        if unnamed <= len(values) / 2:
            return column
    elif sum(_names_organisation(v, scales) for v in values) >= len(values) / 2:
        return column
    return ignored(column.index, column.header, Ignored.NOT_PARENT)


def _kind_or_not(columns: list[Column], rows: list[list], start: int, scales: Scales) -> list[Column]:
    """In a member list, a "Loại" column under which no cell is a kind of organisation ("Chính
    thức", "Dự bị": the member's standing) is about the members, and not read. In a list of
    organisations an unknown kind stays an error: there it decides units or cells."""
    if not {c.role for c in columns} & {"member", "member_id"}:
        return columns
    out = []
    for column in columns:
        values = _values(rows, start, column.index) if column.role == "kind" and column.source != Source.MAPPED else []
        if values and not any(scales.lookup(scales.kinds, clean(v)) for v in values):
            column = ignored(column.index, column.header, Ignored.NOT_KIND)
        out.append(column)
    return out


def _by_content(columns: list[Column], rows: list[list], first: int, start: int, scales: Scales) -> list[Column]:
    """Where no header word names a rating but one names the organisations or members: a column
    whose cells are almost all rating labels is the rating column."""
    roles = {c.role for c in columns}
    if roles & {"rating", "count"} or not roles & {"org", "member", "member_id"}:
        return columns  # content confirms words: a header of no known word is not read by its cells alone
    known = {c.index for c in columns}
    width = max(len(rows[r]) for r in range(first, start))
    # the rows that name someone: a rating column rates most of them. Labels on a few rows only ("TSVM
    # tiêu biểu" in a notes column, under tiers given by section headings) are notes, not the ratings
    named = max(len(_values(rows, start, c.index)) for c in columns if c.role in ("org", "member", "member_id"))
    added = []
    for i in range(width):
        if i in known:
            continue
        values = _values(rows, start, i)
        labels = sum(_is_label(v, scales) for v in values)
        if len(values) >= 2 and labels >= 0.8 * len(values) and len(values) >= named / 2:
            head = text_at(rows[start - 1], i) or "(no header)"
            added.append(
                Column(
                    i,
                    "rating",
                    head,
                    year_in_header(head, scales),
                    source=Source.CONTENT,
                    detail=f"{labels}/{len(values)}",
                )
            )
    if len(added) != 1:
        return columns  # none, or several: the user says which (--column rating=…)
    return sorted(columns + added, key=lambda c: c.index)


def _counts_and_shares(row: list, scales: Scales) -> bool:
    """A row of "SL | %" (or "Số lượng | Tỷ lệ") alone: the last level of a count form's header,
    under tiers that are under "Chia ra" under "Được đánh giá" – a fourth header row, never data."""
    texts = [text_at(row, i) for i in range(len(row))]
    texts = [t for t in texts if t]
    return len(texts) >= 2 and all(scales.lookup(scales.columns, t) in ("count_of", "share_of") for t in texts)


def _candidate(rows: list[list], r: int, scales: Scales, mapping: Mapping | None) -> tuple[int, Header] | None:
    cells = [v for v in rows[r] if v is not None and clean(v)]
    if sum(isinstance(v, float) and not v.is_integer() for v in cells) > len(cells) / 2:
        return None  # a row of shares (0.73, 0.18 …) is data, never a header
    depth = 1
    while r + depth < len(rows) and (depth < 3 or (depth == 3 and _counts_and_shares(rows[r + depth], scales))):
        width = max(len(rows[r + depth - 1]), len(rows[r + depth]))
        upper = filled_across(rows[r + depth - 1], width)
        below = rows[r + depth + 1] if depth < 2 and r + depth + 1 < len(rows) else None
        if not is_subheader(upper, rows[r + depth - 1], rows[r + depth], scales, below):
            break
        depth += 1
    joined = wrapped_header(rows, r, scales) if depth == 1 else None  # "Họ và" over "tên", not merged
    words = [joined] if joined else rows[r : r + depth]  # the header's texts, row by row
    columns = columns_for(words, 0, len(words), scales, mapping)
    depth += 1 if joined else 0
    start = r + depth + (1 if r + depth < len(rows) and is_index_row(rows[r + depth]) else 0)
    columns = [_points_or_not(c, rows, start, scales) for c in columns]
    columns = [_parent_or_not(_year_or_not(c, rows, start, scales), rows, start, scales) for c in columns]
    columns = _kind_or_not(columns, rows, start, scales)
    if not _confirmed(columns, rows, start, scales):
        return None
    columns = _by_content(columns, rows, r, start, scales)
    score = block_score(columns)
    if not columns:
        return None
    width = max(len(row) for row in words)
    cells = [" / ".join(dict.fromkeys(t for t in (text_at(row, i) for row in words) if t)) for i in range(width)]
    header = Header(r, r + depth - 1, columns, cells)
    if mapping and mapping.columns:
        header.mapped = {
            norm_key(t)
            for row in words
            for t in (text_at(row, i) for i in range(width))
            if t and norm_key(t) in mapping.columns
        }
    return score, header


def find_header(sheet: Sheet, scales: Scales, mapping: Mapping | None = None) -> Header | None:
    """The header of a sheet: the row (or 2-3 rows under merged cells) whose words fit best, or
    the row the user names (``mapping.header_row``)."""
    rows = sheet.rows
    if mapping and mapping.header_row:
        candidates = [mapping.header_row - 1] if mapping.header_row <= len(rows) else []
    else:  # the first SCAN_ROWS rows of the table (of the sheet, unless it is a table stacked under another)
        candidates = range(sheet.top, min(sheet.top + SCAN_ROWS, len(rows)))
    best: tuple[int, Header] | None = None
    above: list[Header] = []
    data_seen = best_has_data = False
    for r in candidates:
        if filled_count(rows[r]) < 2:
            continue  # blank, or a title
        if any(_is_data_of(h, rows[r], scales) for h in above):
            data_seen = True
            best_has_data |= best is not None and _is_data_of(best[1], rows[r], scales)
            continue
        found = _candidate(rows, r, scales, mapping)
        if found and data_seen and any(c.role == "count" and c.source == Source.LABEL for c in found[1].columns):
            continue  # cells that are rating labels, under data rows of a header above: a data row too
        if found and found[0] and best_has_data:
            break  # the header of a second table under the first one's rows: read on its own (plan.next_table)
        if found:
            above.append(found[1])  # even a header of no rating ("Năm | Đối tượng"): its data rows are data
            if found[0] and (best is None or found[0] > best[0]):
                best = found
    if best is None:
        return None
    header = best[1]
    drop_hidden(header, sheet)
    cut_at_empty_column(header, rows)
    return header


def header_at(sheet: Sheet, r: int, scales: Scales) -> Header | None:
    """The header starting at row r (0-based) when the row is one (it has a rating or count
    column), else None: the header of a second table on a sheet."""
    found = _candidate(sheet.rows, r, scales, None)
    return found[1] if found and found[0] else None


def _is_data_of(header: Header, row: list, scales: Scales) -> bool:
    """Is the row a data row of a header above it: a rating label under its rating column, a year
    under its year column? Such a row never is a header, whatever its cells look like."""
    for column in header.columns:
        value = row[column.index] if column.index < len(row) else None
        if value is None or not clean(value):
            continue
        if column.role == "rating" and _is_label(value, scales):
            return True
        if column.role == "year" and (is_year_number(value) or year_of_header(value, scales)):
            return True
    return False


def likely_header(sheet: Sheet) -> str:
    """The row a header would be in when none is recognised (the first row of two or more
    filled cells), shown as "row 1: A Cột 1 | B Cột 2 …", for the error's message."""
    for r, row in enumerate(sheet.rows[:SCAN_ROWS]):
        if filled_count(row) >= 2:
            width = min(len(row), 60)
            return Header(r, r, [], [text_at(row, i) for i in range(width)]).shown()
    return ""


def is_index_row(row: list) -> bool:
    """A row of column numbers under the header: (1) (2) (3) …, 1 2 3 …, A B C …"""
    tokens = [text_at(row, i) for i in range(len(row))]
    tokens = [t for t in tokens if t]
    if len(tokens) < 3 or not all(_INDEX_TOKEN.match(t) for t in tokens):
        return False
    numbers = [int(re.sub(r"\D.*", "", t.strip("()"))) for t in tokens if t.strip("()")[:1].isdigit()]
    return numbers == sorted(set(numbers))
