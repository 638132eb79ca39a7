"""How wide a text prints in Times New Roman: the widths the document writers lay out by.

A Word table whose columns are sized by the number of characters breaks "HTXSNV" inside the
word and gives "Đảng bộ cơ sở" two lines while a column of short figures stays half empty. The
advance widths of Times New Roman (the same in Liberation Serif, its metric-compatible free
twin, which is what LibreOffice prints with where Times is not installed) size them instead.

Widths are in thousandths of an em, for the printable ASCII characters of the four styles; a
Vietnamese letter is as wide as its base letter (the tone marks sit above or below it), except
the horned ơ/ư and Ơ/Ư, which are wider, and đ/Đ.
"""

from __future__ import annotations

import unicodedata

_ASCII = {  # code points 32–126, Times New Roman / Liberation Serif (hmtx, units per 1000 em)
    "regular": [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500,
                500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
                389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
                500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
                278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541],
    "bold": [250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500,
             500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778,
             667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333,
             500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556,
             500, 722, 500, 500, 444, 394, 220, 394, 520],
    "italic": [250, 333, 420, 500, 500, 833, 778, 214, 333, 333, 500, 675, 250, 333, 250, 278, 500, 500, 500, 500, 500,
               500, 500, 500, 500, 500, 333, 333, 675, 675, 675, 500, 920, 611, 611, 667, 722, 611, 611, 722, 722, 333,
               444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556, 389, 278, 389, 422,
               500, 333, 500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389,
               278, 500, 444, 667, 444, 444, 389, 400, 275, 400, 541],
}
_OTHER = {  # the letters and signs beyond ASCII the documents print, per style
    "regular": {"ơ": 529, "ư": 542, "Ơ": 722, "Ư": 776, "đ": 500, "Đ": 722, "–": 500, "…": 1000, "\u00a0": 250},
    "bold": {"ơ": 554, "ư": 600, "Ơ": 778, "Ư": 796, "đ": 556, "Đ": 722, "–": 500, "…": 1000, "\u00a0": 250},
    "italic": {"ơ": 534, "ư": 545, "Ơ": 722, "Ư": 754, "đ": 500, "Đ": 722, "–": 500, "…": 889, "\u00a0": 250},
}
POINT_MM = 25.4 / 72


def _char(ch: str, style: str) -> int:
    table = _OTHER[style]
    if ch in table:
        return table[ch]
    code = ord(ch)
    if 32 <= code <= 126:
        return _ASCII[style][code - 32]
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch:
        return _char(base, style)  # ệ → e (its marks take no width of their own); ờ → ơ
    return 1000 if unicodedata.east_asian_width(ch) in "WF" else 556  # an unknown sign: a wide guess, never too narrow


def width_mm(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """The printed width of ``text`` on one line, in millimetres, at ``size`` points."""
    style = "bold" if bold else ("italic" if italic else "regular")  # bold italic is as wide as bold, near enough
    return sum(_char(ch, style) for ch in unicodedata.normalize("NFC", text)) / 1000 * size * POINT_MM


def longest_word_mm(text: str, size: float, **style) -> float:
    """The widest word of ``text`` (what a column must hold so that no word is broken)."""
    return max((width_mm(word, size, **style) for word in text.split()), default=0.0)


def break_lines(groups: list[str], width: float, size: float, **style) -> list[str]:
    """The groups of words joined into as few lines as fit ``width`` mm, breaking only between
    groups (never inside "ĐẢNG ỦY", "CÁC CƠ QUAN TỈNH"), the lines as even as can be."""
    lines: list[list[str]] = []
    for group in groups:
        if lines and width_mm(" ".join(lines[-1] + [group]), size, **style) <= width:
            lines[-1].append(group)
        else:
            lines.append([group])
    if len(lines) == 2:  # two lines: move groups down while that makes them more even
        first, second = lines
        while len(first) > 1:
            below = width_mm(" ".join([first[-1]] + second), size, **style)
            if below > width or below > width_mm(" ".join(first), size, **style):
                break
            first, second = first[:-1], [first[-1]] + second
        lines = [first, second]
    return [" ".join(line) for line in lines]
