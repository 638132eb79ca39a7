"""Vietnamese-aware text folding, shared by the label vocabulary and the header finder.

Two keys, tried in this order:

* ``norm_key`` – NFC, case-folded, non-breaking/zero-width spaces and punctuation turned
  into spaces, spaces collapsed. "Trong sạch, vững mạnh" and "TRONG SẠCH VỮNG MẠNH" agree.
* ``loose_key`` – ``norm_key`` without diacritics (đ → d) and without spaces, for labels
  typed without accents ("Hoan thanh tot nhiem vu") or spaced oddly ("HT tốt NV" → "httotnv").

Both are exact lookups: nothing here matches a substring.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Characters that separate words but carry no meaning in a label or header.
_PUNCT = re.compile(r"[\s,.;:/\\\-–—_()\[\]{}\"'“”‘’*+&|!?]+")
# Characters that show nothing and change no word: the format characters (Unicode category Cf: the
# soft hyphen, zero-width spaces and joiners, direction marks and embeddings, the byte-order mark,
# tags) and the variation selectors, which only pick how the character before them is drawn: "✔️"
# typed on a phone is "✔" and U+FE0F (its emoji form), the same tick. Ranges of code points, both
# ends included; reading/identity.py's BLANK is made of them too, so that both readers blank alike.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x061C, 0x061C),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xE0100, 0xE01EF),
)
_INVISIBLE = dict.fromkeys((c for a, b in INVISIBLE_RANGES for c in range(a, b + 1)), None)
# the invisible characters that are "printable" to Python (variation selectors are marks, Mn): the
# quick test for text already clean must look for them. It looks for the two a keyboard or a phone
# types ("✔️": U+FE0F, the emoji form; U+FE0E, the text form) with two quick searches (a regular
# expression over the whole range costs a tenth of the cleaning of 200,000 distinct names); the
# others (U+FE00-U+FE0D, U+E0100-U+E01EF: mathematical and CJK forms, not met in Vietnamese text) are
# dropped only where the text is not clean for another reason
_SELECTORS = ("\ufe0f", "\ufe0e")


def clean(value: object) -> str:
    """A cell as display text: NFC, invisible characters dropped, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, str):
        plain = value.isascii() and value.isprintable() and "  " not in value and value == value.strip()
        return value if plain else _clean_text(value)  # plain ASCII needs no normalising
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return _clean_text(str(value))


def clean_all(values, block: int = 512) -> list[str]:
    """``[clean(v) for v in values]``, quicker on a long column of texts (names, cards).

    Texts are tested in blocks, joined by "|": a block whose join is printable, holds no double
    space, no space beside a "|" or at either end, and is in NFC is a block of texts that are each
    their own clean form (each test on the join holds exactly when it holds for every text: "|" is
    printable, and a starter that composes with nothing, so NFC never reaches across it; a text
    holding " |" only sends its block the slow way). Other blocks, and values that are not text,
    are cleaned one by one. tests/test_properties.py holds it to ``clean`` over arbitrary Unicode."""
    values = values if isinstance(values, list) else list(values)
    out = []
    for at in range(0, len(values), block):  # one odd name sends only its block the slow way
        some = values[at : at + block]
        joined = "|".join(some) if all(type(v) is str for v in some) else None
        if joined is not None and _plain(joined) and " |" not in joined and "| " not in joined:
            out.extend(some)
        else:  # a whole number as clean gives it (row numbers), without the call
            out.extend([str(int(v)) if type(v) is float and v.is_integer() else clean(v) for v in some])
    return out


def _plain(text: str) -> bool:
    """Printable, no double, leading or trailing space, in NFC, without the two variation selectors
    a phone types (U+FE0F, U+FE0E: printable, yet dropped): its own clean form."""
    return (
        text.isprintable()
        and _SELECTORS[0] not in text
        and _SELECTORS[1] not in text
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and unicodedata.is_normalized("NFC", text)
    )


@functools.lru_cache(maxsize=1 << 16)  # labels, units and headers repeat on every row
def _clean_text(text: str) -> str:
    # printable text has no invisible character and no space but " " (they are categories Cf, Zs …):
    # with no double, leading or trailing space and already in NFC, it is its own clean form (most
    # Vietnamese names: half the time of the normalising below)
    if _plain(text):
        return text
    # invisibles out first: a zero-width space between a letter and its mark would keep them apart
    return " ".join(unicodedata.normalize("NFC", text.translate(_INVISIBLE)).split())


# Control characters (C0 but tab, line feed and carriage return; DEL; C1) and the two non-characters
# XML refuses: an ESC sequence in a name would colour a terminal, and no xlsx or docx can hold one.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def without_controls(text: str) -> str:
    """``text`` without its control characters (``CONTROL``)."""
    return CONTROL.sub("", text)


def norm_key(value: object) -> str:
    return _norm_text(clean(value))


@functools.lru_cache(maxsize=1 << 16)
def _norm_text(text: str) -> str:
    text = text.casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def strip_marks(text: str) -> str:
    """Drop Vietnamese diacritics: "Đảng" -> "Dang"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def loose_key(value: object) -> str:
    return strip_marks(norm_key(value)).replace(" ", "")


# -- legacy Vietnamese encodings -------------------------------------------------------
# Text typed with the old TCVN3 (ABC, ".Vn" fonts) or VNI fonts looks like Latin-1 letters
# when read as Unicode. It needs converting (e.g. Unikey's converter), not normalising.

# Characters these fonts use that Vietnamese in Unicode never contains.
_TCVN3_MARKS = set("µ¸¶·¹¨©ª«¬®§¾ÖÞ×")
_VNI_MARKS = set("øûïäëåöñÑ")


def legacy_encoding(text: str) -> str | None:
    """ "TCVN3 (ABC)" or "VNI" when text looks typed in those legacy encodings, else None."""
    if not text or text.isascii():
        return None
    tcvn3 = sum(ch in _TCVN3_MARKS for ch in text)
    vni = sum(ch in _VNI_MARKS for ch in text)
    if max(tcvn3, vni) < 2:
        return None
    return "TCVN3 (ABC)" if tcvn3 >= vni else "VNI"
