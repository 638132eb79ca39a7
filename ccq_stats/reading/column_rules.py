"""Rules of the reading stage written once, as operations on whole columns, for both ways a table
is fed: the row reader (``by_rows``, a grid of cells) and the column reader (``by_columns``, a
large plain list through pyarrow). Each reader brings its columns in the form both can give
cheaply – a column as ``Coded`` (a code per row into its distinct cleaned texts) – and the rule
is decided here, once, so that the size of a file can never change what a row is.

Which rules live where (the rest of each reader only feeds them):
- a cell's meaning (year, count, totals words, section words, kinds, discipline): ``cells``;
- the columns a totals label is looked for in: ``lead_columns``; the cheap first look at a large
  column for such labels, derived from the vocabulary: ``TotalsStarts``;
- a member who left (the rating cell, a notes cell beside a blank or exempt rating, a section
  row): ``left_members``, ``left_warning``; a section's state carried down: ``carry_down``;
- the columns a row's own remarks are read in: ``notes_columns``; a blank rating the row explains
  (a tick under a status column, a note naming a status): ``explained_blanks``;
- a quote opened by mistake: ``textfile.check_quoted_record`` (the text reader's own check);
- a row's kind of organisation (its kind cell, its section, "Chi bộ" alone told by its parent):
  ``org_kinds``; the faults of a member list's rows, named in one order: ``stop_at_first_fault``; a
  column's values parsed once per distinct value (years, scores, counts): ``parse_distinct``;
- a summary line's label (inside a table, or ending it): ``is_summary_label``; headings that group
  members, section marks, rows numbered beside an organisation, summary lines:
  ``row_roles.group_headings``, ``section_marks``, ``numbered_orgs``, ``summary_lines``;
- the words around labels, years and figures (tick marks, dashes, bullets …): ``Scales.words``
  ([reading_words], a user's --scales words added).
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.cells import SECTION_MARK, is_tick, totals_first_words, totals_test, without_bullet
from ccq_stats.reading.header_columns import Ignored
from ccq_stats.vocabulary.scales import Scales

Coded = tuple[np.ndarray, np.ndarray]  # (code of each row, distinct cleaned texts): values[codes] is the column


def coded(texts: np.ndarray) -> Coded:
    """A column of cleaned texts as ``Coded``."""
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object))
    return codes, np.asarray(uniques, dtype=object)


def per_value(column: Coded, test) -> np.ndarray:
    """test(text) of each row, decided once per distinct text."""
    codes, values = column
    return np.array([test(v) for v in values], dtype=bool)[codes] if len(values) else np.zeros(len(codes), bool)


def lead_columns(col: dict) -> list[int]:
    """The columns a totals or summary label is looked for in: A, B, STT, organisation, name."""
    return sorted({0, 1} | {c.index for c in (col.get("seq"), col.get("org"), col.get("member")) if c})


def _says_exempt(text: str, scales: Scales) -> bool:
    label = match_label(text, scales) if text else None
    return label is not None and label.meaning.means == "exempt"


def left_members(rating: Coded, notes: list[Coded], scales: Scales) -> np.ndarray:
    """Rows of members who left during the year, by their cells: the rating cell says so; or the
    rating is blank or "miễn" and a notes cell (any column the header ignores) says so – one who
    died or moved away is not present, so not exempt either (DOMAIN: members who left are never
    taken for exempt)."""
    says = lambda t: bool(t) and scales.says_left(t)  # noqa: E731
    out = per_value(rating, says)
    no_rating = per_value(rating, lambda t: t == "" or _says_exempt(t, scales))
    if no_rating.any():
        for column in notes:
            out |= no_rating & per_value(column, says)
    return out


def notes_columns(plan) -> list:
    """The columns a row's own remarks are read in (a member who left, the reason a rating is
    blank): every column of the table that is not read for a role and has a header – its words say
    it is not read ("Ghi chú", "Trạng thái" …) or no word of it is known – but not a hidden one (not
    data), nor one beyond an empty column (another table), nor another value of a read role."""
    unknown = [c for c in plan.ignored if c.reason == Ignored.UNKNOWN and c.header]
    return sorted(plan.header.of("ignored") + unknown, key=lambda c: c.index)


def explained_blanks(rating: Coded, ticks: list, notes: list[Coded], scales: Scales) -> np.ndarray:
    """The label each row with a blank rating states for itself, "" where none: a tick ("x") under a
    column whose header is a status or tier label (``ticks``: (label, column) pairs: "Miễn công tác
    và sinh hoạt đảng" beside "Xếp loại"), else a notes cell naming a status (``scales.status_in``:
    "Mới kết nạp 10/2021, chưa đánh giá"). A blank that no cell of its row explains stays blank: the
    readers stop there, naming the cell."""
    codes, values = rating
    out = np.full(len(codes), "", dtype=object)
    blank = per_value(rating, lambda t: t == "")
    if not blank.any():
        return out
    for label, column in ticks:
        out[blank & (out == "") & per_value(column, lambda t: is_tick(t, scales))] = label
    for column in notes:
        named = np.array([_status_label(v, scales) for v in column[1]] or [""], dtype=object)[column[0]]
        hit = blank & (out == "") & (named != "")
        out[hit] = named[hit]
    return out


def _status_label(text: str, scales: Scales) -> str:
    label = scales.status_in(text) if text else None
    return label.display if label is not None else ""


def section_says_left(texts, scales: Scales) -> bool:
    """Does a section row ("B. ĐẢNG VIÊN ĐÃ CHUYỂN ĐI") say that the members under it left?"""
    return any(bool(t) and scales.says_left(t) for t in texts)


def carry_down_coded(n: int, at: np.ndarray, values: list, first=None) -> tuple[np.ndarray, np.ndarray]:
    """A section's state carried down to the rows under it (a forward fill), as (code of each
    row, the states): ``values[k]`` from row ``at[k]`` (ascending) down to the next row of ``at``
    whose value is not None (None: the row changes nothing); above the first, ``first``."""
    index = np.zeros(n, np.int32)  # int32: 26 million rows of a national list
    states = [first]
    for row, value in zip(at, values):
        if value is not None:
            states.append(value)
            index[int(row)] = len(states) - 1
    if n:
        index = np.maximum.accumulate(index)
    table = np.empty(len(states), dtype=object)
    for i, value in enumerate(states):
        table[i] = value
    return index, table


def carry_down(n: int, at: np.ndarray, values: list, first=None) -> np.ndarray:
    """``carry_down_coded`` as one state per row."""
    index, table = carry_down_coded(n, at, values, first)
    return table[index]


def left_warning(count: int, row: int) -> str:
    return _(
        "{count} member(s) who left during the year (chuyển sinh hoạt đi, từ trần, xóa tên …) not counted "
        "(first: row {row})"
    ).format(count=count, row=row)


class TotalsStarts:
    """The first two bytes (UTF-8) a cell can start with when it may be a totals label once
    cleaned: those of each first word of the totals vocabulary (``cells.totals_first_words``, so a
    word added with --scales counts), in lower and upper case, composed or decomposed – besides a
    section mark ("II.", "A)") or a character cleaning drops, which the caller tests. A cheap test
    on every row of a large column before the exact one (``cells.totals_test``) on the few that pass."""

    def __init__(self, scales: Scales):
        self.pairs = np.zeros((256, 256), bool)
        for word in totals_first_words(scales):
            head = word[:2]
            if len(head) < 2:  # a word of one letter: any byte may follow
                for form in ("NFC", "NFD"):
                    for a in {head.lower(), head.upper()}:
                        self.pairs[unicodedata.normalize(form, a).encode("utf-8")[0], :] = True
                continue
            for a in {head[:1].lower(), head[:1].upper()}:
                for b in {head[1:2].lower(), head[1:2].upper()}:
                    for form in ("NFC", "NFD"):
                        data = unicodedata.normalize(form, a + b).encode("utf-8") + b"\0"
                        self.pairs[data[0], data[1]] = True

    def could_start(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        return self.pairs[first, second]


def totals_patterns(scales: Scales) -> tuple[str, str]:
    """(start, odd): regular expressions (RE2, for pyarrow) a cell must match, ``start`` ignoring
    case, to be a totals label once cleaned: a first word of the totals vocabulary, after spaces and
    a section mark ("II.", "A)": ``cells.SECTION_MARK``'s); or a character cleaning changes. Every
    cell ``cells.totals_test`` finds a label matches one: the exact test runs on those alone."""
    import re

    words = "|".join(sorted(re.escape(w) for w in totals_first_words(scales)))
    mark = SECTION_MARK.pattern.removeprefix("^").removesuffix(r"\s*")
    start = r"^[\s\p{Z}\x{85}\x{1c}-\x{1f}]*(?:" + mark + r"[\s\p{Z}]*)?(?:" + words + ")"
    odd = r"[\x{300}-\x{36f}\x{200b}-\x{200d}\x{feff}\x{ad}]"  # decomposed or invisible
    return start, odd


def maybe_totals(column, patterns: tuple[str, str]):
    """The cells of a pyarrow string column that match ``totals_patterns`` (a boolean array)."""
    import pyarrow.compute as pc

    start, odd = patterns
    return pc.or_(pc.match_substring_regex(column, start, ignore_case=True), pc.match_substring_regex(column, odd))


def totals_among(texts: np.ndarray, scales: Scales) -> np.ndarray:
    """Which of these cleaned texts are totals labels (``cells.totals_test``): the exact test on
    the few the patterns let through, not on every name of a 200,000-row list."""
    import pyarrow as pa

    out = np.zeros(len(texts), bool)
    if not len(texts):
        return out
    if pd.api.types.infer_dtype(texts, skipna=False) == "string":  # every cell a text (data.text): no copy
        strings = pa.array(texts, pa.string())
    else:
        strings = pa.array([t if isinstance(t, str) else None for t in texts], pa.string())
    maybe = maybe_totals(strings, totals_patterns(scales)).fill_null(False).to_numpy(zero_copy_only=False)
    is_totals, seen = totals_test(scales), {}
    for i in np.flatnonzero(maybe):
        text = texts[i]
        if text not in seen:
            seen[text] = is_totals(text)
        out[i] = seen[text]
    return out


class Kinds:
    """Each row's kind of organisation (``org_kinds``): ``codes`` into the distinct cases, each with
    its kind id, subject, whether its kind cell is unknown, and whether nothing told "Chi bộ" alone
    apart (cơ sở then, with a warning)."""

    def __init__(self, codes, ids, subjects, unknown, unclear):
        self.codes, self.ids, self.subjects, self.unknown, self.unclear = codes, ids, subjects, unknown, unclear

    def id_codes(self) -> Coded:
        """The kind ids as ``Coded`` (cases of one kind merged): a field to count by."""
        merged, distinct = pd.factorize(self.ids)
        return merged[self.codes].astype(np.int32), np.asarray(distinct, dtype=object)


def org_kinds(kind: Coded | None, section: Coded | None, under: np.ndarray, parent_column: bool, scales: Scales):
    """(kind id, subject) of each row, for both readers: its kind cell (``kind``), else the kind its
    section heading gives (``section``: code of each row into (kind, subject) or None, as
    ``carry_down_coded`` gives it). "Chi bộ" or "Đảng bộ" alone is told by the parent (``under``: a
    parent cell names one, or the row is numbered 1.1 under its organisation: trực thuộc / bộ phận),
    else by the section, else by a parent column left blank (cơ sở); where nothing tells (no parent
    column, no section), cơ sở, and ``unclear`` says so. Decided once per distinct (kind cell,
    section, under): a national list has a handful."""
    n = len(under)
    kind_codes, kind_texts = kind if kind is not None else (np.zeros(n, np.int32), np.array([""], dtype=object))
    below_codes, below = section if section is not None else (np.zeros(n, np.int32), np.array([None], dtype=object))
    case = (kind_codes.astype(np.int64) * len(below) + below_codes) * 2 + under.astype(np.int64)
    size = len(kind_texts) * len(below) * 2
    if size <= 4 * n + 1024:  # the cases present, counted into a table: no sort of 26 million rows
        cases = np.flatnonzero(np.bincount(case, minlength=size))
        renumber = np.zeros(size, np.int64)
        renumber[cases] = np.arange(len(cases))
        codes = renumber[case]
    else:
        cases, codes = np.unique(case, return_inverse=True)
    ids, subjects = np.empty(len(cases), dtype=object), np.empty(len(cases), dtype=object)
    unknown, unclear = np.zeros(len(cases), bool), np.zeros(len(cases), bool)
    for i, c in enumerate(cases.tolist()):
        text, heading, is_under = kind_texts[c // 2 // len(below)], below[c // 2 % len(below)], bool(c % 2)
        looked = scales.lookup(scales.kinds, text) if text else None
        unknown[i] = bool(text) and looked is None
        kind_id, subject = (looked if text else heading) or ("", "")
        if subject == "by_parent":
            heading_subject = heading[1] if heading else ""
            subject = "cells" if is_under else heading_subject or "units"
            unclear[i] = not is_under and not heading_subject and not parent_column
            kind_id = scales.by_parent[kind_id].get(subject, "") if kind_id in scales.by_parent else kind_id
        ids[i], subjects[i] = kind_id, subject
    return Kinds(codes.reshape(-1), ids, subjects, unknown, unclear)


def unclear_kind_warning(count: int, kind: str) -> str:
    return _(
        "{count} row(s) of kind '{kind}' without a parent column or section; counted as cơ sở "
        "(write Chi bộ cơ sở / Chi bộ trực thuộc to be sure)"
    ).format(count=count, kind=kind)


def is_summary_label(text: str, scales: Scales) -> bool:
    """A rating label where a name or a line's first text belongs ("- Hoàn thành tốt nhiệm vụ |
    10"): a summary line's. The one test of the table's end (``plan.table_end``) and of summary
    lines inside a table (``row_roles.summary_lines``)."""
    first = without_bullet(text, scales) if text else ""
    return bool(first) and not first[0].isdigit() and len(first) < 80 and match_label(first, scales) is not None


def parse_distinct(column: Coded, rows: np.ndarray | None, parse) -> tuple[np.ndarray, np.ndarray]:
    """(parse(value) of each distinct value, is it a fault) – ``parse`` (``cells.parse_year``,
    ``cells.parse_score`` …) tried once per distinct value held by ``rows`` (None: every row), the
    values of other rows left as None: a value only on rows not read (a totals row, a member who
    left, a date line under the table) is never a fault. The error is the caller's, at the first row
    holding a fault (``parse(value, where)`` raises it, in the same words for both readers)."""
    codes, values = column
    used = np.zeros(len(values), bool)
    used[codes if rows is None else codes[rows]] = True  # no sort of 26 million codes
    out, bad = np.full(len(values), None, dtype=object), np.zeros(len(values), bool)
    for i in np.flatnonzero(used):
        try:
            out[i] = parse(values[i], None)
        except InputError:
            bad[i] = True
    return out, bad


def stop_at_first_fault(**faults) -> None:
    """The one order in which both readers name what is wrong with a member list's rows: the first
    row, in reading order, holding any fault; on that row, the first fault in this order – a year
    that is not a year, an unknown kind, a blank rating, no year at all. Each fault: (mask of the
    rows holding it or None, a function of the row giving its error, or raising it)."""
    first_row, error = None, None
    for name in ("bad_year", "unknown_kind", "blank_rating", "no_year"):
        mask, make = faults.get(name) or (None, None)
        if mask is None or not mask.any():
            continue
        row = int(np.flatnonzero(mask)[0])
        if first_row is None or row < first_row:
            first_row, error = row, make
    if error is not None:
        raise error(first_row)
