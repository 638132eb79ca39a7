"""The report as a workbook (openpyxl, imported inside the functions: --help stays light)."""

from __future__ import annotations

import io

from ccq_stats import CREATOR  # the author of every workbook we write: reading skips them
from ccq_stats.documents.render import MEMBER_COLUMNS, NESTED_LABELS, QUOTA_COLUMNS, TERM_COLUMNS, TOP_YEARS_COLUMNS
from ccq_stats.vocabulary.scales import TIERS  # the vocabulary, best first
from ccq_stats.write.cells import put

COUNT_FORMAT = "#,##0"
# the findings' sheet (of the report and of check): findings are "trường hợp" (docs/translating.md),
# named as the monthly summary heads them
FINDINGS_SHEET = "Các trường hợp qua kiểm tra"
SHARE_FORMAT = "0.00%"  # Excel shows it with the reader's separators: 65,36% on a Vietnamese system


def mark_as_ours(wb) -> None:
    """Sign a workbook as written by ccq-stats (its "Author" property), so that a later run that
    reads the folder it lies in skips it instead of reading a report as ratings. Every writer
    of an xlsx calls this on its Workbook before saving."""
    wb.properties.creator = CREATOR


def _sheet(wb, title: str, header: list[str], rows: list[list], formats: dict[int, str] | None = None) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    for j, name in enumerate(header, start=1):
        put(ws, 1, j, name)
        ws.cell(row=1, column=j).font = Font(bold=True)
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            put(ws, i, j, value, (formats or {}).get(j))
    ws.freeze_panes = "A2"
    for j, name in enumerate(header, start=1):
        width = max([len(str(name))] + [len(str(r[j - 1])) for r in rows[:200] if r[j - 1] is not None])
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = min(max(width + 2, 8), 60)


FONT = "Times New Roman"  # the documents' font (HD 36), in every cell of the report workbook
TIER_COLOURS = {"top": "B71C1C", "good": "E57373", "pass": "FFCC80", "fail": "616161"}  # as the html chart


def _subject_name(subject: str) -> str:
    """ "units" -> "Chi, đảng bộ cơ sở": what the subject is called in the report."""
    from ccq_stats.vocabulary.scales import SUBJECT_NAMES

    name = SUBJECT_NAMES[subject]
    return name[:1].upper() + name[1:]


def report_xlsx(context: dict) -> bytes:
    """The report as a workbook: the report itself (header, narrative, note), the figures with
    the years side by side and a bar chart of the tier shares per year, then the data sheets
    (yearly figures one per row, term figures, organisations, members per organisation,
    findings). Counts and shares are numbers with display formats; every sheet prints on A4."""
    from openpyxl import Workbook

    wb = Workbook()
    mark_as_ours(wb)
    wb.remove(wb.active)
    _report_sheet(wb, context)
    _figures_sheet(wb, context)
    yearly = []
    for subject, block in context["subjects"].items():
        name = _subject_name(subject)
        for y in block["years"]:
            for category, c in y["categories"].items():
                yearly.append([y["year"], name, category, c["label"], c["count"], c["share"]])
            yearly.append(
                [
                    y["year"],
                    name,
                    "exemplary_of_top",
                    NESTED_LABELS["exemplary_of_top"],
                    None,
                    y["nested"]["exemplary_of_top"],
                ]
            )
            yearly.append(
                [
                    y["year"],
                    name,
                    "top_of_good_or_better",
                    NESTED_LABELS["top_of_good_or_better"],
                    None,
                    y["nested"]["top_of_good_or_better"],
                ]
            )
    for block in context.get("scores", []):  # score figures (QĐ 366, HD 27): same columns, the mean in points
        name = _subject_name(block["subject"]) + " – điểm"
        for y in block["years"]:
            yearly.append([y["year"], name, "scored", "Được chấm điểm", y["scored"], None])
            yearly += [[y["year"], name, b["category"], b["label"], b["count"], b["share"]] for b in y["bands"]]
            yearly.append([y["year"], name, "mean", "Điểm bình quân (điểm)", y["scored"], None, y["mean"]])
            yearly += [
                [
                    y["year"],
                    name,
                    f"mean_{m['tier']}",
                    f"Điểm bình quân – {m['tier_label']} (điểm)",
                    m["count"],
                    None,
                    m["mean"],
                ]
                for m in y["means"]
            ]
    # the reader of the workbook is Vietnamese: subjects by name; the category codes stay, for filters, beside their labels
    points = ["Điểm bình quân"] if context.get("scores") else []  # a column at the end, only where there are scores
    yearly = [row + [None] * (6 + len(points) - len(row)) for row in yearly]
    _sheet(
        wb,
        "Hằng năm",
        ["Năm", "Đối tượng", "Mã chỉ tiêu", "Nhãn", "Số lượng", "Tỷ lệ"] + points,
        yearly,
        {5: COUNT_FORMAT, 6: SHARE_FORMAT, 7: "0.00"},
    )
    if context["report"]["kind"] == "term":
        term = [
            [
                _subject_name(subject),
                category,
                " / ".join(f["labels"]),
                f["value"],
                f["count"],
                f["first"],
                f["last"],
                f["change"],
                f["max_year"],
                f["min_year"],
            ]
            for subject, block in context["subjects"].items()
            for category, f in block["term"].items()
        ]
        _sheet(
            wb,
            "Nhiệm kỳ",
            [
                "Đối tượng",
                "Mã chỉ tiêu",
                "Nhãn",
                "Tỷ lệ nhiệm kỳ",
                "Tổng lượt",
                *TERM_COLUMNS,
            ],
            term,
            {4: SHARE_FORMAT, 5: COUNT_FORMAT, 6: SHARE_FORMAT, 7: SHARE_FORMAT, 8: "+0.00%;-0.00%;0.00%"},
        )
    years = context["report"]["table_years"]
    orgs = [
        [_subject_name(o["subject"]), o["org"], o["parent"], o["kind_name"], o["host_type"]]
        + [o["labels"][y] for y in years]
        + [
            o["years_top"],
            o["longest_top_run"],
            "x" if o["candidate"] else "",
            ", ".join(map(str, o["weak_years"])),
            "; ".join(f"{f['year']}: {f['from_label']} → {f['to_label']}" for f in o["falls"]),
        ]
        for o in context["organisations"]
    ]
    _sheet(
        wb,
        "Tổ chức",
        ["Đối tượng", "Tổ chức", "Trực thuộc", "Loại", "Loại hình"]
        + [str(y) for y in years]
        + TOP_YEARS_COLUMNS
        + ["Đề nghị khen thưởng", "Năm HTNV trở xuống", "Giảm so với năm trước"],
        orgs,
    )
    members = [
        [
            u["year"],
            u["org"],
            u["total"],
            u["exempt"],
            u["not_rated"],
            u["rated"],
            u["top"],
            u["good"],
            u["pass"],
            u["fail"],
            u["allowed"],
            u["excess"],
        ]
        for u in context["member_units"]
    ]
    _sheet(
        wb,
        "Đảng viên theo tổ chức",
        [
            "Năm",
            "Tổ chức",
            *MEMBER_COLUMNS,
            "HTXSNV",
            "HTTNV",
            "HTNV",
            "KHTNV",
            *QUOTA_COLUMNS,
        ],
        members,
        {j: COUNT_FORMAT for j in range(3, 13)},
    )
    findings = [
        [f["year"], f["rule_name"], f["severity_name"], f["org"], f["message"], f["source"], f["where"]]
        for f in context["findings"]
    ]
    _sheet(wb, FINDINGS_SHEET, ["Năm", "Nội dung kiểm tra", "Mức", "Tổ chức", "Chi tiết", "Căn cứ", "Vị trí"], findings)
    for ws in wb.worksheets[2:]:
        _print_setup(ws, landscape=ws.max_column > 6, title_rows="1:1")
    for ws in wb.worksheets:
        _one_font(ws)
    from ccq_stats.write.stamp import fixed, label, moment

    wb.properties.identifier = label(context.get("store")) or None  # the store state it was built from
    return fixed(_saved(wb), moment(context["report"]["date"]))  # the same bytes for the same data and date


def _one_font(ws) -> None:
    """Every written cell of ``ws`` in the documents' font, keeping its size, weight and slant
    (a heading in Times New Roman over cells in Calibri looks like two documents)."""
    from openpyxl.styles import Font

    made: dict[tuple, Font] = {}  # one Font per look, not per cell (building them was most of a report's time)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.font.name != FONT:
                f = cell.font
                look = (f.sz, f.b, f.i, f.u, repr(f.color))
                if look not in made:
                    made[look] = Font(name=FONT, size=f.sz, bold=f.b, italic=f.i, underline=f.u, color=f.color)
                cell.font = made[look]


def _print_setup(ws, landscape: bool, title_rows: str | None = None) -> None:
    """A4, fitted to the page width, the header rows repeated on every page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left, ws.page_margins.right = 30 / 25.4, 15 / 25.4
    ws.page_margins.top = ws.page_margins.bottom = 20 / 25.4
    if title_rows:
        ws.print_title_rows = title_rows


def _report_sheet(wb, context: dict) -> None:
    """The report as people read it: the header block, the title, the narrative, the note."""
    from openpyxl.styles import Alignment, Font

    from ccq_stats.documents.render import narrative, ngay

    ws = wb.create_sheet("Báo cáo")
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 45, 55
    font = "Times New Roman"
    issuer, report = context["issuer"], context["report"]
    centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
    left = [
        (issuer.get("above", ""), False),
        (issuer.get("committee", ""), True),
        ("*", False),
        (issuer.get("number_line", ""), False),
    ]
    right = [("ĐẢNG CỘNG SẢN VIỆT NAM", True), (f"{issuer.get('place', '…')}, {ngay(report['date'])}", False)]
    for i, (text, bold) in enumerate(left, start=1):
        cell = put(ws, i, 1, text)
        cell.font, cell.alignment = Font(name=font, size=13, bold=bold), centre
    for i, (text, bold) in enumerate(right, start=1):
        cell = put(ws, i, 2, text)
        cell.font, cell.alignment = (
            Font(name=font, size=13, bold=bold, italic=not bold, underline="single" if bold else None),
            centre,
        )
    row = 6
    for text, size, bold in (("BÁO CÁO", 14, True), (report["summary"], 13, True)):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = put(ws, row, 1, text)
        cell.font, cell.alignment = Font(name=font, size=size, bold=bold), centre
        ws.row_dimensions[row].height = 20 if len(text) < 80 else 36
        row += 1
    row += 1
    body = Alignment(horizontal="justify", vertical="top", wrap_text=True, indent=1)
    for text in narrative(context) + [report["note"]]:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = put(ws, row, 1, text)
        cell.font = Font(name=font, size=13, italic=text == report["note"])
        cell.alignment = body
        ws.row_dimensions[row].height = 17 * (1 + len(text) // 95)  # merged cells do not grow by themselves
        row += 1
    _print_setup(ws, landscape=False)


def _figures_sheet(wb, context: dict) -> None:
    """Each subject's figures with the years side by side (count and share under each year, the
    term share last), then a small table of the tier shares per year and its bar chart."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    ws = wb.create_sheet("Số liệu")
    bold, centre = Font(bold=True), Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    term = context["report"]["kind"] == "term"
    row = 1
    labels = [
        _row_label(block["years"], c) for block in context["subjects"].values() for c in block["years"][0]["categories"]
    ]
    # the row labels whole on one line where the page allows ("Trong sạch, vững mạnh / Hoàn thành
    # xuất sắc nhiệm vụ"), else wrapped: a label is never cut at the next column
    ws.column_dimensions["A"].width = min(max([len(t) for t in labels] + [30]) + 2, 56)
    for number, block in enumerate(context["subjects"].values()):
        years = block["years"]
        if number:  # each subject's figures and chart on a page of their own: a chart never split
            ws.row_breaks.append(Break(id=row - 1))
        put(ws, row, 1, f"Kết quả xếp loại {block['name']}").font = Font(bold=True, size=12)
        row += 1
        put(ws, row, 1, "Chỉ tiêu").font = bold
        ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
        for i, y in enumerate(years):
            column = 2 + 2 * i
            ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + 1)
            put(ws, row, column, y["year"]).font = bold
            ws.cell(row=row, column=column).alignment = centre
            put(ws, row + 1, column, "Số lượng").font = bold
            put(ws, row + 1, column + 1, "Tỷ lệ").font = bold
        if term:
            put(ws, row, 2 + 2 * len(years), "Nhiệm kỳ").font = bold
            ws.merge_cells(
                start_row=row, start_column=2 + 2 * len(years), end_row=row + 1, end_column=2 + 2 * len(years)
            )
        row += 2
        for category in years[0]["categories"]:
            put(ws, row, 1, _row_label(years, category)).alignment = wrap
            for i, y in enumerate(years):
                c = y["categories"][category]
                put(ws, row, 2 + 2 * i, c["count"], COUNT_FORMAT)
                put(ws, row, 3 + 2 * i, c["share"], SHARE_FORMAT)
            if term and category in block["term"]:
                put(ws, row, 2 + 2 * len(years), block["term"][category]["value"], SHARE_FORMAT)
            row += 1
        row = _tier_chart(ws, block, row + 1) + 1
    for column in range(2, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(column)].width = 10
    _print_setup(ws, landscape=True)


def _row_label(years: list, category: str) -> str:
    """A category's label over the years, each label once ("Trong sạch, vững mạnh / Hoàn thành
    xuất sắc nhiệm vụ" across 2017–2018)."""
    return " / ".join(dict.fromkeys(y["categories"][category]["label"] for y in years))


def _tier_chart(ws, block: dict, row: int) -> int:
    """The tier shares per year as a small table and a native stacked bar chart beside it;
    returns the row after both."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    put(ws, row, 1, f"Tỷ lệ các mức xếp loại {block['name']} (so với số được đánh giá)").font = Font(italic=True)
    from openpyxl.styles import Alignment

    # laid out as the figures table above it, a tier a row and a year a column ("Mức xếp loại |
    # 2018 | 2019"): a row of tier labels over columns of shares would read back as a table of
    # counts (a sheet of counts per tier), and this workbook is one ccq-stats reads again
    put(ws, row + 1, 1, "Mức xếp loại").font = Font(bold=True)
    header = Alignment(horizontal="center", vertical="top")
    for j, y in enumerate(block["years"], start=2):
        cell = put(ws, row + 1, j, str(y["year"]))
        cell.font, cell.alignment = Font(bold=True), header
    wrap = Alignment(vertical="top", wrap_text=True)
    for i, tier in enumerate(TIERS, start=row + 2):
        # the subject's own tier labels (members are never "Trong sạch, vững mạnh" nor "Yếu kém"),
        # which are also the chart's legend
        put(ws, i, 1, _row_label(block["years"], tier)).alignment = wrap
        for j, y in enumerate(block["years"], start=2):
            put(ws, i, j, y["categories"][tier]["share"], SHARE_FORMAT)
    last = row + 1 + len(TIERS)
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "percentStacked", 100
    _times_new_roman(chart, f"Tỷ lệ các mức xếp loại {block['name']}")
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorGridlines = None
    chart.height, chart.width = 9, 15
    chart.legend.position = "b"  # below the bars: long tier names do not squeeze the plot
    columns = 1 + len(block["years"])
    chart.add_data(
        Reference(ws, min_col=1, max_col=columns, min_row=row + 2, max_row=last), titles_from_data=True, from_rows=True
    )
    chart.set_categories(Reference(ws, min_col=2, max_col=columns, min_row=row + 1, max_row=row + 1))
    for series, tier in zip(chart.series, TIERS):
        series.graphicalProperties.solidFill = TIER_COLOURS[tier]
    ws.add_chart(chart, f"{get_column_letter(columns + 2)}{row}")
    return max(last, row + 20)  # the chart is about 18 rows high


def _times_new_roman(chart, title: str) -> None:
    """The chart's title, legend and axis labels in the documents' font (a chart in the
    spreadsheet's default sans font under Times New Roman tables looks like another document)."""
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun

    def look(size: int, bold: bool = False) -> CharacterProperties:  # size in hundredths of a point
        return CharacterProperties(latin=Font(typeface=FONT), cs=Font(typeface=FONT), sz=size, b=bold)

    heading = look(1300, bold=True)
    chart.title = Title(
        tx=Text(
            rich=RichText(
                p=[Paragraph(pPr=ParagraphProperties(defRPr=heading), r=[RegularTextRun(rPr=heading, t=title)])]
            )
        ),
        overlay=False,
    )
    for part in (chart.legend, chart.x_axis, chart.y_axis):
        part.txPr = RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=look(900)), endParaRPr=look(900))])


def figures_xlsx(figures) -> bytes:
    """The figures of ``classify`` as a workbook: the CSV's columns, counts and shares as numbers."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    header = list(figures.columns)
    rows = [
        [
            None if (c == "share" and (v is None or v != v)) else (int(v) if c in ("year", "count") else v)
            for c, v in zip(header, row)
        ]
        for row in figures.itertuples(index=False)
    ]
    formats = {header.index("count") + 1: COUNT_FORMAT, header.index("share") + 1: SHARE_FORMAT}
    _sheet(wb, "Số liệu", header, rows, formats)
    return _saved(wb)


def findings_xlsx(findings, names: bool = False) -> bytes:
    """The findings of ``check`` as a workbook: the CSV's columns (``numbers`` as text)."""
    from openpyxl import Workbook

    from ccq_stats.write.text import finding_rows

    header, rows = finding_rows(findings, names)
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(wb, FINDINGS_SHEET, header, [[None if v == "" else v for v in row] for row in rows])
    return _saved(wb)


def _saved(wb) -> bytes:
    """The workbook's bytes, signed as ours (``mark_as_ours``)."""
    mark_as_ours(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
