"""Classify rating labels: raw text -> tier (top/good/pass/fail) or status (exempt/not_rated/left).

The vocabulary is data (``scales.toml``); this module only looks labels up, says when a label
belongs to another regime than its year's, and refuses what it does not know, with the
closest known labels as a hint. It never guesses.
"""

from __future__ import annotations

import difflib
import re

from ccq_stats.errors import InputError, Where
from ccq_stats.figures.findings import Notes
from ccq_stats.figures.label_reasons import doubted, names_another, with_reason
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import ngettext, number
from ccq_stats.text import clean, legacy_encoding, loose_key, norm_key
from ccq_stats.vocabulary.scales import Label, Meaning, Scales

_PAREN = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
# a footnote mark after a label: "Hoàn thành xuất sắc nhiệm vụ (1)", "HTTNV [2]", "HTTNV¹" (the note
# is under the table); a mark, not a word, and never a tier of its own
_FOOTNOTE = re.compile(r"^(.+?)\s*(?:\(\s*\d{1,2}\s*\)|\[\s*\d{1,2}\s*\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$")


def match_label(text: object, scales: Scales) -> Label | None:
    """The vocabulary entry for a label, or None.

    A label followed by another in brackets – "Hoàn thành tốt nhiệm vụ (HTTNV)", "HTTNV (TSVM)",
    "HTXSNV (TSVM tiêu biểu)" – is accepted when both halves are known and name the same tier (or
    status); it is then the more specific half: the one that says the top tier is exemplary
    (tiêu biểu), if one does. Halves of two meanings are no label (``bracket_conflict``). A
    footnote mark after a label ("… nhiệm vụ (1)") is the label. A label followed by an
    explanation in brackets that names no label – "Miễn (tuổi cao)", "Chưa đánh giá (kết nạp
    10/2022)", "KHTNV (bị kỷ luật khiển trách)" – is the label before the bracket: the bracket
    says why, the label says what was decided; so is a label with its reason after a dash or its
    date (label_reasons). A label with a question mark is the typist's doubt: no label.
    """
    if doubted(text):
        return None
    label = scales.lookup_label(text)
    footnoted = _FOOTNOTE.match(clean(text)) if label is None and isinstance(text, str) else None
    if footnoted:
        label = scales.lookup_label(footnoted.group(1))
    if label is None:
        halves = _bracket_halves(text, scales)
        if halves and halves[0].meaning.means == halves[1].meaning.means:
            outer, inner = halves
            label = inner if inner.meaning.exemplary and not outer.meaning.exemplary else outer
    if label is None:
        label = _explained(text, scales)
    if label is None:
        label = with_reason(text, scales)
    return label


def _explained(text: object, scales: Scales) -> Label | None:
    """The label before a bracket of words that name no other label anywhere in them (an
    explanation: "Chưa đánh giá (mới kết nạp 9/2021)" says the same twice); None where the bracket
    names another tier or status, even as a part ("HTTNV (đề nghị HTXSNV)"): which one was decided
    is then not told by the bracket's shape. One word names a label only when it is
    written as an abbreviation (HTXSNV, TSVM): "sức khỏe yếu", "học tập tốt" are plain words."""
    paren = _PAREN.match(clean(text)) if isinstance(text, str) else None
    if not paren:
        return None
    outer = scales.lookup_label(paren.group(1))
    if outer is None:
        return None
    if names_another(paren.group(2).split(), outer, scales):
        return None
    return outer


def _bracket_halves(text: object, scales: Scales) -> tuple[Label, Label] | None:
    """(the label, the label in brackets after it) when both are known, else None."""
    paren = _PAREN.match(clean(text))
    if not paren:
        return None
    outer, inner = (scales.lookup_label(part) for part in paren.groups())
    return (outer, inner) if outer is not None and inner is not None else None


def bracket_conflict(text: object, scales: Scales) -> tuple[Label, Label] | None:
    """(label, bracket) when a label's bracket names another tier or status ("HTTNV (KHTNV)"):
    which one was decided cannot be told, so it is an error, never a guess."""
    halves = _bracket_halves(text, scales)
    return halves if halves and halves[0].meaning.means != halves[1].meaning.means else None


def closest_labels(text: object, scales: Scales, n: int = 3) -> list[str]:
    """Known labels nearest to an unknown one, for the error's hint: only those it could be a
    misspelling of. Letters in common are not enough – "Khá" (good) shares three letters with
    "KHTNV" (fail) – so a label is offered only when a few edits make one of the other (at most
    one in four letters, without diacritics and spaces), never for a short word that is simply
    another word."""
    by_key = {key: label.display for key, label in scales.labels.items() if not label.typo}
    near = difflib.get_close_matches(norm_key(text), list(by_key), n=n * 4, cutoff=0.5)
    unknown = loose_key(text)
    return [by_key[k] for k in near if _misspelling(unknown, loose_key(by_key[k]))][:n]


def _misspelling(a: str, b: str) -> bool:
    """Is ``a`` within one edit in four letters of ``b`` (insertions, deletions, substitutions,
    swaps of two neighbours)?"""
    longest = max(len(a), len(b))
    allowed = longest // 4
    if not allowed or abs(len(a) - len(b)) > allowed:
        return False
    return _edit_distance(a, b) <= allowed


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: "HTXSVN" is one swap from "HTXSNV"."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def unknown_label_hint(text: object, scales: Scales) -> str:
    if doubted(text):
        return _(
            "the question mark says the label was not read for sure; check it against the original and write the label"
        )
    encoding = legacy_encoding(clean(text))
    if encoding:
        return _(
            "the label is typed in the legacy {encoding} encoding; convert the file to Unicode (e.g. with Unikey) first"
        ).format(encoding=encoding)
    close = closest_labels(text, scales)
    if close:
        return _("did you mean {labels}? add the spelling as an alias in a --scales file if it is a real label").format(
            labels=" / ".join(repr(c) for c in close)
        )
    return _("add the spelling as an alias in a --scales file if it is a real label")


def is_valid_in(label: Label, vocabulary: str, regime_id: str) -> bool:
    return ("*", "*") in label.valid or (vocabulary, regime_id) in label.valid


def classify_label(text: object, year: int, subject: str, scales: Scales) -> tuple[Meaning, str | None]:
    """(meaning, warning) for one label in a year; raises InputError if the label is unknown.

    The warning is set when the label is not the one that year's regime uses for that
    subject (e.g. "trong sạch vững mạnh" for 2019, an award since 2018): counted all the same.
    """
    label = match_label(text, scales)
    conflict = bracket_conflict(text, scales) if label is None else None
    if conflict:
        outer, inner = conflict
        raise InputError(
            _(
                "the label and its bracket name two ratings: '{outer}' is {outer_means}, '{inner}' is {inner_means}"
            ).format(
                outer=outer.display,
                outer_means=outer.meaning.means,
                inner=inner.display,
                inner_means=inner.meaning.means,
            ),
            value=clean(text),
            hint=_("write the one rating the competent level decided"),
        )
    if label is None:
        raise InputError(_("unknown rating label"), value=clean(text), hint=unknown_label_hint(text, scales))
    vocabulary = scales.subjects[subject]["vocabulary"]
    if label.meaning.means in ("exempt", "left") and vocabulary != "members":
        raise InputError(
            _("an organisation cannot be exempt from rating")
            if label.meaning.means == "exempt"
            else _("an organisation is rated, not 'left'"),
            value=clean(text),
            hint=_("write 'Chưa đánh giá' for an organisation that was not rated; leave out one that no longer exists"),
        )
    regime = scales.regime(year)
    warning = None
    if not is_valid_in(label, vocabulary, regime.id):
        tier_label = (
            scales.category_label(year, subject, label.meaning.means)
            if label.meaning.tier
            else status_name(label.meaning.means)
        )
        # the subject and the tier by their names, never the codes (units, top) inside a sentence
        warning = _(
            "label '{label}' is not on the {year} scale of {subject} ({documents}); counted as '{tier_label}'"
        ).format(
            label=clean(text),
            year=year,
            subject=subject_name(subject),
            documents=regime.documents,
            tier_label=tier_label,
        )
    return label.meaning, warning


def subject_name(subject: str) -> str:
    """A subject as a sentence names it, in the user's language."""
    return {
        "units": _("grassroots organisations"),
        "cells": _("organisations under a grassroots one"),
        "members": _("members"),
    }.get(subject, subject)


def status_name(status: str) -> str:
    """A status that is not a tier (exempt, not rated), as a sentence names it."""
    return {"exempt": _("exempt from rating"), "not_rated": _("not rated")}.get(status, status)


def classify_records(records, scales: Scales, notes: Notes):
    """Fill ``status``, ``tier`` and ``exemplary`` of rows that carry a raw label.

    Rows of member-count sheets already know their tier; rows with ``status`` missing are
    classified from ``raw_label``. Each distinct (label, year, subject) is classified once,
    so the cost follows the vocabulary, not the number of rows.
    """
    import pandas as pd

    todo = records["status"].isna()
    if not todo.any():
        return records
    keys = records.loc[todo, ["raw_label", "year", "subject"]].drop_duplicates()
    meanings: dict[tuple, Meaning] = {}
    for raw, year, subject in keys.itertuples(index=False):
        try:
            meaning, warning = classify_label(raw, int(year), subject, scales)
        except InputError as exc:
            first = records[todo & (records["raw_label"] == raw)].iloc[0]
            exc.where.file, exc.where.sheet = first["source_file"], first["source_sheet"]
            exc.where.row = int(first["source_row"])
            exc.where.column, exc.where.header = _column_of(first)
            raise
        meanings[(raw, year, subject)] = meaning
        if warning:
            _warn_where(records, todo, raw, year, subject, warning, notes)
    # each row takes the meaning of its (label, year, subject): one lookup per distinct key
    codes, uniques = _factorize_rows(records.loc[todo, ["raw_label", "year", "subject"]])
    found = [meanings[key] for key in uniques]
    records = records.copy()
    flagged = records.loc[todo, "exemplary"].fillna(False).astype(bool).to_numpy()  # a "TSVM tiêu biểu" tick column
    for column, values in (
        ("status", [m.status for m in found]),
        ("tier", [m.tier for m in found]),
        ("exemplary", [m.exemplary for m in found]),
    ):
        taken = pd.Index(values, dtype=object).take(codes)
        if column == "exemplary":  # a tick counts on a top rating only: tiêu biểu is a part of top
            tiers = pd.Index([m.tier for m in found], dtype=object).take(codes)
            taken = [bool(v) or (f and t == "top") for v, f, t in zip(taken, flagged, tiers)]
        records.loc[todo, column] = taken
    return records


def _factorize_rows(frame):
    """(code of each row, distinct rows as tuples), column by column: quicker than a MultiIndex
    on the millions of records of a national file."""
    import numpy as np
    import pandas as pd

    combined = np.zeros(len(frame), np.int64)
    levels = []
    for name in frame.columns:
        codes, uniques = pd.factorize(frame[name], use_na_sentinel=False)
        combined = combined * len(uniques) + codes
        levels.append((np.asarray(uniques, dtype=object), len(uniques)))
    codes, distinct = pd.factorize(combined)
    rows = []
    for value in distinct:
        parts = []
        for uniques, size in reversed(levels):
            value, code = divmod(int(value), size)
            parts.append(uniques[code])
        rows.append(tuple(reversed(parts)))
    return codes, rows


def _column_of(row) -> tuple[int | None, str | None]:
    col = row.get("source_col")
    if col is None or col != col:  # missing or NaN
        return None, None
    return int(col), row.get("source_header")


def _warn_where(records, todo, raw, year, subject, warning: str, notes: Notes) -> None:
    """One warning per file and sheet, with the first row and the number of rows."""
    rows = records[todo & (records["raw_label"] == raw) & (records["year"] == year) & (records["subject"] == subject)]
    for _key, group in rows.groupby(["source_file", "source_sheet"], sort=False, dropna=False):
        first = group.iloc[0]
        column, header = _column_of(first)
        where = Where(first["source_file"], first["source_sheet"] or None, int(first["source_row"]), column, header)
        rows_more = int(group["count"].sum()) - 1  # a record of a large list may stand for many rows
        said = (
            warning
            if rows_more <= 0
            else ngettext("{warning} (and {count} more row)", "{warning} (and {count} more rows)", rows_more).format(
                warning=warning, count=number(rows_more)
            )
        )
        notes.warn(said, where)
