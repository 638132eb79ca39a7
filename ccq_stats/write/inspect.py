"""``ccq-stats inspect`` output: what the reader understood of each sheet, as a text table for
people or as JSON for tools (the list of dicts ``reading.inspect.inspect_paths`` gives)."""

from __future__ import annotations

import json

from ccq_stats.errors import Where
from ccq_stats.i18n import N_, language, number
from ccq_stats.i18n import gettext as _
from ccq_stats.vocabulary.column_reasons import REASONS, SOURCES, column_reason

# A role as inspect shows it: the short name --column takes (scales.ROLE_ALIASES), or words for
# people; in Vietnamese, words for people (the catalogue). The JSON keeps the role values.
_SHOWN_AS = {
    "seq": N_("seq"),
    "org": N_("org"),
    "member": N_("name"),
    "member_id": N_("card"),
    "birth": N_("birth"),
    "kind": N_("kind"),
    "parent": N_("parent"),
    "host_type": N_("host_type"),
    "year": N_("year"),
    "rating": N_("rating"),
    "discipline": N_("discipline"),
    "total_count": N_("total"),
    "rated_count": N_("rated"),
    "ignored": N_("ignored"),
    "proposed": N_("self-rating"),
    "unit_count": N_("unit_count"),
    "score": N_("score"),
    "score_proposed": N_("score_proposed"),
    "score_self": N_("score_self"),
    "exemplary_flag": N_("tick (tiêu biểu)"),
    "count": N_("count"),
}
# what a count column or a rating holds (a tier or a status), shown in words under Vietnamese
_MEANS = {
    "top": N_("top"),
    "good": N_("good"),
    "pass": N_("pass"),
    "fail": N_("fail"),
    "exempt": N_("exempt"),
    "not_rated": N_("not_rated"),
    "left": N_("left"),
    "unknown label": N_("unknown label"),
}
# why rows were skipped (the reader's reasons, as the JSON has them)
_SKIPPED = {
    "title": N_("title"),
    "totals": N_("totals"),
    "subtotal": N_("subtotal"),
    "section": N_("section"),
    "summary": N_("summary"),
    "left": N_("members who left"),
    "blank": N_("blank"),
    "hidden": N_("hidden"),
    "index row": N_("index row"),
    "instructions row": N_("instructions row"),
    "example row": N_("example row"),
    "repeated header": N_("repeated header"),
    "date line": N_("date line"),
    "signature or notes": N_("signature or notes"),
}


def _said(words: dict, code) -> str:
    """A reader's code in the user's words, where the catalogue has them; the code otherwise."""
    return _(words[code]) if code in words else str(code)


def _count(value) -> str:
    return number(int(value)) if isinstance(value, (int, float)) and float(value).is_integer() else str(value)


def _means(text: str) -> str:
    """ "top", "exempt", "top (tiêu biểu)" in the user's words."""
    code, tail = (text[: -len(" (tiêu biểu)")], " (tiêu biểu)") if text.endswith(" (tiêu biểu)") else (text, "")
    return _said(_MEANS, code) + tail


# where a sheet's year came from, as the reader says it in the JSON (data, English), in the
# reader's language for the table
_YEAR_SOURCES = {
    "title": N_("title"),
    "the column headers": N_("the column headers"),
    "sheet name": N_("sheet name"),
    "file name": N_("file name"),
    "previous sheet": N_("the table on the sheet before"),
    "nowhere": N_("nowhere"),
}


def _year_source(year: dict) -> str:
    if "column" in year:  # read row by row, from this column
        return _("column {column} ({header}), row by row").format(column=year["column"], header=year["header"])
    said = year["from"]
    return _(_YEAR_SOURCES[said]) if said in _YEAR_SOURCES else said


# what the reader adds to a score column's detail when it uses a proposed score (reading/plan.py)
_DETAIL_WORDS = {"proposed: no decided score given": N_("proposed: no decided score given")}


def _detail_said(detail: str) -> str:
    for english, words in _DETAIL_WORDS.items():
        detail = detail.replace(english, _(words))
    return detail


def _why(entry: dict) -> str:
    """Why a column has its role or is not read, in the user's words: the sentence of the reader's
    codes (``source``, ``reason``) with what decided it (``detail``); the JSON's English
    sentence ("because") where the codes are not ones this version knows."""
    source, reason = entry.get("source"), entry.get("reason")
    if language() != "vi" or source not in SOURCES or (reason and reason not in REASONS):
        return entry.get("because", "")
    return column_reason(source, reason, _detail_said(entry.get("detail", "")), say=_)


_NO_KIND = N_("kind not given")  # the reader's word for organisations whose kind no column or heading gives


def _subject(code: str) -> str:
    """A shape or subject ("units", "units: chi_bo_co_so", "counts") by its Vietnamese name from
    the vocabulary where the reader reads Vietnamese; the code itself otherwise."""
    if language() != "vi":
        return code
    from ccq_stats.vocabulary.scales import KIND_NAMES, SUBJECT_NAMES

    subject, _sep, kind = code.partition(": ")
    name = SUBJECT_NAMES.get(subject) or (_("count columns") if subject == "counts" else subject)
    kind = (KIND_NAMES.get(kind) or (_(_NO_KIND) if kind == _NO_KIND else kind)).lower()
    return f"{name}: {kind}" if kind and kind != name else name


# what a sheet was read as (the JSON's "shapes"): a list of organisations, of members, or count columns
_SHAPES = {
    "units": N_("list of party organisations"),
    "members": N_("list of members"),
    "counts": N_("count columns"),
}
# why a sheet gives nothing, as the reader says it (an error's text comes in the user's language already)
_SHEET_WHY = {
    "empty": N_("empty sheet"),
    "hidden": N_("hidden sheet"),
    "no header": N_("no header"),
    "instructions": N_("instructions sheet"),
    "contents": N_("table of contents"),
}


def _kind(code: str) -> str:
    """An organisation's kind ("dang_bo_co_so") by its Vietnamese name where the reader reads Vietnamese."""
    if language() != "vi":
        return code
    from ccq_stats.vocabulary.scales import KIND_NAMES

    return KIND_NAMES.get(code, code).lower()


def inspect_json(sheets: list[dict]) -> str:
    return json.dumps(sheets, ensure_ascii=False, indent=2) + "\n"


def _role(entry: dict) -> str:
    role = _said(_SHOWN_AS, entry["role"])
    if entry["role"] == "count":
        role = f"{role}: {_means(entry.get('means', ''))}"
    if entry.get("year"):
        role += f" {entry['year']}"
    return role


def _rating_text(entry: dict, year: bool = True) -> str:
    text = (
        f"'{entry['raw_label']}' → {_means(entry.get('means') or entry.get('tier') or entry.get('status') or '')}"
        if entry.get("raw_label")
        else ""
    )
    if entry.get("exemplary"):
        text += " tiêu biểu"
    if entry.get("shape") == "counts":
        text = f"{_means(entry.get('tier') or entry.get('status') or '')}: {_count(entry.get('count'))}"
    return f"{entry['year']} {text}" if entry.get("year") and year else text


def _row_lines(entries: list[dict]) -> list[str]:
    """One line per sheet row: who, then each rating or count read from it."""
    lines, by_row = [], {}
    for entry in entries:
        by_row.setdefault(entry["row"], []).append(entry)
    for row, group in by_row.items():
        first = group[0]
        who = [first.get("member", ""), first.get("org", "")]
        if first.get("parent"):
            who.append(_("in {parent}").format(parent=first["parent"]))
        if first.get("subject"):
            who.append(_subject(first["subject"]) + (f" ({_kind(first['org_kind'])})" if first.get("org_kind") else ""))
        years = {e.get("year") for e in group}
        if len(years) == 1 and first.get("year"):
            who.append(str(first["year"]))
        ratings = "; ".join(_rating_text(e, year=len(years) > 1) for e in group)
        lines.append(
            "    " + _("row {row}").format(row=f"{row:<5}") + " " + " | ".join(p for p in who + [ratings] if p)
        )
    return lines


def _column_lines(columns: list[dict]) -> list[str]:
    width = min(max((len(c["header"]) for c in columns), default=0), 40)
    role_width = max((len(_role(c)) for c in columns), default=0)
    lines = []
    for c in columns:
        header = c["header"] if len(c["header"]) <= 40 else c["header"][:39] + "…"
        lines.append(f"    {c['column']:<3} {header:<{width}}  {_role(c):<{role_width}}  {_why(c)}")
    return lines


def _collection_lines(marker: dict | None) -> list[str]:
    """What ``inspect`` says of our collection workbook (ccq-stats blank)."""
    if not marker or marker.get("instructions"):
        return (
            ["  " + _("the instructions sheet of a collection workbook (ccq-stats blank): not data")] if marker else []
        )
    line = _("collection workbook (ccq-stats blank), template version {version}: {year}, {shape}").format(
        version=marker["version"], year=marker["year"], shape=marker["shape"]
    )
    if marker.get("org"):
        line += f", {marker['org']}"
    if marker.get("layout") == "changed":
        line += "; " + _("its columns were changed: read by its headers")
    return ["  " + line]


def _span(first: int, last: int) -> str:
    return f"{first}-{last}" if last > first else str(first)


def inspect_table(sheets: list[dict]) -> str:
    """The sheets for people, in their language (the role names, shapes and reasons are the
    reader's words, as in the JSON); a column's "why" is said from its codes and detail."""
    lines = []
    for sheet in sheets:
        name = str(Where(file=sheet["file"], sheet=sheet.get("sheet") or None))
        size = sheet.get("size")
        lines.append(
            _("{sheet}: {rows} rows × {columns} columns").format(
                sheet=name, rows=number(size["rows"]), columns=number(size["columns"])
            )
            if size
            else name
        )
        lines += _collection_lines(sheet.get("collection"))
        if not sheet.get("data_rows"):
            lines.append("  " + _("not read: {why}").format(why=_said(_SHEET_WHY, sheet.get("why", ""))))
            if sheet.get("header_rows"):
                lines.append("  " + _("header row {rows}:").format(rows=_span(*sheet["header_rows"])))
                lines += _column_lines(sheet["columns"])
            lines.append("")
            continue
        shapes = ", ".join(_said(_SHAPES, s) if language() == "vi" else s for s in sheet["shapes"])
        said = (
            _("read as: {shapes}; header row {header} of sheet '{sheet}'; data rows {data}")
            if sheet.get("header_sheet") is not None  # a sheet that continues another's table (reading/continued.py)
            else _("read as: {shapes}; header row {header}; data rows {data}")
        )
        lines.append(
            "  "
            + said.format(
                shapes=shapes,
                header=_span(*sheet["header_rows"]),
                sheet=sheet.get("header_sheet"),
                data="{}-{}".format(*sheet["data_rows"]),
            )
        )
        if sheet.get("why"):
            lines.append("  " + _("error: {why}").format(why=sheet["why"]))
        year = sheet["year"]
        shown = ", ".join(map(str, year["year"])) if isinstance(year["year"], list) else (year["year"] or "")
        source = _year_source(year)
        lines.append(  # a year read row by row has none of its own: where it comes from, without brackets
            "  "
            + (
                _("year: {year} (from {source})").format(year=shown, source=source)
                if shown
                else _("year: from {source}").format(source=source)
            )
        )
        lines.append("  " + _("columns:"))
        lines += _column_lines(sheet["columns"])
        if sheet.get("kinds"):
            lines.append(
                "  "
                + _("read: {counts}").format(
                    counts="; ".join(f"{_subject(k)} {number(v)}" for k, v in sheet["kinds"].items())
                )
            )
        if sheet.get("skipped"):
            skipped = "; ".join(
                f"{_said(_SKIPPED, why)} {s['rows']}" + (f" ({s['count']})" if s["count"] > 1 else "")
                for why, s in sheet["skipped"].items()
            )
            lines.append("  " + _("rows skipped: {rows}").format(rows=skipped))
        if sheet.get("first_rows"):
            lines.append("  " + _("first rows as read:"))
            lines += _row_lines(sheet["first_rows"])
        lines.append("")
    return "\n".join(lines)
