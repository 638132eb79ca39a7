"""Stores for the store tests: a fresh SQLite file, or a database on a PostgreSQL server these
tests start themselves (initdb + pg_ctl in a temporary folder, as an unprivileged user when
run as root, since postgres refuses root). Skipped, with the reason, where no server starts.

Import ``store_location`` (and ``postgres_url``) into a test module to use them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest

BIN_DIRS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "nobody", "--"] + argv
    return argv


@pytest.fixture(scope="session")
def postgres_url():
    """A running PostgreSQL server for this test session: its base URL (no database)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install 'ccq-stats[postgresql]')")
    bindir = next((d for d in BIN_DIRS if os.path.exists(os.path.join(d, "pg_ctl"))), None)
    if bindir is None and shutil.which("pg_ctl"):
        bindir = os.path.dirname(shutil.which("pg_ctl"))
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine; apt-get install postgresql")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: postgres refuses to run as root")
    top = tempfile.mkdtemp(prefix="ccq-pg-")
    os.chmod(top, 0o755)
    data = os.path.join(top, "data")
    os.mkdir(data)
    if os.geteuid() == 0:
        shutil.chown(top, "nobody")
        shutil.chown(data, "nobody")
    port = _free_port()
    init = subprocess.run(
        _as_owner(
            [
                os.path.join(bindir, "initdb"),
                "-D",
                data,
                "-U",
                "ccq",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        ),
        capture_output=True,
        text=True,
    )
    if init.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        pytest.skip(
            f"initdb failed: {init.stderr.strip().splitlines()[-1] if init.stderr.strip() else init.returncode}"
        )
    options = f"-p {port} -k {top} -h 127.0.0.1 -c fsync=off -c full_page_writes=off"
    start = subprocess.run(
        _as_owner(
            [
                os.path.join(bindir, "pg_ctl"),
                "-D",
                data,
                "-o",
                options,
                "-l",
                os.path.join(top, "log"),
                "-w",
                "-t",
                "30",
                "start",
            ]
        ),
        capture_output=True,
        text=True,
    )
    if start.returncode != 0:
        shutil.rmtree(top, ignore_errors=True)
        pytest.skip(f"the PostgreSQL server did not start: {start.stderr.strip() or start.stdout.strip()}")
    try:
        yield f"postgresql://ccq@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_owner([os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "-t", "10", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(top, ignore_errors=True)


def new_database(base_url: str) -> str:
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base_url + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{base_url}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path, monkeypatch):
    """A location for a new, empty store: an SQLite file, then a PostgreSQL database.
    ``CCQ_STATS_DB`` points at it, so that no test ever touches the user's own store."""
    if request.param == "sqlite":
        location = str(tmp_path / "store" / "ccq.sqlite")
    else:
        location = new_database(request.getfixturevalue("postgres_url"))
    monkeypatch.setenv("CCQ_STATS_DB", location)
    return location
