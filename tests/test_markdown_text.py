"""Names in Markdown reports are text, nothing else (issue 20 item 16): the ``md`` filter escapes
every character Markdown would act on where it would act. Checked against an independent
renderer (markdown-it-py, CommonMark with GitHub's strikethrough and tables): the rendered
paragraph holds the name exactly, and no element but the paragraph."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from ccq_stats.documents.render import md, md_table
from conftest import make_csv, run

RENDER = MarkdownIt("commonmark").enable(["strikethrough", "table"])

HOSTILE = [
    "_x_",
    "__x__",
    "*x*",
    "**x**",
    "~~x~~",
    "~x~",
    "`x`",
    "[x](javascript:alert(1))",
    "![x](http://a/b.png)",
    "<script>alert(1)</script>",
    "a &lt; b",
    "# Chi bộ",
    "## x",
    "+ x",
    "- x",
    "= x",
    "1. Chi bộ",
    "2) Chi bộ",
    "Chi bộ _Sở_ Y",
    "Chi bộ ~~Sở~~ Y",
    "x \\_y\\_",
    "a | b",
    "Chi bộ ***A*** và _B_",
    "x\\",
    "> x",
    "<http://a.b>",
    "Chi bộ Sở Lao động - TB&XH",
    "Chi bộ (Đảng bộ Sở Y)",
    "to_chuc_2019.csv",
    "Năm 2019.",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_name_renders_as_itself_in_a_paragraph(name):
    rendered = RENDER.render(md(name)).strip()
    assert rendered == f"<p>{html.escape(name, quote=False)}</p>" or rendered == f"<p>{html.escape(name)}</p>", rendered


@pytest.mark.parametrize("name", HOSTILE)
def test_a_name_renders_as_itself_in_a_list_item_and_a_table_cell(name):
    item = RENDER.render(f"- {md(name)}").strip()
    assert re.fullmatch(r"<ul>\s*<li>(.*)</li>\s*</ul>", item, re.S)[1] == html.escape(
        name, quote=False
    ) or re.fullmatch(r"<ul>\s*<li>(.*)</li>\s*</ul>", item, re.S)[1] == html.escape(name)
    table = RENDER.render(md_table({"header": ["Tổ chức", "Số"], "rows": [[name, "12"]]}))
    cell = re.search(r"<tbody>\s*<tr>\s*<td>(.*?)</td>", table, re.S)[1]
    assert cell in (html.escape(name, quote=False), html.escape(name))


def test_names_stay_readable_where_nothing_is_active():
    assert md("to_chuc_2019.csv") == "to_chuc_2019.csv"  # "_" between letters is no emphasis
    assert md("Chi bộ Sở Lao động - TB&XH") == "Chi bộ Sở Lao động - TB&XH"
    assert md("45,5%") == "45,5%" and md("-") == "-" and md("12") == "12"  # figures of ours


def test_a_report_in_markdown_shows_emphasis_and_strikethrough_names_as_typed(tmp_path):
    rows = [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"]]
    names = ["Chi bộ _Sở_ A", "Chi bộ ~~Sở~~ B", "# Chi bộ C"]
    for year, label in ((2018, "HTXSNV"), (2019, "HTNV")):  # a fall from top to pass: every name is listed
        rows += [[name, year, label] for name in names]
    units = make_csv(tmp_path / "tc.csv", rows)
    result = run("report", units, "--year", "2019", "-f", "md", "--date", "2026-12-07")
    assert result.exit_code == 0, result.stderr
    rendered = RENDER.render(result.stdout)
    assert "<s>" not in rendered and "<del>" not in rendered
    assert "<em>Sở</em>" not in rendered and "<h1>Chi bộ C</h1>" not in rendered  # were emphasis and a heading
    for name in names:
        assert html.escape(name, quote=False) in rendered
