"""Inputs we do not trust: cheap checks before parsing, and parsing in a separate process.

Spreadsheets arrive by e-mail and USB stick. Before a workbook is parsed, its zip container
is checked (total uncompressed size, compression ratio, number of parts, each sheet's
declared dimension, no DTD or entity declarations in its XML, read with defusedxml). The
parse itself runs in a forked child process with a memory limit and a time limit, so that a
reader that aborts (python-calamine does on some crafted files) or a runaway allocation ends
with a clear error, not with the tool. See SECURITY.md.

Limits are settings (environment variables), with these defaults:

=======================  ========  ==================================================
CCQ_MAX_UNZIPPED_MB      1024      total uncompressed size of a workbook (a full 1,048,576-row sheet is ~350 MB)
CCQ_MAX_RATIO            200       compression ratio of a part larger than 1 MB
CCQ_MAX_CELLS            20000000  cells of one sheet, from A1 to its farthest cell (1,048,576 rows × 19 columns)
CCQ_MAX_COLUMNS          1000      columns of one sheet
CCQ_READ_MEMORY_MB       4096      address space of the child process that parses
CCQ_READ_TIMEOUT         300       seconds the child may take for one file
=======================  ========  ==================================================
"""

from __future__ import annotations

import os
import pickle
import re
import select
import signal
import time
import zipfile
from dataclasses import dataclass

from ccq_stats.errors import InputError

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')


@dataclass(frozen=True)
class Limits:
    max_unzipped_mb: int = 1024
    max_ratio: int = 200
    max_cells: int = 20_000_000
    max_columns: int = 1000
    read_memory_mb: int = 4096
    read_timeout: int = 300

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for name in cls.__dataclass_fields__:
            raw = os.environ.get(f"CCQ_{name.upper()}")
            if raw is not None:
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise InputError(f"CCQ_{name.upper()} is not a whole number", value=raw, hint="see SECURITY.md") from None
        return cls(**values)


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def check_zip(path: str, display: str, limits: Limits) -> None:
    """Reject zip bombs, dimension bombs and XML entity declarations before any parser runs."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise InputError("cannot read the workbook (not a valid zip container; truncated?)", file=display,
                         hint="the file may be truncated or not a spreadsheet; open it in Excel and save it again") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > 10_000:
            raise InputError(f"the workbook has {len(infos)} parts", file=display, hint="not a rating workbook; see SECURITY.md")
        total = sum(i.file_size for i in infos)
        if total > limits.max_unzipped_mb * 1024 * 1024:
            raise InputError(
                f"the workbook unpacks to {total // (1024 * 1024)} MB, over the limit of {limits.max_unzipped_mb} MB",
                file=display, hint="for data this large use CSV; or raise CCQ_MAX_UNZIPPED_MB (see SECURITY.md)",
            )
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise InputError(
                    f"part '{info.filename}' is compressed {info.file_size // max(info.compress_size, 1)} to 1, "
                    "like a zip bomb", file=display, hint="raise CCQ_MAX_RATIO if the file is genuine (see SECURITY.md)",
                )
            if info.filename.endswith((".xml", ".rels")) and info.file_size:
                _check_xml_part(archive, info, display, limits)


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str, limits: Limits) -> None:
    try:
        with archive.open(info) as stream:
            head = stream.read(64 * 1024)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise InputError(f"cannot read part '{info.filename}' of the workbook ({exc})", file=display,
                         hint="the file may be damaged; open it in Excel and save it again") from None
    if _DOCTYPE.search(head):
        raise InputError(f"part '{info.filename}' declares a DTD or XML entities, which workbooks never need", file=display,
                         hint="the file may be crafted to attack XML readers; ask for a clean copy")
    if info.filename in ("[Content_Types].xml", "xl/workbook.xml") and len(head) < 64 * 1024:
        import defusedxml.ElementTree as ET
        from defusedxml import DefusedXmlException

        try:
            ET.fromstring(head)
        except (DefusedXmlException, ET.ParseError) as exc:
            raise InputError(f"part '{info.filename}' is not valid XML ({exc})", file=display,
                             hint="the file may be damaged; open it in Excel and save it again") from None
    match = _DIMENSION.search(head)
    refs = [(column_number(c), int(r)) for c, r in _CELL_REF.findall(head)]
    if match or refs:
        # the area from A1 to the farthest cell, as a reader lays the sheet out
        if match:
            cols = column_number(match.group(3) or match.group(1))
            rows = int(match.group(4) or match.group(2))
        else:
            cols, rows = 0, 0
        cols = max([cols] + [c for c, _ in refs])
        rows = max([rows] + [r for _, r in refs])
        if rows * cols > limits.max_cells:
            raise InputError(
                f"sheet part '{info.filename}' spans {rows:,} rows × {cols:,} columns from A1, over the limit of "
                f"{limits.max_cells:,} cells", file=display,
                hint="delete the empty rows and columns below and right of the table, or raise CCQ_MAX_CELLS",
            )


def is_encrypted(path) -> bool:
    """A password-protected Office file: an OLE container holding an "EncryptionInfo" stream."""
    with open(path, "rb") as stream:
        head = stream.read(8)
        if head != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            return False
        data = stream.read(16 * 1024 * 1024)
    return "EncryptionInfo".encode("utf-16-le") in data


def isolated(function, *args, limits: Limits, display: str):
    """Run ``function(*args)`` in a forked child with a memory and a time limit.

    The result (or an InputError) comes back pickled through a pipe. A child that dies – an
    abort in a native reader, the memory limit – becomes an InputError naming the file.
    Where fork is not available the function runs in this process.
    """
    if not hasattr(os, "fork"):
        return function(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        status = 0
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)  # a native reader's panic text is not for the user; the parent says what happened
        try:
            import resource

            limit = limits.read_memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            outcome = ("ok", function(*args))
        except InputError as exc:
            outcome = ("input", (exc.message, exc.where, exc.value, exc.hint))
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as a bad file
            outcome = ("failed", f"{type(exc).__name__}: {exc}"[:300])
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # noqa: BLE001
            status = 1
        os._exit(status)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + limits.read_timeout
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([pipe], [], [], max(remaining, 0))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise InputError(f"reading took longer than {limits.read_timeout} s; stopped", file=display,
                                 hint="raise CCQ_READ_TIMEOUT if the file is genuine, or save it as CSV")
            chunk = os.read(pipe.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    data = b"".join(chunks)
    if not data:
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
        raise InputError(f"the spreadsheet reader crashed on this file ({how})", file=display,
                         hint="the file may be damaged or crafted; open it in Excel, save it again, or save it as CSV")
    kind, value = pickle.loads(data)
    if kind == "ok":
        return value
    if kind == "input":
        message, where, shown, hint = value
        raise InputError(message, where=where, value=shown, hint=hint)
    if kind == "memory":
        raise InputError(f"reading needed more than {limits.read_memory_mb} MB of memory; stopped", file=display,
                         hint="the file may be a bomb; raise CCQ_READ_MEMORY_MB if it is genuine, or save it as CSV")
    raise InputError(f"the spreadsheet reader failed on this file ({value})", file=display,
                     hint="open it in Excel and save it again, or save it as CSV")


# -- legacy Vietnamese encodings -------------------------------------------------------
# Text typed with the old TCVN3 (ABC, ".Vn" fonts) or VNI fonts looks like Latin-1 letters
# when read as Unicode. It needs converting (e.g. Unikey's converter), not normalising.

# Characters these fonts use that Vietnamese in Unicode never contains.
_TCVN3_MARKS = set("µ¸¶·¹¨©ª«¬®§¾ÖÞ×")
_VNI_MARKS = set("øûïäëåöñÑ")


def legacy_encoding(text: str) -> str | None:
    """ "TCVN3 (ABC)" or "VNI" when text looks typed in those legacy encodings, else None."""
    if not text or text.isascii():
        return None
    tcvn3 = sum(ch in _TCVN3_MARKS for ch in text)
    vni = sum(ch in _VNI_MARKS for ch in text)
    if max(tcvn3, vni) < 2:
        return None
    return "TCVN3 (ABC)" if tcvn3 >= vni else "VNI"
