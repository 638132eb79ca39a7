"""One row per organisation with its own tier ticked AND its members' counts under the same labels.

"Xếp loại tổ chức đảng" over HTXSNV … KHTNV with an "x", then "Số đảng viên" over the same four
labels with numbers: the tick is the organisation's tier, the numbers its members' counts. Both
are read; the numbers are never left in silence because the row has a tick.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

ROWS = [
    ["TỔNG HỢP XẾP LOẠI NĂM 2023"],
    ["STT", "Tên chi bộ, đảng bộ cơ sở", "Xếp loại tổ chức", "", "", "", "Số đảng viên", "", "", ""],
    ["", "", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
    [1, "Chi bộ Sở Xây dựng", "", "x", "", "", 2, 11, 1, 0],
    [2, "Đảng bộ Sở Công Thương", "x", "", "", "", 4, 20, 2, 1],
    [3, "Chi bộ Sở Tư pháp", "", "", "x", "", 0, 6, 3, 0],
]


def test_a_ticked_tier_and_member_counts_on_one_row_are_both_read(tmp_path):
    path = make_xlsx(tmp_path / "dau_x_va_so.xlsx", {"2023": ROWS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    units = {c: n for (y, s, c), n in got.items() if (y, s) == (2023, "units") and n}
    members = {c: n for (y, s, c), n in got.items() if (y, s) == (2023, "members") and n}
    # by hand: units top Công Thương, good Xây dựng, pass Tư pháp
    assert units == {"total": 3, "rated": 3, "top": 1, "good": 1, "pass": 1, "good_or_better": 2}
    # by hand: top 2+4+0=6, good 11+20+6=37, pass 1+2+3=6, fail 0+1+0=1; 50 in all
    assert members == {"total": 50, "rated": 50, "top": 6, "good": 37, "pass": 6, "fail": 1, "good_or_better": 43}
