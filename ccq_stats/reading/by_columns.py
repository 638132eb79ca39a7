"""Large member lists in CSV or Parquet, read by column with pyarrow and counted before they
become records.

The row reader (``by_rows``) keeps one Python object per cell: right for a bloc's workbooks,
hopeless for a national file of 26 million member-year rows. This reader serves the shape
such files have – one row per member and year: name, birth year, card number (số thẻ đảng
viên), organisation, year, rating, discipline – and gives the same tidy records
(``records.py``) the row reader would, with one difference: member rows alike in everything
but who they are and their row become one record whose ``count`` says how many they are and
whose ``source_row`` is the first of them. The rows of a member listed twice in a year (by the
member key of ``identity``) stay one record each, with their name and ``member_key``, so that
``records.reconcile`` reports them exactly as it does for any file.

What staff leave in such lists is handled here as the row reader handles it: blank lines and
totals rows are left out, a section row ("I. CÁC ĐẢNG BỘ CƠ SỞ") gives its kind to the rows
below it, a heading without a kind is skipped, a member without a card number is known by name
and birth year, and the table ends where the row reader ends it (``plan.table_end``: a signature
block, a date line, notes or summary lines among its last rows, read here with every cell):
nothing under that row is data.

It takes a file when it has the shape, and returns ``None`` otherwise, leaving the file to the
row reader, which reports whatever is wrong with it row by row:

* a CSV or TSV file in UTF-8, or a Parquet file (its column names the header), of at least
  ``MIN_BYTES``, whose header (found by the same ``find_header``) has a card-number or a name
  column, one rating column, and besides only the organisation, parent, kind, host type, year,
  seq (STT), birth, discipline and ignored columns;
* every row as wide as the first (Excel writes every row of a sheet to its full width), card
  numbers of letters and digits starting with a digit (with ``.``, ``/`` or ``-`` between
  them); Parquet columns of text or integers; no section row in a list with columns this
  reader does not read (the row reader looks for the section's kind in every cell).

Within those, the row reader's errors are raised here too, with the same words and the same
cell: a blank rating, a year that is not a year, a row without a year, an unknown kind, a quote
opened by mistake that swallows rows (``textfile.check_csv_file``), a NUL byte.

Memory: before reading, the file's size gives an estimate of what reading it will take
(``needed_mb``); a file over the budget (``CCQ_MEMORY_MB``) stops with a one-line error
that says so and what to do, before anything is read. See SECURITY.md.
"""

from __future__ import annotations

import csv
import io
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd

from ccq_stats.errors import InputError
from ccq_stats.figures.findings import Notes
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.reading.cells import (
    blank_member_rating_error, is_disciplined, is_number, is_section_mark, no_year_error, parse_score, parse_year,
    totals_first_words, totals_test, unknown_kind_error,
)
from ccq_stats.reading.column_rules import (
    TotalsStarts, carry_down_coded, lead_columns, left_members, left_warning, section_says_left,
)
from ccq_stats.reading.grid import Sheet, trimmed
from ccq_stats.reading.header import SCAN_ROWS
from ccq_stats.reading.identity import BLANK, member_keys
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.parquet import text_fields
from ccq_stats.reading.row_roles import heading_kind
from ccq_stats.reading.plan import TAIL_ROWS, NotATable, check_sheet, plan_sheet, table_end
from ccq_stats.reading.textfile import check_csv_file, sniff_delimiter
from ccq_stats.figures.records import COLUMNS
from ccq_stats.vocabulary.scales import Scales
from ccq_stats.text import clean, norm_key

MIN_BYTES = 8 * 1024 * 1024  # below this the row reader is quick enough, and it is the reference
# Test hook: the size from which a plain list is read by columns, read at each call (so that a test
# can send a small file down this path, in this process or in a child): the differential test
# (tests/test_reading_differential.py) reads every file both ways and wants the same bytes out.
MIN_BYTES_ENV = "CCQ_TEST_COLUMNS_FROM_BYTES"
BLOCK_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 256 * 1024  # enough for the header search (header.SCAN_ROWS rows)
ROLES = {"seq", "org", "member", "member_id", "birth", "kind", "parent", "host_type", "year", "rating", "discipline",
         "ignored", "share_of", "score"}
# read as dictionaries: few distinct values (a score out of 100: at most a few hundred)
TEXT_ROLES = ("org", "parent", "host_type", "kind", "year", "rating", "birth", "discipline", "score")
CARD = r"^[0-9][0-9A-Za-z]*(?:[./-][0-9A-Za-z]+)*$"  # norm_key of such a card is its lower case, punctuation as spaces


class NotPlain(Exception):
    """The file needs the row reader."""


def read(path: str, scales: Scales, year: int | None, shape: str | None, file_type: str, notes: Notes) -> pd.DataFrame | None:
    """The tidy records of a large, plain member list (``file_type`` "text" for CSV/TSV, or
    "parquet"), or None to leave the file to the row reader."""
    size = os.path.getsize(path)
    if size < min_bytes():
        return None
    budget = Limits.from_env().memory_budget_mb()
    need = needed_mb(path, size, file_type)
    if need > budget:
        raise InputError(_("reading this file needs about {need} MB of memory, more than the {budget} MB it may "
                           "use").format(need=number(need), budget=number(budget)),
                         file=path, hint=_("split the file (by year or by organisation), or raise CCQ_MEMORY_MB "
                                           "if the machine has that much memory free (see SECURITY.md)"))
    _release_memory_early()
    # notes made while trying the file (a title year beside --year …) are passed on only if this
    # reader keeps the file, or refuses it: given to the row reader, it says them itself
    held = Notes()
    try:
        frame = (_read_parquet if file_type == "parquet" else _read)(path, scales, year, shape, held)
    except NotPlain as exc:
        need = row_reader_mb(size)
        if need > budget:  # the row reader keeps a Python object per cell: stop before it starts
            raise InputError(_("this file can only be read row by row ({reason}), which would need about {need} MB of "
                               "memory, more than the {budget} MB it may use").format(reason=exc, need=number(need), budget=number(budget)),
                             file=path,
                             hint=_("correct what is named so that the file reads by columns, or split the file; "
                                    "or raise CCQ_MEMORY_MB if the machine has that much memory free "
                                    "(see SECURITY.md)")) from None
        return None
    except InputError:
        notes.extend(held)
        raise
    notes.extend(held)
    return frame


def min_bytes() -> int:
    """The size from which a plain list is read here: ``MIN_BYTES``, or the test hook's value."""
    raw = os.environ.get(MIN_BYTES_ENV, "")
    return int(raw) if raw.isdigit() else MIN_BYTES


# peak memory per byte of file, measured (bench/README.md): the column reader, of a CSV file or
# of a Parquet file's uncompressed data; the row reader (a Python object per cell, and the grid
# once more while it crosses from the reader process)
COLUMN_BYTES, ROW_BYTES, BASE_MB = 1.6, 30, 400


def _release_memory_early() -> None:
    """pyarrow's allocator, told to give memory back to the system at once: mimalloc (the
    default) keeps what pyarrow frees while reading, which cost 0.5–1 GB of peak on a national
    file. jemalloc with no decay delay gives it back; kept as is where jemalloc is not built in."""
    import pyarrow as pa

    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
    except (NotImplementedError, pa.ArrowException):
        return
    pa.set_memory_pool(pool)


def needed_mb(path: str, size: int, file_type: str) -> int:
    """An estimate of the peak memory reading a file by columns takes, from its size."""
    if file_type == "parquet":
        try:
            import pyarrow.parquet as pq

            meta = pq.ParquetFile(path).metadata
            size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        except Exception:  # noqa: BLE001 – a broken file is reported by the reader that opens it
            pass
    return int(BASE_MB + COLUMN_BYTES * size / 2**20)


def row_reader_mb(size: int) -> int:
    return int(BASE_MB + ROW_BYTES * size / 2**20)


def _text_columns(col: dict) -> set[int]:
    """Indexes of the columns of the text roles and the notes: few distinct values, read as dictionaries."""
    # (a notes column in A or B is read as plain text: the totals look there too)
    return {col[role].index for role in TEXT_ROLES if col[role]} | {c.index for c in col["notes"] if c.index > 1}


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
        raise NotPlain(_("no rows, or two columns of one name"))
    head = [names] + [list(row.values()) for row in first.to_pylist()]
    sheet = Sheet(path, None, head)
    header, col, lead, fixed_year, start = _plan(sheet, scales, year, shape, notes)
    if start != 1:
        raise NotPlain(_("the header is not the column names"))
    # the last rows with every column, read before the table: the row group decoded for them is let go first
    tail = _parquet_tail(stored, min(TAIL_ROWS, stored.metadata.num_rows))
    text_columns = _text_columns(col)
    needed = sorted(_read_columns(col, lead))
    strings = text_fields(stored.schema_arrow)
    table = pq.read_table(path, columns=[names[i] for i in needed],
                          read_dictionary=[names[i] for i in text_columns if names[i] in strings])
    columns = [_as_text(table.column(names[i]), dictionary=i in text_columns) for i in needed]
    table = pa.table(columns, names=[f"f{i}" for i in needed]).unify_dictionaries()
    del columns
    held = [_cut_at_end(table, tail, header, scales)]
    del table
    return _records(held, sheet, col, lead, scales, fixed_year, start, len(needed) < len(names), notes)


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
        raise NotPlain(_("a column of {type}").format(type=kind))
    if dictionary:  # encode first, then write out only the distinct values (a year column: 5 of them)
        encoded = pc.dictionary_encode(column)
        return encoded.cast(pa.dictionary(pa.int32(), pa.string()))
    return pc.fill_null(column.cast(pa.string()), "")


ROLE_NAMES = ("seq", "org", "member", "member_id", "birth", "kind", "parent", "host_type", "year", "rating", "discipline",
              "score")


def _plan(sheet, scales: Scales, year, shape, notes: Notes):
    """(header, columns by role, lead columns, fixed year, first data row) of a plain list."""
    check_sheet(sheet, Limits.from_env())
    try:
        plan = plan_sheet(sheet, scales, year, shape, notes)
    except NotATable as exc:  # the row reader says why, in its words (paths.read_file)
        raise NotPlain(str(exc)) from None
    if plan is None:
        raise NotPlain(_("no header"))
    header, shapes, fixed_year, start = plan.header, plan.shapes, plan.year, plan.start
    roles = {c.role for c in header.columns}
    if shapes != {"members"} or not roles & {"member_id", "member"} or not roles <= ROLES or len(header.of("rating")) != 1:
        raise NotPlain(_("not a member list of card numbers or names, and ratings"))
    if len(header.of("member")) > 1:
        raise NotPlain(_("a name in two columns"))  # "Họ đệm" | "Tên": joined by the row reader
    if plan.other_header is not None:  # the row reader reads the tables one by one
        raise NotPlain(_("another table under the first"))
    col = {role: header.one(role) for role in ROLE_NAMES}
    # every column the header ignores is read, as notes: "Từ trần ngày 20/11" beside "Miễn đánh
    # giá" says a member left (column_rules.left_members), whatever the column's header
    col["notes"] = tuple(header.of("ignored"))
    col["title_kind"] = plan.kind
    # the columns totals labels are looked for in (the card column is looked at apart: its values
    # are mostly digits)
    lead = [i for i in lead_columns(col) if not (col["member_id"] and i == col["member_id"].index)]
    return header, col, lead, fixed_year, start


def _read_columns(col: dict, lead: list[int]) -> set[int]:
    return {col[role].index for role in ROLE_NAMES if col[role]} | {c.index for c in col["notes"]} | set(lead)


def _read(path: str, scales: Scales, year, shape, notes: Notes) -> pd.DataFrame:
    text = _head_text(path)
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[: SCAN_ROWS + 2]
    sheet = Sheet(path, None, rows, ragged=True)
    header, col, lead, fixed_year, start = _plan(sheet, scales, year, shape, notes)
    # pyarrow's skip_rows counts blank lines above the data as rows, as csv.reader does
    width = max(len(trimmed(rows[i])) for i in range(header.first_row, header.last_row + 1))
    extra = range(width, len(rows[start]) if start < len(rows) else width)  # cells past the header: must be blank
    held = [_table(path, delimiter, start, col, lead, list(extra))]
    _check_text(path, held[0], sheet, start, delimiter, width)
    tail = _text_tail(path, delimiter, held[0], min(TAIL_ROWS, held[0].num_rows))
    held = [_cut_at_end(held.pop(), tail, header, scales)]
    unread = bool(set(range(width)) - _read_columns(col, lead))
    return _records(held, sheet, col, lead, scales, fixed_year, start, unread, notes)


def _cut_at_end(table, tail: list[list], header, scales: Scales):
    """The table's rows above its end: a signature block, a date line, notes or summary lines, found
    in its last rows (``tail``, every cell) by the row reader's own ``plan.table_end``, so that
    both readers end a table at the same row (rows under the signature are not data)."""
    end = table_end(Sheet("", None, tail), header, 0, scales)[0]
    keep = table.num_rows - len(tail) + end
    return table if keep == table.num_rows else table.slice(0, keep)


TAIL_BYTES = 64 * 1024  # the end of a text file read first for its last rows; more if they are longer


def _text_tail(path: str, delimiter: str, table, count: int) -> list[list[str]]:
    """The last ``count`` rows of a text file with every cell (the table holds only the columns
    read), parsed from a line's start near the end. A cut inside a quoted cell over several lines
    would parse other rows: they are checked against the table's last rows, and a file whose
    rows do not match is left to the row reader."""
    size = os.path.getsize(path)
    span = TAIL_BYTES
    while True:
        with open(path, "rb") as stream:
            stream.seek(max(0, size - span))
            data = stream.read()
        whole = span >= size
        data = data.removeprefix(b"\xef\xbb\xbf") if whole else data[data.find(b"\n") + 1:]
        try:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=delimiter))
        except (UnicodeDecodeError, csv.Error):
            raise NotPlain(_("the end of the file does not read as CSV")) from None
        if whole or len(rows) > count:  # one more than needed: the first line may end a cell
            break
        if span > 64 * BLOCK_BYTES:
            raise NotPlain(_("rows too long to find the table's end"))
        span *= 8
    tail = rows[len(rows) - count:] if count else []
    last = table.slice(table.num_rows - count, count).to_pylist()
    for row, read in zip(tail, last):
        for name, value in read.items():
            i = int(name[1:])
            if (row[i] if i < len(row) else "") != (value or ""):
                raise NotPlain(_("the last rows of the file do not line up"))
    return tail


def _parquet_tail(stored, count: int) -> list[list]:
    """The last ``count`` rows of a Parquet file with every column, as the row reader's grid
    has them: from the last row groups, a batch at a time."""
    rows: list[list] = []
    for group in range(stored.num_row_groups - 1, -1, -1):
        if len(rows) >= count:
            break
        kept: list[list] = []
        for batch in stored.iter_batches(batch_size=8192, row_groups=[group]):
            kept = (kept + [list(r.values()) for r in batch.slice(max(0, batch.num_rows - count)).to_pylist()])[-count:]
        rows = kept + rows
    return rows[len(rows) - count:] if count else []


def _head_text(path: str) -> str:
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    head = head[: head.rfind(b"\n") + 1] or head
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        raise NotPlain(_("not UTF-8")) from None


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

    # card numbers, names, STT, other lead columns and cells past the header: a dictionary would not pay
    dictionaries = _text_columns(col)
    names = _read_columns(col, lead) | set(extra)
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
        raise NotPlain(_("{count} rows of another width").format(count=len(irregular)))
    if table.num_rows == 0 or table.num_columns != len(names):
        raise NotPlain(_("no rows"))
    if any((~_blank(table.column(f"f{i}"))).any() for i in extra):
        raise NotPlain(_("values past the header's last column"))
    return table.drop_columns([f"f{i}" for i in extra]).unify_dictionaries()


def _check_text(path: str, table, sheet, start: int, delimiter: str, width: int) -> None:
    """The row reader's refusals of a text file, made here too: NUL bytes, and a quote opened by
    mistake – pyarrow would read the lines after it into one value, silently losing rows. Only
    when the file has more lines than rows (a value holds a line break) is it read again, by the
    text reader's own check (``textfile.check_csv_file``, the one rule and its words), up to the
    last such row: a stream in Python, but only over files with cells of several lines."""
    import pyarrow.compute as pc

    lines, last = 0, b"\n"
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(BLOCK_BYTES), b""):
            if b"\x00" in block:
                raise InputError(_("the text holds NUL bytes; it is not a CSV file"), file=path, hint=_("save it as CSV UTF-8"))
            lines, last = lines + block.count(b"\n"), block[-1:]
    lines += last != b"\n"
    if lines <= start + table.num_rows:
        return
    broken, extra = [], 0  # rows with a line break in a column read here, and the breaks they hold
    for name in table.column_names:
        column = table.column(name)
        if hasattr(column.type, "value_type"):  # dictionaries (unified): look at the distinct values first
            if not column.num_chunks or not pc.any(pc.greater(pc.count_substring(column.chunk(0).dictionary, "\n"), 0)).as_py():
                continue
            column = column.cast(column.type.value_type)
        breaks = pc.count_substring(column, "\n")
        broken += pc.indices_nonzero(pc.greater(breaks, 0)).to_pylist()
        extra += pc.sum(breaks).as_py() or 0
    head_breaks = sum(str(v).count("\n") for row in sheet.rows[:start] for v in row)
    # a line break in a column not read here, or above the table: the whole file is looked at
    until = start + max(broken) + 1 if broken and lines == start + table.num_rows + extra + head_breaks else None
    check_csv_file(path, delimiter, "utf-8-sig", sheet.file, until)


def _dictionary(table, index: int) -> tuple[np.ndarray, list[str]]:
    """(codes, values) of a dictionary column (dictionaries unified across chunks)."""
    column = table.column(f"f{index}")
    values = column.chunk(0).dictionary.to_pylist() + [""]  # the last for a missing value (Parquet's null)
    codes = np.concatenate([chunk.indices.fill_null(len(values) - 1).to_numpy(zero_copy_only=False)
                            for chunk in column.chunks], dtype=np.int32)  # int32: half the memory of 26M codes
    return codes, values


def _cleaned(codes: np.ndarray, values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, values) with each value cleaned (text.clean); values that clean alike merge."""
    cleaned = np.array([clean(v) for v in values], dtype=object)
    merged, distinct = pd.factorize(cleaned)
    if len(distinct) == len(cleaned):
        return codes, cleaned
    return merged[codes], np.asarray(distinct, dtype=object)


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
        pick = (lambda column: None if column is None else pc.take(column, rows))  # noqa: E731
        return member_keys(pick(self.card), pick(self.name), pick(self.birth))

    def names(self, index: np.ndarray) -> np.ndarray:
        import pyarrow.compute as pc

        if self.name is None:
            return np.full(len(index), "", dtype=object)
        return np.array([clean(v) for v in pc.take(self.name, self.rows(index)).to_pylist()], dtype=object)


def _records(held: list, sheet, col: dict, lead: list[int], scales: Scales, fixed_year, start: int, unread: bool,
             notes_out: Notes) -> pd.DataFrame:
    """The records of a table (handed over in a list, so that its columns are let go of as soon
    as they are turned into codes: 0.5 GB on a national file)."""
    import pyarrow.compute as pc

    table = held.pop()
    texts = {}  # role -> (codes, cleaned text of each distinct value)
    for role in TEXT_ROLES:
        if col[role]:
            texts[role] = _cleaned(*_dictionary(table, col[role].index))
            if role != "birth":  # birth is needed again for the members known by name
                table = table.drop_columns([f"f{col[role].index}"])
    card = table.column(f"f{col['member_id'].index}") if col["member_id"] else None
    name = table.column(f"f{col['member'].index}") if col["member"] else None
    plain = {i: table.column(f"f{i}") for i in lead if i not in {col[r].index for r in texts}}
    notes = []  # the columns the header ignores, where a note may say that a member left
    for c in col["notes"]:
        if c.index in plain:
            codes, values = pd.factorize(plain[c.index].to_numpy(zero_copy_only=False))
            notes.append(_cleaned(codes, list(values)))
        else:
            notes.append(_cleaned(*_dictionary(table, c.index)))
            table = table.drop_columns([f"f{c.index}"])
    n = table.num_rows

    # blank rows, totals rows ("Tổng cộng" …) and section rows are skipped, as the row reader
    # skips them in a member list; from here on only the others are looked at
    digits = card is not None and pc.all(pc.ascii_is_decimal(card)).as_py()  # the usual card: quick to check
    card_blank = np.ones(n, bool) if card is None else np.zeros(n, bool) if digits else _blank(card)
    blank = card_blank.copy()
    for codes, values in texts.values():
        blank &= (values == "")[codes]
    for column in plain.values():
        blank &= _blank(column)
    card_lead = card is not None and col["member_id"].index in {0, 1}  # the row reader looks for totals in A and B too
    skip = blank | _totals_rows(n, texts, plain, card if card_lead and not digits else None, col, lead, scales)
    named = ~card_blank if name is None else ~card_blank | ~(_blank(name) if col["member"].index not in plain
                                                              else _blank(plain[col["member"].index]))
    rating_codes, rating_values = texts["rating"]
    section = ~skip & ~named & (rating_values == "")[rating_codes]
    if section.any():
        section &= ~_listed(section, texts, plain, col)
    section_kind, under_left = None, None
    headings = bool(section.any())
    if headings:
        if unread:
            raise NotPlain(_("section rows, and columns this reader does not read"))
        section_kind, under_left = _sections(section, texts, plain, notes, card, col, scales)
        skip |= section
    elif col["title_kind"]:
        section_kind = carry_down_coded(n, np.zeros(0, np.int64), [], col["title_kind"])
    # members who left (column_rules.left_members), and those under a section saying so
    left = ~skip & left_members(texts["rating"], notes, scales)
    if under_left is not None:
        left |= ~skip & under_left
    if left.any():
        notes_out.warn(left_warning(int(left.sum()), start + _first(left) + 1), sheet.where())
        skip |= left
    del blank, named, left, notes
    position = None  # row i below is data row position[i]
    if skip.any():
        position = np.flatnonzero(~skip)
        texts = {role: (codes[position], values) for role, (codes, values) in texts.items()}
        if section_kind is not None:
            section_kind = (section_kind[0][position], section_kind[1])
        card_blank = card_blank[position]
    n = n if position is None else len(position)
    if n == 0:
        raise NotPlain(_("no rows"))

    def where(i, c=None):
        row = start + int(position[i] if position is not None else i) + 1
        return sheet.where(row, c.index if c else None, c.header if c else None)

    if card is not None and not digits:
        checked = card if position is None else pc.filter(card, _arrow(~skip))
        odd = pc.invert(pc.match_substring_regex(checked, CARD))
        if pc.any(odd).as_py() and (np.asarray(odd, dtype=bool) & ~card_blank).any():
            raise NotPlain(_("card numbers other than letters and digits"))
        del checked
    del skip
    rating = col["rating"]
    codes, values = texts["rating"]
    if (values == "")[codes].any():
        first = _first((values == "")[codes])
        row = int(position[first] if position is not None else first)
        seq = plain.get(col["seq"].index) if col["seq"] else None
        if headings or _heading_at(name, seq, row, scales):
            # a heading under a section, or "1 | Chi bộ Văn phòng (04 đảng viên)": the row reader
            # tells headings and the statuses they state from members (row_roles)
            raise NotPlain(_("rows without a rating under section headings, or naming an organisation"))
        raise blank_member_rating_error(where(first, rating))
    year = _years(texts.get("year"), col["year"], fixed_year, where, n)
    kind = _kinds(texts.get("kind"), col["kind"], section_kind, scales, where, n)

    # a member listed twice in a year (same member key, organisation and year): those rows stay
    # rows. Looked for on a second core (numpy and pyarrow release the GIL) while the rows are
    # counted as if there were none; counted again in the rare case there are.
    fields = [(role, *texts[role]) for role in ("org", "parent", "host_type") if role in texts]
    fields += [("org_kind", *kind), ("raw_label", *texts["rating"])]
    if "score" in texts:  # the score of each row (cells.parse_score, once per distinct value): a field to count by
        fields.append(("score", texts["score"][0], _scores(texts["score"], col["score"], where)))
    # a disciplined member's row is a record of its own too: the rules name its row
    disciplined = None
    if "discipline" in texts:
        codes, values = texts["discipline"]
        flags = np.array([is_disciplined(v) for v in values], dtype=bool)
        disciplined = flags[codes] if flags.any() else None
    # so is the row of a score off its rating's band (scales.off_band, the rule's own test): check names its row
    single = disciplined
    if "score" in texts:
        off = _off_band(texts["rating"], next(f for f in fields if f[0] == "score"), scales)
        if off is not None:
            single = off if single is None else single | off
    who = Who(card, card_blank, digits, name, table.column(f"f{col['birth'].index}") if col["birth"] else None, position)
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(_listed_twice, who, year, texts.get("org"))
        first, counts = _groups(fields, year, None if single is None else np.flatnonzero(~single))
        twice, keys = pending.result()
    pieces = [_frame(sheet, rating, fields, year, first, counts)]
    alone = twice if single is None else single if twice is None else twice | single
    if alone is not None:
        if twice is not None:
            first, counts = _groups(fields, year, np.flatnonzero(~alone))
        again = np.flatnonzero(alone)
        member_key, member = np.full(len(again), "", dtype=object), np.full(len(again), "", dtype=object)
        if twice is not None:
            listed = twice[again]
            member_key[listed], member[listed] = keys, who.names(again[listed])
        pieces = [_frame(sheet, rating, fields, year, first, counts),
                  _frame(sheet, rating, fields, year, again, np.ones(len(again), np.int64), member_key, member,
                         None if disciplined is None else disciplined[again])]
    frame = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    rows = frame["source_row"].to_numpy()
    frame["source_row"] = (position[rows] if position is not None else rows) + start + 1
    return frame.sort_values("source_row", kind="stable", ignore_index=True) if len(pieces) > 1 else frame


def _off_band(rating, score, scales: Scales) -> np.ndarray | None:
    """The rows whose score lies outside the band of their rating's tier (None: none), decided per
    distinct rating and score by ``scales.off_band`` – the test the score rules make."""
    from ccq_stats.figures.classify import match_label
    from ccq_stats.vocabulary.scales import TIERS

    rating_codes, rating_values = rating
    _name, score_codes, score_values = score
    tiers = np.array([(lambda label: TIERS.index(label.meaning.tier) if label and label.meaning.tier else -1)(
        match_label(v, scales) if v else None) for v in rating_values], dtype=np.int64)
    off = scales.off_band(tiers[rating_codes], score_values[score_codes])
    return off if off.any() else None


def _scores(column, score, where) -> np.ndarray:
    """The score of each distinct text of the score column (NaN: blank); a text that is no score is
    the error of the first row holding it, as the row reader reports it."""
    codes, values = column
    out = np.full(len(values), np.nan)
    used = np.zeros(len(values), bool)
    used[np.unique(codes)] = True
    bad = []
    for i, value in enumerate(values):
        if not used[i]:
            continue  # a value only on rows left out (totals, members who left): not read, as by rows
        try:
            out[i] = parse_score(value, None)
        except InputError:
            bad.append(i)
    if bad:  # the first row holding a bad value, as the row reader meets it
        row, i = min((_first(codes == i), i) for i in bad)
        parse_score(values[i], where(row, score))  # raises, naming the row
    return out


def _heading_at(name, seq, row: int, scales: Scales) -> bool:
    """Is a row a heading: its STT a section mark ("B"), or its name cell naming an organisation
    ("Chi bộ …") rather than a person?"""
    text = clean(name[row].as_py()) if name is not None else ""
    mark = clean(seq[row].as_py()) if seq is not None else ""
    return is_section_mark(mark) or (bool(text) and (scales.role_by_words(text) or ("",))[0] == "org")


def _arrow(mask: np.ndarray):
    import pyarrow as pa

    return pa.array(mask)


def _first(mask: np.ndarray) -> int:
    return int(np.flatnonzero(mask)[0])


def _blank(column) -> np.ndarray:
    """Is each value blank once cleaned (spaces and invisible characters only)? Only the values
    empty or starting with such a character are given to the regular expression."""
    import pyarrow as pa
    import pyarrow.compute as pc

    first, _second, length = _lead_bytes(column)
    out = length == 0
    maybe = np.flatnonzero(~out & SPACE_BYTES[first])
    if len(maybe):
        out[maybe] = pc.match_substring_regex(pc.take(column, pa.array(maybe)), BLANK).to_numpy(zero_copy_only=False)
    return out


# first bytes (UTF-8) of the characters text.clean drops at the start of a cell: white space and
# the invisible characters (U+0085, U+00A0, U+00AD: C2; U+1680: E1; U+2000–U+205F: E2; U+3000:
# E3; U+FEFF: EF)
SPACE_BYTES = np.zeros(256, bool)
SPACE_BYTES[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 0xC2, 0xE1, 0xE2, 0xE3, 0xEF]] = True


def _lead_bytes(column) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(first byte, second byte, length in bytes) of each value of a string column (0 past the
    end): from its buffers, with no copy of the text."""
    import pyarrow as pa

    parts = []
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    for chunk in chunks:
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[chunk.offset: chunk.offset + len(chunk) + 1]
        data = chunk.buffers()[2]
        data = np.frombuffer(data, dtype=np.uint8) if data is not None and data.size else np.zeros(1, np.uint8)
        data = np.concatenate([data, np.zeros(2, np.uint8)])  # room to read past the last value
        starts, length = offsets[:-1], np.diff(offsets)
        parts.append((np.where(length > 0, data[starts], 0), np.where(length > 1, data[starts + 1], 0), length))
    if not parts:
        return np.zeros(0, np.uint8), np.zeros(0, np.uint8), np.zeros(0, np.int32)
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(3))


def _listed(rows: np.ndarray, texts: dict, plain: dict, col: dict) -> np.ndarray:
    """Of the given rows, those the row reader takes as listed although they name nobody: a
    number in the STT column beside an organisation (one rating column)."""
    out = np.zeros(len(rows), bool)
    if not (col["seq"] and col["org"]):
        return out
    index = np.flatnonzero(rows)
    codes, values = texts["org"]
    seq = _cell_texts(col["seq"].index, index, texts, plain, col, raw=True)
    out[index] = np.array([is_number(v) for v in seq], dtype=bool) & (values[codes[index]] != "")
    return out


def _cell_texts(column: int, index: np.ndarray, texts: dict, plain: dict, col: dict, raw=False) -> list[str]:
    """The cleaned text (or raw text) of one column on a few rows."""
    import pyarrow.compute as pc

    for role, (codes, values) in texts.items():
        if col[role].index == column:
            return list(values[codes[index]])
    taken = pc.take(plain[column], index).to_pylist()
    return taken if raw else [clean(v) for v in taken]


def _sections(section: np.ndarray, texts: dict, plain: dict, notes: list, card, col: dict, scales: Scales):
    """What the heading rows say, carried down to the rows under them (``column_rules``): (the
    kind, coded as ``carry_down_coded`` gives it – its first cell naming a kind, left to right,
    above the first heading the kind the title names; the rows under a heading that says its
    members left). Every cell of a heading row is looked at, as the row reader does."""
    import pyarrow.compute as pc

    index = np.flatnonzero(section)
    roles = {col[role].index: role for role in ROLE_NAMES if col[role]}
    noted = {c.index: k for k, c in enumerate(col["notes"])}
    cells = []
    for column in sorted(set(roles) | set(plain) | set(noted)):
        if card is not None and column == col["member_id"].index:
            cells.append([clean(v) for v in pc.take(card, index).to_pylist()])
        elif col["member"] and column == col["member"].index and column not in plain:
            cells.append([""] * len(index))  # a section row names nobody: its name cell is blank
        elif column in noted and column not in plain:
            codes, values = notes[noted[column]]
            cells.append(list(values[codes[index]]))
        else:
            cells.append(_cell_texts(column, index, texts, plain, col))
    rows = [[cells[c][r] for c in range(len(cells))] for r in range(len(index))]
    kinds = carry_down_coded(len(section), index, [heading_kind(row, scales) for row in rows], col["title_kind"])
    left_index, left_table = carry_down_coded(len(section), index, [section_says_left(row, scales) for row in rows])
    return kinds, np.array([v is True for v in left_table], dtype=bool)[left_index]


def _totals_rows(n: int, texts: dict, plain: dict, card, col: dict, lead: list[int], scales: Scales) -> np.ndarray:
    """Rows whose lead column (A, B, STT, organisation, name) holds a totals label, found among
    the distinct values: those of the dictionary columns, and those of the plain-text columns
    whose first word could start a totals label (a regular expression on all rows first)."""
    import re

    import pyarrow as pa
    import pyarrow.compute as pc

    is_totals = totals_test(scales)
    words = "|".join(sorted(re.escape(w) for w in totals_first_words(scales)))
    start = r"^[\s\p{Z}\x{85}\x{1c}-\x{1f}]*(?:(?:[IVXLC]+|[A-Z]|\d{1,2})[.)/][\s\p{Z}]*)?(?:" + words + ")"
    odd = r"[\x{300}-\x{36f}\x{200b}-\x{200d}\x{feff}\x{ad}]"  # decomposed or invisible: cleaning may change the word

    starts = TotalsStarts(scales)
    rows = np.zeros(n, bool)
    for role, (codes, values) in texts.items():
        if col[role].index in lead:
            rows |= np.array([is_totals(t) for t in values], dtype=bool)[codes]
    for column in list(plain.values()) + ([card] if card is not None else []):
        first, second, _length = _lead_bytes(column)
        index = np.flatnonzero(_could_start_totals(first, second, starts))
        if not len(index):
            continue
        some = pc.take(column, pa.array(index))
        maybe = pc.or_(pc.match_substring_regex(some, start, ignore_case=True), pc.match_substring_regex(some, odd))
        found = [w for w in pc.unique(pc.filter(some, maybe)).to_pylist() if is_totals(clean(w))]
        if found:
            rows |= pc.is_in(column, value_set=pa.array(found, pa.string())).to_numpy(zero_copy_only=False)
    return rows


def _could_start_totals(first: np.ndarray, second: np.ndarray, starts: TotalsStarts) -> np.ndarray:
    """Could a value with these first two bytes be a totals label once cleaned? If they begin a
    first word of the totals vocabulary (``starts``, from scales.toml and --scales), or a section
    mark ("II.", "A)"), or with a character cleaning drops. A cheap test on every row before the
    exact one on the few that pass."""
    upper = first & 0xDF  # ASCII letters in upper case
    letter = (upper >= ord("A")) & (upper <= ord("Z"))
    roman = np.isin(upper, np.frombuffer(b"IVXLC", np.uint8))
    return (SPACE_BYTES[first] | starts.could_start(first, second)
            | (letter & np.isin(second, np.frombuffer(b".)/", np.uint8)))
            | (roman & np.isin(second & 0xDF, np.frombuffer(b"IVXLC", np.uint8))))


def _years(year_text, column, fixed_year, where, n: int) -> np.ndarray:
    """Each row's year: its year cell, else the sheet's year; the row reader's errors otherwise."""
    out = np.full(n, fixed_year or -1, dtype=np.int64)
    if column is not None:
        codes, values = year_text
        parsed = np.full(len(values), -1, dtype=np.int64)
        used = np.zeros(len(values), bool)
        used[codes] = True  # a dictionary keeps the values of rows left out (a date line under the table)
        for i, value in enumerate(values):
            if value and used[i]:
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


def _kinds(kind_text, column, section_kind, scales: Scales, where, n: int):
    """(codes, kind id of each distinct value) of each row's kind: its kind cell, else the kind its
    section heading gives (``section_kind``: (code of each row, (kind, subject) or None of each
    code), from ``column_rules.carry_down_coded``); an unknown kind is an error."""
    if column is None and section_kind is None:
        return np.zeros(n, np.int32), np.array([""], dtype=object)
    if column is None:
        codes, values = np.zeros(n, np.int32), np.array([""], dtype=object)
    else:
        codes, values = kind_text
    looked = [scales.lookup(scales.kinds, t) if t else None for t in values]
    unknown = np.array([bool(t) and k is None for t, k in zip(values, looked)])[codes]
    if unknown.any():
        r = _first(unknown)
        raise unknown_kind_error(where(r, column), values[codes[r]])
    ids = np.array([k[0] if k else "" for k in looked], dtype=object)
    if section_kind is None:
        return codes, ids
    below_codes, below_table = section_kind
    below = np.array([k[0] if k else "" for k in below_table], dtype=object)
    # each pair (own kind, the section's) once, not each of 26 million rows
    pair = codes.astype(np.int64) * len(below) + below_codes
    pairs, inverse = np.unique(pair, return_inverse=True)
    own, under = ids[pairs // len(below)], below[pairs % len(below)]
    merged, distinct = pd.factorize(np.where(own != "", own, under))
    return merged[inverse].astype(np.int32), np.asarray(distinct, dtype=object)


def _listed_twice(who: Who, year: np.ndarray, org) -> tuple[np.ndarray | None, np.ndarray | None]:
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
        number[name_rows] = np.where(pc.equal(keys, "").to_numpy(zero_copy_only=False), -1,
                                     codes + (int(number.max()) + 1))
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




def _frame(sheet, rating, fields, year: np.ndarray, rows: np.ndarray, counts: np.ndarray, keys=None,
           names=None, disciplined=None) -> pd.DataFrame:
    """Records for the given rows (each standing for ``counts`` rows), each field from its row, in
    reading order. Texts are categoricals over the distinct values: no string per record.
    ``keys``, ``names``, ``disciplined``: of each row, for rows that are records of their own."""
    order = np.argsort(rows, kind="stable")
    rows, counts = rows[order], counts[order]
    n = len(rows)

    def same(value):
        return pd.Categorical.from_codes(np.zeros(n, np.int8), pd.Index([value], dtype=object))

    out = {name: same(value) for name, value in (
        ("subject", "members"), ("shape", "members"), ("org", ""), ("parent", ""), ("host_type", ""), ("member", ""),
        ("member_key", ""), ("source_file", sheet.file), ("source_sheet", ""), ("source_header", rating.header))}
    out["disciplined"] = np.zeros(n, bool) if disciplined is None else disciplined[order]
    for name, codes, values in fields:
        if name == "score":  # numbers (NaN: none), not texts: "85" and "85,0" are one score
            out[name] = values[codes[rows]]
            continue
        out[name] = pd.Categorical.from_codes(codes[rows], pd.Index(values, dtype=object), validate=False)
    out.setdefault("score", np.full(n, np.nan))
    out.update(year=year[rows], status=np.full(n, None, dtype=object), tier=np.full(n, None, dtype=object),
               exemplary=np.zeros(n, bool), count=counts.astype(np.int64),
               source_row=rows.astype(np.int64), source_col=np.full(n, rating.index, dtype=np.int64))
    if keys is not None:
        out["member"] = names[order]
        out["member_key"] = keys[order]
    return pd.DataFrame(out, columns=list(COLUMNS))
