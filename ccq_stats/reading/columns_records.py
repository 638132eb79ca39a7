"""The column reader's records (``by_columns``): who each data row is (``Who``), the members listed
twice in a year, and the pass's arrays grouped into tidy records (``records.COLUMNS``) whose
``count`` says how many rows alike they stand for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ccq_stats.figures.records import COLUMNS
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.columns_cells import NotPlain
from ccq_stats.reading.identity import member_keys
from ccq_stats.text import clean, norm_key


class Who:
    """Who each data row is: its card number, name and birth cells (``None`` for a column the
    list lacks), pyarrow arrays over all rows of the file, picked by ``position``."""

    def __init__(self, card, card_blank: np.ndarray, digits: bool, name, birth, position: np.ndarray | None):
        self.card, self.card_blank, self.digits = card, card_blank, digits
        self.name, self.birth, self.position = name, birth, position

    def rows(self, index: np.ndarray) -> np.ndarray:
        """Rows of the file of the given data rows."""
        return index if self.position is None else self.position[index]

    def keys(self, index: np.ndarray):
        """The member keys (identity.member_keys) of the given data rows."""
        import pyarrow.compute as pc

        rows = self.rows(index)
        pick = lambda column: None if column is None else pc.take(column, rows)  # noqa: E731
        return member_keys(pick(self.card), pick(self.name), pick(self.birth))

    def names(self, index: np.ndarray) -> np.ndarray:
        import pyarrow.compute as pc

        if self.name is None:
            return np.full(len(index), "", dtype=object)
        return np.array([clean(v) for v in pc.take(self.name, self.rows(index)).to_pylist()], dtype=object)


def listed_twice(who: Who, year: np.ndarray, org) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(rows whose member key, organisation and year another row has too, their keys), or
    (None, None): by the row reader's identity (identity.member_keys, the organisation's norm_key).

    First the rows whose card number (as a number, or its folded text's code) – or, without a
    card, whose folded name and birth – comes back in the same year: a count into a table when
    the numbers are dense, else one sort. Then, for those few, the real keys. A card moved between
    organisations in the year, or "01" beside "1", is such a candidate and is told apart there."""
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(year)
    card_rows = np.flatnonzero(~who.card_blank)
    every = who.position is None and len(card_rows) == n
    number = None if every else np.full(n, -1, dtype=np.int64)  # -1: no key (no card, no name)
    if len(card_rows):
        card = who.card if every else pc.take(who.card, who.rows(card_rows))
        if who.digits and pc.max(pc.utf8_length(card)).as_py() <= 18:
            cards = pc.cast(card, pa.int64()).to_numpy()  # digits: the card, up to leading zeros
        else:
            folded = pc.utf8_lower(pc.replace_substring_regex(card, r"[./-]", " "))
            cards = pc.dictionary_encode(folded).combine_chunks().indices.to_numpy().astype(np.int64)
        if every:
            number = cards if cards.flags.writeable else cards.copy()
        else:
            number[card_rows] = cards
        del card, cards
    name_rows = np.flatnonzero(who.card_blank)
    if len(name_rows) and who.name is not None:
        keys = who.keys(name_rows)
        codes = pc.dictionary_encode(keys).indices.to_numpy(zero_copy_only=False).astype(np.int64)
        number[name_rows] = np.where(
            pc.equal(keys, "").to_numpy(zero_copy_only=False), -1, codes + (int(number.max()) + 1)
        )
    keyed = number >= 0
    low = int(year.min())
    span = int(year.max()) - low + 1
    top = int(number.max()) + 1
    if top * span <= 4 * n + 1024:
        key = number  # in place: the numbers are not needed again
        key *= span
        key += year
        key -= low
        key[~keyed] = top * span
        candidates = np.flatnonzero((np.bincount(key, minlength=top * span + 1) > 1)[key])
    else:  # sparse numbers: any mix into 64 bits will do, chance collisions are told apart below
        key = number.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + (year - low).astype(np.uint64)
        ordered = np.sort(key)
        again = ordered[1:][ordered[1:] == ordered[:-1]]
        candidates = np.flatnonzero(np.isin(key, again)) if len(again) else np.zeros(0, np.int64)
    candidates = candidates[keyed[candidates]]
    if not len(candidates):
        return None, None
    org_key = np.zeros(len(candidates), np.int64)
    if org is not None:
        codes, values = org
        org_key = pd.factorize(np.array([norm_key(v) for v in values], dtype=object))[0][codes[candidates]]
    keys = who.keys(candidates).to_numpy(zero_copy_only=False)
    exact = pd.DataFrame({"key": keys, "org": org_key, "year": year[candidates]})
    dup = exact.duplicated(keep=False).to_numpy()
    if not dup.any():
        return None, None
    twice = np.zeros(n, bool)
    twice[candidates[dup]] = True
    return twice, keys[dup]  # candidates are in row order, as np.flatnonzero(twice) is


def record_groups(fields, year: np.ndarray, rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(first row, number of rows) of each group of rows alike in every field and year; of the
    given rows, or of all (``rows`` None: no copies of 26 million codes)."""
    pick = (lambda a: a) if rows is None else (lambda a: a[rows])  # noqa: E731
    group = pick(year)
    if not len(group):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    low = int(group.min())
    group = group - low
    radix = int(group.max()) + 1
    for _name, codes, values in fields:
        if len(values) > 1:
            part = pick(codes).astype(np.int64)
            part *= radix  # in place: one array of 26 million at a time
            group += part
            del part
            radix *= len(values)
        if radix > 1 << 62:
            raise NotPlain(_("too many distinct values to count by"))
    if radix <= 4 * len(group) + 1024:  # few enough combinations to count straight into a table
        ids, size = group, radix
    else:
        uniques, ids = np.unique(group, return_inverse=True)
        size = len(uniques)
    counts = np.bincount(ids, minlength=size)
    first = np.full(size, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, ids, np.arange(len(ids)) if rows is None else rows)
    present = counts > 0
    return first[present], counts[present]


def records_frame(
    sheet,
    rating,
    fields,
    year: np.ndarray,
    rows: np.ndarray,
    counts: np.ndarray,
    keys=None,
    names=None,
    disciplined=None,
) -> pd.DataFrame:
    """Records for the given rows (each standing for ``counts`` rows), each field from its row, in
    reading order. Texts are categoricals over the distinct values: no string per record.
    ``keys``, ``names``, ``disciplined``: of each row, for rows that are records of their own."""
    order = np.argsort(rows, kind="stable")
    rows, counts = rows[order], counts[order]
    n = len(rows)

    def same(value):
        return pd.Categorical.from_codes(np.zeros(n, np.int8), pd.Index([value], dtype=object))

    out = {
        name: same(value)
        for name, value in (
            ("subject", "members"),
            ("shape", "members"),
            ("org", ""),
            ("parent", ""),
            ("host_type", ""),
            ("member", ""),
            ("member_key", ""),
            ("source_file", sheet.file),
            ("source_sheet", ""),
            ("source_header", rating.header),
        )
    }
    out["disciplined"] = np.zeros(n, bool) if disciplined is None else disciplined[order]
    for name, codes, values in fields:
        if name == "score":  # numbers (NaN: none), not texts: "85" and "85,0" are one score
            out[name] = values[codes[rows]]
            continue
        out[name] = pd.Categorical.from_codes(codes[rows], pd.Index(values, dtype=object), validate=False)
    out.setdefault("score", np.full(n, np.nan))
    out.update(
        year=year[rows],
        status=np.full(n, None, dtype=object),
        tier=np.full(n, None, dtype=object),
        exemplary=np.zeros(n, bool),
        count=counts.astype(np.int64),
        source_row=rows.astype(np.int64),
        source_col=np.full(n, rating.index, dtype=np.int64),
    )
    if keys is not None:
        out["member"] = names[order]
        out["member_key"] = keys[order]
    return pd.DataFrame(out, columns=list(COLUMNS))
