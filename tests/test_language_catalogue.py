"""Messages in the users' language (issue 13): the catalogue is whole and compiled, every message
for people goes through it, the language follows the environment, and what programs read does not
change with it."""

from __future__ import annotations

import ast
import gettext
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ccq_stats import i18n

PACKAGE = Path(i18n.__file__).parent
PO = PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "ccq_stats.po"
MO = PO.with_suffix(".mo")


# -- the catalogue --------------------------------------------------------------------------


def _extracted() -> dict:
    """msgid -> (singular, plural) of every message the code wraps, as Babel extracts them."""
    from babel.messages.extract import extract_from_dir

    found = {}
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), keywords={"_": None, "N_": None, "ngettext": (1, 2)}, method_map=[("**.py", "python")]
    ):
        key = message[0] if isinstance(message, tuple) else message
        found[key] = message
    return found


def _catalogue():
    from babel.messages.pofile import read_po

    with PO.open("rb") as f:
        return read_po(f)


def test_every_message_has_a_vietnamese_translation():
    catalogue = _catalogue()
    missing = [
        m
        for m in _extracted()
        if m not in catalogue
        or not catalogue[m].string
        or (isinstance(catalogue[m].string, tuple) and not all(catalogue[m].string))
    ]
    assert not missing, (
        f"{len(missing)} message(s) not in the catalogue (run python -m ccq_stats.i18n, then translate): {missing[:5]}"
    )


def test_no_fuzzy_or_obsolete_entries_and_placeholders_match():
    catalogue = _catalogue()
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not fuzzy, f"fuzzy entries (a guess Babel made; check and unmark them): {fuzzy[:5]}"
    assert not catalogue.obsolete, f"obsolete entries: {list(catalogue.obsolete)[:5]}"
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()]
    assert not problems, problems[:5]
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        named = set().union(*(_fields(i) for i in ids))
        for text in strings:
            # str.format placeholders: a translation that drops or invents one breaks the message
            assert _fields(ids[-1]) <= _fields(text) <= named, (message.id, text)


def _fields(text: str) -> set:
    import string

    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_the_shipped_mo_is_the_po_compiled():
    """The package ships the compiled catalogue: it must say what the .po says."""
    catalogue = _catalogue()
    with MO.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert compiled.ngettext(message.id[0], message.id[1], 1) == message.string[0], message.id
        else:
            assert compiled.gettext(message.id) == message.string, f"{message.id!r}: run python -m ccq_stats.i18n"


def test_the_catalogue_is_in_the_package_data():
    from tomllib import loads

    data = loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["ccq_stats"]
    assert "locale/*/LC_MESSAGES/*.mo" in data


# -- every message for people goes through the catalogue -------------------------------------


def _literal(node) -> bool:
    """A text written in place (a str constant with letters, or an f-string), or one joined into it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        words = re.sub(r"%[sdr]|\{[^}]*\}", "", node.value)  # "%s" alone is a format, not words
        return any(ch.isalpha() for ch in words)
    if isinstance(node, ast.JoinedStr):
        return any(_literal(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _literal(node.left) or _literal(node.right)
    return False


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _unwrapped(tree) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        checked = []
        if name in ("InputError", "warn", "Exit", "BadParameter"):
            checked = node.args[:1]
        elif name == "found":
            checked = node.args[1:2]
        elif (
            name in ("warning", "error", "info")
            and node.args
            or name == "write"
            and isinstance(node.func, ast.Attribute)
            and ast.unparse(node.func.value) == "sys.stderr"
        ):
            checked = node.args[:1]
        checked += [k.value for k in node.keywords if k.arg in ("hint", "help", "message")]
        found += [(n.lineno, ast.unparse(n)[:70]) for n in checked if _literal(n)]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "i18n.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_messages_for_people_are_wrapped_for_translation(path):
    """Errors, hints, warnings, help and progress are written as _("…") (or ngettext), never as a
    bare string or f-string, so that Babel extracts them and the user reads them in their language."""
    unwrapped = _unwrapped(ast.parse(path.read_text(encoding="utf-8")))
    assert not unwrapped, f"{path.name}: message(s) not wrapped in _(): {unwrapped[:6]}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_underscore_is_never_a_variable_where_it_translates(path):
    """A module that imports _ must not also bind it (``for _, x in …``): the function's _ would be
    the loop value, and the message a TypeError."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imports = any(
        isinstance(n, ast.ImportFrom) and any((a.asname or a.name) == "_" for a in n.names) for n in ast.walk(tree)
    )
    if not imports:
        return
    bound = [
        n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)
    ]
    assert not bound, f"{path.name}: _ bound at line(s) {bound}"


# -- the language ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "environment, expected",
    [
        ({}, "en"),
        ({"LANG": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, "vi"),
        ({"LC_MESSAGES": "vi_VN", "LANG": "en_GB.UTF-8"}, "vi"),
        ({"LANGUAGE": "en:vi", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"LANGUAGE": "vi", "LANG": "C"}, "vi"),
        ({"CCQ_LANG": "vi", "LANG": "en_US.UTF-8"}, "vi"),
        ({"CCQ_LANG": "en", "LANG": "vi_VN.UTF-8"}, "en"),
        ({"CCQ_LANG": "vi_VN"}, "vi"),
    ],
)
def test_the_language_follows_the_environment(monkeypatch, environment, expected):
    for name in ("CCQ_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.language() == expected


def test_messages_switch_with_the_language(monkeypatch):
    from ccq_stats.errors import InputError

    error = InputError("bad", file="a.xlsx", sheet="S", row=3, column=1, hint="fix it")
    monkeypatch.setenv("CCQ_LANG", "en")
    assert str(error) == "a.xlsx, sheet 'S', row 3, column B: bad (hint: fix it)"
    monkeypatch.setenv("CCQ_LANG", "vi")
    assert str(error) == "a.xlsx, trang tính 'S', dòng 3, cột B: bad (gợi ý: fix it)"


@pytest.mark.parametrize("langid, expected", [(0x042A, "vi"), (0x0409, "en"), (0x0809, "en")])
def test_on_windows_the_display_language_decides_when_no_variable_is_set(monkeypatch, langid, expected):
    """Windows sets no LANG: the user's display language (GetUserDefaultUILanguage; 0x042A is
    vi-VN) decides. Tried here with a stand-in for the Windows call."""
    import ctypes
    from types import SimpleNamespace

    for name in ("CCQ_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(
        ctypes,
        "windll",
        SimpleNamespace(kernel32=SimpleNamespace(GetUserDefaultUILanguage=lambda: langid)),
        raising=False,
    )
    assert i18n.language() == expected
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # a variable set (Git Bash, MSYS) still wins
    assert i18n.language() == "en"


@pytest.mark.slow
def test_a_findings_place_is_data_the_same_in_every_language(tmp_path):
    """check's CSV/JSON `where` column is read by programs and kept in the store: English words in
    every language, while the line for people on stderr is in the user's language."""
    from conftest import make_xlsx

    path = make_xlsx(
        tmp_path / "so_luong.xlsx",
        {
            "2019": [
                ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
                [1, "Chi bộ Sở A", 2, 5, 1, 0],
                [2, "Chi bộ Sở B", 1, 4, 0, 1],
                ["", "Tổng cộng", 3, 9, 1, 2],  # KHTNV: the rows add up to 1, the totals row says 2
            ]
        },
    )
    outputs = {}
    for lang in ("en", "vi"):
        done = subprocess.run(
            [sys.executable, "-m", "ccq_stats", "check", str(path), "--format", "json"],
            capture_output=True,
            text=True,
            env={**os.environ, "CCQ_LANG": lang},
            cwd=tmp_path,
        )
        assert done.returncode == 0, done.stderr
        outputs[lang] = json.loads(done.stdout)
    totals = [f for f in outputs["en"] if f["rule"] == "totals_row"]
    assert [f["where"] for f in totals] == [f"{path}, sheet '2019', row 4, column F (KHTNV)"]
    assert outputs["vi"] == outputs["en"]
