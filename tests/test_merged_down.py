"""A rating written once and merged down over the rows of its tier is the rating of every row it
spans (the sheet shows it so), with a warning naming the merged ranges; the grid keeps the value
in the top cell only in every format (.xlsx here; .ods and .xls: redteam5 mg02, mg03)."""

from __future__ import annotations

from conftest import figures, make_xlsx, run


def test_units_sorted_by_tier_with_the_rating_merged_down(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ Sở A", "HTXSNV"],
        [2, "Chi bộ Sở B", None],
        [3, "Chi bộ Sở C", "HTTNV"],
        [4, "Chi bộ Sở D", None],
        [5, "Chi bộ Sở E", None],
        [6, "Chi bộ Sở F", "HTNV"],
    ]
    path = make_xlsx(tmp_path / "m.xlsx", {"2020": rows}, merges={"2020": ["C3:C4", "C5:C7"]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 2 HTXSNV, 3 HTTNV, 1 HTNV
    assert (got[(2020, "units", "top")], got[(2020, "units", "good")], got[(2020, "units", "pass")]) == (2, 3, 1)
    assert "2 merged range(s): C3:C4, C5:C7" in result.stderr


def test_a_merge_in_another_column_fills_no_rating(tmp_path):
    rows = [
        ["DANH SÁCH NĂM 2020"],
        ["STT", "Họ và tên", "Chi bộ", "Xếp loại"],
        [1, "Nguyễn Văn A", "Chi bộ Văn phòng", "HTXSNV"],
        [2, "Nguyễn Văn B", None, None],
    ]
    result = run("classify", make_xlsx(tmp_path / "n.xlsx", {"DS": rows}, merges={"DS": ["C3:C4"]}))
    assert result.exit_code == 2
    assert "the rating is blank" in result.stderr


def test_a_name_on_two_lines_with_its_rating_merged_over_both_is_one_row(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ Trường Chính", "HTXSNV"],
        [None, "trị tỉnh", None],
        [2, "Chi bộ Sở B", "HTTNV"],
    ]
    merges = {"2020": ["A3:A4", "C3:C4"]}
    result = run("classify", make_xlsx(tmp_path / "w.xlsx", {"2020": rows}, merges=merges), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # two organisations, not three
    assert (got[(2020, "units", "total")], got[(2020, "units", "top")]) == (2, 1)
    assert "merged down" not in result.stderr
