"""The Python API behind the commands: each CLI command is a thin shell over one function here.

>>> from ccq_stats.api import classify_paths
>>> figures = classify_paths(["sample_data"])            # doctest: +SKIP
>>> figures.query("subject == 'units' and category == 'top'")   # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ccq_stats.scales import load_scales


def load_records(paths: list[str], *, year: int | None = None, kind: str | None = None, scales_file: Path | None = None,
                 progress=None):
    """Read, classify and reconcile the files: the classified tidy table (see ``records.py``).
    ``progress(done, total, path)`` is told of each file as it is read."""
    from ccq_stats.classify import classify_records
    from ccq_stats.records import reconcile
    from ccq_stats.sheets import read_paths

    scales = load_scales(scales_file)
    records = read_paths(list(paths), scales, year=year, kind=kind, progress=progress)
    return reconcile(classify_records(records, scales))


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
    from ccq_stats.findings import collecting
    from ccq_stats.rules import check_records, sort_findings

    with collecting() as found:
        records = load_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress)
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
) -> dict:
    """The report data of ``ccq-stats report`` (see report.report_context and docs/templates.md)."""
    from ccq_stats.errors import InputError
    from ccq_stats.findings import collecting
    from ccq_stats.report import report_context
    from ccq_stats.rules import check_records, sort_findings
    from ccq_stats.stats import parse_span, term_years

    if (term is None) == (year is None):
        raise InputError("give either --term START-END or --year YEAR", hint="e.g. --term 2015-2020")
    span = parse_span(term) if term else None
    covered = term_years(term, years) if term else [year]
    with collecting() as found:
        records = load_records(paths, scales_file=scales_file, progress=progress)
    findings = sort_findings(found + check_records(records, quota_base))
    for finding in findings:
        finding.member = ""  # reports are aggregates: never a member's name
    present = set(records["year"].unique().tolist())
    missing = [y for y in covered if y not in present]
    if len(missing) == len(covered):
        raise InputError(f"no ratings for {', '.join(map(str, covered))} in the files given",
                         hint="check the files, or the years with --years")
    if missing:
        import logging

        logging.getLogger("ccq_stats").warning("no ratings for %s; the report covers the other years", ", ".join(map(str, missing)))
    return report_context(records, findings, load_scales(scales_file), years=[y for y in covered if y not in missing],
                          kind="term" if term else "year", term=span, mean=mean, org=org, today=today, quota_base=quota_base)


# -- the store (ccq_stats/store): import, the commands read from it, history, roster, month ------

def import_paths(
    paths: list[str],
    *,
    db: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    scales_file: Path | None = None,
    dry_run: bool = False,
    progress=None,
    command: str = "import",
):
    """``ccq-stats import``: read and classify the files exactly like ``load_records`` (same
    errors and warnings), then replace in the store, per year, the records of the organisations
    they contain – in one transaction. Returns a ``store.ImportResult`` (what changed; nothing
    is written when nothing changed or with ``dry_run``)."""
    import hashlib
    import logging

    from ccq_stats.errors import InputError
    from ccq_stats.findings import collecting
    from ccq_stats.store import Store, exists, locate

    if "-" in paths:
        raise InputError("import reads files, not standard input", value="-",
                         hint="save the CSV to a file first, so that the store can name it and its SHA-256")
    with collecting() as found:
        records = load_records(paths, year=year, kind=kind, scales_file=scales_file, progress=progress)
    for finding in found:  # said as classify says them: a warning on stderr
        logging.getLogger("ccq_stats").warning("%s: %s", finding.where or finding.org, finding.message)
    files = []
    for name in dict.fromkeys(records["source_file"].tolist()):
        data = Path(name).read_bytes()
        files.append({"file": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    location = locate(db)
    if dry_run and not exists(location):
        location = ":memory:"  # what an empty store would make of it, without creating one
    with Store.open(location, create=True) as store:
        return store.import_records(records, found, files, command=command, dry_run=dry_run)


def store_records(db: str | None = None):
    """(records, findings) from the store: the tidy table with the columns of ``load_records``
    (members' names empty: the store keeps none) and the findings made while reading the files,
    reconciled as the files are (``records.reconcile``)."""
    snapshot = store_snapshot(db)
    return snapshot["records"], snapshot["findings"]


def store_snapshot(db: str | None = None) -> dict:
    """The whole store as of one moment: ``records`` and ``findings`` as ``store_records``
    gives them, ``imports`` (the import log) and ``rosters`` (the rosters given)."""
    from ccq_stats.findings import collecting
    from ccq_stats.records import reconcile
    from ccq_stats.store import Store, locate

    with Store.open(locate(db)) as store:
        snapshot = store.load()
    if snapshot["records"].empty:
        from ccq_stats.errors import InputError

        raise InputError("the store holds no ratings yet", file=locate(db), hint="import some files: ccq-stats import PATH")
    with collecting() as reconciled:
        snapshot["records"] = reconcile(snapshot["records"])
    snapshot["findings"] = snapshot["findings"] + reconciled
    return snapshot


def classify_store(db: str | None = None, *, by: str = "year", base: str = "rated", scales_file: Path | None = None):
    """``ccq-stats classify`` from the store: the same figures as ``classify_paths`` on the files."""
    from ccq_stats.stats import category_counts

    records, _ = store_records(db)
    return category_counts(records, load_scales(scales_file), by=by, base=base)


def check_store(db: str | None = None, *, quota_base: str = "good"):
    """``ccq-stats check`` from the store: the findings ``check_paths`` gives on the files
    (without members' names, which the store does not keep)."""
    from ccq_stats.rules import check_records, sort_findings

    records, found = store_records(db)
    return sort_findings(found + check_records(records, quota_base))


def report_store(
    db: str | None = None,
    *,
    term: str | None = None,
    year: int | None = None,
    years: str | None = None,
    mean: str = "shares",
    org: str = "Đảng bộ Khối các cơ quan tỉnh",
    quota_base: str = "good",
    scales_file: Path | None = None,
    today=None,
) -> dict:
    """``ccq-stats report`` from the store: the context ``report_paths`` gives on the files."""
    from ccq_stats.errors import InputError
    from ccq_stats.report import report_context
    from ccq_stats.rules import check_records, sort_findings
    from ccq_stats.stats import parse_span, term_years

    if (term is None) == (year is None):
        raise InputError("give either --term START-END or --year YEAR", hint="e.g. --term 2015-2020")
    span = parse_span(term) if term else None
    covered = term_years(term, years) if term else [year]
    records, found = store_records(db)
    findings = sort_findings(found + check_records(records, quota_base))
    present = set(records["year"].unique().tolist())
    missing = [y for y in covered if y not in present]
    if len(missing) == len(covered):
        raise InputError(f"no ratings for {', '.join(map(str, covered))} in the store", hint="import those years, or check --years")
    if missing:
        import logging

        logging.getLogger("ccq_stats").warning("no ratings for %s; the report covers the other years", ", ".join(map(str, missing)))
    return report_context(records, findings, load_scales(scales_file), years=[y for y in covered if y not in missing],
                          kind="term" if term else "year", term=span, mean=mean, org=org, today=today, quota_base=quota_base)


def history(db: str | None = None, *, year: int | None = None, org: str | None = None) -> dict:
    """``ccq-stats history``: the import log (what, when, who, which files, counts) and each
    organisation's ratings by year – for ``year`` and ``org`` (a name, folded) when given."""
    from ccq_stats.store.history import history_of

    snapshot = store_snapshot(db)
    return history_of(snapshot["records"], snapshot["imports"], load_scales(None), year=year, org=org)


def roster_import(path: str, *, db: str | None = None, year: int | None = None) -> dict:
    """``ccq-stats roster import``: the organisations expected to report each year, from a CSV
    or workbook with an organisation column (and a year column, or ``year``)."""
    from ccq_stats.store import Store, locate
    from ccq_stats.store.roster import read_roster

    rosters = read_roster(path, year)
    with Store.open(locate(db), create=True) as store:
        for y, orgs in rosters.items():
            store.set_roster(y, orgs, source=str(path))
    return {y: len(orgs) for y, orgs in rosters.items()}


def month_report(
    db: str | None = None,
    *,
    month: str,
    org: str = "Đảng bộ Khối các cơ quan tỉnh",
    quota_base: str = "good",
    scales_file: Path | None = None,
    today=None,
) -> dict:
    """``ccq-stats report --month YYYY-MM``: what the monthly summary template receives (see
    ``month.month_context`` and docs/templates.md)."""
    from ccq_stats.month import month_context, parse_month
    from ccq_stats.rules import check_records, sort_findings

    first = parse_month(month)
    snapshot = store_snapshot(db)
    records = snapshot["records"]
    findings = sort_findings(snapshot["findings"] + check_records(records, quota_base))
    return month_context(records, findings, snapshot["imports"], snapshot["rosters"], load_scales(scales_file), month=first,
                         org=org, today=today)
