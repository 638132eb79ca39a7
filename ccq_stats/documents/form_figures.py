"""The figures of the party's statistics forms for one year: what ``ccq-stats forms`` lays out.

Two tables a year, in the layout of the year's regime: the organisations (up to 2017 the form
known as Biểu 7A-TCTW; from 2018 "Thống kê kết quả xếp loại chất lượng tổ chức cơ sở đảng")
and the members (Biểu 7B-TCTW up to 2017; from 2018 the KĐ, ĐG, XL form). Everything a form
shows — which layout a year takes, its rows, its official host-type columns and the mapping of
the input's host types onto them — is data: the ``[forms]`` tables of ``documents.toml``.

A form is copied upward cell by cell, so a figure nobody counted is never shown as 0: a row the
data cannot give ("số mới thành lập", the reasons for KHTNV, đảng bộ cơ sở when the input does
not say which organisations are đảng bộ cơ sở) and a host-type column the data has no
organisation of stay empty, a note on the form says why, and a warning says which rows.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from ccq_stats.figures.stats import tally
from ccq_stats.i18n import gettext as _
from ccq_stats.text import norm_key

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents.toml"


@functools.cache
def forms_vocabulary() -> dict:
    """The ``[forms]`` tables of documents.toml, with the host-type mapping keyed by folded text."""
    data = tomllib.loads(DOCUMENTS.read_text(encoding="utf-8"))["forms"]
    keys = {c["key"] for c in data["columns"]}
    hosts = {}
    for column, names in data["host_columns"].items():
        if column not in keys:
            raise ValueError(f"documents.toml: [forms.host_columns] {column} is not a column")
        hosts.update({norm_key(n): column for n in names})
    groups = {
        name: (spec["subject"], set(spec["kinds"]) if "kinds" in spec else None)
        for name, spec in data["groups"].items()
    }
    return dict(data, host_keys=hosts, groups=groups)


def regime_of_form(year: int) -> str:
    """The layout of a rating year's forms: the last of [forms] layouts whose first year it has
    reached (documents.toml), e.g. "hd27" (Biểu 7A/7B-TCTW) up to 2017, "qd132" from 2018."""
    chosen = None
    for layout in forms_vocabulary()["layouts"]:
        if layout.get("first_year") is None or year >= int(layout["first_year"]):
            chosen = layout["id"]
    return chosen


def host_of(records):
    """Each record's host type (loại hình): a unit's own; a cell's from its parent unit, a
    member's from its organisation, in the same year; "" where none is known."""
    units = records[records["subject"] == "units"]
    known = {(int(y), norm_key(o)): h for y, o, h in zip(units["year"], units["org"], units["host_type"]) if h}
    owner = records["org"].where(records["subject"] != "cells", records["parent"]).fillna("")
    return [
        h if s == "units" and h else known.get((int(y), norm_key(o)), "")
        for s, y, o, h in zip(records["subject"], records["year"], owner, records["host_type"].fillna(""))
    ]


def column_of(hosts: list[str]) -> tuple[list[str], dict]:
    """Each host type's official column key ("" for no host type), and {host type: number of
    records} of those that map to no column (they go to the "other" column)."""
    vocabulary = forms_vocabulary()
    other = vocabulary["columns"][-1]["key"]
    out, unmapped = [], {}
    for host in hosts:
        if not host:
            out.append("")
            continue
        column = vocabulary["host_keys"].get(norm_key(host))
        if column is None:
            unmapped[host] = unmapped.get(host, 0) + 1
            column = other
        out.append(column)
    return out, unmapped


def _selected(records, group: str):
    subject, kinds = forms_vocabulary()["groups"][group]
    selected = records[records["subject"] == subject]
    if kinds is not None:
        selected = selected[selected["org_kind"].fillna("").isin(kinds)]
    return selected


def _counts(records, group: str, columns: list[dict]) -> dict:
    """{category: {"total": n, "by_column": {key: n}}} for the records of one group; a "trong đó"
    column (part_of) is counted in the column it belongs to as well."""
    selected = _selected(records, group)
    out: dict = {}
    if selected.empty:
        return out
    wide = tally(selected, ["column"]).set_index("column")
    disciplined = (
        selected[
            selected["disciplined"].fillna(False).astype(bool)
            & (selected["status"] == "rated")
            & (selected["tier"] == "fail")
        ]
        .groupby("column")["count"]
        .sum()
    )
    wide["disciplined_fail"] = disciplined.reindex(wide.index, fill_value=0)
    for category in wide.columns:
        by_column = {c["key"]: int(wide.at[c["key"], category]) if c["key"] in wide.index else 0 for c in columns}
        for c in columns:
            if c.get("part_of"):
                by_column[c["part_of"]] += by_column[c["key"]]
        out[category] = {"total": int(wide[category].sum()), "by_column": by_column}
    return out


def _discipline_known(members) -> bool:
    """Whether "bị xử lý kỷ luật" can be counted: every member of the year from member rows
    (member-count forms carry no discipline) and a 'Kỷ luật' mark somewhere among them."""
    return (
        not members.empty and (members["shape"] == "members").all() and bool(members["disciplined"].fillna(False).any())
    )


def _unknown_groups(records) -> dict:
    """{group: reason} of the groups the data cannot count at all: no records of the subject, or
    no organisation that says its kind where the group is a kind."""
    out = {}
    for group, (subject, kinds) in forms_vocabulary()["groups"].items():
        of_subject = records[records["subject"] == subject]
        if of_subject.empty:
            out[group] = subject
        elif kinds is not None and "" not in kinds and not (of_subject["org_kind"].fillna("") != "").any():
            out[group] = "kind" if subject == "units" else "cell_kind"
    return out


def _table(
    spec: list[dict], counts: dict, columns: list[dict], shown: set, unknown: dict, discipline_known: bool
) -> tuple[list[dict], list[str]]:
    rows, missing = [], []
    for line in spec:
        row = {
            "label": line["label"],
            "depth": line.get("depth", 0),
            "heading": line.get("heading", False),
            "total": None,
            "share": None,
            "by_column": {c["key"]: None for c in columns},
            "missing": line.get("missing"),
        }
        if "count" in line:
            group, category = line["count"].split(".", 1)
            if group in unknown:
                row["missing"] = unknown[group]
            elif category == "disciplined_fail" and not discipline_known:
                row["missing"] = "discipline"
            else:
                figures = counts[group].get(category, {"total": 0, "by_column": {c["key"]: 0 for c in columns}})
                base = counts[group].get(forms_vocabulary()["share_base"].get(category, ""), {}).get("total")
                row.update(
                    total=figures["total"],
                    share=figures["total"] / base if base else None,
                    by_column={k: (v if k in shown else None) for k, v in figures["by_column"].items()},
                )
        if row["missing"] and row["missing"] not in missing:
            missing.append(row["missing"])
        rows.append(row)
    return rows, missing


def _why(reason: str) -> str:
    """Why a group of rows stays empty, for the user (the form's own note is in documents.toml)."""
    return {
        "units": _("the input has no ratings of grassroots organisations"),
        "cells": _("the input has no list of the organisations under the grassroots ones"),
        "members": _("the input has no ratings of members"),
        "kind": _(
            "the input does not say which grassroots organisations are đảng bộ cơ sở and which chi bộ cơ sở "
            "(add a 'Loại' column to the list of organisations)"
        ),
        "cell_kind": _("the input does not say which organisations under the grassroots ones are đảng bộ bộ phận"),
    }[reason]


def form_figures(records, year: int) -> dict:
    """The two forms of ``year``: {"year", "regime", "columns", "forms": [organisations, members],
    "warnings"}; each form {"key", "title", "code", "unit", "rows", "notes", "empty_rows"}; a row
    {"label", "depth", "heading", "total", "share", "by_column", "missing"} (figures None where
    the data has none). ``columns`` are the official host-type columns ({"key", "label", "group",
    "part_of"}); ``warnings`` are lines for the user (which rows are empty and why)."""
    vocabulary = forms_vocabulary()
    columns = vocabulary["columns"]
    records = records[records["year"] == year]
    records = records.assign(host=host_of(records))
    column, unmapped = column_of(list(records["host"]))
    records = records.assign(column=column)
    regime = regime_of_form(year)
    unknown = _unknown_groups(records)
    counts = {group: _counts(records, group, columns) for group in vocabulary["groups"] if group not in unknown}
    members = records[records["subject"] == "members"]
    warnings = []
    units = records[records["subject"] == "units"]
    for host in sorted(unmapped, key=norm_key):
        n = int(units.loc[units["host"] == host, "count"].sum())
        warnings.append(
            _(
                "host type '{host}' ({n} grassroots organisations) has no column of its own on the forms: "
                "counted under '{other}'"
            ).format(host=host, n=n, other=columns[-1]["label"])
            + " — "
            + _("name the kind of host in the input, or map it in [forms.host_columns] of ccq_stats/documents.toml")
        )
    forms = []
    for key in ("organisations", "members"):
        layout = vocabulary[regime][key]
        mine = records[records["subject"].isin(vocabulary["subjects"][key])]
        shown = {c for c in mine["column"] if c}
        shown |= {c["part_of"] for c in columns if c.get("part_of") in shown}
        rows, missing = _table(layout["rows"], counts, columns, shown, unknown, _discipline_known(members))
        notes = [f"Để trống: {vocabulary['missing'][m]}." for m in missing]
        no_host = int(mine.loc[mine["column"] == "", "count"].sum())
        if not shown:
            notes.append(f"Để trống: {vocabulary['missing']['hosts']}.")
        elif no_host:
            notes.append(
                f"{no_host} {layout['unit'].lower()} không ghi loại hình: có trong cột Tổng số, "
                "không có trong cột loại hình nào."
            )
        no_kind = int(units.loc[units["org_kind"].fillna("") == "", "count"].sum())
        if key == "organisations" and regime == "qd132" and no_kind and "kind" not in missing:
            notes.append(
                f"{no_kind} tổ chức cơ sở đảng không ghi loại tổ chức đảng (đảng bộ cơ sở hay chi bộ cơ sở) "
                "nên không có trong mục A.I, A.II; thêm cột 'Loại' vào danh sách tổ chức."
            )
        notes.append(vocabulary[f"note_columns_{regime}"])
        notes.append(
            "Tỷ lệ (%): các dòng xếp loại tính trên số được đánh giá, xếp loại; các dòng số được, chưa được "
            "(và được miễn) đánh giá tính trên tổng số."
        )
        empty = [r["label"] for r in rows if r["missing"]]
        reasons = sorted(
            {r["missing"] for r in rows if r["missing"] in ("units", "cells", "members", "kind", "cell_kind")}
        )
        if reasons:  # the rows the data could have given for another input: said on stderr too
            sections, heading = [], ""
            for r in rows:  # the rows named by their section's heading ("I. ĐẢNG BỘ CƠ SỞ"): 30 labels say less
                heading = r["label"] if r["heading"] else heading
                if r["missing"] in reasons and (heading or r["label"]) not in sections:
                    sections.append(heading or r["label"])
            n = sum(1 for r in rows if r["missing"] in reasons)
            warnings.append(
                _("form '{form}': {n} rows left empty, under {rows}: {why}").format(
                    form=layout["title"].format(year=year),
                    n=n,
                    rows="; ".join(sections),
                    why="; ".join(_why(r) for r in reasons),
                )
            )
        forms.append(
            {
                "key": key,
                "title": layout["title"].format(year=year),
                "code": layout.get("code") or None,
                "unit": layout["unit"],
                "rows": rows,
                "notes": notes,
                "empty_rows": empty,
            }
        )
    return {
        "year": year,
        "regime": regime,
        "columns": columns,
        "forms": forms,
        "warnings": warnings,
        "headers": {
            k: vocabulary[k] for k in ("label_header", "total_header", "share_header", "hosts_header", "numbers")
        },
    }
