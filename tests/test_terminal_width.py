"""classify's table at a narrow terminal (issue 13): at 80 or 60 columns no line is longer than the
terminal and every figure of the CSV is still in the table (short labels, each share under its
count, the years in blocks); a wide terminal keeps today's look."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

import pytest

from conftest import make_csv, rows_of, run

YEARS = list(range(2015, 2023))  # 8 rating years: more than 80 columns hold side by side


@pytest.fixture
def files(tmp_path):
    """Per year i = 0..7 (2015..2022): members 'Miễn đánh giá' 1, HTXSNV i+1, HTTNV 20, HTNV 3,
    KHTNV 1 (rated i+25, so HTXSNV is 1/25 = 4,00% in 2015 … 8/32 = 25,00% in 2022); units: one
    top (TSVM up to 2017, HTXSNV from 2018) and one HTTNV, so the top label changes with the regime."""
    members = [["Năm", "Họ và tên", "Chi bộ", "Xếp loại"]]
    units = [["Năm", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"]]
    for i, year in enumerate(YEARS):
        ratings = ["Miễn đánh giá"] + ["HTXSNV"] * (i + 1) + ["HTTNV"] * 20 + ["HTNV"] * 3 + ["KHTNV"]
        members += [[year, f"Người {n}", "Chi bộ Sở A", r] for n, r in enumerate(ratings)]
        units += [[year, "Chi bộ Sở A", "", "TSVM" if year <= 2017 else "HTXSNV"], [year, "Chi bộ Sở B", "", "HTTNV"]]
    return [make_csv(tmp_path / "dang_vien.csv", members), make_csv(tmp_path / "to_chuc.csv", units)]


# HTXSNV of the members, counted by hand: i+1 of i+25 rated
TOP_COUNTS = {y: str(i + 1) for i, y in enumerate(YEARS)}
TOP_SHARES = {
    2015: "(4,00%)",
    2016: "(7,69%)",
    2017: "(11,11%)",
    2018: "(14,29%)",
    2019: "(17,24%)",
    2020: "(20,00%)",
    2021: "(22,58%)",
    2022: "(25,00%)",
}


def _render(paths, width, years=None) -> str:
    """The tables as the CLI prints them at a terminal of ``width`` columns (no colour); width
    None: the tables as they were before they were fitted (text.to_tables), at 160 columns."""
    from rich.console import Console

    from ccq_stats import write
    from ccq_stats.api import classify_paths, within_years

    figures = within_years(classify_paths([str(p) for p in paths]), years)
    console = Console(file=io.StringIO(), width=width or 160, no_color=True)
    for table in (
        write.fitted_tables(figures, color=False, width=width) if width else write.to_tables(figures, color=False)
    ):
        console.print(table)
        console.print()
    return "".join(line.rstrip() + "\n" for line in console.file.getvalue().splitlines())  # as cli._tables_text


def _figures_in(text: str) -> Counter:
    """Every count ("3.687") and share ("65,36%", in brackets or not) written in the tables."""
    found = Counter()
    for token in text.split():
        token = token.strip("()")
        if re.fullmatch(r"\d{1,3}(\.\d{3})*", token):
            found["count " + token.replace(".", "")] += 1
        elif re.fullmatch(r"\d+,\d\d%", token):
            found["share " + token[:-1]] += 1
    return found


def _figures_of_csv(csv_text: str) -> Counter:
    """The same, from classify's CSV: each count, and each share as a percentage with 2 decimals."""
    expected = Counter()
    for row in rows_of(csv_text)[1:]:
        expected["count " + row[4]] += 1
        if row[5]:
            percent = (Decimal(row[5]) * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            expected["share " + str(percent).replace(".", ",")] += 1
    return expected


@pytest.mark.parametrize("width", [80, 60])
def test_narrow_tables_fit_and_keep_every_figure(files, width):
    text = _render(files, width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert _figures_in(text) == _figures_of_csv(run("classify", *files, "--format", "csv").stdout)
    assert "HTXSNV: hoàn thành xuất sắc nhiệm vụ" in " ".join(text.split())  # the legend of the short labels
    # every label on one line, short (the units' top tier names both regimes)
    labels = {
        "Tổng số",
        "Có mặt",
        "Miễn ĐG",
        "Chưa ĐG",
        "Được ĐG",
        "TSVM / HTXSNV",
        "TSVM tiêu biểu",
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
        "Yếu kém / KHTNV",
        "HTTNV trở lên",
    }
    assert labels <= {re.split(r"\s{2,}", line)[0] for line in lines if line and not line.startswith(" ")}


@pytest.mark.parametrize("width", [80, 60])
def test_each_figure_under_its_year(files, width):
    """The members' HTXSNV row in each block of years: the counts under their years, each share
    under its count, as counted by hand."""
    lines = _render(files, width).splitlines()
    blocks = [i for i, line in enumerate(lines) if line.startswith("Đảng viên")]
    assert len(blocks) >= 2  # 8 years do not fit side by side
    shown = []
    for start in blocks:
        years = [int(y) for y in lines[start + 1].split()[2:]]  # "Chỉ tiêu 2015 2016 …"
        at = next(i for i in range(start, len(lines)) if lines[i].startswith("HTXSNV "))
        assert lines[at].split()[1:] == [TOP_COUNTS[y] for y in years]
        assert lines[at + 1].split() == [TOP_SHARES[y] for y in years]
        shown += years
    assert shown == YEARS
    assert "Đảng viên (tiếp)" in lines


def test_a_wide_terminal_keeps_todays_look(files):
    five = "2015-2019"
    wide = _render(files, 160, years=five)
    assert wide == _render(files, None, years=five)  # exactly the tables as they were
    lines = wide.splitlines()
    assert any(line.startswith("Trong sạch, vững mạnh / Hoàn thành xuất sắc nhiệm vụ ") for line in lines)
    (top,) = [line for line in lines if line.startswith("Hoàn thành xuất sắc nhiệm vụ ")]
    assert top.split()[6:] == ["1", "(4,00%)", "2", "(7,69%)", "3", "(11,11%)", "4", "(14,29%)", "5", "(17,24%)"]
    assert "ĐG: đánh giá" not in wide  # no short labels, no legend


def test_one_year_fits_80_columns_as_today(files):
    assert _render(files, 80, years="2019") == _render(files, None, years="2019")


def _at_a_terminal(args, columns: int) -> str:
    """ccq-stats run with its stdout on a pseudo-terminal of COLUMNS=``columns``, as a person sees it."""
    import pty

    main, child = pty.openpty()
    env = dict(os.environ, COLUMNS=str(columns), NO_COLOR="1", CCQ_NO_PROGRESS="1", CCQ_LANG="en")
    process = subprocess.Popen(
        [sys.executable, "-m", "ccq_stats", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    assert process.returncode == 0, process.stderr.read()
    text = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")
    return re.sub(r"\x1b\[[0-9;]*m", "", text)  # bold headers


@pytest.mark.slow
@pytest.mark.parametrize("columns", [80, 60])
def test_the_command_at_a_terminal(files, columns):
    text = _at_a_terminal(["classify", *files], columns)
    assert max(len(line) for line in text.splitlines()) <= columns
    assert _figures_in(text) == _figures_of_csv(run("classify", *files, "--format", "csv").stdout)
