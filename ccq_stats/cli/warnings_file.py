"""``--warnings FILE``: the run's warnings also as data, for a job to act on."""

from __future__ import annotations

import contextlib
import functools
import logging
from pathlib import Path
from typing import Optional

import typer

from ccq_stats.cli.preamble import read_where
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _


def keeps_warnings(reads_here: bool = False):
    """``--warnings FILE``: every warning of the run (the notes with their place, and plain log
    warnings) kept by a logging handler and written atomically when the run ends – also when it
    ends with bad input (exit 2: the error is the last row) or with --strict's exit 1. A crash
    writes nothing, so no file means the run did not finish. ``reads_here``: without PATHs the
    command reads the working folder (report, forms)."""

    def decorate(command):
        @functools.wraps(command)
        def wrapper(*args, **kwargs):
            path = kwargs.get("warnings")
            if path is None:
                return command(*args, **kwargs)
            paths = kwargs.get("paths") or (["."] if reads_here else [])
            form = _warnings_form(path, kwargs.get("output"), read_where(paths, kwargs.get("recursive", False)))
            kept = _WarningRows()
            logger = logging.getLogger("ccq_stats")
            logger.addHandler(kept)
            try:
                result = command(*args, **kwargs)
            except InputError as exc:
                kept.add_error(exc)
                with contextlib.suppress(InputError):  # the folder was checked first; the run's own error matters more
                    _write_warnings(path, kept.rows, form)
                raise
            except typer.Exit:  # --strict's exit 1 (and any other deliberate exit): the run is over
                _write_warnings(path, kept.rows, form)
                raise
            finally:
                logger.removeHandler(kept)
            _write_warnings(path, kept.rows, form)
            return result

        return wrapper

    return decorate


def _warnings_form(path: Path, output: Optional[Path], paths: list[str]) -> str:
    """The form of the --warnings file ("csv" or "jsonl"), after checking that it can be written
    and replaces neither the output nor an input (checked before anything is read)."""
    from ccq_stats.reading.sources import expand_paths, is_one_of
    from ccq_stats.write.warnings_file import WARNINGS_SUFFIXES

    if str(path) == "-":
        raise InputError(_("--warnings cannot be standard output: the data goes there"),
                         hint=_("give a file name, e.g. --warnings warnings.csv"))
    form = WARNINGS_SUFFIXES.get(path.suffix.lower())
    if form is None:
        raise InputError(_("--warnings writes a .csv, .json or .jsonl file"), file=str(path),
                         hint=_("end the name in .csv (a table) or .jsonl (one JSON object per line)"))
    if path.is_dir() or not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise InputError(_("the --warnings file cannot be written there (a folder, or in a folder that does not exist)"),
                         file=str(path), hint=_("give a file name in an existing folder"))
    if output is not None and (path.resolve() == output.resolve() or is_one_of(path, [str(output)])):
        raise InputError(_("--warnings and -o name the same file"), file=str(path), hint=_("give the warnings another file name"))
    if path.exists():
        try:
            inputs = expand_paths(paths)
        except InputError:  # a folder without spreadsheets: reading it will say so (and that error is kept)
            inputs = paths
        if is_one_of(path, inputs):
            raise InputError(_("the --warnings file is one of the inputs"), file=str(path),
                             hint=_("write the warnings to another file"))
    return form


class _WarningRows(logging.Handler):
    """The run's warnings as rows of the --warnings file, whether or not --quiet keeps them from stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.rows: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        from ccq_stats.write.warnings_file import warning_row

        note = getattr(record, "note", None)  # api._tell sends each note along: its place as columns
        level = "error" if record.levelno >= logging.ERROR else "warning"
        if note is not None:
            self.rows.append(warning_row(level, note.where, note.message))
        else:
            self.rows.append(warning_row(level, None, record.getMessage()))

    def add_error(self, error: InputError) -> None:
        """The bad-input error that ended the run: its place as columns, the rest (message, value,
        hint) as the message, as stderr says it after the place."""
        from ccq_stats.write.warnings_file import warning_row

        what = InputError(error.message, value=error.value, hint=error.hint)
        self.rows.append(warning_row("error", error.where, str(what)))


def _write_warnings(path: Path, rows: list[dict], form: str) -> None:
    from ccq_stats import write
    from ccq_stats.write.warnings_file import warnings_text

    try:
        write.atomic_write(path, warnings_text(rows, form).encode("utf-8"))
    except OSError as exc:
        raise InputError(_("cannot write the warnings file: {reason}").format(reason=exc.strerror), file=str(path),
                         hint=_("check the folder exists and is writable")) from None
