"""Counts and shares per year and subject, from the classified tidy table.

``category_counts`` returns one row per (year, subject[, unit], category) with columns
``year, subject, [unit,] category, label, count, share`` – the records of ``ccq-stats classify``.
"""

from __future__ import annotations

from ccq_stats.i18n import gettext as _
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.scales import (  # noqa: F401 - QUOTA_BASES, TERM_MEANS kept importable here
    GROUP_BY,
    QUOTA_BASES,
    SHARE_BASES,
    SUBJECTS,
    TERM_MEANS,
    TIERS,
    Scales,
)

SUBJECT_ORDER = SUBJECTS  # the order of the output (scales.toml)
CATEGORIES = {
    "units": ("total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail", "good_or_better"),
    "cells": ("total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail", "good_or_better"),
    "members": ("total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail", "good_or_better"),
}
# Categories whose share is given: of those rated (default) or of the total (--base total).
SHARED = ("top", "exemplary", "good", "pass", "fail", "good_or_better")
BASES = SHARE_BASES  # of --base (scales.toml)
BY = GROUP_BY  # of --by (scales.toml)


def unit_of(records):
    """The grassroots organisation a row belongs to: itself, or for a chi bộ trực thuộc its parent."""
    return records["org"].where(records["subject"] != "cells", records["parent"]).fillna("")


def tally(records, keys: list[str]):
    """Counts of every category per group of ``keys``: a wide frame, one column per category."""
    import numpy as np
    import pandas as pd

    status, tier = _equals(records["status"]), _equals(records["tier"])
    rated = status("rated")
    top = rated & tier("top")
    parts = {
        "exempt": status("exempt"),
        "not_rated": status("not_rated"),
        "rated": rated,
        "top": top,
        "exemplary": top & records["exemplary"].fillna(False).astype(bool).to_numpy(),
        "good": rated & tier("good"),
        "pass": rated & tier("pass"),
        "fail": rated & tier("fail"),
    }
    counts = records["count"].to_numpy()
    frame = pd.DataFrame({name: np.where(mask, counts, 0) for name, mask in parts.items()}, index=records.index)
    frame[keys] = records[keys]
    wide = frame.groupby(keys, sort=False, observed=True).sum().reset_index()
    wide["total"] = wide["exempt"] + wide["not_rated"] + wide["rated"]
    wide["good_or_better"] = wide["top"] + wide["good"]
    return wide


def _equals(column):
    """value -> boolean mask of ``column == value``, from one factorize of the column (a text
    column of two million records compares slowly, value by value, each time)."""
    import pandas as pd

    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    index = {value: i for i, value in enumerate(uniques)}
    return lambda value: codes == index.get(value, -2)


def category_counts(records, scales: Scales, by: str = "year", base: str = "rated"):
    """The figures of ``ccq-stats classify``: every category of every (year, subject[, unit])."""
    import pandas as pd

    if by not in BY or base not in BASES:
        raise ValueError(_("by must be one of {by}, base one of {bases}").format(by=BY, bases=BASES))
    keys = ["year", "subject"] + (["unit"] if by == "unit" else [])
    if by == "unit":
        records = records.assign(unit=unit_of(records))
    wide = tally(records, keys)
    rows = []
    for group in wide.to_dict("records"):
        subject, year = group["subject"], int(group["year"])
        denominator = group[base]
        for category in CATEGORIES[subject]:
            count = int(group[category])
            share = count / denominator if category in SHARED and denominator else None
            row = {"year": year, "subject": subject}
            if by == "unit":
                row["unit"] = group["unit"]
            row.update(
                category=category, label=scales.category_label(year, subject, category), count=count, share=share
            )
            rows.append(row)
    figures = pd.DataFrame(rows, columns=keys + ["category", "label", "count", "share"])
    if figures.empty:
        return figures
    order = {s: i for i, s in enumerate(SUBJECT_ORDER)}
    figures["_s"] = figures["subject"].map(order)
    figures["_c"] = [CATEGORIES[s].index(c) for s, c in zip(figures["subject"], figures["category"])]
    sort = ["year", "_s"] + (["_u", "unit"] if by == "unit" else []) + ["_c"]
    if by == "unit":
        figures["_u"] = figures["unit"].map(norm_key)
    return (
        figures.sort_values(sort, kind="stable")
        .drop(columns=[c for c in ("_s", "_c", "_u") if c in figures])
        .reset_index(drop=True)
    )


# --------------------------------------------------------------------------------------
# Scores out of 100 (QĐ 366 from 2025, HD 27 2014–2017): bands beside the tiers, means per tier

SCORE_CATEGORIES = (
    "scored",
    "band_90",
    "band_70",
    "band_50",
    "band_0",
    "mean",
    "mean_top",
    "mean_good",
    "mean_pass",
    "mean_fail",
)


def score_subject(subject: str) -> str:
    """The subject of a subject's score figures in classify's output: ``units_scores`` …"""
    return f"{subject}_scores"


def scored(records):
    """The rated records that carry a score (the records of a list without scores have none)."""
    if "score" not in records or records.empty:
        return records.iloc[0:0]
    score = records["score"].astype("float64")
    return records[(records["status"] == "rated") & score.notna()].assign(score=score)


def score_counts(records, scales: Scales, by: str = "year"):
    """The score figures of every (year, subject[, unit]) whose rated records carry scores – none
    for the others: ``scored`` (rated with a score), each band of [scores] (count, share of
    ``scored``), and the mean score over all and per tier (count: the scores averaged; share: the
    mean ÷ 100, so that the share column stays a fraction). Columns as ``category_counts``."""
    import numpy as np
    import pandas as pd

    keys = ["year", "subject"] + (["unit"] if by == "unit" else [])
    rows_of = scored(records)
    columns = keys + ["category", "label", "count", "share"]
    if rows_of.empty:
        return pd.DataFrame([], columns=columns)
    if by == "unit":
        rows_of = rows_of.assign(unit=unit_of(rows_of))
    rows = []
    for key, group in rows_of.groupby(keys, sort=True):
        key = dict(zip(keys, key))
        year, subject = int(key["year"]), key["subject"]
        counts, score = group["count"].to_numpy(np.int64), group["score"].to_numpy()
        total = int(counts.sum())
        band = scales.band_ranks(score)  # by array, as the rules find the band
        figures = [("scored", total, None)]
        for b in scales.scores["bands"]:
            n = int(counts[band == TIERS.index(b["tier"])].sum())
            figures.append((b["category"], n, n / total if total else None))
        figures.append(("mean", total, float((score * counts).sum() / total) / 100 if total else None))
        tiers = group["tier"].to_numpy(dtype=object)
        for tier in TIER_ORDER:
            n = int(counts[tiers == tier].sum())
            mean = float((score[tiers == tier] * counts[tiers == tier]).sum() / n) / 100 if n else None
            figures.append((f"mean_{tier}", n, mean))
        for category, count, share in figures:
            row = dict(key, year=year, subject=score_subject(subject))
            row.update(category=category, label=scales.score_label(year, subject, category), count=count, share=share)
            rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def with_scores(figures, records, scales: Scales, by: str = "year"):
    """classify's figures with the score figures of the years that have scores: after each year's
    subjects, in the order units, cells, members (README, the output contract)."""
    import pandas as pd

    extra = score_counts(records, scales, by)
    if extra.empty:
        return figures
    order = {s: i for i, s in enumerate(SUBJECT_ORDER + tuple(score_subject(s) for s in SUBJECT_ORDER))}
    both = pd.concat([figures, extra], ignore_index=True)
    both["_y"], both["_s"] = both["year"], both["subject"].map(order)
    both["_i"] = range(len(both))  # within a year and subject, the order each part gave
    sort = ["_y", "_s"] + (["_u"] if by == "unit" else []) + ["_i"]
    if by == "unit":
        both["_u"] = both["unit"].map(norm_key)
    both = both.sort_values(sort, kind="stable").drop(columns=[c for c in ("_y", "_s", "_i", "_u") if c in both])
    both["count"] = both["count"].astype("int64")
    return both.reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Nested ("trong đó") shares, term figures, per-organisation history, member quota

TIER_ORDER = TIERS  # best first (scales.toml)


def parse_span(text: str, what: str = "--term") -> tuple[int, int]:
    """ "2015-2020" -> (2015, 2020)."""
    import re

    match = re.fullmatch(r"\s*((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\s*", text or "")
    if not match or int(match.group(1)) >= int(match.group(2)):
        from ccq_stats.errors import InputError

        raise InputError(
            _("{option} must be two years like 2015-2020").format(option=what),
            value=text,
            hint=_("write START-END with START < END"),
        )
    return int(match.group(1)), int(match.group(2))


def parse_years(text: str) -> tuple[int, int]:
    """ "2016-2019" -> (2016, 2019); "2019" -> (2019, 2019): the years a filter keeps (``--years``)."""
    import re

    match = re.fullmatch(r"\s*((?:19|20)\d\d)\s*(?:[-–—]\s*((?:19|20)\d\d)\s*)?", text or "")
    if not match or int(match.group(2) or match.group(1)) < int(match.group(1)):
        from ccq_stats.errors import InputError

        raise InputError(
            _("--years must be a year or two years like 2016-2019"),
            value=text,
            hint=_("write FIRST-LAST with FIRST ≤ LAST, or one year"),
        )
    return int(match.group(1)), int(match.group(2) or match.group(1))


def term_years(term: str, years: str | None = None) -> list[int]:
    """The rating years a term covers: start … end−1 (a term ends at its congress), unless given."""
    start, end = parse_span(term)
    if years:
        first, last = parse_span(years, "--years")
        return list(range(first, last + 1))
    return list(range(start, end))


def wide(figures) -> dict:
    """{(year, subject): {category: {"label", "count", "share"}}} from category_counts."""
    out: dict = {}
    for row in figures.itertuples(index=False):
        share = None if row.share is None or row.share != row.share else float(row.share)
        out.setdefault((int(row.year), row.subject), {})[row.category] = {
            "label": row.label,
            "count": int(row.count),
            "share": share,
        }
    return out


def nested_shares(cats: dict) -> dict:
    """ "trong đó" shares within the parent group: exemplary of top, top of good_or_better."""

    def within(part: str, whole: str):
        total = cats.get(whole, {}).get("count", 0)
        return cats[part]["count"] / total if part in cats and total else None

    return {"exemplary_of_top": within("exemplary", "top"), "top_of_good_or_better": within("top", "good_or_better")}


def term_figures(by_year: dict, subject: str, years: list[int], mean: str = "shares", base: str = "rated") -> dict:
    """The term figure of each shared category: mean of yearly shares or pooled counts, with the
    first-to-last change (percentage points), and the years of the highest and lowest share."""
    present = [y for y in years if (y, subject) in by_year]
    out = {}
    if not present:
        return out
    for category in SHARED:
        if category not in by_year[(present[0], subject)]:
            continue
        shares = {y: by_year[(y, subject)][category]["share"] for y in present}
        counts = {y: by_year[(y, subject)][category]["count"] for y in present}
        bases = {y: by_year[(y, subject)][base]["count"] for y in present}
        known = {y: s for y, s in shares.items() if s is not None}
        if mean == "pooled":
            value = sum(counts.values()) / sum(bases.values()) if sum(bases.values()) else None
        else:
            value = sum(known.values()) / len(known) if known else None
        first, last = shares[present[0]], shares[present[-1]]
        out[category] = {
            "value": value,
            "count": sum(counts.values()),
            "first": first,
            "last": last,
            "change": (last - first) if first is not None and last is not None else None,
            "max_year": max(known, key=lambda y: (known[y], -y)) if known else None,
            "min_year": min(known, key=lambda y: (known[y], y)) if known else None,
        }
    return out


def best_and_worst_year(by_year: dict, subject: str, years: list[int]) -> tuple[int | None, int | None]:
    """Best and worst year of a subject: by the share good or better, then by the top share."""
    scored = []
    for y in years:
        cats = by_year.get((y, subject))
        if cats and cats["good_or_better"]["share"] is not None:
            scored.append(((cats["good_or_better"]["share"], cats["top"]["share"] or 0), y))
    if not scored:
        return None, None
    return max(scored)[1], min(scored)[1]


def org_history(records, years: list[int]):
    """Per organisation (units and cells) over the years: its rating each year, years in each
    tier, the longest run of consecutive top years, the years it was pass or fail, and the
    years its tier fell from the year before. One row per organisation, in list order."""
    import pandas as pd

    orgs = records[records["subject"].isin(["units", "cells"]) & records["year"].isin(years)]
    # grouped by hand in one pass over plain tuples: a pandas group per organisation was most of a report's time
    groups: dict[tuple, dict] = {}
    fields = ["subject", "org", "parent", "year", "tier", "status", "exemplary", "org_kind", "host_type"]
    for subject, org, parent, year, tier, status, exemplary, org_kind, host_type in orgs[fields].itertuples(
        index=False, name=None
    ):
        key = (subject, org, parent if parent == parent else None)  # NaN: one group, as groupby(dropna=False) makes
        group = groups.setdefault(
            key, {"parent": parent, "org_kind": org_kind, "host_type": host_type, "by_year": {}, "exemplary": []}
        )
        group["by_year"][int(year)] = tier if status == "rated" else status
        if pd.notna(exemplary) and bool(exemplary):  # NaN and None: not exemplary
            group["exemplary"].append(int(year))
    rows = []
    for (subject, org, _key), group in groups.items():
        by_year, parent = group["by_year"], group["parent"]
        exemplary_years = sorted(group["exemplary"])
        run = best = 0
        for y in years:
            run = run + 1 if by_year.get(y) == "top" else 0
            best = max(best, run)
        falls = []
        for y in years[1:]:
            before, now = by_year.get(y - 1), by_year.get(y)
            if before in TIER_ORDER and now in TIER_ORDER and TIER_ORDER.index(now) > TIER_ORDER.index(before):
                falls.append({"year": y, "from": before, "to": now})
        rows.append(
            {
                "subject": subject,
                "org": org,
                "parent": parent or "",
                "org_kind": group["org_kind"] or "",
                "host_type": group["host_type"] or "",
                "ratings": by_year,
                "exemplary_years": exemplary_years,
                **{f"years_{t}": sum(1 for v in by_year.values() if v == t) for t in TIER_ORDER},
                "longest_top_run": best,
                "candidate": best >= 5,
                "weak_years": [y for y in years if by_year.get(y) in ("pass", "fail")],
                "falls": falls,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "subject",
            "org",
            "parent",
            "org_kind",
            "host_type",
            "ratings",
            "exemplary_years",
            "years_top",
            "years_good",
            "years_pass",
            "years_fail",
            "longest_top_run",
            "candidate",
            "weak_years",
            "falls",
        ],
    )


def member_quota(records, base: str = "good"):
    """Per grassroots organisation and year: member tier counts and the HD 21 quota – members
    rated top may be at most 20% of those rated good (or good or better), rounded down."""
    members = records[records["subject"] == "members"]
    tallies = tally(members, ["year", "org"])
    tallies["allowed"] = tallies[base if base == "good" else "good_or_better"] // 5
    tallies["excess"] = (tallies["top"] - tallies["allowed"]).clip(lower=0)
    return tallies


# Which organisations report a year (month.py's roster table; the roster file is read by store/roster.py).
def grassroots(records, year: int) -> dict[str, str]:
    """{folded name: name} of the grassroots organisations with ratings in ``year``: units
    rated, the organisations of members, the parents of cells."""
    rows = records[records["year"] == year]
    names: dict[str, str] = {}
    units = rows[rows["subject"] == "units"]["org"].tolist()
    members = rows[rows["subject"] == "members"]["org"].tolist()
    parents = rows[rows["subject"] == "cells"]["parent"].tolist()
    for name in units + members + parents:
        if name:
            names.setdefault(norm_key(name), name)
    return names


def expected(records, rosters: dict[int, list[dict]], year: int) -> tuple[list[str], str, int | None]:
    """The organisations expected to report ``year``, where that list comes from, and the year
    it was taken from: the roster given for the year; else the organisations rated in the
    latest year before it; else those of the year itself (nothing then counts as missing)."""
    if year in rosters:
        return [o["org"] for o in rosters[year]], "roster", year
    earlier = sorted(int(y) for y in records["year"].unique() if int(y) < year)
    if earlier:
        units = records[(records["year"] == earlier[-1]) & (records["subject"] == "units")]["org"]
        named = list(dict.fromkeys(n for n in units.tolist() if n)) or list(grassroots(records, earlier[-1]).values())
        return named, "previous_year", earlier[-1]
    return list(grassroots(records, year).values()), "same_year", year
