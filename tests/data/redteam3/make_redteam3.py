"""The third red team of issue 18: realistic files in layouts no other test here has.

    python tests/data/redteam3/make_redteam3.py

Written WITHOUT reading the reader's code (only README.md, docs/, the domain brief and the names
of the files the other red teams hold). Every figure in expected.json is counted from this
generator's own model — the list of organisations or members it writes, each with its tier or
status — never from ccq-stats. Seeded: a re-run writes the same cells (the .ods/.xls files are
converted by headless LibreOffice, which stamps its own metadata inside; same content).
"""

from __future__ import annotations

import json
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
    CODE,
    EXPECTED,
    FULL,
    TIERS,
    R,
    convert,
    counts_rows,
    expect,
    member_rows,
    members,
    score_for,
    unit_expect,
    unit_label,
    unit_rows,
    units,
    write_csv,
    xlsx,
)

# d01 gives this name to two people on purpose; chance gives no namesakes
redteam_kit.start(HERE, seed=20261207, province="Bắc Hà", used_names={"Nguyễn Văn Hùng"})


PARTY_HEAD = [
    ["ĐẢNG BỘ TỈNH BẮC HÀ", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
    ["ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH", None, None, None, "Bắc Hà, ngày 20 tháng 01 năm 2026"],
    [],
]


# -- family S: 2025 lists scored out of 100 (QĐ 366) ---------------------------------------------
def fam_s() -> None:
    us = units(14, years=(2025,))
    rows = [
        *PARTY_HEAD,
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2025"],
        ["(Kèm theo Quyết định số 112-QĐ/ĐU ngày 15/01/2026 của Ban Thường vụ Đảng ủy)"],
        [],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Điểm tự chấm",
            "Tự xếp loại",
            "Điểm cấp ủy cấp trên chấm",
            "Cấp ủy cấp trên quyết định xếp loại",
            "Ghi chú",
        ],
    ]
    for i, u in enumerate(us, 1):
        t = u["tier"][2025]
        s = score_for(t)
        selft = BETTER[t] if R.random() < 0.4 else t
        rows.append([i, u["name"], min(100, s + R.randint(0, 4)), FULL[selft], s, FULL[t], None])
    xlsx(FILES / "s01_diem_366_to_chuc_2025.xlsx", [{"title": "Phụ lục", "rows": rows, "bold_rows": (9,)}])
    expect(
        "s01_diem_366_to_chuc_2025.xlsx",
        "S",
        "2025 units: self score, self-rating, the higher level's score and decision",
        unit_expect(us, 2025),
    )

    # members scored by self, chi bộ and the level above
    ms = members(28, exempt=2, not_rated=1)
    rows = [
        ["ĐẢNG BỘ SỞ Y TẾ"],
        ["DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        [],
        [
            "STT",
            "Họ và tên",
            "Năm sinh",
            "Chi bộ",
            "Điểm tự chấm",
            "Điểm chi bộ chấm",
            "Điểm cấp ủy cấp trên chấm",
            "Xếp loại",
            "Ghi chú",
        ],
    ]
    cb = ["Chi bộ Văn phòng Sở", "Chi bộ Thanh tra Sở", "Chi bộ phòng Nghiệp vụ Y"]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in TIERS:
            sc = score_for(s)
            rows.append(
                [
                    i,
                    m["name"],
                    m["birth"],
                    cb[i % 3],
                    min(100, sc + R.randint(0, 5)),
                    min(100, sc + R.randint(0, 2)),
                    sc,
                    ABBR[s],
                    None,
                ]
            )
        elif s == "exempt":
            rows.append(
                [i, m["name"], m["birth"], cb[i % 3], None, None, None, "Miễn đánh giá", "Tuổi cao, miễn sinh hoạt"]
            )
        else:
            rows.append([i, m["name"], m["birth"], cb[i % 3], None, None, None, "Chưa đánh giá", "Kết nạp 9/2025"])
    xlsx(FILES / "s02_diem_366_dang_vien_2025.xlsx", [{"title": "DV 2025", "rows": rows, "bold_rows": (4,)}])
    expect(
        "s02_diem_366_dang_vien_2025.xlsx",
        "S",
        "2025 members: three scores (self, chi bộ, level above) and one rating",
        member_rows(2025, [m["status"] for m in ms]),
    )

    # only a total score: the tier needs conditions besides the band -> a careful person asks
    ms = members(20, exempt=0, not_rated=0)
    rows = [
        ["DANH SÁCH ĐẢNG VIÊN - ĐIỂM ĐÁNH GIÁ NĂM 2025"],
        [],
        ["STT", "Họ và tên", "Chi bộ", "Điểm tự chấm", "Tổng điểm"],
    ]
    for i, m in enumerate(ms, 1):
        sc = score_for(m["status"])
        rows.append([i, m["name"], "Chi bộ Sở Tư pháp", min(100, sc + 2), sc])
    xlsx(FILES / "s03_chi_co_tong_diem_2025.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "s03_chi_co_tong_diem_2025.xlsx",
        "S,N",
        "2025 members with scores and no rating at all",
        refused=(
            "the tier follows the decided score's band AND conditions that can lower it (QĐ 366): scores alone do not "
            "give the rating; a careful person asks for the decision"
        ),
    )

    # đảng bộ with chi bộ trực thuộc 1.1, 1.2; two-row header "Điểm" / "Xếp loại" over self / decision; .ods
    us = units(6, n_db=2, cells=3, years=(2025,), offset=10)
    rows = [
        ["ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"],
        ["TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2025"],
        [],
        ["STT", "Tổ chức đảng", "Điểm đánh giá", None, "Xếp loại", None],
        [None, None, "Tự chấm", "Cấp trên chấm", "Tự xếp loại", "Cấp trên quyết định"],
    ]
    n, sub = 0, 0
    for u in us:
        t = u["tier"][2025]
        sc = score_for(t)
        if u["kind"] == "CBTT":
            sub += 1
            stt = f"{n}.{sub}"
        else:
            n += 1
            sub = 0
            stt = n
        rows.append([stt, u["name"], min(100, sc + 3), sc, ABBR[BETTER[t]] if R.random() < 0.3 else ABBR[t], ABBR[t]])
    tmp = Path(tempfile.mkdtemp()) / "s04_diem_366_dang_bo_chi_bo_2025.xlsx"
    xlsx(
        tmp, [{"title": "Năm 2025", "rows": rows, "merges": ("A4:A5", "B4:B5", "C4:D4", "E4:F4"), "bold_rows": (4, 5)}]
    )
    convert(tmp, "ods", "s04_diem_366_dang_bo_chi_bo_2025.ods")
    expect(
        "s04_diem_366_dang_bo_chi_bo_2025.ods",
        "S,E",
        "2025 đảng bộ with chi bộ 1.1, 1.2; scores and ratings, "
        "self vs 'Cấp trên quyết định' under merged headers; .ods",
        unit_expect(us, 2025),
    )


# -- family R: after the 2025 reorganisation ------------------------------------------------------
def fam_r() -> None:
    us = units(12, years=(2025,), offset=2)
    merged_from = {
        "Chi bộ Ban Tuyên giáo và Dân vận Tỉnh ủy": "Chi bộ Ban Tuyên giáo Tỉnh ủy; Chi bộ Ban Dân vận Tỉnh ủy",
        "Chi bộ Sở Nông nghiệp và Môi trường": "Chi bộ Sở Tài nguyên và Môi trường; Chi bộ Sở Nông nghiệp và PTNT",
        "Chi bộ Sở Tài chính": "Chi bộ Sở Tài chính; Chi bộ Sở Kế hoạch và Đầu tư",
        "Chi bộ Sở Xây dựng": "Chi bộ Sở Xây dựng; Chi bộ Sở Giao thông vận tải",
        "Chi bộ Sở Nội vụ": "Chi bộ Sở Nội vụ; Chi bộ Sở Lao động - TB&XH",
    }
    olds = [merged_from.get(u["name"], "") for u in us]
    rows = [
        *PARTY_HEAD,
        ["DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2025"],
        ["(sau sắp xếp, tiếp nhận từ Đảng bộ Khối các cơ quan tỉnh và Đảng bộ Khối doanh nghiệp tỉnh)"],
        [],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Tổ chức đảng trước sắp xếp",
            "Đảng bộ cấp trên trước 01/7/2025",
            "Xếp loại",
            "Ghi chú",
        ],
    ]
    for i, u in enumerate(us, 1):
        rows.append(
            [
                i,
                u["name"],
                olds[i - 1] or u["name"],
                R.choice(["Đảng bộ Khối các cơ quan tỉnh", "Đảng bộ Khối doanh nghiệp tỉnh"]),
                FULL[u["tier"][2025]],
                "Hợp nhất theo QĐ số 05-QĐ/ĐU" if olds[i - 1] else None,
            ]
        )
    xlsx(
        FILES / "r01_sau_sap_xep_to_chuc_truoc_2025.xlsx",
        [{"title": "XL 2025", "rows": rows, "bold_rows": (9,), "widths": {"B": 36, "C": 40, "D": 30}}],
    )
    expect(
        "r01_sau_sap_xep_to_chuc_truoc_2025.xlsx",
        "R",
        "2025 after the reorganisation: columns naming the "
        "predecessor organisations and the former upper đảng bộ beside the organisation",
        unit_expect(us, 2025),
    )

    # communes merged: a commune đảng bộ's chi bộ thôn, with the former commune in a column
    ms = members(36, exempt=3, not_rated=2, left=2)
    rows = [
        ["ĐẢNG BỘ XÃ TÂN HÒA"],
        ["(hợp nhất xã Tân Hòa, xã Tân Lợi và xã Hòa Bình từ 01/7/2025)"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        [],
        ["TT", "Họ và tên", "Năm sinh", "Chi bộ", "Xã cũ", "Kết quả xếp loại", "Ghi chú"],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        cb, old = R.choice(
            [("Chi bộ thôn Đông", "Tân Hòa"), ("Chi bộ thôn Tây", "Tân Lợi"), ("Chi bộ thôn Bắc", "Hòa Bình")]
        )
        rating = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá", "left": "Chuyển sinh hoạt đi"}.get(
            s
        ) or FULL[s]
        note = {
            "exempt": "Miễn công tác và sinh hoạt đảng",
            "not_rated": "Đảng viên mới kết nạp",
            "left": "Chuyển sinh hoạt đi tháng 10/2025",
        }.get(s)
        rows.append([i, m["name"], m["birth"], cb, f"Xã {old}", rating, note])
    xlsx(FILES / "r02_xa_hop_nhat_dang_vien_2025.xlsx", [{"title": "Đảng viên", "rows": rows, "bold_rows": (5,)}])
    expect(
        "r02_xa_hop_nhat_dang_vien_2025.xlsx",
        "R",
        "a merged commune's members by chi bộ thôn, the former commune in a column, two who moved away",
        member_rows(2025, [m["status"] for m in ms]),
    )

    # organisations 2024 (old bloc) and 2025 (new đảng bộ) side by side on one sheet, by name after the merger
    us = units(10, years=(2024, 2025), offset=5)
    rows = [
        ["THEO DÕI XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG 2024 - 2025"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng (sau sắp xếp)", "Năm 2024", "Năm 2025", "Ghi chú"],
    ]
    for i, u in enumerate(us, 1):
        rows.append(
            [
                i,
                u["name"],
                ABBR[u["tier"][2024]],
                ABBR[u["tier"][2025]],
                "Năm 2024 thuộc Đảng bộ Khối các cơ quan tỉnh" if i % 3 == 0 else None,
            ]
        )
    xlsx(
        FILES / "r03_hai_nam_truoc_sau_sap_xep_2024_2025.xlsx", [{"title": "Theo dõi", "rows": rows, "bold_rows": (3,)}]
    )
    expect(
        "r03_hai_nam_truoc_sau_sap_xep_2024_2025.xlsx",
        "R,C",
        "2024 and 2025 side by side across the reorganisation",
        unit_expect(us, 2024) + unit_expect(us, 2025),
    )


# -- family G: Google Sheets --------------------------------------------------------------------
def fam_g() -> None:
    # Google Form responses: one row per organisation, counts typed by each secretary
    orgs = AGENCIES[3:15]
    tot = dict.fromkeys((*TIERS, "exempt", "not_rated"), 0)
    rows = [
        [
            "Dấu thời gian",
            "Địa chỉ email",
            "Tên chi bộ, đảng bộ cơ sở",
            "Năm đánh giá",
            "Tổng số đảng viên",
            "Số đảng viên miễn đánh giá",
            "Số đảng viên chưa đánh giá",
            "Số ĐV hoàn thành xuất sắc nhiệm vụ",
            "Số ĐV hoàn thành tốt nhiệm vụ",
            "Số ĐV hoàn thành nhiệm vụ",
            "Số ĐV không hoàn thành nhiệm vụ",
        ]
    ]
    for i, o in enumerate(orgs):
        c = {
            "exempt": R.randint(0, 2),
            "not_rated": R.randint(0, 2),
            "top": R.randint(1, 4),
            "good": R.randint(8, 25),
            "pass": R.randint(0, 4),
            "fail": R.randint(0, 1),
        }
        for k in c:
            tot[k] += c[k]
        rows.append(
            [
                f"{R.randint(5, 25)}/01/2024 {R.randint(8, 17)}:{R.randint(10, 59)}:{R.randint(10, 59)}",
                f"chibo{i + 1}@bacha.gov.vn",
                "Chi bộ " + o,
                "2023",
                str(sum(c.values())),
                str(c["exempt"]),
                str(c["not_rated"]),
                str(c["top"]),
                str(c["good"]),
                str(c["pass"]),
                str(c["fail"]),
            ]
        )
    write_csv("g01_google_form_so_lieu_2023 - Câu trả lời biểu mẫu 1.csv", rows)
    expect(
        "g01_google_form_so_lieu_2023 - Câu trả lời biểu mẫu 1.csv",
        "G,F",
        "Google Form responses: timestamp, email, organisation, year, member counts per tier",
        counts_rows(2023, tot),
    )

    # every cell a string, no styles, Google's default sheet name
    us = units(9, n_db=1, cells=2, years=(2022,), offset=7)
    rows = [["Tên tổ chức đảng", "Trực thuộc", "Năm", "Xếp loại"]]
    rows += [[u["name"], u["parent"] or "", "2022", FULL[u["tier"][2022]]] for u in us]
    rows = [[str(c) for c in r] for r in rows]
    xlsx(
        FILES / "g02_google_sheets_chuoi_trang_tinh_2022.xlsx", [{"title": "Trang tính1", "rows": rows, "plain": True}]
    )
    expect(
        "g02_google_sheets_chuoi_trang_tinh_2022.xlsx",
        "G",
        "Google Sheets .xlsx: every cell text (year too), no "
        "styles, 'Trang tính1', a đảng bộ's chi bộ with 'Trực thuộc'",
        unit_expect(us, 2022),
    )

    # members with dates as text
    ms = members(22, exempt=1, not_rated=2)
    rows = [["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đảng", "Chi bộ", "Xếp loại năm 2024"]]
    for i, m in enumerate(ms, 1):
        joined = (
            f"{R.randint(1, 28):02d}/{R.randint(7, 11):02d}/2024"
            if m["status"] == "not_rated"
            else f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{R.randint(1990, 2020)}"
        )
        rating = {"exempt": "Miễn", "not_rated": "Chưa đánh giá"}.get(m["status"]) or ABBR[m["status"]]
        rows.append(
            [
                str(i),
                m["name"],
                f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{m['birth']}",
                joined,
                "Chi bộ Trường Chính trị",
                rating,
            ]
        )
    write_csv("g03_google_sheets_ngay_dang_chu_2024.csv", rows)
    expect(
        "g03_google_sheets_ngay_dang_chu_2024.csv",
        "G",
        "Google Sheets CSV of members: birth and admission dates as "
        "dd/mm/yyyy text, the year only in the rating header",
        member_rows(2024, [m["status"] for m in ms]),
    )


# -- family H: hidden helper column and hidden rows (xlsx, ods, xls) ------------------------------
def fam_h() -> None:
    us = units(11, years=(2024,), offset=12)
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Mã", "Xếp loại", "Ghi chú"],
    ]
    hidden = []
    for i, u in enumerate(us, 1):
        rows.append([i, u["name"], CODE[u["tier"][2024]], FULL[u["tier"][2024]], None])
        if i in (4, 8):  # a dissolved organisation kept under the row, hidden, with its last rating
            rows.append(
                [
                    None,
                    "Chi bộ Sở Ngoại vụ (đã giải thể)"
                    if i == 4
                    else "Chi bộ Sở Thông tin và Truyền thông (đã hợp nhất)",
                    2,
                    "Hoàn thành tốt nhiệm vụ",
                    "Xếp loại năm 2023",
                ]
            )
            hidden.append(len(rows))
    base = Path(tempfile.mkdtemp()) / "h01_cot_phu_an_dong_an_2024.xlsx"
    sheet = {"title": "Năm 2024", "rows": rows, "hidden_cols": ("C",), "hidden_rows": hidden, "bold_rows": (3,)}
    xlsx(base, [sheet])
    shutil.copy(base, FILES / base.name)
    convert(base, "ods", "h02_cot_phu_an_dong_an_2024.ods")
    convert(base, "xls:MS Excel 97", "h03_cot_phu_an_dong_an_2024.xls")
    for n, fmt in (
        ("h01_cot_phu_an_dong_an_2024.xlsx", ".xlsx"),
        ("h02_cot_phu_an_dong_an_2024.ods", ".ods"),
        ("h03_cot_phu_an_dong_an_2024.xls", ".xls"),
    ):
        expect(
            n,
            "H,E",
            f"a hidden helper code column and two hidden rows of organisations no longer there; {fmt}",
            unit_expect(us, 2024),
        )


# -- family B: a statistics form with SL and % (shares as text) ---------------------------------
def fam_b() -> None:
    tot = dict.fromkeys((*TIERS, "exempt", "not_rated"), 0)
    body = []
    for i, o in enumerate(AGENCIES[:13], 1):
        c = {
            "exempt": R.randint(0, 3),
            "not_rated": R.randint(0, 2),
            "top": R.randint(1, 5),
            "good": R.randint(10, 40),
            "pass": R.randint(0, 5),
            "fail": R.randint(0, 1),
        }
        for k in c:
            tot[k] += c[k]
        rated = sum(c[t] for t in TIERS)
        pct = lambda k: f"{100 * c[k] / rated:.2f}%".replace(".", ",")  # noqa: E731, B023 - as typed by staff; called in this iteration
        body.append(
            [
                i,
                ("Chi bộ " if i > 3 else "Đảng bộ ") + o,
                sum(c.values()),
                c["exempt"],
                c["not_rated"],
                rated,
                c["top"],
                pct("top"),
                c["good"],
                pct("good"),
                c["pass"],
                pct("pass"),
                c["fail"],
                pct("fail"),
            ]
        )
    rated = sum(tot[t] for t in TIERS)
    total_row = [None, "Tổng cộng", sum(tot.values()), tot["exempt"], tot["not_rated"], rated] + [
        x for t in TIERS for x in (tot[t], f"{100 * tot[t] / rated:.2f}%".replace(".", ","))
    ]
    rows = [
        ["Biểu số 03-TCTW", None, None, None, None, None, None, None, None, None, None, None, "Đvt: đảng viên"],
        ["ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH BẮC HÀ"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2023"],
        [],
        [
            "STT",
            "Tên tổ chức cơ sở đảng",
            "Tổng số đảng viên",
            "Miễn đánh giá",
            "Chưa đánh giá",
            "Được đánh giá, xếp loại",
            "Hoàn thành xuất sắc nhiệm vụ",
            None,
            "Hoàn thành tốt nhiệm vụ",
            None,
            "Hoàn thành nhiệm vụ",
            None,
            "Không hoàn thành nhiệm vụ",
            None,
        ],
        [None] * 6 + ["Số lượng", "Tỷ lệ %"] * 4,
        total_row,
        *body,
    ]
    merges = ["A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:F6", "G5:H5", "I5:J5", "K5:L5", "M5:N5"]
    base = Path(tempfile.mkdtemp()) / "b01_bieu_so_luong_ty_le_chu_2023.xlsx"
    xlsx(base, [{"title": "Biểu 03", "rows": rows, "merges": merges, "bold_rows": (5, 6, 7)}])
    shutil.copy(base, FILES / base.name)
    convert(base, "xls:MS Excel 97", "b02_bieu_so_luong_ty_le_chu_2023.xls")
    for n in ("b01_bieu_so_luong_ty_le_chu_2023.xlsx", "b02_bieu_so_luong_ty_le_chu_2023.xls"):
        expect(
            n,
            "B,F",
            "a Biểu of member counts: 'Số lượng | Tỷ lệ %' under each tier, shares typed as text "
            "'12,50%', the total row first",
            counts_rows(2023, tot),
        )


# -- family C: ratings as codes explained in a legend ---------------------------------------------
def fam_c() -> None:
    ms = members(25, exempt=2, not_rated=1)
    rows = [
        ["CHI BỘ SỞ TƯ PHÁP"],
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        [
            "Ký hiệu: 1 - Hoàn thành xuất sắc nhiệm vụ; 2 - Hoàn thành tốt nhiệm vụ; 3 - Hoàn thành nhiệm vụ; "
            "4 - Không hoàn thành nhiệm vụ; M - Miễn đánh giá; C - Chưa đánh giá"
        ],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại (ký hiệu)"],
    ]
    for i, m in enumerate(ms, 1):
        code = {"exempt": "M", "not_rated": "C"}.get(m["status"]) or CODE[m["status"]]
        rows.append([i, m["name"], m["birth"], "Chi bộ Sở Tư pháp", code])
    xlsx(FILES / "c01_ky_hieu_chu_giai_tren_bang_2022.xlsx", [{"title": "2022", "rows": rows, "bold_rows": (5,)}])
    expect(
        "c01_ky_hieu_chu_giai_tren_bang_2022.xlsx",
        "C",
        "members rated by codes 1-4, M, C, the legend in a line above the header",
        member_rows(2022, [m["status"] for m in ms]),
    )

    us = units(12, years=(2021,), offset=1)
    rows = [
        ["XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        ["(mã xếp loại: xem sheet Chú giải)"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Mã xếp loại"],
    ]
    rows += [[i, u["name"], CODE[u["tier"][2021]]] for i, u in enumerate(us, 1)]
    legend = [["Mã", "Mức xếp loại"], *[[CODE[t], FULL[t]] for t in TIERS]]
    xlsx(
        FILES / "c02_ma_xep_loai_sheet_chu_giai_2021.xlsx",
        [{"title": "Danh sách", "rows": rows, "bold_rows": (4,)}, {"title": "Chú giải", "rows": legend}],
    )
    expect(
        "c02_ma_xep_loai_sheet_chu_giai_2021.xlsx",
        "C",
        "units rated by codes 1-4 with the legend on a sheet of its own ('Chú giải'), which is no rating list",
        unit_expect(us, 2021),
    )


# -- family D: the chi bộ written on the first row of its group only ------------------------------
def fam_d() -> None:
    groups = [
        ("Chi bộ Văn phòng", members(9, 1, 0)),
        ("Chi bộ phòng Kế hoạch - Tài chính", members(7, 0, 1)),
        ("Chi bộ phòng Nghiệp vụ", members(11, 1, 1)),
        ("Chi bộ Trung tâm Dịch vụ", members(6, 0, 0)),
    ]
    # one name in two chi bộ, two different people with different ratings (blank below = same as above)
    groups[1][1][0].update(name="Nguyễn Văn Hùng", birth=1978, status="good")
    groups[3][1][0].update(name="Nguyễn Văn Hùng", birth=1990, status="pass")
    rows = [
        ["ĐẢNG BỘ SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Chi bộ", "Họ và tên", "Năm sinh", "Xếp loại"],
    ]
    i = 0
    for cb, ms in groups:
        for j, m in enumerate(ms):
            i += 1
            rating = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(m["status"]) or FULL[m["status"]]
            rows.append([i, cb if j == 0 else None, m["name"], m["birth"], rating])
    base = Path(tempfile.mkdtemp()) / "d01_chi_bo_chi_ghi_dong_dau_2023.xlsx"
    xlsx(base, [{"title": "Đảng viên 2023", "rows": rows, "bold_rows": (4,)}])
    shutil.copy(base, FILES / base.name)
    convert(base, "ods", "d02_chi_bo_chi_ghi_dong_dau_2023.ods")
    st = [m["status"] for _, ms in groups for m in ms]
    for n in ("d01_chi_bo_chi_ghi_dong_dau_2023.xlsx", "d02_chi_bo_chi_ghi_dong_dau_2023.ods"):
        expect(
            n,
            "D",
            "members sorted by chi bộ, its name only on the group's first row; the same name in two chi "
            "bộ (two people, different ratings)",
            member_rows(2023, st),
        )

    # units: đảng bộ written once, its chi bộ in the next column
    us = units(7, n_db=2, cells=3, years=(2021,), offset=4)
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2021"],
        [],
        ["STT", "Tổ chức cơ sở đảng", "Chi bộ trực thuộc", "Kết quả xếp loại"],
    ]
    n = 0
    for u in us:
        if u["kind"] == "CBTT":
            rows.append([None, None, u["name"], FULL[u["tier"][2021]]])
        else:
            n += 1
            rows.append([n, u["name"], None, FULL[u["tier"][2021]]])
    xlsx(
        FILES / "d03_dang_bo_mot_dong_chi_bo_cot_ben_2021.xlsx",
        [{"title": "2021", "rows": rows, "bold_rows": (3,), "widths": {"B": 34, "C": 34}}],
    )
    expect(
        "d03_dang_bo_mot_dong_chi_bo_cot_ben_2021.xlsx",
        "D",
        "a đảng bộ's chi bộ trực thuộc in a column of their own under its row, the đảng bộ cell blank below",
        unit_expect(us, 2021),
    )

    # CSV member list with blank chi bộ below its first row and STT restarting per chi bộ
    groups = [
        ("Chi bộ Khoa Nội", members(8, 0, 1)),
        ("Chi bộ Khoa Ngoại", members(10, 1, 0)),
        ("Chi bộ Khoa Dược", members(5, 0, 0)),
    ]
    rows = [["STT", "Chi bộ", "Họ và tên", "Năm sinh", "Xếp loại năm 2021", "Ghi chú"]]
    for cb, ms in groups:
        for j, m in enumerate(ms):
            rating = {"exempt": "Miễn", "not_rated": ""}.get(m["status"])
            rating = ABBR[m["status"]] if rating is None else rating
            rows.append(
                [
                    j + 1,
                    cb if j == 0 else "",
                    m["name"],
                    m["birth"],
                    rating,
                    "Mới kết nạp 10/2021, chưa đánh giá" if m["status"] == "not_rated" else "",
                ]
            )
    write_csv("d04_chi_bo_dong_dau_stt_lai_2021.csv", rows)
    expect(
        "d04_chi_bo_dong_dau_stt_lai_2021.csv",
        "D,N",
        "CSV: chi bộ on its group's first row only, STT restarting, "
        "a new member's rating blank with the reason in Ghi chú",
        member_rows(2021, [m["status"] for _, ms in groups for m in ms]),
    )


# -- family E: a summary sheet and detail sheets in one workbook ----------------------------------
def fam_e() -> None:
    groups = [
        ("Chi bộ Văn phòng", members(8, 1, 0)),
        ("Chi bộ Kế toán", members(6, 0, 1)),
        ("Chi bộ Tín dụng", members(10, 1, 0)),
    ]
    summary = [
        ["TỔNG HỢP XẾP LOẠI ĐẢNG VIÊN NĂM 2024"],
        [],
        ["TT", "Chi bộ", "Tổng số", "Miễn", "Chưa đánh giá", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    ]
    sheets = []
    for i, (cb, ms) in enumerate(groups, 1):
        st = [m["status"] for m in ms]
        summary.append([i, cb, len(st), st.count("exempt"), st.count("not_rated"), *[st.count(t) for t in TIERS]])
        rows = [
            [cb.upper()],
            ["DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2024"],
            [],
            ["STT", "Họ và tên", "Năm sinh", "Xếp loại"],
        ]
        for j, m in enumerate(ms, 1):
            rows.append(
                [
                    j,
                    m["name"],
                    m["birth"],
                    {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(m["status"]) or FULL[m["status"]],
                ]
            )
        sheets.append({"title": cb.replace("Chi bộ ", "CB "), "rows": rows, "bold_rows": (4,)})
    summary.append([None, "Cộng", *[sum(r[k] for r in summary[3:]) for k in range(2, 9)]])
    xlsx(
        FILES / "e01_tong_hop_va_danh_sach_chi_bo_2024.xlsx",
        [{"title": "Tổng hợp", "rows": summary, "bold_rows": (3,)}, *sheets],
    )
    expect(
        "e01_tong_hop_va_danh_sach_chi_bo_2024.xlsx",
        "E",
        "a 'Tổng hợp' sheet of counts per chi bộ, then one member sheet per chi bộ (named 'CB …'): counted once",
        member_rows(2024, [m["status"] for _, ms in groups for m in ms]),
    )

    us = units(15, years=(2020,), offset=9)
    t = [u["tier"][2020] for u in us]
    summary = [["TỔNG HỢP KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2020"], [], ["Mức xếp loại", "Số lượng", "Tỷ lệ (%)"]]
    summary += [[FULL[k], t.count(k), round(100 * t.count(k) / len(t), 2)] for k in TIERS] + [["Tổng số", len(t), 100]]
    rows = [["DANH SÁCH XẾP LOẠI TCCS ĐẢNG NĂM 2020"], [], ["STT", "Tên tổ chức cơ sở đảng", "Loại hình", "Xếp loại"]]
    rows += [
        [i, u["name"], "Cơ quan nhà nước" if "Sở" in u["name"] else "Cơ quan Đảng, đoàn thể", FULL[u["tier"][2020]]]
        for i, u in enumerate(us, 1)
    ]
    xlsx(
        FILES / "e02_tong_hop_truoc_danh_sach_sau_2020.xlsx",
        [{"title": "Tổng hợp", "rows": summary}, {"title": "Danh sách", "rows": rows, "bold_rows": (3,)}],
    )
    expect(
        "e02_tong_hop_truoc_danh_sach_sau_2020.xlsx",
        "E",
        "a summary sheet of tiers (count, %) first, the list of organisations on the second sheet",
        unit_expect(us, 2020),
    )


# -- family Y: years as "Năm 2024" headers over "SL | %" -----------------------------------------
def fam_y() -> None:
    years = (2022, 2023, 2024)
    us = units(16, years=years, offset=3)
    us[15]["tier"][2022] = None  # founded in 2022: not rated that year
    hdr1 = ["TT", "Nội dung"] + [x for y in years for x in (f"Năm {y}", None)]
    hdr2 = [None, None] + ["SL", "%"] * 3
    rows = [["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHI, ĐẢNG BỘ CƠ SỞ GIAI ĐOẠN 2022 - 2024"], [], hdr1, hdr2]

    def line(tt, label, f):
        out = [tt, label]
        for y in years:
            ts = [u["tier"][y] for u in us]
            rated = [x for x in ts if x]
            n = f(ts, rated)
            out += [n, round(100 * n / len(rated), 2) if f is not None and tt not in (1, 2, 3) else None]
        return out

    rows.append(line(1, "Tổng số chi, đảng bộ cơ sở", lambda ts, r: len(ts)))
    rows.append(line(2, "Chưa xếp loại", lambda ts, r: len(ts) - len(r)))
    rows.append(line(3, "Được đánh giá, xếp loại", lambda ts, r: len(r)))
    for k, tier in enumerate(TIERS):
        rows.append(line(f"3.{k + 1}", FULL[tier], lambda ts, r, tier=tier: r.count(tier)))
    xlsx(
        FILES / "y01_nam_sl_ty_le_chi_tieu_doc_2022_2024.xlsx",
        [
            {
                "title": "Tổng hợp",
                "rows": rows,
                "merges": ("A3:A4", "B3:B4", "C3:D3", "E3:F3", "G3:H3"),
                "bold_rows": (3, 4),
            }
        ],
    )
    expect(
        "y01_nam_sl_ty_le_chi_tieu_doc_2022_2024.xlsx",
        "Y",
        "a sheet alone: the indicators down the side, 'Năm 2022' … over 'SL | %' (no list elsewhere)",
        sum((unit_rows(y, [u["tier"][y] for u in us]) for y in years), []),
    )

    # member counts per organisation, two years, each tier SL | %
    yrs = (2023, 2024)
    tot = {y: dict.fromkeys(TIERS, 0) for y in yrs}
    hdr1, hdr2, hdr3 = ["STT", "Tổ chức cơ sở đảng"], [None, None], [None, None]
    merges = ["A3:A5", "B3:B5"]
    col = 3
    for y in yrs:
        hdr1 += [f"Năm {y}"] + [None] * 8
        hdr2 += ["Được đánh giá"] + [x for t in TIERS for x in (ABBR[t], None)]
        hdr3 += [None] + ["SL", "%"] * 4
        from openpyxl.utils import get_column_letter as L

        merges += [f"{L(col)}3:{L(col + 8)}3", f"{L(col)}4:{L(col)}5"] + [
            f"{L(col + 1 + 2 * k)}4:{L(col + 2 + 2 * k)}4" for k in range(4)
        ]
        col += 9
    rows = [["SỐ LIỆU XẾP LOẠI ĐẢNG VIÊN THEO TỔ CHỨC CƠ SỞ ĐẢNG"], [], hdr1, hdr2, hdr3]
    for i, o in enumerate(AGENCIES[14:26], 1):
        r = [i, "Chi bộ " + o]
        for y in yrs:
            c = {"top": R.randint(1, 4), "good": R.randint(8, 30), "pass": R.randint(0, 4), "fail": R.randint(0, 1)}
            n = sum(c.values())
            r += [n] + [x for t in TIERS for x in (c[t], round(100 * c[t] / n, 1))]
            for t in TIERS:
                tot[y][t] += c[t]
        rows.append(r)
    xlsx(
        FILES / "y02_hai_nam_sl_ty_le_theo_to_chuc_2023_2024.xlsx",
        [{"title": "Số liệu", "rows": rows, "merges": merges, "bold_rows": (3, 4, 5)}],
    )
    expect(
        "y02_hai_nam_sl_ty_le_theo_to_chuc_2023_2024.xlsx",
        "Y,F",
        "member counts per organisation, 'Năm 2023' and "
        "'Năm 2024' each over 'Được đánh giá' and the tiers, each tier 'SL | %'",
        sum((counts_rows(y, {**tot[y], "exempt": 0, "not_rated": 0}) for y in yrs), []),
    )


# -- family T: text: NBSP, trailing spaces, NFD, legacy fonts --------------------------------------
TCVN3 = {
    "Họ và tên": "Hä vµ tªn",
    "Chi bộ": "Chi bé",
    "Xếp loại": "XÕp lo¹i",
    "Năm sinh": "N¨m sinh",
    "top": "Hoµn thµnh xuÊt s¾c nhiÖm vô",
    "good": "Hoµn thµnh tèt nhiÖm vô",
    "pass": "Hoµn thµnh nhiÖm vô",
    "fail": "Kh«ng hoµn thµnh nhiÖm vô",
    "title": "DANH S¸CH XÕP LO¹I §¶NG VI£N N¡M 2018",
    "cb": "Chi bé Së T­ ph¸p",
}
VNI = {
    "Họ và tên": "Hoï vaø teân",
    "Chi bộ": "Chi boä",
    "Xếp loại": "Xeáp loaïi",
    "Năm sinh": "Naêm sinh",
    "top": "Hoaøn thaønh xuaát saéc nhieäm vuï",
    "good": "Hoaøn thaønh toát nhieäm vuï",
    "pass": "Hoaøn thaønh nhieäm vuï",
    "fail": "Khoâng hoaøn thaønh nhieäm vuï",
    "title": "DANH SAÙCH XEÁP LOAÏI ÑAÛNG VIEÂN NAÊM 2019",
    "cb": "Chi boä Sôû Taøi chính",
}


def fam_t() -> None:
    us = units(12, years=(2019,), offset=6)
    rows = [
        ["KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2019 "],
        [],
        ["STT ", "Tên tổ chức cơ sở đảng ", "Xếp\u00a0loại  ", "Ghi chú "],
    ]
    for i, u in enumerate(us, 1):
        lab = FULL[u["tier"][2019]]
        lab = [lab.replace(" ", "\u00a0", 2) + " ", "\u00a0" + lab, lab + "\u00a0\u00a0", lab.upper() + " "][i % 4]
        rows.append([i, u["name"] + "  ", lab, None])
    xlsx(FILES / "t01_nbsp_khoang_trang_2019.xlsx", [{"title": "Sheet1", "rows": rows}])
    expect(
        "t01_nbsp_khoang_trang_2019.xlsx",
        "T",
        "non-breaking and trailing spaces in headers, names and labels",
        unit_expect(us, 2019),
    )

    ms = members(24, exempt=1, not_rated=1)
    rows = [["Họ và tên", "Năm sinh", "Chi bộ", "Năm", "Xếp loại", "Ghi chú"]]
    for m in ms:
        rating = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(m["status"]) or FULL[m["status"]]
        rows.append([m["name"], m["birth"], "Chi bộ Sở Văn hóa, Thể thao và Du lịch", 2020, rating, ""])
    write_csv("t02_numbers_macos_nfd_cham_phay_2020.csv", rows, delimiter=";", nfd=True)
    expect(
        "t02_numbers_macos_nfd_cham_phay_2020.csv",
        "T",
        "a CSV exported by Numbers on macOS: NFD throughout (header included), ';' separators",
        member_rows(2020, [m["status"] for m in ms]),
    )

    for name, enc, _year, what in (
        ("t03_phong_tcvn3_2018.xlsx", TCVN3, 2018, "TCVN3 (ABC, .VnTime)"),
        ("t04_phong_vni_2019.xlsx", VNI, 2019, "VNI (VNI-Times)"),
    ):
        ms = members(15, exempt=0, not_rated=0)
        rows = [[enc["title"]], [], ["STT", enc["Họ và tên"], enc["Năm sinh"], enc["Chi bộ"], enc["Xếp loại"]]]
        rows += [[i, "(tên)", m["birth"], enc["cb"], enc[m["status"]]] for i, m in enumerate(ms, 1)]
        xlsx(FILES / name, [{"title": "Sheet1", "rows": rows}])
        expect(
            name,
            "T,N",
            f"an old list typed in a legacy Vietnamese font encoding, {what}: the bytes are Latin "
            "letters, not Vietnamese",
            refused=(
                "the text is in a legacy font encoding: no label can be read as "
                "Vietnamese; a careful person asks for the file converted to Unicode "
                "(Unikey's converter), never guesses"
            ),
        )


# -- family W: very wide sheets ------------------------------------------------------------------
def fam_w() -> None:
    years = tuple(range(2010, 2025))
    us = units(10, years=years, offset=8)
    from openpyxl.utils import get_column_letter as L

    hdr1, hdr2, merges = ["STT", "Tên tổ chức cơ sở đảng"], [None, None], ["A3:A4", "B3:B4"]
    for k, y in enumerate(years):
        c = 3 + 2 * k
        hdr1 += [f"Năm {y}", None]
        hdr2 += ["Tự xếp loại", "Cấp trên xếp loại"]
        merges.append(f"{L(c)}3:{L(c + 1)}3")
    rows = [["THEO DÕI XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG TỪ NĂM 2010 ĐẾN NĂM 2024"], [], hdr1, hdr2]
    for i, u in enumerate(us, 1):
        r = [i, u["name"]]
        for y in years:
            t = u["tier"][y]
            selft = BETTER[t] if R.random() < 0.3 else t
            r += [unit_label(selft, y, short=True), unit_label(t, y, short=True)]
        rows.append(r)
    xlsx(
        FILES / "w01_15_nam_tu_xl_cap_tren_2010_2024.xlsx",
        [{"title": "Theo dõi", "rows": rows, "merges": merges, "bold_rows": (3, 4)}],
    )
    expect(
        "w01_15_nam_tu_xl_cap_tren_2010_2024.xlsx",
        "W,C",
        "15 years × (self-rating, higher level's rating) = 30 rating columns, TSVM up to 2017",
        sum((unit_rows(y, [u["tier"][y] for u in us]) for y in years), []),
    )

    ms = members(30, exempt=2, not_rated=1, left=1)
    fields = [
        "Mã đảng viên",
        "Số thẻ đảng",
        "Họ và tên",
        "Tên gọi khác",
        "Giới tính",
        "Ngày sinh",
        "Nơi sinh",
        "Quê quán",
        "Dân tộc",
        "Tôn giáo",
        "Nơi thường trú",
        "Nơi ở hiện nay",
        "Nghề nghiệp",
        "Trình độ GDPT",
        "Chuyên môn",
        "Học vị",
        "Học hàm",
        "Lý luận chính trị",
        "Ngoại ngữ",
        "Tin học",
        "Ngày vào Đảng",
        "Nơi vào Đảng",
        "Ngày chính thức",
        "Người giới thiệu 1",
        "Người giới thiệu 2",
        "Ngày vào Đoàn",
        "Ngày nhập ngũ",
        "Ngày xuất ngũ",
        "Quân hàm",
        "Chức vụ đảng",
        "Chức vụ chính quyền",
        "Chức vụ đoàn thể",
        "Đơn vị công tác",
        "Số CCCD",
        "Ngày cấp",
        "Nơi cấp",
        "Điện thoại",
        "Email",
        "Huy hiệu Đảng",
        "Khen thưởng",
        "Kỷ luật",
        "Tình trạng sức khỏe",
        "Thương binh",
        "Gia đình chính sách",
        "Đi nước ngoài",
        "Hoàn cảnh kinh tế",
        "Lương",
        "Bậc lương",
        "Ngạch",
        "Đảng phí",
        "Chi bộ",
        "Đảng bộ cơ sở",
        "Ngày chuyển đến",
        "Ngày chuyển đi",
        "Trạng thái",
        "Xếp loại chất lượng năm 2024",
        "Ghi chú",
        "Người cập nhật",
        "Ngày cập nhật",
        "Mã hồ sơ",
    ]
    rows = [["KẾT XUẤT DỮ LIỆU ĐẢNG VIÊN"], fields]
    for i, m in enumerate(ms, 1):
        r = dict.fromkeys(fields, "")
        r.update(
            {
                "Mã đảng viên": f"48.{i:06d}",
                "Số thẻ đảng": f"{R.randint(10**7, 10**8 - 1):08d}",
                "Họ và tên": m["name"],
                "Giới tính": R.choice(["Nam", "Nữ"]),
                "Ngày sinh": f"01/01/{m['birth']}",
                "Dân tộc": "Kinh",
                "Tôn giáo": "Không",
                "Ngày vào Đảng": f"03/02/{R.randint(1975, 2023)}",
                "Chi bộ": "Chi bộ Văn phòng",
                "Đảng bộ cơ sở": "Đảng bộ Sở Tài chính",
                "Kỷ luật": "",
                "Khen thưởng": R.choice(["", "", "Giấy khen Đảng ủy 2023"]),
                "Mã hồ sơ": f"HS{i:05d}",
                "Trạng thái": "Đang sinh hoạt",
                "Người cập nhật": "admin",
                "Ngày cập nhật": "12/01/2025",
            }
        )
        s = m["status"]
        if s == "left":
            r.update({"Trạng thái": "Đã chuyển đi", "Ngày chuyển đi": "15/11/2024", "Xếp loại chất lượng năm 2024": ""})
        else:
            r["Xếp loại chất lượng năm 2024"] = {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(
                s
            ) or FULL[s]
        rows.append([r[f] for f in fields])
    xlsx(FILES / "w02_csdl_60_cot_2024.xlsx", [{"title": "DanhSach", "rows": rows, "plain": True}])
    expect(
        "w02_csdl_60_cot_2024.xlsx",
        "W,B",
        "a 60-column database export, the rating in column 56, a member moved away "
        "('Trạng thái: Đã chuyển đi', rating blank)",
        member_rows(2024, [m["status"] for m in ms]),
    )


# -- family N: numbering restarts per group ------------------------------------------------------
def fam_n() -> None:
    us = units(14, years=(2021,), offset=11)
    groups = [
        ("A. KHỐI CÁC CƠ QUAN ĐẢNG, MẶT TRẬN VÀ ĐOÀN THỂ", us[:5]),
        ("B. KHỐI CÁC CƠ QUAN NHÀ NƯỚC", us[5:11]),
        ("C. KHỐI ĐƠN VỊ SỰ NGHIỆP", us[11:]),
    ]
    rows = [
        ["KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    for head, g in groups:
        rows.append([head])
        rows += [[i, u["name"], FULL[u["tier"][2021]], None] for i, u in enumerate(g, 1)]
    xlsx(FILES / "n01_stt_lai_theo_khoi_a_b_c_2021.xlsx", [{"title": "2021", "rows": rows, "bold_rows": (3,)}])
    expect(
        "n01_stt_lai_theo_khoi_a_b_c_2021.xlsx",
        "N",
        "organisations grouped under 'A. KHỐI …', 'B. …' headings, STT restarting at 1 in each group (no subtotals)",
        unit_expect(us, 2021),
    )

    groups = [
        ("Chi bộ Phòng Tổ chức", members(7, 0, 0)),
        ("Chi bộ Phòng Tổng hợp", members(9, 1, 0)),
        ("Chi bộ Phòng Kiểm tra", members(6, 0, 1)),
    ]
    rows = [
        ["ĐẢNG BỘ CƠ QUAN ỦY BAN KIỂM TRA TỈNH ỦY"],
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2022"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Xếp loại"],
    ]
    for k, (cb, ms) in enumerate(groups):
        rows.append([("I", "II", "III")[k], f"{cb} ({len(ms):02d} đảng viên)"])
        for j, m in enumerate(ms, 1):
            rows.append(
                [
                    j,
                    m["name"],
                    m["birth"],
                    R.choice(["Chuyên viên", "Phó Trưởng phòng", "Trưởng phòng", ""]),
                    {"exempt": "Miễn đánh giá", "not_rated": "Chưa đánh giá"}.get(m["status"]) or ABBR[m["status"]],
                ]
            )
    xlsx(FILES / "n02_stt_lai_dang_vien_theo_chi_bo_2022.xlsx", [{"title": "DV", "rows": rows, "bold_rows": (4,)}])
    expect(
        "n02_stt_lai_dang_vien_theo_chi_bo_2022.xlsx",
        "N",
        "members under roman-numbered chi bộ headings with their count, STT restarting, a 'Chức vụ' column",
        member_rows(2022, [m["status"] for _, ms in groups for m in ms]),
    )


# -- family X: odd but ordinary -------------------------------------------------------------------
def fam_x() -> None:
    us = units(11, years=(2024,), offset=13)
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"],
    ]
    rows += [[i, u["name"], FULL[u["tier"][2024]], None] for i, u in enumerate(us, 1)]
    rows.append(
        [
            len(us) + 1,
            "Chi bộ Trung tâm Phục vụ hành chính công",
            "Không xếp loại",
            "Thành lập tháng 10/2024, chưa đủ 6 tháng",
        ]
    )
    xlsx(FILES / "x01_khong_xep_loai_moi_thanh_lap_2024.xlsx", [{"title": "2024", "rows": rows, "bold_rows": (3,)}])
    expect(
        "x01_khong_xep_loai_moi_thanh_lap_2024.xlsx",
        "X",
        "an organisation founded in October: 'Không xếp loại' with the reason in Ghi chú (not rated)",
        unit_expect(us, 2024, extra_not_rated=1),
    )

    ms = members(26, exempt=3, not_rated=0)
    rows = [
        ["CHI BỘ HỘI NÔNG DÂN TỈNH"],
        ["XẾP LOẠI ĐẢNG VIÊN NĂM 2023"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Miễn công tác và sinh hoạt đảng", "Xếp loại", "Ghi chú"],
    ]
    for i, m in enumerate(ms, 1):
        ex = m["status"] == "exempt"
        rows.append(
            [
                i,
                m["name"],
                m["birth"],
                "x" if ex else None,
                None if ex else FULL[m["status"]],
                "Tuổi cao, sức yếu" if ex else None,
            ]
        )
    xlsx(FILES / "x02_cot_mien_danh_dau_x_2023.xlsx", [{"title": "2023", "rows": rows, "bold_rows": (4,)}])
    expect(
        "x02_cot_mien_danh_dau_x_2023.xlsx",
        "X",
        "exempt members ticked 'x' in a column of their own, their rating blank",
        member_rows(2023, [m["status"] for m in ms]),
    )

    ms = members(27, exempt=1, not_rated=1)
    rows = [["STT", "Họ và tên", "Chi bộ", "Điểm tự chấm", "Điểm cấp ủy cấp trên chấm", "Xếp loại năm 2025"]]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in TIERS:
            sc = score_for(s)
            rows.append(
                [
                    i,
                    m["name"],
                    "Chi bộ Báo Bắc Hà",
                    str(min(100, sc + 1)).replace(".", ","),
                    str(sc).replace(".", ",").removesuffix(",0"),
                    ABBR[s],
                ]
            )
        else:
            rows.append(
                [i, m["name"], "Chi bộ Báo Bắc Hà", "", "", "Miễn đánh giá" if s == "exempt" else "Chưa đánh giá"]
            )
    write_csv("x03_diem_thap_phan_dau_phay_cham_phay_2025.csv", rows, delimiter=";", bom=True)
    expect(
        "x03_diem_thap_phan_dau_phay_cham_phay_2025.csv",
        "X,S",
        "2025 CSV for Excel in Vietnamese settings: ';', BOM, scores with a decimal comma ('92,5')",
        member_rows(2025, [m["status"] for m in ms]),
    )

    ms = members(18, exempt=0, not_rated=0)
    rows = [
        ["DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025"],
        [],
        ["STT", "Họ và tên", "Tổng điểm", "Mức xếp loại", None, None, None],
        [None, None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    ]
    for i, m in enumerate(ms, 1):
        rows.append([i, m["name"], score_for(m["status"])] + ["x" if m["status"] == t else None for t in TIERS])
    rows.append([None, "Cộng", None] + [sum(m["status"] == t for m in ms) for t in TIERS])
    xlsx(
        FILES / "x04_tich_x_va_tong_diem_2025.xlsx",
        [
            {
                "title": "Chi bộ Thuế tỉnh",
                "rows": rows,
                "merges": ("A3:A4", "B3:B4", "C3:C4", "D3:G3"),
                "bold_rows": (3, 4),
            }
        ],
    )
    expect(
        "x04_tich_x_va_tong_diem_2025.xlsx",
        "X,S",
        "2025 members: a total score and an 'x' under one of four tiers, a 'Cộng' row of counts under the ticks",
        member_rows(2025, [m["status"] for m in ms]),
    )

    # the same member list saved as .xls by LibreOffice, with an autofilter-style title and a 'Cộng' of people
    ms = members(21, exempt=2, not_rated=1)
    rows = [
        ["ĐẢNG BỘ BỆNH VIỆN ĐA KHOA TỈNH - CHI BỘ KHOA NỘI"],
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2018"],
        [],
        ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Tự đánh giá, xếp loại", "Chi bộ đề nghị", "Đảng ủy quyết định"],
    ]
    for i, m in enumerate(ms, 1):
        s = m["status"]
        if s in TIERS:
            b = BETTER[s] if R.random() < 0.3 else s
            rows.append(
                [i, m["name"], m["birth"], "Chi bộ Khoa Nội", ABBR[b], ABBR[b if R.random() < 0.5 else s], ABBR[s]]
            )
        else:
            lab = "Miễn đánh giá" if s == "exempt" else "Chưa đánh giá"
            rows.append([i, m["name"], m["birth"], "Chi bộ Khoa Nội", lab, lab, lab])
    rows += [[], [None, f"Cộng: {len(ms)} đồng chí"]]
    base = Path(tempfile.mkdtemp()) / "x05_tu_xl_de_nghi_quyet_dinh_2018.xlsx"
    xlsx(base, [{"title": "Khoa Nội", "rows": rows, "bold_rows": (4,)}])
    convert(base, "xls:MS Excel 97", "x05_tu_xl_de_nghi_quyet_dinh_2018.xls")
    expect(
        "x05_tu_xl_de_nghi_quyet_dinh_2018.xls",
        "X,E",
        "members: self-rating, the chi bộ's proposal and 'Đảng ủy quyết định' (the decision), in .xls",
        member_rows(2018, [m["status"] for m in ms]),
    )


def main() -> None:
    if FILES.exists():
        shutil.rmtree(FILES)
    FILES.mkdir(parents=True)
    for fam in (fam_s, fam_r, fam_g, fam_h, fam_b, fam_c, fam_d, fam_e, fam_y, fam_t, fam_w, fam_n, fam_x):
        fam()
    (HERE / "expected.json").write_text(json.dumps(EXPECTED, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    missing = {p.name for p in FILES.iterdir()} ^ set(EXPECTED)
    assert not missing, missing
    print(f"{len(EXPECTED)} files written to {FILES}")


if __name__ == "__main__":
    main()
