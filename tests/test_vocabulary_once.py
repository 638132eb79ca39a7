"""Every word of the vocabulary is written once, as data: the Python names are read from the
package's TOML files, and no module writes them again."""

from __future__ import annotations

import re
import tomllib

import pytest

from ccq_stats.documents import form_figures
from ccq_stats.vocabulary import scales
from conftest import ROOT

PACKAGE = ROOT / "ccq_stats"
# Modules other branches of this session rewrite (the reader's rooms, the command line): they still
# write the year range out and are to take FIRST_YEAR / LAST_YEAR / HEADER_FIRST_YEAR / is_rating_year
# from ccq_stats.vocabulary.scales when they are ported. Remove a file from here once it does.
NOT_YET = {"cli.py", "reading/cells.py", "reading/plan.py", "reading/header.py"}


def toml(name: str) -> dict:
    return tomllib.loads((PACKAGE / name).read_text(encoding="utf-8"))


def sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in NOT_YET:
            yield name, path.read_text(encoding="utf-8")


def test_the_words_of_the_code_are_the_toml_files():
    data = toml("scales.toml")
    assert scales.TIERS == ("top", "good", "pass", "fail") == tuple(data["tiers"])
    assert scales.STATUSES == ("exempt", "not_rated", "left") == tuple(data["statuses"])
    assert scales.SUBJECTS == ("units", "cells", "members") == tuple(data["subjects"])
    assert scales.SHAPES == ("units", "members", "counts") == tuple(data["shapes"])
    assert scales.TERM_MEANS == ("shares", "pooled") and scales.QUOTA_BASES == ("good", "good_or_better")
    assert scales.SHARE_BASES == ("rated", "total") and scales.GROUP_BY == ("year", "unit")
    assert (scales.FIRST_YEAR, scales.LAST_YEAR, scales.HEADER_FIRST_YEAR) == (1945, 2100, 1990)
    assert scales.DEFAULT_ORG == data["names"]["default_org"] == "Đảng bộ Khối các cơ quan tỉnh"


@pytest.mark.parametrize("value, accepted", [(1945, True), (2100, True), (2019.0, True), (1944, False),
                                             (2101, False), (2019.5, False), (True, False), ("2019", False)])
def test_a_rating_year_is_a_whole_number_in_the_range(value, accepted):
    assert scales.is_rating_year(value) is accepted


def test_no_module_writes_the_vocabulary_again():
    tiers = re.compile(r"""\(\s*["']top["'],\s*["']good["'],\s*["']pass["'],\s*["']fail["']\s*\)""")
    subjects = re.compile(r"""\(\s*["']units["'],\s*["']cells["'],\s*["']members["']\s*\)""")
    repeated = []
    for name, text in sources():
        years = re.compile(r"\b1945\b|\b2100\b")
        for what, pattern in (("tiers", tiers), ("subjects", subjects), ("year range", years),
                              ("default organisation", re.compile("Khối các cơ quan tỉnh"))):
            if pattern.search(text):
                repeated.append(f"{name}: {what}")
    assert repeated == []


def test_the_forms_layout_of_a_year_is_data(monkeypatch):
    assert [form_figures.regime_of_form(y) for y in (2008, 2017, 2018, 2025)] == ["hd27", "hd27", "qd132", "qd132"]
    # a newer rulebook's forms: one more entry in [forms] layouts (documents.toml), no code
    data = dict(form_figures.forms_vocabulary())
    data["layouts"] = data["layouts"] + [{"id": "qd366", "first_year": 2025}]
    monkeypatch.setattr(form_figures, "forms_vocabulary", lambda: data)
    assert [form_figures.regime_of_form(y) for y in (2017, 2024, 2025, 2030)] == ["hd27", "qd132", "qd366", "qd366"]
