"""Scores out of 100 (issue 22 §1): Quy định 366-QĐ/TW / Hướng dẫn 43-HD/BTCTW from 2025, and the
earlier scoring of Hướng dẫn 27-HD/BTCTW (2014–2017). Every workbook here is built by the test, and
every expected figure is counted by hand from the rows written below (the comments show the sums).
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from conftest import make_csv, make_xlsx, rows_of, run
from differential import both_ways

# -- 2025 (QĐ 366): members, the score proposed by the chi bộ beside the self-score ---------------

MEMBERS_2025 = [
    ["STT", "Họ và tên", "Chi bộ", "Điểm tự chấm", "Điểm chi bộ chấm", "Xếp loại"],
    [1, "Nguyễn Văn An", "Chi bộ X", 95, 92, "HTXSNV"],
    [2, "Trần Thị Bình", "Chi bộ X", 90, 88, "HTTNV"],
    [3, "Lê Văn Cường", "Chi bộ X", 85, "85,5", "HTTNV"],  # the decimal comma
    [4, "Phạm Thị Dung", "Chi bộ X", 80, 72, "HTTNV"],
    [5, "Hoàng Văn Em", "Chi bộ X", 70, 65, "HTNV"],
    [6, "Vũ Thị Phương", "Chi bộ Y", 60, 45, "KHTNV"],
    [7, "Đỗ Văn Giang", "Chi bộ Y", 90, 89.5, "HTXSNV"],  # top under 90: an error
    [8, "Bùi Thị Hoa", "Chi bộ Y", 95, 93, "HTTNV"],  # good at 93: a warning
    [9, "Ngô Văn Inh", "Chi bộ Y", None, None, "Miễn đánh giá"],  # not rated: no score
    [10, "Đặng Thị Kim", "Chi bộ Y", 75, 74, "HTTNV"],
]
# scored (rated with a score): rows 1-8 and 10 = 9; by band: ≥90: 92, 93 = 2; 70–<90: 88, 85.5, 72,
# 89.5, 74 = 5; 50–<70: 65 = 1; <50: 45 = 1. Sum 704, mean 704/9 = 78.2222…
# per tier: top (92 + 89.5)/2 = 90.75; good (88 + 85.5 + 72 + 93 + 74)/5 = 82.5; pass 65; fail 45

ORGS_2025 = [
    ["STT", "Tên tổ chức cơ sở đảng", "Trực thuộc", "Điểm tự chấm", "Điểm cấp ủy cấp trên chấm", "Xếp loại", "Kỷ luật"],
    [1, "Đảng bộ Sở A", None, 95, 94, "HTXSNV", None],
    [2, "Chi bộ 1", "Đảng bộ Sở A", 90, 91, "HTXSNV", None],
    [3, "Chi bộ 2", "Đảng bộ Sở A", 80, 78, "HTTNV", "Khiển trách"],  # a disciplined chi bộ under a top đảng bộ
    [4, "Chi bộ Sở B", None, 92, 90, "HTXSNV", "x"],  # top, its own row marked disciplined
    [5, "Chi bộ Sở C", None, 85, 80, "HTTNV", None],
    [6, "Chi bộ Sở D", None, 70, 68, "HTTNV", None],  # good under 70: an error
    [7, "Chi bộ Sở E", None, 60, 55, "HTNV", None],
    [8, "Chi bộ Sở F", None, 50, 40, "KHTNV", None],
    [9, "Chi bộ Sở G", None, 95, 92, "HTNV", None],  # pass at 92: a warning
]
# units (decided scores): 94, 90, 80, 68, 55, 40, 92 = 7, sum 519, mean 74.142857…
#   ≥90: 94, 90, 92 = 3; 70–<90: 80 = 1; 50–<70: 68, 55 = 2; <50: 40 = 1
#   per tier: top (94 + 90)/2 = 92; good (80 + 68)/2 = 74; pass (55 + 92)/2 = 73.5; fail 40
# cells: 91 (top), 78 (good): ≥90 1, 70–<90 1; mean 84.5

# -- 2016 (HD 27): organisations with "Tổng điểm", members with "Điểm", a CSV -------------------

ORGS_2016 = [
    ["STT", "Tên tổ chức cơ sở đảng", "Tổng điểm", "Xếp loại"],
    [1, "Chi bộ H1", 95, "Trong sạch, vững mạnh"],
    [2, "Chi bộ H2", 45, "Hoàn thành nhiệm vụ"],  # under 50 and not "yếu kém": an error (HD 27)
    [3, "Chi bộ H3", 48, "Yếu kém"],
    [4, "Chi bộ H4", 75, "Hoàn thành tốt nhiệm vụ"],
]
# scored 4; ≥90: 1; 70–<90: 1; 50–<70: 0; <50: 2; mean (95 + 45 + 48 + 75)/4 = 65.75
# per tier: top 95, good 75, pass 45, fail 48

MEMBERS_2016 = [
    ["Số thẻ đảng viên", "Họ và tên", "Chi bộ", "Năm", "Điểm", "Xếp loại"],
    ["001", "Lý Văn A", "Chi bộ H1", 2016, 92, "HTXSNV"],
    ["002", "Mai Thị B", "Chi bộ H1", 2016, 85, "HTTNV"],
    ["003", "Hồ Văn C", "Chi bộ H1", 2016, "85,0", "HTTNV"],  # the same score written otherwise
    ["004", "Tạ Thị D", "Chi bộ H2", 2016, 60, "HTNV"],
    ["005", "Lò Văn E", "Chi bộ H2", 2016, 30, "KHTNV"],
    ["006", "Cao Thị F", "Chi bộ H2", 2016, "", "Miễn đánh giá"],
]
# scored 5; ≥90: 1; 70–<90: 2; 50–<70: 1; <50: 1; mean (92 + 85 + 85 + 60 + 30)/5 = 70.4
# per tier: top 92, good 85, pass 60, fail 30


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scores")
    return {
        "members_2025": make_xlsx(folder / "dang_vien_2025.xlsx", {"Năm 2025": MEMBERS_2025}),
        "orgs_2025": make_xlsx(folder / "to_chuc_2025.xlsx", {"Năm 2025": ORGS_2025}),
        "orgs_2016": make_xlsx(folder / "to_chuc_2016.xlsx", {"Năm 2016": ORGS_2016}),
        "members_2016": _csv(folder / "dang_vien_2016.csv", MEMBERS_2016),
        "members_2025_csv": _csv(
            folder / "dang_vien_2025.csv",
            [
                r[:3] + ["Năm"] + r[3:] if i == 0 else r[:3] + [2025] + ["" if v is None else v for v in r[3:]]
                for i, r in enumerate(MEMBERS_2025)
            ],
        ),
    }


def _csv(path, rows):
    """A CSV as Excel saves it: a cell holding a comma ("85,5") quoted."""
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows([["" if v is None else v for v in row] for row in rows])
    return path


def _rows(result) -> dict:
    """{(year, subject, category): (count, share text)} of classify's CSV."""
    assert result.exit_code == 0, result.stderr
    return {(int(r[0]), r[1], r[2]): (int(r[4]), r[5]) for r in rows_of(result.stdout)[1:]}


def _check(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.slow
def test_2025_score_figures_counted_by_hand(files):
    got = _rows(run("classify", files["members_2025"], files["orgs_2025"]))
    m = {
        c: got[(2025, "members_scores", c)]
        for c in (
            "scored",
            "band_90",
            "band_70",
            "band_50",
            "band_0",
            "mean",
            "mean_top",
            "mean_good",
            "mean_pass",
            "mean_fail",
        )
    }
    assert m["scored"] == (9, "")
    assert [m[c][0] for c in ("band_90", "band_70", "band_50", "band_0")] == [2, 5, 1, 1]
    assert m["band_70"][1] == f"{5 / 9:.6f}"
    assert m["mean"] == (9, f"{704 / 9 / 100:.6f}")  # the mean ÷ 100
    assert (m["mean_top"], m["mean_good"], m["mean_pass"], m["mean_fail"]) == (
        (2, "0.907500"),
        (5, "0.825000"),
        (1, "0.650000"),
        (1, "0.450000"),
    )
    u = {
        c: got[(2025, "units_scores", c)]
        for c in (
            "scored",
            "band_90",
            "band_70",
            "band_50",
            "band_0",
            "mean",
            "mean_top",
            "mean_good",
            "mean_pass",
            "mean_fail",
        )
    }
    assert [u[c][0] for c in ("scored", "band_90", "band_70", "band_50", "band_0")] == [7, 3, 1, 2, 1]
    assert u["mean"] == (7, f"{519 / 7 / 100:.6f}")
    assert [u[c][1] for c in ("mean_top", "mean_good", "mean_pass", "mean_fail")] == [
        "0.920000",
        "0.740000",
        "0.735000",
        "0.400000",
    ]
    c = {k: got[(2025, "cells_scores", k)] for k in ("scored", "band_90", "band_70", "mean", "mean_pass")}
    assert (c["scored"][0], c["band_90"][0], c["band_70"][0], c["mean"][1]) == (2, 1, 1, "0.845000")
    assert c["mean_pass"] == (0, "")  # no chi bộ rated pass: no mean
    # the tiers are counted as before, and the exempt member is no part of the scores
    assert got[(2025, "members", "rated")] == (9, "") and got[(2025, "members", "exempt")] == (1, "")


@pytest.mark.slow
def test_the_existing_columns_and_subjects_stay_and_score_subjects_come_last_in_their_year(files):
    result = run("classify", files["members_2025"], files["orgs_2025"], files["orgs_2016"])
    rows = rows_of(result.stdout)
    assert rows[0] == ["year", "subject", "category", "label", "count", "share"]
    order = list(dict.fromkeys((int(r[0]), r[1]) for r in rows[1:]))
    assert order == [
        (2016, "units"),
        (2016, "units_scores"),
        (2025, "units"),
        (2025, "cells"),
        (2025, "members"),
        (2025, "units_scores"),
        (2025, "cells_scores"),
        (2025, "members_scores"),
    ]
    labels = {(r[1], r[2]): r[3] for r in rows[1:] if r[0] == "2025"}
    assert labels[("units_scores", "band_90")] == "Từ 90 điểm trở lên"
    assert labels[("members_scores", "mean_good")] == "Điểm bình quân – Hoàn thành tốt nhiệm vụ"


@pytest.mark.slow
def test_no_score_subjects_for_lists_without_scores(tmp_path):
    path = make_csv(tmp_path / "m.csv", [["Họ và tên", "Chi bộ", "Xếp loại"], ["A", "X", "HTTNV"], ["B", "X", "HTNV"]])
    rows = rows_of(run("classify", path, "--year", "2025").stdout)
    assert {r[1] for r in rows[1:]} == {"members"}


@pytest.mark.slow
def test_2016_hd27_scores_counted_by_hand(files):
    got = _rows(run("classify", files["orgs_2016"], files["members_2016"]))
    assert [got[(2016, "units_scores", c)][0] for c in ("scored", "band_90", "band_70", "band_50", "band_0")] == [
        4,
        1,
        1,
        0,
        2,
    ]
    assert got[(2016, "units_scores", "mean")] == (4, "0.657500")
    assert [got[(2016, "units_scores", f"mean_{t}")][1] for t in ("top", "good", "pass", "fail")] == [
        "0.950000",
        "0.750000",
        "0.450000",
        "0.480000",
    ]
    assert [got[(2016, "members_scores", c)][0] for c in ("scored", "band_90", "band_70", "band_50", "band_0")] == [
        5,
        1,
        2,
        1,
        1,
    ]
    assert got[(2016, "members_scores", "mean")] == (5, "0.704000")
    assert got[(2016, "members_scores", "mean_good")] == (2, "0.850000")


# -- which column is the score ---------------------------------------------------------------


@pytest.mark.parametrize(
    "header, role",
    [
        ("Điểm tự chấm", "self"),
        ("Điểm tự đánh giá", "self"),
        ("Điểm chi bộ chấm", "proposed"),
        ("Điểm chi bộ đề xuất", "proposed"),
        ("Điểm đề xuất", "proposed"),
        ("Điểm cấp ủy cấp trên chấm", "decided"),
        ("Điểm cấp trên chấm", "decided"),
        ("Điểm cấp có thẩm quyền chấm", "decided"),
        ("Điểm quyết định", "decided"),
        ("Tổng điểm", "decided"),
        ("Điểm", "decided"),
        ("Diem cap tren cham", "decided"),
    ],
)
def test_score_headers_by_who_gave_the_score(header, role):
    from ccq_stats.reading.header import resolve_column
    from ccq_stats.vocabulary.scales import load_scales

    column = resolve_column(3, header, [], load_scales())
    assert column.role == {"self": "score_self", "proposed": "score_proposed", "decided": "score"}[role]


def _members(tmp_path, head: list[str], scores: list[list], name="m.xlsx"):
    labels = ["HTXSNV", "HTTNV", "HTNV"]
    rows = [["Họ và tên", "Chi bộ"] + head + ["Xếp loại"]]
    rows += [[f"Người {i}", "Chi bộ X"] + s + [labels[i % 3]] for i, s in enumerate(scores)]
    return make_xlsx(tmp_path / name, {"Năm 2025": rows})


@pytest.mark.slow
def test_the_decided_score_counts_over_the_proposal_and_the_self_score(tmp_path):
    # self 99, proposal 95, decision 60 on every row: the decision's band (50–<70) is the one counted
    path = _members(tmp_path, ["Điểm tự chấm", "Điểm chi bộ đề xuất", "Điểm cấp ủy cấp trên chấm"], [[99, 95, 60]] * 3)
    got = _rows(run("classify", path))
    assert got[(2025, "members_scores", "band_50")] == (3, "1.000000")
    shown = run("inspect", path).stdout
    assert (
        "Điểm cấp ủy cấp trên chấm" in shown and "self-score, not used" in shown and "proposed score, not used" in shown
    )


@pytest.mark.slow
def test_a_self_score_alone_is_not_used_and_said_so(tmp_path):
    path = _members(tmp_path, ["Điểm tự chấm"], [[99], [95], [90]])
    result = run("classify", path)
    assert result.exit_code == 0
    assert not any(k[1].endswith("_scores") for k in _rows(result))
    assert "only a self-score column (Điểm tự chấm)" in result.stderr


@pytest.mark.slow
def test_a_blank_score_among_scores_is_said_and_left_out(tmp_path):
    path = _members(tmp_path, ["Điểm"], [[92], [None], [75], [60]])
    result = run("classify", path)
    got = _rows(result)
    assert got[(2025, "members_scores", "scored")] == (3, "")  # 92, 75, 60; the blank one is no 0
    assert got[(2025, "members", "rated")] == (4, "")  # still rated
    assert "1 rated row(s) without a score where the others have one (first: row 3)" in result.stderr


# -- bad score cells: one line, file, sheet, row, column, value, a hint; exit 2 ----------------


@pytest.mark.slow
@pytest.mark.parametrize("value", ["105", "tám lăm", "-5", "85/100", 101.5])
def test_a_score_that_is_no_number_from_0_to_100_is_one_line_naming_the_cell(tmp_path, value):
    path = _members(tmp_path, ["Điểm cấp trên chấm"], [[90], [value], [70]])
    result = run("classify", path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    line = lines[0]
    assert "m.xlsx" in line and "Năm 2025" in line and "row 3" in line and "C" in line and "Điểm cấp trên chấm" in line
    assert "the score is not a number from 0 to 100" in line and str(value) in line and "hint:" in line


@pytest.mark.parametrize(
    "value, expected",
    [
        ("85,5", 85.5),
        ("85.5", 85.5),
        (" 90 ", 90.0),
        (0, 0.0),
        (100, 100.0),
        ("72 điểm", 72.0),
        ("", None),
        ("-", None),
    ],
)
def test_score_cells_that_read(value, expected):
    import math

    from ccq_stats.reading.cells import parse_score
    from ccq_stats.vocabulary.scales import load_scales

    got = parse_score(value, None, load_scales())
    assert math.isnan(got) if expected is None else got == expected


# -- rules -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_rules_fire_where_the_scores_say_and_only_there(files):
    found = _check(run("check", files["members_2025"], files["orgs_2025"], "--format", "csv"))
    by_rule = {}
    for f in found:
        by_rule.setdefault(f["rule"], []).append(f)
    above = sorted((f["org"], f["severity"]) for f in by_rule["score_above_band"])
    assert above == [("Chi bộ Sở D", "error"), ("Chi bộ Y", "error")]  # HTTNV at 68, HTXSNV at 89.5
    member = next(f for f in by_rule["score_above_band"] if f["org"] == "Chi bộ Y")
    assert (
        "dòng 8" in member["message"] and "89,5 điểm" in member["message"] and "Quy định 366-QĐ/TW" in member["message"]
    )
    assert "Đỗ Văn Giang" not in member["message"]  # no member's name in a finding
    below = sorted((f["org"], f["severity"]) for f in by_rule["score_below_band"])
    assert below == [("Chi bộ Sở G", "warning"), ("Chi bộ Y", "warning")]  # HTNV at 92, HTTNV at 93
    disciplined = sorted(f["org"] for f in by_rule["score_top_disciplined"])
    assert disciplined == ["Chi bộ Sở B", "Đảng bộ Sở A"]
    assert all("chưa được đối chiếu nguyên văn" in f["message"] for f in by_rule["score_top_disciplined"])
    assert "score_weak_hd27" not in by_rule  # an HD 27 rule: not in 2025


@pytest.mark.slow
def test_rules_do_not_fire_on_scores_within_their_bands(tmp_path):
    rows = [
        ["Tên tổ chức cơ sở đảng", "Điểm cấp trên chấm", "Xếp loại", "Kỷ luật"],
        ["Chi bộ 1", 90, "HTXSNV", ""],
        ["Chi bộ 2", 89.5, "HTTNV", ""],
        ["Chi bộ 3", 70, "HTTNV", "Không"],
        ["Chi bộ 4", 69.5, "HTNV", ""],
        ["Chi bộ 5", 49.5, "KHTNV", ""],
        ["Chi bộ 6", 50, "HTNV", "x"],
    ]
    path = make_xlsx(tmp_path / "tc.xlsx", {"Năm 2025": rows})
    found = _check(run("check", path, "--format", "csv"))
    assert not [f for f in found if f["rule"].startswith("score_")]


@pytest.mark.slow
def test_hd27_an_organisation_under_50_points_must_be_weak(files):
    found = _check(run("check", files["orgs_2016"], "--format", "csv"))
    weak = [f for f in found if f["rule"] == "score_weak_hd27"]
    assert [(f["org"], f["year"], f["severity"]) for f in weak] == [("Chi bộ H2", "2016", "error")]
    assert "45 điểm" in weak[0]["message"] and "Hướng dẫn 27-HD/BTCTW" in weak[0]["message"]
    # QĐ 366's bands are no rule in 2016: not checked there
    assert not [f for f in found if f["rule"] in ("score_above_band", "score_below_band", "score_top_disciplined")]


@pytest.mark.slow
def test_rules_not_checked_before_2025_outside_hd27(tmp_path):
    rows = [["Tên tổ chức cơ sở đảng", "Điểm", "Xếp loại", "Kỷ luật"], ["Chi bộ 1", 60, "HTXSNV", "x"]]
    path = make_xlsx(tmp_path / "tc.xlsx", {"Năm 2020": rows})
    found = _check(run("check", path, "--format", "csv"))
    assert not [f for f in found if f["rule"].startswith("score_")]


# -- reports ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_year_report_has_the_band_table_and_the_sentence(files, tmp_path):
    out = tmp_path / "bao_cao.md"
    result = run("report", files["members_2025"], files["orgs_2025"], "--year", "2025", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    # numbered after the subjects' headings (issue 19: "not numbered like the other headings")
    subjects = len(re.findall(r"^## \d+\. Kết quả xếp loại ", text, re.M))
    scored = re.findall(r"^## (\d+)\. Điểm đánh giá (.+)$", text, re.M)
    assert [int(n) for n, _name in scored] == list(range(subjects + 1, subjects + 1 + len(scored)))
    assert "đảng viên" in [name for _n, name in scored]
    assert "| Từ 70 đến dưới 90 điểm" in text and "5 (55,56%)" in text
    assert (
        "Về điểm đánh giá năm 2025 (theo Quy định 366-QĐ/TW (2025); Hướng dẫn 43-HD/BTCTW): 7 chi, đảng bộ cơ sở "
        "được chấm điểm có điểm bình quân 74,14 điểm, trong đó 3 tổ chức đạt từ 90 điểm trở lên (42,86%)"
    ) in text
    assert "9 đảng viên được chấm điểm có điểm bình quân 78,22 điểm" in text


@pytest.mark.slow
def test_reports_in_every_format_carry_the_scores(files, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    for fmt in ("txt", "html", "docx", "xlsx"):
        out = tmp_path / f"bao_cao.{fmt}"
        result = run("report", files["members_2025"], files["orgs_2025"], "--year", "2025", "-o", out)
        assert result.exit_code == 0, result.stderr
        if fmt == "docx":
            doc = Document(str(out))
            text = "\n".join(p.text for p in doc.paragraphs)
            cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
            assert "điểm bình quân 78,22 điểm" in text and "Từ 90 điểm trở lên" in cells and "74,14" in cells
        elif fmt == "xlsx":
            ws = load_workbook(out)["Hằng năm"]
            rows = [[c.value for c in r] for r in ws.iter_rows()]
            assert rows[0][-1] == "Điểm bình quân"
            mean = next(r for r in rows if r[2] == "mean" and "Đảng viên" in r[1])
            assert mean[4] == 9 and mean[6] == pytest.approx(704 / 9)
        else:
            text = out.read_text(encoding="utf-8")
            assert "điểm bình quân 78,22 điểm" in text and "Từ 90 điểm trở lên" in text


@pytest.mark.slow
def test_reports_without_scores_say_nothing_of_them(tmp_path):
    path = make_xlsx(
        tmp_path / "tc.xlsx", {"Năm 2025": [["Tên tổ chức cơ sở đảng", "Xếp loại"], ["Chi bộ 1", "HTTNV"]]}
    )
    out = tmp_path / "r.md"
    assert run("report", path, "--year", "2025", "-o", out).exit_code == 0
    assert "điểm" not in out.read_text(encoding="utf-8").replace("điểm phần trăm", "")


# -- both readers alike ----------------------------------------------------------------------


@pytest.mark.slow
def test_score_lists_read_alike_by_rows_and_by_columns(files, tmp_path):
    bad = _csv(
        tmp_path / "bad.csv",
        MEMBERS_2016[:3]
        + [["007", "X", "Chi bộ H1", 2016, "120", "HTTNV"]]
        + [["008", "Y", "Chi bộ H1", 2016, "abc", "HTTNV"]],
    )
    blank = _csv(tmp_path / "blank.csv", MEMBERS_2016 + [["009", "Z", "Chi bộ H1", 2016, "", "HTTNV"]])
    # rows alike but off their band: the column reader keeps each a record of its own, so that a finding names each row
    alike = _csv(
        tmp_path / "alike.csv",
        [MEMBERS_2016[0]]
        + [
            [f"{i:03d}", f"N{i}", "Chi bộ H1", 2025, score, label]
            for i, (score, label) in enumerate([(85, "HTXSNV")] * 2 + [(91, "HTXSNV")] * 2 + [(95, "HTTNV")] * 2)
        ],
    )
    entries = []
    for path in (files["members_2016"], files["members_2025_csv"], bad, blank, alike):
        for command in ("classify", "check"):
            entries += both_ways([command, str(path), "--format", "csv"])
    differ = [e for e in entries if not e["same"]]
    assert not differ, differ[0]["difference"]
    assert sum(e["by_columns"] for e in entries) >= 10  # the column reader kept the score lists
    alike_check = next(e for e in entries if e["args"][:2] == ["check", str(alike)])
    assert alike_check["same"] and alike_check["by_columns"]


def test_score_text():
    from ccq_stats.numbers import score

    assert [score(v) for v in (87.5, 90.0, 78.2222, 70.4, None)] == ["87,5", "90", "78,22", "70,4", "–"]
