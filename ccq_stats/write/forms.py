"""The statistics forms as a workbook: one sheet per form, laid out as the party's forms are.

The figures come from ``form_figures.form_figures`` (nothing is counted here); this module
knows only the look: "Biểu số" and deadline box top left, reporting and receiving unit top
right, the title, "Đvt", merged header cells, a row of column numbers ("1 = 3+4+…"), borders,
Times New Roman, A4 landscape, numbers stored as numbers, notes under the table for what the
data could not give, and the signature block.
"""

from __future__ import annotations

import io

from ccq_stats.write.cells import put
from ccq_stats.write.workbook import mark_as_ours

SHEET_NAMES = {"organisations": "Tổ chức đảng", "members": "Đảng viên"}
SHARE_FORMAT = "0.00"  # the column says "(%)": 65.36 shows as 65,36 on a Vietnamese system
COUNT_FORMAT = "#,##0"
HEADER_ROW = 6  # the table's header starts here; rows above hold the boxes and the title
LABEL_WIDTH = 58  # column A, in characters of the default font
LABEL_CHARS = 64  # characters of a 12 pt Times New Roman label on one line of column A
HOST_WIDTH = 9.5  # a host-type column: "Trong đó 100% vốn NN" in three lines, six-digit counts
NOTE_CHARS = 170  # characters of an italic note on one line across the whole table
ROW_HEIGHT = 15.75  # points, one line of 12 pt text


def forms_xlsx(figures: dict, issuer, rules: dict, day, store: dict | None = None) -> bytes:
    """The workbook of ``figures`` (form_figures), issued by ``issuer`` (settings.Issuer),
    sized by ``rules`` (settings.rulebook), dated ``day``; ``store``: the store state it was
    built from ({"import", "at"}), named in its properties."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for form in figures["forms"]:
        ws = wb.create_sheet(SHEET_NAMES[form["key"]])
        _lay_out(ws, form, figures, issuer, rules, day)
    mark_as_ours(wb)  # a later run that reads this folder skips the forms
    from ccq_stats.write.stamp import fixed, label, moment

    wb.properties.identifier = label(store) or None
    buffer = io.BytesIO()
    wb.save(buffer)
    return fixed(buffer.getvalue(), moment(day))  # the same bytes for the same data and date


def _styles(rules: dict):
    from openpyxl.styles import Alignment, Border, Font, Side

    font, size = rules["font"], rules["form_font_size"]
    thin = Side(style="thin")
    return {
        "plain": Font(name=font, size=size),
        "bold": Font(name=font, size=size, bold=True),
        "italic": Font(name=font, size=size, italic=True),
        "title": Font(name=font, size=rules["form_title_size"], bold=True),
        "box": Border(left=thin, right=thin, top=thin, bottom=thin),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
        "right": Alignment(horizontal="right", vertical="center"),
    }


def _lay_out(ws, form: dict, figures: dict, issuer, rules: dict, day) -> None:
    from openpyxl.utils import get_column_letter

    st = _styles(rules)
    columns = figures["columns"]
    last = 3 + len(columns)  # A label, B total, C share, then the official host-type columns
    right = max(2, last - 4)  # the right box takes the last columns
    _header_boxes(ws, form, issuer, st, last, right)
    row = _table_header(ws, figures, st, last)
    ws.print_title_rows = f"{HEADER_ROW}:{row - 1}"  # the header repeats on every printed page
    row = _table_rows(ws, form, columns, st, row)
    row = _notes(ws, form, st, row + 1, last)
    _signature(ws, issuer, st, row + 1, last, right, day)
    ws.column_dimensions["A"].width = LABEL_WIDTH
    ws.column_dimensions["B"].width = 11  # "2 = 4+...+14" on one line
    ws.column_dimensions["C"].width = 8
    for column in range(4, last + 1):
        ws.column_dimensions[get_column_letter(column)].width = HOST_WIDTH
    _print_setup(ws, rules, last)


def _merged(ws, row: int, first: int, last: int, value, font, alignment, rows: int = 1):
    if last > first or rows > 1:
        ws.merge_cells(start_row=row, start_column=first, end_row=row + rows - 1, end_column=last)
    cell = put(ws, row, first, value)
    cell.font, cell.alignment = font, alignment
    return cell


def _border(ws, first_row: int, last_row: int, first_col: int, last_col: int, border) -> None:
    for r in range(first_row, last_row + 1):
        for c in range(first_col, last_col + 1):
            ws.cell(row=r, column=c).border = border


def _header_boxes(ws, form: dict, issuer, st: dict, last: int, right: int) -> None:
    code = form["code"] or "……"
    _merged(ws, 1, 1, 1, f"Biểu số {code}", st["bold"], st["left"])
    _merged(ws, 2, 1, 1, f"Thời hạn gửi báo cáo: {issuer.deadline}", st["plain"], st["left"])
    _border(ws, 1, 2, 1, 1, st["box"])
    _merged(ws, 1, right, last, f"Đơn vị báo cáo: {issuer.committee}", st["plain"], st["left"])
    _merged(ws, 2, right, last, f"Đơn vị nhận báo cáo: {issuer.receiver}", st["plain"], st["left"])
    _border(ws, 1, 2, right, last, st["box"])
    _merged(ws, 4, 1, last, form["title"], st["title"], st["center"])
    ws.row_dimensions[4].height = 36
    _merged(ws, 5, 1, last, f"Đvt: {form['unit']}", st["italic"], st["right"])


def _table_header(ws, figures: dict, st: dict, last: int) -> int:
    """CHỈ TIÊU | Tổng số | Tỷ lệ(%) | the host-type columns under one heading, a split column
    (DN có vốn đầu tư NN: Tổng số, Trong đó 100% vốn NN) under its own, then the column numbers."""
    top, words = HEADER_ROW, figures["headers"]
    for column, name in ((1, words["label_header"]), (2, words["total_header"]), (3, words["share_header"])):
        _merged(ws, top, column, column, name, st["bold"], st["center"], rows=3)
    _merged(ws, top, 4, last, words["hosts_header"], st["bold"], st["center"])
    columns = figures["columns"]
    j = 4
    while j < 4 + len(columns):
        column = columns[j - 4]
        if column.get("group"):
            width = sum(1 for c in columns if c.get("group") == column["group"])
            _merged(ws, top + 1, j, j + width - 1, column["group"], st["bold"], st["center"])
            for k in range(width):
                _merged(ws, top + 2, j + k, j + k, columns[j - 4 + k]["label"], st["bold"], st["center"])
            j += width
        else:
            _merged(ws, top + 1, j, j, column["label"], st["bold"], st["center"], rows=2)
            j += 1
    ws.row_dimensions[top + 1].height = 32
    ws.row_dimensions[top + 2].height = 48
    numbers_row = top + 3
    numbers = list(words["numbers"]) + [str(n) for n in range(4, 4 + len(columns))]
    for column, text in enumerate(numbers, start=1):
        _merged(ws, numbers_row, column, column, text, st["italic"], st["center"])
    _border(ws, top, numbers_row, 1, last, st["box"])
    return numbers_row + 1


def _table_rows(ws, form: dict, columns: list[dict], st: dict, row: int) -> int:
    from openpyxl.styles import Alignment

    first = row
    for spec in form["rows"]:
        label = put(ws, row, 1, spec["label"] + (" (*)" if spec["missing"] else ""))
        label.font = st["bold"] if spec["heading"] else st["plain"]
        label.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=spec["depth"] * 2)
        # a wrapped label needs its row's height set: neither Excel nor LibreOffice grows it on opening
        lines = 1 + (len(spec["label"]) + 4 * spec["depth"]) // LABEL_CHARS
        ws.row_dimensions[row].height = ROW_HEIGHT * lines
        values = [
            (spec["total"], COUNT_FORMAT),
            (None if spec["share"] is None else round(spec["share"] * 100, 2), SHARE_FORMAT),
        ]
        values += [(spec["by_column"][c["key"]], COUNT_FORMAT) for c in columns]
        for column, (value, number_format) in enumerate(values, start=2):
            cell = put(ws, row, column, value, number_format)  # None stays an empty cell: never 0
            cell.font = st["bold"] if spec["heading"] else st["plain"]
            cell.alignment = st["right"]
        row += 1
    _border(ws, first, row - 1, 1, 3 + len(columns), st["box"])
    return row


def _notes(ws, form: dict, st: dict, row: int, last: int) -> int:
    notes = list(form["notes"])
    if any(r["missing"] for r in form["rows"]):
        notes.insert(0, "(*) Dữ liệu đầu vào không cho số liệu dòng này; đơn vị điền tay nếu có.")
    put(ws, row, 1, "Ghi chú:").font = st["bold"]
    for note in notes:
        row += 1
        _merged(ws, row, 1, last, note, st["italic"], st["left"])
        ws.row_dimensions[row].height = ROW_HEIGHT * (1 + len(note) // NOTE_CHARS)
    return row + 1


def _signature(ws, issuer, st: dict, row: int, last: int, right: int, day) -> None:
    from ccq_stats.numbers import ngay

    place = f"{issuer.place}, {ngay(day)}"
    _merged(ws, row, right, last, place, st["italic"], st["center"])
    put(ws, row + 1, 1, "NGƯỜI LẬP BIỂU").font = st["bold"]
    ws.cell(row=row + 1, column=1).alignment = st["center"]
    _merged(ws, row + 1, right, last, issuer.on_behalf, st["bold"], st["center"])
    _merged(ws, row + 2, right, last, issuer.office, st["bold"], st["center"])
    _merged(ws, row + 6, right, last, issuer.signer, st["bold"], st["center"])


def _print_setup(ws, rules: dict, last: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1  # one form, one page: the notes and the signatures stay with the table
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    inches = rules["form_margin"] / 25.4
    ws.page_margins.left = ws.page_margins.right = ws.page_margins.top = ws.page_margins.bottom = inches
    ws.print_options.horizontalCentered = True
    ws.print_area = f"A1:{get_column_letter(last)}{ws.max_row}"
