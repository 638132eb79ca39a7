"""Control characters in names, in settings and in file names (issue 20 items 5, 6, 13).

The choice (README, "Control characters in names"): a control character in a cell (an ESC
sequence, BEL, NUL …) is removed where the records are made — from files and from the store —
with one warning naming the first cell; in a settings value it is refused with the setting
named. So no writer (xlsx, docx) and no terminal ever sees one. A file name that is not UTF-8
or holds a control character is read and shown escaped (``bad\\xff\\xfe.csv``). Text that goes
to a terminal passes through one function (``cli.for_terminal``) that shows any control
character escaped.
"""

from __future__ import annotations

import os
import re
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from conftest import SAMPLE, in_process, make_csv

pytestmark = pytest.mark.slow  # most run the whole program (names not UTF-8 in argv, a pty), all write documents

ENV = {**os.environ, "CCQ_LANG": "en", "CCQ_NO_PROGRESS": "1"}
UNITS = ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"]
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def ccq(*args, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ccq_stats", *map(os.fsdecode, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**ENV, **(env or {})},
        errors="surrogateescape",
    )


def here(*args, cwd=None) -> subprocess.CompletedProcess:
    """As ``ccq``, in this process (conftest.in_process): for the tests whose names are in the
    files, not in argv, and whose output is not a terminal."""
    return in_process(*args, cwd=cwd, env={"CCQ_NO_PROGRESS": "1"})


def on_a_terminal(*args, env=None) -> str:
    """What the command writes to its standard output when that is a terminal (a pseudo-terminal)."""
    import pty

    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ccq_stats", *map(str, args)],
        stdout=slave,
        stderr=subprocess.DEVNULL,
        env={**ENV, "COLUMNS": "200", **(env or {})},
    )
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the command closed the terminal
            break
        if not chunk:
            break
        out += chunk
    process.wait(timeout=60)
    os.close(master)
    return out.decode("utf-8", errors="replace")


def hostile_units(path: Path) -> Path:
    """Two years of two chi bộ whose names hold an ESC colour sequence, a BEL and a C1 control."""
    rows = [UNITS]
    for year, labels in ((2018, ("HTXSNV", "HTNV")), (2019, ("HTNV", "HTNV"))):
        rows += [["\x1b[31mChi bộ A\x1b[0m", year, labels[0]], ["Chi bộ\x07 B\x85\x9b", year, labels[1]]]
    return make_csv(path, rows)


def uncontrolled(text: str) -> str:
    """What a hostile name becomes: its control characters taken out."""
    return CONTROLS.sub("", text)


# --- item 5: no writer sees a control character ------------------------------------------------------


def test_names_with_control_characters_are_read_without_them_and_said_once(tmp_path):
    units = hostile_units(tmp_path / "tc.csv")
    done = here("report", units, "--year", "2019", "-f", "xlsx", "-o", tmp_path / "bc.xlsx")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr  # was IllegalCharacterError
    warned = [line for line in done.stderr.splitlines() if "control characters" in line]
    assert warned == [
        f"ccq-stats: warning: {units}, row 2: control characters (invisible codes such as ESC or NUL) "
        "removed from 4 cell(s), the first here"
    ]
    cells = {
        c.value
        for ws in openpyxl.load_workbook(tmp_path / "bc.xlsx")
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    }
    assert "[31mChi bộ A[0m" in cells and "Chi bộ B" in cells
    assert not any(CONTROLS.search(c) for c in cells)


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--year", "2019", "-o", "bc.docx"],  # was "All strings must be XML compatible"
        ["report", "--term", "2015-2020", "-o", "nk.docx"],
        ["check", "-f", "xlsx", "-o", "kt.xlsx"],
        ["forms", "--year", "2019", "-o", "bieu.xlsx"],
    ],
)
def test_every_writer_gets_names_without_control_characters(tmp_path, args):
    units = hostile_units(tmp_path / "tc.csv")
    command, *rest = args
    done = here(command, units, *rest, cwd=tmp_path)
    if done.returncode == 2 and "no such command" in done.stderr.lower():
        pytest.skip(f"no {command} command here")
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    written = tmp_path / rest[-1]
    if written.suffix == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(written).paragraphs) + "".join(
            c.text for t in docx.Document(written).tables for r in t.rows for c in r.cells
        )
        assert not CONTROLS.search(text)


def test_a_control_character_in_a_setting_is_refused_naming_it(tmp_path):
    settings = tmp_path / "ccq-stats.toml"
    settings.write_text('[issuer]\ncommittee = "ĐẢNG ỦY\\u0000 KHỐI"\n', encoding="utf-8")
    done = here(
        "report", SAMPLE / "dang_vien_2018.csv", "--year", "2018", "-o", tmp_path / "bc.docx", "--settings", settings
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"ccq-stats: error: {settings}: [issuer] committee holds a control character (an invisible code such as ESC "
        "or NUL): 'ĐẢNG ỦY\\x00 KHỐI' (hint: type the text again without it)"
    )
    assert not (tmp_path / "bc.docx").exists()


@pytest.fixture
def hostile_store(tmp_path):
    """A store whose names hold control characters, as one written before they were taken out."""
    db = tmp_path / "ccq.sqlite"
    units = make_csv(tmp_path / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTNV"]])
    assert here("import", units, "--db", db, "--quiet").returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE records SET org = ? WHERE org = 'Chi bộ A'", ("Chi bộ \x1b]0;pwned\x07A\x1b[2J",))
    return db


def test_names_from_the_store_reach_no_writer_with_control_characters(hostile_store, tmp_path):
    # run where the imported file is: with -o, report also looks at the current folder (issue 20 item 9, another branch)
    done = here("report", "--year", "2019", "--db", hostile_store, "-o", tmp_path / "bc.docx", cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "control characters (invisible codes such as ESC or NUL) removed from 1 cell(s)" in done.stderr
    done = here("report", "--year", "2019", "--db", hostile_store, "-o", tmp_path / "bc.xlsx", cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


# --- item 13: nothing a name holds reaches the terminal as a control ------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal: Unix")
@pytest.mark.parametrize(
    "args",
    [
        ["classify", "-f", "table"],
        ["history"],
        ["report", "--month", "this", "-f", "txt"],
    ],
)
def test_a_terminal_gets_no_control_character_from_a_name(hostile_store, args):
    shown = on_a_terminal(*args, "--db", hostile_store, env={"NO_COLOR": "1"})
    assert shown.strip(), "nothing written"
    assert "\x1b]0;" not in shown and "\x1b[2J" not in shown and "\x07" not in shown
    assert not re.search("\x1b(?!\\[[0-9;]*m)", shown)  # an ESC only as the colour of our own tables


def test_for_terminal_shows_controls_escaped_and_keeps_lines_and_our_colours():
    from ccq_stats.cli import for_terminal

    assert for_terminal("a\x1b]0;t\x07\tb\n\x1b[1mc\x1b[0m\x00\r") == "a\\x1b]0;t\\x07\tb\n\x1b[1mc\x1b[0m\\x00\\x0d"


# --- item 6: a file name that is not UTF-8 ------------------------------------------------------------


@pytest.fixture
def badly_named(tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    folder = tmp_path / "thu_muc"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff\xfe.csv")
    data = b"\n".join((SAMPLE / "dang_vien_2018.csv").read_bytes().split(b"\n")[:101]) + b"\n"
    (folder / name).write_bytes(data)
    return folder, folder / name


@pytest.mark.parametrize(
    "args",
    [
        ["classify"],
        ["check", "-f", "csv"],
        ["classify", "-f", "json"],
        ["inspect"],
    ],
)
@pytest.mark.parametrize("whole_folder", [True, False])
def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(badly_named, args, whole_folder):
    folder, path = badly_named
    command, *rest = args
    done = ccq(command, folder if whole_folder else path, *rest)
    assert done.returncode in (0, 1), done.stderr  # was UnicodeEncodeError … surrogates not allowed
    assert "Traceback" not in done.stderr
    assert "\udcff" not in done.stdout + done.stderr
    if command == "inspect":  # it names the file it read
        assert "bad\\xff\\xfe.csv" in done.stdout + done.stderr


def test_a_store_keeps_a_file_name_that_is_not_utf8_escaped(badly_named, tmp_path):
    folder, _path = badly_named
    db = tmp_path / "ccq.sqlite"
    done = ccq("import", folder, "--db", db)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "bad\\xff\\xfe.csv" in done.stderr
    shown = ccq("history", "--db", db)
    assert shown.returncode == 0 and "bad\\xff\\xfe.csv" in shown.stdout


def test_a_name_not_utf8_in_an_error_is_shown_escaped(tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    bad = tmp_path / os.fsdecode(b"r\xe1ng.csv")
    bad.write_bytes(b"")
    done = ccq("classify", bad)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "r\\xe1ng.csv: the file is empty" in done.stderr
