"""The vocabulary as lookup tables (``Scales``) and what they answer: a label's meaning, a header's
role by its words, a regime by its year, a rule's source; the ``Mapping`` a user gives, and the
types the tables hold (``Regime``, ``Meaning``, ``Label``, ``Rule``). ``scales.load_scales``
fills them from the TOML files.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.text import loose_key, norm_key
from ccq_stats.vocabulary.phrases import LOOSE, Words, find_phrase, has_marks, words_of
from ccq_stats.vocabulary.reading_words import ReadingWords
from ccq_stats.vocabulary.terms import ROLE_ALIASES, ROLES, SCORE_ROLES, STATUSES, TIERS


@dataclass
class Mapping:
    """What the user says the reader cannot see: the header's row (1-based, as Excel shows it)
    and columns by their header text (folded) -> role, or a tier/status for a count column."""

    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # norm_key(header) -> role, tier or status
    shown: dict[str, str] = field(default_factory=dict)  # norm_key(header) -> the header as the user wrote it

    def __bool__(self) -> bool:
        return self.header_row is not None or bool(self.columns)

    def merged(self, other: Mapping) -> Mapping:
        """This mapping with ``other`` on top (the command line over a --scales file)."""
        return Mapping(other.header_row or self.header_row, self.columns | other.columns, self.shown | other.shown)


def parse_mapping(header_row: int | None, columns: list[str] | dict, origin: str = "--column") -> Mapping:
    """A Mapping from ``ROLE=HEADER`` texts (or a {role: header} table); refuses an unknown role."""
    pairs = list(columns.items()) if isinstance(columns, dict) else []
    for text in columns if not isinstance(columns, dict) else []:
        role, sep, header = str(text).partition("=")
        if not sep or not header.strip() or not role.strip():
            raise InputError(
                _("{origin} {text} is not ROLE=HEADER").format(origin=origin, text=repr(text)),
                hint=_("e.g. --column rating='KQ xếp loại'"),
            )
        pairs.append((role.strip(), header.strip()))
    mapping = Mapping(header_row)
    for role, header in pairs:
        name = ROLE_ALIASES.get(role.casefold(), role.casefold())
        if name not in ROLES + TIERS + STATUSES or name in ("count_of", "share_of"):
            known = sorted(set(ROLES + TIERS + STATUSES + tuple(ROLE_ALIASES)) - {"count_of", "share_of"})
            raise InputError(
                _("unknown column role '{role}'").format(role=role),
                file=None if origin == "--column" else origin,
                hint=_("roles: {roles}").format(roles=", ".join(known)),
            )
        mapping.columns[norm_key(header)] = name
        mapping.shown[norm_key(header)] = header
    return mapping


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
        return (
            self.regime in (regime, "*")
            and (self.first_year is None or year >= self.first_year)
            and (self.last_year is None or year <= self.last_year)
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
    reading_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # [reading_words]: name -> words

    @functools.cached_property
    def words(self) -> ReadingWords:
        """The [reading_words] and the reader's patterns made of them (built once, when first read)."""
        return ReadingWords(self.reading_words)

    def rule_source(self, rule_id: str, year: int | None) -> RuleSource | None:
        """The entry of the rule table that covers ``year`` (the last one, so a user's file wins);
        None when none does: the rule is not checked then. Check ``applies`` before citing it."""
        rule = self.rules[rule_id]
        if not rule.sources:
            return RuleSource("*")  # a rule with no source of its own: every year, citing nothing
        if year is None:  # a check of the files themselves on a row that names no year
            return next(
                (s for s in reversed(rule.sources) if s.regime == "*" and s.first_year is None and s.last_year is None),
                None,
            )
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
            if at >= 0 and not self._came_in(Words(words[at + len(wanted[1]) :], words.marked)):
                return True
        return False

    def status_in(self, text: object) -> Label | None:
        """The status a note names among its words ("Mới kết nạp 10/2021, chưa đánh giá": not rated;
        "x" aside, "Miễn sinh hoạt đảng": exempt), by the status labels of the vocabulary ([[labels]],
        a --scales file's too): what a careful reader takes a blank rating beside it to mean. None if
        it names no status, or two (which one holds cannot be told)."""
        words = words_of(text)
        if not 0 < len(words) <= 30:
            return None
        found: dict[str, Label] = {}
        for key, label in self.labels.items():
            if label.typo or label.meaning.means not in ("exempt", "not_rated"):
                continue
            if find_phrase(words, (False, tuple(key.split()))) >= 0:
                found.setdefault(label.meaning.means, label)
        return next(iter(found.values())) if len(found) == 1 else None

    def _came_in(self, rest: Words) -> bool:
        """Do the words after a transfer say it was inwards: an arrival word ("đến", "về"), then
        nothing, a date or where from – not where to ("đến Đảng bộ huyện X")?"""
        for wanted in self.arrived:
            if find_phrase(rest, wanted) == 0:
                after = Words(rest[len(wanted[1]) :], rest.marked)
                return (
                    not after
                    or after[0][:1].isdigit()
                    or any(find_phrase(after, then) == 0 for then in self.arrived_then)
                )
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
        if label is None and (initials := _initials(text)):
            label = self.labels.get(norm_key(initials))
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


def _initials(text: object) -> str | None:
    """A label typed half abbreviated ("Trong sạch VM", "HT tốt NV", "Không HTNV") as the
    abbreviation it half is ("TSVM", "HTTNV", "KHTNV"): each word in lower case cut to its initial,
    each word in capitals kept. Only a text that mixes the two: a name ("Hà Thị Thu Nga") has no
    word in capitals, a name in capitals no word in lower case, so neither becomes initials."""
    if not isinstance(text, str) or len(text) > 60:
        return None
    words = text.replace(".", " ").split()
    caps = [w.isupper() and len(w) >= 2 for w in words]
    if not any(caps) or all(caps) or len(words) > 6:
        return None
    return "".join(w if cap else w[0] for w, cap in zip(words, caps))
