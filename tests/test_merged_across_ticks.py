"""In a list ticked under the tiers, a cell merged across the tick columns that holds a status
("Chưa xếp loại (thành lập tháng 10/2023)": the reason in brackets) is that organisation's status."""

from __future__ import annotations

from conftest import figures, make_xlsx, run


def test_a_status_merged_across_the_tick_columns(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ Sở A", "x", None, None, None],
        [2, "Chi bộ Sở B", None, "x", None, None],
        [3, "Chi bộ Sở F", None, None, "x", None],
        [4, "Chi bộ Sở G", None, "x", None, None],
        [5, "Chi bộ Sở H", None, None, None, "x"],
        [6, "Chi bộ Sở C", "Chưa xếp loại (thành lập tháng 10/2023)", None, None, None],
        [7, "Chi bộ Sở D", None, "x", None, None],
        [8, "Chi bộ Sở E", None, None, "x", None],
    ]
    path = make_xlsx(tmp_path / "t.xlsx", {"2023": rows}, merges={"2023": ["C8:F8"]})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 8 units, 1 not rated (C), 1 HTXSNV, 3 HTTNV, 2 HTNV, 1 KHTNV
    assert got[(2023, "units", "total")] == 8
    assert got[(2023, "units", "not_rated")] == 1
    assert [got[(2023, "units", t)] for t in ("top", "good", "pass", "fail")] == [1, 3, 2, 1]


def test_text_in_one_unmerged_tick_cell_is_still_an_error(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        ["STT", "Tên tổ chức cơ sở đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        [1, "Chi bộ Sở A", "x", None, None, None],
        [2, "Chi bộ Sở B", None, "x", None, None],
        [3, "Chi bộ Sở C", "Chưa xếp loại (thành lập tháng 10/2023)", None, None, None],
    ]
    result = run("classify", make_xlsx(tmp_path / "u.xlsx", {"2023": rows}), "--format", "csv")
    assert result.exit_code == 2
