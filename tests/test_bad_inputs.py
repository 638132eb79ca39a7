"""The bad-input corpus (tests/data/bad/): each file answers with its exit code and message,
one line, no traceback, nothing on stdout, within seconds; and fuzzing of the readers."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ccq_stats.errors import InputError
from ccq_stats.figures.findings import Notes
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.sandbox import isolated
from ccq_stats.reading.textfile import decode_text, sniff_delimiter, text_grid
from ccq_stats.text import legacy_encoding
from conftest import ROOT, SAMPLE, figures, run

BAD = ROOT / "tests" / "data" / "bad"
CASES = tomllib.loads((BAD / "cases.toml").read_text(encoding="utf-8"))["cases"]


def test_the_corpus_is_complete():
    files = {p.name for p in BAD.iterdir() if p.suffix not in (".py", ".toml")}
    assert files == set(CASES) and len(files) >= 30


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name, monkeypatch):
    """In this process (a test that raised would be a traceback: run() lets exceptions through);
    the files are parsed in the reader process as always, so a native reader that aborts, a
    runaway allocation or a parse that never ends is met there, as in a real run. The commands
    run as a whole process on bad files elsewhere (test_a_cell_over_the_field_limit…, the pipes
    and devices below, test_fuzz's real-command mutants)."""
    code, message, *counted = CASES[name]
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.chdir(BAD)
    done = run("classify", path, "--format", "csv")
    assert done.exit_code == code, done.stderr
    assert "Traceback" not in done.stderr and "panicked" not in done.stderr
    assert message in done.stderr
    if code == 2:
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1 or all(
            line.startswith("ccq-stats: ") for line in done.stderr.splitlines()
        )
        assert done.stderr.splitlines()[-1].startswith("ccq-stats: error: ")
    if code == 0:  # a file that reads: its figures, counted by hand from make_corpus.py
        got = {f"{year} {subject} {category}": n for (year, subject, category), n in figures(done.stdout).items()}
        assert got == counted[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # the input is never modified
    # no wall-clock bound here (it failed on a loaded machine): a parse that never ends is stopped
    # by the reader's time limit (test_a_hang_is_stopped_by_the_time_limit); speed is in bench/


def test_a_crash_in_the_reader_is_an_error_not_a_crash():
    import os

    with pytest.raises(InputError, match=r"the spreadsheet reader crashed on this file \(signal 6\)"):
        isolated(os.abort, limits=Limits(), display="x.xlsx")
    assert isolated(sum, [1, 2], limits=Limits(), display="y.xlsx") == 3  # the next file gets a new reader


def test_a_runaway_allocation_is_stopped_by_the_memory_limit():
    with pytest.raises(InputError, match="reading needed more than 256 MB of memory"):
        isolated(bytearray, 2 * 1024 * 1024 * 1024, limits=Limits(read_memory_mb=256), display="x.xlsx")


def test_a_hang_is_stopped_by_the_time_limit():
    started = time.monotonic()
    with pytest.raises(InputError, match="reading took longer than 1 s"):
        isolated(time.sleep, 30, limits=Limits(read_timeout=1), display="x.xlsx")
    assert time.monotonic() - started < 10


def test_limits_are_settings(monkeypatch):
    monkeypatch.setenv("CCQ_MAX_UNZIPPED_MB", "100")
    assert Limits.from_env().max_unzipped_mb == 100
    result = run("classify", BAD / "deflate_bomb.xlsx")
    assert result.exit_code == 2 and "the workbook unpacks to 286 MB, over the limit of 100 MB" in result.stderr
    monkeypatch.setenv("CCQ_MAX_CELLS", "lots")
    assert "CCQ_MAX_CELLS is not a whole number" in run("classify", SAMPLE).stderr


@pytest.mark.slow
def test_sample_inputs_are_never_modified():
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLE.iterdir()}
    for args in (["classify", SAMPLE], ["check", SAMPLE], ["report", SAMPLE, "--term", "2015-2020"]):
        assert run(*args).exit_code == 0
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in SAMPLE.iterdir()} == before


def test_legacy_encodings_are_named():
    assert legacy_encoding("Hoµn thµnh tèt nhiÖm vô") == "TCVN3 (ABC)"
    assert legacy_encoding("Hoaøn thaønh toát nhieäm vuï") == "VNI"
    assert legacy_encoding("Hoàn thành tốt nhiệm vụ") is None and legacy_encoding("Café crème") is None
    from ccq_stats.vocabulary.scales import load_scales

    vocabulary = " ".join(label.display for label in load_scales().labels.values())
    assert legacy_encoding(vocabulary) is None  # no false alarm on any real label


_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=",;\t\r\n\x00\ufeff"), max_size=12)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 6).flatmap(
        lambda width: st.lists(st.lists(_CELL, min_size=width, max_size=width), min_size=1, max_size=8)
    ),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig"]),
)
def test_a_table_written_as_csv_reads_back_cell_for_cell(grid, delimiter, encoding):
    """Any table (quotes in cells included) written by a CSV writer with any of the three
    delimiters comes back exactly: the delimiter is sniffed, the quoting undone, no row lost."""
    import csv
    import io

    assume(any(cell.strip() for row in grid for cell in row))  # a table of blanks has no delimiter to find
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(grid)
    assert text_grid(buffer.getvalue().encode(encoding), "t.csv", Notes()).rows == grid


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_the_csv_reader_refuses_or_reads_every_line_of_any_bytes(data):
    """Any bytes: an InputError, or a grid that keeps every line (a record ends only at a line
    break, and a quoted cell over several lines is refused unless it is short and closed)."""
    try:
        sheet = text_grid(data, "fuzz.csv", Notes())
    except InputError:
        return
    import re

    breaks = (rb"\r\n|\r|\n", rb"\r\x00\n\x00|\r\x00|\n\x00", rb"\x00\r\x00\n|\x00\r|\x00\n")  # UTF-8, UTF-16 LE, BE
    lines = max(len(re.split(pattern, data)) for pattern in breaks)
    assert len(sheet.rows) <= lines
    assert all(isinstance(cell, str) for row in sheet.rows for cell in row)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_decoding_any_text(text):
    try:
        decoded = decode_text(text.encode("utf-8"), "fuzz.csv", Notes())
    except InputError:
        assert "\x00" in text
        return
    if "\x00" in text:
        return  # NULs every other byte read as UTF-16: that is what the check is for
    assert decoded == text.removeprefix("\ufeff")


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_CELL.filter(lambda c: '"' not in c), min_size=2, max_size=6), min_size=1, max_size=20),
    st.sampled_from([",", ";", "\t"]),
)
def test_the_delimiter_is_the_one_the_table_was_written_with(rows, delimiter):
    assume(any(cell.strip() for row in rows for cell in row))
    text = "\n".join(delimiter.join(row) for row in rows)
    assert sniff_delimiter(text) == delimiter


# --- Data loss: an output never replaces a file that is read (issue 14, item 1) ---------------


def _data_folder(tmp_path):
    folder = tmp_path / "sd"
    folder.mkdir()
    for name in ("dang_vien_2018.csv", "so_luong_dang_vien_2019.xlsx"):
        (folder / name).write_bytes((SAMPLE / name).read_bytes())
    return folder


def _refused(result, target: Path, before: bytes):
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ccq-stats: error: ") and "is one of the inputs" in lines[0], (
        result.stderr
    )
    assert target.read_bytes() == before  # the input is untouched
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "args",
    [
        ["classify", "{folder}", "-o", "{folder}/dang_vien_2018.csv"],
        ["check", "{folder}", "-o", "{folder}/dang_vien_2018.csv"],
        ["report", "--year", "2019", "{folder}", "-f", "xlsx", "-o", "{folder}/so_luong_dang_vien_2019.xlsx"],
    ],
)
def test_an_output_that_is_a_file_inside_an_input_folder_is_refused(tmp_path, args):
    folder = _data_folder(tmp_path)
    args = [a.format(folder=folder) for a in args]
    target = Path(args[-1])
    _refused(run(*args), target, target.read_bytes())


def test_report_reads_the_current_folder_by_default_and_refuses_to_overwrite_a_file_in_it(tmp_path, monkeypatch):
    folder = _data_folder(tmp_path)
    monkeypatch.chdir(folder)
    target = folder / "so_luong_dang_vien_2019.xlsx"
    _refused(
        run("report", "--year", "2019", "-f", "xlsx", "-o", "so_luong_dang_vien_2019.xlsx"), target, target.read_bytes()
    )


def test_an_output_that_is_a_link_to_an_input_is_refused(tmp_path):
    folder = _data_folder(tmp_path)
    target = folder / "dang_vien_2018.csv"
    (tmp_path / "link.csv").symlink_to(target)
    os.link(target, tmp_path / "hard.csv")
    _refused(run("classify", folder, "-o", tmp_path / "link.csv"), target, target.read_bytes())
    _refused(run("classify", folder, "-o", tmp_path / "hard.csv"), target, target.read_bytes())


# --- Our own outputs in a data folder are not read back as inputs (issue 14, item 2) ----------


def _sheet_values(path: Path) -> dict:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def _skipped_once(stderr: str, *names: str) -> None:
    lines = [line for line in stderr.splitlines() if "written by ccq-stats" in line]
    assert len(lines) == 1, stderr
    assert all(name in lines[0] for name in names), lines[0]


@pytest.mark.slow
def test_a_second_report_into_the_data_folder_skips_the_first(tmp_path, monkeypatch):
    folder = _data_folder(tmp_path)
    monkeypatch.chdir(folder)
    first = run("report", "--year", "2019", "-f", "xlsx", "-o", "bao_cao.xlsx", "--date", "2020-01-15")
    assert first.exit_code == 0, first.stderr
    kept = _sheet_values(folder / "bao_cao.xlsx")
    second = run("report", "--year", "2019", "-f", "xlsx", "-o", "bao_cao.xlsx", "--date", "2020-01-15")
    assert second.exit_code == 0, second.stderr
    _skipped_once(second.stderr, "bao_cao.xlsx")
    assert _sheet_values(folder / "bao_cao.xlsx") == kept  # the same figures: the first report was not read


@pytest.mark.slow
@pytest.mark.parametrize(
    "command,name,extra",
    [
        ("classify", "ket_qua.csv", []),
        ("classify", "ket_qua_excel.csv", ["--bom"]),
        ("classify", "theo_don_vi.csv", ["--by", "unit"]),
        ("check", "phat_hien.csv", ["-f", "csv"]),
        ("check", "phat_hien_ten.csv", ["-f", "csv", "--names"]),
    ],
)
def test_our_csv_outputs_in_the_data_folder_are_skipped(tmp_path, monkeypatch, command, name, extra):
    folder = _data_folder(tmp_path)
    monkeypatch.chdir(folder)
    first = run(command, ".", "-o", name, *extra)
    assert first.exit_code == 0, first.stderr
    kept = (folder / name).read_bytes()
    assert "written by ccq-stats" not in first.stderr
    second = run(command, ".", "-o", name, *extra)
    assert second.exit_code == 0, second.stderr
    _skipped_once(second.stderr, name)
    assert (folder / name).read_bytes() == kept


def test_a_workbook_of_ours_is_recognised_by_its_marker_not_its_name(tmp_path):
    from openpyxl import Workbook

    from ccq_stats.reading.sources import written_by_us
    from ccq_stats.write.workbook import mark_as_ours

    ours, theirs = tmp_path / "x.xlsx", tmp_path / "bao_cao.xlsx"
    wb = Workbook()
    mark_as_ours(wb)
    wb.save(ours)
    Workbook().save(theirs)
    assert written_by_us(str(ours)) and not written_by_us(str(theirs))
    assert not written_by_us(str(SAMPLE / "dang_vien_2018.csv"))
    assert not written_by_us(str(SAMPLE / "so_luong_dang_vien_2019.xlsx"))


# --- A stray quote never drops rows without a word (issue 14, item 3) ----------------------------


def test_a_stray_quote_in_the_sample_member_list_is_an_error_naming_its_row(tmp_path):
    lines = (SAMPLE / "dang_vien_2018.csv").read_bytes().split(b"\n")
    lines[3] = b'"' + lines[3]  # sed '4s/^/"/'
    path = tmp_path / "q.csv"
    path.write_bytes(b"\n".join(lines))
    result = run("classify", path)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f'ccq-stats: error: {path}, row 4: a quote (") opens a cell here and is never closed: the rest of the '
        "file would be one cell (hint: remove the stray quote, or close it)"
    ]


def _grid(text: str):
    return text_grid(text.encode("utf-8"), "q.csv", Notes()).rows


HEAD = "STT,Tên tổ chức cơ sở đảng,Năm,Xếp loại\n"


def test_a_quote_closed_further_down_that_swallows_rows_is_an_error():
    rows = [f"{i},Chi bộ {i},2019,HTTNV\n" for i in range(1, 8)]
    rows[1] = '2,"Chi bộ 2,2019,HTTNV\n'  # opens on row 3 (the header is row 1) …
    rows[4] = '5,Chi bộ 5",2019,HTTNV\n'  # … and closes three lines later, hiding rows 4 and 5
    with pytest.raises(InputError) as caught:
        _grid(HEAD + "".join(rows))
    assert str(caught.value) == (
        'q.csv, row 3: a quote (") opens a cell here that runs over 4 lines and holds whole rows (line 4 '
        "looks like a row of its own) (hint: remove the stray quote, or close it on the same line)"
    )


def test_a_quoted_cell_over_many_lines_is_an_error():
    note = "\n".join(f"dòng {i}" for i in range(30))
    with pytest.raises(InputError, match=r"row 2: a quote \(\"\) opens a cell here that runs over 30 lines"):
        _grid(HEAD + f'1,Chi bộ A,2019,"{note}"\n2,Chi bộ B,2019,HTTNV\n')


def test_a_cell_of_a_few_lines_and_quotes_inside_cells_are_read():
    rows = _grid(HEAD + '1,"Chi bộ A\n(cơ quan)",2019,HTTNV\n2,"Chi bộ ""B""",2019,HTNV\n3,Màn hình 5" ,2019,HTTNV\n')
    assert rows == [
        HEAD.strip().split(","),
        ["1", "Chi bộ A\n(cơ quan)", "2019", "HTTNV"],
        ["2", 'Chi bộ "B"', "2019", "HTNV"],
        ["3", 'Màn hình 5" ', "2019", "HTTNV"],
    ]


def test_the_quote_and_nul_check_for_other_readers(tmp_path):
    from ccq_stats.reading.textfile import check_csv_file

    good = tmp_path / "good.csv"
    good.write_text(HEAD + '1,"Chi bộ A\n(cơ quan)",2019,HTTNV\n', encoding="utf-8")
    check_csv_file(str(good), ",", "utf-8")  # no error
    stray = tmp_path / "stray.csv"
    stray.write_text(HEAD + '1,"Chi bộ A,2019,HTTNV\n2,Chi bộ B,2019,HTTNV\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"stray.csv, row 2: a quote .* is never closed"):
        check_csv_file(str(stray), ",", "utf-8")
    nul = tmp_path / "nul.csv"
    nul.write_bytes((HEAD + "1,Chi bộ A,2019,HT\x00TNV\n").encode())
    with pytest.raises(InputError, match=r"nul.csv, row 2: the text holds NUL bytes"):
        check_csv_file(str(nul), ",", "utf-8")


# --- Damaged files: one short readable line naming the file (issue 14, items 4 and 5) ------------


def test_an_error_line_is_one_short_readable_line_whatever_the_bytes():
    raw = bytes(range(256)).decode("latin-1") * 110  # 28 KB of control characters and high bytes
    error = InputError(f"cannot read part '{raw}'", file="thư mục/a\nb\udcff.xlsx", value=raw, hint="save it again")
    line = str(error)
    assert len(line) < 400 and line.isprintable()
    assert line.startswith("thư mục/a\\nb\\xff.xlsx: cannot read part '\\x00\\x01\\x02")  # escaped, not dropped
    assert line.endswith("(hint: save it again)")
    quoted = line[line.index(": '\\x00") + 3 : line.index(" (hint")]
    assert len(quoted) <= 82 and quoted.endswith("...'")  # a value: at most ~80 characters


@pytest.mark.slow
def test_a_cell_over_the_field_limit_is_an_error_naming_the_row(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"a;b\n" + b"x" * 70_000_000)
    done = subprocess.run(
        [sys.executable, "-m", "ccq_stats", "classify", str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"ccq-stats: error: {path}, row 2: a cell holds more than 64 MB of text (hint: not a rating "
        "sheet; a stray quote may have opened the cell)\n"
    )


# --- Pipes, FIFOs, devices and stdin: read once and bounded, or refused (issue 14, item 7) --------


def _classify(*args, stdin=None, env=None, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "ccq_stats", "classify", *map(str, args), "-f", "csv"],
        stdin=stdin,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.slow
def test_a_fifo_is_read_once_and_gives_the_figures_of_the_file(tmp_path):
    import threading

    csv_file = SAMPLE / "dang_vien_2018.csv"
    fifo = tmp_path / "p.csv"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(csv_file.read_bytes()), daemon=True)
    writer.start()  # like `cat x.csv > p.csv &`: the writer closes after one reading
    through_fifo = _classify(fifo)
    writer.join(timeout=5)
    assert through_fifo.returncode == 0, through_fifo.stderr
    assert through_fifo.stdout == _classify(csv_file).stdout
    assert (
        b"2018,members,total,T\xe1\xbb\x95ng s\xe1\xbb\x91 \xc4\x91\xe1\xba\xa3ng vi\xc3\xaan (c\xc3\xb3 m\xe1\xba\xb7t),4045,"
        in through_fifo.stdout
    )


@pytest.mark.slow
def test_a_workbook_through_a_fifo_is_refused_with_a_hint(tmp_path):
    import threading

    fifo = tmp_path / "p.xlsx"
    os.mkfifo(fifo)
    threading.Thread(
        target=lambda: fifo.write_bytes((SAMPLE / "dang_vien_2015.xlsx").read_bytes()), daemon=True
    ).start()
    done = _classify(fifo)
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode() == (
        f"ccq-stats: error: {fifo}: a workbook cannot be read from a pipe or standard input "
        "(hint: save it as a file and give its name)\n"
    )


@pytest.mark.slow
def test_a_device_is_refused_at_once():
    # a device read as a file would never end: _classify's timeout turns that into a failure
    done = _classify("/dev/zero")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode() == (
        "ccq-stats: error: /dev/zero: is a device, not a file (hint: give a spreadsheet "
        "file, or - for CSV on standard input)\n"
    )
    with open("/dev/zero", "rb") as zero:
        done = _classify("-", stdin=zero)
    assert done.returncode == 2 and "standard input is a device, not a file or a pipe" in done.stderr.decode()


@pytest.mark.slow
def test_standard_input_is_read_with_a_bound():
    data = (SAMPLE / "dang_vien_2018.csv").read_bytes()  # 382 KB
    fitting = subprocess.run(
        [sys.executable, "-m", "ccq_stats", "classify", "-", "-f", "csv"],
        input=data,
        capture_output=True,
        timeout=60,
        env={**os.environ, "CCQ_MAX_STREAM_MB": "1"},
    )
    assert fitting.returncode == 0 and b",members,total," in fitting.stdout
    over = subprocess.run(
        [sys.executable, "-m", "ccq_stats", "classify", "-", "-f", "csv"],
        input=data * 3,
        capture_output=True,
        timeout=60,
        env={**os.environ, "CCQ_MAX_STREAM_MB": "1"},
    )
    assert over.returncode == 2 and over.stdout == b""
    assert over.stderr.decode() == (
        "ccq-stats: error: <stdin>: more than 1 MB arrived on standard input (hint: save it "
        "as a file and give its name, or raise CCQ_MAX_STREAM_MB)\n"
    )


# --- Small things: -o -, --bom with JSON, temporaries left by a kill (issue 14, item 10) ----------


def test_dash_as_output_means_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("classify", SAMPLE / "dang_vien_2018.csv", "-o", "-", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("year,subject,category,label,count,share\n2018,members,total,")
    assert not (tmp_path / "-").exists()


@pytest.mark.slow
def test_bom_is_for_csv_only():
    result = run("classify", SAMPLE / "dang_vien_2018.csv", "--bom", "-f", "json")
    assert result.exit_code == 0 and result.stdout.startswith("[\n {")
    assert run("classify", SAMPLE / "dang_vien_2018.csv", "--bom", "-f", "csv").stdout.startswith("\ufeffyear,")


def _gone_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_stale_temporary_of_ours_is_removed_on_the_next_write_and_nothing_else(tmp_path):
    from ccq_stats.write import atomic_write

    old = time.time() - 3600
    stale = tmp_path / f".out.csv.ccq{_gone_pid()}.ab12cd34.tmp"  # a kill -9 during a write, an hour ago
    fresh = tmp_path / f".out.csv.ccq{_gone_pid()}.ef56gh78.tmp"  # just now: perhaps another machine's write
    running = tmp_path / f".bao_cao.xlsx.ccq{os.getpid()}.ij90kl12.tmp"  # a write in progress
    foreign = tmp_path / ".notes.txt.12345.tmp"  # not ours
    for path in (stale, fresh, running, foreign):
        path.write_bytes(b"partial")
    for path in (stale, running, foreign):
        os.utime(path, (old, old))
    atomic_write(tmp_path / "other.csv", b"x\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, running.name, foreign.name, "other.csv"])


def test_temporaries_are_named_with_our_mark_and_pid(tmp_path, monkeypatch):
    from ccq_stats.write import files

    seen = []
    real = os.replace
    monkeypatch.setattr(files.os, "replace", lambda a, b: (seen.append(Path(a).name), real(a, b)))
    files.atomic_write(tmp_path / "out.csv", b"x\n")
    assert len(seen) == 1 and seen[0].startswith(f".out.csv.ccq{os.getpid()}.") and seen[0].endswith(".tmp")
