"""Atomic file output: a file is written to a temporary name in the same folder and renamed
into place, so a reader never sees half a file and a failure leaves the old one.

The temporary file is hidden and carries our mark and process id (``.NAME.ccqPID.XXXXXXXX.tmp``):
a write killed with SIGKILL leaves it behind, and the next write into that folder removes it
once its process is gone and it is a minute old (``remove_stale_temporaries``). Readers skip
hidden files."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

_OURS = re.compile(r"^\..+\.ccq(\d+)\.[A-Za-z0-9_]+\.tmp$")
STALE_AFTER = 60  # seconds: a write of ours (rendered in memory first) never takes this long


def _mode_for(path: Path) -> int:
    """The replaced file's mode, else what a new file gets under the current umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path = Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():  # /dev/null, /dev/stdout, a FIFO: write
        with open(path, "wb") as stream:  # through; a rename would replace the device
            stream.write(data)
        return
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temporaries(folder)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.ccq{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(temp, _mode_for(path))  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Remove the temporary files of ours in ``folder`` left by a write that was killed: their
    process no longer runs here and they are older than STALE_AFTER (a process of the same id
    on another machine sharing the folder would have finished its write by then). Anything
    not named as ours is left alone; so is everything on Windows, where no safe check of a
    process id exists (os.kill there would end the process)."""
    if os.name == "nt":
        return
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        match = _OURS.match(entry.name)
        if not match or _running(int(match.group(1))):
            continue
        try:
            if (
                entry.is_file(follow_symlinks=False)
                and time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            ):
                os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to remove


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process (or an id we cannot check): keep its file
    return True
