"""The options the commands share, written once as annotated types (``YearOpt``, ``DbOpt`` …), and their enums.

A metavar says what a value is in the user's language (NĂM, TỆP), never a Python type
(``<int range>``, ``<path>``). The enums are the values the options take; each is the value
the API takes (``Kind.members.value == "members"``).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

# the vocabulary's rating years and option values (scales.toml), through the API
from ccq_stats.api import FIRST_YEAR, GROUP_BY, LAST_YEAR, QUOTA_BASES, SHAPES, SHARE_BASES, TERM_MEANS
from ccq_stats.i18n import gettext as _


def _values(name: str, values: tuple[str, ...]) -> type[Enum]:
    """The enum of an option's values, each member named as its value (``Kind.members.value ==
    "members"``); the values of the vocabulary's options are scales.toml's, never written here again."""
    return Enum(name, [(value, value) for value in values], type=str, module=__name__)


Kind = _values("Kind", SHAPES)  # --kind, --shape: the shape of an input sheet
By = _values("By", GROUP_BY)  # --by
Base = _values("Base", SHARE_BASES)  # --base
QuotaBase = _values("QuotaBase", QUOTA_BASES)  # --quota-base
TermMean = _values("TermMean", TERM_MEANS)  # --term-mean


# The formats each command writes (the values of its -f), in the order its help lists them.
Format = _values("Format", ("table", "csv", "json", "xlsx"))  # classify, check
ReportFormat = _values("ReportFormat", ("md", "html", "txt", "xlsx", "docx"))  # report
InspectFormat = _values("InspectFormat", ("table", "json"))  # inspect
OrgsFormat = _values("OrgsFormat", ("table", "csv", "json"))  # orgs list, orgs check


YEAR = _("YEAR")
FILE = _("FILE")
NAME = _("NAME")


def year_option(help: str, **more) -> typer.Option:
    """A rating year option (--year): a whole number from FIRST_YEAR to LAST_YEAR, shown as YEAR."""
    return typer.Option(min=FIRST_YEAR, max=LAST_YEAR, metavar=YEAR, help=help, **more)


# Options shared by the commands.
PathsArg = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help=_(
            "Spreadsheets (.xlsx .xlsm .xlsb .xls .ods .csv .tsv), folders of them (sub-folders with --recursive), or - for CSV on stdin."
        ),
    ),
]
# import keeps where each record came from (the file, its sheet and row): standard input has no name to keep
ImportPathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[PATH]...",
        help=_(
            "Spreadsheets (.xlsx .xlsm .xlsb .xls .ods .csv .tsv) or folders of them (sub-folders with --recursive); not standard input: the store keeps the file each record came from."
        ),
    ),
]
YearOpt = Annotated[
    int | None, year_option(_("Rating year for sheets that name none (no 'Năm' column, sheet name or title)."))
]
KindOpt = Annotated[
    Kind | None, typer.Option(help=_("Read every sheet as this shape instead of recognising it from the headers."))
]
RecursiveOpt = Annotated[
    bool,
    typer.Option(
        "--recursive",
        "-r",
        help=_("Read the sub-folders of the folders given too (without it they are not read, and a warning says so)."),
    ),
]
YearsFilterOpt = Annotated[
    str | None,
    typer.Option(
        "--years",
        metavar="A-B",
        help=_(
            "Keep only these rating years in the output, e.g. 2016-2019 or 2019 (--year says which year a sheet is; this filters)."
        ),
    ),
]


def _dash_is_stdout(value: Path | None) -> Path | None:
    """``-o -`` means standard output, as ``-`` means standard input."""
    return None if value is not None and str(value) == "-" else value


# An option several commands take with words of their own (what --strict exits on, what -o
# writes): its name, short name and metavar written once here, its help given by the command.
def output_option(help: str, **more) -> typer.Option:
    """-o/--output FILE."""
    return typer.Option("--output", "-o", metavar=FILE, help=help, **more)


def format_option(help: str) -> typer.Option:
    """-f/--format, its values the enum of its annotation."""
    return typer.Option("--format", "-f", help=help)


def strict_option(help: str) -> typer.Option:
    """--strict: exit with code 1 on what the command says."""
    return typer.Option("--strict", help=help)


def bom_option(help: str) -> typer.Option:
    """--bom: a UTF-8 BOM before the CSV."""
    return typer.Option("--bom", help=help)


def names_option(help: str) -> typer.Option:
    """--names: member names (personal data) shown where they are masked by default."""
    return typer.Option("--names", help=help)


def date_option(help: str) -> typer.Option:
    """--date DATE (see parse_date)."""
    return typer.Option("--date", metavar=_("DATE"), help=help)


def dry_run_option(help: str) -> typer.Option:
    """--dry-run: say what would change, write nothing."""
    return typer.Option("--dry-run", help=help)


def revert_option(help: str) -> typer.Option:
    """--revert IMPORT: an import's number in ccq-stats history."""
    return typer.Option("--revert", metavar="IMPORT", min=1, help=help)


def orgs_file_option(help: str) -> typer.Option:
    """--orgs FILE: a lineage file (ccq-stats orgs import)."""
    return typer.Option("--orgs", metavar=FILE, help=help)


OutputOpt = Annotated[
    Path | None,
    output_option(_("Write to this file (atomically) instead of stdout; - for stdout."), callback=_dash_is_stdout),
]
ScalesOpt = Annotated[
    Path | None,
    typer.Option(
        metavar=FILE,
        help=_(
            "A TOML file of extra label aliases, regimes or rule sources (same shape as ccq_stats/scales.toml and rules.toml)."
        ),
    ),
]
FormatOpt = Annotated[
    Format | None,
    format_option(
        _(
            "Output format [default: what the -o file's suffix says (.csv .json .xlsx); else table on a terminal, csv in a pipe]."
        )
    ),
]
ReportFormatOpt = Annotated[
    ReportFormat | None,
    format_option(
        _(
            "md, html, txt, xlsx or docx [default: what the -o file's suffix says, else the template file's name, else md]."
        )
    ),
]
# report and forms: the spreadsheets of the working folder when no path is given
HerePathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[PATH]...", help=_("Spreadsheets or folders [default: the spreadsheets in the current folder].")
    ),
]

# Steering the header finder (also for `import`): where it cannot tell, the user says.
HeaderRowOpt = Annotated[
    int | None,
    typer.Option(
        "--header-row",
        min=1,
        metavar="N",
        help=_(
            "The header's (first) row, as Excel numbers it, where the reader does not find it (see ccq-stats inspect)."
        ),
    ),
]
ColumnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        metavar="ROLE=HEADER",
        help=_(
            "Which column is which, by its header text; repeatable. ROLE: org (= unit), parent, kind, rating, year, name, birth, card, discipline, seq, host_type, total, rated, ignore, or top/good/pass/fail/exempt/not_rated for a count column."
        ),
    ),
]

# Who issues a document (see ccq_stats/write/settings.py): a settings file and options over it.
SettingsOpt = Annotated[
    Path | None,
    typer.Option(
        "--settings",
        metavar=FILE,
        help=_(
            "A settings file with an [issuer] table [default: ccq-stats.toml in the working folder, if there is one]."
        ),
    ),
]
AboveOpt = Annotated[
    str | None,
    typer.Option(
        "--above", metavar=NAME, help=_("The body above the issuing committee, e.g. 'ĐẢNG BỘ TỈNH BÌNH DƯƠNG'.")
    ),
]
CommitteeOpt = Annotated[
    str | None,
    typer.Option(
        "--committee", metavar=NAME, help=_("The issuing committee [default: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH].")
    ),
]
PlaceOpt = Annotated[
    str | None,
    typer.Option("--place", metavar=NAME, help=_("The place before the date: '<place>, ngày … tháng … năm …'.")),
]
NumberOpt = Annotated[
    str | None, typer.Option("--number", metavar=_("NUMBER"), help=_("The document's number: 'Số <number>-BC/ĐUK'."))
]
SignerOpt = Annotated[
    str | None, typer.Option("--signer", metavar=NAME, help=_("Who signs (the name under the signature block)."))
]


def _store_help() -> str:
    from ccq_stats.api import default_store as default_location

    return _(
        "The store (ccq-stats import): an SQLite file or a postgresql:// URL [default: $CCQ_STATS_DB, else {location}]."
    ).format(location=default_location())


DbOpt = Annotated[str | None, typer.Option("--db", metavar="PATH|URL", help=_store_help())]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="IMPORT|DATE",
        help=_(
            "Read the store as it stood after that import (its number in ccq-stats history) or at the end of that day (YYYY-MM-DD, local time)."
        ),
    ),
]
QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help=_("Errors only on stderr: no warnings, no summaries (for cron; --strict still sees the warnings)."),
    ),
]
StorePathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[PATH]...",
        help=_(
            "Spreadsheets, folders of them (sub-folders with --recursive), or - for CSV on stdin [default: the store, when there is one]."
        ),
    ),
]

# -- --warnings FILE: the run's warnings also as data, for a job to act on ------------------

WarningsOpt = Annotated[
    Path | None,
    typer.Option(
        "--warnings",
        metavar="FILE",
        help=_(
            "Also write the run's warnings, and the error that ended it, to FILE at the end: .csv, or .json/.jsonl (one JSON object per line); columns level, file, sheet, row, column, message. Written with --quiet too."
        ),
    ),
]
ExcelOpt = Annotated[
    bool,
    typer.Option(
        "--excel",
        help=_(
            "CSV for Excel under Vietnamese regional settings: UTF-8 with a BOM, ';' between cells, a decimal comma in the shares (0,655000), formula-like text neutralised [implies --format csv]."
        ),
    ),
]


InspectFormatOpt = Annotated[InspectFormat | None, format_option(_("table (for people) or json [default: table]."))]
OrgsFormatOpt = Annotated[OrgsFormat | None, format_option(_("table, csv or json [default: table]."))]


def parse_date(text: str | None):
    """--date: YYYY-MM-DD, or DD/MM/YYYY as Vietnamese documents write dates; None when not given."""
    import datetime

    from ccq_stats.errors import InputError

    if text is None:
        return None
    try:
        if "/" in text:  # 21/10/2020
            day, month, year = (int(part) for part in text.split("/"))
            return datetime.date(year, month, day)
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            _("--date is not a date"),
            value=text,
            hint=_("write it as YYYY-MM-DD or DD/MM/YYYY, e.g. 2020-10-21 or 21/10/2020"),
        ) from None


def value_of(option: Enum | None) -> str | None:
    """An enum option's value, as the API takes it (None when not given)."""
    return option.value if option is not None else None


def read_options(
    year: int | None = None,
    kind: Kind | None = None,
    scales: Path | None = None,
    header_row: int | None = None,
    column: list[str] | None = None,
):
    """The reading options of a command (--year, --kind, --scales, --header-row, --column) as
    the one object the API takes."""
    from ccq_stats.api import ReadOptions

    return ReadOptions(year=year, kind=value_of(kind), scales_file=scales, header_row=header_row, columns=column)
