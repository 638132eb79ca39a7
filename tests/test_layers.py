"""The house's structure, from the package's own imports (function-local ones included).

DESIGN.md's layers, bottom to top: each module imports only from its own layer or a layer
below it, and ``reading``, ``store`` and ``write`` sit side by side knowing nothing of each
other. No import circles; no private name (``_x``) taken from another module.

The modules are read as text (an AST walk), never imported, so the test is fast and sees the
imports inside functions too. A new top-level module must be given its layer in ``TOP_LEVEL``;
a module inside a layer's package (``reading/…``, or ``vocabulary/…`` once it exists) takes the
package's layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ccq_stats"

# Bottom to top. A tuple is one layer of rooms side by side that may not import each other.
LAYERS = (
    "base",  # errors, i18n, text: one error type, messages in the user's language, text folding
    "vocabulary",  # scales (and the TOML they load): tiers, labels, header words, display names
    "figures",  # classify, records, stats, rules, findings
    "documents",  # the data of a report, a month, the forms; rendering
    ("reading", "store", "write"),
    "api",
    "cli",
)
RANK = {room: i for i, layer in enumerate(LAYERS) for room in ((layer,) if isinstance(layer, str) else layer)}

# Each top-level module as it is today. The layer packages DESIGN.md names (vocabulary/,
# figures/, documents/, cli/) take their layer from their name: ccq_stats.cli and every
# ccq_stats.cli.* module are "cli".
TOP_LEVEL = {
    "ccq_stats": "base",  # the version and CREATOR, the mark on the files we write
    "ccq_stats.__main__": "cli",
    "ccq_stats.errors": "base",
    "ccq_stats.i18n": "base",
    "ccq_stats.text": "base",
    "ccq_stats.environment": "base",  # the numeric CCQ_* settings, checked in one place
    # DESIGN.md puts the Vietnamese numbers with the documents, but the rules' messages write
    # shares with them too (rules.py uses pct); a module that imports nothing of ours, like text.
    "ccq_stats.numbers": "base",
    "ccq_stats.api": "api",
}

# Imports that cross the layers today and need a bigger move than this test's change: each one
# named, with why it is allowed for now. Remove an entry when its import goes; an entry that no
# longer matches an import fails the test, so the list cannot go stale.
TEMPORARY: dict[tuple[str, str], str] = {}


def _modules() -> dict[str, Path]:
    mods = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = path
    return mods


MODULES = _modules()


TREES = {name: ast.parse(path.read_text(encoding="utf-8"), str(path)) for name, path in MODULES.items()}


def _imports(name: str, path: Path) -> list[tuple[str, str, int]]:
    """(module imported, name taken from it or "", line) for every import of ours in the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = []
    for node in ast.walk(TREES[name]):
        if isinstance(node, ast.Import):
            out += [(a.name, "", node.lineno) for a in node.names if a.name.split(".")[0] == PACKAGE.name]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE.name:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                # "from ccq_stats.store import roster" imports a module; anything else a name in one
                out.append((sub, "", node.lineno) if sub in MODULES else (target, alias.name, node.lineno))
    return out


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def room(module: str) -> str:
    """The layer (or the side-by-side room) a module belongs to."""
    if module in TOP_LEVEL:
        return TOP_LEVEL[module]
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in RANK:
        return parts[1]
    raise KeyError(module)


def test_every_module_has_a_layer():
    unplaced = []
    for name in MODULES:
        try:
            room(name)
        except KeyError:
            unplaced.append(name)
    assert not unplaced, f"give these modules their layer in TOP_LEVEL (tests/test_layers.py): {unplaced}"


def _crossings() -> dict[tuple[str, str], list[str]]:
    """Every import that goes up a layer or sideways into another room, keyed by (importer, imported)."""
    found: dict[tuple[str, str], list[str]] = {}
    for name, imports in IMPORTS.items():
        mine = room(name)
        for target, _name, line in imports:
            theirs = room(target)
            if RANK[theirs] > RANK[mine] or (RANK[theirs] == RANK[mine] and theirs != mine):
                found.setdefault((name, target), []).append(
                    f"{MODULES[name].relative_to(PACKAGE.parent)}:{line}: {mine} imports {target} ({theirs})"
                )
    return {key: list(dict.fromkeys(lines)) for key, lines in found.items()}  # one line per import statement


def test_imports_go_only_downward():
    crossings = _crossings()
    wrong = [line for key, lines in sorted(crossings.items()) if key not in TEMPORARY for line in lines]
    assert not wrong, "imports against DESIGN.md's layer order:\n" + "\n".join(wrong)


def test_temporary_exceptions_are_still_needed():
    stale = sorted(set(TEMPORARY) - set(_crossings()))
    assert not stale, f"these exceptions no longer match an import; remove them from TEMPORARY: {stale}"


@pytest.mark.parametrize(
    ("importer", "imported", "allowed"),
    [
        ("ccq_stats.reading.sources", "ccq_stats.write.text", False),
        ("ccq_stats.documents.month", "ccq_stats.store.roster", False),
        ("ccq_stats.vocabulary.scales", "ccq_stats.figures.findings", False),
        ("ccq_stats.store.history", "ccq_stats.figures.stats", True),
        ("ccq_stats.write.document", "ccq_stats.documents.render", True),
        ("ccq_stats.reading.plan", "ccq_stats.reading.header", True),
        ("ccq_stats.cli", "ccq_stats.api", True),
        ("ccq_stats.cli.read_commands", "ccq_stats.api", True),
        ("ccq_stats.api", "ccq_stats.cli", False),
        ("ccq_stats.api.outputs", "ccq_stats.cli.output", False),
    ],
)
def test_the_order_itself(importer, imported, allowed):
    """The rule the checks above apply, on arrows whose answer DESIGN.md gives in words."""
    mine, theirs = room(importer), room(imported)
    assert (RANK[theirs] < RANK[mine] or theirs == mine) is allowed


def test_no_import_cycles():
    # A package's __init__ re-exporting its modules while they import each other is no cycle
    # (Python resolves it); an edge from a module up to its own package is left out for that.
    graph = {
        name: {t for t, _n, _l in imports if t != name and not name.startswith(t + ".")}
        for name, imports in IMPORTS.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    assert not cycles, f"import cycles: {cycles}"


def test_no_private_names_across_modules():
    private = []
    for name, imports in IMPORTS.items():
        for target, taken, line in imports:
            if taken.startswith("_") and not taken.startswith("__") and target != name:
                private.append(f"{MODULES[name].relative_to(PACKAGE.parent)}:{line}: {taken} from {target}")
        # ``import ccq_stats.x as x`` then ``x._y``: the same thing by attribute
        tree = TREES[name]
        aliases = {
            a.asname or a.name: a.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for a in node.names
            if a.name.split(".")[0] == PACKAGE.name
        }
        aliases |= {
            a.asname or a.name: f"{t}.{a.name}"
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for a in node.names
            for t in [node.module or ""]
            if f"{t}.{a.name}" in MODULES
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                private.append(
                    f"{MODULES[name].relative_to(PACKAGE.parent)}:{node.lineno}: "
                    f"{node.attr} of {aliases[node.value.id]}"
                )
    assert not private, "private names used across modules:\n" + "\n".join(private)


def test_every_reading_module_is_in_the_reading_packages_table():
    """reading/__init__.py's table is the map of the reading stage: a module missing from it is a
    room nobody can find (eight were, before this test)."""
    import ccq_stats.reading as reading

    here = Path(reading.__file__).parent
    missing = [p.stem for p in here.glob("*.py") if p.stem != "__init__" and f"``{p.stem}``" not in reading.__doc__]
    assert not missing, f"name these modules in ccq_stats/reading/__init__.py's table: {missing}"
