"""Where the inputs are: folders expanded into files, and what each file holds by its bytes.

A file's type ("workbook", "parquet" or "text") comes from its first bytes, never from its
name alone: an .xls may be an .xlsx, a .csv saved as .xlsx is still text.
"""

from __future__ import annotations

import os
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.findings import Notes

WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
FILE_TYPES = ("workbook", "parquet", "text")


def expand_paths(paths: list[str]) -> list[str]:
    """Folders become the spreadsheets inside them (sorted; Excel's ~$ lock files left out)."""
    out = []
    for path in paths:
        p = Path(path)
        if path != "-" and p.is_dir():
            found = sorted(
                str(f) for f in p.iterdir()
                if f.is_file() and f.suffix.lower() in WORKBOOK_SUFFIXES | PARQUET_SUFFIXES | {".csv", ".tsv"}
                and not f.name.startswith(("~$", "."))
            )
            if not found:
                raise InputError("no spreadsheets in this folder", file=path, hint="give .xlsx, .xls, .ods or .csv files")
            out.extend(found)
        else:
            out.append(path)
    return out


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


def file_type(path: str, notes: Notes) -> str:
    """What a file holds, by its first bytes rather than its name: "workbook", "parquet" or "text"."""
    file = Path(path)
    try:
        with file.open("rb") as stream:
            head = stream.read(512)
    except IsADirectoryError:
        raise InputError("is a folder", file=path, hint="give the spreadsheet files, or the folder as the only argument") from None
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", file=path) from None
    if not head:
        raise InputError("the file is empty", file=path, hint="save the spreadsheet again, or leave it out")
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return "workbook"
    if head.startswith(b"PAR1"):
        return "parquet"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<?xml", b"<table", b"<meta")):
        raise InputError(
            "is a web page or XML saved with a spreadsheet extension, not a workbook",
            file=path,
            hint="open it in Excel and save it as .xlsx",
        )
    suffix = file.suffix.lower()
    if suffix in PARQUET_SUFFIXES:
        raise InputError(f"named {suffix} but is not a Parquet file", file=path, hint="export the table again as Parquet, or as CSV")
    if suffix in WORKBOOK_SUFFIXES:
        notes.warn(f"{path}: named {suffix} but holds text; read as CSV")
        return "text"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    raise InputError(
        f"unsupported file type '{suffix}'",
        file=path,
        hint="give .xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv or .parquet files",
    )
