"""Issue 18 §1: no rule of the reading stage written twice. Each rule the two ways of feeding a
table once restated (the row reader and the column reader, tests/differential.py) is shown here on
a small file read both ways – the column path forced by its test hook – with and without a
--scales file that adds vocabulary: the same bytes out, and the figures a careful person counts."""

from __future__ import annotations

import csv

import pytest

from differential import both_ways, outcome

HEAD = ["Số thẻ đảng viên", "Họ và tên", "Chi bộ", "Năm", "Xếp loại"]
NUMBERED = ["STT", "Họ và tên", "Chi bộ", "Năm", "Xếp loại"]
LABELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def _members(n, start=0, numbered=False):
    first = (lambda i: str(i + 1)) if numbered else (lambda i: f"{i:09d}")
    return [[first(i), f"Đảng viên {i}", "Chi bộ A", 2019, LABELS[i % 4]] for i in range(start, start + n)]


def _csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def _alike(path, *args) -> tuple:
    """(exit code, stdout, stderr) of `classify FILE`, after checking that both ways give it."""
    argv = ["classify", str(path), "--format", "csv", *args]
    entries = both_ways(argv)
    assert all(e["same"] for e in entries), "\n".join(e["difference"] for e in entries)
    return outcome(argv)[0]


def _total(stdout: str) -> int:
    line = next(line for line in stdout.splitlines() if ",total," in line)
    return int(line.split(",")[-2])


# 1. the kind of an organisation: "CB" alone, with no parent column nor section, is a chi bộ cơ sở,
# and the run says so (the column reader took it silently)


def test_a_kind_said_alone_is_told_and_said_alike(tmp_path):
    head = HEAD[:3] + ["Loại tổ chức"] + HEAD[3:]
    rows = [head] + [r[:3] + ["CB"] + r[3:] for r in _members(6)]
    code, stdout, stderr = _alike(_csv(tmp_path / "cb.csv", rows))
    assert code == 0 and _total(stdout) == 6
    assert "row 2, column D (Loại tổ chức): 6 row(s) of kind 'CB' without a parent column" in stderr


def test_a_kind_said_alone_under_a_parent_is_a_chi_bo_truc_thuoc_both_ways(tmp_path):
    head = HEAD[:3] + ["Trực thuộc", "Loại tổ chức"] + HEAD[3:]
    rows = [head] + [r[:3] + ["Đảng bộ Sở Y tế", "CB"] + r[3:] for r in _members(4)]
    code, _stdout, stderr = _alike(_csv(tmp_path / "cb_under.csv", rows))
    assert code == 0 and "without a parent column" not in stderr


def test_an_unknown_kind_is_the_same_error_both_ways(tmp_path):
    head = HEAD[:3] + ["Loại tổ chức"] + HEAD[3:]
    rows = [head] + [r[:3] + ["CBCS"] + r[3:] for r in _members(3)]
    rows += [["000000050", "Đảng viên 50", "Chi bộ A", "Tổ Đảng", 2019, "HTTNV"]]
    code, _stdout, stderr = _alike(_csv(tmp_path / "kind.csv", rows))
    assert code == 2 and "row 5, column D (Loại tổ chức): unknown kind of organisation: 'Tổ Đảng'" in stderr


# 2. years and blank ratings: the first row holding a fault is named, whichever the fault


@pytest.mark.parametrize(
    "faults, named",
    [
        ((("2019", ""), ("19", "HTTNV")), "row 5, column E (Xếp loại): the rating is blank"),
        ((("19", "HTTNV"), ("2019", "")), "row 5, column D (Năm): the year is not a year: '19'"),
        ((("19", ""),), "row 5, column D (Năm): the year is not a year: '19'"),  # on one row: the year first
        ((("", "HTTNV"), ("2019", "")), "row 5: no rating year for this row"),
    ],
)
def test_a_bad_year_and_a_blank_rating_name_the_first_row_both_ways(tmp_path, faults, named):
    rows = [HEAD] + _members(3)
    rows += [
        [f"0000000{50 + i}", f"Đảng viên {50 + i}", "Chi bộ A", year, rating] for i, (year, rating) in enumerate(faults)
    ]
    code, _stdout, stderr = _alike(_csv(tmp_path / "faults.csv", rows))
    assert code == 2 and named in stderr and stderr.count("error") == 1


def test_a_blank_rating_above_an_unknown_kind_is_named_first_both_ways(tmp_path):
    head = HEAD[:3] + ["Loại tổ chức"] + HEAD[3:]
    rows = [head] + [r[:3] + ["CBCS"] + r[3:] for r in _members(3)]
    rows += [["000000050", "Đảng viên 50", "Chi bộ A", "CBCS", 2019, ""]]
    rows += [["000000051", "Đảng viên 51", "Chi bộ A", "Tổ Đảng", 2019, "HTTNV"]]
    code, _stdout, stderr = _alike(_csv(tmp_path / "kind_blank.csv", rows))
    assert code == 2 and "row 5, column F (Xếp loại): the rating is blank" in stderr


# 3. which rows are headings


@pytest.mark.parametrize(
    "heading",
    [["5", "CB Thanh tra", "", "", ""], ["", "Văn phòng", "", "", ""], ["B", "ĐẢNG VIÊN CHUYỂN ĐẾN", "", "", ""]],
)
def test_a_heading_between_numbered_members_is_no_member_both_ways(tmp_path, heading):
    rows = [NUMBERED] + _members(4, numbered=True) + [heading] + _members(4, 10, numbered=True)
    code, stdout, stderr = _alike(_csv(tmp_path / "heading.csv", rows))
    assert code == 0 and _total(stdout) == 8, stderr


def test_a_member_without_a_rating_is_no_heading_both_ways(tmp_path):
    rows = [NUMBERED] + _members(4, numbered=True) + [["5", "Ngô Ngọc Chi", "Chi bộ A", 2019, ""]]
    code, _stdout, stderr = _alike(_csv(tmp_path / "member.csv", rows))
    assert code == 2 and "row 6, column E (Xếp loại): the rating is blank" in stderr


# 4. summary lines inside a table (above the last rows, where the table's end is looked for)


@pytest.mark.parametrize("figure", ["1", ""])
def test_a_summary_line_inside_a_member_list_is_not_a_member_both_ways(tmp_path, figure):
    summary = ["", "- Hoàn thành tốt nhiệm vụ", "", "", figure]
    rows = [HEAD] + _members(4) + [summary] + _members(90, 10)
    code, stdout, stderr = _alike(_csv(tmp_path / "summary.csv", rows))
    assert code == 0 and _total(stdout) == 94, stderr


# 7. the refusal of a text with NUL bytes: one message, in one place, said alike both ways


def test_the_nul_byte_refusal_is_written_once_and_said_alike(tmp_path):
    from conftest import ROOT

    message = "the text holds NUL bytes"
    places = [
        (p.name, p.read_text(encoding="utf-8").count(message)) for p in sorted((ROOT / "ccq_stats").rglob("*.py"))
    ]
    assert [p for p in places if p[1]] == [("textfile.py", 1)]
    path = tmp_path / "nul.csv"
    path.write_bytes(b"\r\n".join(",".join(map(str, r)).encode() for r in [HEAD] + _members(4)) + b"\r\nx\x00y\r\n")
    code, _stdout, stderr = _alike(path)
    assert code == 2 and "nul.csv: the text holds NUL bytes; it is not a CSV file" in stderr
