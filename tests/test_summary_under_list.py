"""A summary table under the list, in the list's own columns, ends the list.

"TỔNG HỢP | Số lượng | Tỷ lệ (%)" under a list, the tiers down the side and their counts in the
rating column: the list ends at that heading row; the summary's rows are skipped as summary
(inspect lists them), never read as organisations or members with "Số lượng" for a rating.
Counted by hand from the rows written here.
"""

from __future__ import annotations

import json

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

MEMBERS = ["HTTNV", "HTXSNV", "HTTNV", "HTNV", "HTTNV", "Miễn đánh giá"]


def sheet(head: list[str]) -> list[list]:
    rows = [["CHI BỘ SỞ TÀI CHÍNH - XẾP LOẠI ĐẢNG VIÊN NĂM 2022"], ["TT", "Họ và tên", "Xếp loại"]]
    rows += [[i, f"Đảng viên Số {i}", r] for i, r in enumerate(MEMBERS, 1)]
    rows += [[None, None, None], head]
    rows += [[None, "HTXSNV", 1], [None, "HTTNV", 3], [None, "HTNV", 1], [None, "KHTNV", 0], [None, "Cộng", 5]]
    return rows


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("head", [[None, "TỔNG HỢP", "Số lượng"], ["Kết quả", "Mức xếp loại", "SL"]])
def test_the_list_ends_at_the_summary_heading(tmp_path, kind, head):
    rows = sheet(head)
    path = make_xlsx(tmp_path / "a.xlsx", {"2022": rows}) if kind == "xlsx" else make_csv(tmp_path / "a.csv", rows)
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2022, "members") and n}
    # by hand: top 1, good 3, pass 1, exempt 1
    assert found == {"total": 6, "exempt": 1, "rated": 5, "top": 1, "good": 3, "pass": 1, "good_or_better": 4}
    shown = json.loads(run("inspect", str(path), "--format", "json").stdout)
    assert shown[0]["skipped"]["summary"]["rows"] == "10-15"
