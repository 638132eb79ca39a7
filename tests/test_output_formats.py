"""The -o file's suffix picks the output format (issue 13, bug 1); a suffix that contradicts
--format, or one the command cannot write, is a one-line error with exit code 2."""

from __future__ import annotations

import json

import openpyxl
import pytest

from conftest import SAMPLE, make_csv, rows_of, run


@pytest.fixture
def units_2019(tmp_path):
    """Four organisations rated in 2019: 2 HTXSNV, 1 HTTNV, 1 HTNV (counted by hand)."""
    return make_csv(
        tmp_path / "to_chuc.csv",
        [
            ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
            ["Chi bộ A", 2019, "Hoàn thành xuất sắc nhiệm vụ"],
            ["Chi bộ B", 2019, "Hoàn thành xuất sắc nhiệm vụ"],
            ["Chi bộ C", 2019, "Hoàn thành tốt nhiệm vụ"],
            ["Chi bộ D", 2019, "Hoàn thành nhiệm vụ"],
        ],
    )


def test_classify_to_xlsx_writes_a_workbook_of_the_figures(units_2019, tmp_path):
    out = tmp_path / "ket_qua.xlsx"
    result = run("classify", units_2019, "-o", out)
    assert result.exit_code == 0, result.stderr
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("year", "subject", "category", "label", "count", "share")
    by_category = {r[2]: r for r in rows[1:]}
    assert by_category["rated"][4] == 4
    assert by_category["top"][4] == 2 and by_category["top"][5] == pytest.approx(0.5)
    assert by_category["pass"][4] == 1 and by_category["pass"][5] == pytest.approx(0.25)
    assert by_category["total"][5] is None  # no share on the count rows, as in the CSV
    assert isinstance(by_category["good"][4], int)


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("x.json", lambda t: json.loads(t)[0]["year"] == 2019),
        ("x.csv", lambda t: t.startswith("year,subject,category")),
    ],
)
def test_classify_suffix_picks_json_or_csv(units_2019, tmp_path, name, check):
    out = tmp_path / name
    assert run("classify", units_2019, "-o", out).exit_code == 0
    assert check(out.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_check_to_xlsx_writes_the_findings(tmp_path):
    out = tmp_path / "phat_hien.xlsx"
    result = run("check", SAMPLE, "-o", out)
    assert result.exit_code == 0, result.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("rule", "severity", "year", "org", "numbers", "message", "source", "where")
    # the sample data's seeded breaches (sample_data/generate.py): four rules, one each; the 2017
    # discipline case is not checked (no known source for that year, see rules.toml)
    assert sorted(r[0] for r in rows[1:]) == ["member_quota", "missing_year", "top_unit_members"]
    quota = next(r for r in rows[1:] if r[0] == "member_quota")
    assert quota[2] == 2019 and quota[3] == "Chi bộ Sở Tư pháp"


@pytest.mark.parametrize(
    "args",
    [("-f", "json", "-o", "x.csv"), ("-f", "csv", "-o", "x.xlsx"), ("-o", "x.docx"), ("-o", "x.txt"), ("-o", "x.html")],
)
def test_classify_refuses_a_suffix_it_cannot_honour(units_2019, tmp_path, args):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = run("classify", units_2019, *args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("ccq-stats: error: ")
    assert not list(tmp_path.glob("x.*"))  # nothing written


def test_an_explicit_format_writes_to_a_file_without_a_known_suffix(units_2019, tmp_path):
    out = tmp_path / "ket_qua.dat"
    assert run("classify", units_2019, "-f", "csv", "-o", out).exit_code == 0
    assert rows_of(out.read_text(encoding="utf-8"))[0][0] == "year"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("bao_cao.xlsx", b"PK"),
        ("bao_cao.html", b"<!DOCTYPE html>"),
        ("bao_cao.docx", b"PK"),
        ("bao_cao.txt", None),
        ("bao_cao.md", None),
    ],
)
def test_report_suffix_picks_the_format(tmp_path, name, magic):
    out = tmp_path / name
    result = run("report", SAMPLE, "--year", "2019", "--date", "2020-10-21", "-o", out)
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    if magic:
        assert data.startswith(magic)
    elif name.endswith(".md"):
        assert "\n# BÁO CÁO\n".encode() in data and b"**" in data
    else:  # plain text: no Markdown emphasis, no HTML
        assert b"**" not in data and b"<html" not in data and "BÁO CÁO".encode() in data


@pytest.mark.parametrize("args", [("-f", "md", "-o", "x.html"), ("-o", "x.pdf"), ("-f", "xlsx", "-o", "x.docx")])
def test_report_refuses_a_suffix_it_cannot_honour(tmp_path, args):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    result = run("report", SAMPLE, "--year", "2019", *args)
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "ccq-stats: error: " in result.stderr
    assert not list(tmp_path.glob("x.*"))
