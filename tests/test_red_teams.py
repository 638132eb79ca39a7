"""The red teams of issue 18 (tests/data/redteam2/ … redteam8/): realistic layouts no
other test has, each set built by a tester who had not read the reader's code.

The files and their expected figures come from each set's generator (make_redteamN.py) and its own
model; never from ccq-stats. Each file runs `ccq-stats classify FILE --format csv`: where a careful
person reads the file one way, every listed figure must match; where a careful person would ask,
the run must stop with exit 2 and one error line. The files the reader gets wrong today are in
each set's known_failures.toml and run as strict xfail, so a fix that makes one pass turns this
red until the list is updated. Each set's summarize.py prints the same verdicts for people.
A new red team is a folder of the same shape and a line in SETS.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from redteam_corpus import Corpus, WrongVerdict, cases, judge, known_failure

pytestmark = pytest.mark.slow

# each set: its folder, and the least it must hold (files, families) so that it cannot shrink unseen
SETS = {
    "redteam2": (45, 12),
    "redteam3": (30, 12),
    "redteam4": (30, 12),
    "redteam5": (40, 12),
    "redteam6": (40, 12),
    "redteam7": (40, 12),
    "redteam8": (40, 12),
}
CORPORA = {name: Corpus(ROOT / "tests" / "data" / name) for name in SETS}


def _each(attribute: str, reason, raises=None) -> list:
    """Every file of every set as a param "set/file", the set's listed ones strict xfail."""
    out = []
    for set_name, corpus in CORPORA.items():
        for param in cases(corpus, getattr(corpus, attribute), reason, raises):
            (name,) = param.values
            out.append(pytest.param(set_name, name, id=f"{set_name}/{name}", marks=param.marks))
    return out


@pytest.mark.parametrize("set_name", SETS)
def test_the_red_team_is_complete(set_name):
    corpus, (least_files, least_families) = CORPORA[set_name], SETS[set_name]
    expected = corpus.expected
    assert {p.name for p in corpus.files.iterdir()} == set(expected)
    assert len(expected) >= least_files
    assert len({f for e in expected.values() for f in e["family"].split(",")}) >= least_families
    assert set(corpus.known) <= set(expected) and set(corpus.differential) <= set(expected)
    assert all(k["symptom"] in ("wrong", "refused", "crashed") for k in corpus.known.values())


@pytest.mark.parametrize("set_name, name", _each("known", known_failure, raises=WrongVerdict))
def test_red_team_file(set_name, name):
    """The file read as it is is judged; then (issue 18 §1: the size of a file never changes a
    figure) read again with the large-file path forced, and both again with extra vocabulary
    (tests/differential.py): the same exit code, output, warnings and errors. One run serves both.
    A file whose verdict is a known failure (xfail, raises=WrongVerdict) still fails here when the
    two paths differ; one listed under [differential] must differ (strict, as a known failure)."""
    from differential import both_ways, outcome

    corpus = CORPORA[set_name]
    first, _ = outcome(corpus.args(name))
    differing = [e["difference"] for e in both_ways(corpus.args(name), None, first) if not e["same"]]
    if name in corpus.differential:
        assert differing, f"reads alike both ways now: take it off [differential] ({corpus.differential[name]['what']})"
    else:
        assert not differing, differing[0][:2000]
    verdict, detail = judge(corpus.expected[name], *first)
    if verdict != "right":
        raise WrongVerdict(detail)
