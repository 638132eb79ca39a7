"""The commands that read: classify, check, inspect."""

from __future__ import annotations

from typing import Annotated

import typer

from ccq_stats.cli.app import app
from ccq_stats.cli.logs import be_quiet, warnings_given
from ccq_stats.cli.options import (
    AsOfOpt,
    Base,
    By,
    ColumnOpt,
    DbOpt,
    ExcelOpt,
    FormatOpt,
    HeaderRowOpt,
    KindOpt,
    OutputOpt,
    QuietOpt,
    QuotaBase,
    RecursiveOpt,
    ScalesOpt,
    StorePathsArg,
    WarningsOpt,
    YearOpt,
    YearsFilterOpt,
)
from ccq_stats.cli.output import (
    choose_format,
    emit,
    excel_csv,
    refuse_overwriting_inputs,
    table_width,
    tables_text,
)
from ccq_stats.cli.preamble import bad_input_exits_2, progress_bar, read_where, say_store_state, store_for, value_of
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _


@app.command(help=_(
    "Classify every rating and count each tier per year: units, cells, members.\n\n"
    "Output columns: year, subject, [unit,] category, label, count, share. subject: units (chi, đảng bộ cơ sở), cells (chi bộ trực thuộc), members (đảng viên). share = count / rated (or / total with --base total) on top, exemplary, good, pass, fail and good_or_better.\n\n"
    "Examples:\n\n"
    "  ccq-stats classify sample_data/\n\n"
    "  ccq-stats classify dang_vien_2019.xlsx to_chuc_2019.xlsx --format csv\n\n"
    "  ccq-stats classify tong_hop.xlsx --year 2019 --by unit -o 2019.csv --bom\n\n"
    "  cat dang_vien.csv | ccq-stats classify - --kind members --format json"
))
@bad_input_exits_2
@keeps_warnings()
def classify(
    paths: StorePathsArg = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    by: Annotated[By, typer.Option(help=_("Figures per year, or per year and grassroots organisation (unit)."))] = By.year,
    base: Annotated[Base, typer.Option(help=_("Denominator of the shares: those rated (so với số được đánh giá) or the total."))] = Base.rated,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: Annotated[bool, typer.Option("--bom", help=_("Start the CSV with a UTF-8 BOM so that Excel reads the Vietnamese right."))] = False,
    excel: ExcelOpt = False,
    scales: ScalesOpt = None,
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    years: YearsFilterOpt = None,
    quiet: QuietOpt = False,
    strict: Annotated[bool, typer.Option("--strict", help=_("Exit with code 1, after writing the output, when the run gave a warning (a label off its year's scale, totals that do not add up …)."))] = False,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Classify every rating and count each tier per year: units, cells, members."""
    from ccq_stats import write
    from ccq_stats.api import classify_paths, classify_store, within_years

    be_quiet(quiet)
    store = store_for(paths, db, year=year, kind=kind, as_of=as_of)
    paths = read_where(paths, recursive)
    refuse_overwriting_inputs(output, paths or [], store)
    chosen = choose_format(fmt, output)
    chosen = excel_csv(excel, fmt, output, chosen)
    if store:
        figures, state = classify_store(store, by=by.value, base=base.value, scales_file=scales, as_of=as_of, with_state=True)
        say_store_state(state, quiet)
    else:
        with progress_bar() as progress:
            figures = classify_paths(paths, year=year, kind=value_of(kind), by=by.value, base=base.value, scales_file=scales,
                                     progress=progress, header_row=header_row, columns=column)
    figures = within_years(figures, years)
    if chosen == "table":
        text = tables_text(write.fitted_tables(figures, color=output is None, width=table_width(output is None)), to_terminal=output is None)
    elif chosen == "xlsx":
        text = write.figures_xlsx(figures)
    elif excel:
        text = write.excel_csv(figures)
    else:
        text = write.render(figures, chosen, bom=bom and chosen == "csv")  # a BOM before JSON breaks JSON readers
    emit(text, output)
    if strict and warnings_given.count:
        raise typer.Exit(1)


@app.command(help=_(
    "Check the rules staff check before signing (docs/domain.md §4) and list what breaks them.\n\n"
    "Rules: member_quota (HTXSNV/HTTNV ≤ 20% per organisation, from 2019, HD 21); top_unit_members / top_unit_cells (an HTXSNV organisation needs its members or cells 100% HTNV or better and ≥ 80% HTTNV or better); disciplined_not_fail (from 2018); weak_unit_members / weak_unit_cells (HD 27, 2014-2017); org_quota (a warning: HTXSNV/HTTNV organisations ≤ 20% per group, QĐ 124, 2023-2024); present_total, totals_row, counts_vs_rows (totals that do not add up); missing_year. Each finding cites the source of its rating year's regime; a rule is checked only in the years whose source has it, and a year whose source is not verified is said on stderr. The rule table (names, severities, sources by regime) is ccq_stats/rules.toml; a --scales file can amend it.\n\n"
    "Output columns: rule, severity, year, org, numbers, message, source, where (and member, with --names). Exit codes: 0 (findings are reported), 1 with --strict when a rule is broken, 2 bad input.\n\n"
    "Examples:\n\n"
    "  ccq-stats check sample_data/\n\n"
    "  ccq-stats check sample_data/ --strict --format csv -o phat_hien.csv\n\n"
    "  ccq-stats check so_luong_2019.xlsx --quota-base good_or_better"
))
@bad_input_exits_2
@keeps_warnings()
def check(
    paths: StorePathsArg = None,
    strict: Annotated[bool, typer.Option("--strict", help=_("Exit with code 1 when a rule is broken (findings of severity error)."))] = False,
    quota_base: Annotated[QuotaBase, typer.Option(help=_("Base of the 20% quotas (members, HD 21; organisations, QĐ 124): those rated good (HTTNV), or good or better."))] = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: Annotated[bool, typer.Option("--bom", help=_("Start the CSV with a UTF-8 BOM for Excel (formula-like text is neutralised)."))] = False,
    excel: ExcelOpt = False,
    names: Annotated[bool, typer.Option("--names", help=_("Add the member's name to findings about a member (a 'member' column). Names are personal data."))] = False,
    scales: ScalesOpt = None,
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    years: YearsFilterOpt = None,
    quiet: QuietOpt = False,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Check the rules staff check before signing (docs/domain.md §4) and list what breaks them."""
    from ccq_stats import write
    from ccq_stats.api import check_paths, check_store, within_years

    be_quiet(quiet)
    store = store_for(paths, db, year=year, kind=kind, as_of=as_of)
    paths = read_where(paths, recursive)
    refuse_overwriting_inputs(output, paths or [], store)
    chosen = choose_format(fmt, output)
    chosen = excel_csv(excel, fmt, output, chosen)
    base = (quota_base or QuotaBase.good).value
    if store and names:
        raise InputError(_("the store keeps no members' names, so --names needs the files"), hint=_("run check --names on the files themselves"))
    if store:
        findings, state = check_store(store, quota_base=base, scales_file=scales, as_of=as_of, with_state=True)
        say_store_state(state, quiet)
    else:
        with progress_bar() as progress:
            findings = check_paths(paths, year=year, kind=value_of(kind), quota_base=base, scales_file=scales, names=names,
                                   progress=progress, header_row=header_row, columns=column)
    findings = within_years(findings, years)
    if chosen == "table":
        text = tables_text(write.findings_table(findings, color=output is None), to_terminal=output is None)
    elif chosen == "xlsx":
        text = write.findings_xlsx(findings, names=names)
    elif excel:
        text = write.findings_excel_csv(findings, names=names)
    elif chosen == "csv":
        text = ("\ufeff" if bom else "") + write.findings_csv(findings, names=names, excel=bom)
    else:
        text = write.findings_json(findings, names=names)
    emit(text, output)
    if strict and any(f.severity == "error" for f in findings):
        raise typer.Exit(1)
