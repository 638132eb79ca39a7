"""The commands that write documents: report (term, year, month), forms, templates."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path
from typing import Annotated

import typer

from ccq_stats import api
from ccq_stats.api import outputs
from ccq_stats.cli.app import app
from ccq_stats.cli.options import (
    NAME,
    AboveOpt,
    AsOfOpt,
    ColumnOpt,
    CommitteeOpt,
    DbOpt,
    HeaderRowOpt,
    HerePathsArg,
    NumberOpt,
    OutputOpt,
    PlaceOpt,
    QuietOpt,
    QuotaBase,
    RecursiveOpt,
    ReportFormatOpt,
    ScalesOpt,
    SettingsOpt,
    SignerOpt,
    TermMean,
    WarningsOpt,
    date_option,
    orgs_file_option,
    output_option,
    parse_date,
    strict_option,
    year_option,
)
from ccq_stats.cli.output import choose_report_format, emit, format_of_suffix, month_output
from ccq_stats.cli.preamble import bad_input_exits_2, exit_if_broken, progress_bar, say_store_state, start
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.i18n import gettext as _


@app.command(
    help=_(
        "Write the Vietnamese term (nhiệm kỳ) or year report: narrative, tables, findings, lists.\n\n"
        'The narrative gives the headline figures the way a Ban Tổ chức writes them ("hơn 65%", "gần 30%"); the tables give every figure exactly, so that each narrative figure can be checked in the same report.\n\n'
        "Examples:\n\n"
        "  ccq-stats report --term 2015-2020 sample_data/\n\n"
        "  ccq-stats report --term 2015-2020 sample_data/ --format html -o bao_cao.html\n\n"
        "  ccq-stats report --year 2019 sample_data/ --format xlsx -o 2019.xlsx\n\n"
        "  ccq-stats report --term 2015-2020 sample_data/ --template my_report.md.j2\n\n"
        "  ccq-stats report --year 2019 sample_data/ -o bao_cao_2019.docx --settings ccq-stats.toml\n\n"
        "  ccq-stats report --month 2019-12 --db ccq.sqlite -o thang_12.md"
    )
)
@bad_input_exits_2
@keeps_warnings(reads_here=True)
def report(
    paths: HerePathsArg = None,
    term: Annotated[
        str | None,
        typer.Option(
            metavar=_("START-END"),
            help=_(
                "The term (nhiệm kỳ), e.g. 2015-2020: its rating years are 2015–2019 unless --years says otherwise."
            ),
        ),
    ] = None,
    year: Annotated[int | None, year_option(_("A one-year report instead of a term report."))] = None,
    years: Annotated[
        str | None,
        typer.Option(
            metavar="A-B", help=_("The rating years the term covers, e.g. 2016-2020 [default: START to END-1].")
        ),
    ] = None,
    term_mean: Annotated[
        TermMean, typer.Option(help=_("Term figure of each tier: the mean of the yearly shares, or pooled counts."))
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            metavar=_("NAME|FILE"),
            help=_("A built-in template (term, year) or a Jinja template file (see docs/templates.md)."),
        ),
    ] = None,
    fmt: ReportFormatOpt = None,
    output: OutputOpt = None,
    org: Annotated[
        str | None,
        typer.Option(
            metavar=NAME,
            help=_(
                'The party organisation the report is about, e.g. "{org}": a term or year report names it in the summary line under the title; the month summary prints it at the top [default there: {org}].'
            ).format(org=api.DEFAULT_ORG),
        ),
    ] = None,
    date: Annotated[str | None, date_option(_("The report's date, YYYY-MM-DD or DD/MM/YYYY [default: today]."))] = None,
    quota_base: Annotated[QuotaBase, typer.Option(help=_("Base of the 20% quota of HD 21 in the findings."))] = None,
    scales: ScalesOpt = None,
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    month: Annotated[
        str | None,
        typer.Option(
            metavar="YYYY-MM",
            help=_(
                "The monthly summary of the store for this month: YYYY-MM, last or this (template 'month'; '{month}' in -o becomes YYYY-MM)."
            ),
        ),
    ] = None,
    quiet: QuietOpt = False,
    strict: Annotated[
        bool,
        strict_option(
            _("Exit with code 1, after writing the report, when its findings include a broken rule (for cron).")
        ),
    ] = False,
    settings: SettingsOpt = None,
    above: AboveOpt = None,
    committee: CommitteeOpt = None,
    place: PlaceOpt = None,
    number: NumberOpt = None,
    signer: SignerOpt = None,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
    orgs: Annotated[
        str | None,
        orgs_file_option(
            _(
                "A lineage file (see ccq-stats orgs import) the per-organisation tables follow when the report reads files; the store's own lineage is used with the store."
            )
        ),
    ] = None,
) -> None:
    """Write the Vietnamese term (nhiệm kỳ) or year report: narrative, tables, findings, lists."""
    source = start(
        api.report_source(paths, db=db, as_of=as_of, recursive=recursive, month=month, term=term, year=year),
        output,
        quiet,
    )
    chosen = choose_report_format(fmt, output, template, month=month is not None)
    if month is not None:  # last, this -> YYYY-MM; thang_{month}.md -> thang_2019-12.md
        month = outputs.month_name(month)
        output = month_output(output, month)
        api.refuse_overwriting_inputs(output, source)
    issuer = outputs.issuer(settings, above=above, committee=committee, place=place, number=number, signer=signer)
    with progress_bar(source) as progress:
        context = api.report(
            source,
            api.ReadOptions(scales_file=scales, header_row=header_row, columns=column, progress=progress),
            term=term,
            year=year,
            years=years,
            mean=(term_mean or TermMean.shares).value,
            org=org,
            quota_base=(quota_base or QuotaBase.good).value,
            today=parse_date(date),
            issuer=issuer.record(),
            month=month,
            orgs_file=orgs,
        )
    emit(outputs.document(context, chosen, template=template, issuer=issuer), output)
    if chosen == "txt":  # the other formats name the store state inside the document
        say_store_state(context.get("store"), quiet)
    if month is not None and output is not None and not quiet:
        sys.stderr.write(_("ccq-stats: wrote the summary of {month} to {file}").format(month=month, file=output) + "\n")
    exit_if_broken(context["findings"], strict)


@app.command(
    help=_(
        "Write the party's statistics forms of a year as a workbook: organisations and members.\n\n"
        "Up to 2017 the forms known as Biểu 7A-TCTW and 7B-TCTW; from 2018 the forms of the Quy định 132 regime. Columns: Tổng số, Tỷ lệ (%) and the official host-type columns (loại hình: Xã … Loại hình khác), all of them in the official order; the input's host types map onto them through [forms.host_columns] of ccq_stats/documents.toml, and a host type it does not list goes to Loại hình khác with a warning. A figure the data cannot give (số mới thành lập, reasons for KHTNV, đảng bộ cơ sở when the input does not say which organisations are) is an empty cell, never 0, with a note on the form and a warning.\n\n"
        "Examples:\n\n"
        "  ccq-stats forms --year 2019 sample_data/ -o bieu_2019.xlsx\n\n"
        "  ccq-stats forms --year 2017 sample_data/ -o bieu_2017.xlsx --settings ccq-stats.toml\n\n"
        "  ccq-stats forms --year 2019 --db ccq.sqlite --as-of 3 --date 2020-01-15 -o bieu_2019.xlsx"
    )
)
@bad_input_exits_2
@keeps_warnings(reads_here=True)
def forms(
    paths: HerePathsArg = None,
    year: Annotated[int, year_option(_("The rating year of the forms."))] = ...,
    output: Annotated[Path, output_option(_("The workbook to write (.xlsx), atomically."))] = ...,
    date: Annotated[
        str | None, date_option(_("The date under the forms, YYYY-MM-DD or DD/MM/YYYY [default: today]."))
    ] = None,
    settings: SettingsOpt = None,
    committee: CommitteeOpt = None,
    place: PlaceOpt = None,
    signer: SignerOpt = None,
    scales: ScalesOpt = None,
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    quiet: QuietOpt = False,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Write the party's statistics forms of a year as a workbook: organisations and members."""
    source = start(
        api.source_of(paths, db=db, as_of=as_of, recursive=recursive, required=False, default=["."]), output, quiet
    )
    format_of_suffix(output, {".xlsx": "xlsx"}, None, has_format=False)
    issuer = outputs.issuer(settings, committee=committee, place=place, signer=signer)
    day = parse_date(date) or datetime.date.today()
    with progress_bar(source) as progress:
        figures = api.forms(source, api.ReadOptions(scales_file=scales, progress=progress), year=year)
    emit(outputs.forms_workbook(figures, issuer, day), output)


templates_app = typer.Typer(
    help=_("The built-in report templates: list them, copy one to start your own."), no_args_is_help=True
)
app.add_typer(templates_app, name="templates")


@templates_app.command(
    "list",
    help=_(
        "List the built-in templates: the reports (NAME.FORMAT.j2), then the parts they include.\n\n"
        "Example:\n\n"
        "  ccq-stats templates list"
    ),
)
@bad_input_exits_2
def templates_list() -> None:
    """List the built-in templates: the reports (NAME.FORMAT.j2), then the parts they include."""
    emit("".join(f"{name}\n" for name in outputs.template_names()), None)


@templates_app.command(
    "copy",
    help=_(
        "Copy a built-in template to start a template of your own; never overwrites a file.\n\n"
        "Examples:\n\n"
        "  ccq-stats templates copy term.md.j2 bao_cao_cua_toi.md.j2\n\n"
        "  ccq-stats report --term 2015-2020 sample_data/ --template bao_cao_cua_toi.md.j2"
    ),
)
@bad_input_exits_2
def templates_copy(
    name: Annotated[str, typer.Argument(metavar=NAME, help=_("A built-in template, e.g. term.md.j2 (or term.md)."))],
    dest: Annotated[
        Path | None,
        typer.Argument(
            metavar=_("[DEST]"), help=_("The new file, or a folder to copy into [default: the working folder].")
        ),
    ] = None,
) -> None:
    """Copy a built-in template to start a template of your own; never overwrites a file."""
    target = outputs.copy_template(name, dest)
    sys.stderr.write(_("ccq-stats: copied {name} to {file}").format(name=name, file=target) + "\n")
