"""Checkboxes under the tier columns (Google Sheets, Excel): each cell holds a boolean, TRUE where
ticked and FALSE where not – booleans in the .xlsx, the texts "TRUE" / "FALSE" in the CSV download.
A careful person reads a tick column's cells as tick / no tick: TRUE is the row's tier, FALSE is no
tick, as a blank cell is (never a blank rating of its own, nor a count). A member ticked nowhere is
still a blank rating. A TRUE/FALSE column that is no tier column keeps its own meaning: under "Là
đảng viên" it marks the party members among an agency's staff. Counted by hand from the rows here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

T, F = True, False
MEMBER_HEAD = ["STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn đánh giá", "Chưa đánh giá"]
MEMBERS = [
    [1, "Trần Văn An", T, F, F, F, F, F],
    [2, "Lê Thị Bình", F, T, F, F, F, F],
    [3, "Phạm Văn Cường", F, T, F, F, F, F],
    [4, "Đỗ Thị Dung", F, F, T, F, F, F],
    [5, "Ngô Văn Em", F, F, F, F, T, F],
    [6, "Vũ Thị Gấm", F, F, F, F, F, T],
]
# by hand: An top, Bình and Cường good, Dung pass, Em exempt, Gấm not rated
MEMBER_FIGURES = {"total": 6, "exempt": 1, "not_rated": 1, "rated": 4, "top": 1, "good": 2, "pass": 1}
MEMBER_FIGURES["good_or_better"] = 3


def _of(result, year: int, subject: str) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (year, subject) and n}


def _sheet(members) -> list[list]:
    return [["Chi bộ Phòng Tổng hợp - xếp loại đảng viên năm 2024"], MEMBER_HEAD, *members]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_booleans_under_the_tiers_are_ticks(tmp_path, kind):
    if kind == "xlsx":  # openpyxl writes True/False as boolean cells, as Google Sheets' download does
        path = make_xlsx(tmp_path / "o_danh_dau.xlsx", {"Trang tính1": _sheet(MEMBERS)})
    else:  # the CSV download: the texts TRUE and FALSE
        rows = [[("TRUE" if v else "FALSE") if isinstance(v, bool) else v for v in r] for r in _sheet(MEMBERS)]
        path = make_csv(tmp_path / "o_danh_dau - Trang tính1.csv", rows)
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _of(result, 2024, "members") == MEMBER_FIGURES


def test_a_member_ticked_nowhere_is_still_a_blank_rating(tmp_path):
    members = [list(m) for m in MEMBERS]
    members[2][2:] = [F] * 6  # Cường: every box unticked
    result = run("classify", str(make_xlsx(tmp_path / "b.xlsx", {"DV": _sheet(members)})), "--format", "csv")
    assert result.exit_code == 2
    assert "row 5" in result.stderr and "blank" in result.stderr


def test_organisations_ticked_in_a_csv_download(tmp_path):
    rows = [
        ["STT", "Tên tổ chức đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Năm"],
        [1, "Đảng bộ Sở Tài chính", "TRUE", "FALSE", "FALSE", "FALSE", 2023],
        [2, "Chi bộ Sở Tư pháp", "FALSE", "TRUE", "FALSE", "FALSE", 2023],
        [3, "Chi bộ Sở Y tế", "FALSE", "TRUE", "FALSE", "FALSE", 2023],
        [4, "Chi bộ Thanh tra tỉnh", "FALSE", "FALSE", "TRUE", "FALSE", 2023],
        [5, "Chi bộ Thuế tỉnh", "FALSE", "FALSE", "FALSE", "TRUE", 2023],
    ]
    result = run("classify", str(make_csv(tmp_path / "to_chuc - Trang tính1.csv", rows)), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: 1 top, 2 good, 1 pass, 1 fail of 5
    assert _of(result, 2023, "units") == {"total": 5, "rated": 5, "top": 1, "good": 2, "pass": 1, "fail": 1} | {
        "good_or_better": 3
    }


def test_a_checkbox_that_marks_party_members_is_no_tier(tmp_path):
    head = ["Mã NV", "Họ và tên", "Là đảng viên", "Xếp loại đảng viên năm 2024"]
    rows = [
        ["DANH SÁCH CÁN BỘ"],
        head,
        ["NV01", "Cao Văn Ấn", T, "HTTNV"],
        ["NV02", "Lò Thị Bảy", F, None],
        ["NV03", "Hầu Văn Cảnh", T, "HTXSNV"],
        ["NV04", "Mè Thị Dịu", F, None],
    ]
    result = run("classify", str(make_xlsx(tmp_path / "nhan_su.xlsx", {"DS": rows})), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: Ấn and Cảnh are members (good, top); Bảy and Dịu staff who are not
    assert _of(result, 2024, "members") == {"total": 2, "rated": 2, "top": 1, "good": 1, "good_or_better": 2}
