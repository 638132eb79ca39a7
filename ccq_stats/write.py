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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def for_excel(value):
    """A text cell Excel would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") gets a leading
    apostrophe, so that Excel shows it as text. Only in CSV written for Excel (--bom)."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv_text(header, rows, excel: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([for_excel(v) for v in row] if excel else row)
    return buffer.getvalue()


def to_csv(figures, excel: bool = False) -> str:
    """The classify records as CSV; ``excel`` neutralises formula-like text (see for_excel)."""
    rows = []
    for row in figures.itertuples(index=False):
        values = row._asdict()
        values["share"] = _share_text(values["share"])
        rows.append(list(values.values()))
    return _csv_text(list(figures.columns), rows, excel)


def to_json(figures) -> str:
    return json.dumps(_records(figures), ensure_ascii=False, indent=1) + "\n"


SUBJECT_TITLES = {"units": "Chi, đảng bộ cơ sở", "cells": "Chi bộ trực thuộc", "members": "Đảng viên"}


def _cell(count, share) -> str:
    from ccq_stats.render import pct, so  # the report's Vietnamese number filters

    return so(count) if _share_text(share) == "" else f"{so(count)} ({pct(share)})"


def to_tables(figures, color: bool) -> list:
    """Rich tables for a person at a terminal: one per subject (and unit), years side by side,
    each cell "count (share%)" in Vietnamese number format."""
    from rich.table import Table
    from rich.text import Text  # plain text: a unit name is never read as markup

    keys = ["subject"] + (["unit"] if "unit" in figures.columns else [])
    tables = []
    for key, group in figures.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        title = SUBJECT_TITLES[key[0]] + (f" – {key[1]}" if len(key) > 1 and key[1] else "")
        table = Table(title=Text(title), title_justify="left", header_style="bold" if color else "", box=None, pad_edge=False)
        years = list(dict.fromkeys(group["year"]))
        table.add_column("Chỉ tiêu")
        for year in years:
            table.add_column(str(year), justify="right")
        for category, rows in group.groupby("category", sort=False):
            labels = " / ".join(dict.fromkeys(rows["label"]))  # the label changes with the regime
            by_year = {r.year: _cell(r.count, r.share) for r in rows.itertuples()}
            table.add_row(Text(labels), *(by_year.get(y, "") for y in years))
        tables.append(table)
    return tables


FINDING_COLUMNS = ("rule", "severity", "year", "org", "numbers", "message", "source", "where")


def _numbers_text(numbers: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in numbers.items())


def _finding_columns(names: bool) -> tuple:
    return FINDING_COLUMNS + (("member",) if names else ())


def findings_csv(findings, names: bool = False, excel: bool = False) -> str:
    """Findings as CSV; with ``names`` a last column ``member`` (only for findings about a member)."""
    rows = []
    for f in findings:
        record = f.record()
        record["numbers"] = _numbers_text(record["numbers"])
        record["year"] = "" if record["year"] is None else record["year"]
        rows.append([record[c] for c in _finding_columns(names)])
    return _csv_text(_finding_columns(names), rows, excel)


def findings_json(findings, names: bool = False) -> str:
    columns = _finding_columns(names)
    return json.dumps([{c: f.record()[c] for c in columns} for f in findings], ensure_ascii=False, indent=1) + "\n"


def findings_table(findings, color: bool):
    from rich.table import Table
    from rich.text import Text  # plain text: an organisation name is never read as markup

    table = Table(title=f"{len(findings)} phát hiện" if findings else "Không có phát hiện nào",
                  title_justify="left", header_style="bold" if color else "", box=None, pad_edge=False)
    for name in ("Năm", "Quy tắc", "Mức", "Tổ chức", "Nội dung"):
        table.add_column(name, overflow="fold")
    for f in findings:
        severity = Text(f.severity, style="red" if color and f.severity == "error" else "")
        message = f.message + (f" ({f.where})" if f.where else "") + (f" – {f.member}" if f.member else "")
        table.add_row(Text("" if f.year is None else str(f.year)), Text(f.rule), severity, Text(f.org), Text(message))
    return [table]


def render(figures, fmt: str, bom: bool = False) -> str:
    if fmt == "csv":
        text = to_csv(figures, excel=bom)
    elif fmt == "json":
        text = to_json(figures)
    else:
        raise ValueError(f"cannot render {fmt} as text")
    return ("\ufeff" + text) if bom else text


def _mode_for(path: Path) -> int:
    """The replaced file's mode, else what a new file gets under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # /dev/null, /dev/stdout, a FIFO: write
        with open(path, "wb") as stream:                              # through; a rename would replace the device
            stream.write(data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, _mode_for(path))  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# -- the report as a workbook -------------------------------------------------------------

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.00%"  # Excel shows it with the reader's separators: 65,36% on a Vietnamese system


def _put(ws, row: int, column: int, value, number_format: str | None = None) -> None:
    """One cell: numbers as numbers, text always as text (never a formula, whatever it starts with)."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
    else:
        cell.value = value
        if number_format:
            cell.number_format = number_format


def _sheet(wb, title: str, header: list[str], rows: list[list], formats: dict[int, str] | None = None) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    for j, name in enumerate(header, start=1):
        _put(ws, 1, j, name)
        ws.cell(row=1, column=j).font = Font(bold=True)
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, (formats or {}).get(j))
    ws.freeze_panes = "A2"
    for j, name in enumerate(header, start=1):
        width = max([len(str(name))] + [len(str(r[j - 1])) for r in rows[:200] if r[j - 1] is not None])
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = min(max(width + 2, 8), 60)


def report_xlsx(context: dict) -> bytes:
    """The tables of a report as a workbook: yearly figures, term figures, organisations,
    members per organisation, findings. Counts and shares are numbers with display formats."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    yearly = []
    for subject, block in context["subjects"].items():
        for y in block["years"]:
            for category, c in y["categories"].items():
                yearly.append([y["year"], subject, category, c["label"], c["count"], c["share"]])
            yearly.append([y["year"], subject, "exemplary_of_top", "Tiêu biểu trong số xếp loại cao nhất", None, y["nested"]["exemplary_of_top"]])
            yearly.append([y["year"], subject, "top_of_good_or_better", "Xếp loại cao nhất trong số tốt trở lên", None, y["nested"]["top_of_good_or_better"]])
    _sheet(wb, "Hằng năm", ["Năm", "Đối tượng", "Chỉ tiêu", "Nhãn", "Số lượng", "Tỷ lệ"], yearly, {5: COUNT_FORMAT, 6: SHARE_FORMAT})
    if context["report"]["kind"] == "term":
        term = [[subject, category, " / ".join(f["labels"]), f["value"], f["count"], f["first"], f["last"], f["change"], f["max_year"], f["min_year"]]
                for subject, block in context["subjects"].items() for category, f in block["term"].items()]
        _sheet(wb, "Nhiệm kỳ", ["Đối tượng", "Chỉ tiêu", "Nhãn", "Tỷ lệ nhiệm kỳ", "Tổng lượt", "Năm đầu", "Năm cuối", "Thay đổi", "Cao nhất", "Thấp nhất"],
               term, {4: SHARE_FORMAT, 5: COUNT_FORMAT, 6: SHARE_FORMAT, 7: SHARE_FORMAT, 8: "+0.00%;-0.00%;0.00%"})
    years = context["report"]["table_years"]
    orgs = [[o["subject"], o["org"], o["parent"], o["kind_name"], o["host_type"]] + [o["labels"][y] for y in years]
            + [o["years_top"], o["longest_top_run"], "x" if o["candidate"] else "", ", ".join(map(str, o["weak_years"])),
               "; ".join(f"{f['year']}: {f['from_label']} → {f['to_label']}" for f in o["falls"])] for o in context["organisations"]]
    _sheet(wb, "Tổ chức", ["Đối tượng", "Tổ chức", "Trực thuộc", "Loại", "Loại hình"] + [str(y) for y in years]
           + ["Số năm cao nhất", "Liên tục", "Đề nghị khen thưởng", "Năm HTNV trở xuống", "Giảm so với năm trước"], orgs)
    members = [[u["year"], u["org"], u["total"], u["exempt"], u["not_rated"], u["rated"], u["top"], u["good"], u["pass"], u["fail"], u["allowed"], u["excess"]]
               for u in context["member_units"]]
    _sheet(wb, "Đảng viên theo tổ chức", ["Năm", "Tổ chức", "Có mặt", "Miễn ĐG", "Chưa ĐG", "Được ĐG", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Tối đa HTXSNV", "Vượt"],
           members, {j: COUNT_FORMAT for j in range(3, 13)})
    findings = [[f["year"], f["rule"], f["severity"], f["org"], f["message"], f["source"], f["where"]] for f in context["findings"]]
    _sheet(wb, "Phát hiện", ["Năm", "Quy tắc", "Mức", "Tổ chức", "Nội dung", "Căn cứ", "Vị trí"], findings)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
