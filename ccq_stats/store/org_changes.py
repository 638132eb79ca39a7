"""The lineage of organisations in the store (schema 3): ``orgs import`` brings a lineage file's
changes as an import of its own (``imports.kind`` = 'orgs'), versioned as the records are – the
next import of the same years closes them, ``import --revert N`` brings back what N closed, and
a state (``--as-of``) reads the changes valid then. A part of ``Store`` (``OrgChanges``), kept
apart from the records' import and reading.
"""

from __future__ import annotations

import json

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.store.backends import shown
from ccq_stats.store.changes import TALLY, ImportResult
from ccq_stats.store.schema import CHANGE_COLUMNS
from ccq_stats.store.versions import now_utc


class OrgChanges:
    """The lineage methods of ``Store`` (which gives ``conn``, ``schema``, ``location``,
    ``_need_versions``, ``_state`` and ``_log``)."""

    def import_kind(self, number: int) -> str | None:
        """What import ``number`` brought: "orgs" (a lineage file), None (ratings, or no such import)."""
        if self.schema < 3:
            return None
        with self.conn.reading():
            found = self.conn.rows("SELECT kind FROM imports WHERE id = ?", (number,))
        return found[0][0] if found else None

    def _changes(self, upto: int | None = None, *, current: bool = False) -> list:
        """The lineage (``lineage.Change``) as it stood after import ``upto`` (None: now)."""
        if self.schema < 3:
            return []
        columns = ", ".join(CHANGE_COLUMNS)
        if upto is None:
            rows = self.conn.rows(f"SELECT {columns} FROM org_changes WHERE valid_to IS NULL")
        else:
            rows = self.conn.rows(
                f"SELECT {columns} FROM org_changes WHERE import_id <= ? AND (valid_to IS NULL OR valid_to > ?)",
                (upto, upto),
            )
        rows.sort(key=lambda r: (r[0], r[1]))
        return [_change_of(dict(zip(CHANGE_COLUMNS, r))) for r in rows]

    def lineage(self, as_of: str | None = None) -> list:
        """The changes recorded (``lineage.Change``), as of the import ``as_of`` names (else now)."""
        with self.conn.reading():
            return self._changes(None if as_of is None else self._state(as_of).import_id)

    def import_changes(
        self, changes: list, file: dict, *, command: str, dry_run: bool = False, at: str | None = None
    ) -> ImportResult:
        """Replace, per year, the stored changes by those of a lineage file (``file``: {"file",
        "sha256", "size"}): the current changes of the years it holds are closed, its own added;
        the same changes again write nothing. ``summary["years"]``: {year: {"records_added",
        "records_removed", …}} – changes added and closed."""
        self._need_versions()
        years = sorted({c.year for c in changes})
        new = [_change_row(c, i, file["sha256"]) for i, c in enumerate(changes)]
        with self.conn.writing():
            columns = ", ".join(CHANGE_COLUMNS)
            marks = ", ".join("?" for _year in years)
            old = [
                dict(zip(CHANGE_COLUMNS, r))
                for r in self.conn.rows(
                    f"SELECT {columns} FROM org_changes WHERE valid_to IS NULL AND year IN ({marks})", tuple(years)
                )
            ]
            summary = _change_summary(old, new)
            result = ImportResult(
                None, [file], years, len(new), summary["changed"], summary, changes_totals(summary), dry_run, "orgs"
            )
            if not result.changed or dry_run:
                return result
            import_id = (self.conn.rows("SELECT MAX(id) FROM imports")[0][0] or 0) + 1
            result.import_id = import_id
            self.conn.execute(
                f"UPDATE org_changes SET valid_to = ? WHERE valid_to IS NULL AND year IN ({marks})", (import_id, *years)
            )
            for row in new:
                row["import_id"] = import_id
            self.conn.insert_many(
                "org_changes", list(CHANGE_COLUMNS), [tuple(r[c] for c in CHANGE_COLUMNS) for r in new]
            )
            self._log(import_id, result, command, at or now_utc())
            self.conn.execute("UPDATE imports SET kind = 'orgs' WHERE id = ?", (import_id,))
        return result

    def revert_changes(
        self, number: int, *, command: str, dry_run: bool = False, at: str | None = None
    ) -> ImportResult:
        """Undo the lineage import ``number`` by a new import: the changes it brought are closed,
        those it closed come back. Refused when a later import replaced the changes it brought."""
        self._need_versions()
        with self.conn.writing():
            ids = [r[0] for r in self.conn.rows("SELECT id FROM imports ORDER BY id")]
            columns = ", ".join(CHANGE_COLUMNS)
            brought = [
                dict(zip(CHANGE_COLUMNS, r))
                for r in self.conn.rows(f"SELECT {columns} FROM org_changes WHERE import_id = ?", (number,))
            ]
            later = sorted(
                {
                    r[0]
                    for r in self.conn.rows(
                        "SELECT valid_to FROM org_changes WHERE import_id = ? AND valid_to IS NOT NULL", (number,)
                    )
                }
            )
            if later:
                raise InputError(
                    _("a later import changed the lineage that import {number} brought: import {later}").format(
                        number=number, later=", ".join(map(str, later))
                    ),
                    file=shown(self.location),
                    hint=_("revert the later imports first, newest first"),
                )
            back = [
                dict(zip(CHANGE_COLUMNS, r))
                for r in self.conn.rows(f"SELECT {columns} FROM org_changes WHERE valid_to = ?", (number,))
            ]
            years = sorted({r["year"] for r in brought + back})
            summary = _change_summary(brought, back)
            files = [
                {"file": f, "sha256": h, "size": n}
                for f, h, n in self.conn.rows(
                    "SELECT file, sha256, size FROM files WHERE sha256 IN (SELECT DISTINCT file_sha256 FROM org_changes WHERE valid_to = ?)",
                    (number,),
                )
            ]
            result = ImportResult(
                None, files, years, len(back), summary["changed"], summary, changes_totals(summary), dry_run, "revert"
            )
            if dry_run or not result.changed:
                return result
            import_id = ids[-1] + 1
            result.import_id = import_id
            self.conn.execute(
                "UPDATE org_changes SET valid_to = ? WHERE import_id = ? AND valid_to IS NULL", (import_id, number)
            )
            for row in back:
                row["import_id"] = import_id
            self.conn.insert_many(
                "org_changes", list(CHANGE_COLUMNS), [tuple(r[c] for c in CHANGE_COLUMNS) for r in back]
            )
            self._log(import_id, result, command, at or now_utc())
            self.conn.execute("UPDATE imports SET kind = 'orgs' WHERE id = ?", (import_id,))
        return result


def _change_row(change, seq: int, sha256: str) -> dict:
    return {
        "import_id": None,
        "seq": seq,
        "year": change.year,
        "day": change.day or None,
        "kind": change.kind,
        "sources": json.dumps(list(change.sources), ensure_ascii=False),
        "targets": json.dumps(list(change.targets), ensure_ascii=False),
        "decision": change.decision or None,
        "code": change.code or None,
        "note": change.note or None,
        "source_file": change.file,
        "source_row": change.row,
        "file_sha256": sha256,
    }


def _change_of(row: dict):
    from ccq_stats.figures.lineage import Change

    return Change(
        int(row["year"]),
        row["kind"],
        tuple(json.loads(row["sources"])),
        tuple(json.loads(row["targets"])),
        row["day"] or "",
        row["decision"] or "",
        row["code"] or "",
        row["note"] or "",
        row["source_file"] or "",
        int(row["source_row"] or 0),
    )


_CHANGE_CONTENT = ("year", "day", "kind", "sources", "targets", "decision", "code", "note")


def _change_summary(old: list[dict], new: list[dict]) -> dict:
    """Per year: changes added and closed (the same change in both is neither), as import summaries are."""
    from collections import Counter

    def content(r: dict) -> tuple:
        return tuple(r[c] for c in _CHANGE_CONTENT)

    before, after = Counter(map(content, old)), Counter(map(content, new))
    same_file = Counter((content(r), r["file_sha256"], r["source_row"]) for r in old) == Counter(
        (content(r), r["file_sha256"], r["source_row"]) for r in new
    )
    years: dict[int, dict] = {}
    for key, n in (after - before).items():
        years.setdefault(key[0], dict.fromkeys(TALLY, 0))["records_added"] += n
    for key, n in (before - after).items():
        years.setdefault(key[0], dict.fromkeys(TALLY, 0))["records_removed"] += n
    return {"years": dict(sorted(years.items())), "orgs": [], "changed": not same_file}


def changes_totals(summary: dict) -> dict:
    out = dict.fromkeys(TALLY, 0)
    for tally in summary["years"].values():
        for k, v in tally.items():
            out[k] += v
    return out
