"""``ccq-stats history``: the import log and each organisation's ratings by year, from the store."""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.figures.stats import org_history
from ccq_stats.i18n import gettext as _
from ccq_stats.text import norm_key


def _label(scales, year: int, subject: str, value: str | None, exemplary: bool) -> str:
    """As the report's organisation table writes it ("TSVM tiêu biểu", not "TSVM TB": issue 19)."""
    from ccq_stats.documents.report import table_label

    return table_label(scales, year, subject, value, exemplary)


def _pick(names: list[str], wanted: str) -> set[str]:
    """The organisation names matching ``wanted`` (folded, whole name); an error with the
    nearest names when none does."""
    key = norm_key(wanted)
    found = {n for n in names if norm_key(n) == key}
    if not found:
        import difflib

        near = difflib.get_close_matches(wanted, sorted(set(names)), n=3, cutoff=0.6)
        raise InputError(
            _("no organisation of this name in the store"),
            value=wanted,
            hint=_("did you mean {names}?").format(names=_(" or ").join(repr(n) for n in near))
            if near
            else _("see ccq-stats history for the names"),
        )
    return found


def history_of(
    records,
    imports: list[dict],
    scales,
    *,
    year: int | None = None,
    org: str | None = None,
    lineage: list | None = None,
) -> dict:
    """{"imports": the log entries (of ``year`` when given), "years": the years shown,
    "organisations": [{"subject", "org", "parent", "labels": {year: label}, "former", "events",
    "note"}], "drift": names that may be one organisation (``lineage.drift``)}.

    With a ``lineage`` (``lineage.Change`` list), an organisation renamed or moved is one row
    under its latest name, its earlier names in ``former`` and in ``note`` ("trước năm 2025:
    Chi bộ …"); ``org`` finds it by any of its names, and shows the organisations a merger or
    split joins to it too. Rows come in the order of the hierarchy: each grassroots
    organisation, then its chi bộ trực thuộc (in list order otherwise, never alphabetical)."""
    from ccq_stats.figures.lineage import Lineage, drift, event_text, follow_records, former_text, grassroots_years

    years = sorted(int(y) for y in records["year"].unique())
    if year is not None:
        if year not in years:
            raise InputError(
                _("no ratings for {year} in the store").format(year=year),
                hint=_("the store holds {years}").format(years=", ".join(map(str, years))),
            )
        imports = [i for i in imports if year in i["years"]]
    line = Lineage(list(lineage or []))
    until = max(years + [c.year for c in line.changes])  # every organisation under its latest name
    table = org_history(follow_records(records[records["subject"].isin(["units", "cells"])], line, until), years)
    if org is not None:
        written = records["org"].dropna().tolist() + records["parent"].dropna().tolist()
        picked = _pick(table["org"].tolist() + table["parent"].tolist() + written, org)
        keys = set()
        for name in picked:
            for other in line.related(name) | {name}:
                keys.add(norm_key(line.follow(other, 0, until)))
        table = table[table["org"].map(norm_key).isin(keys) | table["parent"].map(norm_key).isin(keys)]
    organisations = []
    for h in hierarchy_order(table.to_dict("records")):
        if year is not None and year not in h["ratings"]:
            continue
        former = line.former(h["org"], until)
        events = [event_text(e) for e in line.events(h["org"])]
        organisations.append(
            {
                "subject": h["subject"],
                "org": h["org"],
                "parent": h["parent"],
                "labels": {
                    y: _label(scales, y, h["subject"], h["ratings"].get(y), y in h["exemplary_years"]) for y in years
                },
                "former": former,
                "events": events,
                "note": "; ".join(([former_text(former)] if former else []) + events),
            }
        )
    found = drift(grassroots_years(records), line)
    if org is not None:  # only the drift of the organisations shown
        shown = {norm_key(o["org"]) for o in organisations} | {
            norm_key(o["parent"]) for o in organisations if o["parent"]
        }
        found = [d for d in found if any(norm_key(line.follow(n, 0, until)) in shown for n in d["names"])]
    return {"imports": imports, "years": years, "organisations": organisations, "drift": found}


def hierarchy_order(rows: list[dict]) -> list[dict]:
    """Each grassroots organisation (a unit, or the organisation of members) first, then its chi
    bộ trực thuộc; otherwise in the order given."""
    first: dict[str, int] = {}
    for i, r in enumerate(rows):
        first.setdefault(norm_key(r["parent"] if r["subject"] == "cells" else r["org"]), i)
    return [
        r
        for _i, r in sorted(
            enumerate(rows),
            key=lambda p: (
                first[norm_key(p[1]["parent"] if p[1]["subject"] == "cells" else p[1]["org"])],
                p[1]["subject"] == "cells",
                p[0],
            ),
        )
    ]


def _version_label(scales, rows: list[dict]) -> str:
    """What one version of an organisation's records says: its rating (units, cells), or its
    members' counts by tier ("HTXSNV 2 · HTTNV 14")."""
    if not rows:
        return _("removed")
    first = rows[0]
    if first["subject"] in ("units", "cells") and len(rows) == 1:
        value = first["tier"] if first["status"] == "rated" else first["status"]
        return _label(scales, first["year"], first["subject"], value, bool(first["exemplary"])) + _score_part(
            rows, mean=False
        )
    counts: dict[str, int] = {}
    for r in rows:
        value = r["tier"] if r["status"] == "rated" else r["status"]
        name = _label(scales, r["year"], r["subject"], value, False) or "?"
        counts[name] = counts.get(name, 0) + int(r["count"])
    return " · ".join(f"{name} {n}" for name, n in counts.items()) + _score_part(rows, mean=True)


def _score_part(rows: list[dict], *, mean: bool) -> str:
    """The decided score a version carries (schema 4; the label's language, as the tiers' short
    names): " · 92,5 điểm" for an organisation, " · bình quân 76,88 điểm" for members – so that a
    corrected score is a correction too. Nothing when the rows have no score."""
    from ccq_stats.numbers import mean_score, score

    kept = [
        (r["score_hundredths"], int(r["count"]))
        for r in rows
        if r.get("score_hundredths") is not None and r["status"] == "rated"
    ]
    if not kept:
        return ""
    if not mean:
        return f" · {score(kept[0][0] / 100)} điểm"
    total = sum(n for _s, n in kept)
    return f" · bình quân {mean_score(sum(s * n for s, n in kept) / total / 100)} điểm"


def _keyed(versions: list[dict], upto: int) -> dict[tuple, dict[int, list[dict]]]:
    """{(year, shape, org_key, parent_key): {import that brought a version: its rows}} of the
    versions made up to import ``upto``; a version closed by an import that brought no rows of
    its key (``import --revert``) is followed by an empty one."""
    out: dict[tuple, dict[int, list[dict]]] = {}
    for v in versions:
        if v["import_id"] > upto:
            continue
        key = (v["year"], v["shape"], v["org_key"], v["parent_key"])
        out.setdefault(key, {}).setdefault(v["import_id"], []).append(v)
        if v["valid_to"] is not None and v["valid_to"] <= upto:
            out[key].setdefault(v["valid_to"], [])
    return out


def corrections(
    versions: list[dict], imports: list[dict], scales, *, upto: int, year: int | None = None, orgs: set | None = None
) -> list[dict]:
    """Each organisation and year whose ratings were imported more than once with a difference:
    [{"year", "shape", "org", "parent", "versions": [{"label", "import", "file", "at"}]}], oldest
    version first – as the store stood after import ``upto``. ``orgs``: only these (org, parent)."""
    at = {i["id"]: i["at"] for i in imports}
    out = []
    for key, by_import in _keyed(versions, upto).items():
        if year is not None and key[0] != year:
            continue
        chain = []
        for import_id in sorted(by_import):
            rows = by_import[import_id]
            label = _version_label(scales, rows)
            if chain and chain[-1]["label"] == label:
                continue  # the same ratings again (a file re-imported with another one)
            files = sorted({r["source_file"] or "" for r in rows})
            chain.append(
                {
                    "label": label,
                    "import": import_id,
                    "file": ", ".join(f.rsplit("/", 1)[-1] for f in files),
                    "at": at.get(import_id, ""),
                }
            )
        if len(chain) < 2:
            continue
        named = next((rows[0] for rows in by_import.values() if rows), None)
        org, parent = (named["org"] or "", named["parent"] or "") if named else ("", "")
        if orgs is not None and key[1] in ("units", "cells") and (org, parent) not in orgs:
            continue
        out.append({"year": key[0], "shape": key[1], "org": org, "parent": parent, "versions": chain})
    out.sort(key=lambda c: (c["org"], c["parent"], c["year"], c["shape"]))
    return out


def changes_between(versions: list[dict], imports: list[dict], scales, start: int, end: int) -> dict:
    """What changed from the state after import ``start`` to the state after import ``end``:
    {"imports": the imports in between, "changes": [{"year", "shape", "org", "parent",
    "before", "after", "import"}]} – "before" empty for an organisation added, "after" for one removed."""
    from ccq_stats.store.versions import valid_at

    def state(n: int) -> dict[tuple, list[dict]]:
        out: dict[tuple, list[dict]] = {}
        for v in versions:
            if valid_at(v["import_id"], v["valid_to"], n):
                out.setdefault((v["year"], v["shape"], v["org_key"], v["parent_key"]), []).append(v)
        return out

    before, after = state(start), state(end)
    rows = []
    for key in sorted(set(before) | set(after), key=lambda k: (k[0], k[1], k[2], k[3])):
        a, b = before.get(key, []), after.get(key, [])
        was, now = (_version_label(scales, a) if a else ""), (_version_label(scales, b) if b else "")
        if was == now:
            continue
        named = (b or a)[0]
        rows.append(
            {
                "year": key[0],
                "shape": key[1],
                "org": named["org"] or "",
                "parent": named["parent"] or "",
                "before": was,
                "after": now,
                "import": max(r["import_id"] for r in b) if b else max(r["valid_to"] for r in a),
            }
        )
    return {"imports": [i for i in imports if start < i["id"] <= end], "changes": rows}
