"""Files -> the tidy table (records.py): the reading stage from end to end.

Each file's type comes from its bytes (``sources``). The untrusted bytes of workbooks, text
and Parquet files are parsed into grids in the reader process (``sandbox``), under memory and
time limits; the grids come back here, where their headers are found and their rows read
(``plan``, ``by_rows``). A large plain member list in CSV or Parquet is read by columns here
(``by_columns``), with pyarrow.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass

from ccq_stats.errors import InputError, Where, name_shown
from ccq_stats.figures.findings import Notes
from ccq_stats.figures.records import COLUMNS, folded, without_control_characters
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading import by_columns, legend
from ccq_stats.reading.account import check_sheet_skipped
from ccq_stats.reading.by_rows import sheet_records
from ccq_stats.reading.choice_lists import is_choice_list
from ccq_stats.reading.collection import is_instructions
from ccq_stats.reading.continued import continued_plan, inherited_year
from ccq_stats.reading.figures_table import read_figures_table
from ccq_stats.reading.grid import Sheet, filled, text_at
from ccq_stats.reading.header import SCAN_ROWS, likely_header
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.not_data import is_contents
from ccq_stats.reading.page_rows import column_number_rows
from ccq_stats.reading.parse import parse_grids
from ccq_stats.reading.plan import NotATable, check_sheet, expected_hint, next_table, plan_sheet
from ccq_stats.reading.repeats import drop_copies, drop_repeated_sheets
from ccq_stats.reading.rows import PLAIN_TEXTS
from ccq_stats.reading.sandbox import isolated, start_reader
from ccq_stats.reading.side_by_side import side_by_side
from ccq_stats.reading.sources import expand_paths, file_type, is_stream, read_stream
from ccq_stats.reading.status_titles import status_by_title, status_over_blanks
from ccq_stats.reading.summary_check import check_summaries
from ccq_stats.reading.tier_headings import tiers_by_heading
from ccq_stats.reading.transposed import transposed_counts
from ccq_stats.reading.typed_lines import lines_as_table
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.scales import Scales

# repeated texts travel as categoricals (small to pickle between processes, quick to pass on)
_CATEGORICAL = PLAIN_TEXTS


@dataclass
class Reading:
    """What the reading stage gives: the tidy records (labels not yet classified) and its notes."""

    records: object  # a pandas DataFrame with the columns of records.COLUMNS
    notes: Notes


def open_grids(path: str, kind_of_file: str, limits: Limits, notes: Notes, data: bytes | None = None) -> list[Sheet]:
    """The sheets of a file, parsed in the reader process (``data``: the bytes of stdin or a
    pipe, read already: see ``sources.read_stream``)."""
    if kind_of_file == "text":
        _fits_the_reader_process(path, len(data) if data is not None else os.path.getsize(path), limits)
    sheets, parse_notes = isolated(
        parse_grids, path, kind_of_file, data, limits, limits=limits, display="<stdin>" if path == "-" else path
    )
    notes.extend(parse_notes)
    shown = name_shown(
        path
    )  # a name that is not UTF-8 (bad\xff.csv) or holds an ESC: as messages show it, in every record
    if shown != path:
        for sheet in sheets:
            sheet.file = shown
    return sheets


# peak address space of the reader process per byte of a text file it parses into a grid, and its
# own start (measured: 25 MB of member list took 414 MB, of which 152 MB before the file)
READER_BYTES, READER_BASE_MB = 14, 200


def _fits_the_reader_process(path: str, size: int, limits: Limits) -> None:
    """Refuse, before parsing, a text file the reader process could not parse within its memory
    limit: the estimate and the limit agree, and the message says what is true (the file is too
    big to read row by row), not that a CSV may be a bomb."""
    need = int(READER_BASE_MB + READER_BYTES * size / 2**20)
    if need > limits.read_memory_mb:
        raise InputError(
            _(
                "this file is read row by row, which would need about {need} MB of memory, more than the "
                "{limit} MB the reader may use"
            ).format(need=number(need), limit=number(limits.read_memory_mb)),
            file="<stdin>" if path == "-" else path,
            hint=_(
                "split the file (by year or by organisation); a plain member list of 8 MB or more (a header "
                "row, then one row per member) is read by columns, without this limit; or raise CCQ_READ_MEMORY_MB if "
                "the machine has that much memory free (see SECURITY.md)"
            ),
        )


def read_sheets(
    path: str,
    kind_of_file: str,
    scales: Scales,
    year: int | None = None,
    shape: str | None = None,
    notes: Notes | None = None,
    mapping=None,
    keep_going: bool = False,
    data: bytes | None = None,
):
    """(sheet, plan or None, records or None, why) of every sheet of one file, read row by row:
    what ``read_file`` reads and ``inspect`` shows. ``why`` says why a sheet gives no records
    ("empty", "hidden", "no header", or an error's text when ``keep_going``)."""
    notes, limits = Notes() if notes is None else notes, Limits.from_env()
    mapping = mapping if mapping is not None else scales.mapping
    sheets = open_grids(path, kind_of_file, limits, notes, data)
    # a sheet that is the key of rating codes ("Chú giải": "Mã | Mức xếp loại") is read as the key of
    # the workbook's other sheets, never as a list
    keys = [s for s in sheets if len(sheets) > 1 and not s.hidden and legend.is_key_sheet(s.rows, scales)]
    book = {code: label for s in keys for code, label in legend.in_rows(s.rows, scales).items()}
    previous = None  # the plan of the last table read: a sheet with no header may continue it (continued.py)
    for sheet in sheets:
        if any(sheet is k for k in keys):
            notes.warn(_("the key of the rating codes, not a list; read as the key of the other sheets"), sheet.where())
            yield sheet, None, None, "key"
            continue
        if not any(filled(v) for row in sheet.rows for v in row):
            yield sheet, None, None, "empty"  # an empty sheet
            continue
        if len(sheets) > 1 and not sheet.hidden and is_choice_list(sheet.rows, scales):  # a drop-down's source
            notes.warn(
                _(
                    "the rating labels listed once each, in the scale's order: a list of choices, not data; sheet skipped"
                ),
                sheet.where(),
            )
            yield sheet, None, None, "key"
            continue
        others = [s.name for s in sheets if s is not sheet] if len(sheets) > 1 and not sheet.hidden else []
        if others and (contents := is_contents(sheet, others, scales)):  # not_data.py
            notes.warn(contents, sheet.where())
            yield sheet, None, None, "contents"
            continue
        if is_instructions(sheet):  # the "Hướng dẫn" of a collection workbook: words for people, no data
            yield sheet, None, None, "instructions"
            continue
        if sheet.hidden:
            notes.warn(_("hidden sheet '{sheet}' skipped").format(sheet=sheet.name), Where(file=sheet.file))
            yield sheet, None, None, "hidden"
            continue
        if not mapping and (plan := continued_plan(previous, sheet, scales, notes)) is not None:
            previous = plan  # a page of the list before it, with no header of its own: more of its rows
            yield sheet, plan, sheet_records(plan, scales, notes), ""
            continue
        inherited = inherited_year(previous, sheet, scales, year) if not mapping else None  # no year of its own
        for read in _read_sheet(sheet, scales, year or inherited, shape, notes, mapping, keep_going, limits, book):
            plan = read[1]
            if inherited and plan is not None and any(c.year is None for c in plan.ratings + plan.counts):
                plan.year_from = "previous sheet"  # a rating needed it: the year of the workbook's table before
                notes.warn(
                    _(
                        "no year of its own (none in its name or title): the year {year} of the table on sheet "
                        "'{previous}'; check with ccq-stats inspect"
                    ).format(year=inherited, previous=previous.sheet.name),
                    sheet.where(),
                )
            previous = read[1] if read[1] is not None and read[2] is not None else previous
            yield read


FIGURES = "a table of figures (the indicators down the side, the years across)"  # why a sheet has no plan


def _read_sheet(
    sheet: Sheet, scales: Scales, year, shape, notes: Notes, mapping, keep_going: bool, limits: Limits, book=None
):
    """(sheet, plan, records, why) of one sheet – of each table on it, when tables are stacked."""
    plan = None
    try:
        check_sheet(sheet, limits)
        if not mapping and (bands := side_by_side(sheet, scales, mapping, notes)) is not None:
            for band in bands:  # tables side by side: each read as a table
                yield from _read_sheet(band, scales, year, shape, notes, mapping, keep_going, limits, book)
            return
        if not mapping and (turned := transposed_counts(sheet, scales, notes)) is not None:
            sheet = turned  # the organisations across, the indicators down the side: read turned
        if not mapping and (lined := lines_as_table(sheet, scales, notes)) is not None:
            sheet = lined  # "1. Đ/c Nguyễn Văn An: HTTNV", one line a member in one column
        try:
            plan = plan_sheet(sheet, scales, year, shape, notes, mapping)
        except InputError:  # a member list without a rating column: its tiers may be its section headings,
            # or its title or sheet name may give every member on it one status ("Miễn đánh giá")
            if (
                mapping
                or (tiered := tiers_by_heading(sheet, scales, notes) or status_by_title(sheet, scales, notes)) is None
            ):
                raise
            sheet, plan = tiered, plan_sheet(tiered, scales, year, shape, notes, mapping)
        if plan is None and not mapping and (tiered := tiers_by_heading(sheet, scales, notes)) is not None:
            sheet, plan = tiered, plan_sheet(tiered, scales, year, shape, notes, mapping)  # tiers by section headings
        if plan is not None and not mapping and (titled := status_over_blanks(plan, scales, notes)) is not None:
            sheet, plan = titled, plan_sheet(titled, scales, year, shape, Notes(), mapping)  # noted already
        below = next_table(sheet, plan) if plan is not None and not (mapping and mapping.header_row) else None
        repeated = []
        if below is not None and _header_repeated_on_rows(sheet, plan, below):
            sheet, repeated = _without_repeated_headers(sheet, plan, notes)  # blank rows, which the readers pass over
            plan = plan_sheet(sheet, scales, year, shape, Notes(), mapping)  # noted already
            below = next_table(sheet, plan) if plan is not None else None
        if below is not None:  # another table under this one: read up to it, then read it on its own
            plan.end, plan.end_why = below, "another table below"
        numbered = column_number_rows(sheet, plan) if plan is not None else []
        if numbered:  # a page's row of column numbers inside the table: blanked, which the readers pass over
            sheet = dataclasses.replace(sheet, rows=[[] if r in numbered else row for r, row in enumerate(sheet.rows)])
            plan.sheet = sheet
        if plan is not None:  # ratings written as codes: the key on the sheet, above or under the table, or the book's
            plan.key = legend.sheet_key(sheet, plan, scales) or (book or {})
        frame = sheet_records(plan, scales, notes) if plan is not None else None
        if plan is not None and repeated:  # blanked to be passed over, listed for what they were
            plan.skipped["blank"] = [r for r in plan.skipped.get("blank", []) if r not in set(repeated)]
            plan.skip("repeated header", repeated)
        if plan is not None and numbered:
            plan.skipped["blank"] = [r for r in plan.skipped.get("blank", []) if r - 1 not in set(numbered)]
            plan.skip("index row", [r + 1 for r in numbered])
    except NotATable as exc:
        figures = read_figures_table(sheet, scales, notes)  # the years across: read as the figures they are
        if figures is not None:
            yield sheet, None, figures, FIGURES
            return
        notes.warn(_("{reason}; sheet skipped").format(reason=exc), sheet.where())
        yield sheet, None, None, str(exc)
        return
    except InputError as exc:
        if not keep_going:
            raise
        yield sheet, plan, None, str(exc)
        return
    if plan is None and (figures := read_figures_table(sheet, scales, notes)) is not None:
        yield sheet, None, figures, FIGURES
        return
    yield sheet, plan, frame, "" if plan is not None else "no header"
    if below is not None:
        rest = dataclasses.replace(sheet, rows=[[]] * below + sheet.rows[below:], top=below)
        yield from _read_sheet(rest, scales, year, shape, notes, mapping, keep_going, limits, book)


def _header_repeated_on_rows(sheet: Sheet, plan, below: int) -> bool:
    """Is the header repeated right under a row of data, with no title or blank row above it (the
    header of every printed page, or of every row), rather than another table below this one?"""
    return below > plan.start and sum(filled(v) for v in sheet.rows[below - 1][:60]) >= 2


def _without_repeated_headers(sheet: Sheet, plan, notes: Notes) -> tuple[Sheet, list[int]]:
    """The sheet with every row that repeats the header (right under a row of data) blanked, and
    one warning naming them: a repeated header is a repeated header, not a table of one row each."""
    header, rows = plan.header, sheet.rows
    last = rows[header.last_row]
    keys = [(c.index, norm_key(text_at(last, c.index))) for c in header.columns if text_at(last, c.index)]
    height = header.last_row - header.first_row
    blanked, kept, gone = [], list(rows), []
    for r in range(plan.start + height, len(rows)):
        if all(norm_key(text_at(rows[r], i)) == key for i, key in keys):
            top = r - height
            if top > plan.start and sum(filled(v) for v in kept[top - 1][:60]) >= 2:
                kept[top : r + 1] = [[] for _row in range(top, r + 1)]
                blanked.append(top + 1)
                gone += [x + 1 for x in range(top, r + 1)]  # Excel row numbers
    if not blanked:  # the header's words in another order or other words: another table, not a repeat
        return sheet, []
    shown = ", ".join(map(str, blanked[:5])) + (", …" if len(blanked) > 5 else "")
    notes.warn(
        _("the header is repeated on {count} rows ({rows}); those rows skipped").format(count=len(blanked), rows=shown),
        sheet.where(),
    )
    return Sheet(
        sheet.file,
        sheet.name,
        kept,
        sheet.hidden,
        sheet.ragged,
        sheet.has_errors,
        sheet.merged,
        sheet.hidden_rows,
        sheet.hidden_columns,
        filtered_rows=sheet.filtered_rows,
        top=sheet.top,
        collection=sheet.collection,
    ), gone


def read_file(
    path: str,
    kind_of_file: str,
    scales: Scales,
    year: int | None = None,
    shape: str | None = None,
    notes: Notes | None = None,
    mapping=None,
    data: bytes | None = None,
):
    """The records of every sheet of one file, read row by row (labels not yet classified);
    ``data``: its bytes when it is stdin or a pipe."""
    import pandas as pd

    notes = Notes() if notes is None else notes
    frames, names, skipped, refused, mapped = [], [], [], [], set()
    for sheet, plan, frame, why in read_sheets(path, kind_of_file, scales, year, shape, notes, mapping, data=data):
        mapped |= plan.header.mapped if plan is not None else set()
        if why == "no header":
            skipped.append(sheet)
        elif frame is not None:
            if plan is not None and plan.start >= (plan.end if plan.end >= 0 else len(sheet.rows)):
                # a header with no row under it: if ratings stand above it, it was a member's row
                # taken for a header (a page whose header is on another sheet): never in silence
                check_sheet_skipped(sheet, scales)
            frames.append(frame)
            names.append(sheet.name or "")
        elif why not in ("empty", "hidden", "instructions", "key", "contents"):
            refused.append((sheet, why))
    if not frames and refused:  # every sheet a summary: nothing that can be counted
        sheet, why = refused[0]
        raise InputError(
            why,
            where=sheet.where(),
            hint=_("give the list of organisations (or members) with their ratings, or member counts per organisation"),
        )
    if not frames:
        first = skipped[0] if skipped else None
        shown = likely_header(first) if first else ""
        if first is None:
            message = _("no data in the file")
        elif shown:
            message = _("no rating or count column found (the header would be {header})").format(header=shown)
        else:
            message = _("no rating or count column found")
        raise InputError(
            message,
            where=first.where() if first else Where("<stdin>" if path == "-" else path),
            hint=_(
                "{expected} (looked in the first {rows} rows; if the header is there, say which row and columns: "
                "--header-row N --column rating='HEADER'; ccq-stats inspect shows what was read)"
            ).format(expected=expected_hint(shape), rows=SCAN_ROWS),
        )
    for sheet in skipped:
        if sheet.top and any(name == (sheet.name or "") for name in names):  # a table under one that was read
            notes.warn(
                _("the table from row {row} has no rating or count column; not counted").format(
                    row=next((r + 1 for r in range(sheet.top, len(sheet.rows)) if any(map(filled, sheet.rows[r]))), 0)
                ),
                sheet.where(),
            )
            continue
        check_sheet_skipped(sheet, scales)  # ratings on it would go uncounted: a stop, not a warning
        notes.warn(_("no rating table found; sheet skipped"), sheet.where())
    check_summaries([sheet for sheet, _why in refused], frames, scales, notes)  # never skipped unseen
    mapping = mapping if mapping is not None else scales.mapping
    for key in sorted(set(mapping.columns) - mapped):  # a typo in a mapping must not pass unseen
        notes.warn(
            _("no header reads '{header}' (--column {role}=…); not used").format(
                header=mapping.shown.get(key, key), role=mapping.columns[key]
            ),
            Where(file="<stdin>" if path == "-" else path),
        )
    frames = drop_repeated_sheets(frames, names, "<stdin>" if path == "-" else path, notes, scales)
    # plain texts: a file read row by row is small, and categoricals per file cost more than they save
    # (~10 ms a file; read_paths makes every text plain again anyway)
    return _typed(pd.concat(frames, ignore_index=True), categorical=False)


def _typed(frame, categorical: bool = True):
    """The tidy table with its types; repeated texts as categoricals (or plain)."""
    frame = frame[list(COLUMNS)].copy()
    frame["year"] = frame["year"].astype("int64")
    frame["count"] = frame["count"].astype("int64")
    frame["score"] = frame["score"].astype("float64")  # None (no score column) is NaN
    for name in _CATEGORICAL:
        frame[name] = frame[name].astype("category" if categorical else object)
    return frame


def _read_one(
    path: str,
    kind_of_file: str,
    scales: Scales,
    year,
    shape,
    notes: Notes,
    by_columns_ok=True,
    mapping=None,
    data: bytes | None = None,
):
    """One file's records: by columns when it is a large plain list, else row by row (always,
    when the user steers the header: the column reader does not take a mapping)."""
    if mapping is None:
        mapping = scales.mapping
    # a file name that is not UTF-8 or holds a control character goes row by row, where records get it
    # escaped (open_grids): the column reader keeps the name as it is
    if (
        by_columns_ok
        and not mapping
        and kind_of_file in ("text", "parquet")
        and data is None
        and name_shown(path) == path
    ):
        frame = by_columns.read(path, scales, year, shape, kind_of_file, notes)
        if frame is not None:
            frame = _typed(frame)
            frame.attrs["aggregated"] = True  # alike member rows are one record with a count
            return frame
    return read_file(path, kind_of_file, scales, year, shape, notes, mapping, data)


def read_paths(
    paths: list[str], scales: Scales, year: int | None = None, shape: str | None = None, progress=None, mapping=None
) -> Reading:
    """Read every sheet of every file into one tidy table (labels not yet classified).

    ``shape`` forces every sheet to be read as units, members or counts (``--kind``); ``mapping``
    (``scales.Mapping``: --header-row, --column) steers the header finder, over the [mapping] of
    the scales file.
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
        frames.append(
            _read_one(path, kind_of_file, scales, year, shape, notes, mapping=mapping, data=streams.get(path))
        )
    if progress:
        progress(len(files), len(files), "")
    frames, kept = drop_copies(frames, files, notes)
    kinds = [kinds[files.index(f)] for f in kept]
    files = kept
    _unless_shared(frames, files, kinds, scales, year, shape)
    frame = pd.concat(frames, ignore_index=True) if frames else _typed(pd.DataFrame({name: [] for name in COLUMNS}))
    for name in _CATEGORICAL:  # later stages want plain text
        frame[name] = frame[name].astype(object)
    frame = without_control_characters(frame, notes)  # decided once, here and for the store
    if frame.empty:
        shown = ", ".join(files[:3])
        raise InputError(
            _("no ratings in {files} and {more} more").format(files=shown, more=len(files) - 3)
            if len(files) > 3
            else _("no ratings in {files}").format(files=shown),
            hint=_("the sheets have a header but no rows under it"),
        )
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
            frames[i] = _read_one(
                files[i], kinds[i], scales, year, shape, Notes(), by_columns_ok=False
            )  # noted already
