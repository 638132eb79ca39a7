"""--warnings FILE (issue 13): the run's warnings, and the error that ended it, also as data for a
job: CSV or JSON lines with level, file, sheet, row, column, message; always written when the run
ends (with its header when nothing was said), never over an input or the output."""

from __future__ import annotations

import csv
import io
import json
import logging

import pytest

from conftest import make_csv, make_xlsx, run

COLUMNS = ["level", "file", "sheet", "row", "column", "message"]


def _units(tmp_path, rating="HTTNV"):
    """Two organisations of 2019: a grassroots party committee and its cell."""
    return make_csv(
        tmp_path / "to_chuc.csv",
        [
            ["Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
            ["Đảng bộ Sở A", "", rating],
            ["Chi bộ 1", "Đảng bộ Sở A", "HTTNV"],
        ],
    )


def _csv_rows(path):
    text = path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == COLUMNS
    return [dict(zip(COLUMNS, r)) for r in rows[1:]]


def test_a_label_off_its_scale_is_one_warning_row(tmp_path):
    # 'Trong sạch vững mạnh' (TSVM) names the top tier up to 2017; in 2019 it is off the scale: one warning
    units = _units(tmp_path, "Trong sạch vững mạnh")
    out = tmp_path / "w.csv"
    result = run("classify", units, "--year", "2019", "--format", "csv", "--warnings", out)
    assert result.exit_code == 0
    rows = _csv_rows(out)
    assert len(rows) == 1
    (row,) = rows
    assert row["level"] == "warning"
    assert "'Trong sạch vững mạnh' is not on the 2019 scale" in row["message"]
    # the row says what stderr says: the message ends the line for people, the place (in the
    # columns, when the note carries it) begins it
    (line,) = [w for w in result.stderr.splitlines() if w.startswith("ccq-stats: warning: ")]
    assert line.endswith(row["message"])
    assert row["file"] in ("", str(units))
    # the data is the same with and without the file
    assert result.stdout == run("classify", units, "--year", "2019", "--format", "csv").stdout


def test_no_warnings_still_gives_the_header(tmp_path):
    out = tmp_path / "w.csv"
    result = run("classify", _units(tmp_path), "--year", "2019", "--format", "csv", "--warnings", out)
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert out.read_bytes() == b"level,file,sheet,row,column,message\n"


@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_json_lines(tmp_path, suffix):
    quiet = tmp_path / ("none" + suffix)
    assert run("classify", _units(tmp_path), "--year", "2019", "--warnings", quiet).exit_code == 0
    assert quiet.exists() and quiet.read_bytes() == b""  # run, nothing said
    out = tmp_path / ("w" + suffix)
    assert run("classify", _units(tmp_path, "TSVM"), "--year", "2019", "--warnings", out).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert list(record) == COLUMNS
    assert record["level"] == "warning" and "'TSVM' is not on the 2019 scale" in record["message"]


def test_the_error_that_ends_the_run_is_the_last_row_with_its_place(tmp_path):
    # row 3 (Excel's numbering: the header is row 1) of column C holds a label no scale knows
    members = make_csv(
        tmp_path / "dang_vien.csv", [["Họ và tên", "Chi bộ", "Xếp loại"], ["A", "X", "HTTNV"], ["B", "X", "Tốt lắm"]]
    )
    out = tmp_path / "w.csv"
    result = run("classify", members, "--year", "2019", "--warnings", out)
    assert result.exit_code == 2
    rows = _csv_rows(out)
    assert len(rows) == 1
    assert rows[0] | {"message": ""} == {
        "level": "error",
        "file": str(members),
        "sheet": "",
        "row": "3",
        "column": "C",
        "message": "",
    }
    assert rows[0]["message"].startswith("unknown rating label: 'Tốt lắm' (hint: ")
    assert result.stderr.strip().endswith(rows[0]["message"])  # the one line of stderr, after the place


def test_the_place_of_a_workbook_error_as_excel_shows_it(tmp_path):
    # sheet 'DV 2019', the header in row 2 under a title row, the bad label in row 4, column D
    book = make_xlsx(
        tmp_path / "dv.xlsx",
        {
            "DV 2019": [
                ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
                ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
                [1, "A", "Chi bộ X", "HTTNV"],
                [2, "B", "Chi bộ X", "Tốt lắm"],
            ]
        },
    )
    out = tmp_path / "w.jsonl"
    assert run("classify", book, "--warnings", out).exit_code == 2
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (record["level"], record["file"], record["sheet"], record["row"], record["column"]) == (
        "error",
        str(book),
        "DV 2019",
        4,
        "D",
    )


def test_a_note_with_a_place_fills_the_columns(tmp_path, monkeypatch):
    """The CLI's side of api's contract: a note logged with extra={"note": note} gives its Where
    as columns (row as Excel numbers it, the column as its letter) and its message without the place."""
    import ccq_stats.api as api
    from ccq_stats.errors import Where
    from ccq_stats.figures.findings import Note

    note = Note("3 hidden row(s) skipped", where=Where("so_lieu.xlsx", "TCCS", 12, 27, "Ghi chú"))
    original = api.within_years

    def telling(figures, years):
        logging.getLogger("ccq_stats.api").warning("%s", note.line, extra={"note": note})
        logging.getLogger("ccq_stats.api").warning("a warning about no place")
        return original(figures, years)

    monkeypatch.setattr(api, "within_years", telling)
    out = tmp_path / "w.csv"
    result = run("classify", _units(tmp_path), "--year", "2019", "--format", "csv", "--warnings", out, "--quiet")
    assert result.exit_code == 0
    assert result.stderr == ""  # --quiet: nothing on stderr, all of it in the file
    assert _csv_rows(out) == [
        {
            "level": "warning",
            "file": "so_lieu.xlsx",
            "sheet": "TCCS",
            "row": "12",
            "column": "AB",
            "message": "3 hidden row(s) skipped",
        },
        {"level": "warning", "file": "", "sheet": "", "row": "", "column": "", "message": "a warning about no place"},
    ]


def test_quiet_and_strict(tmp_path):
    out = tmp_path / "w.csv"
    result = run(
        "classify",
        _units(tmp_path, "TSVM"),
        "--year",
        "2019",
        "--format",
        "csv",
        "--quiet",
        "--strict",
        "--warnings",
        out,
    )
    assert result.exit_code == 1  # --strict still counts the warning --quiet keeps off stderr
    assert result.stderr == ""
    assert [r["level"] for r in _csv_rows(out)] == ["warning"]
    assert result.stdout.startswith("year,subject,category")  # the output is written before exit 1


@pytest.mark.parametrize(
    "name, says",
    [
        ("-", "--warnings cannot be standard output"),
        ("w.txt", "--warnings writes a .csv, .json or .jsonl file"),
        ("w", "--warnings writes a .csv, .json or .jsonl file"),
        ("missing_folder/w.csv", "cannot be written there"),
    ],
)
def test_a_bad_name_is_one_line_and_nothing_is_read(tmp_path, monkeypatch, name, says):
    monkeypatch.chdir(tmp_path)
    result = run("classify", _units(tmp_path), "--year", "2019", "--warnings", name)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to_chuc.csv"]


def test_never_over_an_input_nor_the_output(tmp_path):
    units = _units(tmp_path)
    before = units.read_bytes()
    result = run("classify", units, "--year", "2019", "--warnings", units)
    assert result.exit_code == 2 and "the --warnings file is one of the inputs" in result.stderr
    assert units.read_bytes() == before
    # inside a folder that is read, through another spelling
    result = run("classify", tmp_path, "--year", "2019", "--warnings", tmp_path / "." / "to_chuc.csv")
    assert result.exit_code == 2 and "one of the inputs" in result.stderr
    assert units.read_bytes() == before
    out = tmp_path / "out.csv"
    result = run("classify", units, "--year", "2019", "-o", out, "--warnings", out)
    assert result.exit_code == 2 and "--warnings and -o name the same file" in result.stderr
    assert not out.exists()


def test_a_warnings_file_beside_the_data_is_not_read_next_time(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _units(data, "TSVM")
    out = data / "canh_bao.csv"
    first = run("classify", data, "--year", "2019", "--format", "csv", "--warnings", out)
    assert first.exit_code == 0 and len(_csv_rows(out)) == 1
    second = run("classify", data, "--year", "2019", "--format", "csv", "--warnings", out)
    assert second.exit_code == 0
    assert second.stdout == first.stdout  # the old warnings file was skipped, not read as ratings
    messages = [r["message"] for r in _csv_rows(out)]
    assert len(messages) == 2 and "written by ccq-stats" in " ".join(messages)


def test_every_command_that_reads_spreadsheets_writes_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # the year in a column: report and forms take none for the sheets
    units = make_csv(
        tmp_path / "to_chuc.csv",
        [
            ["Năm", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
            [2019, "Đảng bộ Sở A", "", "TSVM"],
            [2019, "Chi bộ 1", "Đảng bộ Sở A", "HTTNV"],
        ],
    )
    members = make_csv(
        tmp_path / "dang_vien.csv", [["Năm", "Họ và tên", "Chi bộ", "Xếp loại"], [2019, "A", "Đảng bộ Sở A", "HTTNV"]]
    )
    runs = {
        "check": ["check", units, members, "--format", "csv"],
        "report": ["report", "--year", "2019", units, members, "-o", tmp_path / "r.md"],
        "forms": ["forms", "--year", "2019", units, members, "-o", tmp_path / "bieu.xlsx"],
        "import": ["import", units, members, "--db", tmp_path / "kho.sqlite"],
        "inspect": ["inspect", units],
    }
    for name, args in runs.items():
        out = tmp_path / f"w_{name}.csv"
        result = run(*args, "--warnings", out)
        assert result.exit_code == 0, (name, result.stderr)
        rows = _csv_rows(out)
        said = [w for w in result.stderr.splitlines() if w.startswith("ccq-stats: warning: ")]
        assert len(rows) == len(said), name  # each warning on stderr is a row
        if name != "inspect":  # inspect shows what it read; the others warn about 'TSVM' in 2019
            assert any("'TSVM' is not on the 2019 scale" in r["message"] for r in rows), name
