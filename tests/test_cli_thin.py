"""The command line holds no decisions: its modules import the API and a few base modules only,
never the layers below the API (reading, store, write, documents, figures, vocabulary), so
whatever a command decides is in a function a Python user can call too.

And the one place that uses Typer's private names (cli/localisation.py, see its docstring) is
pinned to the Typer range it is tested with: these tests fail when Typer moves them.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import typer

from test_layers import IMPORTS, MODULES

# What a cli module may import of ours: the API layer, and the base modules every layer uses.
# The lead decides the final list; anything else goes through ccq_stats.api / ccq_stats.api.outputs.
ALLOWED = {
    "ccq_stats",  # __version__
    "ccq_stats.api",
    "ccq_stats.api.source",  # the API's Source and ReadOptions
    "ccq_stats.api.outputs",  # the API's writers
    "ccq_stats.api.collecting",  # the API of blank
    "ccq_stats.api.orgs",  # the API of orgs
    "ccq_stats.errors",
    "ccq_stats.i18n",
    "ccq_stats.environment",  # the numeric settings, checked before any command
}

CLI = sorted(name for name in MODULES if name == "ccq_stats.cli" or name.startswith("ccq_stats.cli."))


def test_the_cli_is_a_package_of_small_modules():
    assert len(CLI) > 5
    long = {name: n for name in CLI if (n := len(MODULES[name].read_text(encoding="utf-8").splitlines())) > 600}
    assert not long, f"cli modules over 600 lines: {long}"


@pytest.mark.parametrize("module", CLI)
def test_cli_imports_nothing_below_the_api(module):
    below = sorted(
        {
            f"{target} (line {line})"
            for target, _name, line in IMPORTS[module]
            if target not in ALLOWED and not target.startswith("ccq_stats.cli")
        }
    )
    assert not below, f"{module} imports below the API layer (put the decision in ccq_stats.api): {below}"


def test_no_cli_module_but_localisation_touches_typer_privates():
    private = re.compile(r"typer\._click|typer\.core\._\b|typer\._")
    users = [name for name in CLI if private.search(MODULES[name].read_text(encoding="utf-8"))]
    assert users == ["ccq_stats.cli.localisation"], users


def test_typer_is_within_the_pinned_range():
    """pyproject pins typer>=0.29,<0.30 for cli/localisation.py; widen it only after these pass."""
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"typer>=0.29,<0.30"' in pyproject
    major, minor = (int(part) for part in typer.__version__.split(".")[:2])
    assert (major, minor) == (0, 29), typer.__version__


@pytest.mark.parametrize(
    ("module", "names"),
    [
        ("typer._click", ["Context", "HelpFormatter"]),
        (
            "typer._click.exceptions",
            [
                "BadOptionUsage",
                "BadParameter",
                "ClickException",
                "MissingParameter",
                "NoArgsIsHelpError",
                "NoSuchOption",
                "UsageError",
            ],
        ),
        ("typer.core", ["_"]),  # the words of a help page ("Options", "[default: …]"), which localisation replaces
    ],
)
def test_the_private_typer_names_localisation_uses_are_there(module, names):
    found = importlib.import_module(module)
    assert [n for n in names if not hasattr(found, n)] == []


def test_help_shows_no_python_type_names():
    """A metavar (YEAR, FILE, PATH) says what a value is; never '<int range>', '<path>', '<list[str]>'."""
    from ccq_stats.cli.localisation import command_line

    command = command_line()
    pages = []
    commands = [((), command)]
    while commands:
        path, one = commands.pop()
        ctx = one.context_class(one, info_name=" ".join(("ccq-stats",) + path))
        pages.append(one.get_help(ctx))
        commands += [((*path, name), sub) for name, sub in getattr(one, "commands", {}).items()]
    assert len(pages) >= 12
    typed = sorted({m for page in pages for m in re.findall(r"<(?:int|str|path|float|list\[[^>]*\])[^>]*>", page)})
    assert typed == [], typed


def test_check_help_lists_every_rule_of_the_rule_table():
    import tomllib

    from ccq_stats.api.outputs import rules_listed
    from ccq_stats.vocabulary.scales import RULES

    rules = tomllib.loads(RULES.read_text(encoding="utf-8"))["rules"]
    listed = rules_listed()
    for rule in rules:
        assert f"{rule['id']} ({rule['name']}" in listed
    assert listed.count("a warning") == sum(r["severity"] == "warning" for r in rules)


def test_one_definition_of_each_shared_option():
    """The shared options are written once (cli/options.py) and used by name in the commands."""
    commands = [name for name in CLI if name.endswith("_commands") or name.endswith("_command")]
    text = "\n".join(MODULES[name].read_text(encoding="utf-8") for name in commands)
    for once in (
        '"--header-row"',
        '"--column"',
        '"--scales"',
        '"--db"',
        '"--as-of"',
        '"--warnings"',
        '"--quiet"',
        '"--recursive"',
    ):
        assert once not in text, f"{once} is defined in a command module: use its type from cli/options.py"
    assert "min=1945" not in text and "max=2100" not in text  # year_option() holds the range
