"""The rating scales as data: regimes by year, tiers, label and header vocabularies.

Everything comes from ``scales.toml`` and ``rules.toml`` (inside the package) plus,
optionally, a user's file given with ``--scales``. ``load_scales()`` builds lookup tables once;
classification, the header finder and the rule checks only look things up in them.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.text import clean, loose_key, norm_key, strip_marks

BUILTIN = Path(__file__).resolve().parent.parent / "scales.toml"
with open(BUILTIN, "rb") as _handle:  # the package's own file: read once, for these words and for load_scales
    _BUILTIN_DATA = tomllib.load(_handle)

# The words of the code, written once in scales.toml (see its head): the command line's choices too.
TIERS = tuple(_BUILTIN_DATA["tiers"])  # best first
STATUSES = tuple(_BUILTIN_DATA["statuses"])  # left: no longer a member at rating time (not counted)
SUBJECTS = tuple(_BUILTIN_DATA["subjects"])  # what a figure counts: units, cells, members – in output order
SHAPES = tuple(_BUILTIN_DATA["shapes"])  # of an input sheet (--kind)
TERM_MEANS = tuple(_BUILTIN_DATA["term_means"])  # how a term's share is taken (--mean)
QUOTA_BASES = tuple(_BUILTIN_DATA["quota_bases"])  # what the 20% quotas count on (--quota-base)
SHARE_BASES = tuple(_BUILTIN_DATA["share_bases"])  # what a share is of (--base)
GROUP_BY = tuple(_BUILTIN_DATA["group_by"])  # what the figures are grouped by (--by)
# the rating years accepted, and the first a bare number in a header is taken for
FIRST_YEAR, LAST_YEAR = int(_BUILTIN_DATA["years"]["first"]), int(_BUILTIN_DATA["years"]["last"])
HEADER_FIRST_YEAR = int(_BUILTIN_DATA["years"]["header_first"])
SEVERITIES = ("error", "warning")  # of a rule and its findings (vocabulary: rules.toml names one per rule)


def is_rating_year(value: object) -> bool:
    """Is ``value`` a whole number in the rating years the tool accepts (FIRST_YEAR–LAST_YEAR)?"""
    return (isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer()
            and FIRST_YEAR <= value <= LAST_YEAR)
RULES = Path(__file__).resolve().parent.parent / "rules.toml"  # the rule table: names, severities, sources by regime
RULE_KEYS = {"id", "name", "severity", "source", "sources"}  # the rest of a [[rules]] entry: the rule's settings
# Column roles understood by the reader (keys of [columns] in scales.toml).
ROLES = (
    "seq", "org", "member", "member_id", "birth", "kind", "parent", "host_type", "year",
    "rating", "discipline", "total_count", "rated_count", "count_of", "share_of", "ignored", "proposed", "unit_count",
    "score", "score_proposed", "score_self",
)
# Who gave a score ([score_by] in scales.toml), as the role of its column: decided, proposed, self-scored.
SCORE_ROLES = {"decision": "score", "proposal": "score_proposed", "self": "score_self"}
# Other names a user may give a role in --column ROLE=HEADER or [mapping] (beside the roles
# themselves): alias -> role; a tier or a status names a count column of it.
ROLE_ALIASES = {"name": "member", "unit": "org", "card": "member_id", "total": "total_count", "rated": "rated_count",
                "ignore": "ignored", "self_rating": "proposed"}
ROLE_NAMES = ROLE_ALIASES  # the earlier name, kept importable
# [column_words] keys beside the roles: columns known by their header and not read, for a reason of
# their own that inspect states (an award, unless its cells are labels)
NOT_READ_WORDS = ("award",)


@dataclass
class Mapping:
    """What the user says the reader cannot see: the header's row (1-based, as Excel shows it)
    and columns by their header text (folded) -> role, or a tier/status for a count column."""

    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # norm_key(header) -> role, tier or status
    shown: dict[str, str] = field(default_factory=dict)  # norm_key(header) -> the header as the user wrote it

    def __bool__(self) -> bool:
        return self.header_row is not None or bool(self.columns)

    def merged(self, other: "Mapping") -> "Mapping":
        """This mapping with ``other`` on top (the command line over a --scales file)."""
        return Mapping(other.header_row or self.header_row, self.columns | other.columns, self.shown | other.shown)


def parse_mapping(header_row: int | None, columns: list[str] | dict, origin: str = "--column") -> Mapping:
    """A Mapping from ``ROLE=HEADER`` texts (or a {role: header} table); refuses an unknown role."""
    pairs = list(columns.items()) if isinstance(columns, dict) else []
    for text in columns if not isinstance(columns, dict) else []:
        role, sep, header = str(text).partition("=")
        if not sep or not header.strip() or not role.strip():
            raise InputError(_("{origin} {text} is not ROLE=HEADER").format(origin=origin, text=repr(text)),
                             hint=_("e.g. --column rating='KQ xếp loại'"))
        pairs.append((role.strip(), header.strip()))
    mapping = Mapping(header_row)
    for role, header in pairs:
        name = ROLE_ALIASES.get(role.casefold(), role.casefold())
        if name not in ROLES + TIERS + STATUSES or name in ("count_of", "share_of"):
            known = sorted(set(ROLES + TIERS + STATUSES + tuple(ROLE_ALIASES)) - {"count_of", "share_of"})
            raise InputError(_("unknown column role '{role}'").format(role=role), file=None if origin == "--column" else origin,
                             hint=_("roles: {roles}").format(roles=", ".join(known)))
        mapping.columns[norm_key(header)] = name
        mapping.shown[norm_key(header)] = header
    return mapping


# A folded key's prefix in the [columns] and [kinds] tables for its form without diacritics: kept
# apart from the keys with them, so that a text typed with marks is never looked up without.
LOOSE = "\x00"


def has_marks(text: str) -> bool:
    """Does text carry Vietnamese diacritics (a tone or vowel mark, or đ)?"""
    return strip_marks(text) != text


class Words(tuple):
    """A text's words, folded, and how they are compared with the vocabulary's.

    In Vietnamese the marks tell words apart (chi/chỉ, tổ/tỏ, đảng/đang, năm/nam), so a text
    typed with them (``marked``) keeps them and matches a vocabulary word with its marks only.
    A text typed without any (Telex off, an old CSV: "Xep loai") is matched without them: there
    the marks are missing, not meant."""

    marked: bool

    def __new__(cls, words, marked: bool):
        self = super().__new__(cls, words)
        self.marked = marked
        return self


def phrase(text: str) -> tuple[bool, Words]:
    """(anchored at the start, words with their diacritics) of a vocabulary phrase ("^loại").
    The vocabulary is written with its marks: a word without them is the word without them."""
    anchored = text.startswith("^")
    return anchored, Words(norm_key(text.lstrip("^")).split(), True)


def words_of(text: object, marks: bool = False) -> Words:
    """A header's words, folded; with their diacritics when the text has some ("Chỉ tiêu" is not
    "chi"), without when it has none ("Xep loai" is xếp loại); ``marks``: the cell it was cut from
    had some."""
    key = norm_key(text)
    marked = marks or has_marks(key)
    return Words((key if marked else strip_marks(key)).split(), marked)


@functools.lru_cache(maxsize=4096)
def _without_marks(needle: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(strip_marks(word) for word in needle)


def find_phrase(words: tuple[str, ...], wanted: tuple[bool, tuple[str, ...]]) -> int:
    """The position of a phrase among the words (whole words), or -1. Words typed without
    diacritics (``Words.marked`` false) are compared with the phrase's words without them."""
    anchored, needle = wanted
    if isinstance(words, Words) and not words.marked:
        needle = _without_marks(tuple(needle))
    n = len(needle)
    if not n:
        return -1
    for i in range(0, 1 if anchored else len(words) - n + 1):
        if words[i:i + n] == needle:
            return i
    return -1


@dataclass(frozen=True)
class Regime:
    id: str
    first_year: int | None
    last_year: int | None
    documents: str
    tiers: dict[str, dict[str, str]]  # vocabulary -> tier -> label

    def covers(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass(frozen=True)
class Meaning:
    """What a label means: a tier (possibly exemplary) or a status."""

    means: str  # one of TIERS or STATUSES
    exemplary: bool = False

    @property
    def tier(self) -> str | None:
        return self.means if self.means in TIERS else None

    @property
    def status(self) -> str:
        return "rated" if self.means in TIERS else self.means


@dataclass
class Label:
    meaning: Meaning
    display: str  # the alias as written in the vocabulary, for hints
    valid: set[tuple[str, str]] = field(default_factory=set)  # (vocabulary, regime id); ("*", "*") = all
    typo: bool = False  # matched, never suggested


@dataclass(frozen=True)
class RuleSource:
    """What a rule cites in some years of a regime, and whether it is checked there."""

    regime: str  # a regime id; "*" for a rule that is the same in every year
    first_year: int | None = None
    last_year: int | None = None
    applies: bool = True
    source: str = ""
    verified: bool = True
    exception: str = ""  # a case the source excepts, which the data cannot show

    def covers(self, regime: str, year: int) -> bool:
        return self.regime in (regime, "*") and (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass
class Rule:
    id: str
    name: str  # Vietnamese, for people
    severity: str  # one of SEVERITIES
    sources: list[RuleSource]  # later entries win; empty = the same in every year
    settings: dict = field(default_factory=dict)  # a rule's own settings (org_quota: group), see rules.toml


@dataclass
class Scales:
    regimes: list[Regime]
    subjects: dict[str, dict[str, str]]  # subject -> {vocabulary, total, rated, ...}
    labels: dict[str, Label]  # norm_key -> Label
    loose_labels: dict[str, Label | None]  # loose_key -> Label, None when ambiguous
    columns: dict[str, str]  # norm_key of a header, or LOOSE + its loose_key -> role (see lookup)
    kinds: dict[str, tuple[str, str]]  # key (as columns) -> (kind id, subject); subject "by_parent": see by_parent
    totals_row: set[str]  # keys
    rules: dict[str, Rule] = field(default_factory=dict)  # rule id -> Rule
    column_words: dict[str, list] = field(default_factory=dict)  # role -> phrases, in the order tried
    table_end: list = field(default_factory=list)  # phrases that begin a row ending the table
    left: list = field(default_factory=list)  # phrases that say a member left during the year
    arrived: list = field(default_factory=list)  # words after a transfer that say the member came in ([left])
    arrived_then: list = field(default_factory=list)  # words after those that confirm it (a date, where from)
    tier_words: dict[str, list] = field(default_factory=dict)  # "count"/"share" -> phrases before a label
    totals_prefixes: list = field(default_factory=list)  # phrases that begin a subtotal row
    totals_groups: list = field(default_factory=list)  # phrases after such a prefix: what the subtotal totals
    by_parent: dict[str, dict[str, str]] = field(default_factory=dict)  # kind id -> {units: kind, cells: kind}
    name_parts: dict[str, str] = field(default_factory=dict)  # key (as columns) -> "first" / "last" ([name_parts])
    score_by: dict[str, list] = field(default_factory=dict)  # "decision"/"self"/"proposal" -> phrases ([score_by])
    scores: dict = field(default_factory=dict)  # [scores]: bands (category, from, tier) best first, labels
    mapping: Mapping = field(default_factory=Mapping)  # [mapping] of a --scales file

    def rule_source(self, rule_id: str, year: int | None) -> RuleSource | None:
        """The entry of the rule table that covers ``year`` (the last one, so a user's file wins);
        None when none does: the rule is not checked then. Check ``applies`` before citing it."""
        rule = self.rules[rule_id]
        if not rule.sources:
            return RuleSource("*")  # a rule with no source of its own: every year, citing nothing
        if year is None:  # a check of the files themselves on a row that names no year
            return next((s for s in reversed(rule.sources) if s.regime == "*" and s.first_year is None
                         and s.last_year is None), None)
        regime = self.regime(year).id
        return next((s for s in reversed(rule.sources) if s.covers(regime, year)), None)

    def role_by_words(self, text: object, marks: bool = False) -> tuple[str, str] | None:
        """(role, the phrase that decided it) of a header by its words, or None (see [column_words]);
        ``marks``: the cell it was cut from had diacritics (see ``words_of``)."""
        words = words_of(text, marks)
        if not words or len(words) > 16:
            return None
        for role, phrases in self.column_words.items():
            for wanted, shown in phrases:
                if find_phrase(words, wanted) >= 0:
                    return role, shown
        return None

    def score_role(self, text: object, marks: bool = False) -> str:
        """The role of a score column by who gave it ([score_by]): ``score`` (the decision, also
        when no word says who), ``score_proposed`` or ``score_self``."""
        words = words_of(text, marks)
        for by in ("decision", "self", "proposal"):
            if any(find_phrase(words, wanted) >= 0 for wanted in self.score_by.get(by, [])):
                return SCORE_ROLES[by]
        return SCORE_ROLES["decision"]

    def score_label(self, year: int, subject: str, category: str) -> str:
        """The Vietnamese label of a category of the score figures ("Từ 90 điểm trở lên",
        "Điểm bình quân – Hoàn thành tốt nhiệm vụ")."""
        labels = self.scores.get("labels", {})
        if category.startswith("mean_"):
            tier = self.category_label(year, subject, category.removeprefix("mean_"))
            return labels.get("mean_tier", "{tier}").format(tier=tier)
        return labels.get(category, category)

    def band_of(self, score: float) -> str:
        """The tier whose band a score lies in ([scores] bands: QĐ 366 from 2025)."""
        return next(b["tier"] for b in self.scores["bands"] if score >= b["from"])

    def band_ranks(self, scores):
        """The tier index (TIERS) of the band of each score, as an array ([scores] bands, best first);
        NaN scores fall in the last band – callers look only at scores that are there."""
        import numpy as np

        bands = self.scores["bands"]
        scores = np.asarray(scores, dtype=np.float64)
        return np.select([scores >= b["from"] for b in bands], [TIERS.index(b["tier"]) for b in bands], len(TIERS) - 1)

    def off_band(self, tier_ranks, scores):
        """Rows whose rating's tier (an index into TIERS; -1: not a tier) is not the band of their
        score (NaN: no score): the rows the score rules look at, and the rows the column reader
        keeps as records of their own so that a finding names each."""
        import numpy as np

        scores = np.asarray(scores, dtype=np.float64)
        tier_ranks = np.asarray(tier_ranks)
        return (tier_ranks >= 0) & ~np.isnan(scores) & (tier_ranks != self.band_ranks(scores))

    def band_floor(self, tier: str) -> float:
        """The lowest score of a tier's band (top: 90, good: 70, pass: 50, fail: 0)."""
        return next(b["from"] for b in self.scores["bands"] if b["tier"] == tier)

    def says_left(self, text: object) -> bool:
        """Does a cell say that a member left during the year ("Chuyển sinh hoạt đi 10/2019")?
        Not when it says the member came in ("Chuyển sinh hoạt đến tháng 3/2019")."""
        words = words_of(text)
        if not 0 < len(words) <= 20:
            return False
        for wanted in self.left:
            at = find_phrase(words, wanted)
            if at >= 0 and not self._came_in(Words(words[at + len(wanted[1]):], words.marked)):
                return True
        return False

    def _came_in(self, rest: "Words") -> bool:
        """Do the words after a transfer say it was inwards: an arrival word ("đến", "về"), then
        nothing, a date or where from – not where to ("đến Đảng bộ huyện X")?"""
        for wanted in self.arrived:
            if find_phrase(rest, wanted) == 0:
                after = Words(rest[len(wanted[1]):], rest.marked)
                return (not after or after[0][:1].isdigit()
                        or any(find_phrase(after, then) == 0 for then in self.arrived_then))
        return False

    def kind_in(self, text: object) -> tuple[str, str] | None:
        """The (kind, subject) a heading names anywhere in its words ("III. CÁC CHI BỘ TRỰC THUỘC
        ĐẢNG ỦY CƠ SỞ" -> chi bộ trực thuộc): the leftmost kind named, the longest at that place."""
        words = words_of(text)
        best = None
        for key, found in self.kinds.items():
            if found[1] == "by_parent" or " " not in key:
                continue  # "Chi bộ" alone, or a folded key, is not a heading's kind
            at = find_phrase(words, (False, tuple(key.split())))
            size = len(key.split())
            if at >= 0 and (best is None or (at, -size) < best[0]):
                best = ((at, -size), found)
        return best[1] if best else None
    def regime(self, year: int) -> Regime:
        # the latest regime that covers the year: a regime added from 2031 ends an open one
        for regime in reversed(self.regimes):
            if regime.covers(year):
                return regime
        raise InputError(
            _("no rating scale covers the year {year}").format(year=year),
            value=year,
            hint=_("add a [[regimes]] entry for it in a --scales file"),
        )

    def category_label(self, year: int, subject: str, category: str) -> str:
        """The Vietnamese label of an output category in that year's regime."""
        if category in TIERS:
            vocabulary = self.subjects[subject]["vocabulary"]
            return self.regime(year).tiers[vocabulary][category]
        return self.subjects[subject].get(category, "")

    def lookup_label(self, text: str) -> Label | None:
        """Exact, then diacritics- and space-insensitive lookup; None if unknown or ambiguous."""
        label = self.labels.get(norm_key(text))
        if label is None:
            label = self.loose_labels.get(loose_key(text))
        return label

    def lookup(self, table: dict, text: object, marks: bool = False):
        """A text's entry in [columns] or [kinds]: exact (case, spaces and punctuation aside); without
        diacritics only when the text has none and ``marks`` does not say the cell it was cut from
        had some. An entry is written with its marks (a user's too): "Ma DV" matches "Ma DV" only."""
        key = norm_key(text)
        if key in table:
            return table[key]
        if marks or has_marks(key):
            return None  # "Chỉ tiêu", "Đang viên": other words than chi, đảng
        return table.get(LOOSE + loose_key(text))


def _index_label(scales: Scales, alias: str, meaning: Meaning, valid: set, origin: str, typo: bool) -> None:
    key = norm_key(alias)
    existing = scales.labels.get(key)
    if existing is None:
        scales.labels[key] = Label(meaning, clean(alias), set(valid), typo)
    elif existing.meaning != meaning:
        raise InputError(
            _("label '{alias}' means {means} here but {existing} already").format(
                alias=alias, means=meaning.means, existing=existing.meaning.means),
            file=origin,
            hint=_("an alias may have one meaning only; remove it from one of the entries"),
        )
    else:
        existing.valid |= valid


def _build_loose(labels: dict[str, Label]) -> dict[str, Label | None]:
    loose: dict[str, Label | None] = {}
    for label in labels.values():
        key = loose_key(label.display)
        other = loose.get(key)
        if key in loose and (other is None or other.meaning != label.meaning):
            loose[key] = None  # two meanings fold together: only exact matches count
        elif other is None:
            loose[key] = label
    return loose


def _add(scales: Scales, data: dict, origin: str) -> None:
    for entry in data.get("regimes", []):
        regime = Regime(
            id=entry["id"],
            first_year=entry.get("first_year"),
            last_year=entry.get("last_year"),
            documents=entry.get("documents", ""),
            tiers=entry["tiers"],
        )
        scales.regimes = [r for r in scales.regimes if r.id != regime.id] + [regime]
    for subject, labels in data.get("subjects", {}).items():
        scales.subjects.setdefault(subject, {}).update(labels)
    for entry in data.get("labels", []):
        meaning = Meaning(entry["means"], bool(entry.get("exemplary", False)))
        if meaning.means not in TIERS + STATUSES:
            raise InputError(
                _("unknown meaning '{means}'").format(means=meaning.means),
                file=origin,
                hint=_("means must be one of {meanings}").format(meanings=", ".join(TIERS + STATUSES)),
            )
        spec = entry.get("valid", "all")
        valid = (
            {("*", "*")}
            if spec == "all"
            else {(vocab, regime) for vocab, regimes in spec.items() for regime in regimes}
        )
        for alias in entry.get("aliases", []):
            _index_label(scales, alias, meaning, valid, origin, typo=False)
        for alias in entry.get("typos", []):
            _index_label(scales, alias, meaning, valid, origin, typo=True)
    for role, aliases in data.get("columns", {}).items():
        if role not in ROLES:
            raise InputError(_("unknown column role '{role}'").format(role=role), file=origin,
                             hint=_("roles: {roles}").format(roles=", ".join(ROLES)))
        for alias in aliases:
            scales.columns[norm_key(alias)] = role
            scales.columns.setdefault(LOOSE + loose_key(alias), role)
    for kind, spec in data.get("kinds", {}).items():
        if spec["subject"] == "by_parent":
            scales.by_parent[kind] = {"units": spec["units"], "cells": spec["cells"]}
        for alias in spec["aliases"]:
            scales.kinds[norm_key(alias)] = (kind, spec["subject"])
            scales.kinds.setdefault(LOOSE + loose_key(alias), (kind, spec["subject"]))
    for part, aliases in data.get("name_parts", {}).items():
        for alias in aliases:
            scales.name_parts[norm_key(alias)] = part
            scales.name_parts.setdefault(LOOSE + loose_key(alias), part)
    for alias in data.get("totals_row", {}).get("aliases", []):
        scales.totals_row |= {norm_key(alias), loose_key(alias)}
    # with diacritics: "Tổng cộng" begins a total, "Tổng công ty" an organisation
    scales.totals_prefixes += [(True, tuple(norm_key(p).split())) for p in data.get("totals_row", {}).get("prefixes", [])]
    scales.totals_groups += [(True, tuple(norm_key(p).split())) for p in data.get("totals_row", {}).get("groups", [])]
    for role, phrases in data.get("column_words", {}).items():
        if role not in ROLES + NOT_READ_WORDS:
            raise InputError(_("unknown column role '{role}'").format(role=role), file=origin,
                             hint=_("roles: {roles}").format(roles=", ".join(ROLES)))
        scales.column_words.setdefault(role, []).extend((phrase(p), p) for p in phrases)
    scales.table_end += [phrase(p) for p in data.get("table_end", {}).get("aliases", [])]
    left = data.get("left", {}).get("aliases", [])
    scales.left += [phrase(p) for p in left]
    scales.arrived += [phrase("^" + p) for p in data.get("left", {}).get("arrived", [])]
    scales.arrived_then += [phrase("^" + p) for p in data.get("left", {}).get("arrived_then", [])]
    for alias in left:  # the same words in a rating cell: a label of its own (members only; never counted)
        _index_label(scales, alias, Meaning("left"), {("*", "*")}, origin, typo=False)
    if "scores" in data:
        scales.scores = {"bands": data["scores"].get("bands", scales.scores.get("bands", [])),
                         "labels": scales.scores.get("labels", {}) | data["scores"].get("labels", {})}
    for by, phrases in data.get("score_by", {}).items():
        if by not in SCORE_ROLES:
            raise InputError(_("unknown [score_by] entry '{by}'").format(by=by), file=origin,
                             hint=_("[score_by] has {names}").format(names=", ".join(SCORE_ROLES)))
        scales.score_by.setdefault(by, []).extend(phrase(p) for p in phrases)
    for what, phrases in data.get("tier_words", {}).items():
        scales.tier_words.setdefault(what, []).extend(phrase(p)[1] for p in phrases)
    if "mapping" in data:
        spec = data["mapping"]
        scales.mapping = scales.mapping.merged(parse_mapping(spec.get("header_row"), spec.get("columns", {}), origin))


def _rule_source(entry: dict, default_source: str, origin: str, rule_id: str) -> RuleSource:
    source = RuleSource(
        regime=entry.get("regime", "*"),
        first_year=entry.get("first_year"),
        last_year=entry.get("last_year"),
        applies=bool(entry.get("applies", True)),
        source=entry.get("source", default_source),
        verified=bool(entry.get("verified", True)),
        exception=entry.get("exception", ""),
    )
    if source.applies and not source.source:
        raise InputError(_("rule '{rule}' applies in regime '{regime}' but cites no source").format(
                         rule=rule_id, regime=source.regime), file=origin, hint=_("give it a source, or applies = false"))
    return source


def _add_rules(scales: Scales, entries: list, origin: str, builtin: bool) -> None:
    """Add (built-in) or amend (a user's file) the rule table; a user's sources come last, so they win."""
    for entry in entries:
        rule_id = entry["id"]
        rule = scales.rules.get(rule_id)
        if rule is None and not builtin:
            raise InputError(_("unknown rule '{rule}'").format(rule=rule_id), file=origin,
                             hint=_("a scales file can amend the rules {rules}; it cannot add one").format(rules=", ".join(scales.rules)))
        if rule is None:
            settings = {k: v for k, v in entry.items() if k not in RULE_KEYS}
            rule = scales.rules[rule_id] = Rule(rule_id, entry["name"], entry["severity"], [], settings)
        unknown = sorted(set(entry) - RULE_KEYS - set(rule.settings))
        if unknown:
            raise InputError(_("rule '{rule}' has no setting '{setting}'").format(rule=rule_id, setting=unknown[0]), file=origin,
                             hint=_("a [[rules]] entry may give {keys}").format(keys=", ".join(sorted(RULE_KEYS | set(rule.settings)))))
        rule.settings.update({k: entry[k] for k in rule.settings if k in entry})
        rule.name = entry.get("name", rule.name)
        rule.severity = entry.get("severity", rule.severity)
        if rule.severity not in SEVERITIES:
            raise InputError(_("rule '{rule}' has severity '{severity}'").format(rule=rule_id, severity=rule.severity), file=origin,
                             hint=_("severity must be one of {severities}").format(severities=", ".join(SEVERITIES)))
        if "source" in entry and not entry.get("sources"):
            rule.sources.append(_rule_source({}, entry["source"], origin, rule_id))
        rule.sources += [_rule_source(s, "", origin, rule_id) for s in entry.get("sources", [])]


def _check_rule_regimes(scales: Scales, origin: str) -> None:
    known = {r.id for r in scales.regimes}
    for rule in scales.rules.values():
        for source in rule.sources:
            if source.regime != "*" and source.regime not in known:
                raise InputError(_("rule '{rule}' names the regime '{regime}', which no [[regimes]] entry has").format(
                                 rule=rule.id, regime=source.regime), file=origin, hint=_("regimes: {regimes}").format(regimes=", ".join(sorted(known))))


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise InputError(_("cannot read scales file: {reason}").format(reason=exc.strerror), file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(_("not a valid TOML file: {reason}").format(reason=exc), file=str(path),
                         hint=_("see ccq_stats/scales.toml for the shape")) from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion
        raise InputError(_("not a valid TOML file: arrays or tables nested too deep"), file=str(path),
                         hint=_("see ccq_stats/scales.toml for the shape")) from None


def load_scales(extra: Path | None = None) -> Scales:
    """The built-in vocabulary, extended by the user's ``extra`` TOML file if given."""
    return _load(str(extra) if extra else None)


@functools.lru_cache(maxsize=8)
def _load(extra: str | None) -> Scales:
    scales = Scales([], {}, {}, {}, {}, {}, set())
    _add(scales, _BUILTIN_DATA, str(BUILTIN))
    _add_rules(scales, _read_toml(RULES)["rules"], str(RULES), builtin=True)
    if extra:
        try:
            data = _read_toml(Path(extra))
            _add(scales, data, extra)
            _add_rules(scales, data.get("rules", []), extra, builtin=False)
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(_("malformed scales file ({reason})").format(reason=exc), file=extra,
                             hint=_("see ccq_stats/scales.toml and ccq_stats/rules.toml for the shape")) from None
    _check_rule_regimes(scales, extra or str(RULES))
    scales.regimes.sort(key=lambda r: r.first_year or 0)
    scales.loose_labels = _build_loose(scales.labels)
    return scales


# Display names, the words the documents and tables print for subjects, kinds, statuses and tiers
# ([names] of scales.toml). Vocabulary, so they live here, below the documents and writers that
# print them (report.py, month.py, store/history.py, write/terminal.py, write/text.py and
# write/workbook.py all take them from here).
_NAMES = _BUILTIN_DATA["names"]
DEFAULT_ORG = _NAMES["default_org"]  # the organisation a document is about when --org is not given
SUBJECT_NAMES = dict(_NAMES["subjects"])  # in a sentence: "chi bộ trực thuộc"
SUBJECT_TITLES = dict(_NAMES["subject_titles"])  # a table's title: "Chi bộ trực thuộc"
KIND_NAMES = dict(_NAMES["kinds"])
STATUS_NAMES = dict(_NAMES["statuses"])
# a category that is no tier, as a narrow table heads it; the members' total so headed
SHORT_CATEGORIES = {"total": _NAMES["categories"]["total"], **STATUS_NAMES, "rated": _NAMES["categories"]["rated"]}
SHORT_MEMBERS_TOTAL = _NAMES["members_total"]
# Abbreviations the tables of a report use, as staff write them; a report prints the legend.
SHORT = dict(_NAMES["short"])
# The abbreviations of the tables and what they stand for, in the order a legend gives them.
LEGEND_WORDS = tuple((short, meaning) for short, meaning in _NAMES["legend"])


def legend_for(texts) -> str:
    """The legend of the abbreviations that occur in ``texts`` (the cells of a table), and only
    those: no TSVM under a table of members or of 2018–2019 ratings."""
    import re

    words = set(re.findall(r"\w+", " ".join(texts)))
    return "; ".join(f"{short}: {meaning}" for short, meaning in LEGEND_WORDS if short in words)


LEGEND = legend_for(short for short, meaning in LEGEND_WORDS)  # every abbreviation
