"""Two organisation columns of two levels, and a second table whose header reorders the first's.

"Tên chi bộ trực thuộc | Đảng bộ cơ sở": the row is the chi bộ, the đảng bộ its parent; two chi bộ of
one name under two đảng bộ are two chi bộ. A table below with the first's header words in another
order is another table, read on its own, and no "header is repeated" warning is given for it.

Expected figures are counted by hand from the rows written here.
"""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run

pytestmark = pytest.mark.differential

CELLS = [
    ["CÁC CHI BỘ TRỰC THUỘC - XẾP LOẠI NĂM 2021"],
    ["STT", "Tên chi bộ trực thuộc", "Đảng bộ cơ sở", "Xếp loại"],
    [1, "Chi bộ Kỹ thuật", "Đảng bộ Công ty Thủy lợi", "HTTNV"],
    [2, "Chi bộ Văn phòng", "Đảng bộ Công ty Thủy lợi", "HTXSNV"],
    [3, "Chi bộ Kỹ thuật", "Đảng bộ Công ty Đường bộ", "HTNV"],
    [4, "Chi bộ Kế toán", "Đảng bộ Công ty Đường bộ", "HTTNV"],
]
UNITS = [
    ["CÁC TỔ CHỨC CƠ SỞ ĐẢNG - XẾP LOẠI NĂM 2021"],
    ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
    [1, "Đảng bộ Công ty Thủy lợi", "HTTNV"],
    [2, "Đảng bộ Công ty Đường bộ", "HTXSNV"],
    [3, "Chi bộ Công ty Sách", "HTTNV"],
]


def _of(result, subject) -> dict:
    return {c: n for (y, s, c), n in figures(result.stdout).items() if (y, s) == (2021, subject) and n}


def test_a_chi_bo_is_told_apart_by_its_dang_bo(tmp_path):
    path = make_xlsx(tmp_path / "hai_cap.xlsx", {"CB": CELLS})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # by hand: four chi bộ, the two "Chi bộ Kỹ thuật" two of them: top 1, good 2, pass 1
    assert _of(result, "cells") == {"total": 4, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}
    assert "listed again" not in result.stderr


def test_a_second_table_with_its_columns_in_another_order_is_no_repeated_header(tmp_path):
    second = [[], ["CÁC CHI BỘ TRỰC THUỘC"], ["STT", "Xếp loại", "Tên chi bộ trực thuộc", "Đảng bộ cơ sở"]]
    second += [[r[0], r[3], r[1], r[2]] for r in CELLS[2:]]
    path = make_xlsx(tmp_path / "hai_bang.xlsx", {"2021": UNITS + second[1:]})
    result = run("classify", str(path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "header is repeated" not in result.stderr
    # by hand: units top 1 (Đường bộ), good 2; cells as above
    assert _of(result, "units") == {"total": 3, "rated": 3, "top": 1, "good": 2, "good_or_better": 3}
    assert _of(result, "cells") == {"total": 4, "rated": 4, "top": 1, "good": 2, "pass": 1, "good_or_better": 3}
