"""The column fitter of the Word tables (write/measure.py): short labels kept on one line, the
table within its room, columns alike given one width (issue 19: "Đảng / bộ cơ / sở")."""

from ccq_stats.write.measure import fit_columns, width_mm

HEADER = ["Tổ chức", "Loại", "2018", "2019", "Số năm liền"]
NAMES = [
    "Đảng bộ Văn phòng Tỉnh ủy",
    "Chi bộ Ngân hàng Chính sách xã hội tỉnh",
    "Đảng bộ Sở Kế hoạch và Đầu tư",
    "Chi bộ Trung tâm Phục vụ hành chính công",
    "Chi bộ Hội Văn học nghệ thuật tỉnh",
]
ROWS = [
    [name, "Đảng bộ cơ sở" if name.startswith("Đảng") else "Chi bộ cơ sở", "HTXSNV, TSVM tiêu biểu", "HTTNV", "3"]
    for name in NAMES
]


def test_a_column_of_short_labels_stays_on_one_line_and_the_table_fits():
    widths = fit_columns(HEADER, ROWS, room=120, pad=3, size=10)
    assert abs(sum(widths) - 120) < 0.01
    # "Đảng bộ cơ sở" on one line: its width (measured by hand in Times metrics) plus the padding
    assert widths[1] >= width_mm("Đảng bộ cơ sở", 10) + 3
    # the name column wraps (its longest name is wider than the page allows it), never to one word a line
    assert widths[0] < width_mm(NAMES[1], 10) + 3
    assert widths[0] >= width_mm("Chi bộ Ngân hàng", 10) + 3


def test_columns_alike_get_one_width():
    rows = [r[:3] + [r[2], r[4]] for r in ROWS]  # 2019 holds what 2018 holds
    widths = fit_columns(HEADER, rows, room=110, pad=3, size=10)
    assert abs(widths[2] - widths[3]) < 0.01


def test_where_even_the_widest_words_do_not_fit_the_least_widths_come_back():
    widths = fit_columns(HEADER, ROWS, room=40, pad=3, size=10)
    assert sum(widths) > 40
    # each column its widest word (the header's in bold) and no more
    assert abs(widths[3] - (max(width_mm("2019", 10, bold=True), width_mm("HTTNV", 10)) + 3)) < 0.01
    assert abs(widths[1] - (max(width_mm("Loại", 10, bold=True), width_mm("Đảng", 10)) + 3)) < 0.01


def _lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """Words wrapped greedily at ``width`` mm, as a word processor wraps them."""
    lines, line = 0, ""
    for word in text.split():
        if line and width_mm(f"{line} {word}", size, bold=bold) <= width:
            line = f"{line} {word}"
        else:
            lines, line = lines + 1, word
    return lines


def test_a_narrow_column_of_figures_keeps_its_header_to_three_lines():
    """Issue 19: "Số năm đạt mức cao nhất" one word a line (six lines) over a column of "1", "2"
    in the 2019 report; given the room, three lines at most, never a word broken."""
    header = ["Tổ chức", "Loại", "2018", "2019", "Số năm đạt mức cao nhất", "Số năm liền"]
    rows = [[name, "Chi bộ cơ sở", "HTXSNV, TSVM tiêu biểu", "HTTNV", "2", "1"] for name in NAMES] * 8
    widths = fit_columns(header, rows, room=165, pad=3, size=10)
    assert abs(sum(widths) - 165) < 0.01
    for text, width in zip(header, widths):
        assert _lines(text, width - 3, 10, bold=True) <= 3, (text, width)
        assert width - 3 >= max(width_mm(w, 10, bold=True) for w in text.split())
    assert widths[1] >= width_mm("Chi bộ cơ sở", 10) + 3  # the short labels still on one line
