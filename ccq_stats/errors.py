"""One error type for bad input: it knows where the bad value is and how to fix it.

The CLI prints it as one line on stderr and exits with code 2. Messages name files, sheets,
rows and columns, never a member: a member's name is not a value we put in a message.
"""

from __future__ import annotations

from dataclasses import dataclass


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
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            col = f"column {column_letter(self.column)}"
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
        text = f"{self.where}: {self.message}" if str(self.where) else self.message
        if self.value is not None:
            shown = str(self.value)
            if len(shown) > 80:
                shown = shown[:77] + "..."
            text += f": '{shown}'"
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.split())  # one line, whatever the value held
