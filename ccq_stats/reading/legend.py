"""Legends: ratings written as codes ("1", "2", "M") and a key that says what each code means.

A careful reader of "Xếp loại (ký hiệu)" full of 1, 2, 3 looks for the key and reads each code by
it. The key is written in one of three places, each read here by one rule:

* a line of text above or under the table: "Ký hiệu: 1 - Hoàn thành xuất sắc nhiệm vụ; 2 - Hoàn
  thành tốt nhiệm vụ; …; M - Miễn đánh giá" (``in_text``);
* a small table of its own, code beside label, on the sheet or on a sheet of its own ("Chú giải":
  "Mã | Mức xếp loại"), which is a key and no list of ratings (``in_rows``);
* in brackets in the rating column's own header cell: "Xếp loại (1: HTXSNV; 2: HTTNV; …)",
  "Mức xếp loại (A - HTXSNV, B - HTTNV, …, M - Miễn, "-" - Chưa đánh giá)" (``in_header``).

A pair counts only when its label is a rating label of the vocabulary, and a key only with two
pairs or more whose codes are short (up to four letters or digits) and distinct: a note that
happens to hold a dash is no key. The readers read a code by the key only where the cell is not a
label itself, and say in one warning that the key decided (a weak signal, issue 18 §4).
"""

from __future__ import annotations

import re

from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.text import clean, norm_key
from ccq_stats.vocabulary.scales import Scales

_PAIR = re.compile(r"^\(?([0-9A-Za-zĐđ]{1,4})\)?\s*[-–=:]\s*(.+?)[.;,]?$")
_SPLIT = re.compile(r"[;\n]+")
MAX_LEGEND_TEXT = 600  # a longer cell is a paragraph, not a key


def _code(value) -> str:
    return norm_key(clean(value))


def _label(text: str, scales: Scales) -> str | None:
    text = clean(text)
    return text if text and len(text) < 80 and match_label(text, scales) is not None else None


def _key(pairs: list[tuple[str, str]]) -> dict[str, str]:
    codes = [code for code, _label in pairs]
    return dict(pairs) if len(pairs) >= 2 and len(set(codes)) == len(codes) else {}


def in_text(text, scales: Scales) -> dict[str, str]:
    """The key a line of text gives ("Ký hiệu: 1 - HTXSNV; 2 - HTTNV"): code -> label; {} if none."""
    text = clean(text)
    if not text or len(text) > MAX_LEGEND_TEXT or ("-" not in text and "=" not in text and "–" not in text):
        return {}
    parts = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    pairs = []
    for i, part in enumerate(parts):
        if i == 0 and ":" in part:  # "Ký hiệu: 1 - …", "(*) Ghi chú: 1 - …": the words before the colon
            head, rest = part.split(":", 1)
            part = rest.strip() if not _PAIR.match(part) or len(head) > 4 else part
        found = _PAIR.match(part)
        label = _label(found.group(2), scales) if found else None
        if label is None:
            continue
        pairs.append((_code(found.group(1)), label))
    return _key(pairs)


_BRACKETED = re.compile(r"\((.*)\)", re.S)
_HEADER_PAIR = re.compile(r"^[\"“”']?([0-9A-Za-zĐđ]{1,4}|-)[\"“”']?\s*[-–=:]\s*(.+?)[.]?$")


def in_header(text, scales: Scales) -> dict[str, str]:
    """The key in brackets in a rating column's header ("Xếp loại (1: HTXSNV; 2: HTTNV)"), the pairs
    split by ";" or ","; code -> label, {} if none."""
    found = _BRACKETED.search(clean(text)) if isinstance(text, str) and len(text) <= MAX_LEGEND_TEXT else None
    pairs = []
    for part in re.split(r"[;,\n]+", found.group(1)) if found else []:
        pair = _HEADER_PAIR.match(part.strip())
        label = _label(pair.group(2), scales) if pair else None
        if label is not None:
            pairs.append((_code(pair.group(1)), label))
    return _key(pairs)


def in_rows(rows: list[list], scales: Scales) -> dict[str, str]:
    """The key a block of rows gives: a line of text that is a key, or rows of code beside label
    ("1 | Hoàn thành xuất sắc nhiệm vụ"); code -> label, {} if none."""
    out: dict[str, str] = {}
    pairs = []
    for row in rows:
        cells = [(i, v) for i, v in enumerate(row[:60]) if clean(v)]
        for _i, v in cells:
            if isinstance(v, str):
                out.update(in_text(v, scales))
        for (i, code), (j, label) in zip(cells, cells[1:]):
            if j == i + 1 and len(_code(code)) <= 4 and _label(str(label), scales) and not _label(str(code), scales):
                pairs.append((_code(code), clean(label)))
                break
    out.update(_key(pairs))
    return out


def is_key_sheet(rows: list[list], scales: Scales) -> bool:
    """Is this sheet a key and nothing else: every filled row but a header gives a code and its
    label ("Chú giải": "Mã | Mức xếp loại", "1 | Hoàn thành xuất sắc nhiệm vụ" …)?"""
    filled = [row for row in rows if any(clean(v) for v in row)]
    keyed = [row for row in filled if in_rows([row], scales) or _pair_row(row, scales)]
    return len(keyed) >= 2 and len(filled) - len(keyed) <= 1 and bool(in_rows(filled, scales))


def _pair_row(row: list, scales: Scales) -> bool:
    cells = [v for v in row[:60] if clean(v)]
    return len(cells) == 2 and len(_code(cells[0])) <= 4 and _label(str(cells[1]), scales) is not None


def sheet_key(sheet, plan, scales: Scales) -> dict[str, str]:
    """The key a sheet gives in the rows above its header or under its table, or in its rating
    column's header cell."""
    rows = sheet.rows
    end = plan.end if plan.end >= 0 else len(rows)
    key = in_rows(rows[: plan.header.first_row] + rows[end:], scales)
    for column in plan.ratings:
        key.update(in_header(column.header, scales))
    return key


def read_codes(texts, key: dict[str, str], scales: Scales):
    """The cleaned texts of a rating column with each code of the key read as its label, where
    the cell is not a label itself; and the codes so read (for the warning)."""
    import numpy as np

    from ccq_stats.reading.rows import mapped

    used: set[str] = set()

    def read(text):
        code = _code(text)
        if text and code in key and match_label(text, scales) is None:
            used.add(code)
            return key[code]
        return text

    out = mapped(texts, read)
    return np.asarray(out, dtype=object), sorted(used)


def codes_warning(header: str, codes: list[str], key: dict[str, str]) -> str:
    """The one warning that says a column's codes were read by a key (a weak signal: check it)."""
    shown = "; ".join(f"{code.upper()} = {key[code]}" for code in codes[:6]) + (" …" if len(codes) > 6 else "")
    return _(
        "ratings in column '{column}' written as codes, read by the key the file gives ({key}); check with ccq-stats inspect"
    ).format(column=header, key=shown)
