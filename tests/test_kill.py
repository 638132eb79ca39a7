"""kill -9 during every command that writes a file (issue 14): the output is either the old one
(here: absent) or the whole new one, never half a file; the input is untouched; a temporary file
left by the kill is hidden, never read as an input, and removed by a later write to the folder.

Each command is killed at points spread over its run (its duration measured first); the write
itself is a short moment at the end, so most kills fall before it; the removal of a temporary
file left in that moment is tested directly in test_bad_inputs.py.

``ccq-stats import`` (the store) is not here yet: when it lands, add it to COMMANDS, with the
store's file as its output, and check the store opens with the old or the new data.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLE

pytestmark = pytest.mark.slow  # each command run, then killed, in subprocesses

INPUT = "so_luong_dang_vien_2019.xlsx"
COMMANDS = {
    "classify": ["classify", ".", "-f", "csv", "-o", "out.csv"],  # the folder: a temporary is never an input
    "check": ["check", ".", "-f", "csv", "-o", "out.csv"],
    "report": ["report", "--year", "2019", "--date", "2020-01-15", "-f", "xlsx", "-o", "out.xlsx"],  # "." by default
}
FRACTIONS = (0.5, 0.9, 1.0)  # of the command's measured duration (a few: each run costs ~2 s of CI)


def _start(folder: Path, args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "CCQ_NO_PROGRESS": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "ccq_stats", *args],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_output(name: str, path: Path, reference: Path) -> bool:
    if not name.endswith(".xlsx"):
        return path.read_bytes() == reference.read_bytes()
    from openpyxl import load_workbook  # an xlsx holds its time of writing: compare the cells

    def cells(p):
        return [[list(r) for r in ws.iter_rows(values_only=True)] for ws in load_workbook(p, read_only=True).worksheets]

    return cells(path) == cells(reference)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_killed_write_leaves_the_whole_output_or_none(tmp_path, command):
    args = COMMANDS[command]
    output = args[-1]
    folder = tmp_path / "run"
    folder.mkdir()
    (folder / INPUT).write_bytes((SAMPLE / INPUT).read_bytes())
    before = _digest(folder / INPUT)

    started = time.monotonic()
    first = _start(folder, args)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    duration = time.monotonic() - started
    reference = tmp_path / f"reference{Path(output).suffix}"
    (folder / output).rename(reference)

    for fraction in FRACTIONS:
        victim = _start(folder, args)
        time.sleep(duration * fraction)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        victim.stderr.close()
        written = folder / output
        if written.exists():  # the rename happened: then all of it is there
            assert _same_output(output, written, reference), f"partial output after a kill at {fraction:.0%}"
            written.unlink()
        assert _digest(folder / INPUT) == before

    leftovers = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert all(p.name.startswith(f".{output}.ccq") for p in leftovers), leftovers  # hidden, ours
    for path in leftovers:  # age them past the minute a write may take
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    again = _start(folder, args)
    assert again.wait(timeout=120) == 0, again.stderr.read()
    again.stderr.close()
    assert _same_output(output, folder / output, reference)
    assert sorted(p.name for p in folder.iterdir()) == sorted([INPUT, output])  # stale temporaries removed
