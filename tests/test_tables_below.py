"""Lists pasted one under the other, each with its own header: a header row further down starts a
new table, read as a header, not as data – also where its columns sit elsewhere than the first
table's, and where the table under it has nothing to count (names and an award).

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

BLOCKS = [
    ["ĐẢNG BỘ SỞ NỘI VỤ - XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
    ["CHI BỘ TỔ CHỨC CÁN BỘ"],
    ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Xếp loại"],
    [1, "Đoàn Văn Tài", 1980, "Trưởng phòng", "HTTNV"],
    [2, "Lê Thị Uyên", 1985, "Chuyên viên", "HTXSNV"],
    [],
    ["CHI BỘ THI ĐUA KHEN THƯỞNG"],
    ["TT", "Họ tên đảng viên", "Kết quả xếp loại"],
    [1, "Phí Văn Vinh", "HTNV"],
    [2, "Trịnh Thị Xuân", "HTTNV"],
    [3, "Kim Văn Yên", "Miễn đánh giá"],
]


def _members(result) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, "members") and n}


def test_a_narrower_header_further_down_starts_a_table(tmp_path):
    path = make_xlsx(tmp_path / "ghep.xlsx", {"2021": BLOCKS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: top Uyên; good Tài, Xuân; pass Vinh; exempt Yên
    assert _members(result) == {
        "total": 5,
        "exempt": 1,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }


def test_a_table_of_names_and_awards_below_is_not_counted_and_said(tmp_path):
    units = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ Sở Ngoại vụ", "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", "HTTNV"],
        [3, "Chi bộ Sở Tài nguyên", "HTTNV"],
        [],
        ["DANH SÁCH ĐƯỢC KHEN"],
        ["STT", "Tên tổ chức cơ sở đảng", "Danh hiệu"],
        [1, "Chi bộ Sở Ngoại vụ", "Giấy khen"],
    ]
    path = make_xlsx(tmp_path / "phu_luc.xlsx", {"PL": units})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, "units") and n}
    assert found == {"total": 3, "rated": 3, "top": 1, "good": 2, "good_or_better": 3}
    assert "the table from row 7 has no rating or count column" in result.stderr
