"""The commands' results written in the format chosen, and what a command says of its run:
the one place the command line takes its writers from (the writers themselves are in
``write/``, the templates in ``render``). Part of the API layer.
"""

from __future__ import annotations

from pathlib import Path

from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import number


def figures_output(figures, fmt: str, *, bom: bool = False, excel: bool = False, color: bool = False, width: int = 160):
    """``classify``'s figures in ``fmt``: rich tables fitted to ``width`` for "table" (the
    command line renders them), the text of csv or json, the bytes of xlsx. ``excel``: CSV for
    Excel under Vietnamese regional settings; ``bom``: a BOM before CSV (never before JSON)."""
    from ccq_stats import write

    if fmt == "table":
        return write.fitted_tables(figures, color=color, width=width)
    if fmt == "xlsx":
        return write.figures_xlsx(figures)
    if excel:
        return write.excel_csv(figures)
    return write.render(figures, fmt, bom=bom and fmt == "csv")  # a BOM before JSON breaks JSON readers


def findings_output(
    findings, fmt: str, *, bom: bool = False, excel: bool = False, names: bool = False, color: bool = False
):
    """``check``'s findings in ``fmt``, as ``figures_output`` writes the figures."""
    from ccq_stats import write

    if fmt == "table":
        return write.findings_table(findings, color=color)
    if fmt == "xlsx":
        return write.findings_xlsx(findings, names=names)
    if excel:
        return write.findings_excel_csv(findings, names=names)
    if fmt == "csv":
        return ("\ufeff" if bom else "") + write.findings_csv(findings, names=names, excel=bom)
    return write.findings_json(findings, names=names)


def issuer(settings: Path | None = None, **overrides):
    """Who issues a document: the settings file (default: ccq-stats.toml in the working folder,
    if there is one) with the options given over it (see write/settings.py)."""
    from ccq_stats.write.settings import load_issuer

    return load_issuer(settings, overrides)


def document(context: dict, fmt: str, *, template: str | None = None, issuer=None) -> str | bytes:
    """A report's (``report``'s or ``month_report``'s context) document in ``fmt``: docx in the
    party's document form headed by ``issuer``, an xlsx workbook, or ``template`` (a built-in
    one by default) rendered as md, html or txt, naming the store state it was built from."""
    kind = context["report"]["kind"]  # term, year or month
    if fmt == "docx":
        from ccq_stats.write.document import month_docx, report_docx
        from ccq_stats.write.settings import rulebook

        return (month_docx if kind == "month" else report_docx)(context, issuer, rulebook(issuer.rulebook))
    if fmt == "xlsx":
        from ccq_stats.write import report_xlsx

        return report_xlsx(context)
    from ccq_stats.documents.render import render_report
    from ccq_stats.write.stamp import comment

    return comment(render_report(context, template or kind, fmt), context.get("store"), fmt)


def template_format(template: str | None) -> str | None:
    """The format a template file's name says ("bao_cao.html.j2": html); None for a built-in one."""
    from ccq_stats.documents.render import BUILTIN, format_of_template

    return format_of_template(template) if template and template not in BUILTIN else None


def month_name(month: str) -> str:
    """The month ``--month`` names (YYYY-MM, last, this) as YYYY-MM."""
    from ccq_stats.documents.month import parse_month

    return parse_month(month).strftime("%Y-%m")


def forms_workbook(figures: dict, issuer, day) -> bytes:
    """The statistics forms (``forms``' figures) as an xlsx workbook dated ``day``, headed by ``issuer``."""
    from ccq_stats.write.forms import forms_xlsx
    from ccq_stats.write.settings import rulebook

    return forms_xlsx(figures, issuer, rulebook(issuer.rulebook), day, figures.get("store"))


def inspect_output(sheets: list[dict], fmt: str) -> str:
    """What ``inspect`` found, as a table for people or as JSON."""
    from ccq_stats.write.inspect import inspect_json, inspect_table

    return inspect_json(sheets) if fmt == "json" else inspect_table(sheets)


def store_note(state: dict | None) -> str:
    """The line naming the store state an output was built from ("" for files)."""
    from ccq_stats.write.stamp import note

    return note(state)


def history_text(found: dict, year: int | None = None) -> str:
    """``history``'s page: the imports, each organisation's ratings by year, its corrections."""
    from ccq_stats.documents.render import text_table

    years = found["years"] if year is None else [year]
    noted = any(o["note"] for o in found["organisations"])  # the column only where the lineage says something
    ratings = {
        "header": ["Tổ chức", "Trực thuộc"] + [str(y) for y in years] + (["Ghi chú"] if noted else []),
        "rows": [
            [o["org"], o["parent"]] + [o["labels"].get(y, "") for y in years] + ([o["note"]] if noted else [])
            for o in found["organisations"]
        ],
    }
    from ccq_stats.vocabulary.terms import legend_for

    legend = legend_for(
        cell for row in ratings["rows"] for cell in row[2:]
    )  # the abbreviations of the cells, spelt out
    text = (
        "Các lần nhập\n"
        + text_table(_imports_table(found["imports"]))
        + "\n\nXếp loại theo năm\n"
        + text_table(ratings)
        + "\n"
        + (f"{legend}.\n" if legend else "")
    )
    if found["corrections"]:
        fixes = {
            "header": ["Tổ chức", "Trực thuộc", "Năm", "Các phiên bản (lần nhập, tệp)"],
            "rows": [
                [
                    c["org"],
                    c["parent"],
                    str(c["year"]),
                    " → ".join(f"{v['label']} ({v['import']}, {v['file']})" for v in c["versions"]),
                ]
                for c in found["corrections"]
            ],
        }
        text += "\nSửa đổi\n" + text_table(fixes) + "\n"
    return text


def changes_text(found: dict) -> str:
    """``history --changes``' page: the imports made since, then each rating before → after."""
    from ccq_stats.documents.render import text_table

    imports = _imports_table(found["imports"])
    rows = {
        "header": ["Năm", "Tổ chức", "Trực thuộc", "Trước", "Sau", "Lần nhập"],
        "rows": [
            [str(c["year"]), c["org"], c["parent"], c["before"], c["after"], str(c["import"])] for c in found["changes"]
        ],
    }
    return (
        f"Các lần nhập sau lần {found['since']['import']} ({found['since']['at'][:19].replace('T', ' ')})\n"
        + text_table(imports)
        + "\n\nThay đổi\n"
        + text_table(rows)
        + "\n"
    )


def _imports_table(imports: list[dict]) -> dict:
    from ccq_stats.documents.render import IMPORT_COLUMNS
    from ccq_stats.numbers import local_time, so

    # the store keeps UTC; staff read their local time, shown with its offset so that it is never ambiguous
    return {
        # words in full and the glossary's (a record removed is "bị xóa"), counts with the thousands dot
        "header": ["Lần", "Thời gian", "Người nhập", "Tệp (SHA-256)", "Năm", "Bản ghi", *IMPORT_COLUMNS],
        "rows": [
            [
                str(i["id"]),
                local_time(i["at"]),
                f"{i['user_name']}@{i['host']}",
                "; ".join(f"{f['file']} ({f['sha256'][:12]})" for f in i["files"]),
                ", ".join(map(str, i["years"])),
                so(i["records"]),
                so(i["records_added"]),
                so(i["records_changed"]),
                so(i["records_removed"]),
            ]
            for i in imports
        ],
    }


def import_summary(result, db: str | None = None) -> list[str]:
    """What an import says, for people: one line per year, one per organisation changed."""
    from ccq_stats.store import locate
    from ccq_stats.store.backends import shown
    from ccq_stats.store.changes import TALLY  # the import's counts, in their order

    if result.command_kind == "revert_lineage":  # import --revert N of a lineage import: said as orgs import says it
        return orgs_summary(result, db)
    where = shown(locate(db))
    files = ", ".join(f"{f['file']} (sha256 {f['sha256'][:12]})" for f in result.files)
    if not result.changed:
        return [_("nothing changed: {store} already holds these ratings from {files}").format(store=where, files=files)]
    if result.dry_run and result.command_kind == "revert":
        lines = [_("would undo the import as a new import into {store}").format(store=where)]
    elif result.command_kind == "revert":
        lines = [_("undone by a new import (import {id}) into {store}").format(id=result.import_id, store=where)]
    elif result.dry_run:
        lines = [_("would import {files} into {store}").format(files=files, store=where)]
    else:
        lines = [_("imported (import {id}) {files} into {store}").format(id=result.import_id, files=files, store=where)]
    for year, t in result.summary["years"].items():
        lines.append(
            _(
                "{year}: organisations {orgs_added} added, {orgs_changed} changed, {orgs_unchanged} unchanged; "
                "records {records_added} added, {records_changed} changed, {records_removed} removed"
            ).format(  # counts with the user's thousands separator ("thêm 3.828"), the year as it is
                year=year,
                **{key: number(t[key]) for key in TALLY},
            )
        )
    for o in result.summary["orgs"]:
        if o["status"] == "changed":
            groups = ", ".join(f"{g} {a} → {b}" for g, (a, b) in o["groups"].items())
            name = o["org"] + (f" ({o['parent']})" if o["parent"] else "")
            lines.append(f"  {o['year']} {name} [{o['shape']}]: {groups}")
    return lines


def history_page(
    db: str | None = None,
    *,
    year: int | None = None,
    org: str | None = None,
    as_of: str | None = None,
    changes: bool = False,
    since: str | None = None,
) -> tuple[str, dict]:
    """``ccq-stats history``'s page and the store state it shows: the store's history (see
    ``api.history``), or with ``changes`` what changed after ``since`` (see ``api.changes_since``)."""
    from ccq_stats.api import store_views
    from ccq_stats.errors import InputError

    if changes or since is not None:
        if not (changes and since is not None):
            raise InputError(
                _("--changes and --since go together"), hint=_("e.g. ccq-stats history --changes --since 2020-01-15")
            )
        found = store_views.changes_since(db, since=since, as_of=as_of)
        return changes_text(found), found["store"]
    found = store_views.history(db, year=year, org=org, as_of=as_of)
    return history_text(found, year), found["store"]


# -- files a command writes: the output, the --warnings file -----------------------------------


def write_output(path: Path, data: bytes) -> None:
    """The output, atomically: the whole file or none (bad input when it cannot be written)."""
    from ccq_stats.errors import InputError
    from ccq_stats.write import atomic_write

    try:
        atomic_write(path, data)
    except OSError as exc:
        raise InputError(
            _("cannot write the output: {reason}").format(reason=exc.strerror),
            file=str(path),
            hint=_("check the folder exists and is writable"),
        ) from None


def warnings_file_form(path: Path, output: Path | None, paths: list[str], recursive: bool = False) -> str:
    """The form of the --warnings file ("csv" or "jsonl"), after checking that it can be written
    and replaces neither the output nor an input (``paths``, with their sub-folders when
    ``recursive``) – checked before anything is read."""
    from ccq_stats.errors import InputError
    from ccq_stats.reading.sources import expand_paths, is_one_of, with_subfolders
    from ccq_stats.write.warnings_file import WARNINGS_SUFFIXES

    paths = with_subfolders(paths) if recursive and paths else paths

    if str(path) == "-":
        raise InputError(
            _("--warnings cannot be standard output: the data goes there"),
            hint=_("give a file name, e.g. --warnings warnings.csv"),
        )
    form = WARNINGS_SUFFIXES.get(path.suffix.lower())
    if form is None:
        raise InputError(
            _("--warnings writes a .csv, .json or .jsonl file"),
            file=str(path),
            hint=_("end the name in .csv (a table) or .jsonl (one JSON object per line)"),
        )
    if path.is_dir() or not (path.parent if str(path.parent) else Path(".")).is_dir():
        raise InputError(
            _("the --warnings file cannot be written there (a folder, or in a folder that does not exist)"),
            file=str(path),
            hint=_("give a file name in an existing folder"),
        )
    if output is not None and (path.resolve() == output.resolve() or is_one_of(path, [str(output)])):
        raise InputError(
            _("--warnings and -o name the same file"), file=str(path), hint=_("give the warnings another file name")
        )
    if path.exists():
        try:
            inputs = expand_paths(paths)
        except InputError:  # a folder without spreadsheets: reading it will say so (and that error is kept)
            inputs = paths
        if is_one_of(path, inputs):
            raise InputError(
                _("the --warnings file is one of the inputs"),
                file=str(path),
                hint=_("write the warnings to another file"),
            )
    return form


def warning_row(level: str, where, message: str) -> dict:
    """One row of the --warnings file (see write/warnings_file.py)."""
    from ccq_stats.write.warnings_file import warning_row as row

    return row(level, where, message)


def write_warnings(path: Path, rows: list[dict], form: str) -> None:
    """The --warnings file, atomically."""
    from ccq_stats.errors import InputError
    from ccq_stats.write import atomic_write
    from ccq_stats.write.warnings_file import warnings_text

    try:
        atomic_write(path, warnings_text(rows, form).encode("utf-8"))
    except OSError as exc:
        raise InputError(
            _("cannot write the warnings file: {reason}").format(reason=exc.strerror),
            file=str(path),
            hint=_("check the folder exists and is writable"),
        ) from None


def rules_listed() -> str:
    """The rules of ``check`` as its --help lists them, read from rules.toml (not restated in
    the help text): each id with its name for people, the warnings said as such."""
    import tomllib

    from ccq_stats.vocabulary.scales import RULES

    rules = tomllib.loads(RULES.read_text(encoding="utf-8"))["rules"]
    return "; ".join(
        (_("{rule} ({name}; a warning)") if r["severity"] == "warning" else _("{rule} ({name})")).format(
            rule=r["id"], name=r["name"]
        )
        for r in rules
    )


# -- blank: the collection workbooks; orgs: the lineage of organisations ----------------------------


def write_workbooks(books: list, inputs: list[str], quiet: bool = False, year: int | None = None) -> None:
    """Write ``blank``'s workbooks [(path, bytes)], each atomically (its folder made), never over
    one of the ``inputs`` (the --from lists); then say on stderr what was written."""
    import sys

    from ccq_stats.api.source import Source, refuse_overwriting_inputs

    for path, data in books:
        if path.parent != Path("") and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        if inputs:
            refuse_overwriting_inputs(path, Source.files(list(inputs)))
        write_output(path, data)
    if not quiet:
        sys.stderr.write(
            _("ccq-stats: wrote {count} collection workbook(s) for {year}: {files}").format(
                count=len(books),
                year=year,
                files=", ".join(str(p) for p, _data in books[:3]) + (" …" if len(books) > 3 else ""),
            )
            + "\n"
        )


def orgs_summary(result, db: str | None = None) -> list[str]:
    """What ``orgs import`` says of its run, a line each (``db``: the store, shown without credentials)."""
    from ccq_stats.store import locate
    from ccq_stats.store.backends import shown

    where = shown(locate(db))
    files = ", ".join(f"{f['file']} (sha256 {f['sha256'][:12]})" for f in result.files)
    if not result.changed:
        return [_("nothing changed: {store} already holds this lineage").format(store=where)]
    if result.command_kind in ("revert", "revert_lineage"):
        lines = [
            (
                _("would undo the lineage import as a new import into {store}")
                if result.dry_run
                else _("the lineage import undone by a new import (import {id}) into {store}")
            ).format(id=result.import_id, store=where)
        ]
    elif result.dry_run:
        lines = [_("would record the lineage of {files} in {store}").format(files=files, store=where)]
    else:
        lines = [
            _("recorded (import {id}) the lineage of {files} in {store}").format(
                id=result.import_id, files=files, store=where
            )
        ]
    for year, t in result.summary["years"].items():
        lines.append(
            _("{year}: changes {added} added, {removed} replaced").format(
                year=year, added=t["records_added"], removed=t["records_removed"]
            )
        )
    return lines


def orgs_listed(changes: list, form: str) -> str:
    """``orgs list``: the changes as a table, csv or json."""
    rows = [c.record() for c in changes]
    columns = ["year", "day", "kind", "kind_name", "sources", "targets", "decision", "code", "note", "file", "row"]
    return _records_as(
        rows,
        columns,
        form,
        {"sources", "targets"},
        ["Năm", "Ngày", "Thay đổi", "Từ", "Thành", "Số quyết định", "Mã", "Ghi chú"],
        lambda r: [
            str(r["year"]),
            r["day"],
            r["kind_name"],
            "; ".join(r["sources"]),
            "; ".join(r["targets"]),
            r["decision"],
            r["code"],
            r["note"],
        ],
    )


def drift_listed(found: list[dict], form: str) -> str:
    """``orgs check``: the name drift as a table, csv or json, each with its suggested lineage row."""
    rows = [
        {
            "name": d["names"][0],
            "years": d["years"][0],
            "other_name": d["names"][1],
            "other_years": d["years"][1],
            "signal": d["signal"],
            "suggestion": d["suggestion"].file_row() if d["suggestion"] else "",
        }
        for d in found
    ]
    return _records_as(
        rows,
        ["name", "years", "other_name", "other_years", "signal", "suggestion"],
        form,
        {"years", "other_years"},
        ["Tên", "Năm", "Tên khác", "Năm", "Dấu hiệu", "Dòng đề nghị (tệp thay đổi)"],
        lambda r: [
            r["name"],
            ",".join(map(str, r["years"])),
            r["other_name"],
            ",".join(map(str, r["other_years"])),
            _("spelling") if r["signal"] == "spelling" else _("place words"),
            r["suggestion"],
        ],
    )


def _records_as(rows: list[dict], columns: list[str], form: str, lists: set, header: list[str], cells) -> str:
    """Rows as csv (lists joined by "; "), json (lists kept) or an aligned table (``header``, ``cells``)."""
    import csv
    import io
    import json

    if form == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["; ".join(map(str, r[c])) if c in lists else r[c] for c in columns])
        return out.getvalue()
    from ccq_stats.documents.render import text_table

    return text_table({"header": header, "rows": [cells(r) for r in rows]}) + "\n"


# -- the built-in templates: templates list, templates copy --------------------------------------


def template_names() -> list[str]:
    """The built-in report templates (``ccq-stats templates list``)."""
    from ccq_stats.documents.render import builtin_templates

    return builtin_templates()


def copy_template(name: str, dest: Path | None = None) -> Path:
    """Copy a built-in template to start one's own (``ccq-stats templates copy``); returns the new file."""
    from ccq_stats.documents.render import template_source
    from ccq_stats.errors import InputError
    from ccq_stats.write import atomic_write

    chosen, text = template_source(name)
    target = Path(dest) if dest else Path(chosen)
    if target.is_dir():
        target = target / chosen
    if target.exists():
        raise InputError(
            _("the file exists already"), file=str(target), hint=_("give another name, or delete the file first")
        )
    try:
        atomic_write(target, text)
    except OSError as exc:
        raise InputError(
            _("cannot write the template: {reason}").format(reason=exc.strerror),
            file=str(target),
            hint=_("check the folder exists and is writable"),
        ) from None
    return target
