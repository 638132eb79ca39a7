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

It keeps, since schema 4, each record's decided score out of 100 (``score_hundredths``, see
``rows.py``), as it keeps the tier: nameless, so that the score figures (bands, means per tier)
and the score rules of ``--db`` are those of the files, in every version of a record.

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

The modules: ``schema`` (tables and migrations), ``backends`` (SQLite, PostgreSQL), ``rows``
(frame ↔ stored rows, scores included), ``changes`` (what an import changes), ``versions``
(states, ``--as-of``), ``org_changes`` (the lineage in the store), ``history``, ``roster``,
``lineage`` (the lineage file), ``reverting`` (``import --revert``); this one: the ``Store`` – opening, migrating, importing,
reverting and reading the records.
"""

from __future__ import annotations

import getpass
import json
import os
import socket

from ccq_stats.errors import InputError, Where
from ccq_stats.i18n import gettext as _
from ccq_stats.store import changes
from ccq_stats.store.backends import connect, is_url, shown
from ccq_stats.store.changes import ImportResult
from ccq_stats.store.org_changes import OrgChanges, changes_totals  # noqa: F401 - changes_totals: public here since schema 3
from ccq_stats.store.reverting import Reverting
from ccq_stats.store.rows import frame_of, rows_of
from ccq_stats.store.schema import (
    APPLICATION,
    FINDING_COLUMNS,
    MIGRATIONS,
    SCORE_COLUMN,
    VERSION,
    VERSIONS_KEPT,
    record_columns,
)
from ccq_stats.store.versions import State, now_utc, resolve

__all__ = [
    "ENV",
    "FILE_NAME",
    "ImportResult",
    "State",
    "Store",
    "changes_totals",
    "default_location",
    "exists",
    "frame_of",
    "locate",
    "now_utc",
    "rows_of",
]

ENV = "CCQ_STATS_DB"
FILE_NAME = "ccq-stats.sqlite"


# the import log's columns, in the order they are written and read
_IMPORT_LOG = ("id", "at", "user_name", "host", "command", "years", "records", *changes.TALLY, "changes")


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


class Store(OrgChanges, Reverting):
    """An open store. ``Store.open(location)`` checks what it is and migrates it."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.location = conn.location
        self.schema = VERSION  # lower when a store of an earlier version is only read (it could not be migrated)

    @classmethod
    def open(cls, location: str, *, create: bool = False, write: bool | None = None) -> Store:
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

    def __enter__(self) -> Store:
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
            raise InputError(
                _("not a ccq-stats store (a database with other tables)"),
                file=shown(self.location),
                hint=_("give the store's file with --db, or a new file name to start a store"),
            )
        text = meta.get("schema_version")
        if not (isinstance(text, str) and text.isascii() and text.isdigit() and int(text) >= 1):
            # written with the application's row in the same transaction: missing or garbled is damage
            raise InputError(
                _("the store is damaged: its schema version (table meta) is missing or not a whole number"),
                file=shown(self.location),
                value=None if text is None else str(text),
                hint=_("restore the store from a backup copy; ccq-stats does not guess which tables it has"),
            )
        version = int(text)
        if version > VERSION:
            raise InputError(
                _("the store was made by a newer ccq-stats (schema {version}, this one knows {known})").format(
                    version=version, known=VERSION
                ),
                file=shown(self.location),
                hint=_("upgrade ccq-stats: pip install -U ccq-stats"),
            )
        return version

    def migrate(self, create: bool) -> None:
        version = self.version()
        if version == 0 and not create:
            raise InputError(
                _("no store here (the database is empty)"),
                file=shown(self.location),
                hint=_("import some files first: ccq-stats import PATH"),
            )
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

    def _columns(self) -> tuple[str, ...]:
        """The columns of ``records`` this store has (a store only read may be of an earlier schema)."""
        return record_columns(self.schema)

    # -- import -------------------------------------------------------------------------
    def _need_versions(self, version: int = VERSION) -> None:
        """Refuse when the store (one that could only be read, not upgraded) is older than ``version``."""
        if self.schema < version:
            raise InputError(
                _("the store was made by an earlier ccq-stats and needs one run with write access to be upgraded"),
                file=shown(self.location),
                hint=_("run this once as a user who may write the store (or its folder)"),
            )

    def import_records(
        self, records, findings: list, files: list[dict], *, command: str, dry_run: bool = False, at: str | None = None
    ) -> ImportResult:
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
            result = ImportResult(
                None, files, years, len(new_rows), not unchanged, summary, changes.totals(summary), dry_run
            )
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
        columns = self._columns()
        cursor = self.conn.execute(
            f"SELECT {', '.join(columns)} FROM records WHERE valid_to IS NULL AND year IN ({marks})", years
        )
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def _close(self, import_id: int, keys) -> None:
        """Close the current records of ``keys``: valid until ``import_id``."""
        self.conn.raw.cursor().executemany(
            self.conn.sql(
                "UPDATE records SET valid_to = ? WHERE valid_to IS NULL AND year = ? AND shape = ? AND org_key = ? AND parent_key = ?"
            ),
            [(import_id, *k) for k in keys],
        )

    def _replace(self, import_id: int, new: dict, new_rows: list[dict]) -> None:
        self._close(import_id, list(new))
        for row in new_rows:
            row["import_id"] = import_id
        columns = self._columns()
        self.conn.insert_many("records", list(columns), [tuple(r[c] for c in columns) for r in new_rows])

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
            return (
                (row[at["year"]], row[at["org_key"]]) in replaced
                or names(where, files)
                or (bool(where) and not names(where, live))
            )

        closing = [(import_id, row[at["import_id"]], row[at["seq"]]) for row in stored if stale(row)]
        self.conn.raw.cursor().executemany(
            self.conn.sql("UPDATE findings SET valid_to = ? WHERE valid_to IS NULL AND import_id = ? AND seq = ?"),
            closing,
        )
        fresh = [
            (
                import_id,
                i,
                f.year,
                f.org or "",
                norm_key(f.org),
                f.rule,
                f.severity,
                f.message,
                f.source,
                json.dumps(f.numbers, ensure_ascii=False, sort_keys=True),
                f.where.as_data(),
            )  # the place as text
            for i, f in enumerate(findings)
        ]
        self.conn.insert_many("findings", list(FINDING_COLUMNS), fresh)

    def _log(self, import_id: int, result: ImportResult, command: str, at: str) -> None:
        t = result.totals
        values = (
            import_id,
            at,
            _user(),
            socket.gethostname(),
            command,
            ",".join(map(str, result.years)),
            result.records,
            *(t[key] for key in changes.TALLY),
            json.dumps(result.summary["orgs"], ensure_ascii=False),
        )
        self.conn.execute(
            f"INSERT INTO imports ({', '.join(_IMPORT_LOG)}) VALUES ({', '.join('?' * len(values))})", values
        )
        self.conn.insert_many(
            "files",
            ["import_id", "file", "sha256", "size"],
            [(import_id, f["file"], f["sha256"], f["size"]) for f in result.files],
        )

    # -- undo ---------------------------------------------------------------------------
    def keeps_versions(self) -> bool:
        """False for a store of an earlier version that could only be read, not upgraded."""
        return self.schema >= VERSIONS_KEPT

    def current_files(self) -> list[dict]:
        """The files of the current records: [{"file", "year", "import_id", "orgs": set}]."""
        out: dict[tuple, dict] = {}
        with self.conn.reading():
            for file, year, import_id, org in self.conn.rows(
                "SELECT DISTINCT source_file, year, import_id, org FROM records WHERE valid_to IS NULL"
                if self.keeps_versions()
                else "SELECT DISTINCT source_file, year, import_id, org FROM records"
            ):
                entry = out.setdefault(
                    (file, year), {"file": file, "year": year, "import_id": import_id, "orgs": set()}
                )
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
            columns = self._columns()
            if self.schema < VERSIONS_KEPT:  # an earlier store only read: it holds its current rows only
                rows = self.conn.rows(f"SELECT {', '.join(columns)} FROM records")
                found = self.conn.rows(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings")
            else:
                valid = "import_id <= ? AND (valid_to IS NULL OR valid_to > ?)"
                rows = self.conn.rows(f"SELECT {', '.join(columns)} FROM records WHERE {valid}", (n, n))
                found = self.conn.rows(f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings WHERE {valid}", (n, n))
            imports = [i for i in self._imports() if i["id"] <= n]
            rosters = self._rosters(state.until)
            lineage = self._changes(n)
        found.sort(key=lambda r: (r[0], r[1]))
        # the columns of FINDING_COLUMNS: year 2, org 3, rule 5, severity 6, message 7, source 8, numbers 9, location 10
        findings = [
            Finding(r[5], r[6], r[2], r[3], r[7], r[8], json.loads(r[9]), Where.from_data(r[10])) for r in found
        ]
        return {
            "records": frame_of(rows, columns),
            "findings": findings,
            "imports": imports,
            "rosters": rosters,
            "state": state,
            "lineage": lineage,
        }

    def versions(self) -> list[dict]:
        """Every version of every record, with the import that brought it and the one that
        closed it: [{"year", "subject", "shape", "org", "parent", "org_key", "parent_key",
        "status", "tier", "exemplary", "count", "source_file", "import_id", "valid_to",
        "score_hundredths"}] (the score None in a store of schema 3 or earlier, only read)."""
        self._need_versions(VERSIONS_KEPT)
        names = (
            "year",
            "subject",
            "shape",
            "org",
            "parent",
            "org_key",
            "parent_key",
            "status",
            "tier",
            "exemplary",
            "count",
            "source_file",
            "import_id",
            "valid_to",
        ) + tuple(c for c in self._columns() if c == SCORE_COLUMN)
        with self.conn.reading():
            return [dict(zip(names, r)) for r in self.conn.rows(f"SELECT {', '.join(names)} FROM records")]

    def imports(self) -> list[dict]:
        """The import log, oldest first, each with its files."""
        with self.conn.reading():
            return self._imports()

    def _imports(self) -> list[dict]:
        rows = self.conn.rows(f"SELECT {', '.join(_IMPORT_LOG)} FROM imports ORDER BY id")
        files = self.conn.rows("SELECT import_id, file, sha256, size FROM files ORDER BY import_id, file")
        by_import: dict[int, list[dict]] = {}
        for i, f, s, n in files:
            by_import.setdefault(i, []).append({"file": f, "sha256": s, "size": n})
        out = []
        for row in rows:
            entry = dict(zip(_IMPORT_LOG, row))
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
            rows = self.conn.rows(
                "SELECT year, org, org_kind, source, at FROM roster_versions WHERE closed_at IS NULL ORDER BY year, org"
            )
        else:
            rows = self.conn.rows(
                "SELECT year, org, org_kind, source, at FROM roster_versions WHERE at < ? AND (closed_at IS NULL OR closed_at >= ?)"
                " ORDER BY year, org",
                (until, until),
            )
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
            rows.setdefault(
                norm_key(o["org"]), (year, o["org"], norm_key(o["org"]), o.get("org_kind") or "", source, at)
            )
        with self.conn.writing():
            self.conn.execute(
                "UPDATE roster_versions SET closed_at = ? WHERE year = ? AND closed_at IS NULL", (at, year)
            )
            self.conn.insert_many(
                "roster_versions", ["year", "org", "org_key", "org_kind", "source", "at"], list(rows.values())
            )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return str(os.getuid()) if hasattr(os, "getuid") else "?"
