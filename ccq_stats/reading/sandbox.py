"""The reader process: files we do not trust are parsed in a separate process, with a memory
and a time limit, so that a native reader that aborts (python-calamine does on some crafted
files), a runaway allocation or a parse that never ends becomes a one-line error naming the
file, never a crash or a hung tool.

One process serves every file of a run (starting one costs ~0.1 s plus its imports, paid once
and while this process does its own work), and is started again after a file that killed it.
It is a fresh interpreter (``python -P -m ccq_stats.reading.worker``), never a ``fork()`` of this
process, which may already run threads (pyarrow's pool): forking a threaded process can leave
locks held for ever in the child. That works the same way on Windows, where the time limit
holds but the memory limit does not (Windows has no RLIMIT_AS; see SECURITY.md).

A request is ``(function, args, memory limit, time limit, current folder, language)``, pickled (the function by reference: it
must be importable), and the answer ``(outcome, value)``, each framed by an 8-byte length. The language goes
with each request, not only with the environment the child inherited when it started: a caller may switch
``CCQ_LANG`` while the child runs, and the errors and warnings made there must speak as this process does.
"""

from __future__ import annotations

import atexit
import os
import pickle
import struct
import subprocess
import sys
import threading

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import language
from ccq_stats.reading.limits import Limits

_FRAME = struct.Struct(">Q")


class ReaderProcess:
    """A child process that runs functions for us, one at a time, under limits."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start the child now (it imports its libraries while we go on), if it is not running."""
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                # -P: not the current folder first on the module path, where a folder named ccq_stats
                # (another checkout) would be imported instead of this process's own package
                [sys.executable, "-P", "-m", "ccq_stats.reading.worker"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # a native reader's panic text is not for the user; we say what happened
            )

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        try:
            process.stdin.close()
            process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()

    def call(self, function, *args, limits: Limits, display: str):
        """``function(*args)`` in the child: its result, or the InputError it raised, or an
        InputError saying how the child failed (crashed, out of memory, too slow)."""
        self.start()
        process = self._process
        # the current folder and the language go with each request: relative paths mean the same in both
        # processes, and the messages made there are in this process's language
        request = pickle.dumps(
            (function, args, limits.read_memory_mb, limits.read_timeout, os.getcwd(), language()),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        try:
            process.stdin.write(_FRAME.pack(len(request)) + request)
            process.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # it died before reading: the answer below is empty, and says how
        answer = self._answer(process, limits.read_timeout)
        if answer is None:
            process.kill()
            process.wait()
            self._process = None
            raise InputError(
                _("reading took longer than {seconds} s; stopped").format(seconds=limits.read_timeout),
                file=display,
                hint=_("raise CCQ_READ_TIMEOUT if the file is genuine, or save it as CSV"),
            )
        if not answer:
            status = process.wait()
            self._process = None
            raise _ended(status, limits, display)
        outcome, value = _unpickled(answer)
        if outcome == "ok":
            return value
        if outcome == "input":
            message, where, shown, hint = value
            raise InputError(message, where=where, value=shown, hint=hint)
        self.stop()  # after running out of memory or an unexpected error, the next file gets a fresh child
        if outcome == "memory":
            raise InputError(
                _("reading needed more than {limit} MB of memory; stopped").format(limit=limits.read_memory_mb),
                file=display,
                hint=_("the file may be a bomb; raise CCQ_READ_MEMORY_MB if it is genuine, or save it as CSV"),
            )
        raise InputError(
            _("the spreadsheet reader failed on this file ({reason})").format(reason=value),
            file=display,
            hint=_("open it in Excel and save it again, or save it as CSV"),
        )

    @staticmethod
    def _answer(process: subprocess.Popen, timeout: float) -> bytes | None:
        """The child's framed answer; b"" if it died; None if it took longer than ``timeout``.
        Read in a thread: a wait with a timeout that works on pipes on every system."""
        box: list[bytes] = []

        def receive() -> None:
            head = process.stdout.read(_FRAME.size)
            if len(head) < _FRAME.size:
                box.append(b"")
                return
            (size,) = _FRAME.unpack(head)
            data = process.stdout.read(size)
            box.append(data if len(data) == size else b"")

        thread = threading.Thread(target=receive, daemon=True)
        thread.start()
        thread.join(timeout)
        return box[0] if box else None


def _unpickled(answer: bytes):
    """The answer, unpickled with the cyclic garbage collector paused: a grid is hundreds of
    thousands of new objects, none of them in a cycle, and the collections their allocation
    would set off cost more than the unpickling itself (0.4 s instead of 0.14 s on 200,000 rows)."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(answer)
    finally:
        if paused:
            gc.enable()


# how the reader process may end without answering, by the signal that ended it
_KILLED = {"SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT"}  # from outside: a user, the system's OOM killer
_OWN_LIMIT = {"SIGALRM", "SIGXCPU"}  # its own time limit (worker._limit_time)


def _ended(status: int, limits: Limits, display: str) -> InputError:
    """The error for a reader process that ended without answering, with ``status`` (negative:
    the signal). Only a crash is the file's fault; a kill is said as a kill."""
    import signal

    name = signal.Signals(-status).name if status < 0 and -status in signal.valid_signals() else ""
    if name in _OWN_LIMIT:
        return InputError(
            _("reading took longer than {seconds} s; stopped").format(seconds=limits.read_timeout),
            file=display,
            hint=_("raise CCQ_READ_TIMEOUT if the file is genuine, or save it as CSV"),
        )
    if name in _KILLED:
        return InputError(
            _("the spreadsheet reader was killed from outside ({signal}) while reading this file").format(signal=name),
            file=display,
            hint=_(
                "something else stopped it (a user, or the system when memory ran short); "
                "run again, or read fewer files at a time"
            ),
        )
    crashed = (
        _("the spreadsheet reader crashed on this file (signal {signal})").format(signal=-status)
        if status < 0
        else _("the spreadsheet reader crashed on this file (exit {status})").format(status=status)
    )
    return InputError(
        crashed,
        file=display,
        hint=_("the file may be damaged or crafted; open it in Excel, save it again, or save it as CSV"),
    )


_reader = ReaderProcess()
atexit.register(_reader.stop)


def start_reader() -> None:
    """Start the reader process early, so that its start-up overlaps our own work."""
    _reader.start()


def isolated(function, *args, limits: Limits, display: str):
    """Run ``function(*args)`` (an importable function) in the reader process, under ``limits``."""
    return _reader.call(function, *args, limits=limits, display=display)
