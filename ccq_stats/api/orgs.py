"""``ccq-stats orgs`` and ``roster import``: the organisations expected to report each year, and
the lineage of organisations in the store – what happened to them (renamed,
merged, split, moved, dissolved, established), recorded, listed and checked for name drift. Part
of the API layer (the logic of store/lineage.py and lineage.py, as the command line calls it).
"""

from __future__ import annotations

from pathlib import Path

from ccq_stats.api import read_lineage, store_snapshot
from ccq_stats.i18n import gettext as _


def orgs_import(path: str, *, db: str | None = None, dry_run: bool = False, command: str | None = None):
    """``ccq-stats orgs import FILE``: record what happened to organisations (renamed, merged,
    split, moved, dissolved, established) in the store, replacing the recorded changes of the
    years the file holds – an import of its own, kept as a version (``--as-of``, ``orgs import
    --revert``). Returns a ``store.ImportResult``."""
    import hashlib

    from ccq_stats.errors import name_shown
    from ccq_stats.store import Store, exists, locate

    changes = read_lineage(path)
    data = Path(path).read_bytes()
    file = {"file": name_shown(str(path)), "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    location = locate(db)
    if dry_run and not exists(location):
        location = ":memory:"
    with Store.open(location, create=True) as store:
        return store.import_changes(changes, file, command=command or f"orgs import {path}", dry_run=dry_run)


def orgs_revert(number: int, *, db: str | None = None, dry_run: bool = False, command: str | None = None):
    """``ccq-stats orgs import --revert N``: undo the lineage import N by a new import (refused
    when N imported ratings: ``import --revert`` undoes those)."""
    from ccq_stats.errors import InputError
    from ccq_stats.store import Store, locate
    from ccq_stats.store.backends import shown

    with Store.open(locate(db), write=True) as store:
        if store.import_kind(number) != "orgs":
            raise InputError(
                _("import {number} is not a lineage import").format(number=number),
                file=shown(store.location),
                hint=_("ccq-stats history lists the imports; ratings are undone with ccq-stats import --revert"),
            )
        return store.revert_changes(number, command=command or f"orgs import --revert {number}", dry_run=dry_run)


def orgs_list(db: str | None = None, *, as_of: str | None = None) -> list:
    """``ccq-stats orgs list``: the changes recorded in the store (``lineage.Change``), oldest first."""
    from ccq_stats.figures.lineage import Lineage
    from ccq_stats.store import Store, locate

    with Store.open(locate(db)) as store:
        return Lineage(store.lineage(as_of)).changes


def orgs_check(db: str | None = None, *, as_of: str | None = None, orgs_file: str | None = None) -> list[dict]:
    """``ccq-stats orgs check``: the names of the store that may be one organisation written two
    ways with no change recorded between them (``lineage.drift``), each with the lineage row that
    would join them. ``orgs_file``: check against that file's changes instead of the store's."""
    from ccq_stats.figures.lineage import Lineage, drift, grassroots_years

    snapshot = store_snapshot(db, as_of=as_of)
    changes = read_lineage(orgs_file) if orgs_file else snapshot.get("lineage", [])
    return drift(grassroots_years(snapshot["records"]), Lineage(changes))


def roster_import(path: str | list[str], *, db: str | None = None, year: int | None = None) -> dict:
    """``ccq-stats roster import``: the organisations expected to report each year, from CSVs
    or workbooks with an organisation column (and a year column, or ``year``). Every file is
    read before the store is touched: a bad file, or two files giving the same year, changes
    nothing."""
    from ccq_stats.errors import InputError
    from ccq_stats.store import Store, locate
    from ccq_stats.store.roster import read_roster

    paths = [path] if isinstance(path, str | Path) else list(dict.fromkeys(path))  # a file named twice is read once
    rosters, source = {}, {}
    for one in paths:
        for y, orgs in read_roster(one, year).items():
            if y in rosters:
                raise InputError(
                    _("two files give the roster of {year}").format(year=y),
                    file=str(one),
                    hint=_("the other is {file}: give one roster per year").format(file=source[y]),
                )
            rosters[y], source[y] = orgs, str(one)
    with Store.open(locate(db), create=True) as store:
        for y, orgs in rosters.items():
            store.set_roster(y, orgs, source=source[y])
    return {y: len(orgs) for y, orgs in rosters.items()}
