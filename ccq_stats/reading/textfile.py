"""CSV and TSV text -> one grid: the encoding and the delimiter found from the bytes.

UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with or without BOM), else
Windows-1258 with a warning; ``,`` ``;`` or tab, sniffed from the first lines.
"""

from __future__ import annotations

import csv
import io

from ccq_stats.errors import InputError
from ccq_stats.findings import Notes
from ccq_stats.reading.grid import Sheet

csv.field_size_limit(64 * 1024 * 1024)  # a cell of a few MB is bad data to report, not a crash


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without its BOM: most bytes on one side of each pair are zero, none on the other."""
    head = data[:4000]
    odd, even = head[1::2], head[0::2]
    if len(head) < 16 or len(data) % 2:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.02 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, display: str, notes: Notes) -> str:
    """The text of a CSV file. A file that is UTF-8 in parts and something else in others is
    refused, naming the first line that is not UTF-8: guessing there would garble labels."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    elif _utf16_without_bom(data):
        return data.decode(_utf16_without_bom(data), errors="replace")
    if b"\x00" in data:
        raise InputError("the text holds NUL bytes; it is not a CSV file", file=display, hint="save it as CSV UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        if any(b >= 0x80 for b in before):  # real UTF-8 before the bad byte: two encodings in one file
            line = before.count(b"\n") + 1
            raise InputError(
                f"mixed encodings: UTF-8 up to line {line}, then bytes that are not UTF-8",
                file=display, row=line,
                hint="the file was pasted together from two sources; save it again as CSV UTF-8",
            ) from None
        notes.warn(f"{display}: not UTF-8; read as Windows-1258 (Vietnamese)")
        return data.decode("cp1258", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter among ',', ';' and tab that splits the first lines most consistently."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (min(common, 2) if common > 1 else 0, widths.count(common) * (common > 1) + common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def text_grid(data: bytes, display: str, notes: Notes) -> Sheet:
    """A CSV/TSV file's bytes as one sheet."""
    if not data:
        raise InputError("the file is empty", file=display, hint="save the spreadsheet again, or leave it out")
    try:
        text = decode_text(data, display, notes)
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode the text ({exc.reason})", file=display, hint="save it as CSV UTF-8") from None
    if "\x00" in text:
        raise InputError("the text holds NUL bytes; it is not a CSV file", file=display, hint="save it as CSV UTF-8")
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(f"cannot parse the CSV ({exc})", file=display, hint="save it as CSV UTF-8 from Excel") from None
    return Sheet(display, None, rows, ragged=True)
