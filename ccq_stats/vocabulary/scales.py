"""The rating scales as data: regimes by year, tiers, label and header vocabularies.

Everything comes from ``scales.toml`` and ``rules.toml`` (inside the package) plus,
optionally, a user's file given with ``--scales``. ``load_scales()`` builds lookup tables once;
classification, the header finder and the rule checks only look things up in them.

This module loads and checks the TOML files; ``terms`` holds the words of the code read from
``scales.toml``, ``phrases`` how words are compared, ``tables`` the lookup tables (``Scales``).
Every name is importable from here, as before.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.text import clean, loose_key, norm_key
from ccq_stats.vocabulary.phrases import (  # noqa: F401 - kept importable from here
    LOOSE,
    Words,
    either_marks,
    find_phrase,
    has_marks,
    phrase,
    words_of,
)
from ccq_stats.vocabulary.tables import (  # noqa: F401 - kept importable from here
    Label,
    Mapping,
    Meaning,
    Regime,
    Rule,
    RuleSource,
    Scales,
    parse_mapping,
)
from ccq_stats.vocabulary.terms import (  # noqa: F401 - the words of the code, kept importable from here
    BUILTIN,
    BUILTIN_DATA,
    CELL_ROLES,
    COLUMN_READER_ROLES,
    DEFAULT_ORG,
    FEW_VALUE_ROLES,
    FIRST_YEAR,
    GROUP_BY,
    HEADER_FIRST_YEAR,
    KIND_NAMES,
    LAST_YEAR,
    LEGEND,
    LEGEND_WORDS,
    NOT_READ_WORDS,
    QUOTA_BASES,
    READING_WORDS,
    ROLE_ALIASES,
    ROLE_NAMES,
    ROLES,
    RULE_KEYS,
    RULES,
    SCORE_ROLES,
    SEVERITIES,
    SHAPES,
    SHARE_BASES,
    SHORT,
    SHORT_CATEGORIES,
    SHORT_MEMBERS_TOTAL,
    SINGLE_ROLES,
    STATUS_NAMES,
    STATUSES,
    SUBJECT_NAMES,
    SUBJECT_TITLES,
    SUBJECTS,
    TERM_MEANS,
    TIERS,
    is_rating_year,
    legend_for,
    year_of_header,
)


def _index_label(scales: Scales, alias: str, meaning: Meaning, valid: set, origin: str, typo: bool) -> None:
    key = norm_key(alias)
    existing = scales.labels.get(key)
    if existing is None:
        scales.labels[key] = Label(meaning, clean(alias), set(valid), typo)
    elif existing.meaning != meaning:
        raise InputError(
            _("label '{alias}' means {means} here but {existing} already").format(
                alias=alias, means=meaning.means, existing=existing.meaning.means
            ),
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
            raise InputError(
                _("unknown column role '{role}'").format(role=role),
                file=origin,
                hint=_("roles: {roles}").format(roles=", ".join(ROLES)),
            )
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
    scales.totals_prefixes += [
        (True, tuple(norm_key(p).split())) for p in data.get("totals_row", {}).get("prefixes", [])
    ]
    scales.totals_groups += [(True, tuple(norm_key(p).split())) for p in data.get("totals_row", {}).get("groups", [])]
    for role, phrases in data.get("column_words", {}).items():
        if role not in ROLES + NOT_READ_WORDS:
            raise InputError(
                _("unknown column role '{role}'").format(role=role),
                file=origin,
                hint=_("roles: {roles}").format(roles=", ".join(ROLES)),
            )
        scales.column_words.setdefault(role, []).extend((phrase(p), p) for p in phrases)
    scales.table_end += [phrase(p) for p in data.get("table_end", {}).get("aliases", [])]
    left = data.get("left", {}).get("aliases", [])
    scales.left += [phrase(p) for p in left]
    scales.arrived += [phrase("^" + p) for p in data.get("left", {}).get("arrived", [])]
    scales.arrived_then += [phrase("^" + p) for p in data.get("left", {}).get("arrived_then", [])]
    for alias in left:  # the same words in a rating cell: a label of its own (members only; never counted)
        _index_label(scales, alias, Meaning("left"), {("*", "*")}, origin, typo=False)
    if "scores" in data:
        scales.scores = {
            "bands": data["scores"].get("bands", scales.scores.get("bands", [])),
            "labels": scales.scores.get("labels", {}) | data["scores"].get("labels", {}),
        }
    for by, phrases in data.get("score_by", {}).items():
        if by not in SCORE_ROLES:
            raise InputError(
                _("unknown [score_by] entry '{by}'").format(by=by),
                file=origin,
                hint=_("[score_by] has {names}").format(names=", ".join(SCORE_ROLES)),
            )
        scales.score_by.setdefault(by, []).extend(phrase(p) for p in phrases)
    for what, phrases in data.get("tier_words", {}).items():
        scales.tier_words.setdefault(what, []).extend(phrase(p)[1] for p in phrases)
    for name, given in data.get("reading_words", {}).items():
        if name not in READING_WORDS:
            raise InputError(
                _("unknown [reading_words] entry '{name}'").format(name=name),
                file=origin,
                hint=_("[reading_words] has {names}").format(names=", ".join(READING_WORDS)),
            )
        given = [given] if isinstance(given, str) else given
        if name in GROUPED_READING_WORDS and isinstance(given, list):
            # a list of groups, each standing together (rating_levels: the committees of one level);
            # a word alone is a group of one
            given = [(w,) if isinstance(w, str) else tuple(w) if isinstance(w, list) else w for w in given]
            fine = all(isinstance(w, tuple) and all(isinstance(x, str) for x in w) for w in given)
        else:
            fine = isinstance(given, list) and all(isinstance(w, str) for w in given)
        if not fine:
            raise InputError(
                _("[reading_words] {name} is not a word or a list of words").format(name=name),
                file=origin,
                hint=_('write {name} = "word" or {name} = ["word", "another"]').format(name=name),
            )
        if name in REPLACED_READING_WORDS:  # one value, not a list of alternatives: the user's in its place
            scales.reading_words[name] = tuple(given)
            continue
        # added beside the words already known, never in their place (as every --scales word is)
        scales.reading_words[name] = tuple(dict.fromkeys((*scales.reading_words.get(name, ()), *given)))
    if "mapping" in data:
        spec = data["mapping"]
        scales.mapping = scales.mapping.merged(parse_mapping(spec.get("header_row"), spec.get("columns", {}), origin))


# [reading_words] entries that are lists of groups of words, and the one that is a single value (the
# header given to a list typed as lines: its three columns, in order), which a --scales file replaces
GROUPED_READING_WORDS = ("rating_levels",)
REPLACED_READING_WORDS = ("line_header",)


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
        raise InputError(
            _("rule '{rule}' applies in regime '{regime}' but cites no source").format(
                rule=rule_id, regime=source.regime
            ),
            file=origin,
            hint=_("give it a source, or applies = false"),
        )
    return source


def _add_rules(scales: Scales, entries: list, origin: str, builtin: bool) -> None:
    """Add (built-in) or amend (a user's file) the rule table; a user's sources come last, so they win."""
    for entry in entries:
        rule_id = entry["id"]
        rule = scales.rules.get(rule_id)
        if rule is None and not builtin:
            raise InputError(
                _("unknown rule '{rule}'").format(rule=rule_id),
                file=origin,
                hint=_("a scales file can amend the rules {rules}; it cannot add one").format(
                    rules=", ".join(scales.rules)
                ),
            )
        if rule is None:
            settings = {k: v for k, v in entry.items() if k not in RULE_KEYS}
            rule = scales.rules[rule_id] = Rule(rule_id, entry["name"], entry["severity"], [], settings)
        unknown = sorted(set(entry) - RULE_KEYS - set(rule.settings))
        if unknown:
            raise InputError(
                _("rule '{rule}' has no setting '{setting}'").format(rule=rule_id, setting=unknown[0]),
                file=origin,
                hint=_("a [[rules]] entry may give {keys}").format(
                    keys=", ".join(sorted(RULE_KEYS | set(rule.settings)))
                ),
            )
        rule.settings.update({k: entry[k] for k in rule.settings if k in entry})
        rule.name = entry.get("name", rule.name)
        rule.severity = entry.get("severity", rule.severity)
        if rule.severity not in SEVERITIES:
            raise InputError(
                _("rule '{rule}' has severity '{severity}'").format(rule=rule_id, severity=rule.severity),
                file=origin,
                hint=_("severity must be one of {severities}").format(severities=", ".join(SEVERITIES)),
            )
        if "source" in entry and not entry.get("sources"):
            rule.sources.append(_rule_source({}, entry["source"], origin, rule_id))
        rule.sources += [_rule_source(s, "", origin, rule_id) for s in entry.get("sources", [])]


def _check_rule_regimes(scales: Scales, origin: str) -> None:
    known = {r.id for r in scales.regimes}
    for rule in scales.rules.values():
        for source in rule.sources:
            if source.regime != "*" and source.regime not in known:
                raise InputError(
                    _("rule '{rule}' names the regime '{regime}', which no [[regimes]] entry has").format(
                        rule=rule.id, regime=source.regime
                    ),
                    file=origin,
                    hint=_("regimes: {regimes}").format(regimes=", ".join(sorted(known))),
                )


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise InputError(_("cannot read scales file: {reason}").format(reason=exc.strerror), file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            _("not a valid TOML file: {reason}").format(reason=exc),
            file=str(path),
            hint=_("see ccq_stats/scales.toml for the shape"),
        ) from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion
        raise InputError(
            _("not a valid TOML file: arrays or tables nested too deep"),
            file=str(path),
            hint=_("see ccq_stats/scales.toml for the shape"),
        ) from None


def load_scales(extra: Path | None = None) -> Scales:
    """The built-in vocabulary, extended by the user's ``extra`` TOML file if given."""
    return _load(str(extra) if extra else None)


@functools.lru_cache(maxsize=8)
def _load(extra: str | None) -> Scales:
    scales = Scales([], {}, {}, {}, {}, {}, set())
    _add(scales, BUILTIN_DATA, str(BUILTIN))
    _add_rules(scales, _read_toml(RULES)["rules"], str(RULES), builtin=True)
    if extra:
        try:
            data = _read_toml(Path(extra))
            _add(scales, data, extra)
            _add_rules(scales, data.get("rules", []), extra, builtin=False)
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                _("malformed scales file ({reason})").format(reason=exc),
                file=extra,
                hint=_("see ccq_stats/scales.toml and ccq_stats/rules.toml for the shape"),
            ) from None
    _check_rule_regimes(scales, extra or str(RULES))
    scales.regimes.sort(key=lambda r: r.first_year or 0)
    scales.loose_labels = _build_loose(scales.labels)
    return scales
