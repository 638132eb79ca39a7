"""``inspect`` shows column roles, what a count column holds and why rows were skipped in words
for people under Vietnamese; ``--format json`` keeps the stable English role values (issue 19:
"đọc là: members", roles as codes inside Vietnamese lines)."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLE, run


@pytest.mark.slow
def test_roles_in_vietnamese_words_and_json_unchanged(monkeypatch):
    monkeypatch.setenv("CCQ_LANG", "vi")
    result = run("inspect", SAMPLE / "so_luong_dang_vien_2019.xlsx")
    assert result.exit_code == 0, result.stderr
    lines = {
        line.split()[0]: line
        for line in result.stdout.splitlines()
        if line.startswith("    ") and line.split()[0] in "ABCDEFG"
    }
    assert "số thứ tự" in lines["A"] and "tên tổ chức" in lines["B"] and "tổng số" in lines["C"]
    assert "số lượng: miễn đánh giá" in lines["D"] and "số lượng: chưa đánh giá" in lines["E"]
    assert "số lượng: mức cao nhất" in lines["F"] and "không đọc" in lines["G"]
    assert "dòng bỏ qua: tiêu đề 1-4 (4); dòng đánh số cột 9; dòng tổng cộng 66" in result.stdout
    for code in (" seq ", " org ", " total ", "count: ", " ignored ", "exempt:", "top:"):
        assert code not in result.stdout, code
    as_json = run("inspect", SAMPLE / "so_luong_dang_vien_2019.xlsx", "--format", "json")
    roles = [c["role"] for c in json.loads(as_json.stdout)[0]["columns"]]
    assert roles[:7] == ["seq", "org", "total_count", "count", "count", "count", "ignored"]


@pytest.mark.slow
def test_english_keeps_the_names_column_takes(monkeypatch):
    monkeypatch.setenv("CCQ_LANG", "en")
    result = run("inspect", SAMPLE / "so_luong_dang_vien_2019.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "count: exempt" in result.stdout and " seq " in result.stdout
    assert "rows skipped: title 1-4 (4); index row 9; totals 66" in result.stdout


def test_every_word_of_the_table_is_vietnamese_under_vi(monkeypatch, tmp_path):
    """Issue 19: "`inspect` … print English inside Vietnamese lines ("theo column E (Năm), row by
    row", "đọc là: members")". Each column's "why" says, in Vietnamese, what decided its role: a
    header by its name ("tiêu đề 'Xếp loại'"), a share column, a self-rating beside the decision;
    the year read row by row comes from a column; the sheet is a list of organisations. Expected
    lines written from the glossary (docs/translating.md: dòng tiêu đề, tỷ lệ, tự xếp loại)."""
    sheet = tmp_path / "xep_loai.csv"
    sheet.write_text(
        "TT,Tên tổ chức,Năm,Tự xếp loại,Xếp loại,Tỷ lệ,Ghi chú\n"
        "1,Chi bộ A,2019,HTTNV,HTTNV,,\n"
        "2,Chi bộ B,2019,HTXSNV,HTXSNV,,\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CCQ_LANG", "vi")
    result = run("inspect", sheet)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("  đọc là: danh sách tổ chức đảng; dòng tiêu đề 1; dòng dữ liệu 2-3")
    assert lines[2] == "  năm: theo cột C (Năm), từng dòng"
    why = {
        line.split()[0]: " ".join(line.split())
        for line in lines
        if line.startswith("    ") and len(line.split()[0]) == 1
    }
    assert why["A"].endswith("số thứ tự tiêu đề 'TT'")
    assert why["D"].endswith("không đọc tự xếp loại hoặc đề xuất, không tính")
    assert why["E"].endswith("kết quả xếp loại tiêu đề 'Xếp loại'")
    assert why["F"].endswith("không đọc cột tỷ lệ (tiêu đề 'Tỷ lệ')")
    assert why["G"].endswith("không đọc tiêu đề 'Ghi chú'")
    assert "không rõ loại 2" in result.stdout  # organisations whose kind no column gives
    # no English word of the reader's sentences in any line but the member/organisation rows
    table = "\n".join(line for line in lines if not line.startswith("    dòng "))
    for english in ("name '", "row by row", "column ", "a share", "self-rating", "units", "kind not given"):
        assert english not in table, english
    monkeypatch.setenv("CCQ_LANG", "en")
    english = run("inspect", sheet).stdout
    assert "name 'Xếp loại'" in english and "a share (name 'Tỷ lệ')" in english and "read as: units;" in english


def test_a_sheet_without_a_header_says_why_in_vietnamese(monkeypatch, tmp_path):
    """ "không đọc: no header" (issue 19: no English inside Vietnamese lines)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Ghi chú"
    wb.active["A1"] = "Số liệu gửi kèm công văn"
    wb.save(tmp_path / "ghi_chu.xlsx")
    monkeypatch.setenv("CCQ_LANG", "vi")
    result = run("inspect", tmp_path / "ghi_chu.xlsx")
    assert "  không đọc: không tìm thấy dòng tiêu đề" in result.stdout.splitlines(), result.stdout


def test_every_code_of_the_reader_has_vietnamese_words(monkeypatch):
    """A code the reader adds (a new Source or Ignored) must get its sentence in the one table
    both sides use (vocabulary/column_reasons.py), and that sentence its Vietnamese, else its
    "why" would print in English under vi; the detail (what decided it) is in the sentence."""
    from ccq_stats.reading.header import Column, Ignored, Source
    from ccq_stats.reading.inspect import because
    from ccq_stats.vocabulary.column_reasons import REASONS, SOURCES
    from ccq_stats.write import inspect as table

    assert {s.value for s in Source} == set(SOURCES)
    assert {r.value for r in Ignored} == set(REASONS)
    monkeypatch.setenv("CCQ_LANG", "vi")
    for reason in [None, *Ignored]:
        column = Column(0, "ignored", "", source=Source.NAME, detail="Điểm (x)", reason=reason)
        entry = {"source": "name", "reason": reason and reason.value, "because": because(column), "detail": "Điểm (x)"}
        said = table._why(entry)
        assert said != entry["because"] or reason is Ignored.MAPPED, (reason, said)
        if "{detail}" in REASONS.get(reason and reason.value, "{because}") or reason in (
            None,
            Ignored.HEADER,
            Ignored.SHARE,
        ):
            assert "Điểm (x)" in said, (reason, said)
