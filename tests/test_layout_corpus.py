"""The layout corpus (tests/data/layouts/): the reader's exam for issue 9.

Every file there was written by make_layouts.py from a model of a bloc, and cases.toml holds the
figures counted from that model (never from ccq-stats). Each case runs `ccq-stats classify FILE
--format csv` and compares every figure exactly. Cases the reader got wrong when the corpus was
written are listed in known_failures.toml and run as strict xfail: a reader that fixes one makes
the case fail until it is taken off the list. See tests/data/layouts/README.md.
"""

from __future__ import annotations

import tomllib

import pytest

from conftest import ROOT, figures, run

LAYOUTS = ROOT / "tests" / "data" / "layouts"
FILES = LAYOUTS / "files"
CORPUS = tomllib.loads((LAYOUTS / "cases.toml").read_text(encoding="utf-8"))
CASES = CORPUS["cases"]
KNOWN = tomllib.loads((LAYOUTS / "known_failures.toml").read_text(encoding="utf-8"))["failures"]
TIERS = ("top", "good", "pass", "fail")
ORG_CATEGORIES = ["total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail", "good_or_better"]
MEMBER_CATEGORIES = ["total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail", "good_or_better"]


def test_the_corpus_is_complete():
    assert {p.name for p in FILES.iterdir()} == set(CASES)
    assert len(CASES) >= 60
    for cls in range(1, 10):  # every class of the issue has several cases
        assert sum(cls in c["classes"] for c in CASES.values()) >= 2, cls
    assert set(KNOWN) <= set(CASES), set(KNOWN) - set(CASES)


def test_the_expected_figures_add_up():
    """The oracle's own arithmetic (README, 'The output contract'); an error case has no figures."""
    for name, case in CASES.items():
        assert ("figures" in case) == (case["exit"] == 0) == (not case.get("error")), name
        for block, f in case.get("figures", {}).items():
            where = f"{name}: {block}"
            assert list(f) == (MEMBER_CATEGORIES if block.endswith("members") else ORG_CATEGORIES), where
            assert f["rated"] == sum(f[t] for t in TIERS), where
            assert f["total"] == f["rated"] + f["not_rated"] + f.get("exempt", 0), where
            assert f["good_or_better"] == f["top"] + f["good"], where
            assert f.get("exemplary", 0) <= f["top"], where


def differences(expected: dict[str, dict[str, int]], got: dict[tuple, int]) -> list[str]:
    """What differs between the expected blocks and the classify output, as readable lines."""
    blocks: dict[str, dict[str, int]] = {}
    for (year, subject, category), count in got.items():
        blocks.setdefault(f"{year} {subject}", {})[category] = count
    out = []
    for block, cats in sorted(expected.items()):
        if block not in blocks:
            out.append(f"{block}: missing from the output")
            continue
        wrong = [f"{k} {blocks[block].get(k)} (expected {v})" for k, v in cats.items() if blocks[block].get(k) != v]
        extra = sorted(set(blocks[block]) - set(cats))
        if wrong or extra:
            out.append(f"{block}: " + ", ".join(wrong + [f"unexpected category {k}" for k in extra]))
    for block in sorted(set(blocks) - set(expected)):
        if any(blocks[block].values()):  # a block of zeros for a subject the file lacks harms nobody
            out.append(f"{block}: in the output but not in the file ({blocks[block]})")
    return out


def case_params() -> list:
    return [
        pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[name])] if name in KNOWN else [], id=name)
        for name in sorted(CASES)
    ]


@pytest.mark.parametrize("name", case_params())
def test_layout(name):
    case = CASES[name]
    result = run("classify", FILES / name, *case["args"], "--format", "csv")
    stderr = result.stderr
    assert result.exit_code == case["exit"], f"{case['about']}\n{stderr}"
    for part in case.get("error", []) + case.get("warning", []):
        assert part in stderr, f"the message should mention {part!r}: {stderr}"
    for part in case.get("forbid", []):
        assert part not in stderr, f"the messages should not say {part!r}: {stderr}"
    if "max_stderr_lines" in case:
        assert len(stderr.splitlines()) <= case["max_stderr_lines"], stderr
    if case["exit"] != 0:
        assert result.stdout == ""
        return
    wrong = differences(case["figures"], figures(result.stdout))
    assert not wrong, f"{case['about']}\n" + "\n".join(wrong) + f"\n{stderr}"
