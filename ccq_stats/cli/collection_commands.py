"""The commands of the organisations themselves: blank (the collection workbook), orgs (their lineage)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ccq_stats.api import collecting, outputs
from ccq_stats.api import orgs as organisations  # not `orgs`: the name of --orgs's parameter
from ccq_stats.cli.app import app
from ccq_stats.cli.logs import be_quiet
from ccq_stats.cli.options import (
    FILE,
    NAME,
    AsOfOpt,
    DbOpt,
    Kind,
    OrgsFormatOpt,
    OutputOpt,
    QuietOpt,
    ScalesOpt,
    SettingsOpt,
    dry_run_option,
    orgs_file_option,
    output_option,
    revert_option,
    year_option,
)
from ccq_stats.cli.output import emit
from ccq_stats.cli.preamble import bad_input_exits_2
from ccq_stats.i18n import gettext as _


@app.command(
    help=_(
        "Write the collection workbook of a year, to send down to every organisation and read back exactly.\n\n"
        "A first sheet 'Hướng dẫn' (what to fill, the year's labels and their meaning, the deadline and address of the settings file, the checks that will be made), then the list in the layout the reader knows: the rating column a drop-down of the year's labels, from 2025 the score columns (0-100, whole or half points), a discipline and a notes column; the header locked without a password, the rows to fill open; a hidden marker by which ccq-stats recognises the workbook when it comes back. The organisations, their kinds and chi bộ trực thuộc come from the store (--db) or --org; a member list is pre-filled from last year's list (--from).\n\n"
        "Examples:\n\n"
        "  ccq-stats blank --year 2025 --db ccq.sqlite -o thu_thap_2025/\n\n"
        "  ccq-stats blank --year 2025 --org 'Chi bộ Sở Tư pháp' --from dang_vien_2024.xlsx -o tu_phap_2025.xlsx\n\n"
        "  ccq-stats blank --year 2025 --shape counts --db ccq.sqlite -o so_luong_2025.xlsx"
    )
)
@bad_input_exits_2
def blank(
    year: Annotated[int, year_option(_("The rating year the workbook collects."))] = ...,
    output: Annotated[
        Path,
        output_option(
            _(
                "The workbook to write (.xlsx), or a folder (a name without a suffix) for one workbook per organisation; written atomically."
            )
        ),
    ] = ...,
    org: Annotated[
        list[str] | None,
        typer.Option(
            "--org",
            metavar=NAME,
            help=_("An organisation to write for (repeatable) [default: those the store expects to report the year]."),
        ),
    ] = None,
    shape: Annotated[
        Kind,
        typer.Option(
            "--shape", help=_("What the organisations fill: a member list, organisation ratings, or member counts.")
        ),
    ] = Kind.members,
    from_: Annotated[
        list[str] | None,
        typer.Option(
            "--from",
            metavar=FILE,
            help=_("Last year's member list: its members pre-fill the list of their organisation (repeatable)."),
        ),
    ] = None,
    db: DbOpt = None,
    settings: SettingsOpt = None,
    scales: ScalesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write the collection workbook of a year, to send down to every organisation and read back exactly."""
    be_quiet(quiet)
    books = collecting.blank_workbooks(
        year=year,
        output=output,
        shape=shape.value,
        orgs=org,
        db=db,
        from_paths=from_,
        settings=settings,
        scales_file=scales,
    )
    outputs.write_workbooks(books, list(from_ or []), quiet=quiet, year=year)


orgs_app = typer.Typer(
    help=_(
        "What happened to organisations (renamed, merged, split, moved, dissolved, established), so that history, reports and the roster follow them."
    ),
    no_args_is_help=True,
)
app.add_typer(orgs_app, name="orgs")


@orgs_app.command(
    "import",
    help=_(
        "Record what happened to organisations, from a CSV or workbook with the columns Năm (or Ngày), Thay đổi (đổi tên, sáp nhập, chia tách, chuyển, giải thể, thành lập), Từ, Thành (several names separated by ';'), and optionally Số quyết định, Mã, Ghi chú. "
        "The changes of the years the file holds replace those recorded before (kept as versions: --as-of, --revert).\n\n"
        "Examples:\n\n"
        "  ccq-stats orgs import sap_xep_2025.csv\n\n"
        "  ccq-stats orgs import --revert 9"
    ),
)
@bad_input_exits_2
def orgs_import(
    file: Annotated[str | None, typer.Argument(metavar="FILE", help=_("The lineage file (CSV or workbook)."))] = None,
    db: DbOpt = None,
    dry_run: Annotated[bool, dry_run_option(_("Read the file and say what would change; write nothing."))] = False,
    revert: Annotated[int | None, revert_option(_("Undo that lineage import by a new one."))] = None,
    quiet: QuietOpt = False,
) -> None:
    """Record what happened to organisations (the lineage), from a file."""
    from ccq_stats.errors import InputError

    if (file is None) == (revert is None):
        raise InputError(
            _("give the lineage file, or --revert IMPORT"), hint=_("e.g. ccq-stats orgs import sap_xep_2025.csv")
        )
    result = (
        organisations.orgs_revert(revert, db=db, dry_run=dry_run)
        if revert is not None
        else organisations.orgs_import(file, db=db, dry_run=dry_run)
    )
    if not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in outputs.orgs_summary(result, db)))


@orgs_app.command(
    "list",
    help=_(
        "The changes recorded in the store, oldest first.\n\n"
        "Examples:\n\n"
        "  ccq-stats orgs list\n\n"
        "  ccq-stats orgs list --format json --as-of 12"
    ),
)
@bad_input_exits_2
def orgs_list(db: DbOpt = None, fmt: OrgsFormatOpt = None, as_of: AsOfOpt = None, output: OutputOpt = None) -> None:
    """The changes recorded in the store."""
    emit(outputs.orgs_listed(organisations.orgs_list(db, as_of=as_of), (fmt.value if fmt else "table")), output)


@orgs_app.command(
    "check",
    help=_(
        "Names that may be one organisation written two ways with no change recorded between them (only case, spaces or punctuation differ, or only place words at the end such as 'tỉnh'), each with the lineage row that would join them. Never joined by itself.\n\n"
        "Examples:\n\n"
        "  ccq-stats orgs check\n\n"
        "  ccq-stats orgs check --orgs sap_xep_2025.csv --format csv"
    ),
)
@bad_input_exits_2
def orgs_check(
    db: DbOpt = None,
    orgs: Annotated[
        str | None, orgs_file_option(_("Check against this lineage file instead of the store's lineage."))
    ] = None,
    fmt: OrgsFormatOpt = None,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
) -> None:
    """Name drift: names that may be one organisation, with the lineage row that would join them."""
    emit(
        outputs.drift_listed(
            organisations.orgs_check(db, as_of=as_of, orgs_file=orgs), (fmt.value if fmt else "table")
        ),
        output,
    )
