"""Two rating columns where a careful person sees one rating and something else beside it.

A table with two rating columns and no year to tell them apart is refused (``plan_sheet``): which
one counts cannot be told. Some pairs tell it by their own words or cells, and a Ban Tổ chức clerk
reads them without asking; these rules settle them before that check, for both readers (they plan
alike), and say on stderr which signal decided:

* **another year** – a rating column whose header says "năm trước" with no year written ("Xếp loại
  năm trước" on a sheet titled 2019) is the rating of the year before the table's: read as 2018,
  the other rating column as the table's own year ([reading_words] ``previous_year``);
* **two levels** – two columns whose headers name two committees that rate ("Đảng ủy cơ sở xếp
  loại" | "Đảng ủy Khối xếp loại"): the competent higher committee decides (docs/domain.md §3,
  "Who decides"), the lower one's is a proposal, set aside as a self-rating is
  ([reading_words] ``rating_levels``, lowest first);
"""

from __future__ import annotations

from ccq_stats.i18n import gettext as _
from ccq_stats.reading.header_columns import Column, Ignored, Source, ignored
from ccq_stats.vocabulary.scales import READING_WORDS, Scales, find_phrase, phrase, words_of

_PREVIOUS = [phrase(p) for p in READING_WORDS["previous_year"]]
_LEVELS = [[phrase(p) for p in level] for level in READING_WORDS["rating_levels"]]


def settle_ratings(plan, scales: Scales, notes) -> tuple[list[Column], list[Column]]:
    """Apply the rules above to the plan's rating columns; (ratings, counts) as the plan then has them."""
    ratings = plan.ratings
    if (
        len(ratings) > 1
        and any(c.year is None for c in ratings)
        and not any(c.source == Source.MAPPED for c in ratings)
    ):
        _previous_year(plan, ratings, notes)
        ratings = plan.ratings
        if len(ratings) > 1 and any(c.year is None for c in ratings):
            _two_levels(plan, ratings, notes)
    return plan.ratings, plan.counts


def _previous_year(plan, ratings: list[Column], notes) -> None:
    undated = [c for c in ratings if c.year is None]
    previous = [c for c in undated if any(find_phrase(words_of(c.header), p) >= 0 for p in _PREVIOUS)]
    if not previous or plan.year is None or len(undated) - len(previous) > 1 or len(previous) > 1:
        return
    (last,) = previous
    last.year = plan.year - 1
    for c in undated:
        if c is not last:
            c.year = plan.year
    notes.warn(
        _(
            "'{header}' read as the ratings of {year}, the year before the table's {this}; "
            "if it is not, say so: --column ignore='{header}'"
        ).format(header=last.header, year=plan.year - 1, this=plan.year),
        plan.sheet.where(),
    )


def _level(header: str) -> int | None:
    words = words_of(header)
    found = [n for n, level in enumerate(_LEVELS) if any(find_phrase(words, p) >= 0 for p in level)]
    return max(found) if found else None


def _two_levels(plan, ratings: list[Column], notes) -> None:
    undated = [c for c in ratings if c.year is None]
    levels = [(_level(c.header), c) for c in undated]
    if len(undated) < 2 or any(n is None for n, _c in levels):
        return
    top = max(n for n, _c in levels)
    deciders = [c for n, c in levels if n == top]
    if len(deciders) != 1:
        return
    (decider,) = deciders
    lower = [c for c in undated if c is not decider]
    names = ", ".join(f"'{c.header}'" for c in lower)
    notes.warn(
        _(
            "{columns} not counted (a lower committee's proposal); the decision of the committee above, "
            "'{rating}', counts"
        ).format(columns=names, rating=decider.header),
        plan.sheet.where(),
    )
    for c in lower:
        plan.header.columns.remove(c)
        plan.ignored.append(ignored(c.index, c.header, Ignored.PROPOSED, decider.header))
