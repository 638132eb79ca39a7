"""The suite runs in parallel (pytest-xdist, `--dist loadgroup`) and relies on its groups: the
tests that share one PostgreSQL server or one module-scoped store run in one worker. Nothing fails
when grouping silently stops (it did, on pytest 9.2: xdist issue #1386) — the tests only grow slow
or flaky. This checks, on a throw-away suite, that a group given by a module mark and one added by
a conftest hook (as tests/conftest.py does) each stay in one worker."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # a pytest with two workers in a subprocess


def test_each_group_runs_in_one_worker(tmp_path):
    (tmp_path / "conftest.py").write_text(
        "import pytest\n"
        "@pytest.hookimpl(tryfirst=True)\n"
        "def pytest_collection_modifyitems(config, items):\n"
        "    for item in items:\n"
        "        if 'hooked' in item.name:\n"
        "            item.add_marker(pytest.mark.xdist_group('hooked'))\n",
        encoding="utf-8",
    )
    (tmp_path / "test_groups.py").write_text(
        "import os, pytest\n"
        "@pytest.mark.xdist_group('marked')\n"
        "@pytest.mark.parametrize('i', range(6))\n"
        "def test_marked(i, request):\n"
        "    print('WORKER', 'marked', os.environ['PYTEST_XDIST_WORKER'], request.node.nodeid)\n"
        "@pytest.mark.parametrize('i', range(6))\n"
        "def test_hooked(i, request):\n"
        "    print('WORKER', 'hooked', os.environ['PYTEST_XDIST_WORKER'], request.node.nodeid)\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-rP",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    workers: dict[str, set[str]] = {}
    ungrouped = []
    for line in done.stdout.splitlines():
        if line.startswith("WORKER "):
            _, group, worker, nodeid = line.split()
            workers.setdefault(group, set()).add(worker)
            if not nodeid.endswith("@" + group):  # how xdist carries a group to its scheduler
                ungrouped.append(nodeid)
    assert set(workers) == {"marked", "hooked"}, done.stdout[-2000:]
    assert not ungrouped, f"xdist did not see these tests' group: {ungrouped}"
    assert all(len(w) == 1 for w in workers.values()), f"a group ran on several workers: {workers}"
