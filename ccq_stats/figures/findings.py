"""Findings and notes: what a rule check, or a check made while reading, has to say.

A finding carries the rule id, a severity (``error``: a rule is broken; ``warning``: worth a
look), the year, the organisation, the numbers behind it, a Vietnamese explanation naming
the rule's source, and where in the input it was seen (file, sheet, row) when it comes from
a cell. Never a member's name, unless the user asks (``--names``).

Reading and reconciling pass ``Notes`` back with their results, as values: a note is a
warning for people (one line, in the user's language) and, for checks made while reading (a totals row
that does not add up …), also the finding that ``ccq-stats check`` and the reports list. Which
of the two a command shows is decided at the edge (``api``): ``classify`` prints every note,
``check`` lists the findings and prints the other notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccq_stats.errors import Where
from ccq_stats.vocabulary.scales import SEVERITIES  # noqa: F401 - vocabulary, kept importable from here

# The columns of a finding in csv and json output, and of the --warnings file: contracts that only
# grow at the end. Here, below reading and write, because the writers write them and the reader
# recognises a file we wrote by its first line (reading.sources.OUR_CSV_HEADERS).
FINDING_COLUMNS = ("rule", "severity", "year", "org", "numbers", "message", "source", "where")
WARNING_COLUMNS = ("level", "file", "sheet", "row", "column", "message")


@dataclass
class Finding:
    rule: str
    severity: str  # one of SEVERITIES: the rule table's (rules.toml, amended by --scales)
    year: int | None
    org: str
    message: str  # Vietnamese, names the source document
    source: str = ""
    numbers: dict = field(default_factory=dict)
    where: Where = field(default_factory=Where)  # the place in the input; text only when shown
    member: str = ""  # a member's name: filled only when the user asks (--names)

    def record(self) -> dict:
        """The finding as data: ``where`` as the CSV contract writes it (English words, see
        ``Where.as_data``) and ``place``, the same place as fields with English keys (JSON)."""
        # shallow: dataclasses.asdict deep-copies, 2.6 s for the 16,000 findings of a national report
        return {name: getattr(self, name) for name in self.__dataclass_fields__} | {
            "numbers": dict(self.numbers),
            "where": self.where.as_data(),
            "place": self.where.record(),
        }


def read_finding(rule: str, year: int | None, org: str, message: str, numbers: dict, where: Where) -> Finding:
    """A finding of a check made while reading (``present_total``, ``totals_row``, ``counts_vs_rows``),
    with the severity and source of the built-in rule table. The user's table (``--scales``) is
    applied where the findings are gathered (``rules.ruled``): the reader's checks do not carry it."""
    from ccq_stats.vocabulary.scales import load_scales

    scales = load_scales()
    source = scales.rule_source(rule, year)
    cited = source.source if source else ""
    return Finding(rule, scales.rules[rule].severity, year, org, message, cited, numbers, where)


@dataclass
class Note:
    """One thing to tell the user: a warning line, and the finding behind it if there is one."""

    message: str
    finding: Finding | None = None
    where: Where | None = None  # the file, sheet, row, column it is about, when it is about one

    @property
    def line(self) -> str:
        """The note as one line for people: where, then what."""
        where = str(self.where) if self.where is not None else ""
        return f"{where}: {self.message}" if where else self.message


@dataclass
class Notes:
    """The notes of a stage, in the order they were made; picklable (they cross the sandbox)."""

    items: list[Note] = field(default_factory=list)

    def warn(self, message: str, where: Where | None = None) -> None:
        self.items.append(Note(message, where=where))

    def found(self, finding: Finding, message: str, where: Where | None = None) -> None:
        self.items.append(Note(message, finding, where))

    def extend(self, other: Notes) -> None:
        self.items.extend(other.items)

    @property
    def findings(self) -> list[Finding]:
        return [n.finding for n in self.items if n.finding is not None]

    @property
    def warnings(self) -> list[str]:
        """Every note as a line for people (findings included)."""
        return [n.line for n in self.items]

    @property
    def plain(self) -> list[Note]:
        """The notes that carry no finding (for commands that list findings separately)."""
        return [n for n in self.items if n.finding is None]

    @property
    def plain_warnings(self) -> list[str]:
        return [n.line for n in self.plain]
