"""Organisations through renames, mergers, splits, moves, dissolutions and foundings: the lineage.

The store and the files know an organisation by its name. When an organisation is renamed or
merged (the 2025 reorganisation renamed, merged, moved and dissolved many), its history, its
"N năm liền" run, a comparison with the year before and the roster of who must report break at
the change – unless the change is recorded. A ``Change`` records one (``ccq-stats orgs import``,
see store/lineage.py for the file); a ``Lineage`` answers, from the changes alone (pure, no I/O):

* ``follow(name, year, until)``: the name the organisation written ``name`` in ``year`` has in
  ``until``, through renames and moves (one organisation, another name). Its ratings under both
  names are one line, named by its name in the last year shown, with its earlier names
  ("trước năm 2025: Chi bộ …").
* Mergers and splits make *other* organisations: "Chi bộ A, Chi bộ B → Chi bộ C" ends A and B
  and begins C. Their years are never added together: C has no "N năm liền" run from A's
  years, and C's first rating is not a rise or fall from A's or B's. Each side names the other
  ("sáp nhập năm 2025 từ …", "năm 2025 sáp nhập vào …"). Where C is one of A, B (B merged into
  A), A goes on as itself.
* ``expected(names, since, year)``: who must report ``year`` when ``names`` reported ``since``:
  renamed ones under their new name, merged ones as their successor, split ones as their parts,
  dissolved ones no more, established ones added.
* ``drift(names)``: names that look like one organisation written differently, with no change
  recorded between them (see ``drift_key``): reported with the lineage row that would join
  them, never joined.

Names are compared by ``text.norm_key`` (case, spaces and punctuation aside), as the store keys
its records. A change's ``year`` is the first rating year under the new state.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ccq_stats.text import loose_key, norm_key

VOCABULARY = Path(__file__).resolve().parent.parent / "organisations.toml"  # the data files stay at the package root
KINDS = ("renamed", "merged", "split", "moved", "dissolved", "established")
ONE_TO_ONE = ("renamed", "moved")  # the same organisation under another name or parent


@functools.cache
def vocabulary() -> dict:
    with open(VOCABULARY, "rb") as handle:
        return tomllib.load(handle)


@functools.cache
def _kind_words() -> dict[str, str]:
    return {loose_key(w): kind for kind, entry in vocabulary()["kinds"].items() for w in entry["words"]}


def kind_of(text: str) -> str | None:
    """The kind a cell names ("Đổi tên", "doi ten", "SÁP NHẬP" …), or None."""
    return _kind_words().get(loose_key(text))


def kind_name(kind: str) -> str:
    """How the documents and the file name a kind: "đổi tên", "sáp nhập" …"""
    return vocabulary()["kinds"][kind]["name"]


@dataclass(frozen=True)
class Change:
    """What happened in ``year`` (the first rating year under the new state): ``sources`` became
    ``targets``. ``day`` is ISO (YYYY-MM-DD) where given; ``file`` and ``row`` say where it was read."""

    year: int
    kind: str
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    day: str = ""
    decision: str = ""
    code: str = ""
    note: str = ""
    file: str = ""
    row: int = 0

    def record(self) -> dict:
        """As data (``orgs list`` --format csv/json): names joined by "; " in csv, lists in json."""
        return {
            "year": self.year,
            "day": self.day,
            "kind": self.kind,
            "kind_name": kind_name(self.kind),
            "sources": list(self.sources),
            "targets": list(self.targets),
            "decision": self.decision,
            "code": self.code,
            "note": self.note,
            "file": self.file,
            "row": self.row,
        }

    def file_row(self) -> str:
        """The row of a lineage file that records it (a suggestion is given as one)."""
        return ",".join(
            _csv_cell(v)
            for v in (str(self.year), kind_name(self.kind), "; ".join(self.sources), "; ".join(self.targets))
        )


def _csv_cell(text: str) -> str:
    return f'"{text}"' if any(c in text for c in ',;"') else text


@dataclass
class Lineage:
    """The changes recorded, oldest first (see the module's docstring)."""

    changes: list[Change] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.changes = sorted(self.changes, key=lambda c: (c.year, c.day, c.file, c.row))
        self._forward: dict[str, list[Change]] = {}
        self._backward: dict[str, list[Change]] = {}
        for c in self.changes:
            if c.kind in ONE_TO_ONE and c.targets and norm_key(c.targets[0]) != norm_key(c.sources[0]):
                self._forward.setdefault(norm_key(c.sources[0]), []).append(c)
                self._backward.setdefault(norm_key(c.targets[0]), []).append(c)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def follow(self, name: str, year: int, until: int) -> str:
        """The name in ``until`` of the organisation written ``name`` in ``year``: renames and
        moves of years ``year`` … ``until`` followed in order (a file of 2025 that still writes
        the old name is followed too); ``name`` itself when none applies."""
        current, seen = name, {norm_key(name)}
        while True:
            step = next((c for c in self._forward.get(norm_key(current), []) if year <= c.year <= until), None)
            if step is None or norm_key(step.targets[0]) in seen:
                return current
            current, year = step.targets[0], step.year
            seen.add(norm_key(current))

    def former(self, name: str, until: int) -> list[dict]:
        """The earlier names of the organisation named ``name`` in ``until``, newest first:
        [{"name", "until": the first year under the next name, "kind"}]."""
        out, key, seen = [], norm_key(name), {norm_key(name)}
        limit = until
        while True:
            step = next((c for c in reversed(self._backward.get(key, [])) if c.year <= limit), None)
            if step is None or norm_key(step.sources[0]) in seen:
                return out
            out.append({"name": step.sources[0], "until": step.year, "kind": step.kind})
            key, limit = norm_key(step.sources[0]), step.year - 1
            seen.add(key)

    def events(self, name: str, until: int | None = None) -> list[dict]:
        """The mergers, splits, dissolutions and foundings an organisation (any of its names)
        took part in, up to ``until``: [{"year", "kind", "role": "from" | "to", "others", "change"}]
        – "from": it was among the sources (merged away, split up, dissolved), "to": among the
        targets (made by a merger or split, established). A name on both sides goes on: no event."""
        keys = {norm_key(name)} | {norm_key(f["name"]) for f in self.former(name, until if until is not None else 9999)}
        out = []
        for c in self.changes:
            if c.kind in ONE_TO_ONE or (until is not None and c.year > until):
                continue
            sources, targets = {norm_key(s) for s in c.sources}, {norm_key(t) for t in c.targets}
            for role, side, other in (("from", sources, c.targets), ("to", targets, c.sources)):
                if keys & side and not keys & (targets if role == "from" else sources):
                    others = [o for o in other if norm_key(o) not in keys]
                    out.append({"year": c.year, "kind": c.kind, "role": role, "others": others, "change": c})
        return out

    def related(self, name: str) -> set[str]:
        """The names of the organisations a merger or split joins to ``name`` (its predecessors
        and successors, any distance), and its own earlier and later names."""
        todo, found = [name], {norm_key(name)}
        names = {norm_key(name): name}
        while todo:
            current = todo.pop()
            linked = [f["name"] for f in self.former(current, 9999)] + [self.follow(current, 0, 9999)]
            for event in self.events(current):
                linked += list(event["others"])
            for other in linked:
                if norm_key(other) not in found:
                    found.add(norm_key(other))
                    names[norm_key(other)] = other
                    todo.append(other)
        return set(names.values())

    def expected(
        self, names: list[str], since: int, year: int, *, add_new: bool = True
    ) -> tuple[list[str], list[dict]]:
        """Who must report ``year`` when ``names`` reported ``since`` (< ``year``; a roster given
        for ``year`` itself: ``since`` = ``year`` − 1 and ``add_new`` False): the changes of years
        ``since`` + 1 … ``year`` applied in order. Returns (names, [{"change", "removed", "added"}])."""
        out = list(dict.fromkeys(names))
        applied = []
        for c in self.changes:
            if not since < c.year <= year:
                continue
            keys = {norm_key(n): i for i, n in enumerate(out)}
            present = [s for s in c.sources if norm_key(s) in keys]
            if c.sources and not present:
                continue  # about organisations not on this list
            if not c.sources and not add_new:
                continue
            at = min((keys[norm_key(s)] for s in present), default=len(out))
            targets = list(c.targets) if c.targets else ([] if c.kind not in ONE_TO_ONE else present)
            removed = [s for s in present if norm_key(s) not in {norm_key(t) for t in targets}]
            added = [t for t in targets if norm_key(t) not in keys]
            gone = {norm_key(s) for s in removed}
            kept = [n for n in out if norm_key(n) not in gone]
            at = sum(1 for n in out[:at] if norm_key(n) not in gone)
            out = kept[:at] + added + kept[at:]
            if removed or added:
                applied.append({"change": c, "removed": [out_name for out_name in removed], "added": added})
        return out, applied


# -- name drift -------------------------------------------------------------------------------


@functools.cache
def _trailing() -> tuple[str, ...]:
    return tuple(norm_key(w) for w in vocabulary()["drift"]["trailing_words"])


def drift_key(name: str) -> str:
    """The name compared for drift: ``norm_key`` (case, spaces, punctuation aside; diacritics
    kept: "Sở" and "Số" are other words), without the place words at its end that staff add or
    leave out ("tỉnh", "thành phố", "tp": organisations.toml [drift])."""
    key = norm_key(name)
    changed = True
    while changed:
        changed = False
        for word in _trailing():
            if key.endswith(" " + word):
                key, changed = key[: -len(word) - 1].rstrip(), True
    return key


def drift(years_of: dict[str, set[int]], lineage: Lineage | None = None) -> list[dict]:
    """Names (with the years each was written) that may be one organisation written two ways:
    [{"names": [earlier, later], "years": [[…], […]], "signal": "spelling" | "place_words",
    "suggestion": Change | None}]. Signals, in this order: "spelling" – the same name once
    folded (``norm_key``: only case, spaces or punctuation differ); "place_words" – the same
    once the trailing place words are dropped too (``drift_key``). Names the lineage already
    joins are not reported; the suggestion (a rename in the later name's first year) is given
    when the two names were never written in the same year."""
    lineage = lineage or Lineage()
    groups: dict[str, list[str]] = {}
    for name in sorted(years_of, key=lambda n: (min(years_of[n]), n)):
        groups.setdefault(drift_key(name), []).append(name)
    out = []
    for names in groups.values():
        for i, first in enumerate(names):
            for later in names[i + 1 :]:
                a, b = years_of[first], years_of[later]
                last = max(a | b)
                signal = "spelling" if norm_key(first) == norm_key(later) else "place_words"
                if signal != "spelling" and norm_key(lineage.follow(first, min(a), last)) == norm_key(
                    lineage.follow(later, min(b), last)
                ):
                    continue  # a recorded change joins them
                overlap = bool(a & b)
                suggestion = None if overlap else Change(min(b), "renamed", (first,), (later,))
                out.append(
                    {
                        "names": [first, later],
                        "years": [sorted(a), sorted(b)],
                        "signal": signal,
                        "suggestion": suggestion,
                    }
                )
    return out


def grassroots_years(records) -> dict[str, set[int]]:
    """{name as written: years} of the grassroots organisations of a record frame: units rated,
    the organisations of members, the parents of cells (what ``drift`` compares)."""
    out: dict[str, set[int]] = {}
    for subject, column in (("units", "org"), ("members", "org"), ("cells", "parent")):
        rows = records[records["subject"] == subject][[column, "year"]].drop_duplicates()
        for name, year in rows.itertuples(index=False):
            if name:
                out.setdefault(name, set()).add(int(year))
    return out


def follow_records(records, lineage: Lineage, until: int):
    """The record frame with ``org`` and ``parent`` named as in ``until`` (``Lineage.follow``),
    and ``org_written`` / ``parent_written`` keeping the names as the files wrote them; the
    frame itself, untouched, when there is no lineage (no copy of a large frame for nothing)."""
    if not lineage or records.empty:
        return records
    out = records.assign(org_written=records["org"], parent_written=records["parent"])
    for column in ("org", "parent"):
        pairs = {(n, int(y)) for n, y in zip(records[column].tolist(), records["year"].tolist()) if n}
        names = {p: lineage.follow(p[0], p[1], until) for p in pairs}
        out[column] = [
            names.get((n, int(y)), n) if n else n for n, y in zip(records[column].tolist(), records["year"].tolist())
        ]
    return out


def event_text(event: dict) -> str:
    """An event as the documents say it: "sáp nhập năm 2025 từ Chi bộ A, Chi bộ B", "năm 2025
    sáp nhập vào Chi bộ C", "giải thể năm 2025", "thành lập năm 2025" …"""
    kind, year, others = event["kind"], event["year"], ", ".join(event["others"])
    if kind == "dissolved":
        return f"giải thể năm {year}"
    if kind == "established":
        return f"thành lập năm {year}"
    if kind == "merged":
        return f"sáp nhập năm {year} từ {others}" if event["role"] == "to" else f"năm {year} sáp nhập vào {others}"
    if kind == "split":
        return f"chia tách năm {year} từ {others}" if event["role"] == "to" else f"năm {year} chia tách thành {others}"
    return f"{kind_name(kind)} năm {year}"


def former_text(former: list[dict]) -> str:
    """ "trước năm 2025: Chi bộ A" (several: oldest last, "; ")."""
    return "; ".join(f"trước năm {f['until']}: {f['name']}" for f in former)
