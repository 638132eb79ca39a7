"""One dash between two years in every document (issue 19: "2015-2020" in the title beside
"2015–2017" in the narrative). The form is the en dash, unspaced, as the sources at hand write
a range (issue 19, docs/domain.md); options still take "2015-2020" with a hyphen."""

from __future__ import annotations

import html
import re

import pytest

from conftest import SAMPLE, run

# any dash or hyphen, spaced or not, between two years of the rating-year range
RANGE = re.compile(r"((?:19|20)\d\d)(\s*[-‐‑‒–—―−]\s*)((?:19|20)\d\d)")
SETTINGS = '[issuer]\ncommittee = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"\nplace = "Thủ Dầu Một"\nnumber = "125"\n'


def test_year_range_writes_the_en_dash():
    from ccq_stats.numbers import year_range, years_text

    assert year_range(2015, 2020) == "2015\u20132020"
    assert years_text([2017, 2015, 2016]) == "2015\u20132017"
    assert years_text([2015, 2017]) == "2015, 2017"


def _text(path) -> str:
    """Everything a reader sees in a document: paragraphs and cells of a docx, cells of a
    workbook, the text of md, txt and html (its entities resolved)."""
    if path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        for section in doc.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        for table in doc.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        parts = [ws.title for ws in book.worksheets]
        for ws in book.worksheets:
            parts += [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
            parts += [str(ws.oddHeader.center.text or ""), str(ws.oddFooter.center.text or "")]
        return "\n".join(parts)
    return html.unescape(path.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_no_other_dash_between_two_years_in_any_document(tmp_path):
    settings = tmp_path / "ccq-stats.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    common = ["--settings", settings, "--date", "21/10/2020", "-q"]
    written = []
    for fmt in ("md", "txt", "html", "docx", "xlsx"):
        for name, span in (("term", ("--term", "2015-2020")), ("year", ("--year", "2019"))):
            target = tmp_path / f"{name}.{fmt}"
            result = run("report", *span, SAMPLE, "-o", target, *common)
            assert result.exit_code == 0, result.stderr
            written.append(target)
    for year in (2017, 2019):
        target = tmp_path / f"forms_{year}.xlsx"
        result = run("forms", "--year", str(year), SAMPLE, "-o", target, "--settings", settings, "--date", "21/10/2020")
        assert result.exit_code == 0, result.stderr
        written.append(target)
    store = tmp_path / "ccq.sqlite"
    assert run("import", SAMPLE, "--db", store, "-q").exit_code == 0
    for fmt in ("md", "txt", "html", "docx"):
        target = tmp_path / f"month.{fmt}"
        result = run("report", "--month", "2020-01", "--db", store, "-o", target, "--format", fmt, *common)
        assert result.exit_code == 0, result.stderr
        written.append(target)
    seen = {}
    for path in written:
        for match in RANGE.finditer(_text(path)):
            seen.setdefault(match.group(2), set()).add(f"{path.name}: {match.group(0)}")
    # the term report names its term and its rating years; the month summary its term
    assert "\u2013" in seen and any("term" in where for where in seen["\u2013"])
    assert any("month" in where for where in seen["\u2013"])
    others = {dash: sorted(where) for dash, where in seen.items() if dash != "\u2013"}
    assert not others, f"year ranges written with another dash: {others}"
