"""Where the inputs are: folders expanded into files, and what each file holds by its bytes.

A file's type ("workbook", "parquet" or "text") comes from its first bytes, never from its
name alone: an .xls may be an .xlsx, a .csv saved as .xlsx is still text.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import zipfile
from pathlib import Path

from ccq_stats import CREATOR
from ccq_stats.errors import InputError, Where
from ccq_stats.figures.findings import FINDING_COLUMNS, WARNING_COLUMNS, Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import ngettext, os_reason
from ccq_stats.reading.limits import Limits

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DOCUMENT_SUFFIXES = {
    ".docx": "Word",
    ".doc": "Word",
    ".odt": "OpenDocument",
    ".pdf": "PDF",
    ".html": "HTML",
    ".htm": "HTML",
    ".md": "Markdown",
}  # what reports are written as, never read
FILE_TYPES = ("workbook", "parquet", "text")
# a zip container starts with a part, or, empty, with the end of its directory (spanned: a marker)
ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _spreadsheets_in(folder: Path) -> list[Path]:
    return [
        f
        for f in folder.iterdir()
        if f.is_file()
        and f.suffix.lower() in WORKBOOK_SUFFIXES | PARQUET_SUFFIXES | {".csv", ".tsv"}
        and not f.name.startswith(("~$", "."))
    ]


def _subfolders_with_spreadsheets(folder: Path) -> list[Path]:
    """The sub-folders (at any depth, hidden ones left out) that hold spreadsheets."""
    found = []
    for sub in sorted(d for d in folder.rglob("*") if d.is_dir()):
        if not any(part.startswith(".") for part in sub.relative_to(folder).parts) and _spreadsheets_in(sub):
            found.append(sub)
    return found


def with_subfolders(paths: list[str]) -> list[str]:
    """``--recursive``: each folder among ``paths`` (if it holds spreadsheets itself) and every
    sub-folder under it that holds spreadsheets."""
    out = []
    for path in paths:
        p = Path(path)
        if path == "-" or not p.is_dir():
            out.append(path)
            continue
        subs = [str(s) for s in _subfolders_with_spreadsheets(p)]
        out += ([path] if _spreadsheets_in(p) or not subs else []) + subs
    return out


def expand_paths(paths: list[str], notes: Notes | None = None) -> list[str]:
    """Folders become the spreadsheets inside them (sorted), leaving out Excel's ~$ lock files,
    hidden files (our own temporary files among them) and the files this tool wrote (reports,
    figures and findings: see ``written_by_us``), with one note in ``notes`` naming those."""
    out, skipped = [], []
    given = {os.path.realpath(path) for path in paths if path != "-"}  # folders read anyway (--recursive gives them)
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(f)
                for f in p.iterdir()
                if f.is_file()
                and f.suffix.lower() in WORKBOOK_SUFFIXES | PARQUET_SUFFIXES | {".csv", ".tsv"}
                and not f.name.startswith(("~$", "."))
            )
            ours = _outputs_of_ours(found, path)
            skipped += [f for f, mine in zip(found, ours) if mine]
            found = [f for f, mine in zip(found, ours) if not mine]
            if not found:
                raise InputError(
                    _("no spreadsheets in this folder (only outputs of ccq-stats)")
                    if skipped
                    else _("no spreadsheets in this folder"),
                    file=path,
                    hint=_("give .xlsx, .xls, .ods or .csv files"),
                )
            out.extend(found)
            below = (
                []
                if notes is None
                else [b for b in _subfolders_with_spreadsheets(p) if os.path.realpath(b) not in given]
            )
            if below:  # never silently: say what is not read, and how to read it
                notes.warn(_subfolders_not_read([str(b) for b in below]), Where(file=path))
        else:
            out.append(path)
    if skipped and notes is not None:
        notes.warn(_outputs_skipped(skipped))
    return out


def _subfolders_not_read(folders: list[str]) -> str:
    """The warning naming the sub-folders a folder holds and that are not read (the first three)."""
    shown = ", ".join(folders[:3])
    if len(folders) > 3:
        return _("sub-folders not read: {folders} and {more} more (add --recursive to read them)").format(
            folders=shown, more=len(folders) - 3
        )
    return _("sub-folders not read: {folders} (add --recursive to read them)").format(folders=shown)


def _outputs_skipped(files: list[str]) -> str:
    """The warning naming the files written by this tool that were skipped (the first five)."""
    shown, n = ", ".join(files[:5]), len(files)
    if n > 5:
        return ngettext(
            "skipped {n} file written by ccq-stats (outputs, not rating sheets): {files} and {more} more",
            "skipped {n} files written by ccq-stats (outputs, not rating sheets): {files} and {more} more",
            n,
        ).format(n=n, files=shown, more=n - 5)
    return ngettext(
        "skipped {n} file written by ccq-stats (outputs, not rating sheets): {files}",
        "skipped {n} files written by ccq-stats (outputs, not rating sheets): {files}",
        n,
    ).format(n=n, files=shown)


# The first line of the CSV files we write (figures, with and without --by unit; findings, with
# --names one column more). Columns are a contract that only grows at the end, so a first line
# that is one of these, or one of these and more columns, is ours.
OUR_CSV_HEADERS = (
    b"year,subject,category,label,count,share",
    b"year,subject,unit,category,label,count,share",
    ",".join(FINDING_COLUMNS).encode(),
    ",".join(WARNING_COLUMNS).encode(),  # --warnings FILE
)
# --excel writes the same columns separated by ";" (Excel's list separator under Vietnamese settings).
OUR_CSV_HEADERS += tuple(header.replace(b",", b";") for header in OUR_CSV_HEADERS)


def written_by_us(path: str) -> bool:
    """Whether this tool wrote the file: a workbook whose author (docProps/core.xml) is ours
    (``write.workbook.mark_as_ours``), or a CSV starting with one of our headers. It opens zip
    containers: run it in the reader process. A file it cannot make sense of is not ours (the
    reader then says what is wrong with it)."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
        if head.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(path) as archive:
                info = archive.getinfo("docProps/core.xml")
                if info.file_size > 64 * 1024:
                    return False
                with archive.open(info) as part:
                    return (
                        re.search(
                            rb"<dc:creator\b[^>]*>\s*" + re.escape(CREATOR.encode()) + rb"\s*</dc:creator>",
                            part.read(64 * 1024),
                        )
                        is not None
                    )
        first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0].rstrip(b"\r")
        return any(
            first == header or first.startswith(header + (b";" if b";" in header else b","))
            for header in OUR_CSV_HEADERS
        )
    except Exception:  # noqa: BLE001 - damaged or strange: not ours, and the reader will say why
        return False


def outputs_of_ours(paths: list[str]) -> list[bool]:
    """``written_by_us`` of each file (one request to the reader process for a whole folder)."""
    return [written_by_us(path) for path in paths]


def _outputs_of_ours(files: list[str], folder: str) -> list[bool]:
    from ccq_stats.reading.sandbox import isolated

    if not files:
        return []
    try:
        return isolated(outputs_of_ours, files, limits=Limits.from_env(), display=folder)
    except InputError:  # a file that kills the reader: none is taken for ours; reading it says what is wrong
        return [False] * len(files)


def is_one_of(path, files: list[str]) -> bool:
    """Whether ``path`` is one of ``files``: the same file on disk, whatever the links (symbolic or
    hard) or spellings leading to it."""
    for file in files:
        if file == "-":
            continue
        try:
            if os.path.samefile(path, file):
                return True
        except OSError:  # either does not exist (yet): not the same file
            continue
    return False


def is_stream(path: str) -> bool:
    """Whether ``path`` is standard input ("-") or something else than a file or a folder (a
    FIFO, /dev/stdin, a device): it can be read only once."""
    if path == "-":
        return True
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # opening it says what is wrong
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def read_stream(path: str, limits: Limits) -> bytes:
    """All the bytes of standard input or a pipe, read once (a second opening of a FIFO waits
    for ever) and at most ``limits.max_stream_mb``; a device (/dev/zero) is refused."""
    display = "<stdin>" if path == "-" else path
    if path == "-":
        _refuse_a_device_on_stdin()
        return _read_bounded(sys.stdin.buffer, display, _("more than {size} MB arrived on standard input"), limits)
    mode = os.stat(path).st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise InputError(
            _("is a device, not a file"), file=path, hint=_("give a spreadsheet file, or - for CSV on standard input")
        )
    try:
        with open(path, "rb") as stream:
            return _read_bounded(stream, display, _("more than {size} MB arrived on this pipe"), limits)
    except OSError as exc:
        raise InputError(_("cannot open: {reason}").format(reason=os_reason(exc)), file=path) from None


def _refuse_a_device_on_stdin() -> None:
    try:
        fileno = sys.stdin.fileno()
        mode = os.fstat(fileno).st_mode
    except (OSError, ValueError, io.UnsupportedOperation, AttributeError):
        return  # not a real file descriptor (a test's stand-in): nothing to check
    if (stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) and not os.isatty(fileno):
        raise InputError(
            _("standard input is a device, not a file or a pipe"),
            file="<stdin>",
            hint=_("give the file's name, or pipe it in: ccq-stats classify - < x.csv"),
        )


def _read_bounded(stream, display: str, too_much: str, limits: Limits) -> bytes:
    """``too_much``: the message (with ``{size}``) if more than the limit arrives."""
    limit = limits.max_stream_mb * 1024 * 1024
    data = bytearray()
    while chunk := stream.read(min(1024 * 1024, limit + 1 - len(data))):
        data += chunk
        if len(data) > limit:
            raise InputError(
                too_much.format(size=limits.max_stream_mb),
                file=display,
                hint=_("save it as a file and give its name, or raise CCQ_MAX_STREAM_MB"),
            )
    return bytes(data)


def file_type(path: str, notes: Notes, data: bytes | None = None) -> str:
    """What a file holds, by its first bytes rather than its name: "workbook", "parquet" or "text".
    ``data``: the bytes of a stream (``read_stream``), already read: only text is read that way."""
    file = Path(path)
    if data is not None:
        if not data:
            raise InputError(
                _("no data on standard input") if path == "-" else _("the file is empty"),
                file="<stdin>" if path == "-" else path,
                hint=_("give a CSV file, or - for CSV on standard input"),
            )
        if data.startswith(ZIP_STARTS + (b"\xd0\xcf\x11\xe0", b"PAR1")):
            raise InputError(
                _("a workbook cannot be read from a pipe or standard input"),
                file="<stdin>" if path == "-" else path,
                hint=_("save it as a file and give its name"),
            )
        return _type_of(data[:512], path, notes) if path != "-" else _type_of(data[:512], "<stdin>", notes)
    try:
        with file.open("rb") as stream:
            head = stream.read(512)
    except IsADirectoryError:
        raise InputError(
            _("is a folder"), file=path, hint=_("give the spreadsheet files, or the folder as the only argument")
        ) from None
    except OSError as exc:
        raise InputError(_("cannot open: {reason}").format(reason=os_reason(exc)), file=path) from None
    return _type_of(head, path, notes)


def _type_of(head: bytes, path: str, notes: Notes) -> str:
    file = Path(path)
    if not head:
        raise InputError(_("the file is empty"), file=path, hint=_("save the spreadsheet again, or leave it out"))
    if file.suffix.lower() in DOCUMENT_SUFFIXES:  # a report ccq-stats wrote, given back by mistake
        raise InputError(
            _(
                "is a {kind} document, not a spreadsheet: ccq-stats writes reports as documents but does not read them"
            ).format(kind=DOCUMENT_SUFFIXES[file.suffix.lower()]),
            file=path,
            hint=_("give the spreadsheets the report was made from"),
        )
    if head.startswith(ZIP_STARTS + (b"\xd0\xcf\x11\xe0",)):
        return "workbook"
    if head.startswith(b"PAR1"):
        return "parquet"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<?xml", b"<table", b"<meta")):
        raise InputError(
            _("is a web page or XML saved with a spreadsheet extension, not a workbook"),
            file=path,
            hint=_("open it in Excel and save it as .xlsx"),
        )
    suffix = file.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        raise InputError(
            _("named {suffix} but is not a Parquet file").format(suffix=suffix),
            file=path,
            hint=_("export the table again as Parquet, or as CSV"),
        )
    if suffix in WORKBOOK_SUFFIXES:
        notes.warn(_("named {suffix} but holds text; read as CSV").format(suffix=suffix), Where(file=path))
        return "text"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    raise InputError(
        _("unsupported file type '{suffix}'").format(suffix=suffix),
        file=path,
        hint=_("give .xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv or .parquet files"),
    )
