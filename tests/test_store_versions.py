"""The store forgets nothing (issue 24): versions, --as-of, documents reproducible byte for byte,
report --month as of the month's end, history with corrections, import --revert, the migration
of a store written before versions – on SQLite and on a PostgreSQL server (test_store_server.py).
Also issue 20 items 11 and 15: the same files under another path spelling change nothing; a
corrected file that changes its year says the old year is still there."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from conftest import ROOT, make_csv, rows_of, run
from test_store import _importer
from test_store_server import postgres_url, store_location  # noqa: F401  (fixtures)

UNITS = ["Tên tổ chức đảng", "Năm", "Xếp loại"]
FIXED = "Chi bộ Sở Tư pháp"  # rated HTXSNV for 2019 in the sample's organisation workbook


def counts(csv_text: str) -> dict:
    return {(int(r[0]), r[1], r[2]): int(r[4]) for r in rows_of(csv_text)[1:]}


def at(*times: str):
    """A stand-in for the store's clock: each import takes the next of ``times``."""
    queue = list(times)
    return lambda: queue.pop(0)


def without_state(text: str) -> str:
    """An md report without the comment naming its store state (the only part an import number changes)."""
    return text.rsplit("<!-- ccq-stats store: ", 1)[0]


def test_a_correction_is_a_version_and_every_earlier_state_comes_back(store_location, tmp_path, monkeypatch):
    import ccq_stats.store as store_module

    monkeypatch.setattr(
        store_module,
        "now_utc",
        at("2019-12-20T03:00:00+00:00", "2020-02-10T03:00:00+00:00", "2020-03-02T03:00:00+00:00"),
    )
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    out.mkdir()
    assert run("import", "sample_data", "--quiet").exit_code == 0
    from_files = counts(run("classify", "sample_data", "-f", "csv").stdout)
    first = {}
    for suffix in ("md", "docx", "xlsx"):
        result = run("report", "--year", "2019", "--date", "2020-01-15", "-o", out / f"first.{suffix}")
        assert result.exit_code == 0, result.stderr
        first[suffix] = (out / f"first.{suffix}").read_bytes()
    assert run("forms", "--year", "2019", "--date", "2020-01-15", "-o", out / "forms_first.xlsx").exit_code == 0
    month_before = run("report", "--month", "2019-12", "--date", "2020-01-02")
    assert month_before.exit_code == 0, month_before.stderr
    assert "<!-- ccq-stats store: import 1, 2019-12-20T03:00:00+00:00 -->" in first["md"].decode()

    fixed = make_csv(tmp_path / "to_chuc_2019_sua.csv", [UNITS, [FIXED, 2019, "Hoàn thành tốt nhiệm vụ"]])
    result = run("import", fixed)
    assert result.exit_code == 0, result.stderr
    assert f"2019 {FIXED} [units]: top 1 → 0, good 0 → 1" in result.stderr

    # the current figures show the correction: one organisation moved from top to good in 2019
    now = counts(run("classify", "-f", "csv").stdout)
    assert now[(2019, "units", "top")] == from_files[(2019, "units", "top")] - 1
    assert now[(2019, "units", "good")] == from_files[(2019, "units", "good")] + 1
    assert {k: v for k, v in now.items() if k[0] != 2019} == {k: v for k, v in from_files.items() if k[0] != 2019}
    current = run("report", "--year", "2019", "--date", "2020-01-15", "-o", out / "now.md")
    assert current.exit_code == 0
    assert without_state((out / "now.md").read_text("utf-8")) != without_state(first["md"].decode())

    # --as-of the first state: the documents come back byte for byte, and so do the figures
    for suffix in ("md", "docx", "xlsx"):
        result = run("report", "--year", "2019", "--date", "2020-01-15", "--as-of", "1", "-o", out / f"again.{suffix}")
        assert result.exit_code == 0, result.stderr
        assert (out / f"again.{suffix}").read_bytes() == first[suffix], suffix
    assert (
        run("forms", "--year", "2019", "--date", "2020-01-15", "--as-of", "1", "-o", out / "forms_again.xlsx").exit_code
        == 0
    )
    assert (out / "forms_again.xlsx").read_bytes() == (out / "forms_first.xlsx").read_bytes()
    assert (
        counts(run("classify", "-f", "csv", "--as-of", "2020-01-31").stdout) == from_files
    )  # a date: the end of that day
    as_of = run("classify", "-f", "csv", "--as-of", "1")
    assert counts(as_of.stdout) == from_files
    assert "from the store as of import 1 (2019-12-20T03:00:00+00:00)" in as_of.stderr

    # the summary of December, written in March, shows December's figures
    month_after = run("report", "--month", "2019-12", "--date", "2020-01-02")
    assert month_after.stdout == month_before.stdout
    assert run("report", "--month", "2019-12", "--date", "2020-01-02", "--as-of", "2").stdout != month_before.stdout

    # history: both versions, with their imports and files; and what changed after a report was signed
    history = run("history", "--org", FIXED)
    assert history.exit_code == 0, history.stderr
    assert "HTXSNV (1, to_chuc_co_so_dang_2015-2019.xlsx) → HTTNV (2, to_chuc_2019_sua.csv)" in history.stdout
    assert "HTXSNV (1" not in run("history", "--org", FIXED, "--as-of", "1").stdout  # one version then
    since = run("history", "--changes", "--since", "2020-01-15")
    assert since.exit_code == 0, since.stderr
    changed = [line for line in since.stdout.splitlines() if FIXED in line]
    assert len(changed) == 1 and "HTXSNV" in changed[0] and "HTTNV" in changed[0], since.stdout

    # import --revert 2: --dry-run says it and writes nothing; then the current report is the first one again
    dry = run("import", "--revert", "2", "--dry-run")
    assert (
        dry.exit_code == 0
        and "would undo" in dry.stderr
        and f"2019 {FIXED} [units]: top 0 → 1, good 1 → 0" in dry.stderr
    )
    assert run("classify", "--as-of", "3").exit_code == 2  # no import 3 was written
    undone = run("import", "--revert", "2")
    assert undone.exit_code == 0 and "(import 3)" in undone.stderr, undone.stderr
    assert counts(run("classify", "-f", "csv").stdout) == from_files
    assert run("report", "--year", "2019", "--date", "2020-01-15", "-o", out / "reverted.md").exit_code == 0
    reverted = (out / "reverted.md").read_text("utf-8")
    assert without_state(reverted) == without_state(first["md"].decode())
    assert "<!-- ccq-stats store: import 3, 2020-03-02T03:00:00+00:00 -->" in reverted
    assert (
        counts(run("classify", "-f", "csv", "--as-of", "2").stdout) == now
    )  # the correction is still there, as a version


def test_revert_refuses_when_a_later_import_changed_the_same_records(store_location, tmp_path):
    base = make_csv(tmp_path / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]])
    one = make_csv(tmp_path / "sua_1.csv", [UNITS, ["Chi bộ A", 2019, "HTTNV"]])
    two = make_csv(tmp_path / "sua_2.csv", [UNITS, ["Chi bộ A", 2019, "HTNV"]])
    for path in (base, one, two):
        assert run("import", path).exit_code == 0
    refused = run("import", "--revert", "2")
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert "2019 Chi bộ A by import 3" in refused.stderr and "revert the later imports first" in refused.stderr
    assert run("import", "--revert", "3").exit_code == 0  # newest first: then 2
    assert run("import", "--revert", "2").exit_code == 0
    assert counts(run("classify", "-f", "csv").stdout)[(2019, "units", "top")] == 1
    assert run("import", "--revert", "9").exit_code == 2


def test_the_same_files_under_another_spelling_of_their_path_change_nothing(store_location, tmp_path, monkeypatch):
    folder = tmp_path / "sd"
    folder.mkdir()
    make_csv(folder / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"]])
    monkeypatch.chdir(tmp_path)
    assert run("import", "sd/to_chuc_2019.csv").exit_code == 0
    for spelling in (f"{tmp_path}/sd/to_chuc_2019.csv", "./sd/../sd/to_chuc_2019.csv", "sd"):
        again = run("import", spelling)
        assert again.exit_code == 0 and "nothing changed" in again.stderr, (spelling, again.stderr)
    from ccq_stats.store import Store

    with Store.open(store_location) as store:
        assert [i["id"] for i in store.imports()] == [1]


def test_a_corrected_file_that_changes_its_year_says_the_old_year_is_still_there(store_location, tmp_path):
    wrong = make_csv(tmp_path / "tu_phap.csv", [UNITS, ["Chi bộ A", 2018, "HTXSNV"], ["Chi bộ B", 2018, "HTTNV"]])
    assert run("import", wrong).exit_code == 0
    make_csv(wrong, [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]])  # the year corrected, same file
    same_name = run("import", wrong)
    assert same_name.exit_code == 0
    assert (
        "the same file was imported before for 2018" in same_name.stderr
        and "ccq-stats import --revert 1" in same_name.stderr
    )
    renamed = make_csv(tmp_path / "tu_phap_sua.csv", [UNITS, ["Chi bộ A", 2020, "HTXSNV"], ["Chi bộ B", 2020, "HTTNV"]])
    by_orgs = run("import", renamed)
    assert "for 2018" in by_orgs.stderr and "for 2019" in by_orgs.stderr
    other = make_csv(tmp_path / "to_chuc_2021.csv", [UNITS, ["Chi bộ A", 2021, "HTXSNV"], ["Chi bộ B", 2021, "HTTNV"]])
    assert "imported before" not in run("import", other).stderr  # next year's file of the same organisations: normal


def test_as_of_mistakes_are_one_line(store_location, tmp_path):
    assert run("import", make_csv(tmp_path / "a.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"]])).exit_code == 0
    for value, words in (
        ("7", "no import 7 in the store"),
        ("soon", "neither an import number nor a date"),
        ("2001-01-01", "the store held nothing at the end of 2001-01-01"),
    ):
        result = run("classify", "--as-of", value)
        assert result.exit_code == 2 and words in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert "give no PATH" in run("classify", tmp_path / "a.csv", "--as-of", "1").stderr


def test_a_killed_import_of_versions_leaves_every_as_of_answer_unchanged(store_location, tmp_path):
    base = make_csv(tmp_path / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]])
    one = make_csv(tmp_path / "sua_1.csv", [UNITS, ["Chi bộ A", 2019, "HTTNV"]])
    for path in (base, one):
        assert run("import", path).exit_code == 0

    def answers():
        return {n: run("classify", "-f", "csv", *(["--as-of", n] if n else [])).stdout for n in ("1", "2", None)}

    before = answers()
    child = _importer(
        store_location,
        make_csv(tmp_path / "sua_2.csv", [UNITS, ["Chi bộ A", 2019, "HTNV"], ["Chi bộ B", 2019, "HTNV"]]),
        pause=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    time.sleep(0.2)  # PostgreSQL: the server notices the dead client
    assert answers() == before
    assert run("classify", "--as-of", "3").exit_code == 2  # no import 3


# -- a store written before versions (schema 1) -----------------------------------------------


def _old_store(location: str, tmp_path: Path) -> dict:
    """A schema-1 store at ``location`` as ccq-stats wrote it before versions: the schema from
    tests/data/store_schema_1.sql, filled with what that version's import wrote for two imports
    (the rows a new store holds now, without the version columns). Returns the rows per table."""
    from ccq_stats.store import Store
    from ccq_stats.store.backends import connect

    new = str(tmp_path / "new.sqlite")
    first = make_csv(tmp_path / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]])
    second = make_csv(tmp_path / "sua.csv", [UNITS, ["Chi bộ A", 2019, "HTTNV"]])
    for path in (first, second):
        assert run("import", path, "--db", new).exit_code == 0
    with Store.open(new) as store:
        rows = {
            "imports": store.conn.rows(f"SELECT {', '.join(_columns('imports'))} FROM imports"),
            "files": store.conn.rows("SELECT * FROM files"),
            "records": store.conn.rows(f"SELECT {', '.join(_columns('records'))} FROM records WHERE valid_to IS NULL"),
            "findings": [r[:-1] for r in store.conn.rows("SELECT * FROM findings WHERE valid_to IS NULL")],
        }
    rows["roster"] = [(2020, "Chi bộ A", "chi bo a", "", "ds.csv", "2020-01-01T00:00:00+00:00")]
    sql = (Path(__file__).parent / "data" / "store_schema_1.sql").read_text(encoding="utf-8")
    sql = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    statements = [s.strip() for s in sql.split(";") if s.strip()]
    conn = connect(location, create=True)
    with conn.writing():
        for statement in statements:
            conn.execute(statement)
        for table, values in rows.items():
            if values:
                conn.insert_many(table, [c for c in _columns(table)], values)
    conn.close()
    return rows


def _columns(table: str) -> list[str]:
    from ccq_stats.store.schema import RECORD_COLUMNS

    return {
        "imports": [
            "id",
            "at",
            "user_name",
            "host",
            "command",
            "years",
            "records",
            "orgs_added",
            "orgs_changed",
            "orgs_unchanged",
            "records_added",
            "records_changed",
            "records_removed",
            "changes",
        ],
        "files": ["import_id", "file", "sha256", "size"],
        "records": list(RECORD_COLUMNS),
        "findings": [
            "import_id",
            "seq",
            "year",
            "org",
            "org_key",
            "rule_id",
            "severity",
            "message",
            "source",
            "numbers",
            "location",
        ],
        "roster": ["year", "org", "org_key", "org_kind", "source", "at"],
    }[table]


def test_a_store_written_before_versions_is_migrated_without_losing_a_row(store_location, tmp_path):
    from ccq_stats.store import Store
    from ccq_stats.store.schema import VERSION

    rows = _old_store(store_location, tmp_path)
    before = run("classify", "-f", "csv")
    assert before.exit_code == 0, before.stderr
    assert counts(before.stdout)[(2019, "units", "good")] == 2
    with Store.open(store_location) as store:
        assert store.conn.rows("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == str(VERSION)
        assert len(store.conn.rows("SELECT * FROM records WHERE valid_to IS NULL")) == len(rows["records"])
        assert len(store.conn.rows("SELECT * FROM imports")) == len(rows["imports"])
        assert store.roster() == {
            2020: [{"org": "Chi bộ A", "org_kind": "", "source": "ds.csv", "at": "2020-01-01T00:00:00+00:00"}]
        }
    assert counts(run("classify", "-f", "csv", "--as-of", "2").stdout) == counts(before.stdout)
    refused = run("classify", "--as-of", "1")  # replaced before the store kept versions: not known
    assert refused.exit_code == 2 and "keeps its versions since import 2" in refused.stderr
    assert run("import", make_csv(tmp_path / "sua_2.csv", [UNITS, ["Chi bộ A", 2019, "HTNV"]])).exit_code == 0
    assert counts(run("classify", "-f", "csv", "--as-of", "2").stdout) == counts(before.stdout)


def test_a_read_only_store_written_before_versions_is_read_without_migrating(tmp_path):
    """As a user who may only read the store (root ignores file modes: run as nobody)."""
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("needs root and runuser to run as an unprivileged user")
    folder = tmp_path / "shared"
    folder.mkdir()
    location = str(folder / "ccq.sqlite")
    _old_store(location, tmp_path)
    for path in (tmp_path, folder):
        os.chmod(path, 0o755)
    os.chmod(location, 0o644)
    digest = Path(location).read_bytes()
    env = {**os.environ, "CCQ_NO_PROGRESS": "1", "HOME": str(folder), "PYTHONPATH": str(ROOT)}

    def as_nobody(*args):
        return subprocess.run(
            ["runuser", "-u", "nobody", "--", sys.executable, "-m", "ccq_stats", *args, "--db", location],
            capture_output=True,
            text=True,
            env=env,
            cwd="/",
        )

    read = as_nobody("classify", "-f", "csv")
    if "Permission denied" in read.stderr or "No module named" in read.stderr:
        pytest.skip(f"nobody cannot run this checkout: {read.stderr.strip()[:200]}")
    assert read.returncode == 0, read.stderr
    assert counts(read.stdout)[(2019, "units", "good")] == 2
    refused = as_nobody("classify", "--as-of", "2")
    assert (
        refused.returncode == 2
        and refused.stderr.count("\n") == 1
        and "needs one run with write access" in refused.stderr
    )
    assert Path(location).read_bytes() == digest  # untouched


def test_an_old_store_that_cannot_be_migrated_is_read_as_it_is(tmp_path, monkeypatch):
    """The same as the test above where it cannot run (no unprivileged user): the write that
    would migrate is refused, as for a store the user may only read."""
    from ccq_stats.errors import InputError
    from ccq_stats.store import Store

    location = str(tmp_path / "old.sqlite")
    _old_store(location, tmp_path)

    def refused(self):
        raise InputError("attempt to write a readonly database", file=location)

    monkeypatch.setattr(Store, "_migrate", refused)
    read = run("classify", "-f", "csv", "--db", location)
    assert read.exit_code == 0, read.stderr
    assert counts(read.stdout)[(2019, "units", "good")] == 2
    assert "HTTNV" in run("history", "--db", location).stdout
    for args in (["classify", "--as-of", "2"], ["history", "--changes", "--since", "1"]):
        result = run(*args, "--db", location)
        assert (
            result.exit_code == 2
            and "needs one run with write access" in result.stderr
            and result.stderr.count("\n") == 1
        )
    with sqlite3.connect(location) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"
