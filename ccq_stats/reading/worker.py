"""The reader process's main loop (see ``sandbox``): run each request under its memory limit
and answer with its outcome. Started as ``python -m ccq_stats.reading.worker``."""

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


def _run(request: bytes):
    try:
        function, args, memory_mb, folder, language = pickle.loads(request)
        os.chdir(folder)
        os.environ["CCQ_LANG"] = language  # the parent's language, whatever it was when this process started
        _limit_memory(memory_mb)
        return "ok", function(*args)
    except InputError as exc:
        return "input", (exc.message, exc.where, exc.value, exc.hint)
    except MemoryError:
        return "memory", None
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a bad file
        return "failed", f"{type(exc).__name__}: {exc}"[:300]


def main() -> None:
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
