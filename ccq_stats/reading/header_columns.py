"""What the header finder says of a column (``header``): its role, how that was decided
(``Source``), why a column is not read (``Ignored``), the ``Column`` and the ``Header`` they make,
and how well a block of columns reads as a table.

The bottom of the header's rooms: ``header_words``, ``header_spans`` and ``header`` import from
here, never the other way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ccq_stats.i18n import gettext as _
from ccq_stats.vocabulary.scales import Meaning

SCAN_ROWS = 40  # the header is looked for in this many rows at the top of a sheet
SAMPLE_ROWS = 60  # rows under a candidate header looked at to confirm it
MAX_HEADER_TEXT = 160  # a longer cell is a title or a note, never a header word


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
    SUB_LEVEL = (
        "sub_level"  # a second organisation column naming the level below: the organisations under the row above
    )
    UPPER_LEVEL = "upper_level"  # an organisation column naming the level above the row's: its parent
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
    POINTS = "points"  # points of a part of the score ("Tiêu chí 1 … (20 điểm)": numbers under it), not a rating
    SELF_SCORE = "self_score"  # a self-score beside the score used (detail: its header), or alone (no detail)
    PROPOSED_SCORE = "proposed_score"  # a proposed score beside the decided one (detail: its header)
    OTHER_SCORE = "other_score"  # a second decided score; the one used is --column's or the rightmost (detail)
    AWARD = "award"  # an award or title ("Danh hiệu", "Khen thưởng", [column_words] award), not the year's rating
    STAFF_RATING = "staff_rating"  # the agency's civil-servant / public-employee rating ([column_words] staff_rating)
    PERIOD = "period"  # a quarter's or the mid-year review, not the year's ([column_words] period_review)
    PART = "part"  # a part of another column ("Năm sinh" over "Nam | Nữ")
    PART_OF_TIER = "part_of_tier"  # "Trong đó: bị kỷ luật" under a tier: a part of that tier's count
    NOT_YEAR = "not_year"  # "Nam" without diacritics and no year under it: not "Năm"
    NOT_PARENT = "not_parent"  # its cells are not names of organisations
    FORMER = "former"  # a column of the hierarchy whose header says it is a former value ("… trước sắp xếp", "cũ")
    NOT_KIND = "not_kind"  # "Loại" in a member list, no kind of organisation under it
    HIDDEN = "hidden"  # a hidden column
    BEYOND_EMPTY = "beyond_empty"  # beyond an empty column: another table
    SECOND = "second"  # another column has this role (a row has one)
    PROPOSED = "proposed"  # a self-rating or proposal beside the decision
    MIRROR = "mirror"  # codes that stand for the ratings beside them, row for row (detail: that rating column)
    UNKNOWN = "unknown"  # no header word known, and its cells carry no rating
    SPLIT = "split"  # the same rating as another column, for another group of members (detail: that column)
    VOTES = "votes"  # votes per tier ("Số phiếu biểu quyết" over "HTXSNV | HTTNV …"): ballots, not members


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
NOT_READ = {
    "award": Ignored.AWARD,
    "staff_rating": Ignored.STAFF_RATING,
    "period_review": Ignored.PERIOD,
    "votes": Ignored.VOTES,
}  # known by their words, not read: an award or title (scores are read: role score)


def reason_of(role: str) -> Ignored | None:
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


def block_score(columns: list[Column]) -> int:
    roles = {c.role for c in columns}
    if not roles & {"rating", "count", "member"} and sum(c.role == "unit_count" for c in columns) < 2:
        return 0  # (tiers under a merged "Chi bộ trực thuộc" are a header too: of a table that is refused)
    return len(columns) + 2 * len(roles & {"org", "member", "rating", "count"})
