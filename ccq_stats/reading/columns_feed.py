"""The column reader's input (``by_columns``): what reading a file may cost (the memory estimate
from its size, pyarrow's allocator) and its bytes as pyarrow tables – the head for the header, the
table in blocks of the columns read, the last rows with every cell – checked as the row reader
checks them (rows as wide as the header, quotes that swallow rows).
"""

from __future__ import annotations

import csv
import io
import os

from ccq_stats.i18n import gettext as _
from ccq_stats.reading.columns_cells import NotPlain, blank_cells
from ccq_stats.reading.textfile import check_csv_file, nul_error
from ccq_stats.vocabulary.scales import CELL_ROLES, FEW_VALUE_ROLES

BLOCK_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 256 * 1024  # enough for the header search (header.SCAN_ROWS rows)


# peak memory per byte of file, measured (bench/README.md): the column reader, of a CSV file or
# of a Parquet file's uncompressed data; the row reader (a Python object per cell, and the grid
# once more while it crosses from the reader process)
COLUMN_BYTES, ROW_BYTES, BASE_MB = 1.6, 30, 400


def release_memory_early() -> None:
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


def dictionary_columns(col: dict) -> set[int]:
    """Indexes of the columns of the text roles and the notes: few distinct values, read as dictionaries."""
    # (a notes column in A or B is read as plain text: the totals look there too)
    return {col[role].index for role in FEW_VALUE_ROLES if col[role]} | {c.index for c in col["notes"] if c.index > 1}


def as_text(column, dictionary: bool):
    """A Parquet column as the CSV reader gives it: text (integers written out), dictionary-encoded
    or not. Other types (floats, dates …) need the row reader, which knows such cells."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_dictionary(kind) and (
        pa.types.is_string(kind.value_type) or pa.types.is_large_string(kind.value_type)
    ):
        column = column.cast(pa.dictionary(kind.index_type, pa.string()))
        return column if dictionary else pc.fill_null(column.cast(pa.string()), "")
    if not (pa.types.is_integer(kind) or pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise NotPlain(_("a column of {type}").format(type=kind))
    if dictionary:  # encode first, then write out only the distinct values (a year column: 5 of them)
        encoded = pc.dictionary_encode(column)
        return encoded.cast(pa.dictionary(pa.int32(), pa.string()))
    return pc.fill_null(column.cast(pa.string()), "")


def columns_to_read(col: dict, lead: list[int]) -> set[int]:
    return {col[role].index for role in CELL_ROLES if col[role]} | {c.index for c in col["notes"]} | set(lead)


TAIL_BYTES = 64 * 1024  # the end of a text file read first for its last rows; more if they are longer


def text_tail(path: str, delimiter: str, table, count: int) -> list[list[str]]:
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
        data = data.removeprefix(b"\xef\xbb\xbf") if whole else data[data.find(b"\n") + 1 :]
        try:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=delimiter))
        except (UnicodeDecodeError, csv.Error):
            raise NotPlain(_("the end of the file does not read as CSV")) from None
        if whole or len(rows) > count:  # one more than needed: the first line may end a cell
            break
        if span > 64 * BLOCK_BYTES:
            raise NotPlain(_("rows too long to find the table's end"))
        span *= 8
    tail = rows[len(rows) - count :] if count else []
    last = table.slice(table.num_rows - count, count).to_pylist()
    for row, read in zip(tail, last):
        for name, value in read.items():
            i = int(name[1:])
            if (row[i] if i < len(row) else "") != (value or ""):
                raise NotPlain(_("the last rows of the file do not line up"))
    return tail


def parquet_tail(stored, count: int) -> list[list]:
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
    return rows[len(rows) - count :] if count else []


def head_text(path: str) -> str:
    with open(path, "rb") as stream:
        head = stream.read(HEAD_BYTES)
    head = head[: head.rfind(b"\n") + 1] or head
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        raise NotPlain(_("not UTF-8")) from None


def text_table(path: str, delimiter: str, start: int, col: dict, lead: list[int], extra: list[int]):
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
    dictionaries = dictionary_columns(col)
    names = columns_to_read(col, lead) | set(extra)
    types = {f"f{i}": pa.dictionary(pa.int32(), pa.string()) if i in dictionaries else pa.string() for i in names}
    try:
        table = pacsv.read_csv(
            path,
            # 16 MB blocks: fewer chunks make unify_dictionaries() quick (0.5 s instead of 5 s for 26M rows)
            read_options=pacsv.ReadOptions(skip_rows=start, autogenerate_column_names=True, block_size=BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=bad_row
            ),
            convert_options=pacsv.ConvertOptions(
                include_columns=[f"f{i}" for i in sorted(names)],
                column_types=types,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowKeyError) as exc:  # bad UTF-8, a column the data lacks …
        raise NotPlain(str(exc).splitlines()[0]) from None
    if irregular:
        raise NotPlain(_("{count} rows of another width").format(count=len(irregular)))
    if table.num_rows == 0 or table.num_columns != len(names):
        raise NotPlain(_("no rows"))
    if any((~blank_cells(table.column(f"f{i}"))).any() for i in extra):
        raise NotPlain(_("values past the header's last column"))
    return table.drop_columns([f"f{i}" for i in extra]).unify_dictionaries()


def check_text(path: str, table, sheet, start: int, delimiter: str, width: int) -> None:
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
                raise nul_error(path)
            lines, last = lines + block.count(b"\n"), block[-1:]
    lines += last != b"\n"
    if lines <= start + table.num_rows:
        return
    broken, extra = [], 0  # rows with a line break in a column read here, and the breaks they hold
    for name in table.column_names:
        column = table.column(name)
        if hasattr(column.type, "value_type"):  # dictionaries (unified): look at the distinct values first
            if (
                not column.num_chunks
                or not pc.any(pc.greater(pc.count_substring(column.chunk(0).dictionary, "\n"), 0)).as_py()
            ):
                continue
            column = column.cast(column.type.value_type)
        breaks = pc.count_substring(column, "\n")
        broken += pc.indices_nonzero(pc.greater(breaks, 0)).to_pylist()
        extra += pc.sum(breaks).as_py() or 0
    head_breaks = sum(str(v).count("\n") for row in sheet.rows[:start] for v in row)
    # a line break in a column not read here, or above the table: the whole file is looked at
    until = start + max(broken) + 1 if broken and lines == start + table.num_rows + extra + head_breaks else None
    check_csv_file(path, delimiter, "utf-8-sig", sheet.file, until)
