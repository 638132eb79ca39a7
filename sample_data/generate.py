"""Rebuild the fictional sample data set of ccq-stats (deterministic: same seed, same cells).

A bloc ("Đảng bộ Khối các cơ quan tỉnh") of 56 grassroots organisations (16 đảng bộ cơ sở with
their chi bộ trực thuộc, 40 chi bộ cơ sở) and about 4,000 members, rating years 2015–2019,
written in the layouts staff keep:

  to_chuc_co_so_dang_2015-2019.xlsx  organisations, wide (one column per year), merged header
  chi_bo_truc_thuoc.xlsx             subordinate cells, one sheet per year ("Năm 2015" …)
  dang_vien_2015.xlsx … 2017.xlsx    member rows, title rows with the year; 2016 split in 2 sheets
  dang_vien_2018.csv                 member rows, ';'-separated UTF-8 with BOM, a 'Năm' column
  so_luong_dang_vien_2019.xlsx       member counts per organisation, 3-row merged header, totals row
  ../tests/data/sample_expected.csv  the figures these files must give, counted here from the
                                     generator's own model (the test oracle; not from ccq_stats)

Every name is invented. Run: python sample_data/generate.py
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import unicodedata
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent
YEARS = range(2015, 2020)
SEED = 20201021
TIERS = ("top", "good", "pass", "fail")

AGENCIES = [
    "Văn phòng Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ban Nội chính Tỉnh ủy",
    "Báo tỉnh",
    "Trường Chính trị tỉnh",
    "Ủy ban Mặt trận Tổ quốc tỉnh",
    "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Hội Nông dân tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Hội Cựu chiến binh tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Văn phòng UBND tỉnh",
    "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường",
    "Sở Nông nghiệp và PTNT",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Lao động - TB&XH",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Thông tin và Truyền thông",
    "Thanh tra tỉnh",
    "Sở Ngoại vụ",
    "Ban Dân tộc tỉnh",
    "Ban Quản lý các khu công nghiệp",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Bệnh viện Đa khoa tỉnh",
    "Bệnh viện Y học cổ truyền",
    "Trường Cao đẳng Y tế",
    "Trường Cao đẳng Sư phạm",
    "Quỹ Đầu tư phát triển tỉnh",
    "Liên minh Hợp tác xã tỉnh",
    "Hội Chữ thập đỏ tỉnh",
    "Liên hiệp các Hội KH&KT tỉnh",
    "Hội Văn học nghệ thuật tỉnh",
    "Ban Quản lý dự án xây dựng tỉnh",
    "Trung tâm Xúc tiến đầu tư",
    "Công ty Xổ số kiến thiết",
    "Công ty Cấp nước tỉnh",
    "Công ty Môi trường đô thị",
    "Kho bạc Nhà nước tỉnh",
    "Cục Thống kê tỉnh",
    "Bảo hiểm xã hội tỉnh",
    "Ngân hàng Chính sách xã hội tỉnh",
    "Cục Thuế tỉnh",
    "Trung tâm Phục vụ hành chính công",
]
HOSTS = ["Cơ quan Đảng, MTTQ, đoàn thể", "Cơ quan nhà nước", "Đơn vị sự nghiệp", "Doanh nghiệp", "Khác"]
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Võ",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu", "Hoài", "Kim"]
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
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Trung",
    "Tuấn",
    "Vân",
    "Việt",
    "Yến",
]
CELL_NAMES = [
    "Văn phòng",
    "Phòng Tổ chức",
    "Phòng Kế hoạch",
    "Phòng Tài vụ",
    "Phòng Nghiệp vụ 1",
    "Phòng Nghiệp vụ 2",
    "Khoa Nội",
    "Khoa Ngoại",
    "Trung tâm Dữ liệu",
    "Thanh tra",
]

# How staff spell each tier, per regime and subject: several spellings, chosen at random.
# sample_term_2020_2025/generate.py takes TIERS, MEMBER, messy, pick_tier, title_rows and member_label
# from here: a change to them changes the bytes of both samples (each has its test of determinism).
ORG_OLD = {
    "top": ["Trong sạch, vững mạnh", "TSVM", "Trong sạch vững mạnh"],
    "exemplary": ["TSVM tiêu biểu", "Trong sạch, vững mạnh tiêu biểu"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Yếu kém"],
}
ORG_NEW = {
    "top": ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"],
    "exemplary": ["HTXSNV - TSVM tiêu biểu"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "HT tốt NV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Không hoàn thành nhiệm vụ", "KHTNV"],
}
MEMBER = {
    "top": ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV", "Xuất sắc", "HTSXNV"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "Hoan thanh tot nhiem vu", "HT tốt NV", "HTTTNV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Không hoàn thành nhiệm vụ", "KHTNV", "Không HTNV"],
    "exempt": ["Miễn đánh giá", "Miễn công tác và sinh hoạt đảng"],
    "not_rated": ["Chưa đánh giá", "Chưa xếp loại"],
}


def messy(rng: random.Random, text: str) -> str:
    """The ways real cells go wrong: NFD copied from Word, trailing and non-breaking spaces, case."""
    roll = rng.random()
    if roll < 0.05:
        return unicodedata.normalize("NFD", text)
    if roll < 0.08:
        return text + "  "
    if roll < 0.10:
        return text.replace(" ", "\u00a0", 1)
    if roll < 0.12:
        return text.upper()
    return text


def pick_tier(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def exempt_from(rng: random.Random) -> int:
    """The year a member becomes exempt (miễn công tác và sinh hoạt đảng, usually for age)."""
    roll = rng.random()
    return 2000 if roll < 0.02 else rng.randint(2015, 2019) if roll < 0.06 else 9999


def build_model(rng: random.Random):
    orgs = []
    for i, agency in enumerate(AGENCIES):
        is_db = i % 7 in (0, 3) and len([o for o in orgs if o["kind"] == "ĐBCS"]) < 16
        kind = "ĐBCS" if is_db else "CBCS"
        name = f"{'Đảng bộ' if is_db else 'Chi bộ'} {agency}"
        size = rng.randint(100, 300) if is_db else rng.randint(9, 29)
        orgs.append(
            {
                "name": name,
                "kind": kind,
                "host": HOSTS[min(i * 5 // len(AGENCIES), 4)],
                "size": size,
                "founded": 2016 if agency == "Trung tâm Phục vụ hành chính công" else 2000,
                "cells": [],
            }
        )
        if is_db:
            for c in range(rng.randint(3, 8)):
                orgs[-1]["cells"].append({"name": f"Chi bộ {CELL_NAMES[c]}", "parent": name})
    assert len(orgs) == 56 and sum(o["kind"] == "ĐBCS" for o in orgs) == 16
    members, seen = [], set()
    for org in orgs:
        target = len(members) + org["size"]
        while len(members) < target:
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            born = rng.randint(1950, 1995)
            if (name, born, org["name"]) in seen:
                continue  # two people of one name and birth year in one unit would need card numbers
            seen.add((name, born, org["name"]))
            members.append(
                {
                    "name": name,
                    "born": born,
                    "org": org["name"],
                    "joined": 2000 if rng.random() < 0.88 else rng.randint(2015, 2019),
                    "exempt_from": exempt_from(rng),
                }
            )
    return orgs, members


def rate_orgs(rng, orgs):
    """ratings[(year, subject, name, parent)] = (tier or status, exemplary)."""
    out = {}
    for year in YEARS:
        for org in orgs:
            if year < org["founded"]:
                continue
            if year == org["founded"]:
                out[(year, "units", org["name"], "")] = ("not_rated", False)
            else:
                tier = pick_tier(rng, {"top": 0.66, "good": 0.29, "pass": 0.04, "fail": 0.01})
                out[(year, "units", org["name"], "")] = (tier, tier == "top" and rng.random() < 0.2)
            for cell in org["cells"]:
                tier = pick_tier(rng, {"top": 0.55, "good": 0.38, "pass": 0.06, "fail": 0.01})
                out[(year, "cells", cell["name"], org["name"])] = (tier, tier == "top" and rng.random() < 0.15)
    return out


def rate_members(rng, members, orgs):
    """ratings[year] = list of (member, tier or status, disciplined)."""
    founded = {o["name"]: o["founded"] for o in orgs}
    out = {}
    for year in YEARS:
        rows = []
        for m in members:
            if year < founded[m["org"]] or m["joined"] > year:
                continue
            if m["exempt_from"] <= year:
                rows.append((m, "exempt", False))
            elif m["joined"] == year:
                rows.append((m, "not_rated", False))
            else:
                disciplined = rng.random() < 0.003
                tier = (
                    "fail" if disciplined else pick_tier(rng, {"top": 0.16, "good": 0.64, "pass": 0.18, "fail": 0.02})
                )
                rows.append((m, tier, disciplined))
        # quota (HD 21): top ≤ 20 % of good in each organisation – respected, but one
        # organisation is left over it in 2019 so that `ccq-stats check` has a case to find
        by_org: dict[str, list[int]] = {}
        for i, (m, _t, _) in enumerate(rows):
            by_org.setdefault(m["org"], []).append(i)
        for org, idx in by_org.items():
            good = sum(rows[i][1] == "good" for i in idx)
            top = [i for i in idx if rows[i][1] == "top"]
            for i in top[good // 5 :]:
                rows[i] = (rows[i][0], "good", False)
            if year == 2019 and org == "Chi bộ Sở Tư pháp":
                promoted = [i for i in idx if rows[i][1] == "good"][: 2 + good // 5 - len(top[: good // 5])]
                for i in promoted:
                    rows[i] = (rows[i][0], "top", False)
        out[year] = rows
    return out


def seed_disciplined(member_ratings) -> None:
    """One member disciplined in 2017 but rated HTTNV: a seeded breach of HD 21 for `check`."""
    rows = member_ratings[2017]
    i = next(i for i, (m, t, d) in enumerate(rows) if t == "good")
    rows[i] = (rows[i][0], "good", True)


def apply_top_rule(org_ratings, member_ratings, orgs) -> None:
    """From 2018 a unit is rated HTXSNV only if its members (a chi bộ) or its cells (a đảng bộ)
    are all HTNV or better and ≥ 80% HTTNV or better. Staff rate the members and cells of a
    strong unit accordingly: here their ratings are lifted (KHTNV -> HTNV, HTNV -> HTTNV) until
    the rule holds; a unit with a disciplined member drops to HTTNV. One chi bộ in 2019 is
    left as it is, a seeded breach for `ccq-stats check` to find."""
    seeded = False
    for year in (y for y in YEARS if y >= 2018):
        for org in orgs:
            key = (year, "units", org["name"], "")
            if org_ratings.get(key, ("",))[0] != "top":
                continue
            if org["kind"] == "ĐBCS":
                keys = [(year, "cells", c["name"], org["name"]) for c in org["cells"]]
                ratings = {k: org_ratings[k][0] for k in keys}
            else:
                rows = member_ratings[year]
                ratings = {i: t for i, (m, t, _) in enumerate(rows) if m["org"] == org["name"] and t in TIERS}
                if any(rows[i][2] for i in ratings):
                    org_ratings[key] = ("good", False)
                    continue
            if not ratings or (
                all(t != "fail" for t in ratings.values())
                and sum(t in ("top", "good") for t in ratings.values()) >= 0.8 * len(ratings)
            ):
                continue
            if year == 2019 and org["kind"] == "CBCS" and not seeded:
                seeded = True
                continue
            lifted = {k: ("pass" if t == "fail" else t) for k, t in ratings.items()}
            for k in [k for k, t in lifted.items() if t == "pass"]:
                if sum(t in ("top", "good") for t in lifted.values()) >= 0.8 * len(lifted):
                    break
                lifted[k] = "good"
            for k, t in lifted.items():
                if org["kind"] == "ĐBCS":
                    org_ratings[k] = (t, org_ratings[k][1] and t == "top")
                else:
                    member_ratings[year][k] = (member_ratings[year][k][0], t, False)


def title_rows(ws, lines: list[str], width: int) -> int:
    for r, line in enumerate(lines, start=1):
        ws.cell(r, 1, line).font = Font(bold=True)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
    return len(lines) + 2  # a blank row, then the header


def fixed_times(wb: Workbook) -> None:
    wb.properties.created = wb.properties.modified = dt.datetime(2020, 1, 15, 8, 0, 0)


def write_units_wide(rng, orgs, ratings) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "TCCSĐ"
    years = list(YEARS)
    r = title_rows(
        ws,
        [
            "ĐẢNG BỘ TỈNH",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
            "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG GIAI ĐOẠN 2015 - 2019",
        ],
        10,
    )
    for c, text in enumerate(["STT", "Tên tổ chức cơ sở đảng", "Loại", "Loại hình"], start=1):
        ws.cell(r, c, text)
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    ws.cell(r, 5, "Kết quả xếp loại")
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=4 + len(years))
    for j, year in enumerate(years):
        ws.cell(r + 1, 5 + j, f"Năm {year}")
    ws.cell(r, 10, "Ghi chú")
    r += 2
    old_habit: list[str] = []
    for section, kind in (("I. CÁC ĐẢNG BỘ CƠ SỞ", "ĐBCS"), ("II. CÁC CHI BỘ CƠ SỞ", "CBCS")):
        ws.cell(r, 1, section).font = Font(bold=True)
        r += 1
        for n, org in enumerate([o for o in orgs if o["kind"] == kind], start=1):
            ws.cell(r, 1, n)
            ws.cell(r, 2, org["name"])
            ws.cell(r, 3, rng.choice([kind, "Đảng bộ cơ sở" if kind == "ĐBCS" else "Chi bộ cơ sở"]))
            ws.cell(r, 4, org["host"])
            for j, year in enumerate(years):
                rating = ratings.get((year, "units", org["name"], ""))
                if rating:
                    label = org_label(rng, year, *rating)
                    if year == 2018 and rating == ("top", False) and not old_habit:
                        label = "Trong sạch, vững mạnh"  # an old habit: an award since 2018, warned about
                        old_habit.append(org["name"])
                    ws.cell(r, 5 + j, messy(rng, label))
            if org["founded"] > 2015:
                ws.cell(r, 10, f"Thành lập năm {org['founded']}")
            r += 1
    fixed_times(wb)
    wb.save(HERE / "to_chuc_co_so_dang_2015-2019.xlsx")


def org_label(rng, year: int, tier: str, exemplary: bool) -> str:
    if tier == "not_rated":
        return "Mới thành lập"
    vocab = ORG_OLD if year <= 2017 else ORG_NEW
    return rng.choice(vocab["exemplary" if exemplary else tier])


def write_cells(rng, orgs, ratings) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for year in YEARS:
        ws = wb.create_sheet(f"Năm {year}")
        r = title_rows(ws, ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ"], 4)
        for c, text in enumerate(["TT", "Tên chi bộ", "Trực thuộc", "Xếp loại"], start=1):
            ws.cell(r, c, text)
        r += 1
        n = 0
        for org in orgs:
            for cell in org["cells"]:
                rating = ratings.get((year, "cells", cell["name"], org["name"]))
                if rating is None:
                    continue  # left off that year's sheet
                n += 1
                tier, exemplary = rating
                label = org_label(rng, year, tier, exemplary)
                ws.cell(r, 1, n)
                ws.cell(r, 2, cell["name"])
                ws.cell(r, 3, org["name"])
                ws.cell(r, 4, messy(rng, label.lower() if year == 2016 else label))
                r += 1
    fixed_times(wb)
    wb.save(HERE / "chi_bo_truc_thuoc.xlsx")


def member_label(rng, status: str) -> str:
    return messy(rng, rng.choice(MEMBER[status]))


def write_member_rows(rng, year: int, rows, split: bool) -> None:
    wb = Workbook()
    groups = (
        [
            ("ĐBCS", [x for x in rows if x[0]["org"].startswith("Đảng bộ")]),
            ("CBCS", [x for x in rows if x[0]["org"].startswith("Chi bộ")]),
        ]
        if split
        else [("Danh sách", rows)]
    )
    wb.remove(wb.active)
    for title, group in groups:
        ws = wb.create_sheet(title)
        r = title_rows(
            ws,
            [
                "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
                f"DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {year}",
                f"(Kèm theo Báo cáo số 05-BC/ĐUK ngày 15 tháng 01 năm {year + 1})",
            ],
            7,
        )
        for c, text in enumerate(["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại", "Kỷ luật", "Ghi chú"], start=1):
            ws.cell(r, c, text)
        r += 1
        for n, (m, status, disciplined) in enumerate(group, start=1):
            ws.append(
                [
                    n,
                    m["name"],
                    m["born"],
                    m["org"],
                    member_label(rng, status),
                    "Khiển trách" if disciplined else None,
                    None,
                ]
            )
    fixed_times(wb)
    wb.save(HERE / f"dang_vien_{year}.xlsx")


def write_member_csv(rng, year: int, rows) -> None:
    with open(HERE / f"dang_vien_{year}.csv", "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["STT", "Họ tên", "Năm sinh", "Đơn vị", "Năm", "Kết quả xếp loại", "Bị kỷ luật"])
        for n, (m, status, disciplined) in enumerate(rows, start=1):
            writer.writerow(
                [n, m["name"], m["born"], m["org"], year, member_label(rng, status), "x" if disciplined else ""]
            )


def write_member_counts(year: int, rows, orgs) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Biểu 02"
    r = title_rows(
        ws,
        [
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
            "Biểu số 02-ĐV",
            f"TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {year}",
            "Đvt: đảng viên",
        ],
        13,
    )
    fixed = ["STT", "Tên TCCS đảng", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá"]
    for c, text in enumerate(fixed, start=1):
        ws.cell(r, c, text)
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 2, end_column=c)
    ws.cell(r, 6, "Kết quả xếp loại")
    ws.merge_cells(start_row=r, start_column=6, end_row=r, end_column=13)
    for j, tier in enumerate(["HTXSNV", "HTTNV", "HTNV", "KHTNV"]):
        col = 6 + 2 * j
        ws.cell(r + 1, col, tier)
        ws.merge_cells(start_row=r + 1, start_column=col, end_row=r + 1, end_column=col + 1)
        ws.cell(r + 2, col, "SL")
        ws.cell(r + 2, col + 1, "%")
    for c in range(1, 14):
        ws.cell(r + 3, c, f"({c})")
    r += 4
    sums = [0] * 7
    for n, org in enumerate(orgs, start=1):
        counts = Counter(status for m, status, _ in rows if m["org"] == org["name"])
        rated = sum(counts[t] for t in TIERS)
        values = [sum(counts.values()), counts["exempt"], counts["not_rated"]] + [counts[t] for t in TIERS]
        sums = [a + b for a, b in zip(sums, values)]
        ws.cell(r, 1, n)
        ws.cell(r, 2, org["name"])
        for k, v in enumerate(values[:3]):
            ws.cell(r, 3 + k, v or None)  # staff leave zeros blank
        for j, t in enumerate(TIERS):
            ws.cell(r, 6 + 2 * j, counts[t])
            ws.cell(r, 7 + 2 * j, round(100 * counts[t] / rated, 2) if rated else None)
        r += 1
    ws.cell(r, 2, "Tổng cộng")
    for k, v in enumerate(sums[:3]):
        ws.cell(r, 3 + k, v)
    for j in range(4):
        ws.cell(r, 6 + 2 * j, sums[3 + j])
    fixed_times(wb)
    wb.save(HERE / f"so_luong_dang_vien_{year}.xlsx")


def expected_rows(years, org_ratings, member_statuses) -> list[list]:
    """[year, subject, category, count] rows of the figures `ccq-stats classify` must print,
    counted from a model: ``org_ratings`` {(year, subject, …): (tier, exemplary)},
    ``member_statuses`` {year: [tier or status of each member]}. The second sample's oracle too."""
    lines = [["year", "subject", "category", "count"]]
    for year in years:
        for subject in ("units", "cells"):
            c = Counter()
            for (y, s, *_), (tier, exemplary) in org_ratings.items():
                if (y, s) == (year, subject):
                    c[tier] += 1
                    c["exemplary"] += exemplary
            rated = sum(c[t] for t in TIERS)
            cats = {
                "total": rated + c["not_rated"],
                "not_rated": c["not_rated"],
                "rated": rated,
                **{t: c[t] for t in TIERS},
                "exemplary": c["exemplary"],
                "good_or_better": c["top"] + c["good"],
            }
            lines += [[year, subject, k, v] for k, v in cats.items()]
        c = Counter(member_statuses[year])
        rated = sum(c[t] for t in TIERS)
        cats = {
            "total": sum(c.values()),
            "exempt": c["exempt"],
            "not_rated": c["not_rated"],
            "rated": rated,
            **{t: c[t] for t in TIERS},
            "good_or_better": c["top"] + c["good"],
        }
        lines += [[year, "members", k, v] for k, v in cats.items()]
    return lines


def write_expected(org_ratings, member_ratings) -> None:
    """The figures `ccq-stats classify sample_data` must print, counted from the model."""
    statuses = {year: [status for _, status, _ in member_ratings[year]] for year in YEARS}
    with open(HERE.parent / "tests" / "data" / "sample_expected.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(expected_rows(YEARS, org_ratings, statuses))


def main() -> None:
    rng = random.Random(SEED)
    orgs, members = build_model(rng)
    org_ratings = rate_orgs(rng, orgs)
    member_ratings = rate_members(rng, members, orgs)
    apply_top_rule(org_ratings, member_ratings, orgs)
    seed_disciplined(member_ratings)
    # a cell left off the 2017 sheet although rated in 2016 and 2018: seeded for `check`
    del org_ratings[next(k for k in org_ratings if k[0] == 2017 and k[1] == "cells")]
    write_units_wide(rng, orgs, org_ratings)
    write_cells(rng, orgs, org_ratings)
    for year in (2015, 2016, 2017):
        write_member_rows(rng, year, member_ratings[year], split=year == 2016)
    write_member_csv(rng, 2018, member_ratings[2018])
    write_member_counts(2019, member_ratings[2019], orgs)
    write_expected(org_ratings, member_ratings)
    print(f"{len(orgs)} organisations, {len(members)} members, years {YEARS.start}-{YEARS.stop - 1}")


if __name__ == "__main__":
    main()
