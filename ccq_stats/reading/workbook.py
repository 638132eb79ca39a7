"""Workbooks (.xlsx .xlsm .xlsb .xls .ods) -> grids, with python-calamine, after the container
checks (``container``). Runs in the reader process (``sandbox``). See SECURITY.md.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading.collection import workbook_markers
from ccq_stats.reading.container import check_zip, is_encrypted
from ccq_stats.reading.grid import FormulaError, Sheet
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.looks import Looks, workbook_looks


def workbook_grids(path: str, limits: Limits) -> list[Sheet]:
    """The sheets of a workbook as grids, after the container checks. Run it in the sandbox."""
    import python_calamine as pc

    file, display = Path(path), path
    if zipfile.is_zipfile(file):
        check_zip(path, display, limits)
    if is_encrypted(file):
        raise InputError(
            _("the workbook is password-protected"), file=display, hint=_("save a copy without a password")
        )
    try:
        with file.open("rb") as stream:  # by content, not by name: an .xls may be an .xlsx
            book = pc.CalamineWorkbook.from_filelike(stream)
        looks_of = workbook_looks(file)
        markers = workbook_markers(file, [meta.name for meta in book.sheets_metadata])
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            cells = sheet.total_height * sheet.total_width
            if cells > limits.max_cells:
                raise InputError(
                    _("sheet '{sheet}' spans {rows} rows × {columns} columns, over the limit of {limit} cells").format(
                        sheet=meta.name,
                        rows=number(sheet.total_height),
                        columns=number(sheet.total_width),
                        limit=number(limits.max_cells),
                    ),
                    file=display,
                    hint=_("delete the empty rows and columns around the table, save as CSV, or raise CCQ_MAX_CELLS"),
                )
            rows = sheet.to_python(skip_empty_area=False)
            looks = looks_of.get(meta.name, Looks())
            for (r, c), code in looks.errors.items():
                if r < len(rows) and c < len(rows[r]) and rows[r][c] == "":
                    rows[r][c] = FormulaError(code)
            hidden = meta.visible != pc.SheetVisibleEnum.Visible
            sheets.append(
                Sheet(
                    display,
                    meta.name,
                    rows,
                    hidden,
                    merged=list(sheet.merged_cell_ranges or looks.merged),  # .ods: calamine gives none
                    has_errors=bool(looks.errors),
                    hidden_rows=looks.hidden_rows,
                    filtered_rows=looks.filtered_rows,
                    hidden_columns=looks.hidden_columns,
                    indent=looks.indent,
                    bold=looks.bold,
                    collection=markers.get(meta.name),
                )
            )
        return sheets
    except pc.PasswordError:
        raise InputError(
            _("the workbook is password-protected"), file=display, hint=_("save a copy without a password")
        ) from None
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split())[:120]
        raise InputError(
            _("cannot read the workbook ({reason})").format(reason=reason),
            file=display,
            hint=_("the file may be truncated or not a spreadsheet; open it in Excel and save it again"),
        ) from None
