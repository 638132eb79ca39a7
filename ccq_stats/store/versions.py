"""The store's versions: which state ``--as-of IMPORT|DATE`` means, what changed between two
states, and each organisation's corrections – pure functions over the import log and stored
rows, no SQL.

A *state* is the store as it stood after one import: the records and findings valid at that
import (``import_id <= N`` and not yet closed at ``N``), the imports up to ``N`` and the
rosters given before the next import (or, for a date, before the end of that day). The
current state is the last import's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _


@dataclass(frozen=True)
class State:
    """The store after import ``import_id`` (0: before any import), made at ``at`` (UTC, ISO);
    rosters are read as they stood just before ``until`` (None: as they stand now)."""

    import_id: int
    at: str
    until: str | None = None
    asked: bool = False  # --as-of was given (the document then says so)

    def label(self) -> str:
        """How a document names the state it was built from: "import 7, 2026-12-07T14:16:51+00:00"."""
        return f"import {self.import_id}, {self.at}"


def now_utc() -> str:
    """This moment, as the store writes times: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def parse_day(text: str) -> date | None:
    """YYYY-MM-DD or DD/MM/YYYY, else None."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not match:
        return None
    parts = [int(p) for p in match.groups()]
    year, month, day = parts if len(match.group(1)) == 4 else parts[::-1]
    try:
        return date(year, month, day)
    except ValueError:
        return None


def end_of_day_utc(day: date) -> str:
    """The first moment after ``day`` in local time, as UTC ISO text (the store's times)."""
    local = datetime.combine(day + timedelta(days=1), time()).astimezone()  # the machine's zone
    return local.astimezone(UTC).isoformat(timespec="seconds")


def resolve(as_of: str | None, imports: list[dict], versions_since: int, *, where: str = "") -> State:
    """The state ``as_of`` names (an import number, or a date: the end of that day, local time)
    in a store whose import log is ``imports`` (oldest first); the current state when None."""
    last = imports[-1] if imports else None
    if as_of is None:
        return State(last["id"], last["at"]) if last else State(0, "")
    text = as_of.strip()
    if text.isdigit():
        number = int(text)
        ids = [i["id"] for i in imports]
        if number not in ids:
            raise InputError(
                _("no import {number} in the store").format(number=number),
                file=where,
                value=as_of,
                hint=_("the store's imports are 1 to {last} (ccq-stats history lists them)").format(
                    last=ids[-1] if ids else 0
                ),
            )
        chosen = next(i for i in imports if i["id"] == number)
        later = [i for i in imports if i["id"] > number]
        state = State(number, chosen["at"], later[0]["at"] if later else None, True)
    else:
        day = parse_day(text)
        if day is None:
            raise InputError(
                _("--as-of is neither an import number nor a date"),
                value=as_of,
                hint=_("e.g. --as-of 3 or --as-of 2019-12-31"),
            )
        until = end_of_day_utc(day)
        before = [i for i in imports if i["at"] < until]
        if not before:
            raise InputError(
                _("the store held nothing at the end of {day}").format(day=day.isoformat()),
                file=where,
                value=as_of,
                hint=_("the first import was made on {at}").format(at=imports[0]["at"][:10])
                if imports
                else _("import some files first: ccq-stats import PATH"),
            )
        state = State(before[-1]["id"], before[-1]["at"], until, True)
    if state.import_id < versions_since:
        raise InputError(
            _("the store keeps its versions since import {since}; import {number} was replaced before that").format(
                since=versions_since, number=state.import_id
            ),
            file=where,
            value=as_of,
            hint=_("the store was made by an earlier ccq-stats, which kept no versions"),
        )
    return state


def valid_at(row_from: int, row_to: int | None, import_id: int) -> bool:
    """Whether a version valid from import ``row_from`` until ``row_to`` (None: still) is part of the state after ``import_id``."""
    return row_from <= import_id and (row_to is None or row_to > import_id)


def same_file_other_year(file: str, years: set[int], orgs: set[str], current: list[dict]) -> list[dict]:
    """The current files (``Store.current_files``) that look like ``file`` imported before for
    a year it no longer gives: the same name in the same folder, or a name ``file``'s name
    extends ("tu_phap_2018_sua.csv" of "tu_phap_2018.csv") with the same organisations."""
    import os

    from ccq_stats.text import norm_key

    folder, name = os.path.split(os.path.normpath(file))
    stem = os.path.splitext(name)[0].lower()
    mine = {norm_key(o) for o in orgs}
    found = []
    for entry in current:
        if entry["year"] in years or not entry["file"]:
            continue
        other_folder, other = os.path.split(os.path.normpath(entry["file"]))
        other_stem = os.path.splitext(other)[0].lower()
        same_name = other == name and os.path.abspath(other_folder or ".") == os.path.abspath(folder or ".")
        extends = (
            other_stem != stem
            and stem.startswith(other_stem)
            and bool(mine)
            and {norm_key(o) for o in entry["orgs"]} == mine
        )
        if same_name or extends:
            found.append(entry)
    return sorted(found, key=lambda e: (e["year"], e["file"]))
