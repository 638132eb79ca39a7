"""The plan of a sheet: what the reader understood before reading its rows.

A ``SheetPlan`` says where the header is, what each column holds, which shapes the sheet has
(``units``: organisation ratings, ``members``: member rows, ``counts``: member counts per
tier), its rating year and where that came from, and the first data row. Both readers follow
it, and ``inspect`` shows it.

The rating year comes from a year column, else the wide layout's column names ("Năm 2019"),
else the sheet name, else the title rows above the header, else ``--year``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ccq_stats.errors import InputError
from ccq_stats.findings import Notes
from ccq_stats.reading.grid import Sheet, filled, text_at
from ccq_stats.reading.header import SCAN_ROWS, Column, Header, find_header, is_index_row
from ccq_stats.reading.limits import Limits
from ccq_stats.scales import Scales
from ccq_stats.text import clean, legacy_encoding, strip_marks

SHAPES = ("units", "members", "counts")
_TITLE_YEAR = re.compile(r"(thang\s+\d{1,2}\s+)?nam\s+((?:19|20)\d\d)\b")
_SHEET_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass
class SheetPlan:
    sheet: Sheet
    header: Header
    shapes: set[str]
    year: int | None  # the year of every row without a year cell or a year column of its own
    year_from: str  # where that year came from: "sheet name", "title", "--year" or ""
    start: int  # 0-based index of the first data row

    def where(self, row: int | None = None, column: Column | None = None):
        if column is None:
            return self.sheet.where(row)
        return self.sheet.where(row, column.index, column.header)

    @property
    def ratings(self) -> list[Column]:
        return self.header.of("rating") if self.shapes & {"units", "members"} else []

    @property
    def counts(self) -> list[Column]:
        return self.header.of("count") if "counts" in self.shapes else []


def title_year(sheet: Sheet, header: Header) -> int | None:
    """ "… XẾP LOẠI ĐẢNG VIÊN NĂM 2019" in the rows above the header; dates don't count."""
    for r in range(header.first_row):
        text = strip_marks(" ".join(text_at(sheet.rows[r], i) for i in range(len(sheet.rows[r]))).casefold())
        for match in _TITLE_YEAR.finditer(text):
            if not match.group(1):  # "ngày 10 tháng 01 năm 2020" is a date, not the rating year
                return int(match.group(2))
    return None


def sheet_year(sheet: Sheet) -> int | None:
    if sheet.name:
        years = set(_SHEET_YEAR.findall(sheet.name))
        if len(years) == 1:
            return int(years.pop())
    return None


def expected_hint(shape: str | None) -> str:
    return {
        "units": "an organisation column (Tên tổ chức cơ sở đảng) and a rating column (Xếp loại, or Năm 2015 … Năm 2019)",
        "members": "a name column (Họ và tên), a unit column (Chi bộ) and a rating column (Xếp loại)",
        "counts": "an organisation column and count columns per tier (HTXSNV, HTTNV, HTNV, KHTNV, Miễn đánh giá …)",
        None: "the header needs a rating column (Xếp loại, Năm 2019 …), count columns per tier (HTXSNV …) "
        "or a name column (Họ và tên); use --kind units|members|counts to say which",
    }[shape]


def _shapes(header: Header, shape: str | None, sheet: Sheet) -> set[str]:
    has = {c.role for c in header.columns}
    if "member_id" in has:  # a member list may carry card numbers instead of names (anonymised)
        has.add("member")
    shapes = set()
    if "member" in has and "rating" in has:
        shapes.add("members")
    elif "member" not in has:
        if "rating" in has:
            shapes.add("units")
        if "count" in has:
            shapes.add("counts")
    if shape:
        if shape not in shapes:
            raise InputError(
                f"no column for --kind {shape} found",
                where=sheet.where(header.first_row + 1),
                hint=expected_hint(shape),
            )
        shapes = {shape}
    if not shapes:
        raise InputError(
            "no rating or count column found" + (" beside the member names" if "member" in has else ""),
            where=sheet.where(header.first_row + 1),
            hint=expected_hint(None),
        )
    return shapes


def check_sheet(sheet: Sheet, limits: Limits) -> None:
    """Refuse what is not a rating table before looking for its header: too wide, or typed in a
    legacy Vietnamese encoding (which needs converting, not normalising)."""
    top = sheet.rows[:SCAN_ROWS]
    width = max((max((i + 1 for i, v in enumerate(row) if filled(v)), default=0) for row in top), default=0)
    if width > limits.max_columns:
        raise InputError(
            f"{width:,} columns, over the limit of {limits.max_columns:,}; this is not a rating table",
            where=sheet.where(), hint="keep the rating table on its own sheet, or raise CCQ_MAX_COLUMNS (see SECURITY.md)",
        )
    text = " ".join(clean(v) for row in top for v in row[:50] if isinstance(v, str))
    encoding = legacy_encoding(text)
    if encoding:
        raise InputError(
            f"the text is typed in the legacy {encoding} encoding", where=sheet.where(),
            hint="convert the file to Unicode first (e.g. Unikey's converter, from "
            f"{encoding.split()[0]} to Unicode), then save it again",
        )


def plan_sheet(sheet: Sheet, scales: Scales, year: int | None, shape: str | None, notes: Notes) -> SheetPlan | None:
    """The plan of a sheet, or None when no header is found; refuses what cannot be read: two
    rating columns, no year anywhere."""
    header = find_header(sheet, scales)
    if header is None:
        return None
    shapes = _shapes(header, shape, sheet)
    fixed, year_from = sheet_year(sheet), "sheet name"
    if not fixed:
        fixed, year_from = title_year(sheet, header), "title"
    if fixed and year and fixed != year:
        notes.warn(f"{sheet.where()}: the sheet says {fixed}; --year {year} is not used for it")
    if not fixed and year:
        fixed, year_from = year, "--year"
    plan = SheetPlan(sheet, header, shapes, fixed, year_from if fixed else "", header.last_row + 1)
    ratings, counts = plan.ratings, plan.counts
    if len(ratings) > 1 and any(c.year is None for c in ratings):
        a, b = ratings[:2]
        raise InputError(
            f"two rating columns ({a.header}, {b.header}); the one to count is unclear",
            where=sheet.where(header.last_row + 1, b.index, b.header),
            hint="delete or rename the column that is not the final rating (e.g. the self-assessment)",
        )
    needs_year = not header.one("year") and any(c.year is None for c in ratings + counts)
    if needs_year and not fixed:
        raise InputError(
            "no rating year: no year column, no year in the sheet name or title",
            where=sheet.where(header.first_row + 1),
            hint="add a 'Năm' column, name the sheet 'Năm 2019', or give --year 2019",
        )
    if plan.start < len(sheet.rows) and is_index_row(sheet.rows[plan.start]):
        plan.start += 1
    return plan
