"""A code column that mirrors the rating labels beside it is accounted for, not a second rating.

Database exports and hand-kept sheets put a code beside the label ("Mã XL" 1-4, "Mã xếp loại"
01-06). Where each code stands for one label and each label for one code, the labels are read and
the code column is ignored for a stated reason (inspect: codes that mirror the ratings). Every row
is checked: a row where the code and the label disagree stops the run naming the row, even far
down a long list. Codes that stand for two labels are no mirror: the refusal of two rating columns
stands. Counted by hand from the rows written here.
"""

from __future__ import annotations

import json

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

CODES = {"HTXSNV": "01", "HTTNV": "02", "HTNV": "03", "KHTNV": "04", "Miễn đánh giá": "05"}
RATINGS = ["HTTNV", "HTXSNV", "HTTNV", "Miễn đánh giá", "HTNV", "HTTNV", "KHTNV"]


def sheet(ratings: list[str], codes: dict = CODES) -> list[list]:
    rows = [["DANH SÁCH ĐẢNG VIÊN NĂM 2023"], ["STT", "Họ và tên", "Chi bộ", "Mã XL", "Xếp loại"]]
    return rows + [[i, f"Đảng viên Số {i}", "Chi bộ Phòng Hành chính", codes[r], r] for i, r in enumerate(ratings, 1)]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_the_label_is_read_and_the_code_accounted_for(tmp_path, kind):
    rows = sheet(RATINGS)
    path = make_xlsx(tmp_path / "a.xlsx", {"2023": rows}) if kind == "xlsx" else make_csv(tmp_path / "a.csv", rows)
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2023, "members") and n}
    # by hand: top 1, good 3, pass 1, fail 1, exempt 1
    assert found == {
        "total": 7,
        "exempt": 1,
        "rated": 6,
        "top": 1,
        "good": 3,
        "pass": 1,
        "fail": 1,
        "good_or_better": 4,
    }
    shown = json.loads(run("inspect", str(path), "--format", "json").stdout)
    column = next(c for table in shown for c in table["columns"] if c["header"] == "Mã XL")
    assert column["reason"] == "mirror" and column["detail"] == "Xếp loại"


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_row_where_code_and_label_disagree_is_named(tmp_path, kind):
    rows = sheet(RATINGS * 10)  # 70 members: the disagreement is far below the rows the plan looks at
    rows[2 + 65][3] = "01"  # member 66 (row 68) is HTXSNV by the code, HTTNV by the label
    assert rows[2 + 65][4] == "HTTNV"
    path = make_xlsx(tmp_path / "b.xlsx", {"2023": rows}) if kind == "xlsx" else make_csv(tmp_path / "b.csv", rows)
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2
    assert "row 68" in result.stderr and "Mã XL" in result.stderr and "'01'" in result.stderr


def test_codes_that_stand_for_two_labels_are_no_mirror(tmp_path):
    codes = dict(CODES, HTNV="02")  # 02 beside HTTNV and beside HTNV
    result = run("classify", str(make_xlsx(tmp_path / "c.xlsx", {"2023": sheet(RATINGS, codes)})), "--format", "csv")
    assert result.exit_code == 2 and "two rating columns" in result.stderr
