"""Sheets and files that repeat figures given elsewhere: counted once, said once.

* A sheet whose every row repeats a row of the other sheets of its workbook – same year,
  organisation and rating (a "Tổng hợp" sheet with the years side by side beside the year
  sheets) – is left out with one note. Rows that differ are not a repeat: both are read, and a
  disagreement is reported where organisations are reconciled.
* A sheet without organisation names (one row per year: a summary) beside sheets that list the
  organisations of the same years is left out with one note, which says whether its figures
  agree with theirs: counted together they would count every organisation twice.
* A file whose every row repeats another file's (a "… - Copy.xlsx" in the folder) is left out
  with one line naming both files, instead of a warning per row.
"""

from __future__ import annotations

from ccq_stats.errors import Where
from ccq_stats.figures.findings import Notes
from ccq_stats.figures.records import folded
from ccq_stats.i18n import gettext as _


def _keys(frame) -> set[tuple]:
    """What each row says: year, subject, organisation, parent, member, rating or tier, count."""
    if frame.empty:
        return set()
    label = folded(frame["raw_label"].astype(object).fillna(""))
    return set(
        zip(
            frame["year"].tolist(),
            frame["subject"].astype(object),
            folded(frame["org"].astype(object)),
            folded(frame["parent"].astype(object)),
            frame["member_key"].astype(object).fillna(""),
            label,
            frame["status"].astype(object).fillna(""),
            frame["tier"].astype(object).fillna(""),
            frame["count"].tolist(),
        )
    )


def _totals(frame) -> dict[tuple, int]:
    """Counts per (year, subject, status, tier): what a summary without organisations states."""
    rated = frame.assign(
        status=frame["status"].astype(object).fillna(""),
        tier=frame["tier"].astype(object).fillna(""),
        raw_label=frame["raw_label"].astype(object).fillna(""),
    )
    grouped = rated.groupby(["year", "subject", "status", "tier", "raw_label"], sort=False)["count"].sum()
    return {key: int(value) for key, value in grouped.items()}


def drop_repeated_sheets(frames: list, names: list[str], file: str, notes: Notes) -> list:
    """The frames of a workbook's sheets without those that repeat the others (see above)."""
    if len(frames) < 2:
        return frames
    keep = list(range(len(frames)))
    # the sheet spanning most years first: a summary sheet sits beside one sheet per year
    for i in sorted(keep, key=lambda i: -frames[i]["year"].nunique() if len(frames[i]) else 0):
        frame = frames[i]
        others = [j for j in keep if j != i and len(frames[j])]
        if frame.empty or not others:
            continue
        import pandas as pd

        rest = pd.concat([frames[j] for j in others], ignore_index=True)
        shown = ", ".join(f"'{names[j]}'" for j in others)
        # a summary names no organisation and nobody: rows of members are people, never a summary
        nameless = (
            frame["org"].astype(object).fillna("").eq("").all()
            and frame["member"].astype(object).fillna("").eq("").all()
        )
        if nameless:
            covered = set(zip(frame["year"], frame["subject"])) <= set(zip(rest["year"], rest["subject"]))
            if not covered:
                continue
            mine, theirs = _totals(frame), _totals(rest)
            agree = all(theirs.get(key) == value for key, value in mine.items())
            notes.warn(
                (
                    _(
                        "sheet '{sheet}' has no organisation names and covers the years of sheets {sheets}; its figures "
                        "repeat theirs; not counted again"
                    )
                    if agree
                    else _(
                        "sheet '{sheet}' has no organisation names and covers the years of sheets {sheets}; its figures "
                        "differ from theirs (check them); not counted, the organisations' rows are"
                    )
                ).format(sheet=names[i], sheets=shown),
                Where(file=file),
            )
        elif _keys(frame) <= _keys(rest):
            notes.warn(
                _(
                    "sheet '{sheet}' repeats rows of sheets {sheets} (same years, organisations and ratings); "
                    "not counted again"
                ).format(sheet=names[i], sheets=shown),
                Where(file=file),
            )
        else:
            continue
        keep.remove(i)
    return [frames[i] for i in keep]


def drop_copies(frames: list, files: list[str], notes: Notes) -> tuple[list, list[str]]:
    """The files' frames without the files whose every row repeats an earlier file's."""
    kept, kept_files, seen = [], [], []
    sizes = [len(f) for f in frames]
    for frame, path in zip(frames, files):
        if sizes.count(len(frame)) < 2:  # a copy has as many rows as its original: most files are not looked at
            kept.append(frame)
            kept_files.append(path)
            continue
        keys = _keys(frame)
        twin = next((other for other, other_keys in seen if keys and keys == other_keys), None)
        if twin is not None:
            notes.warn(_("the same rows as {other} (a copy?); read once").format(other=twin), Where(file=path))
            continue
        seen.append((path, keys))
        kept.append(frame)
        kept_files.append(path)
    return kept, kept_files
