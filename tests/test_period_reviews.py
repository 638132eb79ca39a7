"""A quarter's or the mid-year review beside the year-end rating is not the year's rating.

Offices keep the quarterly tiers ("Quý I … Quý IV" under "Xếp loại hằng quý") or the mid-year review
("Sơ kết giữa năm") beside the year's; the figures of the year count the year-end rating, and the
other columns are accounted for (inspect says why), not refused as a second rating.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

UNITS = [
    ["ĐẢNG ỦY KHỐI DOANH NGHIỆP - THEO DÕI XẾP LOẠI NĂM 2022"],
    ["STT", "Tên tổ chức cơ sở đảng", "Sơ kết giữa năm", "Xếp loại quý III", "Xếp loại năm 2022"],
    [1, "Đảng bộ Công ty Điện lực", "HTTNV", "HTXSNV", "HTXSNV"],
    [2, "Chi bộ Công ty Cấp nước", "HTNV", "HTTNV", "HTTNV"],
    [3, "Đảng bộ Công ty Xổ số", "HTTNV", "HTTNV", "HTTNV"],
    [4, "Chi bộ Công ty Môi trường", "KHTNV", "HTNV", "HTNV"],
]


def test_the_year_end_rating_counts_not_the_reviews_beside_it(tmp_path):
    path = make_xlsx(tmp_path / "quy.xlsx", {"2022": UNITS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2022, "units") and n}
    # by hand, the last column: top Điện lực; good Cấp nước, Xổ số; pass Môi trường
    assert found == {"total": 4, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}
    shown = run("inspect", str(path))
    assert shown.stdout.count("a quarterly or mid-year review") == 2, shown.stdout
