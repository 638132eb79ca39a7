"""What every command body does first, written once: bad input exits 2, the source (store or files), the progress bar."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

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


def exit_if_broken(context: dict, strict: bool) -> None:
    """--strict: exit code 1 when a finding of the report is a broken rule (severity error)."""
    if strict and any(f["severity"] == "error" for f in context["findings"]):
        raise typer.Exit(1)


def say_store_state(state: Optional[dict], quiet: bool) -> None:
    """On stderr: the store state an output was built from (outputs without a place for it)."""
    from ccq_stats.write.stamp import note

    if state and not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in [note(state)]))


def store_for(paths: Optional[list[str]], db: Optional[str], year=None, kind=None, required: bool = True,
               as_of: Optional[str] = None) -> Optional[str]:
    """The store a reading command reads – ``--db``, or, when no PATH is given, the store if
    there is one – or None to read the files (an error when there are none and ``required``)."""
    from ccq_stats.store import exists, locate

    if as_of is not None and paths:
        raise InputError(_("--as-of reads the store: give no PATH with it"), value=as_of, hint=_("drop the PATHs, and give --db if the store is not the default one"))
    if db is None and paths:
        return None
    if db is not None and paths:
        raise InputError(_("give files or --db, not both"), hint=_("drop --db to read the files, or the PATHs to read the store"))
    location = locate(db)
    if db is None and not exists(location):
        if required or as_of is not None:
            raise InputError(_("no PATH given and no store yet"), file=location,
                             hint=_("give the spreadsheets, or import them first: ccq-stats import PATH"))
        return None
    if year is not None or kind is not None:
        raise InputError(_("--year and --kind are for reading files; the store's records have their years and shapes"),
                         hint=_("give them to ccq-stats import"))
    return location


def issuer_of(settings: Optional[Path], **overrides):
    from ccq_stats.write.settings import load_issuer

    return load_issuer(settings, overrides)


def parse_date(text: Optional[str]):
    import datetime

    if text is None:
        return None
    try:
        if "/" in text:  # 21/10/2020, as Vietnamese documents write dates
            day, month, year = (int(part) for part in text.split("/"))
            return datetime.date(year, month, day)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(_("--date is not a date"), value=text,
                         hint=_("write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2020-10-21 or 21/10/2020")) from None


@contextlib.contextmanager
def progress_bar(delay: float = 2.0):
    """A progress bar over the files on stderr – only at a terminal, and only once reading has
    taken `delay` seconds; nothing at all in a pipe or a cron job."""
    if not sys.stderr.isatty() or "CCQ_NO_PROGRESS" in os.environ:
        yield None
        return
    import threading

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn(_("reading")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"),
                   console=Console(stderr=True), transient=True)
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


def value_of(option: Optional[Enum]) -> Optional[str]:
    return option.value if option is not None else None


def read_where(paths: Optional[list[str]], recursive: bool) -> Optional[list[str]]:
    """The PATHs to read: with --recursive, each folder's sub-folders that hold spreadsheets too."""
    if not recursive or not paths:
        return paths
    from ccq_stats.reading.sources import with_subfolders

    return with_subfolders(paths)
