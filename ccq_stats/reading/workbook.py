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
from ccq_stats.reading.container import check_well_formed, check_zip, is_encrypted
from ccq_stats.reading.grid import FormulaError, Sheet
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.looks import Looks, workbook_looks


def workbook_grids(path: str, limits: Limits) -> list[Sheet]:
    """The sheets of a workbook as grids, after the container checks. Run it in the sandbox."""
    import python_calamine as pc

    file, display = Path(path), path
    beside = check_zip(path, display, limits, beside=True) if zipfile.is_zipfile(file) else []
    if is_encrypted(file):
        raise InputError(
            _("the workbook is password-protected"), file=display, hint=_("save a copy without a password")
        )
    looks = _Beside(workbook_looks, file)  # a scan of the sheet XML, while calamine parses the first sheet
    try:
        try:
            if not beside:
                return _sheets(pc, file, display, limits, looks)
            parse = _Beside(_sheets, pc, file, display, limits, looks)  # calamine parses in a thread …
            try:
                check_well_formed(path, display, limits, beside)  # … while expat reads the large parts here
            except BaseException:
                parse.wait()  # its outcome is not used: the part's fault is the one reported, as before
                raise
            return parse.result()
        except BaseException:
            looks.result()  # a failure of the looks is the one reported, as when they were read first
            raise
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


def _sheets(pc, file: Path, display: str, limits: Limits, looks: _Beside) -> list[Sheet]:
    with file.open("rb") as stream:  # by content, not by name: an .xls may be an .xlsx
        book = pc.CalamineWorkbook.from_filelike(stream)
    markers = workbook_markers(file, [meta.name for meta in book.sheets_metadata])
    looks_of, sheets = None, []
    for meta in book.sheets_metadata:
        if meta.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        sheet = book.get_sheet_by_name(meta.name)
        if looks_of is None:
            looks_of = looks.result()
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
        seen = looks_of.get(meta.name, Looks())
        for (r, c), code in seen.errors.items():
            if r < len(rows) and c < len(rows[r]) and rows[r][c] == "":
                rows[r][c] = FormulaError(code)
        hidden = meta.visible != pc.SheetVisibleEnum.Visible
        sheets.append(
            Sheet(
                display,
                meta.name,
                rows,
                hidden,
                merged=list(sheet.merged_cell_ranges or seen.merged),  # .ods: calamine gives none
                has_errors=bool(seen.errors),
                hidden_rows=seen.hidden_rows,
                filtered_rows=seen.filtered_rows,
                hidden_columns=seen.hidden_columns,
                indent=seen.indent,
                bold=seen.bold,
                collection=markers.get(meta.name),
            )
        )
    if looks_of is None:
        looks.result()  # no worksheet: the looks may still have failed
    return sheets


class _Beside:
    """``function(*args)`` run in a thread beside this one: python-calamine parses with the GIL
    released, so the scan of the looks (regular expressions over the sheet XML, 0.3 s on a sheet of
    200,000 rows) and expat's check of a large sheet's XML (0.6 s) take the other core instead of
    coming before or after the parse. Its result, or what it raised, is taken with ``result()``."""

    def __init__(self, function, *args):
        import threading

        self._box: list = []

        def run() -> None:
            try:
                self._box.append((True, function(*args)))
            except BaseException as exc:  # noqa: BLE001 - raised again where the result is taken
                self._box.append((False, exc))

        self._thread = threading.Thread(target=run, daemon=True, name=getattr(function, "__name__", "beside"))
        self._thread.start()

    def wait(self) -> None:
        self._thread.join()

    def result(self):
        self._thread.join()
        done, value = self._box[0]
        if not done:
            raise value
        return value
