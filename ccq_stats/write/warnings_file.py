"""The run's warnings as data (``--warnings FILE``): one row per warning, and the error that
ended the run, if one did, so that a job can act on them.

Columns, a contract that only grows at the end: level (``warning`` or ``error``), file, sheet,
row (as Excel numbers it), column (its letter), message (for people, in the user's language,
without the place: the place is in the columns before it). A column is empty (null in JSON)
when the warning is not about such a place. CSV (UTF-8, a header row, always written: an empty
run still has its header) or JSON Lines (one object per line; an empty file when there were no
warnings), chosen by the file's suffix.
"""

from __future__ import annotations

import csv
import io
import json

from ccq_stats.errors import Where, column_letter
from ccq_stats.figures.findings import WARNING_COLUMNS

WARNINGS_SUFFIXES = {".csv": "csv", ".json": "jsonl", ".jsonl": "jsonl"}


def warning_row(level: str, where: Where | None, message: str) -> dict:
    """One row: ``level`` ("warning", "error"), the place ``where`` names (None: no place), the message."""
    where = where or Where()
    return {
        "level": level,
        "file": where.file or None,
        "sheet": where.sheet or None,
        "row": where.row,
        "column": column_letter(where.column) if where.column is not None else None,
        "message": message,
    }


def warnings_csv(rows: list[dict]) -> str:
    """The rows as CSV with its header; None is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(WARNING_COLUMNS)
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in WARNING_COLUMNS])
    return buffer.getvalue()


def warnings_jsonl(rows: list[dict]) -> str:
    """The rows as JSON Lines: one object per line, the columns as keys, null where CSV is empty."""
    return "".join(json.dumps({c: row[c] for c in WARNING_COLUMNS}, ensure_ascii=False) + "\n" for row in rows)


def warnings_text(rows: list[dict], form: str) -> str:
    """The rows in ``form``: "csv" or "jsonl" (see WARNINGS_SUFFIXES)."""
    return warnings_csv(rows) if form == "csv" else warnings_jsonl(rows)
