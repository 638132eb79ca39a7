"""Deterministic data sets for the benchmarks (generated, never committed; into bench/data/).

    python bench/generate.py workbook   # members_200k.xlsx: 200,000 member-year rows
    python bench/generate.py rowlimit   # members_rowlimit.xlsx: 1,048,575 rows under a header (Excel's limit)
    python bench/generate.py national   # national_members.csv (≈26 million member-year rows, 5 years)
                                        # and national_units.csv (52,000 organisations × 5 years)
    python bench/generate.py national --members 1000000   # a smaller national-shaped set
    python bench/generate.py parquet    # national_members.parquet: the national CSV as Parquet (make that first)

Names are fictional; labels are drawn from the spellings staff use, so the classifier works.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
YEARS = np.arange(2015, 2020)
LABELS = np.array(["HTXSNV", "Hoàn thành tốt nhiệm vụ", "HTTNV", "Hoàn thành nhiệm vụ", "HTNV",
                   "Không hoàn thành nhiệm vụ", "Miễn đánh giá", "Chưa đánh giá", "Hoan thanh tot nhiem vu"])
WEIGHTS = np.array([0.12, 0.35, 0.33, 0.08, 0.07, 0.02, 0.02, 0.005, 0.005])
SURNAMES = np.array(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"])
GIVEN = np.array(["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Hương",
                  "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm"])


def _labels(rng, n):
    return LABELS[rng.choice(len(LABELS), size=n, p=WEIGHTS / WEIGHTS.sum())]


def members_workbook(rows: int, name: str) -> Path:
    """One sheet, title rows, a header, one row per member-year (year column), as staff keep it."""
    from openpyxl import Workbook

    rng = np.random.default_rng(2020)
    DATA.mkdir(exist_ok=True)
    path = DATA / name
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại"])
    units = np.array([f"Chi bộ {i:04d}" for i in range(2000)])
    labels = _labels(rng, rows)
    unit = units[rng.integers(0, len(units), rows)]
    first = rng.integers(0, len(SURNAMES), rows)
    last = rng.integers(0, len(GIVEN), rows)
    for i in range(rows):
        member = i // 5
        ws.append([i + 1, f"{SURNAMES[first[i]]} Văn {GIVEN[last[i]]}", f"{member:08d}", unit[i], int(YEARS[i % 5]), labels[i]])
    wb.save(path)
    return path


def national(members: int) -> tuple[Path, Path]:
    """members × 5 years of member rows (card number, unit, year, rating) and 52,000 units × 5 years."""
    import pandas as pd

    rng = np.random.default_rng(5300000)
    DATA.mkdir(exist_ok=True)
    n_units = 52_000
    unit_names = np.array([f"Đảng bộ cơ sở số {i:05d}" for i in range(n_units)], dtype=object)
    member_unit = rng.integers(0, n_units, members)
    path = DATA / "national_members.csv"
    chunk = 1_000_000
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Số thẻ đảng viên,Chi bộ,Năm,Xếp loại\n")
        for year in YEARS:
            for start in range(0, members, chunk):
                stop = min(start + chunk, members)
                frame = pd.DataFrame({
                    "id": np.char.zfill(np.arange(start, stop).astype(str), 9),
                    "unit": unit_names[member_unit[start:stop]],
                    "year": year,
                    "label": _labels(rng, stop - start),
                })
                frame.to_csv(out, header=False, index=False)
    units = DATA / "national_units.csv"
    frame = pd.DataFrame({
        "Tên tổ chức cơ sở đảng": np.repeat(unit_names, len(YEARS)),
        "Năm": np.tile(YEARS, n_units),
        "Xếp loại": rng.choice(np.array(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]), size=n_units * len(YEARS), p=[0.6, 0.33, 0.06, 0.01]),
    })
    frame.to_csv(units, index=False)
    return path, units


def parquet(source: Path) -> Path:
    """The CSV converted to Parquet in row groups of a million rows (the card number kept as text)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    path = source.with_suffix(".parquet")
    convert = pacsv.ConvertOptions(column_types={"Số thẻ đảng viên": pa.string()})
    pq.write_table(pacsv.read_csv(source, convert_options=convert), path, row_group_size=1_000_000)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["workbook", "rowlimit", "national", "parquet"])
    parser.add_argument("--members", type=int, default=5_300_000)
    args = parser.parse_args()
    started = time.monotonic()
    if args.what == "workbook":
        made = [members_workbook(200_000, "members_200k.xlsx")]
    elif args.what == "rowlimit":
        made = [members_workbook(1_048_576 - 3, "members_rowlimit.xlsx")]
    elif args.what == "parquet":
        made = [parquet(DATA / "national_members.csv")]
    else:
        made = list(national(args.members))
    for path in made:
        print(f"{path}  {path.stat().st_size / 1e6:.0f} MB")
    print(f"{time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
