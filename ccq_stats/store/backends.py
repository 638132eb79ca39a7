"""The two back-ends of the store, SQLite and PostgreSQL, behind one small connection type.

Everything else in the store speaks one portable SQL (``?`` placeholders, INTEGER and TEXT
columns, no autoincrement, no upsert); what differs lives here: how to connect, how to take
the single write lock an import holds, how to load many rows fast, and which errors mean
"locked too long" or "this is not a ccq-stats store".

* SQLite: WAL (readers never wait for a writer), ``busy_timeout`` (a second writer waits
  rather than fails), ``BEGIN IMMEDIATE`` for writes (the lock is taken before reading, so two
  imports at once are one after the other, never interleaved).
* PostgreSQL: ``pg_advisory_xact_lock`` under ``lock_timeout`` for writes, REPEATABLE READ for
  reads (one snapshot of records and findings), COPY for records.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import language

# One number every ccq-stats writer locks on (PostgreSQL advisory lock).
WRITE_LOCK = 7_302_115
DEFAULT_TIMEOUT = 60.0  # seconds a run waits for another one's import before giving up


def wait_seconds() -> float:
    """How long a run waits for the store's write lock: ``CCQ_STATS_DB_TIMEOUT`` or 60 s."""
    from ccq_stats.environment import number_setting

    return float(number_setting("CCQ_STATS_DB_TIMEOUT", DEFAULT_TIMEOUT))  # checked there: finite, 0 to a week


def seconds_text(seconds: float) -> str:
    """A wait in seconds as the reader writes it: "0.3" (English), "0,3" (Vietnamese)."""
    text = f"{seconds:g}"
    return text.replace(".", ",") if language() == "vi" else text


def is_url(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


def shown(location: str) -> str:
    """A location fit for a message: a URL without its password."""
    if not is_url(location):
        return location
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(location)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return location


class Connection:
    """One open store connection; subclasses fill in the dialect."""

    dialect = ""

    def __init__(self, location: str) -> None:
        self.location = location
        self.timeout = wait_seconds()

    # -- portable SQL -------------------------------------------------------------------
    def sql(self, text: str) -> str:
        return text

    def execute(self, text: str, params: tuple | list = ()):
        cursor = self.raw.cursor()
        cursor.execute(self.sql(text), tuple(params))
        return cursor

    def rows(self, text: str, params: tuple | list = ()) -> list[tuple]:
        return self.execute(text, params).fetchall()

    def insert_many(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        marks = ", ".join("?" for _column in columns)
        self.raw.cursor().executemany(self.sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"), rows)

    def close(self) -> None:
        self.raw.close()

    def ready(self) -> None:
        """Settings made once the store is known to be ours."""


class SQLite(Connection):
    dialect = "sqlite"

    def __init__(self, location: str, create: bool) -> None:
        import sqlite3

        super().__init__(location)
        path = Path(location)
        if not path.exists() and not create:
            raise InputError(_("no store here"), file=location,
                             hint=_("import some files first: ccq-stats import PATH --db {location}").format(location=location))
        if path.is_dir():
            raise InputError(_("the store is a folder, not a file"), file=location, hint=_("give a file name, e.g. --db ccq.sqlite"))
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.raw = sqlite3.connect(location, timeout=self.timeout, isolation_level=None)
        try:
            self.raw.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
        except sqlite3.DatabaseError as exc:
            self.raw.close()
            raise self.translate(exc) from None

    def ready(self) -> None:
        """Once the file is known to be a ccq-stats store (or a new one): WAL, so that readers
        never wait for an import. Never done to someone else's database."""
        self.raw.execute("PRAGMA journal_mode = WAL")
        self.raw.execute("PRAGMA synchronous = NORMAL")  # with WAL: a crash may lose the last import, never corrupt

    @contextlib.contextmanager
    def writing(self):
        """One write transaction holding the store's only write lock."""
        import sqlite3

        try:
            self.raw.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self.translate(exc) from None
        try:
            yield self
        except BaseException:
            self.raw.execute("ROLLBACK")
            raise
        try:
            self.raw.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise self.translate(exc) from None

    @contextlib.contextmanager
    def reading(self):
        """One snapshot for several SELECTs."""
        import sqlite3

        try:
            self.raw.execute("BEGIN")
            yield self
        except sqlite3.DatabaseError as exc:
            raise self.translate(exc) from None
        finally:
            if self.raw.in_transaction:
                self.raw.execute("ROLLBACK")

    def tables(self) -> set[str]:
        import sqlite3

        try:
            return {r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise self.translate(exc) from None

    def translate(self, exc: Exception) -> InputError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return InputError(_("the store is locked by another run for more than {seconds} s").format(seconds=seconds_text(self.timeout)),
                              file=self.location,
                              hint=_("wait for the other import to finish (CCQ_STATS_DB_TIMEOUT sets the wait); never keep the store on a network share"))
        if "not a database" in text or "malformed" in text or "encrypted" in text:
            return InputError(_("not a ccq-stats store (not an SQLite database)"), file=self.location,
                              hint=_("give the store's file with --db, or a new file name to start a store"))
        return InputError(_("the store cannot be used: {reason}").format(reason=text), file=self.location,
                          hint=_("check the file and the folder's permissions"))


class PostgreSQL(Connection):
    dialect = "postgresql"

    def __init__(self, location: str, create: bool) -> None:
        super().__init__(location)
        try:
            import psycopg
        except ImportError:
            raise InputError(_("a PostgreSQL store needs the psycopg package"), file=shown(location),
                             hint=_("pip install 'ccq-stats[postgresql]'")) from None
        try:
            self.raw = psycopg.connect(location, autocommit=True, connect_timeout=max(1, int(self.timeout)))
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(_("cannot connect to the store: {reason}").format(reason=first), file=shown(location),
                             hint=_("check the server is running and the URL's user, password and database")) from None

    def sql(self, text: str) -> str:
        return text.replace("?", "%s")

    @contextlib.contextmanager
    def writing(self):
        import psycopg

        try:
            with self.raw.transaction():
                self.raw.execute(f"SET LOCAL lock_timeout = '{int(self.timeout * 1000)}ms'")
                self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield self
        except psycopg.Error as exc:
            raise self.translate(exc) from None

    @contextlib.contextmanager
    def reading(self):
        import psycopg

        try:
            with self.raw.transaction():
                self.raw.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield self
        except psycopg.Error as exc:
            raise self.translate(exc) from None

    def insert_many(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        with self.raw.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def tables(self) -> set[str]:
        return {r[0] for r in self.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def translate(self, exc: Exception) -> InputError:
        import psycopg

        if isinstance(exc, psycopg.errors.LockNotAvailable):
            return InputError(_("the store is locked by another run for more than {seconds} s").format(seconds=seconds_text(self.timeout)),
                              file=shown(self.location), hint=_("wait for the other import to finish (CCQ_STATS_DB_TIMEOUT sets the wait)"))
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return InputError(_("the store cannot be used: {reason}").format(reason=first), file=shown(self.location),
                          hint=_("check the server, the URL and the user's rights on the database"))


def connect(location: str, *, create: bool) -> Connection:
    """Open the store at ``location`` (a file path or a postgresql:// URL)."""
    return PostgreSQL(location, create) if is_url(location) else SQLite(location, create)
