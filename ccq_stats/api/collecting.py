"""``ccq-stats blank``: the collection workbooks of a year, to send down to the organisations and
read back exactly (the layout in collection.py and collection.toml, the writer in
write/collection.py). Part of the API layer.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ccq_stats.api import load_records, store_snapshot
from ccq_stats.i18n import gettext as _
from ccq_stats.vocabulary.scales import load_scales

log = logging.getLogger("ccq_stats")


def blank_workbooks(
    *,
    year: int,
    output: Path,
    shape: str = "members",
    orgs: list[str] | None = None,
    db: str | None = None,
    from_paths: list[str] | None = None,
    settings: Path | None = None,
    scales_file: Path | None = None,
) -> list:
    """``ccq-stats blank``: the collection workbooks of ``year`` to send down, as [(path, bytes)]
    (write/collection.py). ``output`` is a .xlsx file (one workbook: one organisation's members,
    or the organisations' rows together) or a folder (one workbook per organisation). The
    organisations are ``orgs``, else the store's roster of the year (``--db``, or the default
    store when there is one); their kinds and chi bộ trực thuộc come from the store; a member
    list is pre-filled with the members of ``from_paths`` (last year's list: the store keeps no
    names). Nothing is written here."""
    from ccq_stats.documents.collection import blank_groups, known_organisations, layout, members_by_org, roster_year
    from ccq_stats.errors import InputError
    from ccq_stats.store import exists, locate
    from ccq_stats.text import norm_key
    from ccq_stats.write.collection import Blank, collection_xlsx
    from ccq_stats.write.settings import load_issuer, rulebook

    scales = load_scales(scales_file)
    issuer = load_issuer(settings)
    lay = layout(shape, year, scales)
    folder = str(output).endswith(("/", "\\")) or Path(output).is_dir() or not Path(output).suffix  # "thu_thap_2025/"
    if not folder and Path(output).suffix.lower() != ".xlsx":
        raise InputError(
            _("a collection workbook is an .xlsx file, or a folder of them"),
            file=str(output),
            hint=_(
                "end the name in .xlsx, or give a folder (a name without a suffix) for one workbook per organisation"
            ),
        )
    if from_paths and shape != "members":
        raise InputError(
            _("--from pre-fills a member list; --shape {shape} has no member rows").format(shape=shape),
            hint=_("drop --from, or write --shape members"),
        )
    known = {}
    if db is not None or exists(locate(None)):
        snapshot = store_snapshot(db, ratings_needed=False)  # a roster alone names the organisations
        known = known_organisations(snapshot["records"], snapshot["rosters"], year)
        taken = roster_year(snapshot["rosters"], year)
        if snapshot["records"].empty and taken is not None and taken != year:
            log.warning(
                "%s",
                _(
                    "no roster of {year} in the store and no ratings yet: the organisations of the {taken} roster"
                ).format(year=year, taken=taken),
            )
    if orgs:
        chosen = []
        for name in orgs:
            found = known.get(norm_key(name))
            if found is None and known:
                log.warning(
                    "%s",
                    _(
                        "'{org}' is not among the organisations expected to report {year} in the store; "
                        "its workbook has no kind or chi bộ pre-filled"
                    ).format(org=name, year=year),
                )
            chosen.append(found or {"org": " ".join(name.split()), "kind": "", "cells": []})
    else:
        chosen = list(known.values())
    if (
        folder or shape == "members"
    ) and not chosen:  # a member list is one organisation's: the reader takes it from the marker
        raise InputError(
            _("no organisation to write a workbook for"),
            file=str(output),
            hint=_("name them with --org, or give the store that has the roster: --db"),
        )
    if not folder and shape == "members" and len(chosen) > 1:
        raise InputError(
            _("{count} organisations in one member list: each organisation fills its own").format(count=len(chosen)),
            file=str(output),
            hint=_("give a folder (-o FOLDER/) for one workbook per organisation, or one --org"),
        )
    members = members_by_org(load_records(list(from_paths))) if from_paths else {}
    if from_paths and not members:
        raise InputError(
            _("no member rows with names in the --from files"),
            file=", ".join(from_paths),
            hint=_("give last year's member list (Họ và tên, Xếp loại)"),
        )
    if (issuer.deadline, issuer.address) == ("…", "…"):
        log.warning(
            "%s",
            _(
                "no deadline nor address to send back in the settings file ([issuer] deadline, address): "
                "the guide shows '…' for them"
            ),
        )
    out, names = [], set()
    for group in blank_groups(shape, chosen, members, one_file=not folder):
        data = collection_xlsx(Blank(lay, group["org"], group["rows"]), issuer, rulebook(issuer.rulebook), scales)
        if not folder:
            out.append((Path(output), data))
            continue
        name = _file_name(group["org"], year, names)
        out.append((Path(output) / name, data))
    return out


def _file_name(org: str, year: int, taken: set) -> str:
    """A file name for an organisation's workbook: its name with the characters no system allows
    in a file name replaced, the year after it, unique in the folder."""
    import re

    base = re.sub(r'[\\/:*?"<>|\x00-\x1f\x7f]+', "_", " ".join(org.split())).strip(" .")[:120] or "to_chuc"
    name, n = f"{base} - {year}.xlsx", 1
    while name.casefold() in taken:
        n += 1
        name = f"{base} ({n}) - {year}.xlsx"
    taken.add(name.casefold())
    return name
