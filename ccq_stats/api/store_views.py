"""What the store holds over time, as ``ccq-stats history`` and the monthly summary show it: the import log, each
organisation's ratings by year (through its renames and mergers), the corrections, and what
changed since a day or an import. Part of the API layer.
"""

from __future__ import annotations

from pathlib import Path

from ccq_stats.api import DEFAULT_ORG, checked_store, default_issuer, store_snapshot, tell_drift
from ccq_stats.vocabulary.scales import load_scales


def history(
    db: str | None = None, *, year: int | None = None, org: str | None = None, as_of: str | None = None
) -> dict:
    """``ccq-stats history``: the import log (what, when, who, which files, counts), each
    organisation's ratings by year, and its corrections (``corrections``: every version of a
    rating with its import, file and time) – for ``year`` and ``org`` (a name, folded) when
    given, as of ``as_of``; ``store``: the state read."""
    from ccq_stats.store import Store, locate
    from ccq_stats.store.history import corrections, history_of

    snapshot = store_snapshot(db, as_of=as_of)
    found = history_of(
        snapshot["records"],
        snapshot["imports"],
        load_scales(None),
        year=year,
        org=org,
        lineage=snapshot.get("lineage", []),
    )
    tell_drift(found["drift"])
    with Store.open(locate(db)) as store:
        versions = store.versions() if store.keeps_versions() else []
    found["corrections"] = corrections(
        versions,
        snapshot["imports"],
        load_scales(None),
        upto=snapshot["store"]["import"],
        year=year,
        orgs={(o["org"], o["parent"]) for o in found["organisations"]},
    )
    found["store"] = snapshot["store"]
    return found


def changes_since(db: str | None = None, *, since: str, as_of: str | None = None) -> dict:
    """``ccq-stats history --changes --since DATE``: what changed in the store after the end of
    ``since`` (a date, or an import number) up to ``as_of`` (else now): the imports made since,
    and each rating changed, added or removed, before → after."""
    from ccq_stats.store import Store, locate
    from ccq_stats.store.history import changes_between

    with Store.open(locate(db)) as store:
        start = store.state(since)
        end = store.state(as_of)
        versions = store.versions()
        imports = store.imports()
    return changes_between(versions, imports, load_scales(None), start.import_id, end.import_id) | {
        "since": {"import": start.import_id, "at": start.at},
        "store": {"import": end.import_id, "at": end.at},
    }


def month_report(
    db: str | None = None,
    *,
    month: str,
    org: str = DEFAULT_ORG,
    quota_base: str = "good",
    scales_file: Path | None = None,
    today=None,
    issuer: dict | None = None,
    as_of: str | None = None,
) -> dict:
    """``ccq-stats report --month YYYY-MM``: what the monthly summary template receives (see
    ``month.month_context`` and docs/templates.md), from the store as it stood at the end of
    that month (or as of ``as_of``)."""
    import calendar

    from ccq_stats.documents.month import month_context, parse_month

    first = parse_month(month)
    if as_of is None:  # the summary of December written in March shows December's figures
        as_of = _month_end_state(db, first.replace(day=calendar.monthrange(first.year, first.month)[1]))
    records, findings, snapshot = checked_store(db, quota_base, scales_file, as_of)
    context = month_context(
        records,
        findings,
        snapshot["imports"],
        snapshot["rosters"],
        load_scales(scales_file),
        month=first,
        org=org,
        today=today,
        lineage=snapshot.get("lineage", []),
    )
    context["issuer"] = issuer if issuer is not None else default_issuer()  # the document header, as in every report
    context["store"] = snapshot["store"]
    return context


def _month_end_state(db: str | None, last_day) -> str | None:
    """The --as-of of a month's summary: the end of its last day; None (the store as it stands)
    when the store held nothing yet then – its ratings were all imported after the month, so
    there is no earlier state to show (nor when the store kept no versions then)."""
    from ccq_stats.store import Store, locate
    from ccq_stats.store.versions import end_of_day_utc

    with Store.open(locate(db)) as store:
        imports = store.imports()
        since = store.versions_since()
    held = [i["id"] for i in imports if i["at"] < end_of_day_utc(last_day)]
    return last_day.isoformat() if held and held[-1] >= since and store.keeps_versions() else None


# -- the lineage of organisations: ccq-stats orgs --------------------------------------------------
