"""What ccq-stats does with each red-team file: read right, wrong figures with exit 0, refused, crashed.

    .venv/bin/python tests/data/redteam3/summarize.py [-v] [NAME ...]

Runs `ccq-stats classify FILE --format csv` on each file of files/ (the ccq-stats beside this
Python), compares with expected.json (written by make_redteam3.py from its own model) and prints
one line per file, then the totals. `-v` adds the first differing figures and the error line.
tests/test_redteam3.py uses `judge` from here, so both say the same thing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
VERDICTS = ("right", "wrong", "refused", "crashed")


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


def run_cli(name: str) -> tuple[int, str, str]:
    entry = EXPECTED[name]
    exe = Path(sys.executable).with_name("ccq-stats")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CCQ_LANG": "en", "CCQ_NO_PROGRESS": "1", "CCQ_STATS_DB": str(Path(tmp) / "none.sqlite"),
               "NO_COLOR": "1"}
        p = subprocess.run([str(exe), "classify", str(FILES / name), "--format", "csv", *entry["args"]],
                           capture_output=True, text=True, env=env, timeout=300)
    return p.returncode, p.stdout, p.stderr


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [a for a in argv if a != "-v"] or sorted(EXPECTED)
    totals = dict.fromkeys(VERDICTS, 0)
    for name in names:
        code, out, err = run_cli(name)
        verdict, detail = judge(EXPECTED[name], code, out, err)
        totals[verdict] += 1
        print(f"{verdict:8} {name}" + (f"\n         {detail}" if verbose and detail else ""))
    print(f"\n{len(names)} files: " + ", ".join(f"{v} {n}" for v, n in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
