"""Why a column has its role, or why it is not read, in a few words: one sentence per code of
the reader (``reading.header_columns.Source`` and ``Ignored``), ``{detail}`` standing for what
decided it (the header, the label, the words …) and ``{because}`` for the source's sentence.

Written once, here, below both the reader and the writers: the reader says them in English in
``inspect``'s JSON (``because``, data for tools), and the text table says the same sentences in
the user's language from the same codes and the JSON's ``detail`` (``write.inspect``).
"""

from __future__ import annotations

from ccq_stats.i18n import N_

SOURCES = {  # how a role was decided
    "mapped": "--column {detail}",  # the option as typed: the same in every language
    "name": N_("name '{detail}'"),
    "year": N_("year {detail}"),
    "label": N_("label '{detail}'"),
    "or_better": N_("label '{detail}' trở lên"),
    "exemplary": N_("words 'trong đó … tiêu biểu'"),
    "words": N_("words '{detail}'"),
    "head_words": N_("words '{detail}'"),
    "name_part": N_("under '{detail}'"),
    "name_parts": N_("name in two columns ({detail})"),
    "sub_level": N_("the level below '{detail}': its organisations, where that cell is blank"),
    "upper_level": N_("the level above '{detail}': the parent of its organisations"),
    "under_orgs": N_("under '{detail}': organisations"),
    "content": N_("content: {detail} cells are rating labels"),
    "reader": "",
    "collection": N_("collection workbook v{detail}"),
}
REASONS = {  # why a column is not read
    "header": "{because}",
    "mapped": "--column {detail}",  # "name 'Ghi chú'": the role says "ignored"
    "share": N_("a share ({because})"),
    "score": N_("a score ({because}), not read here"),
    "points": N_("points ('{detail}' in its header, numbers under it): a part of the score, not a rating"),
    "award": N_("an award or title ({because}), not the year's rating"),
    "period": N_("a quarterly or mid-year review ({because}), not the year's rating"),
    "staff_rating": N_("a civil-servant or public-employee rating ({because}), not the party rating"),
    "self_score": N_("self-score, not used; the score used is '{detail}'"),
    "proposed_score": N_("proposed score, not used; the score used is '{detail}'"),
    "other_score": N_("another decided score, not used; the score used is '{detail}'"),
    "part": N_("a part of '{detail}'"),
    "part_of_tier": N_("a part of '{detail}' (trong đó)"),
    "not_year": N_("without diacritics, and no year under it: not 'Năm'"),
    "not_parent": N_("its cells are not names of organisations, so not the parent"),
    "former": N_("a former value ('{detail}' in its header), not the current hierarchy"),
    "not_kind": N_("no kind of organisation under it, in a member list"),
    "hidden": N_("hidden column"),
    "beyond_empty": N_("beyond an empty column"),
    "second": N_("another column is the {detail}"),
    "proposed": N_("self-rating or proposal, not counted"),
    "unknown": N_("no header word known"),
    "mirror": N_("codes that mirror the ratings in '{detail}', row for row"),
    "split": N_("the same rating as '{detail}' for another group of members: read with it, row for row"),
    "votes": N_("votes ({because}), not members"),
}


def column_reason(source: str, reason: str | None, detail: str, say=str) -> str:
    """The sentence for these codes; ``say`` puts a template into the reader's language (the
    identity for the JSON's English, gettext for a table)."""
    said = say(SOURCES[source]).format(detail=detail) if SOURCES[source] else ""
    if reason is None:
        return said
    return say(REASONS[reason]).format(detail=detail, because=said)
