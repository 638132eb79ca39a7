"""Our own collection workbook (``ccq-stats blank``), recognised when it comes back.

Each data sheet of a collection workbook carries a marker, a hidden defined name
``_ccq_collection`` scoped to the sheet ("ccq-stats collection;v=1;year=2025;shape=members;
org=…"); ``workbook_markers`` reads it (in the reader process, with the grids). When the sheet's
header row still reads as the layout of that template version says (``collection.layout``),
the marker fixes the plan: the header row, each column's role, the year, the organisation of
the members – no searching, so an odd first row cannot mislead it. The rows are then read by
the same rules as every file (labels, blanks, members who left, totals, checks). A sheet that
was rearranged (a column moved, inserted or renamed), or a template version this ccq-stats does
not know, is read by the ordinary header finding, with a warning saying so.

The workbook's first sheet, "Hướng dẫn", is words for people: never read as data.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from ccq_stats.i18n import gettext as _

_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]{0,2000})</(?:\w+:)?definedName>")
_NAME = re.compile(rb'\bname="([^"]*)"')
_LOCAL = re.compile(rb'\blocalSheetId="(\d+)"')
_SHEETS_PART = "xl/workbook.xml"


def workbook_markers(file: Path, sheet_names: list[str]) -> dict[str, dict]:
    """{sheet name: marker} of a collection workbook's sheets (``sheet_names`` in the
    workbook's order, hidden ones included, as ``localSheetId`` counts them): each data sheet's
    parsed marker, and ``{"instructions": True}`` for the guide sheet. {} for any other file.
    Runs in the reader process: the file is untrusted, so a part it cannot read is no marker."""
    from ccq_stats.documents.collection import data, parse_marker

    try:
        if not zipfile.is_zipfile(file):
            return {}
        with zipfile.ZipFile(file) as archive:
            if _SHEETS_PART not in archive.namelist():
                return {}
            text = archive.read(_SHEETS_PART)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return {}
    wanted = data()["marker"].encode()
    out = {}
    for match in _DEFINED.finditer(text):
        name, local = _NAME.search(match.group(1)), _LOCAL.search(match.group(1))
        if not name or name.group(1) != wanted or not local or int(local.group(1)) >= len(sheet_names):
            continue
        value = html.unescape(match.group(2).decode("utf-8", "replace")).strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace('""', '"')
        marker = parse_marker(value)
        if marker:
            out[sheet_names[int(local.group(1))]] = marker
    if out and data()["instructions"] in sheet_names and data()["instructions"] not in out:
        out[data()["instructions"]] = {"instructions": True}
    return out


def is_instructions(sheet) -> bool:
    return bool(sheet.collection and sheet.collection.get("instructions"))


def marker_org(sheet) -> str:
    """The organisation a collection sheet was sent to ("" when none, or not one)."""
    return (sheet.collection or {}).get("org", "") if not is_instructions(sheet) else ""


def collection_header(sheet, scales, notes):
    """(header, marker) fixed by the sheet's marker, or None – with a warning – when the sheet
    no longer has the layout its marker names, or the template version is unknown here."""
    from ccq_stats.documents.collection import layout
    from ccq_stats.reading.grid import text_at
    from ccq_stats.reading.header import Column, Header, Source, resolve_column
    from ccq_stats.text import norm_key
    from ccq_stats.vocabulary.scales import STATUSES, TIERS, Meaning

    marker = sheet.collection
    lay = layout(marker["shape"], marker["year"], scales, marker["version"])
    if lay is None:
        notes.warn(
            _(
                "a collection workbook of template version {version}, which this ccq-stats does not know; "
                "read by its headers"
            ).format(version=marker["version"]),
            sheet.where(),
        )
        return None
    r = lay.header_row - 1
    row = sheet.rows[r] if r < len(sheet.rows) else []
    texts = [text_at(row, i) for i in range(max(len(row), len(lay.columns)))]
    expected = [c.header for c in lay.columns]
    if [norm_key(t) for t in texts[: len(expected)]] != [norm_key(h) for h in expected] or any(texts[len(expected) :]):
        notes.warn(
            _(
                "a collection workbook (template version {version}) whose columns were changed; read by its "
                "headers, check the result with ccq-stats inspect"
            ).format(version=lay.version),
            sheet.where(lay.header_row),
        )
        return None
    mark = {"source": Source.COLLECTION, "detail": str(lay.version)}
    columns = []
    for i, column in enumerate(lay.columns):
        if column.role in TIERS or column.role in STATUSES:
            columns.append(Column(i, "count", column.header, None, Meaning(column.role), **mark))
        elif column.role in ("score_self", "score_decided"):
            found = resolve_column(i, column.header, [], scales)  # read as the reader's vocabulary reads a score
            if found is not None:
                columns.append(found)
        elif column.role != "check":
            columns.append(Column(i, column.role, column.header, **mark))
    return Header(r, r, columns, texts), marker
