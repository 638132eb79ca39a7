"""The sixth red team of issue 18: realistic files in layouts no other test here has (held out).

    python tests/data/redteam6/make_redteam6.py

Written WITHOUT reading the reader's code or its tests (only README.md, docs/, the domain brief, the
READMEs of redteam2-5, the shared kit, the judge and the *names* of the files of the other sets).
Every figure in expected.json is counted from this generator's own model — the organisations and
members it writes, each with its tier or status — never from ccq-stats. Seeded: a re-run writes the
same cells (the .ods/.xls files and the .xlsx saved through LibreOffice are converted by headless
LibreOffice, which stamps its own metadata inside; same content). The province is "Bắc Lâm",
fictional like every name here.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
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
    UNIT_OLD,
    R,
    convert,
    counts_rows,
    expect,
    member_rows,
    members,
    person,
    unit_expect,
    unit_rows,
    units,
    write_csv,
    xlsx,
)

redteam_kit.start(HERE, seed=20261210, province="Bắc Lâm")

STATUS_WORD = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}
POSTS = ("Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", "Kế toán", "Nhân viên", "Phó Giám đốc")
CBS = ("Chi bộ Văn phòng", "Chi bộ phòng Nghiệp vụ", "Chi bộ phòng Kế hoạch - Tài chính", "Chi bộ Thanh tra")


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


def party_header(body: str, year_made: int) -> list:
    """The party's document header (HD 36) as two cells per row, as a Word layout table pastes."""
    return [
        ["ĐẢNG BỘ TỈNH BẮC LÂM", None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        [body, None, None, None],
        ["*", None, None, f"Bắc Lâm, ngày 12 tháng 01 năm {year_made}"],
    ]


# -- family WD: Word tables pasted into Excel --------------------------------------------------------
def fam_wd() -> None:
    # wd01: units 2019 pasted from a Word report: every cell text, STT "01.", stray and double spaces
    us = grassroots(units(22, n_db=3, years=(2019,), offset=2))
    rows = party_header("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 2020) + [
        [],
        ["DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        ["(Kèm theo Báo cáo số 215-BC/ĐUK ngày 12/01/2020)"],
        [" STT ", " Tên tổ chức cơ sở đảng ", " Xếp loại chất lượng ", " Ghi chú "],
    ]
    for i, u in enumerate(us, 1):
        lab = FULL[u["tier"][2019]]
        lab = " " + lab.replace(" tốt ", "  tốt ").replace("thành ", "thành\u00a0") + "  "
        rows.append([f"{i:02d}.", "  " + u["name"] + " ", lab, " "])
    xlsx(FILES / "wd01_dan_tu_word_chu_toan_bo_2019.xlsx", [{"title": "Sheet1", "rows": rows, "plain": True}])
    expect(
        "wd01_dan_tu_word_chu_toan_bo_2019.xlsx",
        "WD",
        "units 2019 pasted from a Word report: the party header as a pasted layout table, every cell text, "
        "STT '01.', leading/trailing/double spaces and NBSP inside the labels",
        unit_expect(us, 2019),
    )

    # wd02: member counts 2021 pasted from Word: numbers typed "05", "0", a dash for none, all text
    orgs = [u["name"] for u in grassroots(units(12, years=(2021,), offset=9))]
    head = [
        "TT",
        "Tổ chức cơ sở đảng",
        "Tổng số đảng viên",
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
        "Miễn đánh giá",
        "Chưa đánh giá",
    ]
    total = dict.fromkeys((*TIERS, "exempt", "not_rated"), 0)
    body = []
    for i, o in enumerate(orgs, 1):
        c = tally(members(R.randint(6, 28), exempt=R.randint(0, 2), not_rated=R.randint(0, 1)))
        for k in total:
            total[k] += c[k]

        def txt(n: int) -> str:
            return "-" if n == 0 and R.random() < 0.5 else f"{n:02d}"

        body.append([f"{i}", o, txt(sum(c.values())), *[txt(c[k]) for k in (*TIERS, "exempt", "not_rated")]])
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH BẮC LÂM"],
        ["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        [],
        head,
        *body,
        ["", "Cộng", f"{sum(total.values())}", *[f"{total[k]:02d}" for k in (*TIERS, "exempt", "not_rated")]],
    ]
    xlsx(FILES / "wd02_so_dang_chu_05_gach_ngang_2021.xlsx", [{"title": "Sheet1", "rows": rows, "plain": True}])
    expect(
        "wd02_so_dang_chu_05_gach_ngang_2021.xlsx",
        "WD",
        "member counts 2021 per organisation pasted from a Word table: every number text with a leading zero "
        "('05'), '-' for none, a 'Cộng' row",
        counts_rows(2021, total),
    )

    # wd03: a chi bộ's members 2023 pasted from Word: header as a layout table, NBSP in headers, dates as text
    ms = members(17, exempt=1, not_rated=1)
    rows = party_header("ĐẢNG BỘ SỞ XÂY DỰNG", 2024) + [
        ["CHI BỘ PHÒNG QUẢN LÝ NHÀ", None, None, None],
        [],
        ["DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2023"],
        [
            "Số\u00a0TT",
            "Họ\u00a0và\u00a0tên",
            "Ngày\u00a0sinh",
            "Chức\u00a0vụ",
            "Kết\u00a0quả xếp\u00a0loại",
            "Ghi\u00a0chú",
        ],
    ]
    for i, m in enumerate(ms, 1):
        note = "Tuổi cao" if m["status"] == "exempt" else ("Kết nạp 15/9/2023" if m["status"] == "not_rated" else "")
        rows.append(
            [
                f"{i}.",
                m["name"] + " ",
                f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{m['birth']}",
                R.choice(POSTS),
                mlabel(m["status"], short=False) + " ",
                note,
            ]
        )
    rows += [[], [None, None, None, "T/M CHI BỘ"], [None, None, None, "BÍ THƯ"], [None, None, None, person()]]
    xlsx(FILES / "wd03_dang_vien_dan_tu_word_nbsp_2023.xlsx", [{"title": "Sheet1", "rows": rows, "plain": True}])
    expect(
        "wd03_dang_vien_dan_tu_word_nbsp_2023.xlsx",
        "WD",
        "a chi bộ's members 2023 pasted from Word: the party header in four columns, the chi bộ under the body, "
        "NBSP between the header words, dates as text, trailing spaces, a signature block",
        member_rows(2023, mstat(ms)),
    )


# -- family AP: a decision's appendix with several lists on one sheet, each with its own header ----
def fam_ap() -> None:
    # ap01: 2022, three lists (đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc), numbering restarting, own headers
    us = units(9, n_db=4, cells=3, years=(2022,), offset=5)
    dbs = [u for u in us if u["kind"] == "DBCS"]
    cbs = [u for u in us if u["kind"] == "CBCS"]
    cts = [u for u in us if u["kind"] == "CBTT"]
    rows = [
        ["PHỤ LỤC"],
        ["KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM 2022"],
        ["(Kèm theo Quyết định số 1234-QĐ/ĐUK ngày 20/01/2023 của Ban Thường vụ Đảng ủy Khối)"],
        [],
        ["1. Đảng bộ cơ sở"],
        ["STT", "Tên đảng bộ cơ sở", "Số chi bộ trực thuộc", "Xếp loại"],
    ]
    for i, u in enumerate(dbs, 1):
        rows.append([i, u["name"], 3, ABBR[u["tier"][2022]]])
    rows += [[], ["2. Chi bộ cơ sở"], ["STT", "Tên chi bộ cơ sở", "Xếp loại", "Ghi chú"]]
    for i, u in enumerate(cbs, 1):
        rows.append([i, u["name"], ABBR[u["tier"][2022]], None])
    rows += [[], ["3. Chi bộ trực thuộc đảng ủy cơ sở"], ["STT", "Tên chi bộ", "Thuộc đảng bộ", "Xếp loại"]]
    for i, u in enumerate(cts, 1):
        rows.append([i, u["name"], u["parent"], ABBR[u["tier"][2022]]])
    xlsx(FILES / "ap01_phu_luc_ba_danh_sach_mot_sheet_2022.xlsx", [{"title": "Phụ lục", "rows": rows}])
    expect(
        "ap01_phu_luc_ba_danh_sach_mot_sheet_2022.xlsx",
        "AP",
        "a decision's appendix 2022: three lists on one sheet (đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc), "
        "each under '1. …' with its own header of differing columns, numbering restarting",
        unit_expect(us, 2022),
    )

    # ap02: 2016 (.ods), the list of all units, then a second list of the TSVM tiêu biểu ones (names only)
    us = grassroots(units(20, n_db=3, years=(2016,), offset=11))
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH BẮC LÂM"],
        ["Phụ lục 1: KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2016"],
        ["(Kèm theo Quyết định số 85-QĐ/ĐUK ngày 18/01/2017)"],
        ["STT", "Tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], UNIT_OLD[u["tier"][2016]], None])
    tops = [u for u in us if u["tier"][2016] == "top"][:3]
    rows += [
        [],
        ["Phụ lục 2: DANH SÁCH TỔ CHỨC CƠ SỞ ĐẢNG ĐẠT TRONG SẠCH, VỮNG MẠNH TIÊU BIỂU NĂM 2016"],
        ["STT", "Tổ chức cơ sở đảng", "Hình thức khen thưởng"],
    ]
    for i, u in enumerate(tops, 1):
        rows.append([i, u["name"], "Giấy khen của Ban Thường vụ Đảng ủy Khối"])
    base = tmp("ap02.xlsx")
    xlsx(base, [{"title": "Phu luc", "rows": rows}])
    convert(base, "ods", "ap02_phu_luc_kem_danh_sach_tieu_bieu_2016.ods")
    expect(
        "ap02_phu_luc_kem_danh_sach_tieu_bieu_2016.ods",
        "AP,E",
        "appendix 2016 (.ods): the list of all units (old scale), then 'Phụ lục 2' on the same sheet listing "
        "three of the TSVM units again as 'tiêu biểu' with their award, no rating column: each unit counts once",
        unit_expect(us, 2016),
    )

    # ap03: 2020 (.xls), grassroots list, then the chi bộ trực thuộc with the rating column FIRST and parent last
    us = units(10, n_db=3, cells=2, years=(2020,), offset=1)
    rows = [
        ["PHỤ LỤC I"],
        ["XẾP LOẠI ĐẢNG BỘ CƠ SỞ, CHI BỘ CƠ SỞ NĂM 2020"],
        ["TT", "Tên tổ chức cơ sở đảng", "Loại hình", "Kết quả xếp loại"],
    ]
    for i, u in enumerate(grassroots(us), 1):
        rows.append([i, u["name"], "Đảng bộ cơ sở" if u["kind"] == "DBCS" else "Chi bộ cơ sở", FULL[u["tier"][2020]]])
    rows += [
        [],
        ["PHỤ LỤC II"],
        ["XẾP LOẠI CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ NĂM 2020"],
        ["TT", "Kết quả xếp loại", "Tên chi bộ trực thuộc", "Đảng bộ cơ sở"],
    ]
    for i, u in enumerate([u for u in us if u["kind"] == "CBTT"], 1):
        rows.append([i, FULL[u["tier"][2020]], u["name"], u["parent"]])
    base = tmp("ap03.xlsx")
    xlsx(base, [{"title": "QD", "rows": rows}])
    convert(base, "xls:MS Excel 97", "ap03_phu_luc_i_ii_cot_dao_thu_tu_2020.xls")
    expect(
        "ap03_phu_luc_i_ii_cot_dao_thu_tu_2020.xls",
        "AP,E",
        "appendices I and II of 2020 on one sheet (.xls by LibreOffice): grassroots with their kind, then the "
        "chi bộ trực thuộc with the rating column before the name and the đảng bộ last",
        unit_expect(us, 2020),
    )


# -- family CP: lists of several chi bộ combined by copy-paste, one block under the other ------------
def fam_cp() -> None:
    # cp01: members 2022 of a đảng bộ: three chi bộ files pasted one under the other, each block with its own
    # title and header, columns in different orders and words; no chi bộ column
    blocks = [(cb, members(R.randint(9, 15), exempt=R.randint(0, 1), not_rated=R.randint(0, 1))) for cb in CBS[:3]]
    rows = [["ĐẢNG BỘ SỞ TƯ PHÁP"], ["TỔNG HỢP XẾP LOẠI ĐẢNG VIÊN NĂM 2022 (ghép từ báo cáo các chi bộ)"], []]
    heads = [
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"],
        ["TT", "Năm sinh", "Họ và tên", "Chức vụ", "Kết quả xếp loại"],
        ["STT", "Họ tên đảng viên", "Xếp loại chất lượng"],
    ]
    for k, (cb, ms) in enumerate(blocks):
        rows += [[cb.upper()], heads[k]]
        for i, m in enumerate(ms, 1):
            if k == 0:
                rows.append([i, m["name"], m["birth"], mlabel(m["status"]), None])
            elif k == 1:
                rows.append([i, m["birth"], m["name"], R.choice(POSTS), mlabel(m["status"])])
            else:
                rows.append([i, m["name"], mlabel(m["status"], short=False)])
        rows.append([])
    xlsx(FILES / "cp01_ghep_ba_chi_bo_cot_khac_nhau_2022.xlsx", [{"title": "Tổng hợp", "rows": rows}])
    expect(
        "cp01_ghep_ba_chi_bo_cot_khac_nhau_2022.xlsx",
        "CP",
        "members 2022 of a đảng bộ combined by pasting three chi bộ reports one under the other: each block "
        "with the chi bộ's name and its own header (columns in different orders, different words), no chi bộ column",
        member_rows(2022, [m["status"] for _, ms in blocks for m in ms]),
    )

    # cp02: a ',' CSV with BOM, 2020: blocks "Chi bộ: …" then a header in the words of each secretary
    blocks = [(cb, members(R.randint(7, 12), exempt=R.randint(0, 1), not_rated=0)) for cb in CBS[1:4]]
    heads = [["STT", "Họ và tên", "Xếp loại"], ["TT", "Họ tên", "Kết quả"], ["Số TT", "Đảng viên", "Mức xếp loại"]]
    rows = [["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2020 - ĐẢNG BỘ SỞ CÔNG THƯƠNG", "", ""]]
    for k, (cb, ms) in enumerate(blocks):
        rows += [[f"Chi bộ: {cb.removeprefix('Chi bộ ')}", "", ""], heads[k]]
        for i, m in enumerate(ms, 1):
            rows.append([i, m["name"], mlabel(m["status"], short=k != 1)])
    write_csv("cp02_csv_ghep_khoi_tieu_de_khac_2020.csv", rows, bom=True)
    expect(
        "cp02_csv_ghep_khoi_tieu_de_khac_2020.csv",
        "CP",
        "members 2020 in a ',' CSV with BOM pasted from three chi bộ: 'Chi bộ: Văn phòng' lines, each block's "
        "header in other words ('Họ tên | Kết quả', 'Đảng viên | Mức xếp loại')",
        member_rows(2020, [m["status"] for _, ms in blocks for m in ms]),
    )

    # cp03: 2024, the second chi bộ's block pasted one column to the right of the first
    b1, b2 = members(12, exempt=1, not_rated=0), members(10, exempt=0, not_rated=1)
    rows = [
        ["ĐẢNG BỘ BÁO BẮC LÂM - XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["Chi bộ Phóng viên"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    rows += [[i, m["name"], m["birth"], mlabel(m["status"])] for i, m in enumerate(b1, 1)]
    rows += [[], [None, "Chi bộ Biên tập"], [None, "STT", "Họ và tên", "Năm sinh", "Xếp loại"]]
    rows += [[None, i, m["name"], m["birth"], mlabel(m["status"])] for i, m in enumerate(b2, 1)]
    xlsx(FILES / "cp03_khoi_thu_hai_lech_mot_cot_2024.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "cp03_khoi_thu_hai_lech_mot_cot_2024.xlsx",
        "CP",
        "members 2024 of two chi bộ pasted one under the other, the second block (its title and header too) "
        "one column to the right of the first",
        member_rows(2024, mstat(b1 + b2)),
    )

    # cp04 (refusal): 2023 combined lists where a member who moved in October is in both blocks, rated differently
    b1, b2 = members(11, exempt=0, not_rated=1), members(9, exempt=1, not_rated=0)
    moved = next(m for m in b1 if m["status"] == "good")
    rows = [["ĐẢNG BỘ SỞ NỘI VỤ - TỔNG HỢP XẾP LOẠI ĐẢNG VIÊN NĂM 2023"], []]
    for cb, ms in (("Chi bộ Văn phòng", b1), ("Chi bộ phòng Công chức", [*b2, {**moved, "status": "pass"}])):
        rows += [[cb], ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"]]
        for i, m in enumerate(ms, 1):
            note = "Chuyển đến từ 10/2023" if m is not moved and m["name"] == moved["name"] else None
            rows.append([i, m["name"], m["birth"], mlabel(m["status"]), note])
        rows.append([])
    xlsx(FILES / "cp04_mot_dang_vien_hai_khoi_hai_muc_2023.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "cp04_mot_dang_vien_hai_khoi_hai_muc_2023.xlsx",
        "CP,RF",
        "two chi bộ's lists 2023 pasted together; a member who moved in October is in both, HTTNV in the first "
        "and HTNV (with 'Chuyển đến từ 10/2023') in the second",
        refused=f"the same member ({moved['name']}, born {moved['birth']}) is rated twice in 2023 with different "
        "tiers: which chi bộ's rating counts must be asked, never guessed",
    )


# -- family HR: the agency's HR software export, the party columns among many -------------------
HR_HEAD = [
    "Mã CB",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Quê quán",
    "Phòng/Ban",
    "Chức vụ",
    "Ngạch",
    "Mã ngạch",
    "Bậc",
    "Hệ số lương",
    "Ngày hưởng",
    "Trình độ chuyên môn",
    "Lý luận chính trị",
    "Quản lý nhà nước",
    "Ngoại ngữ",
    "Tin học",
]


def hr_row(i: int, name: str, birth: int) -> list:
    return [
        f"STC{i:04d}",
        name,
        f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{birth}",
        R.choice(("Nam", "Nữ")),
        "Kinh",
        R.choice(("Bắc Lâm", "Hà Tĩnh", "Nghệ An")),
        R.choice(("Văn phòng", "Phòng Ngân sách", "Phòng Đầu tư")),
        R.choice(POSTS),
        R.choice(("Chuyên viên", "Chuyên viên chính")),
        R.choice(("01.003", "01.002")),
        R.randint(1, 8),
        round(R.uniform(2.34, 6.2), 2),
        f"01/{R.randint(1, 12):02d}/{R.randint(2015, 2022)}",
        R.choice(("Đại học", "Thạc sĩ")),
        R.choice(("Trung cấp", "Cao cấp", "")),
        R.choice(("Chuyên viên", "")),
        R.choice(("B1", "B2", "Tiếng Anh B")),
        R.choice(("Cơ bản", "Ứng dụng CNTT cơ bản")),
    ]


def civil_tier(t: str) -> str:
    return t if R.random() < 0.7 else R.choice(TIERS[:3])


def fam_hr() -> None:
    # hr01: 2023, every employee of the Sở; the party columns at the right; a civil-servant rating for everyone
    ms = members(30, exempt=0, not_rated=1)
    staff = [{**m, "member": True} for m in ms] + [
        {"name": person(), "birth": R.randint(1975, 2000), "status": R.choice(TIERS[:3]), "member": False}
        for _ in range(14)
    ]
    R.shuffle(staff)
    head = [
        *HR_HEAD,
        "Đánh giá, xếp loại công chức năm 2023",
        "Đảng viên",
        "Ngày vào Đảng",
        "Ngày chính thức",
        "Chi bộ sinh hoạt",
        "Xếp loại chất lượng đảng viên năm 2023",
    ]
    rows = [
        ["SỞ TÀI CHÍNH TỈNH BẮC LÂM - DANH SÁCH CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG (xuất từ phần mềm QLCB)"],
        head,
    ]
    for i, s in enumerate(staff, 1):
        st = s["status"]
        civ = FULL[civil_tier(st)] if st in TIERS else FULL["good"]
        party = [None] * 5
        if s["member"]:
            joined = R.randint(2000, 2022) if st != "not_rated" else 2023
            party = [
                "x",
                f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{joined}",
                None if st == "not_rated" else f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{joined + 1}",
                R.choice(CBS[:3]),
                mlabel(st, short=False),
            ]
        rows.append([*hr_row(i, s["name"], s["birth"]), civ, *party])
    xlsx(FILES / "hr01_phan_mem_nhan_su_cot_dang_ben_phai_2023.xlsx", [{"title": "DanhSachCB", "rows": rows}])
    expect(
        "hr01_phan_mem_nhan_su_cot_dang_ben_phai_2023.xlsx",
        "HR",
        "the agency's HR export 2023: 44 employees over 24 columns, a civil-servant rating for everyone in the "
        "same words, the party columns at the right filled only for the 30 members",
        member_rows(2023, mstat(ms)),
    )

    # hr02: 2021, the HR software's ';' CSV with ASCII headers; non-members with '0' in DangVien
    ms = members(22, exempt=0, not_rated=0)
    staff = [{**m, "member": True} for m in ms] + [
        {"name": person(), "birth": R.randint(1975, 2000), "status": "good", "member": False} for _ in range(9)
    ]
    R.shuffle(staff)
    rows = [
        [
            "MaCB",
            "HoTen",
            "NgaySinh",
            "GioiTinh",
            "PhongBan",
            "ChucVu",
            "HeSoLuong",
            "XepLoaiCongChuc2021",
            "DangVien",
            "NgayVaoDang",
            "ChiBo",
            "XepLoaiDangVien2021",
        ]
    ]
    for i, s in enumerate(staff, 1):
        h = hr_row(i, s["name"], s["birth"])
        civ = ABBR[civil_tier(s["status"])]
        if s["member"]:
            party = [
                "1",
                f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{R.randint(1995, 2019)}",
                R.choice(CBS[:2]),
                ABBR[s["status"]],
            ]
        else:
            party = ["0", "", "", ""]
        rows.append([h[0], h[1], h[2], h[3], h[6], h[7], str(h[11]).replace(".", ","), civ, *party])
    write_csv("hr02_csv_phan_mem_tieu_de_khong_dau_2021.csv", rows, delimiter=";")
    expect(
        "hr02_csv_phan_mem_tieu_de_khong_dau_2021.csv",
        "HR",
        "the HR software's ';' CSV 2021 with ASCII headers (HoTen, XepLoaiCongChuc2021, DangVien 1/0, ChiBo, "
        "XepLoaiDangVien2021): only the 22 members count, by their party rating",
        member_rows(2021, mstat(ms)),
    )

    # hr03 (refusal): 2022, the HR export with 'Đảng viên: Có/Không' and only the civil-servant rating
    staff = [{"name": person(), "birth": R.randint(1968, 2000), "member": R.random() < 0.7} for _ in range(26)]
    rows = [
        ["BẢO HIỂM XÃ HỘI TỈNH BẮC LÂM - DANH SÁCH VIÊN CHỨC NĂM 2022"],
        [*HR_HEAD[:9], "Đảng viên", "Chi bộ", "Kết quả đánh giá, xếp loại viên chức năm 2022"],
    ]
    for i, s in enumerate(staff, 1):
        h = hr_row(i, s["name"], s["birth"])
        rows.append(
            [
                *h[:9],
                "Có" if s["member"] else "Không",
                R.choice(CBS[:2]) if s["member"] else None,
                FULL[tier_of_staff()],
            ]
        )
    xlsx(FILES / "hr03_chi_co_xep_loai_vien_chuc_2022.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "hr03_chi_co_xep_loai_vien_chuc_2022.xlsx",
        "HR,RF",
        "the HR export 2022 with a 'Đảng viên: Có/Không' column and a chi bộ, but the only rating is the "
        "public employees' rating (viên chức), not the party members' quality rating",
        refused="the only rating column is the public-employee rating 'Kết quả đánh giá, xếp loại viên chức "
        "năm 2022', a different rating from the party's: reading it as members' ratings would be a guess",
    )


def tier_of_staff() -> str:
    return R.choices(TIERS, (0.15, 0.7, 0.13, 0.02))[0]


# -- family PY: a year's workbook that keeps the previous years' sheets ---------------------------
def evolve(ms: list) -> list:
    """Next year's chi bộ: most members again with a new tier, one gone, one new."""
    out = []
    for m in ms[1:]:
        st = m["status"] if m["status"] == "exempt" else R.choices(TIERS, (0.12, 0.7, 0.16, 0.02))[0]
        out.append({**m, "status": st})
    out.append({"name": person(), "birth": R.randint(1990, 2001), "status": "not_rated"})
    return out


def fam_py() -> None:
    # py01: the 2024 workbook of a chi bộ keeping the sheets of 2023 and 2022 (newest first), each with its title
    y22 = members(16, exempt=1, not_rated=1)
    y23 = evolve(y22)
    y24 = evolve(y23)
    sheets = []
    for year, ms in ((2024, y24), (2023, y23), (2022, y22)):
        rows = [
            ["CHI BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
            [f"KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM {year}"],
            [],
            ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"],
        ]
        rows += [[i, m["name"], m["birth"], mlabel(m["status"]), None] for i, m in enumerate(ms, 1)]
        sheets.append({"title": str(year), "rows": rows})
    xlsx(FILES / "py01_so_nam_nay_giu_sheet_nam_truoc_2024.xlsx", sheets)
    expect(
        "py01_so_nam_nay_giu_sheet_nam_truoc_2024.xlsx",
        "PY",
        "a chi bộ's 2024 workbook keeping its 2023 and 2022 sheets (sheets '2024', '2023', '2022', newest first), "
        "mostly the same members: each year read from its own sheet",
        member_rows(2024, mstat(y24)) + member_rows(2023, mstat(y23)) + member_rows(2022, mstat(y22)),
    )

    # py02: units (.ods) 'XL 2024' and 'XL 2023' plus an empty 'Sheet3'; the 2023 sheet has one unit fewer
    us = grassroots(units(18, n_db=2, years=(2023, 2024), offset=4))
    new = us[-1]
    sheets = []
    for year in (2024, 2023):
        listed = [u for u in us if year == 2024 or u is not new]
        rows = [[f"KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM {year}"], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]]
        rows += [[i, u["name"], ABBR[u["tier"][year]]] for i, u in enumerate(listed, 1)]
        sheets.append({"title": f"XL {year}", "rows": rows})
    sheets.append({"title": "Sheet3", "rows": []})
    base = tmp("py02.xlsx")
    xlsx(base, sheets)
    convert(base, "ods", "py02_to_chuc_hai_nam_sheet_trong_2024.ods")
    expect(
        "py02_to_chuc_hai_nam_sheet_trong_2024.ods",
        "PY,E",
        "units (.ods): sheets 'XL 2024' and 'XL 2023' (one organisation formed in 2024 is only in the first) "
        "and an empty 'Sheet3'",
        unit_rows(2024, [u["tier"][2024] for u in us]) + unit_rows(2023, [u["tier"][2023] for u in us if u is not new]),
    )

    # py03: members: '2023', its copy '2023 (2)' (Excel's name for a copied sheet, same cells), then '2024'
    y23 = members(14, exempt=1, not_rated=0)
    y24 = evolve(y23)
    sheets = []
    for title, year, ms in (("2023", 2023, y23), ("2023 (2)", 2023, y23), ("2024", 2024, y24)):
        rows = [
            [f"DANH SÁCH ĐẢNG VIÊN CHI BỘ THANH TRA TỈNH - XẾP LOẠI NĂM {year}"],
            ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
        ]
        rows += [[i, m["name"], m["birth"], mlabel(m["status"], short=False)] for i, m in enumerate(ms, 1)]
        sheets.append({"title": title, "rows": rows})
    xlsx(FILES / "py03_sheet_chep_2023_2_trung_lap_2024.xlsx", sheets)
    expect(
        "py03_sheet_chep_2023_2_trung_lap_2024.xlsx",
        "PY",
        "members: sheets '2023', '2023 (2)' (a copy of it kept when the 2024 sheet was made, same cells) and "
        "'2024': the copy is the same list, counted once",
        member_rows(2023, mstat(y23)) + member_rows(2024, mstat(y24)),
    )


# -- family MX: one column mixing the rating and the member's status -----------------------------
def fam_mx() -> None:
    # mx01: 2022 'Xếp loại / Tình trạng' with statuses, reasons and dates in the same cell
    ms = members(26, exempt=2, not_rated=2, left=2)
    words = {
        "exempt": ["Miễn ĐG (tuổi cao)", "Miễn đánh giá - ốm dài ngày"],
        "not_rated": ["Chưa ĐG (mới kết nạp 09/2022)", "Chưa xếp loại - kết nạp 11/2022"],
        "left": ["Chuyển SH đi 8/2022", "Từ trần 5/2022"],
    }
    rows = [
        ["CHI BỘ KHO BẠC NHÀ NƯỚC KHU VỰC"],
        ["ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại / Tình trạng"],
    ]
    used = {k: 0 for k in words}
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in words:
            lab = words[s][used[s] % 2]
            used[s] += 1
        else:
            lab = ABBR[s]
        rows.append([i, m["name"], m["birth"], lab])
    xlsx(FILES / "mx01_cot_xep_loai_tinh_trang_2022.xlsx", [{"title": "2022", "rows": rows}])
    expect(
        "mx01_cot_xep_loai_tinh_trang_2022.xlsx",
        "MX",
        "members 2022 with one column 'Xếp loại / Tình trạng': tiers, 'Miễn ĐG (tuổi cao)', 'Chưa ĐG (mới kết "
        "nạp 09/2022)', 'Chuyển SH đi 8/2022', 'Từ trần 5/2022' (the last two left, not counted)",
        member_rows(2022, mstat(ms)),
    )

    # mx02: 2018 ';' CSV, 'Kết quả' mixing full labels and statuses in the secretary's words
    ms = members(21, exempt=2, not_rated=1, left=1)
    words = {
        "exempt": "Miễn sinh hoạt - miễn đánh giá",
        "not_rated": "Dự bị chưa đủ 6 tháng - chưa xếp loại",
        "left": "Đã chuyển sinh hoạt",
    }
    rows = [["STT", "Họ và tên", "Năm vào Đảng", "Kết quả"]]
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], R.randint(1985, 2017), words.get(m["status"]) or FULL[m["status"]]])
    rows = [["Chi bộ Trường Chính trị tỉnh - Xếp loại đảng viên năm 2018", "", "", ""], *rows]
    write_csv("mx02_csv_ket_qua_lan_tinh_trang_2018.csv", rows, delimiter=";")
    expect(
        "mx02_csv_ket_qua_lan_tinh_trang_2018.csv",
        "MX",
        "members 2018 in a ';' CSV (no BOM): 'Kết quả' holds the tier or 'Miễn sinh hoạt - miễn đánh giá', "
        "'Dự bị chưa đủ 6 tháng - chưa xếp loại', 'Đã chuyển sinh hoạt'; 'Năm vào Đảng' beside it",
        member_rows(2018, mstat(ms)),
    )

    # mx03: 2020 (.ods), 'Xếp loại (hoặc lý do không xếp loại)' with a reason for each non-rated member
    ms = members(19, exempt=1, not_rated=2, left=1)
    reasons = {
        "exempt": ["Miễn công tác và sinh hoạt đảng"],
        "not_rated": ["Nghỉ ốm dài ngày", "Đi học nước ngoài"],
        "left": ["Xóa tên"],
    }
    rows = [
        ["ĐẢNG BỘ TRƯỜNG CAO ĐẲNG Y TẾ - CHI BỘ KHOA ĐIỀU DƯỠNG"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
        ["STT", "Họ và tên", "Xếp loại (hoặc lý do không xếp loại)"],
    ]
    used = {k: 0 for k in reasons}
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in reasons:
            lab = reasons[s][used[s] % len(reasons[s])]
            used[s] += 1
            if s == "not_rated":
                lab = "Chưa đánh giá - " + lab.lower()
        else:
            lab = FULL[s]
        rows.append([i, m["name"], lab])
    base = tmp("mx03.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows}])
    convert(base, "ods", "mx03_ly_do_khong_xep_loai_cung_cot_2020.ods")
    expect(
        "mx03_ly_do_khong_xep_loai_cung_cot_2020.ods",
        "MX,E",
        "members 2020 (.ods): 'Xếp loại (hoặc lý do không xếp loại)': tiers, 'Miễn công tác và sinh hoạt đảng', "
        "'Chưa đánh giá - nghỉ ốm dài ngày', 'Chưa đánh giá - đi học nước ngoài', 'Xóa tên' (left)",
        member_rows(2020, mstat(ms)),
    )


# -- family QT: quarterly and mid-year reviews beside the year-end rating --------------------------
def near(t: str) -> str:
    return t if R.random() < 0.6 else R.choice(TIERS[:3])


def fam_qt() -> None:
    # qt01: members 2023, 'Quý I' … 'Quý IV' under a merged 'Xếp loại hằng quý', then 'Xếp loại cả năm 2023'
    ms = members(20, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ SỞ Y TẾ - THEO DÕI XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Họ và tên", "Xếp loại hằng quý", None, None, None, "Xếp loại cả năm 2023"],
        [None, None, "Quý I", "Quý II", "Quý III", "Quý IV", None],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        q = [ABBR[near(s)] for _ in range(4)] if s in TIERS else [None] * 4
        if s == "not_rated":
            q = [None, None, None, ABBR["good"]]
        rows.append([i, m["name"], *q, mlabel(s)])
    xlsx(
        FILES / "qt01_xep_loai_quy_va_ca_nam_2023.xlsx",
        [{"title": "2023", "rows": rows, "merges": ["A3:A4", "B3:B4", "C3:F3", "G3:G4"], "bold_rows": (3, 4)}],
    )
    expect(
        "qt01_xep_loai_quy_va_ca_nam_2023.xlsx",
        "QT",
        "members 2023 rated each quarter ('Quý I' … 'Quý IV' under a merged 'Xếp loại hằng quý') and for the year "
        "('Xếp loại cả năm 2023'): the year's rating counts; a member admitted in Q3 rated only in Q4",
        member_rows(2023, mstat(ms)),
    )

    # qt02: units 2021: 'Sơ kết 6 tháng đầu năm' then 'Tổng kết năm' split into self-rating and the decision
    us = grassroots(units(16, n_db=2, years=(2021,), offset=14))
    rows = [
        ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH BẮC LÂM"],
        ["KẾT QUẢ ĐÁNH GIÁ TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        [],
        ["TT", "Tổ chức cơ sở đảng", "Sơ kết 6 tháng đầu năm", "Tổng kết năm 2021", None],
        [None, None, None, "Tự đánh giá, xếp loại", "Ban Thường vụ Đảng ủy Khối quyết định"],
    ]
    for i, u in enumerate(us, 1):
        t = u["tier"][2021]
        rows.append([i, u["name"], ABBR[near(t)], ABBR[R.choice((t, t, BETTER_OF[t]))], ABBR[t]])
    xlsx(
        FILES / "qt02_so_ket_6_thang_tong_ket_nam_2021.xlsx",
        [{"title": "TCCS", "rows": rows, "merges": ["A4:A5", "B4:B5", "C4:C5", "D4:E4"], "bold_rows": (4, 5)}],
    )
    expect(
        "qt02_so_ket_6_thang_tong_ket_nam_2021.xlsx",
        "QT",
        "units 2021: the mid-year review ('Sơ kết 6 tháng đầu năm') beside the year-end self-rating and the "
        "Standing Committee's decision under a merged 'Tổng kết năm 2021': the decision counts",
        unit_expect(us, 2021),
    )

    # qt03: 2025 tab-separated: quarter IV score and tier beside the year's score and tier (QĐ 366 allows quarters)
    ms = members(24, exempt=1, not_rated=1)
    rows = [
        ["STT", "Họ và tên", "Chi bộ", "Điểm quý IV/2025", "Xếp loại quý IV/2025", "Điểm năm 2025", "Xếp loại năm 2025"]
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in TIERS:
            qt = near(s)
            row = [score(qt), ABBR[qt], score(s), ABBR[s]]
        else:
            row = ["", "", "", STATUS_WORD[s]]
        rows.append([i, m["name"], R.choice(CBS[:2]), *row])
    write_csv("qt03_tab_diem_quy_iv_va_nam_2025.tsv", rows, delimiter="\t")
    expect(
        "qt03_tab_diem_quy_iv_va_nam_2025.tsv",
        "QT",
        "members 2025 in a tab-separated file: score and tier of quarter IV beside the year's score and tier "
        "(decimal-comma scores): the year's tier counts",
        member_rows(2025, mstat(ms)),
    )


BETTER_OF = {"top": "top", "good": "top", "pass": "good", "fail": "pass"}


def score(t: str) -> str:
    lo, hi = {"top": (90, 98), "good": (70, 89), "pass": (50, 69), "fail": (35, 49)}[t]
    return f"{R.randint(lo, hi)},{R.choice((0, 5))}"


# -- family XF: Excel features offices use: frozen panes, validation lists, comments, outline, formats --
def fam_xf() -> None:
    # xf01: members 2024, frozen panes, a validation list fed by a visible 'DanhMuc' sheet, comments on cells
    ms = members(28, exempt=2, not_rated=1)
    rows = [
        ["ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại", "Ghi chú"],
    ]
    rows += [[i, m["name"], m["birth"], R.choice(CBS), mlabel(m["status"]), None] for i, m in enumerate(ms, 1)]
    cat = [["Xếp loại", "Chi bộ"]] + [
        [lab, CBS[k] if k < len(CBS) else None]
        for k, lab in enumerate([*ABBR.values(), "Miễn đánh giá", "Chưa đánh giá"])
    ]
    path = FILES / "xf01_co_dinh_dong_danh_muc_chu_thich_2024.xlsx"
    xlsx(path, [{"title": "DS2024", "rows": rows}, {"title": "DanhMuc", "rows": cat}])
    wb = load_workbook(path)
    ws = wb["DS2024"]
    ws.freeze_panes = "C5"
    dv = DataValidation(type="list", formula1="=DanhMuc!$A$2:$A$7", allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"E5:E{4 + len(ms)}")
    for r in R.sample(range(5, 5 + len(ms)), 3):
        ws[f"E{r}"].comment = Comment("Chi bộ đề nghị HTXSNV; Đảng ủy quyết định như ô này.", "Ban Tổ chức")
    wb.save(path)
    expect(
        "xf01_co_dinh_dong_danh_muc_chu_thich_2024.xlsx",
        "XF",
        "members 2024 with frozen panes, the rating typed through a validation list fed by a visible "
        "'DanhMuc' sheet (the six labels and the chi bộ names), comments on three rating cells",
        member_rows(2024, mstat(ms)),
    )

    # xf02: units 2017 (old scale), rows grouped with Excel's outline under khối rows (expanded), summary above
    us = grassroots(units(21, n_db=3, years=(2017,), offset=6))
    groups = [("KHỐI ĐẢNG, ĐOÀN THỂ", us[:8]), ("KHỐI NHÀ NƯỚC", us[8:17]), ("KHỐI SỰ NGHIỆP", us[17:])]
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2017"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    outline = []
    n = 0
    for title, g in groups:
        rows.append([None, title, None, f"{len(g)} tổ chức"])
        for u in g:
            n += 1
            rows.append([n, u["name"], UNIT_OLD[u["tier"][2017]], None])
            outline.append(len(rows))
    path = FILES / "xf02_nhom_dong_outline_khoi_2017.xlsx"
    xlsx(path, [{"title": "2017", "rows": rows}])
    wb = load_workbook(path)
    ws = wb["2017"]
    ws.sheet_properties.outlinePr.summaryBelow = False
    for r in outline:
        ws.row_dimensions[r].outlineLevel = 1
    wb.save(path)
    expect(
        "xf02_nhom_dong_outline_khoi_2017.xlsx",
        "XF",
        "units 2017 (old scale) grouped with Excel's outline (level 1, expanded) under khối rows that say "
        "'8 tổ chức' in Ghi chú, summary rows above their detail",
        unit_expect(us, 2017),
    )

    # xf03: members 2019 with fills, conditional formatting, an AutoFilter with nothing filtered, and a
    # COUNTIF summary under the table; saved through LibreOffice so the formulas carry cached values
    ms = members(25, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ HỘI NÔNG DÂN TỈNH - XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Xếp loại"],
    ]
    rows += [[i, m["name"], m["birth"], R.choice(POSTS), mlabel(m["status"])] for i, m in enumerate(ms, 1)]
    last = 3 + len(ms)
    rows += [[], [None, "Tổng hợp:"]]
    for lab in [*ABBR.values(), "Miễn đánh giá", "Chưa đánh giá"]:
        rows.append([None, lab, f'=COUNTIF(E4:E{last},"{lab}")'])
    base = tmp("xf03.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows}])
    wb = load_workbook(base)
    ws = wb["Sheet1"]
    ws.auto_filter.ref = f"A3:E{last}"
    from openpyxl.formatting.rule import CellIsRule

    ws.conditional_formatting.add(
        f"E4:E{last}", CellIsRule(operator="equal", formula=['"HTXSNV"'], fill=PatternFill("solid", fgColor="C6EFCE"))
    )
    for r in range(4, last + 1, 2):
        for c in "ABCDE":
            ws[f"{c}{r}"].fill = PatternFill("solid", fgColor="F2F2F2")
    wb.save(base)
    convert(base, "xlsx:Calc MS Excel 2007 XML", "xf03_to_mau_loc_countif_luu_libreoffice_2019.xlsx")
    expect(
        "xf03_to_mau_loc_countif_luu_libreoffice_2019.xlsx",
        "XF,E",
        "members 2019 with banded fills, conditional formatting on HTXSNV, an AutoFilter that filters nothing, "
        "and a 'Tổng hợp:' block of COUNTIF formulas (label | count) under the table; saved through LibreOffice",
        member_rows(2019, mstat(ms)),
    )


# -- family CL: colour used to mark tiers --------------------------------------------------------
COLOURS = {"top": "00B050", "good": "FFFF00", "pass": "FFC000", "fail": "FF0000"}


def fam_cl() -> None:
    # cl01: units 2020 with no rating column: the name cell's fill is the tier, the legend above the table
    us = grassroots(units(18, n_db=2, years=(2020,), offset=8))
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"], ["Chú thích màu:"]]
    for t in TIERS:
        rows.append([None, FULL[t]])
    rows += [[], ["STT", "Tên tổ chức cơ sở đảng", "Bí thư", "Số đảng viên"]]
    first = len(rows) + 1
    rows += [[i, u["name"], person(), R.randint(5, 60)] for i, u in enumerate(us, 1)]
    path = FILES / "cl01_to_mau_thay_cot_xep_loai_2020.xlsx"
    xlsx(path, [{"title": "2020", "rows": rows}])
    wb = load_workbook(path)
    ws = wb["2020"]
    for k, t in enumerate(TIERS):
        ws[f"A{3 + k}"].fill = PatternFill("solid", fgColor=COLOURS[t])
    for k, u in enumerate(us):
        ws[f"B{first + k}"].fill = PatternFill("solid", fgColor=COLOURS[u["tier"][2020]])
    wb.save(path)
    expect(
        "cl01_to_mau_thay_cot_xep_loai_2020.xlsx",
        "CL",
        "units 2020 with no rating column: each name cell filled green / yellow / orange / red, the colour key "
        "('Chú thích màu:' a coloured cell beside each label) above the table",
        unit_expect(us, 2020),
    )

    # cl02: members 2022 with a rating column; red rows mark probationary members (a key under the table)
    ms = members(22, exempt=1, not_rated=1)
    rows = [["CHI BỘ TỈNH ĐOÀN - XẾP LOẠI ĐẢNG VIÊN NĂM 2022"], ["STT", "Họ và tên", "Năm sinh", "Xếp loại"]]
    rows += [[i, m["name"], m["birth"], mlabel(m["status"], short=False)] for i, m in enumerate(ms, 1)]
    rows += [[], [None, "Ghi chú: dòng tô đỏ là đảng viên dự bị."]]
    path = FILES / "cl02_dong_to_do_du_bi_co_cot_xep_loai_2022.xlsx"
    xlsx(path, [{"title": "Sheet1", "rows": rows}])
    wb = load_workbook(path)
    ws = wb["Sheet1"]
    for r in R.sample(range(3, 3 + len(ms)), 4):
        for c in "ABCD":
            ws[f"{c}{r}"].fill = PatternFill("solid", fgColor="FF9999")
    wb.save(path)
    expect(
        "cl02_dong_to_do_du_bi_co_cot_xep_loai_2022.xlsx",
        "CL",
        "members 2022 with a rating column; four rows filled red, the note under the table saying red rows are "
        "probationary members (rated like the others)",
        member_rows(2022, mstat(ms)),
    )

    # cl03: members 2021 (.ods): the rating cell says the status only for the unrated; the tiers by colour
    ms = members(18, exempt=1, not_rated=1)
    rows = [
        ["CHI BỘ LIÊN ĐOÀN LAO ĐỘNG TỈNH - ĐẢNG VIÊN NĂM 2021"],
        ["Xanh: HTXSNV; Vàng: HTTNV; Cam: HTNV; Đỏ: KHTNV"],
        ["STT", "Họ và tên", "Năm sinh", "Ghi chú"],
    ]
    rows += [[i, m["name"], m["birth"], STATUS_WORD.get(m["status"])] for i, m in enumerate(ms, 1)]
    base = tmp("cl03.xlsx")
    xlsx(base, [{"title": "Sheet1", "rows": rows}])
    wb = load_workbook(base)
    ws = wb["Sheet1"]
    for k, m in enumerate(ms):
        if m["status"] in TIERS:
            ws[f"B{4 + k}"].fill = PatternFill("solid", fgColor=COLOURS[m["status"]])
    wb.save(base)
    convert(base, "ods", "cl03_mau_chu_giai_mot_dong_2021.ods")
    expect(
        "cl03_mau_chu_giai_mot_dong_2021.ods",
        "CL,E",
        "members 2021 (.ods): the tier only as the name cell's colour, the key in one line above the header "
        "('Xanh: HTXSNV; Vàng: HTTNV; …'), 'Miễn đánh giá' / 'Chưa đánh giá' in Ghi chú",
        member_rows(2021, mstat(ms)),
    )


# -- family UC: one row per organisation carrying its own rating AND its members' counts -----------
KEYS = (*TIERS, "exempt", "not_rated")


def add(total: dict, c: dict) -> None:
    for k in KEYS:
        total[k] += c[k]


def fam_uc() -> None:
    # uc01: a đảng bộ's report 2022: its chi bộ trực thuộc, each with the chi bộ's tier and its members' counts
    cts = [
        {"name": n, "tier": tier_draw_cell()}
        for n in (
            "Chi bộ Văn phòng",
            "Chi bộ khoa Nội",
            "Chi bộ khoa Ngoại",
            "Chi bộ khoa Dược",
            "Chi bộ phòng Điều dưỡng",
        )
    ]
    total = dict.fromkeys(KEYS, 0)
    rows = [
        ["ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH BẮC LÂM"],
        ["KẾT QUẢ XẾP LOẠI CÁC CHI BỘ TRỰC THUỘC VÀ ĐẢNG VIÊN NĂM 2022"],
        [],
        [
            "STT",
            "Tên chi bộ",
            "Xếp loại chi bộ",
            "Tổng số đảng viên",
            "Xếp loại đảng viên",
            None,
            None,
            None,
            "Miễn đánh giá",
            "Chưa đánh giá",
        ],
        [None, None, None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV", None, None],
    ]
    for i, c in enumerate(cts, 1):
        t = tally(members(R.randint(8, 25), exempt=R.randint(0, 1), not_rated=R.randint(0, 1)))
        add(total, t)
        rows.append([i, c["name"], ABBR[c["tier"]], sum(t.values()), *[t[k] for k in KEYS]])
    rows.append([None, "Tổng cộng", None, sum(total.values()), *[total[k] for k in KEYS]])
    xlsx(
        FILES / "uc01_chi_bo_truc_thuoc_xep_loai_va_so_dv_2022.xlsx",
        [
            {
                "title": "2022",
                "rows": rows,
                "merges": ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:H4", "I4:I5", "J4:J5"],
                "bold_rows": (4, 5),
            }
        ],
    )
    expect(
        "uc01_chi_bo_truc_thuoc_xep_loai_va_so_dv_2022.xlsx",
        "UC",
        "a đảng bộ's report 2022: one row per chi bộ trực thuộc with the chi bộ's own tier ('Xếp loại chi bộ') "
        "and its members' counts per tier under a merged 'Xếp loại đảng viên', a 'Tổng cộng' row",
        unit_rows(2022, [c["tier"] for c in cts], "cells") + counts_rows(2022, total),
    )

    # uc02: ',' CSV 2019: grassroots organisations, their tier and their members' counts on each row
    us = grassroots(units(14, n_db=2, years=(2019,), offset=17))
    total = dict.fromkeys(KEYS, 0)
    rows = [
        [
            "TT",
            "Tên TCCS đảng",
            "Xếp loại TCCS đảng",
            "Số đảng viên",
            "ĐV HTXSNV",
            "ĐV HTTNV",
            "ĐV HTNV",
            "ĐV KHTNV",
            "ĐV miễn ĐG",
            "ĐV chưa ĐG",
        ]
    ]
    for i, u in enumerate(us, 1):
        t = tally(members(R.randint(5, 45), exempt=R.randint(0, 2), not_rated=R.randint(0, 1)))
        add(total, t)
        rows.append([i, u["name"], FULL[u["tier"][2019]], sum(t.values()), *[t[k] for k in KEYS]])
    write_csv("uc02_csv_tccs_xep_loai_va_so_dv_2019.csv", rows)
    expect(
        "uc02_csv_tccs_xep_loai_va_so_dv_2019.csv",
        "UC",
        "a ',' CSV 2019 (no BOM, no title): each grassroots organisation's tier and its members' counts "
        "('ĐV HTXSNV' … 'ĐV chưa ĐG') on one row; the year only in the file name",
        unit_expect(us, 2019) + counts_rows(2019, total),
        args=["--year", "2019"],
    )

    # uc03: .xls 2024: the organisation's tier as ticks under HTXSNV…KHTNV, then its members' counts under
    # the same four words: two blocks headed by the same labels under different merged headings
    us = grassroots(units(12, n_db=1, years=(2024,), offset=20))
    total = dict.fromkeys(KEYS, 0)
    rows = [
        ["BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI NĂM 2024"],
        [],
        [
            "STT",
            "Tổ chức cơ sở đảng",
            "Xếp loại tổ chức đảng",
            None,
            None,
            None,
            "Số đảng viên được xếp loại",
            None,
            None,
            None,
            "Miễn đánh giá",
        ],
        [None, None, *ABBR.values(), *ABBR.values(), None],
    ]
    for i, u in enumerate(us, 1):
        t = tally(members(R.randint(5, 30), exempt=R.randint(0, 1), not_rated=0))
        add(total, t)
        ticks = ["x" if u["tier"][2024] == k else None for k in TIERS]
        rows.append([i, u["name"], *ticks, *[t[k] for k in TIERS], t["exempt"]])
    base = tmp("uc03.xlsx")
    xlsx(
        base,
        [{"title": "Bieu", "rows": rows, "merges": ["A3:A4", "B3:B4", "C3:F3", "G3:J3", "K3:K4"], "bold_rows": (3, 4)}],
    )
    convert(base, "xls:MS Excel 97", "uc03_dau_x_to_chuc_va_so_dv_cung_nhan_2024.xls")
    expect(
        "uc03_dau_x_to_chuc_va_so_dv_cung_nhan_2024.xls",
        "UC,E",
        "units 2024 (.xls): an 'x' under HTXSNV … KHTNV of 'Xếp loại tổ chức đảng', then the members' counts "
        "under the same four labels of 'Số đảng viên được xếp loại', and 'Miễn đánh giá'",
        unit_expect(us, 2024) + counts_rows(2024, total),
    )


def tier_draw_cell() -> str:
    return R.choices(TIERS, (0.25, 0.6, 0.12, 0.03))[0]


# -- family OC: lists typed up from a scanned or photographed page -----------------------------------
def fam_oc() -> None:
    # oc01 (refusal): units 2021 typed from a photo; one rating unreadable in the photo, noted in the cell
    us = grassroots(units(15, years=(2021,), offset=10))
    bad = us[6]
    rows = [
        ["(Đánh máy lại từ bản chụp Quyết định số 112-QĐ/ĐUK)"],
        ["XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
    ]
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], "(bản chụp mờ, không đọc được)" if u is bad else FULL[u["tier"][2021]]])
    xlsx(FILES / "oc01_danh_may_tu_anh_mot_o_khong_doc_duoc_2021.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "oc01_danh_may_tu_anh_mot_o_khong_doc_duoc_2021.xlsx",
        "OC,RF",
        "units 2021 typed from a photo of a decision; one organisation's rating cell says "
        "'(bản chụp mờ, không đọc được)'",
        refused=f"the rating of {bad['name']} could not be read from the photo: the figures hang on it; ask for it",
    )

    # oc02: members 2022 typed from a scan page by page: the column-number row '1 | 2 | 3 | 4' at the top of
    # each page, '(tiếp theo)' under the title, no header repeated, the page's footer line typed too
    ms = members(40, exempt=2, not_rated=1)
    head = ["STT", "Họ và tên", "Năm sinh", "Xếp loại", "Ghi chú"]
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH ĐƯỢC XẾP LOẠI NĂM 2022"],
        head,
        ["1", "2", "3", "4", "5"],
    ]
    for k in range(0, len(ms), 18):
        if k:
            rows += [[None, None, "(tiếp theo)"], ["1", "2", "3", "4", "5"]]
        for i, m in enumerate(ms[k : k + 18], k + 1):
            rows.append([i, m["name"], m["birth"], mlabel(m["status"]), None])
        rows.append([None, f"Trang {k // 18 + 1}"])
    xlsx(FILES / "oc02_go_lai_ban_scan_tiep_theo_2022.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "oc02_go_lai_ban_scan_tiep_theo_2022.xlsx",
        "OC",
        "members 2022 typed page by page from a scan: the column-number row '1 2 3 4 5' at the top of each page, "
        "'(tiếp theo)' where the next page starts, 'Trang 1' lines, the header only once",
        member_rows(2022, mstat(ms)),
    )

    # oc03 (refusal): members 2019 typed from a photo; the typist marked two ratings she was unsure of "(?)"
    ms = members(16, exempt=1, not_rated=0)
    unsure = [m for m in ms if m["status"] in TIERS][:2]
    rows = [["CHI BỘ THUẾ TỈNH - XẾP LOẠI ĐẢNG VIÊN NĂM 2019 (gõ lại từ ảnh chụp)"], ["STT", "Họ và tên", "Xếp loại"]]
    for i, m in enumerate(ms, 1):
        lab = mlabel(m["status"])
        rows.append([i, m["name"], lab + " (?)" if m in unsure else lab])
    xlsx(FILES / "oc03_go_lai_tu_anh_danh_dau_hoi_2019.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "oc03_go_lai_tu_anh_danh_dau_hoi_2019.xlsx",
        "OC,RF",
        "members 2019 typed from a photo; two rating cells read 'HTTNV (?)': the typist was not sure",
        refused="two ratings carry the typist's '(?)': she could not read them for sure; ask before counting",
    )


# -- family NM: names written with forms of address and party posts ---------------------------------
def fam_nm() -> None:
    # nm01: members 2018: 'Đ/c' before every name, a 'Chức vụ Đảng' column, a 'Chính thức / Dự bị' column
    ms = members(15, exempt=1, not_rated=1)
    posts = ["Bí thư", "Phó Bí thư", "Chi ủy viên"] + ["Đảng viên"] * (len(ms) - 3)
    rows = [
        ["CHI BỘ VĂN PHÒNG TỈNH ỦY - ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2018"],
        ["STT", "Họ và tên", "Chức vụ Đảng", "Đảng viên chính thức / dự bị", "Xếp loại"],
    ]
    for i, (m, p) in enumerate(zip(ms, posts), 1):
        kind = "Dự bị" if m["status"] == "not_rated" or R.random() < 0.1 else "Chính thức"
        rows.append([i, "Đ/c " + m["name"], p, kind, mlabel(m["status"], short=False)])
    xlsx(FILES / "nm01_dong_chi_chuc_vu_dang_du_bi_2018.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "nm01_dong_chi_chuc_vu_dang_du_bi_2018.xlsx",
        "NM",
        "members 2018 with 'Đ/c ' before every name, the party post (Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên) "
        "and 'Chính thức' / 'Dự bị' in columns of their own",
        member_rows(2018, mstat(ms)),
    )

    # nm02: ',' CSV 2024: the post in brackets after the name '(Bí thư)', 'ĐVDB' for probationary in Ghi chú
    ms = members(13, exempt=0, not_rated=1)
    rows = [["STT", "Họ và tên", "Năm sinh", "Xếp loại năm 2024", "Ghi chú"]]
    for i, m in enumerate(ms, 1):
        name = m["name"] + (" (Bí thư)" if i == 1 else " (Phó Bí thư)" if i == 2 else "")
        rows.append([i, name, m["birth"], mlabel(m["status"]), "ĐVDB" if m["status"] == "not_rated" else ""])
    rows = [["Chi bộ Sở Dân tộc và Tôn giáo", "", "", "", ""], *rows]
    write_csv("nm02_csv_ten_kem_chuc_vu_ngoac_2024.csv", rows, bom=True)
    expect(
        "nm02_csv_ten_kem_chuc_vu_ngoac_2024.csv",
        "NM",
        "members 2024 in a ',' CSV with BOM, the chi bộ on the first line, the post in brackets after two names "
        "('… (Bí thư)'), 'ĐVDB' in Ghi chú beside the one not rated",
        member_rows(2024, mstat(ms)),
    )


# -- family ZZ: odd-looking but read without doubt ----------------------------------------------
def fam_zz() -> None:
    # zz01: members in a 'Năm' column saying 2023 on every row, the file named _2024 (made the next January)
    ms = members(12, exempt=0, not_rated=0)
    rows = [["STT", "Năm", "Họ và tên", "Chi bộ", "Xếp loại"]]
    rows += [
        [i, 2023, m["name"], "Chi bộ Ngân hàng Chính sách xã hội tỉnh", mlabel(m["status"])]
        for i, m in enumerate(ms, 1)
    ]
    xlsx(FILES / "zz01_cot_nam_ten_tep_2024.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "zz01_cot_nam_ten_tep_2024.xlsx",
        "ZZ",
        "members with a 'Năm' column saying 2023 on every row; the file named …_2024 (made the next January)",
        member_rows(2023, mstat(ms)),
    )

    # zz02: the smallest chi bộ cơ sở: 3 members, one exempt; and a chi bộ where most members failed
    a = [
        {"name": person(), "birth": 1950, "status": "exempt"},
        {"name": person(), "birth": 1980, "status": "good"},
        {"name": person(), "birth": 1985, "status": "good"},
    ]
    b = [
        {"name": person(), "birth": 1975 + k, "status": s}
        for k, s in enumerate(("fail", "fail", "fail", "pass", "good", "fail"))
    ]
    rows = [["XẾP LOẠI ĐẢNG VIÊN NĂM 2021"], ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại", "Ghi chú"]]
    for i, (m, cb) in enumerate(
        [(m, "Chi bộ Hội Liên hiệp Phụ nữ tỉnh") for m in a] + [(m, "Chi bộ Trung tâm Dịch vụ") for m in b], 1
    ):
        note = "Bị kỷ luật khiển trách" if m["status"] == "fail" else None
        rows.append([i, m["name"], m["birth"], cb, mlabel(m["status"]), note])
    xlsx(FILES / "zz02_chi_bo_3_dang_vien_va_nhieu_khtnv_2021.xlsx", [{"title": "2021", "rows": rows}])
    expect(
        "zz02_chi_bo_3_dang_vien_va_nhieu_khtnv_2021.xlsx",
        "ZZ",
        "members 2021 of two chi bộ: the smallest (3 members, one exempt) and one where 4 of 6 members are "
        "KHTNV (disciplined, said in Ghi chú)",
        member_rows(2021, mstat(a + b)),
    )

    # zz03: units 2023 sorted by tier, the STT kept from the alphabetical list (so it jumps)
    us = grassroots(units(20, n_db=2, years=(2023,), offset=0))
    numbered = list(enumerate(us, 1))
    numbered.sort(key=lambda p: TIERS.index(p[1]["tier"][2023]))
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023 (sắp xếp theo mức xếp loại)"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
    ]
    rows += [[i, u["name"], ABBR[u["tier"][2023]]] for i, u in numbered]
    write_csv("zz03_sap_theo_muc_stt_nhay_2023.csv", rows, delimiter=";", bom=True)
    expect(
        "zz03_sap_theo_muc_stt_nhay_2023.csv",
        "ZZ",
        "units 2023 in a ';' CSV with BOM, sorted by tier so that the STT of the alphabetical list jumps (7, 2, 15 …)",
        unit_expect(us, 2023),
    )


# -- family TD: the Ban Tổ chức's follow-up sheet of which organisations have reported -------------
def fam_td() -> None:
    # td01 (refusal): January's tracker 2024: three organisations 'Chưa nộp', their rating cell blank
    us = grassroots(units(22, n_db=3, years=(2024,), offset=12))
    late = set(R.sample(range(len(us)), 3))
    rows = [
        ["THEO DÕI CÁC TỔ CHỨC CƠ SỞ ĐẢNG NỘP KẾT QUẢ XẾP LOẠI NĂM 2024 (cập nhật 14/01/2025)"],
        ["STT", "Tổ chức cơ sở đảng", "Tình hình nộp", "Ngày nhận", "Kết quả xếp loại", "Cán bộ theo dõi"],
    ]
    for i, u in enumerate(us):
        if i in late:
            rows.append([i + 1, u["name"], "Chưa nộp", None, None, "Đ/c Hạnh"])
        else:
            rows.append(
                [i + 1, u["name"], "Đã nộp", f"{R.randint(2, 13):02d}/01/2025", ABBR[u["tier"][2024]], "Đ/c Hạnh"]
            )
    xlsx(FILES / "td01_theo_doi_nop_con_chua_nop_2024.xlsx", [{"title": "Theo dõi", "rows": rows}])
    expect(
        "td01_theo_doi_nop_con_chua_nop_2024.xlsx",
        "TD,RF",
        "the Ban Tổ chức's follow-up sheet of 14/01/2025: 'Tình hình nộp' says 'Chưa nộp' for three organisations "
        "whose rating is blank",
        refused="three organisations have not reported yet ('Chưa nộp'): their blank rating is not 'not rated', "
        "the year's figures are not complete; say so rather than count",
    )

    # td02: the same tracker once complete (2023): 'Đã nộp' on every row, dates received, the rating
    us = grassroots(units(19, n_db=2, years=(2023,), offset=13))
    rows = [
        ["THEO DÕI NỘP KẾT QUẢ XẾP LOẠI NĂM 2023"],
        ["STT", "Tổ chức cơ sở đảng", "Tình hình nộp", "Ngày nhận", "Kết quả xếp loại"],
    ]
    rows += [
        [i, u["name"], "Đã nộp", f"{R.randint(2, 20):02d}/01/2024", FULL[u["tier"][2023]]] for i, u in enumerate(us, 1)
    ]
    xlsx(FILES / "td02_theo_doi_nop_da_du_2023.xlsx", [{"title": "Theo dõi", "rows": rows}])
    expect(
        "td02_theo_doi_nop_da_du_2023.xlsx",
        "TD",
        "the follow-up sheet of 2023 once complete: 'Đã nộp' and the date received on every row beside the rating",
        unit_expect(us, 2023),
    )


# -- later additions (drawn after every family above, so that their cells stay as they were) ----------
def fam_more() -> None:
    # py04: the 2024 sheet built from the 2023 one: the names of members carried over are formulas
    # ='2023'!B5 (cached by LibreOffice), a new member typed in; the ratings typed
    y23 = members(15, exempt=1, not_rated=1)
    y24 = evolve(y23)
    where = {m["name"]: 5 + k for k, m in enumerate(y23)}
    s23 = [
        ["CHI BỘ ỦY BAN MTTQ VIỆT NAM TỈNH"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    s23 += [[i, m["name"], m["birth"], mlabel(m["status"])] for i, m in enumerate(y23, 1)]
    s24 = [
        ["CHI BỘ ỦY BAN MTTQ VIỆT NAM TỈNH"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    for i, m in enumerate(y24, 1):
        r = where.get(m["name"])
        s24.append([i, f"='2023'!B{r}" if r else m["name"], f"='2023'!C{r}" if r else m["birth"], mlabel(m["status"])])
    base = tmp("py04.xlsx")
    xlsx(base, [{"title": "2024", "rows": s24}, {"title": "2023", "rows": s23}])
    convert(base, "xlsx:Calc MS Excel 2007 XML", "py04_ten_la_cong_thuc_tro_sheet_nam_truoc_2024.xlsx")
    expect(
        "py04_ten_la_cong_thuc_tro_sheet_nam_truoc_2024.xlsx",
        "PY,E",
        "a chi bộ's workbook: the 2024 sheet built from the 2023 sheet beside it, the names and birth years of the "
        "members carried over are formulas ='2023'!B5 (cached, saved through LibreOffice), the new member typed",
        member_rows(2024, mstat(y24)) + member_rows(2023, mstat(y23)),
    )

    # ap04 (refusal): the appendix of a commendation decision: only the members rated HTXSNV chosen for an award
    chosen = [m for m in members(30, exempt=0, not_rated=0) if m["status"] in ("top", "good")][:9]
    rows = [
        ["PHỤ LỤC"],
        ["DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ NĂM 2022 ĐƯỢC TẶNG GIẤY KHEN"],
        ["(Kèm theo Quyết định số 310-QĐ/ĐUK ngày 03/02/2023 của Ban Thường vụ Đảng ủy Khối)"],
        ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Chi bộ", "Xếp loại năm 2022"],
    ]
    rows += [
        [i, m["name"], R.choice(POSTS) + ", Sở Nội vụ", R.choice(CBS), "Hoàn thành xuất sắc nhiệm vụ"]
        for i, m in enumerate(chosen, 1)
    ]
    xlsx(FILES / "ap04_phu_luc_khen_thuong_chi_htxsnv_2022.xlsx", [{"title": "Phụ lục", "rows": rows}])
    expect(
        "ap04_phu_luc_khen_thuong_chi_htxsnv_2022.xlsx",
        "AP,RF",
        "the appendix of a commendation decision: the 9 members rated HTXSNV in 2022 and given a certificate, "
        "every row 'Hoàn thành xuất sắc nhiệm vụ'",
        refused="a commendation list holds only members chosen among the HTXSNV ones: it is not the year's rating "
        "list, and counting it gives '100% HTXSNV'; the careful reader asks for the full list",
    )

    # ln01: a list typed as lines of text in one column (copied from a Zalo message): "1. Đ/c …: HTTNV"
    ms = members(14, exempt=1, not_rated=1)
    rows = [["Chi bộ Sở Tư pháp báo cáo kết quả xếp loại đảng viên năm 2021 như sau:"]]
    rows += [[f"{i}. Đ/c {m['name']}: {mlabel(m['status'])}"] for i, m in enumerate(ms, 1)]
    rows += [[f"Tổng số: {len(ms)} đồng chí."]]
    xlsx(
        FILES / "ln01_danh_sach_go_thanh_dong_mot_cot_2021.xlsx",
        [{"title": "Sheet1", "rows": rows, "widths": {"A": 60}}],
    )
    expect(
        "ln01_danh_sach_go_thanh_dong_mot_cot_2021.xlsx",
        "LN",
        "members 2021 typed as lines of text in one column, as copied from a chat message: "
        "'1. Đ/c Nguyễn Văn An: HTTNV', a 'Tổng số: 14 đồng chí.' line",
        member_rows(2021, mstat(ms)),
    )

    # ln02: the same kind of list saved as a one-column CSV (UTF-8 with BOM): "Name - full label"
    ms = members(11, exempt=0, not_rated=1)
    rows = [["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN CHI BỘ BẢO HIỂM XÃ HỘI TỈNH NĂM 2020"]]
    rows += [[f"{m['name']} - {mlabel(m['status'], short=False)}"] for m in ms]
    write_csv("ln02_csv_mot_cot_ten_gach_xep_loai_2020.csv", rows, bom=True)
    expect(
        "ln02_csv_mot_cot_ten_gach_xep_loai_2020.csv",
        "LN",
        "members 2020 in a one-column CSV with BOM, each line 'Nguyễn Văn An - Hoàn thành tốt nhiệm vụ'",
        member_rows(2020, mstat(ms)),
    )


def main() -> None:
    if FILES.exists():
        shutil.rmtree(FILES)
    FILES.mkdir(parents=True)
    for fam in (
        fam_wd,
        fam_ap,
        fam_cp,
        fam_hr,
        fam_py,
        fam_mx,
        fam_qt,
        fam_xf,
        fam_cl,
        fam_uc,
        fam_oc,
        fam_nm,
        fam_zz,
        fam_td,
        fam_more,
    ):
        fam()
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    missing = {p.name for p in FILES.iterdir()} ^ set(EXPECTED)
    assert not missing, missing
    print(f"{len(EXPECTED)} files written to {FILES}")


if __name__ == "__main__":
    main()
