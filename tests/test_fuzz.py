"""Mutation fuzzing of the readers, from the sample files (issue 14).

A few hundred mutants (bit flips, truncation, zip entries removed, duplicated, renamed, the
encryption and UTF-8 flags, garbled sheet XML, huge strings; CSV with NUL bytes, stray quotes,
long lines, 10,000 columns), each made from a seed, so that a failure names a mutant anyone can
make again. Every mutant must end with exit 0 or 2, no traceback, one error line naming the
file, within a time and a memory bound; and exit 0 means the figures are the base file's own,
or a warning says why they are not (except for a garbled sheet whose XML is still well-formed:
that is another valid spreadsheet, a data edit, not damage).

The mutants run in two worker processes (the machine has two cores), each classifying its
mutants in-process through the CLI: a crash of a worker names the mutant it was on. A few
mutants also go through the real command, ``python -m ccq_stats``.

    CCQ_FUZZ=5000 python -m pytest tests/test_fuzz.py     # a larger run, for local use
    CCQ_FUZZ_SEED=7 …                                       # other mutants
    python tests/test_fuzz.py 12                            # make mutant 12 (see its file name)
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import struct
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # hundreds of mutated files through the readers and the real command

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
COUNT = int(os.environ.get("CCQ_FUZZ", "120"))  # the suite's share of its five minutes; CCQ_FUZZ for more
SEED = int(os.environ.get("CCQ_FUZZ_SEED", "14"))
WORKERS = 2
SECONDS_PER_MUTANT = 30  # the reader process is stopped after 20 (CCQ_READ_TIMEOUT below)
MEMORY_MB = 2048  # of a worker process; the reader process is held to 1024 MB (CCQ_READ_MEMORY_MB)
LIMITS = {"CCQ_READ_TIMEOUT": "20", "CCQ_READ_MEMORY_MB": "1024", "CCQ_NO_PROGRESS": "1"}

WORKBOOKS = ("so_luong_dang_vien_2019.xlsx", "to_chuc_co_so_dang_2015-2019.xlsx", "chi_bo_truc_thuoc.xlsx")


# --- The bases and the mutations ------------------------------------------------------------------


def csv_base() -> bytes:
    """The first 300 members of the 2018 sample list (a member list as staff export it: BOM, ';')."""
    return b"\n".join((SAMPLE / "dang_vien_2018.csv").read_bytes().split(b"\n")[:301]) + b"\n"


def rezip(data: bytes, entries) -> bytes:
    """A zip of ``entries`` [(name, bytes)] (deflated), as a spreadsheet program writes one."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": on purpose
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in entries:
                archive.writestr(name, content)
    return out.getvalue()


def entries_of(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def with_flags(data: bytes, rng: random.Random, bits: int, bad_name: bool = False) -> bytes:
    """Set flag bits on one entry, in its local header and the central directory; ``bad_name``:
    one byte of its name becomes 0xFF (not UTF-8)."""
    data = bytearray(data)
    infos = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()
    info = rng.choice(infos)
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name:
        central = data.find(b"PK\x01\x02", central + 4)
    for at in (info.header_offset + 6, central + 8):
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | bits)
    if bad_name:
        k = rng.randrange(len(name))
        data[central + 46 + k] = 0xFF
        data[info.header_offset + 30 + k] = 0xFF
    return bytes(data)


def bit_flips(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        k = rng.randrange(len(data))
        data[k] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncated(data, rng):
    return data[: rng.randrange(len(data))]


def entry_removed(data, rng):
    entries = entries_of(data)
    del entries[rng.randrange(len(entries))]
    return rezip(data, entries)


def entry_duplicated(data, rng):
    entries = entries_of(data)
    name, content = rng.choice(entries)
    copy = content if rng.random() < 0.5 else garbled_text(content, rng)
    entries.insert(rng.randrange(len(entries) + 1), (name, copy))
    return rezip(data, entries)


def entry_renamed(data, rng):
    entries = entries_of(data)
    k = rng.randrange(len(entries))
    name, content = entries[k]
    new = rng.choice([name.upper(), name + ".bak", "xl/worksheets/sheet9.xml", name.replace("/", "\\"), "/" + name])
    entries[k] = (new, content)
    return rezip(data, entries)


def encryption_flag(data, rng):
    return with_flags(data, rng, 0x1)


def utf8_flag(data, rng):
    return with_flags(data, rng, 0x800, bad_name=True)


def garbled_text(content: bytes, rng: random.Random) -> bytes:
    """XML (or text) damaged as editors and bad copies damage it."""
    if not content:
        return b"<"
    k = rng.randrange(len(content))
    how = rng.randrange(5)
    if how == 0:
        return content[:k]  # cut short
    if how == 1:
        return content[:k] + rng.choice([b"<", b"&", b'"', b"</c>", b"<row>", b"\x00", b"&lol;", b"]]>"]) + content[k:]
    if how == 2:
        return content[:k] + content[k + rng.randint(1, 200) :]  # a span deleted
    if how == 3:
        return content.replace(b"<c ", b"<x ", 1) if b"<c " in content else content[:k]
    return content[:k] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 16))) + content[k:]


def sheet_garbled(data, rng):
    entries = entries_of(data)
    sheets = [i for i, (name, _) in enumerate(entries) if name.startswith("xl/worksheets/")]
    k = rng.choice(sheets)
    entries[k] = (entries[k][0], garbled_text(entries[k][1], rng))
    return rezip(data, entries)


def huge_string(data, rng):
    """A text cell of 70 KB to 3 MB, or a shared-strings table that claims two billion strings."""
    entries = entries_of(data)
    if rng.random() < 0.3:
        sst = (
            b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            b'count="2000000000" uniqueCount="2000000000"><si><t>'
            + b"x" * rng.choice([10, 3_000_000])
            + b"</t></si></sst>"
        )
        entries.append(("xl/sharedStrings.xml", sst))
        return rezip(data, entries)
    sheets = [i for i, (name, _) in enumerate(entries) if name.startswith("xl/worksheets/")]
    k = rng.choice(sheets)
    name, content = entries[k]
    texts = [m.start() for m in re.finditer(rb"<t>", content)] or [0]
    at = rng.choice(texts) + 3
    end = content.find(b"</t>", at)
    big = (rng.choice([b"x", "Hoàn thành tốt nhiệm vụ ".encode()]) * 3_000_000)[: rng.choice([70_000, 3_000_000])]
    entries[k] = (name, content[:at] + big + content[end if end > 0 else at :])
    return rezip(data, entries)


def csv_nul(data, rng):
    k = rng.randrange(len(data))
    return data[:k] + b"\x00" + data[k:]


def csv_stray_quote(data, rng):
    lines = data.split(b"\n")
    k = rng.randrange(len(lines))
    line = lines[k]
    fields = [0] + [i + 1 for i, b in enumerate(line) if b == ord(";")]
    at = rng.choice([rng.choice(fields), rng.randrange(len(line) + 1)])
    lines[k] = line[:at] + b'"' + line[at:]
    return b"\n".join(lines)


def csv_long_line(data, rng):
    lines = data.split(b"\n")
    k = rng.randrange(len(lines))
    lines.insert(k, rng.choice([b";", b"x", b'"', b"; "]) * rng.choice([100_000, 1_000_000]))
    return b"\n".join(lines)


def csv_many_columns(data, rng):
    lines = data.split(b"\n")
    k = rng.choice([0, rng.randrange(len(lines))])
    lines[k] = lines[k].rstrip(b"\r") + b";" * 10_000
    return b"\n".join(lines)


XLSX_MUTATIONS = (
    bit_flips,
    truncated,
    entry_removed,
    entry_duplicated,
    entry_renamed,
    encryption_flag,
    utf8_flag,
    sheet_garbled,
    huge_string,
)
CSV_MUTATIONS = (csv_nul, csv_stray_quote, csv_long_line, csv_many_columns)
MUTATIONS = XLSX_MUTATIONS + CSV_MUTATIONS


def mutant(number: int, seed: int = SEED) -> tuple[str, str, str, bytes]:
    """Mutant ``number``: (mutation, base file, suffix, bytes); the same for the same seed."""
    rng = random.Random(f"{seed}:{number}")
    mutation = MUTATIONS[number % len(MUTATIONS)]
    if mutation in CSV_MUTATIONS:
        return mutation.__name__, "dang_vien_2018.csv (300 rows)", ".csv", mutation(csv_base(), rng)
    base = rng.choice(WORKBOOKS)
    return mutation.__name__, base, ".xlsx", mutation((SAMPLE / base).read_bytes(), rng)


def base_bytes(base: str) -> bytes:
    return csv_base() if base.endswith("(300 rows)") else (SAMPLE / base).read_bytes()


def is_data_edit(mutation: str, data: bytes) -> bool:
    """A garbled sheet whose XML is still well-formed is another valid spreadsheet (a cell cut
    out cleanly is a blank cell): its figures may differ without a warning. Any other mutant
    is damage, and must be refused or read with the base file's figures."""
    if mutation != "sheet_garbled":
        return False
    from xml.parsers import expat

    for name, content in entries_of(data):
        if name.startswith("xl/worksheets/"):
            try:
                expat.ParserCreate().Parse(content, True)
            except expat.ExpatError:
                return False
    return True


# --- The worker: classify mutants in-process, report each outcome as a JSON line ------------------


def classify_in_process(path: Path) -> dict:
    import traceback

    from typer.testing import CliRunner

    from ccq_stats.cli import app

    started = time.monotonic()
    result = CliRunner().invoke(app, ["classify", str(path), "-f", "csv"], catch_exceptions=True)
    failure = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        failure = "".join(traceback.format_exception(result.exception))[-2000:]
    return {
        "code": result.exit_code,
        "stdout": result.stdout,
        "stderr": result.stderr,
        "failure": failure,
        "seconds": round(time.monotonic() - started, 2),
    }


def worker(numbers: list[int], folder: Path) -> None:
    import resource

    bases = {}
    for number in numbers:
        mutation, base, suffix, data = mutant(number)
        if base not in bases:
            original = folder / f"base{len(bases)}{suffix}"
            original.write_bytes(base_bytes(base))
            bases[base] = classify_in_process(original)["stdout"]
        path = folder / f"mutant_{number}_{mutation}{suffix}"
        path.write_bytes(data)
        print(json.dumps({"number": number, "starting": True}), flush=True)  # a crash names its mutant
        outcome = classify_in_process(path)
        outcome.update(
            number=number,
            mutation=mutation,
            base=base,
            path=str(path),
            same_figures=outcome["stdout"] == bases[base],
            data_edit=is_data_edit(mutation, data),
            rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        )
        del outcome["stdout"]
        print(json.dumps(outcome), flush=True)
        path.unlink()


# --- The tests ------------------------------------------------------------------------------------


def _run_workers(tmp_path: Path) -> list[dict]:
    env = {**os.environ, **LIMITS, "PYTHONPATH": str(ROOT / "tests")}
    procs = []
    for w in range(WORKERS):
        folder = tmp_path / f"w{w}"
        folder.mkdir()
        command = [sys.executable, __file__, "--worker", str(folder), str(w), str(COUNT), str(WORKERS)]
        procs.append(
            subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
        )
    outcomes = []
    for proc in procs:
        out, err = proc.communicate(timeout=SECONDS_PER_MUTANT * COUNT)
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        last = lines[-1] if lines else {}
        assert proc.returncode == 0, (
            f"worker died (exit {proc.returncode}) on mutant {last.get('number')}: {err[-2000:]}"
        )
        outcomes += [line for line in lines if "starting" not in line]
    return outcomes


def test_mutants_of_the_samples_end_cleanly(tmp_path):
    started = time.monotonic()
    outcomes = _run_workers(tmp_path)
    assert len(outcomes) == COUNT
    problems = []
    for o in outcomes:
        name = f"mutant {o['number']} ({o['mutation']} of {o['base']})"
        errors = [line for line in o["stderr"].splitlines() if line.startswith("ccq-stats: error: ")]
        if o["failure"]:
            problems.append(f"{name}: traceback\n{o['failure']}")
        elif o["code"] not in (0, 2):
            problems.append(f"{name}: exit {o['code']}: {o['stderr'][-500:]}")
        elif o["code"] == 2 and (
            len(errors) != 1
            or not errors[0].startswith(f"ccq-stats: error: {o['path']}")
            or len(errors[0]) > 600
            or not errors[0].isprintable()
        ):
            problems.append(f"{name}: not one line naming the file: {o['stderr'][-600:]!r}")
        elif (
            o["code"] == 0
            and not o["same_figures"]
            and not o["data_edit"]
            and "ccq-stats: warning: " not in o["stderr"]
        ):
            problems.append(f"{name}: other figures than the base file's, and no warning says why")
        if o["seconds"] > SECONDS_PER_MUTANT:
            problems.append(f"{name}: took {o['seconds']} s")
        if o["rss_mb"] > MEMORY_MB:
            problems.append(f"{name}: the process grew to {o['rss_mb']} MB")
    held = sum(1 for o in outcomes if o["code"] == 2)
    print(
        f"\n{COUNT} mutants (seed {SEED}) in {time.monotonic() - started:.0f} s: {held} refused with one line, "
        f"{COUNT - held} read (same figures: {sum(o['same_figures'] for o in outcomes if o['code'] == 0)}; "
        f"well-formed edits with other figures: {sum(o['data_edit'] and not o['same_figures'] for o in outcomes if o['code'] == 0)}); "
        f"{len(problems)} problems"
    )
    assert not problems, "\n".join(problems[:20])


def test_some_mutants_through_the_real_command(tmp_path):
    """The entry point itself: exit codes, stderr, no traceback, from a separate process."""
    env = {**os.environ, **LIMITS}
    for number in range(0, len(MUTATIONS) * 2, 3):  # each kind of mutation at least once in a while
        mutation, base, suffix, data = mutant(number)
        path = tmp_path / f"mutant_{number}{suffix}"
        path.write_bytes(data)
        done = subprocess.run(
            [sys.executable, "-m", "ccq_stats", "classify", str(path), "-f", "csv"],
            env=env,
            capture_output=True,
            text=True,
            timeout=SECONDS_PER_MUTANT * 2,
        )
        assert done.returncode in (0, 2) and "Traceback" not in done.stderr, (number, mutation, done.stderr[-1000:])
        if done.returncode == 2:
            assert done.stdout == "" and done.stderr.count("ccq-stats: error: ") == 1, (number, mutation, done.stderr)


# --- Names holding control characters, file names that are not UTF-8 (issue 20) ----------------------

CONTROL_CODES = [chr(c) for c in (*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B)]
NAMED_MUTANTS = int(os.environ.get("CCQ_FUZZ_NAMES", "24"))


def named_mutant(number: int, seed: int = SEED) -> tuple[bytes, bytes]:
    """(file name as bytes, CSV bytes): the 300-row base with control characters put into the
    organisation names of some rows (the same name alike on every row, as a pasted name is),
    saved under a name with bytes that are not UTF-8 and, now and then, an ESC sequence."""
    rng = random.Random(f"names:{seed}:{number}")
    text = csv_base().decode("utf-8-sig")
    lines = text.split("\n")
    orgs = sorted({line.split(";")[3] for line in lines[1:] if line.count(";") >= 6})
    for org in rng.sample(orgs, k=min(len(orgs), rng.randint(1, 3))):
        at = rng.randrange(len(org) + 1)
        hostile = org[:at] + "".join(rng.choice(CONTROL_CODES) for _ in range(rng.randint(1, 4))) + org[at:]
        lines = [
            ";".join(hostile if i == 3 and cell == org else cell for i, cell in enumerate(line.split(";")))
            for line in lines
        ]
    name = b"named_%d_" % number + bytes(rng.randrange(0x80, 0x100) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.3:
        name += b"\x1b[2J"
    return name + b".csv", ("\ufeff" + "\n".join(lines)).encode("utf-8")


def test_names_with_control_characters_under_names_not_utf8(tmp_path):
    """Every such mutant reads with the base file's figures and one warning about the control
    characters, no traceback, and its report writes as xlsx and docx; the file name shows escaped."""
    import openpyxl
    from typer.testing import CliRunner

    from ccq_stats.cli import app

    base = tmp_path / "base.csv"
    base.write_bytes(csv_base())
    runner = CliRunner()
    expected = runner.invoke(app, ["classify", str(base), "-f", "csv"]).stdout
    problems = []
    for number in range(NAMED_MUTANTS):
        name, data = named_mutant(number)
        path = tmp_path / os.fsdecode(name)
        path.write_bytes(data)
        result = runner.invoke(app, ["classify", str(path), "-f", "csv"], catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problems.append(f"named mutant {number}: {type(result.exception).__name__}: {result.exception}")
            continue
        warned = [line for line in result.stderr.splitlines() if "control characters" in line]
        # controls that are white space (\x0b, \x1c …) are spaces, as in any cell: nothing to remove, nothing said
        said = 1 if any(ch in data.decode("utf-8") and not ch.isspace() for ch in CONTROL_CODES) else 0
        if result.exit_code != 0 or result.stdout != expected or len(warned) != said:
            problems.append(
                f"named mutant {number}: exit {result.exit_code}, same figures {result.stdout == expected}, "
                f"{result.stderr[-300:]!r}"
            )
        elif said and "\\x" not in warned[0] or said and any(0xDC80 <= ord(ch) <= 0xDCFF for ch in warned[0]):
            problems.append(f"named mutant {number}: the file name is not shown escaped: {warned[0]!r}")
        if number % 4 == 0:  # the writers that crashed (xlsx, docx)
            for out in ("bc.xlsx", "bc.docx"):
                written = runner.invoke(
                    app, ["report", str(path), "--year", "2018", "-o", str(tmp_path / out)], catch_exceptions=True
                )
                if written.exit_code != 0 or (
                    written.exception is not None and not isinstance(written.exception, SystemExit)
                ):
                    problems.append(
                        f"named mutant {number}: report -o {out}: exit {written.exit_code} {written.exception!r}"
                    )
            cells = [
                c.value
                for ws in openpyxl.load_workbook(tmp_path / "bc.xlsx")
                for row in ws.iter_rows()
                for c in row
                if isinstance(c.value, str)
            ]
            if any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", c) for c in cells):
                problems.append(f"named mutant {number}: a control character reached the workbook")
        path.unlink()
    assert not problems, "\n".join(problems[:20])


if __name__ == "__main__":
    if sys.argv[1] == "--worker":
        start, stop, step = map(int, sys.argv[3:6])
        worker(list(range(start, stop, step)), Path(sys.argv[2]))
    else:  # make one mutant to look at
        mutation, base, suffix, data = mutant(int(sys.argv[1]))
        out = Path(f"mutant_{sys.argv[1]}_{mutation}{suffix}")
        out.write_bytes(data)
        print(f"{out}: {mutation} of {base}")
