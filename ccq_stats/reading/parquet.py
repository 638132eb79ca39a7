"""Parquet files: the table as stored, and as one grid for the row reader.

A large plain member list in Parquet is read by columns instead (``by_columns``).
"""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.reading.grid import Sheet


def text_fields(schema) -> list[str]:
    """The names of a Parquet schema's text columns (read dictionary-encoded, as stored)."""
    import pyarrow as pa

    return [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]


def parquet_table(path: str):
    """A Parquet file as a pyarrow Table, its text columns kept dictionary-encoded as stored."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path, read_dictionary=text_fields(pq.read_schema(path)))
    except (pa.ArrowException, OSError) as exc:
        raise InputError(
            _("cannot read the Parquet file ({reason})").format(reason=str(exc).splitlines()[0]),
            file=path,
            hint=_("export the table again as Parquet, or as CSV"),
        ) from None


def parquet_grid(path: str) -> Sheet:
    """A Parquet file as one sheet: its column names, then its rows."""
    table = parquet_table(path)
    return Sheet(path, None, [table.column_names] + [list(row.values()) for row in table.to_pylist()])
