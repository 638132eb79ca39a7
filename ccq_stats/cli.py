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
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ccq_stats import __version__
from ccq_stats.errors import InputError

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


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ccq-stats {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Party-building rating statistics (thống kê đánh giá, xếp loại chất lượng tổ chức đảng
    và đảng viên): read the yearly rating spreadsheets, classify every rating, count the shares.

    Examples:

      ccq-stats classify sample_data/

      ccq-stats classify xep_loai_2019.xlsx --by unit --format csv -o 2019.csv
    """
    _setup_logging()


def _bad_input_exits_2(command):
    """Bad input: one line on stderr, exit code 2, nothing on stdout (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as exc:
            sys.stderr.write(f"ccq-stats: error: {exc}\n")
            raise typer.Exit(2) from None

    return wrapper


# Options shared by the commands.
PathsArg = Annotated[list[str], typer.Argument(metavar="PATH", help="Spreadsheets (.xlsx .xlsm .xlsb .xls .ods .csv .tsv), folders of them, or - for CSV on stdin.")]
YearOpt = Annotated[Optional[int], typer.Option(min=1945, max=2100, help="Rating year for sheets that name none (no 'Năm' column, sheet name or title).")]
KindOpt = Annotated[Optional[Kind], typer.Option(help="Read every sheet as this shape instead of recognising it from the headers.")]
def _dash_is_stdout(value: Optional[Path]) -> Optional[Path]:
    """``-o -`` means standard output, as ``-`` means standard input."""
    return None if value is not None and str(value) == "-" else value


OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", callback=_dash_is_stdout, help="Write to this file (atomically) instead of stdout; - for stdout.")]
ScalesOpt = Annotated[Optional[Path], typer.Option(help="A TOML file of extra label aliases or regimes (same shape as ccq_stats/scales.toml).")]
FormatOpt = Annotated[Optional[Format], typer.Option("--format", "-f", help="Output format [default: table on a terminal, else csv].")]


@app.command()
@_bad_input_exits_2
def classify(
    paths: PathsArg,
    year: YearOpt = None,
    kind: KindOpt = None,
    by: Annotated[By, typer.Option(help="Figures per year, or per year and grassroots organisation (unit).")] = By.year,
    base: Annotated[Base, typer.Option(help="Denominator of the shares: those rated (so với số được đánh giá) or the total.")] = Base.rated,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: Annotated[bool, typer.Option("--bom", help="Start the CSV with a UTF-8 BOM so that Excel reads the Vietnamese right.")] = False,
    scales: ScalesOpt = None,
) -> None:
    """Classify every rating and count each tier per year: units, cells, members.

    Output columns: year, subject, [unit,] category, label, count, share.
    subject: units (chi, đảng bộ cơ sở), cells (chi bộ trực thuộc), members (đảng viên).
    share = count / rated (or / total with --base total) on top, exemplary, good, pass,
    fail and good_or_better.

    Examples:

      ccq-stats classify sample_data/

      ccq-stats classify dang_vien_2019.xlsx to_chuc_2019.xlsx --format csv

      ccq-stats classify tong_hop.xlsx --year 2019 --by unit -o 2019.csv --bom

      cat dang_vien.csv | ccq-stats classify - --kind members --format json
    """
    from ccq_stats import write
    from ccq_stats.api import classify_paths

    _refuse_overwriting_inputs(output, paths)
    with _progress() as progress:
        figures = classify_paths(paths, year=year, kind=_value(kind), by=by.value, base=base.value, scales_file=scales,
                                 progress=progress)
    chosen = _choose_format(fmt, output)
    if chosen == "table":
        text = _tables_text(write.to_tables(figures, color=output is None), to_terminal=output is None)
    else:
        text = write.render(figures, chosen, bom=bom and chosen == "csv")  # a BOM before JSON breaks JSON readers
    _emit(text, output)


@app.command()
@_bad_input_exits_2
def check(
    paths: PathsArg,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with code 1 when a rule is broken (findings of severity error).")] = False,
    quota_base: Annotated[QuotaBase, typer.Option(help="Base of the 20% quota of HD 21: those rated good (HTTNV), or good or better.")] = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: Annotated[bool, typer.Option("--bom", help="Start the CSV with a UTF-8 BOM for Excel (formula-like text is neutralised).")] = False,
    names: Annotated[bool, typer.Option("--names", help="Add the member's name to findings about a member (a 'member' column). Names are personal data.")] = False,
    scales: ScalesOpt = None,
) -> None:
    """Check the rules staff check before signing (DOMAIN.md §4) and list what breaks them.

    Rules: member_quota (HTXSNV ≤ 20% of HTTNV per organisation, from 2019, HD 21);
    top_unit_members / top_unit_cells (an HTXSNV organisation needs 100% of its members or
    cells HTNV or better and ≥ 80% HTTNV or better); disciplined_not_fail; present_total,
    totals_row, counts_vs_rows (totals that do not add up); missing_year.

    Output columns: rule, severity, year, org, numbers, message, source, where (and member,
    with --names).
    Exit codes: 0 (findings are reported), 1 with --strict when a rule is broken, 2 bad input.

    Examples:

      ccq-stats check sample_data/

      ccq-stats check sample_data/ --strict --format csv -o phat_hien.csv

      ccq-stats check so_luong_2019.xlsx --quota-base good_or_better
    """
    from ccq_stats import write
    from ccq_stats.api import check_paths

    _refuse_overwriting_inputs(output, paths)
    base = (quota_base or QuotaBase.good).value
    with _progress() as progress:
        findings = check_paths(paths, year=year, kind=_value(kind), quota_base=base, scales_file=scales, names=names,
                               progress=progress)
    chosen = _choose_format(fmt, output)
    if chosen == "table":
        text = _tables_text(write.findings_table(findings, color=output is None), to_terminal=output is None)
    elif chosen == "csv":
        text = ("\ufeff" if bom else "") + write.findings_csv(findings, names=names, excel=bom)
    else:
        text = write.findings_json(findings, names=names)
    _emit(text, output)
    if strict and any(f.severity == "error" for f in findings):
        raise typer.Exit(1)


@app.command()
@_bad_input_exits_2
def report(
    paths: Annotated[Optional[list[str]], typer.Argument(metavar="[PATH]...", help="Spreadsheets or folders [default: the spreadsheets in the current folder].")] = None,
    term: Annotated[Optional[str], typer.Option(help="The term (nhiệm kỳ), e.g. 2015-2020: its rating years are 2015–2019 unless --years says otherwise.")] = None,
    year: Annotated[Optional[int], typer.Option(min=1945, max=2100, help="A one-year report instead of a term report.")] = None,
    years: Annotated[Optional[str], typer.Option(help="The rating years the term covers, e.g. 2016-2020 [default: START to END-1].")] = None,
    term_mean: Annotated[TermMean, typer.Option(help="Term figure of each tier: the mean of the yearly shares, or pooled counts.")] = None,
    template: Annotated[Optional[str], typer.Option(help="A built-in template (term, year) or a Jinja template file (see docs/templates.md).")] = None,
    fmt: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help="md, html, txt or xlsx [default: md, or what the template file's name says].")] = None,
    output: OutputOpt = None,
    org: Annotated[str, typer.Option(help="The reporting party committee, printed in the heading.")] = "Đảng bộ Khối các cơ quan tỉnh",
    date: Annotated[Optional[str], typer.Option("--date", help="The report's date, YYYY-MM-DD [default: today].")] = None,
    quota_base: Annotated[QuotaBase, typer.Option(help="Base of the 20% quota of HD 21 in the findings.")] = None,
    scales: ScalesOpt = None,
) -> None:
    """Write the Vietnamese term (nhiệm kỳ) or year report: narrative, tables, findings, lists.

    The narrative gives the headline figures the way a Ban Tổ chức writes them ("hơn 65%",
    "gần 30%"); the tables give every figure exactly, so that each narrative figure can be
    checked in the same report.

    Examples:

      ccq-stats report --term 2015-2020 sample_data/

      ccq-stats report --term 2015-2020 sample_data/ --format html -o bao_cao.html

      ccq-stats report --year 2019 sample_data/ --format xlsx -o 2019.xlsx

      ccq-stats report --term 2015-2020 sample_data/ --template my_report.md.j2
    """
    from ccq_stats.api import report_paths

    paths = paths or ["."]
    _refuse_overwriting_inputs(output, paths)
    chosen = fmt.value if fmt else None
    if chosen is None:
        from ccq_stats.render import format_of_template

        chosen = (format_of_template(template) if template and template not in ("term", "year") else None) or "md"
    if chosen == "xlsx" and output is None and sys.stdout.isatty():
        raise InputError("an xlsx workbook is not for the terminal", hint="add -o bao_cao.xlsx")
    with _progress() as progress:
        context = report_paths(paths, term=term, year=year, years=years, mean=(term_mean or TermMean.shares).value, org=org,
                               quota_base=(quota_base or QuotaBase.good).value, scales_file=scales, today=_parse_date(date),
                               progress=progress)
    if chosen == "xlsx":
        from ccq_stats.write import report_xlsx

        _emit(report_xlsx(context), output)
        return
    from ccq_stats.render import render_report

    _emit(render_report(context, template or ("term" if term else "year"), chosen), output)


def _parse_date(text: Optional[str]):
    import datetime

    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError("--date is not a date", value=text, hint="write it as YYYY-MM-DD, e.g. 2020-10-21") from None


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

    bar = Progress(TextColumn("đọc"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"),
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


def _choose_format(fmt: Optional[Format], output: Optional[Path]) -> str:
    """An explicit --format wins; else a table at a terminal, else CSV (JSON for a .json file)."""
    if fmt is not None:
        return fmt.value
    if output is None:
        return "table" if sys.stdout.isatty() else "csv"
    return "json" if output.suffix.lower() == ".json" else "csv"


def _refuse_overwriting_inputs(output: Optional[Path], paths: list[str]) -> None:
    """An output must not replace a file that is read: the files typed, and those found inside the
    folders typed (``report`` reads the current folder by default), through any link."""
    if output is None:
        return
    from ccq_stats.reading.sources import expand_paths, is_one_of

    if output.is_dir():
        raise InputError("the output is a folder", file=str(output), hint="give a file name, e.g. -o ket_qua.csv")
    if is_one_of(output, expand_paths(paths)):
        raise InputError("the output file is one of the inputs", file=str(output), hint="write the result to another file")


def _emit(data: str | bytes, output: Optional[Path]) -> None:
    """Write the whole result: to a file atomically, or to stdout (quietly if the pipe closes)."""
    from ccq_stats import write

    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        try:
            write.atomic_write(output, raw)
        except OSError as exc:
            raise InputError(f"cannot write the output: {exc.strerror}", file=str(output), hint="check the folder exists and is writable") from None
        return
    try:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_pipe()


def _tables_text(tables, to_terminal: bool) -> str:
    """Tables rendered as text: coloured only on a terminal without NO_COLOR."""
    import io

    from rich.console import Console

    terminal = to_terminal and sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=terminal, no_color=not terminal or "NO_COLOR" in os.environ,
                      width=Console().width if terminal else 160)
    for table in tables:
        console.print(table)
        console.print()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


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
        level = record.levelname.lower()
        tag = f"\x1b[33m{level}\x1b[0m" if self.color and record.levelno >= logging.WARNING else level
        return f"ccq-stats: {tag}: {record.getMessage()}"


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    color = sys.stderr.isatty() and "NO_COLOR" not in os.environ
    handler.setFormatter(_StderrFormatter(color))
    logger = logging.getLogger("ccq_stats")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def main() -> None:
    """Console entry point."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
