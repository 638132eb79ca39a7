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
    issuer: dict | None = None,
) -> dict:
    """The report data of ``ccq-stats report`` (see report.report_context and docs/templates.md).
    ``issuer``: who issues the report (write.settings.Issuer.record()) [default: ccq-stats.toml
    in the working folder, if there is one, else the defaults]."""
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
                          kind="term" if term else "year", term=span, mean=mean, org=org, today=today, quota_base=quota_base,
                          issuer=issuer if issuer is not None else _default_issuer())


def _default_issuer() -> dict:
    from ccq_stats.write.settings import load_issuer

    return load_issuer().record()


def forms_paths(paths: list[str], *, year: int, scales_file: Path | None = None, progress=None) -> dict:
    """The figures of ``ccq-stats forms``: the two statistics forms of ``year`` in the layout of
    its regime (see form_figures.form_figures)."""
    from ccq_stats.errors import InputError
    from ccq_stats.form_figures import form_figures

    records = load_records(paths, scales_file=scales_file, progress=progress)
    if not (records["year"] == year).any():
        present = ", ".join(map(str, sorted(set(records["year"].tolist())))) or "none"
        raise InputError(f"no ratings for {year} in the files given", hint=f"the files hold the years {present}")
    return form_figures(records, year)


def template_names() -> list[str]:
    """The built-in report templates (``ccq-stats templates list``)."""
    from ccq_stats.render import builtin_templates

    return builtin_templates()


def copy_template(name: str, dest: Path | None = None) -> Path:
    """Copy a built-in template to start one's own (``ccq-stats templates copy``): to ``dest``
    (a file, or a folder to copy into; default: the working folder). Never overwrites a file;
    returns the new file."""
    from ccq_stats.errors import InputError
    from ccq_stats.render import TEMPLATES, builtin_templates
    from ccq_stats.write import atomic_write

    chosen = name if name.endswith(".j2") else f"{name}.j2"
    if chosen not in builtin_templates():
        raise InputError("no such built-in template", value=name,
                         hint=f"one of {', '.join(builtin_templates())} (ccq-stats templates list)")
    target = Path(dest) if dest else Path(chosen)
    if target.is_dir():
        target = target / chosen
    if target.exists():
        raise InputError("the file exists already", file=str(target), hint="give another name, or delete the file first")
    try:
        atomic_write(target, (TEMPLATES / chosen).read_bytes())
    except OSError as exc:
        raise InputError(f"cannot write the template: {exc.strerror}", file=str(target),
                         hint="check the folder exists and is writable") from None
    return target
