"""The benchmark script runs (a smoke version: small files, one run, no timing asserted)."""

import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # the benchmark script, in a subprocess


def test_bench_run_smoke():
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run"), "--smoke"], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("# ") and "medians of 1 runs" in lines[0]
    assert [line.split()[0] for line in lines[2:]] == ["ccq-stats", "ccq-stats", "classify"]
    assert 'python -c "import typer"' in lines[2]
