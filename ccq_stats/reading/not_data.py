"""What is not data, as a careful clerk tells it: instructions, examples, a table of contents.

A form sent down by the province comes back with its parts for people still in it, and a clerk
counts none of them (issue 18 §2). Each is told by what the clerk sees, never by one file's wording
(the words are [reading_words] ``instructions``, ``example`` and ``contents`` of scales.toml, so a
--scales file adds others), and each skip has a stated reason that ``inspect`` shows:

* rows at the top of a table, under its header, before its first row of data (``lead_rows``): a
  row of instructions – every filled cell in brackets ("(Ghi đầy đủ họ tên, có dấu)"), or a cell
  listing several rating labels as the choices ("(Ghi: HTXSNV, HTTNV, HTNV …)"), which no member's
  rating ever does – and an example row, marked so in one of its cells (STT "VD", a note "Dòng ví dụ
  - xóa khi điền"). Only the top: a row in the middle of a list is a member's, whatever it says.
  A name alone ("Nguyễn Văn A") is no mark: real lists and tests use such names.
* a table that is an example (``example_table``): on a sheet of instructions (its name, or its first
  line, begins with an instructions word: "Huong dan", "HƯỚNG DẪN ĐIỀN BIỂU MẪU"), or under a line
  "Ví dụ:" right above its header. The sheet is skipped with a warning; where it is the only sheet,
  the run stops saying so – an example is never counted, even for want of anything else.
* a table of contents (``is_contents``): a sheet named or titled "Mục lục", or one whose column
  names the workbook's other sheets and which holds no rating label: skipped with a warning.
"""

from __future__ import annotations

import functools
import re

from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import row_texts, text_at
from ccq_stats.reading.header import is_index_row
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.phrases import phrase
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of

_LOOK = 8  # rows under a header looked at for instructions and examples: a form has one or two
_WIDE = 40  # cells of a row looked at
_CHOICES = 3  # different labels in one cell: a list of choices, not a rating
_CITED = re.compile(r"\d+\s*[-/]\s*[A-ZĐ]{2}", re.I)  # "Hướng dẫn số 25-HD/BTCTW": a document cited
_BRACKETED = re.compile(r"^[(\[].*[)\]]$", re.S)
_LABEL_PARTS = re.compile(r"[,;/]")


@functools.lru_cache(maxsize=64)
def _phrases(words: tuple[str, ...]) -> tuple:
    return tuple(phrase("^" + w) for w in words)


def begins_with(text: str, scales: Scales, entry: str) -> bool:
    """Does the text begin with one of the [reading_words] ``entry`` words (marks or none)?"""
    if not text:
        return False
    found = words_of(text[:200])
    return any(find_phrase(found, p) == 0 for p in _phrases(scales.words.words[entry]))


def _first_line(rows: list, upto: int) -> str:
    for r in range(min(upto, len(rows))):
        texts = row_texts(rows[r], _WIDE)
        if texts:
            return " ".join(texts)
    return ""


def is_instructions_sheet(sheet, scales: Scales) -> bool:
    """A sheet named "Hướng dẫn", or whose first line begins so (not a document cited by number)."""
    if begins_with(sheet.name or "", scales, "instructions"):
        return True
    first = _first_line(sheet.rows, 10)
    return begins_with(first, scales, "instructions") and not _CITED.search(first)


def example_table(sheet, header, scales: Scales) -> str | None:
    """Why the table under this header is an example, not data; or None."""
    if is_instructions_sheet(sheet, scales):
        return _("a table on the form's instructions sheet: an example, not data")
    for r in range(header.first_row - 1, max(sheet.top - 1, header.first_row - 4, -1), -1):
        texts = row_texts(sheet.rows[r], _WIDE)
        if texts:  # the nearest line above the header: its title
            if begins_with(texts[0], scales, "example"):
                return _("a table under '{title}': an example, not data").format(title=texts[0][:60])
            return None
    return None


def _choices(text: str, scales: Scales) -> bool:
    """Does a cell list several rating labels as the choices ("(Ghi: HTXSNV, HTTNV, HTNV, …)")?"""
    body = text.strip("()[] ")
    body = body.split(":", 1)[1] if ":" in body else body
    parts = [p.strip(" .()") for p in _LABEL_PARTS.split(body)]
    if len(parts) < _CHOICES:
        return False
    meanings = {f.meaning.means for p in parts if p and (f := match_label(p, scales)) is not None}
    return len(meanings) >= _CHOICES


def _lead_why(row: list, scales: Scales) -> str | None:
    texts = row_texts(row, _WIDE)
    if not texts:
        return "blank"
    if is_index_row(row):
        return "index row"
    if len(texts) >= 2 and all(_BRACKETED.match(t) for t in texts) and any(c.isalpha() for t in texts for c in t):
        return "instructions row"
    if any(_choices(t, scales) for t in texts if len(t) < 300):
        return "instructions row"
    if any(begins_with(t, scales, "example") for t in texts if len(t) < 120):
        return "example row"
    return None


def lead_rows(plan, scales: Scales, notes) -> dict[str, list[int]]:
    """The instructions and example rows at the top of the plan's table (0-based, by reason), and
    moves ``plan.start`` past them; blank rows between them are passed over as the readers would.
    An example row is said in a warning: it may carry a rating, which is not counted."""
    rows, found, past = plan.sheet.rows, {}, plan.start
    end = len(rows) if plan.end < 0 else plan.end
    for r in range(plan.start, min(end, plan.start + _LOOK)):
        why = _lead_why(rows[r], scales)
        if why is None:
            break
        if why != "blank":
            found.setdefault(why, []).append(r)
            past = r + 1
    plan.start = past
    if "example row" in found:
        notes.warn(
            _("row {rows} under the header marked as an example ('{mark}'): not data, not counted").format(
                rows=", ".join(str(r + 1) for r in found["example row"]),
                mark=_mark(rows[found["example row"][0]], scales),
            ),
            plan.sheet.where(),
        )
    return found


def _mark(row: list, scales: Scales) -> str:
    return next(
        (t for t in (text_at(row, i) for i in range(min(len(row), _WIDE))) if begins_with(t, scales, "example")), ""
    )


def is_contents(sheet, others: list[str], scales: Scales) -> str | None:
    """Why the sheet is a table of contents – named or titled "Mục lục", or with a column naming the
    workbook's other sheets (two or more, most of its cells) – or None. A sheet with a rating label
    on it is never one: it is read, or refused, as any sheet (no rating is skipped unseen)."""
    rows = sheet.rows[:200]
    title = _first_line(rows, 10)
    if begins_with(sheet.name or "", scales, "contents") or begins_with(title, scales, "contents"):
        return None if _rated(rows, scales) else _("a table of contents, by its name or title, not data; sheet skipped")
    names = {norm_key(n) for n in others if n}
    if len(names) < 2:
        return None
    width = max((len(r) for r in rows), default=0)
    for i in range(min(width, _WIDE)):
        cells = [norm_key(t) for row in rows if (t := text_at(row, i))]
        named = sum(c in names for c in cells)
        if named >= 2 and named >= (len(cells) - 1) / 2:
            if _rated(rows, scales):
                return None
            return _("a table of contents (a column names the other sheets), not data; sheet skipped")
    return None


def _rated(rows: list, scales: Scales) -> bool:
    return any(match_label(t, scales) for row in rows for k in range(min(len(row), _WIDE)) if (t := text_at(row, k)))
