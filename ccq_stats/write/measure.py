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
    "regular": [
        250,
        333,
        408,
        500,
        500,
        833,
        778,
        180,
        333,
        333,
        500,
        564,
        250,
        333,
        250,
        278,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        278,
        278,
        564,
        564,
        564,
        444,
        921,
        722,
        667,
        667,
        722,
        611,
        556,
        722,
        722,
        333,
        389,
        722,
        611,
        889,
        722,
        722,
        556,
        722,
        667,
        556,
        611,
        722,
        722,
        944,
        722,
        722,
        611,
        333,
        278,
        333,
        469,
        500,
        333,
        444,
        500,
        444,
        500,
        444,
        333,
        500,
        500,
        278,
        278,
        500,
        278,
        778,
        500,
        500,
        500,
        500,
        333,
        389,
        278,
        500,
        500,
        722,
        500,
        500,
        444,
        480,
        200,
        480,
        541,
    ],
    "bold": [
        250,
        333,
        555,
        500,
        500,
        1000,
        833,
        278,
        333,
        333,
        500,
        570,
        250,
        333,
        250,
        278,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        333,
        333,
        570,
        570,
        570,
        500,
        930,
        722,
        667,
        722,
        722,
        667,
        611,
        778,
        778,
        389,
        500,
        778,
        667,
        944,
        722,
        778,
        611,
        778,
        722,
        556,
        667,
        722,
        722,
        1000,
        722,
        722,
        667,
        333,
        278,
        333,
        581,
        500,
        333,
        500,
        556,
        444,
        556,
        444,
        333,
        500,
        556,
        278,
        333,
        556,
        278,
        833,
        556,
        500,
        556,
        556,
        444,
        389,
        333,
        556,
        500,
        722,
        500,
        500,
        444,
        394,
        220,
        394,
        520,
    ],
    "italic": [
        250,
        333,
        420,
        500,
        500,
        833,
        778,
        214,
        333,
        333,
        500,
        675,
        250,
        333,
        250,
        278,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        500,
        333,
        333,
        675,
        675,
        675,
        500,
        920,
        611,
        611,
        667,
        722,
        611,
        611,
        722,
        722,
        333,
        444,
        667,
        556,
        833,
        667,
        722,
        611,
        722,
        611,
        500,
        556,
        722,
        611,
        833,
        611,
        556,
        556,
        389,
        278,
        389,
        422,
        500,
        333,
        500,
        500,
        444,
        500,
        444,
        278,
        500,
        500,
        278,
        278,
        444,
        278,
        722,
        500,
        500,
        500,
        500,
        389,
        389,
        278,
        500,
        444,
        667,
        444,
        444,
        389,
        400,
        275,
        400,
        541,
    ],
}
_OTHER = {  # the letters and signs beyond ASCII the documents print, per style
    "regular": {"ơ": 529, "ư": 542, "Ơ": 722, "Ư": 776, "đ": 500, "Đ": 722, "–": 500, "…": 1000, "\u00a0": 250},
    "bold": {"ơ": 554, "ư": 600, "Ơ": 778, "Ư": 796, "đ": 556, "Đ": 722, "–": 500, "…": 1000, "\u00a0": 250},
    "italic": {"ơ": 534, "ư": 545, "Ơ": 722, "Ư": 754, "đ": 500, "Đ": 722, "–": 500, "…": 889, "\u00a0": 250},
}
POINT_MM = 25.4 / 72
HEADER_LINES = 3  # the most lines a table header takes, where the page allows
CANDIDATES = 16  # widths tried per column and step of the fitter: enough to find the good ones, bounded for 700 rows
ROWS_A_PAGE = 40  # rows of a table of figures on an A4 page, near enough: how often its header row is printed


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


class _Cell:
    """A text as its words' widths, so that its line count at any column width is a sum."""

    def __init__(self, text: str, size: float, whole: bool, **style):
        words = text.split()
        self.widths = [width_mm(w, size, **style) for w in words]
        self.space = width_mm(" ", size, **style)
        self.whole = whole  # a figure ("34 (61,82%)"): one line, never broken

    def lines(self, width: float) -> int:
        """The lines the words take, broken greedily as a word processor breaks them."""
        count, line = 0, None
        for w in self.widths:
            if line is not None and line + self.space + w <= width:
                line += self.space + w
            else:
                count, line = count + 1, w
        return max(count, 1)

    def steps(self) -> set[float]:
        """Every width at which the line count can change: the widths of runs of its words."""
        out = set()
        for i in range(len(self.widths)):
            run = -self.space
            for w in self.widths[i:]:
                run += self.space + w
                out.add(round(run + 0.05, 1))  # a tenth of a mm over: rounding never makes it one line short
        return out


def fit_columns(
    header: list[str], rows: list[list[str]], room: float, pad: float, size: float, whole: callable = lambda text: False
) -> list[float]:
    """Widths in mm of the columns of a table ``room`` mm wide (each column ``pad`` mm beside its
    text). Where the columns' widest words (the header's in bold) and whole figures
    (``whole(text)``) do not fit at this text ``size``, those least widths, wider than ``room``.

    First the rows as low as the page allows: the fewest lines L such that every column, given
    the width its cells need for L lines at most, fits (a header wraps between its words as it
    must). Then the room left goes, a column at a time, to the column that saves the most broken
    lines per millimetre by taking one line fewer: a short column of labels ("Đảng bộ cơ sở" in
    every row) costs little to keep on one line and saves a line in each row, so it is kept whole
    before a long name gets its third line back. What is left goes to the columns that still wrap,
    by how much more they hold."""
    columns = [[_Cell(str(r[j]), size, whole(str(r[j]))) for r in rows] for j in range(len(header))]
    heads = [_Cell(str(name), size, False, bold=True) for name in header]
    least = [
        max(
            [max(c.widths, default=0.0) for c in [h] + cells]
            + [sum(c.widths) + c.space * (len(c.widths) - 1) for c in cells if c.whole]
        )
        for h, cells in zip(heads, columns)
    ]
    if room - pad * len(columns) - sum(least) < 0:
        return [pad + w for w in least]
    steps = [sorted(set().union(*(c.steps() for c in cells))) for cells in columns]

    def tallest(j: int, width: float) -> int:
        return max((c.lines(width) for c in columns[j]), default=1)

    def width_for(j: int, lines: int, least: list[float] = least) -> float:
        """The least width at which no cell of column ``j`` takes more than ``lines`` lines."""
        candidates = [w for w in steps[j] if w > least[j]]
        if tallest(j, least[j]) <= lines:
            return least[j]
        lo, hi = 0, len(candidates) - 1  # the widest candidate holds every cell on one line
        while lo < hi:
            mid = (lo + hi) // 2
            if tallest(j, candidates[mid]) <= lines:
                hi = mid
            else:
                lo = mid + 1
        return candidates[lo]

    def lowest(least: list[float]) -> tuple[int, list[float]]:
        """(lines, widths): the fewest lines a row takes with columns no narrower than ``least``."""
        longest = max((tallest(j, least[j]) for j in range(len(columns))), default=1)
        for target in range(1, longest + 1):
            widths = [width_for(j, target, least) for j in range(len(columns))]
            if sum(widths) + pad * len(columns) <= room:
                break
        return target, widths

    def arrange(widths: list[float]) -> list[float]:
        """The room left given, step by step, where it saves the most printed lines."""
        widths = list(widths)
        left = room - pad * len(columns) - sum(widths)

        def head_width(j: int, lines: int) -> float:
            """The least width (not below the present one) at which header ``j`` takes ``lines`` lines."""
            return min(
                (w for w in heads[j].steps() if w >= widths[j] and heads[j].lines(w) <= lines), default=widths[j]
            )

        while True:  # columns alike (2018 and 2019 beside each other) move together: never one wider than its twin
            moves: dict[tuple[float, float], list[int]] = {}
            for j in range(len(columns)):
                now = tallest(j, widths[j])
                if now > 1:
                    moves.setdefault((round(widths[j], 1), round(width_for(j, now - 1), 1)), []).append(j)
            best = None
            for (_, wider), group in moves.items():
                wider = width_for(group[0], tallest(group[0], widths[group[0]]) - 1)
                cost = sum(wider - widths[j] for j in group)
                if 0 < cost <= left:
                    gain = sum(broken(j, widths[j]) - broken(j, wider) for j in group) / cost
                    if best is None or gain > best[0]:
                        best = (gain, group, [wider] * len(group), cost)
            # a column need not take its tallest cell a line lower to be worth widening: a few more
            # mm put many of its names on one line ("Đảng bộ Ủy ban Kiểm tra Tỉnh ủy"), which the
            # room left would otherwise give by share to columns it does not help
            alike: dict[float, list[int]] = {}
            for j in range(len(columns)):
                alike.setdefault(round(widths[j], 1), []).append(j)
            for group in alike.values():
                now = widths[group[0]]
                wider = sorted({w for j in group for w in steps[j] if now < w <= now + left / len(group)})
                for w in wider[:: max(1, len(wider) // CANDIDATES)]:
                    cost = (w - now) * len(group)
                    saved = sum(broken(j, now) - broken(j, w) for j in group)
                    if saved > 0 and (best is None or saved / cost > best[0]):
                        best = (saved / cost, group, [w] * len(group), cost)
            # the header row is as tall as its tallest header: a narrow column of small figures
            # under "Số năm đạt mức cao nhất" (one word a line, six lines) costs a line of every
            # page the table runs over, saved by widening the columns whose headers are that tall
            high = max((h.lines(widths[j]) for j, h in enumerate(heads)), default=1)
            if high > 1:
                group = [j for j, h in enumerate(heads) if h.lines(widths[j]) == high]
                wider = [head_width(j, high - 1) for j in group]
                cost = sum(w - widths[j] for j, w in zip(group, wider))
                if 0 < cost <= left:
                    gain = pages / cost
                    if best is None or gain > best[0]:
                        best = (gain, group, wider, cost)
            if best is None:
                break
            _, group, wider, cost = best
            left -= cost
            for j, w in zip(group, wider):
                widths[j] = w
        # a header may wrap between its words ("Số năm / đạt mức"), a cell had better not
        longest = [
            max([sum(c.widths) + c.space * (len(c.widths) - 1) for c in cells], default=0.0) for cells in columns
        ]
        wanting = [max(longest[j] - widths[j], 0) for j in range(len(widths))]
        share = [w / sum(wanting) for w in wanting] if sum(wanting) else [1 / len(widths)] * len(widths)
        return [pad + w + left * share[j] for j, w in enumerate(widths)]

    pages = 1 + len(rows) // ROWS_A_PAGE  # the header row is printed again on each page

    def broken(j: int, width: float) -> int:
        return sum(c.lines(width) for c in [heads[j]] + columns[j])

    def printed(widths: list[float]) -> int:
        """The lines the table prints: its rows, and its header row on each page."""
        header = max((h.lines(w) for h, w in zip(heads, widths)), default=1)
        body = sum(max(columns[j][i].lines(w) for j, w in enumerate(widths)) for i in range(len(rows)))
        return header * pages + body

    plain = arrange(lowest(least)[1])
    # a header of HEADER_LINES lines at most ("Số năm đạt mức cao nhất" one word a line over a
    # column of small figures is a header nobody reads) – unless the table then prints a tenth
    # more lines (a column of "Đảng bộ cơ sở" broken in every row of a long table)
    held = [
        max(least[j], min((w for w in h.steps() if h.lines(w) <= HEADER_LINES), default=least[j]))
        for j, h in enumerate(heads)
    ]
    if held != least and sum(held) + pad * len(columns) <= room:
        at = lowest(held)[1]
        if sum(at) + pad * len(columns) <= room:
            kept = arrange(at)
            if printed([w - pad for w in kept]) <= 1.1 * printed([w - pad for w in plain]):
                return kept
    return plain
