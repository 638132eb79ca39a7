"""Writers: CSV, JSON and a terminal table of the figures; atomic file output.

Data is rendered to text in memory first, so a failure never leaves half a file; a file is
written to a temporary name in the same folder and renamed into place.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from pathlib import Path

FORMATS = ("table", "csv", "json")


def _share_text(share) -> str:
    """A share as a decimal fraction with a point: 0.653571 (empty when not defined)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return ""
    return f"{share:.6f}"


def _records(figures) -> list[dict]:
    out = []
    for row in figures.to_dict("records"):
        share = row.get("share")
        row["share"] = None if share is None or (isinstance(share, float) and math.isnan(share)) else round(share, 6)
        row["count"] = int(row["count"])
        row["year"] = int(row["year"])
        out.append(row)
    return out


def to_csv(figures) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(figures.columns))
    for row in figures.itertuples(index=False):
        values = row._asdict()
        values["share"] = _share_text(values["share"])
        writer.writerow(values.values())
    return buffer.getvalue()


def to_json(figures) -> str:
    return json.dumps(_records(figures), ensure_ascii=False, indent=1) + "\n"


def vn_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number format: thousands dot, decimal comma (4.740; 65,36)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def to_table(figures, color: bool):
    """A rich Table for a person at a terminal (shares as Vietnamese percentages)."""
    from rich.table import Table

    table = Table(header_style="bold" if color else "", box=None, pad_edge=False)
    by_unit = "unit" in figures.columns
    columns = ["Năm", "Đối tượng"] + (["Đơn vị"] if by_unit else []) + ["Chỉ tiêu", "Số lượng", "Tỷ lệ"]
    for name in columns:
        table.add_column(name, justify="right" if name in ("Số lượng", "Tỷ lệ") else "left")
    previous = None
    for row in figures.to_dict("records"):
        group = (row["year"], row["subject"], row.get("unit"))
        if previous is not None and group != previous:
            table.add_section()
        previous = group
        share = "" if _share_text(row["share"]) == "" else vn_number(row["share"] * 100, 2) + "%"
        cells = [str(row["year"]), row["subject"]] + ([row["unit"]] if by_unit else [])
        table.add_row(*cells, row["label"], vn_number(row["count"]), share)
    return table


def render(figures, fmt: str, bom: bool = False) -> str:
    if fmt == "csv":
        text = to_csv(figures)
    elif fmt == "json":
        text = to_json(figures)
    else:
        raise ValueError(f"cannot render {fmt} as text")
    return ("\ufeff" + text) if bom else text


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
