"""One error type for bad input: it knows where the bad value is and how to fix it.

The CLI prints it as one line on stderr and exits with code 2. Messages name files, sheets,
rows and columns, never a member: a member's name is not a value we put in a message.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ccq_stats.i18n import N_
from ccq_stats.i18n import gettext as _

MAX_VALUE = 80  # characters of a value quoted in a message
MAX_MESSAGE = 240  # characters of a message (it may quote a part name or an error from a library)
MAX_HINT = 600  # hints are ours (they may quote the header cells a file has): long enough to say the fix whole


def escaped(text: str) -> str:
    """``text`` with what a terminal would not show as one line escaped: control and format
    characters, line separators and spaces other than " " (a no-break space in a label is worth
    seeing), and the raw bytes of an undecodable file name (\\xNN)."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a raw byte kept by os.fsdecode (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") or (ch.isspace() and ch != " "):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def name_shown(path: str) -> str:
    """A file's name as records, outputs and the store keep it: as it is, unless it holds bytes
    that are not UTF-8 (bad\\xff.csv) or a control character (an ESC), which are escaped."""
    if any(0xDC80 <= ord(ch) <= 0xDCFF or ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in path):
        return escaped(path)
    return path


def shortened(text: str, limit: int = MAX_VALUE) -> str:
    """``text`` escaped (see ``escaped``), cut to ``limit`` characters with "..." if longer."""
    text = escaped(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def column_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class Where:
    """A place in the input, as the user sees it in Excel (rows and columns 1-based)."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None  # as Excel shows it (1-based)
    column: int | None = None  # 0-based index
    header: str | None = None

    def __str__(self) -> str:
        """The place for people, in their language: "a.xlsx, sheet 'S', row 3, column B (Xếp loại)"."""
        return self._text(_)

    def as_data(self) -> str:
        """The place as programs read it (a finding's ``where`` in CSV/JSON and the store): the
        same English words whatever the user's language."""
        return self._text(lambda words: words)

    def record(self) -> dict:
        """The place as data, under the same English keys whatever the user's language (a finding's
        ``place`` in JSON): file, sheet, row (1-based), column (Excel letters), header; None where unknown."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": None if self.row is None else int(self.row),
            "column": None if self.column is None else column_letter(self.column),
            "header": self.header,
        }

    @classmethod
    def from_data(cls, text: str) -> Where:
        """The place back from its ``as_data`` text (a store keeps a finding's place as that text):
        "a.xlsx, sheet 'S', row 3, column B (Xếp loại)". Read from the end, where our words are;
        what is left is the file's name."""
        import re

        rest, place = text or "", cls()
        match = re.search(r"(?:^|, )column ([A-Z]+)(?: \((.*)\))?$", rest)
        if match:
            letters = match.group(1)
            place.column = sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(letters))) - 1
            place.header, rest = match.group(2), rest[: match.start()]
        match = re.search(r"(?:^|, )row (\d+)$", rest)
        if match:
            place.row, rest = int(match.group(1)), rest[: match.start()]
        match = re.search(r"(?:^|, )sheet '(.*)'$", rest)
        if match:
            place.sheet, rest = match.group(1), rest[: match.start()]
        place.file = rest or None
        return place

    def _text(self, translated) -> str:  # the words are N_-marked, so that Babel finds them
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(translated(N_("sheet '{sheet}'")).format(sheet=self.sheet))
        if self.row is not None:
            parts.append(translated(N_("row {row}")).format(row=self.row))
        if self.column is not None:
            col = translated(N_("column {letter}")).format(letter=column_letter(self.column))
            if self.header:
                col += f" ({self.header})"
            parts.append(col)
        return ", ".join(parts)


class InputError(Exception):
    """Bad input: a file, sheet, row, column and value, with a hint."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
        header: str | None = None,
        value: object = None,
        hint: str | None = None,
        where: Where | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.where = where or Where(file, sheet, row, column, header)
        self.value = value
        self.hint = hint

    def __str__(self) -> str:
        where = escaped(str(self.where))
        message = shortened(self.message, MAX_MESSAGE)
        text = f"{where}: {message}" if where else message
        if self.value is not None:
            text += f": '{shortened(str(self.value))}'"
        if self.hint:
            text += " (" + _("hint: {hint}").format(hint=shortened(self.hint, MAX_HINT)) + ")"
        return text  # one line: nothing in it can break the line
