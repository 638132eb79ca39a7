"""classify's tables at a terminal of any width: today's look while it fits, narrower forms after.

The wide form (``text.to_tables``: the regime's full labels, each cell "count (share%)", the
years side by side) is kept whenever every table fits the terminal. Where it would wrap, each
step below is taken in turn until every table fits:

1. short labels, as the reports write them (HTXSNV, TSVM / HTXSNV, Chưa ĐG …), with their
   legend under the tables;
2. each share under its count, in brackets;
3. the years in blocks side by side, one table per block (the next titled "(tiếp)").

Nothing is left out on the way: every count and share of the CSV is in the tables.
"""

from __future__ import annotations

import io

# Short names of the categories that are not tiers (a tier's label is shortened by scales.SHORT):
# vocabulary, [names] of scales.toml.
from ccq_stats.vocabulary.scales import SHORT_CATEGORIES, SHORT_MEMBERS_TOTAL, SUBJECT_TITLES
from ccq_stats.write.text import to_tables

CONTINUED = " (tiếp)"


def fitted_tables(figures, color: bool, width: int) -> list:
    """The tables (and the legend of the short labels, when they are used) that fit ``width``."""
    wide = to_tables(figures, color)
    if all(_width(t) <= width for t in wide):
        return wide
    groups = _groups(figures)
    for stacked in (False, True):
        tables = [_table(title, years, rows, color, stacked) for title, years, rows in groups]
        if all(_width(t) <= width for t in tables):
            return tables + [_legend(groups)]
    tables = []
    for title, years, rows in groups:
        tables += _year_blocks(title, years, rows, color, width)
    return tables + [_legend(groups)]


def _groups(figures) -> list[tuple[str, list, list]]:
    """(title, years, rows) of each table, as text.to_tables groups them; a row is (short label,
    {year: (count, share)})."""
    keys = ["subject"] + (["unit"] if "unit" in figures.columns else [])
    groups = []
    for key, group in figures.groupby(keys, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        title = SUBJECT_TITLES[key[0]] + (f" – {key[1]}" if len(key) > 1 and key[1] else "")
        rows = [
            (
                short_label(key[0], category, list(dict.fromkeys(part["label"]))),
                {r.year: (r.count, r.share, category) for r in part.itertuples()},
            )
            for category, part in group.groupby("category", sort=False)
        ]
        groups.append((title, list(dict.fromkeys(group["year"])), rows))
    return groups


def short_label(subject: str, category: str, labels: list[str]) -> str:
    """A category's short name: the labels of its years abbreviated (TSVM / HTXSNV), or the
    short name of a count that is not a tier (Chưa ĐG)."""
    if category == "total" and subject == "members":
        return SHORT_MEMBERS_TOTAL
    if category in SHORT_CATEGORIES:
        return SHORT_CATEGORIES[category]
    return " / ".join(dict.fromkeys(abbreviated(label) for label in labels))


def abbreviated(label: str) -> str:
    """``label`` with each tier name in it written short ("Hoàn thành tốt nhiệm vụ trở lên" ->
    "HTTNV trở lên"); a label without one is kept whole."""
    from ccq_stats.vocabulary.scales import SHORT

    for long, short in sorted(SHORT.items(), key=lambda item: -len(item[0])):
        label = label.replace(long, short)
    return label


def _cell(count, share, category: str, stacked: bool) -> str:
    from ccq_stats.numbers import mean_score, pct, so

    if category.startswith("mean") and share is not None and share == share:  # a mean score (share: mean ÷ 100)
        return f"{mean_score(share * 100)} điểm"
    if share is None or share != share:  # no share (a count that is not a tier) or NaN (a base of 0)
        return so(count)
    return f"{so(count)}\n({pct(share)})" if stacked else f"{so(count)} ({pct(share)})"


def _table(title: str, years: list, rows: list, color: bool, stacked: bool):
    from rich.table import Table
    from rich.text import Text  # plain text: a unit name is never read as markup

    table = Table(
        title=Text(title), title_justify="left", header_style="bold" if color else "", box=None, pad_edge=False
    )
    table.add_column("Chỉ tiêu")
    for year in years:
        table.add_column(str(year), justify="right")
    for label, by_year in rows:
        table.add_row(Text(label), *(_cell(*by_year[y], stacked) if y in by_year else "" for y in years))
    return table


def _year_blocks(title: str, years: list, rows: list, color: bool, width: int) -> list:
    """The years in blocks of as many as fit ``width`` (at least one a block), one table each;
    as even as the width allows (3 + 2 years rather than 4 + 1)."""
    greedy: list[list] = []
    for year in years:
        if greedy and _width(_table(title, greedy[-1] + [year], rows, color, True)) <= width:
            greedy[-1].append(year)
        else:
            greedy.append([year])
    size = -(-len(years) // len(greedy))  # ceil: the same number of blocks, evened out
    even = [years[i : i + size] for i in range(0, len(years), size)]
    fits = len(even) == len(greedy) and all(_width(_table(title, b, rows, color, True)) <= width for b in even)
    return [
        _table(title + (CONTINUED if i else ""), block, rows, color, True)
        for i, block in enumerate(even if fits else greedy)
    ]


def _legend(groups):
    """The legend of the short labels these tables use, and only those (no TSVM under members)."""
    from rich.text import Text

    from ccq_stats.vocabulary.scales import legend_for

    return Text(legend_for(label for title, years, rows in groups for label, figures in rows))


def _width(table) -> int:
    """The columns ``table`` takes when nothing in it wraps."""
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(width=10_000, file=io.StringIO())
    return Measurement.get(console, console.options, table).maximum
