"""The commands that read: classify, check, inspect."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import typer

from ccq_stats import api
from ccq_stats.api import outputs
from ccq_stats.cli.app import app
from ccq_stats.cli.logs import warnings_given
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
    bom_option,
    names_option,
    read_options,
    strict_option,
)
from ccq_stats.cli.output import choose_format, data_text, emit, excel_csv, table_width
from ccq_stats.cli.preamble import bad_input_exits_2, exit_if_broken, progress_bar, say_store_state, start
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.i18n import gettext as _


@app.command(
    help=_(
        "Classify every rating and count each tier per year: units, cells, members.\n\n"
        "Output columns: year, subject, [unit,] category, label, count, share. subject: units (chi, đảng bộ cơ sở), cells (chi bộ trực thuộc), members (đảng viên). share = count / rated (or / total with --base total) on top, exemplary, good, pass, fail and good_or_better.\n\n"
        "Examples:\n\n"
        "  ccq-stats classify sample_data/\n\n"
        "  ccq-stats classify dang_vien_2019.xlsx to_chuc_2019.xlsx --format csv\n\n"
        "  ccq-stats classify tong_hop.xlsx --year 2019 --by unit -o 2019.csv --bom\n\n"
        "  cat dang_vien.csv | ccq-stats classify - --kind members --format json"
    )
)
@bad_input_exits_2
@keeps_warnings()
def classify(
    paths: StorePathsArg = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    by: Annotated[
        By, typer.Option(help=_("Figures per year, or per year and grassroots organisation (unit)."))
    ] = By.year,
    base: Annotated[
        Base, typer.Option(help=_("Denominator of the shares: those rated (so với số được đánh giá) or the total."))
    ] = Base.rated,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: Annotated[
        bool, bom_option(_("Start the CSV with a UTF-8 BOM so that Excel reads the Vietnamese right."))
    ] = False,
    excel: ExcelOpt = False,
    scales: ScalesOpt = None,
    db: DbOpt = None,
    as_of: AsOfOpt = None,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    years: YearsFilterOpt = None,
    quiet: QuietOpt = False,
    strict: Annotated[
        bool,
        strict_option(
            _(
                "Exit with code 1, after writing the output, when the run gave a warning (a label off its year's scale, totals that do not add up …)."
            )
        ),
    ] = False,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Classify every rating and count each tier per year: units, cells, members."""
    options = read_options(year, kind, scales, header_row, column)
    source = start(api.source_of(paths, db=db, as_of=as_of, options=options, recursive=recursive), output, quiet)
    chosen = excel_csv(excel, fmt, output, choose_format(fmt, output))
    with progress_bar(source) as progress:
        figures, state = api.classify(
            source, replace(options, progress=progress), by=by.value, base=base.value, years=years, with_state=True
        )
    say_store_state(state, quiet)
    terminal = output is None
    emit(
        data_text(
            outputs.figures_output(figures, chosen, bom=bom, excel=excel, color=terminal, width=table_width(terminal)),
            chosen,
            output,
        ),
        output,
    )
    if strict and warnings_given.count:
        raise typer.Exit(1)


@app.command(
    help=_(
        "Check the rules staff check before signing (docs/domain.md §4) and list what breaks them.\n\n"
        "Rules (the rule table, ccq_stats/rules.toml, gives their names, severities and sources by regime; a --scales file can amend it): {rules}. Each finding cites the source of its rating year's regime; a rule is checked only in the years whose source has it, and a year whose source is not verified is said on stderr.\n\n"
        "Output columns: rule, severity, year, org, numbers, message, source, where (and member, with --names). Exit codes: 0 (findings are reported), 1 with --strict when a rule is broken, 2 bad input.\n\n"
        "Examples:\n\n"
        "  ccq-stats check sample_data/\n\n"
        "  ccq-stats check sample_data/ --strict --format csv -o phat_hien.csv\n\n"
        "  ccq-stats check so_luong_2019.xlsx --quota-base good_or_better"
    ).format(rules=outputs.rules_listed())
)
@bad_input_exits_2
@keeps_warnings()
def check(
    paths: StorePathsArg = None,
    strict: Annotated[
        bool, strict_option(_("Exit with code 1 when a rule is broken (findings of severity error)."))
    ] = False,
    quota_base: Annotated[
        QuotaBase,
        typer.Option(
            help=_(
                "Base of the 20% quotas (members, HD 21; organisations, QĐ 124): those rated good (HTTNV), or good or better."
            )
        ),
    ] = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: Annotated[
        bool, bom_option(_("Start the CSV with a UTF-8 BOM for Excel (formula-like text is neutralised)."))
    ] = False,
    excel: ExcelOpt = False,
    names: Annotated[
        bool,
        names_option(
            _("Add the member's name to findings about a member (a 'member' column). Names are personal data.")
        ),
    ] = False,
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
    options = read_options(year, kind, scales, header_row, column)
    source = start(api.source_of(paths, db=db, as_of=as_of, options=options, recursive=recursive), output, quiet)
    chosen = excel_csv(excel, fmt, output, choose_format(fmt, output))
    with progress_bar(source) as progress:
        findings, state = api.check(
            source,
            replace(options, progress=progress),
            quota_base=(quota_base or QuotaBase.good).value,
            names=names,
            years=years,
            with_state=True,
        )
    say_store_state(state, quiet)
    emit(
        data_text(
            outputs.findings_output(findings, chosen, bom=bom, excel=excel, names=names, color=output is None),
            chosen,
            output,
        ),
        output,
    )
    exit_if_broken(findings, strict)
