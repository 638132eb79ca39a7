"""Workbooks (.xlsx .xlsm .xlsb .xls .ods) -> grids, with the checks made before parsing.

Spreadsheets arrive by e-mail and USB stick. Before a workbook is parsed, its zip container is
checked (total uncompressed size, compression ratio, number of parts, each sheet's declared
dimension, no DTD or entity declarations in its XML, read with defusedxml). All of it, the
parse included, runs in the sandboxed reader process (``sandbox``), with a memory and a time
limit, so that a reader that aborts (python-calamine does on some crafted files) or a runaway
allocation ends with a clear error, not with the tool. See SECURITY.md.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.reading.grid import FormulaError, Sheet
from ccq_stats.reading.limits import Limits

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_zip(path: str, display: str, limits: Limits) -> None:
    """Reject zip bombs, dimension bombs and XML entity declarations before any parser runs."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError("cannot read the workbook (not a valid zip container; truncated?)", file=display,
                         hint="the file may be truncated or not a spreadsheet; open it in Excel and save it again") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > 10_000:
            raise InputError(f"the workbook has {len(infos)} parts", file=display, hint="not a rating workbook; see SECURITY.md")
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped_mb * 1024 * 1024:
            raise InputError(
                f"the workbook unpacks to {total // (1024 * 1024)} MB, over the limit of {limits.max_unzipped_mb} MB",
                file=display, hint="for data this large use CSV; or raise CCQ_MAX_UNZIPPED_MB (see SECURITY.md)",
            )
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise InputError(
                    f"part '{info.filename}' is compressed {info.file_size // max(info.compress_size, 1)} to 1, "
                    "like a zip bomb", file=display, hint="raise CCQ_MAX_RATIO if the file is genuine (see SECURITY.md)",
                )
            if info.filename.endswith((".xml", ".rels")) and info.file_size:
                _check_xml_part(archive, info, display, limits)


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str, limits: Limits) -> None:
    try:
        with archive.open(info) as stream:
            head = stream.read(64 * 1024)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(f"cannot read part '{info.filename}' of the workbook ({exc})", file=display,
                         hint="the file may be damaged; open it in Excel and save it again") from None
    if _DOCTYPE.search(head):
        raise InputError(f"part '{info.filename}' declares a DTD or XML entities, which workbooks never need", file=display,
                         hint="the file may be crafted to attack XML readers; ask for a clean copy")
    if info.filename in ("[Content_Types].xml", "xl/workbook.xml") and len(head) < 64 * 1024:
        import defusedxml.ElementTree as ET
        from defusedxml import DefusedXmlException

        try:
            ET.fromstring(head)
        except (DefusedXmlException, ET.ParseError) as exc:
            raise InputError(f"part '{info.filename}' is not valid XML ({exc})", file=display,
                             hint="the file may be damaged; open it in Excel and save it again") from None
    match = _DIMENSION.search(head)
    refs = [(column_number(c), int(r)) for c, r in _CELL_REF.findall(head)]
    if match or refs:
        # the area from A1 to the farthest cell, as a reader lays the sheet out
        if match:
            cols = column_number(match.group(3) or match.group(1))
            rows = int(match.group(4) or match.group(2))
        else:
            cols, rows = 0, 0
        cols = max([cols] + [c for c, _ in refs])
        rows = max([rows] + [r for _, r in refs])
        if rows * cols > limits.max_cells:
            raise InputError(
                f"sheet part '{info.filename}' spans {rows:,} rows × {cols:,} columns from A1, over the limit of "
                f"{limits.max_cells:,} cells", file=display,
                hint="delete the empty rows and columns below and right of the table, or raise CCQ_MAX_CELLS",
            )


def is_encrypted(path) -> bool:
    """A password-protected Office file: an OLE container holding an "EncryptionInfo" stream."""
    with open(path, "rb") as stream:
        head = stream.read(8)
        if head != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            return False
        data = stream.read(16 * 1024 * 1024)
    return "EncryptionInfo".encode("utf-16-le") in data


def workbook_grids(path: str, limits: Limits) -> list[Sheet]:
    """The sheets of a workbook as grids, after the container checks. Run it in the sandbox."""
    import python_calamine as pc

    file, display = Path(path), path
    if zipfile.is_zipfile(file):
        check_zip(path, display, limits)
    if is_encrypted(file):
        raise InputError("the workbook is password-protected", file=display, hint="save a copy without a password")
    try:
        with file.open("rb") as stream:  # by content, not by name: an .xls may be an .xlsx
            book = pc.CalamineWorkbook.from_filelike(stream)
        errors = formula_errors(file)
        sheets = []
        for meta in book.sheets_metadata:
            if meta.typ != pc.SheetTypeEnum.WorkSheet:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            cells = sheet.total_height * sheet.total_width
            if cells > limits.max_cells:
                raise InputError(
                    f"sheet '{meta.name}' spans {sheet.total_height:,} rows × {sheet.total_width:,} columns, over the "
                    f"limit of {limits.max_cells:,} cells", file=display,
                    hint="delete the empty rows and columns around the table, save as CSV, or raise CCQ_MAX_CELLS",
                )
            rows = sheet.to_python(skip_empty_area=False)
            for (r, c), code in errors.get(meta.name, {}).items():
                if r < len(rows) and c < len(rows[r]) and rows[r][c] == "":
                    rows[r][c] = FormulaError(code)
            hidden = meta.visible != pc.SheetVisibleEnum.Visible
            sheets.append(Sheet(display, meta.name, rows, hidden, merged=list(sheet.merged_cell_ranges or []),
                                has_errors=bool(errors.get(meta.name))))
        return sheets
    except pc.PasswordError:
        raise InputError("the workbook is password-protected", file=display, hint="save a copy without a password") from None
    except (pc.CalamineError, pc.ZipError, pc.XmlError, ValueError, OSError) as exc:
        reason = " ".join(str(exc).split())[:120]
        raise InputError(
            f"cannot read the workbook ({reason})",
            file=display,
            hint="the file may be truncated or not a spreadsheet; open it in Excel and save it again",
        ) from None


_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_ERROR_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_CELL_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")
_SHEET_ENTRY = re.compile(rb'<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"|<(?:\w+:)?sheet\b[^>]*\br:id="([^"]*)"[^>]*\bname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*\bId="([^"]*)"[^>]*\bTarget="([^"]*)"|<Relationship\b[^>]*\bTarget="([^"]*)"[^>]*\bId="([^"]*)"')


def formula_errors(file: Path) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet name: {(row, col): "#REF!"}} of an .xlsx/.xlsm, read from its XML; {} otherwise."""
    import html

    if not zipfile.is_zipfile(file):
        return {}
    out: dict[str, dict] = {}
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return {}
        targets = {}
        for m in _REL.finditer(archive.read("xl/_rels/workbook.xml.rels")):
            rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            targets[rid] = target.decode().lstrip("/")
        for m in _SHEET_ENTRY.finditer(archive.read("xl/workbook.xml")):
            name, rid = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(4), m.group(3))
            part = targets.get(rid, "")
            part = part if part.startswith("xl/") else f"xl/{part}"
            if part not in names:
                continue
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


