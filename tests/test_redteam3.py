"""The third red team of issue 18 (tests/data/redteam3/): realistic layouts no other test has.

The files and their expected figures come from make_redteam3.py's own model, written without
reading the reader's code; never from ccq-stats. Each file runs `ccq-stats classify FILE --format
csv`: where a careful person reads the file one way, every listed figure must match; where a careful
person would ask, the run must stop with exit 2 and one error line. The files the reader gets wrong
today are in known_failures.toml and run as strict xfail, so a fix that makes one pass turns this
red until the list is updated. summarize.py prints the same verdicts for people.
"""

from __future__ import annotations

import importlib.util
import tomllib

import pytest

from conftest import ROOT, run

pytestmark = pytest.mark.slow

HERE = ROOT / "tests" / "data" / "redteam3"
FILES = HERE / "files"
_spec = importlib.util.spec_from_file_location("redteam3_summarize", HERE / "summarize.py")
summarize = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(summarize)
EXPECTED = summarize.EXPECTED
_KNOWN_ALL = tomllib.loads((HERE / "known_failures.toml").read_text(encoding="utf-8"))
KNOWN = _KNOWN_ALL["failures"]
DIFFERENTIAL = _KNOWN_ALL.get("differential", {})


def test_the_red_team_is_complete():
    assert {p.name for p in FILES.iterdir()} == set(EXPECTED)
    assert len(EXPECTED) >= 30
    assert len({f for e in EXPECTED.values() for f in e["family"].split(",")}) >= 12
    assert set(KNOWN) <= set(EXPECTED)
    assert set(DIFFERENTIAL) <= set(EXPECTED)
    assert all(k["symptom"] in ("wrong", "refused", "crashed") for k in KNOWN.values())


def _classify(name: str):
    try:
        r = run("classify", FILES / name, "--format", "csv", *EXPECTED[name]["args"])
    except Exception as e:  # noqa: BLE001 - a crash is a verdict here, not an error of the test
        return 1, "", f"Traceback (in process): {type(e).__name__}: {e}"
    return r.exit_code, r.stdout, r.stderr


def _cases():
    for name in sorted(EXPECTED):
        marks = []
        if name in KNOWN:
            marks.append(pytest.mark.xfail(strict=True, reason=f"{KNOWN[name]['symptom']}: {KNOWN[name]['what']}"))
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_cases()))
def test_red_team_file(name):
    verdict, detail = summarize.judge(EXPECTED[name], *_classify(name))
    assert verdict == "right", detail


def _differential_cases():
    for name in sorted(EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=DIFFERENTIAL[name]["what"])] if name in DIFFERENTIAL else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_differential_cases()))
def test_red_team_file_reads_alike_by_rows_and_by_columns(name):
    """Issue 18 §1: the size of a file never changes a figure. Each file again with the large-file path
    forced (tests/differential.py): the same exit code, output, warnings and errors."""
    from differential import both_ways

    entries = both_ways(["classify", str(FILES / name), "--format", "csv", *EXPECTED[name]["args"]], None)
    differing = [e["difference"] for e in entries if not e["same"]]
    assert not differing, differing[0][:2000]
