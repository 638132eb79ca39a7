"""The roster: which grassroots organisations (tổ chức cơ sở đảng) are expected to report a year.

Given by ``ccq-stats roster import FILE``: a CSV or workbook whose first row is the header, with
an organisation column ("Tên tổ chức", "Tổ chức cơ sở đảng", "Chi, đảng bộ cơ sở", "Đơn vị"),
optionally a year column ("Năm") and a kind column ("Loại"). Without one, the roster of a year
is the organisations rated the year before (``expected``).
"""

from __future__ import annotations

from ccq_stats.errors import InputError
from ccq_stats.figures.stats import expected, grassroots  # noqa: F401 - figures on the records, moved below the documents; kept importable here
from ccq_stats.i18n import gettext as _
from ccq_stats.text import norm_key
from ccq_stats.vocabulary.scales import is_rating_year

ORG_HEADERS = {
    norm_key(h)
    for h in (
        "Tên tổ chức",
        "Tổ chức",
        "Tên tổ chức đảng",
        "Tổ chức cơ sở đảng",
        "Tên tổ chức cơ sở đảng",
        "Chi, đảng bộ cơ sở",
        "Tên chi, đảng bộ cơ sở",
        "Đơn vị",
        "Tên đơn vị",
        "org",
    )
}
YEAR_HEADERS = {norm_key(h) for h in ("Năm", "Năm đánh giá", "year")}
KIND_HEADERS = {norm_key(h) for h in ("Loại", "Loại hình tổ chức", "org_kind")}


def _table(path: str):
    import pandas as pd

    lower = path.lower()
    try:
        if lower.endswith((".csv", ".tsv", ".txt")):
            return pd.read_csv(path, dtype=str, keep_default_na=False, sep=None, engine="python", encoding="utf-8-sig")
        return pd.read_excel(path, dtype=str, keep_default_na=False, engine="calamine")
    except FileNotFoundError:
        raise InputError(_("no such file"), file=path, hint=_("check the path")) from None
    except Exception as exc:  # any reader's complaint: one line, no traceback
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            _("cannot read the roster: {reason}").format(reason=reason),
            file=path,
            hint=_("give a CSV or a workbook whose first row is the header"),
        ) from None


def read_roster(path: str, year: int | None) -> dict[int, list[dict]]:
    """{year: [{"org", "org_kind"}]} from a roster file."""
    table = _table(str(path))
    names = {norm_key(c): c for c in table.columns}
    org_col = next((names[k] for k in names if k in ORG_HEADERS), None)
    if org_col is None:
        raise InputError(
            _("no organisation column in the roster's first row"),
            file=str(path),
            value=", ".join(map(str, table.columns)),
            hint=_("name the column 'Tên tổ chức' (and add 'Năm', or give --year)"),
        )
    year_col = next((names[k] for k in names if k in YEAR_HEADERS), None)
    kind_col = next((names[k] for k in names if k in KIND_HEADERS), None)
    if year_col is None and year is None:
        raise InputError(_("the roster names no year"), file=str(path), hint=_("add a 'Năm' column or give --year"))
    out: dict[int, list[dict]] = {}
    for i, row in enumerate(table.to_dict("records"), start=2):
        org = " ".join(str(row[org_col]).split())
        if not org:
            continue
        text = str(row[year_col]).strip() if year_col else ""
        if text:
            if not (text.isdigit() and is_rating_year(int(text))):
                raise InputError(
                    _("the year is not a year"),
                    file=str(path),
                    row=i,
                    value=text,
                    hint=_("write the rating year, e.g. 2019"),
                )
            row_year = int(text)
        elif year is not None:
            row_year = year
        else:
            raise InputError(
                _("the year is blank"), file=str(path), row=i, hint=_("write the rating year, or give --year")
            )
        out.setdefault(row_year, []).append({"org": org, "org_kind": str(row[kind_col]).strip() if kind_col else ""})
    if not out:
        raise InputError(
            _("the roster lists no organisation"), file=str(path), hint=_("one organisation per row under the header")
        )
    return out
