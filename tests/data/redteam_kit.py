"""What the red-team generators share (tests/data/redteamN/make_redteamN.py): the model's words
(tiers and their labels, organisations, names), drawing organisations and members, the expected
figures counted from the model, and the writers (xlsx, a LibreOffice round trip, CSV).

A generator calls ``start`` first, with its folder, seed and province: the draws come from the
one ``R`` here, reseeded, so a generator writes the same cells as when these helpers were its own.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

R = random.Random()
EXPECTED: dict[str, dict] = {}
FILES = Path()  # the set's files/ (start)


def start(here: Path, seed: int, province: str, used_names=()) -> None:
    """Set up for one red team: its folder, its seed, the province its papers name, and the
    names already taken (a file that gives one name to two people on purpose)."""
    global FILES
    FILES = here / "files"
    R.seed(seed)
    EXPECTED.clear()
    USED_NAMES.clear()
    USED_NAMES.update(used_names)
    AGENCIES[:] = [a.format(province=province) for a in _AGENCIES]


TIERS = ("top", "good", "pass", "fail")
UNIT_OLD = {
    "top": "Trong sạch, vững mạnh",
    "good": "Hoàn thành tốt nhiệm vụ",
    "pass": "Hoàn thành nhiệm vụ",
    "fail": "Yếu kém",
}
FULL = {
    "top": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "pass": "Hoàn thành nhiệm vụ",
    "fail": "Không hoàn thành nhiệm vụ",
}
ABBR = {"top": "HTXSNV", "good": "HTTNV", "pass": "HTNV", "fail": "KHTNV"}
CODE = {"top": 1, "good": 2, "pass": 3, "fail": 4}
BETTER = {"top": "top", "good": "top", "pass": "good", "fail": "pass"}


def unit_label(tier: str, year: int, short: bool = False) -> str:
    if year <= 2017:
        return "TSVM" if (short and tier == "top") else UNIT_OLD[tier]
    return ABBR[tier] if short else FULL[tier]


# -- the model ----------------------------------------------------------------------------------
AGENCIES = [
    "Văn phòng Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Báo {province}",  # the set's own province (start)
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Dân tộc và Tôn giáo",
    "Thanh tra tỉnh",
    "Kho bạc Nhà nước khu vực",
    "Thuế tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Hội Nông dân tỉnh",
    "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Ủy ban MTTQ Việt Nam tỉnh",
    "Trường Chính trị tỉnh",
    "Đài Phát thanh và Truyền hình",
    "Bệnh viện Đa khoa tỉnh",
    "Trường Cao đẳng Y tế",
    "Ngân hàng Chính sách xã hội tỉnh",
]
_AGENCIES = tuple(AGENCIES)  # with "{province}" unfilled
CELL_NAMES = [
    "Chi bộ Văn phòng",
    "Chi bộ Thanh tra",
    "Chi bộ phòng Kế hoạch - Tài chính",
    "Chi bộ phòng Nghiệp vụ",
    "Chi bộ Trung tâm Dịch vụ",
    "Chi bộ khoa Nội",
    "Chi bộ khoa Ngoại",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Xuân", "Công", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
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
    "Thắng",
    "Trang",
    "Tú",
    "Vân",
]


def tier_draw(w=(0.3, 0.55, 0.12, 0.03)) -> str:
    return R.choices(TIERS, w)[0]


def units(n_cb: int, n_db: int = 0, cells: int = 0, years=(2020,), offset: int = 0) -> list[dict]:
    """Chi bộ cơ sở and đảng bộ cơ sở (each with `cells` chi bộ trực thuộc), a tier per year."""
    names = AGENCIES[offset:] + AGENCIES[:offset]
    out = []
    for i in range(n_cb + n_db):
        kind = "DBCS" if i < n_db else "CBCS"
        u = {
            "name": ("Đảng bộ " if kind == "DBCS" else "Chi bộ ") + names[i % len(names)],
            "kind": kind,
            "parent": None,
            "tier": {y: tier_draw() for y in years},
        }
        out.append(u)
        if kind == "DBCS":
            for c in R.sample(CELL_NAMES, cells):
                out.append(
                    {
                        "name": c,
                        "kind": "CBTT",
                        "parent": u["name"],
                        "tier": {y: tier_draw((0.25, 0.6, 0.12, 0.03)) for y in years},
                    }
                )
    return out


USED_NAMES: set[str] = set()  # chance gives no namesakes: a name is drawn again until it is new (start)


def person() -> str:
    while True:
        name = f"{R.choice(FAMILY)} {R.choice(MIDDLE)} {R.choice(GIVEN)}"
        if name not in USED_NAMES:
            USED_NAMES.add(name)
            return name


def members(n: int, exempt: int = 1, not_rated: int = 1, left: int = 0) -> list[dict]:
    st = [tier_draw((0.12, 0.7, 0.16, 0.02)) for _ in range(n - exempt - not_rated - left)]
    st += ["exempt"] * exempt + ["not_rated"] * not_rated + ["left"] * left
    R.shuffle(st)
    out = []
    for s in st:
        out.append(
            {
                "name": person(),
                "birth": (R.randint(1940, 1955) if s == "exempt" else R.randint(1965, 2001)),
                "status": s,
            }
        )
    return out


def score_for(tier: str) -> float:
    lo, hi = {"top": (90, 98), "good": (70, 89), "pass": (50, 69), "fail": (35, 49)}[tier]
    return R.randint(lo, hi) + R.choice((0, 0, 0.5))


# -- expected figures --------------------------------------------------------------------------
def unit_rows(year: int, tiers: list, subject: str = "units") -> list:
    rated = [t for t in tiers if t is not None]
    c = {t: rated.count(t) for t in TIERS}
    return [
        [year, subject, "total", len(tiers)],
        [year, subject, "not_rated", len(tiers) - len(rated)],
        [year, subject, "rated", len(rated)],
        *[[year, subject, t, c[t]] for t in TIERS],
        [year, subject, "good_or_better", c["top"] + c["good"]],
    ]


def unit_expect(us: list, year: int, extra_not_rated: int = 0) -> list:
    rows = unit_rows(year, [u["tier"][year] for u in us if u["kind"] != "CBTT"] + [None] * extra_not_rated)
    cells = [u["tier"][year] for u in us if u["kind"] == "CBTT"]
    return rows + (unit_rows(year, cells, "cells") if cells else [])


def member_rows(year: int, statuses: list) -> list:
    st = [s for s in statuses if s != "left"]
    c = {k: st.count(k) for k in (*TIERS, "exempt", "not_rated")}
    rated = sum(c[t] for t in TIERS)
    return [
        [year, "members", "total", len(st)],
        [year, "members", "exempt", c["exempt"]],
        [year, "members", "not_rated", c["not_rated"]],
        [year, "members", "rated", rated],
        *[[year, "members", t, c[t]] for t in TIERS],
        [year, "members", "good_or_better", c["top"] + c["good"]],
    ]


def counts_rows(year: int, c: dict) -> list:
    """Member counts summed over organisations: c has top/good/pass/fail/exempt/not_rated."""
    return member_rows(year, [k for k, n in c.items() for _ in range(n)])


def expect(name: str, family: str, what: str, rows=None, args=(), refused: str | None = None) -> None:
    e = {"family": family, "what": what, "args": list(args)}
    if refused:
        e.update(expect="refused", why=refused)
    else:
        e.update(expect="figures", rows=rows)
    EXPECTED[name] = e


# -- writers -------------------------------------------------------------------------------------
def xlsx(path: Path, sheets: list[dict]) -> None:
    """sheets: {title, rows, merges, hidden_cols, hidden_rows, widths, bold_rows, plain (no styles)}."""
    wb = Workbook()
    wb.remove(wb.active)
    for sh in sheets:
        ws = wb.create_sheet(sh["title"])
        for row in sh["rows"]:
            ws.append(list(row))
        for m in sh.get("merges", ()):
            ws.merge_cells(m)
        if not sh.get("plain"):
            for r in sh.get("bold_rows", ()):
                for cell in ws[r]:
                    cell.font = Font(bold=True, name="Times New Roman")
                    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            for col, w in sh.get("widths", {"B": 34}).items():
                ws.column_dimensions[col].width = w
        for col in sh.get("hidden_cols", ()):
            ws.column_dimensions[col].hidden = True
        for r in sh.get("hidden_rows", ()):
            ws.row_dimensions[r].hidden = True
        for ref, ind in sh.get("indent", {}).items():
            ws[ref].alignment = Alignment(indent=ind)
    wb.save(path)


def convert(src: Path, fmt: str, name: str) -> None:
    """A LibreOffice round trip, as staff's files get one: `soffice --convert-to`."""
    with tempfile.TemporaryDirectory() as tmp:
        prof = Path(tmp) / "profile"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{prof}",
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
        out = next(p for p in Path(tmp).iterdir() if p.suffix == "." + fmt.split(":")[0])
        shutil.move(str(out), FILES / name)


def write_csv(
    name: str, rows: list, delimiter: str = ",", bom: bool = False, encoding: str = "utf-8", nfd: bool = False
) -> None:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = unicodedata.normalize("NFD", buf.getvalue()) if nfd else buf.getvalue()
    (FILES / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding))
