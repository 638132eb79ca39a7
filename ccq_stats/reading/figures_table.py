"""A table of figures: the indicators down the side, the years across – how a report's annex shows
an organisation's figures over several years:

    TT | Nội dung                     | Năm 2022    | Năm 2023    | …
       |                              | SL  | %     | SL  | %     |
    1  | Tổng số chi, đảng bộ cơ sở   | 16  |       | 16  |       |
    2  | Chưa xếp loại                | 1   |       | 0   |       |
    3.1| Hoàn thành xuất sắc nhiệm vụ | 5   | 33,33 | 5   | 31,25 |

Read when a sheet has no list (the header finder finds none, or finds this summary and sets it
aside): each indicator that is a rating label (a tier, exempt, not rated) gives a count per year
(the column under the year, or its "SL" part beside a share); the totals row ("Tổng số …") names
whose figures they are – its words name a kind of organisation, or members – and, with the
"Được đánh giá, xếp loại" row, checks them. Beside lists of the same years, the sheet names no
organisation and is left out as their summary (``repeats``). A weak signal: said in one warning.
"""

from __future__ import annotations

import math

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.figures.findings import Notes
from ccq_stats.figures.records import COLUMNS
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import parse_count, totals_test
from ccq_stats.reading.grid import Sheet, text_at
from ccq_stats.reading.header import SCAN_ROWS
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of, year_of_header


def _years(sheet: Sheet, scales: Scales) -> tuple[int, int, dict[int, tuple[int, int]]] | None:
    """(year row, last header row, {column: (year, year's column)}) of the first row with two year headers
    or more ("Năm 2022", "2023"); under a merged year, its count part ("SL") beside a share ("%")."""
    rows = sheet.rows
    for r in range(min(SCAN_ROWS, len(rows))):
        years = {i: y for i, v in enumerate(rows[r][:60]) if (y := year_of_header(v, scales)) and text_at(rows[r], i)}
        if len(years) < 2:
            continue
        below = rows[r + 1] if r + 1 < len(rows) else []
        parts = {i: scales.lookup(scales.columns, text_at(below, i)) for i in range(len(below)) if text_at(below, i)}
        if not parts or not {"count_of", "share_of"} >= set(parts.values()):
            return r, r, {i: (y, i) for i, y in years.items()}
        out = {}
        for i, year in years.items():  # the count part under each year, up to the next year
            end = min([j for j in years if j > i], default=len(below))
            counted = [j for j in range(i, end) if parts.get(j) == "count_of"]
            if counted:
                out[counted[0]] = (year, i)
        return r, r + 1, out
    return None


def _subject(text: str, scales: Scales) -> str | None:
    found = scales.kind_in(text)
    if found:
        return found[1]
    return "members" if any(find_phrase(words_of(text), p) >= 0 for p in scales.words.members) else None


def read_figures_table(sheet: Sheet, scales: Scales, notes: Notes):
    """The count records of a table of figures (see above), or None if the sheet is not one."""
    import pandas as pd

    found = _years(sheet, scales)
    if found is None or not found[2]:
        return None
    at, last, years = found
    first_year = min(years)
    is_totals = totals_test(scales)
    rated_words = {norm_key(s["rated"]) for s in scales.subjects.values() if "rated" in s}
    records, checks, subject = [], [], None
    for r in range(last + 1, len(sheet.rows)):
        row = sheet.rows[r]
        texts = [(i, text_at(row, i)) for i in range(first_year) if text_at(row, i)]
        values = {c: row[c] if c < len(row) else None for c in years}
        if not texts or all(v in (None, "") for v in values.values()):
            continue
        text = texts[-1][1]  # the indicator: the rightmost text before the years ("3.1 | Hoàn thành …")
        label = match_label(text, scales)
        if label is not None and not label.meaning.exemplary:
            records.append((r, text, label.meaning, values))
        elif is_totals(text) and subject is None and _subject(text, scales):
            subject = _subject(text, scales)
            checks.append((r, text, "total", values))
        elif norm_key(text) in rated_words:
            checks.append((r, text, "rated", values))
        else:
            return None  # an indicator this reading does not know: not a table of figures it can read
    tiers = {m.means for _r, _t, m, _v in records}
    if subject is None or len(tiers) < 2:
        return None
    out = []
    for column, (year, header_column) in years.items():
        counts = {}
        for r, text, meaning, values in records:
            count = parse_count(values[column], sheet.where(r + 1, column, text), scales)
            counts[meaning.means] = counts.get(meaning.means, 0) + count
            out.append(
                dict(
                    year=year,
                    subject=subject,
                    shape="counts",
                    status=meaning.status,
                    tier=meaning.tier,
                    count=count,
                    source_row=r + 1,
                    source_col=column,
                    source_header=text_at(sheet.rows[at], header_column),
                    raw_label=text,
                )
            )
        _check(sheet, checks, column, counts, scales)
    notes.warn(
        _(
            "read as a table of figures (the indicators down the side, the years across: {years}); "
            "check with ccq-stats inspect"
        ).format(years=", ".join(str(y) for y, _c in sorted(years.values()))),
        sheet.where(),
    )
    base = dict(org="", parent="", org_kind="", host_type="", member="", member_key="", exemplary=False)
    base.update(disciplined=False, score=math.nan, source_file=sheet.file, source_sheet=sheet.name or "")
    return pd.DataFrame([{name: rec.get(name, base.get(name)) for name in COLUMNS} for rec in out], columns=COLUMNS)


def _check(sheet: Sheet, checks: list, column: int, counts: dict[str, int], scales: Scales) -> None:
    """The totals row is the sum of the statuses and tiers; the rated row, of the tiers."""
    rated = sum(n for means, n in counts.items() if means not in ("exempt", "not_rated"))
    for r, text, what, values in checks:
        stated = parse_count(values[column], sheet.where(r + 1, column, text), scales)
        expected = sum(counts.values()) if what == "total" else rated
        if stated != expected:
            raise InputError(
                _("the row says {stated}, but its parts below add up to {expected}").format(
                    stated=stated, expected=expected
                ),
                where=sheet.where(r + 1, column, text),
                value=stated,
                hint=_("correct the figure or its parts"),
            )
