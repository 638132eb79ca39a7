"""The data of a report: plain dicts and lists built from the classified records.

``report_context`` is what every template receives (documented in docs/templates.md); it is
also what the xlsx writer lays out as sheets. Nothing here knows about formats.
"""

from __future__ import annotations

from datetime import date

from ccq_stats.figures.lineage import (  # organisations through the reorganisation
    ONE_TO_ONE,
    Lineage,
    drift,
    event_text,
    follow_records,
    former_text,
    grassroots_years,
    kind_name,
)
from ccq_stats.figures.rules import rule_applies, rule_name, severity_name
from ccq_stats.figures.stats import (
    SHARED,
    SUBJECT_ORDER,
    best_and_worst_year,
    category_counts,
    member_quota,
    nested_shares,
    org_history,
    term_figures,
    wide,
)
from ccq_stats.numbers import year_range
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.scales import (  # display names: vocabulary
    DEFAULT_ORG,
    KIND_NAMES,
    SHORT,
    STATUS_NAMES,
    SUBJECT_NAMES,
    TIERS,
    Scales,
    legend_for,
)


def said(label: str, category: str) -> str:
    """A tier as a sentence says it after "39 tổ chức": "hoàn thành tốt nhiệm vụ", "đạt trong
    sạch, vững mạnh", "bị xếp loại yếu kém" — a number followed by a bare tier name is not
    Vietnamese. The verb goes with the words of the label (its grammar), not with the figures."""
    text = label[:1].lower() + label[1:]
    if text.startswith(("hoàn thành", "không hoàn thành", "đủ tư cách", "vi phạm")):
        return text
    return ("bị xếp loại " if category == "fail" else "đạt ") + text


def _quota(year: int, scales: Scales) -> dict:
    """Whether the members' 20% quota binds the ratings of ``year``, and the source it cites then."""
    source = scales.rule_source("member_quota", year)
    applies = source is not None and source.applies
    return {"applies": applies, "source": source.source if applies else ""}


def figure_note(span: str, mean: str, years: list[int], table_years: list[int]) -> str:
    """How the figures are counted, for a note under the figures (not the narrative's first sentence);
    ``span`` is the report's: "term" or "year"."""
    note = "Tỷ lệ tính trên số được đánh giá, xếp loại"
    if span == "term":
        how = (
            "bình quân tỷ lệ của các năm"
            if mean == "shares"
            else "tổng số lượt xếp loại chia tổng số lượt được đánh giá cả nhiệm kỳ"
        )
        return (
            f"{note}; tỷ lệ nhiệm kỳ là {how} (các năm đánh giá {year_range(years[0], years[-1])})."
            if len(years) > 1
            else note + "."
        )
    if len(table_years) > 1:
        return f"{note}; các bảng ghi cả năm {table_years[0]} để so sánh."
    return note + "."


def _top_names(scales: Scales, years: list[int]) -> list[dict]:
    """How the top tier of organisations is named across the years: one entry per regime label."""
    out: list[dict] = []
    for year in years:
        label = scales.category_label(year, "units", "top")
        if out and out[-1]["label"] == label:
            out[-1]["years"].append(year)
        else:
            out.append({"label": label, "years": [year]})
    return out


def _subject_block(by_year: dict, subject: str, years: list[int], scales: Scales, mean: str) -> dict | None:
    present = [y for y in years if (y, subject) in by_year]
    if not present:
        return None
    rows = []
    for y in present:
        cats = by_year[(y, subject)]
        # the labels are the vocabulary's (scales.toml), as classify writes them: one name per tier and
        # year everywhere ("Trong sạch, vững mạnh tiêu biểu" also from 2018, when it is an award)
        for category in ("top", "exemplary", "good", "pass", "fail"):
            if category in cats:
                cats[category] = dict(cats[category], said=said(cats[category]["label"], category))
        regime = scales.regime(y)
        rows.append(
            {
                "year": y,
                "regime": regime.id,
                "documents": regime.documents,
                "categories": cats,
                "nested": nested_shares(cats),
            }
        )
    term = term_figures(by_year, subject, present, mean=mean)
    for category, figure in term.items():
        figure["labels"] = list(dict.fromkeys(by_year[(y, subject)][category]["label"] for y in present))
    best, worst = best_and_worst_year(by_year, subject, present)
    last = by_year[(present[-1], subject)]
    return {
        "name": SUBJECT_NAMES[subject],
        "years": rows,
        "year_list": present,
        "term": term,
        "best_year": best,
        "worst_year": worst,
        "last_year": present[-1],
        "last_total": last["total"]["count"],
        "last_rated": last["rated"]["count"],
    }


def _score_blocks(records, years: list[int], scales: Scales) -> list[dict]:
    """The score figures (stats.score_counts: bands, means per tier) of each subject, for the years
    of ``years`` whose lists carry scores (QĐ 366 from 2025, HD 27 2014–2017); empty otherwise."""
    from ccq_stats.figures.stats import score_counts

    figures = score_counts(records[records["year"].isin(years)], scales) if len(records) else None
    if figures is None or figures.empty:
        return []
    out = []
    for subject in SUBJECT_ORDER:
        part = figures[figures["subject"] == f"{subject}_scores"]
        if part.empty:
            continue
        rows = []
        for year, group in part.groupby("year", sort=True):
            cats = {
                r["category"]: {
                    "label": r["label"],
                    "count": int(r["count"]),
                    "share": None if r["share"] is None or r["share"] != r["share"] else float(r["share"]),
                }
                for r in group.to_dict("records")
            }
            bands = [dict(cats[b["category"]], category=b["category"], tier=b["tier"]) for b in scales.scores["bands"]]
            means = [
                dict(
                    cats[f"mean_{t}"],
                    tier=t,
                    tier_label=scales.category_label(int(year), subject, t),
                    mean=None if cats[f"mean_{t}"]["share"] is None else cats[f"mean_{t}"]["share"] * 100,
                )
                for t in TIERS
            ]
            rows.append(
                {
                    "year": int(year),
                    "scored": cats["scored"]["count"],
                    "bands": bands,
                    "means": means,
                    "mean": None if cats["mean"]["share"] is None else cats["mean"]["share"] * 100,
                    "documents": scales.regime(int(year)).documents,
                }
            )
        out.append({"subject": subject, "name": SUBJECT_NAMES[subject], "years": rows})
    return out


def table_label(scales: Scales, year: int, subject: str, value: str | None, exemplary: bool = False) -> str:
    """An organisation's rating of a year as a table cell writes it: the label shortened as staff
    do ("HTXSNV", "Chưa ĐG"), and the award by the vocabulary's name of "tiêu biểu" ("TSVM tiêu
    biểu"; from 2018 "HTXSNV, TSVM tiêu biểu"); "" when not rated. One wording for the report's
    organisation table and ``history``."""
    if value is None:
        return ""
    if value in STATUS_NAMES:
        return STATUS_NAMES[value]
    label = scales.category_label(year, subject, value)
    cell = SHORT.get(label, label)
    if exemplary:  # the vocabulary's name of "tiêu biểu", shortened as staff do
        award = scales.category_label(year, subject, "exemplary").removesuffix(" tiêu biểu")
        short = SHORT.get(award, award)
        cell = (cell if short == cell else f"{cell}, {short}") + " tiêu biểu"
    return cell


def _history_rows(history, years: list[int], scales: Scales) -> list[dict]:
    rows = []
    for h in history.to_dict("records"):
        labels = {}
        for y in years:
            labels[y] = table_label(scales, y, h["subject"], h["ratings"].get(y), y in h["exemplary_years"])
        rows.append(
            {
                **h,
                "kind_name": KIND_NAMES.get(h["org_kind"], ""),
                "labels": labels,
                "falls": [
                    dict(
                        f,
                        from_label=scales.category_label(f["year"] - 1, h["subject"], f["from"]),
                        to_label=scales.category_label(f["year"], h["subject"], f["to"]),
                    )
                    for f in h["falls"]
                ],
            }
        )
    return rows


def report_context(
    records,
    findings: list,
    scales: Scales,
    *,
    years: list[int],
    kind: str,
    term: tuple[int, int] | None = None,
    mean: str = "shares",
    org: str | None = None,
    today: date | None = None,
    quota_base: str = "good",
    issuer: dict | None = None,
    lineage: list | None = None,
) -> dict:
    """Everything a report template receives. ``kind`` is the report's span, "term" or "year" (the
    name templates know it by: ``report.kind``); for a year report
    ``years`` holds the year (and the figures of the year before are given for comparison).
    ``issuer`` (write.settings.Issuer.record) says who issues the report; the document header."""
    import pandas as pd

    org_given = bool(org)  # --org: the organisation the report is about, named in its summary line
    org = org or DEFAULT_ORG
    shown_years = list(years)
    if kind == "year":
        shown_years = [years[0] - 1, years[0]]
    selected = records[records["year"].isin(shown_years)]
    by_year = wide(category_counts(selected, scales)) if len(selected) else {}
    subjects = {}
    for subject in SUBJECT_ORDER:
        if (years[-1], subject) not in by_year:
            continue
        # a year report shows the year before beside it, for comparison ("năm trước đạt …")
        block = _subject_block(by_year, subject, shown_years if kind == "year" else list(years), scales, mean)
        block["current"] = block["years"][-1]
        block["previous"] = block["years"][-2] if kind == "year" and len(block["years"]) == 2 else None
        subjects[subject] = block
    # a year report compares with the year before, when the data has it: never a year it does not hold
    present = set(records["year"].unique().tolist()) if len(records) else set()
    span = [y for y in shown_years if y in present or y == years[-1]] if kind == "year" else list(years)
    line = Lineage(list(lineage or []))
    # an organisation renamed or moved is one line, under its name in the last year shown (lineage.py)
    orgs = records[records["subject"].isin(["units", "cells"])] if len(records) else records  # what org_history reads
    history = org_history(follow_records(orgs, line, span[-1]), span) if len(records) else pd.DataFrame()
    organisations = _history_rows(history, span, scales) if len(history) else []
    for o in organisations:
        o["former"] = line.former(o["org"], span[-1])
        o["events"] = [event_text(e) for e in line.events(o["org"], span[-1])]
        o["note"] = "; ".join(([former_text(o["former"])] if o["former"] else []) + o["events"])
    for o in organisations:
        o["weak_years"] = [y for y in o["weak_years"] if y in years]
    units = [o for o in organisations if o["subject"] == "units"]
    units_read = bool(len(records)) and bool((records["subject"] == "units").any())
    quota = member_quota(records[records["year"].isin(years)], quota_base) if len(records) else pd.DataFrame()
    member_units = (
        []
        if quota.empty
        else quota[  # to_dict gives Python ints for the int64 columns
            [
                "year",
                "org",
                "total",
                "exempt",
                "not_rated",
                "rated",
                "top",
                "good",
                "pass",
                "fail",
                "good_or_better",
                "allowed",
                "excess",
            ]
        ]
        .astype({"year": "int64"})
        .to_dict("records")
    )
    for unit in member_units:
        if not rule_applies("member_quota", unit["year"], scales):  # the 20% quota binds from the ratings of 2019
            unit["allowed"] = unit["excess"] = None
    return {
        "report": {
            "kind": kind,
            "org": org,
            "date": today or date.today(),
            "years": list(years),
            "mean": mean,
            "term": {"start": term[0], "end": term[1], "label": year_range(*term)} if term else None,
            "year": years[-1] if kind == "year" else None,
            "quota_base": quota_base,
            "table_years": span,
            "summary": "Kết quả đánh giá, xếp loại chất lượng "
            + ("tổ chức cơ sở đảng và đảng viên " if units_read or not len(records) else "đảng viên ")
            + (f"nhiệm kỳ {year_range(*term)}" if kind == "term" and term else f"năm {years[-1]}")
            + (f" của {org}" if org_given else ""),
            "note": figure_note(kind, mean, list(years), span),
        },
        "issuer": issuer or {},
        "subjects": subjects,
        "top_names": _top_names(scales, list(years)),
        "shared_categories": list(SHARED),
        "legend": legend_for(label for o in units for label in o["labels"].values()),
        "units_read": units_read,  # False: no organisation ratings were given (member counts only)
        "subjects_read": [subject for subject in SUBJECT_ORDER if subject in subjects],
        "organisations": organisations,
        "candidates": [o for o in units if o["candidate"]],
        "to_work_with": [o for o in units if o["weak_years"]],
        "falls": [o for o in units if o["falls"]],
        "member_units": member_units,
        "quota": _quota(years[-1], scales),
        # score bands and means (QĐ 366 from 2025, HD 27 2014–2017): only the years whose lists have scores
        "scores": _score_blocks(records, list(years), scales),
        "findings": [
            dict(f.record(), rule_name=rule_name(f.rule, scales), severity_name=severity_name(f.severity))
            for f in findings
            if f.year is None or f.year in years
        ],
        "lineage": {
            "changes": reorganised(records, line, span, scales),
            "drift": drift(grassroots_years(records[records["year"].isin(span)]), line) if len(records) else [],
        },
    }


def reorganised(records, line, span: list[int], scales: Scales) -> list[dict]:
    """The changes of the years shown after the first (a merger in the report's second year …),
    each stated for what it is, never as a rise or fall of one organisation: [{"kind",
    "kind_name", "year", "text", "before": [{"org", "year", "label"}], "after": [...]}] – the
    ratings of the organisations before the change (their last year before it) and after (the
    change's year), as far as the records hold them."""
    out = []
    for c in line.changes:
        if not (span[0] < c.year <= span[-1]) or c.kind in ONE_TO_ONE:
            continue

        def rated(names, year):
            got = []
            for name in names:
                rows = records[
                    (records["subject"] == "units")
                    & (records["org"].map(norm_key) == norm_key(name))
                    & (records["year"] <= year)
                ]
                if rows.empty:
                    got.append({"org": name, "year": None, "label": ""})
                    continue
                last = rows[rows["year"] == rows["year"].max()].iloc[0]
                value = last["tier"] if last["status"] == "rated" else last["status"]
                label = STATUS_NAMES.get(value) or SHORT.get(
                    scales.category_label(int(last["year"]), "units", value),
                    scales.category_label(int(last["year"]), "units", value),
                )
                got.append({"org": name, "year": int(last["year"]), "label": label})
            return got

        before, after = rated(c.sources, c.year - 1), [a for a in rated(c.targets, c.year) if a["year"] == c.year]
        text = {
            "merged": f"{', '.join(c.sources)} sáp nhập thành {', '.join(c.targets)}",
            "split": f"{', '.join(c.sources)} chia tách thành {', '.join(c.targets)}",
            "dissolved": f"{', '.join(c.sources)} giải thể",
            "established": f"thành lập {', '.join(c.targets)}",
        }[c.kind]
        out.append(
            {
                "kind": c.kind,
                "kind_name": kind_name(c.kind),
                "year": c.year,
                "text": text,
                "decision": c.decision,
                "before": before,
                "after": after,
            }
        )
    return out
