"""The second red team (issue 18): realistic files in layouts no other test here has.

Written without reading the reader's code. Every file is laid out from records this script
generated first (organisations with a rating per year, members with a status per year), and the
expected figures are counted from those records, never from ccq-stats. Deterministic: the same
seed writes the same files and the same expected.json.

    .venv/bin/python tests/data/redteam2/make_redteam2.py        # writes files/ and expected.json

LibreOffice (`soffice`) converts a few of the .xlsx files to .ods / .xls and recomputes the
cached values of formulas; the converted files are committed, so the tests never need it.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
SEED = 18_2026

TIERS = ("top", "good", "pass", "fail")
ORG_CATS = ("total", "not_rated", "rated", "top", "exemplary", "good", "pass", "fail")
MEM_CATS = ("total", "exempt", "not_rated", "rated", "top", "good", "pass", "fail")

# ---------------------------------------------------------------- labels of each regime
OLD_UNIT = {
    "top": "Trong sạch, vững mạnh",
    "exemplary": "Trong sạch, vững mạnh tiêu biểu",
    "good": "Hoàn thành tốt nhiệm vụ",
    "pass": "Hoàn thành nhiệm vụ",
    "fail": "Yếu kém",
}
OLD_UNIT_ABBR = {"top": "TSVM", "exemplary": "TSVM tiêu biểu", "good": "HTTNV", "pass": "HTNV", "fail": "Yếu kém"}
NEW = {
    "top": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "pass": "Hoàn thành nhiệm vụ",
    "fail": "Không hoàn thành nhiệm vụ",
}
NEW_ABBR = {"top": "HTXSNV", "good": "HTTNV", "pass": "HTNV", "fail": "KHTNV"}
CODE_1234 = {"top": 1, "good": 2, "pass": 3, "fail": 4}
CODE_LETTERS = {"top": "XS", "good": "T", "pass": "HT", "fail": "K"}


def unit_label(rating: str, year: int, abbr: bool = False) -> str:
    if year <= 2017:
        return (OLD_UNIT_ABBR if abbr else OLD_UNIT)[rating]
    return (NEW_ABBR if abbr else NEW)["top" if rating == "exemplary" else rating]


def member_label(tier: str, abbr: bool = False) -> str:
    return (NEW_ABBR if abbr else NEW)[tier]


def better(r: str) -> str:
    """A self-rating one tier better (what organisations often propose for themselves)."""
    order = ["fail", "pass", "good", "top"]
    r = "top" if r == "exemplary" else r
    return order[min(order.index(r) + 1, 3)]


# ---------------------------------------------------------------- the model
AGENCIES = [
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Sở Giao thông vận tải",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Ban Dân vận Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Báo tỉnh",
    "Đài Phát thanh - Truyền hình tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Trường Chính trị tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Hội Nông dân tỉnh",
    "Tỉnh đoàn",
    "Ủy ban MTTQ tỉnh",
    "Công ty Cổ phần Cấp nước tỉnh",
    "Thanh tra tỉnh",
    "Sở Ngoại vụ",
    "Ban Quản lý các khu công nghiệp",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Sở Lao động - Thương binh và Xã hội",
    "Viện Kiểm sát nhân dân tỉnh",
]
PARENTS = [
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Bệnh viện Đa khoa tỉnh",
    "Cục Thuế tỉnh",
    "Sở Tài nguyên và Môi trường",
]
CELL_NAMES = [
    "Văn phòng",
    "Thanh tra",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Nghiệp vụ",
    "Phòng Tổ chức cán bộ",
    "Trung tâm Dịch vụ",
    "Khoa Nội",
    "Khoa Ngoại",
    "Phòng Pháp chế",
    "Chi cục Kiểm lâm",
    "Chi cục Thủy lợi",
    "Phòng Quản lý đất đai",
]
HOST = ["Cơ quan Đảng, MTTQ, đoàn thể", "Cơ quan nhà nước", "Đơn vị sự nghiệp", "Doanh nghiệp"]

HO = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Võ",
    "Phan",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Huỳnh",
    "Mai",
    "Tôn",
]
DEM = [
    "Văn",
    "Thị",
    "Hữu",
    "Minh",
    "Thanh",
    "Đức",
    "Ngọc",
    "Quang",
    "Thu",
    "Xuân",
    "Hoài",
    "Thị Kim",
    "Công",
    "Bảo",
    "Diệu",
]
TEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hiếu",
    "Hoa",
    "Hùng",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Tú",
    "Tuấn",
    "Uyên",
    "Vinh",
    "Yến",
    "Lộc",
    "Nhân",
    "Quyên",
    "Việt",
]


@dataclass
class Org:
    name: str
    kind: str  # "dbcs", "cbcs" (units) or "cbtt" (cells)
    host: str
    parent: str | None = None
    ratings: dict[int, str | None] = field(default_factory=dict)  # None: not rated (new)
    founded: int = 2000
    award: dict[int, bool] = field(default_factory=dict)  # TSVM tiêu biểu from 2018
    cells: list[Org] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return "cells" if self.kind == "cbtt" else "units"


@dataclass
class Member:
    name: str
    birth: int
    joined: tuple[int, int]  # (year, month) admitted
    card: str
    code: str
    status: dict[int, str] = field(default_factory=dict)  # year -> tier | exempt | not_rated | left
    left: tuple[int, int, str] | None = None  # (year, month, why)


class Model:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()

    # organisations ------------------------------------------------------------------------
    def tier(self, year: int, p=(0.5, 0.38, 0.09, 0.03)) -> str:
        t = self.rng.choices(TIERS, p)[0]
        if t == "top" and year <= 2017 and self.rng.random() < 0.3:
            return "exemplary"
        return t

    def orgs(self, years, n_units=10, n_parents=0, cells_each=(2, 3), new_in=None) -> list[Org]:
        """Grassroots organisations (and their cells) rated in `years`; `new_in` = a year in
        which the last chi bộ cơ sở was founded (not rated that year, absent before)."""
        names = self.rng.sample(AGENCIES, n_units)
        parents = self.rng.sample(PARENTS, n_parents)
        out = []
        for p in parents:
            org = Org(f"Đảng bộ {p}", "dbcs", self.rng.choice(HOST[1:3]))
            for c in self.rng.sample(CELL_NAMES, self.rng.randint(*cells_each)):
                org.cells.append(Org(f"Chi bộ {c}", "cbtt", org.host, parent=org.name))
            out.append(org)
        for a in names:
            out.append(Org(f"Chi bộ {a}", "cbcs", self.rng.choice(HOST)))
        if new_in is not None:
            out[-1].founded = new_in
        for org in out:
            for o in [org, *org.cells]:
                o.founded = org.founded
                for y in years:
                    if y < o.founded:
                        continue
                    o.ratings[y] = None if y == o.founded else self.tier(y)
                    o.award[y] = y >= 2018 and o.ratings[y] == "top" and self.rng.random() < 0.35
        self.rng.shuffle(out)
        return out

    # members ------------------------------------------------------------------------------
    def person(self) -> str:
        while True:
            n = f"{self.rng.choice(HO)} {self.rng.choice(DEM)} {self.rng.choice(TEN)}"
            if n not in self.used_names:
                self.used_names.add(n)
                return n

    def members(self, years, n=18, exempt=2, new=2, leave=2, fail_p=0.04) -> list[Member]:
        first, last = min(years), max(years)
        out = []
        for _ in range(n):
            birth = self.rng.randint(1962, min(1996, first - 22))
            jy = self.rng.randint(max(birth + 20, 1985), first - 1)
            out.append(
                Member(
                    self.person(),
                    birth,
                    (jy, self.rng.randint(1, 12)),
                    f"{self.rng.randint(10, 99)}.{self.rng.randint(100000, 999999)}",
                    "",
                )
            )
        for m in out[:exempt]:  # elderly, exempt from party work
            m.birth = self.rng.randint(1940, 1952)
            m.joined = (self.rng.randint(1965, 1980), self.rng.randint(1, 12))
        for m in out[exempt : exempt + new]:  # admitted in the period
            m.joined = (self.rng.randint(first, last), self.rng.randint(7, 11))
            m.birth = self.rng.randint(1994, 2001)
        why = ["Chuyển sinh hoạt đi", "Từ trần", "Chuyển sinh hoạt đi"]
        for k, m in enumerate(out[exempt + new : exempt + new + leave]):
            m.left = (self.rng.randint(first, last), self.rng.randint(2, 10), why[k % len(why)])
        for m in out:
            m.code = f"48.03.{self.rng.randint(1000000, 9999999)}"
            for y in years:
                if m.joined[0] > y:
                    continue
                if m.left and m.left[0] < y:
                    continue
                if m.left and m.left[0] == y:
                    m.status[y] = "left"
                elif m.birth <= 1952:
                    m.status[y] = "exempt"
                elif m.joined[0] == y:
                    m.status[y] = "not_rated"
                else:
                    m.status[y] = self.rng.choices(TIERS, (0.13, 0.7, 0.13, fail_p))[0]
        self.rng.shuffle(out)
        return out


# ---------------------------------------------------------------- expected figures
def org_figures(orgs: list[Org], years, subjects=("units", "cells"), exemplary_from_award=False):
    rows = []
    for y in years:
        for subject in subjects:
            c = dict.fromkeys(ORG_CATS, 0)
            for o in [x for org in orgs for x in (org, *org.cells)]:
                if o.subject != subject or y not in o.ratings:
                    continue
                r = o.ratings[y]
                c["total"] += 1
                if r is None:
                    c["not_rated"] += 1
                    continue
                c["rated"] += 1
                c["top" if r == "exemplary" else r] += 1
                if r == "exemplary" or (exemplary_from_award and o.award.get(y)):
                    c["exemplary"] += 1
            if c["total"]:
                rows += [[y, subject, k, v] for k, v in c.items()]
    return rows


def member_figures(members: list[Member], years):
    rows = []
    for y in years:
        c = dict.fromkeys(MEM_CATS, 0)
        for m in members:
            s = m.status.get(y)
            if s is None or s == "left":
                continue
            c["total"] += 1
            if s in ("exempt", "not_rated"):
                c[s] += 1
            else:
                c["rated"] += 1
                c[s] += 1
        rows += [[y, "members", k, v] for k, v in c.items()]
    return rows


def drop(rows, *categories):
    return [r for r in rows if r[2] not in categories]


# ---------------------------------------------------------------- writers
class Sheet:
    def __init__(self, title: str):
        self.title = title
        self.rows: list[list] = []
        self.merges: list[str] = []
        self.hidden_cols: list[str] = []
        self.hidden_rows: list[int] = []
        self.indents: dict[str, int] = {}
        self.bold_rows: set[int] = set()
        self.state = "visible"
        self.widths: dict[str, float] = {}

    def add(self, *cells, bold=False) -> int:
        self.rows.append(list(cells))
        if bold:
            self.bold_rows.add(len(self.rows))
        return len(self.rows)

    def blank(self):
        return self.add()


def col(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path: Path, sheets: list[Sheet]) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh.title)
        for row in sh.rows:
            ws.append(row)
        for r in sh.bold_rows:
            for c in ws[r]:
                c.font = Font(bold=True)
        for ref, n in sh.indents.items():
            ws[ref].alignment = Alignment(indent=n)
        for m in sh.merges:
            ws.merge_cells(m)
        for c in sh.hidden_cols:
            ws.column_dimensions[c].hidden = True
        for r in sh.hidden_rows:
            ws.row_dimensions[r].hidden = True
        for c, w in sh.widths.items():
            ws.column_dimensions[c].width = w
        ws.sheet_state = sh.state
    wb.save(path)
    return path


def write_text(path: Path, rows: list[list], encoding="utf-8", delimiter=",", bom=False, nl="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=nl)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    text = buf.getvalue()
    if encoding == "cp1258":
        data = windows_1258(text)
    elif encoding == "utf-16":
        data = text.encode("utf-16")  # with its BOM, as Excel's "Unicode text"
    else:
        data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def windows_1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: precomposed where the code page has the
    letter, else the base letter and its tone mark as a combining character."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            for mark in list(marks):
                composed = unicodedata.normalize("NFC", base + mark)
                if len(composed) == 1:
                    try:
                        composed.encode("cp1258")
                    except UnicodeEncodeError:
                        continue
                    base = composed
                    marks.remove(mark)
                    break
            out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return out


def soffice_convert(src: Path, fmt: str, dest: Path) -> bool:
    """Convert with LibreOffice headless (own profile, so as not to clash with another run)."""
    exe = shutil.which("soffice")
    if not exe:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        out = Path(tmp) / (src.stem + "." + fmt.split(":")[0])
        shutil.move(str(out), dest)
    return True


def header_block(sh: Sheet, left1: str, left2: str, width: int, date: str | None = None):
    """The party's document header: issuing body top-left, ĐẢNG CỘNG SẢN VIỆT NAM top-right."""
    right = width - 2
    sh.add(left1, *[None] * (right - 1), "ĐẢNG CỘNG SẢN VIỆT NAM")
    sh.add(left2, *[None] * (right - 1), date or "")
    sh.add("*")
    sh.merges += [
        f"A1:{col(right - 1)}1",
        f"{col(right + 1)}1:{col(width)}1",
        f"A2:{col(right - 1)}2",
        f"{col(right + 1)}2:{col(width)}2",
    ]


# ================================================================ the cases
CASES: dict[str, dict] = {}


def case(name: str, family: str, what: str, rows=None, refused: str | None = None, args=()):
    assert (rows is None) != (refused is None)
    entry = {"family": family, "what": what, "args": list(args)}
    if refused:
        entry["expect"] = "refused"
        entry["why"] = refused
    else:
        entry["expect"] = "figures"
        entry["rows"] = rows
    CASES[name] = entry


M = Model(SEED)


# ---------------------------------------------------------------- A. annexes to a decision
def a01():
    y = 2019
    orgs = M.orgs([y], n_units=12)
    sh = Sheet("PL")
    header_block(sh, "ĐẢNG BỘ TỈNH QUẢNG TRỊ", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 7)
    sh.add(None, None, "PHỤ LỤC", bold=True)
    sh.add(None, None, "DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019", bold=True)
    sh.add(None, None, "(Kèm theo Quyết định số 482-QĐ/ĐUK, ngày 16/01/2020 của Ban Thường vụ Đảng ủy Khối)")
    sh.blank()
    h = sh.add("STT", "Tên tổ chức cơ sở đảng", "Kết quả đánh giá, xếp loại", None, None, "Ghi chú", None, bold=True)
    sh.add(
        None,
        None,
        "Tổ chức đảng tự xếp loại",
        "Ban Tổ chức đề xuất",
        "Ban Thường vụ Đảng ủy Khối quyết định",
        None,
        None,
        bold=True,
    )
    sh.merges += [f"A{h}:A{h + 1}", f"B{h}:B{h + 1}", f"C{h}:E{h}", f"F{h}:F{h + 1}"]
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(
            i,
            o.name,
            NEW[better(r)],
            NEW[better(r) if M.rng.random() < 0.3 else ("top" if r == "exemplary" else r)],
            unit_label(r, y),
            None,
        )
    sh.blank()
    sh.add(None, "Ấn định danh sách có 12 tổ chức cơ sở đảng./.")
    write_xlsx(FILES / "a01_phu_luc_qd_units_2019.xlsx", [sh])
    case(
        "a01_phu_luc_qd_units_2019.xlsx",
        "A",
        "annex to a decision: party header, 'PHỤ LỤC', 'Kèm theo Quyết định' line; "
        "self-rating, Ban Tổ chức proposal and the decision under one merged header; closing line",
        rows=org_figures(orgs, [y]),
    )
    return orgs


def a02():
    y = 2021
    parent = f"Đảng bộ {PARENTS[0]}"
    cells = [Org(f"Chi bộ {c}", "cbtt", HOST[1], parent=parent) for c in CELL_NAMES[:7]]
    for c in cells:
        c.ratings[y] = M.tier(y, (0.45, 0.45, 0.1, 0.0))
    sh = Sheet("Sheet1")
    header_block(sh, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ Y TẾ", 6)
    sh.add("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁC CHI BỘ TRỰC THUỘC NĂM 2021", bold=True)
    sh.add("(Kèm theo Quyết định số 09-QĐ/ĐU ngày 28/12/2021 của Ban Chấp hành Đảng bộ Sở Y tế)")
    sh.merges += ["A4:F4", "A5:F5"]
    sh.blank()
    sh.add(
        "TT", "Tên chi bộ", "Số đảng viên", "Chi bộ tự xếp loại", "Đảng ủy quyết định xếp loại", "Ghi chú", bold=True
    )
    for i, c in enumerate(cells, 1):
        r = c.ratings[y]
        sh.add(i, c.name, M.rng.randint(6, 25), NEW_ABBR[better(r) if i % 3 == 0 else r], NEW_ABBR[r], None)
    sh.blank()
    sh.add(None, None, None, "T/M ĐẢNG ỦY")
    sh.add(None, None, None, "BÍ THƯ")
    sh.add(None, None, None, M.person())
    write_xlsx(FILES / "a02_phu_luc_qd_cells_of_dang_bo_2021.xlsx", [sh])
    case(
        "a02_phu_luc_qd_cells_of_dang_bo_2021.xlsx",
        "A",
        "a đảng bộ cơ sở's annex rating its own chi bộ trực thuộc (the title says so); a member-count column "
        "'Số đảng viên'; self-rating beside the decision; signature",
        rows=[[y, "cells", k, v] for k, v in org_counts(cells, y).items()],
    )


def org_counts(orgs, y):
    c = dict.fromkeys(ORG_CATS, 0)
    for o in orgs:
        r = o.ratings.get(y, "absent")
        if r == "absent":
            continue
        c["total"] += 1
        if r is None:
            c["not_rated"] += 1
            continue
        c["rated"] += 1
        c["top" if r == "exemplary" else r] += 1
        c["exemplary"] += r == "exemplary"
    return c


def a03():
    y = 2022
    ms = M.members([y], n=16, exempt=2, new=1, leave=0)
    sh = Sheet("DS")
    header_block(sh, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "CHI BỘ SỞ TƯ PHÁP", 8)
    sh.add("PHỤ LỤC", bold=True)
    sh.add("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2022", bold=True)
    sh.add("(Kèm theo Quyết định số 03-QĐ/CB ngày 30/12/2022 của Chi bộ Sở Tư pháp)")
    sh.merges += ["A4:H4", "A5:H5", "A6:H6"]
    sh.blank()
    sh.add(
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Chức vụ chính quyền",
        "Đảng viên tự nhận mức xếp loại",
        "Tổ đảng đề nghị",
        "Chi bộ quyết định xếp loại",
        "Ghi chú",
        bold=True,
    )
    sh.add(*[f"({i})" for i in range(1, 9)])
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s == "exempt":
            sh.add(i, m.name, m.birth, "Hưu trí", None, None, "Miễn đánh giá", "Miễn công tác và sinh hoạt đảng")
        elif s == "not_rated":
            sh.add(
                i,
                m.name,
                m.birth,
                "Chuyên viên",
                None,
                None,
                "Chưa đánh giá, xếp loại",
                f"Kết nạp ngày {m.joined[1]:02d}/{m.joined[0]}, chưa đủ 6 tháng",
            )
        else:
            sh.add(
                i,
                m.name,
                m.birth,
                M.rng.choice(["Chuyên viên", "Phó Giám đốc", "Trưởng phòng", "Kế toán"]),
                member_label(better(s)),
                member_label(s, abbr=True) if i % 2 else member_label(better(s), abbr=True),
                member_label(s),
                None,
            )
    sh.blank()
    sh.add(None, "Danh sách này có 16 đồng chí./.")
    write_xlsx(FILES / "a03_phu_luc_qd_members_2022.xlsx", [sh])
    case(
        "a03_phu_luc_qd_members_2022.xlsx",
        "A",
        "a chi bộ's annex of member ratings: self-rating, the tổ đảng's "
        "proposal and the chi bộ's decision; an index row; exempt and new members with reasons in the notes",
        rows=member_figures(ms, [y]),
    )


def a04():
    y = 2016
    orgs = M.orgs([y], n_units=11)
    sh = Sheet("Phu luc")
    sh.add("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
    sh.add("PHỤ LỤC KẾT QUẢ CHẤM ĐIỂM VÀ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2016", bold=True)
    sh.add("(Kèm theo Quyết định số 311-QĐ/ĐUK ngày 12/01/2017)")
    sh.blank()
    sh.add(
        "STT",
        "Tên TCCS đảng",
        "Điểm tự chấm",
        "Tự xếp loại",
        "Điểm thẩm định",
        "Đảng ủy Khối quyết định xếp loại",
        bold=True,
    )
    band = {"exemplary": (92, 99), "top": (85, 94), "good": (70, 84), "pass": (50, 69), "fail": (40, 49)}
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        lo, hi = band[r]
        score = M.rng.randint(lo, hi)
        sh.add(i, o.name, min(score + M.rng.randint(0, 4), 100), OLD_UNIT[better(r)], score, OLD_UNIT[r])
    write_xlsx(FILES / "a04_phu_luc_cham_diem_units_2016.xlsx", [sh])
    case(
        "a04_phu_luc_cham_diem_units_2016.xlsx",
        "A",
        "HD 27 era annex with the 100-point scores (self-scored and "
        "checked) beside the self-rating and the decision; TSVM tiêu biểu in the decision",
        rows=org_figures(orgs, [y]),
    )


def a05():
    y = 2023
    orgs = M.orgs([y], n_units=6, n_parents=3)
    sh = Sheet("Phụ lục 2")
    sh.add("Phụ lục 2")
    sh.add("KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM 2023")
    sh.add("(Kèm theo Quyết định số 1020-QĐ/ĐUK ngày 19/01/2024 của Ban Thường vụ Đảng ủy Khối)")
    sh.blank()
    sh.add("STT", "Tên tổ chức đảng", "Thuộc đảng bộ", "Tự xếp loại", "Quyết định của BTV Đảng ủy Khối", bold=True)
    sh.add("A", "TỔ CHỨC CƠ SỞ ĐẢNG", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(i, o.name, None, NEW[better(r)], NEW[r])
    sh.add("B", "CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ", bold=True)
    i = 0
    for o in orgs:
        for c in o.cells:
            i += 1
            sh.add(i, c.name, o.name, NEW[c.ratings[y]], NEW[c.ratings[y]])
    write_xlsx(FILES / "a05_phu_luc_qd_units_and_cells_2023.xlsx", [sh])
    case(
        "a05_phu_luc_qd_units_and_cells_2023.xlsx",
        "A",
        "annex in two parts (A. tổ chức cơ sở đảng, B. chi bộ trực "
        "thuộc) with a parent column headed 'Thuộc đảng bộ' and the decision headed 'Quyết định của BTV Đảng ủy Khối'",
        rows=org_figures(orgs, [y]),
    )


def a06():
    y = 2024
    orgs = M.orgs([y], n_units=9)
    sh = Sheet("De nghi")
    sh.add("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
    sh.add("DANH SÁCH ĐỀ NGHỊ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024")
    sh.add("(Trình Ban Thường vụ Đảng ủy Khối xem xét, quyết định)")
    sh.blank()
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Tổ chức đảng tự xếp loại", "Ban Tổ chức Đảng ủy Khối đề xuất", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(i, o.name, NEW_ABBR[better(r)], NEW_ABBR[r])
    write_xlsx(FILES / "a06_de_nghi_chua_quyet_dinh_2024.xlsx", [sh])
    case(
        "a06_de_nghi_chua_quyet_dinh_2024.xlsx",
        "A",
        "a proposal list sent up for decision: a self-rating and the Ban Tổ chức's proposal, no decision yet",
        refused="neither column is a decision (the title says it goes up to be decided): which one to count, or "
        "whether to count at all, is for the user to say with --column",
    )


# ---------------------------------------------------------------- B. exports of the member database software
def b01():
    y = 2020
    ms = M.members([y], n=22, exempt=2, new=2, leave=0)
    sh = Sheet("DanhSachDangVien")
    sh.add("DANH SÁCH ĐẢNG VIÊN")
    sh.add("Đảng bộ: Đảng bộ Khối các cơ quan tỉnh - Tổ chức đảng: Chi bộ Sở Xây dựng")
    sh.add("Ngày kết xuất: 05/01/2021")
    heads = [
        "STT",
        "Mã đảng viên",
        "Họ và tên",
        "Bí danh",
        "Giới tính",
        "Ngày sinh",
        "Quê quán",
        "Dân tộc",
        "Tôn giáo",
        "Số thẻ đảng viên",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Trình độ chuyên môn",
        "Lý luận chính trị",
        "Chức vụ đảng",
        "Chi bộ",
        "Xếp loại năm 2020",
        "Ghi chú",
    ]
    sh.add(*heads, bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        jy, jm = m.joined
        official = f"{jm:02d}/{jy + 1}" if s != "not_rated" else ""
        rating = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or member_label(s)
        sh.add(
            i,
            m.code,
            m.name,
            None,
            M.rng.choice(["Nam", "Nữ"]),
            f"{M.rng.randint(1, 28):02d}/{M.rng.randint(1, 12):02d}/{m.birth}",
            M.rng.choice(["Quảng Trị", "Thừa Thiên Huế", "Quảng Bình", "Nghệ An"]),
            "Kinh",
            "Không",
            m.card,
            f"{M.rng.randint(1, 28):02d}/{jm:02d}/{jy}",
            f"{M.rng.randint(1, 28):02d}/{official}" if official else "",
            M.rng.choice(["Đại học", "Thạc sĩ", "Cao đẳng"]),
            M.rng.choice(["Cao cấp", "Trung cấp", "Sơ cấp"]),
            M.rng.choice(["", "", "Chi ủy viên", "Bí thư", "Phó Bí thư"]),
            "Chi bộ Sở Xây dựng",
            rating,
            None,
        )
    write_xlsx(FILES / "b01_csdl_dang_vien_2020.xlsx", [sh])
    case(
        "b01_csdl_dang_vien_2020.xlsx",
        "B",
        "export of the party-member database software: 18 columns, Mã đảng viên, "
        "Số thẻ, Ngày sinh / Ngày vào Đảng / Ngày chính thức as dd/mm/yyyy text (years that are not the rating year)",
        rows=member_figures(ms, [y]),
    )


def b02():
    y = 2021
    ms = M.members([y], n=20, exempt=1, new=2, leave=2)
    rows = [
        [
            "MaDangVien",
            "HoTen",
            "NgaySinh",
            "SoTheDangVien",
            "NgayVaoDang",
            "NgayChinhThuc",
            "TenChiBo",
            "NamDanhGia",
            "KetQuaXepLoai",
            "GhiChu",
        ]
    ]
    for m in ms:
        s = m.status[y]
        note = ""
        if s == "left":
            rating, note = "", f"{m.left[2]} tháng {m.left[1]}/{y}"
        else:
            rating = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or member_label(s)
        rows.append(
            [
                m.code,
                m.name,
                f"{m.birth}-0{M.rng.randint(1, 9)}-1{M.rng.randint(0, 9)}",
                m.card,
                f"{m.joined[0]}-{m.joined[1]:02d}-15",
                "" if s == "not_rated" else f"{m.joined[0] + 1}-{m.joined[1]:02d}-15",
                "Chi bộ Báo tỉnh",
                y,
                rating,
                note,
            ]
        )
    write_text(FILES / "b02_csdl_ket_xuat_2021.csv", rows, bom=True)
    case(
        "b02_csdl_ket_xuat_2021.csv",
        "B",
        "CSV export (UTF-8 BOM) with the software's own column names without "
        "diacritics (HoTen, TenChiBo, NamDanhGia, KetQuaXepLoai); ISO dates; members who left with a blank rating "
        "and the reason in GhiChu",
        rows=member_figures(ms, [y]),
    )


def b03():
    y = 2018
    ms = M.members([y], n=19, exempt=2, new=1, leave=1)
    sh = Sheet("Sheet1")
    sh.add("PHẦN MỀM QUẢN LÝ CƠ SỞ DỮ LIỆU ĐẢNG VIÊN")
    sh.add("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN")
    sh.blank()
    sh.add(
        "STT",
        "Số lý lịch",
        "Họ và tên khai sinh",
        "Ngày sinh",
        "Số thẻ",
        "Ngày vào Đảng",
        "Tổ chức đảng",
        "Năm",
        "Kết quả đánh giá, xếp loại",
        "Ghi chú",
        bold=True,
    )
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        note = ""
        if s == "left":
            rating, note = "", f"Đã {m.left[2].lower()} ngày 12/{m.left[1]:02d}/{y}"
        else:
            rating = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or member_label(s)
        sh.add(
            i,
            f"LL{M.rng.randint(100000, 999999)}",
            m.name,
            f"1{M.rng.randint(0, 2)}/0{M.rng.randint(1, 9)}/{m.birth}",
            m.card,
            f"0{M.rng.randint(1, 9)}/{m.joined[1]:02d}/{m.joined[0]}",
            "Chi bộ Kho bạc Nhà nước tỉnh",
            y,
            rating,
            note,
        )
    src = write_xlsx(Path(tempfile.gettempdir()) / "b03_csdl_2018.xlsx", [sh])
    ok = soffice_convert(src, "xls", FILES / "b03_csdl_dang_vien_2018.xls")
    if ok:
        case(
            "b03_csdl_dang_vien_2018.xls",
            "B",
            "the older software's .xls export (Excel 97, via LibreOffice): "
            "'Họ và tên khai sinh', 'Số lý lịch', a year column 'Năm', a member who left with the reason in the notes",
            rows=member_figures(ms, [y]),
        )


def b04():
    y = 2023
    ms = M.members([y], n=24, exempt=2, new=2, leave=2)
    sh = Sheet("KetXuat")
    heads = [
        "ID",
        "STT",
        "Mã đảng viên",
        "Họ và tên",
        "Ngày sinh",
        "Số thẻ đảng",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Trạng thái",
        "Ngày chuyển đi",
        "Mã xếp loại",
        "Tên xếp loại",
        "Năm xếp loại",
    ]
    sh.add("KẾT XUẤT DỮ LIỆU ĐẢNG VIÊN - CHI BỘ SỞ CÔNG THƯƠNG")
    sh.add(*heads, bold=True)
    codes = {"top": "01", "good": "02", "pass": "03", "fail": "04", "exempt": "05", "not_rated": "06"}
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s == "left":
            state, moved, code, name = m.left[2], f"15/{m.left[1]:02d}/{y}", "", ""
        else:
            state, moved = "Đang sinh hoạt", ""
            code = codes[s]
            name = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or member_label(s)
        sh.add(
            M.rng.randint(10**8, 10**9),
            i,
            m.code,
            m.name,
            f"0{M.rng.randint(1, 9)}/1{M.rng.randint(0, 2)}/{m.birth}",
            m.card,
            f"20/{m.joined[1]:02d}/{m.joined[0]}",
            "" if s == "not_rated" else f"20/{m.joined[1]:02d}/{m.joined[0] + 1}",
            state,
            moved,
            code,
            name,
            y,
        )
    sh.hidden_cols = ["A"]
    write_xlsx(FILES / "b04_csdl_ket_xuat_trang_thai_2023.xlsx", [sh])
    case(
        "b04_csdl_ket_xuat_trang_thai_2023.xlsx",
        "B",
        "software export with a hidden ID column, a 'Trạng thái' column "
        "(Đang sinh hoạt / Chuyển sinh hoạt đi / Từ trần) and 'Ngày chuyển đi'; a code column 'Mã xếp loại' 01-06 "
        "beside 'Tên xếp loại'; 'Năm xếp loại'",
        rows=member_figures(ms, [y]),
    )


# ---------------------------------------------------------------- C. year-by-year tracking sheets
def c01():
    years = list(range(2020, 2025))
    orgs = M.orgs(years, n_units=11, new_in=2022)
    sh = Sheet("Theo dõi")
    sh.add("THEO DÕI KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG GIAI ĐOẠN 2020 - 2024", bold=True)
    sh.merges.append("A1:I1")
    sh.blank()
    sh.add(
        "STT",
        "Tên tổ chức cơ sở đảng",
        "Loại hình",
        "Kết quả xếp loại qua các năm",
        None,
        None,
        None,
        None,
        "Ghi chú",
        bold=True,
    )
    sh.add(None, None, None, *[f"Năm {y}" for y in years], None, bold=True)
    sh.merges += ["A3:A4", "B3:B4", "C3:C4", "D3:H3", "I3:I4"]
    for i, o in enumerate(orgs, 1):
        cells = []
        for y in years:
            r = o.ratings.get(y, "absent")
            cells.append("-" if r == "absent" else ("Chưa xếp loại" if r is None else unit_label(r, y, abbr=True)))
        note = f"Thành lập tháng 8/{o.founded}" if o.founded > 2000 else None
        sh.add(i, o.name, o.host, *cells, note)
    write_xlsx(FILES / "c01_theo_doi_2020_2024.xlsx", [sh])
    case(
        "c01_theo_doi_2020_2024.xlsx",
        "C",
        "tracking sheet: 'Kết quả xếp loại qua các năm' merged over Năm 2020 … "
        "Năm 2024, a host-type column; an organisation founded in 2022 ('-' before, 'Chưa xếp loại' that year, the "
        "founding in the notes)",
        rows=org_figures(orgs, years),
    )
    return orgs, years


def c02():
    years = list(range(2015, 2020))
    orgs = M.orgs(years, n_units=10)
    sh = Sheet("Tong hop 2015-2019")
    sh.add("BẢNG THEO DÕI XẾP LOẠI TCCS ĐẢNG NHIỆM KỲ 2015 - 2020", bold=True)
    sh.merges.append("A1:I1")
    sh.add(
        "STT",
        "Tên chi, đảng bộ cơ sở",
        "Kết quả xếp loại qua các năm",
        None,
        None,
        None,
        None,
        "Số năm đạt TSVM/HTXSNV",
        "Đề nghị khen thưởng",
        bold=True,
    )
    sh.add(None, None, *years, None, None, bold=True)
    sh.merges += ["A2:A3", "B2:B3", "C2:G2", "H2:H3", "I2:I3"]
    for i, o in enumerate(orgs, 1):
        labs = [unit_label(o.ratings[y], y, abbr=True) for y in years]
        n_top = sum(o.ratings[y] in ("top", "exemplary") for y in years)
        sh.add(i, o.name, *labs, n_top, "Đề nghị tặng Bằng khen" if n_top == 5 else None)
    src = write_xlsx(Path(tempfile.gettempdir()) / "c02_src.xlsx", [sh])
    if soffice_convert(src, "ods", FILES / "c02_theo_doi_nhiem_ky_2015_2019.ods"):
        case(
            "c02_theo_doi_nhiem_ky_2015_2019.ods",
            "C",
            ".ods tracking sheet of a term (two regimes: TSVM up to 2017, "
            "HTXSNV after), years typed as numbers under a merged header, then a count column 'Số năm đạt TSVM/HTXSNV' "
            "(0-5) and an award proposal column",
            rows=org_figures(orgs, years),
        )


def c03():
    years = [2021, 2022, 2023]
    orgs = M.orgs(years, n_units=5, n_parents=3, cells_each=(2, 3))
    sh = Sheet("2021-2023")
    sh.add("KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG 03 NĂM (2021 - 2023)", bold=True)
    sh.add("Tổ chức đảng", "Năm 2021", "Năm 2022", "Năm 2023", bold=True)
    for o in orgs:
        r = sh.add(o.name, *[NEW_ABBR[o.ratings[y]] for y in years], bold=o.kind == "dbcs")
        for c in o.cells:
            r = sh.add(c.name, *[NEW_ABBR[c.ratings[y]] for y in years])
            sh.indents[f"A{r}"] = 2
    write_xlsx(FILES / "c03_theo_doi_indent_chi_bo_truc_thuoc.xlsx", [sh])
    case(
        "c03_theo_doi_indent_chi_bo_truc_thuoc.xlsx",
        "C,H",
        "three-year tracking; each đảng bộ in bold with its chi "
        "bộ trực thuộc indented under it (cell indent only, no kind or parent column, no numbering); some chi bộ "
        "names repeat under two đảng bộ",
        rows=org_figures(orgs, years),
    )


def c04():
    years = list(range(2017, 2023))
    shown = [2020, 2021, 2022]
    orgs = M.orgs(years, n_units=10)
    sh = Sheet("XL")
    sh.add("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG 2020 - 2022", bold=True)
    sh.add("STT", "Tên TCCS đảng", *[f"Năm {y}" for y in years], bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, *[unit_label(o.ratings[y], y, abbr=True) for y in years])
    sh.hidden_cols = ["C", "D", "E"]
    write_xlsx(FILES / "c04_theo_doi_cot_an_nam_cu.xlsx", [sh])
    case(
        "c04_theo_doi_cot_an_nam_cu.xlsx",
        "C,G",
        "tracking sheet whose title says 2020 - 2022; the columns of 2017-2019 are kept but hidden (old data)",
        rows=org_figures(orgs, shown),
    )
    return orgs, shown


def c05():
    years = [2019, 2020, 2021, 2022]
    orgs = M.orgs(years, n_units=9)
    rows = [
        ["THEO DÕI XẾP LOẠI CHI BỘ CƠ SỞ", "", "", "", "", ""],
        ["STT", "Tên chi bộ", "Kết quả xếp loại qua các năm", "", "", ""],
        ["", "", "2019", "2020", "2021", "2022"],
    ]
    for i, o in enumerate(orgs, 1):
        rows.append([i, o.name, *[NEW[o.ratings[y]] for y in years]])
    write_text(FILES / "c05_theo_doi_xep_loai - Sheet1.csv", rows, nl="\n")
    case(
        "c05_theo_doi_xep_loai - Sheet1.csv",
        "C,E",
        "Google Sheets CSV export (no BOM, LF) of a tracking sheet: the "
        "title and the merged header flattened into rows with empty cells, years as bare numbers on the row below",
        rows=org_figures(orgs, years),
    )


# ---------------------------------------------------------------- D. a chi bộ secretary's lists over years
def d01():
    years = [2020, 2021, 2022]
    ms = M.members(years, n=15, exempt=2, new=2, leave=2)
    sheets = []
    for y in years:
        sh = Sheet(f"Năm {y}")
        sh.add("CHI BỘ SỞ NỘI VỤ")
        sh.add(f"DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI NĂM {y}", bold=True)
        sh.blank()
        sh.add("TT", "Họ và tên", "Năm sinh", "Ngày vào Đảng", "Xếp loại", "Ghi chú", bold=True)
        i = 0
        for m in ms:
            s = m.status.get(y)
            if s is None:
                continue
            i += 1
            date = f"{m.joined[1]:02d}/{m.joined[0]}"
            if s == "left":
                sh.add(i, m.name, m.birth, date, None, f"{m.left[2]} tháng {m.left[1]}/{y}")
            elif s == "exempt":
                sh.add(i, m.name, m.birth, date, "Miễn", "Miễn sinh hoạt (tuổi cao)")
            elif s == "not_rated":
                sh.add(i, m.name, m.birth, date, "Chưa xếp loại", "Mới kết nạp")
            else:
                sh.add(i, m.name, m.birth, date, member_label(s, abbr=True), None)
        sheets.append(sh)
    write_xlsx(FILES / "d01_so_theo_doi_chi_bo_3_nam.xlsx", sheets)
    case(
        "d01_so_theo_doi_chi_bo_3_nam.xlsx",
        "D",
        "a chi bộ secretary's workbook, one sheet per year ('Năm 2020' …); "
        "elderly members 'Miễn' with 'Miễn sinh hoạt (tuổi cao)'; members who left with a blank rating and the reason "
        "in the notes (and gone from later sheets); new members 'Chưa xếp loại'",
        rows=member_figures(ms, years),
    )
    return ms, years


def d02():
    years = list(range(2018, 2023))
    ms = M.members(years, n=14, exempt=1, new=2, leave=2)
    sh = Sheet("Chi bo")
    sh.add("CHI BỘ VĂN PHÒNG TỈNH ỦY - THEO DÕI XẾP LOẠI ĐẢNG VIÊN", bold=True)
    sh.add("STT", "Họ và tên", "Năm sinh", "Ngày vào Đảng", *[f"XL {y}" for y in years], "Ghi chú", bold=True)
    for i, m in enumerate(ms, 1):
        cells, note = [], []
        for y in years:
            s = m.status.get(y)
            if s is None or s == "left":
                cells.append(None)
            else:
                cells.append({"exempt": "Miễn ĐG", "not_rated": "Chưa ĐG"}.get(s) or NEW_ABBR[s])
        if m.left:
            note.append(f"{m.left[2]} tháng {m.left[1]}/{m.left[0]}")
        if m.joined[0] >= years[0]:
            note.append(f"Kết nạp tháng {m.joined[1]}/{m.joined[0]}")
        if m.birth <= 1952:
            note.append(f"Miễn công tác và sinh hoạt đảng từ {years[0]}")
        sh.add(i, m.name, m.birth, f"{m.joined[1]:02d}/{m.joined[0]}", *cells, "; ".join(note) or None)
    write_xlsx(FILES / "d02_chi_bo_nam_la_cot_2018_2022.xlsx", [sh])
    case(
        "d02_chi_bo_nam_la_cot_2018_2022.xlsx",
        "D",
        "members × years (XL 2018 … XL 2022) kept by a secretary: a "
        "cell is blank before a member was admitted and from the year he left, the notes saying when; 'Miễn ĐG' / "
        "'Chưa ĐG'",
        rows=member_figures(ms, years),
    )


def d03():
    y = 2017
    ms = M.members([y], n=17, exempt=2, new=1, leave=1)
    rows = [
        ["CHI BỘ TRƯỜNG CHÍNH TRỊ TỈNH", "", "", "", ""],
        [f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {y}", "", "", "", ""],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"],
    ]
    old = {
        "top": "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
        "good": "Đủ tư cách, hoàn thành tốt nhiệm vụ",
        "pass": "Đủ tư cách, hoàn thành nhiệm vụ",
        "fail": "Vi phạm tư cách hoặc không hoàn thành nhiệm vụ",
    }
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s == "left":
            rows.append([i, m.name, m.birth, "", f"{m.left[2]} (tháng {m.left[1]})"])
        elif s == "exempt":
            rows.append([i, m.name, m.birth, "Miễn đánh giá", ""])
        elif s == "not_rated":
            rows.append([i, m.name, m.birth, "Chưa đánh giá", "Đảng viên dự bị, kết nạp tháng 11"])
        else:
            rows.append([i, m.name, m.birth, (old if i % 2 else NEW)[s], ""])
    write_text(FILES / "d03_chi_bo_2017_cp1258.csv", rows, encoding="cp1258")
    case(
        "d03_chi_bo_2017_cp1258.csv",
        "D,E,M",
        "a secretary's 2017 list saved as CSV by an old Vietnamese Windows "
        "(Windows-1258, tone marks combining), title rows inside the CSV; half the labels in the pre-2014 member "
        "wording ('Đủ tư cách, hoàn thành tốt nhiệm vụ') — another regime's labels, counted with a warning",
        rows=member_figures(ms, [y]),
    )


def d04():
    y = 2020
    ms = M.members([y], n=15, exempt=1, new=2, leave=0)
    rows = [["Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại 2020", "Ghi chú"]]
    for m in ms:
        s = m.status[y]
        rows.append(
            [
                m.name,
                m.birth,
                "Chi bộ Hội Nông dân tỉnh",
                {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or member_label(s),
                "",
            ]
        )
    write_text(FILES / "d04_chi_bo_unicode_text_2020.txt", rows, encoding="utf-16", delimiter="\t")
    case(
        "d04_chi_bo_unicode_text_2020.txt",
        "D,E",
        "a member list saved by Excel as 'Unicode Text (*.txt)': UTF-16 "
        "with BOM, tab-separated, the .txt name Excel gives it",
        rows=member_figures(ms, [y]),
    )


def d05():
    y = 2024
    ms = M.members([y], n=20, exempt=3, new=2, leave=0)
    official = [m for m in ms if m.status[y] in TIERS and m.joined[0] < y - 1]
    probation = [m for m in ms if m.status[y] == "not_rated" or (m.status[y] in TIERS and m.joined[0] >= y - 1)]
    exempt = [m for m in ms if m.status[y] == "exempt"]
    sh = Sheet("Năm 2024")
    sh.add("CHI BỘ LIÊN ĐOÀN LAO ĐỘNG TỈNH")
    sh.add("DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI NĂM 2024", bold=True)
    sh.add("STT", "Họ và tên", "Năm sinh", "Ngày vào Đảng", "Kết quả xếp loại", bold=True)
    i = 0
    sh.add("I", "ĐẢNG VIÊN CHÍNH THỨC", bold=True)
    for m in official:
        i += 1
        sh.add(i, m.name, m.birth, f"{m.joined[1]:02d}/{m.joined[0]}", member_label(m.status[y]))
    sh.add("II", "ĐẢNG VIÊN DỰ BỊ", bold=True)
    for m in probation:
        i += 1
        s = m.status[y]
        sh.add(
            i,
            m.name,
            m.birth,
            f"{m.joined[1]:02d}/{m.joined[0]}",
            "Chưa đánh giá, xếp loại" if s == "not_rated" else member_label(s),
        )
    sh.add("III", "ĐẢNG VIÊN ĐƯỢC MIỄN CÔNG TÁC VÀ SINH HOẠT ĐẢNG", bold=True)
    for m in exempt:
        i += 1
        sh.add(i, m.name, m.birth, f"{m.joined[1]:02d}/{m.joined[0]}", None)
    write_xlsx(FILES / "d05_chi_bo_chinh_thuc_du_bi_mien_2024.xlsx", [sh])
    case(
        "d05_chi_bo_chinh_thuc_du_bi_mien_2024.xlsx",
        "D",
        "a secretary's list in sections: I. chính thức, "
        "II. dự bị (probationary members are rated like the others unless admitted under 6 months), III. miễn công "
        "tác và sinh hoạt đảng with blank rating cells",
        rows=member_figures(ms, [y]),
    )


# ---------------------------------------------------------------- E. passed through LibreOffice / Google Sheets
def e_family(a01_orgs, c01_data, d01_data):
    # E1: the annex a01 saved by LibreOffice as .ods
    if soffice_convert(FILES / "a01_phu_luc_qd_units_2019.xlsx", "ods", FILES / "e01_phu_luc_qd_units_2019.ods"):
        case(
            "e01_phu_luc_qd_units_2019.ods",
            "E,A",
            "a01 (annex with self-rating, proposal, decision under a merged header) saved by LibreOffice as .ods",
            rows=org_figures(a01_orgs, [2019]),
        )
    orgs, years = c01_data
    if soffice_convert(FILES / "c01_theo_doi_2020_2024.xlsx", "xls", FILES / "e02_theo_doi_2020_2024.xls"):
        case(
            "e02_theo_doi_2020_2024.xls",
            "E,C",
            "c01 (tracking sheet 2020-2024 under a merged header) saved by LibreOffice as Excel 97 .xls",
            rows=org_figures(orgs, years),
        )
    ms, myears = d01_data
    if soffice_convert(FILES / "d01_so_theo_doi_chi_bo_3_nam.xlsx", "ods", FILES / "e03_so_theo_doi_chi_bo_3_nam.ods"):
        case(
            "e03_so_theo_doi_chi_bo_3_nam.ods",
            "E,D",
            "d01 (one member sheet per year, left members in the notes) saved by LibreOffice as .ods",
            rows=member_figures(ms, myears),
        )
    # E4: the annex exported by Google Sheets as CSV (UTF-8 with BOM: downloaded then re-saved by Excel)
    y = 2019
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "", "", "", "", ""],
        ["DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019", "", "", "", "", ""],
        ["", "", "", "", "", ""],
        ["STT", "Tên tổ chức cơ sở đảng", "Kết quả đánh giá, xếp loại", "", "", "Ghi chú"],
        ["", "", "Tổ chức đảng tự xếp loại", "Ban Tổ chức đề xuất", "Ban Thường vụ Đảng ủy Khối quyết định", ""],
    ]
    for i, o in enumerate(a01_orgs, 1):
        r = o.ratings[y]
        rows.append([i, o.name, NEW_ABBR[better(r)], NEW_ABBR[better(r)], unit_label(r, y, abbr=True), ""])
    write_text(FILES / "e04_phu_luc_google_sheets_bom.csv", rows, bom=True)
    case(
        "e04_phu_luc_google_sheets_bom.csv",
        "E,A",
        "the annex as a Google Sheets CSV re-saved with a BOM: the "
        "two-row merged header flattened (the merged 'Kết quả đánh giá, xếp loại' only in its first cell)",
        rows=org_figures(a01_orgs, [y]),
    )


def e05():
    """Google Sheets' own .xlsx: one sheet 'Sheet1', no title, values only."""
    y = 2022
    orgs = M.orgs([y], n_units=6, n_parents=2)
    sh = Sheet("Sheet1")
    sh.add("Năm", "Tên tổ chức đảng", "Loại", "Trực thuộc", "Xếp loại")
    for o in orgs:
        sh.add(y, o.name, "Đảng bộ cơ sở" if o.kind == "dbcs" else "Chi bộ cơ sở", None, NEW[o.ratings[y]])
        for c in o.cells:
            sh.add(y, c.name, "Chi bộ trực thuộc", o.name, NEW[c.ratings[y]])
    write_xlsx(FILES / "e05_google_sheets_download_2022.xlsx", [sh])
    case(
        "e05_google_sheets_download_2022.xlsx",
        "E",
        "an .xlsx downloaded from Google Sheets: 'Sheet1', a plain "
        "long table (Năm, Loại, Trực thuộc), every cell of the tracked organisations",
        rows=org_figures(orgs, [y]),
    )


def e06():
    """Ratings as formulas from the HD 27 score, values cached by LibreOffice (as Excel leaves them)."""
    y = 2017
    orgs = M.orgs([y], n_units=10)
    sh = Sheet("Cham diem 2017")
    sh.add("KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI TCCS ĐẢNG NĂM 2017", bold=True)
    sh.add("STT", "Tên TCCS đảng", "Điểm", "Xếp loại", bold=True)
    band = {"exemplary": 95, "top": 88, "good": 77, "pass": 60, "fail": 45}
    for i, o in enumerate(orgs, 1):
        r = sh.add(i, o.name, band[o.ratings[y]] + M.rng.randint(0, 3), None)
        sh.rows[-1][3] = (
            f'=IF(C{r}>=95,"TSVM tiêu biểu",IF(C{r}>=85,"Trong sạch, vững mạnh",'
            f'IF(C{r}>=70,"Hoàn thành tốt nhiệm vụ",IF(C{r}>=50,"Hoàn thành nhiệm vụ","Yếu kém"))))'
        )
    src = write_xlsx(Path(tempfile.gettempdir()) / "e06_src.xlsx", [sh])
    if soffice_convert(src, "xlsx", FILES / "e06_cong_thuc_xep_loai_2017.xlsx"):
        case(
            "e06_cong_thuc_xep_loai_2017.xlsx",
            "E",
            "the rating column is an IF formula on the 100-point score "
            "(HD 27 bands); the values are cached in the file, as Excel and LibreOffice leave them",
            rows=org_figures(orgs, [y]),
        )


# ---------------------------------------------------------------- F. member-count statistics forms
def count_rows_for(orgs_members: dict[str, list[Member]], y):
    out = {}
    for name, ms in orgs_members.items():
        c = dict.fromkeys(MEM_CATS, 0)
        for m in ms:
            s = m.status.get(y)
            if s is None or s == "left":
                continue
            c["total"] += 1
            if s in ("exempt", "not_rated"):
                c[s] += 1
            else:
                c["rated"] += 1
                c[s] += 1
        out[name] = c
    return out


def sum_counts(cs):
    t = dict.fromkeys(MEM_CATS, 0)
    for c in cs:
        for k in t:
            t[k] += c[k]
    return t


def rows_from_counts(t, y):
    return [[y, "members", k, v] for k, v in t.items()]


def pct(a, b):
    return round(100 * a / b, 2) if b else 0


def f01():
    y = 2019
    groups = {"KHỐI ĐẢNG, MẶT TRẬN, ĐOÀN THỂ": 4, "KHỐI NHÀ NƯỚC": 5, "KHỐI DOANH NGHIỆP": 2}
    names = iter(M.rng.sample(AGENCIES, 11))
    data = {}
    for g, n in groups.items():
        data[g] = {}
        for _ in range(n):
            nm = f"Chi bộ {next(names)}"
            data[g][nm] = M.members(
                [y], n=M.rng.randint(8, 30), exempt=M.rng.randint(0, 2), new=M.rng.randint(0, 2), leave=0
            )
    sh = Sheet("Biểu 02")
    sh.add("Biểu số 02-TCĐ", None, None, None, None, None, None, None, None, None, None, None, None, "Đvt: đảng viên")
    sh.add("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2019", bold=True)
    sh.add(
        "STT",
        "Tên tổ chức cơ sở đảng",
        "Tổng số đảng viên",
        "Miễn đánh giá",
        "Chưa đánh giá",
        "Đảng viên được đánh giá, xếp loại",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        bold=True,
    )
    sh.add(
        None,
        None,
        None,
        None,
        None,
        "Tổng số",
        "Chia ra",
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        "Trong đó: đảng viên bị xử lý kỷ luật",
        bold=True,
    )
    sh.add(
        None, None, None, None, None, None, "HTXSNV", None, "HTTNV", None, "HTNV", None, "KHTNV", None, None, bold=True
    )
    sh.add(None, None, None, None, None, None, "SL", "%", "SL", "%", "SL", "%", "SL", "%", None, bold=True)
    sh.merges += [
        "A3:A6",
        "B3:B6",
        "C3:C6",
        "D3:D6",
        "E3:E6",
        "F3:O3",
        "F4:F6",
        "G4:N4",
        "O4:O6",
        "G5:H5",
        "I5:J5",
        "K5:L5",
        "M5:N5",
    ]
    all_c = []
    for gi, (g, orgs_members) in enumerate(data.items(), 1):
        cs = count_rows_for(orgs_members, y)
        sub = sum_counts(cs.values())
        all_c += cs.values()
        sh.add(["I", "II", "III"][gi - 1], g, *count_cells(sub), None, bold=True)
        for i, (nm, c) in enumerate(cs.items(), 1):
            sh.add(i, nm, *count_cells(c), 1 if c["fail"] else 0)
    tot = sum_counts(all_c)
    sh.add(None, "TỔNG CỘNG", *count_cells(tot), None, bold=True)
    sh.blank()
    sh.add(None, "Người lập biểu", None, None, None, None, None, None, None, "T/M BAN THƯỜNG VỤ")
    write_xlsx(FILES / "f01_bieu_tong_hop_dang_vien_2019.xlsx", [sh])
    case(
        "f01_bieu_tong_hop_dang_vien_2019.xlsx",
        "F,L",
        "count form 'Biểu số 02-TCĐ' with a four-row header "
        "(Được đánh giá > Tổng số | Chia ra > tiers > SL | %), a discipline column 'Trong đó: … kỷ luật', group "
        "rows 'I. KHỐI …' carrying their subtotals above their chi bộ, a TỔNG CỘNG row, a signature line",
        rows=rows_from_counts(tot, y),
    )


def count_cells(c):
    r = c["rated"]
    return [
        c["total"],
        c["exempt"],
        c["not_rated"],
        r,
        c["top"],
        pct(c["top"], r),
        c["good"],
        pct(c["good"], r),
        c["pass"],
        pct(c["pass"], r),
        c["fail"],
        pct(c["fail"], r),
    ]


def f02():
    y = 2021
    cells = {
        f"Chi bộ {c}": M.members(
            [y], n=M.rng.randint(5, 16), exempt=M.rng.randint(0, 1), new=M.rng.randint(0, 1), leave=0
        )
        for c in CELL_NAMES[:6]
    }
    cs = count_rows_for(cells, y)
    tot = sum_counts(cs.values())
    sh = Sheet("Sheet1")
    sh.add("ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH")
    sh.add("THỐNG KÊ KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2021", bold=True)
    sh.add(
        "TT",
        "Chi bộ",
        "Tổng số đảng viên",
        "Miễn đánh giá",
        "Chưa đánh giá",
        "Được đánh giá",
        "Hoàn thành xuất sắc nhiệm vụ",
        "Hoàn thành tốt nhiệm vụ",
        "Hoàn thành nhiệm vụ",
        "Không hoàn thành nhiệm vụ",
        bold=True,
    )
    sh.add(
        None,
        "Toàn Đảng bộ",
        tot["total"],
        tot["exempt"],
        tot["not_rated"],
        tot["rated"],
        tot["top"],
        tot["good"],
        tot["pass"],
        tot["fail"],
        bold=True,
    )
    for i, (nm, c) in enumerate(cs.items(), 1):
        sh.add(i, nm, c["total"], c["exempt"], c["not_rated"], c["rated"], c["top"], c["good"], c["pass"], c["fail"])
    write_xlsx(FILES / "f02_thong_ke_dang_bo_toan_dang_bo_o_tren_2021.xlsx", [sh])
    case(
        "f02_thong_ke_dang_bo_toan_dang_bo_o_tren_2021.xlsx",
        "F",
        "a đảng bộ's count table of its chi bộ with the "
        "'Toàn Đảng bộ' totals row first (directly under the header), full tier names as headers",
        rows=rows_from_counts(tot, y),
    )


def f03():
    years = [2022, 2023]
    units = {
        f"Chi bộ {a}": M.members(
            years,
            n=M.rng.randint(8, 22),
            exempt=M.rng.randint(0, 2),
            new=M.rng.randint(0, 2),
            leave=M.rng.randint(0, 1),
        )
        for a in M.rng.sample(AGENCIES, 7)
    }
    per = {y: count_rows_for(units, y) for y in years}
    sh = Sheet("So sanh")
    sh.add("SO SÁNH KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2022 VÀ NĂM 2023", bold=True)
    sh.add(
        "STT",
        "Đơn vị",
        "Năm 2022",
        None,
        None,
        None,
        None,
        None,
        None,
        "Năm 2023",
        None,
        None,
        None,
        None,
        None,
        None,
        bold=True,
    )
    tiers_h = ["Tổng số ĐV", "Miễn ĐG", "Chưa ĐG", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    sh.add(None, None, *tiers_h, *tiers_h, bold=True)
    sh.merges += ["A2:A3", "B2:B3", "C2:I2", "J2:P2"]
    for i, nm in enumerate(units, 1):
        vals = []
        for y in years:
            c = per[y][nm]
            vals += [c["total"], c["exempt"], c["not_rated"], c["top"], c["good"], c["pass"], c["fail"]]
        sh.add(i, nm, *vals)
    write_xlsx(FILES / "f03_so_sanh_hai_nam_2022_2023.xlsx", [sh])
    rows = []
    for y in years:
        rows += rows_from_counts(sum_counts(per[y].values()), y)
    case(
        "f03_so_sanh_hai_nam_2022_2023.xlsx",
        "F,K",
        "count form comparing two years: 'Năm 2022' and 'Năm 2023' each "
        "merged over Tổng số ĐV | Miễn ĐG | Chưa ĐG | HTXSNV | HTTNV | HTNV | KHTNV",
        rows=rows,
    )


def f04():
    y = 2018
    units = {
        f"Chi bộ {a}": M.members(
            [y], n=M.rng.randint(6, 20), exempt=M.rng.randint(0, 2), new=M.rng.randint(0, 1), leave=0
        )
        for a in M.rng.sample(AGENCIES, 8)
    }
    cs = count_rows_for(units, y)
    rows = [
        ["BÁO CÁO SỐ LIỆU ĐÁNH GIÁ ĐẢNG VIÊN NĂM 2018", "", "", "", "", "", "", ""],
        [
            "Tên TCCS đảng",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "Số ĐV HTXSNV",
            "Số ĐV HTTNV",
            "Số ĐV HTNV",
            "Số ĐV KHTNV",
        ],
    ]
    for nm, c in cs.items():
        rows.append([nm, c["total"], c["exempt"], c["not_rated"], c["top"], c["good"], c["pass"], c["fail"]])
    tot = sum_counts(cs.values())
    rows.append(
        ["Cộng", tot["total"], tot["exempt"], tot["not_rated"], tot["top"], tot["good"], tot["pass"], tot["fail"]]
    )
    write_text(FILES / "f04_so_lieu_2018_cp1258_cham_phay.csv", rows, encoding="cp1258", delimiter=";")
    case(
        "f04_so_lieu_2018_cp1258_cham_phay.csv",
        "F,E",
        "count report saved by Excel in Vietnamese settings as CSV: "
        "Windows-1258, ';', a title row, 'Số ĐV HTXSNV' headers, a 'Cộng' totals row",
        rows=rows_from_counts(tot, y),
    )


def f05():
    years = [2020, 2021, 2022, 2023]
    ms = M.members(years, n=60, exempt=5, new=6, leave=4)
    per = {y: count_rows_for({"all": ms}, y)["all"] for y in years}
    sh = Sheet("Tổng hợp")
    sh.add("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN ĐẢNG BỘ SỞ Y TẾ QUA CÁC NĂM", bold=True)
    sh.add("Chỉ tiêu", *[f"Năm {y}" for y in years], bold=True)
    lines = [
        ("Tổng số đảng viên", "total"),
        ("Miễn đánh giá", "exempt"),
        ("Chưa đánh giá", "not_rated"),
        ("Được đánh giá, xếp loại", "rated"),
        ("Hoàn thành xuất sắc nhiệm vụ", "top"),
        ("Hoàn thành tốt nhiệm vụ", "good"),
        ("Hoàn thành nhiệm vụ", "pass"),
        ("Không hoàn thành nhiệm vụ", "fail"),
    ]
    for lab, k in lines:
        sh.add(lab, *[per[y][k] for y in years])
    write_xlsx(FILES / "f05_chi_tieu_theo_nam_mot_sheet.xlsx", [sh])
    rows = []
    for y in years:
        rows += rows_from_counts(per[y], y)
    case(
        "f05_chi_tieu_theo_nam_mot_sheet.xlsx",
        "F",
        "a đảng bộ's figures by year as its report table has them: the "
        "categories down the side, 'Năm 2020' … 'Năm 2023' across; the only sheet of the file (nothing else to "
        "repeat)",
        rows=rows,
    )


# ---------------------------------------------------------------- G. hidden rows, columns, sheets with old data
def g01():
    y = 2023
    orgs = M.orgs([y], n_units=12)
    gone = M.orgs([2022], n_units=3)
    sh = Sheet("2023")
    sh.add("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú", bold=True)
    rows = [(o, False) for o in orgs] + [(g, True) for g in gone]
    M.rng.shuffle(rows)
    i = 0
    for o, hidden in rows:
        if hidden:
            r = sh.add(None, o.name, NEW[o.ratings[2022]], "Đã hợp nhất năm 2023")
            sh.hidden_rows.append(r)
        else:
            i += 1
            sh.add(i, o.name, NEW[o.ratings[y]], None)
    write_xlsx(FILES / "g01_dong_an_to_chuc_da_hop_nhat_2023.xlsx", [sh])
    case(
        "g01_dong_an_to_chuc_da_hop_nhat_2023.xlsx",
        "G",
        "rows of organisations merged away, with last year's "
        "rating, kept but hidden among the rows (unnumbered, 'Đã hợp nhất năm 2023')",
        rows=org_figures(orgs, [y]),
    )
    return orgs, y


def g02():
    y = 2022
    orgs = M.orgs([2021, y], n_units=11)
    sh = Sheet("XL 2022")
    sh.add("XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại năm 2021", "Tự xếp loại", "Đảng ủy Khối xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, NEW_ABBR[o.ratings[2021]], NEW_ABBR[better(o.ratings[y])], NEW_ABBR[o.ratings[y]])
    sh.hidden_cols = ["C", "D"]
    write_xlsx(FILES / "g02_cot_an_nam_truoc_va_tu_xep_loai_2022.xlsx", [sh])
    case(
        "g02_cot_an_nam_truoc_va_tu_xep_loai_2022.xlsx",
        "G",
        "last year's column and the self-rating both hidden; only the decision of 2022 shows",
        rows=org_figures(orgs, [y]),
    )
    return orgs


def g03():
    years = [2022, 2023]
    orgs = M.orgs(years, n_units=10)
    old = Sheet("2022 (cu)")
    old.add("XẾP LOẠI TCCS ĐẢNG NĂM 2022")
    old.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại")
    for i, o in enumerate(orgs, 1):
        old.add(i, o.name, NEW[o.ratings[2022]])
    old.state = "hidden"
    new = Sheet("2023")
    new.add("XẾP LOẠI TCCS ĐẢNG NĂM 2023")
    new.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại")
    for i, o in enumerate(orgs, 1):
        new.add(i, o.name, NEW[o.ratings[2023]])
    write_xlsx(FILES / "g03_sheet_an_nam_truoc.xlsx", [new, old])
    case(
        "g03_sheet_an_nam_truoc.xlsx",
        "G",
        "this year's sheet and last year's sheet, the latter hidden ('2022 (cu)'): only 2023 is shown",
        rows=org_figures(orgs, [2023]),
    )
    return orgs


def g04(g02_orgs):
    if soffice_convert(
        FILES / "g02_cot_an_nam_truoc_va_tu_xep_loai_2022.xlsx",
        "ods",
        FILES / "g04_cot_an_nam_truoc_va_tu_xep_loai_2022.ods",
    ):
        case(
            "g04_cot_an_nam_truoc_va_tu_xep_loai_2022.ods",
            "G,E",
            "g02 (two hidden columns) saved by LibreOffice as .ods",
            rows=org_figures(g02_orgs, [2022]),
        )


# ---------------------------------------------------------------- H. hierarchy by indentation
def h01():
    y = 2020
    orgs = M.orgs([y], n_units=5, n_parents=3)
    sh = Sheet("Năm 2020")
    sh.add("XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2020", bold=True)
    sh.add("STT", "Tổ chức đảng", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, NEW[o.ratings[y]], bold=o.kind == "dbcs")
        for c in o.cells:
            sh.add(None, "      " + c.name, NEW[c.ratings[y]])
    write_xlsx(FILES / "h01_chi_bo_thut_dau_dong_bang_dau_cach_2020.xlsx", [sh])
    case(
        "h01_chi_bo_thut_dau_dong_bang_dau_cach_2020.xlsx",
        "H",
        "chi bộ trực thuộc written under their đảng bộ "
        "with leading spaces and no number (the đảng bộ numbered and bold)",
        rows=org_figures(orgs, [y]),
    )


def h02():
    y = 2018
    orgs = M.orgs([y], n_units=6, n_parents=2)
    sh = Sheet("2018")
    sh.add("KẾT QUẢ XẾP LOẠI NĂM 2018", bold=True)
    sh.add("Tên tổ chức đảng", "Kết quả xếp loại", bold=True)
    for o in orgs:
        sh.add(o.name, NEW_ABBR[o.ratings[y]], bold=o.kind == "dbcs")
        for c in o.cells:
            r = sh.add(c.name, NEW_ABBR[c.ratings[y]])
            sh.indents[f"A{r}"] = 3
    src = write_xlsx(Path(tempfile.gettempdir()) / "h02_src.xlsx", [sh])
    if soffice_convert(src, "ods", FILES / "h02_thut_le_ods_2018.ods"):
        case(
            "h02_thut_le_ods_2018.ods",
            "H,E",
            ".ods: chi bộ trực thuộc shown only by the cell's indent under their bold đảng bộ",
            rows=org_figures(orgs, [y]),
        )


# ---------------------------------------------------------------- I. awards and titles
def i01():
    y = 2019
    orgs = M.orgs([y], n_units=13)
    sh = Sheet("2019")
    sh.add("KẾT QUẢ XẾP LOẠI VÀ KHEN THƯỞNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Danh hiệu", "Khen thưởng", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        aw = "TSVM tiêu biểu" if o.award[y] else None
        prize = "Giấy khen của BTV Đảng ủy Khối" if o.award[y] else None
        sh.add(i, o.name, NEW[r], aw, prize)
    write_xlsx(FILES / "i01_danh_hieu_tsvm_tieu_bieu_2019.xlsx", [sh])
    case(
        "i01_danh_hieu_tsvm_tieu_bieu_2019.xlsx",
        "I",
        "ratings of 2019 with a 'Danh hiệu' column naming the "
        "'TSVM tiêu biểu' (chosen among the HTXSNV) and a 'Khen thưởng' column",
        rows=org_figures(orgs, [y], exemplary_from_award=True),
    )


def i02():
    y = 2022
    ms = M.members([y], n=18, exempt=1, new=1, leave=0)
    sh = Sheet("Danh sách")
    sh.add("CHI BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ")
    sh.add("KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN VÀ DANH HIỆU THI ĐUA NĂM 2022", bold=True)
    sh.add("STT", "Họ và tên", "Xếp loại đảng viên", "Danh hiệu thi đua", "Khen thưởng", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        lab = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or member_label(s, abbr=True)
        title = {"top": "Chiến sĩ thi đua cơ sở", "good": "Lao động tiên tiến"}.get(s)
        prize = "Giấy khen ĐUK: Đảng viên HTXSNV tiêu biểu" if s == "top" and i % 2 else None
        sh.add(i, m.name, lab, title, prize)
    write_xlsx(FILES / "i02_dang_vien_danh_hieu_thi_dua_2022.xlsx", [sh])
    case(
        "i02_dang_vien_danh_hieu_thi_dua_2022.xlsx",
        "I",
        "member ratings with 'Danh hiệu thi đua' (CSTĐCS, LĐTT) "
        "and 'Khen thưởng' columns, one of whose texts contains 'HTXSNV'",
        rows=member_figures(ms, [y]),
    )


def i03():
    y = 2020
    orgs = M.orgs([y], n_units=12)
    sh = Sheet("2020")
    sh.add("XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "TSVM tiêu biểu 5 năm liền (2016 - 2020)", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(i, o.name, NEW[r], "x" if r == "top" and M.rng.random() < 0.4 else None)
    write_xlsx(FILES / "i03_tsvm_5_nam_lien_2020.xlsx", [sh])
    case(
        "i03_tsvm_5_nam_lien_2020.xlsx",
        "I",
        "ratings of 2020 with an 'x' column 'TSVM tiêu biểu 5 năm liền "
        "(2016 - 2020)': a five-year award, not the 2020 exemplary tier (exemplary not checked)",
        rows=drop(org_figures(orgs, [y]), "exemplary"),
    )


# ---------------------------------------------------------------- J. a code column beside the rating
def j01():
    y = 2021
    orgs = M.orgs([y], n_units=12)
    sh = Sheet("2021")
    sh.add("XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Mã XL", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(i, o.name, CODE_1234[r], NEW[r])
    write_xlsx(FILES / "j01_ma_xep_loai_1234_2021.xlsx", [sh])
    case(
        "j01_ma_xep_loai_1234_2021.xlsx",
        "J",
        "a code column 'Mã XL' (1 = HTXSNV … 4 = KHTNV) before the label column, agreeing with it",
        rows=org_figures(orgs, [y]),
    )


def j02():
    y = 2023
    ms = M.members([y], n=20, exempt=1, new=1, leave=0)
    sh = Sheet("DV 2023")
    sh.add("CHI BỘ THANH TRA TỈNH - XẾP LOẠI ĐẢNG VIÊN NĂM 2023", bold=True)
    sh.add("STT", "Họ và tên", "Xếp loại", "Ký hiệu", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s in TIERS:
            sh.add(i, m.name, member_label(s), CODE_LETTERS[s])
        else:
            sh.add(
                i, m.name, {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}[s], "M" if s == "exempt" else "C"
            )
    write_xlsx(FILES / "j02_ky_hieu_xs_t_ht_k_2023.xlsx", [sh])
    case(
        "j02_ky_hieu_xs_t_ht_k_2023.xlsx",
        "J",
        "members with the full label and a 'Ký hiệu' column XS / T / HT / K (M, C for exempt and new) beside it",
        rows=member_figures(ms, [y]),
    )


def j03():
    y = 2021
    orgs = M.orgs([y], n_units=10)
    sh = Sheet("2021")
    sh.add("XẾP LOẠI CHI BỘ NĂM 2021", bold=True)
    sh.add("STT", "Tên chi bộ", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, CODE_1234[o.ratings[y]])
    write_xlsx(FILES / "j03_chi_co_ma_so_khong_chu_giai_2021.xlsx", [sh])
    case(
        "j03_chi_co_ma_so_khong_chu_giai_2021.xlsx",
        "J,N",
        "the rating column holds only the codes 1-4, with no legend anywhere",
        refused="1-4 could be ranks, scores or codes in either order: nothing on the sheet says",
    )


def j04():
    y = 2024
    orgs = M.orgs([y], n_units=10)
    sh = Sheet("2024")
    sh.add("XẾP LOẠI CHI BỘ CƠ SỞ NĂM 2024", bold=True)
    sh.add("STT", "Tên chi bộ", "Xếp loại (*)", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, CODE_1234[o.ratings[y]])
    sh.blank()
    sh.add(
        None,
        "(*) Ghi chú: 1 - Hoàn thành xuất sắc nhiệm vụ; 2 - Hoàn thành tốt nhiệm vụ; "
        "3 - Hoàn thành nhiệm vụ; 4 - Không hoàn thành nhiệm vụ.",
    )
    write_xlsx(FILES / "j04_ma_so_co_chu_giai_duoi_bang_2024.xlsx", [sh])
    case(
        "j04_ma_so_co_chu_giai_duoi_bang_2024.xlsx",
        "J",
        "the rating column holds codes 1-4, and a note under the "
        "table ('(*) Ghi chú: 1 - Hoàn thành xuất sắc nhiệm vụ; 2 - …') says what they mean",
        rows=org_figures(orgs, [y]),
    )


# ---------------------------------------------------------------- K. a second year beside this one
def k01():
    years = [2020, 2021]
    orgs = M.orgs(years, n_units=12)
    sh = Sheet("So sanh")
    sh.add("SO SÁNH KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2021 VỚI NĂM 2020", bold=True)
    sh.add("STT", "Tên TCCS đảng", "Năm trước (2020)", "Năm nay (2021)", "Tăng/giảm", bold=True)
    order = ["fail", "pass", "good", "top"]
    for i, o in enumerate(orgs, 1):
        a, b = o.ratings[2020], o.ratings[2021]
        d = order.index(b) - order.index(a)
        sh.add(i, o.name, NEW_ABBR[a], NEW_ABBR[b], "Tăng" if d > 0 else "Giảm" if d < 0 else "Giữ nguyên")
    write_xlsx(FILES / "k01_nam_truoc_nam_nay_2020_2021.xlsx", [sh])
    case(
        "k01_nam_truoc_nam_nay_2020_2021.xlsx",
        "K",
        "'Năm trước (2020)' | 'Năm nay (2021)' | 'Tăng/giảm': both years are on the sheet",
        rows=org_figures(orgs, years),
    )


def k02():
    years = [2018, 2019]
    ms = M.members(years, n=18, exempt=1, new=2, leave=1)
    sh = Sheet("2019")
    sh.add("DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2019 (có đối chiếu năm 2018)", bold=True)
    sh.add("STT", "Họ và tên", "Ngày vào Đảng", "Xếp loại năm 2018", "Xếp loại năm 2019", "Ghi chú", bold=True)
    i = 0
    for m in ms:
        if m.status.get(2019) is None and m.status.get(2018) is None:
            continue
        i += 1
        cells = []
        for y in years:
            s = m.status.get(y)
            cells.append(
                None
                if s in (None, "left")
                else {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or NEW_ABBR[s]
            )
        note = (
            f"{m.left[2]} tháng {m.left[1]}/{m.left[0]}"
            if m.left
            else (f"Kết nạp tháng {m.joined[1]}/{m.joined[0]}" if m.joined[0] >= 2018 else None)
        )
        sh.add(i, m.name, f"{m.joined[1]:02d}/{m.joined[0]}", *cells, note)
    write_xlsx(FILES / "k02_dang_vien_doi_chieu_nam_truoc_2019.xlsx", [sh])
    case(
        "k02_dang_vien_doi_chieu_nam_truoc_2019.xlsx",
        "K,D",
        "a 2019 member list with last year's rating beside "
        "for comparison; blank where the member was not yet admitted (Ngày vào Đảng) or had left (notes)",
        rows=member_figures(ms, years),
    )


# ---------------------------------------------------------------- L. totals, subtotals, signatures, notes
def l01():
    y = 2018
    orgs = M.orgs([y], n_units=14)
    sh = Sheet("2018")
    sh.add("KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2018", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú", bold=True)
    by = {}
    for o in orgs:
        by.setdefault(o.host, []).append(o)
    for gi, (host, os_) in enumerate(by.items(), 1):
        sh.add(gi, host.upper(), None, None, bold=True)
        for j, o in enumerate(os_, 1):
            sh.add(f"{gi}.{j}", o.name, NEW[o.ratings[y]], None)
        n = {t: sum(o.ratings[y] == t for o in os_) for t in TIERS}
        sh.add(
            None,
            f"Cộng {len(os_)} TCCS đảng",
            f"{n['top']} HTXSNV, {n['good']} HTTNV, {n['pass']} HTNV, {n['fail']} KHTNV",
            None,
            bold=True,
        )
    write_xlsx(FILES / "l01_nhom_loai_hinh_dong_cong_2018.xlsx", [sh])
    case(
        "l01_nhom_loai_hinh_dong_cong_2018.xlsx",
        "L",
        "organisations grouped by host type (group heading rows "
        "numbered 1, 2 … and members numbered 1.1, 1.2 — grassroots organisations, not chi bộ trực thuộc), each "
        "group closed by a 'Cộng n TCCS đảng' row whose rating cell reads '3 HTXSNV, 2 HTTNV, …'",
        rows=org_figures(orgs, [y]),
    )


def l02():
    y = 2024
    ms = M.members([y], n=19, exempt=2, new=1, leave=1)
    sh = Sheet("2024")
    sh.add("CHI BỘ SỞ NGOẠI VỤ")
    sh.add("DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI NĂM 2024", bold=True)
    sh.add("STT", "Họ và tên", "Chức vụ", "Xếp loại", bold=True)
    i = 0
    notes = []
    for m in ms:
        s = m.status[y]
        if s == "left":
            notes.append(f"- Đồng chí {m.name} {m.left[2].lower()} từ tháng {m.left[1]}/{y}, không đánh giá.")
            continue
        i += 1
        sh.add(
            i,
            m.name,
            M.rng.choice(["Chuyên viên", "Phó Chánh Văn phòng", "Kế toán"]),
            {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or NEW[s],
        )
    c = count_rows_for({"x": ms}, y)["x"]
    sh.blank()
    sh.add(
        None,
        f"Tổng số: {c['total']} đảng viên; trong đó: HTXSNV: {c['top']}; HTTNV: {c['good']}; "
        f"HTNV: {c['pass']}; KHTNV: {c['fail']}; miễn đánh giá: {c['exempt']}.",
    )
    sh.add(None, "Ghi chú:")
    for n in notes:
        sh.add(None, n)
    sh.blank()
    sh.add(None, "XÁC NHẬN CỦA ĐẢNG ỦY KHỐI", None, "T/M CHI BỘ")
    sh.add(None, None, None, "BÍ THƯ")
    sh.add(None, None, None, M.person())
    write_xlsx(FILES / "l02_tong_so_ghi_chu_chu_ky_2024.xlsx", [sh])
    case(
        "l02_tong_so_ghi_chu_chu_ky_2024.xlsx",
        "L",
        "a member list closed by a summary sentence ('Tổng số: n đảng "
        "viên; trong đó: HTXSNV: …'), notes about a member who left (not in the table), a signature block",
        rows=member_figures(ms, [y]),
    )


def l03():
    y = 2021
    orgs = M.orgs([y], n_units=14)
    sh = Sheet("Sheet1")
    sh.add("XẾP LOẠI TCCS ĐẢNG NĂM 2021", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, NEW[o.ratings[y]], None)
    sh.blank()
    sh.add(None, "TỔNG HỢP", "Số lượng", "Tỷ lệ (%)", bold=True)
    for t in TIERS:
        n = sum(o.ratings[y] == t for o in orgs)
        sh.add(None, NEW[t], n, pct(n, len(orgs)))
    sh.add(None, "Cộng", len(orgs), 100)
    write_xlsx(FILES / "l03_bang_tong_hop_duoi_bang_2021.xlsx", [sh])
    case(
        "l03_bang_tong_hop_duoi_bang_2021.xlsx",
        "L",
        "a small 'TỔNG HỢP | Số lượng | Tỷ lệ (%)' table under the list, "
        "in the same columns: the tier names in the organisation column, counts in the rating column",
        rows=org_figures(orgs, [y]),
    )


# ---------------------------------------------------------------- M. labels in every spelling
def nfd(s):
    return unicodedata.normalize("NFD", s)


def m01():
    y = 2016
    orgs = M.orgs([y], n_units=14)
    spell = {
        "top": [
            "TSVM",
            "Trong sach vung manh",
            "TRONG SẠCH VỮNG MẠNH",
            nfd("Trong sạch, vững mạnh"),
            "Trong sạch vững mạnh ",
        ],
        "exemplary": ["TSVM tiêu biểu", "Trong sạch, vững mạnh tiêu biểu", "TSVM TIÊU BIỂU"],
        "good": ["HTTNV", "Hoàn thành tốt NV", "HT tốt NV", "hoàn thành tốt nhiệm vụ", "Hoan thanh tot nhiem vu"],
        "pass": ["HTNV", "Hoàn thành NV", nfd("Hoàn thành nhiệm vụ")],
        "fail": ["Yếu kém", "YẾU KÉM", "Yeu kem"],
    }
    sh = Sheet("2016")
    sh.add("XẾP LOẠI TCCS ĐẢNG NĂM 2016", bold=True)
    sh.add("STT", "Tên TCCS Đảng", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, spell[o.ratings[y]][i % len(spell[o.ratings[y]])])
    write_xlsx(FILES / "m01_cach_viet_don_vi_2016.xlsx", [sh])
    case(
        "m01_cach_viet_don_vi_2016.xlsx",
        "M",
        "2016 unit labels in every spelling: TSVM, without diacritics, upper "
        "case, NFD, no comma, trailing space, 'HT tốt NV', 'Hoàn thành NV'",
        rows=org_figures(orgs, [y]),
    )


def m02():
    y = 2021
    ms = M.members([y], n=24, exempt=2, new=1, leave=0)
    spell = {
        "top": ["HTSXNV", "Xuất sắc", "HTXSNV", "Hoàn thành xuất sắc NV", "hoan thanh xuat sac nhiem vu"],
        "good": ["HTTTNV", "Tốt", "HT tốt NV", "Hoàn thành tốt nhiệm vụ\u00a0", "HTTNV "],
        "pass": ["HTNV", "Hoàn thành NV", "hoàn thành nhiệm vụ"],
        "fail": ["Không HTNV", "KHTNV", "Không hoàn thành NV"],
    }
    rows = [["STT", "Họ và tên", "Đơn vị", "Xếp loại năm 2021"]]
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        lab = {"exempt": "Miễn ĐG", "not_rated": "Chưa ĐG"}.get(s) or spell[s][i % len(spell[s])]
        rows.append([i, m.name, "Chi bộ Sở Tài chính", lab])
    write_text(FILES / "m02_cach_viet_dang_vien_2021.csv", rows)
    case(
        "m02_cach_viet_dang_vien_2021.csv",
        "M",
        "2021 member labels with the typos HTSXNV / HTTTNV, 'Xuất sắc', "
        "'Tốt', 'Không HTNV', a non-breaking space, trailing spaces, no diacritics",
        rows=member_figures(ms, [y]),
    )


def m03():
    y = 2023
    orgs = M.orgs([y], n_units=6, n_parents=2)
    sh = Sheet(nfd("Năm 2023"))
    sh.add(nfd("DANH SÁCH XẾP LOẠI TỔ CHỨC ĐẢNG"), bold=True)
    sh.add(nfd("STT"), nfd("Tên tổ chức đảng"), nfd("Loại"), nfd("Trực thuộc"), nfd("Kết quả xếp loại"), bold=True)
    kinds = {
        "dbcs": ["ĐBCS", "Đảng bộ cơ sở", "đảng bộ cơ sở"],
        "cbcs": ["CBCS", "Chi bộ cơ sở", "chi bo co so"],
        "cbtt": ["CBTT", "Chi bộ trực thuộc", "chi bộ trực thuộc"],
    }
    i = 0
    for o in orgs:
        for x in (o, *o.cells):
            i += 1
            sh.add(
                i,
                nfd(x.name),
                nfd(kinds[x.kind][i % 3]),
                nfd(x.parent or ""),
                nfd(NEW[x.ratings[y]]).upper() if i % 2 else nfd(NEW[x.ratings[y]]),
            )
    write_xlsx(FILES / "m03_nfd_ca_tieu_de_2023.xlsx", [sh])
    case(
        "m03_nfd_ca_tieu_de_2023.xlsx",
        "M",
        "everything in decomposed Unicode (NFD, copied from Word): the sheet "
        "name 'Năm 2023', the title, the headers, names, kinds (ĐBCS / Chi bộ cơ sở / chi bo co so …), labels "
        "(half in capitals)",
        rows=org_figures(orgs, [y]),
    )


# ---------------------------------------------------------------- N. where a careful person would ask
def n01():
    y = 2020
    ms = M.members([y], n=15, exempt=0, new=0, leave=0)
    sh = Sheet("2020")
    sh.add("CHI BỘ SỞ GIAO THÔNG VẬN TẢI - XẾP LOẠI ĐẢNG VIÊN NĂM 2020", bold=True)
    sh.add("STT", "Họ và tên", "Xếp loại", "Xếp loại", "Ghi chú", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        other = better(s) if i % 3 == 0 else s
        sh.add(i, m.name, NEW_ABBR[other], NEW_ABBR[s], None)
    write_xlsx(FILES / "n01_hai_cot_xep_loai_khong_ten_2020.xlsx", [sh])
    case(
        "n01_hai_cot_xep_loai_khong_ten_2020.xlsx",
        "N",
        "two columns both headed 'Xếp loại', disagreeing on a third of the members; nothing says which is the decision",
        refused="two rating columns of the same year with the same header and different ratings",
    )


def n02():
    y = 2022
    ms = M.members([y], n=16, exempt=1, new=0, leave=0)
    sh = Sheet("2022")
    sh.add("CHI BỘ ĐÀI PHÁT THANH - TRUYỀN HÌNH TỈNH: XẾP LOẠI ĐẢNG VIÊN NĂM 2022", bold=True)
    sh.add("STT", "Họ và tên", "Năm sinh", "Xếp loại", bold=True)
    blanks = 0
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s in TIERS and blanks < 3 and i % 4 == 0:
            sh.add(i, m.name, m.birth, None)
            blanks += 1
        else:
            sh.add(i, m.name, m.birth, "Miễn đánh giá" if s == "exempt" else NEW_ABBR[s])
    write_xlsx(FILES / "n02_o_xep_loai_trong_khong_ly_do_2022.xlsx", [sh])
    case(
        "n02_o_xep_loai_trong_khong_ly_do_2022.xlsx",
        "N",
        "three members with a blank rating cell and no note, section or status that says why",
        refused="a blank rating: not rated, exempt, left or forgotten?",
    )


def n03():
    y = 2019
    ms = M.members([y], n=14, exempt=0, new=0, leave=0)
    sh = Sheet("2019")
    sh.add("ĐẢNG BỘ SỞ Y TẾ - XẾP LOẠI ĐẢNG VIÊN NĂM 2019", bold=True)
    sh.add("STT", "Họ và tên", "Số thẻ đảng viên", "Chi bộ", "Xếp loại", bold=True)
    rows = [(m, m.status[y]) for m in ms]
    twin = ms[3]
    rows.insert(9, (twin, better(twin.status[y]) if twin.status[y] != "top" else "good"))
    for i, (m, s) in enumerate(rows, 1):
        sh.add(i, m.name, m.card, "Chi bộ Văn phòng" if i % 2 else "Chi bộ Thanh tra", NEW_ABBR[s])
    write_xlsx(FILES / "n03_mot_the_dang_hai_xep_loai_2019.xlsx", [sh])
    case(
        "n03_mot_the_dang_hai_xep_loai_2019.xlsx",
        "N",
        "the same member (same name and card number) twice in a đảng bộ's list, with different ratings",
        refused="one member listed twice with different ratings",
    )


def n04():
    orgs = M.orgs([2020], n_units=9)
    sh = Sheet("Sheet1")
    sh.add("DANH SÁCH XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, NEW[o.ratings[2020]])
    sh.blank()
    sh.add(None, "Ngày 15 tháng 01 năm 2021")
    write_xlsx(FILES / "n04_khong_co_nam_danh_gia.xlsx", [sh])
    case(
        "n04_khong_co_nam_danh_gia.xlsx",
        "N",
        "no rating year anywhere (only the date of the list, the year after)",
        refused="no rating year: the date line is when the list was made, not the year rated",
    )


def n05():
    y = 2023
    orgs = M.orgs([y], n_units=10)
    sh = Sheet("2023")
    sh.add("XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Đảng ủy cơ sở xếp loại", "Đảng ủy Khối xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(i, o.name, NEW_ABBR[r], NEW_ABBR[better(r) if i % 4 == 0 else r])
    write_xlsx(FILES / "n05_hai_cap_xep_loai_khac_nhau_2023.xlsx", [sh])
    case(
        "n05_hai_cap_xep_loai_khac_nhau_2023.xlsx",
        "N,A",
        "two ratings by two committees ('Đảng ủy cơ sở xếp loại' and 'Đảng ủy Khối xếp loại') for grassroots "
        "organisations; the Đảng ủy Khối is the competent level above them, so its column is the decision",
        rows=[[y, "units", k, v] for k, v in org_counts(orgs, y).items()],
    )


# ---------------------------------------------------------------- O. more of the same sheets through other formats
def o_family(c04_data, g01_data, g03_data):
    """Format parity (issue 18, §3): sheets read right as .xlsx, saved by LibreOffice as .ods/.xls."""
    orgs, shown = c04_data
    if soffice_convert(FILES / "c04_theo_doi_cot_an_nam_cu.xlsx", "ods", FILES / "o01_theo_doi_cot_an_nam_cu.ods"):
        case(
            "o01_theo_doi_cot_an_nam_cu.ods",
            "E,G",
            "c04 (years 2017-2019 in hidden columns) saved by LibreOffice as .ods",
            rows=org_figures(orgs, shown),
        )
    gorgs, y = g01_data
    if soffice_convert(FILES / "g01_dong_an_to_chuc_da_hop_nhat_2023.xlsx", "ods", FILES / "o02_dong_an_2023.ods"):
        case(
            "o02_dong_an_2023.ods",
            "E,G",
            "g01 (hidden rows of organisations merged away) saved by LibreOffice as .ods",
            rows=org_figures(gorgs, [y]),
        )
    if soffice_convert(FILES / "g01_dong_an_to_chuc_da_hop_nhat_2023.xlsx", "xls", FILES / "o03_dong_an_2023.xls"):
        case(
            "o03_dong_an_2023.xls",
            "E,G",
            "g01 (hidden rows) saved by LibreOffice as .xls",
            rows=org_figures(gorgs, [y]),
        )
    horgs = g03_data
    if soffice_convert(FILES / "g03_sheet_an_nam_truoc.xlsx", "ods", FILES / "o04_sheet_an_nam_truoc.ods"):
        case(
            "o04_sheet_an_nam_truoc.ods",
            "E,G",
            "g03 (last year's sheet hidden) saved by LibreOffice as .ods",
            rows=org_figures(horgs, [2023]),
        )


def p01():
    """A đảng bộ's list of its chi bộ with the đảng bộ's name merged down its rows, in three formats."""
    y = 2022
    orgs = M.orgs([y], n_units=0, n_parents=3, cells_each=(3, 4))
    sh = Sheet("Năm 2022")
    sh.add("KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC CÁC ĐẢNG BỘ CƠ SỞ NĂM 2022", bold=True)
    sh.merges.append("A1:D1")
    sh.add("Đảng bộ cơ sở", "STT", "Chi bộ trực thuộc", "Xếp loại", bold=True)
    for o in orgs:
        first = len(sh.rows) + 1
        for i, c in enumerate(o.cells, 1):
            sh.add(o.name if i == 1 else None, i, c.name, NEW_ABBR[c.ratings[y]])
        sh.merges.append(f"A{first}:A{first + len(o.cells) - 1}")
    cells = [c for o in orgs for c in o.cells]
    rows = [[y, "cells", k, v] for k, v in org_counts(cells, y).items()]
    write_xlsx(FILES / "p01_dang_bo_gop_o_2022.xlsx", [sh])
    case(
        "p01_dang_bo_gop_o_2022.xlsx",
        "O",
        "chi bộ trực thuộc of three đảng bộ, the đảng bộ's name merged down over "
        "its chi bộ in the first column (the title names chi bộ trực thuộc); chi bộ names repeat",
        rows=rows,
    )
    for fmt, name in (("ods", "p02_dang_bo_gop_o_2022.ods"), ("xls", "p03_dang_bo_gop_o_2022.xls")):
        if soffice_convert(FILES / "p01_dang_bo_gop_o_2022.xlsx", fmt, FILES / name):
            case(name, "O,E", f"p01 (đảng bộ merged down over its chi bộ) saved by LibreOffice as .{fmt}", rows=rows)


def k03():
    y = 2019
    orgs = M.orgs([y - 1, y], n_units=12)
    sh = Sheet("Sheet1")
    sh.add("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại năm trước", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, NEW[o.ratings[y - 1]], NEW[o.ratings[y]])
    write_xlsx(FILES / "k03_xep_loai_nam_truoc_khong_ghi_nam_2019.xlsx", [sh])
    case(
        "k03_xep_loai_nam_truoc_khong_ghi_nam_2019.xlsx",
        "K",
        "a 2019 list (the title) with 'Xếp loại năm trước' (2018, the year is not written) left of 'Xếp loại'",
        rows=org_figures(orgs, [y - 1, y]),
    )


def a07():
    y = 2020
    ms = M.members([y], n=17, exempt=1, new=1, leave=0)
    sh = Sheet("2020")
    sh.add("CHI BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")
    sh.add("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2020", bold=True)
    sh.add("STT", "Họ và tên", "Chi bộ xếp loại", "Kết quả tự đánh giá của đảng viên", "Ghi chú", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s in TIERS:
            sh.add(i, m.name, NEW_ABBR[s], NEW_ABBR[better(s)], None)
        else:
            lab = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}[s]
            sh.add(i, m.name, lab, None, None)
    write_xlsx(FILES / "a07_tu_danh_gia_ben_phai_2020.xlsx", [sh])
    case(
        "a07_tu_danh_gia_ben_phai_2020.xlsx",
        "A",
        "the chi bộ's rating first, the member's self-assessment "
        "('Kết quả tự đánh giá của đảng viên', often a tier better) to its right",
        rows=member_figures(ms, [y]),
    )


def f06():
    y = 2023
    units = {
        f"Chi bộ {a}": M.members(
            [y], n=M.rng.randint(8, 20), exempt=M.rng.randint(0, 2), new=M.rng.randint(1, 2), leave=0
        )
        for a in M.rng.sample(AGENCIES, 7)
    }
    cs = count_rows_for(units, y)
    sh = Sheet("Bieu")
    sh.add("SỐ LIỆU ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023", bold=True)
    sh.add(
        "STT",
        "Tên tổ chức cơ sở đảng",
        "Tổng số đảng viên",
        "Trong đó: đảng viên dự bị",
        "Miễn đánh giá",
        "Chưa đánh giá",
        "Trong đó: mới kết nạp",
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
        bold=True,
    )
    for i, (nm, c) in enumerate(cs.items(), 1):
        dubi = c["not_rated"] + M.rng.randint(0, 2)
        sh.add(
            i,
            nm,
            c["total"],
            dubi,
            c["exempt"],
            c["not_rated"],
            c["not_rated"],
            c["top"],
            c["good"],
            c["pass"],
            c["fail"],
        )
    write_xlsx(FILES / "f06_du_bi_moi_ket_nap_trong_do_2023.xlsx", [sh])
    case(
        "f06_du_bi_moi_ket_nap_trong_do_2023.xlsx",
        "F",
        "count table with two 'Trong đó' columns that are parts, "
        "not categories: 'Trong đó: đảng viên dự bị' after the total, 'Trong đó: mới kết nạp' after Chưa đánh giá",
        rows=rows_from_counts(sum_counts(cs.values()), y),
    )


# ---------------------------------------------------------------- more columns that look like others
def d06():
    y = 2021
    ms = M.members([y], n=18, exempt=1, new=1, leave=2)
    sh = Sheet("2021")
    sh.add("CHI BỘ HỘI LIÊN HIỆP PHỤ NỮ TỈNH - XẾP LOẠI ĐẢNG VIÊN NĂM 2021", bold=True)
    sh.add("STT", "Họ và tên", "Năm sinh", "Xếp loại", "Biến động trong năm", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        if s == "left":
            sh.add(i, m.name, m.birth, None, f"{m.left[2]} tháng {m.left[1]}/{y}")
        else:
            sh.add(
                i,
                m.name,
                m.birth,
                {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or NEW[s],
                f"Kết nạp tháng {m.joined[1]}/{y}" if s == "not_rated" else None,
            )
    write_xlsx(FILES / "d06_cot_bien_dong_trong_nam_2021.xlsx", [sh])
    case(
        "d06_cot_bien_dong_trong_nam_2021.xlsx",
        "D",
        "members who left noted in a column headed 'Biến động trong năm' (not 'Ghi chú'), their rating blank",
        rows=member_figures(ms, [y]),
    )


def b05():
    y = 2021
    ms = M.members([y], n=20, exempt=1, new=2, leave=0)
    sh = Sheet("DS")
    sh.add("DANH SÁCH ĐẢNG VIÊN CHI BỘ CỤC THỐNG KÊ - KẾT QUẢ XẾP LOẠI NĂM 2021", bold=True)
    sh.add("STT", "Họ và tên", "Năm sinh", "Năm vào Đảng", "Số thẻ", "Xếp loại", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        sh.add(
            i,
            m.name,
            m.birth,
            m.joined[0],
            m.card,
            {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or NEW_ABBR[s],
        )
    write_xlsx(FILES / "b05_nam_vao_dang_la_so_2021.xlsx", [sh])
    case(
        "b05_nam_vao_dang_la_so_2021.xlsx",
        "B",
        "a member list of 2021 (title) with a 'Năm vào Đảng' column of bare "
        "years (1978 … 2021) beside 'Năm sinh': the year of admission, not the rating year",
        rows=member_figures(ms, [y]),
    )


def c06():
    years = [2021, 2022, 2023, 2024]
    orgs = M.orgs(years, n_units=10)
    sh = Sheet("Theo doi")
    sh.add("THEO DÕI XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Năm thành lập", "Số đảng viên", *years, bold=True)
    for i, o in enumerate(orgs, 1):
        sh.add(i, o.name, M.rng.randint(1976, 2010), M.rng.randint(5, 28), *[NEW_ABBR[o.ratings[y]] for y in years])
    write_xlsx(FILES / "c06_nam_thanh_lap_va_nam_la_so_2021_2024.xlsx", [sh])
    case(
        "c06_nam_thanh_lap_va_nam_la_so_2021_2024.xlsx",
        "C",
        "tracking sheet with years as bare numbers 2021 … "
        "2024 as headers, after a 'Năm thành lập' column (founding years 1976-2010) and a 'Số đảng viên' column",
        rows=org_figures(orgs, years),
    )


def p04():
    y = 2019
    orgs = M.orgs([y], n_units=10)
    sh = Sheet("2019")
    sh.add("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        name = o.name
        if len(name) > 24 and " " in name[14:]:
            cut = name.index(" ", 14)
            r = sh.add(i, name[:cut], NEW[o.ratings[y]])
            sh.add(None, name[cut + 1 :], None)
            sh.merges += [f"A{r}:A{r + 1}", f"C{r}:C{r + 1}"]
        else:
            sh.add(i, name, NEW[o.ratings[y]])
    write_xlsx(FILES / "p04_ten_xuong_dong_hai_hang_2019.xlsx", [sh])
    case(
        "p04_ten_xuong_dong_hai_hang_2019.xlsx",
        "O",
        "long names written on two rows (as pasted from Word), the number and the rating merged over both rows",
        rows=org_figures(orgs, [y]),
    )


def l04():
    y = 2020
    orgs = M.orgs([y], n_units=6, n_parents=3)
    sh = Sheet("2020")
    sh.add("XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2020", bold=True)
    sh.add("STT", "Tên tổ chức đảng", "Cấp tổ chức đảng", "Xếp loại", bold=True)
    kinds = {"dbcs": "Đảng bộ cơ sở", "cbcs": "Chi bộ cơ sở", "cbtt": "Chi bộ trực thuộc"}
    i = 0
    for o in orgs:
        for x in (o, *o.cells):
            i += 1
            sh.add(i, x.name if x.kind != "cbtt" else f"{x.name} ({o.name})", kinds[x.kind], NEW[x.ratings[y]])
    write_xlsx(FILES / "l04_cot_cap_to_chuc_dang_2020.xlsx", [sh])
    case(
        "l04_cot_cap_to_chuc_dang_2020.xlsx",
        "L",
        "the kind of each organisation in a column headed 'Cấp tổ chức "
        "đảng' (Đảng bộ cơ sở / Chi bộ cơ sở / Chi bộ trực thuộc), the parent in brackets after a chi bộ's name",
        rows=org_figures(orgs, [y]),
    )


# ---------------------------------------------------------------- labels with words around them, member subtotals
def i04():
    y = 2019
    orgs = M.orgs([y], n_units=12)
    sh = Sheet("2019")
    sh.add("XẾP LOẠI TCCS ĐẢNG NĂM 2019", bold=True)
    sh.add("STT", "Tên tổ chức cơ sở đảng", "Xếp loại", bold=True)
    for i, o in enumerate(orgs, 1):
        r = o.ratings[y]
        sh.add(i, o.name, "HTXSNV (TSVM tiêu biểu)" if o.award[y] else NEW_ABBR[r])
    write_xlsx(FILES / "i04_htxsnv_tsvm_tieu_bieu_trong_ngoac_2019.xlsx", [sh])
    case(
        "i04_htxsnv_tsvm_tieu_bieu_trong_ngoac_2019.xlsx",
        "I,M",
        "the award written in brackets after the rating: 'HTXSNV (TSVM tiêu biểu)'",
        rows=org_figures(orgs, [y], exemplary_from_award=True),
    )


def m04():
    y = 2022
    ms = M.members([y], n=18, exempt=2, new=2, leave=0)
    sh = Sheet("2022")
    sh.add("CHI BỘ SỞ XÂY DỰNG - KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2022", bold=True)
    sh.add("STT", "Họ và tên", "Xếp loại", bold=True)
    for i, m in enumerate(ms, 1):
        s = m.status[y]
        lab = {"exempt": "Miễn (tuổi cao)", "not_rated": f"Chưa đánh giá (kết nạp {m.joined[1]}/{y})"}.get(s)
        if lab is None:
            lab = NEW_ABBR[s] + (" (bị kỷ luật khiển trách)" if s == "fail" else "")
        sh.add(i, m.name, lab)
    write_xlsx(FILES / "m04_nhan_kem_giai_thich_2022.xlsx", [sh])
    case(
        "m04_nhan_kem_giai_thich_2022.xlsx",
        "M",
        "labels with an explanation in brackets: 'Miễn (tuổi cao)', "
        "'Chưa đánh giá (kết nạp 9/2022)', 'KHTNV (bị kỷ luật khiển trách)'",
        rows=member_figures(ms, [y]),
    )


def l05():
    y = 2023
    groups = {
        f"Chi bộ {c}": M.members(
            [y], n=M.rng.randint(6, 10), exempt=M.rng.randint(0, 1), new=M.rng.randint(0, 1), leave=0
        )
        for c in M.rng.sample(CELL_NAMES, 3)
    }
    sh = Sheet("DS 2023")
    sh.add("ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", bold=True)
    sh.add("KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023", bold=True)
    sh.add("STT", "Họ và tên", "Chức vụ", "Xếp loại", bold=True)
    every = []
    for g, ms in groups.items():
        sh.add(None, g.upper(), None, None, bold=True)
        n = 0
        for m in ms:
            n += 1
            s = m.status[y]
            sh.add(
                n,
                m.name,
                M.rng.choice(["Chuyên viên", "Trưởng phòng", "Nhân viên"]),
                {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(s) or NEW[s],
            )
        sh.add(None, f"Cộng: {n} đồng chí", None, None, bold=True)
        every += ms
    write_xlsx(FILES / "l05_dang_vien_theo_chi_bo_dong_cong_2023.xlsx", [sh])
    case(
        "l05_dang_vien_theo_chi_bo_dong_cong_2023.xlsx",
        "L,D",
        "a đảng bộ's member list grouped under chi bộ "
        "heading rows (upper case), each group closed by a 'Cộng: n đồng chí' row with a blank rating",
        rows=member_figures(every, [y]),
    )


# ---------------------------------------------------------------- main
def main():
    FILES.mkdir(exist_ok=True)
    for p in FILES.iterdir():
        p.unlink()
    a01_orgs = a01()
    a02()
    a03()
    a04()
    a05()
    a06()
    b01()
    b02()
    b03()
    b04()
    c01_data = c01()
    c02()
    c03()
    c04_data = c04()
    c05()
    d01_data = d01()
    d02()
    d03()
    d04()
    d05()
    e_family(a01_orgs, c01_data, d01_data)
    e05()
    e06()
    f01()
    f02()
    f03()
    f04()
    f05()
    g01_data = g01()
    g02_orgs = g02()
    g03_data = g03()
    g04(g02_orgs)
    h01()
    h02()
    i01()
    i02()
    i03()
    j01()
    j02()
    j03()
    j04()
    k01()
    k02()
    l01()
    l02()
    l03()
    m01()
    m02()
    m03()
    n01()
    n02()
    n03()
    n04()
    n05()
    o_family(c04_data, g01_data, g03_data)
    p01()
    k03()
    a07()
    f06()
    d06()
    b05()
    c06()
    p04()
    l04()
    i04()
    m04()
    l05()
    assert {p.name for p in FILES.iterdir()} == set(CASES), "a file without a case or a case without a file"
    (HERE / "expected.json").write_text(json.dumps(CASES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    fams = sorted({f for c in CASES.values() for f in c["family"].split(",")})
    print(f"{len(CASES)} files, families {', '.join(fams)}")


if __name__ == "__main__":
    main()
