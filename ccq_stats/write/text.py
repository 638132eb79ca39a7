"""Text writers: CSV, JSON and terminal tables of the figures and the findings.

Data is rendered to text in memory first, so a failure never leaves half a file (see files.py).
"""

from __future__ import annotations

import csv
import io
import json
import math

from ccq_stats.figures.findings import FINDING_COLUMNS  # the columns' contract, shared with the reader
from ccq_stats.vocabulary.scales import SUBJECT_TITLES  # noqa: F401 - display names are vocabulary; kept importable here


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


def _csv_text(header, rows, excel: bool, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
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


# --excel: CSV as Excel under Vietnamese regional settings reads it without an import dialogue.
# Its list separator is ";" and its decimal sign ",": a share 0.655 written "0,655000" is a number
# there, "0.655000" would be text (or a date). A BOM says UTF-8. Same columns, same values.
EXCEL_SEPARATOR = ";"


def _decimal_comma(value):
    """A float, or a share's text, with a decimal comma; anything else as it is."""
    if isinstance(value, float):
        value = repr(value)
    return (
        value.replace(".", ",") if isinstance(value, str) and value.replace(".", "", 1).lstrip("-").isdigit() else value
    )


def excel_csv(figures) -> str:
    """The classify records for Vietnamese Excel (--excel): a UTF-8 BOM, ";" between cells, the
    shares with a decimal comma, formula-like text neutralised (see for_excel)."""
    rows = []
    for row in figures.itertuples(index=False):
        values = row._asdict()
        values["share"] = _decimal_comma(_share_text(values["share"]))
        rows.append(list(values.values()))
    return "\ufeff" + _csv_text(list(figures.columns), rows, excel=True, delimiter=EXCEL_SEPARATOR)


def findings_excel_csv(findings, names: bool = False) -> str:
    """The findings for Vietnamese Excel (--excel, as excel_csv): a fraction among the numbers
    ("share=0,772727") gets a decimal comma too."""
    header, rows = finding_rows(findings, names)
    at = header.index("numbers")
    for row, finding in zip(rows, findings):
        row[at] = "; ".join(f"{k}={_decimal_comma(v)}" for k, v in finding.numbers.items())
    return "\ufeff" + _csv_text(header, rows, excel=True, delimiter=EXCEL_SEPARATOR)


def to_json(figures) -> str:
    return json.dumps(_records(figures), ensure_ascii=False, indent=1) + "\n"


def _cell(count, share, category: str = "") -> str:
    from ccq_stats.numbers import mean_score, pct, so  # the reports' Vietnamese numbers

    if category.startswith("mean") and _share_text(share) != "":  # a mean score, its share being the mean ÷ 100
        return f"{mean_score(share * 100)} điểm"
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
        table = Table(
            title=Text(title), title_justify="left", header_style="bold" if color else "", box=None, pad_edge=False
        )
        years = list(dict.fromkeys(group["year"]))
        table.add_column("Chỉ tiêu")
        for year in years:
            table.add_column(str(year), justify="right")
        for category, rows in group.groupby("category", sort=False):
            labels = " / ".join(dict.fromkeys(rows["label"]))  # the label changes with the regime
            by_year = {r.year: _cell(r.count, r.share, category) for r in rows.itertuples()}
            table.add_row(Text(labels), *(by_year.get(y, "") for y in years))
        tables.append(table)
    return tables


def _numbers_text(numbers: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in numbers.items())


def _finding_columns(names: bool) -> tuple:
    return FINDING_COLUMNS + (("member",) if names else ())


def finding_rows(findings, names: bool = False) -> tuple[tuple, list[list]]:
    """The columns and rows of the findings table (CSV, xlsx); ``numbers`` as text."""
    rows = []
    for f in findings:
        record = f.record()
        record["numbers"] = _numbers_text(record["numbers"])
        record["year"] = "" if record["year"] is None else record["year"]
        rows.append([record[c] for c in _finding_columns(names)])
    return _finding_columns(names), rows


def findings_csv(findings, names: bool = False, excel: bool = False) -> str:
    """Findings as CSV; with ``names`` a last column ``member`` (only for findings about a member)."""
    header, rows = finding_rows(findings, names)
    return _csv_text(header, rows, excel)


def findings_json(findings, names: bool = False) -> str:
    """Findings as JSON: the CSV's columns, then ``place``, the finding's place as fields under
    English keys (file, sheet, row, column, header), the same whatever the user's language."""
    columns = _finding_columns(names) + ("place",)
    return json.dumps([{c: f.record()[c] for c in columns} for f in findings], ensure_ascii=False, indent=1) + "\n"


def findings_table(findings, color: bool):
    """Findings for people: each rule by its Vietnamese name, each severity in Vietnamese (the
    CSV and JSON keep the ids)."""
    from rich.table import Table
    from rich.text import Text  # plain text: an organisation name is never read as markup

    from ccq_stats.figures.rules import rule_name, severity_name

    table = Table(
        title=f"{len(findings)} trường hợp" if findings else "Không có trường hợp nào",
        title_justify="left",
        header_style="bold" if color else "",
        box=None,
        pad_edge=False,
    )
    for name in ("Năm", "Quy tắc", "Mức", "Tổ chức", "Nội dung"):
        table.add_column(name, overflow="fold")
    for f in findings:
        severity = Text(severity_name(f.severity), style="red" if color and f.severity == "error" else "")
        where = str(f.where)  # the place for people, in their language (CSV and JSON keep English words)
        message = f.message + (f" ({where})" if where else "") + (f" – {f.member}" if f.member else "")
        table.add_row(
            Text("" if f.year is None else str(f.year)), Text(rule_name(f.rule)), severity, Text(f.org), Text(message)
        )
    return [table]


def render(figures, fmt: str, bom: bool = False) -> str:
    if fmt == "csv":
        text = to_csv(figures, excel=bom)
    elif fmt == "json":
        text = to_json(figures)
    else:
        raise ValueError(f"cannot render {fmt} as text")
    return ("\ufeff" + text) if bom else text
