"""The committee heading a table tells the kind of its chi bộ (reading/issuer.py): a grassroots
committee's chi bộ are chi bộ trực thuộc. Layouts of our own, counted by hand, read both ways."""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

ROWS = [  # by hand: 5 chi bộ, 1 not rated, 4 rated: 1 top, 2 good, 1 pass
    ["STT", "Tên chi bộ", "Xếp loại"],
    [1, "Chi bộ thôn Đông", "Hoàn thành tốt nhiệm vụ"],
    [2, "Chi bộ thôn Tây", "Hoàn thành xuất sắc nhiệm vụ"],
    [3, "Chi bộ Trường Tiểu học", "Hoàn thành tốt nhiệm vụ"],
    [4, "Chi bộ Quân sự xã", "Hoàn thành nhiệm vụ"],
    [5, "Chi bộ thôn Bắc", "Chưa xếp loại"],
]


def _read(tmp_path, top: list[str]):
    path = make_xlsx(tmp_path / "xl.xlsx", {"2025": [[line] for line in top] + ROWS})
    result = run("classify", path, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return figures(result.stdout), result.stderr


def test_a_grassroots_committees_chi_bo_are_cells(tmp_path):
    """Headed by the province, then "Đảng ủy xã Hòa Bình" (written without marks: "DANG UY XA"), the
    title "chi bộ" alone: the five are chi bộ trực thuộc, and a warning says which line decided."""
    out, err = _read(tmp_path, ["ĐẢNG BỘ TỈNH VÂN SƠN", "DANG UY XA HOA BINH", "XẾP LOẠI CÁC CHI BỘ NĂM 2025"])
    assert [out[(2025, "cells", c)] for c in ("total", "not_rated", "top", "good", "pass")] == [5, 1, 1, 2, 1]
    assert (2025, "units", "total") not in out
    assert "headed by 'DANG UY XA HOA BINH', a grassroots committee" in err


def test_a_committee_above_the_grassroots_lists_chi_bo_co_so(tmp_path):
    """The same rows under a bloc's committee: its chi bộ are grassroots organisations (units)."""
    out, err = _read(tmp_path, ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "XẾP LOẠI CÁC CHI BỘ NĂM 2025"])
    assert [out[(2025, "units", c)] for c in ("total", "not_rated", "top", "good", "pass")] == [5, 1, 1, 2, 1]
    assert "grassroots committee" not in err


def test_the_title_naming_a_kind_decides(tmp_path):
    """Under a đảng ủy phường, a title that names "chi bộ cơ sở" says what the rows are: units."""
    out, err = _read(tmp_path, ["ĐẢNG ỦY PHƯỜNG TÂN AN", "XẾP LOẠI CHI BỘ CƠ SỞ NĂM 2025"])
    assert out[(2025, "units", "total")] == 5 and (2025, "cells", "total") not in out
    assert "grassroots committee" not in err
