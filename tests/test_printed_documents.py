"""The documents as they print: the Word reports converted to PDF by LibreOffice and read back
with ``pdftotext -layout`` (issue 19: a signature alone on the last page, "ĐẢNG ỦY KHỐI CÁC CƠ /
QUAN TỈNH", "Miễ n ĐG" in a table header). One LibreOffice call converts every document of a
kind, so the suite stays quick; skipped, saying why, where LibreOffice or poppler is missing
(Debian: libreoffice-writer, libreoffice-calc, poppler-utils, fonts-liberation2 — see the README's
Development section). The workbook's "Số liệu" sheet is checked through openpyxl (no PDF needed).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import SAMPLE, run

SETTINGS = """[issuer]
above = "ĐẢNG BỘ TỈNH BÌNH DƯƠNG"
committee = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
place = "Thủ Dầu Một"
number = "125"
office = "PHÓ BÍ THƯ"
signer = "Nguyễn Văn A"
recipients = ["Ban Tổ chức Tỉnh ủy", "Các chi, đảng bộ cơ sở", "Lưu Văn phòng Đảng ủy"]
"""
REPORTS = {"year": ("--year", "2019"), "term": ("--term", "2015-2020")}


def _tools_missing() -> str | None:
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    return f"{' and '.join(missing)} not installed (Debian: libreoffice-writer, poppler-utils)" if missing else None


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """{kind: (docx path, [page texts])} of the year and term reports, printed by LibreOffice."""
    reason = _tools_missing()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("printed")
    settings = folder / "ccq-stats.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    docs = {}
    for kind, span in REPORTS.items():
        target = folder / f"{kind}.docx"
        result = run("report", *span, SAMPLE, "-o", target, "--settings", settings, "--date", "21/10/2020", "-q")
        assert result.exit_code == 0, result.stderr
        docs[kind] = target
    profile = folder / "lo-profile"  # a profile of its own: never a user's running LibreOffice
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, docs.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    out = {}
    for kind, path in docs.items():
        text = subprocess.run(
            ["pdftotext", "-layout", str(path.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True
        ).stdout
        out[kind] = (path, [page for page in text.split("\f") if page.strip()])
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("kind", list(REPORTS))
def test_the_signature_and_recipients_stay_on_the_page_of_the_last_lines(printed, kind):
    """'Nơi nhận', the signer's office and name, and the last row of the text's last table (the
    findings) are on one page, with text before them: never a signature alone on a page."""
    from docx import Document

    path, pages = printed[kind]
    doc = Document(str(path))
    last_row = doc.tables[-2].rows[-1]  # the table before the signature's: the findings
    detail = " ".join(last_row.cells[-1].text.split()[:3])  # the first words of its last cell: one line
    holding = [i for i, page in enumerate(pages) if "Nơi nhận:" in page]
    assert len(holding) == 1, f"'Nơi nhận' on pages {holding}"
    page = pages[holding[0]]
    for line in ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A", "- Lưu Văn phòng Đảng ủy."):
        assert line in page, f"{line!r} is not on the page of 'Nơi nhận' (page {holding[0] + 1})"
    assert detail in _flat(page), (
        f"the last lines of the text ({detail!r}) are not on the signature's page {holding[0] + 1}"
    )
    assert holding[0] == len(pages) - 1  # and that page is the last


@pytest.mark.parametrize("kind", list(REPORTS))
def test_no_word_is_broken_across_lines(printed, kind):
    """Every word the PDF prints is a word of the document: a word broken in a table header
    ("Miễ n ĐG", "Vượ t") or in the issuer block ("CƠ / QUAN") leaves fragments that are not."""
    from docx import Document

    path, pages = printed[kind]
    doc = Document(str(path))
    words = {w for p in doc.paragraphs for w in p.text.split()}
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                words |= {w for p in cell.paragraphs for w in p.text.split()}
    # a line may break after a hyphen, as in print ("Hướng dẫn 21-" / "HD/BTCTW"): never inside a word
    words |= {part for w in words for part in re.findall(r"[^-]+-|[^-]+$", w)}
    for number, page in enumerate(pages, start=1):
        fragments = sorted({w for w in page.split() if w not in words and not w.isdigit()})
        assert not fragments, f"page {number}: {fragments} are not words of the document"


@pytest.mark.parametrize("kind", list(REPORTS))
def test_the_issuer_block_prints_its_lines_whole(printed, kind):
    """The header's lines break where staff break them: the committee in two meaningful groups,
    the place and date on one line (issue 19: "…tháng 10 năm / 2020")."""
    _, pages = printed[kind]
    lines = [" ".join(line.split()) for line in pages[0].splitlines()[:8]]
    for expected in (
        "ĐẢNG BỘ TỈNH BÌNH DƯƠNG",
        "ĐẢNG ỦY KHỐI",
        "CÁC CƠ QUAN TỈNH",
        "Số 125-BC/ĐUK",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Thủ Dầu Một, ngày 21 tháng 10 năm 2020",
    ):
        assert any(expected in line for line in lines), f"{expected!r} is not one printed line: {lines}"
    assert not any(re.search(r"\bCƠ$", line) for line in lines)


def test_figures_sheet_labels_its_tiers_by_subject_in_one_font(tmp_path):
    """The workbook's "Số liệu" sheet: each subject's chart table is headed by that subject's own
    tier labels (members are never "Trong sạch, vững mạnh" nor "Yếu kém"); every written cell is
    in Times New Roman; each subject starts a printed page (its chart never split); row labels
    have a column wide enough for them (or wrap)."""
    from openpyxl import load_workbook

    target = tmp_path / "nhiem_ky.xlsx"
    result = run("report", "--term", "2015-2020", SAMPLE, "-o", target, "-q")
    assert result.exit_code == 0, result.stderr
    ws = load_workbook(target)["Số liệu"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    members = next(
        i for i, r in enumerate(rows) if r[0] == "Tỷ lệ các mức xếp loại đảng viên (so với số được đánh giá)"
    )
    # a tier a row, a year a column, as the figures table above it (a row of tier labels over
    # shares would read back as a table of counts)
    assert rows[members + 1][:6] == ["Mức xếp loại", "2015", "2016", "2017", "2018", "2019"]
    assert [r[0] for r in rows[members + 2 : members + 6]] == [
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
    ]
    units = next(
        i for i, r in enumerate(rows) if r[0] == "Tỷ lệ các mức xếp loại chi, đảng bộ cơ sở (so với số được đánh giá)"
    )
    # 2015–2017 under Quy định 97 ("Trong sạch, vững mạnh", "Yếu kém"), 2018–2019 under Quy định 132
    assert rows[units + 2][0] == "Trong sạch, vững mạnh / Hoàn thành xuất sắc nhiệm vụ"
    # the chart's series are the tiers (its legend), its categories the years
    chart = next(c for c in ws._charts if c.title and "đảng viên" in str(c.title.tx.rich.p[0].r[0].t))
    assert len(chart.series) == 4
    fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
    assert fonts == {"Times New Roman"}
    starts = [i + 1 for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith("Kết quả xếp loại ")]
    assert len(starts) == 3 and sorted(b.id + 1 for b in ws.row_breaks.brk) == starts[1:]
    longest = max(len(str(r[0])) for r in rows[:members] if r[0] and not str(r[0]).startswith(("Kết quả", "Tỷ lệ")))
    assert ws.column_dimensions["A"].width >= min(longest, 54)
