"""The checks made while reading (totals that do not add up, counts against member rows) are
rules like the others: their severity and source come from rules.toml, amended by --scales, and
--strict follows them. A finding's place is data: fields under English keys in JSON, whatever
the user's language; the CSV keeps its text form."""

from __future__ import annotations

import json

import pytest

from ccq_stats.errors import Where
from conftest import make_xlsx, run

# 3 + 4 = 7, but the totals row says 8: a totals_row finding (an error in the built-in table)
ROWS = [["Tên TCCS đảng", "HTTNV"], ["Chi bộ A", 3], ["Chi bộ B", 4], ["Tổng cộng", 8]]


@pytest.fixture
def broken(tmp_path):
    return make_xlsx(tmp_path / "b.xlsx", {"Năm 2019": ROWS})


@pytest.fixture
def lowered(tmp_path):
    path = tmp_path / "totals_warning.toml"
    rule = '[[rules]]\nid = "totals_row"\nseverity = "warning"\nsource = "Biểu số 1 của tỉnh"\n'
    path.write_text(rule, encoding="utf-8")
    return path


def findings_of(*args):
    result = run("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow  # runs check in-process on a workbook (about a second)
def test_a_scales_file_makes_totals_row_a_warning_and_strict_follows(broken, lowered):
    # the built-in table: an error, citing the form; --strict exits 1 (README: exit codes of check)
    assert run("check", broken, "--strict").exit_code == 1
    [found] = findings_of(broken)
    assert (found["rule"], found["severity"], found["source"]) == ("totals_row", "error", "Biểu thống kê")
    # the user's table: a warning citing the user's source; --strict exits 0 (nothing else is broken)
    assert run("check", broken, "--strict", "--scales", lowered).exit_code == 0
    [found] = findings_of(broken, "--scales", lowered)
    assert (found["rule"], found["severity"], found["source"]) == ("totals_row", "warning", "Biểu số 1 của tỉnh")
    assert found["numbers"] == {"stated": 8, "sum": 7}


@pytest.mark.slow
def test_a_store_checks_its_kept_findings_by_this_runs_rule_table(broken, lowered, tmp_path):
    db = tmp_path / "s.sqlite"
    assert run("import", broken, "--db", db).exit_code == 0
    assert run("check", "--db", db, "--strict").exit_code == 1
    assert run("check", "--db", db, "--strict", "--scales", lowered).exit_code == 0
    [found] = findings_of("--db", db, "--scales", lowered)
    assert found["severity"] == "warning"
    assert found["place"] == {"file": str(broken), "sheet": "Năm 2019", "row": 4, "column": "B", "header": "HTTNV"}


@pytest.mark.slow  # runs check in-process on a workbook (about a second)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_place_in_json_is_fields_under_english_keys_in_any_language(broken, monkeypatch, lang):
    monkeypatch.setenv("CCQ_LANG", lang)
    [found] = findings_of(broken)
    assert found["place"] == {"file": str(broken), "sheet": "Năm 2019", "row": 4, "column": "B", "header": "HTTNV"}
    assert found["where"] == f"{broken}, sheet 'Năm 2019', row 4, column B (HTTNV)"  # the CSV's text form, English


@pytest.mark.slow  # runs check in-process on a workbook (about a second)
def test_the_csv_keeps_the_place_as_text(broken):
    result = run("check", broken, "--format", "csv")
    header, row = result.stdout.splitlines()
    assert header == "rule,severity,year,org,numbers,message,source,where"
    assert row.endswith(f",\"{broken}, sheet 'Năm 2019', row 4, column B (HTTNV)\"")


@pytest.mark.parametrize(
    "place",
    [
        Where("a, b.xlsx", "Năm 2019, đợt 2", 3, 27, "Xếp loại (năm)"),
        Where("a.xlsx"),
        Where(None, "S"),
        Where("dv.csv", None, 12),
        Where("f.xlsx", "s", None, 0),
    ],
)
def test_a_place_read_back_from_its_text_is_the_same_place(place):
    # a store keeps a finding's place as this text
    assert Where.from_data(place.as_data()) == place
