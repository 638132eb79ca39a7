"""Files -> the tidy table (records.py): the reading stage from end to end.

Each file's type comes from its bytes (``sources``). The untrusted bytes of workbooks, text
and Parquet files are parsed into grids in the reader process (``sandbox``), under memory and
time limits; the grids come back here, where their headers are found and their rows read
(``plan``, ``by_rows``). A large plain member list in CSV or Parquet is read by columns here
(``by_columns``), with pyarrow.
"""

from __future__ import annotations

from dataclasses import dataclass

from ccq_stats.errors import InputError, Where
from ccq_stats.findings import Notes
from ccq_stats.reading import by_columns
from ccq_stats.reading.by_rows import sheet_records
from ccq_stats.reading.grid import Sheet, filled
from ccq_stats.reading.header import SCAN_ROWS
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.parse import parse_grids
from ccq_stats.reading.plan import check_sheet, expected_hint, plan_sheet
from ccq_stats.reading.sandbox import isolated, start_reader
from ccq_stats.reading.sources import expand_paths, file_type, is_stream, read_stream
from ccq_stats.records import COLUMNS, folded
from ccq_stats.scales import Scales

# repeated texts travel as categoricals (small to pickle between processes, quick to pass on)
_CATEGORICAL = ("subject", "shape", "org", "parent", "org_kind", "host_type", "source_file", "source_sheet",
                "source_header", "raw_label")


@dataclass
class Reading:
    """What the reading stage gives: the tidy records (labels not yet classified) and its notes."""

    records: object  # a pandas DataFrame with the columns of records.COLUMNS
    notes: Notes


def open_grids(path: str, kind_of_file: str, limits: Limits, notes: Notes, data: bytes | None = None) -> list[Sheet]:
    """The sheets of a file, parsed in the reader process (``data``: the bytes of stdin or a
    pipe, read already: see ``sources.read_stream``)."""
    sheets, parse_notes = isolated(parse_grids, path, kind_of_file, data, limits, limits=limits,
                                   display="<stdin>" if path == "-" else path)
    notes.extend(parse_notes)
    return sheets


def read_file(path: str, kind_of_file: str, scales: Scales, year: int | None = None, shape: str | None = None,
              notes: Notes | None = None, data: bytes | None = None):
    """The records of every sheet of one file, read row by row (labels not yet classified);
    ``data``: its bytes when it is stdin or a pipe."""
    import pandas as pd

    notes, limits = Notes() if notes is None else notes, Limits.from_env()
    frames, skipped = [], []
    for sheet in open_grids(path, kind_of_file, limits, notes, data):
        if not any(filled(v) for row in sheet.rows for v in row):
            continue  # an empty sheet
        if sheet.hidden:
            notes.warn(f"{sheet.file}: hidden sheet '{sheet.name}' skipped")
            continue
        check_sheet(sheet, limits)
        plan = plan_sheet(sheet, scales, year, shape, notes)
        if plan is None:
            skipped.append(sheet)
        else:
            frames.append(sheet_records(plan, scales, notes))
    if not frames:
        first = skipped[0] if skipped else None
        raise InputError(
            "no rating or count column found" if first else "no data in the file",
            where=first.where() if first else Where("<stdin>" if path == "-" else path),
            hint=expected_hint(shape) + f" (looked in the first {SCAN_ROWS} rows)",
        )
    for sheet in skipped:
        notes.warn(f"{sheet.where()}: no rating table found; sheet skipped")
    # plain texts: a file read row by row is small, and categoricals per file cost more than they save
    # (~10 ms a file; read_paths makes every text plain again anyway)
    return _typed(pd.concat(frames, ignore_index=True), categorical=False)


def _typed(frame, categorical: bool = True):
    """The tidy table with its types; repeated texts as categoricals (or plain)."""
    frame = frame[list(COLUMNS)].copy()
    frame["year"] = frame["year"].astype("int64")
    frame["count"] = frame["count"].astype("int64")
    for name in _CATEGORICAL:
        frame[name] = frame[name].astype("category" if categorical else object)
    return frame


def _read_one(path: str, kind_of_file: str, scales: Scales, year, shape, notes: Notes, by_columns_ok=True,
              data: bytes | None = None):
    """One file's records: by columns when it is a large plain list, else row by row."""
    if by_columns_ok and kind_of_file in ("text", "parquet") and data is None:
        frame = by_columns.read(path, scales, year, shape, kind_of_file, notes)
        if frame is not None:
            frame = _typed(frame)
            frame.attrs["aggregated"] = True  # alike member rows are one record with a count
            return frame
    return read_file(path, kind_of_file, scales, year, shape, notes, data)


def read_paths(paths: list[str], scales: Scales, year: int | None = None, shape: str | None = None,
               progress=None) -> Reading:
    """Read every sheet of every file into one tidy table (labels not yet classified).

    ``shape`` forces every sheet to be read as units, members or counts (``--kind``).
    ``progress(done, total, path)``, if given, is called before each file and once at the end.
    """
    import pandas as pd

    notes = Notes()
    files = expand_paths(paths, notes)
    limits = Limits.from_env()
    streams = {path: read_stream(path, limits) for path in files if is_stream(path)}  # read once, bounded
    kinds = [file_type(path, notes, streams.get(path)) for path in files]
    start_reader()  # its start-up overlaps the work below
    frames = []
    for done, (path, kind_of_file) in enumerate(zip(files, kinds)):
        if progress:
            progress(done, len(files), path)
        frames.append(_read_one(path, kind_of_file, scales, year, shape, notes, data=streams.get(path)))
    if progress:
        progress(len(files), len(files), "")
    _unless_shared(frames, files, kinds, scales, year, shape)
    frame = pd.concat(frames, ignore_index=True) if frames else _typed(pd.DataFrame({name: [] for name in COLUMNS}))
    for name in _CATEGORICAL:  # later stages want plain text
        frame[name] = frame[name].astype(object)
    if frame.empty:
        shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        raise InputError(f"no ratings in {shown}", hint="the sheets have a header but no rows under it")
    return Reading(frame, notes)


def _unless_shared(frames: list, files: list[str], kinds: list[str], scales: Scales, year, shape) -> None:
    """A file read by columns counts alike member rows together, so a member it lists that another
    file lists too (same organisation and year) would count twice: such a file is read again row
    by row, and reconcile() then finds the member in both. Checked per (year, organisation)."""
    if len(frames) < 2 or not any(f.attrs.get("aggregated") for f in frames):
        return
    pairs = []
    for frame in frames:
        members = frame[frame["shape"] == "members"]
        pairs.append(set(zip(members["year"], folded(members["org"].astype(object)))))
    for i, frame in enumerate(frames):
        others = set().union(*(p for j, p in enumerate(pairs) if j != i))
        if frame.attrs.get("aggregated") and pairs[i] & others:
            frames[i] = _read_one(files[i], kinds[i], scales, year, shape, Notes(), by_columns_ok=False)  # noted already
