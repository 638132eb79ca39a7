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
        return {(r["subject"], r["category"]): int(r["count"]) for r in csv.DictReader(stream) if int(r["year"]) == year}


def forms_of(tmp_path, year: int, *args):
    out = tmp_path / f"bieu_{year}.xlsx"
    result = run("forms", "--year", year, SAMPLE, "-o", out, "--date", "10/01/2020", *args)
    assert result.exit_code == 0, result.stderr
    return openpyxl.load_workbook(out), out


def table(ws) -> dict:
    """{label: [Tổng số, Tỷ lệ, host columns…]} of the rows under the column-number row ("A")."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] == "A") + 1
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
    assert [members[k][0] for k in ("A. Đảng viên đủ tư cách, hoàn thành xuất sắc nhiệm vụ", "B. Đảng viên đủ tư cách, hoàn thành tốt nhiệm vụ",
                                     "C. Đảng viên đủ tư cách, hoàn thành nhiệm vụ", "D. Đảng viên vi phạm tư cách")] == \
        [e[("members", t)] for t in ("top", "good", "pass", "fail")]


def test_forms_2019_are_the_qd132_forms_with_the_sample_counts(tmp_path):
    wb, _ = forms_of(tmp_path, 2019)
    e = expected(2019)
    ws = wb["Tổ chức đảng"]
    rows = list(ws.iter_rows(values_only=True))
    labels = [r[0] for r in rows]
    for heading in ("A. TỔ CHỨC CƠ SỞ ĐẢNG", "I. ĐẢNG BỘ CƠ SỞ", "II. CHI BỘ CƠ SỞ", "B. TỔ CHỨC ĐẢNG TRỰC THUỘC",
                    "I. ĐẢNG BỘ BỘ PHẬN", "II. CHI BỘ TRỰC THUỘC"):
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
    tiers = ["- Hoàn thành xuất sắc nhiệm vụ", "- Hoàn thành tốt nhiệm vụ", "- Hoàn thành nhiệm vụ", "- Không hoàn thành nhiệm vụ"]
    for label, category in zip(tiers, ("top", "good", "pass", "fail")):
        assert dbcs[label] + cbcs[label] == e[("units", category)]
    for block in (dbcs, cbcs):  # "1 = 2+3" and "2 = the four tiers"
        assert block["1. Số có đến cuối năm (1 = 2+3)"] == block["2. Số được đánh giá, xếp loại chất lượng"] + block["3. Số chưa được đánh giá, xếp loại"]
        assert block["2. Số được đánh giá, xếp loại chất lượng"] == sum(block[t] for t in tiers)
    # the sample generator: 16 đảng bộ cơ sở and 40 chi bộ cơ sở (sample_data/generate.py)
    assert (dbcs["1. Số có đến cuối năm (1 = 2+3)"], cbcs["1. Số có đến cuối năm (1 = 2+3)"]) == (16, 40)
    cells = blocks[(False, "II. CHI BỘ TRỰC THUỘC")]
    assert cells["1. Số có đến cuối năm (1 = 2+3)"] == e[("cells", "total")]
    assert [cells[t] for t in tiers] == [e[("cells", c)] for c in ("top", "good", "pass", "fail")]
    members = table(wb["Đảng viên"])
    one = members["1. Số có mặt đến thời điểm KĐ, ĐG, XL chất lượng (1 = 2+3+4)"][0]
    two, three, four = (members[k][0] for k in ("2. Số được miễn KĐ, ĐG, XL chất lượng", "3. Số chưa được KĐ, ĐG, XL chất lượng",
                                                 "4. Số đã KĐ, ĐG, XL chất lượng"))
    assert (one, two, three, four) == tuple(e[("members", c)] for c in ("total", "exempt", "not_rated", "rated"))
    assert one == two + three + four
    assert [members[t][0] for t in tiers] == [e[("members", c)] for c in ("top", "good", "pass", "fail")]
    assert members["- Hoàn thành xuất sắc nhiệm vụ"][1] == pytest.approx(round(100 * e[("members", "top")] / four, 2))
    # 2019 members come from a member-count form: no discipline, no reasons — empty, not 0
    assert members["+ Bị xử lý kỷ luật trong năm"][0] is None and members["+ Khác"][0] is None


@pytest.mark.parametrize("year", [2017, 2019])
def test_host_type_columns_add_up_to_the_total(tmp_path, year):
    wb, _ = forms_of(tmp_path, year)
    for ws in wb.worksheets:
        header = [c.value for c in ws[7]]
        assert header[3:] == ["Cơ quan Đảng, MTTQ, đoàn thể", "Cơ quan nhà nước", "Đơn vị sự nghiệp", "Doanh nghiệp", "Khác"]
        numbers = next(r for r in ws.iter_rows(values_only=True) if r[0] == "A")
        assert numbers[1] == "1 = 3+4+5+6+7"
        for label, values in table(ws).items():
            if values[0] is not None:
                assert isinstance(values[0], int) and values[0] == sum(values[2:]), label


def test_host_types_counted_by_hand(tmp_path):
    """Five organisations of two host types; cells and members take their unit's host type."""
    units = make_csv(tmp_path / "tc.csv", [
        ["Tên tổ chức cơ sở đảng", "Loại", "Loại hình", "Năm", "Xếp loại"],
        ["Đảng bộ Sở A", "Đảng bộ cơ sở", "Cơ quan nhà nước", 2019, "HTXSNV"],
        ["Chi bộ Sở B", "Chi bộ cơ sở", "Cơ quan nhà nước", 2019, "HTTNV"],
        ["Chi bộ Công ty C", "Chi bộ cơ sở", "Doanh nghiệp", 2019, "HTTNV"],
        ["Chi bộ Công ty D", "Chi bộ cơ sở", "Doanh nghiệp", 2019, "HTNV"],
        ["Chi bộ Trường E", "Chi bộ cơ sở", "Doanh nghiệp", 2019, "Chưa đánh giá"],
    ])
    members = make_csv(tmp_path / "dv.csv", [["Họ và tên", "Chi bộ", "Năm", "Xếp loại"],
                                            ["Người 1", "Đảng bộ Sở A", 2019, "HTXSNV"], ["Người 2", "Đảng bộ Sở A", 2019, "HTTNV"],
                                            ["Người 3", "Chi bộ Công ty C", 2019, "HTTNV"], ["Người 4", "Chi bộ Công ty C", 2019, "Miễn đánh giá"]])
    out = tmp_path / "bieu.xlsx"
    result = run("forms", "--year", 2019, units, members, "-o", out)
    assert result.exit_code == 0, result.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["Tổ chức đảng"]
    assert [c.value for c in ws[7]][3:] == ["Cơ quan nhà nước", "Doanh nghiệp"]
    rows = [r for r in ws.iter_rows(values_only=True) if isinstance(r[0], str)]
    cbcs = rows[[r[0] for r in rows].index("II. CHI BỘ CƠ SỞ"):]
    got = {r[0].replace(" (*)", ""): r[1:5] for r in cbcs[1:9]}
    assert got["1. Số có đến cuối năm (1 = 2+3)"] == (4, None, 1, 3)
    assert got["2. Số được đánh giá, xếp loại chất lượng"] == (3, 75.0, 1, 2)
    assert got["- Hoàn thành tốt nhiệm vụ"] == (2, pytest.approx(66.67), 1, 1)
    assert got["- Hoàn thành nhiệm vụ"] == (1, pytest.approx(33.33), 0, 1)
    assert got["3. Số chưa được đánh giá, xếp loại"] == (1, 25.0, 0, 1)
    m = table(wb["Đảng viên"])
    assert m["1. Số có mặt đến thời điểm KĐ, ĐG, XL chất lượng (1 = 2+3+4)"] [:4] == [4, None, 2, 2]
    assert m["2. Số được miễn KĐ, ĐG, XL chất lượng"][0] == 1 and m["2. Số được miễn KĐ, ĐG, XL chất lượng"][3] == 1


def test_the_look_of_the_forms(tmp_path):
    wb, _ = forms_of(tmp_path, 2019, "--committee", "ĐẢNG ỦY KHỐI THỬ", "--place", "Thủ Dầu Một", "--signer", "Nguyễn Văn A")
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows == "$6:$8"
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert {"A6:A7", "B6:B7", "C6:C7", "D6:H6"} <= merged
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        assert fonts == {"Times New Roman"}
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert "Đơn vị báo cáo: ĐẢNG ỦY KHỐI THỬ" in texts and "Đơn vị nhận báo cáo: Ban Tổ chức Tỉnh ủy" in texts
        assert any(t.startswith("Thời hạn gửi báo cáo") for t in texts)
        assert f"Đvt: {'Tổ chức' if ws.title == 'Tổ chức đảng' else 'Người'}" in texts
        assert "Thủ Dầu Một, ngày 10 tháng 01 năm 2020" in texts and "Nguyễn Văn A" in texts and "T/M BAN THƯỜNG VỤ" in texts
        assert ws["A6"].border.left.style == "thin"
        assert ws["A1"].value == "Biểu số ……"  # from 2018 the sources give no form number: staff fill it


def test_forms_refuses_a_year_without_data_and_a_wrong_suffix(tmp_path):
    result = run("forms", "--year", 2021, SAMPLE, "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 2 and "no ratings for 2021" in result.stderr and result.stderr.count("\n") == 2  # warning + error
    result = run("forms", "--year", 2019, SAMPLE, "-o", tmp_path / "x.csv")
    assert result.exit_code == 2 and "cannot write a .csv file" in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed: the PDF conversion is not checked")
def test_libreoffice_converts_the_forms_to_pdf(tmp_path):
    _, out = forms_of(tmp_path, 2019)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "bieu_2019.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
