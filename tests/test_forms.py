"""`ccq-stats forms`: the party's statistics forms of a year as a workbook (issue 12).

Expected figures come from tests/data/sample_expected.csv (the sample generator's own model,
not our output) and from small inputs counted by hand."""

from __future__ import annotations

import csv
import shutil
import subprocess

import openpyxl
import pytest

from conftest import ROOT, SAMPLE, make_csv, run

EXPECTED = ROOT / "tests" / "data" / "sample_expected.csv"


def expected(year: int) -> dict:
    with open(EXPECTED, encoding="utf-8") as stream:
        return {
            (r["subject"], r["category"]): int(r["count"]) for r in csv.DictReader(stream) if int(r["year"]) == year
        }


def forms_of(tmp_path, year: int, *args):
    out = tmp_path / f"bieu_{year}.xlsx"
    result = run("forms", "--year", year, SAMPLE, "-o", out, "--date", "10/01/2020", *args)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(out), out


def table(ws) -> dict:
    """{label: [Tổng số, Tỷ lệ, host columns…]} of the rows under the column-number row ("1")."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "1") + 1
    out = {}
    for r in rows[start:]:
        if r[0] is None or r[0] == "Ghi chú:":
            break
        out.setdefault(r[0].replace(" (*)", ""), list(r[1:]))
    return out


def test_forms_2017_are_the_7a_and_7b_forms_with_the_sample_counts(tmp_path):
    wb, _ = forms_of(tmp_path, 2017)
    assert wb.sheetnames == ["Tổ chức đảng", "Đảng viên"]
    e = expected(2017)
    orgs = table(wb["Tổ chức đảng"])
    assert wb["Tổ chức đảng"]["A1"].value == "Biểu số 7A-TCTW" and wb["Đảng viên"]["A1"].value == "Biểu số 7B-TCTW"
    assert orgs["A. Số tổ chức cơ sở đảng có đến cuối năm (A = 1+2)"][0] == e[("units", "total")]
    assert orgs["1. Số tổ chức cơ sở đảng được đánh giá chất lượng"][0] == e[("units", "rated")]
    assert orgs["a) Trong sạch vững mạnh"][0] == e[("units", "top")]
    assert orgs["Trong đó: Trong sạch vững mạnh tiêu biểu"][0] == e[("units", "exemplary")]
    assert orgs["b) Hoàn thành tốt nhiệm vụ"][0] == e[("units", "good")]
    assert orgs["c) Hoàn thành nhiệm vụ"][0] == e[("units", "pass")]
    assert orgs["d) Yếu kém"][0] == e[("units", "fail")]
    assert orgs["2. Số tổ chức cơ sở đảng chưa được đánh giá chất lượng"][0] == e[("units", "not_rated")]
    assert orgs["B. Số chi bộ trực thuộc đảng bộ cơ sở"][0] == e[("cells", "total")]
    assert orgs["Trong đó: Số chi bộ đã được đánh giá chất lượng"][0] == e[("cells", "rated")]
    # "số mới thành lập": the data has no founding date, so the cell is empty and a note says so
    assert orgs["Trong đó: Số mới thành lập"][0] is None
    notes = [c.value for c in wb["Tổ chức đảng"]["A"] if isinstance(c.value, str) and c.value.startswith("Để trống")]
    assert any("mới thành lập" in n for n in notes)
    members = table(wb["Đảng viên"])
    assert members["Đảng viên có đến thời điểm đánh giá chất lượng"][0] == e[("members", "total")]
    assert members["1) Đảng viên được miễn đánh giá"][0] == e[("members", "exempt")]
    assert members["2) Đảng viên chưa được đánh giá"][0] == e[("members", "not_rated")]
    assert members["3) Đảng viên đã được đánh giá chất lượng"][0] == e[("members", "rated")]
    assert [
        members[k][0]
        for k in (
            "A. Đảng viên đủ tư cách, hoàn thành xuất sắc nhiệm vụ",
            "B. Đảng viên đủ tư cách, hoàn thành tốt nhiệm vụ",
            "C. Đảng viên đủ tư cách, hoàn thành nhiệm vụ",
            "D. Đảng viên vi phạm tư cách",
        )
    ] == [e[("members", t)] for t in ("top", "good", "pass", "fail")]


def test_forms_2019_are_the_qd132_forms_with_the_sample_counts(tmp_path):
    wb, _ = forms_of(tmp_path, 2019)
    e = expected(2019)
    ws = wb["Tổ chức đảng"]
    rows = list(ws.iter_rows(values_only=True))
    labels = [r[0] for r in rows]
    for heading in (
        "A. TỔ CHỨC CƠ SỞ ĐẢNG",
        "I. ĐẢNG BỘ CƠ SỞ",
        "II. CHI BỘ CƠ SỞ",
        "B. TỔ CHỨC ĐẢNG TRỰC THUỘC",
        "I. ĐẢNG BỘ BỘ PHẬN",
        "II. CHI BỘ TRỰC THUỘC",
    ):
        assert heading in labels
    blocks = {}  # the four blocks' rows, by heading
    current = None
    for r in rows:
        if r[0] in ("I. ĐẢNG BỘ CƠ SỞ", "II. CHI BỘ CƠ SỞ", "I. ĐẢNG BỘ BỘ PHẬN", "II. CHI BỘ TRỰC THUỘC"):
            current = (labels.index(r[0]) < labels.index("B. TỔ CHỨC ĐẢNG TRỰC THUỘC"), r[0])
            blocks[current] = {}
        elif current and isinstance(r[0], str):
            blocks[current][r[0].replace(" (*)", "")] = r[1]
    dbcs, cbcs = blocks[(True, "I. ĐẢNG BỘ CƠ SỞ")], blocks[(True, "II. CHI BỘ CƠ SỞ")]
    tiers = [
        "- Hoàn thành xuất sắc nhiệm vụ",
        "- Hoàn thành tốt nhiệm vụ",
        "- Hoàn thành nhiệm vụ",
        "- Không hoàn thành nhiệm vụ",
    ]
    for label, category in zip(tiers, ("top", "good", "pass", "fail")):
        assert dbcs[label] + cbcs[label] == e[("units", category)]
    for block in (dbcs, cbcs):  # "1 = 2+3" and "2 = the four tiers"
        assert (
            block["1. Số có đến cuối năm (1 = 2+3)"]
            == block["2. Số được đánh giá, xếp loại chất lượng"] + block["3. Số chưa được đánh giá, xếp loại"]
        )
        assert block["2. Số được đánh giá, xếp loại chất lượng"] == sum(block[t] for t in tiers)
    # the sample generator: 16 đảng bộ cơ sở and 40 chi bộ cơ sở (sample_data/generate.py)
    assert (dbcs["1. Số có đến cuối năm (1 = 2+3)"], cbcs["1. Số có đến cuối năm (1 = 2+3)"]) == (16, 40)
    cells = blocks[(False, "II. CHI BỘ TRỰC THUỘC")]
    assert cells["1. Số có đến cuối năm (1 = 2+3)"] == e[("cells", "total")]
    assert [cells[t] for t in tiers] == [e[("cells", c)] for c in ("top", "good", "pass", "fail")]
    members = table(wb["Đảng viên"])
    one = members["1. Số có mặt đến thời điểm KĐ, ĐG, XL chất lượng (1 = 2+3+4)"][0]
    two, three, four = (
        members[k][0]
        for k in (
            "2. Số được miễn KĐ, ĐG, XL chất lượng",
            "3. Số chưa được KĐ, ĐG, XL chất lượng",
            "4. Số đã KĐ, ĐG, XL chất lượng",
        )
    )
    assert (one, two, three, four) == tuple(e[("members", c)] for c in ("total", "exempt", "not_rated", "rated"))
    assert one == two + three + four
    assert [members[t][0] for t in tiers] == [e[("members", c)] for c in ("top", "good", "pass", "fail")]
    assert members["- Hoàn thành xuất sắc nhiệm vụ"][1] == pytest.approx(round(100 * e[("members", "top")] / four, 2))
    # 2019 members come from a member-count form: no discipline, no reasons — empty, not 0
    assert members["+ Bị xử lý kỷ luật trong năm"][0] is None and members["+ Khác"][0] is None


# The official columns of Biểu 7A/7B-TCTW, in their order, as issue 19 lays them out (written
# here by hand, not read from documents.toml): header row 7, the split column's row 8.
OFFICIAL = [
    "Xã",
    "Phường thị trấn",
    "DN Nhà nước",
    "DN cổ phần",
    "DN tư nhân",
    "DN có vốn đầu tư NN",
    None,
    "Cơ quan hành chính",
    "Cơ sở sự nghiệp",
    "Quân đội, Công an",
    "Loại hình khác",
]
NUMBERS = ["1", "2 = 4+...+14", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]


@pytest.mark.parametrize("year", [2017, 2019])
def test_every_form_has_the_official_columns_in_the_official_order(tmp_path, year):
    wb, _ = forms_of(tmp_path, year)
    for ws in wb.worksheets:
        assert [c.value for c in ws[6]][:4] == [
            "CHỈ TIÊU",
            "Tổng số",
            "Tỷ lệ(%)",
            "CHIA THEO CÁC LOẠI HÌNH TỔ CHỨC CƠ SỞ ĐẢNG",
        ]
        assert [c.value for c in ws[7]][3:] == OFFICIAL
        assert [c.value for c in ws[8]][8:10] == ["Tổng số", "Trong đó 100% vốn NN"]
        assert [c.value for c in ws[9]] == NUMBERS
        for label, values in table(ws).items():
            if values[0] is None:  # a row the data cannot give: every cell of it empty
                assert all(v is None for v in values), label
                continue
            hosts = values[2:]
            # 2 = 4+…+14 without 10 ("Trong đó 100% vốn NN" is part of 9)
            assert values[0] == sum(v or 0 for i, v in enumerate(hosts) if i != 6), label
        # the sample's host types: Cơ quan Đảng, MTTQ, đoàn thể and Cơ quan nhà nước → Cơ quan hành
        # chính; Đơn vị sự nghiệp → Cơ sở sự nghiệp; Doanh nghiệp (no ownership said) and Khác →
        # Loại hình khác. The columns the sample has no organisation of are empty, not 0.
        first = next(v for v in table(ws).values() if v[0] is not None)
        assert [v is None for v in first[2:]] == [True] * 7 + [False, False, True, False]


def test_host_types_counted_by_hand(tmp_path):
    """Six organisations of five host types; cells and members take their unit's host type.
    'Doanh nghiệp' says no ownership: Loại hình khác, with a warning naming it."""
    units = make_csv(
        tmp_path / "tc.csv",
        [
            ["Tên tổ chức cơ sở đảng", "Loại", "Loại hình", "Năm", "Xếp loại"],
            ["Đảng bộ Xã A", "Đảng bộ cơ sở", "Xã", 2019, "HTXSNV"],
            ["Chi bộ Sở B", "Chi bộ cơ sở", "Cơ quan nhà nước", 2019, "HTTNV"],
            ["Chi bộ Công ty C", "Chi bộ cơ sở", "Doanh nghiệp có vốn đầu tư nước ngoài", 2019, "HTTNV"],
            ["Chi bộ Công ty D", "Chi bộ cơ sở", "DN 100% vốn nước ngoài", 2019, "HTNV"],
            ["Chi bộ Công ty E", "Chi bộ cơ sở", "Doanh nghiệp", 2019, "Chưa đánh giá"],
            ["Chi bộ Trường F", "Chi bộ cơ sở", "Đơn vị sự nghiệp", 2019, "HTTNV"],
        ],
    )
    members = make_csv(
        tmp_path / "dv.csv",
        [
            ["Họ và tên", "Chi bộ", "Năm", "Xếp loại"],
            ["Người 1", "Đảng bộ Xã A", 2019, "HTXSNV"],
            ["Người 2", "Đảng bộ Xã A", 2019, "HTTNV"],
            ["Người 3", "Chi bộ Công ty C", 2019, "HTTNV"],
            ["Người 4", "Chi bộ Công ty D", 2019, "Miễn đánh giá"],
        ],
    )
    out = tmp_path / "bieu.xlsx"
    result = run("forms", "--year", 2019, units, members, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "'Doanh nghiệp' (1 grassroots organisations)" in result.stderr and "Loại hình khác" in result.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["Tổ chức đảng"]
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)]
    labels = [r[0] for r in rows]
    assert rows[labels.index("A. TỔ CHỨC CƠ SỞ ĐẢNG")][1:14] == (
        6,
        None,
        1,
        None,
        None,
        None,
        None,
        2,
        1,
        1,
        1,
        None,
        1,
    )
    cbcs = rows[labels.index("II. CHI BỘ CƠ SỞ") :]
    got = {r[0].replace(" (*)", ""): r[1:14] for r in cbcs[1:9]}
    #                    total share  Xã  Phường DNNN DNCP DNTN FDI  100% CQHC SN  QĐCA Khác
    assert got["1. Số có đến cuối năm (1 = 2+3)"] == (5, None, 0, None, None, None, None, 2, 1, 1, 1, None, 1)
    assert got["2. Số được đánh giá, xếp loại chất lượng"] == (4, 80.0, 0, None, None, None, None, 2, 1, 1, 1, None, 0)
    assert got["- Hoàn thành tốt nhiệm vụ"] == (3, 75.0, 0, None, None, None, None, 1, 0, 1, 1, None, 0)
    assert got["- Hoàn thành nhiệm vụ"] == (1, 25.0, 0, None, None, None, None, 1, 1, 0, 0, None, 0)
    assert got["3. Số chưa được đánh giá, xếp loại"] == (1, 20.0, 0, None, None, None, None, 0, 0, 0, 0, None, 1)
    m = table(wb["Đảng viên"])
    # members: Xã 2, FDI 2 (of which one in a 100% foreign-owned one)
    assert m["1. Số có mặt đến thời điểm KĐ, ĐG, XL chất lượng (1 = 2+3+4)"] == [
        4,
        None,
        2,
        None,
        None,
        None,
        None,
        2,
        1,
        None,
        None,
        None,
        None,
    ]
    assert m["2. Số được miễn KĐ, ĐG, XL chất lượng"][:10] == [1, 25.0, 0, None, None, None, None, 1, 1, None]


def test_what_the_data_cannot_give_is_empty_never_0_with_a_note_and_a_warning(tmp_path):
    """Organisations without a kind column: A. has its total, A.I and A.II are empty; no chi bộ
    trực thuộc listed: B. is empty; member counts only: the organisations' rows are empty."""
    units = make_csv(
        tmp_path / "tc.csv",
        [
            ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
            ["Đảng bộ Sở A", 2019, "HTXSNV"],
            ["Chi bộ Sở B", 2019, "HTTNV"],
            ["Chi bộ Sở C", 2019, "Chưa đánh giá"],
        ],
    )
    out = tmp_path / "bieu.xlsx"
    result = run("forms", "--year", 2019, units, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "đảng bộ cơ sở and which chi bộ cơ sở" in result.stderr
    assert "under I. ĐẢNG BỘ CƠ SỞ; II. CHI BỘ CƠ SỞ" in result.stderr
    ws = openpyxl.load_workbook(out)["Tổ chức đảng"]
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)]
    labels = [r[0] for r in rows]
    assert rows[labels.index("A. TỔ CHỨC CƠ SỞ ĐẢNG")][1] == 3  # the organisations' total, where the data gives it
    first = labels.index("I. ĐẢNG BỘ CƠ SỞ")
    for r in rows[first + 1 : labels.index("B. TỔ CHỨC ĐẢNG TRỰC THUỘC (*)")]:
        if r[0] != "II. CHI BỘ CƠ SỞ":
            assert r[0].endswith("(*)") and all(v is None for v in r[1:]), r
    texts = [c.value for c in ws["A"] if isinstance(c.value, str)]
    assert any("không ghi loại tổ chức đảng" in t for t in texts)
    assert any("không có danh sách chi bộ trực thuộc" in t for t in texts)
    assert not any(v == 0 for r in rows[first:] for v in r[1:])  # no row below A. shows a 0 nobody counted
    members = table(openpyxl.load_workbook(out)["Đảng viên"])
    assert all(all(v is None for v in values) for values in members.values())


def test_member_counts_only_leave_the_organisations_form_empty(tmp_path):
    out = tmp_path / "bieu.xlsx"
    result = run("forms", "--year", 2019, SAMPLE / "so_luong_dang_vien_2019.xlsx", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "no ratings of grassroots organisations" in result.stderr
    wb = openpyxl.load_workbook(out)
    orgs = table(wb["Tổ chức đảng"])
    assert all(all(v is None for v in values) for values in orgs.values())
    members = table(wb["Đảng viên"])
    e = expected(2019)
    assert members["1. Số có mặt đến thời điểm KĐ, ĐG, XL chất lượng (1 = 2+3+4)"][0] == e[("members", "total")]
    # no organisation list: no host type known, so every host-type cell is empty
    assert all(v is None for values in members.values() for v in values[2:])


def test_the_7b_form_has_its_official_rows(tmp_path):
    wb, _ = forms_of(tmp_path, 2017)
    labels = [r.replace(" (*)", "") for r in table(wb["Đảng viên"])]
    rows = [r[0] for r in wb["Đảng viên"].iter_rows(values_only=True) if isinstance(r[0], str)]
    for label in (
        "Phân tích kết quả đảng viên đã được đ/g chất lượng:",
        "Trong đó: Đủ tư cách nhưng có mặt còn hạn chế",
        "- Bị thi hành kỷ luật trong năm",
        "- Qua kiểm điểm phát hiện vi phạm tư cách",
        "- Cơ quan quản lý, chi bộ đánh giá không hoàn thành nhiệm vụ",
    ):
        assert label in labels
    c, d = rows.index("C. Đảng viên đủ tư cách, hoàn thành nhiệm vụ"), rows.index("D. Đảng viên vi phạm tư cách")
    assert d - c == 5  # C, its "trong đó" and three reasons
    assert sum(1 for r in rows[d + 1 :] if r.startswith("- ")) == 4  # D's four reasons


def test_forms_quiet_keeps_warnings_off_stderr(tmp_path):
    result = run("forms", "--year", 2019, SAMPLE / "so_luong_dang_vien_2019.xlsx", "-o", tmp_path / "b.xlsx", "-q")
    assert result.exit_code == 0 and result.stderr == ""


def test_forms_refuses_a_year_without_data_and_a_wrong_suffix(tmp_path):
    result = run("forms", "--year", 2021, SAMPLE, "-o", tmp_path / "x.xlsx")
    assert (
        result.exit_code == 2 and "no ratings for 2021" in result.stderr and result.stderr.count("\n") == 2
    )  # warning + error
    result = run("forms", "--year", 2019, SAMPLE, "-o", tmp_path / "x.csv")
    assert result.exit_code == 2 and "cannot write a .csv file" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: the PDF conversion is not checked"
)
def test_libreoffice_prints_each_form_on_one_page_with_empty_rows_empty(tmp_path):
    _, out = forms_of(tmp_path, 2019)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "bieu_2019.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler (pdftotext) is not installed: the printed pages are not checked")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.split("\f")
    pages = [p for p in pages if p.strip()]
    # each form on one page, its notes and signatures with it
    assert len(pages) == 2, [p[:200] for p in pages]
    for page, title in zip(pages, ("TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019", "ĐẢNG VIÊN NĂM 2019")):
        assert title in page and "Ghi chú:" in page and "NGƯỜI LẬP BIỂU" in page and "T/M BAN THƯỜNG VỤ" in page
    # an empty row prints empty, not 0
    new_lines = [line for line in pages[0].splitlines() if "Số mới thành lập dưới 6 tháng" in line]
    assert len(new_lines) == 4 and not any(ch.isdigit() for line in new_lines for ch in line.split("tháng", 1)[1])
