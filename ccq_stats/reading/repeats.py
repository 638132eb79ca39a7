"""Sheets and files that repeat figures given elsewhere: counted once, said once.

* A sheet whose every row repeats a row of the other sheets of its workbook – same year,
  organisation and rating (a "Tổng hợp" sheet with the years side by side beside the year
  sheets) – is left out with one note. Rows that differ are not a repeat: both are read, and a
  disagreement is reported where organisations are reconciled.
* A sheet without organisation names (one row per year: a summary) beside sheets that list the
  organisations of the same years is left out with one note, which says whether its figures
  agree with theirs: counted together they would count every organisation twice.
* A sheet of counts per organisation (one row per chi bộ: "Tổng số | Miễn | HTXSNV …") beside sheets
  that list the same subject's members (or organisations) one by one for the same years is the
  totals of those lists: where its figures, tier by tier, are theirs, it is left out with one note
  naming it (the lists are the detail, counted once). Where they differ and every organisation it
  names has a list, the lists are used organisation by organisation, and a finding says where they
  differ (``records``); where they differ and some organisation is not found among the lists
  ("CB Văn phòng" for "Chi bộ Văn phòng"), nobody can tell whether it sums the lists or other
  organisations, and the run stops naming the sheets.
* A file whose every row repeats another file's (a "… - Copy.xlsx" in the folder) is left out
  with one line naming both files, instead of a warning per row.
"""

from __future__ import annotations

from ccq_stats.errors import InputError, Where
from ccq_stats.figures.classify import match_label
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


def _meanings(frame, scales) -> dict[tuple, int]:
    """Counts per (year, subject, what the rating means): a count sheet's records carry their tier
    or status, a list's rows their label (classified here as ``classify`` will)."""
    out: dict[tuple, int] = {}
    for year, subject, status, tier, label, count in zip(
        frame["year"].tolist(),
        frame["subject"].astype(object),
        frame["status"].astype(object).fillna(""),
        frame["tier"].astype(object).fillna(""),
        frame["raw_label"].astype(object).fillna(""),
        frame["count"].tolist(),
    ):
        if status or tier:
            means = tier or status
        else:
            found = match_label(label, scales) if label else None
            if found is None:
                continue
            means = found.meaning.means
        out[(year, subject, means)] = out.get((year, subject, means), 0) + int(count)
    return out


def _sums_the_lists(frame, rest, name: str, others: str, file: str, scales, notes: Notes) -> bool:
    """Is this sheet counts per organisation whose figures are the totals of the lists on the other
    sheets (left out, with a note)? Stops the run where they cover the same years and differ."""
    if scales is None or not frame["shape"].eq("counts").all():
        return False
    lists = rest[rest["shape"] != "counts"]
    mine = set(zip(frame["year"], frame["subject"]))
    if lists.empty or not mine <= set(zip(lists["year"], lists["subject"])):
        return False
    lists = lists[[pair in mine for pair in zip(lists["year"], lists["subject"])]]
    counted, listed = _meanings(frame, scales), _meanings(lists, scales)
    if {k: v for k, v in counted.items() if v} == {k: v for k, v in listed.items() if v}:
        notes.warn(
            _(
                "sheet '{sheet}' gives counts per organisation that are the totals of the lists on sheets "
                "{sheets}; the lists are counted, the summary is not counted again"
            ).format(sheet=name, sheets=others),
            Where(file=file),
        )
        return True
    if set(zip(frame["year"], folded(frame["org"].astype(object)))) <= set(
        zip(lists["year"], folded(lists["org"].astype(object)))
    ):
        return False  # each organisation's counts beside its own rows: the rows are used (records.reconcile)
    raise InputError(
        _(
            "sheet '{sheet}' gives counts per organisation for the years the lists on sheets {sheets} cover, "
            "and its figures differ from theirs: it cannot be told whether it sums them (counted twice) or "
            "other organisations"
        ).format(sheet=name, sheets=others),
        where=Where(file=file),
        hint=_(
            "correct the figures so that the summary agrees with the lists (it is then left out), or put the "
            "summary and the lists in separate files if they count different organisations"
        ),
    )


def drop_repeated_sheets(frames: list, names: list[str], file: str, notes: Notes, scales=None) -> list:
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
        elif _sums_the_lists(frame, rest, names[i], shown, file, scales, notes):
            pass
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
