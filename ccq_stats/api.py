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


def read_records(paths: list[str], *, year: int | None = None, kind: str | None = None, scales_file: Path | None = None,
                 progress=None):
    """Read, classify and reconcile the files: a ``Reading`` whose ``records`` are the classified
    tidy table (see ``records.py``) and whose ``notes`` are the warnings and the findings made
    while reading (see ``findings.py``). ``kind`` forces the shape of every sheet (units,
    members, counts); ``progress(done, total, path)`` is told of each file as it is read."""
    from ccq_stats.reading.sandbox import start_reader

    start_reader()  # the reader process imports its libraries while this one imports its own
    from ccq_stats.classify import classify_records
    from ccq_stats.reading.paths import read_paths
    from ccq_stats.records import leave_out_departed, reconcile

    scales = load_scales(scales_file)
    reading = read_paths(list(paths), scales, year=year, shape=kind, progress=progress)
    classified = classify_records(reading.records, scales, reading.notes)
    reading.records = reconcile(leave_out_departed(classified, reading.notes), reading.notes)
    return reading


def load_records(paths: list[str], *, year: int | None = None, kind: str | None = None, scales_file: Path | None = None,
                 progress=None):
    """The classified tidy table of the files (see ``read_records``); every note is logged as a
    warning on the "ccq_stats" logger."""
    reading = read_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress)
    for message in reading.notes.warnings:
        log.warning("%s", message)
    return reading.records


def _checked(paths, *, quota_base, year=None, kind=None, scales_file=None, progress=None):
    """(records, findings): the findings made while reading, then every rule's; the other notes
    are logged as warnings."""
    from ccq_stats.rules import check_records, sort_findings

    reading = read_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress)
    found = reading.notes.findings
    findings = sort_findings(found + check_records(reading.records, quota_base, load_scales(scales_file), reading.notes))
    for message in reading.notes.plain_warnings:
        log.warning("%s", message)
    return reading.records, findings


def classify_paths(
    paths: list[str],
    *,
    year: int | None = None,
    kind: str | None = None,
    by: str = "year",
    base: str = "rated",
    scales_file: Path | None = None,
    progress=None,
):
    """The figures of ``ccq-stats classify``: year, subject, [unit,] category, label, count, share."""
    from ccq_stats.stats import category_counts

    records = load_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress)
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
):
    """The findings of ``ccq-stats check``: checks made while reading, then every rule.
    A finding about a member carries the member's name only with ``names=True``."""
    _, findings = _checked(paths, quota_base=quota_base, year=year, kind=kind, scales_file=scales_file, progress=progress)
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
) -> dict:
    """The report data of ``ccq-stats report`` (see report.report_context and docs/templates.md)."""
    from ccq_stats.errors import InputError
    from ccq_stats.report import report_context
    from ccq_stats.stats import parse_span, term_years

    if (term is None) == (year is None):
        raise InputError("give either --term START-END or --year YEAR", hint="e.g. --term 2015-2020")
    span = parse_span(term) if term else None
    covered = term_years(term, years) if term else [year]
    records, findings = _checked(paths, quota_base=quota_base, scales_file=scales_file, progress=progress)
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
