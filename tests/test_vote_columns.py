"""Votes per tier beside the result ("Số phiếu …" over "HTXSNV | HTTNV …") are ballots cast by a
meeting, not members: never read as member counts; the result column is the rating."""

from __future__ import annotations

from conftest import figures, make_xlsx, run


def _sheet(over: str) -> list[list]:
    # counted by hand: results 2 HTXSNV, 1 HTTNV, 1 HTNV; the votes (9 a row) are 36 ballots
    return [
        ["KẾT QUẢ BIỂU QUYẾT XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"],
        ["STT", "Tên tổ chức cơ sở đảng", over, None, None, None, "Quyết định xếp loại"],
        [None, None, "HTXSNV", "HTTNV", "HTNV", "KHTNV", None],
        [1, "Chi bộ Sở A", 8, 1, 0, 0, "HTXSNV"],
        [2, "Chi bộ Sở B", 7, 2, 0, 0, "HTXSNV"],
        [3, "Chi bộ Sở C", 1, 8, 0, 0, "HTTNV"],
        [4, "Chi bộ Sở D", 0, 2, 7, 0, "HTNV"],
    ]


def test_votes_under_a_merged_header_are_not_members(tmp_path):
    for i, over in enumerate(("Số phiếu biểu quyết", "Kết quả kiểm phiếu")):
        path = make_xlsx(tmp_path / f"v{i}.xlsx", {"BQ": _sheet(over)}, merges={"BQ": ["C2:F2"]})
        result = run("classify", path, "--format", "csv")
        assert result.exit_code == 0, result.stderr
        got = figures(result.stdout)
        assert not any(subject == "members" for _y, subject, _c in got), over
        assert got[(2021, "units", "top")] == 2
        assert got[(2021, "units", "good")] == 1
        assert got[(2021, "units", "pass")] == 1


def test_inspect_says_why_vote_columns_are_not_read(tmp_path):
    path = make_xlsx(tmp_path / "v.xlsx", {"BQ": _sheet("Số phiếu biểu quyết")}, merges={"BQ": ["C2:F2"]})
    result = run("inspect", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("not members") == 4
