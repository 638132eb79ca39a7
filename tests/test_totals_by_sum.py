"""A totals row known by its figures: the last (or first) row of a table of member counts whose
every count is the sum of the other rows, with no organisation's name, is their total – skipped
with a warning – whatever its words; an organisation whose counts happen to be that sum is counted."""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

HEAD = [["XẾP LOẠI ĐẢNG VIÊN NĂM 2023"], ["Chi bộ", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]]
BODY = [["Chi bộ Văn phòng", 1, 6, 1, 0], ["Chi bộ khoa Nội", 1, 7, 5, 0], ["Chi bộ khoa Ngoại", 1, 12, 1, 1]]


@pytest.mark.parametrize("name", ["Overall", "", "Σ cộng dồn"])
def test_a_row_that_sums_the_others_is_their_total(tmp_path, name):
    rows = HEAD + BODY + [[name, 3, 25, 7, 1]]
    result = run("classify", make_xlsx(tmp_path / "p.xlsx", {"2023": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 3 + 25 + 7 + 1 = 36 members
    assert got[(2023, "members", "total")] == 36
    assert "is the sum of the other rows in every count column" in result.stderr


def test_a_total_on_top_is_their_total_too(tmp_path):
    rows = HEAD + [["Toàn bộ", 3, 25, 7, 1]] + BODY
    result = run("classify", make_xlsx(tmp_path / "t.xlsx", {"2023": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert figures(result.stdout)[(2023, "members", "total")] == 36


def test_an_organisation_with_as_many_as_the_others_is_counted(tmp_path):
    rows = HEAD + BODY + [["Chi bộ Trung tâm", 3, 25, 7, 1]]
    result = run("classify", make_xlsx(tmp_path / "o.xlsx", {"2023": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert figures(result.stdout)[(2023, "members", "total")] == 72
    assert "is the sum of the other rows" not in result.stderr
