"""The output contract other tools rely on: columns, order, formats, encodings, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ccq_stats.figures.stats import CATEGORIES
from conftest import ROOT, SAMPLE, figures, make_csv, rows_of, run, windows_1258

HEADER = ["year", "subject", "category", "label", "count", "share"]


@pytest.fixture(scope="module")
def sample_csv():
    result = run("classify", SAMPLE)
    assert result.exit_code == 0
    return result.stdout


def test_sample_data_gives_the_figures_of_its_generator(sample_csv):
    """End to end: every layout of sample_data/ read, classified and counted right."""
    expected = {
        (int(r["year"]), r["subject"], r["category"]): int(r["count"])
        for r in csv.DictReader(
            (ROOT / "tests" / "data" / "sample_expected.csv").read_text(encoding="utf-8").splitlines()
        )
    }
    got = {(int(r[0]), r[1], r[2]): int(r[4]) for r in rows_of(sample_csv)[1:]}
    assert got == expected


def test_csv_columns_order_and_every_category(sample_csv):
    rows = rows_of(sample_csv)
    assert rows[0] == HEADER
    body = rows[1:]
    years = sorted({int(r[0]) for r in body})
    assert years == [2015, 2016, 2017, 2018, 2019]
    expected_keys = [(y, s, c) for y in years for s in ("units", "cells", "members") for c in CATEGORIES[s]]
    assert [(int(r[0]), r[1], r[2]) for r in body] == expected_keys


def test_shares_are_decimal_fractions_of_those_rated(sample_csv):
    rows = rows_of(sample_csv)[1:]
    index = {(r[0], r[1], r[2]): r for r in rows}
    for (year, subject, category), r in index.items():
        if category in ("total", "exempt", "not_rated", "rated"):
            assert r[5] == ""
        else:
            assert "." in r[5] and len(r[5].split(".")[1]) >= 4 and "," not in r[5]
            rated = int(index[(year, subject, "rated")][4])
            assert float(r[5]) == pytest.approx(int(r[4]) / rated, abs=1e-6)


def test_labels_follow_the_regime_of_the_year(sample_csv):
    labels = {(r[0], r[1], r[2]): r[3] for r in rows_of(sample_csv)[1:]}
    assert labels[("2017", "units", "top")] == "Trong sạch, vững mạnh"
    assert labels[("2018", "units", "top")] == "Hoàn thành xuất sắc nhiệm vụ"
    assert labels[("2017", "units", "fail")] == "Yếu kém"
    assert labels[("2018", "units", "fail")] == "Không hoàn thành nhiệm vụ"
    assert labels[("2016", "members", "top")] == "Hoàn thành xuất sắc nhiệm vụ"


def test_base_total_divides_by_everyone_present(tmp_path):
    path = make_csv(
        tmp_path / "m.csv",
        [
            ["Họ và tên", "Chi bộ", "Xếp loại"],
            ["A", "X", "HTTNV"],
            ["B", "X", "Miễn đánh giá"],
            ["C", "X", "HTNV"],
            ["D", "X", "Chưa đánh giá"],
        ],
    )
    rated = {r[2]: r[5] for r in rows_of(run("classify", path, "--year", "2020").stdout)[1:]}
    total = {r[2]: r[5] for r in rows_of(run("classify", path, "--year", "2020", "--base", "total").stdout)[1:]}
    assert (rated["good"], total["good"]) == ("0.500000", "0.250000")
    assert (rated["good_or_better"], total["good_or_better"]) == ("0.500000", "0.250000")


def test_by_unit_adds_a_unit_column_after_subject(tmp_path):
    units = make_csv(
        tmp_path / "tc.csv",
        [
            ["Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
            ["Đảng bộ Sở A", "", "HTXSNV"],
            ["Chi bộ 1", "Đảng bộ Sở A", "HTTNV"],
            ["Chi bộ 2", "Đảng bộ Sở A", "HTNV"],
        ],
    )
    members = make_csv(
        tmp_path / "dv.csv",
        [["Họ và tên", "Chi bộ", "Xếp loại"], ["A", "Đảng bộ Sở A", "HTTNV"], ["B", "Chi bộ Sở B", "HTXSNV"]],
    )
    rows = rows_of(run("classify", units, members, "--year", "2019", "--by", "unit").stdout)
    assert rows[0] == ["year", "subject", "unit", "category", "label", "count", "share"]
    got = {(r[1], r[2], r[3]): int(r[5]) for r in rows[1:]}
    assert got[("units", "Đảng bộ Sở A", "top")] == 1
    assert got[("cells", "Đảng bộ Sở A", "total")] == 2 and got[("cells", "Đảng bộ Sở A", "pass")] == 1
    assert got[("members", "Chi bộ Sở B", "top")] == 1 and got[("members", "Đảng bộ Sở A", "good")] == 1
    assert [r[1] for r in rows[1:]] == sorted([r[1] for r in rows[1:]], key=["units", "cells", "members"].index)


@pytest.mark.slow
def test_json_holds_the_same_records(sample_csv):
    records = json.loads(run("classify", SAMPLE, "--format", "json").stdout)
    rows = rows_of(sample_csv)
    assert list(records[0]) == HEADER
    assert len(records) == len(rows) - 1
    for record, row in zip(records, rows[1:]):
        assert [
            str(record["year"]),
            record["subject"],
            record["category"],
            record["label"],
            str(record["count"]),
        ] == row[:5]
        assert (record["share"] is None) == (row[5] == "")


def test_output_file_and_bom(tmp_path, sample_csv):
    out = tmp_path / "figures.csv"
    result = run("classify", SAMPLE, "-o", out, "--bom")
    assert result.exit_code == 0 and result.stdout == ""
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data[3:].decode("utf-8") == sample_csv
    assert [p.name for p in tmp_path.iterdir()] == ["figures.csv"]  # no temporary file left
    json_out = tmp_path / "figures.json"
    assert run("classify", SAMPLE, "-o", json_out).exit_code == 0
    assert json.loads(json_out.read_text(encoding="utf-8"))[0]["year"] == 2015


def test_stdout_is_csv_without_bom_when_not_a_terminal(sample_csv):
    assert sample_csv.startswith("year,subject,")


def test_table_format_for_people(tmp_path):
    path = make_csv(
        tmp_path / "m.csv",
        [["Họ và tên", "Chi bộ", "Xếp loại"]] + [[f"P{i}", "X", "HTTNV" if i % 3 else "HTXSNV"] for i in range(4100)],
    )
    out = run("classify", path, "--year", "2019", "--format", "table").stdout
    assert "Hoàn thành xuất sắc nhiệm vụ" in out and "4.100" in out and "33,34%" in out


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [
        ("utf-8", ",", b""),
        ("utf-8", ";", b"\xef\xbb\xbf"),
        ("utf-16-le", "\t", b"\xff\xfe"),
        ("cp1258", ",", b""),
        ("utf-8", "\t", b""),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter, bom):
    rows = [
        ["STT", "Họ và tên", "Chi bộ", "Năm", "Xếp loại"],
        [1, "Người A", "Chi bộ Sở Tài chính", 2019, "Hoàn thành tốt nhiệm vụ"],
        [2, "Người B", "Chi bộ Sở Tài chính", 2019, "Không hoàn thành nhiệm vụ"],
    ]
    text = "\r\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\r\n"
    path = tmp_path / "dv.csv"
    path.write_bytes(bom + (windows_1258(text) if encoding == "cp1258" else text.encode(encoding)))
    result = run("classify", path)
    assert result.exit_code == 0, result.stderr
    got = {r[2]: r[4] for r in rows_of(result.stdout)[1:]}
    assert (got["good"], got["fail"]) == ("1", "1")
    assert ("Windows-1258" in result.stderr) == (encoding == "cp1258")


def test_stdin_dash():
    data = "Tên tổ chức cơ sở đảng,Năm,Xếp loại\nChi bộ A,2019,HTXSNV\nChi bộ B,2019,HTTNV\n"
    result = run("classify", "-", input=data.encode("utf-8"))
    assert result.exit_code == 0
    assert "2019,units,top,Hoàn thành xuất sắc nhiệm vụ,1,0.500000" in result.stdout


def test_version_and_help_of_every_command():
    assert run("--version").stdout == f"ccq-stats {__import__('ccq_stats').__version__}\n"
    for args in (["--help"], ["classify", "--help"]):
        result = run(*args)
        assert result.exit_code == 0 and "Examples:" in result.stdout


@pytest.mark.slow
def test_help_and_version_do_not_import_pandas_or_openpyxl():
    code = (
        "import sys, contextlib, io\n"
        "from ccq_stats.cli import app\n"
        "for args in (['--help'], ['--version'], ['classify', '--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        try: app(args)\n"
        "        except SystemExit: pass\n"
        "print(sorted(m for m in ('pandas', 'openpyxl', 'python_calamine', 'jinja2', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.slow
def test_closed_pipe_ends_quietly():
    script = f"{sys.executable} -m ccq_stats classify '{SAMPLE}' --format csv | head -n 1"
    done = subprocess.run(["bash", "-c", "set -o pipefail; " + script], capture_output=True, text=True)
    assert done.stdout == ",".join(HEADER) + "\n"
    assert "Traceback" not in done.stderr and "Broken pipe" not in done.stderr and "error" not in done.stderr
    assert done.returncode == 0


def _commands(group, prefix="ccq-stats"):
    """(full name, command) of every command, sub-commands (templates list …) included."""
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        yield full, command
        if hasattr(command, "commands"):  # a group of commands
            yield from _commands(command, full)


def test_documented_commands_and_options():
    """Every command and option appears in the README as a whole word (sqlite-utils habit: an
    undocumented --yea must not pass because --year is there), and each has help."""
    import re

    import typer.main

    from ccq_stats.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for full, command in _commands(typer.main.get_command(app)):
        assert re.search(re.escape(full) + r"(?![\w-])", readme), full
        assert (command.help or "").strip(), f"{full} has no help"
        for param in command.params:
            if param.param_type_name == "option":
                assert (param.help or "").strip(), f"{full} {param.opts} has no help"
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert re.search(r"(?<![\w-])" + re.escape(opt) + r"(?![\w-])", readme), f"{full} {opt}"


def test_bom_csv_neutralises_formula_like_text_and_stdout_stays_raw(tmp_path):
    units = make_csv(
        tmp_path / "tc.csv",
        [
            ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
            ['"=HYPERLINK(""http://x"",""y"")"', 2019, "HTNV"],
            ["+Chi bộ B", 2019, "HTTNV"],
        ],
    )
    raw = rows_of(run("classify", units, "--by", "unit", "--format", "csv").stdout)
    assert {r[2] for r in raw[1:]} == {'=HYPERLINK("http://x","y")', "+Chi bộ B"}
    out = tmp_path / "excel.csv"
    assert run("classify", units, "--by", "unit", "-o", out, "--bom").exit_code == 0
    excel = rows_of(out.read_text(encoding="utf-8-sig"))
    assert {r[2] for r in excel[1:]} == {'\'=HYPERLINK("http://x","y")', "'+Chi bộ B"}


@pytest.mark.parametrize(
    "args",
    [
        ["classify", "-f", "csv"],
        ["classify", "-f", "json"],
        ["classify", "-f", "table"],
        ["classify", "--by", "unit", "-f", "csv"],
        pytest.param(
            ["classify", "--by", "unit", "-f", "table"], marks=pytest.mark.slow
        ),  # rich fits 56 units: seconds
        ["check", "-f", "csv"],
        ["check", "-f", "json"],
        ["check", "-f", "table"],
    ],
)
def test_no_member_name_leaves_in_aggregates_or_messages(args, sample_member_names):
    """Privacy: no command or format prints a member's name, on stdout or stderr, unless --names."""
    names = sample_member_names
    result = run(args[0], SAMPLE, *args[1:])
    assert result.exit_code == 0
    text = result.stdout + result.stderr
    assert len(names) > 2000 and [n for n in names if n in text] == []


def test_output_to_a_device_or_fifo_writes_through_and_never_replaces_it(tmp_path):
    """`-o /dev/null` or a named pipe: the atomic rename would put a regular file in its place."""
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(Path(fifo).read_bytes()))
    reader.start()
    result = run("classify", SAMPLE, "-f", "csv", "-o", fifo)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received[0].decode().startswith("year,subject,category,label,count,share")


@pytest.mark.slow
def test_years_filters_the_output_of_classify_and_check():
    kept = run("classify", SAMPLE, "--years", "2017-2018", "-f", "csv")
    assert kept.exit_code == 0, kept.stderr
    years = {row[0] for row in rows_of(kept.stdout)[1:]}
    assert years == {"2017", "2018"}
    one = figures(run("classify", SAMPLE, "--years", "2019", "-f", "csv").stdout)
    assert {y for y, _, _ in one} == {2019} and one[(2019, "members", "total")] == 4173  # the generator's count
    found = rows_of(run("check", SAMPLE, "--years", "2019", "-f", "csv").stdout)
    assert found[1:] and all(row[2] in ("2019", "") for row in found[1:])
    assert "2017" in {row[2] for row in rows_of(run("check", SAMPLE, "-f", "csv").stdout)[1:]}  # unfiltered: 2017 too
    bad = run("classify", SAMPLE, "--years", "2019-2016")
    assert bad.exit_code == 2 and "--years must be a year or two years" in bad.stderr


def test_dash_capital_v_prints_the_version():
    from ccq_stats import __version__

    assert run("-V").stdout.strip() == f"ccq-stats {__version__}"


def test_quiet_keeps_warnings_off_stderr_and_strict_fails_on_them(tmp_path):
    # 'Trong sạch vững mạnh' for 2019: counted as top, with a warning (a label off its year's scale)
    units = make_csv(
        tmp_path / "tc.csv",
        [
            ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
            ["Chi bộ A", 2019, "Trong sạch vững mạnh"],
            ["Chi bộ B", 2019, "HTTNV"],
        ],
    )
    loud = run("classify", units, "-f", "csv")
    assert loud.exit_code == 0 and "warning: " in loud.stderr
    quiet = run("classify", units, "-f", "csv", "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == loud.stdout
    strict = run("classify", units, "-f", "csv", "--quiet", "--strict")
    assert strict.exit_code == 1 and strict.stdout == loud.stdout  # written, then failed
    clean = make_csv(tmp_path / "ok.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTXSNV"]])
    assert run("classify", clean, "-f", "csv", "--strict").exit_code == 0
    bad = run("classify", tmp_path / "missing.csv", "--quiet")
    assert bad.exit_code == 2 and bad.stderr.startswith("ccq-stats: error: ")  # errors still said


def test_sub_folders_are_read_with_recursive_and_named_without(tmp_path):
    head = ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"]
    make_csv(tmp_path / "2018.csv", [head, ["Chi bộ A", 2018, "HTXSNV"], ["Chi bộ B", 2018, "HTTNV"]])
    (tmp_path / "nam_2019" / "dot_1").mkdir(parents=True)
    make_csv(tmp_path / "nam_2019" / "dot_1" / "2019.csv", [head, ["Chi bộ A", 2019, "HTNV"]])
    (tmp_path / ".an").mkdir()
    make_csv(tmp_path / ".an" / "x.csv", [head, ["Chi bộ Z", 2019, "HTNV"]])  # hidden: never read
    flat = run("classify", tmp_path, "-f", "csv")
    assert flat.exit_code == 0 and "sub-folders not read" in flat.stderr and "dot_1" in flat.stderr
    assert {y for y, _, _ in figures(flat.stdout)} == {2018}
    deep = figures(run("classify", tmp_path, "--recursive", "-f", "csv").stdout)
    assert (
        deep[(2018, "units", "total")] == 2
        and deep[(2019, "units", "total")] == 1
        and deep[(2019, "units", "pass")] == 1
    )


@pytest.mark.slow
def test_a_console_that_is_not_utf8_still_gets_the_vietnamese(tmp_path):
    import os
    import subprocess
    import sys

    path = make_csv(tmp_path / "k.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "Khá"]])
    env = dict(os.environ, PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")  # as a Windows console or a bare cron job
    done = subprocess.run(
        [sys.executable, "-m", "ccq_stats", "classify", str(path)], capture_output=True, env=env, timeout=60
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr.decode("utf-8")
    assert "unknown rating label: 'Khá'" in done.stderr.decode("utf-8")
