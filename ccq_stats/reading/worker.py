"""The reader process's main loop (see ``sandbox``): run each request under its memory and time
limits and answer with its outcome. Started as ``python -P -m ccq_stats.reading.worker``.

It never outlives the process that started it: on Linux the kernel kills it when its parent
dies (``PR_SET_PDEATHSIG``); everywhere, a thread watches the parent's process id and ends this
process when the parent is gone (a parent killed with -9 runs no clean-up of its own). And it
keeps its own time limit, not only the parent's: a request that runs past the parent's limit
(plus a grace) ends this process by SIGALRM, and past that much CPU time by SIGXCPU, so that a
parent that is stopped or stuck cannot leave it running.
"""

from __future__ import annotations

import os
import pickle
import sys

from ccq_stats.errors import InputError

_FRAME = 8


def _limit_memory(megabytes: int) -> None:
    """The address-space limit for this request (the soft limit: the next request may raise it)."""
    try:
        import resource
    except ImportError:  # Windows: no such limit (SECURITY.md says so)
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


GRACE = 5  # seconds past the parent's time limit before this process ends itself (the parent should stop it first)


def _die_with_parent() -> None:
    """End this process when the parent is gone: the kernel's signal on Linux, and a watching
    thread everywhere (it also covers the moment before the signal was asked for)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass  # the thread below still watches

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)  # the parent is gone: nobody will read our answer

    import threading

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _limit_time(seconds: int) -> None:
    """This request's own time limit: SIGALRM after ``seconds`` + GRACE of wall time, SIGXCPU
    after that much more CPU time. Both signals' default action ends the process, even inside
    a native parser that never returns to Python."""
    try:
        import resource
        import signal
    except ImportError:  # Windows: the parent's limit only (SECURITY.md says so)
        return
    signal.alarm(seconds + GRACE)
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime) + seconds + GRACE
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or cpu < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))  # the soft limit: the next request moves it on


def _run(request: bytes):
    try:
        function, args, memory_mb, seconds, folder, language = pickle.loads(request)
        os.chdir(folder)
        os.environ["CCQ_LANG"] = language  # the parent's language, whatever it was when this process started
        _limit_memory(memory_mb)
        _limit_time(seconds)
        return "ok", function(*args)
    except InputError as exc:
        return "input", (exc.message, exc.where, exc.value, exc.hint)
    except MemoryError:
        return "memory", None
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a bad file
        return "failed", f"{type(exc).__name__}: {exc}"[:300]


def _end_time_limit() -> None:
    try:
        import signal

        signal.alarm(0)
    except (ImportError, AttributeError):
        pass


def main() -> None:
    _die_with_parent()
    # what every file needs, imported now, while the parent is busy with its own start
    import python_calamine  # noqa: F401

    import ccq_stats.reading.parse  # noqa: F401

    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # what a native library prints must not enter the channel
    while True:
        head = requests.read(_FRAME)
        if len(head) < _FRAME:
            return  # the parent is gone, or done
        outcome = _run(requests.read(int.from_bytes(head, "big")))
        _end_time_limit()
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is a bug to report, not a hang
            data = pickle.dumps(("failed", f"{type(exc).__name__}: {exc}"[:300]))
        answers.write(len(data).to_bytes(_FRAME, "big") + data)
        answers.flush()


if __name__ == "__main__":
    main()
