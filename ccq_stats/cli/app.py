"""The Typer application and what runs before every command (logging, the settings checked)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ccq_stats import version_line
from ccq_stats.cli.logs import setup_logging
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _

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


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


@app.callback(
    help=_(
        "Party-building rating statistics (thống kê đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên): read the yearly rating spreadsheets, classify every rating, count the shares.\n\n"
        "Examples:\n\n"
        "  ccq-stats classify sample_data/\n\n"
        "  ccq-stats classify xep_loai_2019.xlsx --by unit --format csv -o 2019.csv"
    )
)
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=_("Print the version and exit."))
    ] = False,
) -> None:
    """Before any command: the warnings' handler on stderr; the numeric settings checked (one
    line naming a bad one, before any work)."""
    setup_logging()
    from ccq_stats.environment import check_all

    try:
        check_all()
    except InputError as exc:
        sys.stderr.write(_("ccq-stats: error: {message}").format(message=exc) + "\n")
        raise typer.Exit(2) from None
