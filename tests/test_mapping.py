"""Steering the reader: --header-row N, --column ROLE=HEADER, and [mapping] in a --scales file."""

from __future__ import annotations

import json

import pytest

from conftest import figures, make_csv, make_xlsx, run

UNKNOWN = [
    ["KẾT QUẢ XẾP LOẠI NĂM 2019"],
    ["STT", "Nơi sinh hoạt", "Ý kiến của Đảng ủy Khối"],
    [1, "Chi bộ Sở Tư pháp", "HTXSNV"],
    [2, "Chi bộ Sở Ngoại vụ", "HTTNV"],
    [3, "Đảng bộ Sở Y tế", "Hoàn thành tốt nhiệm vụ"],
]
MAP = ["--column", "org=Nơi sinh hoạt", "--column", "rating=Ý kiến của Đảng ủy Khối"]


def units(result, year=2019):
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    return tuple(got.get((year, "units", c), 0) for c in ("total", "top", "good", "pass", "fail"))


def test_unknown_headers_are_refused_naming_the_header_and_the_option(tmp_path):
    result = run("classify", make_csv(tmp_path / "x.csv", UNKNOWN))
    assert result.exit_code == 2
    assert "row 2: A STT | B Nơi sinh hoạt | C Ý kiến của Đảng ủy Khối" in result.stderr
    assert "--column" in result.stderr


def test_column_option_maps_the_headers(tmp_path):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    assert units(run("classify", path, *MAP)) == (3, 1, 2, 0, 0)


@pytest.mark.parametrize("command", ["check", "inspect"])
def test_every_reading_command_takes_the_mapping(tmp_path, command):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    result = run(command, path, *MAP, "--format", "json")
    assert result.exit_code == 0, result.stderr
    if command == "inspect":
        [sheet] = json.loads(result.stdout)
        roles = {c["header"]: (c["role"], c["because"]) for c in sheet["columns"]}
        assert roles["Nơi sinh hoạt"] == ("org", "--column org=Nơi sinh hoạt")


def test_report_takes_the_mapping(tmp_path):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    result = run("report", "--year", "2019", path, *MAP, "--format", "txt")
    assert result.exit_code == 0, result.stderr
    assert "3 chi, đảng bộ cơ sở" in result.stdout


def test_header_row_picks_the_header(tmp_path):
    # two tables of different shapes on one sheet: each header starts its table (a header row further
    # down is read as a header, not as data: issue 18, redteam6 cp01), unless the user says which
    # one to read
    rows = [
        ["STT", "Tên tổ chức cơ sở đảng", "Loại", "Xếp loại"],
        [1, "Chi bộ cũ", "Chi bộ cơ sở", "HTTNV"],
        [None],
        ["STT", "Tên tổ chức cơ sở đảng", "Xếp loại"],
        [1, "Chi bộ A", "HTXSNV"],
        [2, "Chi bộ B", "HTNV"],
    ]
    path = make_xlsx(tmp_path / "x.xlsx", {"Năm 2019": rows})
    # by hand: Chi bộ cũ good (first table), A top, B pass (second)
    assert units(run("classify", path)) == (3, 1, 1, 1, 0)
    assert units(run("classify", path, "--header-row", "4")) == (2, 1, 0, 1, 0)


def test_header_row_past_the_end_or_without_a_table_is_refused(tmp_path):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    result = run("classify", path, "--header-row", "40", "--year", "2019")
    assert result.exit_code == 2 and "no rating or count column found" in result.stderr


def test_a_tier_role_maps_a_count_column(tmp_path):
    rows = [
        ["Tên TCCS đảng", "Loại 1", "Loại 2", "Loại 3", "Loại 4"],
        ["Chi bộ A", 1, 4, 0, 0],
        ["Chi bộ B", 0, 3, 1, 1],
    ]
    path = make_xlsx(tmp_path / "x.xlsx", {"Năm 2020": rows})
    result = run(
        "classify",
        path,
        "--column",
        "top=Loại 1",
        "--column",
        "good=Loại 2",
        "--column",
        "pass=Loại 3",
        "--column",
        "fail=Loại 4",
    )
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    assert tuple(got[(2020, "members", c)] for c in ("rated", "top", "good", "pass", "fail")) == (10, 1, 7, 1, 1)


def test_ignore_role_settles_two_rating_columns(tmp_path):
    rows = [
        ["Tên tổ chức cơ sở đảng", "Xếp loại", "Kết quả xếp loại"],
        ["Chi bộ A", "HTXSNV", "HTTNV"],
        ["Chi bộ B", "HTNV", "HTNV"],
    ]
    path = make_xlsx(tmp_path / "x.xlsx", {"Năm 2019": rows})
    refused = run("classify", path)
    assert refused.exit_code == 2 and "two rating columns" in refused.stderr and "--column" in refused.stderr
    assert units(run("classify", path, "--column", "ignore=Xếp loại")) == (2, 0, 1, 1, 0)


def test_unknown_role_or_malformed_option_is_a_usage_error(tmp_path):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    result = run("classify", path, "--column", "colour=Nơi sinh hoạt")
    assert result.exit_code == 2 and "unknown column role 'colour'" in result.stderr and "rating" in result.stderr
    result = run("classify", path, "--column", "Nơi sinh hoạt")
    assert result.exit_code == 2 and "is not ROLE=HEADER" in result.stderr


def test_mapping_section_of_a_scales_file(tmp_path):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    scales = tmp_path / "layout.toml"
    scales.write_text(
        '[mapping]\nheader_row = 2\ncolumns = { org = "Nơi sinh hoạt", rating = "Ý kiến của Đảng ủy Khối" }\n',
        encoding="utf-8",
    )
    assert units(run("classify", path, "--scales", scales)) == (3, 1, 2, 0, 0)


def test_the_command_line_wins_over_the_scales_file(tmp_path):
    rows = [
        ["STT", "Nơi sinh hoạt", "Cột A", "Cột B"],
        [1, "Chi bộ A", "HTXSNV", "HTTNV"],
        [2, "Chi bộ B", "HTXSNV", "HTNV"],
    ]
    path = make_xlsx(tmp_path / "x.xlsx", {"Năm 2019": rows})
    scales = tmp_path / "layout.toml"
    scales.write_text('[mapping]\ncolumns = { org = "Nơi sinh hoạt", rating = "Cột A" }\n', encoding="utf-8")
    assert units(run("classify", path, "--scales", scales)) == (2, 2, 0, 0, 0)
    # the same header given another role on the command line: "Cột A" ignored, "Cột B" the rating
    assert units(run("classify", path, "--scales", scales, "--column", "ignore=Cột A", "--column", "rating=Cột B")) == (
        2,
        0,
        1,
        1,
        0,
    )


def test_python_api_takes_the_mapping(tmp_path):
    from ccq_stats.api import classify_paths

    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    figures_ = classify_paths([str(path)], columns={"org": "Nơi sinh hoạt", "rating": "Ý kiến của Đảng ủy Khối"})
    top = figures_[(figures_["subject"] == "units") & (figures_["category"] == "top")]
    assert top["count"].tolist() == [1]


def test_a_mapped_header_found_nowhere_is_said_once(tmp_path):
    path = make_csv(tmp_path / "x.csv", UNKNOWN)
    result = run("classify", path, *MAP, "--column", "kind=Loai to chuc")
    assert units(result) == (3, 1, 2, 0, 0)
    assert result.stderr.count("no header reads 'Loai to chuc' (--column kind=…); not used") == 1
    assert "not used" not in run("classify", path, *MAP).stderr
