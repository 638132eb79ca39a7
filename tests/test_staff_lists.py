"""An agency's list of its staff: the civil-servant rating is not the party rating, and only the
rows marked as party members are members.

An HR export lists every employee with the agency's own rating of its civil servants and public
employees (Nghị định 90/2020) in the same words as the party's, and the party's columns filled for
the members only. A careful clerk counts the rows marked as members, by the party rating; where the
only rating is the staff rating, there is no party figure to give: the run stops.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

HEAD = ["Mã NV", "Họ và tên", "Phòng", "Xếp loại viên chức năm 2024", "Là đảng viên", "Xếp loại đảng viên năm 2024"]
STAFF = [
    ["TRUNG TÂM Y TẾ HUYỆN - DANH SÁCH VIÊN CHỨC"],
    HEAD,
    ["NV01", "Cao Văn Ấn", "Khoa Nội", "HTXSNV", "Có", "HTTNV"],
    ["NV02", "Lò Thị Bảy", "Khoa Nội", "HTTNV", "Không", ""],
    ["NV03", "Hầu Văn Cảnh", "Khoa Ngoại", "HTTNV", "Có", "HTXSNV"],
    ["NV04", "Mè Thị Dịu", "Khoa Ngoại", "HTNV", "Không", ""],
    ["NV05", "Sầm Văn Đức", "Văn phòng", "HTXSNV", "Có", "HTNV"],
    ["NV06", "Vi Thị Gấm", "Văn phòng", "HTTNV", "Có", "Chưa đánh giá"],
    ["NV07", "Ông Văn Hạnh", "Văn phòng", "HTXSNV", "Không", ""],
]
# by hand: the four marked Có – Ấn good, Cảnh top, Đức pass, Gấm not rated; Bảy, Dịu, Hạnh not members
MEMBERS = {"total": 4, "not_rated": 1, "rated": 3, "top": 1, "good": 1, "pass": 1, "good_or_better": 2}


def _members(result) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2024, "members") and n}


def test_only_the_marked_staff_are_members_by_the_party_rating(tmp_path):
    path = make_xlsx(tmp_path / "nhan_su.xlsx", {"DS": STAFF})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == MEMBERS
    assert "3 row(s) of staff not marked as party members in column E" in result.stderr


def test_database_headers_in_one_word_read_alike(tmp_path):
    words = ["MaNV", "HoTen", "PhongBan", "XepLoaiVienChuc2024", "LaDangVien", "XepLoaiDangVien2024"]
    rows = [words] + [[*r[:4], "1" if r[4] == "Có" else "0", r[5]] for r in STAFF[2:]]
    path = make_csv(tmp_path / "xuat_phan_mem.csv", rows, delimiter=";")
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert _members(result) == MEMBERS


def test_only_a_staff_rating_is_no_party_figure(tmp_path):
    rows = [STAFF[0], HEAD[:5]] + [r[:5] for r in STAFF[2:]]
    path = make_xlsx(tmp_path / "chi_vien_chuc.xlsx", {"DS": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert "no rating or count column found" in result.stderr
