"""The key of rating codes written in brackets in the rating column's own header cell – "Xếp loại
(1: HTXSNV; 2: HTTNV; …)", "(A - HTXSNV, B - HTTNV, …, M - Miễn)" – reads the codes, with the
warning that the key decided."""

from __future__ import annotations

import pytest

from conftest import figures, make_xlsx, run


@pytest.mark.parametrize(
    ("header", "codes"),
    [
        ("Xếp loại (1: HTXSNV; 2: HTTNV; 3: HTNV; 4: KHTNV)", ["1", "2", "2", "3", "4"]),
        ("Mức xếp loại (A - HTXSNV, B - HTTNV, C - HTNV, D - KHTNV, M - Miễn)", ["A", "B", "B", "C", "D"]),
    ],
)
def test_codes_read_by_the_key_in_their_header(tmp_path, header, codes):
    rows = [["KẾT QUẢ XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2021"], ["STT", "Tên tổ chức cơ sở đảng", header]]
    rows += [[k + 1, f"Chi bộ Sở {k}", code] for k, code in enumerate(codes)]
    result = run("classify", make_xlsx(tmp_path / "k.xlsx", {"2021": rows}), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)  # counted by hand: 1 top, 2 good, 1 pass, 1 fail
    assert [got[(2021, "units", t)] for t in ("top", "good", "pass", "fail")] == [1, 2, 1, 1]
    assert "written as codes, read by the key the file gives" in result.stderr


def test_a_header_in_brackets_that_is_no_key_reads_nothing_by_it(tmp_path):
    rows = [["KẾT QUẢ XẾP LOẠI NĂM 2021"], ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại (theo QĐ 132)"]]
    rows += [[1, "Chi bộ Sở A", "1"]]
    result = run("classify", make_xlsx(tmp_path / "n.xlsx", {"2021": rows}), "--format", "csv")
    assert result.exit_code == 2
    assert "unknown rating label: '1'" in result.stderr
