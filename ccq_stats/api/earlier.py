"""The names of the earlier API, kept working: each ``*_paths`` / ``*_store`` function is the
command's one function (``classify``, ``check``, ``report``, ``inspect``, ``forms``) over a
``Source`` of files or of the store, with the options spread out as keywords.
"""

from __future__ import annotations

from pathlib import Path

from ccq_stats.api import ReadOptions, Source, check, classify, forms, inspect, report


def classify_paths(
    paths: list[str],
    *,
    year: int | None = None,
    kind: str | None = None,
    by: str = "year",
    base: str = "rated",
    scales_file: Path | None = None,
    progress=None,
    header_row: int | None = None,
    columns=None,
):
    """``classify`` of the files (the earlier API, kept)."""
    return classify(
        Source.files(paths),
        ReadOptions(
            year=year, kind=kind, scales_file=scales_file, header_row=header_row, columns=columns, progress=progress
        ),
        by=by,
        base=base,
    )


def check_paths(
    paths: list[str],
    *,
    year: int | None = None,
    kind: str | None = None,
    quota_base: str = "good",
    scales_file: Path | None = None,
    names: bool = False,
    progress=None,
    header_row: int | None = None,
    columns=None,
):
    """``check`` of the files (the earlier API, kept)."""
    return check(
        Source.files(paths),
        ReadOptions(
            year=year, kind=kind, scales_file=scales_file, header_row=header_row, columns=columns, progress=progress
        ),
        quota_base=quota_base,
        names=names,
    )


def report_paths(
    paths: list[str],
    *,
    term: str | None = None,
    year: int | None = None,
    years: str | None = None,
    mean: str = "shares",
    org: str | None = None,
    quota_base: str = "good",
    scales_file: Path | None = None,
    today=None,
    progress=None,
    issuer: dict | None = None,
    header_row: int | None = None,
    columns=None,
    orgs_file: str | None = None,
) -> dict:
    """``report`` of the files (the earlier API, kept)."""
    return report(
        Source.files(paths),
        ReadOptions(scales_file=scales_file, header_row=header_row, columns=columns, progress=progress),
        term=term,
        year=year,
        years=years,
        mean=mean,
        org=org,
        quota_base=quota_base,
        today=today,
        issuer=issuer,
        orgs_file=orgs_file,
    )


def inspect_paths(
    paths: list[str],
    *,
    year: int | None = None,
    kind: str | None = None,
    scales_file: Path | None = None,
    header_row: int | None = None,
    columns=None,
    names: bool = False,
    rows: int = 5,
) -> list[dict]:
    """``inspect`` of the files (the earlier API, kept)."""
    return inspect(
        Source.files(paths),
        ReadOptions(year=year, kind=kind, scales_file=scales_file, header_row=header_row, columns=columns),
        names=names,
        rows=rows,
    )


# -- the store (ccq_stats/store): import, the commands read from it, history, roster, month ------


def classify_store(
    db: str | None = None,
    *,
    by: str = "year",
    base: str = "rated",
    scales_file: Path | None = None,
    as_of: str | None = None,
    with_state: bool = False,
):
    """``classify`` of the store (the earlier API, kept): the same figures as ``classify_paths``
    on the files imported, as of ``as_of`` (see ``store_records``)."""
    return classify(
        Source.store(db, as_of), ReadOptions(scales_file=scales_file), by=by, base=base, with_state=with_state
    )


def check_store(
    db: str | None = None,
    *,
    quota_base: str = "good",
    scales_file: Path | None = None,
    as_of: str | None = None,
    with_state: bool = False,
):
    """``check`` of the store (the earlier API, kept): the findings ``check_paths`` gives on the
    files (without members' names, which the store does not keep), as of ``as_of``."""
    return check(
        Source.store(db, as_of), ReadOptions(scales_file=scales_file), quota_base=quota_base, with_state=with_state
    )


def report_store(
    db: str | None = None,
    *,
    term: str | None = None,
    year: int | None = None,
    years: str | None = None,
    mean: str = "shares",
    org: str | None = None,
    quota_base: str = "good",
    scales_file: Path | None = None,
    today=None,
    issuer: dict | None = None,
    as_of: str | None = None,
) -> dict:
    """``report`` of the store (the earlier API, kept)."""
    return report(
        Source.store(db, as_of),
        ReadOptions(scales_file=scales_file),
        term=term,
        year=year,
        years=years,
        mean=mean,
        org=org,
        quota_base=quota_base,
        today=today,
        issuer=issuer,
    )


def forms_store(db: str | None = None, *, year: int, scales_file: Path | None = None, as_of: str | None = None) -> dict:
    """``forms`` of the store (the earlier API, kept)."""
    return forms(Source.store(db, as_of), ReadOptions(scales_file=scales_file), year=year)


def forms_paths(paths: list[str], *, year: int, scales_file: Path | None = None, progress=None) -> dict:
    """``forms`` of the files (the earlier API, kept)."""
    return forms(Source.files(paths), ReadOptions(scales_file=scales_file, progress=progress), year=year)


# ``history``, ``templates``, ``blank`` and ``orgs`` live in their own modules of this layer
# (store_views.py, outputs.py, collecting.py, orgs.py); their
# functions stay importable from here, loaded when first asked for (imported by name, not by an
# import statement, so that api.py does not import the modules that import it).
