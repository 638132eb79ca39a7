"""The store: import (idempotent, replace semantics, atomic under SIGKILL, two at once),
classify/check/report from the store equal to the files, history, errors – on SQLite and on a
PostgreSQL server the tests start (see test_store_server.py)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT, make_csv, rows_of, run
from test_store_server import postgres_url, store_location  # noqa: F401  (fixtures)

UNITS = ["Tên tổ chức đảng", "Năm", "Xếp loại"]
MEMBERS = ["Họ và tên", "Chi bộ", "Năm", "Xếp loại"]


def figures_of(csv_text: str) -> dict:
    return {(int(r[0]), r[1], r[2]): int(r[4]) for r in rows_of(csv_text)[1:]}


def dump(location: str) -> dict:
    """Every table's rows, sorted: the store's whole content."""
    from ccq_stats.store import Store

    with Store.open(location) as store:
        tables = sorted(store.conn.tables())
        return {t: sorted(map(repr, store.conn.rows(f"SELECT * FROM {t}"))) for t in tables}


@pytest.fixture
def season(tmp_path):
    """Hand-built 2019 files: four chi bộ rated, members of Chi bộ A."""
    units = make_csv(
        tmp_path / "to_chuc_2019.csv",
        [
            UNITS,
            ["Chi bộ A", 2019, "HTXSNV"],
            ["Chi bộ B", 2019, "HTTNV"],
            ["Chi bộ C", 2019, "HTNV"],
            ["Chi bộ E", 2019, "HTTNV"],
        ],
    )
    members = make_csv(
        tmp_path / "dang_vien_a_2019.csv",
        [
            MEMBERS,
            ["Người 1", "Chi bộ A", 2019, "HTXSNV"],
            ["Người 2", "Chi bộ A", 2019, "HTTNV"],
            ["Người 3", "Chi bộ A", 2019, "HTTNV"],
            ["Người 4", "Chi bộ A", 2019, "HTNV"],
        ],
    )
    return units, members


def test_import_then_classify_from_the_store(store_location, season):
    units, members = season
    result = run("import", units, members)
    assert result.exit_code == 0, result.stderr
    assert "2019: organisations 5 added, 0 changed, 0 unchanged; records 8 added, 0 changed, 0 removed" in result.stderr
    got = figures_of(run("classify", "--format", "csv").stdout)  # no PATH: the store
    assert (
        got[(2019, "units", "total")],
        got[(2019, "units", "top")],
        got[(2019, "units", "good")],
        got[(2019, "units", "pass")],
    ) == (4, 1, 2, 1)
    assert (got[(2019, "members", "total")], got[(2019, "members", "top")], got[(2019, "members", "good")]) == (4, 1, 2)


def test_importing_the_same_files_again_changes_nothing(store_location, season):
    units, members = season
    assert run("import", units, members).exit_code == 0
    before = dump(store_location)
    again = run("import", units, members)
    assert again.exit_code == 0
    assert "nothing changed" in again.stderr
    assert dump(store_location) == before  # not even a line in the import log


def test_a_corrected_file_replaces_its_organisations_and_says_what_changed(store_location, season, tmp_path):
    units, members = season
    assert run("import", units, members).exit_code == 0
    # the correction: B rated HTXSNV now, D new; A as before; C and E not in the file (kept)
    fixed = make_csv(
        tmp_path / "to_chuc_2019_sua.csv",
        [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTXSNV"], ["Chi bộ D", 2019, "HTNV"]],
    )
    result = run("import", fixed)
    assert result.exit_code == 0, result.stderr
    assert "2019: organisations 1 added, 1 changed, 1 unchanged; records 1 added, 1 changed, 0 removed" in result.stderr
    assert "2019 Chi bộ B [units]: top 0 → 1, good 1 → 0" in result.stderr
    got = figures_of(run("classify", "--format", "csv").stdout)
    # A top, B top, C pass, D pass, E good
    assert (
        got[(2019, "units", "total")],
        got[(2019, "units", "top")],
        got[(2019, "units", "good")],
        got[(2019, "units", "pass")],
    ) == (5, 2, 1, 2)
    # Chi bộ A's member list corrected: Người 1 HTTNV, Người 4 left out -> one rating changed, one removed
    fixed_members = make_csv(
        tmp_path / "dang_vien_a_sua.csv",
        [
            MEMBERS,
            ["Người 1", "Chi bộ A", 2019, "HTTNV"],
            ["Người 2", "Chi bộ A", 2019, "HTTNV"],
            ["Người 3", "Chi bộ A", 2019, "HTTNV"],
        ],
    )
    result = run("import", fixed_members)
    assert "records 0 added, 1 changed, 1 removed" in result.stderr
    assert "top 1 → 0, good 2 → 3, pass 1 → 0" in result.stderr
    got = figures_of(run("classify", "--format", "csv").stdout)
    assert (
        got[(2019, "members", "total")],
        got[(2019, "members", "top")],
        got[(2019, "members", "good")],
        got[(2019, "members", "pass")],
    ) == (3, 0, 3, 0)
    # the organisations' ratings are untouched by the member file
    assert got[(2019, "units", "top")] == 2


def test_dry_run_writes_nothing(store_location, season):
    units, members = season
    assert run("import", units).exit_code == 0
    before = dump(store_location)
    result = run("import", members, "--dry-run")
    assert result.exit_code == 0 and "would import" in result.stderr
    assert dump(store_location) == before


def test_bad_input_is_refused_like_classify_and_the_store_is_untouched(store_location, season, tmp_path):
    units, _ = season
    assert run("import", units).exit_code == 0
    before = dump(store_location)
    bad = make_csv(tmp_path / "xep_loai.csv", [UNITS, ["Chi bộ A", 2019, "Khá"]])
    result = run("import", bad)
    assert result.exit_code == 2
    assert result.stderr == run("classify", bad).stderr  # same one-line error
    assert dump(store_location) == before


def _importer(location: str, path, *, pause: bool) -> subprocess.Popen:
    """A real child process importing ``path``; with ``pause`` it stops just after deleting and
    writing the records, inside its transaction, says "ready" and waits to be killed."""
    code = textwrap.dedent(f"""
        import sys, time
        from ccq_stats.store import Store
        original = Store._replace
        def replace(self, *args):
            original(self, *args)
            if {pause!r}:
                print("ready", flush=True)
                time.sleep(120)
        Store._replace = replace
        from ccq_stats.cli import main
        sys.argv = ["ccq-stats", "import", {str(path)!r}, "--db", {location!r}]
        main()
    """)
    return subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT
    )


@pytest.mark.slow
def test_an_import_killed_midway_leaves_the_store_unchanged_and_usable(store_location, season, tmp_path):
    units, members = season
    assert run("import", units).exit_code == 0
    before = dump(store_location)
    main_file = Path(store_location).read_bytes() if not store_location.startswith("postgresql") else None
    fixed = make_csv(tmp_path / "sua.csv", [UNITS, ["Chi bộ A", 2019, "HTNV"], ["Chi bộ B", 2019, "HTNV"]])
    child = _importer(store_location, fixed, pause=True)
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    if main_file is not None:
        assert Path(store_location).read_bytes() == main_file  # the database file, byte for byte
        with sqlite3.connect(store_location) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    time.sleep(0.2 if main_file is None else 0)  # PostgreSQL: the server notices the dead client
    assert dump(store_location) == before
    result = run("import", members)  # and the store is usable
    assert result.exit_code == 0, result.stderr
    assert figures_of(run("classify", "--format", "csv").stdout)[(2019, "members", "total")] == 4


@pytest.mark.slow
def test_two_imports_at_once_both_land(store_location, season):
    units, members = season
    first, second = _importer(store_location, units, pause=False), _importer(store_location, members, pause=False)
    for child in (first, second):
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    got = figures_of(run("classify", "--format", "csv").stdout)
    assert (got[(2019, "units", "total")], got[(2019, "members", "total")]) == (4, 4)
    assert [
        i["records"] for i in __import__("ccq_stats.api", fromlist=["history"]).history(store_location)["imports"]
    ] in ([4, 4], [4, 4])


def test_a_store_locked_too_long_is_a_one_line_error(store_location, monkeypatch, season):
    units, members = season
    assert run("import", units).exit_code == 0
    monkeypatch.setenv("CCQ_STATS_DB_TIMEOUT", "0.3")
    before = dump(store_location)
    if store_location.startswith("postgresql"):  # another run in the middle of an import holds the lock
        import psycopg

        from ccq_stats.store.backends import WRITE_LOCK

        holder = psycopg.connect(store_location)
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
    else:
        holder = sqlite3.connect(store_location, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        result = run("import", members)
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"ccq-stats: error: {store_location}: the store is locked by another run for more than 0.3 s"
    )
    assert result.stderr.count("\n") == 1
    assert waited >= 0.3
    assert dump(store_location) == before


def test_what_is_not_a_store_is_refused(tmp_path, season):
    units, _ = season
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all, but long enough to be read as one " * 20)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    for path, words in ((text, "not an SQLite database"), (other, "a database with other tables")):
        before = path.read_bytes()
        result = run("import", units, "--db", path)
        assert result.exit_code == 2 and f"not a ccq-stats store ({words})" in result.stderr
        assert path.read_bytes() == before
    missing = run("classify", "--db", tmp_path / "none.sqlite")
    assert missing.exit_code == 2 and "no store here" in missing.stderr


def test_postgresql_server_that_does_not_answer_is_a_one_line_error():
    pytest.importorskip("psycopg")
    result = run("classify", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert result.exit_code == 2 and "cannot connect to the store" in result.stderr and "secret" not in result.stderr


def test_the_store_keeps_no_member_names(tmp_path, season):
    _, members = season
    location = tmp_path / "ccq.sqlite"
    assert run("import", members, "--db", location).exit_code == 0
    raw = location.read_bytes() + (
        location.with_name("ccq.sqlite-wal").read_bytes() if location.with_name("ccq.sqlite-wal").exists() else b""
    )
    assert "Người 1".encode() not in raw and "người 1".encode() not in raw
    result = run("check", "--db", location, "--names")
    assert result.exit_code == 2 and "keeps no members' names" in result.stderr


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_store(request, tmp_path_factory):
    """The sample data imported file by file, the organisation workbooks first, then each
    year's members, as a Ban Tổ chức would through a season."""
    if request.param == "sqlite":
        location = str(tmp_path_factory.mktemp("sample") / "ccq.sqlite")
    else:
        from test_store_server import new_database

        location = new_database(request.getfixturevalue("postgres_url"))
    files = [
        "to_chuc_co_so_dang_2015-2019.xlsx",
        "chi_bo_truc_thuoc.xlsx",
        "dang_vien_2015.xlsx",
        "dang_vien_2016.xlsx",
        "dang_vien_2017.xlsx",
        "dang_vien_2018.csv",
        "so_luong_dang_vien_2019.xlsx",
    ]
    old = os.getcwd()
    os.chdir(ROOT)  # the files named as a user names them: sample_data/…
    try:
        for name in files:
            result = run("import", f"sample_data/{name}", "--db", location, "--quiet")
            assert result.exit_code == 0, result.stderr
    finally:
        os.chdir(old)
    return location


STORE_EQUALS_FILES = {
    "classify": ["classify", "--format", "csv"],
    "classify_by_unit": ["classify", "--format", "csv", "--by", "unit", "--base", "total"],
    "check": ["check", "--format", "csv"],
    "report_term": ["report", "--term", "2015-2020", "--date", "2020-10-21"],
}


@pytest.fixture(scope="module")
def from_files():
    """What the commands give from the files (read once for both back-ends)."""
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        out = {}
        for name, args in STORE_EQUALS_FILES.items():
            result = run(*args, "sample_data")
            assert result.exit_code == 0
            out[name] = result.stdout
        return out
    finally:
        os.chdir(old)


@pytest.mark.slow
def test_the_store_gives_what_the_files_give(sample_store, from_files):
    for name, args in STORE_EQUALS_FILES.items():
        from_store = run(*args, "--db", sample_store)
        assert from_store.exit_code == 0, from_store.stderr
        text = from_store.stdout
        if name.startswith(
            "report"
        ):  # a report from the store names the store state it was built from, in a comment at its end
            text, comment = text.rsplit("<!-- ", 1)
            assert comment.startswith("ccq-stats store: import 7, "), comment
        assert text == from_files[name], name
        assert len(from_store.stdout) > 500


@pytest.mark.slow
def test_history_lists_the_imports_and_an_organisations_years(sample_store):
    import re

    result = run("history", "--db", sample_store, "--org", "chi bộ sở tư pháp")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert sum(1 for line in lines if "sample_data/" in line) == 7
    row = next(line for line in lines if line.startswith("Chi bộ Sở Tư pháp"))
    assert len(re.split(r"\s{2,}", row.strip())) == 1 + 5  # the name, then one rating per year 2015–2019
    unknown = run("history", "--db", sample_store, "--org", "Chi bộ Sở Tư phap")
    assert unknown.exit_code == 2 and "did you mean 'Chi bộ Sở Tư pháp'" in unknown.stderr


def test_history_of_an_organisation_by_hand(store_location, season, tmp_path):
    units, _ = season
    earlier = make_csv(tmp_path / "to_chuc_2018.csv", [UNITS, ["Chi bộ A", 2018, "HTTNV"], ["Chi bộ B", 2018, "HTNV"]])
    assert run("import", earlier).exit_code == 0 and run("import", units).exit_code == 0
    result = run("history", "--org", "CHI BỘ A")
    assert result.exit_code == 0, result.stderr
    rows = [line.split("  ") for line in result.stdout.splitlines()]
    ratings = [[c.strip() for c in r if c.strip()] for r in rows if r[0].startswith("Chi bộ")]
    assert ratings == [["Chi bộ A", "HTTNV", "HTXSNV"]]
    assert "to_chuc_2018.csv" in result.stdout and "to_chuc_2019.csv" in result.stdout
    only_2018 = run("history", "--year", "2018")
    assert "to_chuc_2019.csv" not in only_2018.stdout and "Chi bộ E" not in only_2018.stdout


def test_classify_without_path_or_store_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("CCQ_STATS_DB", str(tmp_path / "none.sqlite"))
    result = run("classify")
    assert result.exit_code == 2 and "no PATH given and no store yet" in result.stderr


COUNTS = ["Chi bộ", "Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def test_findings_made_while_reading_are_kept_and_replaced(store_location, tmp_path):
    # a member-count form whose totals row says 10 HTTNV where the rows above add up to 5 + 4 = 9
    counts = make_csv(
        tmp_path / "so_luong_2019.csv",
        [COUNTS, ["Chi bộ A", 2019, 1, 5, 2, 0], ["Chi bộ B", 2019, 0, 4, 1, 1], ["Tổng cộng", 2019, 1, 10, 3, 1]],
    )
    assert run("import", counts, "--quiet").exit_code == 0
    from_store, from_file = run("check", "--format", "csv"), run("check", counts, "--format", "csv")
    assert from_store.stdout == from_file.stdout
    assert "totals_row" in from_store.stdout and "stated=10; sum=9" in from_store.stdout
    # the corrected form, under another name, replaces A and B: the old form's finding goes with its records
    fixed = make_csv(
        tmp_path / "so_luong_2019_sua.csv",
        [COUNTS, ["Chi bộ A", 2019, 1, 5, 2, 0], ["Chi bộ B", 2019, 0, 4, 1, 1], ["Tổng cộng", 2019, 1, 9, 3, 1]],
    )
    assert run("import", fixed, "--quiet").exit_code == 0
    assert "totals_row" not in run("check", "--format", "csv").stdout


def test_a_store_of_a_newer_ccq_stats_is_refused(tmp_path, season):
    from ccq_stats.store.schema import VERSION

    units, _ = season
    location = tmp_path / "ccq.sqlite"
    assert run("import", units, "--db", location).exit_code == 0
    with sqlite3.connect(location) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    result = run("classify", "--db", location)
    assert result.exit_code == 2 and f"made by a newer ccq-stats (schema 99, this one knows {VERSION})" in result.stderr
