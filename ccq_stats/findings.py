"""Findings: what a rule check (or a check made while reading) has to say about the data.

A finding carries the rule id, a severity (``error``: a rule is broken; ``warning``: worth a
look), the year, the organisation, the numbers behind it, a Vietnamese explanation naming
the rule's source, and where in the input it was seen (file, sheet, row) when it comes from
a cell. Never a member's name.

Checks made while reading (a totals row that does not add up …) call ``note``: outside
``collecting()`` that is a warning on stderr; inside, the finding is collected for
``ccq-stats check`` and the report.
"""

from __future__ import annotations

import contextlib
import logging
from contextvars import ContextVar
from dataclasses import dataclass, field

log = logging.getLogger("ccq_stats")
SEVERITIES = ("error", "warning")
_sink: ContextVar[list | None] = ContextVar("ccq_findings", default=None)


@dataclass
class Finding:
    rule: str
    severity: str
    year: int | None
    org: str
    message: str  # Vietnamese, names the source document
    source: str = ""
    numbers: dict = field(default_factory=dict)
    where: str = ""
    member: str = ""  # a member's name: filled only when the user asks (--names)

    def record(self) -> dict:
        # shallow: dataclasses.asdict deep-copies, 2.6 s for the 16,000 findings of a national report
        return {name: getattr(self, name) for name in self.__dataclass_fields__} | {"numbers": dict(self.numbers)}


def note(finding: Finding, log_text: str) -> None:
    """Report a check made while reading: collected if someone collects, else a warning."""
    sink = _sink.get()
    if sink is None:
        log.warning("%s", log_text)
    else:
        sink.append(finding)


@contextlib.contextmanager
def collecting():
    found: list[Finding] = []
    token = _sink.set(found)
    try:
        yield found
    finally:
        _sink.reset(token)
