"""What an import changes: pure functions over stored and new records, no SQL.

An import replaces, for each rating year, the records of the organisations its files contain.
The unit of replacement is a *key*: (year, shape, organisation, parent), names folded as the
reader folds them, so that a member file replaces that organisation's member rows and leaves
its own rating (from the organisation workbook) alone.

Two comparisons:

* ``same_rows``: the new rows equal the stored ones, provenance included (same file content
  by its SHA-256, same sheets and rows; the path may be spelt otherwise) – the import changes
  nothing and writes nothing;
* ``summarise``: what changed in the ratings themselves, provenance aside – per organisation
  added or changed, and records added, changed (one rating replaced by another) or removed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ccq_stats.store.schema import SCORE_COLUMN
from ccq_stats.vocabulary.scales import STATUSES, TIERS

# Record fields that make up a rating (what a corrected file can change).
# The score (schema 4) is one of them: a corrected score is a new version of its record.
# What an import counts per year (and in all), in this order: the import log's columns, the summary's words.
TALLY = ("orgs_added", "orgs_changed", "orgs_unchanged", "records_added", "records_changed", "records_removed")
CONTENT = (
    "subject",
    "org",
    "parent",
    "org_kind",
    "host_type",
    "status",
    "tier",
    "exemplary",
    "disciplined",
    "count",
    "raw_label",
    SCORE_COLUMN,
)
PROVENANCE = ("source_sheet", "source_row", "source_col", "source_header", "file_sha256")
KEY = ("year", "shape", "org_key", "parent_key")
# what a change counts: the tiers, then the statuses a record keeps (one who left is no record)
GROUPS = TIERS + tuple(status for status in STATUSES if status != "left")


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    import_id: int | None
    files: list[dict]
    years: list[int]
    records: int
    changed: bool
    summary: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    dry_run: bool = False
    command_kind: str = "import"  # or "revert" (import --revert N)


def key_of(row: dict) -> tuple:
    return tuple(row[k] for k in KEY)


def by_key(rows: list[dict]) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = {}
    for row in rows:
        out.setdefault(key_of(row), []).append(row)
    return out


def _content(row: dict) -> tuple:
    return tuple(row[c] for c in CONTENT)


def _full(row: dict) -> tuple:  # the file by its content: "sd/x.csv" and "/home/u/sd/x.csv" are one file
    return tuple(row[c] for c in CONTENT + PROVENANCE)


def same_rows(old: dict[tuple, list[dict]], new: dict[tuple, list[dict]]) -> bool:
    """True when every key of the import is stored with exactly these rows and provenance."""
    return all(Counter(map(_full, old.get(k, []))) == Counter(map(_full, rows)) for k, rows in new.items())


def same_content(a: list[dict], b: list[dict]) -> bool:
    """Whether two sets of rows give the same ratings (provenance aside)."""
    return Counter(map(_content, a)) == Counter(map(_content, b))


def _groups(rows: list[dict]) -> Counter:
    """How many ratings of each group (tier when rated, else the status) the rows stand for."""
    out: Counter = Counter()
    for r in rows:
        out[r["tier"] if r["status"] == "rated" else r["status"]] += int(r["count"])
    return out


def summarise(old: dict[tuple, list[dict]], new: dict[tuple, list[dict]]) -> dict:
    """Per year: organisations added / changed / unchanged and records added / changed / removed;
    and one entry per organisation added or changed, with the counts by tier that changed (before, after)."""
    years: dict[int, dict] = {}
    orgs = []
    for key, rows in new.items():
        year = key[0]
        tally = years.setdefault(year, dict.fromkeys(TALLY, 0))
        before = Counter(map(_content, old.get(key, [])))
        after = Counter(map(_content, rows))
        if before == after:
            tally["orgs_unchanged"] += 1
            continue
        gone, came = sum((before - after).values()), sum((after - before).values())
        changed = min(gone, came)  # a rating replaced by another counts once, as a change
        status = "changed" if key in old else "added"
        tally["orgs_" + status] += 1
        tally["records_added"] += came - changed
        tally["records_changed"] += changed
        tally["records_removed"] += gone - changed
        was, now = _groups(old.get(key, [])), _groups(rows)
        orgs.append(
            {
                "year": year,
                "shape": key[1],
                "org": rows[0]["org"] or "",
                "parent": rows[0]["parent"] or "",
                "status": status,
                "records_added": came - changed,
                "records_changed": changed,
                "records_removed": gone - changed,
                "groups": {g: [was.get(g, 0), now.get(g, 0)] for g in GROUPS if was.get(g, 0) != now.get(g, 0)},
            }
        )
    orgs.sort(key=lambda o: (o["year"], o["status"], o["shape"], o["org"]))
    return {"years": dict(sorted(years.items())), "orgs": orgs}


def totals(summary: dict) -> dict:
    """The per-year tallies of ``summarise`` added up."""
    out: Counter = Counter()
    for tally in summary["years"].values():
        out.update(tally)
    return {k: out.get(k, 0) for k in TALLY}
