"""Column roles and vocabulary, from layouts a tester built as staff really send them.

* A role word inside a longer header is not the header's role when the header's head says
  something else: "Điểm cấp ủy cấp trên chấm" is a score, "Nhận xét của cấp ủy cấp trên" a
  comment, "Thuộc khối" a sector (loại hình), "Loại đảng viên" a member's standing – none is
  the parent ("Trực thuộc") or the kind of organisation. And a parent column found by such a
  word must hold names of organisations, not numbers or sentences: rows with a parent are chi bộ
  trực thuộc, so a wrong parent column turns organisations into cells.
* "Họ đệm | Tên" side by side, without a merged "Họ và tên" above, is a member's name.
* "Chuyển sinh hoạt đến …" is a member who came in: present and counted; only a transfer out
  (đi, or đến + where to), a death, a removal … is a member who left.
* A totals row is "Cộng", "Tổng cộng", "Cộng:" alone or followed by what it totals ("khối
  Đảng", "(I)"); a name that starts with the word ("Cộng đồng doanh nghiệp trẻ", the member
  "Cộng Văn Đức") is an organisation or a member.
* A rating merged down over several members is the first member's rating only, in the file:
  the error says the cell is merged.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ccq_stats.api import classify_paths
from ccq_stats.errors import InputError
from ccq_stats.figures.findings import Notes
from ccq_stats.reading import by_columns as columnar
from ccq_stats.reading.sources import file_type
from ccq_stats.vocabulary.scales import load_scales
from conftest import figures, make_csv, make_xlsx, run

# each reading command is also run with the large-file path forced: same bytes (tests/differential.py)
pytestmark = pytest.mark.differential


def read_by_columns(path: str, monkeypatch):
    """The column reader's records of a file, or None when it leaves the file to the row reader."""
    monkeypatch.setattr(columnar, "MIN_BYTES", 0)
    return columnar.read(path, load_scales(), None, None, file_type(path, Notes()), Notes())


def ok(result):
    assert result.exit_code == 0, result.stderr
    return result.stdout


def tiers(csv_text: str, year: int, subject: str) -> dict[str, int]:
    """{category: count} of one year and subject, categories with a count only."""
    return {c: n for (y, s, c), n in figures(csv_text).items() if y == year and s == subject and n}


def subjects(csv_text: str) -> set[str]:
    return {s for (_y, s, _c), n in figures(csv_text).items() if n}


UNITS_3 = [[1, "Chi bộ Sở Tư pháp", "HTXSNV"], [2, "Đảng bộ Sở Y tế", "HTTNV"], [3, "Chi bộ Ban Dân tộc", "HTNV"]]
THREE = {"total": 3, "rated": 3, "top": 1, "good": 1, "pass": 1, "good_or_better": 2}


# -- A10, A11, A12: the parent column ---------------------------------------------------------


def test_a_score_by_the_higher_committee_is_not_the_parent(tmp_path):
    rows = [
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2025"],
        [],
        ["STT", "Tên TCCS đảng", "Điểm tự chấm", "Điểm cấp ủy cấp trên chấm", "Xếp loại"],
        [1, "Chi bộ Sở Tư pháp", 95, 92, "HTXSNV"],
        [2, "Đảng bộ Sở Y tế", 88, 80, "HTTNV"],
        [3, "Chi bộ Ban Dân tộc", 70, 65, "HTNV"],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "diem.xlsx", {"2025": rows}), "--format", "csv"))
    assert subjects(out) == {"units", "units_scores"}  # no cells; the decided score is read (issue 22)
    assert tiers(out, 2025, "units") == THREE


@pytest.mark.parametrize(
    "header, cells",
    [
        ("Cấp trên chấm điểm", [92, 80, 65]),  # headed by the role word, but numbers under it
        (
            "Kết luận của cấp ủy cấp trên",
            ["Lãnh đạo hoàn thành xuất sắc nhiệm vụ chính trị", "Còn hạn chế trong sinh hoạt chuyên đề", None],
        ),  # sentences
    ],
)
def test_a_column_named_by_cap_tren_whose_cells_are_not_organisations_is_not_the_parent(tmp_path, header, cells):
    rows = [["KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2020"], [], ["STT", "Tên TCCS đảng", "Xếp loại", header]]
    rows += [unit + [cell] for unit, cell in zip(UNITS_3, cells)]
    out = ok(run("classify", make_xlsx(tmp_path / "u.xlsx", {"Sheet1": rows}), "--format", "csv"))
    assert subjects(out) == {"units"}
    assert tiers(out, 2020, "units") == THREE


def test_a_higher_organisation_column_of_names_is_still_the_parent(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2020"],
        [],
        ["STT", "Tên tổ chức đảng", "Tổ chức đảng cấp trên", "Xếp loại"],
        [1, "Đảng bộ Sở Y tế", None, "HTTNV"],
        [2, "Chi bộ Phòng Nghiệp vụ", "Đảng bộ Sở Y tế", "HTXSNV"],
        [3, "Chi bộ Văn phòng Sở", "Đảng bộ Sở Y tế", "HTNV"],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "u.xlsx", {"Sheet1": rows}), "--format", "csv"))
    assert tiers(out, 2020, "units") == {"total": 1, "rated": 1, "good": 1, "good_or_better": 1}
    assert tiers(out, 2020, "cells") == {"total": 2, "rated": 2, "top": 1, "pass": 1, "good_or_better": 1}


def test_a_thuoc_khoi_column_is_the_sector_not_the_parent(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2019"],
        [],
        ["STT", "Tên TCCS đảng", "Thuộc khối", "Xếp loại"],
        [1, "Chi bộ Ban Tuyên giáo", "Khối Đảng", "HTXSNV"],
        [2, "Chi bộ Sở Tư pháp", "Khối Nhà nước", "HTTNV"],
        [3, "Đảng bộ Sở Y tế", "Khối Nhà nước", "HTNV"],
        [4, "Đảng bộ Công ty Xổ số", "Khối Doanh nghiệp", "HTTNV"],
    ]
    path = make_xlsx(tmp_path / "khoi.xlsx", {"Sheet1": rows})
    out = ok(run("classify", path, "--format", "csv"))
    assert subjects(out) == {"units"}
    assert tiers(out, 2019, "units") == {"total": 4, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}
    shown = ok(run("inspect", path))
    assert "host_type" in shown and "parent" not in shown


def test_a_comment_of_the_higher_committee_is_not_the_parent(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TCCS ĐẢNG NĂM 2020"],
        [],
        ["STT", "Tên TCCS đảng", "Xếp loại", "Nhận xét của cấp ủy cấp trên"],
        UNITS_3[0] + ["Lãnh đạo hoàn thành xuất sắc nhiệm vụ chính trị"],
        UNITS_3[1] + ["Còn hạn chế trong sinh hoạt chuyên đề"],
        UNITS_3[2] + [None],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "nx.xlsx", {"Sheet1": rows}), "--format", "csv"))
    assert subjects(out) == {"units"}
    assert tiers(out, 2020, "units") == THREE


# -- C9: a member's standing is not a kind of organisation ------------------------------------


def test_loai_dang_vien_is_a_member_attribute_not_the_kind(tmp_path):
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Loại đảng viên", "Chi bộ", "Xếp loại"],
        [1, "Lê Văn A", "Chính thức", "Chi bộ Văn phòng", "HTXSNV"],
        [2, "Lê Văn B", "Dự bị", "Chi bộ Văn phòng", "HTTNV"],
        [3, "Lê Văn C", "Chính thức", "Chi bộ Văn phòng", "HTNV"],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "ldv.xlsx", {"DS": rows}), "--format", "csv"))
    assert tiers(out, 2019, "members") == THREE


def test_a_bare_loai_column_of_member_standings_in_a_member_list_is_not_the_kind(tmp_path):
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Loại", "Chi bộ", "Xếp loại"],
        [1, "Lê Văn A", "Chính thức", "Chi bộ Văn phòng", "HTXSNV"],
        [2, "Lê Văn B", "Dự bị", "Chi bộ Văn phòng", "HTTNV"],
        [3, "Lê Văn C", "Chính thức", "Chi bộ Văn phòng", "HTNV"],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "ldv.xlsx", {"DS": rows}), "--format", "csv"))
    assert tiers(out, 2019, "members") == THREE


def test_an_unknown_kind_in_a_list_of_organisations_is_still_an_error(tmp_path):
    """There the kind decides units or cells: never dropped."""
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2019"],
        [],
        ["STT", "Tên tổ chức đảng", "Loại", "Xếp loại"],
        [1, "Đảng bộ Sở Y tế", "Đảng bộ CS", "HTTNV"],
        [2, "Chi bộ Khoa Dược", "Chi bộ TT", "HTXSNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "loai.xlsx", {"2019": rows}), "--format", "csv")
    assert result.exit_code == 2 and "unknown kind of organisation" in result.stderr


# -- B3, C3: "Họ đệm | Tên" -------------------------------------------------------------------


def test_ho_dem_and_ten_side_by_side_are_a_members_name(tmp_path):
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2020"],
        [],
        ["STT", "Họ đệm", "Tên", "Năm sinh", "Chi bộ", "Xếp loại"],
        [1, "Nguyễn Văn", "An", 1970, "Chi bộ Văn phòng", "HTTNV"],
        [2, "Trần Thị", "Bình", 1982, "Chi bộ Văn phòng", "HTTNV"],
        [3, "Lê Văn", "Cường", 1990, "Chi bộ Văn phòng", "HTTNV"],
        [4, "Phạm Thị", "Dung", 1978, "Chi bộ Kế toán", "HTTNV"],
        [5, "Hoàng Văn", "Em", 1988, "Chi bộ Kế toán", "HTTNV"],
    ]
    result = run("classify", make_xlsx(tmp_path / "hdt.xlsx", {"DS": rows}), "--format", "csv")
    assert subjects(ok(result)) == {"members"}
    assert tiers(result.stdout, 2020, "members") == {"total": 5, "rated": 5, "good": 5, "good_or_better": 5}
    assert "listed again" not in result.stderr


def test_two_members_with_the_same_ho_dem_are_two_people(tmp_path):
    """The name is both columns: "Nguyễn Văn An" and "Nguyễn Văn Bình" are not one member listed twice."""
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Họ và tên đệm", "Tên", "Chi bộ", "Xếp loại"],
        [1, "Nguyễn Văn", "An", "Chi bộ Sở Tư pháp", "HTXSNV"],
        [2, "Nguyễn Văn", "Bình", "Chi bộ Sở Tư pháp", "HTTNV"],
        [3, "Nguyễn Văn", "Cường", "Chi bộ Sở Tư pháp", "HTNV"],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "hdt.xlsx", {"DS": rows}), "--format", "csv"))
    assert tiers(out, 2019, "members") == THREE


def test_a_csv_with_ho_dem_and_ten_reads_the_same_by_either_reader(tmp_path, monkeypatch):
    rows = [
        ["Họ đệm", "Tên", "Chi bộ", "Năm", "Xếp loại"],
        ["Nguyễn Văn", "An", "Chi bộ A", 2019, "HTXSNV"],
        ["Nguyễn Văn", "Bình", "Chi bộ A", 2019, "HTTNV"],
        ["Trần Thị", "Cúc", "Chi bộ B", 2019, "HTTNV"],
    ]
    path = str(make_csv(tmp_path / "ds.csv", rows))
    assert read_by_columns(path, monkeypatch) is None  # one column holds a name: the row reader joins the two
    results = []
    for threshold in (0, 1 << 60):  # by columns (if it takes the file), row by row
        monkeypatch.setattr(columnar, "MIN_BYTES", threshold)
        results.append(classify_paths([path]))
    pd.testing.assert_frame_equal(results[0], results[1])
    got = results[1].query("year == 2019 and subject == 'members'").set_index("category")["count"]
    assert (got["total"], got["top"], got["good"]) == (3, 1, 2)


# -- B4: transferred in, transferred out ------------------------------------------------------


def test_members_who_came_in_are_counted_and_those_who_left_are_not(tmp_path):
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN CHI BỘ SỞ TƯ PHÁP NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Xếp loại", "Ghi chú"],
        [1, "Lê Văn A", "HTXSNV", None],
        [2, "Lê Văn B", "HTTNV", "Chuyển sinh hoạt đến tháng 3/2019"],  # came in: counted
        [3, "Lê Văn C", "HTTNV", None],
        [4, "Lê Văn D", None, "Chuyển sinh hoạt đi tháng 6/2019"],  # left
        [5, "Lê Văn Đ", None, "Chuyển sinh hoạt đến Đảng bộ huyện Gio Linh"],  # went there: left
        ["II", "ĐẢNG VIÊN CHUYỂN SINH HOẠT ĐẾN TRONG NĂM", None, None],  # a section of arrivals
        [6, "Lê Văn E", "HTTNV", "Từ Đảng bộ Công an tỉnh"],
        [7, "Lê Văn G", "HTNV", "Từ Chi bộ Sở Y tế"],
    ]
    result = run("classify", make_xlsx(tmp_path / "den.xlsx", {"DS": rows}), "--format", "csv")
    assert tiers(ok(result), 2019, "members") == {
        "total": 5,
        "rated": 5,
        "top": 1,
        "good": 3,
        "pass": 1,
        "good_or_better": 4,
    }
    assert "2 member(s) who left" in result.stderr


def test_says_left_reads_the_direction_of_a_transfer(scales):
    assert scales.says_left("Chuyển sinh hoạt đi 10/2019")
    assert scales.says_left("Chuyển sinh hoạt")  # said alone, in a rating cell: the member is gone
    assert scales.says_left("Chuyển sinh hoạt đến Đảng bộ huyện Gio Linh")
    assert scales.says_left("Từ trần ngày 20/11/2019")
    assert not scales.says_left("Chuyển sinh hoạt đến tháng 3/2019")
    assert not scales.says_left("Chuyen sinh hoat den")  # typed without diacritics
    assert not scales.says_left("III. ĐẢNG VIÊN CHUYỂN SINH HOẠT ĐẾN TRONG NĂM")
    assert not scales.says_left("Chuyển SH về từ Đảng bộ Công an tỉnh")


def test_a_transfer_in_written_as_the_rating_is_an_unknown_label_not_a_member_who_left(tmp_path):
    rows = [
        ["DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        [1, "Lê Văn A", "Chi bộ Văn phòng", "HTTNV"],
        [2, "Lê Văn B", "Chi bộ Văn phòng", "Chuyển sinh hoạt đến"],
    ]
    result = run("classify", make_xlsx(tmp_path / "den.xlsx", {"DS": rows}), "--format", "csv")
    assert result.exit_code == 2
    assert "Chuyển sinh hoạt đến" in result.stderr and "left" not in result.stderr


# -- A13: totals rows and names that start with "Cộng" ----------------------------------------


def test_an_organisation_named_cong_dong_is_an_organisation(tmp_path):
    rows = [
        ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        ["I", "KHỐI DOANH NGHIỆP", None],
        [1, "Công ty Xổ số kiến thiết tỉnh", "HTTNV"],
        [2, "Tổng công ty Đầu tư và Phát triển hạ tầng", "HTXSNV"],
        [3, "Cộng đồng doanh nghiệp trẻ", "HTNV"],
    ]
    out = ok(run("classify", make_xlsx(tmp_path / "u.xlsx", {"2019": rows}), "--format", "csv"))
    assert tiers(out, 2019, "units") == THREE


def test_a_counts_form_with_a_cong_dong_row_and_a_cong_colon_subtotal(tmp_path):
    rows = [
        ["THỐNG KÊ XẾP LOẠI ĐẢNG VIÊN NĂM 2019"],
        [],
        ["STT", "Tên tổ chức cơ sở đảng", "Tổng số đảng viên", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ Sở Tư pháp", 10, 2, 7, 1, 0],
        [2, "Cộng đồng doanh nghiệp trẻ", 6, 1, 4, 1, 0],
        [None, "Cộng: Khối doanh nghiệp", 16, 3, 11, 2, 0],
        [None, "Tổng cộng", 16, 3, 11, 2, 0],
    ]
    result = run("classify", make_xlsx(tmp_path / "sl.xlsx", {"Biểu 1": rows}), "--format", "csv")
    assert tiers(ok(result), 2019, "members") == {
        "total": 16,
        "rated": 16,
        "top": 3,
        "good": 11,
        "pass": 2,
        "good_or_better": 14,
    }
    assert "totals row says" not in result.stderr  # both totals rows add up


def test_a_member_named_cong_is_a_member_by_either_reader(tmp_path, monkeypatch):
    rows = [
        ["Họ tên đảng viên", "Đơn vị", "Năm", "Kết quả xếp loại"],
        ["Tống Công Thành", "Chi bộ Sở Y tế", 2020, "HTTNV"],
        ["Cộng Văn Đức", "Chi bộ Sở Y tế", 2020, "HTTNV"],
        ["Nguyễn Thị Mai", "Chi bộ Sở Y tế", 2020, "HTXSNV"],
        ["Cộng:", "", "", ""],
    ]
    path = str(make_csv(tmp_path / "ds.csv", rows))
    assert read_by_columns(path, monkeypatch) is not None  # the column reader takes it: both readers are compared
    results = []
    for threshold in (0, 1 << 60):
        monkeypatch.setattr(columnar, "MIN_BYTES", threshold)
        results.append(classify_paths([path]))
    pd.testing.assert_frame_equal(results[0], results[1])
    got = results[1].query("year == 2020 and subject == 'members'").set_index("category")["count"]
    assert (got["total"], got["top"], got["good"]) == (3, 1, 2)


# -- C5: a rating merged down over several members --------------------------------------------


def test_a_rating_merged_over_members_is_each_members_rating_with_a_warning(tmp_path):
    """Issue 18 (redteam5 MG): a rating merged down over rows is what the sheet shows for each of
    them – read on every row it spans, with a warning naming the merge (it was an error before)."""
    rows = [
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN CHI BỘ VĂN PHÒNG NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        [1, "Nguyễn Văn A", "Chi bộ Văn phòng", "HTXSNV"],
        [2, "Nguyễn Văn B", "Chi bộ Văn phòng", "HTTNV"],
        [3, "Nguyễn Văn C", "Chi bộ Văn phòng", None],
        [4, "Nguyễn Văn D", "Chi bộ Văn phòng", "HTNV"],
    ]
    path = make_xlsx(tmp_path / "gop.xlsx", {"DS": rows}, merges={"DS": ["D5:D6"]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # A HTXSNV, B and C HTTNV (merged), D HTNV
    assert (got[(2019, "members", "top")], got[(2019, "members", "good")], got[(2019, "members", "pass")]) == (1, 2, 1)
    assert "merged range(s): D5:D6" in result.stderr


def test_the_blank_member_rating_error_without_a_merge_is_unchanged(tmp_path):
    rows = [
        ["DANH SÁCH NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        [1, "Nguyễn Văn A", "Chi bộ Văn phòng", "HTXSNV"],
        [2, "Nguyễn Văn B", "Chi bộ Văn phòng", None],
    ]
    result = run("classify", make_xlsx(tmp_path / "blank.xlsx", {"DS": rows}), "--format", "csv")
    assert result.exit_code == 2 and "the rating is blank" in result.stderr and "merged" not in result.stderr


def test_errors_are_input_errors_not_tracebacks(tmp_path):
    rows = [
        ["DANH SÁCH NĂM 2019"],
        [],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        [1, "Nguyễn Văn A", "Chi bộ Văn phòng", "HTXSNV"],
        [2, "Nguyễn Văn B", "Chi bộ Văn phòng", None],
    ]
    path = make_xlsx(tmp_path / "blank.xlsx", {"DS": rows})
    with pytest.raises(InputError, match="the rating is blank"):
        classify_paths([str(path)])
