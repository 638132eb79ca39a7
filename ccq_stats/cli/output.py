"""Choosing the output format (--format, the -o file's suffix, terminal or pipe) and writing the
output: atomically to a file, or to stdout."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import typer

from ccq_stats.api import outputs
from ccq_stats.cli.options import Format, ReportFormat, value_of
from ccq_stats.errors import InputError, escaped
from ccq_stats.i18n import gettext as _


def excel_csv(excel: bool, fmt: Format | None, output: Path | None, chosen: str) -> str:
    """--excel writes CSV: the format, unless --format or the -o file's name says another."""
    if not excel:
        return chosen
    if fmt is not None and fmt.value != "csv":
        raise InputError(
            _("--excel writes CSV, but --format says {format}").format(format=fmt.value),
            hint=_("drop --format (or say --format csv), or drop --excel"),
        )
    said = format_of_suffix(output, DATA_SUFFIXES, None)
    if said is not None and said != "csv":
        raise InputError(
            _("--excel writes CSV, but the file name says {format}").format(format=said),
            file=str(output),
            hint=_("name the file .csv"),
        )
    return "csv"


# What an -o file's suffix says: the format of classify and check, and of report.
DATA_SUFFIXES = {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}
REPORT_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
    ".docx": "docx",
}
INSPECT_SUFFIXES = {".json": "json", ".txt": "table"}
MONTH_FORMATS = ("md", "html", "txt", "docx")  # what the monthly summary can be written as
# Suffixes that name a format: a command writes under one of them only the format it names,
# --format or not (".txt" is plain text of any kind: not among them).
FORMAT_SUFFIXES = (
    frozenset(DATA_SUFFIXES)
    | frozenset(REPORT_SUFFIXES) - {".txt"}
    | {
        ".tsv",
        ".jsonl",
        ".xls",
        ".xlsm",
        ".xlsb",
        ".ods",
        ".odt",
        ".doc",
        ".rtf",
        ".pdf",
        ".xml",
        ".parquet",
        ".pq",
        ".sqlite",
        ".sqlite3",
        ".db",
        ".zip",
    }
)


def format_of_suffix(output: Path | None, suffixes: dict, fmt: str | None, has_format: bool = True) -> str | None:
    """The format an -o file's suffix names, checked against --format: a suffix that contradicts
    it, or that the command cannot write, is an error. None when the name says nothing (no
    suffix, as /dev/stdout, or an unknown one under an explicit --format)."""
    suffix = output.suffix.lower() if output is not None else ""
    said = suffixes.get(suffix)
    writable = ", ".join(dict.fromkeys(suffixes))
    if said is None and suffix and (fmt is None or suffix in FORMAT_SUFFIXES):  # never one format under another's name
        hint = (
            _("end the name in one of {suffixes}, or say --format")
            if has_format and suffix not in FORMAT_SUFFIXES
            else _("end the name in one of {suffixes}")
        )
        raise InputError(
            _("cannot write a {suffix} file (this command writes {suffixes})").format(suffix=suffix, suffixes=writable),
            file=str(output),
            hint=hint.format(suffixes=writable),
        )
    if said is not None and fmt is not None and said != fmt:
        raise InputError(
            _("the file name says {said} but --format says {format}").format(said=said, format=fmt),
            file=str(output),
            hint=_("name the file .{format}, or drop --format").format(format=fmt),
        )
    return said


def choose_format(fmt: Format | None, output: Path | None) -> str:
    """An explicit --format wins; else what the -o file's suffix says; else a table at a
    terminal, CSV otherwise."""
    said = format_of_suffix(output, DATA_SUFFIXES, value_of(fmt))
    if fmt is not None:
        return fmt.value
    if said:
        return said
    return "table" if output is None and sys.stdout.isatty() else "csv"


def choose_report_format(
    fmt: ReportFormat | None, output: Path | None, template: str | None, month: bool = False
) -> str:
    """--format, else the -o suffix, else the template file's name, else md; any two that
    disagree are an error, and so is a format the monthly summary (``month``) has no form in,
    or a workbook or Word document for the terminal."""
    said = format_of_suffix(output, REPORT_SUFFIXES, value_of(fmt))
    by_template = outputs.template_format(template)
    if said and by_template and said != by_template and fmt is None:
        raise InputError(
            _("the file name says {said} but the template writes {format}").format(said=said, format=by_template),
            file=str(output),
            hint=_("name the file .{format}, or use a {said} template").format(format=by_template, said=said),
        )
    chosen = value_of(fmt) or said or by_template or "md"
    if (
        month and chosen not in MONTH_FORMATS
    ):  # never Markdown under a .docx name: the format the name says, or an error
        raise InputError(
            _("the monthly summary has no {format} form yet").format(format=chosen),
            hint=_("use --format md, html, txt or docx"),
        )
    if chosen in ("xlsx", "docx") and output is None and sys.stdout.isatty():
        raise InputError(
            _("an {format} file is not for the terminal").format(format=chosen),
            hint=_("add -o bao_cao.{format}").format(format=chosen),
        )
    return chosen


def month_output(output: Path | None, month: str) -> Path | None:
    """One file per month: '{month}' in the -o name becomes YYYY-MM (thang_{month}.html -> thang_2019-12.html)."""
    if output is not None and "{month}" in str(output):
        return Path(str(output).replace("{month}", month))
    return output


def data_text(data, fmt: str, output: Path | None):
    """What a command writes: the text or bytes as they are; tables (rich) rendered as text,
    coloured only on a terminal."""
    return tables_text(data, to_terminal=output is None) if fmt == "table" else data


def emit(data: str | bytes, output: Path | None) -> None:
    """Write the whole result: to a file atomically, or to stdout (quietly if the pipe closes)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is not None:
        outputs.write_output(output, raw)
        return
    if isinstance(data, str) and sys.stdout.isatty():
        raw = for_terminal(data).encode("utf-8")
    try:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_pipe()
    except OSError as exc:  # > /dev/full, a full disk, a quota: said once; the unwritten rest is dropped
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the flush at exit does not fail a second time
        raise InputError(
            _("cannot write the output: {reason}").format(reason=exc.strerror),
            file="<stdout>",
            hint=_("check the disk the output goes to has room"),
        ) from None


_SGR = r"\x1b\[[0-9;]*m"  # the colours our own tables write (rich)
_TERMINAL_CONTROL = re.compile(f"({_SGR})|([\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f])")


def for_terminal(text: str) -> str:
    """Text for a terminal with every control character shown escaped (\\x1b, \\x07), as file
    names are in messages, so that no name can move the cursor, retitle the window or clear
    the screen; lines, tabs and the colours of our own tables pass. The one function for text
    that goes to a terminal (names have no control characters after reading: this is the guard
    behind that rule)."""
    return _TERMINAL_CONTROL.sub(lambda m: m[1] or escaped(m[2]), text)


def tables_text(tables, to_terminal: bool) -> str:
    """Tables rendered as text: coloured only on a terminal without NO_COLOR."""
    import io

    from rich.console import Console

    terminal = to_terminal and sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=terminal,
        no_color=not terminal or "NO_COLOR" in os.environ,
        width=table_width(to_terminal),
    )
    for table in tables:
        console.print(table)
        console.print()
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def table_width(to_terminal: bool) -> int:
    """The width tables are fitted to and rendered at: the terminal's (COLUMNS, if set), else 160."""
    from rich.console import Console

    return Console().width if to_terminal and sys.stdout.isatty() else 160


def quiet_pipe() -> None:
    """The reader closed the pipe (| head): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(0)
