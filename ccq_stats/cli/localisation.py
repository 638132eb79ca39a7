"""The option parser in the user's language: Typer's own words in help pages, and its usage errors in our words.

The one module that reaches into Typer's private parts, on purpose and nowhere else. Typer
0.29 vendors click as ``typer._click`` without its message catalogue, and typer.core asks the
stdlib's default gettext domain for its words ("Options", "[default: …]"), whose language
comes from LANGUAGE/LC_ALL/LANG – not from CCQ_LANG – and whose catalogue would be ours only by
taking over the process's default domain. No public API gives either the words or the parser's
exception types (only ``typer.BadParameter``), so pyproject.toml pins ``typer>=0.29,<0.30``,
the range these names are tested with, and tests/test_cli_thin.py fails when one of them is
gone (read it before widening the range).
"""

from __future__ import annotations

import contextlib
import re

from typer._click import Context, HelpFormatter
from typer._click.exceptions import (  # noqa: F401  ClickException … are the entry point's
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)

from ccq_stats.cli.app import app
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _

_ARGUMENT_TYPE = re.compile(r" <[^<>]*>$")  # the Python type Typer writes after an argument's name in a help page


def _typer_words() -> dict:
    """Typer's own words in a help page, in the user's language. Its vendored click has no
    catalogue (typer.core asks the stdlib's empty default domain), so without these a Vietnamese
    help page would say "Usage:", "Options:" and "Show this message and exit." in English."""
    return {
        "Usage: ": _("Usage: "),
        "Arguments": _("Arguments"),
        "Options": _("Options"),
        "Commands": _("Commands"),
        "default: {default}": _("default: {default}"),
        "required": _("required"),
        "Show this message and exit.": _("Show this message and exit."),
    }


def command_line():
    """The app as a click command whose help pages speak the user's language (see _typer_words):
    typer.core's section titles and "[default: …]" come through its module-level ``_``, which we
    point at our words; "Usage:" and the --help option's text through a help formatter of ours,
    on every command's context."""
    import typer.core
    import typer.main

    words = _typer_words()
    typer.core._ = lambda text: words.get(text, text)

    class Formatter(HelpFormatter):
        section_name = ""

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, words["Usage: "] if prefix is None else prefix)

        @contextlib.contextmanager
        def section(self, name: str):
            self.section_name = name
            with super().section(name):
                yield

        def write_dl(self, rows, *args, **kwargs) -> None:
            if (
                self.section_name == words["Arguments"]
            ):  # an argument's metavar says what it is: no "<list[str]>" after it
                rows = [(_ARGUMENT_TYPE.sub("", term), text) for term, text in rows]
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


def usage_error(exc) -> str:
    """A usage error of the option parser in our words, with the command's --help as the hint:
    built from the exception's type and attributes (the parser's own text is English)."""
    ctx = _context_of(exc)
    hint = f"{ctx.command_path} --help" if ctx is not None else "ccq-stats --help"
    if isinstance(exc, NoSuchOption):
        message = _no_such(
            exc.option_name,
            exc.possibilities or [],
            _("no such option: {name}"),
            _("no such option: {name} (did you mean {close}?)"),
        )
    elif isinstance(exc, MissingParameter):
        if exc.param is not None and exc.param.param_type_name == "argument":
            message = _("missing argument {name}").format(name=_argument_name(exc.param))
        else:
            message = _("missing option {name}").format(name=_option_name(exc.param) if exc.param else "")
    elif isinstance(exc, BadParameter) and exc.param is not None:
        message = _bad_value(exc)
    elif isinstance(exc, BadOptionUsage):
        flag = ctx is not None and any(
            exc.option_name in p.opts and getattr(p, "is_flag", False) for p in ctx.command.params
        )
        message = (_("{option} takes no value") if flag else _("{option} needs a value")).format(option=exc.option_name)
    else:
        message = _plain_usage_error(exc)
    return str(InputError(message, hint=hint))


def _context_of(exc):
    """The command context a usage error is about. The parser raises some (an option without its
    value) without one; the frame of the command that was parsing has it."""
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

    text = exc.format_message()
    unknown = re.match(r"No such command ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", text)
    if unknown:
        name = ast.literal_eval(unknown.group(1))
        commands = list(getattr(exc.ctx.command, "commands", {})) if exc.ctx is not None else []
        return _no_such(
            name, commands, _("no such command: {name}"), _("no such command: {name} (did you mean {close}?)")
        )
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
            return _("{option}: {value} is not between {minimum} and {maximum}").format(
                option=name, value=value, minimum=low, maximum=high
            )
        if low is not None:
            return _("{option}: {value} is less than {minimum}").format(option=name, value=value, minimum=low)
        return _("{option}: {value} is more than {maximum}").format(option=name, value=value, maximum=high)
    return _("{option}: '{value}' is not valid ({reason})").format(option=name, value=value, reason=exc.message)
