"""Deterministic data sets for the benchmarks (generated, never committed; into bench/data/).

    python bench/generate.py workbook   # members_200k_named.xlsx: 200,000 member-year rows, a distinct name each
    python bench/generate.py rowlimit   # members_rowlimit.xlsx: 1,048,575 rows under a header (Excel's limit)
    python bench/generate.py national   # national_members.csv (≈26 million member-year rows, 5 years)
                                        # and national_units.csv (52,000 organisations × 5 years)
    python bench/generate.py national --members 1000000   # a smaller national-shaped set
    python bench/generate.py parquet    # national_members.parquet: the national CSV as Parquet (make that first)
    python bench/generate.py named      # national_named.csv: the national list as exported, with name, birth
                                        # year and a discipline column (26.5M rows); --members as above
    python bench/generate.py named --irregular   # national_irregular.csv: the same with section rows, totals,
                                        # blank lines, blank card numbers and a signature block

Names are fictional; labels are drawn from the spellings staff use, so the classifier works.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data"
YEARS = np.arange(2015, 2020)
LABELS = np.array(
    [
        "HTXSNV",
        "Hoàn thành tốt nhiệm vụ",
        "HTTNV",
        "Hoàn thành nhiệm vụ",
        "HTNV",
        "Không hoàn thành nhiệm vụ",
        "Miễn đánh giá",
        "Chưa đánh giá",
        "Hoan thanh tot nhiem vu",
    ]
)
WEIGHTS = np.array([0.12, 0.35, 0.33, 0.08, 0.07, 0.02, 0.02, 0.005, 0.005])
SURNAMES = np.array(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"])
GIVEN = np.array(
    [
        "An",
        "Bình",
        "Chi",
        "Dũng",
        "Giang",
        "Hà",
        "Hải",
        "Hạnh",
        "Hiếu",
        "Hòa",
        "Hùng",
        "Hương",
        "Khánh",
        "Lan",
        "Linh",
        "Long",
        "Mai",
        "Nam",
        "Nga",
        "Phong",
        "Phúc",
        "Quân",
        "Sơn",
        "Tâm",
    ]
)


def _labels(rng, n):
    return LABELS[rng.choice(len(LABELS), size=n, p=WEIGHTS / WEIGHTS.sum())]


def members_workbook(rows: int, name: str) -> Path:
    """One sheet, title rows, a header, one row per member-year (year column), as staff keep it:
    a distinct name on every row (the worst case for folding names) and a birth year."""
    from openpyxl import Workbook

    rng = np.random.default_rng(2020)
    DATA.mkdir(exist_ok=True)
    path = DATA / name
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại"])
    units = np.array([f"Chi bộ {i:04d}" for i in range(2000)])
    labels = _labels(rng, rows)
    unit = units[rng.integers(0, len(units), rows)]
    birth = rng.integers(1950, 2001, rows)
    for i in range(rows):
        member = i // 5
        # row i's name: i written in the mixed radix of surname, middle and three given names
        given, rest = divmod(i, len(SURNAMES))
        middle, rest = rest, given
        full = [SURNAMES[middle], MIDDLE[rest % len(MIDDLE)]]
        rest //= len(MIDDLE)
        for _ in range(3):
            full.append(GIVEN[rest % len(GIVEN)])
            rest //= len(GIVEN)
        ws.append([i + 1, " ".join(full), int(birth[i]), f"{member:08d}", unit[i], int(YEARS[i % 5]), labels[i]])
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
                frame = pd.DataFrame(
                    {
                        "id": np.char.zfill(np.arange(start, stop).astype(str), 9),
                        "unit": unit_names[member_unit[start:stop]],
                        "year": year,
                        "label": _labels(rng, stop - start),
                    }
                )
                frame.to_csv(out, header=False, index=False)
    units = DATA / "national_units.csv"
    frame = pd.DataFrame(
        {
            "Tên tổ chức cơ sở đảng": np.repeat(unit_names, len(YEARS)),
            "Năm": np.tile(YEARS, n_units),
            "Xếp loại": rng.choice(
                np.array(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]), size=n_units * len(YEARS), p=[0.6, 0.33, 0.06, 0.01]
            ),
        }
    )
    frame.to_csv(units, index=False)
    return path, units


MIDDLE = np.array(["Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Ngọc", "Quốc"])
DISCIPLINE = np.array(["", "Khiển trách", "Cảnh cáo"])


def _names(rng, n):
    """Fictional Vietnamese full names (surname, middle name, one or two given names): some
    thousands of distinct names, as a province's list has, repeated across members."""
    import pyarrow as pa
    import pyarrow.compute as pc

    parts = [
        SURNAMES[rng.integers(0, len(SURNAMES), n)],
        MIDDLE[rng.integers(0, len(MIDDLE), n)],
        GIVEN[rng.integers(0, len(GIVEN), n)],
    ]
    second = np.where(rng.random(n) < 0.5, GIVEN[rng.integers(0, len(GIVEN), n)], "")
    full = pc.binary_join_element_wise(*[pa.array(p) for p in parts], pa.array(second), " ")
    return pc.utf8_trim_whitespace(full)


def named(members: int, irregular: bool) -> Path:
    """members × 5 years of member rows as a national export has them: name, birth year, card
    number, unit, year, rating, discipline. ``irregular`` adds what staff leave in such files:
    an STT column, a section row per year, a totals row after each year, blank lines, a blank
    card number on one row in a thousand (those members are known by name and birth year) and a
    signature block."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    rng = np.random.default_rng(2650000)
    DATA.mkdir(exist_ok=True)
    n_units = 52_000
    unit_names = np.array([f"Đảng bộ cơ sở số {i:05d}" for i in range(n_units)])
    member_unit = rng.integers(0, n_units, members)
    member_name = _names(rng, members)
    member_birth = rng.integers(1950, 2001, members)
    path = DATA / ("national_irregular.csv" if irregular else "national_named.csv")
    if members != 5_300_000:  # a smaller set beside the full one
        path = path.with_stem(f"{path.stem}_{members}")
    header = ["Họ và tên", "Năm sinh", "Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại", "Kỷ luật"]
    if irregular:  # headings and totals go in the STT column, as staff write them
        header = ["STT"] + header
    chunk = 1_000_000
    with open(path, "wb") as out:
        out.write((",".join(header) + "\n").encode())
        for year in YEARS:
            if irregular:
                out.write("I. CÁC ĐẢNG BỘ CƠ SỞ,,,,,,,\n".encode())
            for start in range(0, members, chunk):
                stop = min(start + chunk, members)
                n = stop - start
                card = np.char.zfill(np.arange(start, stop).astype(str), 9)
                if irregular:
                    card[rng.random(n) < 0.001] = ""
                stt = {"stt": np.arange(start + 1, stop + 1).astype(str)} if irregular else {}
                table = pa.table(
                    {
                        **stt,
                        "name": member_name[start:stop],
                        "birth": member_birth[start:stop].astype(str),
                        "card": card,
                        "unit": unit_names[member_unit[start:stop]],
                        "year": np.full(n, str(year)),
                        "label": _labels(rng, n),
                        "discipline": DISCIPLINE[rng.choice(3, size=n, p=[0.995, 0.004, 0.001])],
                    }
                )
                pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="none"))
                if irregular:
                    out.write(b",,,,,,,\n")
            if irregular:
                out.write("Tổng cộng,,,,,,,\n".encode())
        if irregular:
            out.write(",,,,,,,\n,,,,Người lập biểu,,,\n,,,,Nguyễn Văn An,,,\n".encode())
    return path


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
    parser.add_argument("what", choices=["workbook", "rowlimit", "national", "parquet", "named"])
    parser.add_argument("--members", type=int, default=5_300_000)
    parser.add_argument("--irregular", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    if args.what == "workbook":
        made = [members_workbook(200_000, "members_200k_named.xlsx")]
    elif args.what == "rowlimit":
        made = [members_workbook(1_048_576 - 3, "members_rowlimit.xlsx")]
    elif args.what == "named":
        made = [named(args.members, args.irregular)]
    elif args.what == "parquet":
        made = [parquet(DATA / "national_members.csv")]
    else:
        made = list(national(args.members))
    for path in made:
        print(f"{path}  {path.stat().st_size / 1e6:.0f} MB")
    print(f"{time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
