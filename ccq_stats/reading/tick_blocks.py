"""Two blocks of tier ticks side by side, each under a merged heading that says who rated: the
member's (or organisation's) own assessment and the competent level's decision ("Đảng viên tự đánh
giá, xếp loại" | "Cấp ủy cấp trên quyết định xếp loại", each over HTXSNV | HTTNV | HTNV | KHTNV).
The decision counts (HD 27; as a self-rating or proposal column beside the decided rating,
``plan._set_aside_proposed``); who rated is told by the words of [score_by], as for scores."""

from __future__ import annotations

from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet
from ccq_stats.reading.header_columns import Header, Ignored, ignored
from ccq_stats.reading.header_spans import filled_across
from ccq_stats.vocabulary.phrases import has_marks
from ccq_stats.vocabulary.scales import Scales

_NOT_DECIDED = ("score_self", "score_proposed")  # scales.score_role of a heading that names a self-rating or proposal


def decided_ticks(header: Header, sheet: Sheet, scales: Scales, notes: Notes) -> list:
    """Where a tier has two tick columns, and the headings above them say one block is a
    self-assessment or proposal and the other is not: that block is set aside (said once) and the
    other one counted. Anything else is left as it is (two ticks for one row stay an error)."""
    counts = [c for c in header.of("count") if c.meaning is not None]
    keys = [(c.meaning, c.year) for c in counts]
    if header.last_row == header.first_row or len(set(keys)) == len(keys):
        return []
    width = max(c.index for c in counts) + 1
    levels = [filled_across(sheet.rows[r], width) for r in range(header.first_row, header.last_row)]
    heading = {c.index: " / ".join(t for t in dict.fromkeys(level[c.index] for level in levels) if t) for c in counts}
    aside = [
        c
        for c in counts
        if heading[c.index] and scales.score_role(heading[c.index], has_marks(heading[c.index])) in _NOT_DECIDED
    ]
    kept = [c for c in counts if c not in aside]
    kept_keys = [(c.meaning, c.year) for c in kept]
    if not aside or not kept or len(set(kept_keys)) != len(kept_keys):
        return []
    decided = next((heading[c.index] for c in kept if heading[c.index]), kept[0].header)
    notes.warn(
        _("{columns} not counted (a self-rating or proposal); the decision in '{rating}' counts").format(
            columns=", ".join(dict.fromkeys(f"'{heading[c.index]}'" for c in aside)), rating=decided
        ),
        sheet.where(),
    )
    for c in aside:
        header.columns.remove(c)
    return [ignored(c.index, c.header, Ignored.PROPOSED, decided) for c in aside]
