"""The number and date of the decision beside the rating ("Số quyết định", "Ngày quyết định") say
which decision rated, not how: not read, never a second rating column."""

from __future__ import annotations

from conftest import figures, make_xlsx, run


def test_decision_number_and_date_are_not_ratings(tmp_path):
    rows = [
        ["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2023"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Số quyết định", "Ngày quyết định"],
        [1, "Chi bộ Sở A", "HTXSNV", "215-QĐ/ĐUK", 45301],
        [2, "Chi bộ Sở B", "HTTNV", "216-QĐ/ĐUK", 45301],
        [3, "Chi bộ Sở C", "HTTNV", "217-QĐ/ĐUK", 45302],
    ]
    result = run("classify", make_xlsx(tmp_path / "qd.xlsx", {"Sheet1": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 1 HTXSNV, 2 HTTNV, in 2023 (the title), not 2024
    assert (got[(2023, "units", "top")], got[(2023, "units", "good")]) == (1, 2)
    inspected = run("inspect", tmp_path / "qd.xlsx").stdout
    assert "words '^số quyết định'" in inspected and "words '^ngày quyết định'" in inspected
