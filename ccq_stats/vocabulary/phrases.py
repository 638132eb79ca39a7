"""Words compared as Vietnamese staff type them: a header's or a cell's words, folded, with their
diacritics when the text has some and without when it has none (``Words``), and a vocabulary
phrase found among them (``find_phrase``).
"""

from __future__ import annotations

import functools
import re

from ccq_stats.text import norm_key, strip_marks

# A folded key's prefix in the [columns] and [kinds] tables for its form without diacritics: kept
# apart from the keys with them, so that a text typed with marks is never looked up without.
LOOSE = "\x00"


def has_marks(text: str) -> bool:
    """Does text carry Vietnamese diacritics (a tone or vowel mark, or đ)?"""
    return strip_marks(text) != text


class Words(tuple):
    """A text's words, folded, and how they are compared with the vocabulary's.

    In Vietnamese the marks tell words apart (chi/chỉ, tổ/tỏ, đảng/đang, năm/nam), so a text
    typed with them (``marked``) keeps them and matches a vocabulary word with its marks only.
    A text typed without any (Telex off, an old CSV: "Xep loai") is matched without them: there
    the marks are missing, not meant."""

    marked: bool

    def __new__(cls, words, marked: bool):
        self = super().__new__(cls, words)
        self.marked = marked
        return self


def phrase(text: str) -> tuple[bool, Words]:
    """(anchored at the start, words with their diacritics) of a vocabulary phrase ("^loại").
    The vocabulary is written with its marks: a word without them is the word without them."""
    anchored = text.startswith("^")
    return anchored, Words(norm_key(text.lstrip("^")).split(), True)


def words_of(text: object, marks: bool = False) -> Words:
    """A header's words, folded; with their diacritics when the text has some ("Chỉ tiêu" is not
    "chi"), without when it has none ("Xep loai" is xếp loại); ``marks``: the cell it was cut from
    had some."""
    key = norm_key(text)
    marked = marks or has_marks(key)
    return Words((key if marked else strip_marks(key)).split(), marked)


@functools.lru_cache(maxsize=4096)
def _without_marks(needle: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strip_marks(word) for word in needle)


def find_phrase(words: tuple[str, ...], wanted: tuple[bool, tuple[str, ...]]) -> int:
    """The position of a phrase among the words (whole words), or -1. Words typed without
    diacritics (``Words.marked`` false) are compared with the phrase's words without them."""
    anchored, needle = wanted
    if isinstance(words, Words) and not words.marked:
        needle = _without_marks(tuple(needle))
    n = len(needle)
    if not n:
        return -1
    for i in range(0, 1 if anchored else len(words) - n + 1):
        if words[i : i + n] == needle:
            return i
    return -1


def either_marks(text: str) -> str:
    """A regular expression for a vocabulary phrase, each word typed with its marks or without them,
    the words apart by white space: "trở lên" -> ``(?:trở|tro)\\s+(?:lên|len)``."""
    return r"\s+".join(
        "(?:" + "|".join(dict.fromkeys(re.escape(w) for w in (word, strip_marks(word)))) + ")" for word in text.split()
    )
