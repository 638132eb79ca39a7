"""The words the reader finds around a label, a year or a figure ([reading_words] of scales.toml,
and of a user's --scales file), and the patterns the reading rooms look for them with, built once
per vocabulary (``Scales.words``) so that a word a user adds reaches both ways a table is read.

Every entry is a list of words here: where scales.toml gives one word ("trong đó"), a user's file
may give others beside it (a string or a list), which are read as well – added, never in place of
the built-in ones, as the other vocabulary of a --scales file is.
"""

from __future__ import annotations

import re

from ccq_stats.text import loose_key, norm_key, strip_marks
from ccq_stats.vocabulary.phrases import either_marks, phrase


def _any(words, each) -> str:
    return "(?:" + "|".join(each(w) for w in words) + ")"


def _folded(word: str) -> str:
    return re.escape(strip_marks(word.casefold()))  # as a title's text is folded (plan._title_texts)


class ReadingWords:
    """The [reading_words] entries (``words``: name -> words) and the patterns made of them."""

    def __init__(self, words: dict[str, tuple[str, ...]]):
        self.words = words
        w = words.__getitem__
        self.ticks = frozenset(t.casefold() for t in w("ticks"))  # a cell ticked: "x", "✓", TRUE
        self.unticked = frozenset(t.casefold() for t in w("unticked"))  # a checkbox's FALSE: no tick
        self.bullets = tuple(w("bullets"))  # "-", "•" before a line, or alone in an STT cell
        self.dashes = frozenset(w("dashes"))  # a cell saying "none": "-", "–"
        # "Trong đó: TSVM tiêu biểu": in a header (with or without marks), and as a heading's first words
        self.in_which = re.compile(r"^" + _any(w("in_which"), either_marks) + r"\s*[:,.\-–]?\s*", re.I)
        self.in_which_folded = [strip_marks(norm_key(x)).split() for x in w("in_which")]
        self.or_better = re.compile(r"\s*\b" + _any(w("or_better"), either_marks) + r"\s*$", re.I)
        self.year_in_header = re.compile(
            r"(?:\b" + _any(w("year"), either_marks) + r"\s*)?(?<!\d)((?:19|20)\d\d)(?!\d)", re.I
        )  # "Xếp loại năm 2019"
        self.year_header = re.compile(rf"^(?:({_any(w('year'), _folded)})\s*)?(\d{{4}})$")  # "Năm 2019", folded
        day, month, year = (_any(w(k), _folded) for k in ("day", "month", "year"))
        self.title_year = re.compile(r"(" + month + r"\s+\d{1,2}\s+)?" + year + r"\s+((?:19|20)\d\d)\b")
        self.date = re.compile(r"\b" + day + r"\b.{0,14}\b" + month + r"\b.{0,14}\b" + year + r"\b")
        # the whole header: "Tiêu biểu", "Đạt tiêu biểu", "Xếp loại tiêu biểu"; after "Trong đó": the word
        self.exemplary = [
            phrase(f"^{before} {word}") for word in w("exemplary") for before in ("", *w("exemplary_after"))
        ]
        self.in_which_exemplary = [phrase(word) for word in w("exemplary")]
        self.not_disciplined = frozenset(strip_marks(x) for x in (*w("not_disciplined"), *self.unticked))
        units = _any(w("score_units"), re.escape)
        self.score = re.compile(r"^(\d{1,3})(?:[.,](\d{1,2}))?(?:\s*" + units + r")?$", re.I)  # "85,5 điểm"
        # a header naming points: "(30 điểm)", "Điểm tối đa 20", "TC1 (20đ)" – a unit alone or after a number
        # (a header's word, as ``words_of`` gives it: with its marks, or all of them without where it has none)
        self.points_word = re.compile(r"^(?:\d{1,3})?" + _any([norm_key(u) for u in w("score_units")], re.escape) + "$")
        self.points_word_unmarked = re.compile(r"^(?:\d{1,3})?" + _any(w("score_units"), _folded) + "$")
        self.former = [phrase(x) for x in w("former")]
        self.former_marked = [phrase(x) for x in w("former_marked")]
        # "(12 đảng viên)" after a heading; "Tổng số đảng viên": the members' figures
        self.count_tail = re.compile(
            r"\s*[(\[]\s*\d+\s*" + _any(w("count_units"), re.escape) + r"?\s*[)\]]\s*[:.]?$", re.I
        )
        self.members = [phrase(x) for x in w("count_units")]
        self.path_steps = re.compile(r"\s*" + _any(w("path_steps"), re.escape) + r"\s*")
        self.no_organisation = [phrase(x)[1] for x in w("no_organisation")]
        self.not_there = [phrase(x) for x in w("not_there")]
        # "Năm trước (2020)", "Năm nay (2021)": a year's rating column named by where it stands
        self.relative_year = re.compile(
            r"^" + _any(w("relative_year"), either_marks) + r"\s*\(?\s*((?:19|20)\d\d)\s*\)?$", re.I
        )
        self.previous_year = [phrase(x) for x in w("previous_year")]  # "Xếp loại năm trước": the year before
        # the committees that rate, lowest level first: each level a group of words
        self.rating_levels = [[phrase(x) for x in level] for level in w("rating_levels")]
        # a decision that agrees with the proposal beside it ("Thống nhất"), unless it says a change ("hạ")
        self.agreement = [phrase(x) for x in w("agreement")]
        self.agreement_not = [phrase(x) for x in w("agreement_not")]
        # a decision one or more tiers from the proposal: "Hạ 1 bậc" (lower), "Nâng một mức" (higher)
        self.relative_lower = [phrase(x) for x in w("relative_lower")]
        self.relative_higher = [phrase(x) for x in w("relative_higher")]
        self.relative_steps = [phrase(x) for x in w("relative_steps")]
        self.relative_counts = [phrase(x) for x in w("relative_counts")]  # "một" = 1, "hai" = 2 …
        self.admitted_columns = {strip_marks(norm_key(x)) for x in w("admitted_columns")}  # "Ngày vào Đảng"
        # "Kết nạp tháng 7/2021", "Vào Đảng năm 2019": the first year after the words, in a note
        # a staff list's column marking party members ("Đảng viên" | x), and the marks it holds
        self.member_mark_headers = {loose_key(x) for x in w("member_mark_headers")}
        self.member_mark_yes = {loose_key(x) for x in (*w("member_mark_yes"), *w("ticks"))}
        self.member_mark_no = {loose_key(x) for x in (*w("member_mark_no"), *w("unticked"))} | {""}
        self.commendation = [phrase(x) for x in w("commendation")]  # "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
        self.pending = [phrase(x) for x in w("pending")]  # "chưa quyết định xếp loại" beside a tier
        self.selection = [phrase(x) for x in w("selection")]  # "DANH SÁCH ĐẠI BIỂU", "… TẶNG HUY HIỆU"
        # a member typed as a line: "1. Đ/c Nguyễn Văn An: HTTNV"; the header the line's table is given
        address = "|".join(re.escape(a) for a in sorted(w("line_address"), key=len, reverse=True))
        self.member_line = re.compile(
            r"^(?:(?P<n>\d{1,4})\s*[.)/-]?\s+)?(?:(?:"
            + address
            + r")\.?\s+)?(?P<name>[^:\d]+?)\s*(?::|\s[-–—]\s)\s*(?P<label>.+?)[.;]?$"
        )
        self.line_header = list(w("line_header"))
        self.admitted = re.compile(
            r"\b" + _any(w("admitted"), either_marks) + r"\b.{0,30}?(?<!\d)((?:19|20)\d\d)(?!\d)", re.I
        )
