"""A decision written as agreement with the proposal beside it: the proposal's rating, decided.

A higher committee that agrees with what an organisation or a member proposed (or rated itself)
often writes only that: "Thống nhất", "Như đề nghị", "Đồng ý", "Giữ nguyên mức chi bộ tự đánh giá",
and a tier only where it changed one. A Ban Tổ chức clerk reads such a cell as the proposal on the
same row, decided. The rule, for every table whose decision column has a self-rating or proposal
set aside beside it (``Ignored.PROPOSED``, its detail the decision's header; plan.py and
rating_columns.py set them aside):

* a decision cell that agrees ([reading_words] ``agreement``: its words begin with one, and it
  names no rating label and no change of its own, ``agreement_not``) is read as the cell of the
  proposal column nearest left of it on that row, said in one warning;
* it agrees with nothing readable – no proposal column, a proposal cell blank or not a rating label
  – or a cell between the two on its row says something else (a Ban Tổ chức's opinion "Đề nghị hạ
  một mức", a note): the run stops naming the cell, since which rating was agreed cannot be told.

A decision that moves from the proposal by some tiers ("Hạ 1 bậc", "hạ một mức", "Nâng 1 bậc":
[reading_words] ``relative_lower``, ``relative_higher``) is the same rule with an offset: the proposal's
tier moved that many tiers down or up the scale, written as a label of the proposal's own scale; a
proposal that is no tier, or a move off the scale, stops the run naming the cell.

Cells are looked at once per distinct value. The column reader reads one rating column and not
its proposal: a list whose decisions agree is left to the row reader (``by_columns``), so that
both sizes of a file give the same figures by this one rule.
"""

from __future__ import annotations

import numpy as np

from ccq_stats.errors import InputError, column_letter
from ccq_stats.figures.classify import match_label
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.header_columns import MAX_HEADER_TEXT, Ignored
from ccq_stats.reading.rows import first, mapped
from ccq_stats.vocabulary.phrases import Words
from ccq_stats.vocabulary.scales import Scales, find_phrase, words_of
from ccq_stats.vocabulary.tables import TIERS


def agrees(text: str, scales: Scales) -> bool:
    """Does a decision's cell say only that it agrees with the proposal beside it, or moves from it?"""
    return step(text, scales) is not None


def step(text: str, scales: Scales) -> int | None:
    """How many tiers a decision's cell moves from the proposal beside it (0: it agrees; 1: "hạ 1
    bậc", one tier lower; -1: "nâng 1 bậc"), None where it says neither."""
    if not text or len(text) > MAX_HEADER_TEXT:
        return None
    if _agrees(text, scales):
        return 0
    words = words_of(text)
    w = scales.words
    for sign, verbs in ((1, w.relative_lower), (-1, w.relative_higher)):
        for verb in verbs:
            if find_phrase(words, verb) != 0:
                continue
            rest = Words(words[len(verb[1]) :], words.marked)
            if len(rest) < 2:
                continue
            count = int(rest[0]) if rest[0].isdigit() else _count(rest[0], w.relative_counts, words.marked)
            unit = Words(rest[1:], words.marked)
            if count and any(find_phrase(unit, u) == 0 and len(u[1]) == len(unit) for u in w.relative_steps):
                return sign * count
    return None


def _count(word: str, counts, marked: bool) -> int | None:
    one = Words([word], marked)
    return next((n for n, c in enumerate(counts, 1) if len(c[1]) == 1 and find_phrase(one, c) == 0), None)


def _agrees(text: str, scales: Scales) -> bool:
    words = words_of(text)
    head = max((len(p[1]) for p in scales.words.agreement if find_phrase(words, p) == 0), default=0)
    if not head or any(find_phrase(words, p) >= 0 for p in scales.words.agreement_not):
        return False
    rest = " ".join(words[head:])
    return not rest or match_label(rest, scales) is None  # "Đồng ý HTTNV" names its own rating: not read so


def _meaning(text: str, scales: Scales):
    found = match_label(text, scales) if text and len(text) <= MAX_HEADER_TEXT else None
    return found.meaning if found is not None else None


def read_agreements(plan, data, scales: Scales, notes) -> None:
    """Read each decision cell that agrees as the proposal's cell on its row (``data.read_as``), or
    stop where what it agrees with cannot be read."""
    proposals = [c for c in plan.ignored if c.reason == Ignored.PROPOSED]
    for decision in plan.ratings:
        texts = data.text(decision.index)
        steps = mapped(texts, lambda t: step(t, scales))
        agreed = steps != None  # noqa: E711 - an array of steps, None where the cell says a rating itself
        if not agreed.any():
            continue
        r = first(agreed)
        left = [c for c in proposals if c.detail == decision.header and c.index < decision.index]
        if not left:
            raise InputError(
                _("the decision says it agrees ('{value}'), but no proposal or self-rating column is left of it"),
                where=data.where(r, decision),
                value=texts[r],
                hint=_("write the decided rating in the cell"),
            )
        proposal = max(left, key=lambda c: c.index)
        said = data.text(proposal.index)
        meaning = mapped(said, lambda t: _meaning(t, scales))
        unread = agreed & (meaning == None)  # noqa: E711 - an array of meanings, None where no label
        if unread.any():
            r = first(unread)
            raise InputError(
                _("the decision agrees with the proposal in '{proposal}', which holds no rating on this row").format(
                    proposal=proposal.header
                ),
                where=data.where(r, decision),
                value=texts[r],
                hint=_("write the decided rating in the cell"),
            )
        # a Ban Tổ chức's opinion, a note between them: blank, figures (a score) or agreeing too, or the same rating
        for i in range(proposal.index + 1, decision.index):
            between = data.text(i)
            plain = mapped(between, lambda t: not any(ch.isalpha() for ch in t) or agrees(t, scales)).astype(bool)
            same = mapped(between, lambda t: _meaning(t, scales)) == meaning
            other = agreed & ~plain & ~same
            if other.any():
                r = first(other)
                raise InputError(
                    _(
                        "the decision says it agrees ('{value}'), but column {column} beside it says something "
                        "else ('{other}'): which rating was agreed cannot be told"
                    ).format(value=texts[r], column=column_letter(i), other=between[r]),
                    where=data.where(r, decision),
                    value=texts[r],
                    hint=_("write the decided rating in the cell"),
                )
        moved = _moved(said, steps, agreed, scales, lambda r, d=decision: data.where(r, d), texts)
        data.read_as(decision.index, np.where(agreed, moved, texts).astype(object))
        shifted = agreed & (steps != 0)
        if (agreed & ~shifted).any():
            notes.warn(
                _(
                    "{count} decision(s) in '{decision}' say they agree ('{value}'): read as the rating proposed in "
                    "'{proposal}' on the same row"
                ).format(
                    count=int((agreed & ~shifted).sum()),
                    decision=decision.header,
                    value=texts[first(agreed & ~shifted)],
                    proposal=proposal.header,
                ),
                plan.sheet.where(),
            )
        if shifted.any():
            notes.warn(
                _(
                    "{count} decision(s) in '{decision}' move the rating proposed in '{proposal}' ('{value}'): "
                    "read as the tier that many tiers from it"
                ).format(
                    count=int(shifted.sum()),
                    decision=decision.header,
                    value=texts[first(shifted)],
                    proposal=proposal.header,
                ),
                plan.sheet.where(),
            )


def _moved(said, steps, agreed, scales: Scales, where, texts) -> np.ndarray:
    """The decided label of each agreeing row: the proposal's cell, moved by its step (decided once
    per distinct (proposal, step)); a move from no tier, or off the scale, stops naming the cell."""
    out = np.array(said, dtype=object)
    done: dict = {}
    for r in np.flatnonzero(agreed & (steps != 0)):
        key = (said[r], steps[r])
        if key not in done:
            done[key] = _move(said[r], int(steps[r]), scales)
        if done[key] is None:
            raise InputError(
                _(
                    "the decision moves the proposal '{proposal}' by {step} tier(s): no tier of the scale is there"
                ).format(proposal=said[r], step=abs(int(steps[r]))),
                where=where(int(r)),
                value=texts[r],
                hint=_("write the decided rating in the cell"),
            )
        out[r] = done[key]
    return out


def _move(proposal: str, by: int, scales: Scales) -> str | None:
    """A label of the proposal's scale ``by`` tiers below it (above where negative), or None."""
    found = match_label(proposal, scales)
    if found is None or found.meaning.tier is None:
        return None
    at = TIERS.index(found.meaning.tier) + by
    if not 0 <= at < len(TIERS):
        return None
    # the label of that tier sharing most of the proposal's scales (vocabulary, regime): its own scale's word
    candidates = [
        (len(found.valid & label.valid) + (("*", "*") in label.valid) * len(found.valid), -n, label.display)
        for n, label in enumerate(scales.labels.values())
        if label.meaning.means == TIERS[at] and not label.meaning.exemplary and not label.typo
    ]
    best = max(candidates, default=None)
    return best[2] if best and best[0] else None
