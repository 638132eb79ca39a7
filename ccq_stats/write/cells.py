"""One workbook cell: numbers as numbers, text always as text.

A text that starts with "=", "+", "-" or "@" would be taken by openpyxl (and Excel) for a
formula; an organisation named "=HYPERLINK(…)" must stay a name. Every writer of xlsx puts
its cells through ``put``.
"""

from __future__ import annotations


def put(ws, row: int, column: int, value, number_format: str | None = None):
    """Write ``value`` to a cell and return the cell; None leaves the cell empty."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
    elif number_format:
        cell.number_format = number_format
    return cell
