"""Shared helpers: build staff-style spreadsheets in a temporary folder, run the CLI."""

from __future__ import annotations

import contextlib
import os
import unicodedata
from pathlib import Path

import pytest

# The tests read English messages, whatever the machine's locale (tests of the Vietnamese ones set
# CCQ_LANG=vi themselves); set before the CLI is imported, since its help texts are read then.
os.environ["CCQ_LANG"] = "en"

from openpyxl import Workbook
from typer.testing import CliRunner

from ccq_stats.cli import app


def _commands_built_once():
    """typer's CliRunner builds the whole click command tree from the app at every invoke (0.1 to
    0.2 s, a few hundred seconds over the suite): build it once per language instead (its help
    texts are in the language of the moment). typer is pinned below 0.30 (pyproject.toml), the
    name patched is its testing module's."""
    import typer.testing

    from ccq_stats.i18n import language

    build, built = typer.testing._get_command, {}

    def get_command(typer_app):
        key = (id(typer_app), language())
        if key not in built:
            built[key] = build(typer_app)
        return built[key]

    typer.testing._get_command = get_command


_commands_built_once()

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"


def make_xlsx(
    path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None, hidden: tuple[str, ...] = ()
) -> Path:
    """A workbook with one sheet per entry; rows are lists of cell values (None = empty)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for merged in (merges or {}).get(name, []):
            ws.merge_cells(merged)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def make_csv(path: Path, rows: list[list], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    text = "\r\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def windows_1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: a precomposed letter where the code page has
    one, else the letter and its tone mark as a combining character."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            for mark in marks if len(marks) == 2 else []:  # the vowel's own mark composed, the tone combining
                composed = unicodedata.normalize("NFC", base + mark)
                if len(composed) == 1 and composed.encode("cp1258", errors="ignore"):
                    base, marks = composed, [m for m in marks if m != mark]
                    break
            out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return out


def run(*args: str, input: bytes | str | None = None):
    """Run ccq-stats in-process; returns the result with .exit_code, .stdout, .stderr.

    In a test marked ``differential`` (the red-team modules), a reading command is run again with
    the large-file path forced (tests/differential.py); the fixture ``_differential`` fails the
    test when any run gave other bytes (tests/test_reading_differential.py has the why)."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
    if _compared is not None:
        import differential

        argv = [str(a) for a in args]
        if differential.compared(argv):
            _compared.extend(
                differential.both_ways(argv, input, first=(result.exit_code, result.stdout, result.stderr))
            )
    return result


_compared: list | None = None  # what run() compared both ways in the current differential test


def in_process(*args, cwd=None, env: dict | None = None, input=None, unset=()):
    """What ``subprocess.run(["ccq-stats", *args], capture_output=True, text=True, cwd=cwd,
    env=…)`` gives (a CompletedProcess), run in this process by ``run`` — a twentieth of the
    cost: no interpreter to start, the reader process already running. For the tests whose point
    is not the process itself (a pseudo-terminal, bytes in argv, a signal, file modes obeyed by
    a user without root's overrides, standard input that is a pipe or a device stay real).
    ``env`` is laid over this process's environment for the call, without the variables named in
    ``unset``, and ``cwd`` is the folder it runs in. A command that raised would have printed a traceback: here the test fails."""
    import subprocess

    with pytest.MonkeyPatch.context() as patch:
        for name in unset:
            patch.delenv(name, raising=False)
        for name, value in (env or {}).items():
            patch.setenv(name, str(value))
        if cwd is not None:
            patch.chdir(cwd)
        result = run(*(os.fsdecode(a) if isinstance(a, bytes) else a for a in args), input=input)
    return subprocess.CompletedProcess(["ccq-stats", *map(str, args)], result.exit_code, result.stdout, result.stderr)


@pytest.fixture(autouse=True)
def _differential(request):
    """In a test marked ``differential``: every reading command it runs gives the same bytes
    read as it is and with the large-file path forced, with and without more words."""
    global _compared
    if request.node.get_closest_marker("differential") is None:
        yield
        return
    _compared = []
    try:
        yield
    finally:
        entries, _compared = _compared, None
    different = [f"{' '.join(e['args'])}\n{e['difference']}" for e in entries if not e["same"]]
    assert not different, "read by rows and by columns, the figures or messages differ:\n" + "\n\n".join(different)


def rows_of(csv_text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(csv_text)))


def figures(csv_text: str) -> dict[tuple, int]:
    """{(year, subject, category): count} from classify CSV output (without --by unit)."""
    rows = rows_of(csv_text)
    assert rows[0] == ["year", "subject", "category", "label", "count", "share"]
    return {(int(r[0]), r[1], r[2]): int(r[4]) for r in rows[1:]}


@pytest.fixture
def scales():
    from ccq_stats.vocabulary.scales import load_scales

    return load_scales()


@pytest.fixture(autouse=True)
def _no_user_store(tmp_path_factory, monkeypatch):
    """No test reads or writes the store of the person running them: without --db, a command
    with no PATH reads the default store when one exists (tests that want a store set their own)."""
    if "CCQ_STATS_DB" not in os.environ:
        monkeypatch.setenv("CCQ_STATS_DB", str(tmp_path_factory.getbasetemp() / "no-store-here.sqlite"))


# -- the sample data, read once per test run ---------------------------------------------------
# Dozens of tests run a command on sample_data/ (test_report.py alone 30-odd): each read takes
# seconds, and every one gives the same tidy table. The first read with a given set of options is
# real (the reader process, classify, reconcile); later ones with the same options get a copy of
# its result. Anything that could change what reading gives is in the key: the paths as given,
# the folder they are relative to, the options, the language of the messages and every CCQ_*
# setting (limits, time-outs). A read with a progress callback, or of anything else than the
# sample, is always real. A per-process cache: each xdist worker reads the sample once.
# What is kept is ``api.read_with``'s answer: every command that reads files goes through it
# (``read_records`` too), in api/__init__.py and in api/imports.py, which imports it by name.


def _under(folder: Path, paths, cwd: str) -> bool:
    """Whether every path (as given, relative to ``cwd``) is ``folder`` or inside it."""
    folder = folder.resolve()
    for path in paths:
        full = (Path(cwd) / path).resolve() if path != "-" else None
        if full is None or not (full == folder or folder in full.parents):
            return False
    return bool(paths)


@contextlib.contextmanager
def reads_kept(folder: Path):
    """While open, reads of ``folder`` (or files in it) are made once per set of options and
    language and CCQ_* settings, and answered with a copy afterwards (see above)."""
    import copy
    import dataclasses

    import ccq_stats.api as api
    import ccq_stats.api.imports as imports
    from ccq_stats.i18n import language

    real, kept = api.read_with, {}

    def read_with(paths, options):
        cwd = os.getcwd()
        if options.progress is not None or not _under(folder, list(map(str, paths)), cwd):
            return real(paths, options)
        settings = tuple(
            sorted((k, v) for k, v in os.environ.items() if k.startswith("CCQ_") and not k.startswith("CCQ_STATS_DB"))
        )
        scales_file = options.scales_file
        scales_text = Path(cwd, scales_file).read_bytes() if scales_file and Path(cwd, scales_file).is_file() else None
        key = (tuple(map(str, paths)), cwd, repr(dataclasses.astuple(options)), scales_text, language(), settings)
        if key not in kept:
            kept[key] = real(paths, options)  # an error is raised each time, never kept
        return copy.deepcopy(kept[key])  # the callers add notes and mark findings: a copy each

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "read_with", read_with)
        patch.setattr(imports, "read_with", read_with)
        yield


@pytest.fixture(scope="session", autouse=True)
def _sample_read_once():
    """For the whole session (module-scoped fixtures that read the sample too)."""
    with reads_kept(SAMPLE):
        yield


# -- running in parallel (pytest-xdist, --dist loadgroup) -------------------------------------
# Every test runs in a worker process of its own choosing, with its own temporary folders, reader
# process and environment, so tests that set variables or change folder are safe. What is costly
# and shared is kept in one worker, by group: the PostgreSQL server these tests start (one per
# worker that needs it: initdb and a server are seconds), and each module-scoped fixture (a store
# filled once, help texts read by subprocesses), which would otherwise be built again by each
# worker that runs one of its tests.

_MEASURED_SLOW = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "slow_tests.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)


_LONGEST = [
    line.strip()
    for line in (Path(__file__).parent / "longest_tests.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def _longest_rank(nodeid: str) -> int:
    return next((i for i, start in enumerate(_LONGEST) if nodeid.startswith(start)), len(_LONGEST))


# tryfirst: pytest-xdist's worker reads the xdist_group marks in its own collection hook, which
# pluggy calls before a conftest's; without it the groups were never seen (tests ran split).
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid in _MEASURED_SLOW:  # measured (tests/slow_tests.txt): kept out of the fast lane
            item.add_marker(pytest.mark.slow)
        params = getattr(item, "callspec", None)
        if "postgres_url" in item.fixturenames or (params and "postgresql" in params.params.values()):
            item.add_marker(pytest.mark.xdist_group("postgresql"))
            item.add_marker(pytest.mark.slow)  # a server started, a database made per test
            continue
        # pytest has no public way to ask a fixture's scope from an item; _fixtureinfo has been there since pytest 3
        definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
        if any(defs and defs[-1].scope == "module" for defs in definitions.values()):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))

    # The longest tests measured first (tests/longest_tests.txt), then the units of work with the
    # most slow tests: an xdist group (run whole by one worker: the PostgreSQL group is a minute
    # or more) or else a module, each kept together (its fixtures built once). The long units
    # start while the short ones are left to fill the end, so that no worker waits idle for
    # another's last one (a group scheduled last once left a worker idle 45 s).
    def unit(item) -> str:
        group = item.get_closest_marker("xdist_group")
        return f"group:{group.args[0]}" if group else item.module.__name__

    slow: dict[str, int] = {}
    for item in items:
        slow[unit(item)] = slow.get(unit(item), 0) + (item.get_closest_marker("slow") is not None)
    items.sort(key=lambda item: (_longest_rank(item.nodeid), -slow[unit(item)], unit(item)))


@pytest.fixture(scope="session")
def sample_member_names() -> frozenset[str]:
    """The members' names in sample_data/ (the privacy tests look for them in every output),
    read once: from the member lists (workbooks, names in column B under the heading rows) and
    the 2018 list in CSV."""
    import csv

    import openpyxl

    names = set()
    for path in sorted(SAMPLE.glob("dang_vien_*.xlsx")):
        workbook = openpyxl.load_workbook(path, read_only=True)
        for ws in workbook.worksheets:
            names |= {row[1] for row in ws.iter_rows(min_row=6, values_only=True) if row and isinstance(row[1], str)}
        workbook.close()
    with open(SAMPLE / "dang_vien_2018.csv", encoding="utf-8-sig") as f:
        names |= {row[1] for row in list(csv.reader(f, delimiter=";"))[1:]}
    return frozenset(names)
