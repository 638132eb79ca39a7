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


# 6. vocabulary: the tick marks are words of scales.toml, and a user's [reading_words] (--scales) are
# read – added beside the built-in words – by both ways a table is read


def test_no_tick_mark_is_written_in_the_code():
    import ast

    from conftest import ROOT

    marks = {"✓", "✔", "√"}  # of [reading_words] ticks; "x" and "v" are also other code's letters
    for path in sorted((ROOT / "ccq_stats").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert not strings & marks, path.name


def test_a_users_reading_words_are_read_by_both_readers(tmp_path):
    head = HEAD + ["Điểm", "Kỷ luật"]
    rows = [head] + [r + [f"{80 + i}d", "không bị" if i == 0 else ""] for i, r in enumerate(_members(8))]
    path = _csv(tmp_path / "scores.csv", rows)
    words = tmp_path / "words.toml"
    words.write_text('[reading_words]\nscore_units = "d"\nnot_disciplined = ["không bị"]\n', encoding="utf-8")
    code, stdout, stderr = _alike(path, "--scales", words)
    assert code == 0 and _total(stdout) == 8 and ",scored,Được chấm điểm,8," in stdout, stderr
    # without them, "80d" is no score, whichever reader reads the list
    argv = ["classify", str(path), "--format", "csv"]
    plain, forced = outcome(argv)[0], outcome(argv, forced=True)[0]
    assert plain == forced and plain[0] == 2 and "the score is not a number from 0 to 100: '80d'" in plain[2]
    # "không bị" read as not disciplined: nobody for check's rules on disciplined members to name
    checked = outcome(["check", str(path), "--scales", words, "--format", "csv"])[0]
    assert checked == outcome(["check", str(path), "--scales", words, "--format", "csv"], forced=True)[0]
    assert "disciplined" not in checked[1]


def test_a_tick_mark_of_the_user_ticks_a_tier(tmp_path):
    head = ["STT", "Họ và tên", "Chi bộ", "Năm", "HTXSNV", "HTTNV", "HTNV", "KHTNV"]
    rows = [head]
    for i in range(6):
        row = [str(i + 1), f"Đảng viên {i}", "Chi bộ A", 2019, "", "", "", ""]
        row[4 + i % 3] = "o" if i % 2 else "x"
        rows.append(row)
    path = _csv(tmp_path / "ticks.csv", rows)
    words = tmp_path / "ticks.toml"
    words.write_text('[reading_words]\nticks = ["o"]\n', encoding="utf-8")
    code, stdout, stderr = _alike(path, "--scales", words)
    assert code == 0 and _total(stdout) == 6, stderr
    assert ",top,Hoàn thành xuất sắc nhiệm vụ,2," in stdout and ",pass,Hoàn thành nhiệm vụ,2," in stdout
    code, _stdout, stderr = outcome(["classify", str(path), "--format", "csv"])[0]
    assert code == 2 and "row 3, column E (HTXSNV): the rating is blank" in stderr  # "o" is no tick of its own


def test_an_unknown_reading_word_entry_is_refused(tmp_path):
    words = tmp_path / "words.toml"
    words.write_text('[reading_words]\ntick = ["o"]\n', encoding="utf-8")
    path = _csv(tmp_path / "plain.csv", [HEAD] + _members(4))
    code, _stdout, stderr = outcome(["classify", str(path), "--scales", words])[0]
    assert code == 2 and "unknown [reading_words] entry 'tick'" in stderr and "ticks" in stderr


# 5. member identity: one key (identity.member_keys) for both readers; a member of a list read by
# columns (alike rows counted together, without their keys) listed again in another file is found
# there too (paths._unless_shared reads such a list again by rows): counted once both ways


@pytest.mark.parametrize("by", ["card", "name and birth"])
def test_a_member_listed_in_a_large_list_and_in_another_file_counts_once_both_ways(tmp_path, by):
    from conftest import make_xlsx

    if by == "card":
        head, members = HEAD, _members(8)
    else:
        head = ["Họ và tên", "Năm sinh", "Chi bộ", "Năm", "Xếp loại"]
        members = [[r[1], 1970 + i, *r[2:]] for i, r in enumerate(_members(8))]
    big = _csv(tmp_path / "big.csv", [head] + members)
    other = make_xlsx(tmp_path / "other.xlsx", {"Sheet1": [head, members[3]]})
    argv = ["classify", str(big), str(other), "--format", "csv"]
    entries = both_ways(argv)
    assert all(e["same"] for e in entries) and all(e["by_columns"] for e in entries), entries
    code, stdout, stderr = outcome(argv)[0]
    assert code == 0 and _total(stdout) == 8 and "listed again in 2019 with the same rating" in stderr


def test_a_users_group_of_committee_words_is_a_level_of_its_own(tmp_path):
    """[reading_words] rating_levels is a list of groups (the committees of one level): a user's
    group is added as the highest level, so its decision counts beside the chi ủy's proposal – by
    both readers alike; without it, two rating columns and nobody said to decide: a stop."""
    rows = [["STT", "Tên tổ chức", "Năm", "Chi ủy đề nghị xếp loại", "Ban thường vụ khối ủy xếp loại"]]
    rows += [[1, "Chi bộ A", 2021, "HTTNV", "HTXSNV"], [2, "Chi bộ B", 2021, "HTTNV", "HTTNV"]]
    rows += [[3, "Chi bộ C", 2021, "HTNV", "HTNV"]]
    path = _csv(tmp_path / "two_committees.csv", rows)
    words = tmp_path / "levels.toml"
    words.write_text('[reading_words]\nrating_levels = [["ban thường vụ khối ủy"]]\n', encoding="utf-8")
    code, stdout, stderr = _alike(path, "--scales", words)
    assert code == 0 and ",units,top,Hoàn thành xuất sắc nhiệm vụ,1," in stdout, stderr
    assert ",units,good,Hoàn thành tốt nhiệm vụ,1," in stdout and ",units,pass,Hoàn thành nhiệm vụ,1," in stdout
    assert "'Chi ủy đề nghị xếp loại' not counted" in stderr


def test_reading_words_groups_only_where_the_entry_is_one_of_groups(tmp_path):
    """rating_levels takes groups (a word alone is a group of one: the same decision as a group of
    that word); any other entry given a group is refused in one line, not a traceback."""
    rows = [["STT", "Tên tổ chức", "Năm", "Chi ủy đề nghị xếp loại", "Ban thường vụ khối ủy xếp loại"]]
    rows += [[1, "Chi bộ A", 2021, "HTTNV", "HTXSNV"], [2, "Chi bộ B", 2021, "HTTNV", "HTTNV"]]
    path = _csv(tmp_path / "two_committees.csv", rows)
    alone = tmp_path / "alone.toml"
    alone.write_text('[reading_words]\nrating_levels = ["ban thường vụ khối ủy"]\n', encoding="utf-8")
    code, stdout, stderr = _alike(path, "--scales", alone)
    assert code == 0 and ",units,top,Hoàn thành xuất sắc nhiệm vụ,1," in stdout, stderr
    grouped = tmp_path / "grouped.toml"
    grouped.write_text('[reading_words]\nticks = [["v", "y"]]\n', encoding="utf-8")
    code, _stdout, stderr = outcome(["classify", str(path), "--scales", str(grouped)])[0]
    assert code == 2 and "[reading_words] ticks is not a word or a list of words" in stderr
    assert "Traceback" not in stderr
