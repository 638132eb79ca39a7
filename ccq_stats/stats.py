"""Counts and shares per year and subject, from the classified tidy table.

``category_counts`` returns one row per (year, subject[, unit], category) with columns
``year, subject, [unit,] category, label, count, share`` – the records of ``ccq-stats classify``.
"""

from __future__ import annotations

from ccq_stats.scales import Scales
from ccq_stats.text import norm_key

SUBJECT_ORDER = ("units", "cells", "members")
CATEGORIES = {
    "units": ("total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail", "good_or_better"),
    "cells": ("total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail", "good_or_better"),
    "members": ("total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail", "good_or_better"),
}
# Categories whose share is given: of those rated (default) or of the total (--base total).
SHARED = ("top", "exemplary", "good", "pass", "fail", "good_or_better")
BASES = ("rated", "total")
BY = ("year", "unit")


def unit_of(records):
    """The grassroots organisation a row belongs to: itself, or for a chi bộ trực thuộc its parent."""
    return records["org"].where(records["subject"] != "cells", records["parent"]).fillna("")


def tally(records, keys: list[str]):
    """Counts of every category per group of ``keys``: a wide frame, one column per category."""
    import pandas as pd

    rated = records["status"] == "rated"
    parts = {
        "exempt": records["status"] == "exempt",
        "not_rated": records["status"] == "not_rated",
        "rated": rated,
        "top": rated & (records["tier"] == "top"),
        "exemplary": rated & (records["tier"] == "top") & records["exemplary"].fillna(False).astype(bool),
        "good": rated & (records["tier"] == "good"),
        "pass": rated & (records["tier"] == "pass"),
        "fail": rated & (records["tier"] == "fail"),
    }
    counts = records["count"]
    frame = pd.DataFrame({name: counts.where(mask, 0) for name, mask in parts.items()})
    frame[keys] = records[keys]
    wide = frame.groupby(keys, sort=False, observed=True).sum().reset_index()
    wide["total"] = wide["exempt"] + wide["not_rated"] + wide["rated"]
    wide["good_or_better"] = wide["top"] + wide["good"]
    return wide


def category_counts(records, scales: Scales, by: str = "year", base: str = "rated"):
    """The figures of ``ccq-stats classify``: every category of every (year, subject[, unit])."""
    import pandas as pd

    if by not in BY or base not in BASES:
        raise ValueError(f"by must be one of {BY}, base one of {BASES}")
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
            row.update(category=category, label=scales.category_label(year, subject, category), count=count, share=share)
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
    return figures.sort_values(sort, kind="stable").drop(columns=[c for c in ("_s", "_c", "_u") if c in figures]).reset_index(drop=True)
