"""A summary sheet beside the list of the same year: checked against it, never skipped unseen.

A workbook often holds the list and, on another sheet, its summary ("Tổng hợp": each tier with its
count). The summary is not counted (the list is, once). But where the two disagree, one of them is
wrong and the figures would rest on a guess: a careful person compares them. So the summary's
counts per tier (labels down the side, the first number right of each) are compared with the list's
counts of the same year in the same file: where they agree, a warning says the list was checked
against the summary and counted once; where they differ, the run stops naming both sheets.
"""

from __future__ import annotations

from types import SimpleNamespace

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import is_number, parse_count
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.rating_year import sheet_year, title_year

_SCAN = 40  # a summary is short: its rows are looked for in the first rows of the sheet


def summary_counts(sheet: Sheet, scales) -> tuple[int | None, dict[str, int]]:
    """(the year, {tier or status: (count, label)}) of a summary sheet: each row whose first text is a rating
    label, with the first number right of it; ({}: not such a summary, or a label given twice)."""
    out, first = {}, None
    for r, row in enumerate(sheet.rows[:_SCAN]):
        for i in range(min(len(row), 20)):
            text = text_at(row, i)
            if not text or is_number(row[i]):
                continue
            found = match_label(text, scales)
            number = next((row[j] for j in range(i + 1, len(row)) if is_number(row[j])), None)
            if found is not None and number is not None and found.meaning.means != "left":
                if found.meaning.means in out:
                    return None, {}
                out[found.meaning.means] = (parse_count(number, sheet.where(r + 1, i), scales), text)
                first = r if first is None else first
            break  # the first text of a row says what the row is
    if len(out) < 2:
        return None, {}
    year = sheet_year(sheet) or title_year(sheet, SimpleNamespace(first_row=first), scales)
    return year, out


def check_summaries(summaries: list[Sheet], frames: list, scales, notes) -> None:
    """Compare each summary sheet with the list's records of its year (``frames``, this file's)."""
    import pandas as pd

    if not summaries or not frames:
        return
    records = pd.concat(frames, ignore_index=True)
    for sheet in summaries:
        year, said = summary_counts(sheet, scales)
        of_year = records[records["year"] == year] if year is not None else records.iloc[0:0]
        if not said or of_year.empty or of_year["subject"].nunique() != 1:
            continue  # nothing to compare, or units and members of one year: which the summary counts is unsaid
        listed: dict[str, int] = {}
        for label, count in zip(of_year["raw_label"], of_year["count"]):
            found = match_label(label, scales) if isinstance(label, str) else None
            if found is not None:
                listed[found.meaning.means] = listed.get(found.meaning.means, 0) + int(count)
        sheets = sorted({str(s) for s in of_year["source_sheet"]})
        differ = [(text, n, listed.get(m, 0)) for m, (n, text) in said.items() if listed.get(m, 0) != n]
        if differ:
            shown = "; ".join(f"{text}: {a} ≠ {b}" for text, a, b in differ)
            raise InputError(
                _(
                    "the summary on sheet '{summary}' and the list on sheet '{list}' ({year}) disagree ({detail})"
                ).format(summary=sheet.name, list=", ".join(sheets), year=year, detail=shown),
                where=sheet.where(),
                hint=_("correct the one that is wrong, or remove the summary sheet: which was decided cannot be told"),
            )
        notes.warn(
            _("the summary on sheet '{summary}' agrees with the list ({year}): the list counted, once").format(
                summary=sheet.name, year=year
            ),
            sheet.where(),
        )
