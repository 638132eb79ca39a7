"""Workbooks (.xlsx .xlsm .xlsb .xls .ods) -> grids, with python-calamine, after the container
checks (``container``). Runs in the reader process (``sandbox``). See SECURITY.md.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading.container import check_zip, column_number, is_encrypted
from ccq_stats.reading.grid import FormulaError, Sheet
from ccq_stats.reading.limits import Limits

def workbook_grids(path: str, limits: Limits) -> list[Sheet]:
    """The sheets of a workbook as grids, after the container checks. Run it in the sandbox."""
    import python_calamine as pc

    file, display = Path(path), path
    if zipfile.is_zipfile(file):
        check_zip(path, display, limits)
    if is_encrypted(file):
        raise InputError(_("the workbook is password-protected"), file=display, hint=_("save a copy without a password"))
    try:
        with file.open("rb") as stream:  # by content, not by name: an .xls may be an .xlsx
            book = pc.CalamineWorkbook.from_filelike(stream)
        errors, hidden_parts = formula_errors(file), hidden_cells(file)
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            cells = sheet.total_height * sheet.total_width
            if cells > limits.max_cells:
                raise InputError(
                    _("sheet '{sheet}' spans {rows} rows × {columns} columns, over the limit of {limit} cells").format(
                        sheet=meta.name, rows=number(sheet.total_height), columns=number(sheet.total_width), limit=number(limits.max_cells)),
                    file=display,
                    hint=_("delete the empty rows and columns around the table, save as CSV, or raise CCQ_MAX_CELLS"),
                )
            rows = sheet.to_python(skip_empty_area=False)
            for (r, c), code in errors.get(meta.name, {}).items():
                if r < len(rows) and c < len(rows[r]) and rows[r][c] == "":
                    rows[r][c] = FormulaError(code)
            hidden = meta.visible != pc.SheetVisibleEnum.Visible
            hidden_rows, hidden_columns = hidden_parts.get(meta.name, (set(), set()))
            sheets.append(Sheet(display, meta.name, rows, hidden, merged=list(sheet.merged_cell_ranges or []),
                                has_errors=bool(errors.get(meta.name)), hidden_rows=hidden_rows,
                                hidden_columns=hidden_columns))
        return sheets
    except pc.PasswordError:
        raise InputError(_("the workbook is password-protected"), file=display, hint=_("save a copy without a password")) from None
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split())[:120]
        raise InputError(
            _("cannot read the workbook ({reason})").format(reason=reason),
            file=display,
            hint=_("the file may be truncated or not a spreadsheet; open it in Excel and save it again"),
        ) from None


_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_ERROR_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_CELL_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")
_SHEET_ENTRY = re.compile(rb'<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"|<(?:\w+:)?sheet\b[^>]*\br:id="([^"]*)"[^>]*\bname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*\bId="([^"]*)"[^>]*\bTarget="([^"]*)"|<Relationship\b[^>]*\bTarget="([^"]*)"[^>]*\bId="([^"]*)"')


def _sheet_parts(archive: zipfile.ZipFile):
    """(sheet name, its XML part) of each worksheet of an .xlsx/.xlsm archive."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return
    targets = {}
    for m in _REL.finditer(archive.read("xl/_rels/workbook.xml.rels")):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        targets[rid] = target.decode().lstrip("/")
    for m in _SHEET_ENTRY.finditer(archive.read("xl/workbook.xml")):
        name, rid = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4), m.group(3))
        part = targets.get(rid, "")
        part = part if part.startswith("xl/") else f"xl/{part}"
        if part in names:
            yield name, part


def formula_errors(file: Path) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet name: {(row, col): "#REF!"}} of an .xlsx/.xlsm, read from its XML; {} otherwise."""
    import html

    if not zipfile.is_zipfile(file):
        return {}
    out: dict[str, dict] = {}
    with zipfile.ZipFile(file) as archive:
        for name, part in _sheet_parts(archive):
            found = {}
            content = archive.read(part)
            if b't="e"' not in content:
                continue  # most sheets: no error cell, no regex
            for cell in _ERROR_CELL.finditer(content):
                ref, value = _ERROR_REF.search(cell.group(1)), _CELL_VALUE.search(cell.group(2))
                if ref:
                    found[(int(ref.group(2)) - 1, column_number(ref.group(1)) - 1)] = value.group(1).decode() if value else "#ERROR"
            if found:
                out[html.unescape(name.decode())] = found
    return out


_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ATTR = {name: re.compile(rb'\b' + name + rb'="(\d+)"') for name in (b"min", b"max", b"r")}


def hidden_cells(file: Path) -> dict[str, tuple[set[int], set[int]]]:
    """{sheet name: (hidden rows, hidden columns)}, 0-based, of an .xlsx/.xlsm, read from its XML
    (python-calamine does not say which rows and columns are hidden); {} otherwise."""
    import html

    if not zipfile.is_zipfile(file):
        return {}
    out = {}
    with zipfile.ZipFile(file) as archive:
        for name, part in _sheet_parts(archive):
            content = archive.read(part)
            if not _HIDDEN.search(content):
                continue  # most sheets: nothing hidden, no regex over the rows
            rows, columns = set(), set()
            for tag in _COL_TAG.finditer(content):
                low, high = _ATTR[b"min"].search(tag.group(1)), _ATTR[b"max"].search(tag.group(1))
                if _HIDDEN.search(tag.group(1)) and low and high:
                    columns |= set(range(int(low.group(1)) - 1, min(int(high.group(1)), 16384)))
            for tag in _ROW_TAG.finditer(content):
                ref = _ATTR[b"r"].search(tag.group(1))
                if _HIDDEN.search(tag.group(1)) and ref:
                    rows.add(int(ref.group(1)) - 1)
            if rows or columns:
                out[html.unescape(name.decode())] = (rows, columns)
    return out
