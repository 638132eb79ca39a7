"""The cost of keeping versions (issue 24): the store's size and `report --term`'s whole-process
time after importing the sample, then ten corrected files – this code against another checkout
(the code before versions), both measured in one run, the report runs interleaved.

    python bench/versions.py --before /tmp/ccq-main [--runs 3]

``--before``: a copy of the earlier code (e.g. ``git archive 648eb48 | tar -x -C /tmp/ccq-main``);
it runs with this environment's Python and libraries (PYTHONPATH). The ten corrected files are
member lists of 2018 of ten chi bộ, each with one rating changed (to HTXSNV), as staff
send corrections; each is one import.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"


def corrections(folder: Path, count: int = 10) -> list[Path]:
    """``count`` corrected member lists of 2018, one chi bộ each, one rating changed."""
    lines = (SAMPLE / "dang_vien_2018.csv").read_text(encoding="utf-8-sig").splitlines()
    header, rows = lines[0], lines[1:]
    orgs = list(dict.fromkeys(r.split(";")[3] for r in rows if r.split(";")[3].startswith("Chi bộ")))
    out = []
    for i, org in enumerate(orgs[:count]):
        own = [r for r in rows if r.split(";")[3] == org]
        changed = next(
            j for j, r in enumerate(own) if r.split(";")[5] not in ("Xuất sắc", "Hoàn thành xuất sắc nhiệm vụ")
        )
        cells = own[changed].split(";")
        cells[5] = "Hoàn thành xuất sắc nhiệm vụ"
        own[changed] = ";".join(cells)
        path = folder / f"sua_{i + 1:02d}.csv"
        path.write_text("\n".join([header] + own) + "\n", encoding="utf-8")
        out.append(path)
    return out


def ccq(code: Path, *args, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(code), "CCQ_NO_PROGRESS": "1"}
    return subprocess.run([sys.executable, "-m", "ccq_stats", *map(str, args)], cwd=cwd, env=env, capture_output=True)


def timed(code: Path, *args, cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one whole run, by /usr/bin/time -v."""
    env = {**os.environ, "PYTHONPATH": str(code), "CCQ_NO_PROGRESS": "1"}
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-m", "ccq_stats", *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-500:]
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return wall, peak


def store_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))  # the file, its -wal and -shm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, help="a copy of the code before versions")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    top = Path(tempfile.mkdtemp(prefix="ccq-versions-"))
    shutil.copytree(SAMPLE, top / "sample_data", ignore=shutil.ignore_patterns("*.py"))
    fixes = corrections(top)
    codes = {"before (replace)": args.before.resolve(), "versions": ROOT}
    stores = {}
    for name, code in codes.items():
        db = top / f"{name.split()[0]}.sqlite"
        for files in [["sample_data"]] + [[f.name] for f in fixes]:
            done = ccq(code, "import", *files, "--db", db, "--quiet", cwd=top)
            assert done.returncode == 0, done.stderr.decode()[-500:]
        if name == "versions":
            import sqlite3

            with sqlite3.connect(db) as conn:
                closed = conn.execute("SELECT COUNT(*) FROM records WHERE valid_to IS NOT NULL").fetchone()[0]
                total = conn.execute("SELECT COUNT(*) FROM records").fetchone()[0]
            print(f"versions: {total} record rows, {closed} of them earlier versions")
        ccq(code, "classify", "--db", db, "-f", "csv", cwd=top)  # a reader checkpoints the WAL as it goes
        stores[name] = db
    for name, db in stores.items():
        import sqlite3

        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"{name}: store {store_size(db) / 1024:.0f} KiB after the sample and ten corrected files")
    times: dict[str, list[tuple[float, int]]] = {name: [] for name in codes}
    for _run in range(args.runs):
        for name, code in codes.items():  # interleaved: the machine's load falls on both alike
            times[name].append(
                timed(code, "report", "--term", "2015-2020", "--db", stores[name], "--date", "2020-10-21", cwd=top)
            )
    for name, runs in times.items():
        walls = [w for w, _p in runs]
        print(
            f"{name}: report --term {statistics.median(walls):.2f} s median of {len(walls)} ({min(walls):.2f}–{max(walls):.2f}),"
            f" peak {max(p for _w, p in runs) / 1024:.0f} MiB"
        )
    shutil.rmtree(top, ignore_errors=True)


if __name__ == "__main__":
    main()
