"""Rules for single cells that both readers (``by_rows`` and ``by_columns``) apply, written once:
years, counts, totals and section words, tick marks, discipline marks, and the shared wording
of their errors.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from ccq_stats.errors import InputError, Where
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.text import clean, norm_key, strip_marks
from ccq_stats.vocabulary.scales import FIRST_YEAR, LAST_YEAR, Scales, find_phrase

SECTION_MARK = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})[.)/]\s*", re.I)  # "I.", "A)", "2/" before a heading
_SECTION_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z])[.)]?$")
_SUB_LETTER = re.compile(r"^\(?[a-zđ][.)]?$")  # "a", "b)", "(c)": lower case; "A", "B" number sections
_SUB_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.\d{1,3}\.?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,  ]\d{3})+$")
# a count with its share in one cell, "5 (13,51%)": the count is the number before the bracket
WITH_SHARE = re.compile(r"^(\d{1,9})\s*\(\s*\d{1,3}(?:[.,]\d+)?\s*%\s*\)$")


def parse_year(value, where: Where | None) -> int:
    """A rating year: 2019, "2019", 2019.0; anything else is an error at ``where``."""
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)) and float(value).is_integer() and FIRST_YEAR <= value <= LAST_YEAR:
        return int(value)
    text = clean(value)
    if re.fullmatch(r"(19|20)\d\d", text):
        return int(text)
    shown = value.isoformat() if isinstance(value, (date, datetime)) else value
    raise InputError(
        _("the year is not a year"),
        where=where,
        value=shown,
        hint=_("write the rating year as a four-digit number, e.g. 2019"),
    )


def default_year(column_year: int | None, fixed_year: int | None) -> int | None:
    """The year of a row without a year cell, for both readers: its rating column's year (a header
    "Xếp loại năm 2024", a wide layout's year columns), else the sheet's year (title, file name,
    --year); None if neither gives one."""
    return column_year or fixed_year


MAX_COUNT = 100_000_000  # more than all the Party's members many times over: no organisation has more


def parse_count(value, where: Where | None, scales: Scales) -> int:
    """A non-negative whole count; blank and a dash ([reading_words] dashes) are 0; "1.234" is
    Vietnamese for 1234. A count
    over ``MAX_COUNT`` (99999999999999999999999, a date-styled cell of serial 1e300) is an error
    naming the cell: no organisation has that many members, and the sums must fit 64 bits."""
    if value is None or value == "":
        return 0
    count = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if math.isfinite(value) and float(value).is_integer() and value >= 0:
            count = int(value)
    else:
        text = clean(value)
        if text == "" or is_dash(text, scales):
            return 0
        if text.isdigit() and text.isascii():
            count = int(text) if len(text) <= 20 else MAX_COUNT + 1  # int() of a 5,000-digit text is refused by Python
        elif _THOUSANDS.match(text):
            digits = re.sub(r"\D", "", text)
            count = int(digits) if len(digits) <= 20 else MAX_COUNT + 1
        elif share := WITH_SHARE.match(text):
            count = int(share.group(1))
    if count is not None and count <= MAX_COUNT:
        return count
    if count is not None:
        raise InputError(
            _("a count larger than any organisation's"),
            where=where,
            value=value,
            hint=_("a count is a whole number of members, at most {limit}; check the cell").format(
                limit=number(MAX_COUNT)
            ),
        )
    raise InputError(_("not a count of members"), where=where, value=value, hint=_("a count is a whole number ≥ 0"))


def is_number(value) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or clean(value).isdigit()


def first_word(text: str) -> str:
    """The first word of a cell, case-folded, past a section mark ("I.") – to rule out most cells cheaply."""
    words = text[:40].split(maxsplit=2)
    if len(words) > 1 and len(words[0]) <= 5 and SECTION_MARK.match(text):
        return SECTION_MARK.sub("", text[:40]).split(maxsplit=1)[0].casefold().rstrip(":.,;")
    return words[0].casefold().rstrip(":.,;") if words else ""  # "Cộng:" is "Cộng"


def totals_first_words(scales: Scales) -> set[str]:
    """First words of the totals labels, with and without diacritics ("tổng", "tong", "cộng" …)."""
    words = set()
    for key in scales.totals_row:
        word = key.split()[0]
        words |= {word, strip_marks(word)}
    for _key, needle in scales.totals_prefixes:
        words |= {needle[0], strip_marks(needle[0])}
    return words


def _subtotal(text: str, scales: Scales) -> bool:
    """ "Cộng khối Đảng", "Tổng cộng khối chính quyền", "Cộng (I)": a totals word followed by what
    it totals – not a name that starts with the word ("Cộng đồng doanh nghiệp trẻ")."""
    words = tuple(norm_key(SECTION_MARK.sub("", text)).split())
    return any(
        find_phrase(words, (True, needle)) == 0
        and len(words) > len(needle)
        and _totals_what(words[len(needle) :], scales)
        for _key, needle in scales.totals_prefixes
    )


def _totals_what(rest: tuple[str, ...], scales: Scales) -> bool:
    """Do the words after "Cộng" name what it totals: a number or section mark ("56 TCCSĐ", "I",
    "A"), or a group ([totals_row] groups: "khối", "các", "chi bộ" …)?"""
    first = rest[0]
    if first[:1].isdigit() or _SECTION_NUMBER.match(first.upper()):
        return True
    return any(find_phrase(rest, group) == 0 for group in scales.totals_groups)


def totals_test(scales: Scales):
    """text -> is it a totals label ("Tổng cộng", "Cộng", "II. Tổng số" …)? Cheap on other cells."""
    starts = totals_first_words(scales)

    def is_totals(text: str) -> bool:
        return (
            bool(text)
            and not text[0].isdigit()
            and first_word(text) in starts
            and (
                norm_key(text) in scales.totals_row
                or norm_key(SECTION_MARK.sub("", text)) in scales.totals_row
                or _subtotal(text, scales)
            )
        )

    return is_totals


def is_subset_heading(text: str, scales: Scales) -> bool:
    """ "Trong đó, các chi bộ trực thuộc:" under an organisation: the rows below it, to the next
    numbered one, are parts of that organisation (DOMAIN: "trong đó" introduces a subset;
    [reading_words] in_which, folded as the heading is)."""
    if not text:
        return False
    words = strip_marks(norm_key(text[:20])).replace(",", " ").replace(":", " ").split()
    return any(words[: len(w)] == w for w in scales.words.in_which_folded)


def is_tick(text: str, scales: Scales) -> bool:
    """A cell ticked ("x", "✓" … [reading_words] ticks): under a tier or status column, the row's
    label; under "Trong đó: TSVM tiêu biểu", the award. The one test every reader makes."""
    return bool(text) and text.casefold() in scales.words.ticks


def is_unticked(text: str, scales: Scales) -> bool:
    """A cell that says it is not ticked (a checkbox's FALSE, [reading_words] unticked): under a tier
    or status column, no tick – as a blank cell, never a blank rating nor a count."""
    return bool(text) and text.casefold() in scales.words.unticked


def is_dash(text: str, scales: Scales) -> bool:
    """A cell saying "none" ("-", "–" … [reading_words] dashes): a count of 0, no score, an
    organisation not there that year."""
    return text in scales.words.dashes


def is_bullet(text: str, scales: Scales) -> bool:
    """An STT cell holding a bullet ("-", "•" … [reading_words] bullets): the row is part of the
    numbered row above it."""
    return text in scales.words.bullets


def without_bullet(text: str, scales: Scales) -> str:
    """A line without the bullets and spaces before it ("- Hoàn thành tốt nhiệm vụ")."""
    return text.lstrip("".join(scales.words.bullets) + " ")


def section_kind(text: str, scales: Scales):
    """The (kind, subject) a heading names ("I. CÁC ĐẢNG BỘ CƠ SỞ", "III. CÁC CHI BỘ TRỰC THUỘC
    ĐẢNG ỦY CƠ SỞ"), or None: its exact name, else the first kind its words name. A "Trong đó …"
    heading names the parts of the row above it, not a block of the table: None."""
    if not text or len(text) > 200 or is_subset_heading(text, scales):
        return None
    found = scales.lookup(scales.kinds, SECTION_MARK.sub("", text))
    if found and found[1] == "by_parent":
        return None  # "Chi bộ" alone names no kind of block
    return found or scales.kind_in(text)


def is_section_mark(text: str) -> bool:
    """An STT cell that numbers a section, not an organisation: "I", "II.", "A", "B)"."""
    return bool(text) and bool(_SECTION_NUMBER.match(text))


def is_sub_letter(text: str) -> bool:
    """An STT cell lettering a row under the numbered row above ("a", "b)"): one of its parts,
    as "-" or "1.1" are."""
    return bool(text) and bool(_SUB_LETTER.match(text))


def sub_number(text: str) -> str | None:
    """ "1.2" -> "1" (the number of the row it belongs to); None for a plain number."""
    match = _SUB_NUMBER.match(text) if text else None
    return match.group(1) if match else None


def is_disciplined(text: str, scales: Scales) -> bool:
    """A discipline cell that says the member was disciplined ("Khiển trách", "x" …): any but
    those of [reading_words] not_disciplined."""
    return strip_marks(norm_key(text)) not in scales.words.not_disciplined


MAX_SCORE = 100  # QĐ 366-QĐ/TW (2025), HD 27-HD/BTCTW (2014): scores out of 100


def parse_score(value, where: Where | None, scales: Scales) -> float:
    """A score out of 100 (QĐ 366, HD 27) – half points and the Vietnamese decimal comma
    ("85,5", "85 điểm": [reading_words] score_units) allowed; blank and a dash are no score (NaN).
    Anything else is an error at ``where``.
    The one rule both readers apply to a score cell (a row's score, once per distinct value)."""
    score = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        score = float(value) if math.isfinite(value) else None
        if score is not None:
            score = round(score, 2)  # 85.49999999 typed by a formula: two decimals, as shown in Excel
    else:
        text = clean(value)
        if text == "" or is_dash(text, scales):
            return math.nan
        match = scales.words.score.match(text)
        if match:
            score = float(f"{match.group(1)}.{match.group(2) or 0}")
    if score is not None and 0 <= score <= MAX_SCORE:
        return score
    raise InputError(
        _("the score is not a number from 0 to 100"),
        where=where,
        value=clean(value) if isinstance(value, str) else value,
        hint=_("write the score as a number, e.g. 85 or 85,5 (the rating goes in its own column)"),
    )


# the errors both readers raise, in the same words (made at the error, in the user's language)


def no_year_error(where: Where) -> InputError:
    return InputError(_("no rating year for this row"), where=where, hint=_("fill the 'Năm' cell, or give --year"))


def blank_member_rating_error(where: Where, merged: str | None = None) -> InputError:
    """A member row without a rating. ``merged``: the merged range the blank cell lies in – a rating
    merged down over several members is, in the file, the rating of the first of them only (Excel
    keeps a merged range's value in its top cell): each member's rating is written, not guessed."""
    if merged:
        return InputError(
            _("the rating is blank (the cell is part of the merged range {range})").format(range=merged),
            where=where,
            hint=_("unmerge the cells and write each member's rating"),
        )
    return InputError(
        _("the rating is blank"),
        where=where,
        hint=_("write the rating, or 'Miễn đánh giá' / 'Chưa đánh giá' if the member was not rated"),
    )


def unknown_kind_error(where: Where, value) -> InputError:
    return InputError(
        _("unknown kind of organisation"),
        where=where,
        value=value,
        hint=_("use Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc or Đảng bộ bộ phận (ĐBCS, CBCS, CBTT, ĐBBP)"),
    )
