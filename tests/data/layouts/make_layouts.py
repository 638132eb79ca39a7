"""Build the layout corpus: the reader's exam (issue 9).

A small fictional bloc is modelled here — grassroots organisations (đảng bộ cơ sở with their
chi bộ trực thuộc, chi bộ cơ sở), their host types, yearly ratings 2016–2021 (TSVM … yếu kém
up to 2017, HTXSNV … KHTNV from 2018; TSVM tiêu biểu; newly founded and not rated; a
self-rating beside each decision), and members with card numbers, birth years, statuses
(exempt, not rated, left the bloc) and discipline. Each case writes one file (or folder) in
one of the layouts Ban Tổ chức staff send, and its expected figures are COUNTED FROM THE
MODEL rows that the file holds — never from running ccq-stats.

Writes files/… and cases.toml beside this script (deterministic to the byte: fixed seeds and
timestamps; the .ods/.xls cases are converted by LibreOffice, `soffice --headless`, and
committed like the rest).

Run: python tests/data/layouts/make_layouts.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

HERE = Path(__file__).parent
FILES = HERE / "files"
SEED = 90210
YEARS = range(2016, 2022)
TIERS = ("top", "good", "pass", "fail")
ORG_CATEGORIES = ("total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail", "good_or_better")
MEMBER_CATEGORIES = ("total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail", "good_or_better")

# --------------------------------------------------------------------------------------------
# The model


@dataclass
class Org:
    name: str
    kind: str  # "dbcs" | "cbcs" | "cbtt"
    host: str
    parent: str = ""  # the đảng bộ cơ sở of a chi bộ trực thuộc
    founded: int = 2000
    cells: list[Org] = field(default_factory=list)


@dataclass
class Member:
    name: str
    card: str
    born: int
    org: str
    joined: int
    exempt_from: int = 9999
    left: tuple[int, str] | None = None  # (year, reason): not present at rating time that year


@dataclass
class Rating:
    status: str  # a tier, "not_rated" (or for members "exempt", "left")
    exemplary: bool = False
    self_status: str = ""  # what the organisation or member proposed for itself
    proposed: str = ""  # members: what the chi bộ proposed
    disciplined: bool = False


HOSTS = ["Cơ quan Đảng, MTTQ, đoàn thể", "Cơ quan nhà nước", "Đơn vị sự nghiệp", "Doanh nghiệp"]
SECTORS = {
    "Cơ quan Đảng, MTTQ, đoàn thể": "Khối Đảng, đoàn thể",
    "Cơ quan nhà nước": "Khối Nhà nước",
    "Đơn vị sự nghiệp": "Khối sự nghiệp",
    "Doanh nghiệp": "Khối doanh nghiệp",
}
UNITS = [  # name, kind, host, cells
    (
        "Đảng bộ Văn phòng Tỉnh ủy",
        "dbcs",
        HOSTS[0],
        ["Chi bộ Phòng Tổng hợp", "Chi bộ Phòng Quản trị", "Chi bộ Phòng Tài chính"],
    ),
    ("Chi bộ Ban Dân vận Tỉnh ủy", "cbcs", HOSTS[0], []),
    ("Chi bộ Hội Nông dân tỉnh", "cbcs", HOSTS[0], []),
    ("Đảng bộ Sở Tài chính", "dbcs", HOSTS[1], ["Chi bộ Văn phòng Sở", "Chi bộ Thanh tra Sở"]),
    ("Chi bộ Sở Tư pháp", "cbcs", HOSTS[1], []),
    ("Chi bộ Sở Ngoại vụ", "cbcs", HOSTS[1], []),
    ("Đảng bộ Bệnh viện Đa khoa tỉnh", "dbcs", HOSTS[2], ["Chi bộ Khoa Nội", "Chi bộ Khoa Ngoại", "Chi bộ Khoa Dược"]),
    ("Chi bộ Trường Cao đẳng Y tế", "cbcs", HOSTS[2], []),
    ("Chi bộ Công ty Cấp nước tỉnh", "cbcs", HOSTS[3], []),
    ("Chi bộ Trung tâm Phục vụ hành chính công", "cbcs", HOSTS[1], []),  # founded 2019
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Hương",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Yến",
]


@dataclass
class Model:
    orgs: list[Org]
    org_ratings: dict[tuple[int, str], Rating]  # (year, org name) → rating
    members: list[Member]
    member_ratings: dict[tuple[int, str], Rating]  # (year, card) → rating


def better(status: str) -> str:
    return {"good": "top", "pass": "good", "fail": "pass"}.get(status, status)


def build_model(rng: random.Random) -> Model:
    orgs = []
    for name, kind, host, cells in UNITS:
        founded = 2019 if "hành chính công" in name else 2000
        org = Org(name, kind, host, founded=founded)
        org.cells = [Org(c, "cbtt", host, parent=name) for c in cells]
        orgs.append(org)
    ratings = {}
    for year in YEARS:
        for org in orgs:
            for o in [org, *org.cells]:
                if year < o.founded:
                    continue
                if year == o.founded:
                    ratings[(year, o.name)] = Rating("not_rated", self_status="not_rated")
                    continue
                tier = rng.choices(TIERS, (0.55, 0.3, 0.1, 0.05))[0]
                exemplary = tier == "top" and rng.random() < (0.35 if year <= 2017 else 0.15)
                self_status = better(tier) if rng.random() < 0.4 else tier
                ratings[(year, o.name)] = Rating(tier, exemplary, self_status)
    # every tier occurs in 2019 and 2017 among the units, so that every category is exercised
    for year, fails in ((2019, "Chi bộ Sở Ngoại vụ"), (2017, "Chi bộ Hội Nông dân tỉnh")):
        ratings[(year, fails)] = Rating("fail", False, "pass")
    members, seen = [], set()
    for org in orgs:
        size = 6 if org.kind == "dbcs" else 4
        for _ in range(size):
            while True:
                name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                if name not in seen:
                    seen.add(name)
                    break
            joined = 2000 if rng.random() < 0.85 else rng.choice([2017, 2019, 2020])
            card = f"{rng.randint(10, 99)}.{rng.randint(100000, 999999)}"
            members.append(Member(name, card, rng.randint(1950, 1998), org.name, max(joined, org.founded)))
    members[3].exempt_from = 2016
    members[11].exempt_from = 2018
    members[20].exempt_from = 2019
    members[7].left = (2019, "Chuyển sinh hoạt đi")
    members[15].left = (2018, "Từ trần")
    members[30].left = (2019, "Xóa tên")
    members[25].left = (2017, "Chuyển sinh hoạt đi")
    mratings = {}
    for year in YEARS:
        for m in members:
            if m.joined > year or (m.left and m.left[0] < year):
                continue
            if m.left and m.left[0] == year:
                mratings[(year, m.card)] = Rating("left", self_status=m.left[1])
            elif m.exempt_from <= year:
                mratings[(year, m.card)] = Rating("exempt", self_status="exempt")
            elif m.joined == year:
                mratings[(year, m.card)] = Rating("not_rated", self_status="not_rated")
            else:
                disciplined = rng.random() < 0.03
                tier = "fail" if disciplined else rng.choices(TIERS, (0.15, 0.62, 0.18, 0.05))[0]
                self_status = better(better(tier)) if disciplined else (better(tier) if rng.random() < 0.4 else tier)
                proposed = better(tier) if self_status != tier and rng.random() < 0.5 else tier
                mratings[(year, m.card)] = Rating(tier, False, self_status, proposed, disciplined)
    return Model(orgs, ratings, members, mratings)


# --------------------------------------------------------------------------------------------
# What a file holds, and the figures it must give


@dataclass
class Entry:
    """One organisation row of a year, as the model has it."""

    year: int
    org: Org
    rating: Rating

    @property
    def subject(self) -> str:
        return "cells" if self.org.kind == "cbtt" else "units"


def org_entries(m: Model, year: int, units: bool = True, cells: bool = False, nested: bool = False) -> list[Entry]:
    """The rated organisations of a year: units, then cells (or each unit followed by its cells)."""
    out, tail = [], []
    for org in m.orgs:
        if units and (year, org.name) in m.org_ratings:
            out.append(Entry(year, org, m.org_ratings[(year, org.name)]))
        for c in org.cells if cells else []:
            if (year, c.name) in m.org_ratings:
                (out if nested else tail).append(Entry(year, c, m.org_ratings[(year, c.name)]))
    return out + tail


def member_rows(m: Model, year: int, left: bool = False) -> list[tuple[Member, Rating]]:
    return [
        (mb, m.member_ratings[(year, mb.card)])
        for mb in m.members
        if (year, mb.card) in m.member_ratings and (left or m.member_ratings[(year, mb.card)].status != "left")
    ]


Figures = dict[tuple[int, str], dict[str, int]]


def org_figures(entries: list[Entry], decided: bool = True) -> Figures:
    """Count organisations per year and subject (the decision; the self-rating with decided=False)."""
    groups: dict[tuple[int, str], Counter] = {}
    for e in entries:
        c = groups.setdefault((e.year, e.subject), Counter())
        status = e.rating.status if decided else e.rating.self_status
        c[status] += 1
        c["exemplary"] += e.rating.exemplary
    out = {}
    for key, c in groups.items():
        rated = sum(c[t] for t in TIERS)
        out[key] = {
            "total": rated + c["not_rated"],
            "not_rated": c["not_rated"],
            "rated": rated,
            **{t: c[t] for t in TIERS},
            "exemplary": c["exemplary"],
            "good_or_better": c["top"] + c["good"],
        }
    return out


def member_figures(year: int, rows: list[tuple[Member, Rating]]) -> Figures:
    """Members present: exempt + not rated + rated; those who left are not counted at all."""
    c = Counter(r.status for _, r in rows if r.status != "left")
    rated = sum(c[t] for t in TIERS)
    return {
        (year, "members"): {
            "total": c["exempt"] + c["not_rated"] + rated,
            "exempt": c["exempt"],
            "not_rated": c["not_rated"],
            "rated": rated,
            **{t: c[t] for t in TIERS},
            "good_or_better": c["top"] + c["good"],
        }
    }


def merge(*figs: Figures) -> Figures:
    out: Figures = {}
    for f in figs:
        for key, cats in f.items():
            assert key not in out, key
            out[key] = cats
    return out


# --------------------------------------------------------------------------------------------
# How staff spell things

ORG_OLD = {
    "top": ["Trong sạch, vững mạnh", "TSVM", "Trong sạch vững mạnh", "Đạt TSVM"],
    "exemplary": ["TSVM tiêu biểu", "Trong sạch, vững mạnh tiêu biểu"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Yếu kém"],
    "not_rated": ["Mới thành lập", "Chưa đánh giá"],
}
ORG_NEW = {
    "top": ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"],
    "exemplary": ["HTXSNV - TSVM tiêu biểu"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "HT tốt NV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Không hoàn thành nhiệm vụ", "KHTNV", "Không HTNV"],
    "not_rated": ["Mới thành lập", "Chưa đánh giá, xếp loại"],
}
MEMBER = {
    "top": ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Xuất sắc", "HT xuất sắc NV"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "HT tốt NV", "Hoàn thành tốt NV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Không hoàn thành nhiệm vụ", "KHTNV", "Không HTNV"],
    "exempt": ["Miễn đánh giá", "Miễn công tác và sinh hoạt đảng", "Miễn SHĐ"],
    "not_rated": ["Chưa đánh giá", "Chưa xếp loại", "Mới kết nạp"],
}
TICK_HEADERS_NEW = {"top": "HTXSNV", "good": "HTTNV", "pass": "HTNV", "fail": "KHTNV"}


def no_diacritics(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def spell(rng: random.Random, text: str, messy: bool) -> str:
    """Every spelling staff use (the domain's list): NFD from Word, no diacritics, upper case, lower case,
    non-breaking and trailing spaces (the abbreviations come from the label lists)."""
    if not messy:
        return text
    roll = rng.randrange(8)
    return [
        text,
        unicodedata.normalize("NFD", text),
        no_diacritics(text),
        text.upper(),
        text.lower(),
        text.replace(" ", "\u00a0"),
        f" {text}  ",
        text,
    ][roll]


def org_label(
    rng: random.Random, year: int, status: str, exemplary: bool = False, messy: bool = False, full: bool = False
) -> str:
    vocab = ORG_OLD if year <= 2017 else ORG_NEW
    choices = vocab["exemplary" if exemplary else status]
    return spell(rng, choices[0] if full else rng.choice(choices), messy)


def member_label(rng: random.Random, status: str, messy: bool = False, full: bool = False) -> str:
    choices = MEMBER[status]
    return spell(rng, choices[0] if full else rng.choice(choices), messy)


def kind_word(rng: random.Random, org: Org, style: str = "short") -> str:
    words = {
        "short": {"dbcs": "ĐBCS", "cbcs": "CBCS", "cbtt": "CBTT"},
        "full": {"dbcs": "Đảng bộ cơ sở", "cbcs": "Chi bộ cơ sở", "cbtt": "Chi bộ trực thuộc"},
        "bare": {"dbcs": "Đảng bộ", "cbcs": "Chi bộ", "cbtt": "Chi bộ"},
    }
    if style == "mixed":
        style = rng.choice(["short", "full"])
    return words[style][org.kind]


# --------------------------------------------------------------------------------------------
# Writing files


@dataclass
class Sheet:
    title: str
    rows: list[list] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[str] = field(default_factory=list)
    state: str = "visible"

    def add(self, *rows: list) -> int:
        """Append rows; returns the 1-based number of the last one."""
        self.rows.extend(list(r) for r in rows)
        return len(self.rows)

    def title_row(self, text: str, width: int, merged: bool = True) -> int:
        r = self.add([text])
        if merged and width > 1:
            self.merges.append(f"A{r}:{get_column_letter(width)}{r}")
        return r


def write_xlsx(path: Path, sheets: list[Sheet]) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for s in sheets:
        ws = wb.create_sheet(s.title)
        for row in s.rows:
            ws.append(row)
        for rng_ in s.merges:
            ws.merge_cells(rng_)
        for r in s.hidden_rows:
            ws.row_dimensions[r].hidden = True
        for c in s.hidden_cols:
            ws.column_dimensions[c].hidden = True
        ws.sheet_state = s.state
    wb.properties.created = wb.properties.modified = dt.datetime(2021, 1, 15, 8, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    fix_zip_times(path)


def fix_zip_times(path: Path) -> None:
    """openpyxl (and LibreOffice, in an .ods) stamp the zip members and the 'modified' property with
    the time of writing; fixed ones keep the bytes the same from one run to the next."""
    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "docProps/core.xml":  # openpyxl writes the time of saving as 'modified'
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2021-01-15T08:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2021, 1, 15, 8, 0, 0))
            fixed.compress_type = info.compress_type  # an .ods keeps its 'mimetype' stored, first
            fixed.external_attr = info.external_attr
            z.writestr(fixed, data)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 has the letters with hats and horns but types most tones as combining marks."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            # â ê ô ơ ư ă are precomposed in the code page; the tone follows as a combining mark
            head = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
            out += head.encode("cp1258") + "".join(m for m in marks if m not in "\u0302\u0306\u031b").encode("cp1258")
    return out


def write_text(path: Path, rows: list[list], delimiter: str = ",", encoding: str = "utf-8") -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(
        ["" if v is None else v for v in row] for row in rows
    )
    text = buf.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    if encoding == "cp1258":
        path.write_bytes(b"\r\n".join(to_cp1258(line) for line in text.split("\r\n")))
    else:
        path.write_bytes(text.encode(encoding))


def convert(source: Path, fmt: str, target: Path) -> None:
    """An .ods or .xls written by LibreOffice from an xlsx of ours."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(Path(tmp) / f"{source.stem}.{fmt}", target)
    if fmt == "ods":
        fix_zip_times(target)


# --------------------------------------------------------------------------------------------
# Cases

CASES: list[dict] = []
CLASSES = {
    0: "plain, well-formed files (the neighbours every class must keep reading)",
    1: "title rows directly above the header; bare years; year in a sheet name or only in the file name",
    2: "organisation-name header variants",
    3: "rating header variants (KQ xếp loại, Xếp loại năm 2019, wide Xếp loại năm …)",
    4: "self-rating beside the decision (the decision counts)",
    5: "text under or beside the table: signatures, date lines, notes, summary lines, COUNTIF block, Tổng hợp sheet",
    6: "hierarchy: section rows, numbered sub-rows 1.1, kinds written Chi bộ / Đảng bộ",
    7: "ticks ('x') under tier columns; the TSVM tiêu biểu tick column",
    8: "subtotal rows, values merged down, hidden columns and rows",
    9: "totals at the top, a copy in the folder, hints",
    10: "labels in every spelling; members who left; member counts forms; wide years",
    11: "truly ambiguous files: the right answer is an error",
}


def case(
    name: str,
    classes: list[int],
    about: str,
    figures: Figures | None = None,
    args: list[str] = (),
    error: list[str] = (),
    forbid: list[str] = (),
    max_stderr_lines: int | None = None,
    warning: list[str] = (),
) -> None:
    assert not any(c["name"] == name for c in CASES), name
    entry = {
        "name": name,
        "classes": classes,
        "about": about,
        "args": list(args),
        "exit": 2 if error else 0,
        "error": list(error),
        "forbid": list(forbid),
    }
    if warning:
        entry["warning"] = list(warning)
    if figures is not None:
        entry["figures"] = figures
    if max_stderr_lines is not None:
        entry["max_stderr_lines"] = max_stderr_lines
    CASES.append(entry)


def rating_year_title(kind: str, year: int | str) -> str:
    return f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI {kind} NĂM {year}"


def units_table(
    rng,
    entries: list[Entry],
    columns: list[str],
    messy: bool = False,
    kind_style: str = "mixed",
    numbering: str = "plain",
) -> list[list]:
    """Data rows of an organisation list: one row per entry, columns named by role."""
    rows = []
    for n, e in enumerate(entries, 1):
        row = []
        for col in columns:
            if col == "stt":
                row.append(n)
            elif col == "name":
                row.append(e.org.name)
            elif col == "kind":
                row.append(kind_word(rng, e.org, kind_style))
            elif col == "parent":
                row.append(e.org.parent or None)
            elif col == "host":
                row.append(e.org.host)
            elif col == "year":
                row.append(e.year)
            elif col == "rating":
                row.append(org_label(rng, e.year, e.rating.status, e.rating.exemplary, messy))
            elif col == "self":
                row.append(org_label(rng, e.year, e.rating.self_status, False, messy))
            elif col == "note":
                row.append("Thành lập năm 2019" if e.org.founded == e.year else None)
            else:
                raise ValueError(col)
        rows.append(row)
    return rows


def signature_block(year: int, col: int = 0) -> list[list]:
    """A date line, who signs and a name, starting in column `col` (0-based) under the table."""
    pad = [None] * col
    return [
        [],
        pad + [f"Quảng Trị, ngày 15 tháng 01 năm {year + 1}"],
        pad + ["T/M BAN THƯỜNG VỤ"],
        pad + ["PHÓ BÍ THƯ"],
        [],
        [],
        pad + ["Lê Văn Quang"],
    ]


def build_cases(m: Model, rng: random.Random) -> None:
    plain_cases(m, rng)
    title_cases(m, rng)
    org_header_cases(m, rng)
    rating_header_cases(m, rng)
    self_rating_cases(m, rng)
    text_around_cases(m, rng)
    hierarchy_cases(m, rng)
    tick_cases(m, rng)
    silent_cases(m, rng)
    smaller_cases(m, rng)
    member_cases(m, rng)
    counts_cases(m, rng)
    label_and_wide_cases(m, rng)
    ambiguous_cases(m, rng)
    other_formats()
    partial_committee_case(m, rng)


def partial_committee_case(m: Model, rng: random.Random) -> None:
    """A đảng bộ bộ phận (an intermediate committee inside a large đảng bộ cơ sở) counts as a cell."""
    e = org_entries(m, 2019, cells=True, nested=True)
    s = Sheet("Năm 2019")
    s.add(["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"])
    for n, x in enumerate(e, 1):
        name, kind = x.org.name, kind_word(rng, x.org, "full")
        if name == "Chi bộ Khoa Dược":  # the same organisation, a committee in this file
            name, kind = "Đảng bộ bộ phận Khối Dược", "Đảng bộ bộ phận"
        s.add([n, name, kind, x.org.parent or None, org_label(rng, 2019, x.rating.status, x.rating.exemplary)])
    write_xlsx(FILES / "k08_dang_bo_bo_phan.xlsx", [s])
    case(
        "k08_dang_bo_bo_phan.xlsx",
        [6, 0],
        "a đảng bộ bộ phận (Loại 'Đảng bộ bộ phận', with its parent) counts under cells",
        org_figures(e),
    )


def other_formats() -> None:
    """Some xlsx cases again as LibreOffice writes them in .ods and .xls (merges, titles, sections)."""
    for name, fmt in (
        ("t02_merged_title_above_header.xlsx", "ods"),
        ("k01_sections_three.xlsx", "ods"),
        ("m01_members_plain_2019.xlsx", "xls"),
        ("q02_counts_three_row_header_sl_pct.xlsx", "xls"),
    ):
        source = next(c for c in CASES if c["name"] == name)
        target = f"{Path(name).stem}.{fmt}"
        convert(FILES / name, fmt, FILES / target)
        case(
            target,
            source["classes"],
            f"{source['about']} (the same as {name}, saved by LibreOffice as .{fmt})",
            source.get("figures"),
            source["args"],
            source["error"],
            source["forbid"],
        )


# ---- 0: plain files --------------------------------------------------------------------------


def plain_cases(m: Model, rng: random.Random) -> None:
    e = org_entries(m, 2019)
    s = Sheet("Năm 2019")
    s.title_row("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 4)
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2019), 4)
    s.add(
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Loại", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "rating"]),
    )
    write_xlsx(FILES / "p01_units_2019.xlsx", [s])
    case(
        "p01_units_2019.xlsx",
        [0],
        "units 2019: two title rows, a blank row, STT | Tên tổ chức cơ sở đảng | Loại | Xếp loại",
        org_figures(e),
    )

    e = org_entries(m, 2019, cells=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("CHI, ĐẢNG BỘ CƠ SỞ VÀ CHI BỘ TRỰC THUỘC", 2019), 6)
    s.add(
        [],
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Loại hình", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "parent", "host", "rating"], kind_style="full"),
    )
    write_xlsx(FILES / "p02_units_cells_2019.xlsx", [s])
    case(
        "p02_units_cells_2019.xlsx",
        [0, 6],
        "units and cells 2019 with Loại (full words), Trực thuộc and Loại hình columns",
        org_figures(e),
    )

    e = org_entries(m, 2018) + org_entries(m, 2019)
    write_text(
        FILES / "p03_units_2018_2019.csv",
        [["STT", "Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], *units_table(rng, e, ["stt", "name", "year", "rating"])],
    )
    case("p03_units_2018_2019.csv", [0], "UTF-8 CSV, long format: a Năm column, two years", org_figures(e))

    e = org_entries(m, 2020, cells=True, nested=True)
    s = Sheet("2020")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2020), 5)
    s.add(
        [],
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "parent", "rating"], kind_style="short"),
    )
    src = FILES / "_p04.xlsx"
    write_xlsx(src, [s])
    convert(src, "ods", FILES / "p04_units_cells_2020.ods")
    src.unlink()
    case("p04_units_cells_2020.ods", [0], "OpenDocument (LibreOffice) sheet of units and cells 2020", org_figures(e))

    e = org_entries(m, 2017)
    s = Sheet("XL2017")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2017), 4)
    s.add(
        [], ["TT", "Tên TCCS đảng", "Loại", "Kết quả xếp loại"], *units_table(rng, e, ["stt", "name", "kind", "rating"])
    )
    src = FILES / "_p05.xlsx"
    write_xlsx(src, [s])
    convert(src, "xls", FILES / "p05_units_2017.xls")
    src.unlink()
    case(
        "p05_units_2017.xls",
        [0],
        "Excel 97 .xls (written by LibreOffice), units 2017 on the TSVM scale",
        org_figures(e),
    )

    e = org_entries(m, 2021, cells=True)
    write_text(
        FILES / "p06_units_cells_2021_bom.csv",
        [
            ["STT", "Tên tổ chức cơ sở đảng", "Loại", "Trực thuộc", "Năm", "Kết quả xếp loại"],
            *units_table(rng, e, ["stt", "name", "kind", "parent", "year", "rating"], kind_style="short"),
        ],
        delimiter=";",
        encoding="utf-8-sig",
    )
    case("p06_units_cells_2021_bom.csv", [0], "UTF-8 with BOM, ';'-separated, units and cells 2021", org_figures(e))


# ---- 1: titles and years ---------------------------------------------------------------------


def title_cases(m: Model, rng: random.Random) -> None:
    header = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]

    e = org_entries(m, 2021)
    s = Sheet("Sheet1")
    s.add(
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        header,
        *units_table(rng, e, ["stt", "name", "rating"]),
    )
    write_xlsx(FILES / "t01_title_above_header.xlsx", [s])
    case(
        "t01_title_above_header.xlsx", [1], "a plain title row directly above the header (no blank row)", org_figures(e)
    )

    e = org_entries(m, 2021)
    s = Sheet("Sheet1")
    s.title_row("TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021", 3)
    s.add(header, *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "t02_merged_title_above_header.xlsx", [s])
    case(
        "t02_merged_title_above_header.xlsx",
        [1],
        "a title merged across the table, directly above the header",
        org_figures(e),
    )

    e = org_entries(m, 2020, cells=True)
    s = Sheet("Sheet1")
    s.title_row("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", 5)
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2020), 5)
    s.add(
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "parent", "rating"]),
    )
    write_xlsx(FILES / "t03_two_titles_above_header.xlsx", [s])
    case(
        "t03_two_titles_above_header.xlsx",
        [1],
        "two merged title rows, the second directly above the header; cells by kind",
        org_figures(e),
    )

    e = org_entries(m, 2021)
    write_text(
        FILES / "t04_title_above_header_utf16.csv",
        [
            ["TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
            header,
            *units_table(rng, e, ["stt", "name", "rating"]),
        ],
        delimiter="\t",
        encoding="utf-16",
    )
    case(
        "t04_title_above_header_utf16.csv",
        [1],
        "UTF-16 tab-separated text (Excel's Unicode text), title directly above the header",
        org_figures(e),
    )

    e = org_entries(m, 2019)
    write_text(
        FILES / "t05_title_above_header_cp1258.csv",
        [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"], header, *units_table(rng, e, ["stt", "name", "rating"])],
        delimiter=";",
        encoding="cp1258",
    )
    case(
        "t05_title_above_header_cp1258.csv",
        [1],
        "Windows-1258 ';' text, title directly above the header",
        org_figures(e),
    )

    e = org_entries(m, 2019)
    s = Sheet("Sheet1")
    s.title_row("KẾT QUẢ XẾP LOẠI TCCS ĐẢNG 2019", 3)
    s.add([], header, *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "t06_bare_year_title.xlsx", [s])
    case(
        "t06_bare_year_title.xlsx",
        [1],
        "a bare year in the title ('… TCCS ĐẢNG 2019'), blank row before the header",
        org_figures(e),
    )

    e = org_entries(m, 2018)
    s = Sheet("Sheet1")
    s.add(["XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG 2018"], header, *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "t07_bare_year_title_above_header.xlsx", [s])
    case(
        "t07_bare_year_title_above_header.xlsx", [1], "a bare year in a title directly above the header", org_figures(e)
    )

    e = org_entries(m, 2020)
    s = Sheet("Sheet1")
    s.title_row("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG", 3)
    s.add([], header, *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "xep_loai_tccs_2020.xlsx", [s])
    case(
        "xep_loai_tccs_2020.xlsx",
        [1, 11],
        "the year only in the file name: read as that year, with a warning naming the weak signal",
        org_figures(e),
        warning=["rating year 2020 read from the file name alone"],
    )
    shutil.copy(FILES / "xep_loai_tccs_2020.xlsx", FILES / "t08_year_given.xlsx")
    case(
        "t08_year_given.xlsx",
        [1],
        "the same file (no year inside) with --year 2020",
        org_figures(e),
        args=["--year", "2020"],
    )

    e = org_entries(m, 2020)
    s = Sheet("Năm 2020")
    s.title_row("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG", 3)
    s.add(header, *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "t09_year_in_sheet_name.xlsx", [s])
    case(
        "t09_year_in_sheet_name.xlsx",
        [1],
        "the year in the sheet name 'Năm 2020', a title without a year directly above",
        org_figures(e),
    )

    sheets, entries = [], []
    for year in (2018, 2019):
        e = org_entries(m, year)
        entries += e
        s = Sheet(str(year))
        s.add(header, *units_table(rng, e, ["stt", "name", "rating"]))
        sheets.append(s)
    write_xlsx(FILES / "t10_bare_year_sheets.xlsx", sheets)
    case(
        "t10_bare_year_sheets.xlsx", [1], "a sheet per year named '2018', '2019'; header in row 1", org_figures(entries)
    )

    e = org_entries(m, 2020)
    s = Sheet("Sheet1")
    s.title_row("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 3)
    s.add(["Quảng Trị, ngày 12 tháng 01 năm 2021"])
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2020), 3)
    s.add(header, *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "t11_date_line_and_title.xlsx", [s])
    case(
        "t11_date_line_and_title.xlsx",
        [1, 5],
        "a date line 'ngày 12 tháng 01 năm 2021' above the title: the rating year is 2020",
        org_figures(e),
    )


# ---- 2: organisation-name headers ------------------------------------------------------------


def org_header_cases(m: Model, rng: random.Random) -> None:
    variants = [
        ("h01", "Tên chi, đảng bộ", 2019),
        ("h02", "Chi, đảng bộ", 2020),
        ("h03", "Tổ chức cơ sở đảng trực thuộc", 2019),
        ("h04", "Tên tổ chức", 2018),
        ("h05", "Tổ chức", 2019),
        ("h06", "TÊN TỔ CHỨC CƠ SỞ ĐẢNG", 2021),
        ("h07", "Ten to chuc co so dang", 2019),
        ("h08", "Tên tổ chức cơ sở Đảng trực thuộc Đảng bộ Khối", 2020),
        ("h09", "Tên chi bộ, đảng bộ cơ sở", 2019),
    ]
    for code, head, year in variants:
        e = org_entries(m, year)
        s = Sheet(f"Năm {year}")
        s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", year), 4)
        s.add(
            [],
            ["STT", head, "Loại hình", "Xếp loại" if code != "h07" else "Xep loai"],
            *units_table(rng, e, ["stt", "name", "host", "rating"]),
        )
        slug = no_diacritics(head).lower().replace(",", "").replace(" ", "_")
        write_xlsx(FILES / f"{code}_org_{slug}.xlsx", [s])
        case(
            f"{code}_org_{slug}.xlsx",
            [2] if code != "h09" else [0, 2],
            f"organisation-name header '{head}'",
            org_figures(e),
        )


# ---- 3: rating headers -----------------------------------------------------------------------


def rating_header_cases(m: Model, rng: random.Random) -> None:
    for code, head, year, titled in (
        ("r01", "KQ xếp loại", 2019, True),
        ("r02", "Xếp loại năm 2019", 2019, False),
        ("r03", "Mức xếp loại chất lượng", 2020, True),
        ("r04", "Kết quả xếp loại chất lượng năm 2020", 2020, False),
        ("r05", "Xếp loại TCCS đảng năm 2018", 2018, False),
        ("r06", "Đánh giá, xếp loại", 2021, True),
    ):
        e = org_entries(m, year)
        s = Sheet("Sheet1")
        if titled:
            s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", year), 3)
            s.add([])
        s.add(["STT", "Tên tổ chức cơ sở đảng", head], *units_table(rng, e, ["stt", "name", "rating"]))
        slug = no_diacritics(head).lower().replace(",", "").replace(" ", "_")
        write_xlsx(FILES / f"{code}_rating_{slug}.xlsx", [s])
        case(
            f"{code}_rating_{slug}.xlsx",
            [3],
            f"rating header '{head}'" + ("" if titled else " (the only place the year is written)"),
            org_figures(e),
        )

    # wide: Xếp loại năm 2018 | Xếp loại năm 2019
    years = (2018, 2019)
    s = Sheet("Sheet1")
    s.title_row("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG", 4)
    s.add([], ["STT", "Tên tổ chức cơ sở đảng", *[f"Xếp loại năm {y}" for y in years]])
    wide_rows(rng, m, s, years)
    write_xlsx(FILES / "r07_wide_xep_loai_nam.xlsx", [s])
    case(
        "r07_wide_xep_loai_nam.xlsx",
        [3, 10],
        "wide: 'Xếp loại năm 2018 | Xếp loại năm 2019'",
        org_figures([x for y in years for x in org_entries(m, y)]),
    )


def wide_rows(rng, m: Model, s: Sheet, years, cells: bool = False, extra=lambda org: [], messy: bool = False) -> None:
    n = 0
    for org in m.orgs:
        for o in [org, *(org.cells if cells else [])]:
            n += 1
            labels = []
            for y in years:
                r = m.org_ratings.get((y, o.name))
                labels.append(org_label(rng, y, r.status, r.exemplary, messy) if r else None)
            s.add([n, o.name, *extra(o), *labels])


# ---- 4: self-rating beside the decision -------------------------------------------------------


def self_rating_cases(m: Model, rng: random.Random) -> None:
    e = org_entries(m, 2019)
    s = Sheet("2019")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2019), 4)
    s.add(
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Tự xếp loại", "Cấp ủy cấp trên xếp loại"],
        *units_table(rng, e, ["stt", "name", "self", "rating"]),
    )
    write_xlsx(FILES / "s01_self_and_decision.xlsx", [s])
    assert org_figures(e) != org_figures(e, decided=False)
    case(
        "s01_self_and_decision.xlsx",
        [4],
        "'Tự xếp loại | Cấp ủy cấp trên xếp loại': the decision counts",
        org_figures(e),
        max_stderr_lines=1,
    )

    e = org_entries(m, 2020, cells=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2020), 6)
    r = s.add(
        [],
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Kết quả đánh giá, xếp loại", None],
        [None, None, None, None, "Tổ chức đảng tự xếp loại", "Đảng ủy Khối quyết định xếp loại"],
    )
    s.merges += [f"E{r - 1}:F{r - 1}", *[f"{c}{r - 1}:{c}{r}" for c in "ABCD"]]
    s.add(*units_table(rng, e, ["stt", "name", "kind", "parent", "self", "rating"]))
    write_xlsx(FILES / "s02_merged_self_and_decision.xlsx", [s])
    case(
        "s02_merged_self_and_decision.xlsx",
        [4],
        "'Kết quả đánh giá, xếp loại' merged over 'Tổ chức đảng tự xếp loại | Đảng ủy Khối quyết định xếp loại'",
        org_figures(e),
        max_stderr_lines=1,
    )

    rows = member_rows(m, 2019)
    s = Sheet("Danh sách")
    s.title_row("DANH SÁCH ĐẢNG VIÊN ĐÁNH GIÁ, XẾP LOẠI NĂM 2019", 7)
    s.add(
        [], ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Đảng viên tự xếp loại", "Chi bộ đề nghị", "Cấp ủy quyết định"]
    )
    for n, (mb, rt) in enumerate(rows, 1):
        s.add(
            [
                n,
                mb.name,
                mb.born,
                mb.org,
                member_label(rng, rt.self_status),
                member_label(rng, rt.proposed or rt.status),
                member_label(rng, rt.status),
            ]
        )
    write_xlsx(FILES / "s03_member_self_proposed_decided.xlsx", [s])
    case(
        "s03_member_self_proposed_decided.xlsx",
        [4],
        "members: 'Đảng viên tự xếp loại | Chi bộ đề nghị | Cấp ủy quyết định'",
        member_figures(2019, rows),
        max_stderr_lines=1,
    )

    years = (2017, 2018, 2019)
    s = Sheet("Sheet1")
    s.title_row("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG QUA CÁC NĂM", 6)
    r = s.add(
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Loại hình", "Kết quả xếp loại qua các năm", None, None],
        [None] * 3 + list(years),
    )
    s.merges += [f"D{r - 1}:F{r - 1}", f"A{r - 1}:A{r}", f"B{r - 1}:B{r}", f"C{r - 1}:C{r}"]
    wide_rows(rng, m, s, years, extra=lambda o: [o.host])
    write_xlsx(FILES / "s04_years_as_numbers_under_merged.xlsx", [s])
    case(
        "s04_years_as_numbers_under_merged.xlsx",
        [4, 10],
        "'Kết quả xếp loại qua các năm' merged over 2017 2018 2019 typed as numbers",
        org_figures([x for y in years for x in org_entries(m, y)]),
    )

    e = org_entries(m, 2021)
    write_text(
        FILES / "s05_self_and_competent_level.csv",
        [
            ["STT", "Tên chi, đảng bộ cơ sở", "Năm", "Tự đánh giá, xếp loại", "Cấp có thẩm quyền xếp loại"],
            *units_table(rng, e, ["stt", "name", "year", "self", "rating"]),
        ],
    )
    case(
        "s05_self_and_competent_level.csv",
        [4],
        "CSV: 'Tự đánh giá, xếp loại | Cấp có thẩm quyền xếp loại'",
        org_figures(e),
        max_stderr_lines=1,
    )

    e = org_entries(m, 2018, cells=True)
    s = Sheet("2018")
    s.add(
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Cấp ủy cấp trên quyết định xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "parent", "rating"], kind_style="short"),
    )
    write_xlsx(FILES / "s06_decision_only.xlsx", [s])
    case(
        "s06_decision_only.xlsx",
        [4, 0],
        "the decision column alone ('Cấp ủy cấp trên quyết định xếp loại'), year in the sheet name",
        org_figures(e),
    )


# ---- 5: text under or beside the table --------------------------------------------------------


def tier_summary(year: int, entries: list[Entry]) -> list[list]:
    f = org_figures(entries)[(year, "units")]
    vocab = ORG_OLD if year <= 2017 else ORG_NEW
    return [[None, f"- {vocab[t][0]}", f[t]] for t in TIERS]


def text_around_cases(m: Model, rng: random.Random) -> None:
    header = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]
    e = org_entries(m, 2019)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2019), 3)
    s.add([], header, *units_table(rng, e, ["stt", "name", "rating"]))
    s.add(*signature_block(2019, col=1))
    write_xlsx(FILES / "x01_signature_block.xlsx", [s])
    case(
        "x01_signature_block.xlsx",
        [5],
        "a signature block under the table (date line, T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ, a name)",
        org_figures(e),
    )

    e = org_entries(m, 2020)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2020), 3)
    s.add([], header, *units_table(rng, e, ["stt", "name", "rating"]), [], [None, "Tổng hợp:"], *tier_summary(2020, e))
    write_xlsx(FILES / "x02_tier_summary_lines.xlsx", [s])
    case(
        "x02_tier_summary_lines.xlsx",
        [5],
        "per-tier summary lines under the table ('- Hoàn thành xuất sắc nhiệm vụ | 5')",
        org_figures(e),
    )

    e = org_entries(m, 2018)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2018), 3)
    s.add(
        [],
        header,
        *units_table(rng, e, ["stt", "name", "rating"]),
        ["Ghi chú: Chi bộ Trung tâm Phục vụ hành chính công chưa thành lập, không xếp loại."],
        ["- Số liệu tính đến ngày 31/12/2018."],
    )
    write_xlsx(FILES / "x03_notes_below.xlsx", [s])
    case(
        "x03_notes_below.xlsx",
        [5],
        "notes right under the table ('Ghi chú: …', '- Số liệu tính đến …')",
        org_figures(e),
    )

    e = org_entries(m, 2019)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2019), 3)
    s.add([], header + [None, "Xếp loại", "Số lượng"])
    body = units_table(rng, e, ["stt", "name", "rating"])
    f = org_figures(e)[(2019, "units")]
    block = [[ORG_NEW[t][0], f[t]] for t in TIERS] + [["Cộng", f["rated"]]]
    for i, row in enumerate(body):
        s.add(row + ([None] + block[i] if i < len(block) else []))
    write_xlsx(FILES / "x04_countif_block_right.xlsx", [s])
    case(
        "x04_countif_block_right.xlsx",
        [5],
        "a COUNTIF-style block (Xếp loại | Số lượng) right of the table, after an empty column",
        org_figures(e),
    )

    sheets, entries = [], []
    for year in (2018, 2019, 2020):
        e = org_entries(m, year)
        entries += e
        s = Sheet(f"Năm {year}")
        s.add(header, *units_table(rng, e, ["stt", "name", "rating"]))
        sheets.append(s)
    s = Sheet("Tổng hợp")
    s.title_row("TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG 2018 - 2020", 5)
    s.add([], ["Xếp loại", "Năm 2018", "Năm 2019", "Năm 2020"])
    figs = org_figures(entries)
    for t in TIERS:
        s.add([ORG_NEW[t][0], *[figs[(y, "units")][t] for y in (2018, 2019, 2020)]])
    s.add(["Tổng cộng", *[figs[(y, "units")]["rated"] for y in (2018, 2019, 2020)]])
    write_xlsx(FILES / "x05_summary_sheet.xlsx", [*sheets, s])
    case("x05_summary_sheet.xlsx", [5], "a 'Tổng hợp' sheet beside the year sheets repeating their figures", figs)

    rows = member_rows(m, 2020)
    s = Sheet("DS")
    s.title_row("DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI NĂM 2020", 5)
    s.add(["(Kèm theo Báo cáo số 12-BC/ĐUK ngày 15 tháng 01 năm 2021)"])
    s.add([], ["STT", "Họ và tên", "Số thẻ đảng viên", "Chi bộ", "Xếp loại"])
    for n, (mb, rt) in enumerate(rows, 1):
        s.add([n, mb.name, mb.card, mb.org, member_label(rng, rt.status)])
    s.add(*signature_block(2020, col=3))
    s.add([None, "Người lập biểu"], [], [None, "Trần Thị Hoa"])
    write_xlsx(FILES / "x06_member_list_signatures.xlsx", [s])
    case(
        "x06_member_list_signatures.xlsx",
        [5],
        "a member list with the 'Kèm theo' line, signature block and 'Người lập biểu'",
        member_figures(2020, rows),
    )

    e = org_entries(m, 2021)
    write_text(
        FILES / "x07_csv_summary_and_signature.csv",
        [
            ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
            *units_table(rng, e, ["stt", "name", "rating"]),
            [],
            ["", "Trong đó:"],
            *tier_summary(2021, e),
            [],
            ["", "", "Quảng Trị, ngày 10 tháng 01 năm 2022"],
            ["", "", "T/M ĐẢNG ỦY"],
            ["", "", "BÍ THƯ"],
        ],
        encoding="utf-8-sig",
    )
    case(
        "x07_csv_summary_and_signature.csv",
        [5],
        "CSV (no year but --year): summary lines and a signature below",
        org_figures(e),
        args=["--year", "2021"],
    )

    e = org_entries(m, 2019, cells=True)
    s = Sheet("Năm 2019")
    s.add(["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại", "Ghi chú"])
    for n, x in enumerate(e, 1):
        note = {"not_rated": "Mới thành lập tháng 9/2019, chưa xếp loại", "fail": "Có đảng viên bị kỷ luật"}.get(
            x.rating.status
        )
        s.add(
            [
                n,
                x.org.name,
                kind_word(rng, x.org, "short"),
                x.org.parent or None,
                org_label(rng, 2019, x.rating.status, x.rating.exemplary),
                note,
            ]
        )
    write_xlsx(FILES / "x08_notes_column.xlsx", [s])
    case("x08_notes_column.xlsx", [5, 0], "a 'Ghi chú' column with notes on some rows (ignored)", org_figures(e))


# ---- 6: hierarchy -----------------------------------------------------------------------------


def hierarchy_cases(m: Model, rng: random.Random) -> None:
    year = 2019
    units = [x for x in org_entries(m, year)]
    cells = [x for x in org_entries(m, year, units=False, cells=True)]
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", year), 3)
    s.add([], ["STT", "Tên tổ chức đảng", "Xếp loại"])
    for title, group in (
        ("I. ĐẢNG BỘ CƠ SỞ", [x for x in units if x.org.kind == "dbcs"]),
        ("II. CHI BỘ CƠ SỞ", [x for x in units if x.org.kind == "cbcs"]),
        ("III. CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ", cells),
    ):
        r = s.add([title])
        s.merges.append(f"A{r}:C{r}")
        s.add(*units_table(rng, group, ["stt", "name", "rating"]))
    write_xlsx(FILES / "k01_sections_three.xlsx", [s])
    case(
        "k01_sections_three.xlsx",
        [6],
        "section rows I. ĐẢNG BỘ CƠ SỞ / II. CHI BỘ CƠ SỞ / III. CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ, no kind column",
        org_figures(units + cells),
    )

    e = org_entries(m, 2020, cells=True, nested=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2020), 3)
    s.add([], ["STT", "Tên tổ chức đảng", "Xếp loại"])
    n = sub = 0
    for x in e:
        if x.subject == "units":
            n, sub = n + 1, 0
            label = str(n)
        else:
            sub += 1
            label = f"{n}.{sub}"
        s.add([label, x.org.name, org_label(rng, x.year, x.rating.status, x.rating.exemplary)])
    write_xlsx(FILES / "k02_numbered_subrows.xlsx", [s])
    case(
        "k02_numbered_subrows.xlsx",
        [6],
        "numbered sub-rows 1.1, 1.2 under organisation 1 are its chi bộ trực thuộc",
        org_figures(e),
    )

    e = org_entries(m, 2021, cells=True, nested=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2021), 5)
    s.add(
        [],
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "parent", "rating"], kind_style="bare"),
    )
    write_xlsx(FILES / "k03_bare_kinds_with_parent.xlsx", [s])
    case(
        "k03_bare_kinds_with_parent.xlsx",
        [6],
        "Loại written 'Chi bộ' / 'Đảng bộ'; a chi bộ with a parent is trực thuộc",
        org_figures(e),
    )

    e = org_entries(m, 2018, cells=True, nested=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2018), 4)
    s.add([], ["STT", "Tên tổ chức đảng", "Loại hình", "Xếp loại"])
    r = s.add(["I", "ĐẢNG BỘ CƠ SỞ"])
    n = 0
    for x in [x for x in e if x.org.kind in ("dbcs", "cbtt")]:
        if x.org.kind == "dbcs":
            n += 1
            s.add([n, x.org.name, x.org.host, org_label(rng, 2018, x.rating.status, x.rating.exemplary)])
        else:
            s.add(["-", x.org.name, x.org.host, org_label(rng, 2018, x.rating.status, x.rating.exemplary)])
    s.add(["II", "CHI BỘ CƠ SỞ"])
    for x in [x for x in e if x.org.kind == "cbcs"]:
        n += 1
        s.add([n, x.org.name, x.org.host, org_label(rng, 2018, x.rating.status, x.rating.exemplary)])
    write_xlsx(FILES / "k04_roman_sections_dash_subrows.xlsx", [s])
    case(
        "k04_roman_sections_dash_subrows.xlsx",
        [6],
        "sections 'I | ĐẢNG BỘ CƠ SỞ', each đảng bộ followed by its chi bộ marked '-' in STT (names say Chi bộ)",
        org_figures(e),
    )

    units = org_entries(m, 2020)
    cells = org_entries(m, 2020, units=False, cells=True)
    rows = [["TT", "Tên tổ chức đảng", "Năm", "Xếp loại"], ["A", "CÁC CHI, ĐẢNG BỘ CƠ SỞ"]]
    rows += units_table(rng, units, ["stt", "name", "year", "rating"])
    rows += [["B", "CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ"]] + units_table(rng, cells, ["stt", "name", "year", "rating"])
    write_text(FILES / "k05_sections_csv.csv", rows)
    case(
        "k05_sections_csv.csv",
        [6],
        "CSV with lettered section rows A. chi, đảng bộ cơ sở / B. chi bộ trực thuộc",
        org_figures(units + cells),
    )

    e = org_entries(m, 2019, cells=True)
    s = Sheet("TCCS")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2019), 4)
    s.add([], ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"])
    for n, x in enumerate(e, 1):
        # kinds written bare; the parent given by the short name of the đảng bộ
        s.add(
            [
                n,
                x.org.name,
                kind_word(rng, x.org, "bare"),
                x.org.parent or None,
                org_label(rng, 2019, x.rating.status, x.rating.exemplary),
            ]
        )
    write_xlsx(FILES / "k06_bare_kinds_cells_after.xlsx", [s])
    case(
        "k06_bare_kinds_cells_after.xlsx",
        [6],
        "Loại 'Chi bộ'/'Đảng bộ', cells listed after all units with Trực thuộc",
        org_figures(e),
    )

    e = org_entries(m, 2018)
    s = Sheet("Năm 2018")
    s.add(
        ["STT", "Tên tổ chức cơ sở đảng", "Loại", "Loại hình", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "host", "rating"], kind_style="bare"),
    )
    write_xlsx(FILES / "k07_bare_kinds_no_parent.xlsx", [s])
    case(
        "k07_bare_kinds_no_parent.xlsx",
        [6],
        "Loại 'Chi bộ'/'Đảng bộ' and no parent column: every chi bộ is a chi bộ cơ sở",
        org_figures(e),
    )


# ---- 7: ticks ---------------------------------------------------------------------------------


def tick_cases(m: Model, rng: random.Random) -> None:
    rows = member_rows(m, 2019)
    s = Sheet("Sheet1")
    s.title_row("DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2019", 8)
    r = s.add(
        [],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại", None, None, None, "Ghi chú"],
        [None, None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV", None],
    )
    s.merges += [f"D{r - 1}:G{r - 1}", *[f"{c}{r - 1}:{c}{r}" for c in "ABCH"]]
    order = list(TICK_HEADERS_NEW)
    kept = []
    for mb, rt in rows:
        ticks = [("x" if rt.status == t else None) for t in order]
        note = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá (mới kết nạp)"}.get(rt.status)
        if note:
            continue  # this form lists the rated members only
        kept.append((mb, rt))
        s.add([len(kept), mb.name, mb.org, *ticks, None])
    write_xlsx(FILES / "k10_member_ticks.xlsx", [s])
    case(
        "k10_member_ticks.xlsx",
        [7],
        "members: an 'x' under HTXSNV | HTTNV | HTNV | KHTNV (merged 'Xếp loại' above)",
        member_figures(2019, kept),
    )

    rows = member_rows(m, 2017)
    s = Sheet("2017")
    s.add(
        [
            "STT",
            "Họ và tên",
            "Năm sinh",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Hoàn thành tốt nhiệm vụ",
            "Hoàn thành nhiệm vụ",
            "Không hoàn thành nhiệm vụ",
            "Miễn đánh giá",
            "Chưa đánh giá",
        ]
    )
    cols = ["top", "good", "pass", "fail", "exempt", "not_rated"]
    for n, (mb, rt) in enumerate(rows, 1):
        s.add([n, mb.name, mb.born, *[("X" if rt.status == c else None) for c in cols]])
    write_xlsx(FILES / "k11_member_ticks_statuses.xlsx", [s])
    case(
        "k11_member_ticks_statuses.xlsx",
        [7],
        "members 2017 (year in the sheet name): 'X' under full tier labels and Miễn / Chưa đánh giá",
        member_figures(2017, rows),
    )

    e = org_entries(m, 2019)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2019), 6)
    s.add([], ["STT", "Tên tổ chức cơ sở đảng", *TICK_HEADERS_NEW.values(), "Chưa xếp loại"])
    for n, x in enumerate(e, 1):
        s.add([n, x.org.name, *[("x" if x.rating.status == t else None) for t in [*TICK_HEADERS_NEW, "not_rated"]]])
    write_xlsx(FILES / "k12_unit_ticks_2019.xlsx", [s])
    case(
        "k12_unit_ticks_2019.xlsx",
        [7],
        "units 2019: 'x' under HTXSNV … KHTNV; the unit founded this year ticked under 'Chưa xếp loại'",
        org_figures(e),
    )

    e = org_entries(m, 2016)
    s = Sheet("Năm 2016")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2016), 7)
    r = s.add(
        [],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Trong sạch, vững mạnh",
            "Trong đó: TSVM tiêu biểu",
            "Hoàn thành tốt nhiệm vụ",
            "Hoàn thành nhiệm vụ",
            "Yếu kém",
        ],
    )
    for n, x in enumerate(e, 1):
        st = x.rating.status
        s.add(
            [
                n,
                x.org.name,
                "x" if st == "top" else None,
                "x" if x.rating.exemplary else None,
                *[("x" if st == t else None) for t in ("good", "pass", "fail")],
            ]
        )
    write_xlsx(FILES / "k13_tsvm_tieu_bieu_ticks_2016.xlsx", [s])
    assert org_figures(e)[(2016, "units")]["exemplary"] > 0
    case(
        "k13_tsvm_tieu_bieu_ticks_2016.xlsx",
        [7],
        "2016 ticks with a 'Trong đó: TSVM tiêu biểu' column (exemplary ⊂ top)",
        org_figures(e),
    )

    e = org_entries(m, 2017, cells=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2017), 8)
    r = s.add(
        [],
        ["STT", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại", None, None, None, None],
        [None, None, None, "TSVM", "Trong đó tiêu biểu", "HTTNV", "HTNV", "Yếu kém"],
    )
    s.merges += [f"D{r - 1}:H{r - 1}", *[f"{c}{r - 1}:{c}{r}" for c in "ABC"]]
    for n, x in enumerate(e, 1):
        st = x.rating.status
        s.add(
            [
                n,
                x.org.name,
                x.org.parent or None,
                "x" if st == "top" else None,
                "x" if x.rating.exemplary else None,
                *[("x" if st == t else None) for t in ("good", "pass", "fail")],
            ]
        )
    write_xlsx(FILES / "k14_ticks_merged_header_cells_2017.xlsx", [s])
    case(
        "k14_ticks_merged_header_cells_2017.xlsx",
        [7, 6],
        "2017 units and cells: ticks under a merged 'Xếp loại' with a 'Trong đó tiêu biểu' column",
        org_figures(e),
    )

    rows = member_rows(m, 2020)
    cols = ["top", "good", "pass", "fail", "exempt", "not_rated"]
    write_text(
        FILES / "k15_member_ticks_csv.csv",
        [["STT", "Họ và tên", "Chi bộ", "Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn ĐG", "Chưa ĐG"]]
        + [
            [n, mb.name, mb.org, 2020, *[("x" if rt.status == c else "") for c in cols]]
            for n, (mb, rt) in enumerate(rows, 1)
        ],
    )
    case(
        "k15_member_ticks_csv.csv",
        [7],
        "members CSV with a Năm column: 'x' under HTXSNV … KHTNV, Miễn ĐG, Chưa ĐG",
        member_figures(2020, rows),
    )


# ---- 8: silent wrong figures ------------------------------------------------------------------


def counts_of(m: Model, year: int, org: Org) -> dict[str, int]:
    c = Counter(rt.status for mb, rt in member_rows(m, year) if mb.org == org.name)
    rated = sum(c[t] for t in TIERS)
    return {
        "total": c["exempt"] + c["not_rated"] + rated,
        "exempt": c["exempt"],
        "not_rated": c["not_rated"],
        "rated": rated,
        **{t: c[t] for t in TIERS},
    }


COUNT_KEYS = ["total", "exempt", "not_rated", "top", "good", "pass", "fail"]


def silent_cases(m: Model, rng: random.Random) -> None:
    year = 2019
    header = [
        "STT",
        "Tên tổ chức cơ sở đảng",
        "Tổng số đảng viên",
        "Miễn đánh giá",
        "Chưa đánh giá",
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
    ]
    for code, where in (("c01", "above"), ("c02", "below")):
        s = Sheet("Sheet1")
        s.title_row(f"TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM {year}", 9)
        s.add([], header)
        for k, host in enumerate(HOSTS, 1):
            group = [o for o in m.orgs if o.host == host and (year, o.name) in m.org_ratings]
            sums = [sum(counts_of(m, year, o)[key] for o in group) for key in COUNT_KEYS]
            roman = ["I", "II", "III", "IV"][k - 1]
            if where == "above":
                s.add([roman, SECTORS[host], *sums])
            for n, o in enumerate(group, 1):
                s.add([n, o.name, *[counts_of(m, year, o)[key] for key in COUNT_KEYS]])
            if where == "below":
                s.add([None, f"Cộng {SECTORS[host][0].lower()}{SECTORS[host][1:]}", *sums])
        write_xlsx(FILES / f"{code}_counts_sector_subtotals_{where}.xlsx", [s])
        case(
            f"{code}_counts_sector_subtotals_{where}.xlsx",
            [8],
            f"member counts with a subtotal row per sector {where} its "
            f"block ('{'I | Khối Đảng, đoàn thể | …' if where == 'above' else 'Cộng khối Đảng, đoàn thể'}')",
            member_figures(year, member_rows(m, year)),
        )

    e = org_entries(m, 2020, units=False, cells=True)
    s = Sheet("CBTT 2020")
    s.title_row(rating_year_title("CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ", 2020), 4)
    s.add([], ["STT", "Trực thuộc", "Tên chi bộ", "Xếp loại"])
    for org in m.orgs:
        group = [x for x in e if x.org.parent == org.name]
        if not group:
            continue
        first = len(s.rows) + 1
        for x in group:
            s.add(
                [
                    e.index(x) + 1,
                    org.name if x is group[0] else None,
                    x.org.name,
                    org_label(rng, 2020, x.rating.status, x.rating.exemplary),
                ]
            )
        s.merges.append(f"B{first}:B{len(s.rows)}")
    write_xlsx(FILES / "c03_parent_merged_down.xlsx", [s])
    case(
        "c03_parent_merged_down.xlsx",
        [8, 6],
        "'Trực thuộc' merged down over its chi bộ: every row is a cell",
        org_figures(e),
    )

    e = org_entries(m, 2019)
    s = Sheet("Sheet1")
    s.title_row("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG", 4)
    s.add([], ["STT", "Tên tổ chức cơ sở đảng", "Năm 2018", "Năm 2019"])
    wide_rows(rng, m, s, (2018, 2019))
    s.hidden_cols.append("C")
    write_xlsx(FILES / "c04_hidden_year_column.xlsx", [s])
    case(
        "c04_hidden_year_column.xlsx",
        [8],
        "a hidden column 'Năm 2018' beside 'Năm 2019': skipped (with one warning)",
        org_figures(e),
        max_stderr_lines=1,
    )

    e = org_entries(m, 2021)
    shown = e[:3] + e[4:]
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2021), 3)
    s.add([], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"])
    for n, x in enumerate(e, 1):
        r = s.add([n, x.org.name, org_label(rng, 2021, x.rating.status, x.rating.exemplary)])
        if x is e[3]:
            s.hidden_rows.append(r)
    write_xlsx(FILES / "c05_hidden_row.xlsx", [s])
    case(
        "c05_hidden_row.xlsx",
        [8],
        "a hidden data row: skipped (with one warning)",
        org_figures(shown),
        max_stderr_lines=1,
    )

    e = org_entries(m, 2019, cells=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2019), 4)
    s.add([], ["Loại", "STT", "Tên tổ chức đảng", "Xếp loại"])
    for kind, word in (("dbcs", "Đảng bộ cơ sở"), ("cbcs", "Chi bộ cơ sở"), ("cbtt", "Chi bộ trực thuộc")):
        group = [x for x in e if x.org.kind == kind]
        first = len(s.rows) + 1
        for n, x in enumerate(group, 1):
            s.add([word if n == 1 else None, n, x.org.name, org_label(rng, 2019, x.rating.status, x.rating.exemplary)])
        s.merges.append(f"A{first}:A{len(s.rows)}")
    write_xlsx(FILES / "c06_kind_merged_down.xlsx", [s])
    case(
        "c06_kind_merged_down.xlsx",
        [8, 6],
        "the kind column 'Loại' merged down over each block (first column)",
        org_figures(e),
    )

    e = org_entries(m, 2020)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC CƠ SỞ ĐẢNG", 2020), 3)
    s.add([], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"])
    for k, host in enumerate(HOSTS, 1):
        s.add([["I", "II", "III", "IV"][k - 1], SECTORS[host].upper()])
        s.add(*units_table(rng, [x for x in e if x.org.host == host], ["stt", "name", "rating"]))
    write_xlsx(FILES / "c07_sector_section_rows.xlsx", [s])
    case(
        "c07_sector_section_rows.xlsx",
        [8, 6],
        "section rows by sector ('I | KHỐI ĐẢNG, ĐOÀN THỂ'), no figures on them",
        org_figures(e),
    )


# ---- 9: smaller --------------------------------------------------------------------------------


def smaller_cases(m: Model, rng: random.Random) -> None:
    year = 2020
    rows = member_rows(m, year)
    s = Sheet("Biểu 2")
    s.title_row(f"TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM {year}", 9)
    s.add(
        [],
        [
            "STT",
            "Tên chi, đảng bộ cơ sở",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "HTXSNV",
            "HTTNV",
            "HTNV",
            "KHTNV",
        ],
    )
    orgs = [o for o in m.orgs if (year, o.name) in m.org_ratings]
    tot = [sum(counts_of(m, year, o)[k] for o in orgs) for k in COUNT_KEYS]
    s.add([None, "Toàn Đảng bộ Khối", *tot])
    for n, o in enumerate(orgs, 1):
        s.add([n, o.name, *[counts_of(m, year, o)[k] for k in COUNT_KEYS]])
    write_xlsx(FILES / "n01_totals_at_top.xlsx", [s])
    case(
        "n01_totals_at_top.xlsx",
        [9],
        "member counts with the totals row 'Toàn Đảng bộ Khối' at the top: no false 'rows above add up' warning",
        member_figures(year, rows),
        forbid=["add up to"],
    )

    rows = member_rows(m, 2017)
    folder = FILES / "n02_copy_in_folder"
    s = Sheet("Danh sách")
    s.title_row("DANH SÁCH ĐẢNG VIÊN ĐÁNH GIÁ, XẾP LOẠI NĂM 2017", 5)
    s.add([], ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại"])
    for n, (mb, rt) in enumerate(rows, 1):
        s.add([n, mb.name, mb.born, mb.org, member_label(rng, rt.status)])
    write_xlsx(folder / "dang_vien_2017.xlsx", [s])
    shutil.copy(folder / "dang_vien_2017.xlsx", folder / "dang_vien_2017 - Copy.xlsx")
    case(
        "n02_copy_in_folder",
        [9],
        "a folder holding a member list and its '- Copy': counted once, one line naming both files",
        member_figures(2017, rows),
        max_stderr_lines=2,
    )

    e = org_entries(m, 2019)
    body = units_table(rng, e, ["stt", "name", "rating"])
    body[2][2] = "Khá"
    write_text(
        FILES / "n03_unknown_label_kha.csv",
        [["STT", "Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"]] + [[r[0], r[1], 2019, r[2]] for r in body],
    )
    case(
        "n03_unknown_label_kha.csv",
        [9, 11],
        "an unknown label 'Khá': refused, and the hint never proposes KHTNV (another meaning)",
        error=["'Khá'"],
        forbid=["KHTNV"],
    )

    folder = FILES / "n04_folder_units_and_members"
    e = org_entries(m, 2018, cells=True)
    rows = member_rows(m, 2018)
    s = Sheet("Năm 2018")
    s.add(
        ["STT", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "kind", "parent", "rating"], kind_style="full"),
    )
    write_xlsx(folder / "to_chuc_2018.xlsx", [s])
    write_text(
        folder / "dang_vien_2018.csv",
        [["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Năm", "Xếp loại"]]
        + [[n, mb.name, mb.born, mb.org, 2018, member_label(rng, rt.status)] for n, (mb, rt) in enumerate(rows, 1)],
        delimiter=";",
        encoding="utf-8-sig",
    )
    case(
        "n04_folder_units_and_members",
        [9, 0],
        "a folder with the organisation file and the member file of one year",
        merge(org_figures(e), member_figures(2018, rows)),
    )


# ---- members, counts, labels, wide ------------------------------------------------------------


def member_cases(m: Model, rng: random.Random) -> None:
    rows = member_rows(m, 2019)
    s = Sheet("Danh sách")
    s.title_row("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 8)
    s.title_row("DANH SÁCH ĐẢNG VIÊN ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2019", 8)
    s.add([], ["STT", "Họ và tên", "Số thẻ đảng viên", "Năm sinh", "Chi bộ", "Xếp loại", "Kỷ luật", "Ghi chú"])
    for n, (mb, rt) in enumerate(rows, 1):
        s.add(
            [
                n,
                mb.name,
                mb.card,
                mb.born,
                mb.org,
                member_label(rng, rt.status),
                "Khiển trách" if rt.disciplined else None,
                None,
            ]
        )
    write_xlsx(FILES / "m01_members_plain_2019.xlsx", [s])
    case(
        "m01_members_plain_2019.xlsx",
        [0],
        "member list 2019 with card numbers, birth years, discipline",
        member_figures(2019, rows),
    )

    rows = member_rows(m, 2018)
    write_text(
        FILES / "m02_members_utf16_tab_2018.csv",
        [["STT", "Họ tên", "Năm sinh", "Đơn vị", "Năm", "Kết quả xếp loại", "Bị kỷ luật"]]
        + [
            [n, mb.name, mb.born, mb.org, 2018, member_label(rng, rt.status), "x" if rt.disciplined else ""]
            for n, (mb, rt) in enumerate(rows, 1)
        ],
        delimiter="\t",
        encoding="utf-16",
    )
    case(
        "m02_members_utf16_tab_2018.csv",
        [0],
        "member list, UTF-16 tab text with a Năm column",
        member_figures(2018, rows),
    )

    rows = member_rows(m, 2019, left=True)
    assert any(rt.status == "left" for _, rt in rows)
    s = Sheet("2019")
    s.title_row("DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2019", 6)
    s.add([], ["STT", "Họ và tên", "Số thẻ", "Chi bộ", "Xếp loại", "Ghi chú"])
    for n, (mb, rt) in enumerate(rows, 1):
        label = rt.self_status if rt.status == "left" else member_label(rng, rt.status)
        s.add([n, mb.name, mb.card, mb.org, label, None])
    write_xlsx(FILES / "m03_members_left_inline.xlsx", [s])
    case(
        "m03_members_left_inline.xlsx",
        [10],
        "members who left (Chuyển sinh hoạt đi, Xóa tên) written in the rating column: not counted at all",
        member_figures(2019, rows),
    )

    rows = member_rows(m, 2018, left=True)
    s = Sheet("DS 2018")
    s.title_row("DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2018", 5)
    s.add([], ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại"])
    stayed = [(mb, rt) for mb, rt in rows if rt.status != "left"]
    for n, (mb, rt) in enumerate(stayed, 1):
        s.add([n, mb.name, mb.born, mb.org, member_label(rng, rt.status)])
    s.add(["B", "ĐẢNG VIÊN ĐÃ CHUYỂN ĐI, TỪ TRẦN TRONG NĂM"])
    for n, (mb, rt) in enumerate([x for x in rows if x[1].status == "left"], 1):
        s.add([n, mb.name, mb.born, mb.org, rt.self_status])
    write_xlsx(FILES / "m04_members_left_section.xlsx", [s])
    case(
        "m04_members_left_section.xlsx",
        [10, 6],
        "a section of members who left at the end of the list: not counted",
        member_figures(2018, rows),
    )

    sheets, allrows = [], []
    rows = member_rows(m, 2021)
    for org in [o for o in m.orgs if o.kind == "dbcs"]:
        group = [(mb, rt) for mb, rt in rows if mb.org == org.name]
        allrows += group
        s = Sheet(org.name.replace("Đảng bộ ", "")[:28])
        s.add(
            [f"DANH SÁCH ĐẢNG VIÊN {org.name.upper()} XẾP LOẠI NĂM 2021"],
            ["TT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại"],
        )
        for n, (mb, rt) in enumerate(group, 1):
            s.add([n, mb.name, mb.born, mb.org, member_label(rng, rt.status)])
        sheets.append(s)
    write_xlsx(FILES / "m05_members_sheet_per_unit.xlsx", sheets)
    case(
        "m05_members_sheet_per_unit.xlsx",
        [1],
        "a sheet per đảng bộ, each with its title directly above the header",
        member_figures(2021, allrows),
    )

    rows = member_rows(m, 2017)
    s = Sheet("Sheet1")
    s.title_row("DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2017", 5)
    s.add([], ["STT", "HỌ VÀ TÊN", "NĂM SINH", "CHI BỘ", "XẾP LOẠI"])
    for n, (mb, rt) in enumerate(rows, 1):
        s.add([n, mb.name, mb.born, mb.org, member_label(rng, rt.status, messy=True)])
    write_xlsx(FILES / "m06_members_messy_labels_2017.xlsx", [s])
    case(
        "m06_members_messy_labels_2017.xlsx",
        [10],
        "labels in every spelling (NFD, no diacritics, upper/lower case, "
        "non-breaking and stray spaces, abbreviations), headers in capitals",
        member_figures(2017, rows),
    )

    rows = member_rows(m, 2020)
    old = member_rows(m, 2019)
    s = Sheet("Năm 2020")
    s.add(
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        *[[n, mb.name, mb.org, member_label(rng, rt.status)] for n, (mb, rt) in enumerate(rows, 1)],
    )
    h = Sheet("Năm 2019 (cũ)", state="hidden")
    h.add(
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        *[[n, mb.name, mb.org, member_label(rng, rt.status)] for n, (mb, rt) in enumerate(old, 1)],
    )
    write_xlsx(FILES / "m07_members_hidden_sheet.xlsx", [s, h])
    case(
        "m07_members_hidden_sheet.xlsx",
        [8],
        "a hidden sheet with last year's list: skipped (with one warning)",
        member_figures(2020, rows),
        max_stderr_lines=1,
    )

    rows = member_rows(m, 2021)
    write_text(
        FILES / "m08_members_cp1258.csv",
        [
            ["DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2021"],
            [],
            ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại", "Kỷ luật"],
        ]
        + [
            [n, mb.name, mb.born, mb.org, member_label(rng, rt.status), "Cảnh cáo" if rt.disciplined else ""]
            for n, (mb, rt) in enumerate(rows, 1)
        ],
        delimiter=";",
        encoding="cp1258",
    )
    case(
        "m08_members_cp1258.csv",
        [0],
        "member list in Windows-1258 ';' text, title and blank row",
        member_figures(2021, rows),
    )

    rows = member_rows(m, 2019, left=True)
    write_text(
        FILES / "m09_members_left_in_notes.csv",
        [["STT", "Họ và tên", "Số thẻ đảng viên", "Chi bộ", "Năm", "Xếp loại", "Ghi chú"]]
        + [
            [
                n,
                mb.name,
                mb.card,
                mb.org,
                2019,
                "" if rt.status == "left" else member_label(rng, rt.status),
                rt.self_status if rt.status == "left" else "",
            ]
            for n, (mb, rt) in enumerate(rows, 1)
        ],
    )
    case(
        "m09_members_left_in_notes.csv",
        [10],
        "members who left: rating blank, 'Chuyển sinh hoạt đi' / 'Xóa tên' in Ghi chú; not counted",
        member_figures(2019, rows),
    )


def counts_cases(m: Model, rng: random.Random) -> None:
    year = 2019
    orgs = [o for o in m.orgs if (year, o.name) in m.org_ratings]
    s = Sheet("Sheet1")
    s.title_row(f"KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM {year}", 9)
    r = s.add(
        [],
        [
            "STT",
            "Tên TCCS đảng",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "Kết quả xếp loại",
            None,
            None,
            None,
        ],
        [None] * 5 + ["HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    )
    s.merges += [f"F{r - 1}:I{r - 1}", *[f"{c}{r - 1}:{c}{r}" for c in "ABCDE"]]
    for n, o in enumerate(orgs, 1):
        s.add([n, o.name, *[counts_of(m, year, o)[k] for k in COUNT_KEYS]])
    write_xlsx(FILES / "q01_counts_two_row_header.xlsx", [s])
    case(
        "q01_counts_two_row_header.xlsx",
        [0],
        "member counts, two-row header ('Kết quả xếp loại' merged over the tiers)",
        member_figures(year, member_rows(m, year)),
    )

    year = 2018
    orgs = [o for o in m.orgs if (year, o.name) in m.org_ratings]
    s = Sheet("Biểu 02")
    s.title_row("Biểu số 02-ĐV", 13)
    s.title_row(f"TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {year}", 13)
    s.add(["Đvt: đảng viên"])
    r = s.add(
        ["STT", "Tên chi, đảng bộ cơ sở", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá", "Kết quả xếp loại"]
        + [None] * 7
    )
    s.add(
        [None] * 5
        + [
            "Hoàn thành xuất sắc nhiệm vụ",
            None,
            "Hoàn thành tốt nhiệm vụ",
            None,
            "Hoàn thành nhiệm vụ",
            None,
            "Không hoàn thành nhiệm vụ",
            None,
        ]
    )
    s.add([None] * 5 + ["SL", "%"] * 4)
    s.add([f"({c})" for c in range(1, 14)])
    s.merges += [
        f"F{r}:M{r}",
        *[f"{c}{r}:{c}{r + 2}" for c in "ABCDE"],
        *[f"{a}{r + 1}:{b}{r + 1}" for a, b in ("FG", "HI", "JK", "LM")],
    ]
    for n, o in enumerate(orgs, 1):
        c = counts_of(m, year, o)
        row = [n, o.name, c["total"], c["exempt"] or None, c["not_rated"] or None]
        for t in TIERS:
            row += [c[t], round(100 * c[t] / c["rated"], 2) if c["rated"] else None]
        s.add(row)
    tot = {k: sum(counts_of(m, year, o)[k] for o in orgs) for k in COUNT_KEYS}
    s.add(
        [None, "Tổng cộng", tot["total"], tot["exempt"], tot["not_rated"], *[v for t in TIERS for v in (tot[t], None)]]
    )
    write_xlsx(FILES / "q02_counts_three_row_header_sl_pct.xlsx", [s])
    case(
        "q02_counts_three_row_header_sl_pct.xlsx",
        [0],
        "member counts form: three-row header, full tier names over SL | % pairs, an index row (1)…(13), a totals row",
        member_figures(year, member_rows(m, year)),
    )

    year = 2021
    orgs = [o for o in m.orgs if (year, o.name) in m.org_ratings]
    write_text(
        FILES / "q03_counts_csv.csv",
        [["TT", "Chi, đảng bộ cơ sở", "Năm", "Có mặt", "Miễn ĐG", "Chưa ĐG", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]]
        + [[n, o.name, year, *[counts_of(m, year, o)[k] for k in COUNT_KEYS]] for n, o in enumerate(orgs, 1)],
    )
    case(
        "q03_counts_csv.csv",
        [0],
        "member counts CSV with abbreviated status headers (Có mặt, Miễn ĐG, Chưa ĐG)",
        member_figures(year, member_rows(m, year)),
    )

    year = 2017
    orgs = [o for o in m.orgs if (year, o.name) in m.org_ratings]
    s = Sheet(f"ĐV {year}")
    s.title_row(f"KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM {year}", 8)
    r = s.add(
        ["STT", "Tên tổ chức cơ sở đảng", "Tổng số", "Miễn đánh giá", "Chưa đánh giá", "Xếp loại", None, None, None],
        [None] * 5 + ["Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành"],
    )
    s.merges += [f"F{r - 1}:I{r - 1}", *[f"{c}{r - 1}:{c}{r}" for c in "ABCDE"]]
    s.add(*[[n, o.name, *[counts_of(m, year, o)[k] for k in COUNT_KEYS]] for n, o in enumerate(orgs, 1)])
    s.add(*signature_block(year, col=5))
    write_xlsx(FILES / "q04_counts_short_tier_words_title_above.xlsx", [s])
    case(
        "q04_counts_short_tier_words_title_above.xlsx",
        [1, 5],
        "member counts: title directly above a two-row header with "
        "short tier words (Xuất sắc, Tốt …), a signature block below",
        member_figures(year, member_rows(m, year)),
    )


def label_and_wide_cases(m: Model, rng: random.Random) -> None:
    e = org_entries(m, 2016, cells=True) + org_entries(m, 2017, cells=True)
    write_text(
        FILES / "l01_messy_labels_2016_2017.csv",
        [
            ["STT", "Tên tổ chức đảng", "Loại", "Năm", "Xếp loại"],
            *units_table(rng, e, ["stt", "name", "kind", "year", "rating"], messy=True, kind_style="mixed"),
        ],
    )
    case(
        "l01_messy_labels_2016_2017.csv",
        [10],
        "units and cells 2016–2017 on the TSVM scale, labels in every spelling",
        org_figures(e),
    )

    e = org_entries(m, 2020, cells=True)
    s = Sheet("Sheet1")
    s.title_row(rating_year_title("TỔ CHỨC ĐẢNG", 2020), 4)
    s.add([], ["STT", "TÊN TỔ CHỨC ĐẢNG", "LOẠI", "XẾP LOẠI"])
    for n, x in enumerate(e, 1):
        s.add(
            [
                n,
                x.org.name,
                spell(rng, kind_word(rng, x.org, "mixed"), True),
                org_label(rng, 2020, x.rating.status, x.rating.exemplary, messy=True),
            ]
        )
    write_xlsx(FILES / "l02_messy_labels_and_kinds_2020.xlsx", [s])
    case(
        "l02_messy_labels_and_kinds_2020.xlsx",
        [10],
        "labels and kinds in every spelling (NFD, no diacritics, case, nbsp)",
        org_figures(e),
    )

    years = tuple(YEARS)
    s = Sheet("TCCSĐ")
    s.title_row("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG GIAI ĐOẠN 2016 - 2021", 9)
    r = s.add(
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Loại", "Kết quả xếp loại"] + [None] * 5,
        [None] * 3 + [f"Năm {y}" for y in years],
    )
    s.merges += [f"D{r - 1}:I{r - 1}", *[f"{c}{r - 1}:{c}{r}" for c in "ABC"]]
    wide_rows(rng, m, s, years, extra=lambda o: [kind_word(rng, o, "short")])
    write_xlsx(FILES / "w01_wide_2016_2021.xlsx", [s])
    case(
        "w01_wide_2016_2021.xlsx",
        [10],
        "wide: 'Năm 2016' … 'Năm 2021' under a merged 'Kết quả xếp loại'; the unit founded in 2019 blank before",
        org_figures([x for y in years for x in org_entries(m, y)]),
    )

    years = (2016, 2017, 2018, 2019)
    s = Sheet("Sheet1")
    s.add(["STT", "Tên tổ chức đảng", "Trực thuộc", *years])
    wide_rows(rng, m, s, years, cells=True, extra=lambda o: [o.parent or None])
    write_xlsx(FILES / "w02_wide_numbers_cells.xlsx", [s])
    case(
        "w02_wide_numbers_cells.xlsx",
        [10, 3],
        "wide with bare year numbers as headers, units and cells (Trực thuộc)",
        org_figures([x for y in years for x in org_entries(m, y, cells=True)]),
    )

    years = (2019, 2020, 2021)
    s = Sheet("Sheet1")
    s.title_row("XẾP LOẠI CHI, ĐẢNG BỘ CƠ SỞ 2019 - 2021", 5)
    s.add(["TT", "Tên chi, đảng bộ cơ sở", *[f"XL {y}" for y in years]])
    wide_rows(rng, m, s, years, messy=True)
    write_xlsx(FILES / "w03_wide_xl_year.xlsx", [s])
    case(
        "w03_wide_xl_year.xlsx",
        [10, 1, 3],
        "wide 'XL 2019 | XL 2020 | XL 2021', title directly above, messy labels",
        org_figures([x for y in years for x in org_entries(m, y)]),
    )


# ---- 11: truly ambiguous ----------------------------------------------------------------------


def ambiguous_cases(m: Model, rng: random.Random) -> None:
    e = org_entries(m, 2019)
    s = Sheet("Năm 2019")
    s.add(
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Xếp loại"],
        *units_table(rng, e, ["stt", "name", "self", "rating"]),
    )
    write_xlsx(FILES / "e01_two_rating_columns.xlsx", [s])
    case(
        "e01_two_rating_columns.xlsx",
        [11],
        "two columns both headed 'Xếp loại' and differing: which is the decision cannot "
        "be told; the error names the header and the mapping option",
        error=["Xếp loại", "--column"],
    )

    e = org_entries(m, 2019)
    write_text(
        FILES / "e02_no_year_anywhere.csv",
        [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"], *units_table(rng, e, ["stt", "name", "rating"])],
    )
    case(
        "e02_no_year_anywhere.csv",
        [11, 1],
        "no year in the file, its name or a sheet name: refused, pointing at --year",
        error=["--year"],
    )

    e = org_entries(m, 2019)
    s = Sheet("Năm 2019")
    s.add(["Cột 1", "Cột 2", "Cột 3"], *units_table(rng, e, ["stt", "name", "rating"]))
    write_xlsx(FILES / "e03_meaningless_header.xlsx", [s])
    case(
        "e03_meaningless_header.xlsx",
        [11],
        "a header 'Cột 1 | Cột 2 | Cột 3': refused, the error names the header row used and the mapping option",
        error=["Cột 2", "--column"],
    )

    e = org_entries(m, 2019) + org_entries(m, 2020)
    s = Sheet("Sheet1")
    s.add(["STT", "Tên tổ chức cơ sở đảng", "Năm 2019", "Năm 2019"])
    wide_rows(rng, m, s, (2019, 2020))
    write_xlsx(FILES / "e04_year_twice.xlsx", [s])
    case(
        "e04_year_twice.xlsx",
        [11, 3],
        "wide with 'Năm 2019' twice (the second meant 2020): refused, naming the year",
        error=["2019"],
    )


# --------------------------------------------------------------------------------------------
# cases.toml


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items) -> str:
    return "[" + ", ".join(toml_str(x) if isinstance(x, str) else str(x) for x in items) + "]"


def write_cases() -> None:
    lines = [
        "# The layout corpus: for each file under files/, the `ccq-stats classify FILE --format csv` arguments,",
        '# the exit code and either the figures {"YEAR SUBJECT" = {category = count}} counted from the',
        "# generator's model, or the parts the error message must contain. Generated by make_layouts.py:",
        "# do not edit by hand; change the generator and run it again.",
        "",
        "[classes]",
        *[f"{k} = {toml_str(v)}" for k, v in CLASSES.items()],
        "",
    ]
    for c in CASES:
        lines.append(f"[cases.{toml_str(c['name'])}]")
        lines.append(f"classes = {toml_list(c['classes'])}")
        lines.append(f"about = {toml_str(c['about'])}")
        lines.append(f"args = {toml_list(c['args'])}")
        lines.append(f"exit = {c['exit']}")
        if c["error"]:
            lines.append(f"error = {toml_list(c['error'])}")
        if c["forbid"]:
            lines.append(f"forbid = {toml_list(c['forbid'])}")
        if "max_stderr_lines" in c:
            lines.append(f"max_stderr_lines = {c['max_stderr_lines']}")
        if "figures" in c:
            lines.append(f"[cases.{toml_str(c['name'])}.figures]")
            cats_of = {"members": MEMBER_CATEGORIES}
            for (year, subject), cats in sorted(
                c["figures"].items(), key=lambda kv: (kv[0][0], ["units", "cells", "members"].index(kv[0][1]))
            ):
                order = cats_of.get(subject, ORG_CATEGORIES)
                body = ", ".join(f"{k} = {cats[k]}" for k in order)
                lines.append(f"{toml_str(f'{year} {subject}')} = {{ {body} }}")
        lines.append("")
    (HERE / "cases.toml").write_text("\n".join(lines), encoding="utf-8")


def check_figures() -> None:
    """The model's own arithmetic: total = parts; rated = tiers; exemplary ⊂ top."""
    for c in CASES:
        for f in c.get("figures", {}).values():
            assert f["rated"] == sum(f[t] for t in TIERS), c["name"]
            assert f["good_or_better"] == f["top"] + f["good"]
            assert f["total"] == f["rated"] + f["not_rated"] + f.get("exempt", 0)
            assert f.get("exemplary", 0) <= f["top"]


def main() -> None:
    if FILES.exists():
        shutil.rmtree(FILES)
    FILES.mkdir()
    rng = random.Random(SEED)
    model = build_model(rng)
    build_cases(model, random.Random(SEED + 1))
    check_figures()
    write_cases()
    on_disk = {p.name for p in FILES.iterdir()}
    assert on_disk == {c["name"] for c in CASES}, on_disk ^ {c["name"] for c in CASES}
    print(f"{len(CASES)} cases in {FILES}")


if __name__ == "__main__":
    main()
