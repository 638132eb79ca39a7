"""The lineage file (``ccq-stats orgs import FILE``): what happened to organisations, one change a row.

A CSV (UTF-8, with or without a BOM, cells separated by ``,`` or ``;`` – whichever the header
row uses) or a workbook (its first sheet) whose first row is the header:

====================  =========================================================================
``Năm``               the first rating year under the new state (or ``Ngày``, dd/mm/yyyy: its year)
``Thay đổi``          đổi tên, sáp nhập, chia tách, chuyển, giải thể, thành lập (case and accents aside)
``Từ``                the organisation(s) before, several separated by ``;``
``Thành``             the organisation(s) after, several separated by ``;``
``Số quyết định``     optional: the decision's number
``Mã``                optional: the organisation's national code
``Ghi chú``           optional
====================  =========================================================================

What each kind needs: đổi tên one Từ and one Thành; sáp nhập two or more Từ and one Thành;
chia tách one Từ and two or more Thành; chuyển one Từ (Thành blank: the same name); giải thể
Từ only; thành lập Thành only. A row that does not is refused with its place, not guessed.
"""

from __future__ import annotations

import csv
import io

from ccq_stats.errors import InputError
from ccq_stats.figures.lineage import Change, kind_of, vocabulary
from ccq_stats.i18n import gettext as _
from ccq_stats.store.versions import parse_day
from ccq_stats.text import clean, norm_key
from ccq_stats.vocabulary.scales import is_rating_year

ROLES = ("year", "day", "kind", "sources", "targets", "decision", "code", "note")
REQUIRED = ("kind", "sources", "targets")


def _grid(path: str) -> list[list[str]]:
    lower = path.lower()
    try:
        if lower.endswith((".csv", ".txt", ".tsv")):
            with open(path, "rb") as handle:
                data = handle.read()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise InputError(
                    _("the lineage file is not UTF-8"), file=path, hint=_("save it as 'CSV UTF-8', or as a workbook")
                ) from None
            first = text.split("\n", 1)[0]
            delimiter = ";" if first.count(";") > first.count(",") else ","
            return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
        import pandas as pd

        frame = pd.read_excel(path, header=None, dtype=str, keep_default_na=False, engine="calamine")
        return [[str(v) for v in row] for row in frame.itertuples(index=False)]
    except FileNotFoundError:
        raise InputError(_("no such file"), file=path, hint=_("check the path")) from None
    except InputError:
        raise
    except Exception as exc:  # any reader's complaint: one line, no traceback
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            _("cannot read the lineage file: {reason}").format(reason=reason),
            file=path,
            hint=_("give a CSV or a workbook whose first row is the header"),
        ) from None


def _names(text: str) -> tuple[str, ...]:
    return tuple(n for n in (clean(part) for part in text.split(";")) if n)


def read_changes(path: str) -> list[Change]:
    """The changes a lineage file records, in its row order; an InputError naming the file,
    row, column and value for the first row that is not a change."""
    path = str(path)
    grid = _grid(path)
    while grid and not any(clean(c) for c in grid[0]):
        grid.pop(0)
    if not grid:
        raise InputError(
            _("the lineage file is empty"), file=path, hint=_("the first row is the header: Năm, Thay đổi, Từ, Thành")
        )
    words = {norm_key(w): role for role, ws in vocabulary()["columns"].items() for w in ws}
    header = [clean(c) for c in grid[0]]
    at: dict[str, int] = {}
    for i, cell in enumerate(header):
        role = words.get(norm_key(cell))
        if role and role not in at:
            at[role] = i
    missing = [r for r in REQUIRED if r not in at] + ([] if "year" in at or "day" in at else ["year"])
    if missing:
        names = {"kind": "Thay đổi", "sources": "Từ", "targets": "Thành", "year": "Năm"}
        raise InputError(
            _("the lineage file's header has no column {columns}").format(columns=", ".join(names[m] for m in missing)),
            file=path,
            row=1,
            value=", ".join(header),
            hint=_("the header row is: Năm (or Ngày), Thay đổi, Từ, Thành, and optionally Số quyết định, Mã, Ghi chú"),
        )
    out = []
    for number, raw in enumerate(grid[1:], start=2):
        row = {role: clean(raw[i]) if i < len(raw) else "" for role, i in at.items()}
        if not any(row.values()):
            continue
        out.append(_change(row, path, number, at, header))
    if not out:
        raise InputError(
            _("the lineage file records no change"), file=path, hint=_("one change per row under the header")
        )
    return out


def _change(row: dict, path: str, number: int, at: dict, header: list[str]) -> Change:
    def bad(role: str, message: str, hint: str) -> InputError:
        i = at.get(role)
        return InputError(
            message,
            file=path,
            row=number,
            column=i,
            header=header[i] if i is not None else None,
            value=row.get(role, ""),
            hint=hint,
        )

    day = ""
    if row.get("day"):
        parsed = parse_day(row["day"])
        if parsed is None:
            raise bad("day", _("the date is not a date"), _("write dd/mm/yyyy, e.g. 01/07/2025"))
        day = parsed.isoformat()
    text = row.get("year", "")
    if text:
        if not (text.isdigit() and is_rating_year(int(text))):
            raise bad(
                "year", _("the year is not a year"), _("write the first rating year under the new state, e.g. 2025")
            )
        year = int(text)
        if day and int(day[:4]) != year:
            raise bad(
                "year",
                _("the year and the date disagree"),
                _("the year is the date's year: {year}").format(year=day[:4]),
            )
    elif day:
        year = int(day[:4])
    else:
        raise bad(
            "year", _("the year is blank"), _("write the year the change took effect, e.g. 2025, or the date in Ngày")
        )
    kind = kind_of(row["kind"])
    if kind is None:
        raise bad(
            "kind",
            _("not a kind of change"),
            _("write one of: đổi tên, sáp nhập, chia tách, chuyển, giải thể, thành lập"),
        )
    sources, targets = _names(row["sources"]), _names(row["targets"])
    need = {  # (fewest, most) names in Từ and in Thành
        "renamed": ((1, 1), (1, 1)),
        "merged": ((2, None), (1, 1)),
        "split": ((1, 1), (2, None)),
        "moved": ((1, 1), (0, 1)),
        "dissolved": ((1, None), (0, 0)),
        "established": ((0, 0), (1, None)),
    }[kind]
    hints = {
        "renamed": _("đổi tên: the old name in Từ, the new one in Thành"),
        "merged": _("sáp nhập: each organisation merged in Từ, separated by ';', the one they became in Thành"),
        "split": _("chia tách: the organisation in Từ, each one it became in Thành, separated by ';'"),
        "moved": _("chuyển: the organisation in Từ; in Thành its name after the move, or nothing if the same"),
        "dissolved": _("giải thể: the organisation(s) in Từ, Thành blank"),
        "established": _("thành lập: the new organisation(s) in Thành, Từ blank"),
    }[kind]
    for role, names, (low, high) in (("sources", sources, need[0]), ("targets", targets, need[1])):
        if len(names) < low or (high is not None and len(names) > high):
            raise bad(role, _("{kind} with {count} name(s) here").format(kind=row["kind"], count=len(names)), hints)
    if kind == "renamed" and norm_key(sources[0]) == norm_key(targets[0]):
        raise bad("targets", _("the new name is the old one"), hints)
    return Change(
        year,
        kind,
        sources,
        targets,
        day,
        row.get("decision", ""),
        row.get("code", ""),
        row.get("note", ""),
        path,
        number,
    )
