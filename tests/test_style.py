"""The house style (issue 21): ruff's lint and format, with the settings of pyproject.toml, find
nothing to say on the whole tree – so the README's test command, which CI runs, runs them too."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def ruff(*args: str) -> subprocess.CompletedProcess:
    found = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or shutil.which("ruff")
    command = [found] if found else [sys.executable, "-m", "ruff"]
    return subprocess.run([*command, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_ruff_check_finds_nothing():
    done = ruff("check", "--no-cache", ".")
    assert done.returncode == 0, (
        f"ruff check (fix with: .venv/bin/ruff check --fix):\n{done.stdout[-4000:]}{done.stderr[-2000:]}"
    )


@pytest.mark.slow
def test_ruff_format_changes_nothing():
    done = ruff("format", "--no-cache", "--check", ".")
    assert done.returncode == 0, (
        f"ruff format would change (run: .venv/bin/ruff format):\n{done.stdout[-4000:]}{done.stderr[-2000:]}"
    )


def test_no_module_is_over_600_lines():
    """A module a newcomer reads in one sitting (issue 21): past 600 lines, split it by concern."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in sorted((ROOT / "ccq_stats").rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not long, f"modules over 600 lines: {long}"
