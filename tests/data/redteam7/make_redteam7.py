"""The seventh red team of issue 18: realistic files in layouts no other test here has (held out).

    python tests/data/redteam7/make_redteam7.py

Written WITHOUT reading the reader's code or its tests (only README.md, docs/, the domain brief, the
READMEs of redteam2-6, the shared kit, the judge, tests/test_red_teams.py and the *names* of the files
of tests/data/layouts/). Every figure in expected.json is counted from this generator's own model — the
organisations and members it writes, each with its tier or status — never from ccq-stats. Seeded: a
re-run writes the same cells (the .ods/.xls files and the .xlsx saved through LibreOffice are converted
by headless LibreOffice, which stamps its own metadata inside; same content). The province is "Vân
Sơn", fictional like every name here.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
sys.path.insert(0, str(HERE.parent))  # the helpers the red-team generators share
import redteam_kit  # noqa: E402
from redteam_kit import (  # noqa: E402
    ABBR,
    EXPECTED,
    FULL,
    TIERS,
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

redteam_kit.start(HERE, seed=20261211, province="Vân Sơn")

STATUS_WORD = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}
TICK_COLS = ("top", "good", "pass", "fail", "exempt", "not_rated")


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


def tally(ms: list) -> dict:
    return {k: sum(m["status"] == k for m in ms) for k in (*TIERS, "exempt", "not_rated")}


def party_header(body: str, year_made: int, place: str = "Vân Sơn") -> list:
    return [
        ["ĐẢNG BỘ TỈNH VÂN SƠN", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        [body],
        ["*", None, None, None, f"{place}, ngày 10 tháng 01 năm {year_made}"],
    ]


def signature(title: str = "T/M CHI ỦY", post: str = "BÍ THƯ") -> list:
    return [[], [None, None, None, title], [None, None, None, post], [], [None, None, None, person()]]


COMMUNE_CELLS = [
    "Chi bộ thôn Đông Hòa",
    "Chi bộ thôn Tây Hòa",
    "Chi bộ thôn Bến Đá",
    "Chi bộ thôn Gò Sim",
    "Chi bộ thôn Suối Lớn",
    "Chi bộ thôn Phú Lộc",
    "Chi bộ thôn An Khê",
    "Chi bộ thôn Cát Bà Nội",
    "Chi bộ thôn Trung Thành",
    "Chi bộ thôn Hạ Vũ",
    "Chi bộ Trường Mầm non Hòa Thắng",
    "Chi bộ Trường Tiểu học Hòa Thắng",
    "Chi bộ Trường THCS Hòa Thắng",
    "Chi bộ Trạm Y tế xã",
    "Chi bộ Công an xã",
    "Chi bộ Quân sự xã",
    "Chi bộ Cơ quan Đảng - Đoàn thể",
    "Chi bộ Cơ quan Ủy ban nhân dân",
]
KIND_OF = {"thôn": "Thôn", "Trường": "Trường học", "Trạm": "Y tế", "Công an": "Công an", "Quân sự": "Quân sự"}


def host_type(name: str) -> str:
    return next((v for k, v in KIND_OF.items() if k in name), "Cơ quan")


def member_list(ms: list, cb: str | None = None, short: bool = True) -> list:
    """STT | Họ và tên | Năm sinh | (Chi bộ) | Xếp loại rows."""
    out = []
    for i, m in enumerate(ms, 1):
        row = [i, m["name"], m["birth"]]
        if cb is not None:
            row.append(cb)
        row.append(mlabel(m["status"], short))
        out.append(row)
    return out


# -- family TP: the province's templates, filled by each organisation and sent back --------------
def fam_tp() -> None:
    # tp01: members 2024 in the template "Mẫu 02-XLĐV": an instructions row under the header and an
    # example row "VD | Nguyễn Văn A" left in, both in italics
    ms = members(26, exempt=2, not_rated=1)
    cb = "Chi bộ Sở Tư pháp"
    rows = [
        [None, None, None, None, "Mẫu 02-XLĐV"],
        ["ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"],
        [cb.upper()],
        [],
        ["DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ chính quyền", "Xếp loại chất lượng", "Ghi chú"],
        [
            "(1)",
            "(Ghi đầy đủ họ tên, có dấu)",
            "(Ghi 4 chữ số)",
            "(Ghi chức vụ hiện tại)",
            "(Ghi: HTXSNV, HTTNV, HTNV, KHTNV, Miễn ĐG, Chưa ĐG)",
            "(Ghi lý do nếu miễn hoặc chưa đánh giá)",
        ],
        ["VD", "Nguyễn Văn A", 1980, "Chuyên viên", "HTTNV", "Dòng ví dụ - xóa khi điền"],
    ]
    for i, m in enumerate(ms, 1):
        note = {"exempt": "Tuổi cao, sức yếu", "not_rated": "Kết nạp tháng 9/2024"}.get(m["status"])
        rows.append(
            [
                i,
                m["name"],
                m["birth"],
                R.choice(("Chuyên viên", "Phó Trưởng phòng", "Kế toán")),
                mlabel(m["status"]),
                note,
            ]
        )
    rows += signature()
    name = "tp01_mau_02_con_dong_huong_dan_va_vi_du_2024.xlsx"
    xlsx(FILES / name, [{"title": "Mau 02", "rows": rows, "bold_rows": (7,)}])
    expect(
        name,
        "TP",
        "the province's member template filled by a chi bộ: an instructions row '(Ghi đầy đủ họ tên, có dấu)' … "
        "under the header and the example row 'VD | Nguyễn Văn A | … | HTTNV' left in",
        member_rows(2024, mstat(ms)),
    )

    # tp02: the same template changed by another chi bộ: 'Mẫu 02-XLĐV' kept, STT deleted, 'Đảng viên dự bị'
    # column inserted, the rating column renamed 'Kết quả XL', the instructions row deleted
    ms2 = members(19, exempt=1, not_rated=1)
    rows = [
        [None, None, None, "Mẫu 02-XLĐV"],
        ["ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"],
        ["CHI BỘ SỞ XÂY DỰNG"],
        ["DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        ["Họ và tên", "Năm sinh", "Đảng viên dự bị", "Kết quả XL", "Ghi chú"],
    ]
    for m in ms2:
        rows.append([m["name"], m["birth"], "x" if R.random() < 0.15 else None, mlabel(m["status"], False), None])
    rows += [[], ["Ghi chú: Chi bộ bổ sung cột 'Đảng viên dự bị' theo đề nghị của Đảng ủy."]]
    name = "tp02_mau_02_bi_sua_cot_2024.xlsx"
    xlsx(FILES / name, [{"title": "Sheet1", "rows": rows, "bold_rows": (5,)}])
    expect(
        name,
        "TP",
        "the same template changed by another chi bộ: STT deleted, a 'Đảng viên dự bị' tick column inserted, the "
        "rating renamed 'Kết quả XL', the form's number 'Mẫu 02-XLĐV' still at the top",
        member_rows(2024, mstat(ms2)),
    )

    # tp03: the template pre-numbered 1..40, 23 rows filled, the rest STT only; a 'Tổng cộng' row of
    # COUNTIF formulas at the bottom (saved through LibreOffice as .xls, values cached)
    ms3 = members(23, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ BẢO HIỂM XÃ HỘI TỈNH"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"],
    ]
    for i in range(1, 41):
        if i <= len(ms3):
            m = ms3[i - 1]
            rows.append([i, m["name"], m["birth"], mlabel(m["status"]), None])
        else:
            rows.append([i, None, None, None, None])
    first, last = 4, 43
    rows.append(
        [
            None,
            "Tổng cộng",
            None,
            f'="HTXSNV: "&COUNTIF(D{first}:D{last},"HTXSNV")&"; HTTNV: "&COUNTIF(D{first}:D{last},"HTTNV")',
            None,
        ]
    )
    base = tmp("tp03.xlsx")
    xlsx(base, [{"title": "Mau", "rows": rows, "bold_rows": (3,)}])
    name = "tp03_mau_danh_so_san_40_dong_2023.xls"
    convert(base, "xls:MS Excel 97", name)
    expect(
        name,
        "TP,E",
        "the template pre-numbered 1..40 with 23 members filled and 17 rows holding only their STT; a 'Tổng cộng' "
        "row whose formula strings the COUNTIFs together (cached by LibreOffice, .xls)",
        member_rows(2023, mstat(ms3)),
    )

    # tp04: units 2024 on the template's second sheet; the first sheet 'Huong dan' explains it with an
    # example table of three made-up organisations and their ratings
    us = units(14, n_db=2, years=(2024,), offset=5)
    us = grassroots(us)
    guide = [
        ["HƯỚNG DẪN ĐIỀN BIỂU MẪU"],
        ["1. Mỗi tổ chức cơ sở đảng ghi trên một dòng, đúng tên theo quyết định thành lập."],
        ["2. Cột 'Xếp loại' ghi một trong bốn mức: HTXSNV, HTTNV, HTNV, KHTNV."],
        ["3. Không thêm, bớt cột; không đổi tên sheet 'Bieu mau'."],
        [],
        ["Ví dụ:"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
        [1, "Đảng bộ Sở A", "HTXSNV", None],
        [2, "Chi bộ Sở B", "HTTNV", None],
        [3, "Chi bộ Trường C", "HTNV", None],
    ]
    rows = [
        ["ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH VÂN SƠN"],
        ["BIỂU TỔNG HỢP XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], ABBR[u["tier"][2024]], None])
    name = "tp04_sheet_huong_dan_co_bang_vi_du_2024.xlsx"
    xlsx(
        FILES / name,
        [
            {"title": "Huong dan", "rows": guide, "bold_rows": (7,)},
            {"title": "Bieu mau", "rows": rows, "bold_rows": (3,)},
        ],
    )
    expect(
        name,
        "TP",
        "units 2024 on the template's sheet 'Bieu mau'; the first sheet 'Huong dan' is the province's instructions "
        "with an example table of three made-up organisations ('Đảng bộ Sở A | HTXSNV' …), not data",
        unit_expect(us, 2024),
    )

    # tp05 (refusal): the counts template sent back with one row whose parts do not add up to its total
    rows = [
        ["ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"],
        ["BIỂU THỐNG KÊ KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [
            "STT",
            "Tên chi bộ, đảng bộ",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "HTXSNV",
            "HTTNV",
            "HTNV",
            "KHTNV",
        ],
    ]
    bad = 4
    for i, u in enumerate(grassroots(units(9, years=(2024,), offset=12)), 1):
        c = {"top": R.randint(1, 5), "good": R.randint(10, 30), "pass": R.randint(0, 4), "fail": 0}
        ex, nr = R.randint(0, 2), R.randint(0, 1)
        total = sum(c.values()) + ex + nr + (1 if i == bad else 0)
        rows.append([i, u["name"], total, ex, nr, c["top"], c["good"], c["pass"], c["fail"]])
    name = "tp05_mau_so_luong_khong_khop_tong_2024.xlsx"
    xlsx(FILES / name, [{"title": "Bieu 03", "rows": rows, "bold_rows": (3,)}])
    expect(
        name,
        "TP,RX",
        "the counts template sent back: on row 7 'Tổng số đảng viên' is one more than its parts (exempt + not rated "
        "+ four tiers): which figure is wrong? a careful person asks the chi bộ",
        refused="one organisation's total differs from the sum of its parts: the figures cannot all be right",
    )

    # tp06 (refusal): the template's dropdown placeholder '-- Chọn mức --' left on three members' rating cells
    ms6 = members(21, exempt=1, not_rated=0)
    rows = [
        ["CHI BỘ SỞ CÔNG THƯƠNG"],
        ["DANH SÁCH KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại chất lượng"],
    ]
    holes = set(R.sample(range(len(ms6)), 3))
    for i, m in enumerate(ms6):
        rows.append([i + 1, m["name"], m["birth"], "-- Chọn mức --" if i in holes else mlabel(m["status"])])
    name = "tp06_o_chon_muc_chua_dien_2024.xlsx"
    xlsx(FILES / name, [{"title": "Danh sach", "rows": rows, "bold_rows": (3,)}])
    wb_dv(FILES / name, "D4:D60", '"-- Chọn mức --,HTXSNV,HTTNV,HTNV,KHTNV,Miễn đánh giá,Chưa đánh giá"')
    expect(
        name,
        "TP,RX",
        "the template's dropdown placeholder '-- Chọn mức --' still in three members' rating cells: the list is "
        "not finished",
        refused="three members have no rating yet (the placeholder of the dropdown): the figures are not complete",
    )


def wb_dv(path: Path, ref: str, formula: str) -> None:
    """Add a dropdown (data validation list) to the first sheet of a written workbook."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb.worksheets[0]
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(ref)
    wb.save(path)


# -- family XA: the yearly report tables of a đảng ủy xã / phường formed on 1/7/2025 -------------
def commune_cells(n: int, year: int = 2025, names=COMMUNE_CELLS) -> list[dict]:
    out = []
    for nm in names[:n]:
        t = tier_draw((0.2, 0.62, 0.15, 0.03))
        out.append({"name": nm, "kind": "CBTT", "tier": {year: t}, "score": score_for(t), "n": R.randint(8, 45)})
    return out


def cell_rows(year: int, tiers: list) -> list:
    return unit_rows(year, tiers, "cells")


def fam_xa() -> None:
    # xa01: Biểu 1 of the đảng ủy xã's report: its chi bộ in sections by the former commune, host type,
    # number of members, self score, the đảng ủy's score and the tier
    cs = commune_cells(18)
    R.shuffle(cs)
    rows = [
        ["ĐẢNG BỘ TỈNH VÂN SƠN", None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["ĐẢNG ỦY XÃ HÒA THẮNG"],
        [],
        ["Biểu 1"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁC CHI BỘ TRỰC THUỘC NĂM 2025"],
        [
            "STT",
            "Tên chi bộ",
            "Loại hình",
            "Số đảng viên",
            "Điểm chi bộ tự chấm",
            "Điểm Đảng ủy xã chấm",
            "Xếp loại",
        ],
    ]
    parts = [("I", "Khu vực xã Hòa Bình (cũ)", cs[:9]), ("II", "Khu vực xã Hòa Lạc (cũ)", cs[9:])]
    for roman, label, group in parts:
        rows.append([roman, label])
        for i, c in enumerate(group, 1):
            own = min(100, c["score"] + R.choice((0, 0.5, 1, 2)))
            rows.append([i, c["name"], host_type(c["name"]), c["n"], own, c["score"], ABBR[c["tier"][2025]]])
    rows += signature("T/M ĐẢNG ỦY", "BÍ THƯ")
    name = "xa01_dang_uy_xa_bieu_1_chi_bo_theo_xa_cu_2025.xlsx"
    xlsx(FILES / name, [{"title": "Bieu 1", "rows": rows, "bold_rows": (6,)}])
    expect(
        name,
        "XA",
        "Biểu 1 of a đảng ủy xã formed on 1/7/2025: its 18 chi bộ (thôn, schools, police, militia …) in sections "
        "'I | Khu vực xã Hòa Bình (cũ)', with 'Loại hình', 'Số đảng viên', self and đảng ủy scores and the tier; "
        "chi bộ trực thuộc (the title says so), so cells",
        cell_rows(2025, [c["tier"][2025] for c in cs]),
    )

    # xa02: Biểu 2: member counts per chi bộ of a đảng ủy phường, 'Toàn Đảng bộ' first, sections by former ward
    cells = COMMUNE_CELLS[:10]
    cells = [n.replace("thôn", "khu phố") for n in cells]
    tot = dict.fromkeys((*TIERS, "exempt", "not_rated"), 0)
    body = []
    for i, nm in enumerate(cells, 1):
        c = {
            "top": R.randint(1, 6),
            "good": R.randint(12, 40),
            "pass": R.randint(0, 5),
            "fail": R.choice((0, 0, 0, 1)),
            "exempt": R.randint(0, 6),
            "not_rated": R.randint(0, 2),
        }
        for k in tot:
            tot[k] += c[k]
        rated = c["top"] + c["good"] + c["pass"] + c["fail"]
        body.append(
            [i, nm, rated + c["exempt"] + c["not_rated"], c["exempt"], c["not_rated"], rated] + [c[t] for t in TIERS]
        )
    rated_all = sum(tot[t] for t in TIERS)
    rows = [
        ["ĐẢNG ỦY PHƯỜNG NAM THÀNH"],
        ["Biểu 2"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        [
            "STT",
            "Chi bộ",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "Được đánh giá, xếp loại",
            "HTXSNV",
            "HTTNV",
            "HTNV",
            "KHTNV",
        ],
        [
            None,
            "Toàn Đảng bộ",
            rated_all + tot["exempt"] + tot["not_rated"],
            tot["exempt"],
            tot["not_rated"],
            rated_all,
        ]
        + [tot[t] for t in TIERS],
        ["A", "Phường Nam Thành (cũ)"],
        *body[:6],
        ["B", "Phường Bắc Thành (cũ)"],
        *body[6:],
    ]
    name = "xa02_dang_uy_phuong_bieu_2_dang_vien_2025.xlsx"
    xlsx(FILES / name, [{"title": "Bieu 2", "rows": rows, "bold_rows": (4, 5)}])
    expect(
        name,
        "XA",
        "Biểu 2 of a đảng ủy phường: member counts per chi bộ khu phố, 'Toàn Đảng bộ' first, sections 'A | Phường "
        "Nam Thành (cũ)' naming the former wards",
        counts_rows(2025, tot),
    )

    # xa03: the whole report as a workbook: 'BC' (the text), 'Bieu 1' (chi bộ), 'Bieu 2' (members per chi bộ)
    cs3 = commune_cells(12, names=[n.replace("Hòa Thắng", "Phú Mỹ") for n in COMMUNE_CELLS[::-1]])
    text = [
        ["ĐẢNG ỦY XÃ PHÚ MỸ"],
        ["BÁO CÁO"],
        ["Kết quả đánh giá, xếp loại chất lượng tổ chức đảng, đảng viên năm 2025"],
        [],
        ["I. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHI BỘ"],
        [f"Tổng số chi bộ trực thuộc: {len(cs3)} chi bộ, đã đánh giá, xếp loại {len(cs3)} chi bộ."],
        ["II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN"],
        ["(Có biểu chi tiết kèm theo)"],
    ]
    b1 = [
        ["Biểu 1: KẾT QUẢ XẾP LOẠI CÁC CHI BỘ TRỰC THUỘC ĐẢNG ỦY XÃ PHÚ MỸ NĂM 2025"],
        ["STT", "Tên chi bộ", "Tổng điểm", "Xếp loại"],
    ]
    for i, c in enumerate(cs3, 1):
        b1.append([i, c["name"], c["score"], FULL[c["tier"][2025]]])
    b2 = [
        ["Biểu 2: KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Chi bộ", "Tổng số", "Miễn ĐG", "Chưa ĐG", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    ]
    tot3 = dict.fromkeys((*TIERS, "exempt", "not_rated"), 0)
    for i, c in enumerate(cs3, 1):
        k = {"top": R.randint(0, 4), "good": R.randint(6, 30), "pass": R.randint(0, 3), "fail": 0}
        k["exempt"], k["not_rated"] = R.randint(0, 5), R.randint(0, 1)
        for key in tot3:
            tot3[key] += k[key]
        b2.append([i, c["name"], sum(k.values()), k["exempt"], k["not_rated"]] + [k[t] for t in TIERS])
    name = "xa03_bao_cao_xa_ba_sheet_2025.xlsx"
    xlsx(
        FILES / name,
        [
            {"title": "BC", "rows": text, "widths": {"A": 90}},
            {"title": "Bieu 1", "rows": b1, "bold_rows": (2,)},
            {"title": "Bieu 2", "rows": b2, "bold_rows": (2,)},
        ],
    )
    expect(
        name,
        "XA",
        "a đảng ủy xã's yearly report as a workbook: 'BC' the report's sentences, 'Bieu 1' its 12 chi bộ trực thuộc "
        "with 'Tổng điểm' and the tier, 'Bieu 2' member counts per chi bộ",
        cell_rows(2025, [c["tier"][2025] for c in cs3]) + counts_rows(2025, tot3),
    )

    # xa04 (.ods): a đảng ủy phường's chi bộ khu phố 1..14; two chi bộ formed in September 2025 not rated
    names = [f"Chi bộ khu phố {i}" for i in range(1, 13)] + ["Chi bộ Công an phường", "Chi bộ Quân sự phường"]
    cs4 = commune_cells(14, names=names)
    new = set(R.sample(range(12), 2))
    rows = [
        ["ĐẢNG ỦY PHƯỜNG TÂN AN"],
        ["KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG CHI BỘ NĂM 2025"],
        ["STT", "Tên chi bộ", "Xếp loại", "Ghi chú"],
    ]
    tiers4 = []
    for i, c in enumerate(cs4):
        if i in new:
            rows.append([i + 1, c["name"], "Chưa xếp loại", "Thành lập tháng 9/2025, chưa đủ 6 tháng"])
            tiers4.append(None)
        else:
            rows.append([i + 1, c["name"], FULL[c["tier"][2025]], None])
            tiers4.append(c["tier"][2025])
    base = tmp("xa04.xlsx")
    xlsx(base, [{"title": "Chi bo", "rows": rows, "bold_rows": (3,)}])
    name = "xa04_dang_uy_phuong_chi_bo_khu_pho_2025.ods"
    convert(base, "ods", name)
    expect(
        name,
        "XA,E",
        "a đảng ủy phường's 14 chi bộ (khu phố 1..12, police, militia): the chi bộ of a grassroots đảng bộ, so "
        "cells although the title only says 'chi bộ'; two formed in 9/2025 'Chưa xếp loại' (.ods)",
        cell_rows(2025, tiers4),
    )

    # xa05: a chi bộ khu phố's members as a `;` CSV with BOM: a 'Tổ dân phố' column, retirees exempt
    ms = members(34, exempt=7, not_rated=1)
    rows = [
        ["CHI BỘ KHU PHỐ 3 - ĐẢNG BỘ PHƯỜNG TÂN AN"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Họ và tên", "Năm sinh", "Tổ dân phố", "Xếp loại"],
    ]
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], m["birth"], f"Tổ {R.randint(1, 6)}", mlabel(m["status"])])
    name = "xa05_chi_bo_khu_pho_to_dan_pho_2025.csv"
    write_csv(name, rows, delimiter=";", bom=True)
    expect(
        name,
        "XA",
        "a chi bộ khu phố's 34 members (7 retirees exempt) with a 'Tổ dân phố' column ('Tổ 3'), `;` CSV with BOM",
        member_rows(2025, mstat(ms)),
    )


# -- family MC: CSV exported on a Mac ------------------------------------------------------------------
def mac_bytes(rows: list, delimiter: str, encoding: str, bom: bytes = b"", nl: str = "\r") -> bytes:
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=nl).writerows(rows)
    return bom + buf.getvalue().encode(encoding)


def fam_mc() -> None:
    # mc01: Mac Excel's "UTF-16 Unicode Text": UTF-16 LE with BOM, tab, CR line ends
    ms = members(28, exempt=2, not_rated=1)
    rows = [["DANH SÁCH ĐẢNG VIÊN CHI BỘ SỞ Y TẾ - XẾP LOẠI NĂM 2023"], ["STT", "Họ và tên", "Năm sinh", "Xếp loại"]]
    rows += [[i, m["name"], m["birth"], mlabel(m["status"], False)] for i, m in enumerate(ms, 1)]
    name = "mc01_mac_excel_utf16_tab_cr_2023.csv"
    (FILES / name).write_bytes(mac_bytes(rows, "\t", "utf-16-le", b"\xff\xfe"))
    expect(
        name,
        "MC",
        "members 2023 as Mac Excel's 'UTF-16 Unicode Text' saved as .csv: UTF-16 LE with BOM, tab, CR-only line ends",
        member_rows(2023, mstat(ms)),
    )

    # mc02: UTF-8 without BOM, ',' and CR-only line ends; a quoted name holding a comma
    us = grassroots(units(17, n_db=3, years=(2022,), offset=8))
    rows = [["STT", "Tên tổ chức cơ sở đảng", "Xếp loại năm 2022", "Ghi chú"]]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], FULL[u["tier"][2022]], "Sáp nhập Sở Thông tin, Truyền thông" if i == 5 else ""])
    name = "mc02_mac_csv_cr_dau_phay_2022.csv"
    (FILES / name).write_bytes(mac_bytes(rows, ",", "utf-8"))
    expect(
        name,
        "MC",
        "units 2022 as a Mac CSV: UTF-8 without BOM, ',', CR-only line ends (classic Mac), a quoted note holding a comma",
        unit_expect(us, 2022),
    )

    # mc03: Mac Excel 'CSV UTF-8' in a Vietnamese locale: BOM, ';', CR line ends, decimal-comma scores
    ms3 = members(22, exempt=1, not_rated=1)
    rows = [["STT", "Họ và tên", "Chi bộ", "Tổng điểm", "Xếp loại", "Năm"]]
    for i, m in enumerate(ms3, 1):
        sc = "" if m["status"] not in TIERS else str(score_for(m["status"])).replace(".", ",").removesuffix(",0")
        rows.append([i, m["name"], "Chi bộ Sở Tài chính", sc, mlabel(m["status"]), 2025])
    name = "mc03_mac_csv_utf8_cham_phay_cr_diem_2025.csv"
    (FILES / name).write_bytes(mac_bytes(rows, ";", "utf-8", b"\xef\xbb\xbf"))
    expect(
        name,
        "MC",
        "members 2025 as Mac Excel's 'CSV UTF-8' in a Vietnamese locale: BOM, ';', CR-only line ends, scores "
        "'85,5', a 'Năm' column",
        member_rows(2025, mstat(ms3)),
    )


# -- family CK: Google Sheets checkboxes (TRUE / FALSE) under the tier columns ------------------------
CK_HEAD = ("HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn đánh giá", "Chưa đánh giá")


def fam_ck() -> None:
    # ck01: members 2024, Google Sheets .xlsx: booleans under the six columns
    ms = members(25, exempt=2, not_rated=1)
    rows = [
        ["Chi bộ Sở Khoa học và Công nghệ - xếp loại đảng viên năm 2024"],
        ["STT", "Họ và tên", *CK_HEAD],
    ]
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], *[m["status"] == k for k in TICK_COLS]])
    name = "ck01_google_sheets_o_danh_dau_true_false_2024.xlsx"
    xlsx(FILES / name, [{"title": "Trang tính1", "rows": rows, "plain": True}])
    expect(
        name,
        "CK",
        "members 2024 from Google Sheets with a checkbox under each of HTXSNV … KHTNV, Miễn, Chưa đánh giá: the "
        ".xlsx holds booleans TRUE/FALSE on every row, exactly one TRUE",
        member_rows(2024, mstat(ms)),
    )

    # ck02: units 2023, the same as a Google Sheets CSV download: 'TRUE'/'FALSE' text
    us = grassroots(units(19, n_db=2, years=(2023,), offset=3))
    rows = [["STT", "Tên tổ chức đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Năm"]]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], *["TRUE" if u["tier"][2023] == t else "FALSE" for t in TIERS], 2023])
    name = "ck02_google_sheets_csv_true_false - Trang tính1.csv"
    write_csv(name, rows)
    expect(
        name,
        "CK",
        "units 2023 as Google Sheets' CSV download: the checkboxes are 'TRUE'/'FALSE' under the four tiers, a 'Năm' column",
        unit_expect(us, 2023),
    )

    # ck03 (.ods): members 2022 with booleans, through LibreOffice
    ms3 = members(18, exempt=1, not_rated=1)
    rows = [["CHI BỘ THANH TRA TỈNH - NĂM 2022"], ["TT", "Họ tên đảng viên", *CK_HEAD]]
    for i, m in enumerate(ms3, 1):
        rows.append([i, m["name"], *[m["status"] == k for k in TICK_COLS]])
    base = tmp("ck03.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows, "plain": True}])
    name = "ck03_o_danh_dau_dung_sai_2022.ods"
    convert(base, "ods", name)
    expect(
        name,
        "CK,E",
        "members 2022 with checkbox booleans under the six columns, passed through LibreOffice (.ods, boolean cells)",
        member_rows(2022, mstat(ms3)),
    )


# -- family FX: the tier computed by a formula (values cached: saved through LibreOffice) ----------
def fam_fx() -> None:
    # fx01: members 2025: the chi ủy's score and =IF(score>=90;"HTXSNV";IF(…)) as the tier
    ms = members(24, exempt=2, not_rated=0)
    rows = [
        ["CHI BỘ SỞ NỘI VỤ"],
        ["KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Họ và tên", "Điểm cấp ủy chấm", "Xếp loại", "Ghi chú"],
    ]
    for i, m in enumerate(ms, 1):
        r = len(rows) + 1
        if m["status"] in TIERS:
            f = f'=IF(C{r}>=90,"HTXSNV",IF(C{r}>=70,"HTTNV",IF(C{r}>=50,"HTNV","KHTNV")))'
            rows.append([i, m["name"], score_for(m["status"]), f, None])
        else:
            rows.append([i, m["name"], None, "Miễn đánh giá", "Nghỉ hưu, miễn sinh hoạt"])
    base = tmp("fx01.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows, "bold_rows": (3,)}])
    name = "fx01_xep_loai_bang_cong_thuc_if_theo_diem_2025.xlsx"
    convert(base, "xlsx:Calc MS Excel 2007 XML", name)
    expect(
        name,
        "FX,E",
        'members 2025: the tier is =IF(C4>=90,"HTXSNV",IF(…)) on the chi ủy\'s score (values cached, saved through '
        "LibreOffice); exempt members typed",
        member_rows(2025, mstat(ms)),
    )

    # fx02: members 2023: a code 1-4 typed, 'Xếp loại' = VLOOKUP on a 'DanhMuc' sheet; M / C typed for statuses
    ms2 = members(27, exempt=2, not_rated=1)
    code = {"top": 1, "good": 2, "pass": 3, "fail": 4, "exempt": 5, "not_rated": 6}
    cat = [["Mã", "Mức xếp loại"]] + [[code[k], mlabel(k, False)] for k in code]
    rows = [
        ["CHI BỘ BỆNH VIỆN ĐA KHOA TỈNH - KHỐI HÀNH CHÍNH"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        ["STT", "Họ và tên", "Năm sinh", "Mã XL", "Xếp loại"],
    ]
    for i, m in enumerate(ms2, 1):
        r = len(rows) + 1
        rows.append([i, m["name"], m["birth"], code[m["status"]], f"=VLOOKUP(D{r},DanhMuc!$A$2:$B$7,2,0)"])
    base = tmp("fx02.xlsx")
    xlsx(base, [{"title": "DS", "rows": rows, "bold_rows": (3,)}, {"title": "DanhMuc", "rows": cat}])
    name = "fx02_xep_loai_vlookup_danh_muc_2023.xlsx"
    convert(base, "xlsx:Calc MS Excel 2007 XML", name)
    expect(
        name,
        "FX,E",
        "members 2023: a code 1-6 typed in 'Mã XL' and 'Xếp loại' = VLOOKUP on a 'DanhMuc' sheet (6 rows of "
        "code | label, not data; values cached through LibreOffice)",
        member_rows(2023, mstat(ms2)),
    )

    # fx03 (refusal): the same with one code left blank and one mistyped 7: their cells show '#N/A'
    ms3 = members(20, exempt=1, not_rated=0)
    rows = [
        ["CHI BỘ KHO BẠC NHÀ NƯỚC KHU VỰC"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        ["STT", "Họ và tên", "Năm sinh", "Mã XL", "Xếp loại"],
    ]
    broken = R.sample([i for i, m in enumerate(ms3) if m["status"] in TIERS], 2)
    for i, m in enumerate(ms3):
        r = len(rows) + 1
        c = code[m["status"]]
        if i == broken[0]:
            c = None
        elif i == broken[1]:
            c = 7
        rows.append([i + 1, m["name"], m["birth"], c, f"=VLOOKUP(D{r},DanhMuc!$A$2:$B$7,2,0)"])
    base = tmp("fx03.xlsx")
    xlsx(base, [{"title": "DS", "rows": rows, "bold_rows": (3,)}, {"title": "DanhMuc", "rows": cat}])
    name = "fx03_vlookup_loi_na_2023.xlsx"
    convert(base, "xlsx:Calc MS Excel 2007 XML", name)
    expect(
        name,
        "FX,RX,E",
        "members 2023 by VLOOKUP as fx02, but one code blank and one '7': two rating cells show '#N/A' (cached)",
        refused="two members' ratings are '#N/A' (a broken lookup): their tiers are unknown",
    )


# -- family SC: a school's chi bộ, whose papers run by the school year --------------------------------
def fam_sc() -> None:
    # sc01: 'NĂM HỌC 2024 - 2025' in the title, the party rating 'Xếp loại đảng viên năm 2024' beside the
    # teachers' emulation title of the school year
    ms = members(21, exempt=0, not_rated=1)
    rows = [
        ["ĐẢNG BỘ XÃ HÒA THẮNG"],
        ["CHI BỘ TRƯỜNG THCS HÒA THẮNG"],
        ["DANH SÁCH ĐẢNG VIÊN NĂM HỌC 2024 - 2025"],
        ["STT", "Họ và tên", "Tổ chuyên môn", "Danh hiệu thi đua năm học 2023-2024", "Xếp loại đảng viên năm 2024"],
    ]
    for i, m in enumerate(ms, 1):
        rows.append(
            [
                i,
                m["name"],
                R.choice(("Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên", "Tổ Văn phòng")),
                R.choice(("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "")),
                mlabel(m["status"]),
            ]
        )
    name = "sc01_truong_hoc_nam_hoc_va_nam_xep_loai_2024.xlsx"
    xlsx(FILES / name, [{"title": "DS dang vien", "rows": rows, "bold_rows": (4,)}])
    expect(
        name,
        "SC",
        "a school's chi bộ: 'NĂM HỌC 2024 - 2025' in the title, the emulation title of school year 2023-2024 beside "
        "'Xếp loại đảng viên năm 2024' (the rating's year is 2024)",
        member_rows(2024, mstat(ms)),
    )

    # sc02 (refusal): only 'năm học 2023 - 2024' anywhere: which calendar year was rated?
    ms2 = members(16, exempt=0, not_rated=0)
    rows = [
        ["CHI BỘ TRƯỜNG TIỂU HỌC PHÚ MỸ"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM HỌC 2023 - 2024"],
        ["STT", "Họ và tên", "Xếp loại"],
    ]
    rows += [[i, m["name"], mlabel(m["status"])] for i, m in enumerate(ms2, 1)]
    name = "sc02_truong_hoc_chi_co_nam_hoc.xlsx"
    xlsx(FILES / name, [{"title": "Sheet1", "rows": rows, "bold_rows": (3,)}])
    expect(
        name,
        "SC,RX",
        "a school's chi bộ rated 'NĂM HỌC 2023 - 2024' and no calendar year anywhere (party ratings go by "
        "calendar year: 2023 or 2024?)",
        refused="the only year is a school year '2023 - 2024': the rating year must be asked",
    )

    # sc03: a `,` CSV grouped under teaching-group heading rows ('Tổ Toán - Tin'), the chi bộ in the title
    ms3 = members(24, exempt=1, not_rated=1)
    groups = ["Tổ Toán - Tin", "Tổ Ngữ văn - Sử - Địa", "Tổ Ngoại ngữ", "Tổ Văn phòng"]
    rows = [["Chi bộ Trường THPT Vân Sơn - Xếp loại đảng viên năm 2022"], ["STT", "Họ và tên", "Xếp loại", "Ghi chú"]]
    k = 0
    for gi, g in enumerate(groups):
        rows.append([g])
        for m in ms3[gi * 6 : gi * 6 + 6]:
            k += 1
            rows.append([k, m["name"], mlabel(m["status"], False), ""])
    name = "sc03_truong_hoc_nhom_theo_to_chuyen_mon_2022.csv"
    write_csv(name, rows)
    expect(
        name,
        "SC",
        "a school's members 2022 under heading rows naming teaching groups ('Tổ Toán - Tin'), not chi bộ; the "
        "chi bộ in the title, `,` CSV",
        member_rows(2022, mstat(ms3)),
    )


# -- family TO: party groups (tổ đảng) inside one chi bộ ------------------------------------------
def fam_to() -> None:
    ms = members(30, exempt=3, not_rated=1)
    rows = [
        ["CHI BỘ THÔN ĐÔNG HÒA"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    k = 0
    for t in range(3):
        rows.append([f"Tổ đảng số {t + 1}"])
        for m in ms[t * 10 : t * 10 + 10]:
            k += 1
            rows.append([k, m["name"], m["birth"], mlabel(m["status"])])
    name = "to01_to_dang_dong_tieu_de_2024.xlsx"
    xlsx(FILES / name, [{"title": "2024", "rows": rows, "bold_rows": (3,)}])
    expect(
        name,
        "TO",
        "a chi bộ thôn's members under heading rows 'Tổ đảng số 1' … 'Tổ đảng số 3' (party groups inside the chi "
        "bộ, not organisations); the chi bộ in the title",
        member_rows(2024, mstat(ms)),
    )

    ms2 = members(27, exempt=4, not_rated=1)
    rows = [
        ["CHI BỘ THÔN BẾN ĐÁ - ĐẢNG BỘ XÃ HÒA THẮNG"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Họ và tên", "Tổ đảng", "Xếp loại", "Ghi chú"],
    ]
    for i, m in enumerate(sorted(ms2, key=lambda _: R.random()), 1):
        rows.append([i, m["name"], f"Tổ {R.randint(1, 3)}", mlabel(m["status"], False), None])
    base = tmp("to02.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows, "bold_rows": (3,)}])
    name = "to02_cot_to_dang_2025.ods"
    convert(base, "ods", name)
    expect(
        name,
        "TO,E",
        "a chi bộ thôn's members 2025 with a 'Tổ đảng' column ('Tổ 2'): party groups inside one chi bộ (.ods)",
        member_rows(2025, mstat(ms2)),
    )


# -- family ML: a workbook with a table of contents ('Mục lục') linking to its sheets --------------
def fam_ml() -> None:
    cbs = ["Chi bộ Văn phòng", "Chi bộ phòng Nghiệp vụ", "Chi bộ phòng Kế hoạch - Tài chính", "Chi bộ Thanh tra"]
    sheets_ms = {cb: members(R.randint(9, 16), exempt=R.randint(0, 1), not_rated=R.randint(0, 1)) for cb in cbs}
    wb = Workbook()
    toc = wb.active
    toc.title = "Muc luc"
    toc.append(["ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO"])
    toc.append(["MỤC LỤC - DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024"])
    toc.append(["STT", "Chi bộ", "Số đảng viên", "Xem"])
    for i, cb in enumerate(cbs, 1):
        sname = f"CB{i}"
        toc.append([i, cb, len(sheets_ms[cb]), "Xem danh sách"])
        toc.cell(row=toc.max_row, column=4).hyperlink = f"#'{sname}'!A1"
        toc.cell(row=toc.max_row, column=4).font = Font(color="0000FF", underline="single")
    for i, cb in enumerate(cbs, 1):
        ws = wb.create_sheet(f"CB{i}")
        ws.append(["← Mục lục"])
        ws["A1"].hyperlink = "#'Muc luc'!A1"
        ws.append([cb.upper() + " - XẾP LOẠI ĐẢNG VIÊN NĂM 2024"])
        ws.append(["STT", "Họ và tên", "Năm sinh", "Xếp loại"])
        for r in member_list(sheets_ms[cb]):
            ws.append(r)
    name = "ml01_muc_luc_lien_ket_sheet_chi_bo_2024.xlsx"
    wb.save(FILES / name)
    allm = [m for cb in cbs for m in sheets_ms[cb]]
    expect(
        name,
        "ML",
        "a đảng bộ's members 2024, one sheet per chi bộ ('CB1' … 'CB4') each with '← Mục lục' linked in A1, and a "
        "first sheet 'Muc luc' listing the chi bộ with their member count and a 'Xem danh sách' link",
        member_rows(2024, mstat(allm)),
    )

    blocs = {"Khoi Dang": 0, "Khoi Nha nuoc": 9, "Khoi Doan the": 19}
    wb = Workbook()
    toc = wb.active
    toc.title = "Muc luc"
    toc.append(["MỤC LỤC"])
    toc.append(["STT", "Nội dung", "Sheet"])
    allu = []
    for i, sh in enumerate(blocs, 1):
        toc.append([i, f"Kết quả xếp loại tổ chức cơ sở đảng - {sh.replace('Khoi', 'Khối')}", sh])
        toc.cell(row=toc.max_row, column=3).hyperlink = f"#'{sh}'!A1"
    for sh, off in blocs.items():
        us = grassroots(units(R.randint(5, 8), years=(2023,), offset=off))
        allu += us
        ws = wb.create_sheet(sh)
        ws.append(["Quay lại mục lục"])
        ws["A1"].hyperlink = "#'Muc luc'!A1"
        ws.append([f"KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023 - {sh.upper()}"])
        ws.append(["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"])
        for i, u in enumerate(us, 1):
            ws.append([i, u["name"], ABBR[u["tier"][2023]]])
    name = "ml02_muc_luc_sheet_theo_khoi_2023.xlsx"
    wb.save(FILES / name)
    expect(
        name,
        "ML",
        "units 2023, one sheet per khối, each starting with a 'Quay lại mục lục' link in A1; a first sheet 'Muc luc' "
        "listing the sheets (no organisations in it)",
        unit_expect(allu, 2023),
    )


# -- family SS: a chi bộ's members split over sheets by status -------------------------------------
def fam_ss() -> None:
    off = members(22, exempt=0, not_rated=0)
    prob = members(3, exempt=0, not_rated=0)
    ex = members(4, exempt=4, not_rated=0)
    head = ["STT", "Họ và tên", "Năm sinh", "Xếp loại"]
    s1 = [["CHI BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], ["ĐẢNG VIÊN CHÍNH THỨC - XẾP LOẠI NĂM 2024"], head]
    s1 += member_list(off)
    s2 = [["CHI BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], ["ĐẢNG VIÊN DỰ BỊ - XẾP LOẠI NĂM 2024"], head]
    s2 += member_list(prob)
    s3 = [
        ["CHI BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"],
        ["ĐẢNG VIÊN ĐƯỢC MIỄN ĐÁNH GIÁ NĂM 2024"],
        ["STT", "Họ và tên", "Năm sinh", "Lý do miễn"],
    ]
    s3 += [[i, m["name"], m["birth"], "Tuổi cao, đã nghỉ hưu"] for i, m in enumerate(ex, 1)]
    name = "ss01_sheet_chinh_thuc_du_bi_mien_2024.xlsx"
    xlsx(
        FILES / name,
        [
            {"title": "DV chinh thuc", "rows": s1, "bold_rows": (3,)},
            {"title": "DV du bi", "rows": s2, "bold_rows": (3,)},
            {"title": "Mien DG", "rows": s3, "bold_rows": (3,)},
        ],
    )
    expect(
        name,
        "SS",
        "one chi bộ's members 2024 over three sheets: 'DV chinh thuc' and 'DV du bi' with the tier, 'Mien DG' the "
        "exempt with 'Lý do miễn' and no rating column (every one of them exempt, as the title says)",
        member_rows(2024, mstat(off + prob + ex)),
    )

    rated = members(20, exempt=0, not_rated=0)
    nr = members(3, exempt=0, not_rated=3)
    s1 = [["CHI BỘ TỈNH ĐOÀN"], ["DANH SÁCH ĐẢNG VIÊN ĐƯỢC XẾP LOẠI NĂM 2024"], head] + member_list(rated)
    s2 = [
        ["CHI BỘ TỈNH ĐOÀN"],
        ["DANH SÁCH ĐẢNG VIÊN CHƯA ĐÁNH GIÁ, XẾP LOẠI NĂM 2024"],
        ["STT", "Họ và tên", "Năm sinh", "Lý do"],
    ]
    reasons = ("Mới kết nạp tháng 10/2024", "Nghỉ ốm dài ngày", "Đi học tập trung ở nước ngoài")
    s2 += [[i, m["name"], m["birth"], reasons[i - 1]] for i, m in enumerate(nr, 1)]
    base = tmp("ss02.xlsx")
    xlsx(base, [{"title": "Da xep loai", "rows": s1, "bold_rows": (3,)}, {"title": "Chua xep loai", "rows": s2}])
    name = "ss02_sheet_da_va_chua_xep_loai_2024.xls"
    convert(base, "xls:MS Excel 97", name)
    expect(
        name,
        "SS,E",
        "members 2024 over two sheets: 'Da xep loai' with the tier, 'Chua xep loai' three members not rated with "
        "'Lý do' and no rating column (.xls through LibreOffice)",
        member_rows(2024, mstat(rated + nr)),
    )


# -- family TH: the decision written 'Thống nhất' / 'Như đề nghị' where it agrees with the proposal --
def fam_th() -> None:
    us = grassroots(units(20, n_db=3, years=(2023,), offset=4))
    rows = [
        ["ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"],
        ["KẾT QUẢ THẨM ĐỊNH, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        ["STT", "Tên tổ chức cơ sở đảng", "Tổ chức đảng tự xếp loại", "Ban Thường vụ Đảng ủy quyết định", "Ghi chú"],
    ]
    changed = set(R.sample([i for i, u in enumerate(us) if u["tier"][2023] != "top"], 4))
    for i, u in enumerate(us):
        t = u["tier"][2023]
        if i in changed:
            rows.append([i + 1, u["name"], ABBR[BETTER_[t]], ABBR[t], "Hạ một mức do có đảng viên vi phạm"])
        else:
            rows.append([i + 1, u["name"], ABBR[t], "Thống nhất", None])
    name = "th01_quyet_dinh_ghi_thong_nhat_2023.xlsx"
    xlsx(FILES / name, [{"title": "Tham dinh", "rows": rows, "bold_rows": (3,)}])
    expect(
        name,
        "TH",
        "units 2023: 'Tổ chức đảng tự xếp loại' then 'Ban Thường vụ Đảng ủy quyết định' holding 'Thống nhất' where "
        "it agrees with the self-rating and a tier (one lower) on the four rows where it does not",
        unit_expect(us, 2023),
    )

    ms = members(23, exempt=1, not_rated=1)
    rows = [
        ["ĐẢNG BỘ SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"],
        ["CHI BỘ PHÒNG KẾ HOẠCH - TÀI CHÍNH"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Họ và tên", "Chi bộ đề nghị", "Đảng ủy quyết định"],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in TIERS and s != "top" and R.random() < 0.15:
            rows.append([i, m["name"], ABBR[BETTER_[s]], ABBR[s]])
        else:
            rows.append([i, m["name"], mlabel(s), R.choice(("Như đề nghị", "Như đề nghị", "Đồng ý"))])
    name = "th02_quyet_dinh_nhu_de_nghi_dang_vien_2024.xlsx"
    xlsx(FILES / name, [{"title": "2024", "rows": rows, "bold_rows": (4,)}])
    expect(
        name,
        "TH",
        "members 2024: 'Chi bộ đề nghị' then 'Đảng ủy quyết định' holding 'Như đề nghị' / 'Đồng ý' (as proposed) "
        "and a lower tier where the đảng ủy changed it",
        member_rows(2024, mstat(ms)),
    )

    us3 = grassroots(units(16, years=(2022,), offset=14))
    rows = [
        ["KẾT QUẢ XẾP LOẠI CHI BỘ CƠ SỞ NĂM 2022"],
        ["STT", "Tên chi bộ", "Chi bộ tự đánh giá", "Ý kiến thẩm định của Ban Tổ chức", "Đảng ủy Khối quyết định"],
    ]
    for i, u in enumerate(us3, 1):
        t = u["tier"][2022]
        rows.append([i, u["name"], FULL[t], "Đề nghị giữ nguyên", "Giữ nguyên mức chi bộ tự đánh giá"])
    base = tmp("th03.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows, "bold_rows": (2,)}])
    name = "th03_giu_nguyen_muc_tu_danh_gia_2022.ods"
    convert(base, "ods", name)
    expect(
        name,
        "TH,E",
        "chi bộ cơ sở 2022: the self-assessment, the Ban Tổ chức's 'Đề nghị giữ nguyên' and the decision 'Giữ "
        "nguyên mức chi bộ tự đánh giá' on every row: the self-assessment is the decided tier (.ods)",
        unit_expect(us3, 2022),
    )


BETTER_ = {"top": "top", "good": "top", "pass": "good", "fail": "pass"}


# -- family DT: sheets made on a phone (Google Sheets app, WPS Office) -----------------------------
def phone_case(label: str) -> str:
    """What a phone keyboard's auto-capitalisation makes of a typed abbreviation: 'Httnv'."""
    return label[0] + label[1:].lower() if label.isupper() else label


def fam_dt() -> None:
    # dt01: Google Sheets app: names typed in lower case, abbreviations auto-capitalised ('Httnv'),
    # a trailing space after some, 'Miễn' for exempt, 'Chưa' for not rated
    ms = members(22, exempt=1, not_rated=1)
    rows = [["Họ tên", "Năm sinh", "XL 2024", "Ghi chú"]]
    for m in ms:
        s = m["status"]
        lab = phone_case(ABBR[s]) if s in TIERS else {"exempt": "Miễn", "not_rated": "Chưa ĐG"}[s]
        rows.append([m["name"].lower(), m["birth"], lab + (" " if R.random() < 0.3 else ""), None])
    name = "dt01_dien_thoai_chu_thuong_viet_hoa_dau_2024.xlsx"
    xlsx(FILES / name, [{"title": "Trang tính1", "rows": rows, "plain": True}])
    expect(
        name,
        "DT",
        "members 2024 typed on a phone in the Google Sheets app: names in lower case, tiers auto-capitalised 'Httnv', "
        "'Htxsnv', trailing spaces, 'Miễn' and 'Chưa ĐG', header 'XL 2024', no title, sheet 'Trang tính1'",
        member_rows(2024, mstat(ms)),
    )

    # dt02: WPS Office on a phone: the app's name in docProps, a dropdown over 500 rows, a stray space typed
    # in AB900 (the used range runs to row 900)
    ms2 = members(19, exempt=1, not_rated=0)
    rows = [
        ["CHI BỘ TRẠM Y TẾ XÃ HÒA THẮNG"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    rows += member_list(ms2)
    name = "dt02_wps_dien_thoai_vung_dung_den_dong_900_2025.xlsx"
    xlsx(FILES / name, [{"title": "Sheet1", "rows": rows, "bold_rows": (3,)}])
    from openpyxl import load_workbook

    wb = load_workbook(FILES / name)
    ws = wb.active
    ws["AB900"] = " "
    dv = DataValidation(type="list", formula1='"HTXSNV,HTTNV,HTNV,KHTNV,Miễn đánh giá,Chưa đánh giá"')
    ws.add_data_validation(dv)
    dv.add("D4:D503")
    ws.freeze_panes = "C4"
    wb.save(FILES / name)
    set_app(FILES / name, "WPS Spreadsheets")
    expect(
        name,
        "DT",
        "members 2025 saved by WPS Office on a phone: the app's name in docProps/app.xml, frozen panes, a dropdown "
        "over 500 rows and a stray space typed in AB900 (the used range runs to row 900)",
        member_rows(2025, mstat(ms2)),
    )

    # dt03: a Google Sheets CSV shared from the phone: the ticks are the emoji '✔️' (U+2714 U+FE0F)
    ms3 = members(20, exempt=1, not_rated=1)
    rows = [
        ["Chi bộ Hội Nông dân tỉnh - xếp loại ĐV năm 2023", "", "", "", "", "", ""],
        ["Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn ĐG", "Chưa ĐG"],
    ]
    for m in ms3:
        rows.append([m["name"], *["✔️" if m["status"] == k else "" for k in TICK_COLS]])
    name = "dt03_csv_dien_thoai_dau_tich_emoji_2023.csv"
    write_csv(name, rows)
    expect(
        name,
        "DT",
        "members 2023 from a phone: ticks as the emoji '✔️' (U+2714 with the variation selector U+FE0F) under six "
        "columns, the title in A1 followed by empty cells, `,` CSV",
        member_rows(2023, mstat(ms3)),
    )


def set_app(path: Path, app: str) -> None:
    """Write the application's name into docProps/app.xml, as the app that saved the file does."""
    tmpzip = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmpzip, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "docProps/app.xml":
                data = data.replace(
                    b"<Application>Microsoft Excel</Application>", f"<Application>{app}</Application>".encode()
                )
            zout.writestr(item, data)
    tmpzip.replace(path)


# -- family DH: the tables behind a congress (Đại hội nhiệm kỳ 2025-2030) ------------------------
def fam_dh() -> None:
    # dh01: the political report's annex: one đảng bộ's members per year of the term, years down the side,
    # 'SL | %' under each tier
    years = (2020, 2021, 2022, 2023, 2024)
    rows = [
        ["ĐẢNG BỘ SỞ Y TẾ"],
        ["Phụ lục 03"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NHIỆM KỲ 2020 - 2025"],
        ["(Kèm theo Báo cáo chính trị tại Đại hội Đảng bộ Sở Y tế lần thứ IV, nhiệm kỳ 2025 - 2030)"],
        [
            "Năm",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "HTXSNV",
            None,
            "HTTNV",
            None,
            "HTNV",
            None,
            "KHTNV",
            None,
        ],
        [None, None, None, None, "SL", "%", "SL", "%", "SL", "%", "SL", "%"],
    ]
    exp = []
    for y in years:
        c = {"top": R.randint(15, 30), "good": R.randint(120, 160), "pass": R.randint(5, 15), "fail": R.randint(0, 2)}
        c["exempt"], c["not_rated"] = R.randint(8, 14), R.randint(1, 5)
        rated = sum(c[t] for t in TIERS)
        row = [y, rated + c["exempt"] + c["not_rated"], c["exempt"], c["not_rated"]]
        for t in TIERS:
            row += [c[t], f"{100 * c[t] / rated:.2f}".replace(".", ",")]
        rows.append(row)
        exp += counts_rows(y, c)
    name = "dh01_phu_luc_dai_hoi_dang_vien_theo_nam_nhiem_ky.xlsx"
    xlsx(
        FILES / name,
        [
            {
                "title": "PL03",
                "rows": rows,
                "merges": ["E5:F5", "G5:H5", "I5:J5", "K5:L5", "A5:A6", "B5:B6", "C5:C6", "D5:D6"],
            }
        ],
    )
    expect(
        name,
        "DH",
        "a congress report's annex: one đảng bộ's member counts for each year 2020-2024 down the side ('Năm' column), "
        "'SL | %' under each tier, the term '2020 - 2025' and '2025 - 2030' in the titles",
        exp,
    )

    # dh02: a chi bộ's members over the term for its congress, one column per year; '-' before a member
    # was admitted (not a member that year)
    ms = members(18, exempt=0, not_rated=0)
    rows = [
        ["CHI BỘ SỞ TƯ PHÁP"],
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NHIỆM KỲ 2020 - 2025"],
        ["(Phục vụ Đại hội Chi bộ nhiệm kỳ 2025 - 2030)"],
        ["STT", "Họ và tên", "Năm vào Đảng", "Năm 2020", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024"],
    ]
    per_year = {y: [] for y in years}
    for i, m in enumerate(ms, 1):
        joined = {5: 2021, 11: 2022, 16: 2023}.get(i) or R.choice((2002, 2006, 2010, 2013, 2016, 2019))
        row = [i, m["name"], joined]
        for y in years:
            if y < joined:
                row.append("-")
            elif y == joined:
                row.append("Chưa đánh giá")
                per_year[y].append("not_rated")
            else:
                t = tier_draw((0.12, 0.7, 0.16, 0.02))
                row.append(ABBR[t])
                per_year[y].append(t)
        rows.append(row)
    name = "dh02_dai_hoi_chi_bo_xep_loai_5_nam.xlsx"
    xlsx(FILES / name, [{"title": "Sheet1", "rows": rows, "bold_rows": (4,)}])
    expect(
        name,
        "DH",
        "a chi bộ's members over the term for its congress: 'Năm 2020' … 'Năm 2024' columns, '-' in the years before "
        "a member was admitted (not a member then, not counted), 'Chưa đánh giá' in the year of admission",
        [r for y in years for r in member_rows(y, per_year[y])],
    )


# -- family ZO: odd-looking, read without doubt ------------------------------------------------------
def fam_zo() -> None:
    # zo01: a chi bộ cơ sở's own report: one organisation on one row
    t = tier_draw()
    rows = [
        ["ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH"],
        ["CHI BỘ LIÊN ĐOÀN LAO ĐỘNG TỈNH"],
        ["KẾT QUẢ TỰ KIỂM ĐIỂM VÀ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM 2024"],
        ["STT", "Tên tổ chức đảng", "Cấp ủy cấp trên quyết định xếp loại", "Ghi chú"],
        [1, "Chi bộ Liên đoàn Lao động tỉnh", FULL[t], None],
    ]
    rows += signature()
    name = "zo01_mot_to_chuc_mot_dong_2024.xlsx"
    xlsx(FILES / name, [{"title": "Sheet1", "rows": rows, "bold_rows": (4,)}])
    expect(name, "ZO", "a chi bộ cơ sở's own sheet: one organisation on one row, 2024", unit_rows(2024, [t]))

    # zo02: names and tiers in capitals, `,` CSV without BOM
    ms = members(17, exempt=1, not_rated=1)
    rows = [["STT", "HỌ VÀ TÊN", "NĂM SINH", "XẾP LOẠI NĂM 2021"]]
    rows += [[i, m["name"].upper(), m["birth"], mlabel(m["status"], False).upper()] for i, m in enumerate(ms, 1)]
    name = "zo02_chu_in_hoa_toan_bo_2021.csv"
    write_csv(name, rows)
    expect(
        name,
        "ZO",
        "members 2021 typed in capitals throughout: 'NGUYỄN VĂN AN', 'HOÀN THÀNH TỐT NHIỆM VỤ', 'MIỄN ĐÁNH GIÁ'",
        member_rows(2021, mstat(ms)),
    )

    # zo03: a retirees' chi bộ: 9 of 12 exempt, 3 rated
    ms3 = members(12, exempt=9, not_rated=0)
    rows = [
        ["CHI BỘ HƯU TRÍ KHU PHỐ 5"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        ["STT", "Họ và tên", "Năm sinh", "Tuổi đảng", "Xếp loại"],
    ]
    for i, m in enumerate(ms3, 1):
        rows.append(
            [
                i,
                m["name"],
                m["birth"],
                R.randint(30, 60) if m["status"] == "exempt" else R.randint(5, 20),
                mlabel(m["status"], False),
            ]
        )
    name = "zo03_chi_bo_huu_tri_hau_het_mien_2025.xlsx"
    xlsx(FILES / name, [{"title": "Sheet1", "rows": rows, "bold_rows": (3,)}])
    expect(
        name,
        "ZO",
        "a retirees' chi bộ 2025: 9 of 12 members exempt, a 'Tuổi đảng' column of numbers 30-60 beside the birth year",
        member_rows(2025, mstat(ms3)),
    )


# -- family PD: a PDF turned back into Excel by a converter -------------------------------------------
def spread(row: list) -> list:
    """A converter's columns: each value followed by an empty column."""
    out = []
    for v in row:
        out += [v, None]
    return out[:-1]


def fam_pd() -> None:
    # pd01: members 2024: an empty column after every column, the header's words broken over two unmerged
    # rows ('Họ và' / 'tên'), every number as text
    ms = members(23, exempt=1, not_rated=1)
    rows = [
        spread(["CHI BỘ SỞ DÂN TỘC VÀ TÔN GIÁO"]),
        spread(["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024"]),
        spread(["STT", "Họ và", "Năm", "Xếp loại"]),
        spread([None, "tên", "sinh", "chất lượng"]),
    ]
    for i, m in enumerate(ms, 1):
        rows.append(spread([str(i), m["name"], str(m["birth"]), mlabel(m["status"])]))
    name = "pd01_pdf_sang_excel_cot_trong_xen_ke_2024.xlsx"
    xlsx(FILES / name, [{"title": "Table 1", "rows": rows, "plain": True}])
    expect(
        name,
        "PD",
        "members 2024 from a PDF converter: an empty column after every column, the header's words broken over two "
        "unmerged rows ('Họ và' / 'tên', 'Xếp loại' / 'chất lượng'), every number as text",
        member_rows(2024, mstat(ms)),
    )

    # pd02: units 2023: long names wrapped onto a second row without merging: the name's end alone on the
    # row below, with nothing else on it
    us = grassroots(units(18, n_db=2, years=(2023,), offset=1))
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    for i, u in enumerate(us, 1):
        words = u["name"].split()
        if len(words) >= 6:
            cut = len(words) - 2
            rows.append([str(i), " ".join(words[:cut]), ABBR[u["tier"][2023]], None])
            rows.append([None, " ".join(words[cut:]), None, None])
        else:
            rows.append([str(i), u["name"], ABBR[u["tier"][2023]], None])
    name = "pd02_pdf_sang_excel_ten_dai_xuong_dong_2023.xlsx"
    xlsx(FILES / name, [{"title": "Table 1", "rows": rows, "plain": True}])
    expect(
        name,
        "PD",
        "units 2023 from a PDF converter: each long name wrapped onto the next row without merging ('Chi bộ Ban "
        "Tuyên giáo và Dân vận' / 'Tỉnh ủy'), the continuation row holding only the name's end",
        unit_expect(us, 2023),
    )

    # pd03: members 2024: one sheet per PDF page ('Table 1' … 'Table 3'), the header only on the first; the
    # next pages start with data rows, numbering running on
    ms3 = members(41, exempt=3, not_rated=1)
    head = [
        ["CHI BỘ BÁO VÂN SƠN"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    rows = member_list(ms3)
    sheets = [
        {"title": "Table 1", "rows": head + rows[:15], "plain": True},
        {"title": "Table 2", "rows": rows[15:32], "plain": True},
        {
            "title": "Table 3",
            "rows": rows[32:] + [[], [None, None, "T/M CHI ỦY"], [None, None, "BÍ THƯ"]],
            "plain": True,
        },
    ]
    name = "pd03_pdf_sang_excel_moi_trang_mot_sheet_2024.xlsx"
    xlsx(FILES / name, sheets)
    expect(
        name,
        "PD",
        "members 2024 from a PDF converter: one sheet per page ('Table 1' … 'Table 3'), the title and header only on "
        "the first; pages 2 and 3 start with data rows, STT running on",
        member_rows(2024, mstat(ms3)),
    )


# -- family CR: 2025 score sheets broken down by criterion (QĐ 366): a column per criterion ------------
def split_score(total: float, maxima: tuple) -> list:
    """Points per criterion adding up to `total`, none above its maximum."""
    parts = [m * total / 100 for m in maxima]
    parts = [round(p * 2) / 2 for p in parts]
    parts[-1] = round(total - sum(parts[:-1]), 1)
    return parts


def fam_cr() -> None:
    # cr01: members 2025: 'Tiêu chí 1 (20 điểm)' … 'Tiêu chí 4 (30 điểm)', 'Tổng điểm', then the tier
    maxima = (20, 30, 20, 30)
    ms = members(21, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ SỞ TÀI CHÍNH"],
        ["BẢNG CHẤM ĐIỂM, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        [
            "STT",
            "Họ và tên",
            "Tiêu chí 1: Chính trị tư tưởng (20 điểm)",
            "Tiêu chí 2: Đạo đức, lối sống (30 điểm)",
            "Tiêu chí 3: Ý thức tổ chức kỷ luật (20 điểm)",
            "Tiêu chí 4: Kết quả thực hiện nhiệm vụ (30 điểm)",
            "Tổng điểm",
            "Xếp loại",
        ],
    ]
    for i, m in enumerate(ms, 1):
        if m["status"] in TIERS:
            sc = score_for(m["status"])
            rows.append([i, m["name"], *split_score(sc, maxima), sc, ABBR[m["status"]]])
        else:
            rows.append([i, m["name"], None, None, None, None, None, mlabel(m["status"])])
    name = "cr01_diem_theo_tung_tieu_chi_dang_vien_2025.xlsx"
    xlsx(FILES / name, [{"title": "Cham diem", "rows": rows, "bold_rows": (3,)}])
    expect(
        name,
        "CR",
        "members 2025 scored criterion by criterion: four columns 'Tiêu chí 1: Chính trị tư tưởng (20 điểm)' … "
        "'Tiêu chí 4: … (30 điểm)', 'Tổng điểm', then the tier",
        member_rows(2025, mstat(ms)),
    )

    # cr02: chi bộ trực thuộc of a đảng bộ 2025: 'TC1' … 'TC4' under a merged 'Điểm chấm theo tiêu chí', the total,
    # the tier proposed by the chi bộ and the đảng ủy's decision
    cs = commune_cells(
        9,
        names=[
            "Chi bộ Văn phòng",
            "Chi bộ Thanh tra",
            "Chi bộ phòng Nghiệp vụ",
            "Chi bộ khoa Nội",
            "Chi bộ khoa Ngoại",
            "Chi bộ khoa Sản",
            "Chi bộ khoa Nhi",
            "Chi bộ khoa Dược",
            "Chi bộ Trung tâm Dịch vụ",
        ],
    )
    rows = [
        ["ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH VÂN SƠN"],
        ["KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI CÁC CHI BỘ TRỰC THUỘC NĂM 2025"],
        [
            "STT",
            "Tên chi bộ",
            "Điểm chấm theo tiêu chí",
            None,
            None,
            None,
            "Tổng điểm",
            "Chi bộ tự xếp loại",
            "Đảng ủy quyết định xếp loại",
        ],
        [None, None, "TC1", "TC2", "TC3", "TC4", None, None, None],
    ]
    for i, c in enumerate(cs, 1):
        t = c["tier"][2025]
        rows.append(
            [
                i,
                c["name"],
                *split_score(c["score"], (25, 25, 25, 25)),
                c["score"],
                ABBR[BETTER_[t]] if i % 4 == 0 else ABBR[t],
                ABBR[t],
            ]
        )
    name = "cr02_chi_bo_truc_thuoc_tc1_tc4_2025.xlsx"
    xlsx(
        FILES / name,
        [
            {
                "title": "2025",
                "rows": rows,
                "bold_rows": (3, 4),
                "merges": ["C3:F3", "A3:A4", "B3:B4", "G3:G4", "H3:H4", "I3:I4"],
            }
        ],
    )
    expect(
        name,
        "CR",
        "a đảng bộ's 9 chi bộ trực thuộc 2025: 'TC1' … 'TC4' under a merged 'Điểm chấm theo tiêu chí', 'Tổng điểm', "
        "the chi bộ's self-rating and the đảng ủy's decision (which counts); cells",
        cell_rows(2025, [c["tier"][2025] for c in cs]),
    )


def main() -> None:
    if FILES.exists():
        shutil.rmtree(FILES)
    FILES.mkdir(parents=True)
    for fam in (
        fam_tp,
        fam_xa,
        fam_mc,
        fam_ck,
        fam_fx,
        fam_sc,
        fam_to,
        fam_ml,
        fam_ss,
        fam_th,
        fam_dt,
        fam_dh,
        fam_zo,
        fam_pd,
        fam_cr,
    ):
        fam()
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    missing = {p.name for p in FILES.iterdir()} ^ set(EXPECTED)
    assert not missing, missing
    print(f"{len(EXPECTED)} files written to {FILES}")


if __name__ == "__main__":
    main()
