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
