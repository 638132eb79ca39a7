"""What the store holds over time, as ``ccq-stats history`` shows it: the import log, each
organisation's ratings by year (through its renames and mergers), the corrections, and what
changed since a day or an import. Part of the API layer.
"""

from __future__ import annotations

from ccq_stats.api import store_snapshot, tell_drift
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
