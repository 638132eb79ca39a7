"""The words of the code, read once from the package's ``scales.toml``: tiers, statuses, subjects,
shapes, the year range, the column roles, and the display names the documents and tables print.

The bottom of the vocabulary: ``phrases``, ``tables`` and ``scales`` (which loads a user's
``--scales`` file too) import from here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ccq_stats.text import norm_key, strip_marks

BUILTIN = Path(__file__).resolve().parent.parent / "scales.toml"
with open(BUILTIN, "rb") as _handle:  # the package's own file: read once, for these words and for load_scales
    BUILTIN_DATA = tomllib.load(_handle)


# The words of the code, written once in scales.toml (see its head): the command line's choices too.
TIERS = tuple(BUILTIN_DATA["tiers"])  # best first
STATUSES = tuple(BUILTIN_DATA["statuses"])  # left: no longer a member at rating time (not counted)
SUBJECTS = tuple(BUILTIN_DATA["subjects"])  # what a figure counts: units, cells, members – in output order
SHAPES = tuple(BUILTIN_DATA["shapes"])  # of an input sheet (--kind)
TERM_MEANS = tuple(BUILTIN_DATA["term_means"])  # how a term's share is taken (--mean)
QUOTA_BASES = tuple(BUILTIN_DATA["quota_bases"])  # what the 20% quotas count on (--quota-base)
SHARE_BASES = tuple(BUILTIN_DATA["share_bases"])  # what a share is of (--base)
GROUP_BY = tuple(BUILTIN_DATA["group_by"])  # what the figures are grouped by (--by)
# the rating years accepted, and the first a bare number in a header is taken for
FIRST_YEAR, LAST_YEAR = int(BUILTIN_DATA["years"]["first"]), int(BUILTIN_DATA["years"]["last"])
HEADER_FIRST_YEAR = int(BUILTIN_DATA["years"]["header_first"])
SEVERITIES = ("error", "warning")  # of a rule and its findings (vocabulary: rules.toml names one per rule)


def is_rating_year(value: object) -> bool:
    """Is ``value`` a whole number in the rating years the tool accepts (FIRST_YEAR–LAST_YEAR)?"""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and float(value).is_integer()
        and FIRST_YEAR <= value <= LAST_YEAR
    )


# Words the reader finds around a label, a year or a figure ([reading_words]): "trong đó", "trở lên",
# "năm" … – the reading rooms build their patterns from these (phrases.either_marks)
READING_WORDS = dict(BUILTIN_DATA["reading_words"])


def year_of_header(value: object, scales) -> int | None:
    """The year a wide layout's column header names: "Năm 2019", "NĂM 2019", "2019" -> 2019. With
    the year word ([reading_words] year) any rating year (FIRST_YEAR–LAST_YEAR); a bare number
    only from HEADER_FIRST_YEAR, as everywhere a header's number is taken for a year. ``scales``: the
    vocabulary (``tables.Scales``), whose words (a user's among them) are looked for."""

    match = scales.words.year_header.match(strip_marks(norm_key(value)))
    if not match:
        return None
    year = int(match.group(2))
    return year if (FIRST_YEAR if match.group(1) else HEADER_FIRST_YEAR) <= year <= LAST_YEAR else None


RULES = Path(__file__).resolve().parent.parent / "rules.toml"  # the rule table: names, severities, sources by regime
RULE_KEYS = {"id", "name", "severity", "source", "sources"}  # the rest of a [[rules]] entry: the rule's settings
# Column roles understood by the reader (keys of [columns] in scales.toml), each with what the
# reader knows of it – written here once, the reading rooms take their lists from it:
#   one      a table has at most one column of it (a second one is refused, naming both);
#   columns  the large-file (column) reader reads a sheet with such a column (else the row reader does);
#   cells    its cells are read as the row's value (an ignored column's, a share's or a count's are not);
#   few      few distinct values in a list (a score out of 100: a few hundred): read as a dictionary.
ROLE_TRAITS = {
    "seq": {"one", "columns", "cells"},
    "org": {"one", "columns", "cells", "few"},
    "member": {"one", "columns", "cells"},
    "member_id": {"one", "columns", "cells"},
    "birth": {"one", "columns", "cells", "few"},
    "kind": {"one", "columns", "cells", "few"},
    "parent": {"one", "columns", "cells", "few"},
    "host_type": {"one", "columns", "cells", "few"},
    "year": {"one", "columns", "cells", "few"},
    "rating": {"columns", "cells", "few"},
    "discipline": {"one", "columns", "cells", "few"},
    "total_count": {"one"},
    "rated_count": {"one"},
    "count_of": set(),
    "share_of": {"columns"},
    "ignored": {"columns"},
    "proposed": set(),
    "unit_count": set(),
    "score": {"columns", "cells", "few"},
    "score_proposed": set(),
    "score_self": set(),
}
ROLES = tuple(ROLE_TRAITS)
SINGLE_ROLES = tuple(role for role, traits in ROLE_TRAITS.items() if "one" in traits)
COLUMN_READER_ROLES = frozenset(role for role, traits in ROLE_TRAITS.items() if "columns" in traits)
CELL_ROLES = tuple(role for role, traits in ROLE_TRAITS.items() if "cells" in traits)
FEW_VALUE_ROLES = tuple(role for role, traits in ROLE_TRAITS.items() if "few" in traits)
# Who gave a score ([score_by] in scales.toml), as the role of its column: decided, proposed, self-scored.
SCORE_ROLES = {"decision": "score", "proposal": "score_proposed", "self": "score_self"}
# Other names a user may give a role in --column ROLE=HEADER or [mapping] (beside the roles
# themselves): alias -> role; a tier or a status names a count column of it.
ROLE_ALIASES = {
    "name": "member",
    "unit": "org",
    "card": "member_id",
    "total": "total_count",
    "rated": "rated_count",
    "ignore": "ignored",
    "self_rating": "proposed",
}
ROLE_NAMES = ROLE_ALIASES  # the earlier name, kept importable
# [column_words] keys beside the roles: columns known by their header and not read, for a reason of
# their own that inspect states (an award, unless its cells are labels; a civil-servant rating; votes)
NOT_READ_WORDS = ("period_review", "award", "staff_rating", "votes")


# Display names, the words the documents and tables print for subjects, kinds, statuses and tiers
# ([names] of scales.toml). Vocabulary, so they live here, below the documents and writers that
# print them (report.py, month.py, store/history.py, write/terminal.py, write/text.py and
# write/workbook.py all take them from here).
_NAMES = BUILTIN_DATA["names"]
DEFAULT_ORG = _NAMES["default_org"]  # the organisation a document is about when --org is not given
SUBJECT_NAMES = dict(_NAMES["subjects"])  # in a sentence: "chi bộ trực thuộc"
SUBJECT_TITLES = dict(_NAMES["subject_titles"])  # a table's title: "Chi bộ trực thuộc"
KIND_NAMES = dict(_NAMES["kinds"])
STATUS_NAMES = dict(_NAMES["statuses"])
# a category that is no tier, as a narrow table heads it; the members' total so headed
SHORT_CATEGORIES = {"total": _NAMES["categories"]["total"], **STATUS_NAMES, "rated": _NAMES["categories"]["rated"]}
SHORT_MEMBERS_TOTAL = _NAMES["members_total"]
# Abbreviations the tables of a report use, as staff write them; a report prints the legend.
SHORT = dict(_NAMES["short"])
# The abbreviations of the tables and what they stand for, in the order a legend gives them.
LEGEND_WORDS = tuple((short, meaning) for short, meaning in _NAMES["legend"])


def legend_for(texts) -> str:
    """The legend of the abbreviations that occur in ``texts`` (the cells of a table), and only
    those: no TSVM under a table of members or of 2018–2019 ratings."""

    words = set(re.findall(r"\w+", " ".join(texts)))
    return "; ".join(f"{short}: {meaning}" for short, meaning in LEGEND_WORDS if short in words)


LEGEND = legend_for(short for short, meaning in LEGEND_WORDS)  # every abbreviation
