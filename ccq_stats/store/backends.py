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
import re
import stat
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


# libpq's connection keywords (PostgreSQL's "Parameter Key Words"): a --db made only of
# keyword=value pairs with these keywords is a PostgreSQL conninfo string, never a file name (else
# an import would make a file named "host=… password=…").
CONNINFO_KEYWORDS = frozenset(
    [
        "host",
        "hostaddr",
        "port",
        "dbname",
        "user",
        "password",
        "passfile",
        "require_auth",
        "channel_binding",
        "connect_timeout",
        "client_encoding",
        "options",
        "application_name",
        "fallback_application_name",
        "keepalives",
        "keepalives_idle",
        "keepalives_interval",
        "keepalives_count",
        "tcp_user_timeout",
        "replication",
        "gssencmode",
        "sslmode",
        "requiressl",
        "sslnegotiation",
        "sslcompression",
        "sslcert",
        "sslkey",
        "sslpassword",
        "sslcertmode",
        "sslrootcert",
        "sslcrl",
        "sslcrldir",
        "sslsni",
        "requirepeer",
        "ssl_min_protocol_version",
        "ssl_max_protocol_version",
        "min_protocol_version",
        "max_protocol_version",
        "krbsrvname",
        "gsslib",
        "gssdelegation",
        "service",
        "target_session_attrs",
        "load_balance_hosts",
    ]
)
# A conninfo value: in single quotes (backslash escapes), or up to the next blank.
_CONNINFO_PAIR = re.compile(r"\s*([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|[^\s']*)")
# The credentials libpq takes from a location: the password of a URL's user, password= and
# sslpassword= in a URL's query or in a conninfo string (PGPASSWORD comes from the environment).
_URL_PASSWORD = re.compile(r"(postgres(?:ql)?://[^:@/?#\s]*:)([^/?#\s]*)@", re.I)
_QUERY_PASSWORD = re.compile(r"(?<=[?&])((?:ssl)?password=)([^&#\s]*)", re.I)
_CONNINFO_PASSWORD = re.compile(r"(?<![^\s])((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)", re.I)
MASK = "***"


def is_url(location: str) -> bool:
    """Whether ``location`` is a PostgreSQL store: a postgresql:// URL or a libpq conninfo
    string ("host=db.local dbname=ccq user=ccq")."""
    if location.startswith(("postgresql://", "postgres://")):
        return True
    pairs, end = [], 0
    for match in _CONNINFO_PAIR.finditer(location):
        if match.start() != end:
            return False
        pairs.append(match.group(1))
        end = match.end()
    return bool(pairs) and location[end:].strip() == "" and all(k in CONNINFO_KEYWORDS for k in pairs)


def shown(text: str, location: str = "") -> str:
    """``text`` (a store's location, or a message about it) fit to show: every credential form
    libpq accepts masked – a URL's password (postgresql://user:***@host), ``password=`` and
    ``sslpassword=`` in a URL's query or a conninfo string – and each secret of ``location`` and
    of ``PGPASSWORD`` wherever it stands in ``text`` (libpq quotes a bad token back in its
    errors, e.g. 'invalid percent-encoded token: "…"'). The one place secrets are masked."""
    out = _URL_PASSWORD.sub(lambda m: m.group(1) + MASK + "@", text)
    out = _QUERY_PASSWORD.sub(lambda m: m.group(1) + MASK, out)
    out = _CONNINFO_PASSWORD.sub(lambda m: m.group(1) + MASK, out)
    for secret in sorted(_secrets(location), key=len, reverse=True):
        # a short secret (1–3 characters) would mask innocent letters: only where quoted whole
        out = out.replace(secret, MASK) if len(secret) > 3 else out.replace(f'"{secret}"', f'"{MASK}"')
    return out


def _secrets(location: str) -> set[str]:
    """The passwords ``location`` carries (as written and percent-decoded), and PGPASSWORD's."""
    from urllib.parse import unquote

    found = [m.group(2) for m in _URL_PASSWORD.finditer(location)] + [
        m.group(2) for m in _QUERY_PASSWORD.finditer(location)
    ]
    for m in _CONNINFO_PASSWORD.finditer(location):
        value = m.group(2)
        if value.startswith("'"):
            value = re.sub(r"\\(.)", r"\1", value[1:-1] if value.endswith("'") and len(value) > 1 else value[1:])
        found.append(value)
    found.append(os.environ.get("PGPASSWORD", ""))
    return {s for v in found for s in (v, unquote(v)) if s}


class Connection:
    """One open store connection; subclasses fill in the dialect."""

    dialect = ""
    writer = True  # False: a connection that only reads (SQLite opened for history, report …)

    def __init__(self, location: str) -> None:
        self.location = location
        self.timeout = wait_seconds()

    # -- portable SQL -------------------------------------------------------------------
    def sql(self, text: str) -> str:
        return text

    def execute(self, text: str, params: tuple | list = ()):
        cursor = self.raw.cursor()
        try:
            cursor.execute(self.sql(text), tuple(params))
        except self.errors as exc:
            raise self.translate(exc) from None
        return cursor

    def rows(self, text: str, params: tuple | list = ()) -> list[tuple]:
        try:
            return self.execute(text, params).fetchall()
        except self.errors as exc:
            raise self.translate(exc) from None

    def insert_many(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        marks = ", ".join("?" for _column in columns)
        self.raw.cursor().executemany(self.sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"), rows)

    def close(self) -> None:
        self.raw.close()

    def ready(self) -> None:
        """Settings made once the store is known to be ours."""


class SQLite(Connection):
    """An SQLite store. A writer (``write``: import, roster, a migration) opens the file read-write;
    a reader opens it so that it can never change it – read-write but ``query_only`` where the
    file and its folder may be written (so that it tidies its -wal and -shm files as any
    connection does), else read-only (``mode=ro``: a file of mode 444, a shared copy), else, where
    not even SQLite's -shm file can be made beside it (a folder that cannot be written), as an
    immutable file: nothing is writing it then, since a writer's -shm would be there."""

    dialect = "sqlite"

    def __init__(self, location: str, create: bool, write: bool | None = None) -> None:
        import sqlite3

        super().__init__(location)
        self.errors = sqlite3.DatabaseError
        self.writer = create if write is None else write
        path = Path(location)
        self._check_place(path, create)
        if self.writer:
            try:
                self.raw = self._connect(location)
            except sqlite3.DatabaseError as exc:
                if location != ":memory:" and not path.exists():
                    raise InputError(
                        _("cannot make the store file: its folder cannot be written"),
                        file=location,
                        hint=_("give --db a file in a folder you may write, or set CCQ_STATS_DB"),
                    ) from None
                raise self.translate(exc) from None
        else:
            self.raw = self._connect_reader(path)

    def _check_place(self, path: Path, create: bool) -> None:
        """What is at the store's path, before SQLite opens it: nothing (a new store, if
        ``create``), a regular file – never a folder, a FIFO (opening one would wait for ever), a
        device or a socket – and a folder that can hold it."""
        location = self.location
        try:
            mode = os.stat(path).st_mode if location != ":memory:" else None
        except FileNotFoundError:
            mode = None
        except NotADirectoryError:
            raise InputError(
                _("the store's path goes through a file as if it were a folder"),
                file=location,
                hint=_("give --db a file name in a folder, e.g. --db ccq.sqlite"),
            ) from None
        except OSError as exc:
            raise InputError(
                _("cannot reach the store: {reason}").format(reason=exc.strerror),
                file=location,
                hint=_("check that you may read the folders on the store's path"),
            ) from None
        if mode is None and not create:
            raise InputError(
                _("no store here"),
                file=location,
                hint=_("import some files first: ccq-stats import PATH --db {location}").format(location=location),
            )
        if mode is not None and stat.S_ISDIR(mode):
            raise InputError(
                _("the store is a folder, not a file"), file=location, hint=_("give a file name, e.g. --db ccq.sqlite")
            )
        if mode is not None and not stat.S_ISREG(mode):
            raise InputError(
                _("the store is not a regular file (a FIFO, a device or a socket)"),
                file=location,
                hint=_("give the store's file with --db, or a new file name to start a store"),
            )
        if mode is None and create and location != ":memory:":
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(
                    _("cannot make the store's folder: {reason}").format(reason=exc.strerror),
                    file=str(path.parent),
                    hint=_("give --db a file in a folder you may write, or set CCQ_STATS_DB"),
                ) from None

    def _connect(self, target: str, uri: bool = False, probe: bool = False):
        """A connection with the wait for the write lock set; ``probe``: read the schema once, so
        that a file SQLite cannot open, or whose -shm it cannot make, fails here."""
        import sqlite3

        raw = None
        try:
            raw = sqlite3.connect(target, timeout=self.timeout, isolation_level=None, uri=uri)
            raw.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            if probe:
                raw.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError as exc:
            if raw is not None:
                raw.close()
            raise exc
        return raw

    def _connect_reader(self, path: Path):
        import sqlite3

        uri = path.resolve().as_uri()
        try:
            if os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK):
                try:
                    raw = self._connect(uri + "?mode=rw", uri=True, probe=True)
                    raw.execute("PRAGMA query_only = ON")
                    return raw
                except sqlite3.DatabaseError as exc:
                    if not _read_only_error(exc):
                        raise
            try:
                return self._connect(uri + "?mode=ro", uri=True, probe=True)
            except sqlite3.DatabaseError as exc:
                if not _read_only_error(exc):
                    raise
            wal = Path(str(path) + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise InputError(
                    _(
                        "the store has changes not yet written into its file (its -wal file), and its folder cannot be written"
                    ),
                    file=self.location,
                    hint=_("open it once where its folder may be written (any ccq-stats command), then share the file"),
                )
            return self._connect(uri + "?mode=ro&immutable=1", uri=True, probe=True)
        except sqlite3.DatabaseError as exc:
            raise self.translate(exc) from None

    def reopened_for_writing(self) -> SQLite:
        """The same store opened read-write (to migrate an older store)."""
        self.close()
        return SQLite(self.location, create=False, write=True)

    def ready(self) -> None:
        """Once the file is known to be a ccq-stats store (or a new one): WAL, so that readers
        never wait for an import. Never done to someone else's database."""
        self.execute("PRAGMA journal_mode = WAL")
        self.execute("PRAGMA synchronous = NORMAL")  # with WAL: a crash may lose the last import, never corrupt

    @contextlib.contextmanager
    def writing(self):
        """One write transaction holding the store's only write lock. Whatever fails inside it
        (a full disk, a read-only file) is rolled back – if SQLite has not already rolled it back
        itself, as it does on a full disk – and said in one line."""
        import sqlite3

        try:
            self.raw.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self.translate(exc) from None
        try:
            yield self
            self.raw.execute("COMMIT")
        except BaseException as exc:
            if self.raw.in_transaction:
                with contextlib.suppress(sqlite3.DatabaseError):
                    self.raw.execute("ROLLBACK")
            if isinstance(exc, sqlite3.DatabaseError):
                raise self.translate(exc) from None
            raise

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
        return {r[0] for r in self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def translate(self, exc: Exception) -> InputError:
        text = str(exc)
        name = getattr(exc, "sqlite_errorname", "") or ""
        if "locked" in text or "busy" in text:
            return InputError(
                _("the store is locked by another run for more than {seconds} s").format(
                    seconds=seconds_text(self.timeout)
                ),
                file=self.location,
                hint=_(
                    "wait for the other import to finish (CCQ_STATS_DB_TIMEOUT sets the wait); never keep the store on a network share"
                ),
            )
        if "not a database" in text or "malformed" in text or "encrypted" in text:
            return InputError(
                _("not a ccq-stats store (not an SQLite database)"),
                file=self.location,
                hint=_("give the store's file with --db, or a new file name to start a store"),
            )
        if _read_only_error(exc) and "unable to open" not in text:
            return InputError(
                _("the store cannot be written here: the file, or its folder, is read-only"),
                file=self.location,
                hint=_(
                    "reading it needs no write; importing (or upgrading an older store) does: ask for write access, or import into a copy"
                ),
            )
        if name.startswith(("SQLITE_FULL", "SQLITE_IOERR")) or "disk I/O error" in text or "disk is full" in text:
            return InputError(
                _("the store's disk failed ({reason}): it is full, or the file cannot be read or written there").format(
                    reason=text
                ),
                file=self.location,
                hint=_("free some space, or check the disk, and run again; a failed import changed nothing"),
            )
        if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
            return InputError(
                _("cannot open the store file"),
                file=self.location,
                hint=_("check that you may read the file and its folder (and, to import, write them)"),
            )
        return InputError(
            _("the store cannot be used: {reason}").format(reason=text),
            file=self.location,
            hint=_("check the file and the folder's permissions"),
        )


def _read_only_error(exc: Exception) -> bool:
    """SQLite could not write what it needed: the file, or its -shm beside it (a read-only
    folder gives SQLITE_READONLY_DIRECTORY, or, in older versions, SQLITE_CANTOPEN)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) or "readonly" in str(exc)


class PostgreSQL(Connection):
    dialect = "postgresql"

    def __init__(self, location: str, create: bool) -> None:
        super().__init__(location)
        try:
            import psycopg
        except ImportError:
            raise InputError(
                _("a PostgreSQL store needs the psycopg package"),
                file=shown(location),
                hint=_("pip install 'ccq-stats[postgresql]'"),
            ) from None
        self.errors = psycopg.Error
        try:
            self.raw = psycopg.connect(location, autocommit=True, connect_timeout=max(1, int(self.timeout)))
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(
                _("cannot connect to the store: {reason}").format(reason=shown(first, location)),
                file=shown(location),
                hint=_("check the server is running and the URL's user, password and database"),
            ) from None

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
        return {
            r[0]
            for r in self.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        }

    def translate(self, exc: Exception) -> InputError:
        import psycopg

        if isinstance(exc, psycopg.errors.LockNotAvailable):
            return InputError(
                _("the store is locked by another run for more than {seconds} s").format(
                    seconds=seconds_text(self.timeout)
                ),
                file=shown(self.location),
                hint=_("wait for the other import to finish (CCQ_STATS_DB_TIMEOUT sets the wait)"),
            )
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return InputError(
            _("the store cannot be used: {reason}").format(reason=shown(first, self.location)),
            file=shown(self.location),
            hint=_("check the server, the URL and the user's rights on the database"),
        )


def connect(location: str, *, create: bool, write: bool | None = None) -> Connection:
    """Open the store at ``location`` (a file path, a postgresql:// URL or a conninfo string);
    ``write`` [default: ``create``]: for an import, a roster or a migration (an SQLite reader
    opens the file so that it cannot change it)."""
    return PostgreSQL(location, create) if is_url(location) else SQLite(location, create, write)
