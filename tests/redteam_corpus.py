"""A red-team corpus (tests/data/redteam2/, redteam3/ …), written once for all of them: its files,
the figures its generator's own model expects (expected.json), the files the reader gets wrong
today (known_failures.toml), and the verdict on one run: read right, wrong figures with exit 0,
refused, crashed.

Each corpus keeps its own data; its summarize.py (for people) and its test file (for pytest) both
judge with `judge` from here, so both say the same thing:

    .venv/bin/python tests/data/redteam2/summarize.py [-v] [NAME ...]

runs `ccq-stats classify FILE --format csv` on each file of the corpus (the ccq-stats beside this
Python) and prints one line per file, then the totals; `-v` adds the first differing figures and
the error line.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

VERDICTS = ("right", "wrong", "refused", "crashed")


@dataclass(frozen=True)
class Corpus:
    """One red team's folder: files/, expected.json, known_failures.toml."""

    here: Path

    @property
    def files(self) -> Path:
        return self.here / "files"

    @functools.cached_property
    def expected(self) -> dict:
        return json.loads((self.here / "expected.json").read_text(encoding="utf-8"))

    @functools.cached_property
    def _known(self) -> dict:
        return tomllib.loads((self.here / "known_failures.toml").read_text(encoding="utf-8"))

    @property
    def known(self) -> dict:
        """The files the reader gets wrong today: name -> {symptom, what}."""
        return self._known.get("failures", {})

    @property
    def differential(self) -> dict:
        """The files read differently by the large-file path today: name -> {what}."""
        return self._known.get("differential", {})

    def args(self, name: str) -> list[str]:
        """The arguments of classify for one file of the corpus."""
        return ["classify", str(self.files / name), "--format", "csv", *self.expected[name]["args"]]


def observed_figures(csv_text: str) -> dict[tuple[int, str, str], int]:
    rows = list(csv.reader(io.StringIO(csv_text)))
    if not rows or rows[0][:6] != ["year", "subject", "category", "label", "count", "share"]:
        raise ValueError(f"not classify's CSV: {csv_text[:80]!r}")
    return {(int(r[0]), r[1], r[2]): int(r[4]) for r in rows[1:]}


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("ccq-stats: error:")]


def judge(entry: dict, exit_code: int, stdout: str, stderr: str) -> tuple[str, str]:
    """(verdict, detail): verdict is one of VERDICTS, detail says what differed."""
    if "Traceback" in stderr or exit_code not in (0, 2):
        tail = stderr.strip().splitlines()[-1:] or [""]
        return "crashed", f"exit {exit_code}: {tail[0][:200]}"
    if exit_code == 2:
        errs = error_lines(stderr)
        if len(errs) != 1:
            return "crashed", f"exit 2 without exactly one error line: {stderr.strip()[:200]!r}"
        if entry["expect"] == "refused":
            return "right", errs[0][:240]
        return "refused", errs[0][:240]
    # exit 0
    try:
        got = observed_figures(stdout)
    except ValueError as e:
        return "crashed", str(e)
    if entry["expect"] == "refused":
        return "wrong", "read with exit 0 where a refusal is expected (" + entry["why"] + ")"
    diffs = []
    want_keys = set()
    for year, subject, category, count in entry["rows"]:
        want_keys.add((year, subject))
        have = got.get((year, subject, category))
        if have != count:
            diffs.append(f"{year} {subject} {category}: expected {count}, got {have}")
    for (year, subject, category), count in sorted(got.items()):
        if (year, subject) not in want_keys and category == "total" and count:
            diffs.append(f"{year} {subject} total: expected none, got {count}")
    if diffs:
        return "wrong", "; ".join(diffs)
    return "right", ""


def run_cli(corpus: Corpus, name: str) -> tuple[int, str, str]:
    """classify on one file by the ccq-stats command beside this Python (a process of its own)."""
    exe = Path(sys.executable).with_name("ccq-stats")
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "CCQ_LANG": "en",
            "CCQ_NO_PROGRESS": "1",
            "CCQ_STATS_DB": str(Path(tmp) / "none.sqlite"),
            "NO_COLOR": "1",
        }
        p = subprocess.run([str(exe), *corpus.args(name)], capture_output=True, text=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def main(corpus: Corpus, argv: list[str]) -> int:
    """summarize.py: one line per file, then the totals."""
    expected = corpus.expected
    verbose = "-v" in argv
    names = [a for a in argv if a != "-v"] or sorted(expected)
    totals = dict.fromkeys(VERDICTS, 0)
    for name in names:
        code, out, err = run_cli(corpus, name)
        verdict, detail = judge(expected[name], code, out, err)
        totals[verdict] += 1
        print(f"{verdict:8} {name}" + (f"\n         {detail}" if verbose and detail else ""))
    print(f"\n{len(names)} files: " + ", ".join(f"{v} {n}" for v, n in totals.items()))
    return 0


# -- for the corpus's test file (pytest) ---------------------------------------------------------


class WrongVerdict(AssertionError):
    """A file not read as a careful person reads it: the one failure a known failure may have."""


def cases(corpus: Corpus, xfails: dict, reason, raises=None) -> list:
    """Each file of the corpus as a pytest param; those in ``xfails`` (known_failures.toml) as
    strict xfail with ``reason(entry)``, so a fix that makes one pass turns the test red until its
    entry is taken off the list. ``raises``: the only exception that xfail may absorb."""
    import pytest

    def marks(name):
        if name not in xfails:
            return []
        return [pytest.mark.xfail(strict=True, reason=reason(xfails[name]), raises=raises)]

    return [pytest.param(name, id=name, marks=marks(name)) for name in sorted(corpus.expected)]


def known_failure(entry: dict) -> str:
    return f"{entry['symptom']}: {entry['what']}"
