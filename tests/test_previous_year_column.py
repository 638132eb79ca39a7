"""Last year's rating beside this year's is another year, not a second rating.

A list of one year often carries the year before for comparison. Where the header writes the year
("Năm trước (2020)" | "Năm nay (2021)") each column is the rating of its year, as "Năm 2020" is;
where it does not ("Xếp loại năm trước" beside "Xếp loại" on a sheet titled 2019) the column that
says "năm trước" is the year before the table's, and a warning says so (a weak signal: the year is
the title's, less one). Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

NAMES = ["Chi bộ Sở Nội vụ", "Chi bộ Sở Y tế", "Đảng bộ Công an tỉnh", "Chi bộ Báo tỉnh", "Chi bộ Sở Tư pháp"]
BEFORE = ["HTXSNV", "HTTNV", "HTTNV", "HTNV", "HTTNV"]
NOW = ["HTTNV", "HTXSNV", "HTXSNV", "HTXSNV", "KHTNV"]


def tiers(out: str, year: int) -> dict[str, int]:
    return {c: n for (y, s, c), n in figures(out).items() if (y, s) == (year, "units") and n}


def read(path) -> tuple[str, str]:
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


# by hand: the year before – top Nội vụ; good Y tế, Công an, Tư pháp; pass Báo
LAST_YEAR = {"total": 5, "rated": 5, "top": 1, "good": 3, "pass": 1, "good_or_better": 4}
# this year – top Y tế, Công an, Báo; good Nội vụ; fail Tư pháp
THIS_YEAR = {"total": 5, "rated": 5, "top": 3, "good": 1, "fail": 1, "good_or_better": 4}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_previous_year_without_its_year_is_the_title_year_less_one(tmp_path, kind):
    rows = [
        ["XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2020"],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại năm trước", "Xếp loại"],
    ]
    rows += [[i, n, b, t] for i, (n, b, t) in enumerate(zip(NAMES, BEFORE, NOW), 1)]
    path = make_xlsx(tmp_path / "a.xlsx", {"Sheet1": rows}) if kind == "xlsx" else make_csv(tmp_path / "a.csv", rows)
    out, err = read(path)
    assert tiers(out, 2019) == LAST_YEAR and tiers(out, 2020) == THIS_YEAR
    assert "Xếp loại năm trước" in err and "2019" in err  # the weak signal is said


def test_relative_years_with_the_year_in_brackets(tmp_path):
    rows = [["SO SÁNH XẾP LOẠI"], ["TT", "Tên TCCS đảng", "Năm trước (2020)", "Năm nay (2021)", "Tăng/giảm"]]
    rows += [[i, n, b, t, ""] for i, (n, b, t) in enumerate(zip(NAMES, BEFORE, NOW), 1)]
    out, _err = read(make_xlsx(tmp_path / "b.xlsx", {"So sanh": rows}))
    assert tiers(out, 2020) == LAST_YEAR and tiers(out, 2021) == THIS_YEAR


def test_two_undated_ratings_without_the_previous_year_word_are_still_refused(tmp_path):
    rows = [["XẾP LOẠI NĂM 2020"], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại", "Kết quả xếp loại"]]
    rows += [[i, n, b, t] for i, (n, b, t) in enumerate(zip(NAMES, BEFORE, NOW), 1)]
    result = run("classify", str(make_xlsx(tmp_path / "c.xlsx", {"Sheet1": rows})), "--format", "csv")
    assert result.exit_code == 2 and "two rating columns" in result.stderr
