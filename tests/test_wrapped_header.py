"""A header whose words wrap onto the row under it, with no merged cell (a PDF turned back into
Excel, a header typed with line breaks and split by a converter): both rows are the header, read
by the joined words. A row of data under a header is never taken for the rest of its words.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from ccq_stats.reading.grid import Sheet
from ccq_stats.reading.header import find_header
from ccq_stats.vocabulary.scales import load_scales
from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

ROWS = [
    ["CHI BỘ TRƯỜNG THPT BẾN ĐÌNH"],
    ["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
    ["Số", "Họ và", "Ngày vào", "Kết quả"],
    ["TT", "tên đảng viên", "Đảng", "xếp loại"],
    [1, "Giàng Thị Mỷ", "03/02/2015", "HTXSNV"],
    [2, "Lò Văn Sáu", "19/05/2009", "HTTNV"],
    [3, "Mùa A Páo", "01/09/2018", "HTTNV"],
    [4, "Sùng Thị Dế", "12/12/2012", "HTNV"],
    [5, "Vàng Văn Chư", "20/10/1975", "Miễn đánh giá"],
]


def test_a_header_wrapped_onto_the_next_row_is_both_rows(tmp_path):
    path = make_xlsx(tmp_path / "chi_bo.xlsx", {"Sheet1": ROWS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, "members") and n}
    # 5 members: 1 top, 2 good, 1 pass, 1 exempt; the header's second row is no member
    assert found == {"total": 5, "exempt": 1, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}


def test_the_joined_words_decide_the_columns():
    header = find_header(Sheet("x.xlsx", "Sheet1", ROWS), load_scales())
    assert (header.first_row, header.last_row) == (2, 3)
    assert [(c.index, c.role) for c in header.columns if c.role != "ignored"] == [
        (0, "seq"),
        (1, "member"),
        (3, "rating"),
    ]


def test_a_row_of_words_under_a_header_is_data_not_more_of_it():
    # the names and posts under "Họ và tên" | "Chức vụ" say nothing the header does not: data
    rows = [
        ["STT", "Họ và tên", "Chức vụ", "Xếp loại"],
        [None, "Lò Văn Sáu", "Bí thư", None],
        [1, "Mùa A Páo", "", "HTTNV"],
    ]
    header = find_header(Sheet("x.xlsx", "Sheet1", rows), load_scales())
    assert (header.first_row, header.last_row) == (0, 0)


def test_a_header_of_its_own_set_on_the_lower_row_is_part_of_it():
    # "STT" centred on the two rows lands on the lower one; "Họ và" / "tên" still wrap
    rows = [[None, "Họ và", "Năm", "Xếp loại"], ["STT", "tên", "sinh", None], [1, "Mùa A Páo", 1980, "HTTNV"]]
    header = find_header(Sheet("x.xlsx", "Sheet1", rows), load_scales())
    assert (header.first_row, header.last_row) == (0, 1)
    assert [(c.index, c.role) for c in header.columns] == [(0, "seq"), (1, "member"), (2, "birth"), (3, "rating")]


def test_a_section_heading_under_the_header_is_no_wrap():
    # one cell alone under the header: a section ("I. CÁC CHI BỘ CƠ SỞ" joined to "STT" would name organisations)
    rows = [["STT", "Họ và tên", "Chi bộ", "Xếp loại"], ["I. CÁC CHI BỘ CƠ SỞ"], [1, "Mùa A Páo", "Chi bộ A", "HTTNV"]]
    header = find_header(Sheet("x.xlsx", "Sheet1", rows), load_scales())
    assert (header.first_row, header.last_row) == (0, 0)
