"""Run a command of ccq-stats twice – as it is, and with the large-file path of the reader forced
(``by_columns.MIN_BYTES_ENV`` set to 0, so that every plain list, however small, is read by
columns) – and say whether the two runs gave the same bytes: output, warnings and errors.

Used by tests/test_reading_differential.py, directly on the layout corpus, and by
``conftest.run`` on every reading command of a test marked ``differential`` (the red-team tests).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from typer.testing import CliRunner

from ccq_stats.cli import app
from ccq_stats.reading import by_columns

MORE_WORDS = Path(__file__).resolve().parent / "data" / "differential" / "more_words.toml"
READING = {"classify", "check", "inspect"}  # commands that read files and write to stdout only
WRITES = {"-o", "--output", "--warnings", "--db"}


def compared(args: list[str], input=None) -> bool:
    """Is this command one the test runs both ways (it reads files and writes nothing but stdout)?"""
    return bool(args) and args[0] in READING and not WRITES & set(args)


@contextlib.contextmanager
def _forced(on: bool):
    old = os.environ.get(by_columns.MIN_BYTES_ENV)
    if on:
        os.environ[by_columns.MIN_BYTES_ENV] = "0"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(by_columns.MIN_BYTES_ENV, None)
        else:
            os.environ[by_columns.MIN_BYTES_ENV] = old


def outcome(args: list[str], input=None, forced: bool = False) -> tuple[tuple, int]:
    """((exit code, stdout, stderr), how many files the column reader kept) of one run."""
    taken = []
    read = by_columns.read

    def counting(*a, **k):
        frame = read(*a, **k)
        if frame is not None:
            taken.append(a[0])
        return frame

    by_columns.read = counting
    try:
        with _forced(forced):
            result = CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=True)
    finally:
        by_columns.read = read
    crash = "" if result.exception is None or isinstance(result.exception, SystemExit) else repr(result.exception)
    return (result.exit_code, result.stdout, result.stderr + crash), len(taken)


def both_ways(args: list[str], input=None, first: tuple | None = None) -> list[dict]:
    """For the command as given and with MORE_WORDS added (unless it gives --scales itself): was
    the output the same both ways, and how many files the column path kept. ``first``: the
    (exit code, stdout, stderr) of the command as given, when the caller has just run it."""
    out = []
    variants = [list(args)] + ([list(args) + ["--scales", str(MORE_WORDS)]] if "--scales" not in args else [])
    for n, variant in enumerate(variants):
        plain = first if n == 0 and first is not None else outcome(variant, input)[0]
        forced, taken = outcome(variant, input, forced=True)
        out.append(
            {
                "args": [str(a) for a in variant],
                "same": plain == forced,
                "by_columns": taken,
                "difference": "" if plain == forced else _difference(plain, forced),
            }
        )
    return out


def _difference(plain: tuple, forced: tuple) -> str:
    import difflib

    lines = []
    for name, a, b in zip(("exit", "stdout", "stderr"), plain, forced):
        if a != b:
            lines.append(f"--- {name}")
            lines += difflib.unified_diff(
                str(a).splitlines(), str(b).splitlines(), "as is", "by columns", lineterm="", n=1
            )
    return "\n".join(lines[:60])
