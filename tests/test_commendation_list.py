"""A list of those commended is not the year's list.

Under a title that names a commendation, a list where every rating is the top tier holds the members
chosen among the top tier: counted, it would give "100% HTXSNV". The run stops naming the title. The
same title over a list of every tier is the year's list and is read.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

TITLE = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG ĐẢNG VIÊN NĂM 2019"
ROWS = [
    [TITLE],
    ["STT", "Họ và tên", "Chi bộ", "Kết quả xếp loại"],
    [1, "Đinh Văn Quang", "Chi bộ Văn phòng", "Hoàn thành xuất sắc nhiệm vụ"],
    [2, "Lã Thị Rành", "Chi bộ Kế toán", "HTXSNV"],
    [3, "Cù Văn Sáng", "Chi bộ Văn phòng", "Hoàn thành xuất sắc nhiệm vụ"],
]


def test_a_commendation_list_of_the_top_tier_stops_naming_its_title(tmp_path):
    path = make_xlsx(tmp_path / "khen.xlsx", {"2019": ROWS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert TITLE in result.stderr and "commendation" in result.stderr


def test_the_same_title_over_every_tier_is_read(tmp_path):
    rows = [*ROWS, [4, "Mạc Thị Tư", "Chi bộ Kế toán", "HTTNV"]]
    path = make_xlsx(tmp_path / "ca_nam.xlsx", {"2019": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2019, "members") and n}
    assert found == {"total": 4, "rated": 4, "top": 3, "good": 1, "good_or_better": 4}
