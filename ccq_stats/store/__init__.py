"""The store: the classified ratings of every year imported, with provenance, the roster of
organisations per year, and the import log – in SQLite (default) or PostgreSQL.

Where it is: ``--db PATH`` or ``--db postgresql://…``, else the environment variable
``CCQ_STATS_DB``, else ``ccq-stats.sqlite`` in the user's data folder (``default_location``).

What it keeps, and what not
---------------------------
The tidy records of ``ccq_stats/figures/records.py`` as ``load_records`` returns them (reconciled),
each with its file, sheet, row, column, header and label as written and the SHA-256 of its
file; the findings made while reading (totals that do not add up …); which import brought
them, when, by whom and on which host.

It does **not** keep ``member`` (members' names) nor ``member_key`` (the folded name and birth
year, or card number, that finds a member listed twice). Names are personal data and no figure
or finding needs them: the figures count records; the rules read the organisation, tier,
status, ``disciplined`` and the row (a finding names the row, never the member); and a member
listed twice is found, and counted once, by ``reconcile`` while the files of one import are
read together – before anything is stored. An import replaces whole organisations (below), so
the rows of one organisation and year never come from two imports, and the store's records
give exactly the figures and findings the files give. What is lost: ``check --names`` cannot
name members from the store (it says so and points at the files).

Replace semantics, and versions
-------------------------------
An import replaces, per rating year, the records of each organisation its files contain –
keyed by (year, shape, organisation, parent), names folded as the reader folds them – and
leaves the others alone. Importing the same files again (under any spelling of their path:
files are compared by their SHA-256) changes nothing and writes nothing. Each import is one
transaction under the store's single write lock: a failed or killed import leaves the store
as it was, and two imports at once run one after the other.

Replacing closes, never deletes: the old records get ``valid_to`` = the new import and stay,
so that the store as it stood after any import (``--as-of``) can be read again, a correction
shows in ``history`` with both versions, and ``import --revert N`` undoes import N by a new
import (see ``versions.py`` and ``schema.py``).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ccq_stats.errors import InputError, Where
from ccq_stats.i18n import gettext as _
from ccq_stats.store import changes
from ccq_stats.store.versions import State, resolve
from ccq_stats.store.backends import connect, is_url, shown
from ccq_stats.store.schema import APPLICATION, CHANGE_COLUMNS, FINDING_COLUMNS, MIGRATIONS, RECORD_COLUMNS, VERSION, VERSIONS_KEPT

ENV = "CCQ_STATS_DB"
FILE_NAME = "ccq-stats.sqlite"


def default_location() -> str:
    """The per-user store: ``ccq-stats.sqlite`` in the user data folder (platformdirs:
    ~/.local/share/ccq-stats on Linux, %LOCALAPPDATA%\\ccq-stats on Windows, ~/Library/Application
    Support/ccq-stats on macOS)."""
    from platformdirs import user_data_path

    return str(user_data_path("ccq-stats", appauthor=False) / FILE_NAME)


def locate(db: str | None) -> str:
    """The store a run uses: ``--db``, else ``$CCQ_STATS_DB``, else the per-user default."""
    return db or os.environ.get(ENV) or default_location()


def exists(location: str) -> bool:
    """Whether there is a store to read (a URL always counts: the server will say)."""
    return is_url(location) or os.path.isfile(location)


def now_utc() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    import_id: int | None
    files: list[dict]
    years: list[int]
    records: int
    changed: bool
    summary: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    dry_run: bool = False
    command_kind: str = "import"  # or "revert" (import --revert N)


class Store:
    """An open store. ``Store.open(location)`` checks what it is and migrates it."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.location = conn.location
        self.schema = VERSION  # lower when a store of an earlier version is only read (it could not be migrated)

    @classmethod
    def open(cls, location: str, *, create: bool = False, write: bool | None = None) -> "Store":
        """``write`` [default: ``create``]: a command that changes an existing store (``import
        --revert``) opens it for writing without creating it."""
        conn = connect(location, create=create, write=write)
        store = cls(conn)
        try:
            store.migrate(create)
        except BaseException:
            store.conn.close()  # the connection migrate may have reopened for writing, or the first
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------
    def version(self) -> int:
        """The schema version; 0 for an empty database. Refuses anything not a ccq-stats store."""
        tables = self.conn.tables()
        if not tables:
            return 0
        meta = dict(self.conn.rows("SELECT key, value FROM meta")) if "meta" in tables else {}
        if meta.get("application") != APPLICATION:
            raise InputError(_("not a ccq-stats store (a database with other tables)"), file=shown(self.location),
                             hint=_("give the store's file with --db, or a new file name to start a store"))
        text = meta.get("schema_version")
        if not (isinstance(text, str) and text.isascii() and text.isdigit() and int(text) >= 1):
            # written with the application's row in the same transaction: missing or garbled is damage
            raise InputError(_("the store is damaged: its schema version (table meta) is missing or not a whole number"),
                             file=shown(self.location), value=None if text is None else str(text),
                             hint=_("restore the store from a backup copy; ccq-stats does not guess which tables it has"))
        version = int(text)
        if version > VERSION:
            raise InputError(_("the store was made by a newer ccq-stats (schema {version}, this one knows {known})").format(
                             version=version, known=VERSION), file=shown(self.location), hint=_("upgrade ccq-stats: pip install -U ccq-stats"))
        return version

    def migrate(self, create: bool) -> None:
        version = self.version()
        if version == 0 and not create:
            raise InputError(_("no store here (the database is empty)"), file=shown(self.location),
                             hint=_("import some files first: ccq-stats import PATH"))
        if not self.conn.writer:
            if version == VERSION:
                return  # a reader sets nothing and writes nothing
            self.conn = self.conn.reopened_for_writing()  # an older store is upgraded by whoever opens it first
        self.conn.ready()
        if version == VERSION:
            return
        if not create and version >= 1:
            try:
                self._migrate()
            except InputError:  # e.g. a copy the user may only read: read it as it is
                self.schema = version
            return
        self._migrate()

    def _migrate(self) -> None:
        with self.conn.writing():
            version = self.version()  # again, under the lock: another run may have migrated it
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    self.conn.execute(statement)
            if version == 0:
                self.conn.execute("INSERT INTO meta (key, value) VALUES ('application', ?)", (APPLICATION,))
                self.conn.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(VERSION),))
            else:
                self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(VERSION),))

    # -- import -------------------------------------------------------------------------
    def _need_versions(self, version: int = VERSION) -> None:
        """Refuse when the store (one that could only be read, not upgraded) is older than ``version``."""
        if self.schema < version:
            raise InputError(_("the store was made by an earlier ccq-stats and needs one run with write access to be upgraded"),
                             file=shown(self.location), hint=_("run this once as a user who may write the store (or its folder)"))

    def import_records(self, records, findings: list, files: list[dict], *, command: str, dry_run: bool = False,
                       at: str | None = None) -> ImportResult:
        """Replace, per year, the stored records of the organisations in ``records`` (the
        reconciled frame of ``load_records``) in one transaction: the current ones are closed,
        the new ones added. ``findings`` are those made while reading; ``files`` are
        {"file", "sha256", "size"}."""
        self._need_versions()
        sha = {f["file"]: f["sha256"] for f in files}
        new_rows = rows_of(records, sha)
        new = changes.by_key(new_rows)
        years = sorted({k[0] for k in new})
        with self.conn.writing():
            old = changes.by_key([r for r in self._rows_of_years(years) if changes.key_of(r) in new])
            summary = changes.summarise(old, new)
            unchanged = changes.same_rows(old, new)
            result = ImportResult(None, files, years, len(new_rows), not unchanged, summary, changes.totals(summary), dry_run)
            if unchanged or dry_run:
                return result
            import_id = (self.conn.rows("SELECT MAX(id) FROM imports")[0][0] or 0) + 1
            result.import_id = import_id
            self._replace(import_id, new, new_rows)
            self._replace_findings(import_id, findings, new, [f["file"] for f in files])
            self._log(import_id, result, command, at or now_utc())
        return result

    def _rows_of_years(self, years: list[int]) -> list[dict]:
        """The current records of ``years``."""
        if not years:
            return []
        marks = ", ".join("?" for _year in years)
        cursor = self.conn.execute(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE valid_to IS NULL AND year IN ({marks})", years)
        return [dict(zip(RECORD_COLUMNS, row)) for row in cursor.fetchall()]

    def _close(self, import_id: int, keys) -> None:
        """Close the current records of ``keys``: valid until ``import_id``."""
        self.conn.raw.cursor().executemany(
            self.conn.sql("UPDATE records SET valid_to = ? WHERE valid_to IS NULL AND year = ? AND shape = ? AND org_key = ? AND parent_key = ?"),
            [(import_id, *k) for k in keys])

    def _replace(self, import_id: int, new: dict, new_rows: list[dict]) -> None:
        self._close(import_id, list(new))
        for row in new_rows:
            row["import_id"] = import_id
        self.conn.insert_many("records", list(RECORD_COLUMNS), [tuple(r[c] for c in RECORD_COLUMNS) for r in new_rows])

    def _replace_findings(self, import_id: int, findings: list, new: dict, files: list[str]) -> None:
        """The new import's findings replace (close) those about the organisations it replaced,
        those made in the same files, and those made in files none of whose records are left."""
        from ccq_stats.text import norm_key

        replaced = {(k[0], k[2]) for k in new}
        live = [r[0] for r in self.conn.rows("SELECT DISTINCT source_file FROM records WHERE valid_to IS NULL") if r[0]]
        stored = self.conn.rows(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE valid_to IS NULL")
        at = {c: i for i, c in enumerate(FINDING_COLUMNS)}

        def names(where: str, paths) -> bool:
            return any(where == f or where.startswith(f + ",") for f in paths)

        def stale(row) -> bool:
            where = row[at["location"]]
            return ((row[at["year"]], row[at["org_key"]]) in replaced or names(where, files)
                    or (bool(where) and not names(where, live)))

        closing = [(import_id, row[at["import_id"]], row[at["seq"]]) for row in stored if stale(row)]
        self.conn.raw.cursor().executemany(
            self.conn.sql("UPDATE findings SET valid_to = ? WHERE valid_to IS NULL AND import_id = ? AND seq = ?"), closing)
        fresh = [(import_id, i, f.year, f.org or "", norm_key(f.org), f.rule, f.severity, f.message, f.source,
                  json.dumps(f.numbers, ensure_ascii=False, sort_keys=True), f.where.as_data())  # the place as text
                 for i, f in enumerate(findings)]
        self.conn.insert_many("findings", list(FINDING_COLUMNS), fresh)

    def _log(self, import_id: int, result: ImportResult, command: str, at: str) -> None:
        t = result.totals
        self.conn.execute(
            "INSERT INTO imports (id, at, user_name, host, command, years, records, orgs_added, orgs_changed, orgs_unchanged,"
            " records_added, records_changed, records_removed, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (import_id, at, _user(), socket.gethostname(), command, ",".join(map(str, result.years)), result.records,
             t["orgs_added"], t["orgs_changed"], t["orgs_unchanged"], t["records_added"], t["records_changed"],
             t["records_removed"], json.dumps(result.summary["orgs"], ensure_ascii=False)))
        self.conn.insert_many("files", ["import_id", "file", "sha256", "size"],
                              [(import_id, f["file"], f["sha256"], f["size"]) for f in result.files])

    # -- undo ---------------------------------------------------------------------------
    def revert(self, number: int, *, command: str, dry_run: bool = False, at: str | None = None) -> ImportResult:
        """Undo import ``number`` by a new import: the records it added are closed and those it
        replaced come back (as new versions, with their files); its findings likewise. Refused,
        naming them, when a later import changed records import ``number`` brought."""
        if self.import_kind(number) == "orgs":
            return self.revert_changes(number, command=command, dry_run=dry_run, at=at)
        self._need_versions()
        with self.conn.writing():
            ids = [r[0] for r in self.conn.rows("SELECT id FROM imports ORDER BY id")]
            if number not in ids:
                raise InputError(_("no import {number} in the store").format(number=number), file=shown(self.location),
                                 hint=_("the store's imports are 1 to {last} (ccq-stats history lists them)").format(last=ids[-1] if ids else 0))
            since = int(self._meta().get("versions_since", "0"))
            if number <= since:
                raise InputError(_("import {number} was made before the store kept versions (since import {since}): what it replaced is not known").format(
                                 number=number, since=since), file=shown(self.location), hint=_("import the right files again instead"))
            columns = ", ".join(RECORD_COLUMNS)
            added = [dict(zip(RECORD_COLUMNS, r)) for r in self.conn.rows(f"SELECT {columns} FROM records WHERE import_id = ?", (number,))]
            replaced = [dict(zip(RECORD_COLUMNS, r)) for r in self.conn.rows(f"SELECT {columns} FROM records WHERE valid_to = ?", (number,))]
            keys = set(changes.by_key(added)) | set(changes.by_key(replaced))
            years = sorted({k[0] for k in keys})
            current = changes.by_key([r for r in self._rows_of_years(years) if changes.key_of(r) in keys])
            brought = changes.by_key(added)
            # a later import changed them when the current records of a key are not those import N brought
            later = sorted({(k[0], (current.get(k) or brought.get(k) or [{}])[0].get("org") or "",
                             (current.get(k) or brought.get(k) or [{}])[0].get("parent") or "",
                             max((r["import_id"] for r in current.get(k, [])), default=None) or self._closer(k, number))
                            for k in keys if not changes.same_content(current.get(k, []), brought.get(k, []))})
            if later:
                named = "; ".join(f"{y} {o}" + (f" ({p})" if p else "") + " " + _("by import {id}").format(id=v) for y, o, p, v in later[:5])
                more = len(later) - 5
                raise InputError(_("a later import changed records that import {number} brought: {orgs}").format(number=number, orgs=named)
                                 + (_(" and {count} more").format(count=more) if more > 0 else ""),
                                 file=shown(self.location), hint=_("revert the later imports first, newest first"))
            old = brought
            back = changes.by_key(replaced)
            summary = changes.summarise(old, back)
            gone = [k for k in old if k not in back]
            for key in gone:  # records the import brought where there were none: removed
                tally = summary["years"].setdefault(key[0], dict.fromkeys(
                    ("orgs_added", "orgs_changed", "orgs_unchanged", "records_added", "records_changed", "records_removed"), 0))
                tally["orgs_changed"] += 1
                tally["records_removed"] += len(old[key])
            files = [{"file": f, "sha256": h, "size": n} for f, h, n in self.conn.rows(
                "SELECT file, sha256, size FROM files WHERE sha256 IN (SELECT DISTINCT file_sha256 FROM records WHERE valid_to = ?)"
                " ORDER BY file, import_id", (number,))]
            files = list({f["file"]: f for f in files}.values())
            result = ImportResult(None, files, years, len(replaced), bool(added or replaced), summary, changes.totals(summary), dry_run,
                                  "revert")
            if dry_run or not result.changed:
                return result
            import_id = ids[-1] + 1
            result.import_id = import_id
            self._close(import_id, sorted(keys))
            for row in replaced:
                row["import_id"] = import_id
            self.conn.insert_many("records", list(RECORD_COLUMNS), [tuple(r[c] for c in RECORD_COLUMNS) for r in replaced])
            fcols = ", ".join(FINDING_COLUMNS)
            restored = [(import_id, i, *r[2:]) for i, r in enumerate(self.conn.rows(
                f"SELECT {fcols} FROM findings WHERE valid_to = ? ORDER BY import_id, seq", (number,)))]
            self.conn.execute("UPDATE findings SET valid_to = ? WHERE import_id = ? AND valid_to IS NULL", (import_id, number))
            self.conn.insert_many("findings", list(FINDING_COLUMNS), restored)
            self._log(import_id, result, command, at or now_utc())
        return result

    def _closer(self, key: tuple, number: int) -> int | None:
        """The first import after ``number`` that closed records of ``key``."""
        found = self.conn.rows("SELECT MIN(valid_to) FROM records WHERE valid_to > ? AND year = ? AND shape = ? AND org_key = ? AND parent_key = ?",
                               (number, *key))
        return found[0][0] if found else None

    # -- reading ------------------------------------------------------------------------
    def keeps_versions(self) -> bool:
        """False for a store of an earlier version that could only be read, not upgraded."""
        return self.schema >= VERSIONS_KEPT

    def current_files(self) -> list[dict]:
        """The files of the current records: [{"file", "year", "import_id", "orgs": set}]."""
        out: dict[tuple, dict] = {}
        with self.conn.reading():
            for file, year, import_id, org in self.conn.rows(
                    "SELECT DISTINCT source_file, year, import_id, org FROM records WHERE valid_to IS NULL" if self.keeps_versions()
                    else "SELECT DISTINCT source_file, year, import_id, org FROM records"):
                entry = out.setdefault((file, year), {"file": file, "year": year, "import_id": import_id, "orgs": set()})
                entry["import_id"] = max(entry["import_id"], import_id)
                if org:
                    entry["orgs"].add(org)
        return list(out.values())

    def versions_since(self) -> int:
        """The first import whose state the store can give again (0: all of them)."""
        with self.conn.reading():
            return int(self._meta().get("versions_since", "0"))

    def _meta(self) -> dict:
        return dict(self.conn.rows("SELECT key, value FROM meta"))

    def state(self, as_of: str | None = None) -> State:
        """The state ``as_of`` names (see versions.resolve); the current one when None."""
        with self.conn.reading():
            return self._state(as_of)

    def _state(self, as_of: str | None) -> State:
        imports = [{"id": i, "at": a} for i, a in self.conn.rows("SELECT id, at FROM imports ORDER BY id")]
        if as_of is not None:
            self._need_versions(VERSIONS_KEPT)
        since = int(self._meta().get("versions_since", "0"))
        return resolve(as_of, imports, since, where=shown(self.location))

    def load(self, as_of: str | None = None) -> dict:
        """One snapshot of the store as it stood after the import ``as_of`` names (the current
        one when None): ``records`` (a tidy frame in the order the files gave them: file name,
        then import, then row), ``findings`` (made while reading them), ``imports`` (the log up
        to that import), ``rosters`` and ``state`` (a versions.State) – all as of one moment,
        even during an import."""
        from ccq_stats.figures.findings import Finding

        with self.conn.reading():
            state = self._state(as_of)
            n = state.import_id
            if self.schema < VERSIONS_KEPT:  # an earlier store only read: it holds its current rows only
                rows = self.conn.rows(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records")
                found = self.conn.rows(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings")
            else:
                valid = "import_id <= ? AND (valid_to IS NULL OR valid_to > ?)"
                rows = self.conn.rows(f"SELECT {', '.join(RECORD_COLUMNS)} FROM records WHERE {valid}", (n, n))
                found = self.conn.rows(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE {valid}", (n, n))
            imports = [i for i in self._imports() if i["id"] <= n]
            rosters = self._rosters(state.until)
            lineage = self._changes(n)
        found.sort(key=lambda r: (r[0], r[1]))
        # the columns of FINDING_COLUMNS: year 2, org 3, rule 5, severity 6, message 7, source 8, numbers 9, location 10
        findings = [Finding(r[5], r[6], r[2], r[3], r[7], r[8], json.loads(r[9]), Where.from_data(r[10]))
                    for r in found]
        return {"records": frame_of(rows), "findings": findings, "imports": imports, "rosters": rosters, "state": state,
                "lineage": lineage}

    def versions(self) -> list[dict]:
        """Every version of every record, with the import that brought it and the one that
        closed it: [{"year", "subject", "shape", "org", "parent", "org_key", "parent_key",
        "status", "tier", "exemplary", "count", "source_file", "import_id", "valid_to"}]."""
        self._need_versions(VERSIONS_KEPT)
        names = ("year", "subject", "shape", "org", "parent", "org_key", "parent_key", "status", "tier", "exemplary", "count",
                 "source_file", "import_id", "valid_to")
        with self.conn.reading():
            return [dict(zip(names, r)) for r in self.conn.rows(f"SELECT {', '.join(names)} FROM records")]

    def imports(self) -> list[dict]:
        """The import log, oldest first, each with its files."""
        with self.conn.reading():
            return self._imports()

    def _imports(self) -> list[dict]:
        names = ("id", "at", "user_name", "host", "command", "years", "records", "orgs_added", "orgs_changed", "orgs_unchanged",
                 "records_added", "records_changed", "records_removed", "changes")
        rows = self.conn.rows(f"SELECT {', '.join(names)} FROM imports ORDER BY id")
        files = self.conn.rows("SELECT import_id, file, sha256, size FROM files ORDER BY import_id, file")
        by_import: dict[int, list[dict]] = {}
        for i, f, s, n in files:
            by_import.setdefault(i, []).append({"file": f, "sha256": s, "size": n})
        out = []
        for row in rows:
            entry = dict(zip(names, row))
            entry["years"] = [int(y) for y in entry["years"].split(",") if y]
            entry["changes"] = json.loads(entry["changes"])
            entry["files"] = by_import.get(entry["id"], [])
            out.append(entry)
        return out

    def roster(self) -> dict[int, list[dict]]:
        """The rosters given (``roster import``): {year: [{"org", "org_kind", "source", "at"}]}."""
        with self.conn.reading():
            return self._rosters()

    def _rosters(self, until: str | None = None) -> dict[int, list[dict]]:
        """The rosters as they stood just before ``until`` (UTC ISO; None: now)."""
        out: dict[int, list[dict]] = {}
        if self.schema < VERSIONS_KEPT:
            rows = self.conn.rows("SELECT year, org, org_kind, source, at FROM roster ORDER BY year, org")
        elif until is None:
            rows = self.conn.rows("SELECT year, org, org_kind, source, at FROM roster_versions WHERE closed_at IS NULL ORDER BY year, org")
        else:
            rows = self.conn.rows("SELECT year, org, org_kind, source, at FROM roster_versions WHERE at < ? AND (closed_at IS NULL OR closed_at >= ?)"
                                  " ORDER BY year, org", (until, until))
        for year, org, kind, source, at in rows:
            out.setdefault(int(year), []).append({"org": org, "org_kind": kind, "source": source, "at": at})
        return out

    def set_roster(self, year: int, orgs: list[dict], source: str, at: str | None = None) -> None:
        """Replace the roster of ``year``: [{"org", "org_kind"}] (names folded to find duplicates);
        the earlier one is closed, not deleted."""
        from ccq_stats.text import norm_key

        self._need_versions()
        at = at or now_utc()
        rows = {}
        for o in orgs:
            rows.setdefault(norm_key(o["org"]), (year, o["org"], norm_key(o["org"]), o.get("org_kind") or "", source, at))
        with self.conn.writing():
            self.conn.execute("UPDATE roster_versions SET closed_at = ? WHERE year = ? AND closed_at IS NULL", (at, year))
            self.conn.insert_many("roster_versions", ["year", "org", "org_key", "org_kind", "source", "at"], list(rows.values()))


    # -- the lineage of organisations (schema 3) ----------------------------------------
    def import_kind(self, number: int) -> str | None:
        """What import ``number`` brought: "orgs" (a lineage file), None (ratings, or no such import)."""
        if self.schema < 3:
            return None
        with self.conn.reading():
            found = self.conn.rows("SELECT kind FROM imports WHERE id = ?", (number,))
        return found[0][0] if found else None

    def _changes(self, upto: int | None = None, *, current: bool = False) -> list:
        """The lineage (``lineage.Change``) as it stood after import ``upto`` (None: now)."""
        from ccq_stats.figures.lineage import Change

        if self.schema < 3:
            return []
        columns = ", ".join(CHANGE_COLUMNS)
        if upto is None:
            rows = self.conn.rows(f"SELECT {columns} FROM org_changes WHERE valid_to IS NULL")
        else:
            rows = self.conn.rows(f"SELECT {columns} FROM org_changes WHERE import_id <= ? AND (valid_to IS NULL OR valid_to > ?)",
                                  (upto, upto))
        rows.sort(key=lambda r: (r[0], r[1]))
        return [_change_of(dict(zip(CHANGE_COLUMNS, r))) for r in rows]

    def lineage(self, as_of: str | None = None) -> list:
        """The changes recorded (``lineage.Change``), as of the import ``as_of`` names (else now)."""
        with self.conn.reading():
            return self._changes(None if as_of is None else self._state(as_of).import_id)

    def import_changes(self, changes: list, file: dict, *, command: str, dry_run: bool = False, at: str | None = None) -> ImportResult:
        """Replace, per year, the stored changes by those of a lineage file (``file``: {"file",
        "sha256", "size"}): the current changes of the years it holds are closed, its own added;
        the same changes again write nothing. ``summary["years"]``: {year: {"records_added",
        "records_removed", …}} – changes added and closed."""
        self._need_versions()
        years = sorted({c.year for c in changes})
        new = [_change_row(c, i, file["sha256"]) for i, c in enumerate(changes)]
        with self.conn.writing():
            columns = ", ".join(CHANGE_COLUMNS)
            marks = ", ".join("?" for _year in years)
            old = [dict(zip(CHANGE_COLUMNS, r)) for r in self.conn.rows(
                f"SELECT {columns} FROM org_changes WHERE valid_to IS NULL AND year IN ({marks})", tuple(years))]
            summary = _change_summary(old, new)
            result = ImportResult(None, [file], years, len(new), summary["changed"], summary, changes_totals(summary), dry_run, "orgs")
            if not result.changed or dry_run:
                return result
            import_id = (self.conn.rows("SELECT MAX(id) FROM imports")[0][0] or 0) + 1
            result.import_id = import_id
            self.conn.execute(f"UPDATE org_changes SET valid_to = ? WHERE valid_to IS NULL AND year IN ({marks})", (import_id, *years))
            for row in new:
                row["import_id"] = import_id
            self.conn.insert_many("org_changes", list(CHANGE_COLUMNS), [tuple(r[c] for c in CHANGE_COLUMNS) for r in new])
            self._log(import_id, result, command, at or now_utc())
            self.conn.execute("UPDATE imports SET kind = 'orgs' WHERE id = ?", (import_id,))
        return result

    def revert_changes(self, number: int, *, command: str, dry_run: bool = False, at: str | None = None) -> ImportResult:
        """Undo the lineage import ``number`` by a new import: the changes it brought are closed,
        those it closed come back. Refused when a later import replaced the changes it brought."""
        self._need_versions()
        with self.conn.writing():
            ids = [r[0] for r in self.conn.rows("SELECT id FROM imports ORDER BY id")]
            columns = ", ".join(CHANGE_COLUMNS)
            brought = [dict(zip(CHANGE_COLUMNS, r)) for r in self.conn.rows(f"SELECT {columns} FROM org_changes WHERE import_id = ?", (number,))]
            later = sorted({r[0] for r in self.conn.rows("SELECT valid_to FROM org_changes WHERE import_id = ? AND valid_to IS NOT NULL", (number,))})
            if later:
                raise InputError(_("a later import changed the lineage that import {number} brought: import {later}").format(
                                 number=number, later=", ".join(map(str, later))), file=shown(self.location),
                                 hint=_("revert the later imports first, newest first"))
            back = [dict(zip(CHANGE_COLUMNS, r)) for r in self.conn.rows(f"SELECT {columns} FROM org_changes WHERE valid_to = ?", (number,))]
            years = sorted({r["year"] for r in brought + back})
            summary = _change_summary(brought, back)
            files = [{"file": f, "sha256": h, "size": n} for f, h, n in self.conn.rows(
                "SELECT file, sha256, size FROM files WHERE sha256 IN (SELECT DISTINCT file_sha256 FROM org_changes WHERE valid_to = ?)", (number,))]
            result = ImportResult(None, files, years, len(back), summary["changed"], summary, changes_totals(summary), dry_run, "revert")
            if dry_run or not result.changed:
                return result
            import_id = ids[-1] + 1
            result.import_id = import_id
            self.conn.execute("UPDATE org_changes SET valid_to = ? WHERE import_id = ? AND valid_to IS NULL", (import_id, number))
            for row in back:
                row["import_id"] = import_id
            self.conn.insert_many("org_changes", list(CHANGE_COLUMNS), [tuple(r[c] for c in CHANGE_COLUMNS) for r in back])
            self._log(import_id, result, command, at or now_utc())
            self.conn.execute("UPDATE imports SET kind = 'orgs' WHERE id = ?", (import_id,))
        return result


def _change_row(change, seq: int, sha256: str) -> dict:
    return {"import_id": None, "seq": seq, "year": change.year, "day": change.day or None, "kind": change.kind,
            "sources": json.dumps(list(change.sources), ensure_ascii=False), "targets": json.dumps(list(change.targets), ensure_ascii=False),
            "decision": change.decision or None, "code": change.code or None, "note": change.note or None,
            "source_file": change.file, "source_row": change.row, "file_sha256": sha256}


def _change_of(row: dict):
    from ccq_stats.figures.lineage import Change

    return Change(int(row["year"]), row["kind"], tuple(json.loads(row["sources"])), tuple(json.loads(row["targets"])),
                  row["day"] or "", row["decision"] or "", row["code"] or "", row["note"] or "", row["source_file"] or "",
                  int(row["source_row"] or 0))


_CHANGE_CONTENT = ("year", "day", "kind", "sources", "targets", "decision", "code", "note")


def _change_summary(old: list[dict], new: list[dict]) -> dict:
    """Per year: changes added and closed (the same change in both is neither), as import summaries are."""
    from collections import Counter

    def content(r: dict) -> tuple:
        return tuple(r[c] for c in _CHANGE_CONTENT)

    before, after = Counter(map(content, old)), Counter(map(content, new))
    same_file = Counter((content(r), r["file_sha256"], r["source_row"]) for r in old) == Counter(
        (content(r), r["file_sha256"], r["source_row"]) for r in new)
    years: dict[int, dict] = {}
    for key, n in (after - before).items():
        years.setdefault(key[0], dict.fromkeys(_TALLY, 0))["records_added"] += n
    for key, n in (before - after).items():
        years.setdefault(key[0], dict.fromkeys(_TALLY, 0))["records_removed"] += n
    return {"years": dict(sorted(years.items())), "orgs": [], "changed": not same_file}


_TALLY = ("orgs_added", "orgs_changed", "orgs_unchanged", "records_added", "records_changed", "records_removed")


def changes_totals(summary: dict) -> dict:
    out = dict.fromkeys(_TALLY, 0)
    for tally in summary["years"].values():
        for k, v in tally.items():
            out[k] += v
    return out


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def rows_of(records, sha: dict[str, str]) -> list[dict]:
    """The store rows of a reconciled record frame (without names), in frame order."""
    from ccq_stats.text import norm_key

    n = len(records)

    def col(name, convert=None):
        values = records[name].tolist() if name in records else [None] * n
        return [None if v is None or v != v else (convert(v) if convert else v) for v in values]

    data = {
        "import_id": [None] * n, "seq": list(range(n)), "year": col("year", int), "subject": col("subject"), "shape": col("shape"),
        "org": col("org"), "parent": col("parent"), "org_kind": col("org_kind"), "host_type": col("host_type"),
        "status": col("status"), "tier": col("tier"), "exemplary": col("exemplary", lambda v: int(bool(v))),
        "disciplined": col("disciplined", lambda v: int(bool(v))), "count": col("count", int),
        "source_file": col("source_file"), "source_sheet": col("source_sheet"), "source_row": col("source_row", int),
        "source_col": col("source_col", int), "source_header": col("source_header"), "raw_label": col("raw_label"),
    }
    data["org_key"] = [norm_key(v) for v in data["org"]]
    data["parent_key"] = [norm_key(v) for v in data["parent"]]
    data["file_sha256"] = [sha.get(f, "") for f in data["source_file"]]
    return [dict(zip(data, values)) for values in zip(*data.values())]


def frame_of(rows: list[tuple]):
    """The tidy frame of stored rows, with the columns and types of ``load_records``."""
    import pandas as pd

    from ccq_stats.figures.records import COLUMNS

    at = {c: i for i, c in enumerate(RECORD_COLUMNS)}
    rows = sorted(rows, key=lambda r: (r[at["source_file"]] or "", r[at["import_id"]], r[at["seq"]]))

    def col(name, convert=None):
        i = at[name]
        return [None if r[i] is None else (convert(r[i]) if convert else r[i]) for r in rows]

    data = {name: col(name) for name in COLUMNS if name in at}
    data["exemplary"] = col("exemplary", bool)
    data["disciplined"] = col("disciplined", bool)
    data["member"] = [None] * len(rows)
    data["member_key"] = [None] * len(rows)
    data.setdefault("score", [None] * len(rows))  # scores are not kept in the store (yet): none read back
    frame = pd.DataFrame({name: pd.Series(data[name], dtype=object) for name in COLUMNS})
    for name in ("year", "count", "source_row"):
        frame[name] = frame[name].astype("int64")
    return frame
