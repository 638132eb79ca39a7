"""``ccq-stats history``: the import log and each organisation's ratings by year, from the store."""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _
from ccq_stats.scales import SHORT, STATUS_NAMES
from ccq_stats.stats import org_history
from ccq_stats.text import norm_key


def _label(scales, year: int, subject: str, value: str | None, exemplary: bool) -> str:
    if value is None:
        return ""
    if value in STATUS_NAMES:
        return STATUS_NAMES[value]
    label = scales.category_label(year, subject, value)
    return SHORT.get(label, label) + (" TB" if exemplary else "")


def _pick(names: list[str], wanted: str) -> set[str]:
    """The organisation names matching ``wanted`` (folded, whole name); an error with the
    nearest names when none does."""
    key = norm_key(wanted)
    found = {n for n in names if norm_key(n) == key}
    if not found:
        import difflib

        near = difflib.get_close_matches(wanted, sorted(set(names)), n=3, cutoff=0.6)
        raise InputError(_("no organisation of this name in the store"), value=wanted,
                         hint=_("did you mean {names}?").format(names=_(" or ").join(repr(n) for n in near)) if near
                         else _("see ccq-stats history for the names"))
    return found


def history_of(records, imports: list[dict], scales, *, year: int | None = None, org: str | None = None) -> dict:
    """{"imports": the log entries (of ``year`` when given), "years": the years shown,
    "organisations": [{"subject", "org", "parent", "labels": {year: label}}]}."""
    years = sorted(int(y) for y in records["year"].unique())
    if year is not None:
        if year not in years:
            raise InputError(_("no ratings for {year} in the store").format(year=year),
                             hint=_("the store holds {years}").format(years=", ".join(map(str, years))))
        imports = [i for i in imports if year in i["years"]]
    table = org_history(records, years)
    if org is not None:
        chosen = _pick(table["org"].tolist() + table["parent"].tolist(), org)
        table = table[table["org"].isin(chosen) | table["parent"].isin(chosen)]
    organisations = []
    for h in table.to_dict("records"):
        if year is not None and year not in h["ratings"]:
            continue
        organisations.append({
            "subject": h["subject"], "org": h["org"], "parent": h["parent"],
            "labels": {y: _label(scales, y, h["subject"], h["ratings"].get(y), y in h["exemplary_years"]) for y in years},
        })
    return {"imports": imports, "years": years, "organisations": organisations}
