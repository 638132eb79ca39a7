"""The ``ccq-stats`` command line: parse options, call ``ccq_stats.api``, write the result.

Kept thin and light: pandas, openpyxl and the readers are imported inside the commands, so
``ccq-stats --help`` and ``--version`` start fast. Exit codes: 0 success (warnings on stderr),
2 bad input or usage.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ccq_stats import __version__
from ccq_stats.errors import InputError, escaped
from ccq_stats.i18n import gettext as _, ngettext

# Help texts are help=_("...") on the decorators and options, in the user's language (read once, when
# this module is imported): Typer cannot translate a docstring, so a command's docstring is a short
# note for Python readers only.
app = typer.Typer(
    name="ccq-stats",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Kind(str, Enum):
    units = "units"
    members = "members"
    counts = "counts"


class By(str, Enum):
    year = "year"
    unit = "unit"


class Base(str, Enum):
    rated = "rated"
    total = "total"


class QuotaBase(str, Enum):
    good = "good"
    good_or_better = "good_or_better"


class TermMean(str, Enum):
    shares = "shares"
    pooled = "pooled"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    txt = "txt"
    xlsx = "xlsx"
    docx = "docx"


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ccq-stats {__version__}")
        raise typer.Exit()


@app.callback(help=_(
    "Party-building rating statistics (thống kê đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên): read the yearly rating spreadsheets, classify every rating, count the shares.\n\n"
    "Examples:\n\n"
    "  ccq-stats classify sample_data/\n\n"
    "  ccq-stats classify xep_loai_2019.xlsx --by unit --format csv -o 2019.csv"
))
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=_("Print the version and exit."))
    ] = False,
) -> None:
    """Before any command: the warnings' handler on stderr; the numeric settings checked (one
    line naming a bad one, before any work)."""
    _setup_logging()
    from ccq_stats.environment import check_all

    try:
        check_all()
    except InputError as exc:
        sys.stderr.write(_("ccq-stats: error: {message}").format(message=exc) + "\n")
        raise typer.Exit(2) from None


def _bad_input_exits_2(command):
    """Bad input: one line on stderr, exit code 2, nothing on stdout (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            sys.stderr.write(_("ccq-stats: error: {message}").format(message=exc) + "\n")
            raise typer.Exit(2) from None

    return wrapper


# Options shared by the commands.
PathsArg = Annotated[list[str], typer.Argument(metavar="PATH", help=_("Spreadsheets (.xlsx .xlsm .xlsb .xls .ods .csv .tsv), folders of them (sub-folders with --recursive), or - for CSV on stdin."))]
# import keeps where each record came from (the file, its sheet and row): standard input has no name to keep
ImportPathsArg = Annotated[Optional[list[str]], typer.Argument(metavar="[PATH]...", help=_("Spreadsheets (.xlsx .xlsm .xlsb .xls .ods .csv .tsv) or folders of them (sub-folders with --recursive); not standard input: the store keeps the file each record came from."))]
YearOpt = Annotated[Optional[int], typer.Option(min=1945, max=2100, help=_("Rating year for sheets that name none (no 'Năm' column, sheet name or title)."))]
KindOpt = Annotated[Optional[Kind], typer.Option(help=_("Read every sheet as this shape instead of recognising it from the headers."))]
RecursiveOpt = Annotated[bool, typer.Option("--recursive", "-r", help=_("Read the sub-folders of the folders given too (without it they are not read, and a warning says so)."))]
YearsFilterOpt = Annotated[Optional[str], typer.Option("--years", metavar="A-B", help=_("Keep only these rating years in the output, e.g. 2016-2019 or 2019 (--year says which year a sheet is; this filters)."))]
def _dash_is_stdout(value: Optional[Path]) -> Optional[Path]:
    """``-o -`` means standard output, as ``-`` means standard input."""
    return None if value is not None and str(value) == "-" else value


OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", callback=_dash_is_stdout, help=_("Write to this file (atomically) instead of stdout; - for stdout."))]
ScalesOpt = Annotated[Optional[Path], typer.Option(help=_("A TOML file of extra label aliases, regimes or rule sources (same shape as ccq_stats/scales.toml and rules.toml)."))]
FormatOpt = Annotated[Optional[Format], typer.Option("--format", "-f", help=_("Output format [default: what the -o file's suffix says (.csv .json .xlsx); else table on a terminal, csv in a pipe]."))]

# Steering the header finder (also for `import`): where it cannot tell, the user says.
HeaderRowOpt = Annotated[Optional[int], typer.Option("--header-row", min=1, metavar="N", help=_("The header's (first) row, as Excel numbers it, where the reader does not find it (see ccq-stats inspect)."))]
ColumnOpt = Annotated[Optional[list[str]], typer.Option("--column", metavar="ROLE=HEADER", help=_("Which column is which, by its header text; repeatable. ROLE: org (= unit), parent, kind, rating, year, name, birth, card, discipline, seq, host_type, total, rated, ignore, or top/good/pass/fail/exempt/not_rated for a count column."))]

# Who issues a document (see ccq_stats/write/settings.py): a settings file and options over it.
SettingsOpt = Annotated[Optional[Path], typer.Option("--settings", help=_("A settings file with an [issuer] table [default: ccq-stats.toml in the working folder, if there is one]."))]
AboveOpt = Annotated[Optional[str], typer.Option("--above", help=_("The body above the issuing committee, e.g. 'ĐẢNG BỘ TỈNH BÌNH DƯƠNG'."))]
CommitteeOpt = Annotated[Optional[str], typer.Option("--committee", help=_("The issuing committee [default: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH]."))]
PlaceOpt = Annotated[Optional[str], typer.Option("--place", help=_("The place before the date: '<place>, ngày … tháng … năm …'."))]
NumberOpt = Annotated[Optional[str], typer.Option("--number", help=_("The document's number: 'Số <number>-BC/ĐUK'."))]
SignerOpt = Annotated[Optional[str], typer.Option("--signer", help=_("Who signs (the name under the signature block)."))]


def _store_help() -> str:
    from ccq_stats.store import default_location

    return _("The store (ccq-stats import): an SQLite file or a postgresql:// URL [default: $CCQ_STATS_DB, else {location}].").format(
        location=default_location())


DbOpt = Annotated[Optional[str], typer.Option("--db", metavar="PATH|URL", help=_store_help())]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", metavar="IMPORT|DATE", help=_("Read the store as it stood after that import (its number in ccq-stats history) or at the end of that day (YYYY-MM-DD, local time)."))]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help=_("Errors only on stderr: no warnings, no summaries (for cron; --strict still sees the warnings)."))]
StorePathsArg = Annotated[Optional[list[str]], typer.Argument(metavar="[PATH]...", help=_("Spreadsheets, folders of them (sub-folders with --recursive), or - for CSV on stdin [default: the store, when there is one]."))]

# -- --warnings FILE: the run's warnings also as data, for a job to act on ------------------

WarningsOpt = Annotated[Optional[Path], typer.Option("--warnings", metavar="FILE", help=_("Also write the run's warnings, and the error that ended it, to FILE at the end: .csv, or .json/.jsonl (one JSON object per line); columns level, file, sheet, row, column, message. Written with --quiet too."))]
ExcelOpt = Annotated[bool, typer.Option("--excel", help=_("CSV for Excel under Vietnamese regional settings: UTF-8 with a BOM, ';' between cells, a decimal comma in the shares (0,655000), formula-like text neutralised [implies --format csv]."))]


def _excel_csv(excel: bool, fmt: Optional[Format], output: Optional[Path], chosen: str) -> str:
    """--excel writes CSV: the format, unless --format or the -o file's name says another."""
    if not excel:
        return chosen
    if fmt is not None and fmt.value != "csv":
        raise InputError(_("--excel writes CSV, but --format says {format}").format(format=fmt.value),
                         hint=_("drop --format (or say --format csv), or drop --excel"))
    said = _format_of_suffix(output, DATA_SUFFIXES, None)
    if said is not None and said != "csv":
        raise InputError(_("--excel writes CSV, but the file name says {format}").format(format=said), file=str(output),
                         hint=_("name the file .csv"))
    return "csv"


def _keeps_warnings(reads_here: bool = False):
    """``--warnings FILE``: every warning of the run (the notes with their place, and plain log
    warnings) kept by a logging handler and written atomically when the run ends – also when it
    ends with bad input (exit 2: the error is the last row) or with --strict's exit 1. A crash
    writes nothing, so no file means the run did not finish. ``reads_here``: without PATHs the
    command reads the working folder (report, forms)."""

    def decorate(command):
        @functools.wraps(command)
        def wrapper(*args, **kwargs):
            path = kwargs.get("warnings")
            if path is None:
                return command(*args, **kwargs)
            paths = kwargs.get("paths") or (["."] if reads_here else [])
            form = _warnings_form(path, kwargs.get("output"), _read_where(paths, kwargs.get("recursive", False)))
            kept = _WarningRows()
            logger = logging.getLogger("ccq_stats")
            logger.addHandler(kept)
            try:
                result = command(*args, **kwargs)
            except InputError as exc:
                kept.add_error(exc)
                with contextlib.suppress(InputError):  # the folder was checked first; the run's own error matters more
                    _write_warnings(path, kept.rows, form)
                raise
            except typer.Exit:  # --strict's exit 1 (and any other deliberate exit): the run is over
                _write_warnings(path, kept.rows, form)
                raise
            finally:
                logger.removeHandler(kept)
            _write_warnings(path, kept.rows, form)
            return result

        return wrapper

    return decorate


def _warnings_form(path: Path, output: Optional[Path], paths: list[str]) -> str:
    """The form of the --warnings file ("csv" or "jsonl"), after checking that it can be written
    and replaces neither the output nor an input (checked before anything is read)."""
    from ccq_stats.reading.sources import expand_paths, is_one_of
    from ccq_stats.write.warnings_file import WARNINGS_SUFFIXES

    if str(path) == "-":
        raise InputError(_("--warnings cannot be standard output: the data goes there"),
                         hint=_("give a file name, e.g. --warnings warnings.csv"))
    form = WARNINGS_SUFFIXES.get(path.suffix.lower())
    if form is None:
        raise InputError(_("--warnings writes a .csv, .json or .jsonl file"), file=str(path),
                         hint=_("end the name in .csv (a table) or .jsonl (one JSON object per line)"))
    if path.is_dir() or not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise InputError(_("the --warnings file cannot be written there (a folder, or in a folder that does not exist)"),
                         file=str(path), hint=_("give a file name in an existing folder"))
    if output is not None and (path.resolve() == output.resolve() or is_one_of(path, [str(output)])):
        raise InputError(_("--warnings and -o name the same file"), file=str(path), hint=_("give the warnings another file name"))
    if path.exists():
        try:
            inputs = expand_paths(paths)
        except InputError:  # a folder without spreadsheets: reading it will say so (and that error is kept)
            inputs = paths
        if is_one_of(path, inputs):
            raise InputError(_("the --warnings file is one of the inputs"), file=str(path),
                             hint=_("write the warnings to another file"))
    return form


class _WarningRows(logging.Handler):
    """The run's warnings as rows of the --warnings file, whether or not --quiet keeps them from stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.rows: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        from ccq_stats.write.warnings_file import warning_row

        note = getattr(record, "note", None)  # api._tell sends each note along: its place as columns
        level = "error" if record.levelno >= logging.ERROR else "warning"
        if note is not None:
            self.rows.append(warning_row(level, note.where, note.message))
        else:
            self.rows.append(warning_row(level, None, record.getMessage()))

    def add_error(self, error: InputError) -> None:
        """The bad-input error that ended the run: its place as columns, the rest (message, value,
        hint) as the message, as stderr says it after the place."""
        from ccq_stats.write.warnings_file import warning_row

        what = InputError(error.message, value=error.value, hint=error.hint)
        self.rows.append(warning_row("error", error.where, str(what)))


def _write_warnings(path: Path, rows: list[dict], form: str) -> None:
    from ccq_stats import write
    from ccq_stats.write.warnings_file import warnings_text

    try:
        write.atomic_write(path, warnings_text(rows, form).encode("utf-8"))
    except OSError as exc:
        raise InputError(_("cannot write the warnings file: {reason}").format(reason=exc.strerror), file=str(path),
                         hint=_("check the folder exists and is writable")) from None


@app.command(help=_(
    "Classify every rating and count each tier per year: units, cells, members.\n\n"
    "Output columns: year, subject, [unit,] category, label, count, share. subject: units (chi, đảng bộ cơ sở), cells (chi bộ trực thuộc), members (đảng viên). share = count / rated (or / total with --base total) on top, exemplary, good, pass, fail and good_or_better.\n\n"
    "Examples:\n\n"
    "  ccq-stats classify sample_data/\n\n"
    "  ccq-stats classify dang_vien_2019.xlsx to_chuc_2019.xlsx --format csv\n\n"
    "  ccq-stats classify tong_hop.xlsx --year 2019 --by unit -o 2019.csv --bom\n\n"
    "  cat dang_vien.csv | ccq-stats classify - --kind members --format json"
))
@_bad_input_exits_2
@_keeps_warnings()
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

    _be_quiet(quiet)
    store = _store_for(paths, db, year=year, kind=kind, as_of=as_of)
    paths = _read_where(paths, recursive)
    _refuse_overwriting_inputs(output, paths or [], store)
    chosen = _choose_format(fmt, output)
    chosen = _excel_csv(excel, fmt, output, chosen)
    if store:
        figures, state = classify_store(store, by=by.value, base=base.value, scales_file=scales, as_of=as_of, with_state=True)
        _say_store_state(state, quiet)
    else:
        with _progress() as progress:
            figures = classify_paths(paths, year=year, kind=_value(kind), by=by.value, base=base.value, scales_file=scales,
                                     progress=progress, header_row=header_row, columns=column)
    figures = within_years(figures, years)
    if chosen == "table":
        text = _tables_text(write.fitted_tables(figures, color=output is None, width=_table_width(output is None)), to_terminal=output is None)
    elif chosen == "xlsx":
        text = write.figures_xlsx(figures)
    elif excel:
        text = write.excel_csv(figures)
    else:
        text = write.render(figures, chosen, bom=bom and chosen == "csv")  # a BOM before JSON breaks JSON readers
    _emit(text, output)
    if strict and _warnings_given.count:
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
@_bad_input_exits_2
@_keeps_warnings()
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

    _be_quiet(quiet)
    store = _store_for(paths, db, year=year, kind=kind, as_of=as_of)
    paths = _read_where(paths, recursive)
    _refuse_overwriting_inputs(output, paths or [], store)
    chosen = _choose_format(fmt, output)
    chosen = _excel_csv(excel, fmt, output, chosen)
    base = (quota_base or QuotaBase.good).value
    if store and names:
        raise InputError(_("the store keeps no members' names, so --names needs the files"), hint=_("run check --names on the files themselves"))
    if store:
        findings, state = check_store(store, quota_base=base, scales_file=scales, as_of=as_of, with_state=True)
        _say_store_state(state, quiet)
    else:
        with _progress() as progress:
            findings = check_paths(paths, year=year, kind=_value(kind), quota_base=base, scales_file=scales, names=names,
                                   progress=progress, header_row=header_row, columns=column)
    findings = within_years(findings, years)
    if chosen == "table":
        text = _tables_text(write.findings_table(findings, color=output is None), to_terminal=output is None)
    elif chosen == "xlsx":
        text = write.findings_xlsx(findings, names=names)
    elif excel:
        text = write.findings_excel_csv(findings, names=names)
    elif chosen == "csv":
        text = ("\ufeff" if bom else "") + write.findings_csv(findings, names=names, excel=bom)
    else:
        text = write.findings_json(findings, names=names)
    _emit(text, output)
    if strict and any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


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
@_bad_input_exits_2
@_keeps_warnings(reads_here=True)
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
    orgs: Annotated[Optional[str], typer.Option("--orgs", metavar="FILE", help=_("A lineage file (see ccq-stats orgs import) the per-organisation tables follow when the report reads files; the store's own lineage is used with the store."))] = None,
) -> None:
    """Write the Vietnamese term (nhiệm kỳ) or year report: narrative, tables, findings, lists."""
    from ccq_stats.api import report_paths, report_store

    _be_quiet(quiet)
    if month is not None:
        from ccq_stats.report import DEFAULT_ORG

        issuer = _issuer(settings, above=above, committee=committee, place=place, number=number, signer=signer)
        context = _month_report(month, db, paths, template, fmt, output, org or DEFAULT_ORG, date, quota_base, scales, term,
                                year, quiet, issuer, as_of)
        _exit_if_broken(context, strict)
        return
    store = _store_for(paths, db, required=False, as_of=as_of)
    paths = None if store else _read_where(paths or ["."], recursive)  # with a store, the store is the source
    _refuse_overwriting_inputs(output, paths or [], store)
    chosen = _choose_report_format(fmt, output, template)
    if chosen in ("xlsx", "docx") and output is None and sys.stdout.isatty():
        raise InputError(_("an {format} file is not for the terminal").format(format=chosen), hint=_("add -o bao_cao.{format}").format(format=chosen))
    issuer = _issuer(settings, above=above, committee=committee, place=place, number=number, signer=signer)
    options = dict(term=term, year=year, years=years, mean=(term_mean or TermMean.shares).value, org=org,
                   quota_base=(quota_base or QuotaBase.good).value, scales_file=scales, today=_parse_date(date),
                   issuer=issuer.record())
    if store:
        if orgs is not None:
            raise InputError(_("--orgs is for reading files; the store follows its own lineage"), value=orgs,
                             hint=_("record it in the store: ccq-stats orgs import FILE"))
        context = report_store(store, as_of=as_of, **options)
    else:
        with _progress() as progress:
            context = report_paths(paths, progress=progress, header_row=header_row, columns=column, orgs_file=orgs, **options)
    if chosen == "docx":
        from ccq_stats.write.document import report_docx
        from ccq_stats.write.settings import rulebook

        _emit(report_docx(context, issuer, rulebook(issuer.rulebook)), output)
        _exit_if_broken(context, strict)
        return
    if chosen == "xlsx":
        from ccq_stats.write import report_xlsx

        _emit(report_xlsx(context), output)
        _exit_if_broken(context, strict)
        return
    from ccq_stats.render import render_report
    from ccq_stats.write.stamp import comment

    _emit(comment(render_report(context, template or ("term" if term else "year"), chosen), context.get("store"), chosen), output)
    if chosen not in ("html", "md"):
        _say_store_state(context.get("store"), quiet)
    _exit_if_broken(context, strict)


def _exit_if_broken(context: dict, strict: bool) -> None:
    """--strict: exit code 1 when a finding of the report is a broken rule (severity error)."""
    if strict and any(f["severity"] == "error" for f in context["findings"]):
        raise typer.Exit(1)


def _month_report(month, db, paths, template, fmt, output, org, date, quota_base, scales, term, year, quiet, issuer,
                  as_of=None) -> dict:
    """``report --month``: the monthly summary of the store, from the built-in ``month`` templates
    (md, html, txt) or in the party's document form (docx), headed by ``issuer`` as every report."""
    from ccq_stats.api import month_report
    from ccq_stats.render import format_of_template, render_report

    if paths or term or year:
        raise InputError(_("--month summarises the store: give no PATH, --term or --year with it"),
                         hint=_("e.g. ccq-stats report --month 2019-12 --db ccq.sqlite"))
    said = _format_of_suffix(output, REPORT_SUFFIXES, _value(fmt))
    by_template = format_of_template(template) if template and template != "month" else None
    if said and by_template and said != by_template and fmt is None:
        raise InputError(_("the file name says {said} but the template writes {format}").format(said=said, format=by_template),
                         file=str(output), hint=_("name the file .{format}, or use a {said} template").format(format=by_template, said=said))
    chosen = _value(fmt) or by_template or said or "md"
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
    _refuse_overwriting_inputs(output, [], locate(db))
    context = month_report(db, month=first.strftime("%Y-%m"), org=org, quota_base=(quota_base or QuotaBase.good).value,
                           scales_file=scales, today=_parse_date(date), as_of=as_of, issuer=issuer.record())
    from ccq_stats.write.stamp import comment

    if chosen == "docx":
        from ccq_stats.write.document import month_docx
        from ccq_stats.write.settings import rulebook

        _emit(month_docx(context, issuer, rulebook(issuer.rulebook)), output)
    else:
        _emit(comment(render_report(context, template or "month", chosen), context["store"], chosen), output)
    if chosen not in ("html", "md", "docx"):
        _say_store_state(context["store"], quiet)
    if output is not None and not quiet:
        sys.stderr.write(_("ccq-stats: wrote the summary of {month} to {file}").format(month=f"{first:%Y-%m}", file=output) + "\n")
    return context


def _say_store_state(state: Optional[dict], quiet: bool) -> None:
    """On stderr: the store state an output was built from (outputs without a place for it)."""
    from ccq_stats.write.stamp import note

    if state and not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in [note(state)]))


def _store_for(paths: Optional[list[str]], db: Optional[str], year=None, kind=None, required: bool = True,
               as_of: Optional[str] = None) -> Optional[str]:
    """The store a reading command reads – ``--db``, or, when no PATH is given, the store if
    there is one – or None to read the files (an error when there are none and ``required``)."""
    from ccq_stats.store import exists, locate

    if as_of is not None and paths:
        raise InputError(_("--as-of reads the store: give no PATH with it"), value=as_of, hint=_("drop the PATHs, and give --db if the store is not the default one"))
    if db is None and paths:
        return None
    if db is not None and paths:
        raise InputError(_("give files or --db, not both"), hint=_("drop --db to read the files, or the PATHs to read the store"))
    location = locate(db)
    if db is None and not exists(location):
        if required or as_of is not None:
            raise InputError(_("no PATH given and no store yet"), file=location,
                             hint=_("give the spreadsheets, or import them first: ccq-stats import PATH"))
        return None
    if year is not None or kind is not None:
        raise InputError(_("--year and --kind are for reading files; the store's records have their years and shapes"),
                         hint=_("give them to ccq-stats import"))
    return location


def _issuer(settings: Optional[Path], **overrides):
    from ccq_stats.write.settings import load_issuer

    return load_issuer(settings, overrides)


@app.command(help=_(
    "Write the party's statistics forms of a year as a workbook: organisations and members.\n\n"
    "Up to 2017 the forms known as Biểu 7A-TCTW and 7B-TCTW; from 2018 the forms of the Quy định 132 regime. Columns: Tổng số, Tỷ lệ (%) and the official host-type columns (loại hình: Xã … Loại hình khác), all of them in the official order; the input's host types map onto them through [forms.host_columns] of ccq_stats/documents.toml, and a host type it does not list goes to Loại hình khác with a warning. A figure the data cannot give (số mới thành lập, reasons for KHTNV, đảng bộ cơ sở when the input does not say which organisations are) is an empty cell, never 0, with a note on the form and a warning.\n\n"
    "Examples:\n\n"
    "  ccq-stats forms --year 2019 sample_data/ -o bieu_2019.xlsx\n\n"
    "  ccq-stats forms --year 2017 sample_data/ -o bieu_2017.xlsx --settings ccq-stats.toml\n\n"
    "  ccq-stats forms --year 2019 --db ccq.sqlite --as-of 3 --date 2020-01-15 -o bieu_2019.xlsx"
))
@_bad_input_exits_2
@_keeps_warnings(reads_here=True)
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

    _be_quiet(quiet)
    store = _store_for(paths, db, required=False, as_of=as_of)
    paths = [] if store else _read_where(paths or ["."], recursive)  # with a store, the folder is not read
    _refuse_overwriting_inputs(output, paths, store)
    _format_of_suffix(output, {".xlsx": "xlsx"}, None, has_format=False)
    issuer = _issuer(settings, committee=committee, place=place, signer=signer)
    day = _parse_date(date) or __import__("datetime").date.today()
    if store:
        figures = forms_store(store, year=year, scales_file=scales, as_of=as_of)
    else:
        with _progress() as progress:
            figures = forms_paths(paths, year=year, scales_file=scales, progress=progress)
    _emit(forms_xlsx(figures, issuer, rulebook(issuer.rulebook), day, figures.get("store")), output)


@app.command(help=_(
    "Write the collection workbook of a year, to send down to every organisation and read back exactly.\n\n"
    "A first sheet 'Hướng dẫn' (what to fill, the year's labels and their meaning, the deadline and address of the settings file, the checks that will be made), then the list in the layout the reader knows: the rating column a drop-down of the year's labels, from 2025 the score columns (0-100, whole or half points), a discipline and a notes column; the header locked without a password, the rows to fill open; a hidden marker by which ccq-stats recognises the workbook when it comes back. The organisations, their kinds and chi bộ trực thuộc come from the store (--db) or --org; a member list is pre-filled from last year's list (--from).\n\n"
    "Examples:\n\n"
    "  ccq-stats blank --year 2025 --db ccq.sqlite -o thu_thap_2025/\n\n"
    "  ccq-stats blank --year 2025 --org 'Chi bộ Sở Tư pháp' --from dang_vien_2024.xlsx -o tu_phap_2025.xlsx\n\n"
    "  ccq-stats blank --year 2025 --shape counts --db ccq.sqlite -o so_luong_2025.xlsx"
))
@_bad_input_exits_2
def blank(
    year: Annotated[int, typer.Option(min=1945, max=2100, help=_("The rating year the workbook collects."))] = ...,
    output: Annotated[Path, typer.Option("--output", "-o", help=_("The workbook to write (.xlsx), or a folder (a name without a suffix) for one workbook per organisation; written atomically."))] = ...,
    org: Annotated[Optional[list[str]], typer.Option("--org", help=_("An organisation to write for (repeatable) [default: those the store expects to report the year]."))] = None,
    shape: Annotated[Kind, typer.Option("--shape", help=_("What the organisations fill: a member list, organisation ratings, or member counts."))] = Kind.members,
    from_: Annotated[Optional[list[str]], typer.Option("--from", metavar="FILE", help=_("Last year's member list: its members pre-fill the list of their organisation (repeatable)."))] = None,
    db: DbOpt = None,
    settings: SettingsOpt = None,
    scales: ScalesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write the collection workbook of a year, to send down to every organisation and read back exactly."""
    from ccq_stats import write
    from ccq_stats.api import blank_workbooks

    _be_quiet(quiet)
    books = blank_workbooks(year=year, output=output, shape=shape.value, orgs=org, db=db, from_paths=from_,
                            settings=settings, scales_file=scales)
    for path, data in books:
        if path.parent != Path("") and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_overwriting_inputs(path, list(from_ or []))
        try:
            write.atomic_write(path, data)
        except OSError as exc:
            raise InputError(_("cannot write the output: {reason}").format(reason=exc.strerror), file=str(path),
                             hint=_("check the folder exists and is writable")) from None
    if not quiet:
        sys.stderr.write(_("ccq-stats: wrote {count} collection workbook(s) for {year}: {files}").format(
            count=len(books), year=year, files=", ".join(str(p) for p, _data in books[:3]) + (" …" if len(books) > 3 else "")) + "\n")


templates_app = typer.Typer(help=_("The built-in report templates: list them, copy one to start your own."), no_args_is_help=True)
app.add_typer(templates_app, name="templates")


@templates_app.command("list", help=_(
    "List the built-in templates: the reports (NAME.FORMAT.j2), then the parts they include.\n\n"
    "Example:\n\n"
    "  ccq-stats templates list"
))
@_bad_input_exits_2
def templates_list() -> None:
    """List the built-in templates: the reports (NAME.FORMAT.j2), then the parts they include."""
    from ccq_stats.api import template_names

    _emit("".join(f"{name}\n" for name in template_names()), None)


@templates_app.command("copy", help=_(
    "Copy a built-in template to start a template of your own; never overwrites a file.\n\n"
    "Examples:\n\n"
    "  ccq-stats templates copy term.md.j2 bao_cao_cua_toi.md.j2\n\n"
    "  ccq-stats report --term 2015-2020 sample_data/ --template bao_cao_cua_toi.md.j2"
))
@_bad_input_exits_2
def templates_copy(
    name: Annotated[str, typer.Argument(help=_("A built-in template, e.g. term.md.j2 (or term.md)."))],
    dest: Annotated[Optional[Path], typer.Argument(help=_("The new file, or a folder to copy into [default: the working folder]."))] = None,
) -> None:
    """Copy a built-in template to start a template of your own; never overwrites a file."""
    from ccq_stats.api import copy_template

    target = copy_template(name, dest)
    sys.stderr.write(_("ccq-stats: copied {name} to {file}").format(name=name, file=target) + "\n")


class InspectFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(help=_(
    "Show what the reader understood of each sheet: header rows, each column's role and the words that decided it, the rating year and where it came from, the rows skipped and why, and the first data rows as read. A sheet that cannot be read is shown with its error.\n\n"
    "Examples:\n\n"
    "  ccq-stats inspect sample_data/dang_vien_2018.csv\n\n"
    "  ccq-stats inspect xep_loai.xlsx --header-row 5 --column rating='KQ' --format json"
))
@_bad_input_exits_2
@_keeps_warnings()
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

    paths = _read_where(paths, recursive)
    _refuse_overwriting_inputs(output, paths)
    sheets = inspect_paths(paths, year=year, kind=_value(kind), scales_file=scales, header_row=header_row, columns=column,
                           names=names, rows=rows)
    said = _format_of_suffix(output, INSPECT_SUFFIXES, _value(fmt))
    chosen = _value(fmt) or said or "table"
    _emit(inspect_json(sheets) if chosen == "json" else inspect_table(sheets), output)


def _parse_date(text: Optional[str]):
    import datetime

    if text is None:
        return None
    try:
        if "/" in text:  # 21/10/2020, as Vietnamese documents write dates
            day, month, year = (int(part) for part in text.split("/"))
            return datetime.date(year, month, day)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(_("--date is not a date"), value=text,
                         hint=_("write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2020-10-21 or 21/10/2020")) from None


@contextlib.contextmanager
def _progress(delay: float = 2.0):
    """A progress bar over the files on stderr – only at a terminal, and only once reading has
    taken `delay` seconds; nothing at all in a pipe or a cron job."""
    if not sys.stderr.isatty() or "CCQ_NO_PROGRESS" in os.environ:
        yield None
        return
    import threading

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn(_("reading")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"),
                   console=Console(stderr=True), transient=True)
    task = bar.add_task("", total=None)
    timer = threading.Timer(delay, bar.start)
    timer.daemon = True
    timer.start()

    def update(done: int, total: int, path: str) -> None:
        bar.update(task, completed=done, total=total, description=Path(path).name if path else "")

    try:
        yield update
    finally:
        timer.cancel()
        bar.stop()


def _value(option: Optional[Enum]) -> Optional[str]:
    return option.value if option is not None else None


# What an -o file's suffix says: the format of classify and check, and of report.
DATA_SUFFIXES = {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}
REPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "txt", ".html": "html", ".htm": "html", ".xlsx": "xlsx",
                   ".docx": "docx"}
INSPECT_SUFFIXES = {".json": "json", ".txt": "table"}
MONTH_FORMATS = ("md", "html", "txt", "docx")  # what the monthly summary can be written as
# Suffixes that name a format: a command writes under one of them only the format it names,
# --format or not (".txt" is plain text of any kind: not among them).
FORMAT_SUFFIXES = frozenset(DATA_SUFFIXES) | frozenset(REPORT_SUFFIXES) - {".txt"} | {
    ".tsv", ".jsonl", ".xls", ".xlsm", ".xlsb", ".ods", ".odt", ".doc", ".rtf", ".pdf", ".xml", ".parquet", ".pq",
    ".sqlite", ".sqlite3", ".db", ".zip"}


def _format_of_suffix(output: Optional[Path], suffixes: dict, fmt: Optional[str], has_format: bool = True) -> Optional[str]:
    """The format an -o file's suffix names, checked against --format: a suffix that contradicts
    it, or that the command cannot write, is an error. None when the name says nothing (no
    suffix, as /dev/stdout, or an unknown one under an explicit --format)."""
    suffix = output.suffix.lower() if output is not None else ""
    said = suffixes.get(suffix)
    writable = ", ".join(dict.fromkeys(suffixes))
    if said is None and suffix and (fmt is None or suffix in FORMAT_SUFFIXES):  # never one format under another's name
        hint = (_("end the name in one of {suffixes}, or say --format") if has_format and suffix not in FORMAT_SUFFIXES
                else _("end the name in one of {suffixes}"))
        raise InputError(_("cannot write a {suffix} file (this command writes {suffixes})").format(suffix=suffix, suffixes=writable),
                         file=str(output), hint=hint.format(suffixes=writable))
    if said is not None and fmt is not None and said != fmt:
        raise InputError(_("the file name says {said} but --format says {format}").format(said=said, format=fmt), file=str(output),
                         hint=_("name the file .{format}, or drop --format").format(format=fmt))
    return said


def _choose_format(fmt: Optional[Format], output: Optional[Path]) -> str:
    """An explicit --format wins; else what the -o file's suffix says; else a table at a
    terminal, CSV otherwise."""
    said = _format_of_suffix(output, DATA_SUFFIXES, _value(fmt))
    if fmt is not None:
        return fmt.value
    if said:
        return said
    return "table" if output is None and sys.stdout.isatty() else "csv"


def _choose_report_format(fmt: Optional[ReportFormat], output: Optional[Path], template: Optional[str]) -> str:
    """--format, else the -o suffix, else the template file's name, else md; any two that
    disagree are an error."""
    from ccq_stats.render import BUILTIN, format_of_template

    said = _format_of_suffix(output, REPORT_SUFFIXES, _value(fmt))
    by_template = format_of_template(template) if template and template not in BUILTIN else None
    if said and by_template and said != by_template and fmt is None:
        raise InputError(_("the file name says {said} but the template writes {format}").format(said=said, format=by_template),
                         file=str(output), hint=_("name the file .{format}, or use a {said} template").format(format=by_template, said=said))
    return _value(fmt) or said or by_template or "md"


def _read_where(paths: Optional[list[str]], recursive: bool) -> Optional[list[str]]:
    """The PATHs to read: with --recursive, each folder's sub-folders that hold spreadsheets too."""
    if not recursive or not paths:
        return paths
    from ccq_stats.reading.sources import with_subfolders

    return with_subfolders(paths)


def _refuse_overwriting_inputs(output: Optional[Path], paths: list[str], store: Optional[str] = None) -> None:
    """An output must not replace a file that is read: the files typed, and those found inside the
    folders typed (``report`` reads the current folder by default), or the store read, through any link."""
    if output is None:
        return
    from ccq_stats.reading.sources import expand_paths, is_one_of
    from ccq_stats.store.backends import is_url

    if output.is_dir():
        raise InputError(_("the output is a folder"), file=str(output), hint=_("give a file name, e.g. -o ket_qua.csv"))
    if is_one_of(output, expand_paths(paths) + ([store] if store and not is_url(store) else [])):
        raise InputError(_("the output file is one of the inputs"), file=str(output), hint=_("write the result to another file"))


def _emit(data: str | bytes, output: Optional[Path]) -> None:
    """Write the whole result: to a file atomically, or to stdout (quietly if the pipe closes)."""
    from ccq_stats import write

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        try:
            write.atomic_write(output, raw)
        except OSError as exc:
            raise InputError(_("cannot write the output: {reason}").format(reason=exc.strerror), file=str(output),
                             hint=_("check the folder exists and is writable")) from None
        return
    if isinstance(data, str) and sys.stdout.isatty():
        raw = for_terminal(data).encode("utf-8")
    try:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_pipe()
    except OSError as exc:  # > /dev/full, a full disk, a quota: said once; the unwritten rest is dropped
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the flush at exit does not fail a second time
        raise InputError(_("cannot write the output: {reason}").format(reason=exc.strerror), file="<stdout>",
                         hint=_("check the disk the output goes to has room")) from None


_SGR = r"\x1b\[[0-9;]*m"  # the colours our own tables write (rich)
_TERMINAL_CONTROL = re.compile(f"({_SGR})|([\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f])")


def for_terminal(text: str) -> str:
    """Text for a terminal with every control character shown escaped (\\x1b, \\x07), as file
    names are in messages, so that no name can move the cursor, retitle the window or clear
    the screen; lines, tabs and the colours of our own tables pass. The one function for text
    that goes to a terminal (names have no control characters after reading: this is the guard
    behind that rule)."""
    return _TERMINAL_CONTROL.sub(lambda m: m[1] or escaped(m[2]), text)


def _tables_text(tables, to_terminal: bool) -> str:
    """Tables rendered as text: coloured only on a terminal without NO_COLOR."""
    import io

    from rich.console import Console

    terminal = to_terminal and sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=terminal, no_color=not terminal or "NO_COLOR" in os.environ,
                      width=_table_width(to_terminal))
    for table in tables:
        console.print(table)
        console.print()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _table_width(to_terminal: bool) -> int:
    """The width tables are fitted to and rendered at: the terminal's (COLUMNS, if set), else 160."""
    from rich.console import Console

    return Console().width if to_terminal and sys.stdout.isatty() else 160


def _quiet_pipe() -> None:
    """The reader closed the pipe (| head): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(0)


class _StderrFormatter(logging.Formatter):
    def __init__(self, color: bool) -> None:
        super().__init__()
        self.color = color

    def format(self, record: logging.LogRecord) -> str:
        level = _("error") if record.levelno >= logging.ERROR else _("warning") if record.levelno >= logging.WARNING else _("note")
        tag = f"\x1b[33m{level}\x1b[0m" if self.color and record.levelno >= logging.WARNING else level
        return f"ccq-stats: {tag}: {escaped(record.getMessage())}"  # one line, and no name's ESC reaches the terminal


class _WarningCount(logging.Handler):
    """How many warnings a run gave (for --strict), whether or not --quiet kept them from stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_warnings_given = _WarningCount()


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    handler.setFormatter(_StderrFormatter(color))
    logger = logging.getLogger("ccq_stats")
    _warnings_given.count = 0
    logger.handlers[:] = [handler, _warnings_given]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def _be_quiet(quiet: bool) -> None:
    """--quiet: errors only on stderr (the warnings are still counted, for --strict)."""
    if quiet:
        logging.getLogger("ccq_stats").handlers[0].setLevel(logging.ERROR)


# -- the store: import, history, roster ----------------------------------------------------

@app.command("import", help=_(
    "Store the ratings of the files: read and classify them exactly like classify, then replace, per year, the stored records of the organisations they contain (one transaction).\n\n"
    "Importing the same files again changes nothing. A corrected file replaces its organisations' records of that year and the changes are listed on stderr (added, changed, removed); the replaced records are kept as earlier versions (--as-of, history). A failed or killed import leaves the store as it was.\n\n"
    "Examples:\n\n"
    "  ccq-stats import sample_data/dang_vien_2018.csv\n\n"
    "  ccq-stats import to_chuc_2019.xlsx --db /srv/ccq/ccq.sqlite --dry-run\n\n"
    "  ccq-stats import so_lieu/ --db postgresql://ccq@db.local/ccq\n\n"
    "  ccq-stats import --revert 7 --dry-run"
))
@_bad_input_exits_2
@_keeps_warnings()
def import_(
    paths: ImportPathsArg = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    db: DbOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Read, classify and say what would change; write nothing."))] = False,
    revert: Annotated[Optional[int], typer.Option("--revert", metavar="IMPORT", min=1, help=_("Undo that import by a new one: what it replaced comes back, what it added is closed (refused when a later import changed the same records)."))] = None,
    scales: ScalesOpt = None,
    quiet: QuietOpt = False,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Store the ratings of the files in the store (replacing, per year, their organisations' records)."""
    from ccq_stats.api import import_paths
    from ccq_stats.store import locate
    from ccq_stats.store.backends import shown

    _be_quiet(quiet)
    if revert is not None:
        from ccq_stats.api import import_revert

        if paths:
            raise InputError(_("--revert undoes an import: give no PATH with it"), value=str(revert), hint=_("e.g. ccq-stats import --revert 7"))
        result = import_revert(revert, db=db, dry_run=dry_run, command=f"import --revert {revert}")
        if not quiet:
            sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in _import_lines(result, shown(locate(db)))))
        return
    if not paths:
        raise InputError(_("give the files to import"), hint=_("e.g. ccq-stats import sample_data/"))
    paths = _read_where(paths, recursive)
    with _progress() as progress:
        result = import_paths(paths, db=db, year=year, kind=_value(kind), scales_file=scales, dry_run=dry_run, progress=progress,
                              command="import " + " ".join(paths), header_row=header_row, columns=column)
    if not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in _import_lines(result, shown(locate(db)))))


def _import_lines(result, where: str) -> list[str]:
    """What an import says: one line per year, one per organisation changed."""
    files = ", ".join(f"{f['file']} (sha256 {f['sha256'][:12]})" for f in result.files)
    if not result.changed:
        return [_("nothing changed: {store} already holds these ratings from {files}").format(store=where, files=files)]
    if result.dry_run and result.command_kind == "revert":
        lines = [_("would undo the import as a new import into {store}").format(store=where)]
    elif result.command_kind == "revert":
        lines = [_("undone by a new import (import {id}) into {store}").format(id=result.import_id, store=where)]
    elif result.dry_run:
        lines = [_("would import {files} into {store}").format(files=files, store=where)]
    else:
        lines = [_("imported (import {id}) {files} into {store}").format(id=result.import_id, files=files, store=where)]
    for year, t in result.summary["years"].items():
        lines.append(_("{year}: organisations {orgs_added} added, {orgs_changed} changed, {orgs_unchanged} unchanged; "
                       "records {records_added} added, {records_changed} changed, {records_removed} removed").format(
            year=year, orgs_added=t["orgs_added"], orgs_changed=t["orgs_changed"], orgs_unchanged=t["orgs_unchanged"],
            records_added=t["records_added"], records_changed=t["records_changed"], records_removed=t["records_removed"]))
    for o in result.summary["orgs"]:
        if o["status"] == "changed":
            groups = ", ".join(f"{g} {a} → {b}" for g, (a, b) in o["groups"].items())
            name = o["org"] + (f" ({o['parent']})" if o["parent"] else "")
            lines.append(f"  {o['year']} {name} [{o['shape']}]: {groups}")
    return lines


@app.command(help=_(
    "What the store holds: each import (when, who, which files, counts), then each organisation's ratings by year – the history staff look up before proposing awards.\n\n"
    "Examples:\n\n"
    "  ccq-stats history\n\n"
    '  ccq-stats history --org "Chi bộ Sở Tư pháp"\n\n'
    "  ccq-stats history --year 2019 --db ccq.sqlite"
))
@_bad_input_exits_2
def history(
    db: DbOpt = None,
    year: Annotated[Optional[int], typer.Option(min=1945, max=2100, help=_("Only this rating year."))] = None,
    org: Annotated[Optional[str], typer.Option(help=_("Only this organisation (its name; a đảng bộ shows its chi bộ too)."))] = None,
    as_of: AsOfOpt = None,
    changes: Annotated[bool, typer.Option("--changes", help=_("Only what changed after --since: the imports made since, and each rating before → after."))] = False,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE|IMPORT", help=_("With --changes: the day a report was signed (YYYY-MM-DD: changes after the end of that day), or an import number."))] = None,
    quiet: QuietOpt = False,
) -> None:
    """What the store holds: the imports, then each organisation's ratings by year and their corrections."""
    from ccq_stats.render import text_table

    if changes or since is not None:
        if not (changes and since is not None):
            raise InputError(_("--changes and --since go together"), hint=_("e.g. ccq-stats history --changes --since 2020-01-15"))
        from ccq_stats.api import changes_since

        found = changes_since(db, since=since, as_of=as_of)
        imports = _imports_table(found["imports"])
        rows = {"header": ["Năm", "Tổ chức", "Trực thuộc", "Trước", "Sau", "Lần nhập"],
                "rows": [[str(c["year"]), c["org"], c["parent"], c["before"], c["after"], str(c["import"])] for c in found["changes"]]}
        _emit(f"Các lần nhập sau lần {found['since']['import']} ({found['since']['at'][:19].replace('T', ' ')})\n" + text_table(imports)
              + "\n\nThay đổi\n" + text_table(rows) + "\n", None)
        _say_store_state(found["store"], quiet)
        return
    from ccq_stats.api import history as store_history

    found = store_history(db, year=year, org=org, as_of=as_of)
    years = found["years"] if year is None else [year]
    noted = any(o["note"] for o in found["organisations"])  # the column only where the lineage says something
    ratings = {"header": ["Tổ chức", "Trực thuộc"] + [str(y) for y in years] + (["Ghi chú"] if noted else []),
               "rows": [[o["org"], o["parent"]] + [o["labels"].get(y, "") for y in years] + ([o["note"]] if noted else [])
                        for o in found["organisations"]]}
    text = "Các lần nhập\n" + text_table(_imports_table(found["imports"])) + "\n\nXếp loại theo năm\n" + text_table(ratings) + "\n"
    if found["corrections"]:
        fixes = {"header": ["Tổ chức", "Trực thuộc", "Năm", "Các phiên bản (lần nhập, tệp)"],
                 "rows": [[c["org"], c["parent"], str(c["year"]),
                           " → ".join(f"{v['label']} ({v['import']}, {v['file']})" for v in c["versions"])] for c in found["corrections"]]}
        text += "\nSửa đổi\n" + text_table(fixes) + "\n"
    _emit(text, None)
    _say_store_state(found["store"], quiet)


def _imports_table(imports: list[dict]) -> dict:
    from ccq_stats.store.versions import local_time

    # the store keeps UTC; staff read their local time, shown with its offset so that it is never ambiguous
    return {"header": ["Lần", "Thời gian", "Người nhập", "Tệp (SHA-256)", "Năm", "Bản ghi", "Thêm", "Sửa", "Bớt"],
            "rows": [[str(i["id"]), local_time(i["at"]), f"{i['user_name']}@{i['host']}",
                      "; ".join(f"{f['file']} ({f['sha256'][:12]})" for f in i["files"]), ",".join(map(str, i["years"])),
                      str(i["records"]), str(i["records_added"]), str(i["records_changed"]), str(i["records_removed"])]
                     for i in imports]}


roster_app = typer.Typer(help=_("The organisations expected to report each year (for the monthly summary)."), no_args_is_help=True)
app.add_typer(roster_app, name="roster")


@roster_app.command("import", help=_(
    "Set the roster of grassroots organisations (tổ chức cơ sở đảng) expected to report a year; without one, a year's roster is the organisations rated the year before.\n\n"
    "Examples:\n\n"
    "  ccq-stats roster import danh_sach_2020.csv --year 2020"
))
@_bad_input_exits_2
def roster_import(
    file: Annotated[str, typer.Argument(metavar="FILE", help=_("A CSV or workbook: a 'Tên tổ chức' column, and a 'Năm' column or --year."))],
    year: Annotated[Optional[int], typer.Option(min=1945, max=2100, help=_("The year of a roster without a 'Năm' column."))] = None,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Set the roster of grassroots organisations (tổ chức cơ sở đảng) expected to report a year."""
    from ccq_stats.api import roster_import as set_roster

    counts = set_roster(file, db=db, year=year)
    if not quiet:
        for y, n in sorted(counts.items()):
            sys.stderr.write(ngettext("ccq-stats: roster of {year}: {count} organisation", "ccq-stats: roster of {year}: {count} organisations", n)
                             .format(year=y, count=n) + "\n")


# -- the lineage of organisations: orgs import, list, check (logic in api.orgs_*) ---------------

orgs_app = typer.Typer(help=_("What happened to organisations (renamed, merged, split, moved, dissolved, established), so that history, reports and the roster follow them."),
                       no_args_is_help=True)
app.add_typer(orgs_app, name="orgs")


class OrgsFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@orgs_app.command("import", help=_(
    "Record what happened to organisations, from a CSV or workbook with the columns Năm (or Ngày), Thay đổi (đổi tên, sáp nhập, chia tách, chuyển, giải thể, thành lập), Từ, Thành (several names separated by ';'), and optionally Số quyết định, Mã, Ghi chú. "
    "The changes of the years the file holds replace those recorded before (kept as versions: --as-of, --revert).\n\n"
    "Examples:\n\n"
    "  ccq-stats orgs import sap_xep_2025.csv\n\n"
    "  ccq-stats orgs import --revert 9"
))
@_bad_input_exits_2
def orgs_import(
    file: Annotated[Optional[str], typer.Argument(metavar="FILE", help=_("The lineage file (CSV or workbook)."))] = None,
    db: DbOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Read the file and say what would change; write nothing."))] = False,
    revert: Annotated[Optional[int], typer.Option("--revert", metavar="IMPORT", min=1, help=_("Undo that lineage import by a new one."))] = None,
    quiet: QuietOpt = False,
) -> None:
    """Record what happened to organisations (the lineage), from a file."""
    from ccq_stats.api import orgs_import as record, orgs_revert
    from ccq_stats.store import locate
    from ccq_stats.store.backends import shown

    if (file is None) == (revert is None):
        raise InputError(_("give the lineage file, or --revert IMPORT"), hint=_("e.g. ccq-stats orgs import sap_xep_2025.csv"))
    result = orgs_revert(revert, db=db, dry_run=dry_run) if revert is not None else record(file, db=db, dry_run=dry_run)
    if not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in _orgs_lines(result, shown(locate(db)))))


def _orgs_lines(result, where: str) -> list[str]:
    files = ", ".join(f"{f['file']} (sha256 {f['sha256'][:12]})" for f in result.files)
    if not result.changed:
        return [_("nothing changed: {store} already holds this lineage").format(store=where)]
    if result.command_kind == "revert":
        lines = [(_("would undo the lineage import as a new import into {store}") if result.dry_run
                  else _("undone by a new import (import {id}) into {store}")).format(id=result.import_id, store=where)]
    elif result.dry_run:
        lines = [_("would record the lineage of {files} in {store}").format(files=files, store=where)]
    else:
        lines = [_("recorded (import {id}) the lineage of {files} in {store}").format(id=result.import_id, files=files, store=where)]
    for year, t in result.summary["years"].items():
        lines.append(_("{year}: changes {added} added, {removed} replaced").format(year=year, added=t["records_added"], removed=t["records_removed"]))
    return lines


@orgs_app.command("list", help=_(
    "The changes recorded in the store, oldest first.\n\n"
    "Examples:\n\n"
    "  ccq-stats orgs list\n\n"
    "  ccq-stats orgs list --format json --as-of 12"
))
@_bad_input_exits_2
def orgs_list(
    db: DbOpt = None,
    fmt: Annotated[Optional[OrgsFormat], typer.Option("--format", "-f", help=_("table, csv or json [default: table]."))] = None,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
) -> None:
    """The changes recorded in the store."""
    from ccq_stats.api import orgs_list as listed

    rows = [c.record() for c in listed(db, as_of=as_of)]
    columns = ["year", "day", "kind", "kind_name", "sources", "targets", "decision", "code", "note", "file", "row"]
    _emit(_records_as(rows, columns, _value(fmt) or "table", {"sources", "targets"},
                      ["Năm", "Ngày", "Thay đổi", "Từ", "Thành", "Số quyết định", "Mã", "Ghi chú"],
                      lambda r: [str(r["year"]), r["day"], r["kind_name"], "; ".join(r["sources"]), "; ".join(r["targets"]),
                                 r["decision"], r["code"], r["note"]]), output)


@orgs_app.command("check", help=_(
    "Names that may be one organisation written two ways with no change recorded between them (only case, spaces or punctuation differ, or only place words at the end such as 'tỉnh'), each with the lineage row that would join them. Never joined by itself.\n\n"
    "Examples:\n\n"
    "  ccq-stats orgs check\n\n"
    "  ccq-stats orgs check --orgs sap_xep_2025.csv --format csv"
))
@_bad_input_exits_2
def orgs_check(
    db: DbOpt = None,
    orgs: Annotated[Optional[str], typer.Option("--orgs", metavar="FILE", help=_("Check against this lineage file instead of the store's lineage."))] = None,
    fmt: Annotated[Optional[OrgsFormat], typer.Option("--format", "-f", help=_("table, csv or json [default: table]."))] = None,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
) -> None:
    """Name drift: names that may be one organisation, with the lineage row that would join them."""
    from ccq_stats.api import orgs_check as check_names

    rows = [{"name": d["names"][0], "years": d["years"][0], "other_name": d["names"][1], "other_years": d["years"][1],
             "signal": d["signal"], "suggestion": d["suggestion"].file_row() if d["suggestion"] else ""}
            for d in check_names(db, as_of=as_of, orgs_file=orgs)]
    _emit(_records_as(rows, ["name", "years", "other_name", "other_years", "signal", "suggestion"], _value(fmt) or "table",
                      {"years", "other_years"}, ["Tên", "Năm", "Tên khác", "Năm", "Dấu hiệu", "Dòng đề nghị (tệp thay đổi)"],
                      lambda r: [r["name"], ",".join(map(str, r["years"])), r["other_name"], ",".join(map(str, r["other_years"])),
                                 _("spelling") if r["signal"] == "spelling" else _("place words"), r["suggestion"]]), output)


def _records_as(rows: list[dict], columns: list[str], form: str, lists: set, header: list[str], cells) -> str:
    """Rows as csv (lists joined by "; "), json (lists kept) or an aligned table (``header``, ``cells``)."""
    import csv
    import io
    import json

    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["; ".join(map(str, r[c])) if c in lists else r[c] for c in columns])
        return out.getvalue()
    from ccq_stats.render import text_table

    return text_table({"header": header, "rows": [cells(r) for r in rows]}) + "\n"


def _utf8_streams() -> None:
    """Vietnamese on a console that is not UTF-8 (Windows' cp1252, a cron job's C locale): write
    UTF-8 rather than fail on the first accented letter (data already goes out as UTF-8 bytes)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    """Console entry point: usage errors of the option parser are one line in our words, exit 2."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # Typer 0.29 vendors click

    _utf8_streams()
    try:
        code = _command_line().main(standalone_mode=False)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except NoArgsIsHelpError as exc:  # no_args_is_help: the help, on stderr, exit 2 (as before)
        exc.show()
        sys.exit(exc.exit_code)
    except UsageError as exc:
        sys.stderr.write(_("ccq-stats: error: {message}").format(message=_usage_error(exc)) + "\n")
        sys.exit(2)
    except ClickException as exc:  # pragma: no cover - our commands raise none but usage errors
        sys.stderr.write(_("ccq-stats: error: {message}").format(message=exc.format_message()) + "\n")
        sys.exit(exc.exit_code)
    except typer.Abort:  # pragma: no cover - end of input at a prompt; we have no prompts
        sys.stderr.write(_("Aborted!") + "\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)  # without standalone mode, typer.Exit(n) comes back as n


# -- the command line in the user's language: Typer's own words, usage errors ---------------

def _typer_words() -> dict:
    """Typer's own words in a help page, in the user's language. Its vendored click has no
    catalogue (typer.core asks the stdlib's empty default domain), so without these a Vietnamese
    help page would say "Usage:", "Options:" and "Show this message and exit." in English."""
    return {"Usage: ": _("Usage: "), "Arguments": _("Arguments"), "Options": _("Options"), "Commands": _("Commands"),
            "default: {default}": _("default: {default}"), "required": _("required"),
            "Show this message and exit.": _("Show this message and exit.")}


def _command_line():
    """The app as a click command whose help pages speak the user's language (see _typer_words):
    typer.core's section titles and "[default: …]" come through its module-level ``_``, which we
    point at our words; "Usage:" and the --help option's text through a help formatter of ours,
    on every command's context."""
    import typer.core
    import typer.main
    from typer._click import Context, HelpFormatter

    words = _typer_words()
    typer.core._ = lambda text: words.get(text, text)

    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
            super().write_usage(prog, args, words["Usage: "] if prefix is None else prefix)

        def write_dl(self, rows, *args, **kwargs) -> None:
            super().write_dl([(term, words.get(text, text)) for term, text in rows], *args, **kwargs)

    class OurContext(Context):
        formatter_class = Formatter

    command = typer.main.get_command(app)
    commands = [command]
    while commands:
        one = commands.pop()
        one.context_class = OurContext
        commands += list(getattr(one, "commands", {}).values())
    return command


def _usage_error(exc) -> str:
    """A usage error of the option parser in our words, with the command's --help as the hint:
    built from the exception's type and attributes (the parser's own text is English)."""
    from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption

    ctx = _context_of(exc)
    hint = f"{ctx.command_path} --help" if ctx is not None else "ccq-stats --help"
    if isinstance(exc, NoSuchOption):
        message = _no_such(exc.option_name, exc.possibilities or [], _("no such option: {name}"),
                           _("no such option: {name} (did you mean {close}?)"))
    elif isinstance(exc, MissingParameter):
        if exc.param is not None and exc.param.param_type_name == "argument":
            message = _("missing argument {name}").format(name=_argument_name(exc.param))
        else:
            message = _("missing option {name}").format(name=_option_name(exc.param) if exc.param else "")
    elif isinstance(exc, BadParameter) and exc.param is not None:
        message = _bad_value(exc)
    elif isinstance(exc, BadOptionUsage):
        flag = ctx is not None and any(exc.option_name in p.opts and getattr(p, "is_flag", False) for p in ctx.command.params)
        message = (_("{option} takes no value") if flag else _("{option} needs a value")).format(option=exc.option_name)
    else:
        message = _plain_usage_error(exc)
    return str(InputError(message, hint=hint))


def _context_of(exc):
    """The command context a usage error is about. The parser raises some (an option without its
    value) without one; the frame of the command that was parsing has it."""
    from typer._click import Context

    if exc.ctx is not None:
        return exc.ctx
    found, frame = None, exc.__traceback__
    while frame is not None:  # the innermost: a group's frame holds its own context, not its command's
        local = frame.tb_frame.f_locals.get("ctx")
        found = local if isinstance(local, Context) else found
        frame = frame.tb_next
    return found


def _plain_usage_error(exc) -> str:
    """The usage errors click raises with a text only (no attributes): an unknown command, extra
    arguments, a missing command – recognised by that text, the rest passed on as it is."""
    import ast
    import re

    text = exc.format_message()
    unknown = re.match(r"No such command ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", text)
    if unknown:
        name = ast.literal_eval(unknown.group(1))
        commands = list(getattr(exc.ctx.command, "commands", {})) if exc.ctx is not None else []
        return _no_such(name, commands, _("no such command: {name}"), _("no such command: {name} (did you mean {close}?)"))
    extra = re.fullmatch(r"Got unexpected extra argument\(s\) \((.*)\)", text, re.S)
    if extra:
        return _("unexpected extra argument(s): {arguments}").format(arguments=extra.group(1))
    if text == "Missing command.":
        return _("missing command")
    return text


def _no_such(name: str, known, alone: str, with_close: str) -> str:
    """The "no such option/command" message, naming the closest known name when one is close (--yea: --year)."""
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)
    return with_close.format(name=name, close=close[0]) if close else alone.format(name=name)


def _option_name(param) -> str:
    """An option as the user would type it: its first long name (--format rather than -f)."""
    return next((o for o in param.opts if o.startswith("--")), param.opts[0])


def _argument_name(param) -> str:
    """An argument as the help names it: PATH, FILE (its metavar without brackets), else its name."""
    return (param.metavar or param.name.upper()).strip("[].")


def _bad_value(exc) -> str:
    """A value the option's type refused: not one of the choices, not a whole number, out of range."""
    param = exc.param
    name = _option_name(param) if param.param_type_name == "option" else _argument_name(param)
    errors = exc.__cause__.errors() if hasattr(exc.__cause__, "errors") else []  # Typer validates with pydantic
    error = errors[0] if errors else {}
    value = error.get("input", "")
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        listed = ", ".join(str(getattr(c, "value", c)) for c in choices)
        return _("{option}: '{value}' is not one of {choices}").format(option=name, value=value, choices=listed)
    if error.get("type") == "int_parsing":
        return _("{option}: '{value}' is not a whole number").format(option=name, value=value)
    if error.get("type") in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        low, high = getattr(param, "min", None), getattr(param, "max", None)
        if low is not None and high is not None:
            return _("{option}: {value} is not between {minimum} and {maximum}").format(option=name, value=value, minimum=low, maximum=high)
        if low is not None:
            return _("{option}: {value} is less than {minimum}").format(option=name, value=value, minimum=low)
        return _("{option}: {value} is more than {maximum}").format(option=name, value=value, maximum=high)
    return _("{option}: '{value}' is not valid ({reason})").format(option=name, value=value, reason=exc.message)
