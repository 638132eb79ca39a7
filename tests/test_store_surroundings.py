"""The store's surroundings, and the outputs' (issue 20, items 7, 8, 9, 10, 12, 14): what is
around the store – its folder, its file's mode, the disk, a FIFO in its place, a damaged schema
version, a settings file – ends a run with one line naming the cause, exit 2 and the store's
bytes unchanged; a read-only store is read; report --db reads the store, not the working
folder; no output carries one format under another's suffix; a database password is never
shown; --recursive does not warn about the folders it reads.

Each case runs the whole program in a subprocess (exit code, stderr, no traceback), but for the
password and --recursive cases, which run in this interpreter (no file mode or limit at stake).

Permissions: the tests run as root here, and root ignores file modes. The permission cases run
the program with root's two overrides of file modes dropped (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH, with ``setpriv``), which makes it obey the modes as any user would; an
unprivileged user such as ``nobody`` (as tests/test_store_server.py uses for the server) cannot
be used for the program itself here, since its interpreter lives under /root. Run as a plain
user, the modes hold anyway. Where neither works, the cases are skipped, saying why.
"""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLE, in_process, rows_of

pytestmark = pytest.mark.slow  # a store made and copied per test; some run the whole program (modes, limits)

FILE = SAMPLE / "dang_vien_2018.csv"
UNSET = ("CCQ_STATS_DB", "PGPASSWORD")  # no store named by the environment, no password
DROP = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search", "--"]


def ccq(*args, cwd=None, env=None, preexec_fn=None, as_user=False, stdout=subprocess.PIPE, timeout=120, real=False):
    """Run ccq-stats; ``as_user``: obeying file modes (see the module's docstring). In a fresh
    interpreter where the process matters (file modes obeyed, limits set before it starts, its
    standard output a device, ``real``: a call that must not hang this process); otherwise in
    this one (conftest.in_process), with the same environment."""
    if not (real or as_user or preexec_fn is not None or stdout is not subprocess.PIPE):
        return in_process(*args, cwd=cwd, env={"CCQ_LANG": "en", "CCQ_NO_PROGRESS": "1", **(env or {})}, unset=UNSET)
    full_env = {k: v for k, v in os.environ.items() if k not in UNSET}
    full_env.update(CCQ_LANG="en", CCQ_NO_PROGRESS="1", **(env or {}))
    argv = [sys.executable, "-m", "ccq_stats", *map(str, args)]
    if as_user and os.geteuid() == 0:
        argv = DROP + argv
    return subprocess.run(
        argv,
        cwd=cwd,
        env=full_env,
        preexec_fn=preexec_fn,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=timeout,
        text=True,
    )


def one_error(result, *words: str) -> str:
    """Exit 2, no traceback, exactly one line on stderr: an error naming the cause (``words``)."""
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in lines if line.startswith("ccq-stats: error: ")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def made_store(tmp_path_factory) -> Path:
    """A store holding the sample members of 2018 (one import), made once for the module."""
    folder = tmp_path_factory.mktemp("store")
    result = ccq("import", FILE, "--db", folder / "ccq.sqlite")
    assert result.returncode == 0, result.stderr
    return folder / "ccq.sqlite"


@pytest.fixture
def store(made_store, tmp_path) -> Path:
    """A copy of the store for one test, in a folder of its own."""
    folder = tmp_path / "kho"
    folder.mkdir()
    shutil.copy(made_store, folder / "ccq.sqlite")
    return folder / "ccq.sqlite"


@pytest.fixture(scope="module")
def modes_hold(tmp_path_factory) -> None:
    """Skip unless the program can be run so that it obeys file modes."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root, and without setpriv root's override of file modes cannot be dropped")
    folder = tmp_path_factory.mktemp("probe")
    folder.chmod(0o555)
    try:
        probe = subprocess.run((DROP if os.geteuid() == 0 else []) + ["touch", str(folder / "x")], capture_output=True)
    finally:
        folder.chmod(0o755)
    if probe.returncode == 0:
        pytest.skip("file modes do not hold here even with root's overrides dropped (setpriv could not drop them)")


@pytest.fixture
def read_only(request):
    """Make paths read-only for the test (files 444, folders 555) and writable again after it,
    so that pytest can remove them."""
    made = []

    def make(*paths: Path) -> None:
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
            made.append(path)

    yield make
    for path in made:
        path.chmod(0o755 if path.is_dir() else 0o644)


def classify_figures(csv_text: str) -> list[list[str]]:
    return rows_of(csv_text)


# -- 7: the store's surroundings ----------------------------------------------------------------


def test_a_new_store_in_a_folder_that_cannot_be_written(modes_hold, read_only, tmp_path):
    folder = tmp_path / "chi_doc"
    folder.mkdir()
    read_only(folder)
    result = ccq("import", FILE, "--db", folder / "ccq.sqlite", as_user=True)
    one_error(result, "folder cannot be written")
    assert list(folder.iterdir()) == []


def test_an_existing_store_in_a_folder_that_cannot_be_written_is_not_imported_into(modes_hold, read_only, store):
    before = digest(store)
    read_only(store.parent)
    result = ccq("import", SAMPLE / "dang_vien_2017.xlsx", "--db", store, as_user=True)
    one_error(result, "read-only")
    assert digest(store) == before
    assert sorted(p.name for p in store.parent.iterdir()) == ["ccq.sqlite"]


def test_an_unwritable_default_location(modes_hold, read_only, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    read_only(home)
    result = ccq("import", FILE, as_user=True, env={"HOME": str(home), "XDG_DATA_HOME": ""})
    line = one_error(result, "cannot make the store's folder", "Permission denied")
    assert str(home) in line
    assert list(home.iterdir()) == []


@pytest.mark.parametrize("command", [["import", FILE], ["history"], ["classify"]])
def test_a_store_path_through_a_file(tmp_path, command):
    (tmp_path / "tep").write_text("not a folder")
    result = ccq(*command, "--db", tmp_path / "tep" / "ccq.sqlite")
    one_error(result, "tep/ccq.sqlite", "goes through a file")
    assert (tmp_path / "tep").read_text() == "not a folder"


@pytest.mark.parametrize("command", [["import", FILE], ["history"], ["report", "--year", "2018"]])
def test_a_fifo_as_the_store_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "kho.sqlite"
    os.mkfifo(fifo)
    result = ccq(*command, "--db", fifo, timeout=60, real=True)  # opening a FIFO to read would wait for ever
    one_error(result, "not a regular file")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_store_file_of_mode_444_during_import(modes_hold, read_only, store):
    before = digest(store)
    read_only(store)
    result = ccq("import", SAMPLE / "dang_vien_2017.xlsx", "--db", store, as_user=True)
    one_error(result, "read-only")
    assert digest(store) == before


def test_a_full_disk_during_import_is_one_line_and_the_store_stays_whole(store):
    """The disk fills while the import writes (RLIMIT_FSIZE: no file of the run may grow past the
    store's size and 64 KB; SIGXFSZ ignored, so a write fails as on a full disk). Today's main:
    "disk I/O error", then a traceback "cannot rollback - no transaction is active"."""
    before = digest(store)
    limit = store.stat().st_size + 64 * 1024

    def full_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = ccq("import", SAMPLE, "--db", store, "--quiet", preexec_fn=full_disk)
    one_error(result, "disk", "full")
    assert digest(store) == before
    # and the store is whole: it reads, with its one import and the 2018 members only
    history = ccq("history", "--db", store)
    assert history.returncode == 0, history.stderr
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT COUNT(*) FROM imports").fetchone() == (1,)
        assert db.execute("SELECT DISTINCT year FROM records").fetchall() == [(2018,)]


@pytest.mark.parametrize("version", ["abc", None, "-1", "0", "1.0"])
def test_a_damaged_schema_version_is_refused_and_untouched(store, version):
    with sqlite3.connect(store) as db:
        if version is None:
            db.execute("DELETE FROM meta WHERE key = 'schema_version'")
        else:
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    db.close()
    before = digest(store)
    for command in (["history"], ["import", SAMPLE / "dang_vien_2017.xlsx"]):
        result = ccq(*command, "--db", store)
        one_error(result, "schema version", "damaged")
        assert digest(store) == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["classify", FILE, "-f", "csv"], ["history", "--db", "STORE"]])
def test_output_to_a_full_device_is_one_line(store, command):
    with open("/dev/full", "w") as full:
        result = ccq(*[str(store) if c == "STORE" else c for c in command], stdout=full)
    one_error(result, "<stdout>", "No space left")


@pytest.mark.parametrize(
    "text, words",
    [
        ("issuer = 5\n", ("issuer must be a table",)),
        ("issuer = 'Đảng ủy'\n", ("issuer must be a table",)),
        # short ids: a test's id goes into PYTEST_CURRENT_TEST, and 200,000 brackets there are over the
        # size of one environment string exec accepts ("Argument list too long" for the subprocess)
        pytest.param("a = " + "[" * 100_000 + "]" * 100_000 + "\n", ("nested too deep",), id="arrays-100000-deep"),
        pytest.param(
            "[issuer]\nabove = " + "{x = " * 100_000 + "}" * 100_000 + "\n",
            ("nested too deep",),
            id="tables-100000-deep",
        ),
    ],
)
def test_a_settings_file_that_is_not_settings(tmp_path, text, words):
    settings = tmp_path / "ccq-stats.toml"
    settings.write_text(text, encoding="utf-8")
    result = ccq("report", "--year", "2018", FILE, "--settings", settings)
    one_error(result, "ccq-stats.toml", *words)
    # the same file found in the working folder, without --settings
    result = ccq("report", "--year", "2018", FILE, cwd=tmp_path)
    one_error(result, "ccq-stats.toml", *words)


def test_a_scales_file_nested_too_deep(tmp_path):
    scales = tmp_path / "nhan.toml"
    scales.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    one_error(ccq("classify", FILE, "--scales", scales), "nhan.toml", "nested too deep")


# -- 8: a read-only store is read ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["folder and file read-only", "file read-only"])
def test_a_read_only_store_is_read(modes_hold, read_only, store, where):
    """A shared copy: the user may read the store but not write it (nor, in the first case, its
    folder, where SQLite cannot even make the -shm file a WAL store needs)."""
    expected = ccq("classify", FILE, "-f", "csv")
    assert expected.returncode == 0
    before = digest(store)
    read_only(store, *([store.parent] if where.startswith("folder") else []))
    for command in (["history"], ["classify", "-f", "csv"], ["report", "--year", "2018"], ["check", "-f", "csv"]):
        result = ccq(*command, "--db", store, as_user=True, cwd=store.parent.parent)
        assert result.returncode == 0, (command, result.stderr)
        assert "error" not in result.stderr and "Traceback" not in result.stderr
        if command[0] == "classify":
            assert rows_of(result.stdout) == rows_of(expected.stdout)  # the store gives what its file gives
    assert digest(store) == before
    if where.startswith("folder"):
        assert sorted(p.name for p in store.parent.iterdir()) == ["ccq.sqlite"]


def test_a_read_only_folder_with_unmerged_changes_is_refused_not_misread(modes_hold, read_only, store):
    """A -wal file with content beside a store whose folder cannot be written: reading the file
    without it would miss changes; one line says what to do."""
    writer = sqlite3.connect(store, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO meta (key, value) VALUES ('a change', 'not yet merged into the file')")
    wal, shm = Path(str(store) + "-wal"), Path(str(store) + "-shm")
    assert wal.stat().st_size > 0
    keep = wal.read_bytes()
    writer.close()  # merges the WAL and removes it; put it back as a crashed writer would leave it
    wal.write_bytes(keep)
    if shm.exists():
        shm.unlink()
    read_only(store, wal, store.parent)
    one_error(ccq("history", "--db", store, as_user=True), "-wal", "folder cannot be written")


# -- 9: report --db reads the store, not the working folder -------------------------------------


def test_report_from_the_store_to_a_file_in_a_folder_without_spreadsheets(store, tmp_path):
    empty = tmp_path / "trong"
    empty.mkdir()
    result = ccq("report", "--year", "2018", "--db", store, "-o", "bao_cao.md", cwd=empty)
    assert result.returncode == 0, result.stderr
    text = (empty / "bao_cao.md").read_text(encoding="utf-8")
    assert "2018" in text
    # and never over the store itself
    before = digest(store)
    result = ccq("report", "--year", "2018", "--db", store, "-f", "md", "-o", store, cwd=empty)
    one_error(result, "one of the inputs")
    assert digest(store) == before


def test_classify_from_the_store_never_writes_over_it(store):
    before = digest(store)
    one_error(ccq("classify", "--db", store, "-f", "csv", "-o", store), "one of the inputs")
    assert digest(store) == before


# -- 10: no format under another format's suffix ------------------------------------------------


@pytest.mark.parametrize(
    "args, name",
    [
        (["report", "--month", "2019-01", "--db", "STORE"], "thang.xlsx"),  # (thang.docx is a docx now: test_month.py)
        (["report", "--month", "2019-01", "--db", "STORE", "-f", "md"], "thang.docx"),
        (["classify", FILE, "-f", "csv"], "ket_qua.html"),
        (["classify", FILE, "-f", "json"], "ket_qua.docx"),
        (["check", FILE, "-f", "csv"], "phat_hien.pdf"),
        (["inspect", FILE], "doc.csv"),
        (["inspect", FILE, "-f", "table"], "doc.json"),
        (["report", "--year", "2018", FILE, "-f", "md"], "bao_cao.docx"),
    ],
)
def test_no_command_writes_one_format_under_another_formats_suffix(store, tmp_path, args, name):
    result = ccq(*[str(store) if a == "STORE" else a for a in args], "-o", tmp_path / name)
    one_error(result)
    assert not (tmp_path / name).exists()


def test_the_month_summary_is_written_in_the_format_its_name_says(store, tmp_path):
    result = ccq("report", "--month", "2019-01", "--db", store, "-o", tmp_path / "thang.html")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "thang.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


# -- 12: credentials are masked in every form libpq accepts ------------------------------------

SECRETS = ["Mk1Secret", "Mk2Secret", "Mk3%zzSecret", "Mk4Secret", "Mk5 Secret", "Mk6Secret", "Mk7Secret"]
LOCATIONS = [
    "postgresql://ccq:Mk1Secret@127.0.0.1:1/ccq",
    "postgresql://ccq@127.0.0.1:1/ccq?password=Mk2Secret",
    "postgresql://ccq:Mk3%zzSecret@127.0.0.1:1/ccq",  # libpq quotes a bad token back in its error
    "postgresql://ccq@127.0.0.1:1/ccq?password=Mk4Secret&bogus=1",
    "host=127.0.0.1 port=1 dbname=ccq password='Mk5 Secret'",
    "postgres://ccq@127.0.0.1:1/ccq?sslpassword=Mk6Secret&sslmode=disable",
    "host=127.0.0.1 port=1 user=ccq password=Mk7Secret",
]


@pytest.mark.parametrize("location", LOCATIONS)
def test_a_password_is_never_shown(tmp_path, location):
    env = {"PGPASSWORD": "Mk0EnvSecret", "CCQ_STATS_DB_TIMEOUT": "1"}
    for command in (
        ["history", "--db", location],
        ["import", FILE, "--db", location],
        ["classify"],
        ["report", "--month", "2019-01"],
    ):
        result = in_process(
            *command,
            cwd=tmp_path,
            env=env if "--db" in command else dict(env, CCQ_STATS_DB=location),
            unset=UNSET,
        )
        one_error(result)
        said = result.stdout + result.stderr
        for secret in SECRETS + ["Mk0EnvSecret", "zzSecret", "Secret"]:
            assert secret not in said, said
    assert list(tmp_path.iterdir()) == []  # a conninfo string is a server, never a file to create


def test_the_masking_function():
    from ccq_stats.store.backends import is_url, shown

    assert shown("postgresql://u:p%40ss@h1,h2/db") == "postgresql://u:***@h1,h2/db"
    assert (
        shown("postgresql://u@h/db?sslmode=require&password=x&application_name=a")
        == "postgresql://u@h/db?sslmode=require&password=***&application_name=a"
    )
    assert shown(r"host=h password='it\'s secret' dbname=d") == "host=h password=*** dbname=d"
    assert shown("host=h PASSWORD = abc dbname=d") == "host=h PASSWORD = *** dbname=d"
    assert shown('bad token: "p@ss"', "postgresql://u:p%40ss@h/db") == 'bad token: "***"'
    assert shown("ccq.sqlite") == "ccq.sqlite"
    assert is_url("host=h dbname=d") and is_url("postgres://h/d")
    assert not is_url("ccq.sqlite") and not is_url("a=b.sqlite") and not is_url("host=h but=not")


# -- 14: --recursive reads every folder, and says nothing about the folders it reads -------------


@pytest.fixture
def tree(tmp_path) -> Path:
    """Files at the top, one level down, and two levels down; a sibling folder."""
    top = tmp_path / "tree"
    (top / "a" / "b").mkdir(parents=True)
    (top / "c").mkdir()
    shutil.copy(SAMPLE / "dang_vien_2015.xlsx", top)
    shutil.copy(SAMPLE / "dang_vien_2016.xlsx", top / "a")
    shutil.copy(SAMPLE / "dang_vien_2017.xlsx", top / "a" / "b")
    shutil.copy(FILE, top / "c")
    return top


@pytest.mark.parametrize("start", ["tree", "tree/a"])
@pytest.mark.parametrize(
    "command",
    [
        ["classify", "--strict", "-f", "csv"],
        ["check", "-f", "csv"],
        ["inspect"],
        ["report", "--year", "2017", "--strict"],
        ["import", "--dry-run", "--db", "kho.sqlite"],
    ],
)
def test_recursive_reads_every_folder_without_warning(tree, command, start):
    result = in_process(command[0], start, "--recursive", *command[1:], cwd=tree.parent, unset=UNSET)
    assert "sub-folders not read" not in result.stderr
    assert "Traceback" not in result.stderr
    if command[0] == "classify":  # --strict: no warning at all, every year of the tree read
        assert result.returncode == 0, result.stderr
        years = {row[0] for row in rows_of(result.stdout)[1:]}
        assert years == ({"2015", "2016", "2017", "2018"} if start == "tree" else {"2016", "2017"})


def test_without_recursive_the_sub_folders_are_still_named(tree):
    result = ccq("classify", "tree", "--strict", "-f", "csv", cwd=tree.parent)
    assert result.returncode == 1
    assert "sub-folders not read: tree/a, tree/a/b, tree/c" in result.stderr
