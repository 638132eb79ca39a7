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
from ccq_stats.reading.looks import Looks, sheet_parts, workbook_looks


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
        errors, looks_of = formula_errors(file), workbook_looks(file)
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
            looks = looks_of.get(meta.name, Looks())
            sheets.append(Sheet(display, meta.name, rows, hidden,
                                merged=list(sheet.merged_cell_ranges or looks.merged),  # .ods: calamine gives none
                                has_errors=bool(errors.get(meta.name)), hidden_rows=looks.hidden_rows,
                                hidden_columns=looks.hidden_columns, indent=looks.indent, bold=looks.bold))
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


def formula_errors(file: Path) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet name: {(row, col): "#REF!"}} of an .xlsx/.xlsm, read from its XML; {} otherwise."""
    if not zipfile.is_zipfile(file):
        return {}
    out: dict[str, dict] = {}
    with zipfile.ZipFile(file) as archive:
        for name, part in sheet_parts(archive):
            found = {}
            content = archive.read(part)
            if b't="e"' not in content:
                continue  # most sheets: no error cell, no regex
            for cell in _ERROR_CELL.finditer(content):
                ref, value = _ERROR_REF.search(cell.group(1)), _CELL_VALUE.search(cell.group(2))
                if ref:
                    found[(int(ref.group(2)) - 1, column_number(ref.group(1)) - 1)] = value.group(1).decode() if value else "#ERROR"
            if found:
                out[name] = found
    return out
