"""What the reader makes of each case of the layout corpus, one line per case that it gets wrong.

    .venv/bin/python tests/data/layouts/survey.py            # the cases that fail, and why
    .venv/bin/python tests/data/layouts/survey.py --toml     # the same as lines for known_failures.toml

It runs `ccq-stats classify FILE --format csv` in-process, like tests/test_layout_corpus.py, and
compares with cases.toml. The reasons it prints are what the reader did (its own messages and
figures); the expected side always comes from cases.toml, i.e. from the generator's model.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import figures, run  # noqa: E402
from test_layout_corpus import CASES, FILES, differences  # noqa: E402


def problems(name: str) -> list[str]:
    case = CASES[name]
    result = run("classify", FILES / name, *case["args"], "--format", "csv")
    err = result.stderr.strip().replace(f"{FILES}/", "")
    last = err.splitlines()[-1] if err else ""
    if result.exit_code != case["exit"]:
        return [f"exit {result.exit_code}: {last}"]
    out = [f"message lacks {p!r}: {last}" for p in case.get("error", []) if p not in err]
    out += [
        f"message says {p!r}: " + next(line for line in err.splitlines() if p in line)
        for p in case.get("forbid", [])
        if p in err
    ]
    if len(err.splitlines()) > case.get("max_stderr_lines", 10**9):
        out.append(f"{len(err.splitlines())} lines on stderr: {err.splitlines()[0]}")
    if case["exit"] == 0:
        wrong = differences(case["figures"], figures(result.stdout))
        if wrong:
            out.append("wrong figures (exit 0): " + " | ".join(wrong))
    return out


def main() -> None:
    toml = "--toml" in sys.argv
    failing = 0
    for name in sorted(CASES):
        found = problems(name)
        if not found:
            continue
        failing += 1
        why = " ;; ".join(found).replace("ccq-stats: error: ", "").replace("ccq-stats: warning: ", "")
        if toml:
            why = " ;; ".join(re.sub(r" \(hint: .*\)$", "", part) for part in why.split(" ;; "))
            why = why if len(why) <= 330 else why[:329] + "…"
            print(f'"{name}" = "' + why.replace("\\", "\\\\").replace('"', '\\"') + '"')
        else:
            print(f"{name}\t{why}")
    print(f"{len(CASES) - failing} of {len(CASES)} cases read right", file=sys.stderr)


if __name__ == "__main__":
    main()
