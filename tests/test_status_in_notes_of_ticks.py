"""A member list ticked under the tiers: a member ticked nowhere, "Miễn đánh giá" in Ghi chú, is
exempt – the notes say why there is no tick; a tier written in the notes is still never left unread."""

from __future__ import annotations

from conftest import figures, make_xlsx, run

HEAD = ["STT", "Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Ghi chú"]


def _rows(note: str) -> list[list]:
    return [
        ["KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN CHI BỘ VĂN PHÒNG NĂM 2022"],
        HEAD,
        [1, "Nguyễn Văn A", "x", None, None, None, None],
        [2, "Nguyễn Văn B", None, "x", None, None, None],
        [3, "Nguyễn Văn C", None, "x", None, None, None],
        [4, "Nguyễn Văn D", None, None, None, None, note],
    ]


def test_a_status_in_the_notes_of_a_member_ticked_nowhere(tmp_path):
    result = run("classify", make_xlsx(tmp_path / "n.xlsx", {"DS": _rows("Miễn đánh giá")}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 4 members, 1 exempt, 1 HTXSNV, 2 HTTNV
    assert (got[(2022, "members", "total")], got[(2022, "members", "exempt")]) == (4, 1)
    assert (got[(2022, "members", "top")], got[(2022, "members", "good")]) == (1, 2)


def test_a_tier_in_the_notes_still_stops(tmp_path):
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"DS": _rows("HTNV")}), "--format", "csv")
    assert result.exit_code == 2
