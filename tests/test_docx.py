"""`report --format docx`: the report as a Word document in the party's document form, and who
issues it (ccq-stats.toml, --settings, options) in every format (issue 12)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import tomllib

import pytest
from docx import Document
from docx.shared import Pt

from conftest import ROOT, SAMPLE, make_csv, run

EXPECTED = ROOT / "tests" / "data" / "sample_expected.csv"
RULES = tomllib.loads((ROOT / "ccq_stats" / "documents.toml").read_text(encoding="utf-8"))["hd36_2018"]

SETTINGS = """
[issuer]
above = "ĐẢNG BỘ TỈNH BÌNH DƯƠNG"
committee = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
place = "Thủ Dầu Một"
number = "125"
office = "PHÓ BÍ THƯ"
signer = "Nguyễn Văn A"
recipients = ["Ban Tổ chức Tỉnh ủy", "Các chi, đảng bộ cơ sở", "Lưu Văn phòng Đảng ủy"]
"""


def expected(year: int) -> dict:
    with open(EXPECTED, encoding="utf-8") as stream:
        return {
            (r["subject"], r["category"]): int(r["count"]) for r in csv.DictReader(stream) if int(r["year"]) == year
        }


def cell_text(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def report_docx(tmp_path, *args):
    settings = tmp_path / "ccq-stats.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    result = run("report", SAMPLE, *args, "--settings", settings, "--date", "21/10/2020", "-o", out)
    assert result.exit_code == 0, result.stderr
    return Document(str(out)), out


def runs_of(paragraph):
    return [r for r in paragraph.runs if r.text.strip()]


@pytest.mark.slow
@pytest.mark.parametrize("year", [2017, 2019])
def test_year_docx_has_the_party_form_and_the_sample_figures(tmp_path, year):
    doc, _ = report_docx(tmp_path, "--year", year)
    header = doc.tables[0]
    left, right = header.rows[0].cells
    # the committee is too wide for its column beside the date: it breaks where staff break it
    assert cell_text(left) == ["ĐẢNG BỘ TỈNH BÌNH DƯƠNG", "ĐẢNG ỦY KHỐI\nCÁC CƠ QUAN TỈNH", "*", "Số 125-BC/ĐUK"]
    committee = runs_of(left.paragraphs[1])[0]
    assert committee.bold and committee.font.size == Pt(RULES["committee_size"])
    assert (
        runs_of(left.paragraphs[0])[0].font.size == Pt(RULES["above_size"]) and not runs_of(left.paragraphs[0])[0].bold
    )
    assert cell_text(right) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Thủ Dầu Một, ngày 21 tháng 10 năm 2020"]
    party = runs_of(right.paragraphs[0])[0]
    assert party.bold and party.underline and party.font.size == Pt(RULES["party_size"])
    date = runs_of(right.paragraphs[1])[0]
    assert date.italic and date.font.size == Pt(RULES["place_date_size"])
    texts = [p.text for p in doc.paragraphs]
    title = doc.paragraphs[texts.index("BÁO CÁO")]
    assert runs_of(title)[0].bold and runs_of(title)[0].font.size == Pt(RULES["title_size"])
    assert (
        texts[texts.index("BÁO CÁO") + 1]
        == f"Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng\nvà đảng viên năm {year}"
    )
    # the body: 14 pt, justified, the narrative with the sample generator's figures
    e = expected(year)
    body = next(p for p in doc.paragraphs if p.text.startswith(f"Năm {year}, toàn Đảng bộ có"))
    assert runs_of(body)[0].font.size == Pt(RULES["body_size"])
    assert f"có {e[('units', 'total')]} chi, đảng bộ cơ sở" in body.text
    share = round(100 * e[("units", "top")] / e[("units", "rated")], 2)
    assert f"{e[('units', 'top')]} tổ chức" in body.text and f"({share:.2f}%".replace(".", ",") in body.text
    # the tables of the figures: the units table holds the year's tier counts
    units = doc.tables[1]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in units.rows}
    assert rows["Được đánh giá, xếp loại"][-1] == str(e[("units", "rated")])
    assert rows["Hoàn thành tốt nhiệm vụ"][-1].startswith(f"{e[('units', 'good')]} (")
    members = doc.tables[3]
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in members.rows}
    assert rows["Tổng số đảng viên (có mặt)"][-1] == f"{e[('members', 'total')]:,}".replace(",", ".")
    # the signature block and "Nơi nhận"
    signature = doc.tables[-1]
    left, right = signature.rows[0].cells
    assert cell_text(left) == [
        "Nơi nhận:",
        "- Ban Tổ chức Tỉnh ủy,",
        "- Các chi, đảng bộ cơ sở,",
        "- Lưu Văn phòng Đảng ủy.",
    ]
    assert runs_of(left.paragraphs[0])[0].font.size == Pt(RULES["recipients_title_size"])
    assert cell_text(right) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A"]
    assert all(runs_of(p)[0].bold for p in right.paragraphs)


@pytest.mark.slow
def test_docx_page_fonts_and_numbers(tmp_path):
    doc, _ = report_docx(tmp_path, "--term", "2015-2020")
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [
        round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ] == [RULES["margin_top"], RULES["margin_bottom"], RULES["margin_left"], RULES["margin_right"]]
    assert section.different_first_page_header_footer  # no number on page 1
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    assert doc.styles["Normal"].font.name == "Times New Roman"
    fonts = {r.font.name for p in doc.paragraphs for r in p.runs if r.text.strip()}
    assert fonts <= {"Times New Roman", None}  # None: the Normal style's, Times New Roman
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Có 8 chi, đảng bộ cơ sở 5 năm liền đạt mức cao nhất" in text  # the term narrative
    assert "tỷ lệ nhiệm kỳ là bình quân tỷ lệ của các năm" in text  # the method note, under the figures


@pytest.mark.slow
def test_no_rule_id_in_a_vietnamese_document(tmp_path):
    doc, _ = report_docx(tmp_path, "--term", "2015-2020")
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    for rule in ("member_quota", "top_unit_members", "disciplined_not_fail", "missing_year"):
        assert rule not in text
    assert "Thiếu kết quả xếp loại một năm" in text  # the rule's Vietnamese name (rules.toml)
    md = run("report", SAMPLE, "--term", "2015-2020", "--date", "2020-10-21").stdout
    assert "member_quota" not in md and "missing_year" not in md


def test_formula_like_names_stay_text_in_docx(tmp_path):
    units = make_csv(
        tmp_path / "tc.csv",
        [
            ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
            ['"=HYPERLINK(""http://evil"",""x"")"', 2019, "HTNV"],
            ["Chi bộ B", 2019, "HTTNV"],
        ],
    )
    out = tmp_path / "r.docx"
    assert run("report", units, "--year", "2019", "-o", out).exit_code == 0
    doc = Document(str(out))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert '=HYPERLINK("http://evil","x")' in cells
    assert "fldSimple" not in doc.element.xml and "HYPERLINK" not in "".join(
        i.text or "" for i in doc.element.iter() if i.tag.endswith("instrText")
    )


@pytest.mark.slow
def test_the_same_header_in_md_txt_and_html(tmp_path):
    settings = tmp_path / "s.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    for fmt in ("md", "txt", "html"):
        text = run("report", SAMPLE, "--year", "2019", "--settings", settings, "--date", "21/10/2020", "-f", fmt).stdout
        for part in (
            "ĐẢNG BỘ TỈNH BÌNH DƯƠNG",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
            "Số 125-BC/ĐUK",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "Thủ Dầu Một, ngày 21 tháng 10 năm 2020",
            "BÁO CÁO",
        ):
            assert part in text, (fmt, part)
        assert "*" in text.split("Số 125-BC/ĐUK")[0]


@pytest.mark.slow
def test_settings_from_the_working_folder_and_options_over_them(tmp_path, monkeypatch):
    (tmp_path / "ccq-stats.toml").write_text(SETTINGS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = run(
        "report", SAMPLE, "--year", "2019", "--date", "2020-10-21", "--number", "7", "--place", "Bình Dương"
    ).stdout
    assert (
        "Số 7-BC/ĐUK" in text and "Bình Dương, ngày 21 tháng 10 năm 2020" in text and "ĐẢNG BỘ TỈNH BÌNH DƯƠNG" in text
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[issuer]\nsigner = 5\n", "[issuer] signer must be a text"),
        ('[issuer]\nsigne = "A"\n', "unknown setting [issuer] signe"),
        ("[issuer\n", "not a valid TOML file"),
        ('[issuer]\nrulebook = "qd399_2026"\n', "unknown document rulebook"),
    ],
)
def test_bad_settings_are_one_line(tmp_path, content, message):
    settings = tmp_path / "s.toml"
    settings.write_text(content, encoding="utf-8")
    out = tmp_path / "r.docx"
    result = run("report", SAMPLE, "--year", "2019", "--settings", settings, "-o", out)
    assert result.exit_code == 2 and message in result.stderr.splitlines()[-1] and not out.exists()


@pytest.mark.slow
def test_missing_settings_file_and_both_date_forms(tmp_path):
    result = run("report", SAMPLE, "--year", "2019", "--settings", tmp_path / "nope.toml")
    assert result.exit_code == 2 and "no such settings file" in result.stderr
    result = run("report", SAMPLE, "--year", "2019", "--date", "31/02/2020")
    assert result.exit_code == 2 and "--date is not a date" in result.stderr
    a = run("report", SAMPLE, "--year", "2019", "--date", "05/02/2020").stdout
    b = run("report", SAMPLE, "--year", "2019", "--date", "2020-02-05").stdout
    assert a == b and "ngày 05 tháng 02 năm 2020" in a


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: the PDF conversion is not checked"
)
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_libreoffice_converts_the_report_to_pdf(tmp_path, fmt):
    out = tmp_path / f"bao_cao.{fmt}"
    assert run("report", SAMPLE, "--year", "2019", "-o", out).exit_code == 0
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "bao_cao.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
