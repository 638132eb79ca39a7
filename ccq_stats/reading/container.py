"""The checks of a workbook's container before any parser runs: zip bombs, dimension bombs, XML
entity declarations, encryption.

Spreadsheets arrive by e-mail and USB stick. Before a workbook is parsed, its zip container is
checked (total uncompressed size, compression ratio, number of parts, each sheet's declared
dimension, no DTD or entity declarations in its XML, read with defusedxml). The checks run in
the reader process (``sandbox``) with the parse, under its memory and time limits.
"""

from __future__ import annotations

import re
import zipfile

from ccq_stats.errors import InputError
from ccq_stats.reading.limits import Limits

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_CELL_REF = re.compile(rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')


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
