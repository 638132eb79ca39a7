"""Read rating spreadsheets into the tidy table (see ``records.py``).

Stages, each a small function:

1. ``open_grids``   – a file (xlsx/xlsm/xlsb/xls/ods via python-calamine, csv/tsv, ``-``) ->
   sheets as grids of cell values, row 0 = Excel row 1;
2. ``find_header``  – the header row(s) found by their words, never assumed to be row 1:
   title rows above, two- or three-row headers under merged cells, an index row (1) (2) … below;
3. ``grid_records`` – every data row -> tidy rows, skipping blank, section and totals rows
   (totals carrying numbers are checked against the sum).

The rating year comes from a year column, else the wide layout's column names ("Năm 2019"),
else the sheet name, else the title rows above the header, else ``--year``.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ccq_stats.classify import match_label
from ccq_stats.errors import InputError, Where, column_letter
from ccq_stats.records import COLUMNS
from ccq_stats.scales import Meaning, Scales
from ccq_stats.text import clean, strip_marks, year_of_header

log = logging.getLogger("ccq_stats")

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
SCAN_ROWS = 40  # the header is looked for in this many rows at the top of a sheet
KINDS = ("units", "members", "counts")
_INDEX_TOKEN = re.compile(r"^\(?[0-9]{1,3}\)?$|^\(?[a-z]\)?$|^\(?\d+\)?\s*=.*$", re.I)
_TITLE_YEAR = re.compile(r"(thang\s+\d{1,2}\s+)?nam\s+((?:19|20)\d\d)\b")
_SHEET_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TRAILING_INDEX = re.compile(r"\s*\(\s*\d{1,2}\s*\)$")
csv.field_size_limit(64 * 1024 * 1024)  # a cell of a few MB is bad data to report, not a crash


@dataclass
class Sheet:
    file: str
    name: str | None  # None for CSV
    rows: list[list]
    hidden: bool = False
    ragged: bool = False  # CSV: rows may be longer than the header (a delimiter inside a value)
    has_errors: bool = False  # some cells hold formula errors (FormulaError)
    merged: list = field(default_factory=list)  # ((row0, col0), (row1, col1)), 0-based

    def where(self, row: int | None = None, column: int | None = None, header: str | None = None) -> Where:
        return Where(self.file, self.name, row, column, header)


@dataclass
class Column:
    index: int
    role: str  # a role of scales.ROLES, or "count" (a tier or status count column)
    header: str
    year: int | None = None
    meaning: Meaning | None = None


@dataclass
class Header:
    first_row: int  # 0-based index of the header's first row
    last_row: int  # 0-based index of its last row (data starts below, after an index row)
    columns: list[Column] = field(default_factory=list)

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def one(self, role: str) -> Column | None:
        found = self.of(role)
        return found[0] if found else None


# ---------------------------------------------------------------------------------------
# 1. files -> grids


def sniff(path: str) -> str:
    """What a file holds, by its first bytes rather than its name: "workbook", "parquet" or "text"."""
    file = Path(path)
    try:
        with file.open("rb") as stream:
            head = stream.read(512)
    except IsADirectoryError:
        raise InputError("is a folder", file=path, hint="give the spreadsheet files, or the folder as the only argument") from None
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", file=path) from None
    if not head:
        raise InputError("the file is empty", file=path, hint="save the spreadsheet again, or leave it out")
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "workbook"
    if head.startswith(b"PAR1"):
        return "parquet"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<?xml", b"<table", b"<meta")):
        raise InputError(
            "is a web page or XML saved with a spreadsheet extension, not a workbook",
            file=path,
            hint="open it in Excel and save it as .xlsx",
        )
    suffix = file.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        raise InputError(f"named {suffix} but is not a Parquet file", file=path, hint="export the table again as Parquet, or as CSV")
    if suffix in WORKBOOK_SUFFIXES:
        log.warning("%s: named %s but holds text; read as CSV", path, suffix)
        return "text"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    raise InputError(
        f"unsupported file type '{suffix}'",
        file=path,
        hint="give .xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv or .parquet files",
    )


def open_grids(path: str, kind: str | None = None) -> list[Sheet]:
    """The sheets of a file (or ``-``, CSV on stdin) as grids of cell values."""
    if path == "-":
        return [_text_grid(sys.stdin.buffer.read(), "<stdin>")]
    source = kind or sniff(path)
    if source == "workbook":
        return _workbook_grids(Path(path), path)
    if source == "parquet":
        return [_parquet_grid(path)]
    return [_text_grid(Path(path).read_bytes(), path)]


def _parquet_grid(path: str) -> Sheet:
    """A Parquet file as one sheet: its column names, then its rows (for the row reader; a
    large plain member list is read by columns instead, see columnar.py)."""
    from ccq_stats.columnar import parquet_table

    table = parquet_table(path)
    return Sheet(path, None, [table.column_names] + [list(row.values()) for row in table.to_pylist()])


def _workbook_grids(file: Path, display: str) -> list[Sheet]:
    import python_calamine as pc

    from ccq_stats.guard import Limits, is_encrypted

    limits = Limits.from_env()
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


class FormulaError(str):
    """A cell whose formula failed (#REF!, #N/A …): python-calamine reads it as empty."""


_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_CELL_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)<")
_SHEET_ENTRY = re.compile(rb'<(?:\w+:)?sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]*)"|<(?:\w+:)?sheet\b[^>]*\br:id="([^"]*)"[^>]*\bname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*\bId="([^"]*)"[^>]*\bTarget="([^"]*)"|<Relationship\b[^>]*\bTarget="([^"]*)"[^>]*\bId="([^"]*)"')


def formula_errors(file: Path) -> dict[str, dict[tuple[int, int], str]]:
    """{sheet name: {(row, col): "#REF!"}} of an .xlsx/.xlsm, read from its XML; {} otherwise."""
    import html

    from ccq_stats.guard import column_number

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
                ref, value = _CELL_REF.search(cell.group(1)), _CELL_VALUE.search(cell.group(2))
                if ref:
                    found[(int(ref.group(2)) - 1, column_number(ref.group(1)) - 1)] = value.group(1).decode() if value else "#ERROR"
            if found:
                out[html.unescape(name.decode())] = found
    return out


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without its BOM: most bytes on one side of each pair are zero, none on the other."""
    head = data[:4000]
    odd, even = head[1::2], head[0::2]
    if len(head) < 16 or len(data) % 2:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.02 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, display: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with or without BOM), else
    Windows-1258 with a warning. A file that is UTF-8 in parts and something else in others is
    refused, naming the first line that is not UTF-8: guessing there would garble labels."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    elif _utf16_without_bom(data):
        return data.decode(_utf16_without_bom(data), errors="replace")
    if b"\x00" in data:
        raise InputError("the text holds NUL bytes; it is not a CSV file", file=display, hint="save it as CSV UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        if any(b >= 0x80 for b in before):  # real UTF-8 before the bad byte: two encodings in one file
            line = before.count(b"\n") + 1
            raise InputError(
                f"mixed encodings: UTF-8 up to line {line}, then bytes that are not UTF-8",
                file=display, row=line,
                hint="the file was pasted together from two sources; save it again as CSV UTF-8",
            ) from None
        log.warning("%s: not UTF-8; read as Windows-1258 (Vietnamese)", display)
        return data.decode("cp1258", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter among ',', ';' and tab that splits the first lines most consistently."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (min(common, 2) if common > 1 else 0, widths.count(common) * (common > 1) + common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _text_grid(data: bytes, display: str) -> Sheet:
    if not data:
        raise InputError("the file is empty", file=display, hint="save the spreadsheet again, or leave it out")
    try:
        text = decode_text(data, display)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode the text ({exc.reason})", file=display, hint="save it as CSV UTF-8") from None
    if "\x00" in text:
        raise InputError("the text holds NUL bytes; it is not a CSV file", file=display, hint="save it as CSV UTF-8")
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"cannot parse the CSV ({exc})", file=display, hint="save it as CSV UTF-8 from Excel") from None
    return Sheet(display, None, rows, ragged=True)


# ---------------------------------------------------------------------------------------
# 2. the header


def _text_at(row: list, index: int) -> str:
    return clean(row[index]) if index < len(row) else ""


def resolve_column(index: int, leaf: str, ancestors: list[str], scales: Scales) -> Column | None:
    """What a column holds, from its header text and the (merged) header cells above it."""
    leaf = _TRAILING_INDEX.sub("", leaf)
    if not leaf:
        return None
    year = next((y for y in map(year_of_header, ancestors) if y), None)
    role = scales.lookup(scales.columns, leaf)
    if role == "share_of":
        return Column(index, role, leaf)  # a share beside a count: known, not read
    if role == "count_of":
        if not ancestors:
            return None
        parent = resolve_column(index, ancestors[0], ancestors[1:], scales)
        if parent and parent.role in ("count", "total_count", "rated_count"):
            return Column(index, parent.role, f"{ancestors[0]} / {leaf}", parent.year, parent.meaning)
        return None
    if role:
        return Column(index, role, leaf, year)
    leaf_year = year_of_header(leaf)
    if leaf_year:
        return Column(index, "rating", leaf, leaf_year)  # wide layout: one rating column per year
    label = match_label(leaf, scales)
    if label is not None:
        return Column(index, "count", leaf, year, label.meaning)
    return None


def _ffill(row: list, width: int) -> list[str]:
    """Header texts with each merged cell's text carried right over the empty cells it spans."""
    out, last = [], ""
    for i in range(width):
        text = _text_at(row, i)
        last = text or last
        out.append(last)
    return out


def _is_subheader(upper: list[str], raw_upper: list, lower: list, scales: Scales) -> bool:
    """Is ``lower`` the second row of a merged header rather than the first data row?"""
    width = max(len(raw_upper), len(lower))
    under_merge = False
    for i in range(width):
        text = _text_at(lower, i)
        if not text:
            continue
        if isinstance(lower[i], (int, float)) and not isinstance(lower[i], bool):
            return False
        if not _text_at(raw_upper, i) and upper[i]:
            under_merge = True
        if resolve_column(i, text, [upper[i]] if upper[i] else [], scales) is None:
            return False
    return under_merge


def _columns_for(rows: list[list], first: int, depth: int, scales: Scales) -> list[Column]:
    width = max(len(rows[r]) for r in range(first, first + depth))
    levels = [_ffill(rows[r], width) for r in range(first, first + depth)]
    columns = []
    for i in range(width):
        # the leaf is the lowest non-empty header cell; the cells above it are its ancestors
        for level in range(depth - 1, -1, -1):
            raw = _text_at(rows[first + level], i)
            if raw:
                ancestors = [levels[up][i] for up in range(level - 1, -1, -1) if levels[up][i]]
                column = resolve_column(i, raw, ancestors, scales)
                if column:
                    columns.append(column)
                break
    return columns


def _score(columns: list[Column]) -> int:
    roles = {c.role for c in columns}
    if not roles & {"rating", "count", "member"}:
        return 0
    return len(columns) + 2 * len(roles & {"org", "member", "rating", "count"})


def find_header(sheet: Sheet, scales: Scales) -> Header | None:
    """The header of a sheet: the row (or 2-3 rows under merged cells) whose words fit best."""
    rows = sheet.rows
    best: tuple[int, Header] | None = None
    for r in range(min(SCAN_ROWS, len(rows))):
        if not any(_text_at(rows[r], i) for i in range(len(rows[r]))):
            continue
        depth = 1
        while depth < 3 and r + depth < len(rows):
            upper = _ffill(rows[r + depth - 1], max(len(rows[r + depth - 1]), len(rows[r + depth])))
            if not _is_subheader(upper, rows[r + depth - 1], rows[r + depth], scales):
                break
            depth += 1
        columns = _columns_for(rows, r, depth, scales)
        score = _score(columns)
        if score and (best is None or score > best[0]):
            best = (score, Header(r, r + depth - 1, columns))
    return best[1] if best else None


def _is_index_row(row: list) -> bool:
    """A row of column numbers under the header: (1) (2) (3) …, 1 2 3 …, A B C …"""
    tokens = [_text_at(row, i) for i in range(len(row))]
    tokens = [t for t in tokens if t]
    if len(tokens) < 3 or not all(_INDEX_TOKEN.match(t) for t in tokens):
        return False
    numbers = [int(re.sub(r"\D.*", "", t.strip("()"))) for t in tokens if t.strip("()")[:1].isdigit()]
    return numbers == sorted(set(numbers))


# ---------------------------------------------------------------------------------------
# 3. rows -> tidy records


def title_year(sheet: Sheet, header: Header) -> int | None:
    """ "… XẾP LOẠI ĐẢNG VIÊN NĂM 2019" in the rows above the header; dates don't count."""
    for r in range(header.first_row):
        text = strip_marks(" ".join(_text_at(sheet.rows[r], i) for i in range(len(sheet.rows[r]))).casefold())
        for match in _TITLE_YEAR.finditer(text):
            if not match.group(1):  # "ngày 10 tháng 01 năm 2020" is a date, not the rating year
                return int(match.group(2))
    return None


def sheet_year(sheet: Sheet) -> int | None:
    if sheet.name:
        years = set(_SHEET_YEAR.findall(sheet.name))
        if len(years) == 1:
            return int(years.pop())
    return None


def parse_year(value, where: Where) -> int:
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)) and float(value).is_integer() and 1945 <= value <= 2100:
        return int(value)
    text = clean(value)
    if re.fullmatch(r"(19|20)\d\d", text):
        return int(text)
    shown = value.isoformat() if isinstance(value, (date, datetime)) else value
    raise InputError(
        "the year is not a year",
        where=where,
        value=shown,
        hint="write the rating year as a four-digit number, e.g. 2019",
    )


_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,  ]\d{3})+$")


def parse_count(value, where: Where) -> int:
    """A non-negative whole count; blank and '-' are 0; "1.234" is Vietnamese for 1234."""
    if value is None or value == "":
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if float(value).is_integer() and value >= 0:
            return int(value)
    else:
        text = clean(value)
        if text in ("", "-", "–"):
            return 0
        if text.isdigit():
            return int(text)
        if _THOUSANDS.match(text):
            return int(re.sub(r"\D", "", text))
    raise InputError("not a count of members", where=where, value=value, hint="a count is a whole number ≥ 0")


def _sheet_kind(header: Header, kind: str | None, sheet: Sheet) -> set[str]:
    has = {c.role for c in header.columns}
    if "member_id" in has:  # a member list may carry card numbers instead of names (anonymised)
        has.add("member")
    shapes = set()
    if "member" in has and "rating" in has:
        shapes.add("members")
    elif "member" not in has:
        if "rating" in has:
            shapes.add("units")
        if "count" in has:
            shapes.add("counts")
    if kind:
        if kind not in shapes:
            raise InputError(
                f"no column for --kind {kind} found",
                where=sheet.where(header.first_row + 1),
                hint=_expected_hint(kind),
            )
        shapes = {kind}
    if not shapes:
        raise InputError(
            "no rating or count column found" + (" beside the member names" if "member" in has else ""),
            where=sheet.where(header.first_row + 1),
            hint=_expected_hint(None),
        )
    return shapes


def _expected_hint(kind: str | None) -> str:
    return {
        "units": "an organisation column (Tên tổ chức cơ sở đảng) and a rating column (Xếp loại, or Năm 2015 … Năm 2019)",
        "members": "a name column (Họ và tên), a unit column (Chi bộ) and a rating column (Xếp loại)",
        "counts": "an organisation column and count columns per tier (HTXSNV, HTTNV, HTNV, KHTNV, Miễn đánh giá …)",
        None: "the header needs a rating column (Xếp loại, Năm 2019 …), count columns per tier (HTXSNV …) "
        "or a name column (Họ và tên); use --kind units|members|counts to say which",
    }[kind]


def plan_sheet(sheet: Sheet, header: Header, kind: str | None, year: int | None):
    """(shapes, fixed year, first data row) of a sheet under its header, refusing what cannot be
    read: two rating columns, no year anywhere. Shared by the row reader and the column reader."""
    shapes = _sheet_kind(header, kind, sheet)
    fixed_year = sheet_year(sheet) or title_year(sheet, header)
    if fixed_year and year and fixed_year != year:
        log.warning("%s: the sheet says %d; --year %d is not used for it", sheet.where(), fixed_year, year)
    fixed_year = fixed_year or year
    ratings = header.of("rating") if shapes & {"units", "members"} else []
    counts = header.of("count") if "counts" in shapes else []
    if len(ratings) > 1 and any(c.year is None for c in ratings):
        a, b = ratings[:2]
        raise InputError(
            f"two rating columns ({a.header}, {b.header}); the one to count is unclear",
            where=sheet.where(header.last_row + 1, b.index, b.header),
            hint="delete or rename the column that is not the final rating (e.g. the self-assessment)",
        )
    needs_year = not header.one("year") and any(c.year is None for c in ratings + counts)
    if needs_year and not fixed_year:
        raise InputError(
            "no rating year: no year column, no year in the sheet name or title",
            where=sheet.where(header.first_row + 1),
            hint="add a 'Năm' column, name the sheet 'Năm 2019', or give --year 2019",
        )
    start = header.last_row + 1
    if start < len(sheet.rows) and _is_index_row(sheet.rows[start]):
        start += 1
    return shapes, fixed_year, start


def grid_records(sheet: Sheet, header: Header, scales: Scales, year: int | None, kind: str | None):
    """The tidy records of one sheet under its header (see rows.py), as a DataFrame."""
    from ccq_stats.rows import sheet_records

    shapes, fixed_year, start = plan_sheet(sheet, header, kind, year)
    return sheet_records(sheet, header, scales, shapes, fixed_year, start)


def merged_range(sheet: Sheet, row0: int, col0: int) -> str | None:
    """ "D2:D3" when the cell lies in a merged range, else None."""
    for (r1, c1), (r2, c2) in sheet.merged:
        if r1 <= row0 <= r2 and c1 <= col0 <= c2:
            return f"{column_letter(c1)}{r1 + 1}:{column_letter(c2)}{r2 + 1}"
    return None


def _filled(value) -> bool:
    """Does a cell hold anything (not None, not empty or blank text)?"""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and bool(clean(value))
    return True


# ---------------------------------------------------------------------------------------
# files -> the tidy table


def expand_paths(paths: list[str]) -> list[str]:
    """Folders become the spreadsheets inside them (sorted; Excel's ~$ lock files left out)."""
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(f) for f in p.iterdir()
                if f.is_file() and f.suffix.lower() in WORKBOOK_SUFFIXES | PARQUET_SUFFIXES | {".csv", ".tsv"} and not f.name.startswith(("~$", "."))
            )
            if not found:
                raise InputError("no spreadsheets in this folder", file=path, hint="give .xlsx, .xls, .ods or .csv files")
            out.extend(found)
        else:
            out.append(path)
    return out


def read_sheet_records(sheet: Sheet, scales: Scales, year: int | None, kind: str | None):
    """The records of one sheet, or None if it holds no table we know (reason logged by caller)."""
    header = find_header(sheet, scales)
    if header is None:
        return None
    return grid_records(sheet, header, scales, year, kind)


def _check_sheet(sheet: Sheet, limits) -> None:
    """Refuse what is not a rating table before looking for its header: too wide, or typed in a
    legacy Vietnamese encoding (which needs converting, not normalising)."""
    from ccq_stats.guard import legacy_encoding

    top = sheet.rows[:SCAN_ROWS]
    width = max((max((i + 1 for i, v in enumerate(row) if _filled(v)), default=0) for row in top), default=0)
    if width > limits.max_columns:
        raise InputError(
            f"{width:,} columns, over the limit of {limits.max_columns:,}; this is not a rating table",
            where=sheet.where(), hint="keep the rating table on its own sheet, or raise CCQ_MAX_COLUMNS (see SECURITY.md)",
        )
    text = " ".join(clean(v) for row in top for v in row[:50] if isinstance(v, str))
    encoding = legacy_encoding(text)
    if encoding:
        raise InputError(
            f"the text is typed in the legacy {encoding} encoding", where=sheet.where(),
            hint="convert the file to Unicode first (e.g. Unikey's converter, from "
            f"{encoding.split()[0]} to Unicode), then save it again",
        )


def read_file(path: str, scales: Scales, year: int | None = None, kind: str | None = None, source: str | None = None,
              by_columns: bool = True):
    """Every sheet of one file as a tidy DataFrame (labels not yet classified). A large member
    list in CSV is read by columns (columnar.py) unless ``by_columns`` is false; its frame then
    has ``attrs["aggregated"]`` set: alike member rows are one record with a count."""
    from ccq_stats.guard import Limits

    import pandas as pd

    if by_columns and source in ("text", "parquet") and path != "-":
        from ccq_stats import columnar

        frame = columnar.read(path, scales, year, kind, source)
        if frame is not None:
            frame = _frame(frame)
            frame.attrs["aggregated"] = True
            return frame
    limits = Limits.from_env()
    frames, skipped = [], []
    for sheet in open_grids(path, source):
        if not any(_filled(v) for row in sheet.rows for v in row):
            continue  # an empty sheet
        if sheet.hidden:
            log.warning("%s: hidden sheet '%s' skipped", sheet.file, sheet.name)
            continue
        _check_sheet(sheet, limits)
        records = read_sheet_records(sheet, scales, year, kind)
        if records is None:
            skipped.append(sheet)
        else:
            frames.append(records)
    if not frames:
        first = skipped[0] if skipped else None
        raise InputError(
            "no rating or count column found" if first else "no data in the file",
            where=first.where() if first else Where(path),
            hint=_expected_hint(kind) + f" (looked in the first {SCAN_ROWS} rows)",
        )
    for sheet in skipped:
        log.warning("%s: no rating table found; sheet skipped", sheet.where())
    return _frame(pd.concat(frames, ignore_index=True))


_CATEGORICAL = ("subject", "shape", "org", "parent", "org_kind", "host_type", "source_file", "source_sheet",
                "source_header", "raw_label")


def _frame(frame):
    """The tidy table with its types; repeated texts as categoricals (small, quick to pass on)."""
    frame = frame[list(COLUMNS)].copy()
    frame["year"] = frame["year"].astype("int64")
    frame["count"] = frame["count"].astype("int64")
    for name in _CATEGORICAL:
        frame[name] = frame[name].astype("category")
    return frame


def read_paths(paths: list[str], scales: Scales, year: int | None = None, kind: str | None = None, progress=None):
    """Read every sheet of every file into one tidy DataFrame (labels not yet classified).

    A workbook is checked (guard.check_zip) and parsed in a child process (guard.isolated);
    text files are read here. The child's warnings and findings come back with its result.
    ``progress(done, total, path)``, if given, is called before each file and once at the end.
    """
    import pandas as pd

    from ccq_stats.guard import Limits, check_zip

    limits = Limits.from_env()
    frames, sources = [], []
    files = expand_paths(paths)
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files), path)
        source = "text" if path == "-" else sniff(path)
        sources.append(source)
        if source == "workbook":
            if zipfile.is_zipfile(path):
                check_zip(path, path, limits)
            frames.append(_isolated_read(path, scales, year, kind, limits))
        else:
            frames.append(read_file(path, scales, year, kind, source))
    if progress:
        progress(len(files), len(files), "")
    _unless_shared(frames, files, sources, scales, year, kind)
    frame = pd.concat(frames, ignore_index=True) if frames else _frame(pd.DataFrame({name: [] for name in COLUMNS}))
    for name in _CATEGORICAL:  # categoricals travel well between processes; later stages want plain text
        frame[name] = frame[name].astype(object)
    if frame.empty:
        names = expand_paths(paths)
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise InputError(f"no ratings in {shown}", hint="the sheets have a header but no rows under it")
    return frame


def _unless_shared(frames: list, files: list[str], sources: list[str], scales: Scales, year, kind) -> None:
    """A file read by columns counts alike member rows together, so a member it lists that another
    file lists too (same organisation and year) would count twice: such a file is read again row
    by row, and reconcile() then finds the member in both. Checked per (year, organisation)."""
    from ccq_stats.records import _folded

    if len(frames) < 2 or not any(f.attrs.get("aggregated") for f in frames):
        return
    pairs = []
    for frame in frames:
        members = frame[frame["shape"] == "members"]
        pairs.append(set(zip(members["year"], _folded(members["org"].astype(object)))))
    for i, frame in enumerate(frames):
        others = set().union(*(p for j, p in enumerate(pairs) if j != i))
        if frame.attrs.get("aggregated") and pairs[i] & others:
            log.info("%s: its organisations' members are listed in another file too; read row by row", files[i])
            frames[i] = read_file(files[i], scales, year, kind, sources[i], by_columns=False)


def _isolated_read(path: str, scales: Scales, year, kind, limits):
    """read_file in a child process; its warnings are logged here, its findings collected here."""
    from ccq_stats.findings import _sink
    from ccq_stats.guard import isolated

    def child():
        captured: list = []
        handler = logging.Handler()
        handler.emit = captured.append
        log.handlers[:] = [handler]
        log.propagate = False
        sink = _sink.get()
        before = len(sink) if sink is not None else 0
        frame = read_file(path, scales, year, kind, "workbook")
        return frame, [r.getMessage() for r in captured], (sink[before:] if sink is not None else [])

    frame, messages, findings = isolated(child, limits=limits, display=path)
    for message in messages:
        log.warning("%s", message)
    sink = _sink.get()
    if sink is not None:
        sink.extend(findings)
    return frame
