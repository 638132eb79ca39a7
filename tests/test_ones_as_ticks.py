"""An export's booleans: a 1 under the member's tier and 0 under the others on every row is the
tick, with a warning; a row with another number is no tick (the blank-rating error stands)."""

from __future__ import annotations

from conftest import figures, make_csv, run

HEAD = ["Họ và tên", "Chi bộ", "Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def test_one_among_zeros_is_the_tick(tmp_path):
    rows = [
        HEAD,
        ["Nguyễn Văn A", "Chi bộ X", 2021, 1, 0, 0, 0],
        ["Nguyễn Văn B", "Chi bộ X", 2021, 0, 1, 0, 0],
        ["Nguyễn Văn C", "Chi bộ X", 2021, 0, 1, 0, 0],
        ["Nguyễn Văn D", "Chi bộ X", 2021, 0, 0, 0, 1],
    ]
    result = run("classify", make_csv(tmp_path / "t.csv", rows, delimiter="\t"), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 1 HTXSNV, 2 HTTNV, 1 KHTNV
    assert (got[(2021, "members", "top")], got[(2021, "members", "good")], got[(2021, "members", "fail")]) == (1, 2, 1)
    assert "each 1 read as the member's tick" in result.stderr


def test_another_number_is_no_tick(tmp_path):
    rows = [
        HEAD,
        ["Nguyễn Văn A", "Chi bộ X", 2021, 1, 0, 0, 0],
        ["Nguyễn Văn B", "Chi bộ X", 2021, 0, 2, 0, 0],
        ["Nguyễn Văn C", "Chi bộ X", 2021, 0, 1, 0, 0],
    ]
    result = run("classify", make_csv(tmp_path / "n.csv", rows, delimiter="\t"), "--format", "csv")
    assert result.exit_code == 2
    assert "read as the member's tick" not in result.stderr
