"""Characters that show nothing change no label: a variation selector ("✔️" typed on a phone is
"✔" followed by U+FE0F, its emoji form), a direction mark or isolate copied from a web page, a word
joiner. A careful person sees the tick or the label; so does the reader, in every cell, both ways a
file is read. Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from ccq_stats.text import clean
from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential


def test_clean_drops_selectors_and_format_characters():
    assert clean("✔\ufe0f") == "✔"
    assert clean("✓\ufe0e") == "✓"
    assert clean("\u2066HTTNV\u2069") == "HTTNV"
    assert clean("Hoàn thành\u200e tốt nhiệm vụ") == "Hoàn thành tốt nhiệm vụ"
    assert clean("HT\u2060XSNV") == "HTXSNV"
    assert clean("\ufe0f") == ""
    assert clean("Nguyễn Văn An") == "Nguyễn Văn An"  # clean text stays as it is


HEAD = ["Họ và tên", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Miễn ĐG"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_emoji_ticks_are_ticks(tmp_path, kind):
    tick, text_tick = "✔\ufe0f", "✓\ufe0e"
    rows = [
        ["Chi bộ Phòng Tổng hợp - xếp loại đảng viên năm 2023"],
        HEAD,
        ["Trần Văn An", tick, None, None, None, None],
        ["Lê Thị Bình", None, tick, None, None, None],
        ["Phạm Văn Cường", None, text_tick, None, None, None],
        ["Đỗ Thị Dung", None, None, tick, None, None],
        ["Ngô Văn Em", None, None, None, None, tick],
    ]
    path = make_csv(tmp_path / "a.csv", rows) if kind == "csv" else make_xlsx(tmp_path / "a.xlsx", {"DV": rows})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    # by hand: An top, Bình and Cường good, Dung pass, Em exempt: 5 present, 4 rated
    assert {c: n for (y, s, c), n in got.items() if (y, s) == (2023, "members") and n} == {
        "total": 5,
        "exempt": 1,
        "rated": 4,
        "top": 1,
        "good": 2,
        "pass": 1,
        "good_or_better": 3,
    }


def test_labels_with_direction_marks_are_read(tmp_path):
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ Sở Tư pháp", "\u2066HTXSNV\u2069"],
        [2, "Chi bộ Sở Y tế", "Hoàn thành tốt\u200e nhiệm vụ"],
        [3, "Chi bộ Thanh tra tỉnh", "HT\u2060TNV"],
    ]
    result = run("classify", str(make_csv(tmp_path / "u.csv", rows)), "--format", "csv", "--year", "2022")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    assert (got[(2022, "units", "top")], got[(2022, "units", "good")], got[(2022, "units", "rated")]) == (1, 2, 3)
