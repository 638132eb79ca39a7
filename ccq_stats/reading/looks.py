"""What a workbook shows beyond its cell values, read alike from .xlsx/.xlsm, .xls and .ods:
hidden rows and columns, merged ranges, a cell's indentation and bold type.

python-calamine gives the values (and merged ranges for .xlsx and .xls) but none of these, so
each format's own structure is read here: the sheet XML and styles of an .xlsx, the BIFF records
of an .xls through xlrd (``formatting_info``), the content.xml of an .ods. The rules then use them
the same way whatever the format (a hidden row is no data; a merge means the same in .ods as in
.xlsx; a row indented under another belongs to it). .xlsb: neither library exposes these, so an
.xlsb's hidden rows and columns are read as data (README says so). Runs in the reader process.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ccq_stats.reading.container import column_number

_MAX_REPEAT = 1 << 16  # an .ods repeats empty rows/columns to the sheet's end; beyond this they are not the table


@dataclass
class Looks:
    """One sheet's looks, 0-based (row, column) like the grid."""

    hidden_rows: set = field(default_factory=set)
    filtered_rows: set = field(default_factory=set)  # rows an AutoFilter hides (.xlsx): a view, not data hidden
    hidden_columns: set = field(default_factory=set)
    merged: list = field(default_factory=list)  # ((row0, col0), (row1, col1)); [] where calamine gives them
    indent: dict = field(default_factory=dict)  # {(row, col): level} of cells indented (level ≥ 1)
    bold: set = field(default_factory=set)  # {(row, col)} of cells in bold type
    errors: dict = field(
        default_factory=dict
    )  # {(row, col): "#REF!"}: the error a formula shows (.xlsx; calamine reads it as empty)

    def __bool__(self) -> bool:
        return bool(
            self.hidden_rows or self.filtered_rows or self.hidden_columns or self.merged or self.indent or self.bold
        ) or bool(self.errors)


def workbook_looks(file: Path) -> dict[str, Looks]:
    """{sheet name: Looks} of a workbook, by its content (not its name); {} where nothing shows."""
    with file.open("rb") as stream:
        magic = stream.read(8)
    if magic == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return _xls_looks(file)
    if not zipfile.is_zipfile(file):
        return {}
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
        if "content.xml" in names and "xl/workbook.xml" not in names:
            return _ods_looks(archive)
        return _xlsx_looks(archive, names)


# --- .xlsx / .xlsm: the sheet XML, with the styles part for indentation and bold ---

_SHEET_ENTRY = re.compile(
    rb'<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"|<(?:\w+:)?sheet\b[^>]*\br:id="([^"]*)"[^>]*\bname="([^"]*)"'
)
_REL = re.compile(
    rb'<Relationship\b[^>]*\bId="([^"]*)"[^>]*\bTarget="([^"]*)"|<Relationship\b[^>]*\bTarget="([^"]*)"[^>]*\bId="([^"]*)"'
)
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ATTR = {
    name: re.compile(rb"\b" + name + rb'="([^"]*)"') for name in (b"min", b"max", b"r", b"s", b"fontId", b"indent")
}
_CELL_REF = re.compile(rb"([A-Z]+)(\d+)")
_XF = re.compile(rb"<(?:\w+:)?xf\b([^>]*?)(/>|>(.*?)</(?:\w+:)?xf>)", re.S)
_FONT = re.compile(rb"<(?:\w+:)?font\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?font>)", re.S)
_BOLD = re.compile(rb'<(?:\w+:)?b\b(?![^>]*\bval="(?:0|false)")[^>]*/?>')
_ALIGNMENT_INDENT = re.compile(rb'<(?:\w+:)?alignment\b[^>]*\bindent="(\d+)"')


def sheet_parts(archive: zipfile.ZipFile, names: set[str] | None = None):
    """(sheet name, its XML part) of each worksheet of an .xlsx/.xlsm archive."""
    names = names if names is not None else set(archive.namelist())
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
            yield html.unescape(name.decode()), part


def _xlsx_styles(archive: zipfile.ZipFile, names: set[str]) -> tuple[dict[int, int], set[int]]:
    """({cell style index: indent level}, {cell style indexes in bold}) from xl/styles.xml."""
    if "xl/styles.xml" not in names:
        return {}, set()
    styles = archive.read("xl/styles.xml")
    fonts_part = re.search(rb"<(?:\w+:)?fonts\b.*?</(?:\w+:)?fonts>", styles, re.S)
    bold_fonts = set()
    if fonts_part:
        bold_fonts = {
            i for i, m in enumerate(_FONT.finditer(fonts_part.group(0))) if m.group(1) and _BOLD.search(m.group(1))
        }
    xfs_part = re.search(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", styles, re.S)
    indents, bold = {}, set()
    if xfs_part:
        for i, m in enumerate(_XF.finditer(xfs_part.group(0))):
            inner = m.group(3) or b""
            level = _ALIGNMENT_INDENT.search(inner)
            if level and int(level.group(1)) > 0:
                indents[i] = int(level.group(1))
            font = _ATTR[b"fontId"].search(m.group(1))
            if font and int(font.group(1)) in bold_fonts:
                bold.add(i)
    return indents, bold


def _xlsx_looks(archive: zipfile.ZipFile, names: set[str]) -> dict[str, Looks]:
    """Each sheet part is decompressed once and searched only for literal markers first: a sheet of
    200,000 rows is 80 MB of XML, where one regex over every cell tag costs seconds."""
    indents, bold_styles = _xlsx_styles(archive, names)
    styled = (
        re.compile(rb' s="(' + b"|".join(str(i).encode() for i in sorted(set(indents) | bold_styles)) + rb')"')
        if indents or bold_styles
        else None
    )
    out = {}
    for name, part in sheet_parts(archive, names):
        content = archive.read(part)
        looks = Looks()
        if b'hidden="1"' in content or b'hidden="true"' in content:  # most sheets: nothing hidden
            for tag in _COL_TAG.finditer(content):
                low, high = _ATTR[b"min"].search(tag.group(1)), _ATTR[b"max"].search(tag.group(1))
                if _HIDDEN.search(tag.group(1)) and low and high:
                    looks.hidden_columns |= set(range(int(low.group(1)) - 1, min(int(high.group(1)), 16384)))
            for tag in _ROW_TAG.finditer(content):
                ref = _ATTR[b"r"].search(tag.group(1))
                if _HIDDEN.search(tag.group(1)) and ref:
                    looks.hidden_rows.add(int(ref.group(1)) - 1)
            _filtered(content, looks)
        for match in styled.finditer(content) if styled else ():
            cell = _cell_at(content, match.start())
            if cell is not None:
                index = int(match.group(1))
                if index in indents:
                    looks.indent[cell] = indents[index]
                if index in bold_styles:
                    looks.bold.add(cell)
        if b't="e"' in content:  # most sheets: no error cell, no regex
            for tag in _ERROR_CELL.finditer(content):
                ref, value = _ATTR[b"r"].search(tag.group(1)), _CELL_VALUE.search(tag.group(2))
                where = _CELL_REF.fullmatch(ref.group(1)) if ref else None
                if where:
                    cell = (int(where.group(2)) - 1, column_number(where.group(1)) - 1)
                    looks.errors[cell] = value.group(1).decode() if value else "#ERROR"
        if looks:
            out[name] = looks
    return out


_AUTOFILTER = re.compile(
    rb'<(?:\w+:)?autoFilter\b[^>]*\bref="[A-Z]+(\d+):[A-Z]+(\d+)"[^>]*>(.*?)</(?:\w+:)?autoFilter>', re.S
)


def _filtered(content: bytes, looks: Looks) -> None:
    """Rows hidden under an AutoFilter that filters a column: the filter's view, not rows hidden by
    hand (old data kept out of sight) – taken out of the hidden rows, kept as filtered rows."""
    match = _AUTOFILTER.search(content)
    if match and b"filterColumn" in match.group(3):
        below = set(range(int(match.group(1)), int(match.group(2))))  # 0-based rows under the filter's header
        looks.filtered_rows = looks.hidden_rows & below
        looks.hidden_rows -= below


_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_CELL_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")


def _cell_at(content: bytes, position: int) -> tuple[int, int] | None:
    """The (row, col) of the cell tag around an attribute at ``position``; None where the tag is
    not a cell (a row's style)."""
    start, end = content.rfind(b"<", 0, position), content.find(b">", position)
    tag = content[start:end]
    if not (tag.startswith(b"<c ") or re.match(rb"<\w+:c ", tag)):
        return None
    ref = _ATTR[b"r"].search(tag)
    where = _CELL_REF.fullmatch(ref.group(1)) if ref else None
    return (int(where.group(2)) - 1, column_number(where.group(1)) - 1) if where else None


# --- .xls: BIFF records through xlrd ---


def _xls_looks(file: Path) -> dict[str, Looks]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(file), formatting_info=True, on_demand=True, logfile=_Silent())
    except Exception:  # noqa: BLE001 - the values were read by calamine; looks are a bonus it cannot spoil
        return {}
    indents = {i: xf.alignment.indent_level for i, xf in enumerate(book.xf_list) if xf.alignment.indent_level > 0}
    bold_styles = {
        i
        for i, xf in enumerate(book.xf_list)
        if xf.font_index < len(book.font_list) and _bold_font(book.font_list[xf.font_index])
    }
    out = {}
    try:
        for index in range(book.nsheets):
            sheet = book.get_sheet(index)
            looks = Looks(
                hidden_rows={r for r, info in sheet.rowinfo_map.items() if info.hidden},
                hidden_columns={c for c, info in sheet.colinfo_map.items() if info.hidden},
            )
            if indents or bold_styles:
                for r in range(sheet.nrows):
                    for c in range(sheet.row_len(r)):
                        if sheet.cell_type(r, c) in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                            continue
                        xf = sheet.cell_xf_index(r, c)
                        if xf in indents:
                            looks.indent[(r, c)] = indents[xf]
                        if xf in bold_styles:
                            looks.bold.add((r, c))
            if looks:
                out[sheet.name] = looks
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return out


def _bold_font(font) -> bool:
    """LibreOffice writes bold .xls fonts by weight alone (700), with the bold flag unset."""
    return bool(font.bold) or font.weight >= 700


class _Silent:
    """xlrd's log: its warnings about odd records are not the user's business."""

    def write(self, _text) -> None:
        pass


# --- .ods: content.xml, streamed ---

_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
_TABLE, _ROW, _COLUMN = (f"{{{_NS['table']}}}{t}" for t in ("table", "table-row", "table-column"))
_CELL, _COVERED = (f"{{{_NS['table']}}}{t}" for t in ("table-cell", "covered-table-cell"))
_STYLE = f"{{{_NS['style']}}}style"


def _attr(element, ns: str, name: str, default=None):
    return element.get(f"{{{_NS[ns]}}}{name}", default)


def _points(length: str) -> float:
    """An ODF length ("0.2917in", "0.353cm", "10pt") in points."""
    m = re.fullmatch(r"\s*([\d.]+)\s*(in|cm|mm|pt|pc|px)?\s*", length or "")
    if not m:
        return 0.0
    value, unit = float(m.group(1)), m.group(2) or "pt"
    return value * {"in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pt": 1.0, "pc": 12.0, "px": 0.75}[unit]


def _repeat(element, name: str) -> int:
    try:
        return max(1, int(_attr(element, "table", name, "1")))
    except ValueError:
        return 1


def _ods_looks(archive: zipfile.ZipFile) -> dict[str, Looks]:
    from defusedxml.ElementTree import iterparse

    indents: dict[str, int] = {}  # cell style name -> indent level (LibreOffice writes an indent as a left margin)
    bold: set[str] = set()
    out: dict[str, Looks] = {}
    looks, column_styles, row, column = None, [], -1, 0
    with archive.open("content.xml") as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _TABLE:
                    looks, column_styles, row = Looks(), [], -1
                elif tag == _ROW and looks is not None:
                    row, column = row + 1, 0
                continue
            if tag == _STYLE and _attr(element, "style", "family") == "table-cell":
                name = _attr(element, "style", "name")
                for child in element:
                    margin = child.get(f"{{{_NS['fo']}}}margin-left")
                    if margin and _points(margin) >= 5:
                        indents[name] = max(1, round(_points(margin) / 10.5))
                    if child.get(f"{{{_NS['fo']}}}font-weight") in ("bold", "700", "800", "900"):
                        bold.add(name)
            elif looks is None:
                continue
            elif tag == _COLUMN:
                count = _repeat(element, "number-columns-repeated")
                start = len(column_styles)
                if _attr(element, "table", "visibility", "visible") != "visible" and count <= _MAX_REPEAT:
                    looks.hidden_columns |= set(range(start, start + count))
                column_styles.extend([_attr(element, "table", "default-cell-style-name")] * min(count, _MAX_REPEAT))
            elif tag in (_CELL, _COVERED):
                count = _repeat(element, "number-columns-repeated")
                if tag == _CELL and len(element) and count <= _MAX_REPEAT:  # a cell with content
                    style = _attr(element, "table", "style-name") or (
                        column_styles[column] if column < len(column_styles) else None
                    )
                    for c in range(column, column + count):
                        if style in indents:
                            looks.indent[(row, c)] = indents[style]
                        if style in bold:
                            looks.bold.add((row, c))
                spanned_columns = _repeat(element, "number-columns-spanned")
                spanned_rows = _repeat(element, "number-rows-spanned")
                if tag == _CELL and (spanned_columns > 1 or spanned_rows > 1):
                    looks.merged.append(((row, column), (row + spanned_rows - 1, column + spanned_columns - 1)))
                column += count
                element.clear()
            elif tag == _ROW:
                count = _repeat(element, "number-rows-repeated")
                if _attr(element, "table", "visibility", "visible") != "visible" and count <= _MAX_REPEAT:
                    looks.hidden_rows |= set(range(row, row + count))
                row += count - 1
                element.clear()
            elif tag == _TABLE:
                if looks:
                    out[_attr(element, "table", "name")] = looks
                looks = None
                element.clear()
    return out
