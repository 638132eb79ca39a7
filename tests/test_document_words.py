"""Words in full where staff read them (issue 19: "table headers "Cao nhất/Thấp nhất" over cells
that hold years, "Miễn ĐG", "Vượt", "TSVM TB" → words in full"; "0 bản ghi bị bớt" → "bị xóa";
findings are "trường hợp", docs/translating.md). Expected words written from the issue and the
glossary, not from the tool's output."""

from __future__ import annotations

import re

import openpyxl
import pytest

from conftest import SAMPLE, make_csv, run

CUT_SHORT = {"Miễn ĐG", "Chưa ĐG", "Được ĐG", "Vượt", "Cao nhất", "Thấp nhất", "Liên tục", "Bớt"}


@pytest.mark.slow
def test_the_report_workbook_heads_its_sheets_with_words_in_full(tmp_path):
    out = tmp_path / "nhiem_ky.xlsx"
    assert run("report", SAMPLE, "--term", "2015-2020", "-o", out, "-q").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert "Phát hiện" not in wb.sheetnames
    assert wb.sheetnames[-1] == "Các trường hợp qua kiểm tra"  # findings are "trường hợp"
    for name in wb.sheetnames[2:]:  # the data sheets: a header row, then data
        header = [c.value for c in wb[name][1]]
        assert not CUT_SHORT & set(header), (name, header)
    members = [c.value for c in wb["Đảng viên theo tổ chức"][1]]
    assert {"Miễn đánh giá", "Chưa đánh giá", "Được đánh giá", "Vượt mức tối đa"} <= set(members)
    term = wb["Nhiệm kỳ"]
    header = [c.value for c in term[1]]
    # the columns that hold years say so
    best, worst = header.index("Năm cao nhất") + 1, header.index("Năm thấp nhất") + 1
    years = {term.cell(r, c).value for r in range(2, term.max_row + 1) for c in (best, worst)} - {None}
    assert years and all(isinstance(y, int) and 2015 <= y <= 2019 for y in years), years
    yearly = [row[3] for row in wb["Hằng năm"].iter_rows(min_row=2, values_only=True)]
    assert not any(re.search(r"[Xx]ếp loại cao nhất", str(label)) for label in yearly)  # "đạt mức cao nhất"


def test_history_writes_the_award_and_the_columns_in_full_and_counts_with_the_dot(tmp_path):
    db = tmp_path / "ccq.sqlite"
    units = make_csv(
        tmp_path / "to_chuc.csv",
        [["Tên tổ chức", "Năm", "Xếp loại"], ["Chi bộ A", 2015, "TSVM tiêu biểu"], ["Chi bộ A", 2016, "HTTNV"]],
    )
    members = make_csv(
        tmp_path / "dang_vien_2016.csv",
        [["Họ và tên", "Chi bộ", "Năm", "Xếp loại"]] + [[f"Người {i}", "Chi bộ A", 2016, "HTTNV"] for i in range(1200)],
    )
    assert run("import", units, members, "--db", db, "-q").exit_code == 0
    result = run("history", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = re.split(r"\s{2,}", lines[1].strip())
    assert header[-3:] == ["Bản ghi thêm", "Bản ghi sửa", "Bản ghi bị xóa"], header
    row = re.split(r"\s{2,}", lines[2].strip())
    assert row[4] == "2015, 2016" and row[5] == "1.202" and row[6] == "1.202", row  # 2 ratings + 1,200 members
    ratings = next(re.split(r"\s{2,}", line.strip()) for line in lines if line.startswith("Chi bộ A"))
    assert ratings[1:] == ["TSVM tiêu biểu", "HTTNV"], ratings  # not "TSVM TB"
    assert "TSVM: trong sạch, vững mạnh" in result.stdout and "HTTNV: hoàn thành tốt nhiệm vụ" in result.stdout


def test_a_mean_score_is_printed_with_two_decimals_always():
    """One number format for means (issue 19: "93,4" beside "95,75"): two decimals, as shares."""
    from ccq_stats.numbers import mean_score, score

    assert [mean_score(v) for v in (93.4, 95.75, 33, 78.2222, None)] == ["93,40", "95,75", "33,00", "78,22", "–"]
    assert score(87.5) == "87,5"  # a score as entered keeps its own digits


TERM_2025 = SAMPLE.parent / "sample_term_2020_2025" / "xep_loai"


@pytest.mark.slow
def test_the_score_headings_are_numbered_after_the_subjects_and_the_means_agree(tmp_path):
    """ "The 2025 score tables' headings are not numbered like the other headings" (issue 19): in
    md and docx, "Kết quả xếp loại …" 1 to n, then "Điểm đánh giá …" n+1 …, one series."""
    import docx

    md = run("report", "--year", "2025", TERM_2025, "-q")
    assert md.exit_code == 0, md.stderr
    headings = [line[3:] for line in md.stdout.splitlines() if line.startswith("## ")]
    figures = [h for h in headings if h.split(". ", 1)[-1].startswith(("Kết quả xếp loại", "Điểm đánh giá"))]
    scored = [h for h in figures if "Điểm đánh giá" in h]
    assert len(scored) == 3, figures  # organisations, chi bộ trực thuộc, members: all three scored in 2025
    assert [h.split(". ", 1)[0] for h in figures] == [str(n) for n in range(1, len(figures) + 1)], figures
    means = [
        cell.strip()
        for line in md.stdout.splitlines()
        if line.startswith(("| Điểm bình quân", "| – hoàn thành", "| – không hoàn thành"))
        for cell in line.strip("|").split("|")[1:]
        if cell.strip() not in ("", "–")
    ]
    assert means and all(re.fullmatch(r"\d{1,3},\d\d", m) for m in means), means
    out = tmp_path / "bao_cao_2025.docx"
    assert run("report", "--year", "2025", TERM_2025, "-o", out, "-q").exit_code == 0
    texts = [p.text for p in docx.Document(out).paragraphs]
    assert [t for t in texts if "Điểm đánh giá" in t and t[:1].isdigit()] == scored


def test_an_import_says_its_counts_with_the_dot_and_a_removed_record_is_xoa(monkeypatch, tmp_path):
    """Issue 19: "Numbers in messages … without the thousands dot ("thêm 3828")"; the glossary:
    a record removed by an import is "bị xóa", never "bớt"."""
    members = make_csv(
        tmp_path / "dang_vien_2016.csv",
        [["Họ và tên", "Chi bộ", "Năm", "Xếp loại"]] + [[f"Người {i}", "Chi bộ A", 2016, "HTTNV"] for i in range(1200)],
    )
    monkeypatch.setenv("CCQ_LANG", "vi")
    result = run("import", members, "--db", tmp_path / "ccq.sqlite")
    assert result.exit_code == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "2016:" in line)
    assert "bản ghi: thêm 1.200, sửa 0, xóa 0" in line, line
    assert "bớt" not in result.stderr


@pytest.mark.slow
def test_the_workbooks_charts_are_in_the_documents_font(tmp_path):
    """Issue 19: "Calibri cells under Times New Roman headings" in the "Số liệu" sheet; its charts
    too name one font, Times New Roman, for title, legend and axes."""
    import zipfile

    out = tmp_path / "nam_2019.xlsx"
    assert run("report", SAMPLE, "--year", "2019", "-o", out, "-q").exit_code == 0
    with zipfile.ZipFile(out) as book:
        charts = [book.read(n).decode("utf-8") for n in book.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 3  # a chart per subject: chi, đảng bộ cơ sở; chi bộ trực thuộc; đảng viên
    for xml in charts:
        assert set(re.findall(r'typeface="([^"]*)"', xml)) == {"Times New Roman"}, xml[:300]


def test_the_monthly_summary_is_titled_as_the_other_reports_in_every_format(tmp_path):
    """The Word summary is headed "BÁO CÁO" over its subject, as the year and term reports are; the
    md, txt and html said "TÌNH HÌNH …" instead, so that one document had two titles."""
    import docx

    db = tmp_path / "ccq.sqlite"
    units = make_csv(tmp_path / "to_chuc.csv", [["Tên tổ chức", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTTNV"]])
    assert run("import", units, "--db", db, "-q").exit_code == 0
    subject = "Tình hình đánh giá, xếp loại tổ chức cơ sở đảng và đảng viên tháng 01/2020"
    titles = {}
    for fmt in ("md", "txt", "html", "docx"):
        out = tmp_path / f"thang.{fmt}"
        assert run("report", "--month", "2020-01", "--db", db, "-f", fmt, "-o", out, "-q").exit_code == 0
        if fmt == "docx":
            lines = [p.text.strip() for p in docx.Document(out).paragraphs if p.text.strip()]
        else:
            text = re.sub(r"<[^>]+>", "\n", out.read_text(encoding="utf-8"))
            lines = [line.strip(" #*") for line in text.splitlines() if line.strip(" #*")]
        first = next(i for i, line in enumerate(lines) if line == "BÁO CÁO")
        titles[fmt] = lines[first + 1]
    assert titles == {"md": subject, "txt": subject.upper(), "html": subject, "docx": subject}
