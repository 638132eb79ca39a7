"""The size of a file never changes a figure (issue 18): every file of the layout corpus, and
every file the red-team tests read, is read as it is and again with the large-file path forced
(the test hook ``by_columns.MIN_BYTES_ENV`` set to 0: every plain list, however small, is read by
columns), with and without a --scales file that adds a totals word and a notes header
(tests/data/differential/more_words.toml). The output, the warnings and the errors must be the
same bytes. Which path a file takes may depend on its layout, never on its size; the test counts
the files the column path kept, so that it is never a comparison of the row reader with itself.
"""

from __future__ import annotations

import tomllib

from conftest import ROOT
from differential import both_ways

LAYOUTS = ROOT / "tests" / "data" / "layouts"
CASES = tomllib.loads((LAYOUTS / "cases.toml").read_text(encoding="utf-8"))["cases"]
# the modules of hand-built layouts (the red-team testers' and issue 9's classes): every reading
# command they run is compared both ways (the differential mark)
RED_TEAM = [
    "tests/test_column_roles.py",
    "tests/test_count_forms.py",
    "tests/test_table_structure.py",
    "tests/test_reading_classes.py",
]


def _report(entries: list[dict]) -> str:
    return "\n\n".join(
        f"{e.get('test', '')} {' '.join(e['args'])}\n{e['difference']}" for e in entries if not e["same"]
    )


def test_every_layout_reads_alike_by_rows_and_by_columns():
    entries = []
    for name, case in sorted(CASES.items()):
        entries += both_ways(["classify", str(LAYOUTS / "files" / name), *case["args"], "--format", "csv"])
    assert not _report(entries), _report(entries)
    # the corpus's plain member lists in CSV go down the column path when forced
    assert sum(e["by_columns"] for e in entries) > 0


# The red-team tests compare every reading command they run both ways themselves: their modules are
# marked ``differential`` (conftest.py's ``_differential`` fixture fails a test whose runs differ).
# Here: that comparison can fail, and it does take the column path.


def test_the_comparison_sees_a_column_reader_that_loses_a_row(tmp_path, monkeypatch):
    from ccq_stats.reading import by_columns
    from conftest import make_csv

    path = make_csv(tmp_path / "dang_vien.csv", [HEAD] + _members())
    same = both_ways(["classify", str(path), "--format", "csv"])
    assert all(e["same"] for e in same) and sum(e["by_columns"] for e in same) > 0, same
    real = by_columns.read

    def loses_a_row(*args, **kwargs):
        frame = real(*args, **kwargs)
        return None if frame is None else frame.iloc[1:]

    monkeypatch.setattr(by_columns, "read", loses_a_row)
    broken = both_ways(["classify", str(path), "--format", "csv"])
    assert not broken[0]["same"] and "--- stdout" in broken[0]["difference"]


def test_the_red_team_modules_are_compared_both_ways():
    for name in RED_TEAM:
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "pytestmark = pytest.mark.differential" in text, name


# -- plain member lists, where the column path is taken: each rule both readers apply -----------

HEAD = ["Số thẻ đảng viên", "Họ và tên", "Chi bộ", "Năm", "Xếp loại"]
LABELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV", "Hoàn thành tốt nhiệm vụ"]


def _members(n=12, year=2019):
    return [[f"{i:09d}", f"Đảng viên {i}", f"Chi bộ {'AB'[i % 2]}", year, LABELS[i % len(LABELS)]] for i in range(n)]


def _notes(header, notes):
    """A member list with a notes column headed ``header``, ``notes`` {row: (rating, note)}."""
    rows = [r + [""] for r in _members()]
    for i, (rating, note) in notes.items():
        rows[i][4], rows[i][5] = rating, note
    return [HEAD + [header]] + rows


PLAIN = {
    "plain": [HEAD] + _members(),
    "title": [["DANH SÁCH ĐẢNG VIÊN NĂM 2019"], []] + [HEAD[:3] + HEAD[4:]] + [r[:3] + r[4:] for r in _members()],
    "totals": [HEAD] + _members() + [["", "Tổng cộng", "", "", ""]],
    "totals_word_of_the_user": [HEAD] + _members() + [["", "Gộp chung", "", "", ""]],
    "subtotal": [HEAD] + _members(6) + [["", "Cộng chi bộ A", "", "", ""]] + _members(6)[1:],
    "totals_in_column_a": [HEAD] + _members() + [["Tổng số", "", "", "", ""]],
    "left_in_the_rating_cell": [HEAD] + _members()[:5] + [["000000099", "Đảng viên 99", "Chi bộ A", 2019, "Từ trần"]],
    "left_in_notes": _notes(
        "Ghi chú", {2: ("", "Từ trần ngày 20/11"), 4: ("Miễn đánh giá", "Chuyển sinh hoạt đi 10/2019")}
    ),
    "left_in_a_notes_column_of_the_user": _notes("Diễn biến", {3: ("Miễn đánh giá", "Từ trần"), 5: ("", "Xóa tên")}),
    "left_in_another_column": _notes("Chức vụ", {3: ("Miễn đánh giá", "Từ trần")}),
    "arrived_in_notes": _notes("Ghi chú", {3: ("HTTNV", "Chuyển sinh hoạt đến tháng 3/2019")}),
    "section_of_members_who_left": [HEAD] + _members(6) + [["", "", "ĐẢNG VIÊN ĐÃ CHUYỂN ĐI", "", ""]] + _members(3),
    "section_kinds": [HEAD]
    + [["", "", "I. CÁC ĐẢNG BỘ CƠ SỞ", "", ""]]
    + _members(4)
    + [["", "", "II. CÁC CHI BỘ TRỰC THUỘC", "", ""]]
    + _members(4),
    "signature": [HEAD] + _members() + [[], ["", "Người lập biểu", "", "", ""], ["", "Nguyễn Văn A", "", "", ""]],
    "blank_rating": [HEAD] + _members(4) + [["000000050", "Đảng viên 50", "Chi bộ A", 2019, ""]],
    "bad_year": [HEAD] + _members(4) + [["000000050", "Đảng viên 50", "Chi bộ A", "19", "HTTNV"]],
    "unknown_label": [HEAD] + _members(4) + [["000000050", "Đảng viên 50", "Chi bộ A", 2019, "Khá"]],
    "twice": [HEAD] + _members(4) + _members(4)[:1],
}


def _csv(path, rows):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def test_plain_lists_read_alike_by_rows_and_by_columns(tmp_path):
    entries = []
    for name, rows in PLAIN.items():
        entries += both_ways(["classify", str(_csv(tmp_path / f"{name}.csv", rows)), "--format", "csv"])
    # a quote opened by mistake: the rows under it would be one cell
    text = "\r\n".join(",".join(str(v) for v in r) for r in [HEAD] + _members())
    stray = tmp_path / "stray_quote.csv"
    stray.write_text(text.replace("Đảng viên 3", '"Đảng viên 3', 1) + '\r\n"\r\n', encoding="utf-8")
    long_cell = tmp_path / "long_cell.csv"
    long_cell.write_text(text.replace("Đảng viên 3", '"Đảng viên 3' + "\n-" * 25 + '"', 1), encoding="utf-8")
    swallowed = tmp_path / "swallowed_row.csv"  # the rating's quote takes the next row in; every row as wide
    lines = text.split("\r\n")
    head, rating = lines[3].rsplit(",", 1)
    lines[3], lines[4] = f'{head},"{rating}', lines[4] + '"'
    swallowed.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    apart = tmp_path / "two_cells_of_lines.csv"  # a name over two lines above: the text's line is said apart
    apart.write_text(
        text.replace("Đảng viên 1", '"Đảng viên\n1"', 1).replace("Đảng viên 6", '"Đảng viên 6' + "\n-" * 22 + '"', 1),
        encoding="utf-8",
    )
    for path in (stray, long_cell, swallowed, apart):
        entries += both_ways(["classify", str(path), "--format", "csv"])
    assert not _report(entries), _report(entries)
    assert sum(e["by_columns"] for e in entries) >= len(PLAIN)  # most of them take the column path
