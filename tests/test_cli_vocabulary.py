"""The command line's choices are the vocabulary's (scales.toml), written nowhere else; and the
options several commands take are declared once, in cli/options.py.

The values of --kind, --by, --base, --quota-base and --term-mean are read from scales.toml
through the API; an enum or a list that writes them out again by hand fails here, anywhere in
the package (enums) or in the command line (any list of them).
"""

from __future__ import annotations

import ast
import functools
import tomllib

import pytest
import typer.main

from ccq_stats.cli import app
from conftest import ROOT
from test_cli_thin import CLI
from test_layers import MODULES, TREES

DATA = tomllib.loads((ROOT / "ccq_stats" / "scales.toml").read_text(encoding="utf-8"))
# Each option's values as scales.toml writes them (read here from the TOML, not from our code).
VOCABULARY = {
    "shapes": DATA["shapes"],
    "group_by": DATA["group_by"],
    "share_bases": DATA["share_bases"],
    "quota_bases": DATA["quota_bases"],
    "term_means": DATA["term_means"],
}
OPTIONS = {  # (command, option) -> its values in scales.toml
    ("classify", "--kind"): "shapes",
    ("check", "--kind"): "shapes",
    ("inspect", "--kind"): "shapes",
    ("import", "--kind"): "shapes",
    ("blank", "--shape"): "shapes",
    ("classify", "--by"): "group_by",
    ("classify", "--base"): "share_bases",
    ("check", "--quota-base"): "quota_bases",
    ("report", "--quota-base"): "quota_bases",
    ("report", "--term-mean"): "term_means",
}


@functools.cache
def _commands():
    return typer.main.get_command(app).commands


def _option(command: str, name: str):
    return next(p for p in _commands()[command].params if name in p.opts)


@pytest.mark.parametrize(("command", "option"), sorted(OPTIONS))
def test_an_option_takes_the_values_of_the_vocabulary_in_its_order(command, option):
    values = VOCABULARY[OPTIONS[command, option]]
    assert values and [member.value for member in _option(command, option).type_descriptor.annotation] == values


def test_help_lists_the_vocabulary_values():
    from ccq_stats.cli.localisation import command_line

    group = command_line()
    one = group.commands["classify"]
    page = one.get_help(one.context_class(one, info_name="ccq-stats classify"))
    for values in (VOCABULARY["shapes"], VOCABULARY["group_by"], VOCABULARY["share_bases"]):
        assert "<" + "|".join(values) + ">" in page


def _enum_values(tree: ast.AST) -> list[tuple[int, set[str]]]:
    """(line, values) of each enum declared in a module: a class with Enum among its bases, or
    Enum("Name", [...]) with the values written out."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(_name(base).endswith("Enum") for base in node.bases):
            values = {
                stmt.value.value
                for stmt in node.body
                if isinstance(stmt, ast.Assign)
                and isinstance(stmt.value, ast.Constant)
                and isinstance(stmt.value.value, str)
            }
            found.append((node.lineno, values))
        elif isinstance(node, ast.Call) and _name(node.func).endswith("Enum") and len(node.args) > 1:
            found.append((node.lineno, _strings(node.args[1])))
    return found


def _name(node: ast.AST) -> str:
    """Enum, enum.Enum, IntEnum …: the last part of a name."""
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _strings(node: ast.AST) -> set[str]:
    """The string constants written inside a literal (a tuple of pairs too)."""
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _literals(tree: ast.AST) -> list[tuple[int, set[str]]]:
    """(line, values) of each tuple, list or set of strings written out in a module."""
    return [
        (node.lineno, {e.value for e in node.elts})
        for node in ast.walk(tree)
        if isinstance(node, (ast.Tuple, ast.List, ast.Set))
        and len(node.elts) > 1
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    ]


def _copies(module: str, tree: ast.AST, literals: bool) -> list[str]:
    written = _enum_values(tree) + (_literals(tree) if literals else [])
    return [
        f"{module}:{line}: the {what} of scales.toml written again"
        for line, values in written
        for what, vocabulary in VOCABULARY.items()
        if set(vocabulary) <= values
    ]


def test_no_enum_or_command_line_list_writes_the_vocabulary_again():
    gateway = set(CLI)
    # only modules that name an enum can declare one: the others are not walked (a fast test)
    copies = [
        copy
        for module, tree in TREES.items()
        if module in gateway or "Enum" in MODULES[module].read_text(encoding="utf-8")
        for copy in _copies(module, tree, literals=module in gateway)
    ]
    assert copies == []


@pytest.mark.parametrize(
    "source",
    [
        'class Kind(str, Enum):\n    units = "units"\n    members = "members"\n    counts = "counts"\n',
        'class By(Enum):\n    year = "year"\n    unit = "unit"\n',
        'QuotaBase = enum.Enum("QuotaBase", [("good", "good"), ("good_or_better", "good_or_better")])\n',
        'TERM_MEANS = ("shares", "pooled")\n',
        'choice = click.Choice(["rated", "total"])\n',
    ],
)
def test_a_hand_written_copy_would_be_found(source):
    """The check above is not blind: each way of writing the values again is caught."""
    assert _copies("ccq_stats.cli.example", ast.parse(source), literals=True)


# Options several commands take with help words of their own: the name, short name and metavar
# are written once in cli/options.py (a *_option function); a command module writes only its help.
SHARED = (
    '"--output"',
    '"-o"',
    '"--format"',
    '"-f"',
    '"--strict"',
    '"--bom"',
    '"--names"',
    '"--date"',
    '"--dry-run"',
    '"--revert"',
    '"--orgs"',
    '"--db"',
    '"--quiet"',
    '"-q"',
)


def test_the_shared_options_are_declared_only_in_cli_options():
    commands = [name for name in CLI if name.endswith(("_commands", "_command"))]
    assert len(commands) >= 4
    for name in commands:
        text = MODULES[name].read_text(encoding="utf-8")
        assert [option for option in SHARED if option in text] == [], name
    assert "class " not in "".join(MODULES[name].read_text(encoding="utf-8") for name in commands)  # enums too
