"""The console entry point (``ccq-stats``, ``python -m ccq_stats``): usage errors as one line, exit codes."""

from __future__ import annotations

import os
import sys

import typer

from ccq_stats.cli.localisation import ClickException, NoArgsIsHelpError, UsageError, command_line, usage_error
from ccq_stats.i18n import gettext as _


def _utf8_streams() -> None:
    """Vietnamese on a console that is not UTF-8 (Windows' cp1252, a cron job's C locale): write
    UTF-8 rather than fail on the first accented letter (data already goes out as UTF-8 bytes)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    """Console entry point: usage errors of the option parser are one line in our words, exit 2."""
    _utf8_streams()
    try:
        code = command_line().main(standalone_mode=False)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except NoArgsIsHelpError as exc:  # no_args_is_help: the help, on stderr, exit 2 (as before)
        exc.show()
        sys.exit(exc.exit_code)
    except UsageError as exc:
        sys.stderr.write(_("ccq-stats: error: {message}").format(message=usage_error(exc)) + "\n")
        sys.exit(2)
    except ClickException as exc:  # pragma: no cover - our commands raise none but usage errors
        sys.stderr.write(_("ccq-stats: error: {message}").format(message=exc.format_message()) + "\n")
        sys.exit(exc.exit_code)
    except typer.Abort:  # pragma: no cover - end of input at a prompt; we have no prompts
        sys.stderr.write(_("Aborted!") + "\n")
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)  # without standalone mode, typer.Exit(n) comes back as n
