"""``import --revert N``: undo an import by a new one. A part of ``Store`` (``Reverting``), kept
apart from importing and reading: the records and findings import N added are closed, and those
it replaced come back as new versions, with their files.
"""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.store import changes
from ccq_stats.store.backends import shown
from ccq_stats.store.changes import ImportResult
from ccq_stats.store.schema import FINDING_COLUMNS


class Reverting:
    """The revert of ``Store`` (which gives ``conn``, ``schema``, ``location``, ``_need_versions``,
    ``_state``, ``_log`` and the rest it calls)."""

    def revert(self, number: int, *, command: str, dry_run: bool = False, at: str | None = None) -> ImportResult:
        """Undo import ``number`` by a new import: the records it added are closed and those it
        replaced come back (as new versions, with their files); its findings likewise. Refused,
        naming them, when a later import changed records import ``number`` brought."""
        if self.import_kind(number) == "orgs":
            return self.revert_changes(number, command=command, dry_run=dry_run, at=at)
        self._need_versions()
        with self.conn.writing():
            ids = [r[0] for r in self.conn.rows("SELECT id FROM imports ORDER BY id")]
            if number not in ids:
                raise InputError(
                    _("no import {number} in the store").format(number=number),
                    file=shown(self.location),
                    hint=_("the store's imports are 1 to {last} (ccq-stats history lists them)").format(
                        last=ids[-1] if ids else 0
                    ),
                )
            since = int(self._meta().get("versions_since", "0"))
            if number <= since:
                raise InputError(
                    _(
                        "import {number} was made before the store kept versions (since import {since}): what it replaced is not known"
                    ).format(number=number, since=since),
                    file=shown(self.location),
                    hint=_("import the right files again instead"),
                )
            names = self._columns()
            columns = ", ".join(names)
            added = [
                dict(zip(names, r))
                for r in self.conn.rows(f"SELECT {columns} FROM records WHERE import_id = ?", (number,))
            ]
            replaced = [
                dict(zip(names, r))
                for r in self.conn.rows(f"SELECT {columns} FROM records WHERE valid_to = ?", (number,))
            ]
            keys = set(changes.by_key(added)) | set(changes.by_key(replaced))
            years = sorted({k[0] for k in keys})
            current = changes.by_key([r for r in self._rows_of_years(years) if changes.key_of(r) in keys])
            brought = changes.by_key(added)
            # a later import changed them when the current records of a key are not those import N brought
            later = sorted(
                {
                    (
                        k[0],
                        (current.get(k) or brought.get(k) or [{}])[0].get("org") or "",
                        (current.get(k) or brought.get(k) or [{}])[0].get("parent") or "",
                        max((r["import_id"] for r in current.get(k, [])), default=None) or self._closer(k, number),
                    )
                    for k in keys
                    if not changes.same_content(current.get(k, []), brought.get(k, []))
                }
            )
            if later:
                named = "; ".join(
                    f"{y} {o}" + (f" ({p})" if p else "") + " " + _("by import {id}").format(id=v)
                    for y, o, p, v in later[:5]
                )
                more = len(later) - 5
                raise InputError(
                    _("a later import changed records that import {number} brought: {orgs}").format(
                        number=number, orgs=named
                    )
                    + (_(" and {count} more").format(count=more) if more > 0 else ""),
                    file=shown(self.location),
                    hint=_("revert the later imports first, newest first"),
                )
            old = brought
            back = changes.by_key(replaced)
            summary = changes.summarise(old, back)
            gone = [k for k in old if k not in back]
            for key in gone:  # records the import brought where there were none: removed
                tally = summary["years"].setdefault(key[0], dict.fromkeys(changes.TALLY, 0))
                tally["orgs_changed"] += 1
                tally["records_removed"] += len(old[key])
            files = [
                {"file": f, "sha256": h, "size": n}
                for f, h, n in self.conn.rows(
                    "SELECT file, sha256, size FROM files WHERE sha256 IN (SELECT DISTINCT file_sha256 FROM records WHERE valid_to = ?)"
                    " ORDER BY file, import_id",
                    (number,),
                )
            ]
            files = list({f["file"]: f for f in files}.values())
            result = ImportResult(
                None,
                files,
                years,
                len(replaced),
                bool(added or replaced),
                summary,
                changes.totals(summary),
                dry_run,
                "revert",
            )
            if dry_run or not result.changed:
                return result
            import_id = ids[-1] + 1
            result.import_id = import_id
            self._close(import_id, sorted(keys))
            for row in replaced:
                row["import_id"] = import_id
            self.conn.insert_many("records", list(names), [tuple(r[c] for c in names) for r in replaced])
            fcols = ", ".join(FINDING_COLUMNS)
            restored = [
                (import_id, i, *r[2:])
                for i, r in enumerate(
                    self.conn.rows(
                        f"SELECT {fcols} FROM findings WHERE valid_to = ? ORDER BY import_id, seq", (number,)
                    )
                )
            ]
            self.conn.execute(
                "UPDATE findings SET valid_to = ? WHERE import_id = ? AND valid_to IS NULL", (import_id, number)
            )
            self.conn.insert_many("findings", list(FINDING_COLUMNS), restored)
            from ccq_stats import store  # the clock of the package, looked up now (tests fix it there)

            self._log(import_id, result, command, at or store.now_utc())
        return result

    def _closer(self, key: tuple, number: int) -> int | None:
        """The first import after ``number`` that closed records of ``key``."""
        found = self.conn.rows(
            "SELECT MIN(valid_to) FROM records WHERE valid_to > ? AND year = ? AND shape = ? AND org_key = ? AND parent_key = ?",
            (number, *key),
        )
        return found[0][0] if found else None

    # -- reading ------------------------------------------------------------------------
