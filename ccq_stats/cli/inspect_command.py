"""``ccq-stats inspect``: what the reader understood of each sheet."""

from __future__ import annotations

from typing import Annotated

import typer

from ccq_stats import api
from ccq_stats.api import outputs
from ccq_stats.cli.app import app
from ccq_stats.cli.options import (
    ColumnOpt,
    HeaderRowOpt,
    InspectFormatOpt,
    KindOpt,
    OutputOpt,
    PathsArg,
    RecursiveOpt,
    ScalesOpt,
    WarningsOpt,
    YearOpt,
    names_option,
    read_options,
    value_of,
)
from ccq_stats.cli.output import INSPECT_SUFFIXES, emit, format_of_suffix
from ccq_stats.cli.preamble import bad_input_exits_2, start
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.i18n import gettext as _


@app.command(
    help=_(
        "Show what the reader understood of each sheet: header rows, each column's role and the words that decided it, the rating year and where it came from, the rows skipped and why, and the first data rows as read. A sheet that cannot be read is shown with its error.\n\n"
        "Examples:\n\n"
        "  ccq-stats inspect sample_data/dang_vien_2018.csv\n\n"
        "  ccq-stats inspect xep_loai.xlsx --header-row 5 --column rating='KQ' --format json"
    )
)
@bad_input_exits_2
@keeps_warnings()
def inspect(
    paths: PathsArg,
    fmt: InspectFormatOpt = None,
    output: OutputOpt = None,
    names: Annotated[
        bool, names_option(_("Show member names in the first rows (masked by default: personal data)."))
    ] = False,
    rows: Annotated[
        int, typer.Option("--rows", min=0, max=100, metavar="N", help=_("How many data rows to show per sheet."))
    ] = 5,
    year: YearOpt = None,
    kind: KindOpt = None,
    scales: ScalesOpt = None,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Show what the reader understood of each sheet."""
    options = read_options(year, kind, scales, header_row, column)
    source = start(api.source_of(paths, options=options, recursive=recursive), output)
    sheets = api.inspect(source, options, names=names, rows=rows)
    said = format_of_suffix(output, INSPECT_SUFFIXES, value_of(fmt))
    emit(outputs.inspect_output(sheets, value_of(fmt) or said or "table"), output)
