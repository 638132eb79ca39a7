"""The committee that made a table, and what it tells of the kind of its rows.

A Ban Tổ chức form is headed by the committee that fills it ("ĐẢNG ỦY PHƯỜNG TÂN AN", above the
title). A grassroots committee – a đảng ủy xã, phường, đặc khu (a grassroots đảng bộ since 1/7/2025,
as a đảng bộ xã was before), or any đảng ủy cơ sở – lists its own chi bộ, and those are chi bộ trực
thuộc (cells), never chi bộ cơ sở: a careful clerk reads "KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CHI BỘ" under
such a heading as its chi bộ trực thuộc, whatever the rows' names ("Chi bộ khu phố 3"). The committees
are [reading_words] ``grassroots_committees``; the title's "Chi bộ" (or "Đảng bộ") alone is the kind
that is told by the parent (scales.toml [kinds], ``by_parent``), here the heading committee. Where
the title names a kind of its own ("… CHI BỘ TRỰC THUỘC …", "… CHI BỘ CƠ SỞ …") that decides
(``plan.title_kind``), not this. A warning says which signal decided (issue 18 §4).
"""

from __future__ import annotations

from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import row_texts
from ccq_stats.vocabulary.phrases import phrase
from ccq_stats.vocabulary.scales import KIND_NAMES, Scales, find_phrase, words_of

_WIDE = 50


def _lines(sheet, header) -> list[str]:
    out = []
    for r in range(max(sheet.top, 0), header.first_row):
        texts = row_texts(sheet.rows[r], _WIDE)
        if texts:
            out.append(" ".join(texts)[:300])
    return out


def grassroots_cells(sheet, header, scales: Scales, notes) -> tuple | None:
    """(kind, "cells") of every row of a table headed by a grassroots committee whose title names
    "Chi bộ" (or "Đảng bộ") alone; None where no such committee heads it or the title says nothing."""
    lines = _lines(sheet, header)
    committees = [phrase("^" + w) for w in scales.words.words["grassroots_committees"]]
    at = next((i for i, line in enumerate(lines) if any(find_phrase(words_of(line), c) == 0 for c in committees)), None)
    if at is None:
        return None
    issuer = lines[at]  # the committees above it ("ĐẢNG BỘ TỈNH …") are its own parents: the title is below it
    told = {
        scales.by_parent[found[0]]["cells"]
        for key, found in scales.kinds.items()
        if found[1] == "by_parent" and " " in key and found[0] in scales.by_parent
        for line in lines[at + 1 :]
        if find_phrase(words_of(line), (False, tuple(key.split()))) >= 0
    }
    if len(told) != 1:
        return None
    kind = told.pop()
    notes.warn(
        _(
            "the rows read as {kind}: the table is headed by '{issuer}', a grassroots committee, whose chi bộ "
            "are trực thuộc; if they are not, write the kind in a column (Loại tổ chức)"
        ).format(kind=KIND_NAMES.get(kind, kind), issuer=issuer),
        sheet.where(),
    )
    return kind, "cells"
