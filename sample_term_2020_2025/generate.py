"""Rebuild the second fictional sample of ccq-stats: the term 2020–2025 and the 2025 round
(deterministic: same seed, same bytes).

"Đảng bộ Khối các cơ quan tỉnh Bắc Lam" (an invented province): 36 grassroots organisations in
2020 (8 đảng bộ cơ sở with their chi bộ trực thuộc, 28 chi bộ cơ sở; one more founded in 2021)
and about 3,000 members, rated 2020–2024 under Quy định 132-QĐ/TW (2020–2022) and 124-QĐ/TW
(2023–2024). In 2025 the bloc ended and its organisations went to the new "Đảng bộ các cơ quan
Đảng tỉnh Bắc Lam"; several were merged, two renamed, one dissolved, one moved to another đảng
bộ, one established (LINEAGE below). The 2025 round is scored out of 100 under Quy định
366-QĐ/TW (Hướng dẫn 43-HD/BTCTW): HTXSNV ≥ 90, HTTNV 70 to < 90, HTNV 50 to < 70, KHTNV < 50.

  xep_loai/        the rating files, in the layouts staff keep (`ccq-stats classify xep_loai/`)
    to_chuc_co_so_dang_2020-2022.xlsx  organisations, wide (one column per year), merged header
    to_chuc_co_so_dang_2023-2024.xlsx  organisations, one sheet per year ("Năm 2023", "Năm 2024")
    chi_bo_truc_thuoc_2020-2024.xlsx   subordinate cells, one sheet per year
    dang_vien_2020.xlsx                member rows under title rows with the year
    dang_vien_2021.xlsx                the same, in two sheets (đảng bộ cơ sở, chi bộ cơ sở)
    dang_vien_2022.csv                 member rows, ';'-separated UTF-8 with BOM, a 'Năm' column
    so_luong_dang_vien_2023.xlsx       member counts per organisation, 3-row merged header, totals row
    dang_vien_2024.xlsx                member rows with a self-rating beside the decision, and the
                                       members who left during the year (left out, in a note)
    to_chuc_co_so_dang_2025.xlsx       organisations and chi bộ trực thuộc of 2025, with scores
                                       ("Điểm tự chấm", "Điểm cấp ủy cấp trên chấm")
    dang_vien_2025.xlsx                members of 2025 with scores ("Điểm tự chấm", "Điểm chi bộ
                                       chấm") and a "Kỷ luật" column
  to_chuc/         the organisation lists, not rating files (`classify` never reads this folder)
    thay_doi_to_chuc_2025.csv          the 2025 changes (`ccq-stats orgs import`): UTF-8 with BOM,
                                       ';', header Năm;Thay đổi;Từ;Thành;Số quyết định;Ghi chú
    danh_sach_to_chuc_<year>.csv       the roster of each year (`ccq-stats roster import`)
  ../tests/data/sample_term_expected.csv         figures of every year, counted here from the
                                                 model (the test oracle; not from ccq_stats)
  ../tests/data/sample_term_scores_expected.csv  2025: score bands and mean decided score per tier
  ../tests/data/sample_term_lineage.json         which organisation became which, the name drift

Seeded on purpose: "Chi bộ Sở Tư pháp" is written "Chi bộ Sở Tư Pháp tỉnh" from 2023 with no
change recorded (name drift for the drift report); in 2025 one member disciplined (KHTNV with a
score of the good band) and the organisation he belongs to (HTTNV with ≥ 90 points, since a member
was disciplined) are below their score's band – a warning, never an error; no tier is above its
band. Every name is invented. Run: python sample_term_2020_2025/generate.py
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

HERE = Path(__file__).parent


def _first_sample():
    """sample_data/generate.py, whose helpers this sample shares (how staff garble a cell, how they
    spell a member's rating, the title rows): loaded by its path, both being scripts named generate.py."""
    spec = importlib.util.spec_from_file_location("sample_data_generate", HERE.parent / "sample_data" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FIRST = _first_sample()
TIERS, MEMBER = FIRST.TIERS, FIRST.MEMBER  # the tiers best first; how staff spell a member's rating
messy, member_label, title_rows = FIRST.messy, FIRST.member_label, FIRST.title_rows
pick = FIRST.pick_tier  # one of ``weights``' keys, drawn by its weight
ORACLE = HERE.parent / "tests" / "data"
SEED = 20250701
YEARS = range(2020, 2026)
TERM_YEARS = range(2020, 2025)
PROVINCE = "Bắc Lam"
BLOC = f"Đảng bộ Khối các cơ quan tỉnh {PROVINCE}"
SUCCESSOR = f"Đảng bộ các cơ quan Đảng tỉnh {PROVINCE}"
ELSEWHERE = f"Đảng bộ Ủy ban nhân dân tỉnh {PROVINCE}"
# score bands of QĐ 366 / HD 43, best first: (tier, lowest score of the band)
BANDS = (("top", 90.0), ("good", 70.0), ("pass", 50.0), ("fail", 0.0))
H_PARTY, H_STATE, H_SERVICE, H_FIRM = (
    "Cơ quan Đảng, MTTQ, đoàn thể",
    "Cơ quan nhà nước",
    "Đơn vị sự nghiệp",
    "Doanh nghiệp",
)

# (name, kind, host type, size range); 8 đảng bộ cơ sở, 28 chi bộ cơ sở
ORGS = [
    ("Đảng bộ Văn phòng UBND tỉnh", "ĐBCS", H_STATE, (220, 360)),
    ("Đảng bộ Sở Nội vụ", "ĐBCS", H_STATE, (90, 150)),
    ("Đảng bộ Sở Y tế", "ĐBCS", H_STATE, (450, 650)),
    ("Đảng bộ Sở Giáo dục và Đào tạo", "ĐBCS", H_STATE, (380, 560)),
    ("Đảng bộ Sở Tài chính", "ĐBCS", H_STATE, (150, 250)),
    ("Đảng bộ Sở Xây dựng", "ĐBCS", H_STATE, (160, 260)),
    ("Đảng bộ Trường Chính trị tỉnh", "ĐBCS", H_SERVICE, (90, 140)),
    ("Đảng bộ Bệnh viện Đa khoa tỉnh", "ĐBCS", H_SERVICE, (450, 700)),
    ("Chi bộ Văn phòng Tỉnh ủy", "CBCS", H_PARTY, (15, 29)),
    ("Chi bộ Ban Tổ chức Tỉnh ủy", "CBCS", H_PARTY, (15, 29)),
    ("Chi bộ Ban Tuyên giáo Tỉnh ủy", "CBCS", H_PARTY, (12, 25)),
    ("Chi bộ Ủy ban Kiểm tra Tỉnh ủy", "CBCS", H_PARTY, (12, 25)),
    ("Chi bộ Ban Dân vận Tỉnh ủy", "CBCS", H_PARTY, (9, 20)),
    ("Chi bộ Báo tỉnh", "CBCS", H_SERVICE, (14, 26)),
    ("Chi bộ Đài Phát thanh và Truyền hình tỉnh", "CBCS", H_SERVICE, (16, 28)),
    ("Chi bộ Hội Văn học nghệ thuật tỉnh", "CBCS", H_PARTY, (9, 14)),
    ("Chi bộ Ủy ban Mặt trận Tổ quốc tỉnh", "CBCS", H_PARTY, (12, 25)),
    ("Chi bộ Tỉnh đoàn", "CBCS", H_PARTY, (12, 24)),
    ("Chi bộ Hội Liên hiệp Phụ nữ tỉnh", "CBCS", H_PARTY, (10, 20)),
    ("Chi bộ Hội Nông dân tỉnh", "CBCS", H_PARTY, (10, 20)),
    ("Chi bộ Liên đoàn Lao động tỉnh", "CBCS", H_PARTY, (12, 26)),
    ("Chi bộ Sở Lao động - TB&XH", "CBCS", H_STATE, (15, 28)),
    ("Chi bộ Sở Tài nguyên và Môi trường", "CBCS", H_STATE, (9, 12)),
    ("Chi bộ Sở Nông nghiệp và PTNT", "CBCS", H_STATE, (9, 12)),
    ("Chi bộ Cục Thống kê tỉnh", "CBCS", H_STATE, (9, 18)),
    ("Chi bộ Trung tâm Xúc tiến đầu tư", "CBCS", H_SERVICE, (9, 15)),
    ("Chi bộ Quỹ Đầu tư phát triển tỉnh", "CBCS", H_FIRM, (9, 15)),
    ("Chi bộ Sở Ngoại vụ", "CBCS", H_STATE, (9, 15)),
    ("Chi bộ Sở Tư pháp", "CBCS", H_STATE, (12, 24)),
    ("Chi bộ Sở Kế hoạch và Đầu tư", "CBCS", H_STATE, (15, 28)),
    ("Chi bộ Sở Công Thương", "CBCS", H_STATE, (15, 28)),
    ("Chi bộ Sở Khoa học và Công nghệ", "CBCS", H_STATE, (12, 24)),
    ("Chi bộ Sở Thông tin và Truyền thông", "CBCS", H_STATE, (12, 24)),
    ("Chi bộ Thanh tra tỉnh", "CBCS", H_STATE, (12, 24)),
    ("Chi bộ Ban Dân tộc tỉnh", "CBCS", H_STATE, (9, 18)),
    ("Chi bộ Liên minh Hợp tác xã tỉnh", "CBCS", H_FIRM, (9, 16)),
]
FOUNDED_2021 = ("Chi bộ Trung tâm Phục vụ hành chính công", "CBCS", H_SERVICE, (9, 14))  # not rated in 2021
CELL_NAMES = [
    "Chi bộ Văn phòng",
    "Chi bộ Phòng Tổ chức",
    "Chi bộ Phòng Kế hoạch",
    "Chi bộ Phòng Nghiệp vụ 1",
    "Chi bộ Phòng Nghiệp vụ 2",
    "Chi bộ Thanh tra",
    "Chi bộ Trung tâm Dữ liệu",
]
DRIFT = ("Chi bộ Sở Tư pháp", "Chi bộ Sở Tư Pháp tỉnh", 2023)  # written so from 2023, nothing recorded

# The 2025 changes, as the lineage file records them: (kind, from, to, decision, note).
NEW_DB = "Đảng bộ Báo và Phát thanh, Truyền hình tỉnh"
NEW_CB = "Chi bộ Sở Nông nghiệp và Môi trường"
ESTABLISHED = "Chi bộ Trung tâm Chuyển đổi số tỉnh"
LINEAGE = [
    (
        "sáp nhập",
        ["Chi bộ Báo tỉnh", "Chi bộ Đài Phát thanh và Truyền hình tỉnh", "Chi bộ Hội Văn học nghệ thuật tỉnh"],
        [NEW_DB],
        "1245-QĐ/TU",
        "Thành lập Đảng bộ cơ sở, ba chi bộ cũ thành chi bộ trực thuộc",
    ),
    (
        "sáp nhập",
        ["Đảng bộ Sở Nội vụ", "Chi bộ Sở Lao động - TB&XH"],
        ["Đảng bộ Sở Nội vụ"],
        "1246-QĐ/TU",
        "Chi bộ Sở Lao động - TB&XH thành chi bộ trực thuộc Đảng bộ Sở Nội vụ",
    ),
    ("sáp nhập", ["Chi bộ Sở Tài nguyên và Môi trường", "Chi bộ Sở Nông nghiệp và PTNT"], [NEW_CB], "1247-QĐ/TU", ""),
    (
        "sáp nhập",
        ["Chi bộ Sở Thông tin và Truyền thông", "Chi bộ Sở Khoa học và Công nghệ"],
        ["Chi bộ Sở Khoa học và Công nghệ"],
        "1248-QĐ/TU",
        "",
    ),
    ("đổi tên", ["Chi bộ Cục Thống kê tỉnh"], ["Chi bộ Thống kê tỉnh"], "1250-QĐ/TU", ""),
    (
        "đổi tên",
        ["Chi bộ Trung tâm Xúc tiến đầu tư"],
        ["Chi bộ Trung tâm Xúc tiến đầu tư, thương mại và du lịch"],
        "1251-QĐ/TU",
        "",
    ),
    (
        "giải thể",
        ["Chi bộ Quỹ Đầu tư phát triển tỉnh"],
        [],
        "1252-QĐ/TU",
        "Đảng viên chuyển sinh hoạt về nơi công tác mới",
    ),
    ("chuyển", ["Chi bộ Sở Ngoại vụ"], [], "1253-QĐ/TU", f"Chuyển về trực thuộc {ELSEWHERE}"),
    ("thành lập", [], [ESTABLISHED], "1254-QĐ/TU", "Thành lập tháng 10/2025, chưa đánh giá, xếp loại năm 2025"),
]
# the chi bộ trực thuộc a merger makes of its predecessors (new cells of 2025)
CELLS_FROM_MERGER = {
    NEW_DB: ["Chi bộ Báo in và Báo điện tử", "Chi bộ Phát thanh - Truyền hình", "Chi bộ Văn học nghệ thuật"],
    "Đảng bộ Sở Nội vụ": ["Chi bộ Lao động - Thương binh và Xã hội"],
}

# the first sample's names, and a few more (a larger bloc): the same lists, so the same draws
SURNAMES = FIRST.SURNAMES + ["Trịnh", "Đinh", "Lương"]
MIDDLE = FIRST.MIDDLE + ["Bảo", "Diệu"]
GIVEN = FIRST.GIVEN + ["Thắng", "Nhung", "Quyên"]

# How staff spell each tier (the regimes from 2018 share one vocabulary); several spellings, at random.
ORG = {
    "top": ["Hoàn thành xuất sắc nhiệm vụ", "HTXSNV"],
    "exemplary": ["HTXSNV - TSVM tiêu biểu"],
    "good": ["Hoàn thành tốt nhiệm vụ", "HTTNV", "HT tốt NV"],
    "pass": ["Hoàn thành nhiệm vụ", "HTNV"],
    "fail": ["Không hoàn thành nhiệm vụ", "KHTNV"],
    "not_rated": ["Mới thành lập"],
}
LEFT_LABELS = ["Chuyển sinh hoạt đi", "Từ trần"]


# -- the model ------------------------------------------------------------------------------------


def band_of(score: float) -> str:
    return next(tier for tier, low in BANDS if score >= low)


def score_in(rng: random.Random, tier: str) -> float:
    """A decided score in the band of ``tier``, in half points (bands: [90, 100], [70, 90) …)."""
    low, high = {"top": (90, 98), "good": (70, 89.5), "pass": (50, 69.5), "fail": (30, 49.5)}[tier]
    return rng.randint(int(low * 2), int(high * 2)) / 2


def name_in(org: str, year: int) -> str:
    """How the files of ``year`` write the organisation (the drift is in the files, not the model)."""
    return DRIFT[1] if org == DRIFT[0] and year >= DRIFT[2] else org


def successor(org: str) -> str | None:
    """The 2025 organisation an organisation of 2024 became (None: dissolved or moved away)."""
    for _kind, sources, targets, _, _ in LINEAGE:
        if org in sources:
            return targets[0] if targets else None
    return org


def build_model(rng: random.Random):
    orgs = {}
    for name, kind, host, (low, high) in ORGS + [FOUNDED_2021]:
        orgs[name] = {
            "name": name,
            "kind": kind,
            "host": host,
            "size": rng.randint(low, high),
            "founded": 2021 if name == FOUNDED_2021[0] else 2000,
            "cells": {},
        }
        if kind == "ĐBCS":
            orgs[name]["cells"] = {c: 2000 for c in CELL_NAMES[: rng.randint(3, 7)]}
    # 2025: the organisations after the changes (the model's own, applied here once)
    orgs25 = {}
    for name, org in orgs.items():
        after = successor(name)
        if after is None:
            continue
        if after not in orgs25:
            orgs25[after] = dict(org, name=after, cells=dict(org["cells"]), founded=org["founded"])
    orgs25[NEW_DB].update(kind="ĐBCS", host=H_SERVICE, cells={c: 2025 for c in CELLS_FROM_MERGER[NEW_DB]})
    orgs25["Đảng bộ Sở Nội vụ"]["cells"].update({c: 2025 for c in CELLS_FROM_MERGER["Đảng bộ Sở Nội vụ"]})
    orgs25[ESTABLISHED] = {
        "name": ESTABLISHED,
        "kind": "CBCS",
        "host": H_STATE,
        "size": 11,
        "founded": 2025,
        "cells": {},
    }
    members, seen = [], set()
    for org in list(orgs.values()) + [orgs25[ESTABLISHED]]:
        count = 0
        while count < org["size"]:
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            born = rng.randint(1955, 2000)
            if (name, born) in seen:
                continue  # two people of one name and birth year would need card numbers to tell apart
            seen.add((name, born))
            count += 1
            first = max(2020, org["founded"])
            roll = rng.random()
            members.append(
                {
                    "name": name,
                    "born": born,
                    "org": org["name"],
                    "joined": 2000 if rng.random() < 0.9 else rng.randint(first, 2025),
                    "exempt_from": 2000 if roll < 0.02 else rng.randint(2020, 2025) if roll < 0.06 else 9999,
                    "left": rng.randint(2021, 2025) if rng.random() < 0.04 else 9999,
                }
            )
    return orgs, orgs25, members


def org_of(member, year: int) -> str | None:
    """The organisation (as the model names it) of a member in ``year``; None: not in the bloc's lists."""
    return member["org"] if year < 2025 else successor(member["org"]) if member["org"] != ESTABLISHED else ESTABLISHED


def present(member, year: int, founded: dict[str, int]) -> bool:
    org = org_of(member, year)
    return org is not None and year >= founded[member["org"]] and member["joined"] <= year and member["left"] > year


def rate_members(rng, members, orgs) -> dict[int, list]:
    """{year: [[member, org, tier or status, disciplined]]}, with the HD 21 quota (top ≤ 20 % of good in
    each organisation) kept: staff cut the list to it."""
    founded = {name: o["founded"] for name, o in orgs.items()} | {ESTABLISHED: 2025}
    out = {}
    for year in YEARS:
        rows = []
        for m in members:
            if not present(m, year, founded):
                continue
            if m["exempt_from"] <= year:
                status, disciplined = "exempt", False
            elif m["joined"] == year:
                status, disciplined = "not_rated", False
            else:
                disciplined = rng.random() < 0.002
                status = "fail" if disciplined else pick(rng, {"top": 0.16, "good": 0.64, "pass": 0.18, "fail": 0.02})
            rows.append([m, org_of(m, year), status, disciplined])
        by_org: dict[str, list] = {}
        for row in rows:
            by_org.setdefault(row[1], []).append(row)
        for group in by_org.values():
            good = sum(r[2] == "good" for r in group)
            for row in [r for r in group if r[2] == "top"][good // 5 :]:
                row[2] = "good"
        out[year] = rows
    return out


def rate_orgs(rng, orgs, orgs25) -> dict:
    """{(year, subject, name, parent): [tier or status, exemplary]}: units and cells of each year.
    From 2023 (QĐ 124) fewer collectives are rated top: staff keep HTXSNV within 20 % of HTTNV."""
    out = {}
    for year in YEARS:
        current = orgs25 if year == 2025 else orgs
        late = year >= 2023
        weights = (
            {"top": 0.2, "good": 0.7, "pass": 0.08, "fail": 0.02}
            if late
            else {"top": 0.55, "good": 0.38, "pass": 0.05, "fail": 0.02}
        )
        for org in current.values():
            if year < org["founded"]:
                continue
            if year == org["founded"]:
                out[(year, "units", org["name"], "")] = ["not_rated", False]
            else:
                tier = pick(rng, weights)
                out[(year, "units", org["name"], "")] = [tier, tier == "top" and year < 2023 and rng.random() < 0.2]
            for cell in org["cells"]:
                tier = pick(rng, weights)
                out[(year, "cells", cell, org["name"])] = [tier, tier == "top" and year < 2023 and rng.random() < 0.15]
        if late:  # units within each group of similar function (loại hình), cells within the bloc
            groups: dict = {}
            for k in out:
                if k[0] == year and out[k][0] in TIERS:
                    groups.setdefault((k[1], current[k[2]]["host"] if k[1] == "units" else ""), []).append(k)
            for rated in groups.values():
                good = sum(out[k][0] == "good" for k in rated)
                for k in [k for k in rated if out[k][0] == "top"][good // 5 :]:
                    out[k] = ["good", False]
    return out


def apply_top_rule(org_ratings, member_ratings, orgs, orgs25) -> None:
    """An organisation rated top needs its members (a chi bộ) or cells (a đảng bộ) all HTNV or
    better and ≥ 80 % HTTNV or better, and no member disciplined in the year (HD 21; QĐ 124, QĐ 366 for
    2025): staff rate the members and cells of a strong unit so (KHTNV → HTNV, HTNV → HTTNV until
    it holds); a chi bộ with a disciplined member drops to HTTNV."""
    for year in YEARS:
        current = orgs25 if year == 2025 else orgs
        for org in current.values():
            key = (year, "units", org["name"], "")
            if org_ratings.get(key, [""])[0] != "top":
                continue
            if year == 2025 and any(r[3] for r in member_ratings[year] if r[1] == org["name"]):
                org_ratings[key] = ["good", False]  # QĐ 366: no top for a collective with a member disciplined
                continue
            if org["kind"] == "ĐBCS":
                rows = {
                    k: org_ratings[k] for k in org_ratings if k[0] == year and k[1] == "cells" and k[3] == org["name"]
                }
                ratings = {k: v[0] for k, v in rows.items()}
            else:
                rows = {i: r for i, r in enumerate(member_ratings[year]) if r[1] == org["name"] and r[2] in TIERS}
                if any(r[3] for r in rows.values()):
                    org_ratings[key] = ["good", False]
                    continue
                ratings = {i: r[2] for i, r in rows.items()}
            lifted = {k: ("pass" if t == "fail" else t) for k, t in ratings.items()}
            for k in [k for k, t in lifted.items() if t == "pass"]:
                if sum(t in ("top", "good") for t in lifted.values()) >= 0.8 * len(lifted):
                    break
                lifted[k] = "good"
            for k, t in lifted.items():
                if org["kind"] == "ĐBCS":
                    org_ratings[k] = [t, org_ratings[k][1] and t == "top"]
                else:
                    member_ratings[year][k][2] = t


def score_2025(rng, org_ratings, member_ratings) -> tuple[dict, dict]:
    """Decided scores of 2025 in the band of each tier, and the self-scores beside them. Two tiers
    below their band, on purpose: a member disciplined in the year (KHTNV, whatever the score) and
    the organisation he belongs to (HTTNV with ≥ 90 points: a collective with a disciplined member
    is not rated HTXSNV)."""
    org_scores, member_scores = {}, {}
    for key, (tier, _) in org_ratings.items():
        if key[0] == 2025 and tier in TIERS:
            org_scores[key] = score_in(rng, tier)
    rows = member_ratings[2025]
    for i, row in enumerate(rows):
        if row[2] in TIERS:
            member_scores[i] = score_in(rng, row[2])
    # the disciplined member: a chi bộ cơ sở's, rated good until now
    i = next(
        i
        for i, r in enumerate(rows)
        if r[2] == "good" and r[1].startswith("Chi bộ") and org_ratings[(2025, "units", r[1], "")][0] in ("top", "good")
    )
    rows[i][2], rows[i][3] = "fail", True
    unit = (2025, "units", rows[i][1], "")
    org_ratings[unit] = ["good", False]
    org_scores[unit] = 92.5
    selfs = {}
    for key, score in list(org_scores.items()) + list(member_scores.items()):
        selfs[key] = min(100.0, score + rng.choice([0, 0, 0.5, 1, 2, 3]))
    return {"orgs": org_scores, "members": member_scores}, selfs


# -- the files ------------------------------------------------------------------------------------


def save(wb: Workbook, path: Path) -> None:
    """Save with fixed times inside and outside (document properties, the zip members' dates), so
    that the same model gives the same bytes."""
    import datetime as dt

    wb.properties.created = wb.properties.modified = dt.datetime(2026, 1, 12, 8, 0, 0)
    for ws in wb.worksheets:  # as staff widen them: the names whole, the rest readable
        for c in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(c)].width = 6 if c == 1 else 44 if c == 2 else 16
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 12, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving as 'modified'
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-12T08:00:00Z", data)
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())


def org_label(rng, tier: str, exemplary: bool) -> str:
    return rng.choice(ORG["exemplary" if exemplary else tier])


def sections(orgs: dict):
    return [
        ("I. CÁC ĐẢNG BỘ CƠ SỞ", [o for o in orgs.values() if o["kind"] == "ĐBCS"]),
        ("II. CÁC CHI BỘ CƠ SỞ", [o for o in orgs.values() if o["kind"] == "CBCS"]),
    ]


def kind_text(rng, kind: str) -> str:
    return rng.choice([kind, "Đảng bộ cơ sở" if kind == "ĐBCS" else "Chi bộ cơ sở"])


def write_units_wide(rng, out: Path, orgs, ratings) -> None:
    years = [2020, 2021, 2022]
    wb = Workbook()
    ws = wb.active
    ws.title = "TCCSĐ"
    width = 5 + len(years)
    r = title_rows(
        ws,
        [
            f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
            "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG GIAI ĐOẠN 2020 - 2022",
        ],
        width,
    )
    for c, text in enumerate(["STT", "Tên tổ chức cơ sở đảng", "Loại", "Loại hình"], start=1):
        ws.cell(r, c, text)
        ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    ws.cell(r, 5, "Kết quả xếp loại")
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=4 + len(years))
    for j, year in enumerate(years):
        ws.cell(r + 1, 5 + j, f"Năm {year}")
    ws.cell(r, width, "Ghi chú")
    ws.merge_cells(start_row=r, start_column=width, end_row=r + 1, end_column=width)
    r += 2
    for section, group in sections(orgs):
        ws.cell(r, 1, section).font = Font(bold=True)
        r += 1
        for n, org in enumerate(group, start=1):
            ws.cell(r, 1, n)
            ws.cell(r, 2, org["name"])
            ws.cell(r, 3, kind_text(rng, org["kind"]))
            ws.cell(r, 4, org["host"])
            for j, year in enumerate(years):
                rating = ratings.get((year, "units", org["name"], ""))
                if rating:
                    ws.cell(r, 5 + j, messy(rng, org_label(rng, *rating)))
            if org["founded"] > 2000:
                ws.cell(r, width, f"Thành lập năm {org['founded']}")
            r += 1
    save(wb, out / "to_chuc_co_so_dang_2020-2022.xlsx")


def write_units_by_sheet(rng, out: Path, orgs, ratings) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for year in (2023, 2024):
        ws = wb.create_sheet(f"Năm {year}")
        r = title_rows(
            ws, ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM {year}"], 6
        )
        for c, text in enumerate(
            ["STT", "Tên tổ chức cơ sở đảng", "Loại", "Loại hình", "Xếp loại", "Ghi chú"], start=1
        ):
            ws.cell(r, c, text)
        r += 1
        for section, group in sections(orgs):
            ws.append([section])
            for n, org in enumerate(group, start=1):
                rating = ratings[(year, "units", org["name"], "")]
                ws.append(
                    [
                        n,
                        name_in(org["name"], year),
                        kind_text(rng, org["kind"]),
                        org["host"],
                        messy(rng, org_label(rng, *rating)),
                        None,
                    ]
                )
    save(wb, out / "to_chuc_co_so_dang_2023-2024.xlsx")


def write_cells(rng, out: Path, orgs, ratings) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    for year in TERM_YEARS:
        ws = wb.create_sheet(f"Năm {year}")
        r = title_rows(ws, ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ"], 4)
        for c, text in enumerate(["TT", "Tên chi bộ", "Trực thuộc", "Xếp loại"], start=1):
            ws.cell(r, c, text)
        n = 0
        for org in orgs.values():
            for cell in org["cells"]:
                n += 1
                ws.append(
                    [n, cell, org["name"], messy(rng, org_label(rng, *ratings[(year, "cells", cell, org["name"])]))]
                )
    save(wb, out / "chi_bo_truc_thuoc_2020-2024.xlsx")


def write_member_rows(rng, out: Path, year: int, rows, split: bool) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    groups = (
        [
            ("ĐBCS", [x for x in rows if x[1].startswith("Đảng bộ")]),
            ("CBCS", [x for x in rows if x[1].startswith("Chi bộ")]),
        ]
        if split
        else [("Danh sách", rows)]
    )
    for title, group in groups:
        ws = wb.create_sheet(title)
        r = title_rows(
            ws,
            [
                "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
                f"DANH SÁCH ĐẢNG VIÊN ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM {year}",
                f"(Kèm theo Báo cáo số 07-BC/ĐUK ngày 16 tháng 01 năm {year + 1})",
            ],
            7,
        )
        for c, text in enumerate(["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Xếp loại", "Kỷ luật", "Ghi chú"], start=1):
            ws.cell(r, c, text)
        for n, (m, org, status, disciplined) in enumerate(group, start=1):
            ws.append(
                [
                    n,
                    m["name"],
                    m["born"],
                    name_in(org, year),
                    member_label(rng, status),
                    "Khiển trách" if disciplined else None,
                    None,
                ]
            )
    save(wb, out / f"dang_vien_{year}.xlsx")


def write_member_csv(rng, out: Path, year: int, rows) -> None:
    with open(out / f"dang_vien_{year}.csv", "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["STT", "Họ tên", "Năm sinh", "Đơn vị", "Năm", "Kết quả xếp loại", "Bị kỷ luật"])
        for n, (m, org, status, disciplined) in enumerate(rows, start=1):
            writer.writerow(
                [
                    n,
                    m["name"],
                    m["born"],
                    name_in(org, year),
                    year,
                    member_label(rng, status),
                    "x" if disciplined else "",
                ]
            )


def write_member_counts(out: Path, year: int, rows, orgs) -> None:
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
    for c, text in enumerate(["STT", "Tên TCCS đảng", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá"], start=1):
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
    for n, org in enumerate(orgs.values(), start=1):
        counts = Counter(status for m, o, status, _ in rows if o == org["name"])
        rated = sum(counts[t] for t in TIERS)
        values = [sum(counts.values()), counts["exempt"], counts["not_rated"]] + [counts[t] for t in TIERS]
        sums = [a + b for a, b in zip(sums, values)]
        ws.cell(r, 1, n)
        ws.cell(r, 2, name_in(org["name"], year))
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
    save(wb, out / f"so_luong_dang_vien_{year}.xlsx")


def self_label(rng, status: str, self_score: float | None) -> str:
    """A self-rating: the tier the member would give himself (one better now and then)."""
    if status not in TIERS:
        return ""
    better = TIERS[max(0, TIERS.index(status) - 1)] if rng.random() < 0.1 else status
    tier = band_of(self_score) if self_score is not None else better
    return rng.choice(MEMBER[tier][:2])


def write_members_2024(rng, out: Path, rows, leavers) -> None:
    """Members of 2024 with the self-rating beside the decision, and those who left during the year
    kept in the list (as staff do) with the reason in the rating column."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    r = title_rows(
        ws, ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "DANH SÁCH ĐẢNG VIÊN ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2024"], 8
    )
    for c, text in enumerate(
        ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Tự xếp loại", "Cấp ủy cấp trên xếp loại", "Kỷ luật", "Ghi chú"],
        start=1,
    ):
        ws.cell(r, c, text)
    listed = [(m, org, status, disciplined) for m, org, status, disciplined in rows] + [
        (m, m["org"], "left", False) for m in leavers
    ]
    listed.sort(key=lambda x: (list(ORG_ORDER).index(x[1]), x[0]["name"]))
    for n, (m, org, status, disciplined) in enumerate(listed, start=1):
        if status == "left":
            ws.append(
                [n, m["name"], m["born"], name_in(org, 2024), None, rng.choice(LEFT_LABELS), None, "Trong năm 2024"]
            )
            continue
        ws.append(
            [
                n,
                m["name"],
                m["born"],
                name_in(org, 2024),
                self_label(rng, status, None),
                member_label(rng, status),
                "Cảnh cáo" if disciplined else None,
                None,
            ]
        )
    save(wb, out / "dang_vien_2024.xlsx")


def fmt(score: float | None):
    """A score as staff type it: a whole number where it is one."""
    return None if score is None else int(score) if score == int(score) else score


def write_orgs_2025(rng, out: Path, orgs25, ratings, scores, selfs) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "TCCSĐ"
    header = [
        "STT",
        "Tên tổ chức cơ sở đảng",
        "Loại",
        "Loại hình",
        "Điểm tự chấm",
        "Tự xếp loại",
        "Điểm cấp ủy cấp trên chấm",
        "Cấp ủy cấp trên xếp loại",
        "Ghi chú",
    ]
    r = title_rows(
        ws,
        [
            f"ĐẢNG BỘ TỈNH {PROVINCE.upper()}",
            f"ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH {PROVINCE.upper()}",
            "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2025",
            "(Theo Quy định số 366-QĐ/TW và Hướng dẫn số 43-HD/BTCTW)",
        ],
        len(header),
    )
    for c, text in enumerate(header, start=1):
        ws.cell(r, c, text)
    notes = {
        targets[0]: f"Sáp nhập từ {', '.join(sources)}"
        for kind, sources, targets, _, _ in LINEAGE
        if kind == "sáp nhập"
    }
    notes |= {targets[0]: f"Trước đây: {sources[0]}" for kind, sources, targets, _, _ in LINEAGE if kind == "đổi tên"}
    for section, group in sections(orgs25):
        ws.append([section])
        for n, org in enumerate(group, start=1):
            key = (2025, "units", org["name"], "")
            tier, exemplary = ratings[key]
            score, own = scores["orgs"].get(key), selfs.get(key)
            ws.append(
                [
                    n,
                    name_in(org["name"], 2025),
                    kind_text(rng, org["kind"]),
                    org["host"],
                    fmt(own),
                    rng.choice(ORG[band_of(own)][:2]) if own is not None else None,
                    fmt(score),
                    messy(rng, org_label(rng, tier, exemplary)),
                    notes.get(org["name"], "Thành lập năm 2025" if org["founded"] == 2025 else None),
                ]
            )
    ws = wb.create_sheet("Chi bộ trực thuộc")
    header = [
        "STT",
        "Tên chi bộ",
        "Trực thuộc",
        "Điểm tự chấm",
        "Tự xếp loại",
        "Điểm cấp ủy cấp trên chấm",
        "Cấp ủy cấp trên xếp loại",
    ]
    r = title_rows(ws, ["KẾT QUẢ XẾP LOẠI CHI BỘ TRỰC THUỘC ĐẢNG ỦY CƠ SỞ NĂM 2025"], len(header))
    for c, text in enumerate(header, start=1):
        ws.cell(r, c, text)
    n = 0
    for org in orgs25.values():
        for cell in org["cells"]:
            n += 1
            key = (2025, "cells", cell, org["name"])
            tier, exemplary = ratings[key]
            score, own = scores["orgs"][key], selfs[key]
            ws.append(
                [
                    n,
                    cell,
                    org["name"],
                    fmt(own),
                    rng.choice(ORG[band_of(own)][:2]),
                    fmt(score),
                    messy(rng, org_label(rng, tier, exemplary)),
                ]
            )
    save(wb, out / "to_chuc_co_so_dang_2025.xlsx")


def write_members_2025(rng, out: Path, rows, scores, selfs) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    header = [
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Chi bộ",
        "Điểm tự chấm",
        "Tự xếp loại",
        "Điểm chi bộ chấm",
        "Xếp loại",
        "Kỷ luật",
        "Ghi chú",
    ]
    r = title_rows(
        ws,
        [
            f"ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH {PROVINCE.upper()}",
            "DANH SÁCH ĐẢNG VIÊN ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM 2025",
        ],
        len(header),
    )
    for c, text in enumerate(header, start=1):
        ws.cell(r, c, text)
    order = sorted(range(len(rows)), key=lambda i: (list(ORG_ORDER_2025).index(rows[i][1]), rows[i][0]["name"]))
    for n, i in enumerate(order, start=1):
        m, org, status, disciplined = rows[i]
        own = selfs.get(i)
        ws.append(
            [
                n,
                m["name"],
                m["born"],
                name_in(org, 2025),
                fmt(own),
                rng.choice(MEMBER[band_of(own)][:2]) if own is not None else None,
                fmt(scores["members"].get(i)),
                member_label(rng, status),
                "Khiển trách" if disciplined else None,
                None,
            ]
        )
    save(wb, out / "dang_vien_2025.xlsx")


def write_lineage(out: Path) -> None:
    with open(out / "thay_doi_to_chuc_2025.csv", "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Năm", "Thay đổi", "Từ", "Thành", "Số quyết định", "Ghi chú"])
        for kind, sources, targets, decision, note in LINEAGE:
            writer.writerow([2025, kind, "; ".join(sources), "; ".join(targets), decision, note])


def write_rosters(out: Path, org_ratings) -> dict[int, list[str]]:
    rosters = {}
    for year in YEARS:
        names = [k[2] for k in org_ratings if k[0] == year and k[1] == "units"]
        kinds = {o[0]: o[1] for o in ORGS + [FOUNDED_2021]} | {NEW_DB: "ĐBCS", NEW_CB: "CBCS", ESTABLISHED: "CBCS"}
        rosters[year] = [name_in(n, year) for n in names]
        with open(out / f"danh_sach_to_chuc_{year}.csv", "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
            writer.writerow(["STT", "Tên tổ chức", "Loại", "Năm"])
            for i, name in enumerate(names, start=1):
                kind = kinds.get(name, "ĐBCS" if name.startswith("Đảng bộ") else "CBCS")
                writer.writerow([i, name_in(name, year), "Đảng bộ cơ sở" if kind == "ĐBCS" else "Chi bộ cơ sở", year])
    return rosters


# -- the oracle -----------------------------------------------------------------------------------


def write_expected(oracle: Path, org_ratings, member_ratings) -> None:
    """The figures `ccq-stats classify xep_loai/` must give, counted from the model (as the first sample's)."""
    statuses = {year: [status for _, _, status, _ in member_ratings[year]] for year in YEARS}
    with open(oracle / "sample_term_expected.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(FIRST.expected_rows(YEARS, org_ratings, statuses))


def write_scores_expected(oracle: Path, org_ratings, member_ratings, scores) -> None:
    """2025: per subject, the rated with a decided score, how many in each band (band_90: ≥ 90,
    band_70: 70 to < 90, band_50: 50 to < 70, band_0: < 50), and the mean decided score over all
    and per tier (``mean`` column; ``count`` the scores averaged). Tiers below their band: counted."""
    pairs = {"units": [], "cells": [], "members": []}
    for key, score in scores["orgs"].items():
        pairs[key[1]].append((org_ratings[key][0], score))
    for i, score in scores["members"].items():
        pairs["members"].append((member_ratings[2025][i][2], score))
    lines = [["year", "subject", "category", "count", "mean"]]
    for subject, got in pairs.items():
        band = Counter(band_of(s) for _, s in got)
        lines.append([2025, subject, "scored", len(got), f"{sum(s for _, s in got) / len(got):.6f}"])
        for tier, low in BANDS:
            lines.append([2025, subject, f"band_{int(low)}", band[tier], ""])
        for tier in TIERS:
            these = [s for t, s in got if t == tier]
            lines.append([2025, subject, f"mean_{tier}", len(these), f"{sum(these) / len(these):.6f}" if these else ""])
        lines.append([2025, subject, "below_band", sum(TIERS.index(t) > TIERS.index(band_of(s)) for t, s in got), ""])
        lines.append([2025, subject, "above_band", sum(TIERS.index(t) < TIERS.index(band_of(s)) for t, s in got), ""])
    with open(oracle / "sample_term_scores_expected.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(lines)


def write_lineage_facts(oracle: Path, org_ratings, rosters) -> None:
    units_2024 = sorted(k[2] for k in org_ratings if k[:2] == (2024, "units"))
    facts = {
        "year": 2025,
        "bloc": {"before": BLOC, "after": SUCCESSOR},
        "changes": [
            {"kind": kind, "from": sources, "to": targets, "decision": decision, "note": note}
            for kind, sources, targets, decision, note in LINEAGE
        ],
        # every organisation of 2024 (as the model names it) → its organisation of 2025; null: gone from the lists
        "successor": {name_in(name, 2024): successor(name) and name_in(successor(name), 2025) for name in units_2024},
        "moved_to": {"Chi bộ Sở Ngoại vụ": ELSEWHERE},
        "drift": {"names": [DRIFT[0], DRIFT[1]], "from_year": DRIFT[2], "recorded": False},
        "rosters": {str(y): names for y, names in rosters.items()},
    }
    with open(oracle / "sample_term_lineage.json", "w", encoding="utf-8", newline="\n") as f:
        json.dump(facts, f, ensure_ascii=False, indent=1)
        f.write("\n")


ORG_ORDER: dict = {}
ORG_ORDER_2025: dict = {}


def main(root: Path = HERE, oracle: Path = ORACLE) -> None:
    rng = random.Random(SEED)
    orgs, orgs25, members = build_model(rng)
    ORG_ORDER.clear()
    ORG_ORDER.update(dict.fromkeys(o["name"] for _, group in sections(orgs) for o in group))
    ORG_ORDER_2025.clear()
    ORG_ORDER_2025.update(dict.fromkeys(o["name"] for _, group in sections(orgs25) for o in group))
    member_ratings = rate_members(rng, members, orgs)
    org_ratings = rate_orgs(rng, orgs, orgs25)
    apply_top_rule(org_ratings, member_ratings, orgs, orgs25)
    scores, selfs = score_2025(rng, org_ratings, member_ratings)
    data, lists = root / "xep_loai", root / "to_chuc"
    for folder in (data, lists, oracle):
        folder.mkdir(parents=True, exist_ok=True)
    by_org = {
        year: sorted(rows, key=lambda x: list(ORG_ORDER).index(x[1]))
        for year, rows in member_ratings.items()
        if year < 2025
    }
    write_units_wide(rng, data, orgs, org_ratings)
    write_units_by_sheet(rng, data, orgs, org_ratings)
    write_cells(rng, data, orgs, org_ratings)
    write_member_rows(rng, data, 2020, by_org[2020], split=False)
    write_member_rows(rng, data, 2021, by_org[2021], split=True)
    write_member_csv(rng, data, 2022, by_org[2022])
    write_member_counts(data, 2023, by_org[2023], orgs)
    leavers = [m for m in members if m["left"] == 2024 and m["org"] in orgs and m["joined"] < 2024]
    write_members_2024(rng, data, by_org[2024], leavers)
    write_orgs_2025(rng, data, orgs25, org_ratings, scores, {k: v for k, v in selfs.items() if isinstance(k, tuple)})
    write_members_2025(rng, data, member_ratings[2025], scores, {k: v for k, v in selfs.items() if isinstance(k, int)})
    write_lineage(lists)
    rosters = write_rosters(lists, org_ratings)
    write_expected(oracle, org_ratings, member_ratings)
    write_scores_expected(oracle, org_ratings, member_ratings, scores)
    write_lineage_facts(oracle, org_ratings, rosters)
    n25 = sum(1 for k in org_ratings if k[:2] == (2025, "units"))
    print(
        f"{len(orgs)} organisations until 2024, {n25} in 2025, {len(members)} members, years 2020-2025", file=sys.stderr
    )


if __name__ == "__main__":
    # python generate.py [FOLDER [ORACLE_FOLDER]]: elsewhere than here (the test of determinism does)
    args = [Path(a) for a in sys.argv[1:3]]
    main(*args)
