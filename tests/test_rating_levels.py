"""Two ratings by two committees: the competent higher committee decides.

An organisation or member rates itself, the chi bộ or committee proposes, and the competent higher
committee decides (docs/domain.md §3, "Who decides"). A sheet with a rating column per committee
("Đảng ủy cơ sở xếp loại" | "Đảng ủy Khối xếp loại") counts the higher committee's; the lower one's
is a proposal, not counted, and a warning names it. Two columns of one level, or a column that
names no committee, still stop the run. Counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_csv, make_xlsx, run

pytestmark = pytest.mark.differential

MEMBERS = [
    ["Lê Văn An", "HTXSNV", "HTTNV"],
    ["Trần Thị Bích", "HTTNV", "HTTNV"],
    ["Phạm Văn Cường", "HTTNV", "HTNV"],
    ["Hoàng Thị Dung", "HTXSNV", "HTXSNV"],
]


def sheet(first: str, second: str) -> list[list]:
    rows = [["XẾP LOẠI ĐẢNG VIÊN NĂM 2022"], ["STT", "Họ và tên", "Chi bộ", first, second]]
    return rows + [[i, n, "Chi bộ Phòng Tổng hợp", a, b] for i, (n, a, b) in enumerate(MEMBERS, 1)]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("swap", [False, True])
def test_the_higher_committee_decides(tmp_path, kind, swap):
    lower, higher = "Chi bộ xếp loại", "Đảng ủy cơ sở xếp loại"
    rows = sheet(lower, higher)
    if swap:  # the decision left of the proposal: the level decides, not the place
        rows = [r[:3] + [r[4], r[3]] if len(r) == 5 else r for r in rows]
    path = make_xlsx(tmp_path / "a.xlsx", {"2022": rows}) if kind == "xlsx" else make_csv(tmp_path / "a.csv", rows)
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2022, "members") and n}
    # by hand, the đảng ủy cơ sở's column: top Dung; good An, Bích; pass Cường
    assert found == {"total": 4, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}
    assert "Chi bộ xếp loại" in result.stderr  # the proposal set aside is named


@pytest.mark.parametrize(
    "first, second", [("Huyện ủy xếp loại", "Thành ủy xếp loại"), ("Đảng ủy Khối xếp loại", "Kết quả xếp loại")]
)
def test_one_level_or_no_level_is_still_unclear(tmp_path, first, second):
    path = make_xlsx(tmp_path / "b.xlsx", {"2022": sheet(first, second)})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2 and "two rating columns" in result.stderr
