"""A header cell's role by its words (``resolve_column``): a user's mapping, its exact name in
[columns], a year alone ("Năm 2019"), a rating label ("HTXSNV", "Trong đó: TSVM tiêu biểu", "…
trở lên"), then its words ([column_words]) once a year in it is taken off. Only the words:
``header_spans`` reads the merged cells around it, ``header`` the cells under it.
"""

from __future__ import annotations

import re

from ccq_stats.figures.classify import match_label
from ccq_stats.reading.header_columns import MAX_HEADER_TEXT, NOT_READ, Column, Ignored, Source, ignored, reason_of
from ccq_stats.text import norm_key, strip_marks
from ccq_stats.vocabulary.scales import (
    STATUSES,
    TIERS,
    Mapping,
    Meaning,
    Scales,
    find_phrase,
    has_marks,
    words_of,
    year_of_header,
)

_TRAILING_INDEX = re.compile(r"\s*\(\s*\d{1,2}\s*\)$")
# the words around a label or a year in a header are [reading_words] (scales.words): "Trong đó: TSVM tiêu
# biểu", "Hoàn thành tốt nhiệm vụ trở lên" (a tier and the tiers above it: DOMAIN), "Xếp loại năm 2019"


def mapped_column(index: int, texts: list[str], mapping: Mapping | None, scales: Scales) -> Column | None:
    """The column the user named with --column ROLE=HEADER (its text, or its merged parent's)."""
    if not mapping or not mapping.columns:
        return None
    for text in texts:
        role = mapping.columns.get(norm_key(text))
        if role is None:
            continue
        detail = f"{role}={mapping.shown.get(norm_key(text), text)}"
        year = next((y for t in texts if (y := year_in_header(t, scales))), None)
        if role in TIERS or role in STATUSES:
            return Column(index, "count", text, year, Meaning(role), Source.MAPPED, detail=detail)
        return Column(
            index,
            role,
            text,
            year if role in ("rating", "total_count", "rated_count") else None,
            source=Source.MAPPED,
            detail=detail,
            reason=Ignored.MAPPED if role == "ignored" else None,
        )
    return None


def year_in_header(text: str, scales: Scales) -> int | None:
    """A rating year written in a header ("Năm 2019", "Xếp loại năm 2019", "2019")."""
    if len(text) > MAX_HEADER_TEXT:
        return None
    found = {int(m.group(1)) for m in scales.words.year_in_header.finditer(strip_marks(text))}
    return found.pop() if len(found) == 1 else None


def _by_name(index: int, leaf: str, year: int | None, scales: Scales, marks: bool = False) -> Column | None:
    """A column by its exact name, its year alone, or a rating label; None if none fits.
    ``marks``: the header cell it comes from has diacritics, so its words keep theirs (the year
    taken off "Xep loai năm 2019" held the only ones; see ``scales.words_of``)."""
    role = scales.lookup(scales.columns, leaf, marks)
    if role:
        return Column(index, role, leaf, year, source=Source.NAME, detail=leaf, reason=reason_of(role))
    relative = scales.words.relative_year.match(norm_key(leaf))
    leaf_year = year_of_header(leaf, scales) or (int(relative.group(1)) if relative else None)
    if leaf_year:
        return Column(index, "rating", leaf, leaf_year, source=Source.YEAR, detail=str(leaf_year))
    rest = scales.words.in_which.sub("", leaf)
    label = match_label(rest, scales)
    if label is not None:
        return Column(index, "count", leaf, year, label.meaning, Source.LABEL, detail=label.display)
    cumulative = scales.words.or_better.sub("", rest)
    label = match_label(cumulative, scales) if cumulative != rest and cumulative else None
    if label is not None and label.meaning.tier and not label.meaning.exemplary:
        return Column(index, "count", leaf, year, label.meaning, Source.OR_BETTER, or_better=True, detail=label.display)
    words = words_of(rest, marks)
    if (rest != leaf and any(find_phrase(words, p) >= 0 for p in scales.words.in_which_exemplary)) or any(
        find_phrase(words, p) == 0 and len(words) == len(p[1]) for p in scales.words.exemplary
    ):
        # "Trong đó tiêu biểu", "Tiêu biểu": the exemplary part of the top tier
        return Column(index, "count", leaf, year, Meaning("top", exemplary=True), Source.EXEMPLARY, detail=leaf)
    return _tier_with_words(index, leaf, year, scales, marks)


def _tier_with_words(index: int, leaf: str, year: int | None, scales: Scales, marks: bool = False) -> Column | None:
    """ "Số đảng viên hoàn thành xuất sắc nhiệm vụ": a count word, then a label; "Tỷ lệ HTXSNV": a share."""
    words = words_of(leaf, marks)
    for what, prefixes in scales.tier_words.items():
        for needle in sorted(prefixes, key=len, reverse=True):
            if len(words) > len(needle) and find_phrase(words, (True, needle)) == 0:
                label = match_label(" ".join(words[len(needle) :]), scales)
                if label is None:
                    continue
                if what == "share":
                    return Column(
                        index, "share_of", leaf, source=Source.WORDS, detail=" ".join(needle), reason=Ignored.SHARE
                    )
                return Column(index, "count", leaf, year, label.meaning, Source.LABEL, detail=label.display)
    return None


# the roles that place a row in the hierarchy, and the words saying a header names a former value
HIERARCHY = ("org", "parent", "kind", "host_type")


def former_words(texts: list[str], scales: Scales) -> str | None:
    """The words saying that a header ("Đảng bộ cấp trên trước 01/7/2025", "Tên đơn vị (cũ)", or the
    merged cell over it) names a former value, from before a reorganisation; None if none does."""
    for text in texts:
        words = words_of(text)
        for p in scales.words.former + (scales.words.former_marked if words.marked else []):
            if find_phrase(words, p) >= 0:
                return " ".join(p[1])
    return None


# a header written as one ASCII word with capitals for its words, as database software exports them
# ("XepLoaiDangVien2021", "HoTen", "NgayVaoDang"): its words are where the capitals and digits begin
_CAMEL_WORD = re.compile(r"[A-Z]+[a-z]*|[a-z]+|[0-9]+")


def camel_words(leaf: str) -> str | None:
    """The words of a header written in capitals-for-words, or None if it is not one."""
    if not leaf or not leaf.isascii() or not leaf.isalnum() or not re.search(r"[a-z][A-Z]", leaf):
        return None
    return " ".join(_CAMEL_WORD.findall(leaf))


def resolve_column(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """What a column holds, from its header text and the (merged) header cells above it. A column of
    the hierarchy whose header says it is a former value (``former_words``) is not the current
    hierarchy: not read, and inspect says why (a careful reader takes the current parent, not the
    bloc an organisation belonged to before the 2025 reorganisation)."""
    column = _resolve(index, leaf, ancestors, scales)
    words = camel_words(leaf)
    if column is None and words:  # "XepLoaiDangVien2021": read as its words, shown as written
        column = _resolve(index, words, ancestors, scales)
        if column is not None:
            column.header = leaf
    if ancestors and (column is None or column.role in HIERARCHY):
        column = _in_group(index, leaf, ancestors, scales) or column
    if column is not None and column.role in HIERARCHY:
        said = former_words([leaf, *ancestors], scales)
        if said:
            return ignored(index, column.header, Ignored.FORMER, said)
    return column


# a group heading that says what its columns hold, and the roles its columns may then have: a score
# ("Điểm đánh giá" over who gave it; who proposed a rating is told by the rating's own words, [columns]
# proposed, so "Xếp loại" over "Ban Tổ chức đề xuất" is not read as the decision)
_GROUPS = {"score": ("score", "score_self", "score_proposed")}


def _in_group(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """ "Tự chấm | Cấp trên chấm" under a merged "Điểm đánh giá": a cell that says only who gave
    the score or rating is read with its group's words ("Điểm đánh giá Tự chấm": the self-score),
    where its own words name no column, or one of the hierarchy ("cấp trên" alone is a parent)."""
    group = _resolve(index, ancestors[0], ancestors[1:], scales)
    if group is None or group.role not in _GROUPS:
        return None
    joined = _resolve(index, f"{ancestors[0]} {leaf}", ancestors[1:], scales)
    if joined is None or joined.role not in _GROUPS[group.role]:
        return None
    joined.header = f"{ancestors[0]} / {leaf}"
    return joined


def _resolve(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """What a column holds, from its header text and the (merged) header cells above it.

    A header cell typed with diacritics is matched with them, one typed without any is matched
    without (``scales.words_of``): per cell, since a header row often mixes both ("Ten to chuc
    co so dang | Loại hình | Xep loai": a column added by another hand), while one cell is typed
    in one go."""
    leaf = _TRAILING_INDEX.sub("", leaf)
    if not leaf or len(leaf) > MAX_HEADER_TEXT:
        return None
    ancestors = [a for a in ancestors if len(a) <= MAX_HEADER_TEXT]
    year = next(
        (y for a in ancestors if (y := year_in_header(a, scales))), None
    )  # "Kết quả xếp loại năm 2022" over the columns
    if scales.lookup(scales.columns, leaf) == "share_of":
        # a share beside a count: known, not read
        return Column(index, "share_of", leaf, source=Source.NAME, detail=leaf, reason=Ignored.SHARE)
    if scales.lookup(scales.columns, leaf) in ("count_of", "total_count") and ancestors:
        # "Số lượng" or "Tổng số" under a tier ("KHTNV" over "Tổng số | Trong đó: bị kỷ luật"), under
        # "Được đánh giá" or under "HTTNV trở lên": the whole of what the merged cell above counts
        parent = resolve_column(index, ancestors[0], ancestors[1:], scales)
        if parent and parent.role in ("count", "total_count", "rated_count"):
            return Column(
                index,
                parent.role,
                f"{ancestors[0]} / {leaf}",
                parent.year,
                parent.meaning,
                parent.source,
                parent.or_better,
                parent.detail,
            )
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
    own_year = year_in_header(leaf, scales)
    rest = " ".join(scales.words.year_in_header.sub(" ", leaf).split()) if own_year else leaf
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
    if not ancestors or not scales.words.in_which.match(leaf) or _by_name(index, leaf, None, scales):
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
    return Column(
        index,
        role,
        leaf,
        year if role not in ("year", "birth") else None,
        source=source,
        detail=words,
        reason=reason_of(role),
    )
