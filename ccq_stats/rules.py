"""The rules staff check before anyone signs (DOMAIN.md §4), each a small function -> findings.

Each rule takes the classified tidy table and returns ``Finding`` objects (see findings.py);
``check_records`` runs them all. Checks of the files themselves (totals rows, a total column
that is not the sum of its parts, member counts against member rows) are made while reading
and collected with ``findings.collecting()``.
"""

from __future__ import annotations

from ccq_stats.findings import Finding
from ccq_stats.render import pct
from ccq_stats.stats import member_quota, tally
from ccq_stats.text import norm_key

HD21 = "Hướng dẫn 21-HD/BTCTW (2019)"
HD27 = "Hướng dẫn 27-HD/BTCTW (2014)"
QUOTA_FROM = 2019  # HD 21 applies to the ratings of 2019 on
TOP_RULE_FROM = 2018  # an organisation's top tier is HTXSNV from 2018 (QĐ 132, HD 16 then HD 21)


def check_member_quota(records, base: str = "good") -> list[Finding]:
    """Members rated top ≤ 20% of those rated good (or good or better), per organisation and year."""
    quota = member_quota(records, base)
    quota = quota[(quota["year"] >= QUOTA_FROM) & (quota["excess"] > 0)]
    base_text = "hoàn thành tốt nhiệm vụ" if base == "good" else "hoàn thành tốt nhiệm vụ trở lên"
    out = []
    for q in quota.itertuples(index=False):
        base_count = q.good if base == "good" else q.good_or_better
        out.append(Finding(
            "member_quota", "error", int(q.year), q.org,
            f"Có {q.top} đảng viên hoàn thành xuất sắc nhiệm vụ, vượt tỷ lệ tối đa 20% của {base_count} đảng viên "
            f"{base_text} (tối đa {q.allowed}, vượt {q.excess}) theo {HD21}",
            HD21, {"top": int(q.top), "base": int(base_count), "allowed": int(q.allowed), "excess": int(q.excess)},
        ))
    return out


def _check_top(org: str, year: int, rated: int, fail: int, good_or_better: int, of_what: str, rule: str) -> Finding | None:
    if not rated:
        return None
    share = good_or_better / rated
    if fail == 0 and share >= 0.8:
        return None
    reasons = []
    if fail:
        reasons.append(f"{fail} {of_what} không hoàn thành nhiệm vụ (phải 100% hoàn thành nhiệm vụ trở lên)")
    if share < 0.8:
        reasons.append(f"chỉ {pct(share)} {of_what} hoàn thành tốt nhiệm vụ trở lên (phải từ 80%)")
    return Finding(
        rule, "error", year, org,
        "Xếp loại hoàn thành xuất sắc nhiệm vụ nhưng " + "; ".join(reasons) + f" theo {HD21}",
        HD21, {"rated": rated, "fail": fail, "good_or_better": good_or_better, "share": round(share, 6)},
    )


def check_top_units(records) -> list[Finding]:
    """A unit rated top needs 100% of its members (a chi bộ) or of its subordinate cells (a đảng
    bộ) rated pass or better, and ≥ 80% good or better – where that data is given."""
    units = records[(records["subject"] == "units") & (records["tier"] == "top") & (records["year"] >= TOP_RULE_FROM)]
    if units.empty:
        return []
    cells = records[records["subject"] == "cells"].assign(_unit=lambda f: f["parent"].map(norm_key))
    members = records[records["subject"] == "members"].assign(_unit=lambda f: f["org"].map(norm_key))
    cell_tally = tally(cells, ["year", "_unit"]).set_index(["year", "_unit"]) if len(cells) else None
    member_tally = tally(members, ["year", "_unit"]).set_index(["year", "_unit"]) if len(members) else None
    out = []
    for unit in units.itertuples(index=False):
        key = (unit.year, norm_key(unit.org))
        has_cells = cell_tally is not None and key in cell_tally.index
        if unit.org_kind == "dang_bo_co_so" or has_cells:
            if has_cells:
                t = cell_tally.loc[key]
                found = _check_top(unit.org, int(unit.year), int(t["rated"]), int(t["fail"]), int(t["good_or_better"]),
                                   "chi bộ trực thuộc", "top_unit_cells")
                out += [found] if found else []
        elif member_tally is not None and key in member_tally.index:
            t = member_tally.loc[key]
            found = _check_top(unit.org, int(unit.year), int(t["rated"]), int(t["fail"]), int(t["good_or_better"]),
                               "đảng viên", "top_unit_members")
            out += [found] if found else []
    return out


def check_disciplined(records) -> list[Finding]:
    """A member disciplined during the year is rated fail (HD 21). Names rows, never the member."""
    wrong = records[(records["subject"] == "members") & records["disciplined"].fillna(False).astype(bool)
                    & (records["status"] == "rated") & (records["tier"] != "fail")]
    out = []
    for row in wrong.itertuples(index=False):
        where = f"{row.source_file}" + (f", sheet '{row.source_sheet}'" if row.source_sheet else "") + f", row {row.source_row}"
        out.append(Finding(
            "disciplined_not_fail", "error", int(row.year), row.org,
            f"Đảng viên ở dòng {row.source_row} bị kỷ luật trong năm nhưng xếp loại '{row.raw_label}' "
            f"(phải xếp loại không hoàn thành nhiệm vụ theo {HD21})",
            HD21, {"row": int(row.source_row)}, where, member=row.member or "",
        ))
    return out


def check_missing_years(records) -> list[Finding]:
    """An organisation absent from a year although it appears before and after it."""
    units = records[records["subject"].isin(["units", "cells"])]
    out = []
    for (subject, org, parent), group in units.groupby(["subject", "org", "parent"], sort=False, dropna=False):
        years = sorted(set(int(y) for y in group["year"]))
        all_years = sorted(set(int(y) for y in records.loc[records["subject"] == subject, "year"]))
        for year in all_years:
            if years[0] < year < years[-1] and year not in years:
                out.append(Finding(
                    "missing_year", "warning", year, f"{org} ({parent})" if parent else org,
                    f"Không có kết quả xếp loại năm {year} dù có kết quả các năm trước và sau; kiểm tra lại biểu tổng hợp",
                    "Đối chiếu danh sách tổ chức đảng qua các năm", {"first": years[0], "last": years[-1]},
                ))
    return out


def check_records(records, quota_base: str = "good") -> list[Finding]:
    """Every rule over the classified records, sorted by year, rule and organisation."""
    found = (check_member_quota(records, quota_base) + check_top_units(records)
             + check_disciplined(records) + check_missing_years(records))
    return sort_findings(found)


def sort_findings(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=lambda f: (f.year or 0, f.rule, norm_key(f.org), f.where))
