"""A selection of members is not the year's list: a commendation list, a list of delegates, of
those proposed for a badge or for full membership.

"DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ ĐƯỢC TẶNG GIẤY KHEN": the members listed were chosen
among the top tier; every row is HTXSNV. Read as the year's ratings, it gives "100% HTXSNV" – a
figure nobody gave. A careful clerk asks for the full list: where the title above the header names a
commendation ([reading_words] commendation) and every rating the table gives is the top tier, the
run stops naming the title. A rating list whose title mentions commendation beside other tiers is
read as it is.

The same rule, wider: a list whose title says its members were chosen for another purpose
([reading_words] selection: the congress's delegates, members proposed for a badge, probationary
members proposed for full membership) is not any organisation's members, whatever tiers its rows
hold – the members were chosen by other criteria, so its shares are no figure of the year. Such words
say the selection alone; a commendation word needs the top tier alone to say it, since a year's list
may be titled "kết quả xếp loại và khen thưởng".
"""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import row_texts, text_at
from ccq_stats.vocabulary.phrases import find_phrase, words_of


def check_not_commendation(sheet, plan, scales) -> None:
    """Stop where the table is a selection of members (see above)."""
    ratings = plan.ratings
    if not ratings or plan.header.first_row == 0:
        return
    titles = _titles(sheet, plan.header.first_row)
    chosen = next((t for t in titles if _names(t, scales.words.selection)), None)
    if chosen is not None:
        raise InputError(
            _("the title names a selection of members for another purpose: not any organisation's list of the year"),
            where=sheet.where(),
            value=chosen,
            hint=_("give the full list of the year's ratings; a list of delegates or of those proposed is not counted"),
        )
    title = next((t for t in titles if _names(t, scales.words.commendation)), None)
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
    return [" ".join(row_texts(row))[:300] for row in rows]


def _names(text: str, phrases) -> bool:
    words = words_of(text)
    return any(find_phrase(words, wanted) >= 0 for wanted in phrases)
