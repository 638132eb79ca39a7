"""The monthly summary (``ccq-stats report --month YYYY-MM``): what its templates receive.

Built from the store alone – the records, the findings, the import log and the rosters – by
``month_context``, a pure function (the date is given). The rating season runs from November
to January: in November and December the season is that year's, in January the year
before's. docs/templates.md documents every key.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ccq_stats.figures.rules import rule_name, severity_name
from ccq_stats.figures.stats import category_counts, wide
from ccq_stats.i18n import gettext as _
from ccq_stats.numbers import local_time, so, year_range
from ccq_stats.vocabulary.scales import DEFAULT_ORG

SEASON_MONTHS = (11, 12, 1)
TERM_FIRST = 2015  # a term (nhiệm kỳ) of five years starts at a congress year: 2015, 2020, 2025 …
TERM_YEARS = 5
HEADLINE = ("top", "good_or_better", "fail")


def parse_month(text: str, today: date | None = None) -> date:
    """ "2019-12" -> date(2019, 12, 1); "last" -> the month before today's, "this" -> today's
    (so that a cron job needs no date arithmetic)."""
    from ccq_stats.errors import InputError

    today = today or date.today()
    word = (text or "").strip().lower()
    if word == "this":
        return date(today.year, today.month, 1)
    if word == "last":
        return date(today.year - 1, 12, 1) if today.month == 1 else date(today.year, today.month - 1, 1)
    match = re.fullmatch(r"\s*((?:19|20)\d\d)-(0?[1-9]|1[0-2])\s*", text or "")
    if not match:
        raise InputError(
            _("--month must be a month like 2019-12, or last or this"), value=text, hint=_("write YYYY-MM")
        )
    return date(int(match.group(1)), int(match.group(2)), 1)


def season_year(month: date) -> int | None:
    """The rating year whose season a month belongs to, or None between seasons."""
    if month.month not in SEASON_MONTHS:
        return None
    return month.year - 1 if month.month == 1 else month.year


def term_of(year: int) -> dict:
    """The term a rating year belongs to: {"start", "end", "label", "years"} (years start … end−1)."""
    start = year - (year - TERM_FIRST) % TERM_YEARS
    return {
        "start": start,
        "end": start + TERM_YEARS,
        "label": year_range(start, start + TERM_YEARS),
        "years": list(range(start, start + TERM_YEARS)),
    }


def _headline(cats: dict | None) -> dict | None:
    if cats is None:
        return None
    return {
        "total": cats["total"]["count"],
        "rated": cats["rated"]["count"],
        **{c: {"count": cats[c]["count"], "share": cats[c]["share"], "label": cats[c]["label"]} for c in HEADLINE},
    }


def _change(now: dict | None, before: dict | None) -> dict | None:
    if not now or not before:
        return None
    out = {}
    for c in HEADLINE:
        a, b = now[c]["share"], before[c]["share"]
        out[c] = None if a is None or b is None else a - b
    return out


def _roster(records, rosters: dict, year: int, lineage: list | None = None) -> dict:
    """Who has reported ``year`` against who is expected to (``stats.expected``), through the
    lineage: organisations renamed, merged, split, dissolved or established since the list the
    expectation comes from are expected as they are now (``followed``: what was applied), and a
    file that still writes an old name counts for the organisation's name now."""
    from ccq_stats.figures.lineage import Lineage
    from ccq_stats.figures.stats import expected, grassroots
    from ccq_stats.text import norm_key

    line = Lineage(list(lineage or []))
    names, source, source_year = expected(records, rosters, year)
    followed = []
    if line:
        since = 0 if source == "roster" else source_year  # a roster given for the year: only what ended before or in it
        names, followed = line.expected(names, since, year, add_new=source != "roster")
    seen = {
        norm_key(line.follow(name, year, year)): line.follow(name, year, year)
        for name in grassroots(records, year).values()
    }
    keys = {norm_key(n) for n in names}
    reported = [n for n in names if norm_key(n) in seen]
    missing = [n for n in names if norm_key(n) not in seen]
    return {
        "year": year,
        "source": source,
        "source_year": source_year,
        "total": len(names),
        "reported_count": len(reported),
        "reported": reported,
        "not_reported": missing,
        "share": len(reported) / len(names) if names else None,
        "outside": sorted(name for key, name in seen.items() if key not in keys),
        "followed": [
            {
                "kind": f["change"].kind,
                "year": f["change"].year,
                "removed": f["removed"],
                "added": f["added"],
                "text": _followed_text(f),
            }
            for f in followed
        ],
    }


def _followed_text(applied: dict) -> str:
    """One change applied to the list, as the summary says it: "Chi bộ A đổi tên thành Chi bộ B năm 2025"."""
    c = applied["change"]
    removed, added = ", ".join(applied["removed"]), ", ".join(applied["added"])
    if c.kind == "dissolved":
        return f"{removed} giải thể năm {c.year}"
    if c.kind == "established":
        return f"{added} thành lập năm {c.year}"
    verb = {
        "renamed": "đổi tên thành",
        "moved": "chuyển thành",
        "merged": "sáp nhập thành",
        "split": "chia tách thành",
    }[c.kind]
    return f"{removed} {verb} {added or ', '.join(c.targets)} năm {c.year}"


def _group_name(scales, year: int, shape: str, group: str) -> str:
    from ccq_stats.vocabulary.scales import SHORT, STATUS_NAMES

    if group in STATUS_NAMES:
        return STATUS_NAMES[group]
    label = scales.category_label(year, "members" if shape in ("members", "counts") else "units", group)
    return SHORT.get(label, label)


def _in_month(imports: list[dict], first: date, scales) -> list[dict]:
    """The imports made in the month, each with a table row and, per organisation changed, a
    line "HTXSNV 5 → 3, HTTNV 15 → 17" for the templates."""
    last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    out = []
    for i in imports:
        if not first.isoformat() <= local_time(i["at"])[:10] <= last.isoformat():  # the month where staff are
            continue
        changes = [
            dict(
                c,
                text=", ".join(
                    f"{_group_name(scales, c['year'], c['shape'], g)} {a} → {b}" for g, (a, b) in c["groups"].items()
                ),
            )
            for c in i["changes"]
        ]
        row = [
            local_time(i["at"]),  # the machine's zone with its offset, as history shows it
            f"{i['user_name']}@{i['host']}",
            ", ".join(f["file"] for f in i["files"]),
            ", ".join(map(str, i["years"])),
            so(i["orgs_added"]),  # counts with the thousands dot, as everywhere in Vietnamese
            so(i["orgs_changed"]),
            so(i["records_added"]),
            so(i["records_changed"]),
            so(i["records_removed"]),
        ]
        out.append(dict(i, changes=changes, row=row))
    return out


def month_context(
    records,
    findings: list,
    imports: list[dict],
    rosters: dict,
    scales,
    *,
    month: date,
    org: str = DEFAULT_ORG,
    today: date | None = None,
    lineage: list | None = None,
) -> dict:
    """Everything the ``month`` templates receive (docs/templates.md, "The monthly summary")."""
    store_years = sorted(int(y) for y in records["year"].unique())
    season = season_year(month)
    upto = [y for y in store_years if y <= (season if season is not None else month.year)]
    latest = upto[-1] if upto else None
    by_year = wide(category_counts(records[records["year"].isin([latest, latest - 1])], scales)) if latest else {}
    focus = season if season is not None else latest
    subjects = {}
    for subject in ("units", "members"):
        now, before = _headline(by_year.get((latest, subject))), _headline(by_year.get(((latest or 0) - 1, subject)))
        if now:
            subjects[subject] = {"current": now, "previous": before, "change": _change(now, before)}
    term = term_of(focus if focus is not None else month.year)
    term["years_in_store"] = [y for y in store_years if y in term["years"]]
    open_findings = [
        dict(f.record(), rule_name=rule_name(f.rule, scales), severity_name=severity_name(f.severity))
        for f in findings
        if latest is not None and f.year == latest
    ]
    by_rule: dict[str, int] = {}
    for f in open_findings:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    return {
        "report": {
            "kind": "month",
            "org": org,
            "date": today or date.today(),
            "month": month,
            "month_label": f"{month.month:02d}/{month.year}",
            # the line under "BÁO CÁO" in the document form (docx)
            "summary": f"Tình hình đánh giá, xếp loại tổ chức cơ sở đảng và đảng viên tháng {month.month:02d}/{month.year}",
        },
        "season": {"in_season": season is not None, "year": season},
        "term": term,
        "latest_year": latest,
        "store_years": store_years,
        "subjects": subjects,
        "roster": _roster(records, rosters, focus, lineage) if focus is not None else None,
        "imports": _in_month(imports, month, scales),
        "findings": open_findings,
        "findings_by_rule": dict(sorted(by_rule.items())),
        "errors": sum(1 for f in open_findings if f["severity"] == "error"),
    }
