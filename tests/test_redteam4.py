"""The fourth red team of issue 18 (tests/data/redteam4/): realistic layouts no other test has.

The files and their expected figures come from make_redteam4.py's own model, written without
reading the reader's code; never from ccq-stats. Each file runs `ccq-stats classify FILE --format
csv`: where a careful person reads the file one way, every listed figure must match; where a careful
person would ask, the run must stop with exit 2 and one error line. The files the reader gets wrong
today are in known_failures.toml and run as strict xfail, so a fix that makes one pass turns this
red until the list is updated. summarize.py prints the same verdicts for people.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from redteam_corpus import Corpus, cases, classify_in_process, judge, known_failure

pytestmark = pytest.mark.slow

CORPUS = Corpus(ROOT / "tests" / "data" / "redteam4")
EXPECTED = CORPUS.expected
KNOWN = CORPUS.known
DIFFERENTIAL = CORPUS.differential


def test_the_red_team_is_complete():
    assert {p.name for p in CORPUS.files.iterdir()} == set(EXPECTED)
    assert len(EXPECTED) >= 30
    assert len({f for e in EXPECTED.values() for f in e["family"].split(",")}) >= 12
    assert set(KNOWN) <= set(EXPECTED)
    assert set(DIFFERENTIAL) <= set(EXPECTED)
    assert all(k["symptom"] in ("wrong", "refused", "crashed") for k in KNOWN.values())


@pytest.mark.parametrize("name", cases(CORPUS, KNOWN, known_failure))
def test_red_team_file(name):
    verdict, detail = judge(EXPECTED[name], *classify_in_process(CORPUS, name))
    assert verdict == "right", detail


@pytest.mark.parametrize("name", cases(CORPUS, DIFFERENTIAL, lambda entry: entry["what"]))
def test_red_team_file_reads_alike_by_rows_and_by_columns(name):
    """Issue 18 §1: the size of a file never changes a figure. Each file again with the large-file path
    forced (tests/differential.py): the same exit code, output, warnings and errors."""
    from differential import both_ways

    entries = both_ways(CORPUS.args(name), None)
    differing = [e["difference"] for e in entries if not e["same"]]
    assert not differing, differing[0][:2000]
