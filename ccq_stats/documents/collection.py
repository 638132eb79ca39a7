"""The collection workbook's layout (``ccq-stats blank``), shared by its writer and its reader.

The Ban Tổ chức sends a workbook down to every organisation and reads it back. Both sides take
its layout from one place, ``collection.toml``: the header row, each shape's columns with their
roles, the labels a rating cell may take in a year, the words of the "Hướng dẫn" sheet. The
workbook carries a marker – a hidden defined name on each data sheet, ``_ccq_collection`` –
saying the template version, the year, the shape and the organisation; the reader recognises
the marker, checks that the header still reads as the layout of that version says, and then
takes its plan from the layout instead of searching for it (reading/collection.py).

Pure functions of their arguments; nothing here touches a file.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ccq_stats.vocabulary.scales import SHAPES, SHORT, STATUS_NAMES, STATUSES, TIERS, Scales

DATA = Path(__file__).resolve().parent.parent / "collection.toml"  # the data files stay at the package root
PREFIX = "ccq-stats collection"
MAX_MARKER = 255  # Excel keeps at most 255 characters of a text constant in a formula (a defined name's value)


@functools.cache
def data() -> dict:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Column:
    role: str  # a reader role, a tier or status id (a count column), score_self / score_decided, check, ignored
    header: str
    width: float
    formula: str = ""  # "tiers": the sum of the tier columns; "check": the identity (1) = (2)+(3)+(4)


@dataclass(frozen=True)
class Layout:
    version: int
    shape: str
    year: int
    sheet: str  # the data sheet's name
    title: str
    header_row: int  # 1-based, as Excel numbers it
    first_row: int  # 1-based: the first row to fill (under the row of column numbers)
    columns: tuple[Column, ...]
    scored: bool  # the year's regime scores out of 100

    def index(self, role: str) -> int | None:
        """0-based index of the column of ``role``, or None."""
        return next((i for i, c in enumerate(self.columns) if c.role == role), None)


def is_scored(year: int, scales: Scales) -> bool:
    return scales.regime(year).id in data()["scored_regimes"]


def layout(shape: str, year: int, scales: Scales, version: int | None = None) -> Layout | None:
    """The layout of a collection workbook of ``shape`` for ``year``; None for a version this
    ccq-stats does not know (an older or newer template)."""
    d = data()
    if (version or d["version"]) != d["version"] or shape not in SHAPES:
        return None
    scored = is_scored(year, scales)
    columns = tuple(
        Column(c["role"], c["header"], c["width"], c.get("formula", ""))
        for c in d["columns"][shape]
        if scored or not c.get("scored")
    )
    return Layout(
        d["version"],
        shape,
        year,
        d["sheets"][shape],
        d["titles"][shape].format(year=year),
        d["header_row"],
        d["first_row"],
        columns,
        scored,
    )


def index_labels(lay: Layout) -> list[str]:
    """The row of column numbers under the header: "(1)", "(2)" …, the identities written where
    they hold ("(1) = (2)+(3)+(4)" under the total, "(4) = (5)+…+(8)" under those rated)."""
    out = [f"({i + 1})" for i in range(len(lay.columns))]
    if lay.shape == "counts":
        n = {c.role: i + 1 for i, c in enumerate(lay.columns)}
        out[n["total_count"] - 1] = f"({n['total_count']}) = ({n['exempt']})+({n['not_rated']})+({n['rated_count']})"
        out[n["rated_count"] - 1] = f"({n['rated_count']}) = ({n['top']})+…+({n['fail']})"
    return out


def marker_text(year: int, shape: str, org: str, version: int | None = None) -> str:
    """The marker's value: "ccq-stats collection;v=1;year=2025;shape=members;org=Chi bộ …"
    (the organisation's name cut to fit Excel's 255 characters)."""
    head = f"{PREFIX};v={version or data()['version']};year={year};shape={shape};org="
    return head + org[: MAX_MARKER - len(head)]


def parse_marker(text: str | None) -> dict | None:
    """{"version", "year", "shape", "org"} of a marker's value, or None when it is not one."""
    if not text or not text.startswith(PREFIX + ";"):
        return None
    fields = {}
    rest = text[len(PREFIX) + 1 :]
    for _i in range(3):
        part, _sep, rest = rest.partition(";")
        key, _eq, value = part.partition("=")
        fields[key] = value
    key, _eq, org = rest.partition("=")
    try:
        out = {
            "version": int(fields["v"]),
            "year": int(fields["year"]),
            "shape": fields["shape"],
            "org": org if key == "org" else "",
        }
    except (KeyError, ValueError):
        return None
    return out if out["shape"] in SHAPES else None


@dataclass(frozen=True)
class Choice:
    text: str  # what the cell may hold
    means: str  # a tier or status id
    exemplary: bool = False
    abbreviation_of: str = ""  # the full label, when the text is its abbreviation


def rating_choices(shape: str, year: int, scales: Scales) -> list[Choice]:
    """The texts the rating cell's drop-down offers in ``year``: the regime's labels for the
    shape's vocabulary, best first, then (organisations) the exemplary top tier, then the
    statuses, then the abbreviations staff type. Only texts the reader classifies to that
    meaning, valid in that year, are offered."""
    subject = "members" if shape in ("members", "counts") else "units"
    vocabulary = scales.subjects[subject]["vocabulary"]
    regime = scales.regime(year)
    full = [Choice(regime.tiers[vocabulary][t], t) for t in TIERS]
    if subject == "units":
        full.append(Choice(f"{regime.tiers[vocabulary]['top']} tiêu biểu", "top", exemplary=True))
    statuses = [s for s in STATUSES if s != "left" and (subject == "members" or s == "not_rated")]
    full += [Choice(scales.subjects["members"]["exempt"] if s == "exempt" else "Chưa đánh giá", s) for s in statuses]
    short = [
        Choice(SHORT[c.text], c.means, abbreviation_of=c.text)
        for c in full
        if c.text in SHORT and SHORT[c.text] != c.text
    ]
    short += [Choice(STATUS_NAMES[c.means], c.means, abbreviation_of=c.text) for c in full if c.means in STATUS_NAMES]
    return [c for c in full + short if _reads_as(c, vocabulary, regime.id, scales)]


def _reads_as(choice: Choice, vocabulary: str, regime: str, scales: Scales) -> bool:
    label = scales.lookup_label(choice.text)
    if label is None or label.meaning.means != choice.means or label.meaning.exemplary != choice.exemplary:
        return False
    return ("*", "*") in label.valid or (vocabulary, regime) in label.valid


def applicable_rules(year: int, scales: Scales) -> list[dict]:
    """The rules ``check`` applies to the ratings of ``year``, and the checks made while reading
    every file: {"id", "name", "source", "verified"} for the "Hướng dẫn" sheet."""
    out = []
    reading = data()["reading_checks"]
    for rule_id, rule in scales.rules.items():
        source = scales.rule_source(rule_id, year)
        if source is None or not source.applies:
            continue
        out.append(
            {
                "id": rule_id,
                "name": rule.name,
                "source": source.source,
                "verified": source.verified,
                "reading": rule_id in reading,
            }
        )
    return out


def roster_year(rosters: dict, year: int) -> int | None:
    """The year of the roster ``known_organisations`` takes when the store has no ratings."""
    return max((y for y in rosters if y <= year), default=None)


def known_organisations(records, rosters: dict, year: int) -> dict[str, dict]:
    """{folded name: {"org", "kind", "cells"}} of the grassroots organisations expected to report
    ``year`` (the roster of the year, else those rated the year before: ``stats.expected``),
    each with its kind and its chi bộ trực thuộc ({"org", "kind", "parent"}) as the latest year
    before ``year`` that has them gives them. With no ``records`` (a store holding only rosters),
    the roster of the year, else the latest before it (``roster_year`` says which)."""
    from ccq_stats.figures.stats import expected
    from ccq_stats.text import norm_key

    given = {norm_key(o["org"]): o.get("org_kind", "") for o in rosters.get(year, [])}
    if records is None or records.empty:  # a roster alone (no ratings imported yet): the latest up to the year
        return {
            norm_key(o["org"]): {"org": o["org"], "kind": _kind_id(o.get("org_kind", "")), "cells": []}
            for o in rosters.get(roster_year(rosters, year), [])
        }
    names, _source, _year = expected(records, rosters, year)
    from ccq_stats.figures.records import folded

    earlier = records[(records["year"] <= year) & records["subject"].isin(["units", "cells"])]
    org_keys, parent_keys = folded(earlier["org"]), folded(earlier["parent"])
    out = {}
    for name in names:
        key = norm_key(name)
        units = earlier[(earlier["subject"] == "units") & (org_keys == key)]
        kind = units.sort_values("year")["org_kind"].iloc[-1] if len(units) else ""
        kind = kind or _kind_id(given.get(key, ""))
        cells = earlier[(earlier["subject"] == "cells") & (parent_keys == key)]
        rows = []
        if len(cells):
            latest = cells[cells["year"] == cells["year"].max()]
            for org, cell_kind in dict.fromkeys(zip(latest["org"], latest["org_kind"])):
                rows.append({"org": org, "kind": cell_kind or "chi_bo_truc_thuoc", "parent": name})
        out[key] = {"org": name, "kind": kind, "cells": rows}
    return out


def _kind_id(text: str) -> str:
    """A roster's kind ("Đảng bộ cơ sở", "ĐBCS", or the id itself) as a kind id, else ""."""
    from ccq_stats.vocabulary.scales import KIND_NAMES, load_scales

    if text in KIND_NAMES:
        return text
    found = load_scales().lookup(load_scales().kinds, text) if text else None
    return found[0] if found and found[1] != "by_parent" else ""


def members_by_org(records) -> dict[str, list[dict]]:
    """{folded organisation: [{"member", "birth"}]} of last year's member rows (the latest year of
    ``records``), in their order, each member once: the rows a member list is pre-filled with.
    The birth year comes from the member key where the list gave one (``name|1975``)."""
    from ccq_stats.text import norm_key

    members = records[(records["subject"] == "members") & (records["shape"] == "members") & (records["member"] != "")]
    if members.empty:
        return {}
    members = members[members["year"] == members["year"].max()].sort_values(
        ["source_file", "source_sheet", "source_row"]
    )
    out: dict[str, list[dict]] = {}
    seen = set()
    for org, name, key in zip(members["org"], members["member"], members["member_key"]):
        if (org, key or name) in seen:
            continue
        seen.add((org, key or name))
        birth = (key or "").rpartition("|")[2]
        out.setdefault(norm_key(org), []).append(
            {"member": name, "birth": int(birth) if birth.isdigit() and len(birth) == 4 else None}
        )
    return out


def blank_groups(shape: str, orgs: list[dict], members: dict[str, list[dict]], one_file: bool) -> list[dict]:
    """The workbooks to write: [{"org", "rows"}], one per organisation (``one_file`` False), or one
    for all of them. ``orgs``: [{"org", "kind", "cells"}] as ``known_organisations`` gives them
    (kind and cells may be empty for an organisation the store does not know)."""
    from ccq_stats.text import norm_key

    def rows_of(o: dict) -> list[dict]:
        if shape == "members":
            return members.get(norm_key(o["org"]), [])
        if shape == "units":
            return [{"org": o["org"], "kind": o.get("kind", ""), "parent": ""}] + list(o.get("cells", []))
        return [{"org": o["org"]}]

    if not one_file:
        return [{"org": o["org"], "rows": rows_of(o)} for o in orgs]
    rows = [row for o in orgs for row in rows_of(o)]
    return [{"org": orgs[0]["org"] if len(orgs) == 1 else "", "rows": rows}]
