"""``ccq-stats`` and ``python -m ccq_stats``: the console entry point.

``ccq-stats --version`` alone is answered here, before the command line is built: building it
imports Typer and the commands (and Typer reads every command's annotations), which is most of
the start-up time and tells nothing a version line needs. Everything else goes to ``cli.main``.
"""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from ccq_stats import version_line

        sys.stdout.write(version_line() + "\n")
        return
    from ccq_stats.cli import main as command_line

    command_line()


if __name__ == "__main__":
    main()
