"""A rating its row's note says is not decided yet is not counted.

"HTTNV" beside "Chờ quyết định của Đảng ủy cơ sở, chưa quyết định xếp loại": the tier is a placeholder,
the same doubt as "HTTNV (?)". The run stops naming the rating cell and the note. A note that says
something else ("Đang chờ chuyển sinh hoạt": a member about to move, rated) is read as before.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

HEADER = ["STT", "Họ và tên", "Xếp loại 2021", "Ghi chú"]


def _rows(note):
    return [
        ["CHI BỘ TRẠM THỦY VĂN - KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2021"],
        HEADER,
        [1, "Lò Văn Ất", "HTXSNV", ""],
        [2, "Mùa Thị Bính", "HTTNV", ""],
        [3, "Giàng Văn Canh", "HTTNV", note],
        [4, "Vàng Thị Đinh", "HTNV", ""],
    ]


def test_a_tier_noted_as_not_decided_stops_naming_the_cell(tmp_path):
    note = "Chờ kết luận của UBKT, chưa quyết định xếp loại"
    path = make_xlsx(tmp_path / "cho.xlsx", {"Sheet1": _rows(note)})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 2, result.stdout
    assert "row 5" in result.stderr and "column C" in result.stderr and note in result.stderr


def test_another_note_on_a_tier_is_read(tmp_path):
    path = make_xlsx(tmp_path / "chuyen.xlsx", {"Sheet1": _rows("Đang chờ chuyển sinh hoạt đảng")})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    found = {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, "members") and n}
    assert found == {"total": 4, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}
