"""The Python API behind the commands: each CLI command is a thin shell over one function here.

A command's function takes a ``Source`` (files, or a store as of a moment) and, when it reads
files, one ``ReadOptions`` (the options every reading command shares):

>>> from ccq_stats.api import ReadOptions, Source, classify
>>> figures = classify(Source.files(["sample_data"]), ReadOptions(year=2019))   # doctest: +SKIP
>>> figures = classify(Source.store("ccq.sqlite"))                              # doctest: +SKIP

The names of the earlier API (``classify_paths``, ``classify_store``, ``check_paths`` …) stay,
as thin aliases over these (``api/earlier.py``). The other commands' functions live beside this
module and import from here as well: ``imports`` (import, --revert), ``store_views`` (history,
the monthly summary), ``orgs`` (lineage, roster), ``collecting`` (blank), ``outputs`` (the
writers a command chooses from); ``__getattr__`` below gives each by its name here.
"""

from __future__ import annotations

import logging
from pathlib import Path

# the source and the reading options every command takes, part of this API
from ccq_stats.api.source import (  # noqa: F401
    ReadOptions,
    Source,
    default_store,
    inputs_of,
    refuse_overwriting_inputs,
    report_source,
    source_of,
    with_subfolders,
)
from ccq_stats.i18n import gettext as _
from ccq_stats.vocabulary.scales import (  # noqa: F401 - the values of the command line's options
    DEFAULT_ORG,
    FIRST_YEAR,
    GROUP_BY,
    LAST_YEAR,
    QUOTA_BASES,
    SHAPES,
    SHARE_BASES,
    TERM_MEANS,
    load_scales,
)

log = logging.getLogger("ccq_stats")


def tell_notes(notes) -> None:
    """Log each note as a warning for people, the note itself riding along (``extra``) for
    whoever wants it as data (the CLI's --warnings file)."""
    for note in notes:
        log.warning("%s", note.line, extra={"note": note})


def mapping_of(scales, header_row: int | None = None, columns=None):
    """The header mapping of a run: the [mapping] of the scales file, with ``--header-row N`` and
    ``--column ROLE=HEADER`` (a list of such texts, or a {role: header} dict) on top."""
    from ccq_stats.vocabulary.scales import parse_mapping

    return scales.mapping.merged(parse_mapping(header_row, columns or []))


def read_records(
    paths: list[str],
    *,
    year: int | None = None,
    kind: str | None = None,
    scales_file: Path | None = None,
    progress=None,
    header_row: int | None = None,
    columns=None,
):
    """Read, classify and reconcile the files: a ``Reading`` whose ``records`` are the classified
    tidy table (see ``records.py``) and whose ``notes`` are the warnings and the findings made
    while reading (see ``findings.py``). The options are ``ReadOptions``'."""
    return read_with(
        paths,
        ReadOptions(
            year=year, kind=kind, scales_file=scales_file, header_row=header_row, columns=columns, progress=progress
        ),
    )


def read_with(paths, options: ReadOptions):
    """``read_records`` with the options as one object."""
    from ccq_stats.reading.sandbox import start_reader

    start_reader()  # the reader process imports its libraries while this one imports its own
    from ccq_stats.figures.classify import classify_records
    from ccq_stats.figures.records import leave_out_departed, reconcile, without_score
    from ccq_stats.reading.paths import read_paths

    scales = load_scales(options.scales_file)
    reading = read_paths(
        list(paths),
        scales,
        year=options.year,
        shape=options.kind,
        progress=options.progress,
        mapping=mapping_of(scales, options.header_row, options.columns),
    )
    classified = classify_records(reading.records, scales, reading.notes)
    reading.records = reconcile(leave_out_departed(classified, reading.notes), reading.notes)
    without_score(reading.records, reading.notes)
    return reading


def load_records(
    paths: list[str],
    *,
    year: int | None = None,
    kind: str | None = None,
    scales_file: Path | None = None,
    progress=None,
    header_row: int | None = None,
    columns=None,
):
    """The classified tidy table of the files (see ``read_records``); every note is logged as a
    warning on the "ccq_stats" logger."""
    return _load(
        paths,
        ReadOptions(
            year=year, kind=kind, scales_file=scales_file, header_row=header_row, columns=columns, progress=progress
        ),
    )


def _load(paths, options: ReadOptions):
    reading = read_with(paths, options)
    tell_notes(reading.notes.items)
    return reading.records


def _checked(paths, options: ReadOptions, quota_base: str):
    """(records, findings): the findings made while reading, then every rule's; the other notes
    are logged as warnings."""
    from ccq_stats.figures.rules import check_records, ruled, sort_findings

    reading = read_with(paths, options)
    scales = load_scales(options.scales_file)
    found = ruled(reading.notes.findings, scales)  # the reader's checks, as the rule table says
    findings = sort_findings(found + check_records(reading.records, quota_base, scales, reading.notes))
    tell_notes(reading.notes.plain)
    return reading.records, findings


def _checked_source(source: Source, options: ReadOptions, quota_base: str):
    """(records, findings, the store state read or None, the store's lineage or None) of either source."""
    if source.is_store:
        records, findings, snapshot = checked_store(source.db, quota_base, options.scales_file, source.as_of)
        return records, findings, snapshot["store"], snapshot.get("lineage", [])
    records, findings = _checked(source.paths, options, quota_base)
    return records, findings, None, None


def _records_of(source: Source, options: ReadOptions):
    """(records, the store state read or None) of either source."""
    if source.is_store:
        snapshot = store_snapshot(source.db, as_of=source.as_of)
        return snapshot["records"], snapshot["store"]
    return _load(source.paths, options), None


def within_years(figures, years: str | None):
    """The figures (``classify``'s frame) or findings (``check``'s list) of the rating years
    ``years`` names ("2016-2019", "2019"); all of them when it is None. Findings that belong to
    no year (a totals row) are kept."""
    if years is None:
        return figures
    from ccq_stats.figures.stats import parse_years

    first, last = parse_years(years)
    if isinstance(figures, list):
        return [f for f in figures if f.year is None or first <= f.year <= last]
    return figures[figures["year"].between(first, last)].reset_index(drop=True)


def classify(
    source: Source,
    options: ReadOptions | None = None,
    *,
    by: str = "year",
    base: str = "rated",
    years: str | None = None,
    with_state: bool = False,
):
    """The figures of ``ccq-stats classify``: year, subject, [unit,] category, label, count, share –
    of the files or of the store (as of ``source.as_of``), of the rating ``years`` named (all
    when None). ``with_state``: (figures, the store state read, None for files)."""
    from ccq_stats.figures.stats import category_counts, with_scores

    options = options or ReadOptions()
    records, state = _records_of(source, options)
    scales = load_scales(options.scales_file)
    figures = within_years(
        with_scores(category_counts(records, scales, by=by, base=base), records, scales, by=by), years
    )
    return (figures, state) if with_state else figures


def check(
    source: Source,
    options: ReadOptions | None = None,
    *,
    quota_base: str = "good",
    names: bool = False,
    years: str | None = None,
    with_state: bool = False,
):
    """The findings of ``ccq-stats check``: checks made while reading, then every rule – of the
    files or of the store. A finding about a member carries the member's name only with
    ``names=True`` (files only: the store keeps no names). ``with_state`` as ``classify``."""
    from ccq_stats.errors import InputError

    options = options or ReadOptions()
    if source.is_store and names:
        raise InputError(
            _("the store keeps no members' names, so --names needs the files"),
            hint=_("run check --names on the files themselves"),
        )
    _records, findings, state, _lineage = _checked_source(source, options, quota_base)
    if not names:
        for finding in findings:
            finding.member = ""
    findings = within_years(findings, years)
    return (findings, state) if with_state else findings


def report(
    source: Source,
    options: ReadOptions | None = None,
    *,
    term: str | None = None,
    year: int | None = None,
    years: str | None = None,
    mean: str = "shares",
    org: str | None = None,
    quota_base: str = "good",
    today=None,
    issuer: dict | None = None,
    month: str | None = None,
    orgs_file: str | None = None,
) -> dict:
    """The report data of ``ccq-stats report`` (see report.report_context and docs/templates.md),
    from the files or the store: a ``term`` (its rating years, or ``years``) or one ``year``;
    with ``month`` (YYYY-MM, last, this) the monthly summary of the store instead (see
    ``month_report``). ``issuer``: who issues the report (write.settings.Issuer.record())
    [default: ccq-stats.toml in the working folder, if there is one, else the defaults].
    ``context["store"]`` names the store state read (None: files). ``orgs_file``: a lineage file
    (see ``orgs_import``) the per-organisation tables follow when the report reads files (the
    store follows its own lineage)."""
    from ccq_stats.errors import InputError

    options = options or ReadOptions()
    if orgs_file is not None and source.is_store:
        raise InputError(
            _("--orgs is for reading files; the store follows its own lineage"),
            value=orgs_file,
            hint=_("record it in the store: ccq-stats orgs import FILE"),
        )
    if month is not None:
        from ccq_stats.api.store_views import month_report

        return month_report(
            source.db,
            month=month,
            org=org or DEFAULT_ORG,
            quota_base=quota_base,
            scales_file=options.scales_file,
            today=today,
            as_of=source.as_of,
            issuer=issuer,
        )
    covered = _report_years(term, year, years)
    from_file = read_lineage(orgs_file) if orgs_file else []
    records, findings, state, lineage = _checked_source(source, options, quota_base)
    return _report(
        records,
        findings,
        covered,
        "store" if source.is_store else "files",
        term=term,
        mean=mean,
        org=org,
        today=today,
        quota_base=quota_base,
        scales_file=options.scales_file,
        issuer=issuer,
        store=state,
        lineage=from_file if lineage is None else lineage,
    )


def _report_years(term: str | None, year: int | None, years: str | None) -> list[int]:
    """The rating years a report covers: a term's (or ``years``), or the one year."""
    from ccq_stats.errors import InputError
    from ccq_stats.figures.stats import term_years

    if (term is None) == (year is None):
        raise InputError(_("give either --term START-END or --year YEAR"), hint=_("e.g. --term 2015-2020"))
    return term_years(term, years) if term else [year]


def _report(
    records,
    findings,
    covered: list[int],
    source: str,
    *,
    term,
    mean,
    org,
    today,
    quota_base,
    scales_file,
    issuer: dict | None = None,
    store: dict | None = None,
    lineage: list | None = None,
) -> dict:
    """The report context of ``covered`` years from the checked records (``source``: "files" or "store")."""
    from ccq_stats.documents.report import report_context
    from ccq_stats.errors import InputError
    from ccq_stats.figures.stats import parse_span

    for finding in findings:
        finding.member = ""  # reports are aggregates: never a member's name
    present = set(records["year"].unique().tolist())
    missing = [y for y in covered if y not in present]
    if len(missing) == len(covered):
        listed = ", ".join(map(str, covered))
        if source == "store":
            raise InputError(
                _("no ratings for {years} in the store").format(years=listed),
                hint=_("import those years, or check --years"),
            )
        raise InputError(
            _("no ratings for {years} in the files given").format(years=listed),
            hint=_("check the files, or the years with --years"),
        )
    if missing:
        log.warning(
            "%s",
            _("no ratings for {years}; the report covers the other years").format(years=", ".join(map(str, missing))),
        )
    if not (records["subject"] == "units").any():  # member counts only: say so, the report leaves the organisations out
        log.warning(
            "%s", _("no ratings of grassroots organisations were read: the report gives the members' figures only")
        )
    context = report_context(
        records,
        findings,
        load_scales(scales_file),
        years=[y for y in covered if y not in missing],
        kind="term" if term else "year",
        term=parse_span(term) if term else None,
        mean=mean,
        org=org,
        today=today,
        quota_base=quota_base,
        issuer=issuer if issuer is not None else default_issuer(),
        lineage=lineage,
    )
    tell_drift(context["lineage"]["drift"])
    context["store"] = store  # the store state it was built from (None: files), named in the document
    return context


def default_issuer() -> dict:
    from ccq_stats.write import load_issuer

    return load_issuer().record()


def inspect(source: Source, options: ReadOptions | None = None, *, names: bool = False, rows: int = 5) -> list[dict]:
    """What the reader understood of every sheet (``ccq-stats inspect``): a dict per file and
    sheet with its size, header rows, each column's role and the words that decided it, the
    rating year and where it came from, the kinds read, the rows skipped and why, and the first
    ``rows`` data rows as read (member names masked unless ``names``). See reading/inspect.py.
    The reading notes are logged as warnings; a sheet that cannot be read is listed with its
    error. Files only: the store keeps records, not sheets."""
    from ccq_stats.reading.inspect import inspect_paths as inspect_sheets

    options = options or ReadOptions()
    scales = load_scales(options.scales_file)
    sheets, notes = inspect_sheets(
        list(source.paths),
        scales,
        year=options.year,
        shape=options.kind,
        mapping=mapping_of(scales, options.header_row, options.columns),
        names=names,
        rows=rows,
    )
    tell_notes(notes.items)
    return sheets


def store_records(db: str | None = None, *, as_of: str | None = None):
    """(records, findings) from the store: the tidy table with the columns of ``load_records``
    (members' names empty: the store keeps none) and the findings made while reading the files,
    reconciled as the files are (``records.reconcile``) – as the store stood after the import
    ``as_of`` names (an import number, or a date: the end of that day), else now."""
    snapshot = store_snapshot(db, as_of=as_of)
    return snapshot["records"], snapshot["findings"]


def store_snapshot(db: str | None = None, *, as_of: str | None = None, ratings_needed: bool = True) -> dict:
    """The whole store as of one moment (after the import ``as_of`` names, else now):
    ``records`` and ``findings`` as ``store_records`` gives them, ``imports`` (the import log
    up to then), ``rosters`` (the rosters given) and ``store`` ({"import", "at", "asked"}:
    the state read, which a document names). A store with no ratings is an error unless
    ``ratings_needed`` is false (``blank`` works from a roster alone: the year's first import)."""
    from ccq_stats.figures.findings import Notes
    from ccq_stats.figures.records import reconcile
    from ccq_stats.store import Store, locate

    with Store.open(locate(db)) as store:
        snapshot = store.load(as_of)
    state = snapshot.pop("state")
    snapshot["store"] = {"import": state.import_id, "at": state.at, "asked": state.asked}
    if snapshot["records"].empty and not ratings_needed:
        return snapshot
    if snapshot["records"].empty:
        from ccq_stats.errors import InputError
        from ccq_stats.store.backends import shown

        raise InputError(
            _("the store holds no ratings yet"),
            file=shown(locate(db)),
            hint=_("import some files: ccq-stats import PATH"),
        )
    from ccq_stats.figures.records import without_control_characters

    notes = Notes()
    snapshot["records"] = reconcile(without_control_characters(snapshot["records"], notes), notes)
    tell_notes(notes.plain)
    snapshot["findings"] = snapshot["findings"] + notes.findings
    return snapshot


def checked_store(db: str | None, quota_base: str, scales_file: Path | None, as_of: str | None = None):
    """(records, findings, snapshot) of the store: the findings stored with the files, then every rule's."""
    from ccq_stats.figures.findings import Notes
    from ccq_stats.figures.rules import check_records, ruled, sort_findings

    snapshot = store_snapshot(db, as_of=as_of)
    notes = Notes()
    scales = load_scales(scales_file)
    # the findings kept with the files, as this run's rule table says (not the import's)
    found = ruled(snapshot["findings"], scales)
    findings = sort_findings(found + check_records(snapshot["records"], quota_base, scales, notes))
    tell_notes(notes.items)
    return snapshot["records"], findings, snapshot


def read_lineage(path: str) -> list:
    """The changes a lineage file records (``lineage.Change``; see store/lineage.py for the file)."""
    from ccq_stats.store.lineage import read_changes

    return read_changes(str(path))


def tell_drift(found: list[dict]) -> None:
    """Each name drift as a warning: the two names, the signal, the lineage row that would join them."""
    for d in found:
        (a, b), (ya, yb) = d["names"], d["years"]
        signal = (
            _("only case, spaces or punctuation differ")
            if d["signal"] == "spelling"
            else _("only place words at the end differ")
        )
        line = _("'{a}' ({ya}) and '{b}' ({yb}) may be one organisation ({signal}); not joined").format(
            a=a, b=b, ya=_span(ya), yb=_span(yb), signal=signal
        )
        if d["suggestion"] is not None:
            line += "; " + _("if they are, add to the lineage file: {row}").format(row=d["suggestion"].file_row())
        log.warning("%s", line)


def _span(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


# -- documents: the statistics forms, templates -------------------------------------------------


def forms(source: Source, options: ReadOptions | None = None, *, year: int) -> dict:
    """The figures of ``ccq-stats forms``: the two statistics forms of ``year`` in the layout of
    its regime (see form_figures.form_figures), from the files or the store (as of
    ``source.as_of``; ``figures["store"]`` names the state read, None for files)."""
    from ccq_stats.documents.form_figures import form_figures
    from ccq_stats.errors import InputError

    options = options or ReadOptions()
    if source.is_store:
        records, state = _records_of(source, options)
    else:  # the forms read every sheet as it says: no --year or --kind of the reader's
        records, state = (
            _load(source.paths, ReadOptions(scales_file=options.scales_file, progress=options.progress)),
            None,
        )
    if not (records["year"] == year).any():
        present = ", ".join(map(str, sorted(set(records["year"].tolist())))) or _("none")
        if source.is_store:
            raise InputError(
                _("no ratings for {years} in the store").format(years=year),
                hint=_("the store holds {years}").format(years=present),
            )
        raise InputError(
            _("no ratings for {years} in the files given").format(years=year),
            hint=_("the files hold the years {years}").format(years=present),
        )
    figures = form_figures(records, year)
    for line in figures["warnings"]:  # which rows stay empty and why, which host types have no column
        log.warning("%s", line)
    if source.is_store:
        figures["store"] = state
    return figures


_ELSEWHERE = {
    "history": "ccq_stats.api.store_views",
    "changes_since": "ccq_stats.api.store_views",
    "template_names": "ccq_stats.api.outputs",
    "copy_template": "ccq_stats.api.outputs",
    "blank_workbooks": "ccq_stats.api.collecting",
    "orgs_import": "ccq_stats.api.orgs",
    "orgs_revert": "ccq_stats.api.orgs",
    "orgs_list": "ccq_stats.api.orgs",
    "orgs_check": "ccq_stats.api.orgs",
    "roster_import": "ccq_stats.api.orgs",
    "import_ratings": "ccq_stats.api.imports",
    "import_paths": "ccq_stats.api.imports",
    "import_revert": "ccq_stats.api.imports",
    "month_report": "ccq_stats.api.store_views",
    **{
        name: "ccq_stats.api.earlier"
        for name in (
            "classify_paths",
            "check_paths",
            "report_paths",
            "inspect_paths",
            "classify_store",
            "check_store",
            "report_store",
            "forms_store",
            "forms_paths",
        )
    },
}


def __getattr__(name: str):
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(_ELSEWHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
