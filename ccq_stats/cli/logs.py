"""Logging: warnings on stderr, one line each, in the user's language; counted for --strict; --quiet."""

from __future__ import annotations

import logging
import os
import sys

from ccq_stats.errors import escaped
from ccq_stats.i18n import gettext as _


class _StderrFormatter(logging.Formatter):
    def __init__(self, color: bool) -> None:
        super().__init__()
        self.color = color

    def format(self, record: logging.LogRecord) -> str:
        level = (
            _("error")
            if record.levelno >= logging.ERROR
            else _("warning")
            if record.levelno >= logging.WARNING
            else _("note")
        )
        tag = f"\x1b[33m{level}\x1b[0m" if self.color and record.levelno >= logging.WARNING else level
        return f"ccq-stats: {tag}: {escaped(record.getMessage())}"  # one line, and no name's ESC reaches the terminal


class _WarningCount(logging.Handler):
    """How many warnings a run gave (for --strict), whether or not --quiet kept them from stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


warnings_given = _WarningCount()


def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    handler.setFormatter(_StderrFormatter(color))
    logger = logging.getLogger("ccq_stats")
    warnings_given.count = 0
    logger.handlers[:] = [handler, warnings_given]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def be_quiet(quiet: bool) -> None:
    """--quiet: errors only on stderr (the warnings are still counted, for --strict)."""
    if quiet:
        logging.getLogger("ccq_stats").handlers[0].setLevel(logging.ERROR)
