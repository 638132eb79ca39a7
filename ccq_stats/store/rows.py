"""Between the tidy record frame and the store's rows: ``rows_of`` (what an import writes, names
left out) and ``frame_of`` (the frame a snapshot gives back, with the columns and types of
``load_records``). Pure functions, no SQL.

The decided score (schema 4) travels as ``score_hundredths``, the score × 100 as a whole number:
the reader keeps two decimals (``cells.parse_score``), so ``round(score × 100)`` and back ``/ 100``
give exactly the float the files give, and the score figures and rules of the store equal those
of the files.
"""

from __future__ import annotations

import math

from ccq_stats.store.schema import RECORD_COLUMNS, SCORE_COLUMN


def hundredths(score) -> int | None:
    """A score as the store keeps it: × 100, whole; None for no score (NaN, None)."""
    if score is None:
        return None
    value = float(score)
    return None if math.isnan(value) else int(round(value * 100))


def score_of(kept) -> float:
    """A kept score back as the reader gives it (NaN for none)."""
    return math.nan if kept is None else int(kept) / 100


def rows_of(records, sha: dict[str, str]) -> list[dict]:
    """The store rows of a reconciled record frame (without names), in frame order."""
    from ccq_stats.text import norm_key

    n = len(records)

    def col(name, convert=None):
        values = records[name].tolist() if name in records else [None] * n
        return [None if v is None or v != v else (convert(v) if convert else v) for v in values]

    data = {
        "import_id": [None] * n,
        "seq": list(range(n)),
        "year": col("year", int),
        "subject": col("subject"),
        "shape": col("shape"),
        "org": col("org"),
        "parent": col("parent"),
        "org_kind": col("org_kind"),
        "host_type": col("host_type"),
        "status": col("status"),
        "tier": col("tier"),
        "exemplary": col("exemplary", lambda v: int(bool(v))),
        "disciplined": col("disciplined", lambda v: int(bool(v))),
        "count": col("count", int),
        "source_file": col("source_file"),
        "source_sheet": col("source_sheet"),
        "source_row": col("source_row", int),
        "source_col": col("source_col", int),
        "source_header": col("source_header"),
        "raw_label": col("raw_label"),
    }
    data["org_key"] = [norm_key(v) for v in data["org"]]
    data["parent_key"] = [norm_key(v) for v in data["parent"]]
    data["file_sha256"] = [sha.get(f, "") for f in data["source_file"]]
    data[SCORE_COLUMN] = col("score", hundredths)
    return [dict(zip(data, values)) for values in zip(*data.values())]


def frame_of(rows: list[tuple], columns: tuple[str, ...] = RECORD_COLUMNS):
    """The tidy frame of stored rows (tuples in the order of ``columns``: ``schema.record_columns``
    of the store read), with the columns and types of ``load_records``; a store without scores
    (schema 3 or earlier, only read) gives no score."""
    import numpy as np
    import pandas as pd

    from ccq_stats.figures.records import COLUMNS

    at = {c: i for i, c in enumerate(columns)}
    rows = sorted(rows, key=lambda r: (r[at["source_file"]] or "", r[at["import_id"]], r[at["seq"]]))

    def col(name, convert=None):
        i = at[name]
        return [None if r[i] is None else (convert(r[i]) if convert else r[i]) for r in rows]

    data = {name: col(name) for name in COLUMNS if name in at}
    data["exemplary"] = col("exemplary", bool)
    data["disciplined"] = col("disciplined", bool)
    data["member"] = [None] * len(rows)
    data["member_key"] = [None] * len(rows)
    frame = pd.DataFrame({name: pd.Series(data[name], dtype=object) for name in COLUMNS if name != "score"})
    scores = [score_of(r[at[SCORE_COLUMN]]) for r in rows] if SCORE_COLUMN in at else [math.nan] * len(rows)
    frame.insert(
        COLUMNS.index("score"), "score", np.array(scores, dtype=np.float64)
    )  # as the reader types it (paths.py)
    for name in ("year", "count", "source_row"):
        frame[name] = frame[name].astype("int64")
    return frame
