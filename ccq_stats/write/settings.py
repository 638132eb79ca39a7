"""Who issues a document, and the rulebook of its form.

``Issuer`` comes from a small settings file — ``ccq-stats.toml`` in the working folder, or the
file ``--settings`` names — with command-line options over it:

    [issuer]
    above = "ĐẢNG BỘ TỈNH BÌNH DƯƠNG"          # the body above the issuing committee
    committee = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"  # who issues the report
    place = "Thủ Dầu Một"                       # "Thủ Dầu Một, ngày … tháng … năm …"
    number = "125"                              # "Số 125-BC/ĐUK"
    symbol = "BC/ĐUK"
    on_behalf = "T/M BAN THƯỜNG VỤ"
    office = "PHÓ BÍ THƯ"
    signer = "Nguyễn Văn A"
    recipients = ["Ban Tổ chức Tỉnh ủy (b/c)", "Các chi, đảng bộ cơ sở", "Lưu Văn phòng Đảng ủy"]
    receiver = "Ban Tổ chức Tỉnh ủy"            # the statistics forms: who receives them
    deadline = "trước ngày 15/01 năm sau"        # the forms' deadline box; blank: the collection workbook's deadline
    address = "Văn phòng Đảng ủy Khối, … (email: …)"   # blank: where the collection workbook is sent back
    rulebook = "hd36_2018"                      # a table of ccq_stats/documents.toml

What is not given prints as "…", for staff to fill by hand: never a name we made up.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ccq_stats.errors import InputError
from ccq_stats.i18n import gettext as _

SETTINGS_FILE = "ccq-stats.toml"
DOCUMENTS = Path(__file__).resolve().parent.parent / "documents.toml"
BLANK = "…"


@dataclass(frozen=True)
class Issuer:
    above: str = "ĐẢNG BỘ TỈNH …"
    committee: str = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    place: str = BLANK
    number: str = BLANK
    symbol: str = "BC/ĐUK"
    on_behalf: str = "T/M BAN THƯỜNG VỤ"
    office: str = BLANK
    signer: str = BLANK
    recipients: tuple[str, ...] = ("Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Đảng ủy")
    receiver: str = "Ban Tổ chức Tỉnh ủy"
    deadline: str = BLANK
    address: str = BLANK  # where a collection workbook (ccq-stats blank) is sent back
    rulebook: str = ""
    source: str = field(default="", compare=False)  # the settings file read, for messages

    @property
    def number_line(self) -> str:
        """ "Số 125-BC/ĐUK" — no colon after "Số" (HD 36)."""
        return f"Số {self.number}-{self.symbol}"

    def record(self) -> dict:
        """As a template sees it: ``issuer.committee``, ``issuer.number_line`` …"""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "source"}
        out["recipients"] = list(self.recipients)
        out["number_line"] = self.number_line
        return out


def load_issuer(path: Path | None = None, overrides: dict | None = None, folder: Path | None = None) -> Issuer:
    """The issuer from ``path`` (an error if it does not exist), else from ccq-stats.toml in
    ``folder`` (the working folder) if there is one, else the defaults; ``overrides`` (the
    command-line options, None where not given) win."""
    issuer = Issuer()
    chosen = Path(path) if path else (Path(folder or ".") / SETTINGS_FILE)
    if path or chosen.is_file():
        issuer = _read_issuer(chosen)
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    if "recipients" in given:
        given["recipients"] = tuple(given["recipients"])
    for name, value in given.items():
        _no_control_characters(name, value, None)
    return replace(issuer, **given)


def _no_control_characters(name: str, value, path: Path | None) -> None:
    """A setting's text goes into every document: a control character (an ESC, a NUL) is refused
    with the setting named (README, "Control characters in names")."""
    from ccq_stats.text import CONTROL

    for text in value if isinstance(value, tuple) else (value,):
        if isinstance(text, str) and CONTROL.search(text):
            raise InputError(
                _("[issuer] {name} holds a control character (an invisible code such as ESC or NUL)").format(name=name),
                file=str(path) if path else None,
                value=text,
                hint=_("type the text again without it"),
            )


def _read_issuer(path: Path) -> Issuer:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(
            _("no such settings file"), file=str(path), hint=_("give the path of a ccq-stats.toml")
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            _("cannot read the settings file: {reason}").format(reason=exc),
            file=str(path),
            hint=_("save it as UTF-8 text"),
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            _("not a valid TOML file: {reason}").format(reason=exc),
            file=str(path),
            hint=_("see the [issuer] example in the README"),
        ) from None
    except RecursionError:  # tomllib parses nested arrays and tables by recursion
        raise InputError(
            _("not a valid TOML file: arrays or tables nested too deep"),
            file=str(path),
            hint=_("see the [issuer] example in the README"),
        ) from None
    table = data.get("issuer", {})
    if not isinstance(table, dict):  # issuer = 5: a value where the [issuer] table belongs
        raise InputError(
            _("issuer must be a table: a line [issuer], then one setting per line"),
            file=str(path),
            value=str(table)[:80],
            hint=_("see the [issuer] example in the README"),
        ) from None
    known = {f.name for f in fields(Issuer)} - {"source"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise InputError(
            _("unknown setting [issuer] {name}").format(name=unknown[0]),
            file=str(path),
            value=unknown[0],
            hint=_("the settings are {names}").format(names=", ".join(sorted(known))),
        )
    values = {}
    for name, value in table.items():
        if name == "recipients":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(
                    _("[issuer] recipients must be a list of texts"),
                    file=str(path),
                    value=str(value),
                    hint=_('e.g. recipients = ["Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Đảng ủy"]'),
                )
            value = tuple(value)
        elif not isinstance(value, str):
            raise InputError(
                _("[issuer] {name} must be a text in quotes").format(name=name),
                file=str(path),
                value=str(value),
                hint=_('e.g. {name} = "…"').format(name=name),
            )
        _no_control_characters(name, value, path)
        values[name] = value
    return Issuer(**values, source=str(path))


def rulebook(name: str = "") -> dict:
    """The sizes and margins of a document rulebook (a table of documents.toml)."""
    data = tomllib.loads(DOCUMENTS.read_text(encoding="utf-8"))
    chosen = name or data["default"]
    if chosen not in data or not isinstance(data[chosen], dict) or chosen == "forms":
        tables = ", ".join(
            k for k, v in data.items() if isinstance(v, dict) and k != "forms"
        )  # [forms]: the forms' layouts
        raise InputError(
            _("unknown document rulebook"),
            value=chosen,
            hint=_("one of {rulebooks} (ccq_stats/documents.toml)").format(rulebooks=tables),
        )
    return dict(data[chosen], id=chosen)
