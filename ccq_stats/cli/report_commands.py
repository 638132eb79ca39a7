"""The commands that write documents: report (term, year, month), forms, templates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ccq_stats.cli.app import app
from ccq_stats.cli.logs import be_quiet
from ccq_stats.cli.options import (
    AboveOpt,
    AsOfOpt,
    ColumnOpt,
    CommitteeOpt,
    DbOpt,
    HeaderRowOpt,
    NumberOpt,
    OutputOpt,
    PlaceOpt,
    QuietOpt,
    QuotaBase,
    RecursiveOpt,
    ReportFormat,
    ScalesOpt,
    SettingsOpt,
    SignerOpt,
    TermMean,
    WarningsOpt,
)
from ccq_stats.cli.output import (
    MONTH_FORMATS,
    REPORT_SUFFIXES,
    choose_report_format,
    emit,
    format_of_suffix,
    refuse_overwriting_inputs,
)
from ccq_stats.cli.preamble import (
    bad_input_exits_2,
    exit_if_broken,
    issuer_of,
    parse_date,
    progress_bar,
    read_where,
    say_store_state,
    store_for,
    value_of,
)
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _


@app.command(help=_(
    "Write the Vietnamese term (nhiệm kỳ) or year report: narrative, tables, findings, lists.\n\n"
    'The narrative gives the headline figures the way a Ban Tổ chức writes them ("hơn 65%", "gần 30%"); the tables give every figure exactly, so that each narrative figure can be checked in the same report.\n\n'
    "Examples:\n\n"
    "  ccq-stats report --term 2015-2020 sample_data/\n\n"
    "  ccq-stats report --term 2015-2020 sample_data/ --format html -o bao_cao.html\n\n"
    "  ccq-stats report --year 2019 sample_data/ --format xlsx -o 2019.xlsx\n\n"
    "  ccq-stats report --term 2015-2020 sample_data/ --template my_report.md.j2\n\n"
    "  ccq-stats report --year 2019 sample_data/ -o bao_cao_2019.docx --settings ccq-stats.toml\n\n"
    "  ccq-stats report --month 2019-12 --db ccq.sqlite -o thang_12.md"
))
@bad_input_exits_2
@keeps_warnings(reads_here=True)
def report(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="[PATH]...", help=_("Spreadsheets or folders [default: the spreadsheets in the current folder]."))] = None,
    term: Annotated[Optional[str], typer.Option(help=_("The term (nhiệm kỳ), e.g. 2015-2020: its rating years are 2015–2019 unless --years says otherwise."))] = None,
    year: Annotated[Optional[int], typer.Option(min=1945, max=2100, help=_("A one-year report instead of a term report."))] = None,
    years: Annotated[Optional[str], typer.Option(help=_("The rating years the term covers, e.g. 2016-2020 [default: START to END-1]."))] = None,
    term_mean: Annotated[TermMean, typer.Option(help=_("Term figure of each tier: the mean of the yearly shares, or pooled counts."))] = None,
    template: Annotated[Optional[str], typer.Option(help=_("A built-in template (term, year) or a Jinja template file (see docs/templates.md)."))] = None,
    fmt: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help=_("md, html, txt, xlsx or docx [default: what the -o file's suffix says, else the template file's name, else md]."))] = None,
    output: OutputOpt = None,
    org: Annotated[Optional[str], typer.Option(help=_("The party organisation the report is about, e.g. \"Đảng bộ Khối các cơ quan tỉnh\": a term or year report names it in the summary line under the title; the month summary prints it at the top [default there: Đảng bộ Khối các cơ quan tỉnh]."))] = None,
    date: Annotated[Optional[str], typer.Option("--date", help=_("The report's date, YYYY-MM-DD or DD/MM/YYYY [default: today]."))] = None,
    quota_base: Annotated[QuotaBase, typer.Option(help=_("Base of the 20% quota of HD 21 in the findings."))] = None,
    scales: ScalesOpt = None,
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    month: Annotated[Optional[str], typer.Option(help=_("The monthly summary of the store for this month: YYYY-MM, last or this (template 'month'; '{month}' in -o becomes YYYY-MM)."))] = None,
    quiet: QuietOpt = False,
    strict: Annotated[bool, typer.Option("--strict", help=_("Exit with code 1, after writing the report, when its findings include a broken rule (for cron)."))] = False,
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
) -> None:
    """Write the Vietnamese term (nhiệm kỳ) or year report: narrative, tables, findings, lists."""
    from ccq_stats.api import report_paths, report_store

    be_quiet(quiet)
    if month is not None:
        from ccq_stats.report import DEFAULT_ORG

        issuer = issuer_of(settings, above=above, committee=committee, place=place, number=number, signer=signer)
        context = _month_report(month, db, paths, template, fmt, output, org or DEFAULT_ORG, date, quota_base, scales, term,
                                year, quiet, issuer, as_of)
        exit_if_broken(context, strict)
        return
    store = store_for(paths, db, required=False, as_of=as_of)
    paths = None if store else read_where(paths or ["."], recursive)  # with a store, the store is the source
    refuse_overwriting_inputs(output, paths or [], store)
    chosen = choose_report_format(fmt, output, template)
    if chosen in ("xlsx", "docx") and output is None and sys.stdout.isatty():
        raise InputError(_("an {format} file is not for the terminal").format(format=chosen), hint=_("add -o bao_cao.{format}").format(format=chosen))
    issuer = issuer_of(settings, above=above, committee=committee, place=place, number=number, signer=signer)
    options = dict(term=term, year=year, years=years, mean=(term_mean or TermMean.shares).value, org=org,
                   quota_base=(quota_base or QuotaBase.good).value, scales_file=scales, today=parse_date(date),
                   issuer=issuer.record())
    if store:
        context = report_store(store, as_of=as_of, **options)
    else:
        with progress_bar() as progress:
            context = report_paths(paths, progress=progress, header_row=header_row, columns=column, **options)
    if chosen == "docx":
        from ccq_stats.write.document import report_docx
        from ccq_stats.write.settings import rulebook

        emit(report_docx(context, issuer, rulebook(issuer.rulebook)), output)
        exit_if_broken(context, strict)
        return
    if chosen == "xlsx":
        from ccq_stats.write import report_xlsx

        emit(report_xlsx(context), output)
        exit_if_broken(context, strict)
        return
    from ccq_stats.render import render_report
    from ccq_stats.write.stamp import comment

    emit(comment(render_report(context, template or ("term" if term else "year"), chosen), context.get("store"), chosen), output)
    if chosen not in ("html", "md"):
        say_store_state(context.get("store"), quiet)
    exit_if_broken(context, strict)


def _month_report(month, db, paths, template, fmt, output, org, date, quota_base, scales, term, year, quiet, issuer,
                  as_of=None) -> dict:
    """``report --month``: the monthly summary of the store, from the built-in ``month`` templates
    (md, html, txt) or in the party's document form (docx), headed by ``issuer`` as every report."""
    from ccq_stats.api import month_report
    from ccq_stats.render import format_of_template, render_report

    if paths or term or year:
        raise InputError(_("--month summarises the store: give no PATH, --term or --year with it"),
                         hint=_("e.g. ccq-stats report --month 2019-12 --db ccq.sqlite"))
    said = format_of_suffix(output, REPORT_SUFFIXES, value_of(fmt))
    by_template = format_of_template(template) if template and template != "month" else None
    if said and by_template and said != by_template and fmt is None:
        raise InputError(_("the file name says {said} but the template writes {format}").format(said=said, format=by_template),
                         file=str(output), hint=_("name the file .{format}, or use a {said} template").format(format=by_template, said=said))
    chosen = value_of(fmt) or by_template or said or "md"
    if chosen not in MONTH_FORMATS:  # never Markdown under a .docx name: the format the name says, or an error
        raise InputError(_("the monthly summary has no {format} form yet").format(format=chosen),
                         hint=_("use --format md, html, txt or docx"))
    if chosen == "docx" and output is None and sys.stdout.isatty():
        raise InputError(_("an {format} file is not for the terminal").format(format=chosen), hint=_("add -o bao_cao.{format}").format(format=chosen))
    from ccq_stats.month import parse_month
    from ccq_stats.store import locate

    first = parse_month(month)
    if output is not None and "{month}" in str(output):  # one file per month: thang_{month}.html -> thang_2019-12.html
        output = Path(str(output).replace("{month}", first.strftime("%Y-%m")))
    refuse_overwriting_inputs(output, [], locate(db))
    context = month_report(db, month=first.strftime("%Y-%m"), org=org, quota_base=(quota_base or QuotaBase.good).value,
                           scales_file=scales, today=parse_date(date), as_of=as_of, issuer=issuer.record())
    from ccq_stats.write.stamp import comment

    if chosen == "docx":
        from ccq_stats.write.document import month_docx
        from ccq_stats.write.settings import rulebook

        emit(month_docx(context, issuer, rulebook(issuer.rulebook)), output)
    else:
        emit(comment(render_report(context, template or "month", chosen), context["store"], chosen), output)
    if chosen not in ("html", "md", "docx"):
        say_store_state(context["store"], quiet)
    if output is not None and not quiet:
        sys.stderr.write(_("ccq-stats: wrote the summary of {month} to {file}").format(month=f"{first:%Y-%m}", file=output) + "\n")
    return context


@app.command(help=_(
    "Write the party's statistics forms of a year as a workbook: organisations and members.\n\n"
    "Up to 2017 the forms known as Biểu 7A-TCTW and 7B-TCTW; from 2018 the forms of the Quy định 132 regime. Columns: Tổng số, Tỷ lệ (%) and the official host-type columns (loại hình: Xã … Loại hình khác), all of them in the official order; the input's host types map onto them through [forms.host_columns] of ccq_stats/documents.toml, and a host type it does not list goes to Loại hình khác with a warning. A figure the data cannot give (số mới thành lập, reasons for KHTNV, đảng bộ cơ sở when the input does not say which organisations are) is an empty cell, never 0, with a note on the form and a warning.\n\n"
    "Examples:\n\n"
    "  ccq-stats forms --year 2019 sample_data/ -o bieu_2019.xlsx\n\n"
    "  ccq-stats forms --year 2017 sample_data/ -o bieu_2017.xlsx --settings ccq-stats.toml\n\n"
    "  ccq-stats forms --year 2019 --db ccq.sqlite --as-of 3 --date 2020-01-15 -o bieu_2019.xlsx"
))
@bad_input_exits_2
@keeps_warnings(reads_here=True)
def forms(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="[PATH]...", help=_("Spreadsheets or folders [default: the spreadsheets in the current folder]."))] = None,
    year: Annotated[int, typer.Option(min=1945, max=2100, help=_("The rating year of the forms."))] = ...,
    output: Annotated[Path, typer.Option("--output", "-o", help=_("The workbook to write (.xlsx), atomically."))] = ...,
    date: Annotated[Optional[str], typer.Option("--date", help=_("The date under the forms, YYYY-MM-DD or DD/MM/YYYY [default: today]."))] = None,
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
    from ccq_stats.api import forms_paths, forms_store
    from ccq_stats.write.forms import forms_xlsx
    from ccq_stats.write.settings import rulebook

    be_quiet(quiet)
    store = store_for(paths, db, required=False, as_of=as_of)
    paths = [] if store else read_where(paths or ["."], recursive)  # with a store, the folder is not read
    refuse_overwriting_inputs(output, paths, store)
    format_of_suffix(output, {".xlsx": "xlsx"}, None, has_format=False)
    issuer = issuer_of(settings, committee=committee, place=place, signer=signer)
    day = parse_date(date) or __import__("datetime").date.today()
    if store:
        figures = forms_store(store, year=year, scales_file=scales, as_of=as_of)
    else:
        with progress_bar() as progress:
            figures = forms_paths(paths, year=year, scales_file=scales, progress=progress)
    emit(forms_xlsx(figures, issuer, rulebook(issuer.rulebook), day, figures.get("store")), output)


templates_app = typer.Typer(help=_("The built-in report templates: list them, copy one to start your own."), no_args_is_help=True)
app.add_typer(templates_app, name="templates")


@templates_app.command("list", help=_(
    "List the built-in templates: the reports (NAME.FORMAT.j2), then the parts they include.\n\n"
    "Example:\n\n"
    "  ccq-stats templates list"
))
@bad_input_exits_2
def templates_list() -> None:
    """List the built-in templates: the reports (NAME.FORMAT.j2), then the parts they include."""
    from ccq_stats.api import template_names

    emit("".join(f"{name}\n" for name in template_names()), None)


@templates_app.command("copy", help=_(
    "Copy a built-in template to start a template of your own; never overwrites a file.\n\n"
    "Examples:\n\n"
    "  ccq-stats templates copy term.md.j2 bao_cao_cua_toi.md.j2\n\n"
    "  ccq-stats report --term 2015-2020 sample_data/ --template bao_cao_cua_toi.md.j2"
))
@bad_input_exits_2
def templates_copy(
    name: Annotated[str, typer.Argument(help=_("A built-in template, e.g. term.md.j2 (or term.md)."))],
    dest: Annotated[Optional[Path], typer.Argument(help=_("The new file, or a folder to copy into [default: the working folder]."))] = None,
) -> None:
    """Copy a built-in template to start a template of your own; never overwrites a file."""
    from ccq_stats.api import copy_template

    target = copy_template(name, dest)
    sys.stderr.write(_("ccq-stats: copied {name} to {file}").format(name=name, file=target) + "\n")
