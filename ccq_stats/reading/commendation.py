"""A commendation list is not the year's list.

"DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ ĐƯỢC TẶNG GIẤY KHEN": the members listed were chosen
among the top tier; every row is HTXSNV. Read as the year's ratings, it gives "100% HTXSNV" – a
figure nobody gave. A careful clerk asks for the full list: where the title above the header names a
commendation ([reading_words] commendation) and every rating the table gives is the top tier, the
run stops naming the title. A rating list whose title mentions commendation beside other tiers is
read as it is.
"""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import text_at
from ccq_stats.vocabulary.phrases import find_phrase, words_of


def check_not_commendation(sheet, plan, scales) -> None:
    """Stop where the table is a commendation list of the top tier only (see above)."""
    ratings = plan.ratings
    if not ratings or plan.header.first_row == 0:
        return
    title = next((t for t in _titles(sheet, plan.header.first_row) if _names_commendation(t, scales)), None)
    if title is None:
        return
    end = plan.end if plan.end >= 0 else len(sheet.rows)
    tiers = set()
    for r in range(plan.start, min(end, len(sheet.rows))):
        for c in ratings:
            found = match_label(text_at(sheet.rows[r], c.index), scales)
            if found is not None:
                tiers.add(found.meaning.means)
    if tiers == {"top"}:
        raise InputError(
            _(
                "the title names a commendation and every rating is the top tier: a list of those commended, not the year's list"
            ),
            where=sheet.where(),
            value=title,
            hint=_("give the full list of the year's ratings; a commendation list is not counted"),
        )


def _titles(sheet, first_row: int) -> list[str]:
    rows = sheet.rows[:first_row]
    return [" ".join(t for t in (text_at(row, i) for i in range(min(len(row), 50))) if t)[:300] for row in rows]


def _names_commendation(text: str, scales) -> bool:
    words = words_of(text)
    return any(find_phrase(words, wanted) >= 0 for wanted in scales.words.commendation)
