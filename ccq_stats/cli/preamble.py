"""What every command body does first and last, written once: bad input exits 2 (one line, no
traceback), the source read (files or the store, from the API), the progress bar, the store
state said on stderr, --strict's exit code."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from pathlib import Path

import typer

from ccq_stats import api
from ccq_stats.api import outputs
from ccq_stats.cli.logs import be_quiet
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _


def bad_input_exits_2(command):
    """Bad input: one line on stderr, exit code 2, nothing on stdout (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            sys.stderr.write(_("ccq-stats: error: {message}").format(message=exc) + "\n")
            raise typer.Exit(2) from None

    return wrapper


def start(source: api.Source, output: Path | None, quiet: bool = False) -> api.Source:
    """The preamble of a command that reads: --quiet applied, and the output checked not to
    replace anything the source reads (before anything is read). Returns the source."""
    be_quiet(quiet)
    api.refuse_overwriting_inputs(output, source)
    return source


def exit_if_broken(findings, strict: bool) -> None:
    """--strict: exit code 1 when a finding is a broken rule (severity error); findings are
    ``Finding``s or, in a report's context, dicts."""
    if strict and any((f["severity"] if isinstance(f, dict) else f.severity) == "error" for f in findings):
        raise typer.Exit(1)


def say_store_state(state: dict | None, quiet: bool) -> None:
    """On stderr: the store state an output was built from (outputs without a place for it)."""
    if state and not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in [outputs.store_note(state)]))


@contextlib.contextmanager
def progress_bar(source: api.Source | None = None, delay: float = 2.0):
    """A progress bar over the files on stderr – only at a terminal, only while files are read
    (not a store), and only once reading has taken `delay` seconds; nothing at all in a pipe or
    a cron job. Yields the ``progress(done, total, path)`` the API calls, or None."""
    if (source is not None and source.is_store) or not sys.stderr.isatty() or "CCQ_NO_PROGRESS" in os.environ:
        yield None
        return
    import threading

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn(_("reading")),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("", total=None)
    timer = threading.Timer(delay, bar.start)
    timer.daemon = True
    timer.start()

    def update(done: int, total: int, path: str) -> None:
        bar.update(task, completed=done, total=total, description=Path(path).name if path else "")

    try:
        yield update
    finally:
        timer.cancel()
        bar.stop()
