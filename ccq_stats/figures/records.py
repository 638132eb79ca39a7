"""The tidy table every input shape becomes, and the reconciliation of what several files say.

One row per (year, subject, organisation, rating) with a ``count``: a member row has count 1,
a member-count cell one row per tier with its count, an organisation row count 1 under the
subject ``units`` or ``cells``. Every figure is then a group-by sum.

Columns
-------
year           rating year (int)
subject        ``units`` (chi, đảng bộ cơ sở), ``cells`` (chi bộ trực thuộc, đảng bộ bộ phận) or ``members``
shape          the input shape the row came from: ``units``, ``members`` (member rows) or ``counts``
org            organisation name as written (for members: the organisation they belong to)
parent         for cells: the đảng bộ cơ sở they belong to ("Trực thuộc"), else empty
org_kind       dang_bo_co_so, chi_bo_co_so, chi_bo_truc_thuoc, dang_bo_bo_phan or empty
host_type      loại hình of the host agency, as written, or empty
member         member's name (member rows only; never leaves the process in aggregates)
member_key     identity used to find a member listed twice (folded name, birth, card number)
status         ``rated``, ``exempt`` (miễn đánh giá) or ``not_rated`` (chưa đánh giá); ``left`` (a member
               who left during the year: chuyển đi, từ trần …) only until ``leave_out_departed``
tier           ``top``, ``good``, ``pass``, ``fail`` when rated, else empty
exemplary      True for "TSVM tiêu biểu" (a subset of top)
disciplined    True when a member row says the member was disciplined in the year (an organisation row: that
               a subordinate organisation or a member of its leadership was, as its "Kỷ luật" cell says)
score          the decided score out of 100 (QĐ 366 from 2025, HD 27 2014–2017) where the list has a score
               column, else NaN (reading/plan.py ``_score_used`` says which column; cells.parse_score reads it)
count          how many subjects the row stands for
source_file, source_sheet, source_row (as Excel shows it), source_col (0-based), source_header
raw_label      the label as written (for counts: the column header)
"""

from __future__ import annotations

from ccq_stats.errors import InputError, Where
from ccq_stats.figures.findings import Notes, read_finding
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number
from ccq_stats.text import norm_key

COLUMNS = (
    "year",
    "subject",
    "shape",
    "org",
    "parent",
    "org_kind",
    "host_type",
    "member",
    "member_key",
    "status",
    "tier",
    "exemplary",
    "disciplined",
    "score",
    "count",
    "source_file",
    "source_sheet",
    "source_row",
    "source_col",
    "source_header",
    "raw_label",
)
_RATING = ["status", "tier", "exemplary"]


def _where(row) -> Where:
    return Where(row["source_file"], row["source_sheet"] or None, int(row["source_row"]))


def folded(series):
    """norm_key of each value, computed once per distinct value."""
    import pandas as pd

    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    folded = pd.Index([norm_key(u) for u in uniques] + [""], dtype=object)
    return pd.Series(folded.take(codes), index=series.index, dtype=object)


# the texts of the tidy table that reach documents and terminals
TEXT_COLUMNS = ("org", "parent", "host_type", "member", "source_sheet", "source_header", "raw_label")


def _no_controls(uniques) -> bool:
    """No text among these holds a control character: one search over them joined by a line feed
    (no control character for CONTROL) instead of one a text (200,000 names: 0.1 s)."""
    from ccq_stats.text import CONTROL

    try:
        return CONTROL.search("\n".join(uniques.tolist())) is None
    except TypeError:  # not all texts: each one looked at
        return False


def without_control_characters(records, notes: Notes):
    """The records with every control character taken out of their texts, and one warning saying
    where the first was (never the text: it may be a member's name). The one place this is
    decided, for files and for the store alike: no writer or terminal ever sees one (README,
    "Control characters in names")."""
    import numpy as np
    import pandas as pd

    from ccq_stats.text import CONTROL, clean, without_controls

    where = None
    for name in TEXT_COLUMNS:
        if name not in records or records.empty:
            continue
        column = records[name]
        texts = column.astype(object)
        # each distinct text searched once (an organisation's name is on thousands of rows)
        codes, uniques = pd.factorize(texts, use_na_sentinel=True)
        if _no_controls(uniques):
            continue
        hits = np.fromiter((isinstance(v, str) and CONTROL.search(v) is not None for v in uniques), bool, len(uniques))
        if not hits.any():
            continue
        bad = pd.Series(np.append(hits, False)[codes], index=records.index)  # code -1 (no text) takes the False
        if where is None:
            first = records[bad].iloc[0]
            where = (
                int(bad.sum()),
                Where(first["source_file"], first["source_sheet"] or None, int(first["source_row"])),
            )
        else:
            where = (where[0] + int(bad.sum()), where[1])
        cleaned = texts.where(
            ~bad, texts[bad].map(lambda v: clean(without_controls(v)))
        )  # "B\x85\x9b": no space left at the end
        records[name] = cleaned.astype(column.dtype) if str(column.dtype) == "category" else cleaned
    if where is not None:
        notes.warn(
            _(
                "control characters (invisible codes such as ESC or NUL) removed from {count} cell(s), the first here"
            ).format(count=number(where[0])),
            where[1],
        )
    return records


def _org_key(records):
    return folded(records["org"])


def leave_out_departed(records, notes: Notes):
    """Members who left during the year (chuyển sinh hoạt đi, từ trần, xóa tên, khai trừ, ra khỏi
    Đảng) are not present at rating time: no part of any total, rated or exempt. Member lists
    often keep them; they are left out here, and counted in one note per file."""
    left = records["status"] == "left"
    if not left.any():
        return records
    for file, group in records[left].groupby("source_file", sort=False):
        count = int(group["count"].sum())
        notes.warn(
            _(
                "{count} member(s) who left during the year (chuyển sinh hoạt đi, từ trần, xóa tên …) not counted "
                "(first: row {row})"
            ).format(count=number(count), row=int(group["source_row"].iloc[0])),
            Where(file=file),
        )
    return records[~left].reset_index(drop=True)


def without_score(records, notes: Notes) -> None:
    """Rated rows without a score on a sheet whose other rated rows have one: said once per sheet
    (how many, the first row) and left out of the score figures – never given a score, nor taken
    for 0. A row not rated (miễn, chưa đánh giá) has no score to give."""
    if "score" not in records or records.empty:
        return
    score = records["score"].astype("float64")
    rated = records["status"] == "rated"
    if not (rated & score.notna()).any():
        return
    sheets = records[rated].groupby(["source_file", "source_sheet"], sort=False, dropna=False)
    for (file, sheet), group in sheets:
        missing = group[score[group.index].isna()]
        if len(missing) and len(missing) < len(group):
            notes.warn(
                _(
                    "{count} rated row(s) without a score where the others have one (first: row {row}); left out "
                    "of the score figures"
                ).format(count=int(missing["count"].sum()), row=int(missing["source_row"].min())),
                Where(file, sheet or None),
            )


def reconcile(records, notes: Notes):
    """Merge what several files and sheets say about the same year.

    * an organisation (or a member of one) listed twice in a year with different ratings is
      an error naming the organisation and both rows; listed twice alike, it counts once;
    * member counts of an organisation are dropped where member rows of the same organisation
      and year are given too, with a warning when the two disagree.
    """
    if records.empty:
        return records
    keep = _dedupe(records, records["shape"] == "units", ["year", "subject", "_org", "_parent"], "organisation", notes)
    named = (records["shape"] == "members") & records["member_key"].fillna("").ne("")
    keep &= _dedupe(records, named, ["year", "_org", "member_key"], "member of", notes)
    keep &= _prefer_member_rows(records, notes)
    return records if keep.all() else records[keep].reset_index(drop=True)


def _keyed(records):
    """The rows with their organisation's and parent's folded names (_org, _parent), computed
    for just these rows: on a national file most records need neither."""
    return records.assign(_org=_org_key(records), _parent=folded(records["parent"]))


def _dedupe(records, mask, key: list[str], what: str, notes: Notes):
    """A boolean mask keeping the first of each group of identical listings."""
    import pandas as pd

    keep = pd.Series(True, index=records.index)
    if not mask.any():
        return keep
    subset = _keyed(records[mask])
    dup = subset.duplicated(key, keep=False)
    if not dup.any():
        return keep
    for _key, group in subset[dup].groupby(key, sort=False):
        first = group.iloc[0]
        ratings = group[_RATING].astype(str).drop_duplicates()
        other = group.iloc[1]
        org = repr(first["org"])
        if len(ratings) > 1:
            differs = group[group[_RATING].astype(str).ne(first[_RATING].astype(str)).any(axis=1)].iloc[0]
            said = dict(
                org=org, year=first["year"], first=first["raw_label"], where=_where(first), other=differs["raw_label"]
            )
            if what == "organisation":
                message = _(
                    "organisation {org} is listed twice in {year} with different ratings: '{first}' at {where} and '{other}'"
                )
                hint = _("keep one rating per year; remove or correct one of the two rows")
            else:
                message = _(
                    "a member of {org} is listed twice in {year} with different ratings: '{first}' at {where} and '{other}'"
                )
                hint = _(
                    "keep one rating per year; remove or correct one of the two rows; if they are two people, "
                    "add a 'Số thẻ đảng viên' column"
                )
            raise InputError(message.format(**said), where=_where(differs), hint=hint)
        said = dict(org=org, year=first["year"], first=_where(first))
        if what == "organisation":
            notes.warn(
                _("{org} listed again in {year} with the same rating (first at {first}); counted once").format(**said),
                _where(other),
            )
        else:
            notes.warn(
                _(
                    "a member of {org} listed again in {year} with the same rating (first at {first}); counted once"
                ).format(**said),
                _where(other),
            )
        keep[group.index[1:]] = False
    return keep


def _prefer_member_rows(records, notes: Notes):
    """Drop member-count rows of (year, organisation) pairs that also have member rows."""
    counts = records["shape"] == "counts"
    rows = records["shape"] == "members"
    if not (counts.any() and rows.any()):
        return ~(counts & rows)  # all True
    records = _keyed(records)
    row_totals = records[rows].groupby(["year", "_org"])["count"].sum()
    count_rows = records[counts]
    count_totals = count_rows.groupby(["year", "_org"])["count"].sum()
    both = count_totals.index.intersection(row_totals.index)
    for year, org in both:
        counted, listed = int(count_totals[(year, org)]), int(row_totals[(year, org)])
        if counted != listed:
            first = count_rows[(count_rows["year"] == year) & (count_rows["_org"] == org)].iloc[0]
            notes.found(
                read_finding(
                    "counts_vs_rows",
                    int(year),
                    first["org"],
                    f"Số liệu tổng hợp ghi {counted} đảng viên nhưng danh sách đảng viên có {listed} người; "
                    "dùng danh sách",
                    {"counts": counted, "rows": listed},
                    _where(first),
                ),
                _(
                    "member counts of '{org}' in {year} add up to {counted} but its member rows number {listed}; using the member rows"
                ).format(org=first["org"], year=year, counted=counted, listed=listed),
                _where(first),
            )
    import pandas as pd

    pairs = pd.MultiIndex.from_arrays([records["year"], records["_org"]])
    return ~(counts & pairs.isin(both))
