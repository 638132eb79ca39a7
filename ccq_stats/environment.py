"""The numeric settings read from the environment, each with its range, checked in one place.

A limit set by mistake must not silently become no limit (``CCQ_READ_MEMORY_MB=-1``), a
message that reads "longer than -5 s", or a traceback (``CCQ_STATS_DB_TIMEOUT=nan``): every
value is a finite number within its range, or the run stops with one line naming the setting.
The defaults are where each setting is used (``reading.limits``, ``render``, ``store``); the
table here says only what a value may be. SECURITY.md lists them.
"""

from __future__ import annotations

import math
import os

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number

_MB = 1024 * 1024  # megabytes: up to 1 TB, more than any machine this runs on gives one file
# name -> (smallest, largest, whole number?)
RANGES: dict[str, tuple[float, float, bool]] = {
    "CCQ_MAX_UNZIPPED_MB": (1, _MB, True),
    "CCQ_MAX_RATIO": (1, 1_000_000, True),
    "CCQ_MAX_CELLS": (1, 1_048_576 * 16_384, True),  # Excel's largest sheet
    "CCQ_MAX_COLUMNS": (1, 16_384, True),  # Excel's columns
    "CCQ_READ_MEMORY_MB": (256, _MB, True),  # below 256 MB the reader process cannot even start its libraries
    "CCQ_READ_TIMEOUT": (1, 7 * 86_400, True),  # a week
    "CCQ_MAX_STREAM_MB": (1, _MB, True),
    "CCQ_MEMORY_MB": (0, _MB, True),  # 0: three quarters of the machine's memory
    "CCQ_TEMPLATE_TIMEOUT": (1, 86_400, True),
    "CCQ_TEMPLATE_MEMORY_MB": (1, _MB, True),
    "CCQ_TEMPLATE_OUTPUT_MB": (1, _MB, True),
    "CCQ_STATS_DB_TIMEOUT": (0, 7 * 86_400, False),  # seconds, e.g. 0.3
}


def number_setting(name: str, default: float | None = None) -> float | int | None:
    """The value of the environment variable ``name`` (one of ``RANGES``), checked; ``default``
    when it is unset or empty."""
    low, high, whole = RANGES[name]
    raw = os.environ.get(name, "")
    if not raw.strip():
        return default
    text = raw.strip().replace("_", "")
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        message = (
            _("{variable} is not a whole number") if whole else _("{variable} is not a number of seconds")
        ).format(variable=name)
        raise InputError(message, value=raw, hint=_("see SECURITY.md")) from None
    if not math.isfinite(value) or not low <= value <= high:
        raise InputError(
            _("{variable} must be from {low} to {high}").format(variable=name, low=_shown(low), high=_shown(high)),
            value=raw,
            hint=_("see SECURITY.md"),
        )
    return value


def check_all() -> None:
    """Check every numeric setting that is set (at the start of a run: a bad one is said at
    once, not when the file that needs it comes)."""
    for name in RANGES:
        number_setting(name)


def _shown(value: float) -> str:
    return number(int(value))
