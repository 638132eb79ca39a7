"""Every word of the vocabulary is written once, as data: the Python names are read from the
package's TOML files, and no module writes them again."""

from __future__ import annotations

import ast
import re
import tomllib

import pytest

from ccq_stats.documents import form_figures
from ccq_stats.text import strip_marks
from ccq_stats.vocabulary import scales
from conftest import ROOT

PACKAGE = ROOT / "ccq_stats"
# Modules other branches of this session rewrite (the reader's rooms, the command line): they still
# write the year range out and are to take FIRST_YEAR / LAST_YEAR / HEADER_FIRST_YEAR / is_rating_year
# from ccq_stats.vocabulary.scales when they are ported. Remove a file from here once it does.
NOT_YET = {"cli.py"}


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


@pytest.mark.parametrize(
    "value, accepted",
    [
        (1945, True),
        (2100, True),
        (2019.0, True),
        (1944, False),
        (2101, False),
        (2019.5, False),
        (True, False),
        ("2019", False),
    ],
)
def test_a_rating_year_is_a_whole_number_in_the_range(value, accepted):
    assert scales.is_rating_year(value) is accepted


def test_no_module_writes_the_vocabulary_again():
    tiers = re.compile(r"""\(\s*["']top["'],\s*["']good["'],\s*["']pass["'],\s*["']fail["']\s*\)""")
    subjects = re.compile(r"""\(\s*["']units["'],\s*["']cells["'],\s*["']members["']\s*\)""")
    repeated = []
    for name, text in sources():
        years = re.compile(r"\b1945\b|\b2100\b")
        for what, pattern in (
            ("tiers", tiers),
            ("subjects", subjects),
            ("year range", years),
            ("default organisation", re.compile("Khối các cơ quan tỉnh")),
        ):
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


# The calls whose first argument is a regular expression, and the vocabulary's phrase makers: a
# Vietnamese word written in one of them is vocabulary in Python, to be read from the TOML instead.
PATTERN_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split", "phrase"}


def _marked_words() -> set[str]:
    """Every word of scales.toml written with diacritics, folded as the reader folds text ("năm" ->
    "nam", "ngày" -> "ngay"): in a pattern, such a word is that Vietnamese word typed without marks."""
    words = set(re.findall(r"[^\W\d_]+", (PACKAGE / "scales.toml").read_text(encoding="utf-8").casefold()))
    return {strip_marks(w) for w in words if strip_marks(w) != w}


def vietnamese_in_patterns(name: str, text: str, marked: set[str]) -> list[str]:
    """``name:line: word`` for each Vietnamese word in a regular expression or a phrase of a module:
    a word with a letter outside ASCII ("đó", "trở"), or a word of the vocabulary typed without its
    marks ("nam", "ngay"). Escapes (\\s, \\d) are no letters; a character class stands for its
    first letter ("n[aă]m" is "nam", "[a-zđ]" one letter, no word); a negated one for none."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            # [phrase(p) for p in ("^tiêu biểu", …)]: the words are in what the loop goes over
            targets = {n.id for g in node.generators for n in ast.walk(g.target) if isinstance(n, ast.Name)}
            if any(
                _is_pattern_call(call) and isinstance(call.args[0], ast.Name) and call.args[0].id in targets
                for call in ast.walk(node.elt)
            ):
                found += _words_in(name, [g.iter for g in node.generators], marked)
        elif _is_pattern_call(node):
            found += _words_in(name, [node.args[0]], marked)
    return found


def _is_pattern_call(node) -> bool:
    return (
        isinstance(node, ast.Call)
        and bool(node.args)
        and (
            (
                isinstance(node.func, ast.Attribute)
                and node.func.attr in PATTERN_CALLS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
            )
            or (isinstance(node.func, ast.Name) and node.func.id == "phrase")
        )
    )


def _words_in(name: str, trees: list, marked: set[str]) -> list[str]:
    found = []
    for part in (p for tree in trees for p in ast.walk(tree)):
        if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
            continue
        # a group's opening ("(?:", "(?<!", "(?P<name>") and escapes are no letters
        pattern = re.sub(r"\\.", " ", part.value)
        pattern = re.sub(r"\(\?(?:<?[=!]|:|>|P?<\w+>|[aiLmsux-]+[:)])", " ", pattern)
        pattern = re.sub(r"\[(\^?)([^\]]?)[^\]]*\]", lambda m: " " if m[1] else m[2], pattern)
        for word in re.findall(r"[^\W\d_]{2,}", pattern):
            folded = word.casefold()
            if not folded.isascii() or folded in marked:
                found.append(f"{name}:{part.lineno}: {word}")
    return found


def test_no_vietnamese_word_in_a_pattern_of_the_reader():
    marked = _marked_words()
    assert {"nam", "ngay", "thang", "diem", "nguoi"} <= marked  # the check knows the words it looks for
    found = [
        hit
        for path in sorted((PACKAGE / "reading").glob("*.py"))
        for hit in vietnamese_in_patterns(f"reading/{path.name}", path.read_text(encoding="utf-8"), marked)
    ]
    assert found == [], "Vietnamese words in the reader's patterns: put them in scales.toml [reading_words]"


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ('X = re.compile(r"^trong\\s+(?:đó|do)\\s*[:,.]?", re.I)', {"đó", "do"}),
        ('X = re.compile(r"\\bngay\\b.{0,14}\\bthang\\b.{0,14}\\bnam\\b")', {"ngay", "thang", "nam"}),
        ('X = re.compile(r"(?:\\bn[aă]m\\s*)?((?:19|20)\\d\\d)")', {"nam"}),
        ('X = phrase("tiêu biểu")', {"tiêu", "biểu"}),
        ('X = [phrase(p) for p in ("^tiêu biểu", "^đạt tiêu biểu")]', {"tiêu", "biểu", "đạt"}),
        ('X = re.compile(r"\\s*\\b(?:trở|tro)\\s+(?:lên|len)\\s*$", re.I)', {"trở", "tro", "lên", "len"}),
        ('X = re.compile(r"^\\(?[a-zđ][.)]?$")', set()),  # a letter in a class is no word
        ('X = re.compile(r"\\s*(in|cm|mm|pt)?\\s*")', set()),
        ('X = re.compile(r"(?:" + IN_WHICH + r")\\s*")', set()),  # a pattern made from the TOML's words
    ],
)
def test_the_pattern_check_finds_vietnamese_words(source, words):
    found = vietnamese_in_patterns("m.py", source, _marked_words())
    assert {hit.rsplit(" ", 1)[1] for hit in found} == words
