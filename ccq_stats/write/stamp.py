"""What a document was built from, and documents that do not depend on the clock.

A document written from the store names the store state it used ("import 7,
2026-12-07T14:16:51+00:00") where staff will not print it by accident: the ``identifier``
document property of a docx or xlsx, an HTML comment at the end of html and md; for the
other formats (csv, json, txt, the terminal) a line on stderr says it (``note``).

``fixed`` makes a docx or xlsx a function of its content and one given moment: every zip
entry's time and the created / modified properties are that moment (the report's date), so
that ``--as-of N`` with the same ``--date`` gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

from ccq_stats.i18n import gettext as _

PREFIX = "ccq-stats store: "
_CORE_TIME = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def label(store: dict | None) -> str:
    """The document property's text: "ccq-stats store: import 7, 2026-12-07T14:16:51+00:00"; "" for files."""
    return f"{PREFIX}import {store['import']}, {store['at']}" if store else ""


def moment(day: date | datetime | None, store: dict | None = None) -> datetime:
    """The time a document says it was made: the start of its date, else of its store state's."""
    if isinstance(day, datetime):
        return day.replace(tzinfo=None, microsecond=0)
    if day is not None:
        return datetime(day.year, day.month, day.day)
    if store and store.get("at"):
        return datetime.fromisoformat(store["at"]).replace(tzinfo=None)
    return datetime(1980, 1, 1)


def fixed(data: bytes, when: datetime) -> bytes:
    """The zip ``data`` (a docx or xlsx) with every entry dated ``when`` and its core
    properties' created / modified set to ``when``; entries keep their order and compression."""
    stamp = max(when, datetime(1980, 1, 1)).timetuple()[:6]  # a zip cannot say earlier than 1980
    text = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_TIME.sub(lambda m: m.group(1) + text + m.group(2), body)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            target.writestr(entry, body)
    return out.getvalue()


def comment(text: str, store: dict | None, fmt: str) -> str:
    """An html or md document with the store state it was built from in a comment at its end
    (a comment before <!DOCTYPE> would put browsers in quirks mode)."""
    if not store or fmt not in ("html", "md"):
        return text
    return text + ("" if text.endswith("\n") else "\n") + f"<!-- {label(store)} -->\n"


def note(store: dict | None) -> str:
    """The line on stderr naming the store state an output was built from."""
    if not store:
        return ""
    return _("from the store as of import {id} ({at}); --as-of {id} gives the same figures again").format(
        id=store["import"], at=store["at"]
    )
