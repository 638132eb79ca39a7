"""Nothing escapes its bounds (issue 20): the numeric settings, the reader process's life and
time, the memory a file read row by row would take, a user template's compile step.

Where the behaviour is the whole program's (exit code, one line on stderr, no traceback), the
test runs the real command in a subprocess.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from ccq_stats.errors import InputError
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.sandbox import isolated
from conftest import ROOT, SAMPLE, in_process

pytestmark = pytest.mark.slow  # limits reached: some run the whole program (its death, signals, peak memory)

ENV = {**os.environ, "CCQ_LANG": "en", "CCQ_NO_PROGRESS": "1"}


def ccq(*args, env: dict | None = None, timeout: float = 120, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ccq_stats", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**ENV, **(env or {})},
        cwd=cwd,
    )


def here(*args, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    """As ``ccq``, in this process (conftest.in_process): for the checks made where the settings
    are read and the files parsed (the reader process's limits go with each request), not of the
    process itself (its death, its signals, its peak memory stay in ``ccq``)."""
    return in_process(*args, env={"CCQ_NO_PROGRESS": "1", **(env or {})}, cwd=cwd)


def one_error_line(done: subprocess.CompletedProcess) -> str:
    """The run stopped on bad input: exit 2, nothing on stdout, one line on stderr, no traceback."""
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("ccq-stats: error: ")
    return lines[0]


# --- item 4: every numeric setting checked in one place ---------------------------------------


@pytest.mark.parametrize(
    "variable, value, said",
    [
        ("CCQ_READ_MEMORY_MB", "-1", "CCQ_READ_MEMORY_MB must be from 256 to 1,048,576: '-1'"),  # was: no limit at all
        ("CCQ_READ_MEMORY_MB", "0", "CCQ_READ_MEMORY_MB must be from 256"),
        ("CCQ_READ_TIMEOUT", "-5", "CCQ_READ_TIMEOUT must be from 1 to 604,800: '-5'"),  # was: "longer than -5 s"
        ("CCQ_STATS_DB_TIMEOUT", "nan", "CCQ_STATS_DB_TIMEOUT must be from 0 to 604,800: 'nan'"),  # was: a traceback
        ("CCQ_STATS_DB_TIMEOUT", "inf", "CCQ_STATS_DB_TIMEOUT must be from 0"),
        ("CCQ_STATS_DB_TIMEOUT", "1e10", "CCQ_STATS_DB_TIMEOUT must be from 0"),
        ("CCQ_STATS_DB_TIMEOUT", "soon", "CCQ_STATS_DB_TIMEOUT is not a number of seconds: 'soon'"),
        ("CCQ_MEMORY_MB", "-3", "CCQ_MEMORY_MB must be from 0"),
        ("CCQ_MEMORY_MB", "99999999999999999999", "CCQ_MEMORY_MB must be from 0 to 1,048,576"),
        ("CCQ_MAX_CELLS", "0", "CCQ_MAX_CELLS must be from 1"),
        ("CCQ_MAX_STREAM_MB", "-1", "CCQ_MAX_STREAM_MB must be from 1"),
        ("CCQ_TEMPLATE_TIMEOUT", "nan", "CCQ_TEMPLATE_TIMEOUT is not a whole number: 'nan'"),
    ],
)
def test_a_bad_numeric_setting_is_one_line_naming_it(variable, value, said):
    line = one_error_line(here("classify", SAMPLE / "dang_vien_2018.csv", env={variable: value}))
    assert said in line and "see SECURITY.md" in line


def test_every_numeric_setting_the_code_reads_is_checked_there():
    """A numeric CCQ_* variable read anywhere but environment.py would escape the checks."""
    from ccq_stats.environment import RANGES

    for path in (ROOT / "ccq_stats").rglob("*.py"):
        if path.name == "environment.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert 'os.environ.get("CCQ_' not in text.replace("CCQ_LANG", ""), path
        for name in RANGES:
            assert f'environ.get("{name}"' not in text and f"environ['{name}']" not in text, path
    documented = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert all(name in documented for name in RANGES)


# --- item 3: the reader process dies with its parent and keeps its own time limit -----------------


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as stream:
            return "\nState:\tZ" in stream.read()  # a zombie nobody reaps (PID 1 of a container) is dead too
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and PR_SET_PDEATHSIG: Linux")
def test_the_reader_process_dies_with_its_parent(tmp_path):
    script = textwrap.dedent("""
        import sys, time
        from ccq_stats.reading import sandbox
        from ccq_stats.reading.limits import Limits
        sandbox.start_reader()
        print(sandbox._reader._process.pid, flush=True)
        sandbox.isolated(time.sleep, 120, limits=Limits(read_timeout=300), display="x.xlsx")
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    child = int(parent.stdout.readline())
    time.sleep(1.5)  # the child is in its request, sleeping
    assert not _gone(child)
    parent.kill()  # -9: the parent runs no clean-up
    parent.wait()
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(child), "the reader process outlived its parent"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGALRM and RLIMIT_CPU: Unix")
def test_the_reader_process_keeps_its_own_time_limit():
    """A request that runs past its limit ends the reader process by itself (here the parent
    never stops it: the request is written by hand and nobody waits with a timeout)."""
    from ccq_stats.reading.worker import GRACE

    worker = subprocess.Popen(
        [sys.executable, "-m", "ccq_stats.reading.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=ENV,
        cwd=ROOT,
    )
    request = pickle.dumps((time.sleep, (120,), 1024, 1, str(ROOT), "en"))
    worker.stdin.write(len(request).to_bytes(8, "big") + request)
    worker.stdin.flush()
    started = time.monotonic()
    status = worker.wait(timeout=60)
    assert status == -signal.SIGALRM
    assert time.monotonic() - started < 1 + GRACE + 5


@pytest.mark.parametrize("sent", [signal.SIGKILL, signal.SIGTERM])
def test_a_reader_killed_from_outside_is_said_killed_not_a_bad_file(sent):
    with pytest.raises(InputError) as caught:
        isolated(signal.raise_signal, sent, limits=Limits(), display="x.xlsx")
    said = str(caught.value)
    assert f"killed from outside ({sent.name})" in said
    assert "crashed" not in said and "damaged or crafted" not in said
    assert isolated(sum, [1, 2], limits=Limits(), display="y.xlsx") == 3  # the next file gets a new reader


def test_a_reader_that_crashes_is_still_a_crash():
    with pytest.raises(InputError, match=r"crashed on this file \(signal 11\).*damaged or crafted"):
        isolated(signal.raise_signal, signal.SIGSEGV, limits=Limits(), display="x.xlsx")


# --- item 1: a user template's constant expressions run under the template limits -------------------

PEAK = textwrap.dedent("""
    import resource, subprocess, sys
    def cap():  # a broken build must not take the machine down: 6 GB at most
        resource.setrlimit(resource.RLIMIT_AS, (6 * 1024**3, resource.RLIM_INFINITY))
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True, preexec_fn=cap)
    sys.stderr.write(done.stderr)
    sys.stdout.write(done.stdout)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, file=sys.stderr)
    sys.exit(done.returncode)
""")


def with_peak(*args, env: dict) -> tuple[subprocess.CompletedProcess, int]:
    """The command's run and the peak memory (MB, resident) of it and its reader process."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "ccq_stats", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**ENV, **env},
    )
    *lines, peak = done.stderr.splitlines()
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout, "\n".join(lines) + "\n"), int(peak)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the address-space cap needs Linux")
@pytest.mark.parametrize(
    "body",
    [
        "{{ '%0*d'|format(2000000000, 1) }}\n",  # was 49–58 s and 9.9 GB, all of it while Jinja compiled
        "{{ 'a'|center(300000000) }}\n",  # was 1.2 GB at compile time
        "{% autoescape 'a'|center(300000000) %}x{% endautoescape %}\n",  # an expression Jinja evaluates to compile
    ],
)
def test_a_templates_constant_expressions_are_under_its_limits(tmp_path, body):
    template = tmp_path / "hang.md.j2"
    template.write_text(body, encoding="utf-8")
    started = time.monotonic()
    done, peak = with_peak(
        "report",
        SAMPLE / "dang_vien_2018.csv",
        "--year",
        "2018",
        "--template",
        template,
        env={"CCQ_TEMPLATE_MEMORY_MB": "200", "CCQ_TEMPLATE_TIMEOUT": "5"},
    )
    took = time.monotonic() - started
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""
    last = done.stderr.splitlines()[-1]
    assert last.startswith(f"ccq-stats: error: {template}: template stopped: it needed more than 200 MB of memory")
    assert peak < 600, f"{peak} MB"  # the tool (~170 MB reading the sample) and the template's 200 MB
    assert took < 60


def test_a_template_folds_nothing_so_its_output_is_unchanged(tmp_path):
    """Constant expressions still give their values, at render time."""
    template = tmp_path / "ok.txt.j2"
    template.write_text("{{ 'ab'|upper }} {{ 2 * 3 }} {{ '%03d'|format(7) }} {{ none }}|{{ '' }}|\n", encoding="utf-8")
    done = here("report", SAMPLE / "dang_vien_2018.csv", "--year", "2018", "--template", template)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "AB 6 007 None||\n"


# --- item 2: the memory a file read row by row would take, and the reader process's limit, agree ---


def test_a_text_file_too_big_for_the_reader_process_is_refused_before_parsing(tmp_path):
    """Lowered limits stand for the 300 MB CSV and the 4 GB reader: the estimate passed, then the
    reader stopped at its cap saying the file "may be a bomb … or save it as CSV" — of a CSV."""
    lines = (SAMPLE / "dang_vien_2018.csv").read_bytes().splitlines(keepends=True)
    body = b"".join(lines[1:])
    big = tmp_path / "lon.csv"
    big.write_bytes(lines[0] + body * (7_000_000 // len(body)))  # ~7 MB: under 8 MB, so read row by row
    started = time.monotonic()
    line = one_error_line(here("classify", big, env={"CCQ_READ_MEMORY_MB": "256"}))
    assert time.monotonic() - started < 60
    assert (
        "this file is read row by row, which would need about" in line
        and "more than the 256 MB the reader may use" in line
    )
    assert "bomb" not in line and "save it as CSV" not in line and "CCQ_READ_MEMORY_MB" in line


def test_a_text_file_within_the_reader_process_limit_is_read():
    done = here("classify", SAMPLE / "dang_vien_2018.csv", env={"CCQ_READ_MEMORY_MB": "256"})
    assert done.returncode == 0, done.stderr


# --- item 17: a header repeated on every row ------------------------------------------------------


def test_a_header_repeated_on_every_row_is_a_repeated_header(tmp_path):
    """Was a RecursionError after 24 s (each repeat read as a table of one row, one inside the other)."""
    lines = (SAMPLE / "dang_vien_2018.csv").read_text(encoding="utf-8-sig").splitlines()
    header, members = lines[0], lines[1:301]
    repeated = tmp_path / "lap.csv"
    plain = tmp_path / "thuong.csv"
    plain.write_text("\n".join([header] + members) + "\n", encoding="utf-8")
    repeated_text = "\n".join([header] + [x for member in members for x in (member, header)]) + "\n"
    repeated.write_text(repeated_text, encoding="utf-8")
    started = time.monotonic()
    done = here("classify", repeated)
    assert time.monotonic() - started < 60
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert done.stdout == here("classify", plain).stdout  # the same members, counted once each
    assert (
        f"ccq-stats: warning: {repeated}: the header is repeated on 300 rows (3, 5, 7, 9, 11, …); those rows skipped"
        in done.stderr.splitlines()
    )


# -- 17: a count beyond any organisation is one line naming the cell -------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("cell", [99999999999999999999999, 1e300, "99999999999999999999999"])
def test_a_count_beyond_any_organisation_is_one_line_naming_the_cell(tmp_path, cell):
    """The fuzz found these ending in 'OverflowError: Python int too large to convert to C long'."""
    from conftest import make_xlsx

    header = ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    path = make_xlsx(
        tmp_path / "so_luong.xlsx",
        {"Năm 2019": [header, [1, "Chi bộ A", 10, 2, 6, 2, 0], [2, "Chi bộ B", 20, cell, 14, 3, 0]]},
    )
    result = here("classify", path, "-f", "csv")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "row 3" in lines[0] and "column D" in lines[0], result.stderr
    assert result.stdout == ""
