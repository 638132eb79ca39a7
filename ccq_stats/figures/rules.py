"""The rules staff check before anyone signs (docs/domain.md §4), each a small function -> findings.

Each rule takes the classified tidy table and returns ``Finding`` objects (see findings.py);
``check_records`` runs them all. Which rule is checked in which rating year, the source it
cites there, its severity and its Vietnamese name are data (``rules.toml``, amended by a
``--scales`` file): a rule cites the source of its rating year's regime, never a later one,
and is checked only in the years whose source has it. Checks of the files themselves (totals
rows, a total column that is not the sum of its parts, member counts against member rows)
are made while reading and come with the reading's notes (``findings.Notes``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccq_stats.errors import InputError, Where
from ccq_stats.figures.findings import Finding, Notes
from ccq_stats.figures.stats import member_quota, tally
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import ngettext
from ccq_stats.numbers import pct
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.scales import TIERS, RuleSource, Scales, load_scales

# How a table or report for people names a severity; CSV and JSON keep "error" / "warning".
SEVERITY_NAMES = {"error": "vi phạm", "warning": "lưu ý"}
UNVERIFIED = "nguồn chưa được đối chiếu nguyên văn, xem docs/domain.md §4"
# How org_quota groups the organisations "of similar function" (the rule's `group` setting).
ORG_QUOTA_GROUPS = {"host_type": "loại hình", "org_kind": "loại tổ chức", "all": ""}


def rule_name(rule_id: str, scales: Scales | None = None) -> str:
    """The Vietnamese name of a rule, for tables and reports read by people (the rule id itself
    when the rule table does not know it)."""
    rule = (scales or load_scales()).rules.get(rule_id)
    return rule.name if rule else rule_id


def rule_applies(rule_id: str, year: int, scales: Scales | None = None) -> bool:
    """Whether ``rule_id`` is checked for the ratings of ``year`` (the report asks before it fills
    a column such as the members' quota: not before 2019)."""
    source = (scales or load_scales()).rule_source(rule_id, year)
    return source is not None and source.applies


def severity_name(severity: str) -> str:
    """The Vietnamese name of a severity: "vi phạm" (error), "lưu ý" (warning)."""
    return SEVERITY_NAMES.get(severity, severity)


@dataclass
class Citations:
    """The rule table at work: the source each finding cites, and the cases not checked because
    the source of their year is not verified (said once on stderr, see ``warn_unchecked``)."""

    scales: Scales
    unchecked: dict[str, dict[int, int]] = field(default_factory=dict)  # rule -> year -> cases

    def source(self, rule_id: str, year: int) -> RuleSource | None:
        """The source to cite for a case of ``rule_id`` in ``year``; None: the rule is not checked then."""
        found = self.scales.rule_source(rule_id, year)
        if found is not None and found.applies:
            return found
        if found is not None and not found.verified:
            years = self.unchecked.setdefault(rule_id, {})
            years[year] = years.get(year, 0) + 1
        return None

    def severity(self, rule_id: str) -> str:
        return self.scales.rules[rule_id].severity

    def note_unchecked(self, notes: Notes) -> None:
        for rule_id, years in sorted(self.unchecked.items()):
            cases = sum(years.values())
            flagged = ngettext("{count} case it would flag", "{count} cases it would flag", cases).format(count=cases)
            notes.warn(
                ngettext(
                    "rule {rule} not checked for {years}: no verified source for it in that year ({cases}); "
                    "see docs/domain.md §4 – a --scales file can turn it on",
                    "rule {rule} not checked for {years}: no verified source for it in those years ({cases}); "
                    "see docs/domain.md §4 – a --scales file can turn it on",
                    len(years),
                ).format(rule=rule_id, years=", ".join(map(str, sorted(years))), cases=flagged)
            )


def cite(source: RuleSource) -> str:
    """The words a finding ends with: "theo <source>", its exception, and whether it is verified."""
    text = f"theo {source.source}"
    if source.exception:
        text += f", {source.exception}"
    if not source.verified:
        text += f" ({UNVERIFIED})"
    return text


def check_member_quota(records, base: str = "good", citations: Citations | None = None) -> list[Finding]:
    """Members rated top ≤ 20% of those rated good (or good or better), per organisation and year."""
    citations = citations or Citations(load_scales())
    quota = member_quota(records, base)
    quota = quota[quota["excess"] > 0]
    base_text = "hoàn thành tốt nhiệm vụ" if base == "good" else "hoàn thành tốt nhiệm vụ trở lên"
    out = []
    for q in quota.itertuples(index=False):
        source = citations.source("member_quota", int(q.year))
        if source is None:
            continue
        base_count = q.good if base == "good" else q.good_or_better
        out.append(
            Finding(
                "member_quota",
                citations.severity("member_quota"),
                int(q.year),
                q.org,
                f"Có {q.top} đảng viên hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ tối đa 20% của {base_count} đảng viên "
                f"{base_text} (tối đa {q.allowed}, vượt {q.excess}) {cite(source)}",
                source.source,
                {"top": int(q.top), "base": int(base_count), "allowed": int(q.allowed), "excess": int(q.excess)},
            )
        )
    return out


def check_org_quota(records, base: str = "good", citations: Citations | None = None) -> list[Finding]:
    """Organisations rated top ≤ 20% of those rated good (or good or better) within each group of
    similar function (QĐ 124 Art. 12, from 2023): chi, đảng bộ cơ sở, grouped by the rule's
    `group` setting. A warning: the source and the grouping are not verified."""
    citations = citations or Citations(load_scales())
    group = citations.scales.rules["org_quota"].settings.get("group", "host_type")
    if group not in ORG_QUOTA_GROUPS:
        raise InputError(
            _("rule org_quota: group '{group}' is not one of {groups}").format(
                group=group, groups=", ".join(ORG_QUOTA_GROUPS)
            ),
            hint=_("set group in the [[rules]] entry of org_quota in the --scales file"),
        )
    units = records[records["subject"] == "units"]
    if units.empty:
        return []
    keyed = units.assign(group_key=units[group].fillna("").map(norm_key) if group != "all" else "")
    names = keyed.drop_duplicates("group_key").set_index("group_key")[group] if group != "all" else None
    counts = tally(keyed, ["year", "group_key"])
    counts["allowed"] = counts[base] // 5
    out = []
    for q in counts[counts["top"] > counts["allowed"]].itertuples(index=False):
        source = citations.source("org_quota", int(q.year))
        if source is None:
            continue
        label = "" if names is None else (names[q.group_key] or f"chưa ghi {ORG_QUOTA_GROUPS[group]}")
        where = f" trong nhóm {ORG_QUOTA_GROUPS[group]} '{label}'" if names is not None else ""
        out.append(
            Finding(
                "org_quota",
                citations.severity("org_quota"),
                int(q.year),
                f"Nhóm: {label}" if names is not None else "Toàn Đảng bộ",
                f"Có {q.top} chi, đảng bộ cơ sở hoàn thành xuất sắc nhiệm vụ{where}, vượt tỷ lệ tối đa 20% của "
                f"{getattr(q, base)} tổ chức hoàn thành tốt nhiệm vụ{'' if base == 'good' else ' trở lên'} "
                f"(tối đa {q.allowed}, vượt {q.top - q.allowed}) {cite(source)}",
                source.source,
                {
                    "top": int(q.top),
                    "base": int(getattr(q, base)),
                    "allowed": int(q.allowed),
                    "excess": int(q.top - q.allowed),
                },
            )
        )
    return out


def _check_top(org: str, year: int, counts: dict, of_what: str, rule: str, citations: Citations) -> Finding | None:
    rated, fail, good_or_better = counts["rated"], counts["fail"], counts["good_or_better"]
    if not rated:
        return None
    share = good_or_better / rated
    if fail == 0 and share >= 0.8:
        return None
    source = citations.source(rule, year)
    if source is None:
        return None
    reasons = []
    if fail:
        reasons.append(f"{fail} {of_what} không hoàn thành nhiệm vụ (phải 100% hoàn thành nhiệm vụ trở lên)")
    if share < 0.8:
        reasons.append(f"chỉ {pct(share)} {of_what} hoàn thành tốt nhiệm vụ trở lên (phải từ 80%)")
    return Finding(
        rule,
        citations.severity(rule),
        year,
        org,
        "Xếp loại hoàn thành xuất sắc nhiệm vụ nhưng " + "; ".join(reasons) + f" {cite(source)}",
        source.source,
        {"rated": rated, "fail": fail, "good_or_better": good_or_better, "share": round(share, 6)},
    )


def _check_weak(
    org: str, year: int, counts: dict, limit: tuple[int, int], of_what: str, rule: str, citations: Citations
) -> Finding | None:
    """HD 27: more than ``limit`` (a fraction, 1/2 or 1/3) of the members / cells rated fail
    makes the organisation "yếu kém" (fail)."""
    rated, fail = counts["rated"], counts["fail"]
    num, den = limit
    if not rated or fail * den <= rated * num:  # integers: 1 of 3 cells is not "more than 1/3"
        return None
    source = citations.source(rule, year)
    if source is None:
        return None
    return Finding(
        rule,
        citations.severity(rule),
        year,
        org,
        f"Có {fail}/{rated} {of_what} được đánh giá xếp loại không hoàn thành nhiệm vụ hoặc yếu kém, quá {num}/{den}, "
        f"nhưng tổ chức không xếp loại yếu kém {cite(source)}",
        source.source,
        {"rated": rated, "fail": fail, "share": round(fail / rated, 6)},
    )


def _tallies(records):
    """Tier counts of the chi bộ trực thuộc per (year, parent) and of the members per (year, unit)."""
    cells = records[records["subject"] == "cells"].assign(_unit=lambda f: f["parent"].map(norm_key))
    members = records[records["subject"] == "members"].assign(_unit=lambda f: f["org"].map(norm_key))
    return _by_key(tally(cells, ["year", "_unit"])) if len(cells) else None, _by_key(
        tally(members, ["year", "_unit"])
    ) if len(members) else None


def _by_key(table) -> dict:
    """{(year, unit): {"rated", "fail", "good_or_better"}} of a tally: a dict, as each unit asks once."""
    names = ("rated", "fail", "good_or_better")
    return {
        (year, unit): {n: int(v) for n, v in zip(names, values)}
        for year, unit, *values in table[["year", "_unit", *names]].itertuples(index=False, name=None)
    }


def _counts(table, key) -> dict | None:
    return None if table is None else table.get(key)


def _unit_checks(records, tiers, check) -> list[Finding]:
    """Run ``check(unit, year, counts, what)`` over the units of ``tiers``: a đảng bộ (or a unit
    with chi bộ trực thuộc given) by its cells, a chi bộ by its members – where that data is given."""
    units = records[(records["subject"] == "units") & records["tier"].isin(tiers)]
    if units.empty:
        return []
    cell_tally, member_tally = _tallies(records)
    out = []
    for unit in units.itertuples(index=False):
        key = (unit.year, norm_key(unit.org))
        cells = _counts(cell_tally, key)
        if unit.org_kind == "dang_bo_co_so" or cells is not None:
            found = check(unit, int(unit.year), cells, "cells") if cells is not None else None
        else:
            members = _counts(member_tally, key)
            found = check(unit, int(unit.year), members, "members") if members is not None else None
        out += [found] if found else []
    return out


def check_top_units(records, citations: Citations | None = None) -> list[Finding]:
    """A unit rated top needs 100% of its members (a chi bộ) or of its subordinate cells (a đảng
    bộ) rated pass or better, and ≥ 80% good or better – where that data is given (HD 21)."""
    citations = citations or Citations(load_scales())

    def check(unit, year, counts, what):
        if what == "cells":
            return _check_top(unit.org, year, counts, "chi bộ trực thuộc", "top_unit_cells", citations)
        return _check_top(unit.org, year, counts, "đảng viên", "top_unit_members", citations)

    return _unit_checks(records, ["top"], check)


def check_weak_units(records, citations: Citations | None = None) -> list[Finding]:
    """HD 27 (2014–2017): a chi bộ with more than 1/2 of its members rated fail, or a đảng bộ with
    more than 1/3 of its chi bộ trực thuộc rated fail, is "yếu kém" – where that data is given."""
    citations = citations or Citations(load_scales())

    def check(unit, year, counts, what):
        if what == "cells":
            return _check_weak(unit.org, year, counts, (1, 3), "chi bộ trực thuộc", "weak_unit_cells", citations)
        return _check_weak(unit.org, year, counts, (1, 2), "đảng viên", "weak_unit_members", citations)

    return _unit_checks(records, ["top", "good", "pass"], check)


def check_disciplined(records, citations: Citations | None = None) -> list[Finding]:
    """A member disciplined during the year is rated fail (from 2018). Names rows, never the member."""
    citations = citations or Citations(load_scales())
    wrong = records[
        (records["subject"] == "members")
        & records["disciplined"].fillna(False).astype(bool)
        & (records["status"] == "rated")
        & (records["tier"] != "fail")
    ]
    out = []
    for row in wrong.itertuples(index=False):
        source = citations.source("disciplined_not_fail", int(row.year))
        if source is None:
            continue
        where = Where(row.source_file, row.source_sheet or None, int(row.source_row))
        out.append(
            Finding(
                "disciplined_not_fail",
                citations.severity("disciplined_not_fail"),
                int(row.year),
                row.org,
                f"Đảng viên ở dòng {row.source_row} bị kỷ luật trong năm nhưng xếp loại '{row.raw_label}' "
                f"(phải xếp loại không hoàn thành nhiệm vụ {cite(source)})",
                source.source,
                {"row": int(row.source_row)},
                where,
                member=row.member or "",
            )
        )
    return out


_ORG_SUBJECTS = ("units", "cells")
_OF_WHAT = {"units": "chi, đảng bộ cơ sở", "cells": "chi bộ trực thuộc", "members": "đảng viên"}


def _scored_rows(records):
    """Rated records that carry a score (QĐ 366, HD 27): a list without a score column has none."""
    from ccq_stats.figures.stats import scored

    return scored(records)


def _row_where(row) -> Where:
    return Where(row.source_file, row.source_sheet or None, int(row.source_row))


def _who(row) -> str:
    """Who a finding is about, never a member's name: the organisation, or a member row's place."""
    if row.subject == "members":
        many = (
            f"{row.count} đảng viên từ dòng {row.source_row}" if row.count > 1 else f"Đảng viên ở dòng {row.source_row}"
        )
        return many
    return "Tổ chức"


def check_score_bands(records, citations: Citations | None = None) -> list[Finding]:
    """QĐ 366 / HD 43 (from 2025): a tier above its score's band is an error (a top tier under 90
    points, HTTNV under 70, HTNV under 50); a tier below it a warning – the conditions beyond the
    score can lower a tier, never raise it. HD 27 (2014–2017): an organisation under 50 points
    rated above "yếu kém" (its bands above 50 are not in our sources)."""
    citations = citations or Citations(load_scales())
    scales = citations.scales
    rows = _scored_rows(records)
    if rows.empty:
        return []
    # by array: a national list has millions of scored rows, few off their band
    rank = rows["tier"].map({t: i for i, t in enumerate(TIERS)}).fillna(-1).to_numpy()
    off = scales.off_band(rank, rows["score"].to_numpy())
    out = []
    for row in rows[off].itertuples(index=False):
        year, band = int(row.year), scales.band_of(row.score)
        rank, band_rank = TIERS.index(row.tier), TIERS.index(band)
        label = scales.category_label(year, row.subject, row.tier)
        points = score_text(row.score)
        whole = float(row.score).is_integer()
        numbers = {
            "score": int(row.score) if whole else float(row.score),
            "floor": scales.band_floor(row.tier),
            "count": int(row.count),
        }
        where = _row_where(row) if row.subject == "members" else Where()
        member = (row.member or "") if row.subject == "members" else ""
        if rank < band_rank:  # rated better than the score allows
            weak = row.subject in _ORG_SUBJECTS and band == "fail"
            for rule in ("score_above_band",) + (("score_weak_hd27",) if weak else ()):
                source = citations.source(rule, year)
                if source is None:
                    continue
                if rule == "score_weak_hd27":
                    text = (
                        f"{_who(row)} đạt {points} điểm, dưới 50 điểm, nhưng xếp loại '{row.raw_label}' "
                        f"(phải xếp loại {scales.category_label(year, row.subject, 'fail').lower()} {cite(source)})"
                    )
                else:
                    text = (
                        f"{_who(row)} xếp loại {label.lower()} nhưng chỉ đạt {points} điểm "
                        f"(mức này cần từ {score_text(scales.band_floor(row.tier))} điểm {cite(source)})"
                    )
                out.append(
                    Finding(
                        rule,
                        citations.severity(rule),
                        year,
                        row.org,
                        text,
                        source.source,
                        numbers,
                        where,
                        member=member,
                    )
                )
        elif rank > band_rank:  # rated below its band: a condition beyond the score may explain it
            source = citations.source("score_below_band", year)
            if source is None:
                continue
            band_label = scales.category_label(year, row.subject, band).lower()
            out.append(
                Finding(
                    "score_below_band",
                    citations.severity("score_below_band"),
                    year,
                    row.org,
                    f"{_who(row)} đạt {points} điểm (khung {band_label}) nhưng xếp loại {label.lower()}; kiểm tra các điều kiện "
                    f"ngoài điểm (chưa được đối chiếu nguyên văn) {cite(source)}",
                    source.source,
                    numbers,
                    where,
                    member=member,
                )
            )
    return out


def check_top_disciplined(records, citations: Citations | None = None) -> list[Finding]:
    """QĐ 366 (from 2025): a collective rated top needs, besides ≥ 90 points, no subordinate
    organisation and no member of its leadership disciplined in the year – where the data shows
    it: the organisation's own row marked in a "Kỷ luật" column, or one of its chi bộ trực thuộc
    so marked. Member rows are not used: a list does not say who is in the leadership."""
    citations = citations or Citations(load_scales())
    orgs = records[records["subject"].isin(_ORG_SUBJECTS) & (records["status"] == "rated")]
    if orgs.empty:
        return []
    flagged = orgs["disciplined"].fillna(False).astype(bool)
    marked_cells = orgs[(orgs["subject"] == "cells") & flagged]
    below = {
        (int(y), norm_key(p)): n
        for (y, p), n in marked_cells.groupby([marked_cells["year"], marked_cells["parent"].map(norm_key)])
        .size()
        .items()
    }
    out = []
    for row, own in zip(orgs.itertuples(index=False), flagged):
        if row.tier != "top":
            continue
        year = int(row.year)
        cells = below.get((year, norm_key(row.org)), 0) if row.subject == "units" else 0
        if not own and not cells:
            continue
        source = citations.source("score_top_disciplined", year)
        if source is None:
            continue
        why = (
            "dòng của tổ chức ghi có kỷ luật trong năm (tổ chức trực thuộc hoặc thành viên cấp ủy)"
            if own
            else f"có {cells} chi bộ trực thuộc bị kỷ luật trong năm"
        )
        out.append(
            Finding(
                "score_top_disciplined",
                citations.severity("score_top_disciplined"),
                year,
                row.org,
                f"Xếp loại {scales_label(citations, year, row.subject)} nhưng {why}; tập thể có tổ chức trực thuộc hoặc "
                f"thành viên cấp ủy bị kỷ luật trong năm không được xếp loại này {cite(source)}",
                source.source,
                {"own": bool(own), "cells": int(cells)},
            )
        )
    return out


def scales_label(citations: Citations, year: int, subject: str) -> str:
    return citations.scales.category_label(year, subject, "top").lower()


def score_text(value) -> str:
    from ccq_stats.numbers import score

    return score(value)


def check_missing_years(records, citations: Citations | None = None) -> list[Finding]:
    """An organisation absent from a year although it appears before and after it."""
    citations = citations or Citations(load_scales())
    units = records[records["subject"].isin(["units", "cells"])]
    out = []
    years_of = {
        subject: sorted({int(y) for y in records.loc[records["subject"] == subject, "year"].unique()})
        for subject in ("units", "cells")
    }  # once: per organisation it was the run's slowest part
    for (subject, org, parent), group in units.groupby(["subject", "org", "parent"], sort=False, dropna=False):
        years = sorted(set(int(y) for y in group["year"]))
        for year in years_of[subject]:
            if not years[0] < year < years[-1] or year in years:
                continue
            source = citations.source("missing_year", year)
            if source is None:
                continue
            out.append(
                Finding(
                    "missing_year",
                    citations.severity("missing_year"),
                    year,
                    f"{org} ({parent})" if parent else org,
                    f"Không có kết quả xếp loại năm {year} dù có kết quả các năm trước và sau; kiểm tra lại biểu tổng hợp",
                    source.source,
                    {"first": years[0], "last": years[-1]},
                )
            )
    return out


def check_records(
    records, quota_base: str = "good", scales: Scales | None = None, notes: Notes | None = None
) -> list[Finding]:
    """Every rule over the classified records, sorted by year, rule and organisation. ``scales``
    carries the rule table (the built-in one, amended by a --scales file); ``notes``, if given,
    is told of the rules left unchecked for want of a source."""
    citations = Citations(scales or load_scales())
    found = (
        check_member_quota(records, quota_base, citations)
        + check_org_quota(records, quota_base, citations)
        + check_top_units(records, citations)
        + check_weak_units(records, citations)
        + check_disciplined(records, citations)
        + check_missing_years(records, citations)
        + check_score_bands(records, citations)
        + check_top_disciplined(records, citations)
    )
    citations.note_unchecked(notes if notes is not None else Notes())
    return sort_findings(found)


def sort_findings(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=lambda f: (f.year or 0, f.rule, norm_key(f.org), f.where.as_data()))


def ruled(findings: list[Finding], scales: Scales) -> list[Finding]:
    """The findings made while reading (or kept with the files in a store), with the severity and
    the source that ``scales``' rule table gives their rule: a --scales file that makes
    ``totals_row`` a warning is obeyed, and --strict follows it. A rule the table does not know
    keeps what it has."""
    from dataclasses import replace

    out = []
    for finding in findings:
        rule = scales.rules.get(finding.rule)
        if rule is None:
            out.append(finding)
            continue
        source = scales.rule_source(finding.rule, finding.year)
        cited = source.source if source and source.source else finding.source
        out.append(replace(finding, severity=rule.severity, source=cited))
    return out
