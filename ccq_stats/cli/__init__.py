"""The ``ccq-stats`` command line: parse options, call ``ccq_stats.api``, write the result.

Kept thin and light: pandas, openpyxl and the readers are imported inside the commands, so
``ccq-stats --help`` and ``--version`` start fast. Exit codes: 0 success (warnings on stderr),
2 bad input or usage.

The rooms: ``app`` (the Typer app, what runs before every command), ``options`` (the shared
options, written once), ``preamble`` (what every command does first), ``output`` (the format
and where it goes), ``warnings_file`` (--warnings FILE), ``logs`` (stderr), ``localisation``
(the option parser's words), ``entry`` (the console script); the commands by family in
``read_commands``, ``report_commands``, ``inspect_command``, ``store_commands`` and
``collection_commands`` (blank, orgs).

How to add a command:
  1. Put its logic in ONE function of ``ccq_stats.api`` (a Python user could call it).
  2. Write the command in the family module it belongs to (or a new ``*_commands.py``, imported
     below): ``@app.command(help=_("…"))``, then ``@bad_input_exits_2`` (and ``@keeps_warnings()``
     if it reads files), its options from ``cli/options.py`` (write a new shared one there, once),
     a body that builds the options, calls the api function, and writes with ``output.emit``.
  3. Add the Vietnamese of its help texts at the END of the .po file; document it in the README.
"""

from __future__ import annotations

from ccq_stats.cli.app import app
from ccq_stats.cli.entry import main
from ccq_stats.cli.output import for_terminal

# The command modules register their commands on ``app`` when imported; the order here is the
# order of the commands in ``ccq-stats --help``.
from ccq_stats.cli import read_commands, report_commands, inspect_command, store_commands, collection_commands  # noqa: E402,F401  isort: skip

__all__ = ["app", "for_terminal", "main"]
