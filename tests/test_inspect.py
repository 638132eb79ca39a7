"""`ccq-stats inspect`: what the reader understood, on the sample data and on hand-built sheets."""

from __future__ import annotations

import json

from conftest import SAMPLE, make_xlsx, run


def inspected(*args):
    result = run("inspect", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_sample_member_list_header_columns_year_and_masked_names():
    [sheet] = inspected(SAMPLE / "dang_vien_2017.xlsx", "--rows", "3")
    assert sheet["sheet"] == "Danh sách" and sheet["shapes"] == ["members"]
    assert sheet["header_rows"] == [5, 5] and sheet["data_rows"][0] == 6
    roles = {c["header"]: c["role"] for c in sheet["columns"]}
    assert roles == {
        "STT": "seq",
        "Họ và tên": "member",
        "Năm sinh": "birth",
        "Chi bộ": "org",
        "Xếp loại": "rating",
        "Kỷ luật": "discipline",
        "Ghi chú": "ignored",
    }
    assert sheet["year"] == {"year": 2017, "from": "title"}
    assert sheet["skipped"]["title"] == {"count": 3, "rows": "1-3"}
    assert [r["row"] for r in sheet["first_rows"]] == [6, 7, 8]
    assert {r["member"] for r in sheet["first_rows"]} == {"‹hidden: --names›"}


def test_names_masked_unless_asked(tmp_path):
    path = make_xlsx(
        tmp_path / "dv.xlsx",
        {"Năm 2019": [["STT", "Họ và tên", "Chi bộ", "Xếp loại"], [1, "Người Thử Một", "Chi bộ A", "HTTNV"]]},
    )
    assert "Người Thử Một" not in run("inspect", path).stdout
    assert "Người Thử Một" in run("inspect", path, "--names").stdout
    [sheet] = inspected(path, "--names")
    assert sheet["first_rows"] == [
        {
            "row": 2,
            "shape": "members",
            "org": "Chi bộ A",
            "member": "Người Thử Một",
            "subject": "members",
            "year": 2019,
            "raw_label": "HTTNV",
            "count": 1,
            "exemplary": False,
            "means": "good",
        }
    ]


def test_wide_workbook_years_from_the_headers_sections_and_kinds():
    [sheet] = inspected(SAMPLE / "to_chuc_co_so_dang_2015-2019.xlsx", "--rows", "1")
    assert sheet["year"]["year"] == [2015, 2016, 2017, 2018, 2019] and sheet["year"]["from"] == "the column headers"
    ratings = [c for c in sheet["columns"] if c["role"] == "rating"]
    assert [c["year"] for c in ratings] == [2015, 2016, 2017, 2018, 2019]
    assert sheet["skipped"]["section"]["count"] == 2
    # the sample bloc: 16 đảng bộ cơ sở and 40 chi bộ cơ sở (sample_data/generate.py)
    assert sheet["kinds"] == {"units: chi_bo_co_so": 40, "units: dang_bo_co_so": 16}


def test_counts_form_index_row_totals_and_ignored_share_columns():
    [sheet] = inspected(SAMPLE / "so_luong_dang_vien_2019.xlsx", "--rows", "1")
    assert sheet["header_rows"] == [6, 8]
    assert sheet["skipped"]["index row"] == {"count": 1, "rows": "9"}
    assert sheet["skipped"]["totals"] == {"count": 1, "rows": "66"}
    shares = [c for c in sheet["columns"] if c["header"] == "%"]
    assert len(shares) == 4 and {c["role"] for c in shares} == {"ignored"}
    counts = {c["means"] for c in sheet["columns"] if c["role"] == "count"}
    assert counts == {"top", "good", "pass", "fail", "exempt", "not_rated"}


def test_rows_skipped_and_why_on_a_hand_built_sheet(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI NĂM 2019"],
        ["STT", "Tên tổ chức đảng", "Tự xếp loại", "Cấp ủy cấp trên xếp loại"],
        ["I", "CÁC ĐẢNG BỘ CƠ SỞ", None, None],
        [1, "Đảng bộ Sở A", "HTXSNV", "HTTNV"],
        [None, None, None, None],
        [None, "Tổng cộng", None, None],
        [None, "Quảng Trị, ngày 15 tháng 01 năm 2020", None, None],
        [None, "T/M BAN THƯỜNG VỤ", None, None],
    ]
    [sheet] = inspected(make_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    assert sheet["skipped"] == {
        "title": {"count": 1, "rows": "1"},
        "section": {"count": 1, "rows": "3"},
        "blank": {"count": 1, "rows": "5"},
        "totals": {"count": 1, "rows": "6"},
        "date line": {"count": 2, "rows": "7-8"},
    }
    roles = {c["header"]: (c["role"], c["because"]) for c in sheet["columns"]}
    assert roles["Tự xếp loại"] == ("ignored", "self-rating or proposal, not counted")
    assert roles["Cấp ủy cấp trên xếp loại"][0] == "rating"
    assert sheet["data_rows"] == [3, 6]


def test_a_sheet_that_cannot_be_read_is_shown_with_its_error_and_the_others_still(tmp_path):
    good = make_xlsx(tmp_path / "a.xlsx", {"Năm 2019": [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"]]})
    bad = make_xlsx(tmp_path / "b.xlsx", {"Sheet1": [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ A", "HTTNV"]]})
    sheets = inspected(good, bad)
    assert sheets[0]["read"] is True
    assert sheets[1]["read"] is False and "no rating year" in sheets[1]["why"]
    assert sheets[1]["header_rows"] == [1, 1]  # what was understood before the error is shown


def test_table_output_names_roles_and_reasons():
    result = run("inspect", SAMPLE / "so_luong_dang_vien_2019.xlsx", "--rows", "1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "sample_data/so_luong_dang_vien_2019.xlsx, sheet 'Biểu 02': 66 rows × 13 columns".replace(
        "sample_data/", str(SAMPLE) + "/"
    )
    assert "  read as: counts; header row 6-8; data rows 10-66" in lines
    assert "  year: 2019 (from title)" in lines
    assert any(
        line.split() == ["D", "Miễn", "đánh", "giá", "count:", "exempt", "label", "'Miễn", "đánh", "giá'"]
        for line in lines
    )
    assert "  rows skipped: title 1-4 (4); index row 9; totals 66" in lines
