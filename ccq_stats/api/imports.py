"""``ccq-stats import``: spreadsheets into the store (a new version of what they replace), and
``import --revert``. Part of the API layer: the command line calls these.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ccq_stats.api import ReadOptions, load_scales, read_with, tell_notes, with_subfolders
from ccq_stats.i18n import gettext as _

log = logging.getLogger("ccq_stats")


def import_ratings(
    paths: list[str] | None,
    options: ReadOptions | None = None,
    *,
    db: str | None = None,
    dry_run: bool = False,
    revert: int | None = None,
    recursive: bool = False,
):
    """``ccq-stats import``: the files' ratings into the store (see ``import_paths``; with
    ``recursive`` the folders' sub-folders too), or, with ``revert``, that import undone by a new
    one (see ``import_revert``). Returns a ``store.ImportResult``; ``import_summary`` says it."""
    from ccq_stats.errors import InputError

    options = options or ReadOptions()
    if revert is not None:
        if paths:
            raise InputError(
                _("--revert undoes an import: give no PATH with it"),
                value=str(revert),
                hint=_("e.g. ccq-stats import --revert 7"),
            )
        return import_revert(revert, db=db, dry_run=dry_run, command=f"import --revert {revert}")
    if not paths:
        raise InputError(_("give the files to import"), hint=_("e.g. ccq-stats import sample_data/"))
    paths = with_subfolders(paths) if recursive else paths
    return _import(paths, options, db=db, dry_run=dry_run, command="import " + " ".join(paths))


def import_paths(
    paths: list[str],
    *,
    db: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    scales_file: Path | None = None,
    dry_run: bool = False,
    progress=None,
    command: str = "import",
    header_row: int | None = None,
    columns=None,
):
    """``ccq-stats import`` of the files: read and classify them exactly like ``load_records``
    (same errors and warnings), then replace in the store, per year, the records of the
    organisations they contain – in one transaction. Returns a ``store.ImportResult`` (what
    changed; nothing is written when nothing changed or with ``dry_run``)."""
    return _import(
        paths,
        ReadOptions(
            year=year, kind=kind, scales_file=scales_file, header_row=header_row, columns=columns, progress=progress
        ),
        db=db,
        dry_run=dry_run,
        command=command,
    )


def _import(paths: list[str], options: ReadOptions, *, db: str | None, dry_run: bool, command: str):
    import hashlib

    from ccq_stats.errors import InputError
    from ccq_stats.store import Store, exists, locate

    if "-" in paths:
        raise InputError(
            _("import reads files, not standard input"),
            value="-",
            hint=_("save the CSV to a file first, so that the store can name it and its SHA-256"),
        )
    reading = read_with(paths, options)
    tell_notes(reading.notes.items)  # said as classify says them
    from ccq_stats.figures.rules import ruled

    records, found = reading.records, ruled(reading.notes.findings, load_scales(options.scales_file))
    from ccq_stats.errors import name_shown
    from ccq_stats.reading.sources import expand_paths

    real = {name_shown(path): path for path in expand_paths(list(paths))}  # a name not UTF-8 is kept escaped in records
    files = []
    for name in dict.fromkeys(records["source_file"].tolist()):
        data = Path(real.get(name, name)).read_bytes()
        files.append({"file": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    location = locate(db)
    if dry_run and not exists(location):
        location = ":memory:"  # what an empty store would make of it, without creating one
    with Store.open(location, create=True) as store:
        if location != ":memory:":
            _tell_other_years(store, records, files)
        return store.import_records(records, found, files, command=command, dry_run=dry_run)


def _tell_other_years(store, records, files: list[dict]) -> None:
    """Warn when a file of this import was imported before for another year whose records are
    still current: the same file name, or a name it extends (a corrected "x_sua.csv" of "x.csv")
    with the same organisations – a corrected year leaves the old one in the store."""
    from ccq_stats.store.versions import same_file_other_year

    current = store.current_files()
    for f in files:
        mine = records[records["source_file"] == f["file"]]
        found = same_file_other_year(f["file"], set(mine["year"].tolist()), set(mine["org"].dropna().tolist()), current)
        for old in found:
            log.warning(
                "%s",
                _(
                    "{file}: the same file was imported before for {year} ({old}, import {id}), and those ratings are "
                    "still in the store; if that year was wrong, remove them: ccq-stats import --revert {id}"
                ).format(file=f["file"], year=old["year"], old=old["file"], id=old["import_id"]),
            )


def import_revert(number: int, *, db: str | None = None, dry_run: bool = False, command: str = "import --revert"):
    """``ccq-stats import --revert N``: a new import that restores what import N replaced and
    closes what it added; refused, naming them, when a later import changed the same records.
    Returns a ``store.ImportResult``."""
    import dataclasses

    from ccq_stats.store import Store, locate

    with Store.open(locate(db), write=True) as store:  # --dry-run too: it computes under the write lock
        result = store.revert(number, command=command, dry_run=dry_run)
        lineage = store.import_kind(number) == "orgs"
    # the store undoes a lineage import (orgs import) too: its summary speaks of changes, not records
    return dataclasses.replace(result, command_kind="revert_lineage") if lineage else result
