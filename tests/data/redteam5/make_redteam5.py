"""The fifth red team of issue 18: realistic files in layouts no other test here has.

    python tests/data/redteam5/make_redteam5.py

Written WITHOUT reading the reader's code (only README.md, docs/, the domain brief, the READMEs of
redteam2/3/4, the shared kit and the names of the files the other corpora hold). Every figure in
expected.json is counted from this generator's own model — the organisations and members it
writes, each with its tier or status — never from ccq-stats. Seeded: a re-run writes the same
cells (the .ods/.xls files and the .xlsx saved through LibreOffice are converted by headless
LibreOffice, which stamps its own metadata inside; same content). The province is "Đông Hải",
fictional like every name here.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
sys.path.insert(0, str(HERE.parent))  # the helpers the red-team generators share
import redteam_kit  # noqa: E402
from redteam_kit import (  # noqa: E402
    ABBR,
    EXPECTED,
    FULL,
    TIERS,
    UNIT_OLD,
    R,
    convert,
    expect,
    member_rows,
    members,
    unit_expect,
    unit_rows,
    units,
    write_csv,
    xlsx,
)

redteam_kit.start(HERE, seed=20261209, province="Đông Hải")

STATUS_WORD = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}
POSTS = ("Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Kế toán", "Nhân viên")


def mlabel(s: str, short: bool = True) -> str:
    """A member's rating or status as the lists write it."""
    if s in TIERS:
        return ABBR[s] if short else FULL[s]
    return STATUS_WORD[s]


def grassroots(us: list) -> list:
    return [u for u in us if u["kind"] != "CBTT"]


def tmp(name: str) -> Path:
    return Path(tempfile.mkdtemp()) / name


def mstat(ms: list) -> list:
    return [m["status"] for m in ms]


def by_tier(ms: list, order=(*TIERS, "exempt", "not_rated")) -> list:
    return sorted(ms, key=lambda m: order.index(m["status"]))


# -- family PG: printed lists, the header repeated at each page and "Trang 2/5" lines --------------
def fam_pg() -> None:
    # pg01: members 2023 of a đảng bộ, 3 chi bộ, 25 rows a page, "Trang k/n" under each page, header again
    cbs = ["Chi bộ Văn phòng", "Chi bộ khoa Nội", "Chi bộ khoa Ngoại"]
    ms = []
    for cb in cbs:
        for m in members(R.randint(20, 26), exempt=R.randint(0, 2), not_rated=R.randint(0, 1)):
            ms.append({**m, "cb": cb})
    head = ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại", "Ghi chú"]
    pages = [ms[i : i + 25] for i in range(0, len(ms), 25)]
    rows = [
        ["ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH ĐÔNG HẢI"],
        ["DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2023"],
        [],
    ]
    n = 0
    for k, page in enumerate(pages, 1):
        rows.append(head)
        for m in page:
            n += 1
            note = "Tuổi cao, sức yếu" if m["status"] == "exempt" else None
            rows.append([n, m["name"], m["birth"], m["cb"], mlabel(m["status"]), note])
        rows.append([None, None, None, f"Trang {k}/{len(pages)}"])
    xlsx(FILES / "pg01_in_lap_tieu_de_trang_k_n_2023.xlsx", [{"title": "In", "rows": rows, "bold_rows": (4,)}])
    expect(
        "pg01_in_lap_tieu_de_trang_k_n_2023.xlsx",
        "PG",
        "members 2023 of a đảng bộ laid out for printing: the header row repeated at the top of each "
        "25-row page, a 'Trang 2/3' line under each page",
        member_rows(2023, mstat(ms)),
    )

    # pg02: units 2021, an index row "(1) (2) (3)" under a header repeated each page and "- 2 -" page numbers; .xls
    us = grassroots(units(26, n_db=4, years=(2021,), offset=3))
    rows = [["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"], ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"], []]
    for k in range(0, len(us), 15):
        if k:
            rows.append([None, f"- {k // 15 + 1} -"])
        rows += [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"], ["(1)", "(2)", "(3)", "(4)"]]
        for i, u in enumerate(us[k : k + 15], k + 1):
            rows.append([i, u["name"], ABBR[u["tier"][2021]], None])
    base = tmp("pg02.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows}])
    convert(base, "xls:MS Excel 97", "pg02_in_lap_tieu_de_va_dong_chi_so_2021.xls")
    expect(
        "pg02_in_lap_tieu_de_va_dong_chi_so_2021.xls",
        "PG,E",
        "units 2021 in three printed pages: header and index row '(1) (2) (3) (4)' repeated, '- 2 -' page "
        "numbers between pages; saved by LibreOffice as .xls",
        unit_expect(us, 2021),
    )

    # pg03: members 2024 in a ',' CSV with BOM printed from the software: 'Trang 1/3' lines then the header again
    ms = members(52, exempt=2, not_rated=1)
    head = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Kết quả xếp loại năm 2024"]
    rows = [["DANH SÁCH ĐẢNG VIÊN - ĐẢNG BỘ SỞ TÀI CHÍNH", "", "", "", ""]]
    pages = [ms[i : i + 20] for i in range(0, len(ms), 20)]
    n = 0
    for k, page in enumerate(pages, 1):
        rows.append(head)
        for m in page:
            n += 1
            cb = R.choice(("Chi bộ Văn phòng", "Chi bộ phòng Ngân sách", "Chi bộ phòng Đầu tư"))
            rows.append(
                [n, m["name"], f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{m['birth']}", cb, mlabel(m["status"])]
            )
        rows.append([f"Trang {k}/{len(pages)}", "", "", "", ""])
    write_csv("pg03_csv_lap_tieu_de_trang_2024.csv", rows, bom=True)
    expect(
        "pg03_csv_lap_tieu_de_trang_2024.csv",
        "PG",
        "members 2024 in a ',' CSV with BOM as the software prints it: 'Trang 1/3' alone in the first cell, then the "
        "header row again",
        member_rows(2024, mstat(ms)),
    )


# -- family CT: members grouped by chi bộ with "Cộng chi bộ …" subtotal rows ------------------------
def fam_ct() -> None:
    # ct01: tick columns; under each chi bộ a 'Cộng chi bộ …' row with the counts in the tick columns
    cbs = ["Chi bộ Văn phòng", "Chi bộ phòng Nghiệp vụ", "Chi bộ Trung tâm Dịch vụ"]
    allm = []
    rows = [
        ["ĐẢNG BỘ SỞ NỘI VỤ"],
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        [],
        ["STT", "Họ và tên", "Chức vụ", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Ghi chú"],
    ]
    for k, cb in enumerate(cbs, 1):
        ms = members(R.randint(8, 14), exempt=R.choice((0, 1)), not_rated=0)
        allm += ms
        rows.append([["I", "II", "III"][k - 1], cb.upper()])
        for i, m in enumerate(ms, 1):
            tick = [("x" if m["status"] == t else None) for t in TIERS]
            rows.append([i, m["name"], R.choice(POSTS), *tick, "Miễn đánh giá" if m["status"] == "exempt" else None])
        rows.append(
            [
                None,
                f"Cộng {cb[0].lower()}{cb[1:]}",
                None,
                *[sum(m["status"] == t for m in ms) or None for t in TIERS],
                None,
            ]
        )
    rows.append([None, "TỔNG CỘNG", None, *[sum(m["status"] == t for m in allm) for t in TIERS], None])
    xlsx(FILES / "ct01_danh_dau_cong_chi_bo_2022.xlsx", [{"title": "2022", "rows": rows, "bold_rows": (4,)}])
    expect(
        "ct01_danh_dau_cong_chi_bo_2022.xlsx",
        "CT",
        "members 2022 ticked 'x' under HTXSNV … KHTNV, grouped under Roman chi bộ headings, each group closed by "
        "'Cộng chi bộ …' with the counts in the tick columns, 'TỔNG CỘNG' last; exempt said in Ghi chú",
        member_rows(2022, mstat(allm)),
    )

    # ct02: a rating column; the chi bộ in a column, 'Cộng chi bộ X: 12 đ/c' in the name cell; .ods
    allm = []
    rows = [
        ["ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
        [],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
    ]
    n = 0
    for cb in ("Chi bộ Văn phòng", "Chi bộ Thanh tra", "Chi bộ phòng Kế hoạch - Tài chính"):
        ms = members(R.randint(7, 12), exempt=R.choice((0, 1)), not_rated=R.choice((0, 1)))
        allm += ms
        for m in ms:
            n += 1
            rows.append([n, m["name"], cb, mlabel(m["status"])])
        rows.append([None, f"Cộng {cb.lower()}: {len(ms)} đ/c", None, None])
    base = tmp("ct02.xlsx")
    xlsx(base, [{"title": "Năm 2020", "rows": rows}])
    convert(base, "ods", "ct02_cong_chi_bo_so_dong_chi_2020.ods")
    expect(
        "ct02_cong_chi_bo_so_dong_chi_2020.ods",
        "CT,E",
        "members 2020 with a Chi bộ column, each chi bộ closed by 'Cộng chi bộ văn phòng: 9 đ/c' in the name column; .ods",
        member_rows(2020, mstat(allm)),
    )


# -- family SP: ratings typed inconsistently in one column ---------------------------------------
def fam_sp() -> None:
    variants = {
        "top": ["HTXSNV", "htxsnv", "HTXS NV", "H.T.X.S.N.V", "Hoàn thành xuất sắc", "HT xuất sắc NV", "HTXSNV."],
        "good": ["HTTNV", "HTT NV", "Htt nv", "H.T.T.N.V", "Hoàn thành tốt", "HT tốt NV", "hoàn thành tốt nhiệm vụ"],
        "pass": ["HTNV", "HT NV", "H.T.N.V", "Hoàn thành NV", "hoàn thành nhiệm vụ."],
        "fail": ["KHTNV", "Không HTNV", "K.H.T.N.V", "Không hoàn thành"],
    }
    us = grassroots(units(26, n_db=3, years=(2021,), offset=5))
    rows = [["KẾT QUẢ XẾP LOẠI CÁC TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"], [], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], variants[u["tier"][2021]][i % len(variants[u["tier"][2021]])]])
    xlsx(FILES / "sp01_nhan_go_lung_tung_2021.xlsx", [{"title": "Tổng hợp", "rows": rows}])
    expect(
        "sp01_nhan_go_lung_tung_2021.xlsx",
        "SP",
        "units 2021, the rating typed every way in one column: 'htxsnv', 'HTT NV', 'H.T.T.N.V', 'Hoàn thành tốt', "
        "'HT tốt NV', 'HTXSNV.', 'Không HTNV'",
        unit_expect(us, 2021),
    )

    # sp02: members 2019 in a ';' CSV typed without diacritics and in every case
    nod = {
        "top": ["Hoan thanh xuat sac nhiem vu", "HOAN THANH XUAT SAC NV", "xuat sac"],
        "good": ["Hoan thanh tot nhiem vu", "hoan thanh tot", "HTT NV", "Hoàn Thành Tốt Nhiệm Vụ"],
        "pass": ["Hoan thanh nhiem vu", "hoàn thành nv"],
        "fail": ["Khong hoan thanh nhiem vu"],
        "exempt": ["Mien danh gia", "miễn ĐG"],
        "not_rated": ["Chua danh gia"],
    }
    ms = members(28, exempt=2, not_rated=1)
    rows = [
        ["DANH SACH DANG VIEN CHI BO SO TU PHAP - XEP LOAI NAM 2019", "", "", ""],
        ["STT", "Ho va ten", "Nam sinh", "Xep loai"],
    ]
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], m["birth"], nod[m["status"]][i % len(nod[m["status"]])]])
    write_csv("sp02_khong_dau_hoa_thuong_cham_phay_2019.csv", rows, delimiter=";")
    expect(
        "sp02_khong_dau_hoa_thuong_cham_phay_2019.csv",
        "SP",
        "members 2019 in a ';' CSV, headers without diacritics ('Ho va ten', 'Xep loai'), ratings in every case with "
        "and without diacritics ('hoan thanh tot', 'HOAN THANH XUAT SAC NV', 'xuat sac', 'miễn ĐG')",
        member_rows(2019, mstat(ms)),
    )

    # sp03: the old scale 2016 typed loosely: 'TSVM', 'T.S.V.M', 'Trong sạch VM', 'HTTNV', 'HT NV', 'Yếu kém'
    old = {
        "top": ["Trong sạch, vững mạnh", "TSVM", "T.S.V.M", "Trong sạch VM", "trong sạch vững mạnh"],
        "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "HTT NV", "Hoàn thành tốt"],
        "pass": ["Hoàn thành nhiệm vụ", "HTNV", "HT NV"],
        "fail": ["Yếu kém", "yếu kém"],
    }
    us = grassroots(units(22, n_db=2, years=(2016,), offset=11))
    rows = [
        ["ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH"],
        ["KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG TCCS ĐẢNG NĂM 2016"],
        [],
        ["TT", "Tổ chức cơ sở đảng", "Kết quả"],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], old[u["tier"][2016]][i % len(old[u["tier"][2016]])]])
    xlsx(FILES / "sp03_thang_cu_go_tat_2016.xlsx", [{"title": "KQ", "rows": rows}])
    expect(
        "sp03_thang_cu_go_tat_2016.xlsx",
        "SP",
        "units 2016 (old scale) typed loosely: 'TSVM', 'T.S.V.M', 'Trong sạch VM', 'HTT NV', 'HT NV', 'yếu kém'",
        unit_expect(us, 2016),
    )


# -- family MG: the rating in a cell merged down over the rows it rates ----------------------------
def _merged_groups(items, key, first_row: int, col: str, label) -> tuple[list, list]:
    """Rows sorted by tier; the tier written once and merged down over its group."""
    rows, merges, r = [], [], first_row
    order = (*TIERS, "exempt", "not_rated")
    for t in order:
        group = [x for x in items if key(x) == t]
        if not group:
            continue
        for k, x in enumerate(group):
            rows.append((x, label(t) if k == 0 else None))
        if len(group) > 1:
            merges.append(f"{col}{r}:{col}{r + len(group) - 1}")
        r += len(group)
    return rows, merges


def fam_mg() -> None:
    # mg01: one chi bộ's members 2022 sorted by tier, the rating merged down over each group
    ms = members(22, exempt=1, not_rated=1)
    top = [
        ["CHI BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        [],
        ["STT", "Họ và tên", "Chức vụ", "Xếp loại"],
    ]
    grp, merges = _merged_groups(ms, lambda m: m["status"], len(top) + 1, "D", lambda t: mlabel(t, short=False))
    rows = top + [[i, m["name"], R.choice(POSTS), lab] for i, (m, lab) in enumerate(grp, 1)]
    xlsx(FILES / "mg01_xep_loai_gop_o_theo_nhom_2022.xlsx", [{"title": "2022", "rows": rows, "merges": merges}])
    expect(
        "mg01_xep_loai_gop_o_theo_nhom_2022.xlsx",
        "MG",
        "one chi bộ's members 2022 sorted by tier, the rating written once and merged down over the members of that tier "
        "(also 'Miễn đánh giá', 'Chưa đánh giá'); the chi bộ only in the title",
        member_rows(2022, mstat(ms)),
    )

    # mg02: units 2020 sorted by tier, the rating merged down; .ods
    us = grassroots(units(19, n_db=2, years=(2020,), offset=9))
    top = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"], [], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]]
    grp, merges = _merged_groups(us, lambda u: u["tier"][2020], len(top) + 1, "C", lambda t: ABBR[t])
    rows = top + [[i, u["name"], lab] for i, (u, lab) in enumerate(grp, 1)]
    base = tmp("mg02.xlsx")
    xlsx(base, [{"title": "2020", "rows": rows, "merges": merges}])
    convert(base, "ods", "mg02_to_chuc_xep_loai_gop_o_2020.ods")
    expect(
        "mg02_to_chuc_xep_loai_gop_o_2020.ods",
        "MG,E",
        "units 2020 sorted by tier, the rating merged down over each group; .ods",
        unit_expect(us, 2020),
    )

    # mg03: members of a đảng bộ 2023, the chi bộ merged down over its members and the rating merged down inside it; .xls
    rows = [
        ["ĐẢNG BỘ SỞ Y TẾ"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Chi bộ", "Họ và tên", "Xếp loại"],
    ]
    merges, allm, n = [], [], 0
    for cb in ("Chi bộ Văn phòng", "Chi bộ phòng Nghiệp vụ", "Chi bộ Thanh tra"):
        ms = members(R.randint(6, 10), exempt=R.choice((0, 1)), not_rated=0)
        allm += ms
        first = len(rows) + 1
        grp, mm = _merged_groups(ms, lambda m: m["status"], first, "D", mlabel)
        merges += mm + [f"B{first}:B{first + len(ms) - 1}"]
        for k, (m, lab) in enumerate(grp):
            n += 1
            rows.append([n, cb if k == 0 else None, m["name"], lab])
    base = tmp("mg03.xlsx")
    xlsx(base, [{"title": "DS", "rows": rows, "merges": merges}])
    convert(base, "xls:MS Excel 97", "mg03_chi_bo_va_xep_loai_gop_o_2023.xls")
    expect(
        "mg03_chi_bo_va_xep_loai_gop_o_2023.xls",
        "MG,E",
        "members 2023 of three chi bộ: the chi bộ merged down over its members, the rating merged down over each tier "
        "inside it; .xls by LibreOffice",
        member_rows(2023, mstat(allm)),
    )


# -- family TK: ticks in every glyph ---------------------------------------------------------------
def fam_tk() -> None:
    # tk01: members 2024 ticked '✓'
    ms = members(26, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ TRƯỜNG CHÍNH TRỊ TỈNH"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn đánh giá", "Chưa đánh giá"],
    ]
    cols = (*TIERS, "exempt", "not_rated")
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], *[("✓" if m["status"] == c else None) for c in cols]])
    xlsx(FILES / "tk01_dau_tich_check_2024.xlsx", [{"title": "2024", "rows": rows, "bold_rows": (4,)}])
    expect(
        "tk01_dau_tich_check_2024.xlsx",
        "TK",
        "members 2024 ticked '✓' (U+2713) under HTXSNV … KHTNV, 'Miễn đánh giá', 'Chưa đánh giá'",
        member_rows(2024, mstat(ms)),
    )

    # tk02: units 2019 ticked 'X', 'x' or '√' as each typist had it
    us = grassroots(units(21, n_db=3, years=(2019,), offset=4))
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        [],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Hoàn thành tốt nhiệm vụ",
            "Hoàn thành nhiệm vụ",
            "Không hoàn thành nhiệm vụ",
        ],
    ]
    for i, u in enumerate(us, 1):
        glyph = ("X", "x", "√")[i % 3]
        rows.append([i, u["name"], *[(glyph if u["tier"][2019] == t else None) for t in TIERS]])
    xlsx(FILES / "tk02_dau_x_hoa_thuong_can_2019.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "tk02_dau_x_hoa_thuong_can_2019.xlsx",
        "TK",
        "units 2019 ticked 'X', 'x' or '√' (U+221A) under the four full tier headers",
        unit_expect(us, 2019),
    )

    # tk03: a tab-separated .csv, a 1 under the tier, 0 under the others (the software's 'boolean' export)
    ms = members(31, exempt=0, not_rated=0)
    rows = [["Họ và tên", "Chi bộ", "Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]]
    for m in ms:
        rows.append([m["name"], "Chi bộ Báo Đông Hải", 2021, *[(1 if m["status"] == t else 0) for t in TIERS]])
    write_csv("tk03_tab_mot_khong_2021.csv", rows, delimiter="\t")
    expect(
        "tk03_tab_mot_khong_2021.csv",
        "TK",
        "members 2021 in a tab-separated CSV: a 1 under the member's tier and 0 under the other three, a Năm column",
        member_rows(2021, mstat(ms)),
    )

    # tk04: units 2023 ticks; one organisation formed in October: a cell merged across the four tick columns says why
    us = grassroots(units(16, n_db=2, years=(2023,), offset=13))
    new = {"name": "Chi bộ Trung tâm Phục vụ hành chính công", "kind": "CBCS", "parent": None, "tier": {2023: None}}
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    ]
    merges = []
    allu = us[:9] + [new] + us[9:]
    for i, u in enumerate(allu, 1):
        if u is new:
            rows.append([i, u["name"], "Chưa xếp loại (thành lập tháng 10/2023)", None, None, None])
            merges.append(f"C{len(rows)}:F{len(rows)}")
        else:
            rows.append([i, u["name"], *[("x" if u["tier"][2023] == t else None) for t in TIERS]])
    xlsx(FILES / "tk04_o_gop_ngang_chua_xep_loai_2023.xlsx", [{"title": "2023", "rows": rows, "merges": merges}])
    expect(
        "tk04_o_gop_ngang_chua_xep_loai_2023.xlsx",
        "TK",
        "units 2023 ticked 'x'; for one organisation formed in October a cell merged across the four tick columns says "
        "'Chưa xếp loại (thành lập tháng 10/2023)' (not rated)",
        unit_rows(2023, [u["tier"][2023] for u in allu]),
    )


# -- family EN: what Windows Excel writes when asked for "CSV" ------------------------------------
def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Excel writes it: letters the code page has, tone marks as combining characters."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in d[1:] if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", d[0] + "".join(c for c in d[1:] if c not in tones))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def fam_en() -> None:
    # en01: units 2017 (old scale, full labels) in Windows-1258 with ';' (Excel on Vietnamese Windows), CRLF
    us = grassroots(units(18, n_db=3, years=(2017,), offset=16))
    lines = [
        "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2017;;;",
        "STT;Tên tổ chức cơ sở đảng;Xếp loại;Ghi chú",
    ]
    for i, u in enumerate(us, 1):
        lines.append(f"{i};{u['name']};{UNIT_OLD[u['tier'][2017]]};")
    (FILES / "en01_excel_csv_cp1258_cham_phay_2017.csv").write_bytes(to_cp1258("\r\n".join(lines) + "\r\n"))
    expect(
        "en01_excel_csv_cp1258_cham_phay_2017.csv",
        "EN",
        "units 2017 (old scale, full labels with commas inside: 'Trong sạch, vững mạnh') in Windows-1258 with ';', as "
        "Excel on a Vietnamese Windows saves 'CSV'; tone marks as combining characters",
        unit_expect(us, 2017),
    )

    # en02: members 2022 saved as 'CSV' by an Excel on a Western code page: every letter it lacks became '?'
    ms = members(20, exempt=1, not_rated=0)
    lines = ["STT,Họ và tên,Chi bộ,Xếp loại"]
    for i, m in enumerate(ms, 1):
        lines.append(f"{i},{m['name']},Chi bộ Sở Xây dựng,{mlabel(m['status'], short=False)}")
    (FILES / "en02_excel_csv_mat_chu_dau_hoi_2022.csv").write_bytes(
        ("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace")
    )
    expect(
        "en02_excel_csv_mat_chu_dau_hoi_2022.csv",
        "EN,RR",
        "members 2022 saved by an Excel on a Western code page: 'Ho?n th?nh t?t nhi?m v?', 'Nguy?n Th? H?ng' — every "
        "Vietnamese letter cp1252 lacks became '?'",
        refused="the file lost letters on saving ('X?p lo?i', names like 'Nguy?n Th? H?ng'): a careful person asks "
        "for the original workbook rather than guess",
    )

    # en03: Excel's 'sep=;' first line, UTF-8 with BOM
    us = grassroots(units(15, n_db=2, years=(2024,), offset=20))
    rows = [["sep=;"], ["Tên tổ chức cơ sở đảng", "Năm", "Kết quả xếp loại"]]
    rows += [[u["name"], 2024, FULL[u["tier"][2024]]] for u in us]
    write_csv("en03_dong_sep_cham_phay_2024.csv", rows, delimiter=";", bom=True)
    expect(
        "en03_dong_sep_cham_phay_2024.csv",
        "EN",
        "units 2024 in a ';' CSV whose first line is Excel's 'sep=;' (so that Excel opens it right everywhere)",
        unit_expect(us, 2024),
    )


# -- family SR: dates as Excel serial numbers ------------------------------------------------------
def serial(y: int, m: int, d: int) -> int:
    from datetime import date

    return (date(y, m, d) - date(1899, 12, 30)).days


def fam_sr() -> None:
    # sr01: the software's member list pasted as values: dates as serials, the rating far right
    ms = members(24, exempt=1, not_rated=1)
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN VÀ KẾT QUẢ XẾP LOẠI NĂM 2022"],
        ["Đơn vị: Chi bộ Thanh tra tỉnh"],
        [],
        [
            "STT",
            "Mã ĐV",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Ngày vào Đảng",
            "Ngày chính thức",
            "Số thẻ",
            "Xếp loại",
        ],
    ]
    for i, m in enumerate(ms, 1):
        j = serial(R.randint(1988, 2018), R.randint(1, 12), R.randint(1, 28))
        rows.append(
            [
                i,
                f"44.01.{R.randint(100000, 999999)}",
                m["name"],
                serial(m["birth"], R.randint(1, 12), R.randint(1, 28)),
                R.choice(("Nam", "Nữ")),
                j,
                j + 365,
                f"{R.randint(10000000, 99999999)}",
                mlabel(m["status"]),
            ]
        )
    xlsx(FILES / "sr01_ngay_so_serial_excel_2022.xlsx", [{"title": "DanhSach", "rows": rows}])
    expect(
        "sr01_ngay_so_serial_excel_2022.xlsx",
        "SR",
        "members 2022 pasted from the database software as values: Ngày sinh, Ngày vào Đảng, Ngày chính thức as bare "
        "Excel serials (32874 …), the rating far right",
        member_rows(2022, mstat(ms)),
    )

    # sr02: units 2023 with 'Ngày quyết định' as a serial in January 2024 — the decision's date is not the rating year
    us = grassroots(units(17, n_db=2, years=(2023,), offset=6))
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Số quyết định", "Ngày quyết định"],
    ]
    for i, u in enumerate(us, 1):
        rows.append(
            [i, u["name"], ABBR[u["tier"][2023]], f"{R.randint(100, 400)}-QĐ/ĐUK", serial(2024, 1, R.randint(10, 25))]
        )
    xlsx(FILES / "sr02_ngay_quyet_dinh_serial_2023.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "sr02_ngay_quyet_dinh_serial_2023.xlsx",
        "SR",
        "units 2023 with 'Ngày quyết định' as bare serials of January 2024 (45301 …) beside the rating; title says 2023",
        unit_expect(us, 2023),
    )

    # sr03: a ',' CSV from a macro: the year in a Năm column, dates as serials
    ms = members(27, exempt=2, not_rated=0)
    rows = [["Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Đơn vị", "Năm", "Xếp loại"]]
    for m in ms:
        rows.append(
            [
                m["name"],
                serial(m["birth"], R.randint(1, 12), R.randint(1, 28)),
                serial(R.randint(1990, 2019), R.randint(1, 12), R.randint(1, 28)),
                "Chi bộ Hội Nông dân tỉnh",
                2024,
                mlabel(m["status"]),
            ]
        )
    write_csv("sr03_csv_ngay_so_serial_2024.csv", rows)
    expect(
        "sr03_csv_ngay_so_serial_2024.csv",
        "SR",
        "members 2024 in a ',' CSV written by a macro: Ngày sinh and Ngày vào Đảng as serials, a Năm column",
        member_rows(2024, mstat(ms)),
    )


# -- family SB: two tables side by side on one sheet -----------------------------------------------
def fam_sb() -> None:
    # sb01: units 2022: Khối Đảng left, Khối Nhà nước right, an empty column between, one title over both
    left = grassroots(units(9, n_db=1, years=(2022,), offset=0))
    right = grassroots(units(12, n_db=2, years=(2022,), offset=10))
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022"],
        [],
        ["KHỐI ĐẢNG, ĐOÀN THỂ", None, None, None, "KHỐI NHÀ NƯỚC"],
    ]
    head = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]
    rows.append([*head, None, *head])
    for i in range(max(len(left), len(right))):
        a = [i + 1, left[i]["name"], ABBR[left[i]["tier"][2022]]] if i < len(left) else [None] * 3
        b = [i + 1, right[i]["name"], ABBR[right[i]["tier"][2022]]] if i < len(right) else [None] * 3
        rows.append([*a, None, *b])
    xlsx(
        FILES / "sb01_hai_bang_canh_nhau_cot_trong_2022.xlsx",
        [{"title": "2022", "rows": rows, "widths": {"B": 34, "F": 34}}],
    )
    expect(
        "sb01_hai_bang_canh_nhau_cot_trong_2022.xlsx",
        "SB",
        "units 2022 in two tables side by side (Khối Đảng left, Khối Nhà nước right), an empty column between, one "
        "title over both; the right one longer",
        unit_expect(left + right, 2022),
    )

    # sb02: members of two chi bộ side by side, no empty column between, each block under its merged chi bộ name
    a, b = members(13, exempt=1, not_rated=0), members(11, exempt=0, not_rated=1)
    rows = [
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        ["Chi bộ Văn phòng", None, None, "Chi bộ phòng Nghiệp vụ"],
        ["STT", "Họ và tên", "Xếp loại", "STT", "Họ và tên", "Xếp loại"],
    ]
    for i in range(max(len(a), len(b))):
        x = [i + 1, a[i]["name"], mlabel(a[i]["status"])] if i < len(a) else [None] * 3
        y = [i + 1, b[i]["name"], mlabel(b[i]["status"])] if i < len(b) else [None] * 3
        rows.append(x + y)
    xlsx(
        FILES / "sb02_hai_chi_bo_canh_nhau_2021.xlsx",
        [{"title": "DS", "rows": rows, "merges": ["A2:C2", "D2:F2"], "widths": {"B": 28, "E": 28}}],
    )
    expect(
        "sb02_hai_chi_bo_canh_nhau_2021.xlsx",
        "SB",
        "members 2021 of two chi bộ side by side with no empty column between, each block under its chi bộ name merged "
        "over its three columns",
        member_rows(2021, mstat(a) + mstat(b)),
    )

    # sb03: two years side by side: the 2022 table left, the 2023 table right, each with its own year title; .ods
    us = grassroots(units(14, n_db=2, years=(2022, 2023), offset=4))
    rows = [["KẾT QUẢ XẾP LOẠI NĂM 2022", None, None, None, "KẾT QUẢ XẾP LOẠI NĂM 2023"], []]
    head = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]
    rows.append([*head, None, *head])
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], ABBR[u["tier"][2022]], None, i, u["name"], ABBR[u["tier"][2023]]])
    base = tmp("sb03.xlsx")
    xlsx(base, [{"title": "2022-2023", "rows": rows, "merges": ["A1:C1", "E1:G1"]}])
    convert(base, "ods", "sb03_hai_nam_canh_nhau_2022_2023.ods")
    expect(
        "sb03_hai_nam_canh_nhau_2022_2023.ods",
        "SB,E",
        "units in two tables side by side, 'KẾT QUẢ XẾP LOẠI NĂM 2022' over the left and '… NĂM 2023' over the right, an "
        "empty column between; .ods",
        unit_expect(us, 2022) + unit_expect(us, 2023),
    )


# -- family SD: a summary and the detail of the same year in one file ------------------------------
def fam_sd() -> None:
    # sd01: a 'Tổng hợp' sheet of tier counts and the 'Danh sách' sheet: they disagree (two organisations)
    us = grassroots(units(24, n_db=3, years=(2022,), offset=2))
    c = {t: sum(u["tier"][2022] == t for u in us) for t in TIERS}
    told = dict(c)
    told["top"] += 2
    told["good"] -= 2
    summary = [
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022"],
        [],
        ["TT", "Mức xếp loại", "Số lượng", "Tỷ lệ (%)"],
        *[[k, FULL[t], told[t], round(100 * told[t] / len(us), 2)] for k, t in enumerate(TIERS, 1)],
        [None, "Tổng cộng", len(us), 100],
    ]
    detail = [["DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG XẾP LOẠI NĂM 2022"], [], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]]
    detail += [[i, u["name"], ABBR[u["tier"][2022]]] for i, u in enumerate(us, 1)]
    xlsx(
        FILES / "sd01_tong_hop_lech_danh_sach_2022.xlsx",
        [{"title": "Tổng hợp", "rows": summary}, {"title": "Danh sách", "rows": detail}],
    )
    expect(
        "sd01_tong_hop_lech_danh_sach_2022.xlsx",
        "SD,RR",
        f"units 2022: a 'Tổng hợp' sheet says HTXSNV {told['top']}, HTTNV {told['good']}; the 'Danh sách' sheet lists "
        f"{c['top']} and {c['good']}",
        refused="the summary and the list of the same year disagree (two organisations moved from HTTNV to HTXSNV): a "
        "careful person asks which was decided",
    )

    # sd02: one sheet: the tier counts first as a small table, then the list; they agree
    ms = members(33, exempt=2, not_rated=1)
    c = {s: sum(m["status"] == s for m in ms) for s in (*TIERS, "exempt", "not_rated")}
    rows = [
        ["CHI BỘ SỞ CÔNG THƯƠNG"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        ["I. TỔNG HỢP"],
        ["Tổng số đảng viên", len(ms)],
        *[[mlabel(s, short=False), c[s]] for s in (*TIERS, "exempt", "not_rated")],
        [],
        ["II. DANH SÁCH"],
        ["STT", "Họ và tên", "Chức vụ", "Xếp loại"],
    ]
    rows += [[i, m["name"], R.choice(POSTS), mlabel(m["status"])] for i, m in enumerate(ms, 1)]
    xlsx(FILES / "sd02_tong_hop_tren_danh_sach_duoi_2023.xlsx", [{"title": "2023", "rows": rows}])
    expect(
        "sd02_tong_hop_tren_danh_sach_duoi_2023.xlsx",
        "SD",
        "one chi bộ's members 2023: 'I. TỔNG HỢP' (label | count rows) above 'II. DANH SÁCH' (the list); they agree, "
        "the list counts once",
        member_rows(2023, mstat(ms)),
    )


# -- family KH: the code key inside the header cell ------------------------------------------------
def fam_kh() -> None:
    us = grassroots(units(20, n_db=2, years=(2021,), offset=14))
    code = {"top": 1, "good": 2, "pass": 3, "fail": 4}
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại (1: HTXSNV; 2: HTTNV; 3: HTNV; 4: KHTNV)"],
    ]
    rows += [[i, u["name"], code[u["tier"][2021]]] for i, u in enumerate(us, 1)]
    xlsx(FILES / "kh01_ma_so_chu_giai_trong_tieu_de_cot_2021.xlsx", [{"title": "2021", "rows": rows}])
    expect(
        "kh01_ma_so_chu_giai_trong_tieu_de_cot_2021.xlsx",
        "KH",
        "units 2021 rated 1-4, the key inside the header cell: 'Xếp loại (1: HTXSNV; 2: HTTNV; 3: HTNV; 4: KHTNV)'",
        unit_expect(us, 2021),
    )

    ms = members(29, exempt=2, not_rated=1)
    letter = {"top": "A", "good": "B", "pass": "C", "fail": "D", "exempt": "M", "not_rated": "-"}
    rows = [
        ["ĐẢNG BỘ SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG - CHI BỘ PHÒNG NGHIỆP VỤ"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        [
            "STT",
            "Họ và tên",
            "Năm sinh",
            'Mức xếp loại (A - HTXSNV, B - HTTNV, C - HTNV, D - KHTNV, M - Miễn, "-" - Chưa đánh giá)',
        ],
    ]
    rows += [[i, m["name"], m["birth"], letter[m["status"]]] for i, m in enumerate(ms, 1)]
    xlsx(FILES / "kh02_chu_cai_a_b_c_d_chu_giai_tieu_de_2023.xlsx", [{"title": "DS", "rows": rows}])
    expect(
        "kh02_chu_cai_a_b_c_d_chu_giai_tieu_de_2023.xlsx",
        "KH",
        "members 2023 rated A/B/C/D, 'M' exempt and '-' not rated, the key inside the header cell",
        member_rows(2023, mstat(ms)),
    )


# -- family VT: vote tallies beside the result -----------------------------------------------------
def votes_for(tier: str, voters: int) -> list:
    """Votes per tier (top … fail) with the majority on `tier`."""
    v = dict.fromkeys(TIERS, 0)
    v[tier] = R.randint(voters // 2 + 1, voters)
    rest = voters - v[tier]
    for t in TIERS:
        if t != tier and rest:
            k = R.randint(0, rest)
            v[t] += k
            rest -= k
    v[next(t for t in TIERS if t != tier)] += rest
    return [v[t] for t in TIERS]


def fam_vt() -> None:
    # vt01: members 2022: votes of the chi bộ per tier under a merged heading, then 'Kết quả xếp loại'
    ms = members(17, exempt=1, not_rated=0)
    voters = 16
    rows = [
        ["CHI BỘ LIÊN ĐOÀN LAO ĐỘNG TỈNH"],
        ["BIÊN BẢN KIỂM PHIẾU ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        [f"(Số đảng viên có mặt biểu quyết: {voters} đồng chí)"],
        ["STT", "Họ và tên", "Số phiếu đề nghị xếp loại", None, None, None, "Kết quả xếp loại"],
        [None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV", None],
    ]
    for i, m in enumerate(ms, 1):
        v = votes_for(m["status"], voters) if m["status"] in TIERS else [None] * 4
        rows.append([i, m["name"], *v, mlabel(m["status"])])
    merges = ["C4:F4", "A4:A5", "B4:B5", "G4:G5"]
    xlsx(FILES / "vt01_kiem_phieu_va_ket_qua_2022.xlsx", [{"title": "KP", "rows": rows, "merges": merges}])
    expect(
        "vt01_kiem_phieu_va_ket_qua_2022.xlsx",
        "VT",
        "members 2022: the chi bộ's votes per tier (numbers) under a merged 'Số phiếu đề nghị xếp loại', then 'Kết quả "
        "xếp loại'; the votes are not counts of members",
        member_rows(2022, mstat(ms)),
    )

    # vt02: units 2020: the Standing Committee's votes per tier, then 'Đảng ủy Khối quyết định'
    us = grassroots(units(18, n_db=3, years=(2020,), offset=18))
    rows = [
        ["KẾT QUẢ BIỂU QUYẾT XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        ["(Ban Thường vụ Đảng ủy Khối: 11 đồng chí)"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Số phiếu biểu quyết", None, None, None, "Đảng ủy Khối quyết định xếp loại"],
        [None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV", None],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], *votes_for(u["tier"][2020], 11), ABBR[u["tier"][2020]]])
    xlsx(
        FILES / "vt02_phieu_bieu_quyet_ban_thuong_vu_2020.xlsx",
        [{"title": "BQ", "rows": rows, "merges": ["C4:F4", "A4:A5", "B4:B5", "G4:G5"]}],
    )
    expect(
        "vt02_phieu_bieu_quyet_ban_thuong_vu_2020.xlsx",
        "VT",
        "units 2020: the Standing Committee's votes per tier (out of 11) beside 'Đảng ủy Khối quyết định xếp loại'",
        unit_expect(us, 2020),
    )

    # vt03: members 2024: votes with 'SL | %' under each tier, the result 'Mức xếp loại' last
    ms = members(14, exempt=0, not_rated=0)
    voters = 14
    rows = [
        ["CHI BỘ HỘI LIÊN HIỆP PHỤ NỮ TỈNH - KẾT QUẢ BỎ PHIẾU XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["TT", "Họ và tên", "HTXSNV", None, "HTTNV", None, "HTNV", None, "KHTNV", None, "Mức xếp loại"],
        [None, None, "SL", "%", "SL", "%", "SL", "%", "SL", "%", None],
    ]
    for i, m in enumerate(ms, 1):
        v = votes_for(m["status"], voters)
        pairs = [x for n in v for x in (n, f"{100 * n / voters:.1f}".replace(".", ","))]
        rows.append([i, m["name"], *pairs, FULL[m["status"]]])
    merges = ["C3:D3", "E3:F3", "G3:H3", "I3:J3", "A3:A4", "B3:B4", "K3:K4"]
    xlsx(FILES / "vt03_phieu_sl_ty_le_muc_xep_loai_2024.xlsx", [{"title": "2024", "rows": rows, "merges": merges}])
    expect(
        "vt03_phieu_sl_ty_le_muc_xep_loai_2024.xlsx",
        "VT",
        "members 2024: votes 'SL | %' under each tier header (HTXSNV … KHTNV) per member, then 'Mức xếp loại' with the "
        "full label; the votes are not counts of members",
        member_rows(2024, mstat(ms)),
    )


# -- family PV: Pivot tables pasted as values ------------------------------------------------------
def fam_pv() -> None:
    # pv01: a Vietnamese Excel pivot: chi bộ down, labels across in alphabetical order, no KHTNV column, 'Tổng cuối'
    cbs = ["Chi bộ Văn phòng", "Chi bộ khoa Nội", "Chi bộ khoa Ngoại", "Chi bộ Trung tâm Dịch vụ"]
    counts = {}
    for cb in cbs:
        ms = members(R.randint(9, 18), exempt=R.choice((0, 1)), not_rated=R.choice((0, 1)))
        for m in ms:
            if m["status"] == "fail":
                m["status"] = "pass"  # the pivot shows no KHTNV column: nobody failed
        counts[cb] = mstat(ms)
    labels = sorted(["HTNV", "HTTNV", "HTXSNV", "Miễn đánh giá", "Chưa đánh giá"])
    back = {"HTNV": "pass", "HTTNV": "good", "HTXSNV": "top", "Miễn đánh giá": "exempt", "Chưa đánh giá": "not_rated"}
    rows = [
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2023 - ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ"],
        [],
        ["Số đếm của Họ và tên", "Nhãn Cột"],
        ["Nhãn Hàng", *labels, "Tổng Cuối"],
    ]
    for cb in cbs:
        cs = [counts[cb].count(back[lab]) or None for lab in labels]
        rows.append([cb, *cs, len(counts[cb])])
    allst = [s for cb in cbs for s in counts[cb]]
    rows.append(["Tổng Cuối", *[allst.count(back[lab]) for lab in labels], len(allst)])
    xlsx(FILES / "pv01_pivot_tieng_viet_dan_gia_tri_2023.xlsx", [{"title": "Sheet2", "rows": rows}])
    expect(
        "pv01_pivot_tieng_viet_dan_gia_tri_2023.xlsx",
        "PV",
        "member counts 2023 per chi bộ from a Vietnamese Excel PivotTable pasted as values: 'Số đếm của Họ và tên | Nhãn "
        "Cột', 'Nhãn Hàng', the labels in alphabetical order (Chưa đánh giá, HTNV, HTTNV, HTXSNV, Miễn đánh giá), no "
        "KHTNV column, blanks for none, 'Tổng Cuối'",
        member_rows(2023, allst),
    )

    # pv02: the list and, on a second sheet, an English Excel pivot of it ('Count of Xếp loại', 'Grand Total')
    ms = members(38, exempt=2, not_rated=1)
    cbs = ["Chi bộ Văn phòng", "Chi bộ phòng Kế hoạch - Tài chính", "Chi bộ Thanh tra"]
    for m in ms:
        m["cb"] = R.choice(cbs)
    detail = [["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2021"], [], ["STT", "Họ và tên", "Chi bộ", "Xếp loại"]]
    detail += [[i, m["name"], m["cb"], mlabel(m["status"])] for i, m in enumerate(ms, 1)]
    labs = sorted({mlabel(m["status"]) for m in ms})
    pivot = [["Count of Xếp loại", "Column Labels"], ["Row Labels", *labs, "Grand Total"]]
    for cb in cbs:
        mine = [mlabel(m["status"]) for m in ms if m["cb"] == cb]
        pivot.append([cb, *[mine.count(lab) or None for lab in labs], len(mine)])
    pivot.append(["Grand Total", *[sum(mlabel(m["status"]) == lab for m in ms) for lab in labs], len(ms)])
    xlsx(
        FILES / "pv02_danh_sach_va_pivot_tieng_anh_2021.xlsx",
        [{"title": "DS", "rows": detail}, {"title": "Sheet3", "rows": pivot}],
    )
    expect(
        "pv02_danh_sach_va_pivot_tieng_anh_2021.xlsx",
        "PV,SD",
        "members 2021: the list, and on 'Sheet3' an English-locale Excel pivot of it ('Count of Xếp loại', 'Row Labels', "
        "'Grand Total'); the members count once",
        member_rows(2021, mstat(ms)),
    )


# -- family LB: line breaks typed inside cells (Alt+Enter) ------------------------------------------
def fam_lb() -> None:
    wrapped = {
        "top": "Hoàn thành xuất sắc\nnhiệm vụ",
        "good": "Hoàn thành tốt\nnhiệm vụ",
        "pass": "Hoàn thành\nnhiệm vụ",
        "fail": "Không hoàn thành\nnhiệm vụ",
    }
    us = grassroots(units(16, n_db=2, years=(2020,), offset=12))
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        [],
        ["STT", "Tên tổ chức\ncơ sở đảng", "Xếp loại\nchất lượng"],
    ]
    for i, u in enumerate(us, 1):
        name = u["name"].replace(" Sở ", "\nSở ", 1) if len(u["name"]) > 22 else u["name"]
        rows.append([i, name, wrapped[u["tier"][2020]]])
    xlsx(FILES / "lb01_xuong_dong_trong_o_2020.xlsx", [{"title": "2020", "rows": rows}])
    expect(
        "lb01_xuong_dong_trong_o_2020.xlsx",
        "LB",
        "units 2020 with line breaks typed inside cells: 'Xếp loại\\nchất lượng', 'Hoàn thành tốt\\nnhiệm vụ', long "
        "names broken before 'Sở'",
        unit_expect(us, 2020),
    )

    ms = members(21, exempt=1, not_rated=1)
    wm = {**wrapped, "exempt": "Miễn\nđánh giá", "not_rated": "Chưa\nđánh giá"}
    rows = [
        ["CHI BỘ ỦY BAN KIỂM TRA TỈNH ỦY"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Họ và\ntên", "Năm\nsinh", "Kết quả\nxếp loại"],
    ]
    rows += [[i, m["name"], m["birth"], wm[m["status"]]] for i, m in enumerate(ms, 1)]
    base = tmp("lb02.xlsx")
    xlsx(base, [{"title": "2019", "rows": rows}])
    convert(base, "ods", "lb02_xuong_dong_trong_o_dang_vien_2019.ods")
    expect(
        "lb02_xuong_dong_trong_o_dang_vien_2019.ods",
        "LB,E",
        "members 2019 with line breaks inside the header ('Họ và\\ntên', 'Kết quả\\nxếp loại') and the labels "
        "('Miễn\\nđánh giá'); .ods",
        member_rows(2019, mstat(ms)),
    )


# -- family PH: one evaluation form (phiếu) per member, one sheet each ------------------------------
def fam_ph() -> None:
    ms = members(11, exempt=1, not_rated=0)
    sheets = []
    for i, m in enumerate(ms, 1):
        own = ABBR[m["status"]] if m["status"] in TIERS else ""
        decided = FULL[m["status"]] if m["status"] in TIERS else "Miễn đánh giá (tuổi cao, sức yếu)"
        rows = [
            ["ĐẢNG BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
            ["CHI BỘ PHÒNG QUẢN LÝ VĂN HÓA"],
            [],
            ["PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024"],
            [],
            ["Họ và tên:", m["name"]],
            ["Năm sinh:", m["birth"]],
            ["Chức vụ:", R.choice(POSTS)],
            [],
            ["1. Đảng viên tự nhận mức xếp loại:", own],
            ["2. Chi bộ đề xuất mức xếp loại:", own],
            ["3. Cấp ủy có thẩm quyền quyết định xếp loại:", decided],
            [],
            [None, None, "Ngày 20 tháng 12 năm 2024"],
        ]
        sheets.append({"title": f"{i:02d}", "rows": rows, "widths": {"A": 44, "B": 30}})
    xlsx(FILES / "ph01_phieu_moi_dang_vien_mot_sheet_2024.xlsx", sheets)
    expect(
        "ph01_phieu_moi_dang_vien_mot_sheet_2024.xlsx",
        "PH",
        "one chi bộ's members 2024 as evaluation forms, one sheet '01' … '11' per member: 'Họ và tên: | …', "
        "'1. Đảng viên tự nhận …', '3. Cấp ủy có thẩm quyền quyết định xếp loại: | Hoàn thành tốt nhiệm vụ'",
        member_rows(2024, mstat(ms)),
    )


# -- family RR: where a careful person stops and asks ------------------------------------------------
def fam_rr() -> None:
    # rr01: the title says 2022, the sheet is named 'Năm 2023', nothing else gives the year
    us = grassroots(units(15, n_db=1, years=(2022,), offset=7))
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022"], [], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]]
    rows += [[i, u["name"], ABBR[u["tier"][2022]]] for i, u in enumerate(us, 1)]
    xlsx(FILES / "rr01_tieu_de_2022_ten_sheet_2023.xlsx", [{"title": "Năm 2023", "rows": rows}])
    expect(
        "rr01_tieu_de_2022_ten_sheet_2023.xlsx",
        "RR",
        "units: the title says 'NĂM 2022', the only sheet is named 'Năm 2023' (a copy of last year's sheet retitled, or "
        "the other way round)",
        refused="the title and the sheet name give two rating years: a careful person asks which year these are",
    )

    # rr02: a member list where one member's rating cell says two tiers 'HTTNV/HTXSNV' (undecided)
    ms = members(16, exempt=0, not_rated=0)
    rows = [["CHI BỘ SỞ TƯ PHÁP - XẾP LOẠI ĐẢNG VIÊN NĂM 2021"], [], ["STT", "Họ và tên", "Xếp loại"]]
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], "HTTNV/HTXSNV" if i == 6 else ABBR[m["status"]]])
    xlsx(FILES / "rr02_mot_o_hai_muc_2021.xlsx", [{"title": "2021", "rows": rows}])
    expect(
        "rr02_mot_o_hai_muc_2021.xlsx",
        "RR",
        "members 2021; row 9's rating cell says 'HTTNV/HTXSNV'",
        refused="one member's rating is two tiers ('HTTNV/HTXSNV'): a careful person asks which was decided",
    )


# -- family OD: odd-looking but read without doubt -----------------------------------------------
def fam_od() -> None:
    # od01: every organisation HTTNV (odd, but that is what the file says)
    us = grassroots(units(12, years=(2018,), offset=19))
    rows = [["KẾT QUẢ XẾP LOẠI CHI BỘ CƠ SỞ NĂM 2018"], [], ["STT", "Tên chi bộ", "Xếp loại"]]
    rows += [[i, u["name"], "HTTNV"] for i, u in enumerate(us, 1)]
    xlsx(FILES / "od01_tat_ca_cung_mot_muc_2018.xlsx", [{"title": "2018", "rows": rows}])
    expect(
        "od01_tat_ca_cung_mot_muc_2018.xlsx",
        "OD",
        "units 2018, every chi bộ cơ sở rated HTTNV (no other tier at all)",
        unit_rows(2018, ["good"] * len(us)),
    )

    # od02: a pandas to_csv: an unnamed index column first, the year as a float '2023.0'
    ms = members(25, exempt=1, not_rated=1)
    rows = [["", "ho_ten", "chi_bo", "nam", "xep_loai"]]
    rows += [[i, m["name"], "Chi bộ Kho bạc Nhà nước khu vực", "2023.0", mlabel(m["status"])] for i, m in enumerate(ms)]
    write_csv("od02_pandas_cot_chi_so_nam_so_thuc_2023.csv", rows)
    expect(
        "od02_pandas_cot_chi_so_nam_so_thuc_2023.csv",
        "OD",
        "members 2023 written by pandas: an unnamed index column 0 … 24 first, snake_case headers 'ho_ten', 'chi_bo', "
        "'nam', 'xep_loai', the year '2023.0'",
        member_rows(2023, mstat(ms)),
    )

    # od03: đảng bộ with chi bộ trực thuộc named alike under different đảng bộ ('Chi bộ Văn phòng' …)
    us = units(9, n_db=3, cells=3, years=(2022,), offset=22)
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2022"], [], ["STT", "Tên tổ chức đảng", "Trực thuộc", "Xếp loại"]]
    rows += [[n, u["name"], u["parent"] or "", ABBR[u["tier"][2022]]] for n, u in enumerate(us, 1)]
    xlsx(FILES / "od03_chi_bo_truc_thuoc_cung_ten_2022.xlsx", [{"title": "2022", "rows": rows}])
    expect(
        "od03_chi_bo_truc_thuoc_cung_ten_2022.xlsx",
        "OD",
        "units and cells 2022 with a 'Trực thuộc' column: three đảng bộ whose chi bộ trực thuộc bear the same names "
        "under different đảng bộ — odd-looking, not duplicates (the parent tells them apart)",
        unit_expect(us, 2022),
    )


# -- family XT: Excel's own table tools: a Table with its totals row, a filter left on ------------------
def fam_xt() -> None:
    from openpyxl import Workbook
    from openpyxl.worksheet.table import Table, TableStyleInfo

    # xt01: members 2022 as an Excel Table (Insert > Table) with its Total Row: 'Tổng' and =SUBTOTAL(103, …)
    ms = members(27, exempt=1, not_rated=1)
    wb = Workbook()
    ws = wb.active
    ws.title = "DSDV"
    ws.append(["CHI BỘ THUẾ TỈNH - XẾP LOẠI ĐẢNG VIÊN NĂM 2022"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Xếp loại"])
    for i, m in enumerate(ms, 1):
        ws.append([i, m["name"], m["birth"], mlabel(m["status"])])
    last = ws.max_row
    ws.append(["Tổng", None, None, f"=SUBTOTAL(103,D4:D{last})"])
    table = Table(displayName="DangVien", ref=f"A3:D{last + 1}", totalsRowCount=1)
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    base = tmp("xt01_bang_excel_dong_tong_2022.xlsx")
    wb.save(base)
    convert(base, "xlsx:Calc MS Excel 2007 XML", "xt01_bang_excel_dong_tong_2022.xlsx")
    expect(
        "xt01_bang_excel_dong_tong_2022.xlsx",
        "XT,E",
        "members 2022 in an Excel Table with its Total Row: 'Tổng' and =SUBTOTAL(103, …) under 'Xếp loại' (a count, "
        "cached by LibreOffice)",
        member_rows(2022, mstat(ms)),
    )

    # xt02: units 2024 with an AutoFilter left on 'Xếp loại' = HTXSNV: the other rows hidden by the filter
    us = grassroots(units(19, n_db=2, years=(2024,), offset=1))
    wb = Workbook()
    ws = wb.active
    ws.title = "2024"
    ws.append(["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024"])
    ws.append([])
    ws.append(["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"])
    for i, u in enumerate(us, 1):
        ws.append([i, u["name"], ABBR[u["tier"][2024]]])
        if u["tier"][2024] != "top":
            ws.row_dimensions[ws.max_row].hidden = True
    ws.auto_filter.ref = f"A3:C{ws.max_row}"
    ws.auto_filter.add_filter_column(2, ["HTXSNV"])
    wb.save(FILES / "xt02_loc_tu_dong_de_lai_2024.xlsx")
    expect(
        "xt02_loc_tu_dong_de_lai_2024.xlsx",
        "XT",
        "units 2024 with an AutoFilter left on ('Xếp loại' = HTXSNV): the rows of the other tiers are hidden by the "
        "filter, not by hand; a careful person clears the filter and counts them all",
        unit_expect(us, 2024),
    )


def main() -> None:
    if FILES.exists():
        shutil.rmtree(FILES)
    FILES.mkdir(parents=True)
    for fam in (
        fam_pg,
        fam_ct,
        fam_sp,
        fam_mg,
        fam_tk,
        fam_en,
        fam_sr,
        fam_sb,
        fam_sd,
        fam_kh,
        fam_vt,
        fam_pv,
        fam_lb,
        fam_ph,
        fam_rr,
        fam_od,
        fam_xt,
    ):
        fam()
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    missing = {p.name for p in FILES.iterdir()} ^ set(EXPECTED)
    assert not missing, missing
    print(f"{len(EXPECTED)} files written to {FILES}")


if __name__ == "__main__":
    main()
