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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.vocabulary.scales import (
    STATUSES, TIERS, Mapping, Meaning, Scales, find_phrase, has_marks, phrase, words_of,
)
from ccq_stats.text import clean, norm_key, strip_marks, year_of_header

# roles a row has once (a second column of the same role is not read, see plan.one_of_each)
SINGLE_ROLES = ("seq", "org", "member", "member_id", "birth", "kind", "parent", "host_type", "year", "discipline",
                "total_count", "rated_count")
SCAN_ROWS = 40  # the header is looked for in this many rows at the top of a sheet
SAMPLE_ROWS = 60  # rows under a candidate header looked at to confirm it
MAX_HEADER_TEXT = 160  # a longer cell is a title or a note, never a header word
_INDEX_TOKEN = re.compile(r"^\(?[0-9]{1,3}\)?$|^\(?[a-z]\)?$|^\(?\d+\)?\s*=.*$", re.I)
_TRAILING_INDEX = re.compile(r"\s*\(\s*\d{1,2}\s*\)$")
_IN_WHICH = re.compile(r"^trong\s+(?:đó|do)\s*[:,.\-–]?\s*", re.I)  # "Trong đó: TSVM tiêu biểu"
# "Hoàn thành tốt nhiệm vụ trở lên": a tier and the tiers above it (DOMAIN: "trở lên" is cumulative)
_OR_BETTER = re.compile(r"\s*\b(?:trở|tro)\s+(?:lên|len)\s*$", re.I)
_YEAR_IN_HEADER = re.compile(r"(?:\bn[aă]m\s*)?(?<!\d)((?:19|20)\d\d)(?!\d)", re.I)


class Source(str, Enum):
    """How a column's role was decided."""

    MAPPED = "mapped"  # --column ROLE=HEADER (or [mapping] of a --scales file)
    NAME = "name"  # its exact name in [columns]
    YEAR = "year"  # the header is a year alone: the wide layout's rating of that year
    LABEL = "label"  # the header is a rating label: a count (or tick) column of that tier
    OR_BETTER = "or_better"  # "HTTNV trở lên": a tier and the tiers above it
    EXEMPLARY = "exemplary"  # "Trong đó: tiêu biểu"
    WORDS = "words"  # a phrase of [column_words] inside the header
    HEAD_WORDS = "head_words"  # a phrase of [column_words] that must begin the header ("^trực thuộc")
    NAME_PART = "name_part"  # "Họ đệm" | "Tên" under a merged "Họ và tên"
    NAME_PARTS = "name_parts"  # "Họ đệm" | "Tên" side by side ([name_parts])
    UNDER_ORGS = "under_orgs"  # tiers under a merged cell naming organisations: counts of organisations
    CONTENT = "content"  # no header word: its cells are almost all rating labels
    READER = "reader"  # not a header's doing: the reader set it (a reason says why)
    COLLECTION = "collection"  # the marker of our own collection workbook fixes the column (detail: its version)


class Ignored(str, Enum):
    """Why a column of a table is not read. Every non-empty column of a table is read or has one."""

    HEADER = "header"  # its header says it is not read ("Ghi chú", "Chức vụ", [columns] ignored)
    MAPPED = "mapped"  # --column ignore=HEADER
    SHARE = "share"  # a share beside a count ("Tỷ lệ", "%")
    SCORE = "score"  # a score ("Điểm …", [column_words] score)
    SELF_SCORE = "self_score"  # a self-score beside the score used (detail: its header), or alone (no detail)
    PROPOSED_SCORE = "proposed_score"  # a proposed score beside the decided one (detail: its header)
    OTHER_SCORE = "other_score"  # a second decided score; the one used is --column's or the rightmost (detail)
    AWARD = "award"  # an award or title ("Danh hiệu", "Khen thưởng", [column_words] award), not the year's rating
    PART = "part"  # a part of another column ("Năm sinh" over "Nam | Nữ")
    PART_OF_TIER = "part_of_tier"  # "Trong đó: bị kỷ luật" under a tier: a part of that tier's count
    NOT_YEAR = "not_year"  # "Nam" without diacritics and no year under it: not "Năm"
    NOT_PARENT = "not_parent"  # its cells are not names of organisations
    NOT_KIND = "not_kind"  # "Loại" in a member list, no kind of organisation under it
    HIDDEN = "hidden"  # a hidden column
    BEYOND_EMPTY = "beyond_empty"  # beyond an empty column: another table
    SECOND = "second"  # another column has this role (a row has one)
    PROPOSED = "proposed"  # a self-rating or proposal beside the decision
    UNKNOWN = "unknown"  # no header word known, and its cells carry no rating


@dataclass
class Column:
    index: int
    role: str  # a role of scales.ROLES, or "count" (a tier or status count column)
    header: str
    year: int | None = None
    meaning: Meaning | None = None
    source: Source = Source.READER  # how the role was decided
    or_better: bool = False  # "HTTNV trở lên": the count of this tier and the tiers above it (cumulative)
    detail: str = ""  # what decided it, as data (the words, the label, the other header …), for inspect
    reason: Ignored | None = None  # why it is not read (role "ignored")


# [column_words] keys that name no role: a column known by its words and not read, for this reason
NOT_READ = {"award": Ignored.AWARD}  # known by their words, not read: an award or title (scores are read: role score)


def _reason_of(role: str) -> Ignored | None:
    """Why a column of this role, named by its header, is not read (None: it is read)."""
    return {"ignored": Ignored.HEADER, "share_of": Ignored.SHARE}.get(role)


def ignored(index: int, header: str, reason: Ignored, detail: str = "") -> Column:
    """A column of the table that is not read, and why."""
    return Column(index, "ignored", header, source=Source.READER, detail=detail, reason=reason)


@dataclass
class Header:
    first_row: int  # 0-based index of the header's first row
    last_row: int  # 0-based index of its last row (data starts below, after an index row)
    columns: list[Column] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # the header's texts, column by column (for messages)
    dropped: list[tuple[int, str, Ignored]] = field(default_factory=list)  # (index, header, why) of columns left out
    mapped: set[str] = field(default_factory=set)  # the --column headers (folded) found in this header

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def one(self, role: str) -> Column | None:
        found = self.of(role)
        return found[0] if found else None

    def shown(self) -> str:
        """ "row 5: A STT | B Tên tổ chức | C KQ" – the header as the user sees it."""
        from ccq_stats.errors import column_letter

        cells = [f"{column_letter(i)} {t}" for i, t in enumerate(self.cells) if t]
        span = f"{self.first_row + 1}" + (f"-{self.last_row + 1}" if self.last_row > self.first_row else "")
        rows = _("row {row}").format(row=span)
        return f"{rows}: " + " | ".join(cells[:20]) + (" …" if len(cells) > 20 else "")


def _mapped(index: int, texts: list[str], mapping: Mapping | None) -> Column | None:
    """The column the user named with --column ROLE=HEADER (its text, or its merged parent's)."""
    if not mapping or not mapping.columns:
        return None
    for text in texts:
        role = mapping.columns.get(norm_key(text))
        if role is None:
            continue
        detail = f"{role}={mapping.shown.get(norm_key(text), text)}"
        year = next((y for y in map(_year_in, texts) if y), None)
        if role in TIERS or role in STATUSES:
            return Column(index, "count", text, year, Meaning(role), Source.MAPPED, detail=detail)
        return Column(index, role, text, year if role in ("rating", "total_count", "rated_count") else None,
                      source=Source.MAPPED, detail=detail, reason=Ignored.MAPPED if role == "ignored" else None)
    return None


def _year_in(text: str) -> int | None:
    """A rating year written in a header ("Năm 2019", "Xếp loại năm 2019", "2019")."""
    if len(text) > MAX_HEADER_TEXT:
        return None
    found = {int(m.group(1)) for m in _YEAR_IN_HEADER.finditer(strip_marks(text))}
    return found.pop() if len(found) == 1 else None


_EXEMPLARY = [phrase(p) for p in ("^tiêu biểu", "^đạt tiêu biểu", "^xếp loại tiêu biểu")]  # the whole header
_IN_WHICH_EXEMPLARY = phrase("tiêu biểu")  # after "Trong đó"


def _by_name(index: int, leaf: str, year: int | None, scales: Scales, marks: bool = False) -> Column | None:
    """A column by its exact name, its year alone, or a rating label; None if none fits.
    ``marks``: the header cell it comes from has diacritics, so its words keep theirs (the year
    taken off "Xep loai năm 2019" held the only ones; see ``scales.words_of``)."""
    role = scales.lookup(scales.columns, leaf, marks)
    if role:
        return Column(index, role, leaf, year, source=Source.NAME, detail=leaf, reason=_reason_of(role))
    leaf_year = year_of_header(leaf)
    if leaf_year:
        return Column(index, "rating", leaf, leaf_year, source=Source.YEAR, detail=str(leaf_year))
    rest = _IN_WHICH.sub("", leaf)
    label = match_label(rest, scales)
    if label is not None:
        return Column(index, "count", leaf, year, label.meaning, Source.LABEL, detail=label.display)
    cumulative = _OR_BETTER.sub("", rest)
    label = match_label(cumulative, scales) if cumulative != rest and cumulative else None
    if label is not None and label.meaning.tier and not label.meaning.exemplary:
        return Column(index, "count", leaf, year, label.meaning, Source.OR_BETTER, or_better=True,
                      detail=label.display)
    words = words_of(rest, marks)
    if ((rest != leaf and find_phrase(words, _IN_WHICH_EXEMPLARY) >= 0)
            or any(find_phrase(words, p) == 0 and len(words) == len(p[1]) for p in _EXEMPLARY)):
        # "Trong đó tiêu biểu", "Tiêu biểu": the exemplary part of the top tier
        return Column(index, "count", leaf, year, Meaning("top", exemplary=True), Source.EXEMPLARY, detail=leaf)
    return _tier_with_words(index, leaf, year, scales, marks)


def _tier_with_words(index: int, leaf: str, year: int | None, scales: Scales, marks: bool = False) -> Column | None:
    """ "Số đảng viên hoàn thành xuất sắc nhiệm vụ": a count word, then a label; "Tỷ lệ HTXSNV": a share."""
    words = words_of(leaf, marks)
    for what, prefixes in scales.tier_words.items():
        for needle in sorted(prefixes, key=len, reverse=True):
            if len(words) > len(needle) and find_phrase(words, (True, needle)) == 0:
                label = match_label(" ".join(words[len(needle):]), scales)
                if label is None:
                    continue
                if what == "share":
                    return Column(index, "share_of", leaf, source=Source.WORDS, detail=" ".join(needle),
                                  reason=Ignored.SHARE)
                return Column(index, "count", leaf, year, label.meaning, Source.LABEL, detail=label.display)
    return None


def resolve_column(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """What a column holds, from its header text and the (merged) header cells above it.

    A header cell typed with diacritics is matched with them, one typed without any is matched
    without (``scales.words_of``): per cell, since a header row often mixes both ("Ten to chuc
    co so dang | Loại hình | Xep loai": a column added by another hand), while one cell is typed
    in one go."""
    leaf = _TRAILING_INDEX.sub("", leaf)
    if not leaf or len(leaf) > MAX_HEADER_TEXT:
        return None
    ancestors = [a for a in ancestors if len(a) <= MAX_HEADER_TEXT]
    year = next((y for y in map(_year_in, ancestors) if y), None)  # "Kết quả xếp loại năm 2022" over the columns
    if scales.lookup(scales.columns, leaf) == "share_of":
        # a share beside a count: known, not read
        return Column(index, "share_of", leaf, source=Source.NAME, detail=leaf, reason=Ignored.SHARE)
    if scales.lookup(scales.columns, leaf) in ("count_of", "total_count") and ancestors:
        # "Số lượng" or "Tổng số" under a tier ("KHTNV" over "Tổng số | Trong đó: bị kỷ luật"), under
        # "Được đánh giá" or under "HTTNV trở lên": the whole of what the merged cell above counts
        parent = resolve_column(index, ancestors[0], ancestors[1:], scales)
        if parent and parent.role in ("count", "total_count", "rated_count"):
            return Column(index, parent.role, f"{ancestors[0]} / {leaf}", parent.year, parent.meaning, parent.source,
                          parent.or_better, parent.detail)
    if scales.lookup(scales.columns, leaf) == "count_of":
        return None
    part = _part_of_tier(index, leaf, ancestors, scales)
    if part:
        return part
    if ancestors and scales.lookup(scales.columns, ancestors[0]) == "birth":
        # "Năm sinh" merged over "Nam | Nữ": the birth year by sex, never a rating year ("Nam" is male
        # here, not "năm"); known and not read (birth only tells namesakes apart)
        return ignored(index, f"{ancestors[0]} / {leaf}", Ignored.PART, ancestors[0])
    column = _by_name(index, leaf, year, scales)
    if column:
        return column
    if ancestors and scales.lookup(scales.columns, ancestors[0]) == "member" and not scales.role_by_words(leaf):
        # "Họ đệm" | "Tên" under a merged "Họ và tên": parts of the name, joined when read
        return Column(index, "member", f"{ancestors[0]} / {leaf}", source=Source.NAME_PART, detail=ancestors[0])
    own_year = _year_in(leaf)
    rest = " ".join(_YEAR_IN_HEADER.sub(" ", leaf).split()) if own_year else leaf
    marks = has_marks(norm_key(leaf))  # "Xep loai năm 2019" was typed with marks: "Xep loai" is not xếp loại
    if own_year and rest:
        for found in (_by_name(index, rest, own_year, scales, marks), _by_words(index, rest, own_year, scales, marks)):
            if found and found.role not in ("year", "birth"):
                found.header, found.year = leaf, own_year
                return found
    return _by_words(index, leaf, year, scales)


def _part_of_tier(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """ "Trong đó: bị xử lý kỷ luật" under a tier: a part of that tier's count, neither another
    tier nor a figure to add; not read. (A part that is itself a tier, "Trong đó: HTXSNV" under
    "HTTNV trở lên", or the exemplary "Trong đó: tiêu biểu", is read by its label.)"""
    if not ancestors or not _IN_WHICH.match(leaf) or _by_name(index, leaf, None, scales):
        return None
    parent = resolve_column(index, ancestors[0], ancestors[1:], scales)
    if parent is None or parent.role != "count":
        return None
    return ignored(index, f"{ancestors[0]} / {leaf}", Ignored.PART_OF_TIER, ancestors[0])


def _by_words(index: int, leaf: str, year: int | None, scales: Scales, marks: bool = False) -> Column | None:
    found = scales.role_by_words(leaf, marks)
    if not found:
        return None
    role, words = found
    source = Source.HEAD_WORDS if words.startswith("^") else Source.WORDS  # "^": the phrase begins the header
    if role == "score":  # who gave it: self-scored, proposed or decided ([score_by]), as for ratings
        role = scales.score_role(leaf, marks)
    if role in NOT_READ:  # a column known by its words and not read for a reason of its own (an award)
        return Column(index, "ignored", leaf, source=source, detail=words, reason=NOT_READ[role])
    return Column(index, role, leaf, year if role not in ("year", "birth") else None, source=source, detail=words,
                  reason=_reason_of(role))


def _ffill(row: list, width: int) -> list[str]:
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


def _is_year_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer() and 1990 <= value <= 2100


def _is_subheader(upper: list[str], raw_upper: list, lower: list, scales: Scales, below: list | None = None) -> bool:
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
        if isinstance(lower[i], (int, float)) and not isinstance(lower[i], bool):
            if not (_is_year_number(lower[i]) and upper[i]):
                return False  # a number is data, unless it is a year under a merged header
        if not text_at(raw_upper, i) and upper[i]:
            under_merge = True
        if resolve_column(i, text, [upper[i]] if upper[i] else [], scales) is None and not _heads_level(i, lower, below, scales):
            return False
    return under_merge


def _heads_level(index: int, row: list, below: list | None, scales: Scales) -> bool:
    """Is the text at ``index`` a group heading over header cells in the row below (a third level)?"""
    if below is None or not text_at(below, index):
        return False
    width = max(len(row), len(below))
    return _is_subheader(_ffill(row, width), row, below, scales)


def _columns_for(rows: list[list], first: int, depth: int, scales: Scales, mapping: Mapping | None) -> list[Column]:
    width = max(len(rows[r]) for r in range(first, first + depth))
    levels = [_ffill(rows[r], width) for r in range(first, first + depth)]
    columns, leaves = [], {}
    for i in range(width):
        # the leaf is the lowest non-empty header cell; the cells above it are its ancestors
        for level in range(depth - 1, -1, -1):
            raw = text_at(rows[first + level], i)
            if raw:
                leaves[i] = raw
                ancestors = [levels[up][i] for up in range(level - 1, -1, -1) if levels[up][i]]
                column = _mapped(i, [raw] + ancestors, mapping) or _under_organisations(
                    resolve_column(i, raw, ancestors, scales), ancestors, scales)
                if column:
                    columns.append(column)
                break
    return _parts_beside(_name_in_two_columns(columns, leaves, scales), leaves)


def _parts_beside(columns: list[Column], leaves: dict[int, str]) -> list[Column]:
    """ "Chưa đánh giá | Trong đó: mới kết nạp": a "Trong đó" column of the same tier or status as a
    count column left of it is a part of that count (new members among the not rated), not more of
    them – as a "Trong đó" under a merged tier is (``_part_of_tier``)."""
    out, seen = [], {}
    for column in columns:
        key = (column.meaning, column.year) if column.role == "count" else None
        if (key is not None and not column.meaning.exemplary and key in seen and column.source == Source.LABEL
                and _IN_WHICH.match(leaves.get(column.index, ""))):
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
        if i + 1 in taken or (first and (first.role != "member" or first.source not in (Source.WORDS, Source.HEAD_WORDS))):
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
    return Column(column.index, "unit_count", f"{ancestors[0]} / {column.header}", source=Source.UNDER_ORGS,
                  detail=ancestors[0])


def _score(columns: list[Column]) -> int:
    roles = {c.role for c in columns}
    if not roles & {"rating", "count", "member"} and sum(c.role == "unit_count" for c in columns) < 2:
        return 0  # (tiers under a merged "Chi bộ trực thuộc" are a header too: of a table that is refused)
    return len(columns) + 2 * len(roles & {"org", "member", "rating", "count"})


def _values(rows: list[list], start: int, index: int) -> list:
    """The filled cells of a column in the rows under a header (a sample)."""
    out = []
    for row in rows[start:start + SAMPLE_ROWS]:
        if index < len(row) and row[index] is not None and clean(row[index]):
            out.append(row[index])
    return out


def _is_label(value, scales: Scales) -> bool:
    return isinstance(value, str) and len(value) <= MAX_HEADER_TEXT and match_label(value, scales) is not None


def _is_wordy(value) -> bool:
    """A cell of words: not a number, not a tick mark."""
    if not isinstance(value, str):
        return False
    text = clean(value)
    return len(text) > 1 and not text.replace(".", "").replace(",", "").isdigit() and text not in ("-", "–")


def _confirmed(columns: list[Column], rows: list[list], start: int, scales: Scales) -> bool:
    """Do the cells under the candidate fit it? Count columns must hold numbers or ticks – and a
    candidate whose only meaning comes from cells that are rating labels needs some below it
    (the last row of a list is not a header of an empty table)."""
    labelled = [c for c in columns if c.role == "count" and c.source == Source.LABEL]
    if labelled and not {c.role for c in columns} & {"rating", "member"}:
        if not any(_values(rows, start, c.index) for c in labelled):
            return False
    for column in columns:
        if column.role == "rating" and column.source == Source.YEAR:
            values = _values(rows, start, column.index)
            numbers = sum(not _is_wordy(v) for v in values)
            if values and numbers > len(values) / 2 and not any(_is_label(v, scales) for v in values):
                return False  # figures under a year (a table of counts by year), not ratings
        if column.role != "count" or column.source == Source.MAPPED:
            continue
        values = _values(rows, start, column.index)
        wordy = sum(_is_wordy(v) for v in values)
        if values and wordy > len(values) / 2 and any(_is_label(v, scales) or len(clean(v)) > 2 for v in values):
            return False  # labels or names under a "header" of labels: it is a data row
        fractions = sum(isinstance(v, float) and not v.is_integer() for v in values)
        if values and fractions > len(values) / 2:
            return False  # shares (0.65), not counts: a table of percentages
    return True


def _year_or_not(column: Column, rows: list[list], start: int) -> Column:
    """A year column named without diacritics ("Nam") is năm only if a year is under it: "Nam"
    beside "Nữ", ticked with x, is nam (male), and not read. One year under it keeps it the
    year column, whose other cells are then errors, never skipped."""
    if column.role != "year" or has_marks(norm_key(column.header)) or column.source == Source.MAPPED:
        return column
    values = _values(rows, start, column.index)
    if not values or any(_is_year_number(v) or year_of_header(v) for v in values):
        return column
    return ignored(column.index, column.header, Ignored.NOT_YEAR)


MAX_NAME_WORDS = 12  # an organisation's name is short; a longer cell is a sentence (a comment)


def _names_organisation(value, scales: Scales) -> bool:
    """Does a cell read as an organisation's name: an organisation word in it ("Đảng bộ Sở Y tế",
    "ĐU Sở Tài chính") or a proper name of capitalised words ("Sở Tài chính"), not a number, a
    rating label or a sentence ("Còn hạn chế trong sinh hoạt chuyên đề")?"""
    if not _is_wordy(value) or _is_label(value, scales):
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
        unnamed = sum(not _is_wordy(v) or _is_label(v, scales) for v in values)
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
    added = []
    for i in range(width):
        if i in known:
            continue
        values = _values(rows, start, i)
        labels = sum(_is_label(v, scales) for v in values)
        if len(values) >= 2 and labels >= 0.8 * len(values):
            head = text_at(rows[start - 1], i) or "(no header)"
            added.append(Column(i, "rating", head, _year_in(head), source=Source.CONTENT,
                                detail=f"{labels}/{len(values)}"))
    if len(added) != 1:
        return columns  # none, or several: the user says which (--column rating=…)
    return sorted(columns + added, key=lambda c: c.index)


def _candidate(rows: list[list], r: int, scales: Scales, mapping: Mapping | None) -> tuple[int, Header] | None:
    cells = [v for v in rows[r] if v is not None and clean(v)]
    if sum(isinstance(v, float) and not v.is_integer() for v in cells) > len(cells) / 2:
        return None  # a row of shares (0.73, 0.18 …) is data, never a header
    depth = 1
    while depth < 3 and r + depth < len(rows):
        width = max(len(rows[r + depth - 1]), len(rows[r + depth]))
        upper = _ffill(rows[r + depth - 1], width)
        below = rows[r + depth + 1] if depth < 2 and r + depth + 1 < len(rows) else None
        if not _is_subheader(upper, rows[r + depth - 1], rows[r + depth], scales, below):
            break
        depth += 1
    columns = _columns_for(rows, r, depth, scales, mapping)
    start = r + depth + (1 if r + depth < len(rows) and is_index_row(rows[r + depth]) else 0)
    columns = [_parent_or_not(_year_or_not(c, rows, start), rows, start, scales) for c in columns]
    columns = _kind_or_not(columns, rows, start, scales)
    if not _confirmed(columns, rows, start, scales):
        return None
    columns = _by_content(columns, rows, r, start, scales)
    score = _score(columns)
    if not columns:
        return None
    width = max(len(rows[x]) for x in range(r, r + depth))
    cells = [" / ".join(dict.fromkeys(t for t in (text_at(rows[x], i) for x in range(r, r + depth)) if t))
             for i in range(width)]
    header = Header(r, r + depth - 1, columns, cells)
    if mapping and mapping.columns:
        header.mapped = {norm_key(t) for x in range(r, r + depth) for t in (text_at(rows[x], i) for i in range(width))
                         if t and norm_key(t) in mapping.columns}
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
    _drop_hidden(header, sheet)
    _cut_at_empty_column(header, rows)
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
        if column.role == "year" and (_is_year_number(value) or year_of_header(value)):
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


def _drop_hidden(header: Header, sheet: Sheet) -> None:
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


def _cut_at_empty_column(header: Header, rows: list[list]) -> None:
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
    keep = max(blocks, key=lambda b: (_score(b), -b[0].index))
    for block in blocks:
        if block is not keep:
            for column in block:
                header.columns.remove(column)
                header.dropped.append((column.index, column.header, Ignored.BEYOND_EMPTY))


def _filled_rows(rows: list[list], start: int, block: list[Column]) -> list[bool]:
    return [any(c.index < len(row) and row[c.index] is not None and clean(row[c.index]) for c in block) for row in rows[start:]]


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


def is_index_row(row: list) -> bool:
    """A row of column numbers under the header: (1) (2) (3) …, 1 2 3 …, A B C …"""
    tokens = [text_at(row, i) for i in range(len(row))]
    tokens = [t for t in tokens if t]
    if len(tokens) < 3 or not all(_INDEX_TOKEN.match(t) for t in tokens):
        return False
    numbers = [int(re.sub(r"\D.*", "", t.strip("()"))) for t in tokens if t.strip("()")[:1].isdigit()]
    return numbers == sorted(set(numbers))
