"""What the reader understood of each sheet: the data behind ``ccq-stats inspect``.

Per file and sheet: its shape, the header rows, each header cell with its role (or "ignored")
and the words that decided it, the rating year and where it came from, the kinds of
organisation, the rows skipped and why, and the first data rows as read. Member names are
personal data: they are masked unless the caller asks for them (``names``).

A sheet that cannot be read is shown with the error and as much of the plan as was found, so
that the user sees which header row was used and can steer it (--header-row, --column).

What this gives is data (``inspect --format json`` is for tools), the same in every language: the
keys, the roles, the reasons rows were skipped ("title", "totals", "section", "hidden", "left",
"signature or notes" …), where the year came from ("sheet name", "title", "--year", "the column
headers"), why a column was read or not (``source``: how its role was decided, ``reason``: why it is
not read – the reader's enums – and ``because``: the same in a few English words with what decided
it, made here and only here), and why a sheet gives nothing ("empty", "hidden", "no header").
Only an error's text – why a sheet or file could not be read – is a message for people, and comes
in the user's language. A text for people shows these codes in its own words.
"""

from __future__ import annotations

from ccq_stats.errors import InputError, column_letter
from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.reading.header import Column, Ignored, find_header, ignored
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.paths import read_sheets
from ccq_stats.reading.sandbox import start_reader
from ccq_stats.reading.sources import expand_paths, file_type, is_stream, read_stream
from ccq_stats.vocabulary.column_reasons import column_reason
from ccq_stats.vocabulary.scales import Scales

MASK = "‹hidden: --names›"
_SHOWN = (
    "shape",
    "org",
    "parent",
    "member",
    "org_kind",
    "subject",
    "year",
    "raw_label",
    "status",
    "tier",
    "exemplary",
    "count",
)


def because(column: Column) -> str:
    """Why a column has its role, or why it is not read, in a few English words (the JSON's)."""
    reason = column.reason.value if column.reason is not None else None
    return column_reason(column.source.value, reason, column.detail)


def _header_cells(header, ignored_columns: list[Column]) -> list[dict]:
    """Every header cell, read or not, with its role and why."""
    by_index = {c.index: c for c in header.columns}
    unread = {c.index: c for c in ignored_columns}
    out = []
    for i in sorted(set(range(len(header.cells))) | set(unread)):  # with the columns of data under no header text
        text = header.cells[i] if i < len(header.cells) else ""
        column = by_index.get(i) or unread.get(i)
        if column is None and not text:
            continue
        column = column or ignored(i, text, Ignored.UNKNOWN)
        entry = {"column": column_letter(i), "header": text, "role": column.role, "source": column.source.value}
        if column.reason is not None:
            entry["role"], entry["reason"] = "ignored", column.reason.value
        entry["because"] = because(column)
        if column.detail:
            entry["detail"] = column.detail  # what decided it: a table says the sentence in its own words
        if column.year:
            entry["year"] = column.year
        if column.meaning is not None:
            entry["means"] = column.meaning.means + (" (tiêu biểu)" if column.meaning.exemplary else "")
        out.append(entry)
    return out


def _year(plan) -> dict:
    header = plan.header
    if header.one("year"):
        column, text = column_letter(header.one("year").index), header.one("year").header
        # "column" and "header" as data too: a table says the sentence in its own words from them
        return {"year": None, "from": f"column {column} ({text}), row by row", "column": column, "header": text}
    years = sorted({c.year for c in header.columns if c.year})
    if years and all(c.year for c in plan.ratings + plan.counts):
        return {"year": years if len(years) > 1 else years[0], "from": "the column headers"}
    return {"year": plan.year, "from": plan.year_from or "nowhere"}


def _rows(frame, count: int, names: bool) -> list[dict]:
    """The first ``count`` data rows as read (one entry per record, in sheet order)."""
    out = []
    if frame is None or frame.empty:
        return out
    shown = frame["source_row"].drop_duplicates().head(count)
    for _, record in frame[frame["source_row"].isin(shown)].iterrows():
        entry = {"row": int(record["source_row"])}
        for name in _SHOWN:
            value = record[name]
            if value is None or value == "" or (isinstance(value, float) and value != value):
                continue
            if name == "member" and not names:
                value = MASK
            entry[name] = value.item() if hasattr(value, "item") else value
        out.append(entry)
    return out


def _kinds(frame) -> dict:
    if frame is None or frame.empty:
        return {}
    orgs = frame[frame["shape"] == "units"]
    out = {}
    for (subject, kind), group in orgs.groupby(["subject", "org_kind"], dropna=False):
        out[f"{subject}: {kind or 'kind not given'}"] = int(group["source_row"].nunique())
    members = frame[frame["shape"] != "units"]
    if len(members):
        out["members"] = int(members["count"].sum())
    return out


def _label_meanings(rows: list[dict], scales: Scales) -> None:
    for entry in rows:
        if "raw_label" in entry and "tier" not in entry:
            label = match_label(entry["raw_label"], scales)
            entry["means"] = label.meaning.means if label else "unknown label"


def inspect_sheet(
    sheet, plan, frame, why: str, scales: Scales, names: bool = False, rows: int = 5, mapping=None
) -> dict:
    width = max((len(r) for r in sheet.rows[:200]), default=0)
    out = {"file": sheet.file, "sheet": sheet.name, "size": {"rows": len(sheet.rows), "columns": width}}
    if sheet.collection:  # our collection workbook: its template version, and whether its marker fixed the plan
        out["collection"] = dict(
            sheet.collection,
            layout="instructions"
            if sheet.collection.get("instructions")
            else "as made"
            if plan is not None and plan.collection
            else "changed",
        )
    if plan is None:
        out["read"] = frame is not None  # a table of figures (reading/figures_table.py) has records, no plan
        out["why"] = why or "no header"
        if frame is not None:
            out["first_rows"] = _rows(frame, rows, names)
            return out
        header = (
            find_header(sheet, scales, mapping)
            if why not in ("empty", "hidden", "no header", "instructions", "contents")
            else None
        )
        if header is not None:  # refused after its header was found: show what was understood
            out["header_rows"] = [header.first_row + 1, header.last_row + 1]
            out["columns"] = _header_cells(header, [ignored(i, h, w) for i, h, w in header.dropped])
        return out
    header = plan.header
    out["read"] = frame is not None
    if why:
        out["why"] = why
    out["shapes"] = sorted(plan.shapes)
    out["header_rows"] = [header.first_row + 1, header.last_row + 1]
    if plan.continues:  # no header of its own: the one of the table it continues, on its sheet
        out["header_sheet"], *out["header_rows"] = plan.continues
    out["data_rows"] = [plan.start + 1, (plan.end if plan.end >= 0 else len(sheet.rows))]
    out["columns"] = _header_cells(header, plan.ignored)
    out["year"] = _year(plan)
    out["kinds"] = _kinds(frame)
    reasons = sorted((r for r in plan.skipped.items() if r[1]), key=lambda r: min(r[1]))  # in the sheet's order
    out["skipped"] = {reason: _spans(found) for reason, found in reasons}
    out["first_rows"] = _rows(frame, rows, names)
    _label_meanings(out["first_rows"], scales)
    return out


def _spans(rows: list[int]) -> dict:
    """{"count": n, "rows": "5-7, 12"}: Excel row numbers, runs joined."""
    rows = sorted(set(rows))
    spans, start = [], None
    for i, r in enumerate(rows):
        if start is None:
            start = r
        if i + 1 == len(rows) or rows[i + 1] != r + 1:
            spans.append(str(start) if start == r else f"{start}-{r}")
            start = None
    shown = ", ".join(spans[:12]) + (" …" if len(spans) > 12 else "")
    return {"count": len(rows), "rows": shown}


def inspect_paths(
    paths: list[str], scales: Scales, year=None, shape=None, mapping=None, names: bool = False, rows: int = 5
) -> tuple[list[dict], Notes]:
    """What the reader understood of every sheet of every file (see the module's docstring)."""
    notes = Notes()
    files = expand_paths(paths, notes)
    start_reader()
    out = []
    for path in files:
        try:
            data = (
                read_stream(path, Limits.from_env()) if is_stream(path) else None
            )  # stdin or a pipe: read once, bounded
            kind_of_file = file_type(path, notes, data)
            for sheet, plan, frame, why in read_sheets(
                path, kind_of_file, scales, year, shape, notes, mapping, keep_going=True, data=data
            ):
                out.append(inspect_sheet(sheet, plan, frame, why, scales, names, rows, mapping))
        except InputError as exc:  # the file itself cannot be read: say so, go on with the others
            out.append({"file": path, "sheet": None, "read": False, "why": str(exc)})
    return out, notes
