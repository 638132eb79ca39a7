"""The work of the reader process (``sandbox``): a file's untrusted bytes -> grids of cells.

Only this runs there: it is where a crafted file can crash a native parser or exhaust memory.
It imports nothing heavy (no pandas), so that the reader process starts in a fraction of a second.
"""

from __future__ import annotations

from ccq_stats.figures.findings import Notes
from ccq_stats.reading.grid import Sheet, as_columns
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.parquet import parquet_grid
from ccq_stats.reading.textfile import text_grid
from ccq_stats.reading.workbook import workbook_grids


def parse_grids(path: str, kind_of_file: str, data: bytes | None, limits: Limits) -> tuple[list[Sheet], Notes]:
    """The sheets of a file as grids of cell values, and the notes made on the way (``data``: the
    bytes of stdin or a pipe). It touches the file's bytes: run it in the reader process. A grid
    whose rows are all as wide goes back as its columns (``grid.ColumnGrid``).

    The cyclic garbage collector is paused meanwhile: a grid is a list per row, hundreds of
    thousands of new lists and none in a cycle, whose making set off collection after collection,
    each going through every row made so far (python-calamine's ``to_python`` of 200,000 rows:
    0.3–1.0 s with them, 0.1–0.25 s without; as ``sandbox`` unpickles the answer)."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        sheets, notes = _grids(path, kind_of_file, data, limits)
        for sheet in sheets:
            sheet.rows = as_columns(sheet.rows)
    finally:
        if paused:
            gc.enable()
    return sheets, notes


def _grids(path: str, kind_of_file: str, data: bytes | None, limits: Limits) -> tuple[list[Sheet], Notes]:
    notes = Notes()
    if data is not None:  # stdin or a pipe, read already: text (sources.file_type refuses the rest)
        return [text_grid(data, "<stdin>" if path == "-" else path, notes)], notes
    if kind_of_file == "workbook":
        return workbook_grids(path, limits), notes
    if kind_of_file == "parquet":
        return [parquet_grid(path)], notes
    with open(path, "rb") as stream:
        return [text_grid(stream.read(), path, notes)], notes
