"""A count form's header four rows deep, its last row "SL | %" under each tier.

Official count forms (Biểu 02-TCĐ and the like) head the tiers with "Được đánh giá, xếp loại" >
"Chia ra" > HTXSNV | HTTNV | HTNV | KHTNV > "SL | %": four header rows. A row of nothing but
count and share words ("SL", "%", "Số lượng", "Tỷ lệ") under a three-row header is the header's
last row, never a data row. Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

TIERS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def form(bottom: tuple[str, str]) -> tuple[list[list], list[str]]:
    rows = [
        ["TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
        ["STT", "Tên tổ chức cơ sở đảng", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá"]
        + ["Được đánh giá, xếp loại"]
        + [None] * 8,
        [None] * 5 + ["Tổng số", "Chia ra"] + [None] * 7,
        [None] * 6 + [x for t in TIERS for x in (t, None)],
        [None] * 6 + list(bottom) * 4,
        # by hand: rated 8 = 2 + 5 + 1 + 0; 18 = 3 + 12 + 2 + 1
        [1, "Chi bộ Sở Nội vụ", 10, 1, 1, 8, 2, 25, 5, 62.5, 1, 12.5, 0, 0],
        [2, "Đảng bộ Công an tỉnh", 20, 0, 2, 18, 3, 16.67, 12, 66.67, 2, 11.11, 1, 5.56],
    ]
    merges = ["A2:A5", "B2:B5", "C2:C5", "D2:D5", "E2:E5", "F2:N2", "F3:F5", "G3:N3"]
    merges += [f"{a}4:{b}4" for a, b in ("GH", "IJ", "KL", "MN")]
    return rows, merges


@pytest.mark.parametrize("bottom", [("SL", "%"), ("Số lượng", "Tỷ lệ (%)")])
def test_a_fourth_header_row_of_counts_and_shares(tmp_path, bottom):
    rows, merges = form(bottom)
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Biểu 02": rows}, merges={"Biểu 02": merges})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2020, "members") and n}
    assert found == {
        "total": 30,
        "exempt": 1,
        "not_rated": 3,
        "rated": 26,
        "top": 5,
        "good": 17,
        "pass": 3,
        "fail": 1,
        "good_or_better": 22,
    }


def test_a_fourth_row_with_a_number_is_data(tmp_path):
    rows, merges = form(("SL", "%"))
    rows[4] = [None] * 6 + ["SL", 3] * 4  # a number in it: not a header row; the count under '%' … is refused
    path = make_xlsx(tmp_path / "bieu.xlsx", {"Biểu 02": rows}, merges={"Biểu 02": merges})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2 and "row 5" in result.stderr
