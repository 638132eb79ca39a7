"""The fourth red team of issue 18: realistic files in layouts no other test here has.

    python tests/data/redteam4/make_redteam4.py

Written WITHOUT reading the reader's code (only README.md, docs/, the domain brief, the READMEs of
redteam2/redteam3 and the names of the files the other corpora hold). Every figure in
expected.json is counted from this generator's own model — the organisations, members and counts
it writes, each with its tier or status — never from ccq-stats. Seeded: a re-run writes the same
cells (the .ods/.xls files, and the .xlsx saved through LibreOffice to cache formula values, are
converted by headless LibreOffice, which stamps its own metadata inside; same content).
"""

from __future__ import annotations

import json
import operator
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
sys.path.insert(0, str(HERE.parent))  # the helpers the red-team generators share
import redteam_kit  # noqa: E402
from redteam_kit import (  # noqa: E402
    ABBR,
    AGENCIES,
    BETTER,
    CELL_NAMES,
    EXPECTED,
    FULL,
    TIERS,
    UNIT_OLD,
    R,
    convert,
    counts_rows,
    expect,
    member_rows,
    members,
    person,
    score_for,
    tier_draw,
    unit_expect,
    unit_rows,
    units,
    write_csv,
    xlsx,
)

redteam_kit.start(HERE, seed=20261208, province="Nam Sơn")


PROVINCE = "NAM SƠN"
HEAD_BLOC = [
    ["ĐẢNG BỘ TỈNH NAM SƠN", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", None, None, None, None],
    ["*", None, None, None, None],
]
BLOC = "Đảng bộ Khối các cơ quan tỉnh"
STATUS_WORD = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}


def mlabel(s: str, short: bool = True) -> str:
    """A member's rating or status as the lists write it."""
    if s in TIERS:
        return ABBR[s] if short else FULL[s]
    return STATUS_WORD[s]


def org_counts(n: int | None = None) -> dict:
    """One organisation's member counts: exempt, not rated and the four tiers, adding up to n."""
    n = n or R.randint(9, 46)
    ex, nr = R.choice((0, 0, 1, 2, 3)), R.choice((0, 0, 1, 2))
    rated = n - ex - nr
    top = max(1, round(rated * R.uniform(0.08, 0.18)))
    fail = R.choice((0, 0, 0, 1))
    pas = R.randint(0, max(1, rated // 6))
    return {"top": top, "good": rated - top - pas - fail, "pass": pas, "fail": fail, "exempt": ex, "not_rated": nr}


def total_counts(cs: list) -> dict:
    return {k: sum(c[k] for c in cs) for k in (*TIERS, "exempt", "not_rated")}


def present(c: dict) -> int:
    return sum(c.values())


def rated_of(c: dict) -> int:
    return sum(c[t] for t in TIERS)


def tmp_xlsx(name: str) -> Path:
    return Path(tempfile.mkdtemp()) / name


# -- family A: the rating given by the section heading (annexes "I. … HOÀN THÀNH XUẤT SẮC …") -------
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def fam_a() -> None:
    # a01: units 2023, one Roman section per tier with its count, no rating column at all
    us = units(17, n_db=3, years=(2023,))
    us = [u for u in us if u["kind"] != "CBTT"]
    rows = [
        *HEAD_BLOC,
        ["DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2023"],
        ["(Kèm theo Báo cáo số 85-BC/ĐUK ngày 12/01/2024 của Ban Thường vụ Đảng ủy Khối)"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Ghi chú"],
    ]
    bold = [7]
    for k, t in enumerate(TIERS):
        group = [u for u in us if u["tier"][2023] == t]
        rows.append([ROMAN[k], f"TỔ CHỨC CƠ SỞ ĐẢNG {FULL[t].upper()} ({len(group):02d})", None])
        bold.append(len(rows))
        if not group:
            rows.append([None, "Không có", None])
        for i, u in enumerate(group, 1):
            rows.append([i, u["name"], None])
    rows += [[], [None, None, "T/M BAN THƯỜNG VỤ"], [None, None, "PHÓ BÍ THƯ"], [], [None, None, "Lê Thị Hằng Nga"]]
    xlsx(FILES / "a01_muc_xep_loai_theo_muc_la_ma_2023.xlsx", [{"title": "Phụ lục", "rows": rows, "bold_rows": bold}])
    expect(
        "a01_muc_xep_loai_theo_muc_la_ma_2023.xlsx",
        "A",
        "units 2023 listed under Roman sections that name the tier ('II. TỔ CHỨC CƠ SỞ ĐẢNG HOÀN THÀNH TỐT NHIỆM VỤ (09)'); "
        "no rating column; 'Không có' under an empty tier",
        unit_expect(us, 2023),
    )

    # a02: one chi bộ's members 2024 under 'A. được đánh giá' with numbered tier subsections, 'B. miễn', 'C. chưa'
    ms = members(24, exempt=2, not_rated=1)
    rows = [
        ["ĐẢNG BỘ SỞ XÂY DỰNG", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["CHI BỘ PHÒNG QUẢN LÝ NHÀ VÀ THỊ TRƯỜNG BẤT ĐỘNG SẢN"],
        [],
        ["DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2024"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Ghi chú"],
    ]
    rated = [m for m in ms if m["status"] in TIERS]
    rows.append(["A", f"ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI: {len(rated):02d} đồng chí"])
    n = 0
    for k, t in enumerate(TIERS, 1):
        group = [m for m in ms if m["status"] == t]
        rows.append([None, f"{k}. {FULL[t]}: {len(group):02d} đồng chí"])
        for m in group:
            n += 1
            rows.append([n, m["name"], m["birth"], R.choice(("Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng")), None])
    for letter, s, head in (
        ("B", "exempt", "ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ"),
        ("C", "not_rated", "ĐẢNG VIÊN CHƯA ĐÁNH GIÁ"),
    ):
        group = [m for m in ms if m["status"] == s]
        rows.append([letter, f"{head}: {len(group):02d} đồng chí"])
        for m in group:
            n += 1
            note = "Tuổi cao, sức yếu" if s == "exempt" else "Kết nạp tháng 9/2024"
            rows.append([n, m["name"], m["birth"], "Hưu trí" if s == "exempt" else "Chuyên viên", note])
    rows += [[], [None, None, None, "T/M CHI BỘ"], [None, None, None, "BÍ THƯ"]]
    xlsx(FILES / "a02_dang_vien_theo_muc_a_b_c_2024.xlsx", [{"title": "DS", "rows": rows, "bold_rows": (6,)}])
    expect(
        "a02_dang_vien_theo_muc_a_b_c_2024.xlsx",
        "A",
        "one chi bộ's members 2024: 'A. được đánh giá' split into '1. Hoàn thành xuất sắc nhiệm vụ: 03 đồng chí' …, "
        "'B. miễn', 'C. chưa đánh giá'; no rating column, the chi bộ only in the title",
        member_rows(2024, [m["status"] for m in ms]),
    )

    # a03: the old scale (2016), Roman tier sections, TSVM tiêu biểu said in Ghi chú; saved by LibreOffice as .ods
    us = [u for u in units(15, n_db=2, years=(2016,), offset=7) if u["kind"] != "CBTT"]
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH NAM SƠN"],
        ["KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2016"],
        [],
        ["STT", "Tổ chức cơ sở đảng", "Ghi chú"],
    ]
    for k, t in enumerate(TIERS):
        group = [u for u in us if u["tier"][2016] == t]
        rows.append([ROMAN[k], f"{UNIT_OLD[t].upper()}: {len(group)} tổ chức"])
        for i, u in enumerate(group, 1):
            rows.append([i, u["name"], "TSVM tiêu biểu" if t == "top" and i <= 2 else None])
    base = tmp_xlsx("a03_muc_xep_loai_cu_2016.xlsx")
    xlsx(base, [{"title": "2016", "rows": rows, "bold_rows": (4,)}])
    convert(base, "ods", "a03_muc_xep_loai_cu_2016.ods")
    expect(
        "a03_muc_xep_loai_cu_2016.ods",
        "A,E",
        "units 2016 (old scale) under Roman sections 'I | TRONG SẠCH, VỮNG MẠNH: 6 tổ chức' …, TSVM tiêu biểu in Ghi chú; .ods",
        unit_expect(us, 2016) + [[2016, "units", "exemplary", min(2, sum(u["tier"][2016] == "top" for u in us))]],
    )

    # a04: members of a đảng bộ 2022 in a ';' CSV with BOM, a tier heading alone on its row, a Chi bộ column
    ms = members(30, exempt=2, not_rated=0)
    cbs = ["Chi bộ Văn phòng", "Chi bộ Khoa Dược", "Chi bộ Khoa Hồi sức"]
    rows = [
        ["ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH", "", "", ""],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2022", "", "", ""],
        ["STT", "Họ và tên", "Chi bộ", "Ghi chú"],
    ]
    n = 0
    for t in (*TIERS, "exempt"):
        group = [m for m in ms if m["status"] == t]
        if not group:
            continue
        rows.append([(FULL[t] if t in TIERS else "Miễn đánh giá") + f" ({len(group)} đ/c)", "", "", ""])
        for m in group:
            n += 1
            rows.append([n, m["name"], R.choice(cbs), "Trên 70 tuổi" if t == "exempt" else ""])
    write_csv("a04_dang_vien_dong_muc_cham_phay_2022.csv", rows, delimiter=";", bom=True)
    expect(
        "a04_dang_vien_dong_muc_cham_phay_2022.csv",
        "A,E",
        "members 2022 in a ';' CSV with BOM: each tier a heading alone in the first cell ('Hoàn thành tốt nhiệm vụ (19 đ/c)') "
        "above its members; exempt likewise",
        member_rows(2022, [m["status"] for m in ms]),
    )


# -- family B: statistics forms ("Biểu") with an index row A, B, 1, 2=3+4 … and formulas ------------
def pct(n: int, d: int) -> str:
    return (f"{100 * n / d:.2f}" if d else "0").replace(".", ",") + "%"


def fam_b() -> None:
    names = [("Đảng bộ " if i < 4 else "Chi bộ ") + a for i, a in enumerate(AGENCIES[2:16])]
    cs = [org_counts(R.randint(32, 70) if i < 4 else None) for i in range(len(names))]
    first, last = 9, 9 + len(cs) - 1
    cols = "CDEFGHIJ"
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", None, None, None, None, None, None, None, "Biểu số 02-TCTW"],
        ["THỐNG KÊ KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2023"],
        ["(Số liệu tính đến ngày 31/12/2023)"],
        [None, None, None, None, None, None, None, None, "Đvt: Đảng viên"],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá, xếp loại",
            "Được đánh giá, xếp loại",
            None,
            None,
            None,
            None,
        ],
        [None, None, None, None, None, "Tổng số", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        ["A", "B", "1=2+3+4", "2", "3", "4=5+6+7+8", "5", "6", "7", "8"],
        [None, "TỔNG SỐ"] + [f"=SUM({c}{first}:{c}{last})" for c in cols],
    ]
    for i, (nm, c) in enumerate(zip(names, cs), 1):
        r = first + i - 1
        rows.append(
            [i, nm, f"=D{r}+E{r}+F{r}", c["exempt"], c["not_rated"], f"=SUM(G{r}:J{r})"] + [c[t] for t in TIERS]
        )
    rows += [
        [],
        [None, "Ghi chú: Cột (1) = (2) + (3) + (4); cột (4) = (5) + (6) + (7) + (8)."],
        [None, None, None, None, None, None, None, "NGƯỜI LẬP BIỂU", None, None],
    ]
    base = tmp_xlsx("b01_bieu_chi_so_cot_a_b_1_2_2023.xlsx")
    sheet = {
        "title": "Biểu 02",
        "rows": rows,
        "merges": ("A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:J5", "A2:J2", "A3:J3"),
        "bold_rows": (5, 6, 7, 8),
    }
    xlsx(base, [sheet])
    convert(base, "xlsx:Calc MS Excel 2007 XML", "b01_bieu_chi_so_cot_a_b_1_2_2023.xlsx")
    convert(base, "xls:MS Excel 97", "b02_bieu_chi_so_cot_a_b_1_2_2023.xls")
    for name, fam, how in (
        ("b01_bieu_chi_so_cot_a_b_1_2_2023.xlsx", "B,E", "saved by LibreOffice as .xlsx (formula values cached)"),
        ("b02_bieu_chi_so_cot_a_b_1_2_2023.xls", "B,E", "the same form saved by LibreOffice as .xls"),
    ):
        expect(
            name,
            fam,
            "member counts form 'Biểu số 02-TCTW' 2023: two-row header, index row 'A | B | 1=2+3+4 | 2 | 3 | 4=5+6+7+8 | "
            "5 …', the 'TỔNG SỐ' row first, totals as formulas; " + how,
            counts_rows(2023, total_counts(cs)),
        )

    # b03: shares typed as text beside each tier, the total at the top AND a 'Cộng' at the bottom
    names = ["Chi bộ " + a for a in AGENCIES[12:26]]
    cs = [org_counts() for _ in names]
    tot = total_counts(cs)
    head1 = ["STT", "Tên tổ chức cơ sở đảng", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá"]
    head2 = [None] * 5
    for t in TIERS:
        head1 += [ABBR[t], None]
        head2 += ["SL", "Tỷ lệ"]

    def line(c: dict) -> list:
        out = [present(c), c["exempt"], c["not_rated"]]
        for t in TIERS:
            out += [c[t], pct(c[t], rated_of(c))]
        return out

    rows = [
        ["BÁO CÁO SỐ LIỆU ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        ["(Phụ lục 2 kèm theo Báo cáo số 112-BC/ĐUK)"],
        head1,
        head2,
        [None, "Toàn Đảng bộ Khối"] + line(tot),
    ]
    for i, (nm, c) in enumerate(zip(names, cs), 1):
        rows.append([i, nm] + line(c))
    rows.append([None, "Cộng"] + line(tot))
    xlsx(
        FILES / "b03_tong_tren_va_duoi_ty_le_chu_2022.xlsx",
        [
            {
                "title": "PL2",
                "rows": rows,
                "merges": ("A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:I3", "J3:K3", "L3:M3"),
                "bold_rows": (3, 4, 5),
            }
        ],
    )
    expect(
        "b03_tong_tren_va_duoi_ty_le_chu_2022.xlsx",
        "B",
        "member counts 2022: each tier over 'SL | Tỷ lệ' with the share typed as text ('12,50%'), a 'Toàn Đảng bộ Khối' "
        "row at the top and a 'Cộng' row at the bottom, both the same totals",
        counts_rows(2022, tot),
    )


# -- family K: two blocks of tier ticks, the self-assessment and the higher level's decision ---------
def tick_block(tier: str | None) -> list:
    return ["x" if tier == t else None for t in TIERS]


def fam_k() -> None:
    # k01: members 2022, 'Đảng viên tự đánh giá, xếp loại' and 'Cấp ủy cấp trên quyết định xếp loại', 4 ticks each
    ms = members(26, exempt=0, not_rated=0)
    rows = [
        ["ĐẢNG BỘ SỞ TÀI CHÍNH - CHI BỘ PHÒNG NGÂN SÁCH"],
        ["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        [],
        [
            "STT",
            "Họ và tên",
            "Năm sinh",
            "Đảng viên tự đánh giá, xếp loại",
            None,
            None,
            None,
            "Cấp ủy cấp trên quyết định xếp loại",
            None,
            None,
            None,
            "Ghi chú",
        ],
        [None, None, None, *(ABBR[t] for t in TIERS), *(ABBR[t] for t in TIERS), None],
    ]
    for i, m in enumerate(ms, 1):
        t = m["status"]
        s = BETTER[t] if R.random() < 0.4 else t
        rows.append([i, m["name"], m["birth"], *tick_block(s), *tick_block(t), None])
    n = len(rows)
    rows.append([None, "Cộng", None] + [f'=COUNTIF({c}6:{c}{n},"x")' for c in "DEFGHIJK"] + [None])
    sheet = {
        "title": "Năm 2022",
        "rows": rows,
        "merges": ("A4:A5", "B4:B5", "C4:C5", "D4:G4", "H4:K4", "L4:L5"),
        "bold_rows": (4, 5),
    }
    base = tmp_xlsx("k01_hai_khoi_danh_dau_tu_danh_gia_quyet_dinh_2022.xlsx")
    xlsx(base, [sheet])
    convert(base, "xlsx:Calc MS Excel 2007 XML", "k01_hai_khoi_danh_dau_tu_danh_gia_quyet_dinh_2022.xlsx")
    expect(
        "k01_hai_khoi_danh_dau_tu_danh_gia_quyet_dinh_2022.xlsx",
        "K,E",
        "members 2022: 'x' under four tiers twice — the self-assessment block, then 'Cấp ủy cấp trên quyết định xếp loại'; "
        "a 'Cộng' row of COUNTIFs; the decision counts",
        member_rows(2022, [m["status"] for m in ms]),
    )

    # k02: units 2020, the organisation's own ticks and the Đảng ủy Khối's, decision block FIRST
    us = [u for u in units(16, n_db=3, years=(2020,), offset=4) if u["kind"] != "CBTT"]
    rows = [
        *HEAD_BLOC,
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        [],
        [
            "TT",
            "Tên tổ chức cơ sở đảng",
            "Ban Thường vụ Đảng ủy Khối quyết định",
            None,
            None,
            None,
            "Tổ chức cơ sở đảng tự đánh giá",
            None,
            None,
            None,
        ],
        [None, None, *(FULL[t] for t in TIERS), *(FULL[t] for t in TIERS)],
    ]
    for i, u in enumerate(us, 1):
        t = u["tier"][2020]
        s = BETTER[t] if R.random() < 0.45 else t
        rows.append([i, u["name"], *tick_block(t), *tick_block(s)])
    xlsx(
        FILES / "k02_to_chuc_quyet_dinh_truoc_tu_danh_gia_sau_2020.xlsx",
        [{"title": "TCCS", "rows": rows, "merges": ("A6:A7", "B6:B7", "C6:F6", "G6:J6"), "bold_rows": (6, 7)}],
    )
    expect(
        "k02_to_chuc_quyet_dinh_truoc_tu_danh_gia_sau_2020.xlsx",
        "K",
        "units 2020: ticks under the four full tier labels twice — 'Ban Thường vụ Đảng ủy Khối quyết định' first, "
        "'Tổ chức cơ sở đảng tự đánh giá' second",
        unit_expect(us, 2020),
    )

    # k03: the members' two tick blocks in .ods, exempt and not-rated members said in Ghi chú (no tick)
    ms = members(22, exempt=2, not_rated=1)
    rows = [
        ["CHI BỘ TRƯỜNG CHÍNH TRỊ TỈNH"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        [],
        [
            "STT",
            "Họ và tên",
            "Tự xếp loại",
            None,
            None,
            None,
            "Cấp ủy cấp trên quyết định",
            None,
            None,
            None,
            "Ghi chú",
        ],
        [None, None, *(ABBR[t] for t in TIERS), *(ABBR[t] for t in TIERS), None],
    ]
    for i, m in enumerate(ms, 1):
        t = m["status"]
        if t in TIERS:
            s = BETTER[t] if R.random() < 0.3 else t
            rows.append([i, m["name"], *tick_block(s), *tick_block(t), None])
        else:
            note = "Miễn đánh giá (tuổi cao)" if t == "exempt" else "Chưa đánh giá (kết nạp tháng 10/2021)"
            rows.append([i, m["name"], *tick_block(None), *tick_block(None), note])
    base = tmp_xlsx("k03_hai_khoi_danh_dau_mien_o_ghi_chu_2021.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows, "merges": ("A4:A5", "B4:B5", "C4:F4", "G4:J4", "K4:K5")}])
    convert(base, "ods", "k03_hai_khoi_danh_dau_mien_o_ghi_chu_2021.ods")
    expect(
        "k03_hai_khoi_danh_dau_mien_o_ghi_chu_2021.ods",
        "K,E",
        "members 2021 in .ods: 'Tự xếp loại' ticks and 'Cấp ủy cấp trên quyết định' ticks; exempt and not-rated members "
        "without a tick, their status in Ghi chú",
        member_rows(2021, [m["status"] for m in ms]),
    )


# -- family P: the hierarchy in a parent column that names the bloc, or in a path ---------------------
def fam_p() -> None:
    # p01: 'Trực thuộc' filled on every row: the bloc for the grassroots, the đảng bộ for its chi bộ
    us = units(10, n_db=3, cells=3, years=(2021,), offset=9)
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH NAM SƠN"],
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2021"],
        [],
        ["STT", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], u["parent"] or BLOC, ABBR[u["tier"][2021]]])
    xlsx(FILES / "p01_truc_thuoc_ghi_ca_dang_bo_khoi_2021.xlsx", [{"title": "2021", "rows": rows, "bold_rows": (4,)}])
    expect(
        "p01_truc_thuoc_ghi_ca_dang_bo_khoi_2021.xlsx",
        "P",
        "units and chi bộ trực thuộc 2021 in one list: 'Trực thuộc' names the bloc ('Đảng bộ Khối các cơ quan tỉnh') for the "
        "grassroots organisations and their đảng bộ for the chi bộ trực thuộc",
        unit_expect(us, 2021),
    )

    # p02: the database software's path 'Đảng bộ Khối … > Đảng bộ Sở … > Chi bộ …' in one column
    us = units(9, n_db=3, cells=2, years=(2024,), offset=15)
    rows = [["Mã tổ chức", "Tổ chức đảng", "Loại tổ chức", "Kết quả xếp loại", "Năm"]]
    for i, u in enumerate(us, 1):
        path = f"{BLOC} > " + (f"{u['parent']} > {u['name']}" if u["parent"] else u["name"])
        kind = {"CBCS": "Chi bộ cơ sở", "DBCS": "Đảng bộ cơ sở", "CBTT": "Chi bộ trực thuộc"}[u["kind"]]
        rows.append([f"TC{4400 + i:05d}", path, kind, FULL[u["tier"][2024]], 2024])
    xlsx(FILES / "p02_duong_dan_to_chuc_phan_mem_2024.xlsx", [{"title": "KetQua", "rows": rows, "plain": True}])
    expect(
        "p02_duong_dan_to_chuc_phan_mem_2024.xlsx",
        "P,L",
        "units and chi bộ trực thuộc 2024 exported with the full path 'Đảng bộ Khối … > Đảng bộ Sở … > Chi bộ …' as the "
        "organisation, a 'Loại tổ chức' column and a 'Năm' column",
        unit_expect(us, 2024),
    )

    # p03: members 2023 exported with the path of their chi bộ, no other organisation column
    ms = members(34, exempt=2, not_rated=2)
    cbs = [f"{BLOC} > Đảng bộ Sở Y tế > Chi bộ {c}" for c in ("Văn phòng Sở", "Thanh tra Sở", "Nghiệp vụ Y")]
    rows = [["STT", "Họ và tên", "Ngày sinh", "Tổ chức đảng", "Xếp loại chất lượng"]]
    for i, m in enumerate(ms, 1):
        rows.append(
            [
                i,
                m["name"],
                f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{m['birth']}",
                R.choice(cbs),
                mlabel(m["status"], short=False),
            ]
        )
    xlsx(
        FILES / "p03_dang_vien_duong_dan_chi_bo_2023.xlsx",
        [{"title": "Sheet1", "rows": [["DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI NĂM 2023"], [], *rows]}],
    )
    expect(
        "p03_dang_vien_duong_dan_chi_bo_2023.xlsx",
        "P",
        "members 2023 whose 'Tổ chức đảng' is the path 'Đảng bộ Khối … > Đảng bộ Sở Y tế > Chi bộ …'",
        member_rows(2023, [m["status"] for m in ms]),
    )

    # p04: three levels numbered 1 / 1.1 / 1.1.1: a đảng bộ cơ sở, its đảng bộ bộ phận, their chi bộ
    year = 2022
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2022"],
        ["(Đảng bộ Khối các cơ quan tỉnh)"],
        [],
        ["STT", "Tên tổ chức đảng", "Xếp loại"],
    ]
    top_level, lower = [], []
    # names unique in the file, so that only the numbering tells the levels apart
    pool = [*CELL_NAMES, "Chi bộ khoa Nhi", "Chi bộ khoa Dược", "Chi bộ phòng Đào tạo", "Chi bộ phòng Tổ chức cán bộ"]
    R.shuffle(pool)
    for i, a in enumerate(("Trường Đại học Nam Sơn", "Bệnh viện Đa khoa tỉnh", "Sở Giáo dục và Đào tạo"), 1):
        t = tier_draw()
        top_level.append(t)
        rows.append([str(i), f"Đảng bộ {a}", FULL[t]])
        for j, bp in enumerate(("Đảng bộ bộ phận Khối Văn phòng", "Đảng bộ bộ phận Khối chuyên môn")[: 1 + i % 2], 1):
            t = tier_draw()
            lower.append(t)
            rows.append([f"{i}.{j}", bp, FULL[t]])
            for k, cb in enumerate((pool.pop(), pool.pop()), 1):
                t = tier_draw()
                lower.append(t)
                rows.append([f"{i}.{j}.{k}", cb, FULL[t]])
    for i, a in enumerate(AGENCIES[18:24], 4):
        t = tier_draw()
        top_level.append(t)
        rows.append([str(i), f"Chi bộ {a}", FULL[t]])
    xlsx(FILES / "p04_ba_cap_1_1_1_dang_bo_bo_phan_2022.xlsx", [{"title": "2022", "rows": rows, "bold_rows": (4,)}])
    expect(
        "p04_ba_cap_1_1_1_dang_bo_bo_phan_2022.xlsx",
        "P",
        "units 2022 in three levels numbered as text '1', '1.1', '1.1.1': đảng bộ cơ sở, its đảng bộ bộ phận, their chi bộ "
        "(both lower levels count as cells)",
        unit_rows(year, top_level) + unit_rows(year, lower, "cells"),
    )

    # p05: the path alone, no kind column, no year column (the year in the title)
    us = units(8, n_db=3, cells=3, years=(2020,), offset=21)
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2020"], [], ["STT", "Tổ chức đảng", "Xếp loại"]]
    for i, u in enumerate(us, 1):
        path = f"{BLOC} > " + (f"{u['parent']} > {u['name']}" if u["parent"] else u["name"])
        rows.append([i, path, ABBR[u["tier"][2020]]])
    xlsx(FILES / "p05_chi_duong_dan_khong_loai_2020.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "p05_chi_duong_dan_khong_loai_2020.xlsx",
        "P",
        "units and chi bộ trực thuộc 2020 whose only sign of the level is the path 'Đảng bộ Khối … > Đảng bộ … > Chi bộ …' "
        "(no kind, no parent column)",
        unit_expect(us, 2020),
    )


# -- family L: the database software's history export, one row per member (or organisation) and year --
def fam_l() -> None:
    years = (2021, 2022, 2023, 2024)
    people = []
    for k in range(18):
        st = {y: tier_draw((0.12, 0.7, 0.16, 0.02)) for y in years}
        note = {y: None for y in years}
        if k == 3:  # admitted 07/2022: no row in 2021, not rated in 2022
            del st[2021]
            st[2022], note[2022] = "not_rated", "Kết nạp ngày 15/7/2022"
        if k == 7:  # moved away in 05/2023: the 2023 row says so, no 2024 row
            st[2023], note[2023] = "left", "Chuyển sinh hoạt đi tháng 5/2023"
            del st[2024]
        if k == 11:  # retired, exempt from 2023
            st[2023] = st[2024] = "exempt"
            note[2023] = note[2024] = "Miễn công tác và sinh hoạt đảng"
        people.append({"name": person(), "birth": R.randint(1950, 1998), "st": st, "note": note})
    rows = [
        ["Mã đảng viên", "Họ và tên", "Ngày sinh", "Chi bộ", "Năm đánh giá", "Kết quả đánh giá, xếp loại", "Ghi chú"]
    ]
    for i, p in enumerate(people):
        code = f"48.01.{i + 101:05d}"
        born = f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{p['birth']}"
        cb = "Chi bộ Văn phòng Sở" if i % 2 else "Chi bộ phòng Quản lý Giá"
        for y, s in p["st"].items():
            lab = None if s == "left" else mlabel(s, short=False)
            rows.append([code, p["name"], born, cb, y, lab, p["note"][y]])
    xlsx(
        FILES / "l01_lich_su_xep_loai_dang_vien_2021_2024.xlsx",
        [{"title": "LichSuDanhGia", "rows": rows, "plain": True}],
    )
    expect(
        "l01_lich_su_xep_loai_dang_vien_2021_2024.xlsx",
        "L",
        "members' rating history 2021-2024, one row per member and year ('Năm đánh giá'), sorted by member; one admitted "
        "07/2022 (no 2021 row), one moved away 05/2023 (2023 row blank, 'Chuyển sinh hoạt đi' in Ghi chú), one exempt",
        [r for y in years for r in member_rows(y, [p["st"][y] for p in people if y in p["st"]])],
    )

    # l02: organisations' history 2022-2024 in a ';' CSV with BOM, one row per organisation and year
    years = (2022, 2023, 2024)
    us = units(11, n_db=2, cells=3, years=years, offset=20)
    kind = {"CBCS": "Chi bộ cơ sở", "DBCS": "Đảng bộ cơ sở", "CBTT": "Chi bộ trực thuộc"}
    rows = [["Năm", "Mã tổ chức", "Tên tổ chức đảng", "Loại tổ chức", "Cấp trên trực tiếp", "Xếp loại"]]
    for i, u in enumerate(us, 1):
        for y in years:
            rows.append([y, f"48.{i:03d}", u["name"], kind[u["kind"]], u["parent"] or BLOC, ABBR[u["tier"][y]]])
    write_csv("l02_lich_su_xep_loai_to_chuc_2022_2024.csv", rows, delimiter=";", bom=True)
    expect(
        "l02_lich_su_xep_loai_to_chuc_2022_2024.csv",
        "L,P,E",
        "organisations' rating history 2022-2024 in a ';' CSV with BOM: one row per organisation and year, 'Loại tổ chức' "
        "and 'Cấp trên trực tiếp' (the bloc for the grassroots)",
        [r for y in years for r in unit_expect(us, y)],
    )


# -- family T: transposed, the organisations across the columns and the indicators down the side ------
def fam_t() -> None:
    cbs = ["Chi bộ Văn phòng", "Chi bộ Khoa Nội", "Chi bộ Khoa Ngoại", "Chi bộ Khoa Sản", "Chi bộ Cận lâm sàng"]
    cs = [org_counts() for _ in cbs]
    tot = total_counts(cs)

    def table(year: int, cs: list, tot: dict, cbs: list) -> list:
        lines = [
            ("1", "Tổng số đảng viên", present),
            ("2", "Số đảng viên được miễn đánh giá", lambda c: c["exempt"]),
            ("3", "Số đảng viên chưa đánh giá", lambda c: c["not_rated"]),
            ("4", "Số đảng viên được đánh giá, xếp loại", rated_of),
        ] + [(f"4.{k}", FULL[t], operator.itemgetter(t)) for k, t in enumerate(TIERS, 1)]
        out = [["TT", "Nội dung", *cbs, "Toàn Đảng bộ"]]
        for num, what, f in lines:
            out.append([num, what, *(f(c) for c in cs), f(tot)])
        return out

    rows = [
        ["ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH"],
        ["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        *table(2023, cs, tot, cbs),
    ]
    xlsx(FILES / "t01_chi_bo_theo_cot_chi_tieu_theo_dong_2023.xlsx", [{"title": "TH", "rows": rows, "bold_rows": (4,)}])
    expect(
        "t01_chi_bo_theo_cot_chi_tieu_theo_dong_2023.xlsx",
        "T",
        "member counts 2023 transposed: each chi bộ a column, 'Toàn Đảng bộ' last; indicators down the side "
        "(1 Tổng số, 2 miễn, 3 chưa, 4 được đánh giá, 4.1-4.4 the tiers)",
        counts_rows(2023, tot),
    )

    cbs = ["Chi bộ Phòng Tổ chức", "Chi bộ Phòng Tài chính", "Chi bộ Đội Quản lý thị trường", "Chi bộ Văn phòng Cục"]
    cs = [org_counts() for _ in cbs]
    tot = total_counts(cs)
    rows = [["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024 - ĐẢNG BỘ CỤC QUẢN LÝ THỊ TRƯỜNG"], *table(2024, cs, tot, cbs)]
    write_csv("t02_chi_bo_theo_cot_2024 - Trang tính1.csv", rows)
    expect(
        "t02_chi_bo_theo_cot_2024 - Trang tính1.csv",
        "T,E",
        "the transposed member counts (chi bộ across, indicators down) downloaded from Google Sheets as CSV",
        counts_rows(2024, tot),
    )


# -- family M: organisations merged or renamed after 1/7/2025 ---------------------------------------
def fam_m() -> None:
    # m01: 2024 | 2025 side by side; predecessors 'Đã hợp nhất' in 2025, the merged organisation '-' in 2024
    keep = [u for u in units(12, n_db=2, years=(2024, 2025), offset=3) if u["kind"] != "CBTT"]
    gone = [
        {"name": "Chi bộ Sở Nông nghiệp và Phát triển nông thôn", "tier": {2024: tier_draw()}},
        {"name": "Chi bộ Sở Tài nguyên và Môi trường", "tier": {2024: tier_draw()}},
        {"name": "Chi bộ Sở Thông tin và Truyền thông", "tier": {2024: tier_draw()}},
        {"name": "Chi bộ Ban Dân tộc tỉnh", "tier": {2024: tier_draw()}},
    ]
    new = [
        {
            "name": "Đảng bộ Sở Nông nghiệp và Môi trường",
            "tier": {2025: tier_draw()},
            "note": "Hợp nhất từ Chi bộ Sở Nông nghiệp và PTNT và Chi bộ Sở Tài nguyên và Môi trường (từ 01/7/2025)",
        },
        {
            "name": "Chi bộ Sở Dân tộc và Tôn giáo",
            "tier": {2025: tier_draw()},
            "note": "Thành lập trên cơ sở Chi bộ Ban Dân tộc tỉnh (từ 01/7/2025)",
        },
    ]
    goes = {
        gone[0]["name"]: "Hợp nhất vào Đảng bộ Sở Nông nghiệp và Môi trường từ 01/7/2025",
        gone[1]["name"]: "Hợp nhất vào Đảng bộ Sở Nông nghiệp và Môi trường từ 01/7/2025",
        gone[2]["name"]: "Sáp nhập vào Chi bộ Sở Khoa học và Công nghệ từ 01/7/2025",
        gone[3]["name"]: "Tổ chức lại thành Chi bộ Sở Dân tộc và Tôn giáo",
    }
    rows = [
        ["ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH NAM SƠN"],
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024 VÀ NĂM 2025"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Năm 2024", "Năm 2025", "Ghi chú"],
    ]
    allu = keep + gone + new
    R.shuffle(allu)
    for i, u in enumerate(allu, 1):
        y24 = ABBR[u["tier"][2024]] if 2024 in u["tier"] else "-"
        y25 = ABBR[u["tier"][2025]] if 2025 in u["tier"] else "Đã hợp nhất"
        rows.append([i, u["name"], y24, y25, goes.get(u["name"]) or u.get("note")])
    xlsx(FILES / "m01_da_hop_nhat_2024_2025.xlsx", [{"title": "TCCS", "rows": rows, "bold_rows": (4,)}])
    expect(
        "m01_da_hop_nhat_2024_2025.xlsx",
        "M",
        "units 2024 and 2025 side by side: four organisations merged away on 1/7/2025 ('Đã hợp nhất' under 2025, where "
        "they went in Ghi chú), two organisations formed from them ('-' under 2024)",
        unit_rows(2024, [u["tier"][2024] for u in keep + gone])
        + unit_rows(2025, [u["tier"][2025] for u in keep + new]),
    )

    # m02: a 2025 list after the reorganisation: under each merged organisation an italic note row naming its
    # predecessors (no STT, no rating); 'Tự xếp loại' beside 'Cấp ủy cấp trên quyết định'
    us = [u for u in units(13, n_db=3, years=(2025,), offset=11) if u["kind"] != "CBTT"]
    rows = [
        ["ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        [],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2025"],
        ["(Các tổ chức cơ sở đảng sau sắp xếp, kiện toàn từ ngày 01/7/2025)"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng (sau sắp xếp)", "Tự xếp loại", "Cấp ủy cấp trên quyết định"],
    ]
    for i, u in enumerate(us, 1):
        t = u["tier"][2025]
        rows.append([i, u["name"], ABBR[BETTER[t] if R.random() < 0.3 else t], ABBR[t]])
        if i % 4 == 1:
            a, b = R.sample(AGENCIES, 2)
            rows.append([None, f"(Hợp nhất từ: Chi bộ {a}; Chi bộ {b})", None, None])
    xlsx(FILES / "m02_dong_ghi_hop_nhat_tu_2025.xlsx", [{"title": "2025", "rows": rows, "bold_rows": (6,)}])
    expect(
        "m02_dong_ghi_hop_nhat_tu_2025.xlsx",
        "M",
        "units 2025 after the reorganisation: a note row '(Hợp nhất từ: Chi bộ …; Chi bộ …)' under some organisations, "
        "without STT or rating; self-rating beside 'Cấp ủy cấp trên quyết định'",
        unit_expect(us, 2025),
    )

    # m03: members 2025 of a chi bộ formed by merging two, 'Chi bộ trước sắp xếp' beside; two members moved with
    # their department to another đảng bộ on 1/7/2025: rating blank, the move said in Ghi chú
    ms = members(27, exempt=1, not_rated=1, left=2)
    rows = [
        ["ĐẢNG BỘ SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"],
        ["CHI BỘ VĂN PHÒNG SỞ"],
        ["DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025"],
        [],
        [
            "STT",
            "Họ và tên",
            "Năm sinh",
            "Chi bộ trước sắp xếp",
            "Tự xếp loại",
            "Cấp ủy cấp trên quyết định",
            "Ghi chú",
        ],
    ]
    olds = ["Chi bộ Văn phòng Sở Nông nghiệp và PTNT", "Chi bộ Văn phòng Sở Tài nguyên và Môi trường"]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        old = olds[i % 2]
        if s == "left":
            rows.append(
                [
                    i,
                    m["name"],
                    m["birth"],
                    old,
                    None,
                    None,
                    "Chuyển sinh hoạt sang Đảng bộ Ủy ban nhân dân tỉnh từ 01/7/2025 (theo Quyết định sắp xếp)",
                ]
            )
        elif s in TIERS:
            rows.append([i, m["name"], m["birth"], old, ABBR[BETTER[s] if R.random() < 0.3 else s], ABBR[s], None])
        else:
            rows.append([i, m["name"], m["birth"], old, mlabel(s), mlabel(s), None])
    xlsx(
        FILES / "m03_dang_vien_chi_bo_hop_nhat_chuyen_di_2025.xlsx", [{"title": "DV", "rows": rows, "bold_rows": (5,)}]
    )
    expect(
        "m03_dang_vien_chi_bo_hop_nhat_chuyen_di_2025.xlsx",
        "M",
        "members 2025 of a chi bộ merged from two ('Chi bộ trước sắp xếp' column), self-rating and decision; two members "
        "moved to another đảng bộ on 1/7/2025 (ratings blank, 'Chuyển sinh hoạt sang Đảng bộ … từ 01/7/2025' in Ghi chú)",
        member_rows(2025, [m["status"] for m in ms]),
    )


# -- family S: 2025 scores out of 100 with bonus and minus points, scores typed with their unit ----------
def fam_s() -> None:
    # s01: units 2025: self score, self-rating, 'Điểm thưởng', 'Điểm trừ', the decided total and the decision;
    # one organisation scored 91 and rated HTTNV (a condition lowered it: a member disciplined)
    us = [u for u in units(15, n_db=2, years=(2025,), offset=5) if u["kind"] != "CBTT"]
    us[4]["tier"][2025] = "good"
    rows = [
        ["ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH NAM SƠN"],
        ["BẢNG TỔNG HỢP ĐIỂM VÀ KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2025"],
        ["(Theo Quy định số 366-QĐ/TW và Hướng dẫn số 43-HD/BTCTW)"],
        [],
        [
            "STT",
            "Tổ chức cơ sở đảng",
            "Điểm tự chấm",
            "Tự xếp loại",
            "Điểm thưởng",
            "Điểm trừ",
            "Tổng điểm cấp trên chấm",
            "Cấp trên quyết định xếp loại",
            "Ghi chú",
        ],
    ]
    for i, u in enumerate(us, 1):
        t = u["tier"][2025]
        sc = 91.0 if i == 5 else score_for(t)
        bonus = R.choice((0, 0, 1, 2)) if sc < 98 else 0
        minus = R.choice((0, 0, 0.5, 1))
        rows.append(
            [
                i,
                u["name"],
                min(100, sc + R.randint(0, 3)),
                FULL[BETTER[t] if R.random() < 0.3 else t],
                bonus,
                minus,
                sc,
                FULL[t],
                "Có đảng viên bị kỷ luật trong năm" if i == 5 else None,
            ]
        )
    xlsx(FILES / "s01_diem_thuong_diem_tru_2025.xlsx", [{"title": "Tổng hợp điểm", "rows": rows, "bold_rows": (5,)}])
    expect(
        "s01_diem_thuong_diem_tru_2025.xlsx",
        "S",
        "units 2025: 'Điểm tự chấm', 'Tự xếp loại', 'Điểm thưởng', 'Điểm trừ', 'Tổng điểm cấp trên chấm', 'Cấp trên quyết "
        "định xếp loại'; one organisation with 91 points rated HTTNV (a condition lowers it)",
        unit_expect(us, 2025),
    )

    # s02: members 2025, scores typed with their unit as text ('92,5 điểm'), the rating beside
    ms = members(23, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ SỞ TƯ PHÁP"],
        ["KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        [],
        ["STT", "Họ và tên", "Chức vụ", "Điểm cấp ủy cấp trên chấm", "Xếp loại"],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in TIERS:
            sc = str(score_for(s)).replace(".", ",").removesuffix(",0") + " điểm"
            rows.append([i, m["name"], "Chuyên viên", sc, ABBR[s]])
        else:
            rows.append([i, m["name"], "Nghỉ hưu" if s == "exempt" else "Chuyên viên", None, mlabel(s)])
    xlsx(FILES / "s02_diem_kem_chu_diem_2025.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "s02_diem_kem_chu_diem_2025.xlsx",
        "S",
        "members 2025: the decided score typed as text with its unit ('92,5 điểm'), the rating beside it",
        member_rows(2025, [m["status"] for m in ms]),
    )

    # s03: members 2025, the tiers written short as people say them ('Xuất sắc', 'Tốt', 'Hoàn thành', 'Không hoàn thành')
    ms = members(25, exempt=1, not_rated=0)
    short = {"top": "Xuất sắc", "good": "Tốt", "pass": "Hoàn thành", "fail": "Không hoàn thành"}
    rows = [
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025 - CHI BỘ BẢO HIỂM XÃ HỘI TỈNH"],
        ["STT", "Họ và tên", "Tổng điểm", "Mức xếp loại"],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        rows.append([i, m["name"], score_for(s) if s in TIERS else None, short[s] if s in TIERS else "Miễn đánh giá"])
    xlsx(FILES / "s03_muc_viet_tat_xuat_sac_tot_2025.xlsx", [{"title": "BHXH", "rows": rows}])
    expect(
        "s03_muc_viet_tat_xuat_sac_tot_2025.xlsx",
        "S",
        "members 2025: 'Mức xếp loại' written 'Xuất sắc' / 'Tốt' / 'Hoàn thành' / 'Không hoàn thành' beside 'Tổng điểm'",
        member_rows(2025, [m["status"] for m in ms]),
    )


# -- family N: numbers as Vietnamese write them: thousands dot, count and share in one cell -------------
def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def fam_n() -> None:
    # n01: a bloc's member counts per đảng bộ in a ';' CSV with BOM, big đảng bộ over 1.000, thousands dots
    names = ["Đảng bộ Trường Đại học Nam Sơn", "Đảng bộ Bệnh viện Đa khoa tỉnh", "Đảng bộ Công an tỉnh cơ quan"] + [
        "Đảng bộ " + a for a in AGENCIES[5:13]
    ]
    cs = [org_counts(R.randint(1010, 1480) if i < 3 else R.randint(40, 160)) for i in range(len(names))]
    tot = total_counts(cs)
    head = [
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

    def line(c: dict) -> list:
        return [vn_int(present(c)), vn_int(c["exempt"]), vn_int(c["not_rated"]), *(vn_int(c[t]) for t in TIERS)]

    rows = [["SỐ LIỆU XẾP LOẠI ĐẢNG VIÊN NĂM 2021"] + [""] * 8, head]
    for i, (nm, c) in enumerate(zip(names, cs), 1):
        rows.append([i, nm, *line(c)])
    rows.append(["", "Tổng cộng", *line(tot)])
    write_csv("n01_so_co_dau_cham_hang_nghin_2021.csv", rows, delimiter=";", bom=True)
    expect(
        "n01_so_co_dau_cham_hang_nghin_2021.csv",
        "N,E",
        "member counts 2021 in a ';' CSV with BOM, counts over a thousand written with the thousands dot ('1.245')",
        counts_rows(2021, tot),
    )

    # n02: a count and its share in one cell, as a Word table copied into Excel: '5 (13,51%)'
    names = ["Chi bộ " + a for a in AGENCIES[16:28]]
    cs = [org_counts() for _ in names]
    tot = total_counts(cs)
    rows = [
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2020 (Số lượng và tỷ lệ so với số được đánh giá)"],
        [],
        ["STT", "Chi bộ", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá", *(FULL[t] for t in TIERS)],
    ]
    for i, (nm, c) in enumerate(zip(names, cs), 1):
        rated = rated_of(c)
        rows.append(
            [i, nm, present(c), c["exempt"], c["not_rated"], *(f"{c[t]} ({pct(c[t], rated)[:-1]}%)" for t in TIERS)]
        )
    xlsx(FILES / "n02_so_luong_va_ty_le_mot_o_2020.xlsx", [{"title": "2020", "rows": rows, "bold_rows": (3,)}])
    expect(
        "n02_so_luong_va_ty_le_mot_o_2020.xlsx",
        "N",
        "member counts 2020: each tier cell holds the count and its share, '5 (13,51%)', as a Word table pasted in",
        counts_rows(2020, tot),
    )

    # n03: counts typed as text in an .xlsx (a Google Sheets download), thousands dots, a 'Tổng số' row first
    names = [
        "Đảng bộ Cơ quan Ủy ban nhân dân tỉnh",
        "Đảng bộ Sở Giáo dục và Đào tạo",
        "Chi bộ Sở Nội vụ",
        "Chi bộ Sở Tư pháp",
        "Chi bộ Thanh tra tỉnh",
        "Đảng bộ Kho bạc Nhà nước khu vực",
    ]
    cs = [org_counts(R.randint(1002, 1200) if i == 0 else None) for i in range(len(names))]
    tot = total_counts(cs)
    rows = [
        ["THỐNG KÊ ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI NĂM 2023"],
        ["TT", "Tổ chức cơ sở đảng", "Tổng số ĐV", "Miễn ĐG", "Chưa ĐG", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [
            "",
            "Tổng số",
            vn_int(present(tot)),
            vn_int(tot["exempt"]),
            vn_int(tot["not_rated"]),
            *(vn_int(tot[t]) for t in TIERS),
        ],
    ]
    for i, (nm, c) in enumerate(zip(names, cs), 1):
        rows.append(
            [str(i), nm, vn_int(present(c)), str(c["exempt"]), str(c["not_rated"]), *(vn_int(c[t]) for t in TIERS)]
        )
    xlsx(FILES / "n03_google_sheets_so_dang_chu_2023.xlsx", [{"title": "Trang tính1", "rows": rows, "plain": True}])
    expect(
        "n03_google_sheets_so_dang_chu_2023.xlsx",
        "N,E",
        "member counts 2023 from Google Sheets: every cell text, counts with the thousands dot ('1.087'), the total first",
        counts_rows(2023, tot),
    )


# -- family F: footnote marks on labels, footnotes and the 'Nơi nhận' block under the table ------------
def fam_f() -> None:
    # f01: units 2019, two ratings 'HTXSNV (1)' with the footnote under the table, then 'Nơi nhận' and a signature
    us = [u for u in units(14, n_db=3, years=(2019,), offset=1) if u["kind"] != "CBTT"]
    rows = [
        *HEAD_BLOC,
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    marked = 0
    for i, u in enumerate(us, 1):
        t = u["tier"][2019]
        lab = FULL[t]
        if t == "top" and marked < 2:
            lab, marked = lab + " (1)", marked + 1
        rows.append([i, u["name"], lab, None])
    rows += [
        [],
        [
            None,
            '(1) Đề nghị Ban Thường vụ Tỉnh ủy tặng danh hiệu "Tổ chức cơ sở đảng trong sạch, vững mạnh tiêu biểu".',
        ],
        [],
        ["Nơi nhận:", None, "T/M BAN THƯỜNG VỤ"],
        ["- Ban Tổ chức Tỉnh ủy (b/c);", None, "PHÓ BÍ THƯ"],
        ["- Các TCCS đảng trực thuộc;", None, None],
        ["- Lưu VP, BTC.", None, "Trần Quốc Thái"],
    ]
    xlsx(FILES / "f01_chu_thich_so_noi_nhan_2019.xlsx", [{"title": "XL 2019", "rows": rows, "bold_rows": (6,)}])
    expect(
        "f01_chu_thich_so_noi_nhan_2019.xlsx",
        "F",
        "units 2019: two ratings carry a footnote mark 'Hoàn thành xuất sắc nhiệm vụ (1)' explained under the table; "
        "'Nơi nhận:' with '- Ban Tổ chức Tỉnh ủy (b/c);' lines beside the signature",
        unit_expect(us, 2019),
    )

    # f02: members 2020, an asterisk on the rating of members who came in during the year, explained below
    ms = members(21, exempt=1, not_rated=1)
    rows = [
        ["ĐẢNG BỘ SỞ CÔNG THƯƠNG"],
        ["CHI BỘ PHÒNG QUẢN LÝ THƯƠNG MẠI"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        lab = mlabel(s)
        if s in TIERS and i % 7 == 0:
            lab += "*"
        rows.append([i, m["name"], m["birth"], lab, None])
    rows += [
        [],
        ["(*) Đảng viên chuyển sinh hoạt đến trong năm, chi bộ nơi sinh hoạt trước đã nhận xét."],
        [],
        ["Nơi nhận:", None, None, "T/M CHI BỘ"],
        ["- Đảng ủy Sở;", None, None, "BÍ THƯ"],
        ["- Lưu Chi bộ.", None],
    ]
    xlsx(FILES / "f02_dau_sao_dang_vien_chuyen_den_2020.xlsx", [{"title": "Sheet1", "rows": rows, "bold_rows": (5,)}])
    expect(
        "f02_dau_sao_dang_vien_chuyen_den_2020.xlsx",
        "F",
        "members 2020: 'HTTNV*' for members who came in during the year, '(*) …' under the table, then 'Nơi nhận'",
        member_rows(2020, [m["status"] for m in ms]),
    )

    # f03: the summary written ABOVE the table as sentences ('- Hoàn thành xuất sắc nhiệm vụ: 04 tổ chức, chiếm 22,2%')
    us = [u for u in units(16, n_db=2, years=(2021,), offset=13) if u["kind"] != "CBTT"]
    c = {t: sum(u["tier"][2021] == t for u in us) for t in TIERS}
    rows = [
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        [],
        [f"Tổng số tổ chức cơ sở đảng được đánh giá, xếp loại: {len(us)}, trong đó:"],
        *([f"- {FULL[t]}: {c[t]:02d} tổ chức, chiếm {pct(c[t], len(us))[:-1]}%"] for t in TIERS),
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], FULL[u["tier"][2021]]])
    xlsx(FILES / "f03_tom_tat_cau_van_tren_bang_2021.xlsx", [{"title": "2021", "rows": rows, "bold_rows": (10,)}])
    expect(
        "f03_tom_tat_cau_van_tren_bang_2021.xlsx",
        "F",
        "units 2021: the summary first, as sentences above the table ('- Hoàn thành tốt nhiệm vụ: 09 tổ chức, chiếm "
        "52,94%'), then the list",
        unit_expect(us, 2021),
    )


# -- family W: one sheet per khối (bloc of host agencies), each with its own 'Cộng' -------------------
KHOI = ["Khối Đảng, Mặt trận và đoàn thể", "Khối Quản lý nhà nước", "Khối Sự nghiệp", "Khối Doanh nghiệp"]


def fam_w() -> None:
    def book(year: int, offset: int) -> tuple[list, list]:
        sheets, allu = [], []
        for k, khoi in enumerate(KHOI):
            us = [
                u for u in units(R.randint(4, 7), n_db=1, years=(year,), offset=offset + 7 * k) if u["kind"] != "CBTT"
            ]
            allu += us
            rows = [
                [f"KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM {year}"],
                [khoi.upper()],
                [],
                ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
            ]
            for i, u in enumerate(us, 1):
                rows.append([i, u["name"], ABBR[u["tier"][year]]])
            rows.append([None, f"Cộng {khoi.lower()}: {len(us)} tổ chức", None])
            sheets.append({"title": khoi.replace(",", "")[:31], "rows": rows, "bold_rows": (4,)})
        return sheets, allu

    sheets, allu = book(2022, 0)
    xlsx(FILES / "w01_moi_khoi_mot_sheet_2022.xlsx", sheets)
    expect(
        "w01_moi_khoi_mot_sheet_2022.xlsx",
        "W",
        "units 2022, one sheet per khối ('Khối Đảng Mặt trận và đoàn thể', 'Khối Quản lý nhà nước' …), each with the year "
        "in its title and a 'Cộng khối …: 6 tổ chức' row",
        unit_expect(allu, 2022),
    )
    sheets, allu = book(2018, 3)
    base = tmp_xlsx("w02_moi_khoi_mot_sheet_2018.xlsx")
    xlsx(base, sheets)
    convert(base, "xls:MS Excel 97", "w02_moi_khoi_mot_sheet_2018.xls")
    expect(
        "w02_moi_khoi_mot_sheet_2018.xls",
        "W,E",
        "units 2018, one sheet per khối saved by LibreOffice as .xls",
        unit_expect(allu, 2018),
    )

    # w03: one sheet per year named 'XL2021', 'XL2022', 'XL2023', titles without the year
    years = (2021, 2022, 2023)
    us = [u for u in units(13, n_db=2, years=years, offset=8) if u["kind"] != "CBTT"]
    sheets = []
    for y in years:
        rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG"], [], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]]
        for i, u in enumerate(us, 1):
            rows.append([i, u["name"], ABBR[u["tier"][y]]])
        sheets.append({"title": f"XL{y}", "rows": rows})
    xlsx(FILES / "w03_sheet_ten_xl2021_xl2023.xlsx", sheets)
    expect(
        "w03_sheet_ten_xl2021_xl2023.xlsx",
        "W",
        "units 2021-2023, one sheet per year named 'XL2021' … (the year glued to 'XL'), no year in the titles",
        [r for y in years for r in unit_expect(us, y)],
    )


# -- family R: where a careful person stops and asks ------------------------------------------------
def fam_r() -> None:
    # r01: tier sections, one organisation listed under two of them
    us = [u for u in units(12, years=(2022,), offset=2)]
    dup = next(u for u in us if u["tier"][2022] == "good")
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022"], [], ["STT", "Tên tổ chức cơ sở đảng"]]
    for k, t in enumerate(TIERS):
        group = [u for u in us if u["tier"][2022] == t] + ([dup] if t == "pass" else [])
        rows.append([ROMAN[k], FULL[t].upper()])
        for i, u in enumerate(group, 1):
            rows.append([i, u["name"]])
    xlsx(FILES / "r01_mot_to_chuc_o_hai_muc_2022.xlsx", [{"title": "2022", "rows": rows}])
    expect(
        "r01_mot_to_chuc_o_hai_muc_2022.xlsx",
        "R,A",
        "units 2022 under tier sections, one organisation listed under both HTTNV and HTNV",
        refused="the same organisation under two tiers in one year: a careful person asks which is right",
    )

    # r02: the same chi bộ's members in two sheets of one year, 'Lần 1' and 'Lần 2', ratings differing
    ms = members(15, exempt=0, not_rated=0)
    sheets = []
    for title, change in (("Lần 1", False), ("Lần 2", True)):
        rows = [["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023 - CHI BỘ SỞ NỘI VỤ"], [], ["STT", "Họ và tên", "Xếp loại"]]
        for i, m in enumerate(ms, 1):
            s = m["status"]
            rows.append([i, m["name"], ABBR[BETTER[s] if change and i in (2, 5) and s != "top" else s]])
        sheets.append({"title": title, "rows": rows})
    xlsx(FILES / "r02_hai_lan_xep_loai_cung_nam_2023.xlsx", sheets)
    expect(
        "r02_hai_lan_xep_loai_cung_nam_2023.xlsx",
        "R",
        "members 2023 in two sheets 'Lần 1' and 'Lần 2' of the same chi bộ, two ratings differing",
        refused="two versions of one year's list with different ratings and no word on which stands: a careful person asks",
    )


def main() -> None:
    if FILES.exists():
        shutil.rmtree(FILES)
    FILES.mkdir(parents=True)
    for fam in (fam_a, fam_b, fam_k, fam_p, fam_l, fam_t, fam_m, fam_s, fam_n, fam_f, fam_w, fam_r):
        fam()
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    missing = {p.name for p in FILES.iterdir()} ^ set(EXPECTED)
    assert not missing, missing
    print(f"{len(EXPECTED)} files written to {FILES}")


if __name__ == "__main__":
    main()
