"""Large member lists in CSV or Parquet, read by column with pyarrow and counted before they
become records.

The row reader (``by_rows``) keeps one Python object per cell: right for a bloc's workbooks,
hopeless for a national file of 26 million member-year rows. This reader serves the shape
such files have – one row per member and year, with a card number (số thẻ đảng viên) instead
of a name – and gives the same tidy records (``records.py``) the row reader would, with one
difference: member rows alike in everything but their card number and row become one record
whose ``count`` says how many they are and whose ``source_row`` is the first of them.
The rows of a member listed twice in a year stay one record each, with their ``member_key``,
so that ``records.reconcile`` reports them exactly as it does for any file.

It takes a file only when every row is plain, and returns ``None`` otherwise, leaving the file
to the row reader, which reports whatever is wrong with it row by row:

* a CSV or TSV file in UTF-8, or a Parquet file (its column names the header), of at least
  ``MIN_BYTES``, whose header (found by the same ``find_header``) has a card-number column, one
  rating column, and besides only the organisation, parent, kind, host type, year, seq (STT)
  and ignored columns – no names, birth dates or discipline, which are per member;
* every row as wide as the first, card numbers of letters and digits starting with a digit
  (with ``.``, ``/`` or ``-`` between them) on every row but blank and totals rows (which are
  left out, as the row reader leaves them out of a member list); Parquet columns of text or
  integers.

Within those, the row reader's errors are raised here too, with the same words and the same
cell: a blank rating, a year that is not a year, a row without a year, an unknown kind.
"""

from __future__ import annotations

import csv
import io
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.findings import Notes
from ccq_stats.reading.cells import blank_member_rating_error, no_year_error, parse_year, totals_test, unknown_kind_error
from ccq_stats.reading.grid import Sheet, trimmed
from ccq_stats.reading.header import SCAN_ROWS
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.parquet import text_fields
from ccq_stats.reading.plan import check_sheet, plan_sheet
from ccq_stats.reading.textfile import sniff_delimiter
from ccq_stats.records import COLUMNS
from ccq_stats.scales import Scales
from ccq_stats.text import clean, norm_key

MIN_BYTES = 8 * 1024 * 1024  # below this the row reader is quick enough, and it is the reference
BLOCK_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 256 * 1024  # enough for the header search (header.SCAN_ROWS rows)
ROLES = {"seq", "org", "member_id", "kind", "parent", "host_type", "year", "rating", "ignored", "share_of"}
TEXT_ROLES = ("org", "parent", "host_type", "kind", "year", "rating")  # read as dictionaries: few distinct values
CARD = r"^[0-9][0-9A-Za-z]*(?:[./-][0-9A-Za-z]+)*$"  # norm_key of such a card is its lower case, punctuation as spaces


class NotPlain(Exception):
    """The file needs the row reader."""


def read(path: str, scales: Scales, year: int | None, shape: str | None, file_type: str, notes: Notes) -> pd.DataFrame | None:
    """The tidy records of a large, plain member list (``file_type`` "text" for CSV/TSV, or
    "parquet"), or None to leave the file to the row reader."""
    if os.path.getsize(path) < MIN_BYTES:
        return None
    # notes made while trying the file (a title year beside --year …) are passed on only if this
    # reader keeps the file, or refuses it: given to the row reader, it says them itself
    held = Notes()
    try:
        frame = (_read_parquet if file_type == "parquet" else _read)(path, scales, year, shape, held)
    except NotPlain:
        return None
    except InputError:
        notes.extend(held)
        raise
    notes.extend(held)
    return frame


def _text_columns(col: dict) -> set[int]:
    """Indexes of the columns of the text roles: few distinct values, read as dictionaries."""
    return {col[role].index for role in TEXT_ROLES if col[role]}


def _read_parquet(path: str, scales: Scales, year, shape, notes: Notes) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        stored = pq.ParquetFile(path)
        first = next(stored.iter_batches(batch_size=SCAN_ROWS + 1), None)
    except (pa.ArrowException, OSError) as exc:
        raise NotPlain(str(exc).splitlines()[0]) from None  # the row reader names the error
    names = stored.schema_arrow.names
    if first is None or len(set(names)) != len(names):
        raise NotPlain("no rows, or two columns of one name")
    head = [names] + [list(row.values()) for row in first.to_pylist()]
    sheet = Sheet(path, None, head)
    header, col, lead, fixed_year, start = _plan(sheet, scales, year, shape, notes)
    if start != 1:
        raise NotPlain("the header is not the column names")
    text_columns = _text_columns(col)
    needed = sorted(text_columns | {col["member_id"].index} | set(lead))
    strings = text_fields(stored.schema_arrow)
    table = pq.read_table(path, columns=[names[i] for i in needed],
                          read_dictionary=[names[i] for i in text_columns if names[i] in strings])
    columns = [_as_text(table.column(names[i]), dictionary=i in text_columns) for i in needed]
    return _records(pa.table(columns, names=[f"f{i}" for i in needed]).unify_dictionaries(), sheet, col, lead, scales,
                    fixed_year, start)


def _as_text(column, dictionary: bool):
    """A Parquet column as the CSV reader gives it: text (integers written out), dictionary-encoded
    or not. Other types (floats, dates …) need the row reader, which knows such cells."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_dictionary(kind) and (pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)):
        column = column.cast(pa.dictionary(kind.index_type, pa.string()))
        return column if dictionary else pc.fill_null(column.cast(pa.string()), "")
    if not (pa.types.is_integer(kind) or pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise NotPlain(f"a column of {kind}")
    if dictionary:  # encode first, then write out only the distinct values (a year column: 5 of them)
        encoded = pc.dictionary_encode(column)
        return encoded.cast(pa.dictionary(pa.int32(), pa.string()))
    return pc.fill_null(column.cast(pa.string()), "")


def _plan(sheet, scales: Scales, year, shape, notes: Notes):
    """(header, columns by role, lead columns, fixed year, first data row) of a plain list."""
    check_sheet(sheet, Limits.from_env())
    plan = plan_sheet(sheet, scales, year, shape, notes)
    if plan is None:
        raise NotPlain("no header")
    header, shapes, fixed_year, start = plan.header, plan.shapes, plan.year, plan.start
    roles = {c.role for c in header.columns}
    if shapes != {"members"} or "member_id" not in roles or not roles <= ROLES or len(header.of("rating")) != 1:
        raise NotPlain("not a list of card numbers and ratings")
    col = {role: header.one(role) for role in ("seq", "org", "member_id", "kind", "parent", "host_type", "year", "rating")}
    lead = sorted(({0, 1} | {c.index for c in (col["seq"], col["org"]) if c}) - {col["member_id"].index})
    return header, col, lead, fixed_year, start


def _read(path: str, scales: Scales, year, shape, notes: Notes) -> pd.DataFrame:
    text = _head_text(path)
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[: SCAN_ROWS + 2]
    sheet = Sheet(path, None, rows, ragged=True)
    header, col, lead, fixed_year, start = _plan(sheet, scales, year, shape, notes)
    # pyarrow's skip_rows counts blank lines above the data as rows, as csv.reader does
    width = max(len(trimmed(rows[i])) for i in range(header.first_row, header.last_row + 1))
    extra = range(width, len(rows[start]) if start < len(rows) else width)  # cells past the header: must be blank
    table = _table(path, delimiter, start, col, lead, list(extra))
    return _records(table, sheet, col, lead, scales, fixed_year, start)


def _head_text(path: str) -> str:
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    head = head[: head.rfind(b"\n") + 1] or head
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        raise NotPlain("not UTF-8") from None


def _table(path: str, delimiter: str, start: int, col: dict, lead: list[int], extra: list[int]):
    """The needed columns, as pyarrow reads them (on all cores): the text roles as dictionaries,
    the rest as strings. Any row of another width, or a value in a column past the header (the row
    reader's "the row has N cells but the header has M"), sends the file to the row reader."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    irregular = []

    def bad_row(row):
        irregular.append(row.number)
        return "skip"

    # card numbers, STT, other lead columns and cells past the header: a dictionary would not pay
    dictionaries = _text_columns(col)
    names = {c.index for c in col.values() if c} | set(lead) | set(extra)
    types = {f"f{i}": pa.dictionary(pa.int32(), pa.string()) if i in dictionaries else pa.string() for i in names}
    try:
        table = pacsv.read_csv(
            path,
            # 16 MB blocks: fewer chunks make unify_dictionaries() quick (0.5 s instead of 5 s for 26M rows)
            read_options=pacsv.ReadOptions(skip_rows=start, autogenerate_column_names=True, block_size=BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False,
                                              invalid_row_handler=bad_row),
            convert_options=pacsv.ConvertOptions(include_columns=[f"f{i}" for i in sorted(names)], column_types=types,
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowKeyError) as exc:  # bad UTF-8, a column the data lacks …
        raise NotPlain(str(exc).splitlines()[0]) from None
    if irregular:
        raise NotPlain(f"{len(irregular)} rows of another width")
    if table.num_rows == 0 or table.num_columns != len(names):
        raise NotPlain("no rows")
    if any((~_blank(table.column(f"f{i}"))).any() for i in extra):
        raise NotPlain("values past the header's last column")
    return table.drop_columns([f"f{i}" for i in extra]).unify_dictionaries()


def _dictionary(table, index: int) -> tuple[np.ndarray, list[str]]:
    """(codes, values) of a dictionary column (dictionaries unified across chunks)."""
    column = table.column(f"f{index}")
    values = column.chunk(0).dictionary.to_pylist() + [""]  # the last for a missing value (Parquet's null)
    codes = np.concatenate([chunk.indices.fill_null(len(values) - 1).to_numpy(zero_copy_only=False)
                            for chunk in column.chunks], dtype=np.int64)
    return codes, values


def _cleaned(codes: np.ndarray, values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, values) with each value cleaned (text.clean); values that clean alike merge."""
    cleaned = np.array([clean(v) for v in values], dtype=object)
    merged, distinct = pd.factorize(cleaned)
    if len(distinct) == len(cleaned):
        return codes, cleaned
    return merged[codes], np.asarray(distinct, dtype=object)


def _records(table, sheet, col: dict, lead: list[int], scales: Scales, fixed_year, start: int) -> pd.DataFrame:
    import pyarrow.compute as pc

    texts = {}  # role -> (codes, cleaned text of each distinct value)
    for role in TEXT_ROLES:
        if col[role]:
            texts[role] = _cleaned(*_dictionary(table, col[role].index))
    card = table.column(f"f{col['member_id'].index}")
    plain = {i: table.column(f"f{i}") for i in lead if i not in {col[r].index for r in texts}}

    # blank rows and totals rows ("Tổng cộng" …) are skipped, as the row reader skips them in a
    # member list; from here on only the others are looked at
    digits = pc.all(pc.ascii_is_decimal(card)).as_py()  # the usual card number: quick to check and to compare
    card_blank = np.zeros(len(card), bool) if digits else _blank(card)
    blank = card_blank.copy()
    for codes, values in texts.values():
        blank &= (values == "")[codes]
    for column in plain.values():
        blank &= _blank(column)
    card_lead = col["member_id"].index in {0, 1}  # the row reader looks for totals in columns A and B too
    skip = blank | _totals_rows(len(card), texts, plain, card if card_lead and not digits else None, col, lead, scales)
    if (card_blank & ~skip).any():
        raise NotPlain("a row without a card number")
    position = None  # row i below is data row position[i]
    if skip.any():
        position = np.flatnonzero(~skip)
        texts = {role: (codes[position], values) for role, (codes, values) in texts.items()}
        card = pc.filter(card, _arrow(~skip))
        digits = digits or pc.all(pc.ascii_is_decimal(card)).as_py()
    n = len(card)
    if n == 0:
        raise NotPlain("no rows")

    def where(i, c=None):
        row = start + int(position[i] if position is not None else i) + 1
        return sheet.where(row, c.index if c else None, c.header if c else None)

    if not digits and not pc.all(pc.match_substring_regex(card, CARD)).as_py():
        raise NotPlain("card numbers other than letters and digits")
    rating = col["rating"]
    codes, values = texts["rating"]
    if (values == "")[codes].any():
        raise blank_member_rating_error(where(_first((values == "")[codes]), rating))
    year = _years(texts.get("year"), col["year"], fixed_year, where, n)
    kind = _kinds(texts.get("kind"), col["kind"], scales, where, n)

    # a member listed twice in a year (same card, organisation and year): those rows stay rows.
    # Looked for on a second core (numpy and pyarrow release the GIL) while the rows are counted
    # as if there were none; counted again in the rare case there are.
    fields = [(name, *texts[name]) for name in ("org", "parent", "host_type") if name in texts]
    fields += [("org_kind", *kind), ("raw_label", *texts["rating"])]
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(_listed_twice, card, digits, year, texts.get("org"))
        first, counts = _groups(fields, year, None)
        twice = pending.result()
    if twice.any():
        first, counts = _groups(fields, year, np.flatnonzero(~twice))
    pieces = [_frame(sheet, rating, fields, year, first, counts, None)]
    if twice.any():
        again = np.flatnonzero(twice)
        keys = np.array(["#" + norm_key(c) for c in pc.take(card, again).to_pylist()], dtype=object)
        pieces.append(_frame(sheet, rating, fields, year, again, np.ones(len(again), np.int64), keys))
    frame = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    rows = frame["source_row"].to_numpy()
    frame["source_row"] = (position[rows] if position is not None else rows) + start + 1
    return frame.sort_values("source_row", kind="stable", ignore_index=True) if len(pieces) > 1 else frame


def _arrow(mask: np.ndarray):
    import pyarrow as pa

    return pa.array(mask)


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _blank(column) -> np.ndarray:
    import pyarrow.compute as pc

    return pc.equal(pc.utf8_trim_whitespace(column), "").to_numpy(zero_copy_only=False)


def _totals_rows(n: int, texts: dict, plain: dict, card, col: dict, lead: list[int], scales: Scales) -> np.ndarray:
    """Rows whose lead column (A, B, STT, organisation) holds a totals label, found among the
    distinct values: those of the dictionary columns, and the few plain-text values that do not
    start with a digit."""
    import pyarrow as pa
    import pyarrow.compute as pc

    is_totals = totals_test(scales)

    rows = np.zeros(n, bool)
    for role, (codes, values) in texts.items():
        if col[role].index in lead:
            rows |= np.array([is_totals(t) for t in values], dtype=bool)[codes]
    for column in list(plain.values()) + ([card] if card is not None else []):
        words = pc.unique(pc.filter(column, pc.invert(pc.match_substring_regex(column, r"^\s*(\d|$)")))).to_pylist()
        found = [w for w in words if is_totals(clean(w))]
        if found:
            rows |= pc.is_in(column, value_set=pa.array(found, pa.string())).to_numpy(zero_copy_only=False)
    return rows


def _years(year_text, column, fixed_year, where, n: int) -> np.ndarray:
    """Each row's year: its year cell, else the sheet's year; the row reader's errors otherwise."""
    out = np.full(n, fixed_year or -1, dtype=np.int64)
    if column is not None:
        codes, values = year_text
        parsed = np.full(len(values), -1, dtype=np.int64)
        for i, value in enumerate(values):
            if value:
                try:
                    parsed[i] = parse_year(value, None)
                except InputError:
                    parse_year(value, where(_first(codes == i), column))  # raises, naming the row
        given = parsed[codes]
        out = given if (parsed >= 0).all() else np.where(given >= 0, given, out)
    missing = out < 0
    if missing.any():
        raise no_year_error(where(_first(missing)))
    return out


def _kinds(kind_text, column, scales: Scales, where, n: int):
    """(codes, kind id of each distinct value) of the kind column; an unknown kind is an error."""
    if column is None:
        return np.zeros(n, np.int64), np.array([""], dtype=object)
    codes, values = kind_text
    looked = [scales.lookup(scales.kinds, t) if t else None for t in values]
    unknown = np.array([bool(t) and k is None for t, k in zip(values, looked)])[codes]
    if unknown.any():
        r = _first(unknown)
        raise unknown_kind_error(where(r, column), values[codes[r]])
    return codes, np.array([k[0] if k else "" for k in looked], dtype=object)


def _listed_twice(card, digits: bool, year: np.ndarray, org) -> np.ndarray:
    """Rows whose (card number, organisation, year) another row has too, by the row reader's
    identity: the card's norm_key, the organisation's norm_key.

    First the rows whose card number (as a number, or its folded text's code) comes back in the
    same year – a count into a table when the numbers are dense, else one sort – then, for those
    few, the real keys. A card moved between organisations in the year, or "01" beside "1", is
    such a candidate and is told apart there."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if digits and pc.max(pc.utf8_length(card)).as_py() <= 18:
        number = pc.cast(card, pa.int64()).to_numpy()  # digits: the number is the card, up to leading zeros
    else:
        folded = pc.utf8_lower(pc.replace_substring_regex(card, r"[./-]", " "))
        number = pc.dictionary_encode(folded).combine_chunks().indices.to_numpy().astype(np.int64)
    low = int(year.min())
    span = int(year.max()) - low + 1
    top = int(number.max()) + 1
    if top * span <= 4 * len(number) + 1024:
        key = number * span + (year - low)
        candidates = np.flatnonzero(np.bincount(key, minlength=top * span)[key] > 1)
    else:  # sparse numbers: any mix into 64 bits will do, chance collisions are told apart below
        key = number.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + (year - low).astype(np.uint64)
        ordered = np.sort(key)
        again = ordered[1:][ordered[1:] == ordered[:-1]]
        candidates = np.flatnonzero(np.isin(key, again)) if len(again) else np.zeros(0, np.int64)
    twice = np.zeros(len(year), bool)
    if not len(candidates):
        return twice
    org_key = np.zeros(len(candidates), np.int64)
    if org is not None:
        codes, values = org
        org_key = pd.factorize(np.array([norm_key(v) for v in values], dtype=object))[0][codes[candidates]]
    exact = pd.DataFrame({"card": [norm_key(c) for c in pc.take(card, candidates).to_pylist()],
                          "org": org_key, "year": year[candidates]})
    twice[candidates[exact.duplicated(keep=False).to_numpy()]] = True
    return twice


def _groups(fields, year: np.ndarray, rows: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """(first row, number of rows) of each group of rows alike in every field and year; of the
    given rows, or of all (``rows`` None: no copies of 26 million codes)."""
    pick = (lambda a: a) if rows is None else (lambda a: a[rows])  # noqa: E731
    group = pick(year)
    if not len(group):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    low = int(group.min())
    group = group - low
    radix = int(group.max()) + 1
    for _, codes, values in fields:
        if len(values) > 1:
            group += pick(codes) * radix
            radix *= len(values)
        if radix > 1 << 62:
            raise NotPlain("too many distinct values to count by")
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


def _frame(sheet, rating, fields, year: np.ndarray, rows: np.ndarray, counts: np.ndarray, keys) -> pd.DataFrame:
    """Records for the given rows (each standing for ``counts`` rows), each field from its row, in
    reading order. Texts are categoricals over the distinct values: no string per record."""
    order = np.argsort(rows, kind="stable")
    rows, counts = rows[order], counts[order]
    n = len(rows)

    def same(value):
        return pd.Categorical.from_codes(np.zeros(n, np.int8), pd.Index([value], dtype=object))

    out = {name: same(value) for name, value in (
        ("subject", "members"), ("shape", "members"), ("org", ""), ("parent", ""), ("host_type", ""), ("member", ""),
        ("member_key", ""), ("source_file", sheet.file), ("source_sheet", ""), ("source_header", rating.header))}
    for name, codes, values in fields:
        out[name] = pd.Categorical.from_codes(codes[rows], pd.Index(values, dtype=object), validate=False)
    out.update(year=year[rows], status=np.full(n, None, dtype=object), tier=np.full(n, None, dtype=object),
               exemplary=np.zeros(n, bool), disciplined=np.zeros(n, bool), count=counts.astype(np.int64),
               source_row=rows.astype(np.int64), source_col=np.full(n, rating.index, dtype=np.int64))
    if keys is not None:
        out["member"] = np.full(n, "", dtype=object)
        out["member_key"] = keys[order]
    return pd.DataFrame(out, columns=list(COLUMNS))
