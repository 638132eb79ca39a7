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
    return _document(context, issuer, rules, _body)


def month_docx(context: dict, issuer, rules: dict) -> bytes:
    """The monthly summary (``report --month``) as a .docx file (bytes), in the same form."""
    return _document(context, issuer, rules, _month_body)


def _document(context: dict, issuer, rules: dict, body) -> bytes:
    """The party's document form around ``body(doc, context, rules)``: page, header block,
    title, the body, "Nơi nhận" and the signature."""
    from docx import Document

    doc = Document()
    _page(doc, rules)
    _base_style(doc, rules)
    _header_block(doc, context, issuer, rules)
    _title(doc, context, rules)
    body(doc, context, rules)
    _signature(doc, issuer, rules)
    from ccq_stats.write.stamp import fixed, label, moment

    doc.core_properties.identifier = label(context.get("store"))  # the store state it was built from
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed(buffer.getvalue(), moment(context["report"]["date"]))  # the same bytes for the same data and date


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

    return {
        CENTER: WD_ALIGN_PARAGRAPH.CENTER,
        LEFT: WD_ALIGN_PARAGRAPH.LEFT,
        RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
        JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[name]


def _text(
    container,
    text: str,
    size: float,
    *,
    bold=False,
    italic=False,
    underline=False,
    align=CENTER,
    after: float = 0,
    rules: dict | None = None,
):
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
    taking ``left_share`` of it: the layout of the header block and of the signature block. The
    row cannot split across pages."""
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    table.autofit = False
    _cant_split(table.rows[0])
    left, right = table.rows[0].cells
    text_width = _text_width(rules)
    table.columns[0].width = left.width = Mm(text_width * left_share)
    table.columns[1].width = right.width = Mm(text_width * (1 - left_share))
    return left, right


def _text_width(rules: dict) -> float:
    """The width between the margins, in millimetres (A4 portrait)."""
    return 210 - rules["margin_left"] - rules["margin_right"]


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def heading_groups(text: str, breaks_before: list[str]) -> list[str]:
    """The meaningful groups of a heading line, where staff may break it: before the words of
    ``breaks_before`` (documents.toml: "KHỐI", "CÁC", "TỈNH" …), never leaving one word alone
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" → "ĐẢNG ỦY", "KHỐI", "CÁC CƠ QUAN TỈNH")."""
    words = text.split()
    groups: list[list[str]] = []
    for i, word in enumerate(words):
        starts = any(words[i : i + len(b.split())] == b.split() for b in breaks_before)
        if groups and not starts:
            groups[-1].append(word)
        else:
            groups.append([word])
    if len(groups) > 1 and len(groups[-1]) == 1:  # "CÁC CƠ QUAN" + "TỈNH": a last word alone is no group
        last = groups.pop()
        groups[-1] += last
    return [" ".join(g) for g in groups]


def _lines_of(container, first, lines: list[str], size: float, rules: dict, **style):
    """``lines`` in the paragraph ``first`` of ``container``, one line each, an explicit line
    break between them (their widths were measured, with some room to spare, so the printer
    breaks them no further; ordinary spaces, so that the text is found and copied as typed)."""
    for i, line in enumerate(lines):
        run = _run(first, line, size, rules, **style)
        if i < len(lines) - 1:
            run.add_break()


def _header_block(doc, context: dict, issuer, rules: dict) -> None:
    """Two columns without borders: the issuer on the left, the party and the date on the right.
    The right column is as wide as its longer line (the date stays on one line); the issuer's
    lines break, where they must, between meaningful groups."""
    from docx.shared import Mm

    from ccq_stats.numbers import ngay
    from ccq_stats.write.measure import break_lines, width_mm

    date_line = f"{issuer.place}, {ngay(context['report']['date'])}"
    pad = rules["cell_padding"]
    right_needs = (
        max(
            width_mm("ĐẢNG CỘNG SẢN VIỆT NAM", rules["party_size"], bold=True),
            width_mm(date_line, rules["place_date_size"], italic=True),
        )
        + pad
        + 2
    )  # 2 mm: never on the edge
    share = min(max(1 - right_needs / _text_width(rules), 0.4), 0.6)
    left, right = _two_columns(doc, rules, share)
    room = _text_width(rules) * share - pad
    breaks = rules["heading_breaks_before"]
    first = left.paragraphs[0]
    first.alignment = _align(CENTER)
    _lines_of(
        left,
        first,
        break_lines(heading_groups(issuer.above, breaks), room, rules["above_size"]),
        rules["above_size"],
        rules,
    )
    committee = _text(left, "", rules["committee_size"], rules=rules)
    _lines_of(
        left,
        committee,
        break_lines(heading_groups(issuer.committee, breaks), room, rules["committee_size"], bold=True),
        rules["committee_size"],
        rules,
        bold=True,
    )
    _text(left, "*", rules["committee_size"], rules=rules)
    _text(left, issuer.number_line, rules["number_size"], rules=rules)
    party = right.paragraphs[0]
    party.alignment = _align(CENTER)
    # the rule under "ĐẢNG CỘNG SẢN VIỆT NAM" is as long as the words: an underline of the run
    _run(party, "ĐẢNG CỘNG SẢN VIỆT NAM", rules["party_size"], rules, bold=True, underline=True)
    place_date = _text(right, "", rules["place_date_size"], rules=rules)
    place_date.paragraph_format.space_before = Mm(2)
    lines = break_lines(
        [f"{issuer.place},", ngay(context["report"]["date"])],
        _text_width(rules) * (1 - share) - pad,
        rules["place_date_size"],
        italic=True,
    )  # a place too long for one line: the date below it
    _lines_of(right, place_date, lines, rules["place_date_size"], rules, italic=True)


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
    summary = _text(doc, "", rules["summary_size"], rules=rules)
    _lines_of(
        doc, summary, _summary_lines(context["report"]["summary"], rules), rules["summary_size"], rules, bold=True
    )
    # the short rule under the summary line: an underlined run of spaces, centred
    rule = _text(doc, "\u00a0" * 24, rules["summary_size"], underline=True, rules=rules)
    rule.paragraph_format.space_after = Pt(12)


def _summary_lines(text: str, rules: dict) -> list[str]:
    """The summary line under the title, in lines of even length where it is too long for one,
    broken only before the words of the rulebook's summary_breaks_before ("và", "năm" …), never
    inside "tổ chức" or "năm 2019"."""
    from ccq_stats.write.measure import break_lines

    groups = heading_groups(text, rules["summary_breaks_before"])
    return break_lines(groups, _text_width(rules) - rules["cell_padding"], rules["summary_size"], bold=True)


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


# A table of this many rows or fewer stays on one page (each row kept with the next): the figure
# and score tables; the long ones (organisations, members) run on, their header repeated.
WHOLE_TABLE_ROWS = 20


def _table(doc, table: dict, rules: dict, size: float | None = None, keep_with_next: bool = False) -> None:
    """A {"header", "rows"} table of text: a grid of fixed column widths that fit the page, the
    header bold and repeated on each page, the first column left, figures right. A figure
    ("34 (61,82%)", "tăng 7,82 điểm phần trăm") is one unbreakable line; no word of a header or
    a cell is ever broken (the columns are measured, and the text shrinks if they cannot fit).
    ``keep_with_next``: the last row stays on the page of what follows (the signature)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    size, widths = _column_widths(table, rules, size or rules["table_size"])
    grid = doc.add_table(rows=1 + len(table["rows"]), cols=len(table["header"]))
    grid.style = "Table Grid"
    grid.autofit = False
    _cell_margins(grid, rules["table_cell_margin"])
    for column, width in zip(grid.columns, widths):
        column.width = Mm(width)
    last = len(table["rows"])
    whole = last <= WHOLE_TABLE_ROWS  # a short table is not split: a row or two alone on the next page reads as lost
    for i, (row, values) in enumerate(zip(grid.rows, [table["header"]] + table["rows"])):  # rows[i] is a list each time
        _cant_split(row)
        if i == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(header)
        cells = row.cells  # python-docx builds the whole row's list at each .cells: once per row
        for j, value in enumerate(values):
            cell = cells[j]
            cell.width = Mm(widths[j])  # Word reads the cells' widths, LibreOffice the grid's
            paragraph = cell.paragraphs[0]
            figure = i and j and FIGURE.match(str(value))
            paragraph.alignment = _align(CENTER if i == 0 else (RIGHT if figure else LEFT))
            paragraph.paragraph_format.keep_with_next = i == 0 or (whole and i < last) or (keep_with_next and i == last)
            _run(paragraph, str(value), size, rules, bold=i == 0)  # a figure's column holds it whole
    after = doc.add_paragraph()
    after.paragraph_format.space_after = Pt(2)
    after.paragraph_format.keep_with_next = keep_with_next


def _cell_margins(grid, mm: float) -> None:
    """The left and right margin of every cell of ``grid`` (w:tblCellMar), which _column_widths
    counts on."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(mm * 1440 / 25.4)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    grid._tbl.tblPr.append(margins)


def _column_widths(table: dict, rules: dict, size: float) -> tuple[float, list[float]]:
    """(text size, column widths in mm) of a table across the text width. Each column holds at
    least its widest word (the header's in bold) and its figures whole; the rest of the page goes
    where it saves the most broken lines (measure.fit_columns: "Đảng bộ cơ sở" stays on one line
    in every row before a name gets its third line back). Where even the widest words do not
    fit, the text shrinks half a point at a time down to the rulebook's table_min_size."""
    from ccq_stats.write.measure import fit_columns

    room, pad = _text_width(rules), 2 * rules["table_cell_margin"] + 1  # 1 mm: never on the edge
    while True:
        widths = fit_columns(
            table["header"], table["rows"], room, pad, size, whole=lambda text: bool(FIGURE.match(text))
        )
        if sum(widths) <= room + 0.01 or size <= rules["table_min_size"]:
            return size, widths
        size -= 0.5


def _body(doc, context: dict, rules: dict) -> None:
    from ccq_stats.documents.render import (
        figure_table,
        findings_rows,
        member_table,
        narrative,
        org_table,
        reorganised_lines,
        score_table,
        term_table,
    )

    report = context["report"]
    term = report["kind"] == "term"
    for text in narrative(context):
        _paragraph(doc, text, rules)
    small = rules["table_size"] - 2  # tables of many columns
    for number, block in enumerate(context["subjects"].values(), start=1):
        _heading(doc, f"{number}. Kết quả xếp loại {block['name']}", rules)
        figures = figure_table(block, with_term=term)
        _table(doc, figures, rules, small if len(figures["header"]) > 4 else None)
        if term:
            _table(doc, term_table(block), rules, small)
    # score bands and means (QĐ 366, HD 27), where the lists have scores: numbered after the subjects
    for number, block in enumerate(context.get("scores", []), start=len(context["subjects"]) + 1):
        _heading(doc, f"{number}. Điểm đánh giá {block['name']}", rules)
        table = score_table(block)
        _table(doc, table, rules, small if len(table["header"]) > 4 else None)
    _note(doc, report["note"], rules)
    if term and context["candidates"]:
        _heading(
            doc, f"Tổ chức cơ sở đảng {len(report['years'])} năm liền đạt mức cao nhất (đề nghị khen thưởng)", rules
        )
        for o in context["candidates"]:
            _paragraph(doc, f"- {o['org']}" + (f" ({o['note']})" if o.get("note") else ""), rules)
    if context["to_work_with"]:
        _heading(doc, "Tổ chức cơ sở đảng cần chỉ đạo, khắc phục", rules)
        for o in context["to_work_with"]:
            years = "; ".join(f"{o['labels'][y]} năm {y}" for y in o["weak_years"])
            _paragraph(doc, f"- {o['org']}: {years}", rules)
    if context["falls"]:
        _heading(doc, "Tổ chức cơ sở đảng có kết quả giảm so với năm trước", rules)
        for o in context["falls"]:
            falls = "; ".join(
                f"năm {f['year']} từ {f['from_label'].lower()} xuống {f['to_label'].lower()}" for f in o["falls"]
            )
            _paragraph(doc, f"- {o['org']}: {falls}", rules)
    changes = (context.get("lineage") or {}).get("changes")
    if changes:  # mergers, splits … stated for what they are, never as one organisation's rise or fall
        _heading(doc, "Tổ chức cơ sở đảng được sắp xếp lại (không so sánh như một tổ chức)", rules)
        for line in reorganised_lines(changes):
            _paragraph(doc, f"- {line}", rules)
    units = [o for o in context["organisations"] if o["subject"] == "units"]
    if units:
        _heading(doc, "Kết quả từng tổ chức cơ sở đảng", rules)
        _table(doc, org_table(units, report["table_years"]), rules, small)
        _note(doc, context["legend"] + ".", rules)
    if not term and context["member_units"]:
        _heading(doc, "Đảng viên theo tổ chức cơ sở đảng", rules)
        _table(doc, member_table(context["member_units"], report["year"]), rules, small)
    _heading(doc, "Kiểm tra theo quy định", rules)
    # the last lines of the text stay on the page of the signature (keep with next)
    if context["findings"]:
        _table(doc, findings_rows(context["findings"]), rules, small, keep_with_next=True)
    else:
        _paragraph(doc, "Không phát hiện trường hợp nào trái quy định.", rules).paragraph_format.keep_with_next = True


def _month_body(doc, context: dict, rules: dict) -> None:
    """The monthly summary: the same paragraphs, lists and tables as its md, txt and html."""
    from ccq_stats.documents.render import findings_rows, imports_table, narrative

    for text in narrative(context):
        _paragraph(doc, text, rules)
    roster, small = context["roster"], rules["table_size"] - 2
    if roster and roster.get("not_reported"):
        _heading(
            doc, f"Tổ chức cơ sở đảng chưa báo cáo kết quả năm {roster['year']} ({len(roster['not_reported'])})", rules
        )
        for i, name in enumerate(roster["not_reported"], start=1):
            _paragraph(doc, f"{i}. {name}", rules)
    if roster and roster.get("outside"):
        _heading(doc, f"Tổ chức có kết quả năm {roster['year']} nhưng không có trong danh sách", rules)
        for name in roster["outside"]:
            _paragraph(doc, f"- {name}", rules)
    last = None
    if context["imports"]:
        _heading(doc, "Số liệu nhập trong tháng", rules)
        _table(doc, imports_table(context["imports"]), rules, small, keep_with_next=not context["findings"])
        for i in context["imports"]:
            for c in i["changes"]:
                if c["status"] == "changed":
                    parent = f" ({c['parent']})" if c.get("parent") else ""
                    last = _paragraph(doc, f"- {c['year']}, {c['org']}{parent}: {c['text']}", rules)
    if context["findings"]:
        _heading(doc, f"Các trường hợp qua kiểm tra năm {context['latest_year']}", rules)
        _table(doc, findings_rows(context["findings"]), rules, small, keep_with_next=True)
    elif last is not None:
        last.paragraph_format.keep_with_next = True
    elif not context["imports"]:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the last paragraph of the text


def _signature(doc, issuer, rules: dict) -> None:
    """ "Nơi nhận" on the left, the signature block on the right, in a table without borders."""
    from docx.shared import Pt

    _text(doc, "", rules["body_size"]).paragraph_format.keep_with_next = True
    left, right = _two_columns(doc, rules, 0.5)  # one row that cannot split: "Nơi nhận" beside the signer
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
