"""The rating year of a sheet, from what the sheet itself says: its name, its title rows.

The sheet's name ("Năm 2019") and its title ("… NĂM 2019", or one bare year "… TCCS ĐẢNG 2019";
never a date "ngày 10 tháng 01 năm 2020" nor a term 2015-2020) both give it. When both give a year
and they differ, the figures would be of one year or the other on a guess: a careful person asks,
so the run stops naming both, and ``--year`` settles it (the year given, when it is one of the
two). A year only in the file name is weaker still: ``plan_sheet`` takes it with a warning.
"""

from __future__ import annotations

import re

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet, row_texts
from ccq_stats.reading.header import Header
from ccq_stats.text import strip_marks
from ccq_stats.vocabulary.scales import Scales

_SHEET_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d")
_DATE_IN_NAME = re.compile(r"\d{1,2}\s*[-_./ ]\s*(?:19|20)\d\d")  # "15_01_2020": a date, not a rating year


def _title_texts(sheet: Sheet, header: Header) -> list[str]:
    out = []
    for r in range(header.first_row):
        text = " ".join(row_texts(sheet.rows[r]))
        out.append(strip_marks(text[:1000].casefold()))
    return out


def title_year(sheet: Sheet, header: Header, scales: Scales) -> int | None:
    """ "… XẾP LOẠI ĐẢNG VIÊN NĂM 2019" in the rows above the header, else one bare year there
    ("… TCCS ĐẢNG 2019"); dates ("ngày 10 tháng 01 năm 2020") and terms (2015-2020) don't count."""
    texts = _title_texts(sheet, header)
    for text in texts:
        for match in scales.words.title_year.finditer(text):
            if not match.group(1):  # "ngày 10 tháng 01 năm 2020" is a date, not the rating year
                return int(match.group(2))
    bare = set()
    for text in texts:
        text = _RANGE.sub(" ", text)
        if scales.words.date.search(text):  # "ngày 15 tháng 01 năm 2020": a date line
            text = text[: scales.words.date.search(text).start()]
        bare |= {int(y) for y in _SHEET_YEAR.findall(text)}
    return bare.pop() if len(bare) == 1 else None


def sheet_year(sheet: Sheet) -> int | None:
    if sheet.name:
        years = set(_SHEET_YEAR.findall(sheet.name))
        if len(years) == 1:
            return int(years.pop())
    return None


def file_name_year(path: str) -> int | None:
    """The one year in a file's name ("xep_loai_tccs_2020.xlsx"); None where it names two, a range,
    or a date ("bao_cao_15_01_2020.xlsx": the day a report was written, not the year rated)."""
    import os

    name = _DATE_IN_NAME.sub(" ", _RANGE.sub(" ", os.path.basename(path)))
    years = set(_SHEET_YEAR.findall(name))
    return int(years.pop()) if len(years) == 1 else None


def decide_year(sheet: Sheet, header: Header, marker: dict | None, year: int | None, notes, scales: Scales) -> tuple:
    """(year, where it came from) of a sheet: our collection workbook's marker, else the sheet's
    name, else its title, else ``--year``; (None, "sheet name") when none gives it. A sheet name
    and a title naming two years stop the run unless ``--year`` names one of them."""
    fixed, year_from = sheet_year(sheet), "sheet name"
    titled = title_year(sheet, header, scales)
    if marker:  # our own workbook says the year it was made for
        fixed, year_from, titled = marker["year"], "collection workbook", None
    elif not fixed:
        fixed, year_from = titled, "title"
    elif titled and titled != fixed:  # two sources disagree: the figures would be one year's on a guess
        if year not in (fixed, titled):
            raise InputError(
                _("the sheet's name says {year} but its title says {title}: the rating year is unclear").format(
                    year=fixed, title=titled
                ),
                where=sheet.where(),
                hint=_("give the year rated: --year {year} or --year {title} (or rename the sheet)").format(
                    year=fixed, title=titled
                ),
            )
        notes.warn(
            _("the sheet's name says {year} but its title says {title}; read as {given}, as --year says").format(
                year=fixed, title=titled, given=year
            ),
            sheet.where(),
        )
        return year, "--year"
    if fixed and year and fixed != year:
        notes.warn(
            _("the sheet says {year}; --year {given} is not used for it").format(year=fixed, given=year), sheet.where()
        )
    if not fixed and year:
        fixed, year_from = year, "--year"
    return fixed, year_from
