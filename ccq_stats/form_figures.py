"""The figures of the party's statistics forms for one year: what ``ccq-stats forms`` lays out.

Two tables a year, in the layout of the year's regime: the organisations (up to 2017 the form
known as Biểu 7A-TCTW; from 2018 "Thống kê kết quả xếp loại chất lượng tổ chức cơ sở đảng")
and the members (Biểu 7B-TCTW up to 2017; from 2018 the KĐ, ĐG, XL form). Each row is counted
here from the classified tidy table with ``stats.tally``; a row the data cannot give ("số mới
thành lập", most reasons for KHTNV) carries no figure and a note says why — never a guess.

The rows are data (``ORG_ROWS``, ``MEMBER_ROWS``): a label, a depth (for the indent), whether it
is a heading, and what it counts: ``(group, category)`` where the group selects organisations
or members and the category is one of ``stats.CATEGORIES``, or ``None`` for a row without
figures (a heading), or ``"missing:<reason>"`` for a row the data cannot give.
"""

from __future__ import annotations

from ccq_stats.stats import tally
from ccq_stats.text import norm_key

FORMS_FROM = 2018  # the first rating year of the Quy định 132 forms; before it, Biểu 7A/7B-TCTW
UNKNOWN_HOST = "Chưa rõ loại hình"

# Which records a group counts: subject and organisation kinds (None: any kind).
GROUPS = {
    "units": ("units", None),
    "dang_bo_co_so": ("units", {"dang_bo_co_so"}),
    "chi_bo_co_so": ("units", {"chi_bo_co_so"}),
    "dang_bo_bo_phan": ("cells", {"dang_bo_bo_phan"}),
    "chi_bo_truc_thuoc": ("cells", {"chi_bo_truc_thuoc", ""}),  # a cell without a kind is a chi bộ trực thuộc
    "members": ("members", None),
}

MISSING = {
    "new": "số mới thành lập: dữ liệu đầu vào không ghi ngày thành lập tổ chức",
    "reasons": "lý do không hoàn thành nhiệm vụ (suy thoái, dưới 50% chỉ tiêu, công chức/viên chức KHTNV, khác): "
               "dữ liệu đầu vào không ghi",
    "discipline": "số bị xử lý kỷ luật trong năm: chỉ có khi mọi đảng viên của năm được nhập theo danh sách "
                  "có cột 'Kỷ luật'",
}


def _block_2018(group: str, numeral: str, title: str) -> list[tuple]:
    return [
        (f"{numeral}. {title}", 1, True, None),
        ("1. Số có đến cuối năm (1 = 2+3)", 2, False, (group, "total")),
        ("2. Số được đánh giá, xếp loại chất lượng", 2, False, (group, "rated")),
        ("- Hoàn thành xuất sắc nhiệm vụ", 3, False, (group, "top")),
        ("- Hoàn thành tốt nhiệm vụ", 3, False, (group, "good")),
        ("- Hoàn thành nhiệm vụ", 3, False, (group, "pass")),
        ("- Không hoàn thành nhiệm vụ", 3, False, (group, "fail")),
        ("3. Số chưa được đánh giá, xếp loại", 2, False, (group, "not_rated")),
        ("Trong đó: Số mới thành lập dưới 6 tháng", 3, False, "missing:new"),
    ]


ORG_ROWS = {
    "hd27": [
        ("A. Số tổ chức cơ sở đảng có đến cuối năm (A = 1+2)", 0, True, ("units", "total")),
        ("1. Số tổ chức cơ sở đảng được đánh giá chất lượng", 1, False, ("units", "rated")),
        ("Kết quả đánh giá:", 2, False, None),
        ("a) Trong sạch vững mạnh", 2, False, ("units", "top")),
        ("Trong đó: Trong sạch vững mạnh tiêu biểu", 3, False, ("units", "exemplary")),
        ("b) Hoàn thành tốt nhiệm vụ", 2, False, ("units", "good")),
        ("c) Hoàn thành nhiệm vụ", 2, False, ("units", "pass")),
        ("d) Yếu kém", 2, False, ("units", "fail")),
        ("2. Số tổ chức cơ sở đảng chưa được đánh giá chất lượng", 1, False, ("units", "not_rated")),
        ("Trong đó: Số mới thành lập", 2, False, "missing:new"),
        ("B. Số chi bộ trực thuộc đảng bộ cơ sở", 0, True, ("chi_bo_truc_thuoc", "total")),
        ("Trong đó: Số chi bộ đã được đánh giá chất lượng", 1, False, ("chi_bo_truc_thuoc", "rated")),
        ("a) Trong sạch vững mạnh", 2, False, ("chi_bo_truc_thuoc", "top")),
        ("b) Hoàn thành tốt nhiệm vụ", 2, False, ("chi_bo_truc_thuoc", "good")),
        ("c) Hoàn thành nhiệm vụ", 2, False, ("chi_bo_truc_thuoc", "pass")),
        ("d) Yếu kém", 2, False, ("chi_bo_truc_thuoc", "fail")),
    ],
    "qd132": [
        ("A. TỔ CHỨC CƠ SỞ ĐẢNG", 0, True, None),
        *_block_2018("dang_bo_co_so", "I", "ĐẢNG BỘ CƠ SỞ"),
        *_block_2018("chi_bo_co_so", "II", "CHI BỘ CƠ SỞ"),
        ("B. TỔ CHỨC ĐẢNG TRỰC THUỘC", 0, True, None),
        *_block_2018("dang_bo_bo_phan", "I", "ĐẢNG BỘ BỘ PHẬN"),
        *_block_2018("chi_bo_truc_thuoc", "II", "CHI BỘ TRỰC THUỘC"),
    ],
}

MEMBER_ROWS = {
    "hd27": [
        ("Đảng viên có đến thời điểm đánh giá chất lượng", 0, True, ("members", "total")),
        ("Chia ra:", 1, False, None),
        ("1) Đảng viên được miễn đánh giá", 1, False, ("members", "exempt")),
        ("2) Đảng viên chưa được đánh giá", 1, False, ("members", "not_rated")),
        ("3) Đảng viên đã được đánh giá chất lượng", 1, False, ("members", "rated")),
        ("A. Đảng viên đủ tư cách, hoàn thành xuất sắc nhiệm vụ", 2, False, ("members", "top")),
        ("B. Đảng viên đủ tư cách, hoàn thành tốt nhiệm vụ", 2, False, ("members", "good")),
        ("C. Đảng viên đủ tư cách, hoàn thành nhiệm vụ", 2, False, ("members", "pass")),
        ("D. Đảng viên vi phạm tư cách", 2, False, ("members", "fail")),
        ("Trong đó: bị xử lý kỷ luật trong năm", 3, False, ("members", "disciplined_fail")),
    ],
    "qd132": [
        ("1. Số có mặt đến thời điểm KĐ, ĐG, XL chất lượng (1 = 2+3+4)", 0, True, ("members", "total")),
        ("2. Số được miễn KĐ, ĐG, XL chất lượng", 0, False, ("members", "exempt")),
        ("3. Số chưa được KĐ, ĐG, XL chất lượng", 0, False, ("members", "not_rated")),
        ("4. Số đã KĐ, ĐG, XL chất lượng", 0, False, ("members", "rated")),
        ("- Hoàn thành xuất sắc nhiệm vụ", 1, False, ("members", "top")),
        ("- Hoàn thành tốt nhiệm vụ", 1, False, ("members", "good")),
        ("- Hoàn thành nhiệm vụ", 1, False, ("members", "pass")),
        ("- Không hoàn thành nhiệm vụ", 1, False, ("members", "fail")),
        ("Trong đó:", 2, False, None),
        ("+ Cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, "
         "\"tự diễn biến\", \"tự chuyển hóa\"", 2, False, "missing:reasons"),
        ("+ Chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ", 2, False, "missing:reasons"),
        ("+ Đảng viên là công chức, viên chức xếp loại không hoàn thành nhiệm vụ", 2, False, "missing:reasons"),
        ("+ Bị xử lý kỷ luật trong năm", 2, False, ("members", "disciplined_fail")),
        ("+ Khác", 2, False, "missing:reasons"),
    ],
}

TITLES = {
    ("hd27", "organisations"): "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM {year}",
    ("qd132", "organisations"): "THỐNG KÊ KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM {year}",
    ("hd27", "members"): "KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN NĂM {year}",
    ("qd132", "members"): "THỐNG KÊ KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {year}",
}
# The form numbers as the sources at hand give them; from 2018 none is given, so the form
# prints a dotted space for staff to fill rather than a number we are not sure of.
CODES = {("hd27", "organisations"): "7A-TCTW", ("hd27", "members"): "7B-TCTW"}
UNITS = {"organisations": "Tổ chức", "members": "Người"}
# The share column: of those rated on the tier rows (as classify), of the total on the rows
# of those rated, not rated and exempt.
SHARE_BASE = {"top": "rated", "exemplary": "rated", "good": "rated", "pass": "rated", "fail": "rated",
              "disciplined_fail": "rated", "rated": "total", "not_rated": "total", "exempt": "total"}


def regime_of_form(year: int) -> str:
    return "qd132" if year >= FORMS_FROM else "hd27"


def host_of(records):
    """Each record's host type (loại hình): a unit's own; a cell's from its parent unit, a
    member's from its organisation, in the same year; "" where none is known."""
    units = records[records["subject"] == "units"]
    known = {(int(y), norm_key(o)): h for y, o, h in zip(units["year"], units["org"], units["host_type"]) if h}
    owner = records["org"].where(records["subject"] != "cells", records["parent"]).fillna("")
    return [h if s == "units" and h else known.get((int(y), norm_key(o)), "")
            for s, y, o, h in zip(records["subject"], records["year"], owner, records["host_type"].fillna(""))]


def _counts(records, group: str, hosts: list[str]) -> dict:
    """{category: {"total": n, "by_host": {host: n}}} for the records of one group."""
    subject, kinds = GROUPS[group]
    selected = records[records["subject"] == subject]
    if kinds is not None:
        selected = selected[selected["org_kind"].fillna("").isin(kinds)]
    out: dict = {}
    if selected.empty:
        return out
    selected = selected.assign(host=selected["host"].where(selected["host"] != "", UNKNOWN_HOST))
    wide = tally(selected, ["host"]).set_index("host")
    disciplined = selected[selected["disciplined"].fillna(False).astype(bool) & (selected["status"] == "rated")
                           & (selected["tier"] == "fail")].groupby("host")["count"].sum()
    wide["disciplined_fail"] = disciplined.reindex(wide.index, fill_value=0)
    for category in wide.columns:
        by_host = {h: int(wide.at[h, category]) if h in wide.index else 0 for h in hosts}
        out[category] = {"total": int(wide[category].sum()), "by_host": by_host}
    return out


def _discipline_known(members) -> bool:
    """Whether "bị xử lý kỷ luật" can be counted: every member of the year from member rows
    (member-count forms carry no discipline) and a 'Kỷ luật' mark somewhere among them."""
    return not members.empty and (members["shape"] == "members").all() and bool(members["disciplined"].fillna(False).any())


def _table(rows_spec: list[tuple], counts: dict, hosts: list[str], discipline_known: bool) -> tuple[list[dict], set]:
    rows, missing = [], set()
    for label, depth, heading, what in rows_spec:
        row = {"label": label, "depth": depth, "heading": heading, "total": None, "share": None,
               "by_host": {h: None for h in hosts}, "missing": None}
        if isinstance(what, str):
            row["missing"] = what.split(":", 1)[1]
        elif what is not None:
            group, category = what
            if category == "disciplined_fail" and not discipline_known:
                row["missing"] = "discipline"
            else:
                figures = counts[group].get(category, {"total": 0, "by_host": {h: 0 for h in hosts}})
                base = counts[group].get(SHARE_BASE.get(category, ""), {}).get("total")
                row.update(total=figures["total"], by_host=figures["by_host"],
                           share=figures["total"] / base if base else None)
        if row["missing"]:
            missing.add(row["missing"])
        rows.append(row)
    return rows, missing


def form_figures(records, year: int) -> dict:
    """The two forms of ``year``: {"year", "regime", "hosts", "forms": [organisations, members]},
    each form {"key", "title", "code", "unit", "rows", "notes"}; a row {"label", "depth",
    "heading", "total", "share", "by_host", "missing"} (figures None where the data has none)."""
    records = records[records["year"] == year]
    records = records.assign(host=host_of(records))
    regime = regime_of_form(year)
    hosts = list(dict.fromkeys(h for h in records.loc[records["subject"] == "units", "host"] if h))
    if hosts and (records["host"] == "").any():
        hosts.append(UNKNOWN_HOST)
    counts = {group: _counts(records, group, hosts) for group in GROUPS}
    members = records[records["subject"] == "members"]
    units = records[records["subject"] == "units"]
    no_kind = int(units.loc[units["org_kind"].fillna("") == "", "count"].sum())
    forms = []
    for key, spec in (("organisations", ORG_ROWS[regime]), ("members", MEMBER_ROWS[regime])):
        rows, missing = _table(spec, counts, hosts, _discipline_known(members))
        notes = [f"Để trống: {MISSING[m]}." for m in sorted(missing)]
        if key == "organisations" and regime == "qd132" and no_kind:
            notes.append(f"{no_kind} tổ chức cơ sở đảng không ghi loại (đảng bộ cơ sở hay chi bộ cơ sở) nên không có "
                         "trong mục A.I, A.II; thêm cột 'Loại' vào danh sách tổ chức.")
        notes.append("Tỷ lệ (%): các dòng xếp loại tính trên số được đánh giá, xếp loại; các dòng số được, chưa được "
                     "(và được miễn) đánh giá tính trên tổng số.")
        forms.append({"key": key, "title": TITLES[(regime, key)].format(year=year), "code": CODES.get((regime, key)),
                      "unit": UNITS[key], "rows": rows, "notes": notes})
    return {"year": year, "regime": regime, "hosts": hosts, "forms": forms}
