"""The Python API behind the commands: each CLI command is a thin shell over one function here.

>>> from ccq_stats.api import classify_paths
>>> figures = classify_paths(["sample_data"])            # doctest: +SKIP
>>> figures.query("subject == 'units' and category == 'top'")   # doctest: +SKIP
"""

from __future__ import annotations

import logging
from pathlib import Path

from ccq_stats.scales import load_scales

log = logging.getLogger("ccq_stats")


def mapping_of(scales, header_row: int | None = None, columns=None):
    """The header mapping of a run: the [mapping] of the scales file, with ``--header-row N`` and
    ``--column ROLE=HEADER`` (a list of such texts, or a {role: header} dict) on top."""
    from ccq_stats.scales import parse_mapping

    return scales.mapping.merged(parse_mapping(header_row, columns or []))


def read_records(paths: list[str], *, year: int | None = None, kind: str | None = None, scales_file: Path | None = None,
                 progress=None, header_row: int | None = None, columns=None):
    """Read, classify and reconcile the files: a ``Reading`` whose ``records`` are the classified
    tidy table (see ``records.py``) and whose ``notes`` are the warnings and the findings made
    while reading (see ``findings.py``). ``kind`` forces the shape of every sheet (units,
    members, counts); ``progress(done, total, path)`` is told of each file as it is read.
    ``header_row`` (1-based) and ``columns`` (``["rating=KQ xếp loại"]`` or ``{"rating": "KQ xếp
    loại"}``) say where the header is and which column is which, where the reader cannot tell."""
    from ccq_stats.reading.sandbox import start_reader

    start_reader()  # the reader process imports its libraries while this one imports its own
    from ccq_stats.classify import classify_records
    from ccq_stats.reading.paths import read_paths
    from ccq_stats.records import reconcile

    scales = load_scales(scales_file)
    mapping = mapping_of(scales, header_row, columns)
    reading = read_paths(list(paths), scales, year=year, shape=kind, progress=progress, mapping=mapping)
    reading.records = reconcile(classify_records(reading.records, scales, reading.notes), reading.notes)
    return reading


def load_records(paths: list[str], *, year: int | None = None, kind: str | None = None, scales_file: Path | None = None,
                 progress=None, header_row: int | None = None, columns=None):
    """The classified tidy table of the files (see ``read_records``); every note is logged as a
    warning on the "ccq_stats" logger."""
    reading = read_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress,
                           header_row=header_row, columns=columns)
    for message in reading.notes.warnings:
        log.warning("%s", message)
    return reading.records


def _records_and_findings(paths, *, year=None, kind=None, scales_file=None, progress=None, header_row=None, columns=None):
    """The records, and the findings made while reading; the other notes are logged as warnings."""
    reading = read_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress,
                           header_row=header_row, columns=columns)
    for message in reading.notes.plain_warnings:
        log.warning("%s", message)
    return reading.records, reading.notes.findings


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
    """The figures of ``ccq-stats classify``: year, subject, [unit,] category, label, count, share."""
    from ccq_stats.stats import category_counts

    records = load_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress,
                           header_row=header_row, columns=columns)
    return category_counts(records, load_scales(scales_file), by=by, base=base)


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
    """The findings of ``ccq-stats check``: checks made while reading, then every rule.
    A finding about a member carries the member's name only with ``names=True``."""
    from ccq_stats.rules import check_records, sort_findings

    records, found = _records_and_findings(paths, year=year, kind=kind, scales_file=scales_file, progress=progress,
                                           header_row=header_row, columns=columns)
    findings = sort_findings(found + check_records(records, quota_base))
    if not names:
        for finding in findings:
            finding.member = ""
    return findings


def report_paths(
    paths: list[str],
    *,
    term: str | None = None,
    year: int | None = None,
    years: str | None = None,
    mean: str = "shares",
    org: str = "Đảng bộ Khối các cơ quan tỉnh",
    quota_base: str = "good",
    scales_file: Path | None = None,
    today=None,
    progress=None,
    header_row: int | None = None,
    columns=None,
) -> dict:
    """The report data of ``ccq-stats report`` (see report.report_context and docs/templates.md)."""
    from ccq_stats.errors import InputError
    from ccq_stats.report import report_context
    from ccq_stats.rules import check_records, sort_findings
    from ccq_stats.stats import parse_span, term_years

    if (term is None) == (year is None):
        raise InputError("give either --term START-END or --year YEAR", hint="e.g. --term 2015-2020")
    span = parse_span(term) if term else None
    covered = term_years(term, years) if term else [year]
    records, found = _records_and_findings(paths, scales_file=scales_file, progress=progress, header_row=header_row,
                                           columns=columns)
    findings = sort_findings(found + check_records(records, quota_base))
    for finding in findings:
        finding.member = ""  # reports are aggregates: never a member's name
    present = set(records["year"].unique().tolist())
    missing = [y for y in covered if y not in present]
    if len(missing) == len(covered):
        raise InputError(f"no ratings for {', '.join(map(str, covered))} in the files given",
                         hint="check the files, or the years with --years")
    if missing:
        log.warning("no ratings for %s; the report covers the other years", ", ".join(map(str, missing)))
    return report_context(records, findings, load_scales(scales_file), years=[y for y in covered if y not in missing],
                          kind="term" if term else "year", term=span, mean=mean, org=org, today=today, quota_base=quota_base)


def inspect_paths(paths: list[str], *, year: int | None = None, kind: str | None = None, scales_file: Path | None = None,
                  header_row: int | None = None, columns=None, names: bool = False, rows: int = 5) -> list[dict]:
    """What the reader understood of every sheet (``ccq-stats inspect``): a dict per file and
    sheet with its size, header rows, each column's role and the words that decided it, the
    rating year and where it came from, the kinds read, the rows skipped and why, and the first
    ``rows`` data rows as read (member names masked unless ``names``). See reading/inspect.py.
    The reading notes are logged as warnings; a sheet that cannot be read is listed with its error."""
    from ccq_stats.reading.inspect import inspect_paths as inspect

    scales = load_scales(scales_file)
    sheets, notes = inspect(list(paths), scales, year=year, shape=kind, mapping=mapping_of(scales, header_row, columns),
                            names=names, rows=rows)
    for message in notes.warnings:
        log.warning("%s", message)
    return sheets
