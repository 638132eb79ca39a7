"""Every workbook format seen alike: what a sheet shows besides its values (hidden rows and
columns, merges, indentation, bold) is read from .xlsx, .xls and .ods, and gives the same figures.

The fixtures in tests/data/formats are one sheet saved by LibreOffice in the three formats (see
make_formats.py there); the figures below are counted by hand from its ROWS.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ccq_stats.reading.looks import workbook_looks
from conftest import figures, make_csv, make_xlsx, run

DATA = Path(__file__).parent / "data" / "formats"
FORMATS = ("xlsx", "xls", "ods")

# counted by hand from make_formats.ROWS: the hidden row (Ban Quản lý dự án) is not counted, the
# hidden column (last year) not read, the indented names are chi bộ trực thuộc of the đảng bộ above.
UNITS = {"total": 5, "top": 1, "good": 3, "pass": 0, "fail": 1}  # Tài chính XS; Tư pháp, Y tế, Xây dựng T; Nội vụ K
CELLS = {"total": 4, "top": 1, "good": 2, "pass": 1, "fail": 0}  # Văn phòng XS; Ngân sách, TTYT T; Bệnh viện HT


def _expected(got: dict, subject: str, want: dict) -> None:
    assert {c: got.get((2021, subject, c), 0) for c in want} == want, subject


@pytest.mark.parametrize("suffix", FORMATS)
def test_each_format_gives_the_hand_counted_figures(suffix):
    result = run("classify", str(DATA / f"ratings_2021.{suffix}"), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    _expected(got, "units", UNITS)
    _expected(got, "cells", CELLS)


def test_the_three_formats_give_the_same_output_and_warnings():
    outputs = {}
    for suffix in FORMATS:
        result = run("classify", str(DATA / f"ratings_2021.{suffix}"), "-f", "csv")
        outputs[suffix] = (result.stdout, result.stderr.replace(f"ratings_2021.{suffix}", "FILE"))
    assert outputs["xls"] == outputs["xlsx"] and outputs["ods"] == outputs["xlsx"]
    warnings = outputs["xlsx"][1]
    assert "hidden column(s) 'Năm 2020' skipped" in warnings
    assert "1 hidden row(s) skipped (first: row 11)" in warnings
    # the hierarchy rests on indentation alone: a weak signal, said
    assert (
        "4 row(s) read as chi bộ trực thuộc of the organisation above them only because their names are indented"
        in warnings
    )


def test_the_looks_are_read_alike_from_each_format():
    looks = {suffix: workbook_looks(DATA / f"ratings_2021.{suffix}")["Năm 2021"] for suffix in FORMATS}
    for suffix in FORMATS:
        assert looks[suffix].hidden_rows == {10}, suffix  # 0-based: Excel's row 11
        assert looks[suffix].hidden_columns == {1}, suffix  # column B
        assert {cell: level > 0 for cell, level in looks[suffix].indent.items()} == {
            (4, 0): True,
            (5, 0): True,
            (8, 0): True,
            (9, 0): True,
        }, suffix
        assert {(2, c) for c in range(4)} <= looks[suffix].bold, suffix  # the bold header row
    # merges: calamine gives them for .xlsx and .xls; the .ods ones come from its content.xml
    assert set(looks["ods"].merged) == {((0, 0), (0, 3)), ((14, 0), (14, 1))}  # title A1:D1; "Tổng cộng" A15:B15


def test_indentation_by_leading_spaces_in_a_csv(tmp_path):
    rows = [
        ["Tên tổ chức đảng", "Xếp loại"],
        ["Đảng bộ Sở Tài chính", "HTXSNV"],
        ["   Chi bộ Phòng Ngân sách", "HTTNV"],
        ["   Chi bộ Văn phòng Sở", "HTXSNV"],
        ["Chi bộ Sở Tư pháp", "HTTNV"],
        ["Chi bộ Sở Nội vụ", "HTNV"],
    ]
    result = run("classify", str(make_csv(tmp_path / "xep_loai.csv", rows)), "--year", "2021", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    _expected(got, "units", {"total": 3, "top": 1, "good": 1, "pass": 1})
    _expected(got, "cells", {"total": 2, "top": 1, "good": 1})
    assert "2 row(s) read as chi bộ trực thuộc" in result.stderr


def test_a_list_indented_all_alike_has_no_hierarchy(tmp_path):
    rows = [
        ["Tên tổ chức đảng", "Xếp loại"],
        ["  Chi bộ Sở A", "HTXSNV"],
        ["  Chi bộ Sở B", "HTTNV"],
        ["  Chi bộ Sở C", "HTNV"],
    ]
    result = run("classify", str(make_csv(tmp_path / "xep_loai.csv", rows)), "--year", "2021", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    _expected(figures(result.stdout), "units", {"total": 3, "top": 1, "good": 1, "pass": 1})
    assert "indented" not in result.stderr


def test_an_indented_row_at_the_top_is_under_nothing(tmp_path):
    path = make_xlsx(
        tmp_path / "x.xlsx",
        {
            "Năm 2021": [
                ["Tên tổ chức đảng", "Xếp loại"],
                ["  Chi bộ Sở A", "HTXSNV"],
                ["Chi bộ Sở B", "HTTNV"],
                ["Chi bộ Sở C", "HTNV"],
            ]
        },
    )
    result = run("classify", str(path), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    _expected(figures(result.stdout), "units", {"total": 3, "top": 1, "good": 1, "pass": 1})


@pytest.mark.slow
def test_saved_again_by_libreoffice_now(tmp_path):
    """The fixtures were converted once; this converts afresh, so a LibreOffice that writes its
    formats differently is noticed."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    sys.path.insert(0, str(DATA))
    try:
        import make_formats
    finally:
        sys.path.remove(str(DATA))
    xlsx = tmp_path / "ratings_2021.xlsx"
    make_formats.write_xlsx(xlsx)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "xls",
            "--outdir",
            str(tmp_path),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(tmp_path),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for suffix in FORMATS:
        result = run("classify", str(tmp_path / f"ratings_2021.{suffix}"), "-f", "csv")
        assert result.exit_code == 0, result.stderr
        got = figures(result.stdout)
        _expected(got, "units", UNITS)
        _expected(got, "cells", CELLS)
