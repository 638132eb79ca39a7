"""The users' language: every message for people in Vietnamese or English, from gettext catalogues.

Messages are written in English in the code, wrapped in ``_()`` (``from ccq_stats.i18n import
gettext as _``; ``ngettext`` where a count changes the words), so Babel can extract them; the Vietnamese catalogue is
``ccq_stats/locale/vi/LC_MESSAGES/ccq_stats.po``, compiled to the ``.mo`` beside it, both shipped
in the package (``python -m ccq_stats.i18n`` extracts, updates and compiles; see docs/translating.md).

The language is Vietnamese when ``CCQ_LANG`` says ``vi``, else when the first of ``LANGUAGE``,
``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set starts with ``vi`` (as gettext reads them), else,
on Windows with none of them set, when the user's display language is Vietnamese; English
otherwise. It is read at each message, so a test or a library caller can switch it with
``CCQ_LANG``; help texts are read once, when the command line is built.

Only messages for people change with the language. What programs read — CSV and JSON columns,
category codes, rule ids, exit codes — never does.
"""

from __future__ import annotations

import errno
import functools
import gettext as catalogues
import os
import sys
from pathlib import Path

DOMAIN = "ccq_stats"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "vi")  # what language() answers; English is the msgids themselves, vi has a catalogue
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_WINDOWS_VIETNAMESE = 0x2A  # the primary language id of vi-VN (LANGID 0x042A)


def language() -> str:
    """One of LANGUAGES, "vi" or "en": the language messages are given in (see the module's doc)."""
    chosen = os.environ.get("CCQ_LANG", "").strip()
    if chosen:
        return _of(chosen)
    for name in _ENVIRONMENT:
        value = os.environ.get(name, "")
        if value:
            return _of(value.split(":")[0])
    return "vi" if _windows_display_language_is_vietnamese() else LANGUAGES[0]


def _of(tag: str) -> str:
    """The language of a locale or language tag ("vi_VN.UTF-8" -> "vi"); English for any we have no catalogue of."""
    tag = tag.lower()
    return next((lang for lang in LANGUAGES[1:] if tag.startswith(lang)), LANGUAGES[0])


def _windows_display_language_is_vietnamese() -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()
    except (AttributeError, OSError):
        return False
    return (langid & 0x3FF) == _WINDOWS_VIETNAMESE


@functools.cache
def _catalogue(lang: str) -> catalogues.NullTranslations:
    if lang == "en":
        return catalogues.NullTranslations()
    # fallback=False: a missing catalogue for a language we ship is a packaging error, not English
    return catalogues.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])


def gettext(message: str) -> str:
    """``message`` in the user's language (the English text when there is no translation)."""
    return _catalogue(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the user's language (Vietnamese has one form)."""
    return _catalogue(language()).ngettext(singular, plural, n)


def number(n: int) -> str:
    """A whole number grouped by thousands as the reader writes it: "1,048,576" in English,
    "1.048.576" in Vietnamese (where "1,048" would read as one and a bit)."""
    text = f"{n:,}"
    return text.replace(",", ".") if language() == "vi" else text


def N_(message: str) -> str:
    """``message`` as it is, marked for Babel to extract: for a text given in the user's language
    in one place (``_(TEXT)``) and in English, as data, in another."""
    return message


# the system's own words for a failed open or write are English whatever the language ("No such
# file or directory"): the common ones in ours, by errno; the rarer ones as the system says them
_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("the operation is not permitted"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOSPC: N_("no space left on the device"),
    errno.EROFS: N_("the file system is read-only"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
    errno.ELOOP: N_("too many symbolic links in the path"),
    errno.EMFILE: N_("too many files open"),
    errno.EBUSY: N_("the file is in use"),
}


def os_reason(exc: OSError) -> str:
    """Why an open or write failed, in the user's language: our phrase for its errno, else the
    system's own text (``strerror``)."""
    reason = _OS_REASONS.get(exc.errno)
    return gettext(reason) if reason else (exc.strerror or str(exc))


def main() -> (
    None
):  # pragma: no cover - a maintainer's tool, run by hand and checked by tests/test_language_catalogue.py
    """Extract the messages, update the Vietnamese catalogue and compile it (needs Babel)."""
    import tempfile

    from babel.messages.frontend import main as pybabel

    package = Path(__file__).parent
    template = Path(tempfile.mkdtemp()) / f"{DOMAIN}.pot"  # a by-product: not kept
    for argv in (
        [
            "extract",
            "--no-location",
            "--sort-output",
            "--project=ccq-stats",
            "-k",
            "ngettext:1,2",
            "-o",
            str(template),
            str(package),
        ],
        [
            "update",
            "--no-fuzzy-matching",
            "--ignore-obsolete",
            "-i",
            str(template),
            "-d",
            str(LOCALE_DIR),
            "-D",
            DOMAIN,
            "-l",
            "vi",
        ],
        ["compile", "--statistics", "-d", str(LOCALE_DIR), "-D", DOMAIN, "-l", "vi"],
    ):
        sys.argv = ["pybabel", *argv]
        try:
            pybabel()
        except SystemExit as stop:
            if stop.code:
                raise


if __name__ == "__main__":
    main()
