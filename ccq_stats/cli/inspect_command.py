"""``ccq-stats inspect``: what the reader understood of each sheet."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ccq_stats.cli.app import app
from ccq_stats.cli.options import (
    ColumnOpt,
    HeaderRowOpt,
    InspectFormat,
    KindOpt,
    OutputOpt,
    PathsArg,
    RecursiveOpt,
    ScalesOpt,
    WarningsOpt,
    YearOpt,
)
from ccq_stats.cli.output import INSPECT_SUFFIXES, emit, format_of_suffix, refuse_overwriting_inputs
from ccq_stats.cli.preamble import bad_input_exits_2, read_where, value_of
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.i18n import gettext as _


@app.command(help=_(
    "Show what the reader understood of each sheet: header rows, each column's role and the words that decided it, the rating year and where it came from, the rows skipped and why, and the first data rows as read. A sheet that cannot be read is shown with its error.\n\n"
    "Examples:\n\n"
    "  ccq-stats inspect sample_data/dang_vien_2018.csv\n\n"
    "  ccq-stats inspect xep_loai.xlsx --header-row 5 --column rating='KQ' --format json"
))
@bad_input_exits_2
@keeps_warnings()
def inspect(
    paths: PathsArg,
    fmt: Annotated[Optional[InspectFormat], typer.Option("--format", "-f", help=_("table (for people) or json [default: table]."))] = None,
    output: OutputOpt = None,
    names: Annotated[bool, typer.Option("--names", help=_("Show member names in the first rows (masked by default: personal data)."))] = False,
    rows: Annotated[int, typer.Option("--rows", min=0, max=100, help=_("How many data rows to show per sheet."))] = 5,
    year: YearOpt = None,
    kind: KindOpt = None,
    scales: ScalesOpt = None,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Show what the reader understood of each sheet."""
    from ccq_stats.api import inspect_paths
    from ccq_stats.write.inspect import inspect_json, inspect_table

    paths = read_where(paths, recursive)
    refuse_overwriting_inputs(output, paths)
    sheets = inspect_paths(paths, year=year, kind=value_of(kind), scales_file=scales, header_row=header_row, columns=column,
                           names=names, rows=rows)
    said = format_of_suffix(output, INSPECT_SUFFIXES, value_of(fmt))
    chosen = value_of(fmt) or said or "table"
    emit(inspect_json(sheets) if chosen == "json" else inspect_table(sheets), output)
