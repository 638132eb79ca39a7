"""Tables side by side on one sheet, the same header words over each (a table per khối, per chi
bộ, per year): each read as a table, with or without an empty column between, in .xlsx and CSV."""

from __future__ import annotations

from conftest import figures, make_csv, make_xlsx, run

LEFT = [["Chi bộ Sở A", "HTXSNV"], ["Chi bộ Sở B", "HTTNV"], ["Chi bộ Sở C", "HTTNV"]]
RIGHT = [["Chi bộ Sở D", "HTNV"], ["Chi bộ Sở E", "HTXSNV"], ["Chi bộ Sở F", "HTXSNV"], ["Chi bộ Sở G", "KHTNV"]]
HEAD = ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"]


def _rows(gap: bool, titles=("KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2022",)) -> list[list]:
    between = [None] if gap else []
    out = [list(titles[:1]) + [None] * (2 + len(between)) + list(titles[1:])]
    out.append(HEAD + between + HEAD)
    for k in range(max(len(LEFT), len(RIGHT))):
        left = [k + 1, *LEFT[k]] if k < len(LEFT) else [None, None, None]
        right = [k + 1, *RIGHT[k]] if k < len(RIGHT) else [None, None, None]
        out.append(left + between + right)
    return out


def test_two_tables_with_an_empty_column_between_are_both_read(tmp_path):
    result = run("classify", make_xlsx(tmp_path / "a.xlsx", {"KQ": _rows(True)}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 3 + 4 organisations; 3 HTXSNV, 2 HTTNV, 1 HTNV, 1 KHTNV
    assert got[(2022, "units", "total")] == 7
    assert (got[(2022, "units", "top")], got[(2022, "units", "good")]) == (3, 2)
    assert (got[(2022, "units", "pass")], got[(2022, "units", "fail")]) == (1, 1)
    assert "2 tables side by side (columns A-D, E-…)" in result.stderr


def test_two_tables_with_no_column_between_are_both_read(tmp_path):
    for path in (make_xlsx(tmp_path / "b.xlsx", {"KQ": _rows(False)}), make_csv(tmp_path / "b.csv", _rows(False))):
        result = run("classify", path, "--format", "csv")
        assert result.exit_code == 0, result.stderr
        assert figures(result.stdout)[(2022, "units", "total")] == 7


def test_each_table_takes_the_year_over_it(tmp_path):
    rows = _rows(True, titles=("KẾT QUẢ XẾP LOẠI NĂM 2022", "KẾT QUẢ XẾP LOẠI NĂM 2023"))
    result = run("classify", make_xlsx(tmp_path / "c.xlsx", {"KQ": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    assert got[(2022, "units", "total")] == 3
    assert got[(2023, "units", "total")] == 4


def test_a_header_that_does_not_repeat_is_one_table(tmp_path):
    rows = [["KẾT QUẢ XẾP LOẠI NĂM 2022"], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Ghi chú"]]
    rows += [[k + 1, *LEFT[k], None] for k in range(len(LEFT))]
    result = run("classify", make_xlsx(tmp_path / "d.xlsx", {"KQ": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "side by side" not in result.stderr


def test_ratings_beyond_an_empty_column_under_another_header_stop_the_run(tmp_path):
    # not the same header (so not read as a table), not a summary (tiers repeat): never dropped in silence
    rows = [["KẾT QUẢ XẾP LOẠI NĂM 2022", None, None, None, None, None], [*HEAD, None, "Đơn vị", "Kết quả"]]
    rows += [[k + 1, *LEFT[k], None, RIGHT[k][0], RIGHT[k][1]] for k in range(len(LEFT))]
    result = run("classify", make_xlsx(tmp_path / "e.xlsx", {"KQ": rows}), "--format", "csv")
    assert result.exit_code == 2
    assert "column F ('Kết quả') holds rating labels" in result.stderr
