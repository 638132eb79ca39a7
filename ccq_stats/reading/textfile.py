"""CSV and TSV text -> one grid: the encoding and the delimiter found from the bytes.

UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with or without BOM), else
Windows-1258 with a warning; ``,`` ``;`` or tab, sniffed from the first lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from ccq_stats.errors import InputError, Where
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet

FIELD_LIMIT = 64 * 1024 * 1024
csv.field_size_limit(FIELD_LIMIT)  # a cell of a few MB is bad data to report, not a crash


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


def nul_error(display: str, row: int | None = None) -> InputError:
    """A text with NUL bytes is no CSV file (a workbook or a binary renamed): the one refusal every
    reader of text makes, in these words (the row reader's, the column reader's, a stream's)."""
    return InputError(
        _("the text holds NUL bytes; it is not a CSV file"), file=display, row=row, hint=_("save it as CSV UTF-8")
    )


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
        raise nul_error(display)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        if any(b >= 0x80 for b in before):  # real UTF-8 before the bad byte: two encodings in one file
            line = before.count(b"\n") + 1
            raise InputError(
                _("mixed encodings: UTF-8 up to line {line}, then bytes that are not UTF-8").format(line=line),
                file=display,
                row=line,
                hint=_("the file was pasted together from two sources; save it again as CSV UTF-8"),
            ) from None
        notes.warn(_("not UTF-8; read as Windows-1258 (Vietnamese)"), Where(file=display))
        return data.decode("cp1258", errors="replace")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def sniff_delimiter(text: str) -> str:
    """The delimiter among ',', ';' and tab that splits the first lines most consistently."""
    # lines as the CSV reader ends them (str.splitlines also splits at \x85, \x0c, \u2028 …, which are text in a cell)
    lines = [line for line in _LINE_BREAK.split(text[: 1024 * 1024], maxsplit=50)[:50] if line.strip()]
    best, best_score = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a cell over the field limit: not this delimiter's fault; the reading says so
            continue
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (min(common, 2) if common > 1 else 0, widths.count(common) * (common > 1) + common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


MAX_CELL_LINES = 20  # a quoted cell over more lines than this is taken for a stray quote


def csv_rows(lines: Iterable[str], delimiter: str, display: str) -> Iterator[list[str]]:
    """The records of CSV text given line by line (each line with its line break, as a file
    opened with ``newline=""`` gives them), refusing what would otherwise lose rows without a
    word: NUL bytes, a quote that is never closed, a quoted cell running over more than
    ``MAX_CELL_LINES`` lines or swallowing lines that look like rows of their own.

    Every reader of CSV text calls this (or ``check_csv_file``), so that they refuse the same
    files: a quote opened by mistake would otherwise make the rest of a member list one cell."""
    seen: list[str] = []  # the lines of the record being read
    read, ended = 0, False

    def feed() -> Iterator[str]:
        nonlocal read, ended
        for line in lines:
            read += 1
            if "\x00" in line:
                raise nul_error(display, read)
            seen.append(line)
            yield line
        ended = True  # asked for more: the text ended inside a quoted cell

    reader = csv.reader(feed(), delimiter=delimiter)
    record, width, first_line = 0, 0, 1
    while True:
        seen.clear()
        first_line = read + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # a cell over the field limit
            if "field larger than field limit" in str(exc):
                raise InputError(
                    _("a cell holds more than {size} MB of text").format(size=FIELD_LIMIT // (1024 * 1024)),
                    file=display,
                    row=record + 1,
                    hint=_("not a rating sheet; a stray quote may have opened the cell"),
                ) from None
            raise InputError(
                _("cannot read the CSV ({reason})").format(reason=exc),
                file=display,
                row=record + 1,
                hint=_("save it again as CSV UTF-8 from Excel"),
            ) from None
        record += 1
        if ended or len(seen) > 1:
            _check_quoted_lines(seen, record, first_line, width, delimiter, display, never_closed=ended)
        else:
            width = max(width, seen[0].count(delimiter) if seen else 0)
        yield row


def _check_quoted_lines(
    seen: list[str], record: int, first_line: int, width: int, delimiter: str, display: str, never_closed: bool
) -> None:
    """A record over several lines: refuse it if its quote never closes, if it holds lines as
    wide as the one-line rows before it, or if it runs over more than MAX_CELL_LINES lines.
    Each message is written twice, with and without the line of the text where the record starts
    (said when it is not the record's number): a whole sentence per message, for translation."""
    apart = first_line != record
    if never_closed:
        message = (
            _(
                'a quote (") opens a cell here (line {line} of the text) and is never closed: the rest of the '
                "file would be one cell"
            )
            if apart
            else _('a quote (") opens a cell here and is never closed: the rest of the file would be one cell')
        )
        raise InputError(
            message.format(line=first_line), file=display, row=record, hint=_("remove the stray quote, or close it")
        )
    for number, line in enumerate(seen[1:-1], start=first_line + 1):
        if width >= 2 and line.count(delimiter) >= width:
            message = (
                _(
                    'a quote (") opens a cell here (line {line} of the text) that runs over {lines} lines and '
                    "holds whole rows (line {row_line} looks like a row of its own)"
                )
                if apart
                else _(
                    'a quote (") opens a cell here that runs over {lines} lines and holds whole rows (line '
                    "{row_line} looks like a row of its own)"
                )
            )
            raise InputError(
                message.format(line=first_line, lines=len(seen), row_line=number),
                file=display,
                row=record,
                hint=_("remove the stray quote, or close it on the same line"),
            )
    if len(seen) > MAX_CELL_LINES:
        message = (
            _('a quote (") opens a cell here (line {line} of the text) that runs over {lines} lines')
            if apart
            else _('a quote (") opens a cell here that runs over {lines} lines')
        )
        raise InputError(
            message.format(line=first_line, lines=len(seen)),
            file=display,
            row=record,
            hint=_(
                "remove the stray quote, or close it on the same line; a cell of more than {lines} "
                "lines is taken for a stray quote"
            ).format(lines=MAX_CELL_LINES),
        )


def text_grid(data: bytes, display: str, notes: Notes) -> Sheet:
    """A CSV/TSV file's bytes as one sheet."""
    if not data:
        raise InputError(_("the file is empty"), file=display, hint=_("save the spreadsheet again, or leave it out"))
    try:
        text = decode_text(data, display, notes)
    except UnicodeDecodeError as exc:
        raise InputError(
            _("cannot decode the text ({reason})").format(reason=exc.reason),
            file=display,
            hint=_("save it as CSV UTF-8"),
        ) from None
    if "\x00" in text:  # UTF-16 decoded: a NUL character
        raise nul_error(display)
    rows = list(csv_rows(io.StringIO(text, newline=""), sniff_delimiter(text), display))
    return Sheet(display, None, rows, ragged=True)


def check_csv_file(
    path: str, delimiter: str, encoding: str, display: str | None = None, records: int | None = None
) -> None:
    """Refuse a CSV file as ``csv_rows`` does (NUL bytes, a stray quote), reading it as a stream:
    for readers that parse the file themselves (the column reader), so that the refusal and its
    words are this module's. ``records``: stop after so many records (nothing past the last cell
    over several lines can be refused)."""
    with open(path, encoding=encoding, errors="replace", newline="") as stream:
        for number, _row in enumerate(csv_rows(stream, delimiter, display or path), start=1):
            if records is not None and number >= records:
                return
