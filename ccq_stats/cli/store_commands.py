"""The commands of the store: import, history, roster."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ccq_stats import api
from ccq_stats.api import outputs
from ccq_stats.cli.app import app
from ccq_stats.cli.logs import be_quiet
from ccq_stats.cli.options import (
    NAME,
    AsOfOpt,
    ColumnOpt,
    DbOpt,
    HeaderRowOpt,
    ImportPathsArg,
    KindOpt,
    QuietOpt,
    RecursiveOpt,
    ScalesOpt,
    WarningsOpt,
    YearOpt,
    dry_run_option,
    revert_option,
    value_of,
    year_option,
)
from ccq_stats.cli.output import emit
from ccq_stats.cli.preamble import bad_input_exits_2, progress_bar, say_store_state
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import ngettext


@app.command(
    "import",
    help=_(
        "Store the ratings of the files: read and classify them exactly like classify, then replace, per year, the stored records of the organisations they contain (one transaction).\n\n"
        "Importing the same files again changes nothing. A corrected file replaces its organisations' records of that year and the changes are listed on stderr (added, changed, removed); the replaced records are kept as earlier versions (--as-of, history). A failed or killed import leaves the store as it was.\n\n"
        "Examples:\n\n"
        "  ccq-stats import sample_data/dang_vien_2018.csv\n\n"
        "  ccq-stats import to_chuc_2019.xlsx --db /srv/ccq/ccq.sqlite --dry-run\n\n"
        "  ccq-stats import so_lieu/ --db postgresql://ccq@db.local/ccq\n\n"
        "  ccq-stats import --revert 7 --dry-run"
    ),
)
@bad_input_exits_2
@keeps_warnings()
def import_(
    paths: ImportPathsArg = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    db: DbOpt = None,
    dry_run: Annotated[bool, dry_run_option(_("Read, classify and say what would change; write nothing."))] = False,
    revert: Annotated[
        int | None,
        revert_option(
            _(
                "Undo that import by a new one: what it replaced comes back, what it added is closed (refused when a later import changed the same records)."
            )
        ),
    ] = None,
    scales: ScalesOpt = None,
    quiet: QuietOpt = False,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Store the ratings of the files in the store (replacing, per year, their organisations' records)."""
    be_quiet(quiet)
    with progress_bar(api.Source.store(db) if revert is not None else None) as progress:
        result = api.import_ratings(
            paths,
            api.ReadOptions(
                year=year,
                kind=value_of(kind),
                scales_file=scales,
                header_row=header_row,
                columns=column,
                progress=progress,
            ),
            db=db,
            dry_run=dry_run,
            revert=revert,
            recursive=recursive,
        )
    if not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in outputs.import_summary(result, db)))


@app.command(
    help=_(
        "What the store holds: each import (when, who, which files, counts), then each organisation's ratings by year – the history staff look up before proposing awards.\n\n"
        "Examples:\n\n"
        "  ccq-stats history\n\n"
        '  ccq-stats history --org "Chi bộ Sở Tư pháp"\n\n'
        "  ccq-stats history --year 2019 --db ccq.sqlite"
    )
)
@bad_input_exits_2
def history(
    db: DbOpt = None,
    year: Annotated[int | None, year_option(_("Only this rating year."))] = None,
    org: Annotated[
        str | None,
        typer.Option(metavar=NAME, help=_("Only this organisation (its name; a đảng bộ shows its chi bộ too).")),
    ] = None,
    as_of: AsOfOpt = None,
    changes: Annotated[
        bool,
        typer.Option(
            "--changes",
            help=_("Only what changed after --since: the imports made since, and each rating before → after."),
        ),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE|IMPORT",
            help=_(
                "With --changes: the day a report was signed (YYYY-MM-DD: changes after the end of that day), or an import number."
            ),
        ),
    ] = None,
    quiet: QuietOpt = False,
) -> None:
    """What the store holds: the imports, then each organisation's ratings by year and their corrections."""
    be_quiet(quiet)
    text, state = outputs.history_page(db, year=year, org=org, as_of=as_of, changes=changes, since=since)
    emit(text, None)
    say_store_state(state, quiet)


roster_app = typer.Typer(
    help=_("The organisations expected to report each year (for the monthly summary)."), no_args_is_help=True
)
app.add_typer(roster_app, name="roster")


@roster_app.command(
    "import",
    help=_(
        "Set the roster of grassroots organisations (tổ chức cơ sở đảng) expected to report a year; without one, a year's roster is the organisations rated the year before.\n\n"
        "Examples:\n\n"
        "  ccq-stats roster import danh_sach_2020.csv --year 2020\n\n"
        "  ccq-stats roster import to_chuc/danh_sach_to_chuc_20*.csv"
    ),
)
@bad_input_exits_2
def roster_import(
    file: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help=_("CSVs or workbooks: a 'Tên tổ chức' column, and a 'Năm' column or --year; one roster per year."),
        ),
    ],
    year: Annotated[int | None, year_option(_("The year of a roster without a 'Năm' column."))] = None,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Set the roster of grassroots organisations (tổ chức cơ sở đảng) expected to report a year."""
    counts = api.roster_import(file, db=db, year=year)
    if not quiet:
        for y, n in sorted(counts.items()):
            sys.stderr.write(
                ngettext(
                    "ccq-stats: roster of {year}: {count} organisation",
                    "ccq-stats: roster of {year}: {count} organisations",
                    n,
                ).format(year=y, count=n)
                + "\n"
            )
