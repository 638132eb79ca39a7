"""Shared helpers: build staff-style spreadsheets in a temporary folder, run the CLI."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

# The tests read English messages, whatever the machine's locale (tests of the Vietnamese ones set
# CCQ_LANG=vi themselves); set before the CLI is imported, since its help texts are read then.
os.environ["CCQ_LANG"] = "en"

from openpyxl import Workbook
from typer.testing import CliRunner

from ccq_stats.cli import app

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"


def make_xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None,
              hidden: tuple[str, ...] = ()) -> Path:
    """A workbook with one sheet per entry; rows are lists of cell values (None = empty)."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for merged in (merges or {}).get(name, []):
            ws.merge_cells(merged)
        if name in hidden:
            ws.sheet_state = "hidden"
    wb.save(path)
    return path


def make_csv(path: Path, rows: list[list], delimiter: str = ",", encoding: str = "utf-8") -> Path:
    text = "\r\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def windows_1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: a precomposed letter where the code page has
    one, else the letter and its tone mark as a combining character."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            for mark in marks if len(marks) == 2 else []:  # the vowel's own mark composed, the tone combining
                composed = unicodedata.normalize("NFC", base + mark)
                if len(composed) == 1 and composed.encode("cp1258", errors="ignore"):
                    base, marks = composed, [m for m in marks if m != mark]
                    break
            out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return out


def run(*args: str, input: bytes | str | None = None):
    """Run ccq-stats in-process; returns the result with .exit_code, .stdout, .stderr.

    With ``CCQ_TEST_DIFFERENTIAL`` naming a file, a reading command is run again with the large-file
    path forced (tests/differential.py) and what differed is logged there, one JSON line a run:
    tests/test_reading_differential.py runs the red-team tests so."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
    log = os.environ.get("CCQ_TEST_DIFFERENTIAL")
    if log:
        import json

        import differential

        if differential.compared([str(a) for a in args]):
            with open(log, "a", encoding="utf-8") as stream:
                for entry in differential.both_ways([str(a) for a in args], input):
                    entry["test"] = os.environ.get("PYTEST_CURRENT_TEST", "")
                    stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return result


def rows_of(csv_text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(csv_text)))


def figures(csv_text: str) -> dict[tuple, int]:
    """{(year, subject, category): count} from classify CSV output (without --by unit)."""
    rows = rows_of(csv_text)
    assert rows[0] == ["year", "subject", "category", "label", "count", "share"]
    return {(int(r[0]), r[1], r[2]): int(r[4]) for r in rows[1:]}


@pytest.fixture
def scales():
    from ccq_stats.scales import load_scales

    return load_scales()


@pytest.fixture(autouse=True)
def _no_user_store(tmp_path_factory, monkeypatch):
    """No test reads or writes the store of the person running them: without --db, a command
    with no PATH reads the default store when one exists (tests that want a store set their own)."""
    if "CCQ_STATS_DB" not in os.environ:
        monkeypatch.setenv("CCQ_STATS_DB", str(tmp_path_factory.getbasetemp() / "no-store-here.sqlite"))
