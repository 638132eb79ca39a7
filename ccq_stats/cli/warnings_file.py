"""``--warnings FILE``: the run's warnings also as data, for a job to act on."""

from __future__ import annotations

import contextlib
import functools
import logging

import typer

from ccq_stats.api import outputs
from ccq_stats.errors import InputError


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
            form = outputs.warnings_file_form(path, kwargs.get("output"), paths, kwargs.get("recursive", False))
            kept = _WarningRows()
            logger = logging.getLogger("ccq_stats")
            logger.addHandler(kept)
            try:
                result = command(*args, **kwargs)
            except InputError as exc:
                kept.add_error(exc)
                with contextlib.suppress(InputError):  # the folder was checked first; the run's own error matters more
                    outputs.write_warnings(path, kept.rows, form)
                raise
            except typer.Exit:  # --strict's exit 1 (and any other deliberate exit): the run is over
                outputs.write_warnings(path, kept.rows, form)
                raise
            finally:
                logger.removeHandler(kept)
            outputs.write_warnings(path, kept.rows, form)
            return result

        return wrapper

    return decorate


class _WarningRows(logging.Handler):
    """The run's warnings as rows of the --warnings file, whether or not --quiet keeps them from stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.rows: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        note = getattr(record, "note", None)  # api.tell_notes sends each note along: its place as columns
        level = "error" if record.levelno >= logging.ERROR else "warning"
        if note is not None:
            self.rows.append(outputs.warning_row(level, note.where, note.message))
        else:
            self.rows.append(outputs.warning_row(level, None, record.getMessage()))

    def add_error(self, error: InputError) -> None:
        """The bad-input error that ended the run: its place as columns, the rest (message, value,
        hint) as the message, as stderr says it after the place."""
        what = InputError(error.message, value=error.value, hint=error.hint)
        self.rows.append(outputs.warning_row("error", error.where, str(what)))
