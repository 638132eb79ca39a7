"""The collection workbook (``ccq-stats blank``): what the Ban Tổ chức sends down to every
organisation, laid out so that it comes back clean.

Two sheets: "Hướng dẫn" (what to fill, the year's labels and their meaning, scores, deadline
and address, the checks that will be made) and the list to fill, in the layout of
``collection.py`` / ``collection.toml``: the title, the organisation, the header and the row of
column numbers locked (sheet protection without a password: nobody is locked out, nothing is
changed by accident), the rows to fill unlocked; the rating cell a drop-down of exactly the
year's labels; the scores (from 2025) 0–100 in whole or half points; counts whole numbers. The
data sheet carries the marker (a hidden defined name) the reader recognises.

Counts: "Được đánh giá" and the totals row are formulas, and so is the check "(1) = (2)+(3)+(4)".
openpyxl writes formulas without their values, so a reader that does not calculate (python-
calamine, pandas) would see nothing there: the values are computed here and written into the
saved file as the formulas' cached values (``_with_cached_values``), as Excel itself stores them.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ccq_stats.documents.collection import Layout, applicable_rules, data, index_labels, marker_text, rating_choices
from ccq_stats.vocabulary.scales import KIND_NAMES, TIERS, Scales
from ccq_stats.write.cells import put

MATCH, MISMATCH = "Khớp", "Lệch"
TOTALS = "Tổng cộng"
GUIDE_WIDTHS = (4, 34, 90)


@dataclass
class Blank:
    """One collection workbook to write."""

    layout: Layout
    org: str  # the organisation it is sent to ("" for a list of the whole bloc)
    rows: list[dict] = field(
        default_factory=list
    )  # pre-filled rows: members {member, birth}; units {org, kind, parent}; counts {org}


def collection_xlsx(blank: Blank, issuer, rules: dict, scales: Scales) -> bytes:
    """The workbook of ``blank``, issued by ``issuer`` (settings.Issuer), in the fonts of ``rules``
    (settings.rulebook)."""
    from openpyxl import Workbook

    lay = blank.layout
    wb = Workbook()
    guide = wb.active
    guide.title = data()["instructions"]
    choices = rating_choices(lay.shape, lay.year, scales)
    span = _guide(guide, blank, issuer, rules, scales, choices)
    ws = wb.create_sheet(lay.sheet)
    cached = _sheet(ws, blank, issuer, rules, span)
    wb.active = 1  # it opens on the list; the guide is the first tab
    # the author is the committee, never ccq-stats: files ccq-stats wrote are skipped when a folder is
    # read (reading.sources), and this one comes back to be read
    wb.properties.creator = issuer.committee
    wb.properties.title = lay.title
    wb.properties.subject = blank.org or issuer.committee
    wb.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return _with_cached_values(buffer.getvalue(), {2: cached})


def _styles(rules: dict) -> dict:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    font, size = rules["font"], rules["table_size"]
    thin = Side(style="thin")
    return {
        "plain": Font(name=font, size=size),
        "bold": Font(name=font, size=size, bold=True),
        "italic": Font(name=font, size=size, italic=True),
        "title": Font(name=font, size=size + 2, bold=True),
        "box": Border(left=thin, right=thin, top=thin, bottom=thin),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "top": Alignment(horizontal="left", vertical="top", wrap_text=True),
        "fill": PatternFill("solid", fgColor="FFF9E5"),  # the cells to fill, lightly tinted
        "head": PatternFill("solid", fgColor="E8EEF7"),
    }


def _line(ws, row: int, text: str, font, last: int, alignment, height: float | None = None) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    cell = put(ws, row, 1, text)
    cell.font, cell.alignment = font, alignment
    if height:
        ws.row_dimensions[row].height = height


def _lines_needed(text: str, chars: int) -> int:
    return max(1, -(-len(text) // chars))


def _guide(ws, blank: Blank, issuer, rules: dict, scales: Scales, choices) -> tuple[int, int]:
    """The "Hướng dẫn" sheet; returns the rows (first, last) of the texts a rating cell may hold,
    which the drop-down of the list refers to."""
    g, lay, st = data()["guide"], blank.layout, _styles(rules)
    for i, width in enumerate(GUIDE_WIDTHS, start=1):
        ws.column_dimensions["ABC"[i - 1]].width = width
    words = {
        "org": blank.org or issuer.committee,
        "year": lay.year,
        "receiver": issuer.receiver,
        "deadline": issuer.deadline,
        "address": issuer.address,
        "first_row": lay.first_row,
        "sheet": lay.sheet,
    }
    row = 1
    _line(ws, row, g["title"].format(**words), st["title"], 3, st["center"], 36)
    row += 2
    for key in ("org", "receiver", "deadline", "address"):
        _line(ws, row, g[key].format(**words), st["bold"] if key == "deadline" else st["plain"], 3, st["left"])
        row += 1
    row += 1
    _line(ws, row, g["what_heading"], st["bold"], 3, st["left"])
    row += 1
    for text in g["what"][lay.shape]:
        text = text.format(**words)
        _line(ws, row, "– " + text, st["plain"], 3, st["top"], 16 * _lines_needed(text, 150))
        row += 1
    row += 1
    _line(ws, row, g["labels_heading"].format(**words), st["bold"], 3, st["left"])
    row += 1
    for column, text in zip((2, 3), g["labels_header"]):
        cell = put(ws, row, column, text)
        cell.font, cell.alignment, cell.border, cell.fill = st["bold"], st["center"], st["box"], st["head"]
    row += 1
    first = row
    bands = g.get("bands", {}).get(scales.regime(lay.year).id, {})
    for choice in choices:
        if choice.abbreviation_of:
            meaning = g["meanings"]["abbreviation"].format(label=choice.abbreviation_of)
        else:
            meaning = g["meanings"]["exemplary" if choice.exemplary else choice.means]
            if choice.means in bands and not choice.exemplary:
                meaning += f" ({bands[choice.means]})"
        for column, text in ((2, choice.text), (3, meaning)):
            cell = put(ws, row, column, text)
            cell.font, cell.alignment, cell.border = st["plain"], st["left"], st["box"]
        row += 1
    last = row - 1
    number = 3
    scores = g["scores"].get(scales.regime(lay.year).id) if lay.scored else None
    if scores:
        row += 1
        _line(ws, row, g["scores_heading"], st["bold"], 3, st["left"])
        row += 1
        for text in scores:
            _line(ws, row, "– " + text, st["plain"], 3, st["top"], 16 * _lines_needed(text, 150))
            row += 1
        number = 4
    row += 1
    _line(ws, row, g["rules_heading"].format(number=number), st["bold"], 3, st["left"])
    row += 1
    for rule in applicable_rules(lay.year, scales):
        text = f"– {rule['name']}" + (
            f" ({rule['source']}" + (", chưa được kiểm chứng" if not rule["verified"] else "") + ")"
            if rule["source"]
            else ""
        )
        _line(ws, row, text, st["plain"], 3, st["top"], 16 * _lines_needed(text, 150))
        row += 1
    row += 1
    _line(ws, row, g["last"], st["italic"], 3, st["top"], 16 * _lines_needed(g["last"], 150))
    ws.protection.sheet = True  # no password: a guide is read, not edited, and nobody is locked out
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return first, last


def _sheet(ws, blank: Blank, issuer, rules: dict, span: tuple[int, int]) -> dict:
    """The list to fill; returns {cell reference: cached value} of its formulas."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    lay, st = blank.layout, _styles(rules)
    width = len(lay.columns)
    letter = {c.role: get_column_letter(i + 1) for i, c in enumerate(lay.columns)}
    _line(ws, 1, issuer.committee.upper(), st["bold"], width, st["left"])
    _line(ws, 2, lay.title, st["title"], width, st["center"], 30)
    _line(ws, 3, f"Tổ chức đảng: {blank.org or '……………………………'}", st["bold"], width, st["left"])
    head, numbers = lay.header_row, lay.header_row + 1
    for i, (column, index) in enumerate(zip(lay.columns, index_labels(lay)), start=1):
        cell = put(ws, head, i, column.header)
        cell.font, cell.alignment, cell.border, cell.fill = st["bold"], st["center"], st["box"], st["head"]
        cell = put(ws, numbers, i, index)
        cell.font, cell.alignment, cell.border = st["italic"], st["center"], st["box"]
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.row_dimensions[head].height = 45
    d = data()
    count = max(len(blank.rows) + d["blank_rows"][lay.shape], d["min_rows"][lay.shape])
    first, last = lay.first_row, lay.first_row + count - 1
    cached = {}
    unlocked = Protection(locked=False)
    for n in range(count):
        r = first + n
        given = blank.rows[n] if n < len(blank.rows) else {}
        for i, column in enumerate(lay.columns, start=1):
            cell = ws.cell(row=r, column=i)
            cell.font, cell.border = st["plain"], st["box"]
            cell.alignment = (
                st["left"] if column.role in ("member", "org", "parent", "rating", "ignored") else st["center"]
            )
            if column.formula:
                formula, value = _formula(column.formula, letter, r, {})
                cell.value = formula
                cached[f"{get_column_letter(i)}{r}"] = value
                continue
            cell.protection, cell.fill = unlocked, st["fill"]
            value = _prefilled(column.role, given, n)
            if value is not None:
                put(ws, r, i, value)
    if lay.shape == "counts":
        r = last + 1
        for i, column in enumerate(lay.columns, start=1):
            cell = ws.cell(row=r, column=i)
            cell.font, cell.border, cell.alignment = st["bold"], st["box"], st["center"]
            col = get_column_letter(i)
            if column.role == "org":
                put(ws, r, i, TOTALS)
            elif column.role == "check":
                cell.value, cached[f"{col}{r}"] = _formula("check", letter, r, {})[0], MATCH  # sums of blanks: 0 = 0
            elif column.role not in ("seq", "ignored"):
                cell.value, cached[f"{col}{r}"] = f"=SUM({col}{first}:{col}{last})", 0
        check = letter["check"]
        ws.conditional_formatting.add(
            f"{check}{first}:{check}{r}",
            FormulaRule(
                formula=[f'{check}{first}="{MISMATCH}"'],
                font=Font(color="9C0006", bold=True),
                fill=PatternFill("solid", fgColor="FFC7CE"),
            ),
        )
    _validations(ws, lay, letter, first, last, span)
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.print_title_rows = f"{head}:{numbers}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    p = ws.protection
    p.sheet = True  # no password: it guards the header against slips, it locks nobody out
    p.formatColumns = p.formatRows = p.insertRows = p.deleteRows = False  # False: allowed (OOXML's "is it protected")
    value = marker_text(lay.year, lay.shape, blank.org, lay.version).replace('"', '""')
    ws.defined_names[d["marker"]] = DefinedName(d["marker"], attr_text=f'"{value}"', hidden=True)
    return cached


def _prefilled(role: str, given: dict, n: int):
    if not given:
        return None
    if role == "seq":
        return n + 1
    if role == "kind":
        return KIND_NAMES.get(given.get("kind", ""), "") or None
    key = {"member": "member", "birth": "birth", "org": "org", "parent": "parent"}.get(role)
    return given.get(key) or None if key else None


def _formula(kind: str, letter: dict, r: int, values: dict) -> tuple[str, object]:
    """(formula, its value) of a computed cell of row ``r``: blank while its row is blank, as the
    reader then sees a blank row (``values``: the row's numbers, none in a blank template)."""
    tiers = [letter[t] for t in TIERS]
    if kind == "tiers":
        span = f"{tiers[0]}{r}:{tiers[-1]}{r}"
        parts = [values[t] for t in TIERS if values.get(t) is not None]
        return f'=IF(COUNT({span})=0,"",SUM({span}))', sum(parts) if parts else ""
    total, exempt, not_rated, rated = (letter[k] for k in ("total_count", "exempt", "not_rated", "rated_count"))
    span = f"{total}{r}:{tiers[-1]}{r}"
    formula = f'=IF(COUNT({span})=0,"",IF({total}{r}={exempt}{r}+{not_rated}{r}+{rated}{r},"{MATCH}","{MISMATCH}"))'
    known = [v for v in values.values() if v is not None]
    if not known:
        return formula, ""
    parts = sum(values.get(k) or 0 for k in ("exempt", "not_rated", "rated_count"))
    return formula, MATCH if (values.get("total_count") or 0) == parts else MISMATCH


def _validations(ws, lay: Layout, letter: dict, first: int, last: int, span: tuple[int, int]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    def add(validation, col: str) -> None:
        validation.add(f"{col}{first}:{col}{last}")
        ws.add_data_validation(validation)

    guide = data()["instructions"]
    if "rating" in letter:
        add(
            DataValidation(
                type="list",
                formula1=f"='{guide}'!$B${span[0]}:$B${span[1]}",
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Xếp loại",
                error=f"Chọn một mức xếp loại của năm {lay.year} trong danh sách (xem trang {guide}).",
                showInputMessage=True,
                promptTitle="Xếp loại",
                prompt="Chọn trong danh sách",
            ),
            letter["rating"],
        )
    for role in ("score_self", "score_decided"):
        if role in letter:
            col = letter[role]
            add(
                DataValidation(
                    type="custom",
                    formula1=f"AND(ISNUMBER({col}{first}),{col}{first}>=0,{col}{first}<=100,MOD({col}{first}*2,1)=0)",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Điểm",
                    error="Điểm từ 0 đến 100, số nguyên hoặc lẻ 0,5 (ví dụ 85 hoặc 85,5).",
                ),
                col,
            )
    if "birth" in letter:
        add(
            DataValidation(
                type="whole",
                operator="between",
                formula1="1900",
                formula2=str(lay.year),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Năm sinh",
                error="Ghi năm sinh bằng 4 chữ số, ví dụ 1975.",
            ),
            letter["birth"],
        )
    for role in ("total_count", "exempt", "not_rated", *TIERS):
        if role in letter and lay.shape == "counts":
            add(
                DataValidation(
                    type="whole",
                    operator="greaterThanOrEqual",
                    formula1="0",
                    allow_blank=True,
                    showErrorMessage=True,
                    errorTitle="Số đảng viên",
                    error="Ghi số nguyên, từ 0 trở lên.",
                ),
                letter[role],
            )


_FORMULA_CELL = re.compile(rb'<c r="([A-Z]+\d+)"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>', re.S)


def _with_cached_values(xlsx: bytes, cached: dict[int, dict[str, object]]) -> bytes:
    """The saved workbook with each formula's value written beside it (``<v>``), as Excel keeps
    them: ``cached`` is {sheet number (1-based, as openpyxl names the parts): {reference: value}}."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            found = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            values = cached.get(int(found.group(1))) if found else None
            if values:
                body = _FORMULA_CELL.sub(functools.partial(_cell, values=values), body)
            target.writestr(info, body)
    return out.getvalue()


def _cell(match, values: dict) -> bytes:
    ref = match.group(1).decode()
    if ref not in values:
        return match.group(0)
    value, attrs, formula = values[ref], match.group(2), match.group(3)
    attrs = re.sub(rb'\s+t="[^"]*"', b"", attrs)
    if isinstance(value, str):
        return b'<c r="%s"%s t="str"><f>%s</f><v>%s</v></c>' % (match.group(1), attrs, formula, escape(value).encode())
    return b'<c r="%s"%s><f>%s</f><v>%s</v></c>' % (match.group(1), attrs, formula, str(value).encode())
