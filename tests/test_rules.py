"""Each rule of `ccq-stats check`: a case that breaks it and one that keeps it."""

from __future__ import annotations

import json

import pytest

from ccq_stats.api import check_paths
from conftest import SAMPLE, make_csv, make_xlsx, rows_of, run


def members(tmp_path, rows, name="dv.csv", year=2019):
    """A member list: rows of (unit, label[, discipline])."""
    body = [[f"Người {i}", r[0], year, r[1], r[2] if len(r) > 2 else ""] for i, r in enumerate(rows)]
    return make_csv(tmp_path / name, [["Họ và tên", "Chi bộ", "Năm", "Xếp loại", "Kỷ luật"]] + body)


def rules_of(*paths, **options):
    return [(f.rule, f.year, f.org) for f in check_paths([str(p) for p in paths], **options)]


def test_member_quota_breaks_over_20_percent_of_good(tmp_path):
    # 10 HTTNV -> at most 2 HTXSNV; 3 is one too many
    path = members(tmp_path, [("Chi bộ A", "HTTNV")] * 10 + [("Chi bộ A", "HTXSNV")] * 3 + [("Chi bộ B", "HTTNV")] * 10 + [("Chi bộ B", "HTXSNV")] * 2)
    found = check_paths([str(path)])
    assert [(f.rule, f.org) for f in found] == [("member_quota", "Chi bộ A")]
    assert found[0].numbers == {"top": 3, "base": 10, "allowed": 2, "excess": 1}
    assert "Hướng dẫn 21-HD/BTCTW" in found[0].message


def test_member_quota_base_good_or_better_allows_more(tmp_path):
    # 10 HTTNV + 3 HTXSNV: 13 // 5 = 2 allowed with either base; 12 + 3: 15 // 5 = 3 allowed
    path = members(tmp_path, [("Chi bộ A", "HTTNV")] * 12 + [("Chi bộ A", "HTXSNV")] * 3)
    assert rules_of(path) == [("member_quota", 2019, "Chi bộ A")]
    assert rules_of(path, quota_base="good_or_better") == []


def test_member_quota_applies_from_2019(tmp_path):
    path = members(tmp_path, [("Chi bộ A", "HTTNV")] * 5 + [("Chi bộ A", "HTXSNV")] * 4, year=2018)
    assert rules_of(path) == []


def test_top_unit_needs_its_members(tmp_path):
    units = make_csv(tmp_path / "tc.csv", [["Tên tổ chức cơ sở đảng", "Loại", "Năm", "Xếp loại"],
                                           ["Chi bộ A", "CBCS", 2019, "HTXSNV"], ["Chi bộ B", "CBCS", 2019, "HTXSNV"]])
    dv = members(tmp_path, [("Chi bộ A", "HTTNV")] * 8 + [("Chi bộ A", "HTNV")] * 2       # 80%: keeps the rule
                 + [("Chi bộ B", "HTTNV")] * 8 + [("Chi bộ B", "KHTNV")])                  # a fail: breaks it
    found = check_paths([str(units), str(dv)])
    assert [(f.rule, f.org) for f in found] == [("top_unit_members", "Chi bộ B")]
    assert found[0].numbers["fail"] == 1


def test_top_unit_needs_80_percent_of_its_cells(tmp_path):
    path = make_csv(tmp_path / "tc.csv", [
        ["Tên tổ chức đảng", "Loại", "Trực thuộc", "Năm", "Xếp loại"],
        ["Đảng bộ A", "ĐBCS", "", 2019, "HTXSNV"],
        ["Chi bộ 1", "CBTT", "Đảng bộ A", 2019, "HTTNV"], ["Chi bộ 2", "CBTT", "Đảng bộ A", 2019, "HTNV"],
        ["Đảng bộ B", "ĐBCS", "", 2019, "HTXSNV"],
        ["Chi bộ 1", "CBTT", "Đảng bộ B", 2019, "HTTNV"], ["Chi bộ 2", "CBTT", "Đảng bộ B", 2019, "HTXSNV"],
    ])
    found = check_paths([str(path)])
    assert [(f.rule, f.org) for f in found] == [("top_unit_cells", "Đảng bộ A")]
    assert "50,00% chi bộ trực thuộc" in found[0].message


def test_disciplined_member_must_be_rated_fail(tmp_path):
    path = members(tmp_path, [("Chi bộ A", "KHTNV", "Khiển trách"), ("Chi bộ A", "HTTNV", "Cảnh cáo"), ("Chi bộ A", "HTTNV", "")])
    found = check_paths([str(path)])
    assert [(f.rule, f.numbers) for f in found] == [("disciplined_not_fail", {"row": 3})]
    assert "Người 1" not in found[0].message and "Người 1" not in found[0].where


def test_present_must_equal_exempt_not_rated_and_rated(tmp_path):
    path = make_csv(tmp_path / "sl.csv", [
        ["Tên TCCS đảng", "Tổng số đảng viên", "Miễn đánh giá", "Chưa đánh giá", "HTXSNV", "HTTNV", "HTNV", "KHTNV"],
        ["Chi bộ A", 12, 1, 1, 1, 9, 0, 0],
        ["Chi bộ B", 13, 1, 1, 1, 9, 0, 0],
    ])
    found = check_paths([str(path)], year=2020)
    assert [(f.rule, f.org, f.numbers) for f in found] == [("present_total", "Chi bộ B", {"stated": 13, "sum": 12})]
    # classify says the same on stderr and goes on
    result = run("classify", path, "--year", "2020")
    assert result.exit_code == 0 and "Tổng số đảng viên says 13 but its parts add up to 12" in result.stderr


def test_totals_row_must_equal_the_sum(tmp_path):
    keep = make_xlsx(tmp_path / "a.xlsx", {"Năm 2019": [["Tên TCCS đảng", "HTTNV"], ["Chi bộ A", 3], ["Chi bộ B", 4], ["Tổng cộng", 7]]})
    broken = make_xlsx(tmp_path / "b.xlsx", {"Năm 2019": [["Tên TCCS đảng", "HTTNV"], ["Chi bộ A", 3], ["Chi bộ B", 4], ["Tổng cộng", 8]]})
    assert rules_of(keep) == []
    found = check_paths([str(broken)])
    assert [(f.rule, f.numbers) for f in found] == [("totals_row", {"stated": 8, "sum": 7})]
    assert found[0].where == f"{broken}, sheet 'Năm 2019', row 4, column B (HTTNV)"


def test_member_counts_must_equal_member_rows(tmp_path):
    counts = make_csv(tmp_path / "sl.csv", [["Tên TCCS đảng", "HTTNV", "HTNV"], ["Chi bộ A", 2, 0], ["Chi bộ B", 3, 1]])
    dv = members(tmp_path, [("Chi bộ A", "HTTNV"), ("Chi bộ A", "HTTNV"), ("Chi bộ B", "HTTNV")])
    assert rules_of(counts, dv, year=2019) == [("counts_vs_rows", 2019, "Chi bộ B")]


def test_organisation_missing_from_a_year_between_two(tmp_path):
    path = make_csv(tmp_path / "tc.csv", [
        ["Tên tổ chức cơ sở đảng", "Năm 2016", "Năm 2017", "Năm 2018"],
        ["Chi bộ A", "TSVM", "", "HTTNV"],      # missing 2017
        ["Chi bộ B", "", "TSVM", "HTTNV"],      # founded 2017: fine
        ["Chi bộ C", "TSVM", "TSVM", ""],       # gone in 2018: fine
    ])
    assert rules_of(path) == [("missing_year", 2017, "Chi bộ A")]


def test_check_on_the_sample_finds_each_seeded_breach():
    result = run("check", SAMPLE, "--format", "csv")
    assert result.exit_code == 0
    rows = rows_of(result.stdout)
    assert rows[0] == ["rule", "severity", "year", "org", "numbers", "message", "source", "where"]
    assert sorted((r[0], r[2]) for r in rows[1:]) == [
        ("member_quota", "2019"), ("missing_year", "2017"), ("top_unit_members", "2019"),
    ]
    # the seeded 2017 discipline case is under HD 27, where no source for the rule is known:
    # not flagged, and said so on stderr
    assert "rule disciplined_not_fail not checked for 2017" in result.stderr and "(1 case it would flag)" in result.stderr


def test_check_exit_codes(tmp_path):
    clean = members(tmp_path, [("Chi bộ A", "HTTNV")] * 5, name="clean.csv")
    assert run("check", clean, "--strict").exit_code == 0
    assert run("check", SAMPLE, "--strict", "--format", "json").exit_code == 1
    assert run("check", SAMPLE, "--format", "json").exit_code == 0
    only_warning = make_csv(tmp_path / "w.csv", [["Tên tổ chức cơ sở đảng", "Năm 2016", "Năm 2017", "Năm 2018"], ["Chi bộ A", "TSVM", "", "HTTNV"]])
    assert run("check", only_warning, "--strict").exit_code == 0
    bad = make_csv(tmp_path / "bad.csv", [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "???"]])
    assert run("check", bad, "--strict").exit_code == 2


def test_check_json_has_numbers_as_an_object():
    records = json.loads(run("check", SAMPLE, "--format", "json").stdout)
    quota = next(r for r in records if r["rule"] == "member_quota")
    assert quota["numbers"] == {"top": 5, "base": 15, "allowed": 3, "excess": 2}
    assert quota["org"] == "Chi bộ Sở Tư pháp" and quota["severity"] == "error"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_no_member_name_in_check_output(fmt):
    import openpyxl

    names = set()
    for path in SAMPLE.glob("dang_vien_*.xlsx"):
        for ws in openpyxl.load_workbook(path, read_only=True).worksheets:
            for row in ws.iter_rows(min_row=6, values_only=True):
                if row and isinstance(row[1], str):
                    names.add(row[1])
    out = run("check", SAMPLE, "--format", fmt).stdout
    assert names and not [n for n in names if n in out]


def test_names_only_when_asked(tmp_path):
    path = members(tmp_path, [("Chi bộ A", "HTTNV", "Cảnh cáo"), ("Chi bộ A", "HTTNV", "")])
    plain = rows_of(run("check", path, "--format", "csv").stdout)
    assert plain[0][-1] == "where" and "Người 0" not in run("check", path, "--format", "csv").stdout
    named = rows_of(run("check", path, "--format", "csv", "--names").stdout)
    assert named[0][-1] == "member" and named[1][-1] == "Người 0"
    assert json.loads(run("check", path, "--format", "json", "--names").stdout)[0]["member"] == "Người 0"
    assert "member" not in json.loads(run("check", path, "--format", "json").stdout)[0]
