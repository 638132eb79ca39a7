"""A list of members chosen for another purpose is not the year's list.

Under a title that says its members were selected – the congress's delegates, those proposed for a badge
or for full membership – the rows hold some of the members, chosen by other criteria: whatever tiers they
hold, their shares are no figure of the year. The run stops naming the title. A year's list made "for
the congress" (title "… PHỤC VỤ ĐẠI HỘI ĐẠI BIỂU …") and a sheet with no title are read.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

HEADER = ["STT", "Họ và tên", "Chi bộ", "Xếp loại năm 2022"]
BODY = [
    [1, "Kha Văn Lực", "Chi bộ Kho bạc", "HTTNV"],
    [2, "Ông Thị Mận", "Chi bộ Thuế", "HTNV"],
    [3, "Tôn Văn Nhạn", "Chi bộ Kho bạc", "Hoàn thành xuất sắc nhiệm vụ"],
]


@pytest.mark.parametrize(
    "title",
    [
        "DANH SÁCH ĐẠI BIỂU DỰ ĐẠI HỘI ĐẢNG BỘ KHỐI LẦN THỨ III",
        "Danh sách đảng viên đề nghị xét tặng Huy hiệu 40 năm tuổi Đảng",
        "DANH SACH DANG VIEN DU BI DE NGHI CHUYEN CHINH THUC",
    ],
)
def test_a_list_of_a_selection_stops_naming_its_title(tmp_path, title):
    path = make_xlsx(tmp_path / "chon.xlsx", {"Sheet1": [[title], HEADER, *BODY]})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert title in result.stderr and "selection" in result.stderr


@pytest.mark.parametrize(
    "above",
    [
        [["DANH SÁCH ĐẢNG VIÊN XẾP LOẠI NĂM 2022 (PHỤC VỤ ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ LẦN THỨ III)"]],
        [],
    ],
)
def test_a_year_list_for_the_congress_or_without_title_is_read(tmp_path, above):
    path = make_xlsx(tmp_path / "ca_nam.xlsx", {"Sheet1": [*above, HEADER, *BODY]})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2022, "members") and n}
    assert found == {"total": 3, "rated": 3, "top": 1, "good": 1, "pass": 1, "good_or_better": 2}
