"""The example outputs of README.md and docs/templates.md, produced by running their commands.

The documents carry cog blocks (https://nedbatchelder.com/code/cog/, hidden in HTML comments)
that call ``show()``; cog replaces each block's output with what the commands print now:

    .venv/bin/cog -r README.md docs/templates.md            # regenerate, from the repository root
    .venv/bin/cog --check --diff README.md docs/templates.md  # what tests/test_readme_outputs.py runs

How a command is run, so that the output is what a user sees and the same on every machine:

- as typed at a terminal: ``bash -c COMMAND`` whose standard output and error are one
  pseudo-terminal of ``COLUMNS`` × ``LINES`` (warnings and data interleaved as they are shown;
  ``| head``, ``2>/dev/null`` and ``> file`` are the shell's). Needs a POSIX system (``pty``).
- the installed ``ccq-stats`` of the interpreter running cog (the project's .venv) first on PATH;
  a clean environment: ``CCQ_LANG=en``, ``CCQ_NO_PROGRESS=1``, ``NO_COLOR=1`` and ``TERM=dumb``
  (no escape codes), ``TZ=UTC``, a UTF-8 locale, ``HOME`` and the data folder inside the scratch
  folder (no user store is ever read), no ``CCQ_STATS_DB``.
- in a scratch folder that holds a copy of the repository's ``sample_data/`` and
  ``sample_term_2020_2025/``: paths read exactly as from the repository root (``sample_data/…``),
  while the files the examples write (a store, a report, a copied template) never land in the
  repository. The blocks of one document run in order in one scratch folder, so a later block
  sees the store an earlier one filled.
- dates come from options (``--date``). What no option fixes is masked visibly, never edited
  silently: only ``history``'s import log, whose time and user@host are those of the run
  (``mask_machine``).

A command that exits with another status than the block expects stops the regeneration (an
example must not silently turn into an error message).
"""

from __future__ import annotations

import atexit
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = 120  # the terminal's width for every example: a Windows console's default, and what GitHub shows unscrolled
LINES = 50
TIMEOUT = 120  # seconds one command may take

_scratches: dict[str, Scratch] = {}


class Scratch:
    """A scratch folder with a copy of the samples, and the environment the examples run in."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="ccq-readme-"))
        atexit.register(shutil.rmtree, self.folder, ignore_errors=True)
        for sample in ("sample_data", "sample_term_2020_2025"):  # the two samples, read as from the repository root
            shutil.copytree(ROOT / sample, self.folder / sample, ignore=shutil.ignore_patterns("__pycache__"))
        (self.folder / ".home").mkdir()
        self.env = environment(self.folder / ".home")
        self.status = 0  # the last command's exit status, for `echo $?`

    def run(self, command: str) -> tuple[str, int]:
        """What `command` prints at a terminal, and its exit status (with EXAMPLES_TIMES=1 in
        the environment, how long it took goes to stderr: the test's budget is ~60 s)."""
        import time

        started = time.perf_counter()
        text, status = at_terminal(f"(exit {self.status}); {command}", self.folder, self.env)
        if os.environ.get("EXAMPLES_TIMES"):
            print(f"{time.perf_counter() - started:6.2f} s  {command}", file=sys.stderr)
        self.status = status
        return text, status


def environment(home: Path) -> dict[str, str]:
    executable_dir = Path(sys.executable).parent
    if not (executable_dir / "ccq-stats").exists():
        raise SystemExit(
            f"readme_examples: no ccq-stats beside {sys.executable}: run cog from the project's venv "
            "(python3 -m venv .venv && .venv/bin/pip install -e '.[test]'; .venv/bin/cog …)"
        )
    return {
        "PATH": os.pathsep.join([str(executable_dir), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
        "TERM": "dumb",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
        "CCQ_LANG": "en",
        "CCQ_NO_PROGRESS": "1",
        "NO_COLOR": "1",
        "USER": "staff",
        "LOGNAME": "staff",  # who imports: a name, not the account running cog
    }


def at_terminal(command: str, cwd: Path, env: dict[str, str]) -> tuple[str, int]:
    """Run `command` with bash, its stdout and stderr one pseudo-terminal; (what it showed, status)."""
    import fcntl
    import pty
    import struct
    import termios
    import time

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    proc = subprocess.Popen(
        ["bash", "--noprofile", "--norc", "-c", command],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=env,
        close_fds=True,
    )
    os.close(slave)
    chunks, deadline = [], time.monotonic() + TIMEOUT
    try:
        while True:
            ready, _, _ = select.select([master], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                proc.kill()
                raise SystemExit(f"readme_examples: {command!r} took more than {TIMEOUT} s")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the command and everything it started closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        status = proc.wait(timeout=TIMEOUT)
    finally:
        os.close(master)
    raw = b"".join(chunks)
    try:
        return raw.decode("utf-8").replace("\r\n", "\n"), status
    except UnicodeDecodeError as exc:
        raise SystemExit(
            f"readme_examples: {command!r} printed bytes that are not UTF-8: {raw[max(0, exc.start - 60) : exc.end + 20]!r}"
        ) from None


def scratch() -> Scratch:
    """The scratch folder of the document cog is processing (one per document, kept in order)."""
    import cog

    name = str(Path(cog.inFile).resolve())
    if name not in _scratches:
        _scratches[name] = Scratch()
    return _scratches[name]


def block(*commands: str | tuple[str, int], mask=None) -> str:
    """A fenced block: each command after `$ `, then what it printed. A command is a string
    (it must exit 0) or (command, expected exit status)."""
    here = scratch()
    lines = ["```"]
    for item in commands:
        command, expected = (item, 0) if isinstance(item, str) else item
        text, status = here.run(command)
        if status != expected:
            raise SystemExit(f"readme_examples: {command!r} exited {status}, the example expects {expected}:\n{text}")
        lines.append(f"$ {command}")
        lines.extend((mask(text) if mask else text).splitlines())
    lines.append("```")
    return "\n".join(lines) + "\n"


def show(*commands: str | tuple[str, int], mask=None) -> None:
    """Write `block(*commands)` as the cog block's output."""
    import cog

    cog.out(block(*commands, mask=mask))


def write(name: str, text: str) -> None:
    """Create a file in the scratch folder for the examples that follow (shown with `$ cat`)."""
    (scratch().folder / name).write_text(text, encoding="utf-8")


def write_from_document(name: str) -> None:
    """Create `name` from the document's own fenced block whose first line is `# name`, so the
    file the commands read is the one the reader sees."""
    import cog

    text = Path(cog.inFile).read_text(encoding="utf-8")
    found = re.search(r"^```\w*\n(# " + re.escape(name) + r"\n.*?)^```", text, re.M | re.S)
    if not found:
        raise SystemExit(f"readme_examples: no block starting '# {name}' in {cog.inFile}")
    write(name, found.group(1))


def mask_machine(text: str) -> str:
    """`history`'s import log names the moment and the machine of each import, which no option
    sets: the times become 'YYYY-MM-DD hh:mm:ss' (same width) and user@host 'staff@HOST', the
    column re-padded to the mask's width as the table would pad it."""
    text = re.sub(r"\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\b", "YYYY-MM-DD hh:mm:ss", text)
    text = re.sub(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "YYYY-MM-DDThh:mm:ss+00:00", text)  # a store state's time
    real, shown, header = f"staff@{socket.gethostname()}", "staff@HOST", "Người nhập"
    width = max(len(shown), len(header))
    text = re.sub(re.escape(header) + " {2,}", header.ljust(width) + "  ", text)
    return re.sub(re.escape(real) + " {2,}", shown.ljust(width) + "  ", text)
