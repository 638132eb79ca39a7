"""The report as a Word document in the party's document form (python-docx).

The form (Hướng dẫn 36-HD/VPTW, 2018, Phụ lục 3): top left the body above and the issuing
committee with a "*" under it and the number "Số …-BC/ĐUK"; top right "ĐẢNG CỘNG SẢN VIỆT
NAM" with a rule under it and the place and date; the title "BÁO CÁO" and its summary line
with a short rule; the body; the signature block and "Nơi nhận"; A4, page numbers from page
2. Every size and margin comes from the rulebook (settings.rulebook, documents.toml); the
prose and the tables are the same as the other formats' (render.narrative and the table
functions of render.py).
"""

from __future__ import annotations

import io
import re

CENTER, LEFT, RIGHT, JUSTIFY = "center", "left", "right", "justify"
FIGURE = re.compile(r"^[-–+]?[\d.,]+%?( \([\d.,]+%\))?$|^[-–]?$|^(tăng|giảm) [\d,]+ điểm")  # right-aligned cells


def report_docx(context: dict, issuer, rules: dict) -> bytes:
    """The year or term report as a .docx file (bytes)."""
    from docx import Document

    doc = Document()
    _page(doc, rules)
    _base_style(doc, rules)
    _header_block(doc, context, issuer, rules)
    _title(doc, context, rules)
    _body(doc, context, rules)
    _signature(doc, issuer, rules)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- page and styles ---------------------------------------------------------------------

def _page(doc, rules: dict) -> None:
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # A4
    section.top_margin, section.bottom_margin = Mm(rules["margin_top"]), Mm(rules["margin_bottom"])
    section.left_margin, section.right_margin = Mm(rules["margin_left"]), Mm(rules["margin_right"])
    section.different_first_page_header_footer = True  # no number on page 1
    if rules["page_numbers_from"] == 2:
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = _align(CENTER)
        _field(paragraph, "PAGE", rules)


def _base_style(doc, rules: dict) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = doc.styles["Normal"]
    style.font.name = rules["font"]
    style.font.size = Pt(rules["body_size"])
    fonts = style.element.rPr.rFonts  # East Asian and complex-script fonts too, or Word substitutes
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), rules["font"])
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0


def _align(name: str):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return {CENTER: WD_ALIGN_PARAGRAPH.CENTER, LEFT: WD_ALIGN_PARAGRAPH.LEFT, RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
            JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY}[name]


def _text(container, text: str, size: float, *, bold=False, italic=False, underline=False, align=CENTER,
          after: float = 0, rules: dict | None = None):
    """One paragraph of one run; text is always text (a value starting with '=' stays a value)."""
    from docx.shared import Pt

    paragraph = container.add_paragraph()
    paragraph.alignment = _align(align)
    paragraph.paragraph_format.space_after = Pt(after)
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold, run.font.italic, run.font.underline = bold, italic, underline
    if rules:
        run.font.name = rules["font"]
    return paragraph


def _field(paragraph, code: str, rules: dict) -> None:
    """A Word field (PAGE): begin, instruction, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run()
    run.font.size = Pt(rules["body_size"])
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        run._r.append(element)


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


# -- the parts of the document -------------------------------------------------------------

def _two_columns(doc, rules: dict, left_share: float):
    """(left cell, right cell) of a one-row table without borders across the text width, the left
    taking ``left_share`` of it: the layout of the header block and of the signature block."""
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.autofit = False
    left, right = table.rows[0].cells
    text_width = 210 - rules["margin_left"] - rules["margin_right"]
    table.columns[0].width = left.width = Mm(text_width * left_share)
    table.columns[1].width = right.width = Mm(text_width * (1 - left_share))
    return left, right


def _header_block(doc, context: dict, issuer, rules: dict) -> None:
    """Two columns without borders: the issuer on the left, the party and the date on the right."""
    from docx.shared import Mm

    left, right = _two_columns(doc, rules, 0.46)
    left.paragraphs[0].text = ""
    first = left.paragraphs[0]
    first.alignment = _align(CENTER)
    _run(first, issuer.above, rules["above_size"], rules)
    _text(left, issuer.committee, rules["committee_size"], bold=True, rules=rules)
    _text(left, "*", rules["committee_size"], rules=rules)
    _text(left, issuer.number_line, rules["number_size"], rules=rules)
    party = right.paragraphs[0]
    party.alignment = _align(CENTER)
    # the rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is as long as the words: an underline of the run
    _run(party, "ĐẢNG CỘNG SẢN VIỆT NAM", rules["party_size"], rules, bold=True, underline=True)
    from ccq_stats.numbers import ngay

    _text(right, f"{issuer.place}, {ngay(context['report']['date'])}", rules["place_date_size"], italic=True,
          rules=rules).paragraph_format.space_before = Mm(2)


def _run(paragraph, text: str, size: float, rules: dict, **style):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.name = rules["font"]
    for key, value in style.items():
        setattr(run.font, key, value)
    return run


def _title(doc, context: dict, rules: dict) -> None:
    from docx.shared import Pt

    _text(doc, "", rules["body_size"])
    title = _text(doc, "BÁO CÁO", rules["title_size"], bold=True, rules=rules)
    title.paragraph_format.space_before = Pt(12)
    _text(doc, context["report"]["summary"], rules["summary_size"], bold=True, rules=rules)
    # the short rule under the summary line: an underlined run of spaces, centred
    rule = _text(doc, "\u00a0" * 24, rules["summary_size"], underline=True, rules=rules)
    rule.paragraph_format.space_after = Pt(12)


def _paragraph(doc, text: str, rules: dict):
    from docx.shared import Mm, Pt

    paragraph = _text(doc, text, rules["body_size"], align=JUSTIFY, after=rules["paragraph_after"], rules=rules)
    paragraph.paragraph_format.first_line_indent = Mm(rules["first_line_indent"])
    paragraph.paragraph_format.line_spacing = rules["line_spacing"]
    paragraph.paragraph_format.space_before = Pt(0)
    return paragraph


def _heading(doc, text: str, rules: dict):
    from docx.shared import Mm, Pt

    paragraph = _text(doc, text, rules["body_size"], bold=True, align=JUSTIFY, after=4, rules=rules)
    paragraph.paragraph_format.space_before = Pt(8)
    paragraph.paragraph_format.first_line_indent = Mm(rules["first_line_indent"])
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _note(doc, text: str, rules: dict):
    return _text(doc, text, rules["table_size"], italic=True, align=JUSTIFY, after=6, rules=rules)


def _table(doc, table: dict, rules: dict, size: float | None = None) -> None:
    """A {"header", "rows"} table of text: a grid, the header bold and repeated on each page,
    the first column left, figures right."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    size = size or rules["table_size"]
    grid = doc.add_table(rows=1 + len(table["rows"]), cols=len(table["header"]))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = _column_widths(table, rules)
    for column, width in zip(grid.columns, widths):
        column.width = width
    for i, values in enumerate([table["header"]] + table["rows"]):
        row = grid.rows[i]
        if i == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(header)
        for j, value in enumerate(values):
            cell = row.cells[j]
            cell.width = widths[j]  # Word reads the cells' widths, LibreOffice the grid's
            paragraph = cell.paragraphs[0]
            paragraph.alignment = _align(CENTER if i == 0 else (RIGHT if j and FIGURE.match(str(value)) else LEFT))
            _run(paragraph, str(value), size, rules, bold=i == 0)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _column_widths(table: dict, rules: dict) -> list:
    """The text width shared among the columns by the length of what they hold (a long word of
    the header counts, so that it is never broken), each at least 12 mm."""
    from docx.shared import Mm

    text_width = 210 - rules["margin_left"] - rules["margin_right"]
    weights = []
    for j, name in enumerate(table["header"]):
        longest = max([len(str(r[j])) for r in table["rows"]] + [max(len(w) for w in str(name).split() or [""])])
        weights.append(min(max(longest, 9), 32))
    total = sum(weights)
    return [Mm(max(12, text_width * w / total)) for w in weights]


def _body(doc, context: dict, rules: dict) -> None:
    from ccq_stats.render import findings_rows, figure_table, member_table, narrative, org_table, term_table

    report = context["report"]
    term = report["kind"] == "term"
    for text in narrative(context):
        _paragraph(doc, text, rules)
    small = rules["table_size"] - 2  # tables of many columns
    for number, (key, block) in enumerate(context["subjects"].items(), start=1):
        _heading(doc, f"{number}. Kết quả xếp loại {block['name']}", rules)
        figures = figure_table(block, with_term=term)
        _table(doc, figures, rules, small if len(figures["header"]) > 4 else None)
        if term:
            _table(doc, term_table(block), rules, small)
    _note(doc, report["note"], rules)
    if term and context["candidates"]:
        _heading(doc, f"Tổ chức cơ sở đảng {len(report['years'])} năm liền đạt mức cao nhất (đề nghị khen thưởng)", rules)
        for o in context["candidates"]:
            _paragraph(doc, f"- {o['org']}", rules)
    if context["to_work_with"]:
        _heading(doc, "Tổ chức cơ sở đảng cần chỉ đạo, khắc phục", rules)
        for o in context["to_work_with"]:
            years = "; ".join(f"{o['labels'][y]} năm {y}" for y in o["weak_years"])
            _paragraph(doc, f"- {o['org']}: {years}", rules)
    if context["falls"]:
        _heading(doc, "Tổ chức cơ sở đảng có kết quả giảm so với năm trước", rules)
        for o in context["falls"]:
            falls = "; ".join(f"năm {f['year']} từ {f['from_label'].lower()} xuống {f['to_label'].lower()}" for f in o["falls"])
            _paragraph(doc, f"- {o['org']}: {falls}", rules)
    units = [o for o in context["organisations"] if o["subject"] == "units"]
    if units:
        _heading(doc, "Kết quả từng tổ chức cơ sở đảng", rules)
        _table(doc, org_table(units, report["table_years"]), rules, small)
        _note(doc, context["legend"] + ".", rules)
    if not term and context["member_units"]:
        _heading(doc, "Đảng viên theo tổ chức cơ sở đảng", rules)
        _table(doc, member_table(context["member_units"], report["year"]), rules, small)
    _heading(doc, "Kiểm tra theo quy định", rules)
    if context["findings"]:
        _table(doc, findings_rows(context["findings"]), rules, small)
    else:
        _paragraph(doc, "Không phát hiện trường hợp nào trái quy định.", rules)


def _signature(doc, issuer, rules: dict) -> None:
    """ "Nơi nhận" on the left, the signature block on the right, in a table without borders."""
    from docx.shared import Pt

    _text(doc, "", rules["body_size"])
    left, right = _two_columns(doc, rules, 0.5)
    first = left.paragraphs[0]
    _run(first, "Nơi nhận:", rules["recipients_title_size"], rules, bold=True, italic=True, underline=True)
    for i, recipient in enumerate(issuer.recipients):
        end = "." if i == len(issuer.recipients) - 1 else ","
        _text(left, f"- {recipient}{end}", rules["recipients_size"], align=LEFT, rules=rules)
    block = right.paragraphs[0]
    block.alignment = _align(CENTER)
    _run(block, issuer.on_behalf, rules["signature_size"], rules, bold=True)
    _text(right, issuer.office, rules["signature_size"], bold=True, rules=rules).paragraph_format.space_after = Pt(60)
    _text(right, issuer.signer, rules["signature_size"], bold=True, rules=rules)
