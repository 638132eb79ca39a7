"""The commands of the store: import, history, roster."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from ccq_stats.cli.app import app
from ccq_stats.cli.logs import be_quiet
from ccq_stats.cli.options import (
    AsOfOpt,
    ColumnOpt,
    DbOpt,
    HeaderRowOpt,
    ImportPathsArg,
    KindOpt,
    QuietOpt,
    RecursiveOpt,
    ScalesOpt,
    WarningsOpt,
    YearOpt,
)
from ccq_stats.cli.output import emit
from ccq_stats.cli.preamble import bad_input_exits_2, progress_bar, read_where, say_store_state, value_of
from ccq_stats.cli.warnings_file import keeps_warnings
from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.i18n import ngettext

# -- the store: import, history, roster ----------------------------------------------------

@app.command("import", help=_(
    "Store the ratings of the files: read and classify them exactly like classify, then replace, per year, the stored records of the organisations they contain (one transaction).\n\n"
    "Importing the same files again changes nothing. A corrected file replaces its organisations' records of that year and the changes are listed on stderr (added, changed, removed); the replaced records are kept as earlier versions (--as-of, history). A failed or killed import leaves the store as it was.\n\n"
    "Examples:\n\n"
    "  ccq-stats import sample_data/dang_vien_2018.csv\n\n"
    "  ccq-stats import to_chuc_2019.xlsx --db /srv/ccq/ccq.sqlite --dry-run\n\n"
    "  ccq-stats import so_lieu/ --db postgresql://ccq@db.local/ccq\n\n"
    "  ccq-stats import --revert 7 --dry-run"
))
@bad_input_exits_2
@keeps_warnings()
def import_(
    paths: ImportPathsArg = None,
    year: YearOpt = None,
    kind: KindOpt = None,
    db: DbOpt = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=_("Read, classify and say what would change; write nothing."))] = False,
    revert: Annotated[Optional[int], typer.Option("--revert", metavar="IMPORT", min=1, help=_("Undo that import by a new one: what it replaced comes back, what it added is closed (refused when a later import changed the same records)."))] = None,
    scales: ScalesOpt = None,
    quiet: QuietOpt = False,
    header_row: HeaderRowOpt = None,
    column: ColumnOpt = None,
    recursive: RecursiveOpt = False,
    warnings: WarningsOpt = None,
) -> None:
    """Store the ratings of the files in the store (replacing, per year, their organisations' records)."""
    from ccq_stats.api import import_paths
    from ccq_stats.store import locate
    from ccq_stats.store.backends import shown

    be_quiet(quiet)
    if revert is not None:
        from ccq_stats.api import import_revert

        if paths:
            raise InputError(_("--revert undoes an import: give no PATH with it"), value=str(revert), hint=_("e.g. ccq-stats import --revert 7"))
        result = import_revert(revert, db=db, dry_run=dry_run, command=f"import --revert {revert}")
        if not quiet:
            sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in _import_lines(result, shown(locate(db)))))
        return
    if not paths:
        raise InputError(_("give the files to import"), hint=_("e.g. ccq-stats import sample_data/"))
    paths = read_where(paths, recursive)
    with progress_bar() as progress:
        result = import_paths(paths, db=db, year=year, kind=value_of(kind), scales_file=scales, dry_run=dry_run, progress=progress,
                              command="import " + " ".join(paths), header_row=header_row, columns=column)
    if not quiet:
        sys.stderr.write("".join(f"ccq-stats: {line}\n" for line in _import_lines(result, shown(locate(db)))))


def _import_lines(result, where: str) -> list[str]:
    """What an import says: one line per year, one per organisation changed."""
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
        lines.append(_("{year}: organisations {orgs_added} added, {orgs_changed} changed, {orgs_unchanged} unchanged; "
                       "records {records_added} added, {records_changed} changed, {records_removed} removed").format(
            year=year, orgs_added=t["orgs_added"], orgs_changed=t["orgs_changed"], orgs_unchanged=t["orgs_unchanged"],
            records_added=t["records_added"], records_changed=t["records_changed"], records_removed=t["records_removed"]))
    for o in result.summary["orgs"]:
        if o["status"] == "changed":
            groups = ", ".join(f"{g} {a} → {b}" for g, (a, b) in o["groups"].items())
            name = o["org"] + (f" ({o['parent']})" if o["parent"] else "")
            lines.append(f"  {o['year']} {name} [{o['shape']}]: {groups}")
    return lines


@app.command(help=_(
    "What the store holds: each import (when, who, which files, counts), then each organisation's ratings by year – the history staff look up before proposing awards.\n\n"
    "Examples:\n\n"
    "  ccq-stats history\n\n"
    '  ccq-stats history --org "Chi bộ Sở Tư pháp"\n\n'
    "  ccq-stats history --year 2019 --db ccq.sqlite"
))
@bad_input_exits_2
def history(
    db: DbOpt = None,
    year: Annotated[Optional[int], typer.Option(min=1945, max=2100, help=_("Only this rating year."))] = None,
    org: Annotated[Optional[str], typer.Option(help=_("Only this organisation (its name; a đảng bộ shows its chi bộ too)."))] = None,
    as_of: AsOfOpt = None,
    changes: Annotated[bool, typer.Option("--changes", help=_("Only what changed after --since: the imports made since, and each rating before → after."))] = False,
    since: Annotated[Optional[str], typer.Option("--since", metavar="DATE|IMPORT", help=_("With --changes: the day a report was signed (YYYY-MM-DD: changes after the end of that day), or an import number."))] = None,
    quiet: QuietOpt = False,
) -> None:
    """What the store holds: the imports, then each organisation's ratings by year and their corrections."""
    from ccq_stats.render import text_table

    if changes or since is not None:
        if not (changes and since is not None):
            raise InputError(_("--changes and --since go together"), hint=_("e.g. ccq-stats history --changes --since 2020-01-15"))
        from ccq_stats.api import changes_since

        found = changes_since(db, since=since, as_of=as_of)
        imports = _imports_table(found["imports"])
        rows = {"header": ["Năm", "Tổ chức", "Trực thuộc", "Trước", "Sau", "Lần nhập"],
                "rows": [[str(c["year"]), c["org"], c["parent"], c["before"], c["after"], str(c["import"])] for c in found["changes"]]}
        emit(f"Các lần nhập sau lần {found['since']['import']} ({found['since']['at'][:19].replace('T', ' ')})\n" + text_table(imports)
              + "\n\nThay đổi\n" + text_table(rows) + "\n", None)
        say_store_state(found["store"], quiet)
        return
    from ccq_stats.api import history as store_history

    found = store_history(db, year=year, org=org, as_of=as_of)
    years = found["years"] if year is None else [year]
    ratings = {"header": ["Tổ chức", "Trực thuộc"] + [str(y) for y in years],
               "rows": [[o["org"], o["parent"]] + [o["labels"].get(y, "") for y in years] for o in found["organisations"]]}
    text = "Các lần nhập\n" + text_table(_imports_table(found["imports"])) + "\n\nXếp loại theo năm\n" + text_table(ratings) + "\n"
    if found["corrections"]:
        fixes = {"header": ["Tổ chức", "Trực thuộc", "Năm", "Các phiên bản (lần nhập, tệp)"],
                 "rows": [[c["org"], c["parent"], str(c["year"]),
                           " → ".join(f"{v['label']} ({v['import']}, {v['file']})" for v in c["versions"])] for c in found["corrections"]]}
        text += "\nSửa đổi\n" + text_table(fixes) + "\n"
    emit(text, None)
    say_store_state(found["store"], quiet)


def _imports_table(imports: list[dict]) -> dict:
    return {"header": ["Lần", "Thời gian (UTC)", "Người nhập", "Tệp (SHA-256)", "Năm", "Bản ghi", "Thêm", "Sửa", "Bớt"],
            "rows": [[str(i["id"]), i["at"][:19].replace("T", " "), f"{i['user_name']}@{i['host']}",
                      "; ".join(f"{f['file']} ({f['sha256'][:12]})" for f in i["files"]), ",".join(map(str, i["years"])),
                      str(i["records"]), str(i["records_added"]), str(i["records_changed"]), str(i["records_removed"])]
                     for i in imports]}


roster_app = typer.Typer(help=_("The organisations expected to report each year (for the monthly summary)."), no_args_is_help=True)
app.add_typer(roster_app, name="roster")


@roster_app.command("import", help=_(
    "Set the roster of grassroots organisations (tổ chức cơ sở đảng) expected to report a year; without one, a year's roster is the organisations rated the year before.\n\n"
    "Examples:\n\n"
    "  ccq-stats roster import danh_sach_2020.csv --year 2020"
))
@bad_input_exits_2
def roster_import(
    file: Annotated[str, typer.Argument(metavar="FILE", help=_("A CSV or workbook: a 'Tên tổ chức' column, and a 'Năm' column or --year."))],
    year: Annotated[Optional[int], typer.Option(min=1945, max=2100, help=_("The year of a roster without a 'Năm' column."))] = None,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Set the roster of grassroots organisations (tổ chức cơ sở đảng) expected to report a year."""
    from ccq_stats.api import roster_import as set_roster

    counts = set_roster(file, db=db, year=year)
    if not quiet:
        for y, n in sorted(counts.items()):
            sys.stderr.write(ngettext("ccq-stats: roster of {year}: {count} organisation", "ccq-stats: roster of {year}: {count} organisations", n)
                             .format(year=y, count=n) + "\n")
