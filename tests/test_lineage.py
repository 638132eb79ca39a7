"""Organisations through the 2025 reorganisation (issue 22 §2): the lineage file, its store
table (schema 3, versioned) and its migration, and history, the term report, the "N năm liền"
candidates, year-on-year comparisons, the monthly roster and name drift following it. Also
issue 19: history --org in hierarchy order, import times in local time with their offset.

Every expected value is written by hand from the small stores and files built here."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import make_csv, make_xlsx, rows_of, run
from test_store_server import postgres_url, store_location  # noqa: F401  (fixtures)

UNITS = ["Tên tổ chức đảng", "Năm", "Xếp loại"]
A, A2 = "Chi bộ Sở Nội vụ", "Chi bộ Sở Nội vụ và Lao động"  # renamed in 2025
D, E, C = (
    "Chi bộ Sở Công Thương",
    "Chi bộ Sở Khoa học và Công nghệ",
    "Chi bộ Sở Công Thương và Khoa học",
)  # D + E → C in 2025
F = "Chi bộ Sở Du lịch"  # dissolved in 2025
G, G2 = "Chi bộ Sở Tư pháp", "Chi bộ Sở Tư Pháp tỉnh"  # the same, written two ways, nothing recorded
H = "Chi bộ Ban Dân tộc"  # established in 2025
LINEAGE = [
    ["Năm", "Thay đổi", "Từ", "Thành", "Số quyết định", "Ghi chú"],
    ["2025", "Đổi tên", A, A2, "12-QĐ/TU", ""],
    ["2025", "sap nhap", f"{D}; {E}", C, "15-QĐ/TU", ""],
    ["2025", "GIẢI THỂ", F, "", "", ""],
    ["2025", "thành lập", "", H, "", "mới"],
]


def years_files(folder: Path) -> list[Path]:
    """Units of 2021–2025: A top every year (as A2 in 2025), D top and E good until 2024, C good
    in 2025, F pass until 2024, G good until 2024 and as G2 in 2025, H good in 2025."""
    out = []
    for year in range(2021, 2026):
        if year < 2025:
            rows = [[A, year, "HTXSNV"], [D, year, "HTXSNV"], [E, year, "HTTNV"], [F, year, "HTNV"], [G, year, "HTTNV"]]
        else:
            rows = [[A2, year, "HTXSNV"], [C, year, "HTTNV"], [G2, year, "HTTNV"], [H, year, "HTTNV"]]
        out.append(make_csv(folder / f"to_chuc_{year}.csv", [UNITS] + rows))
    return out


@pytest.fixture
def filled(tmp_path, monkeypatch):
    """An SQLite store with the five years imported and the lineage recorded."""
    db = tmp_path / "ccq.sqlite"
    monkeypatch.setenv("CCQ_STATS_DB", str(db))
    for path in years_files(tmp_path):
        assert run("import", path, "--quiet").exit_code == 0
    lineage = make_csv(tmp_path / "sap_xep.csv", LINEAGE)
    result = run("orgs", "import", lineage)
    assert result.exit_code == 0, result.stderr
    return db


# -- the file -------------------------------------------------------------------------------------


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_a_semicolon_file_with_a_bom_and_a_workbook_read_the_same_changes(tmp_path):
    from ccq_stats.figures.lineage import Change
    from ccq_stats.store.lineage import read_changes

    text = '\ufeffNgày;Thay đổi;Từ;Thành;Mã\n01/07/2025;chia tách;Chi bộ X;"Chi bộ Y; Chi bộ Z";123\n'
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(text, encoding="utf-8")
    xlsx_path = make_xlsx(
        tmp_path / "a.xlsx",
        {
            "S": [
                ["Ngày", "Thay đổi", "Từ", "Thành", "Mã"],
                ["01/07/2025", "Chia tách", "Chi bộ X", "Chi bộ Y;Chi bộ Z", "123"],
            ]
        },
    )
    for path in (csv_path, xlsx_path):
        [change] = read_changes(str(path))
        assert (change.year, change.day, change.kind, change.sources, change.targets, change.code, change.row) == (
            2025,
            "2025-07-01",
            "split",
            ("Chi bộ X",),
            ("Chi bộ Y", "Chi bộ Z"),
            "123",
            2,
        )
    assert isinstance(change, Change)


@pytest.mark.parametrize(
    "row, column, value, hint",
    [
        (["2025", "đổi tên nhé", "X", "Y"], "Thay đổi", "đổi tên nhé", "đổi tên, sáp nhập"),
        (["2025", "sáp nhập", "Chi bộ X", "Chi bộ Y"], "Từ", "Chi bộ X", "each organisation merged"),
        (["25", "giải thể", "Chi bộ X", ""], "Năm", "25", "e.g. 2025"),
        (["2025", "đổi tên", "Chi bộ X", "CHI BỘ X"], "Thành", "CHI BỘ X", "the old name in Từ"),
        (["2025", "thành lập", "Chi bộ X", "Chi bộ Y"], "Từ", "Chi bộ X", "Từ blank"),
    ],
)
def test_a_bad_row_is_one_line_naming_file_row_column_and_value_exit_2(tmp_path, row, column, value, hint):
    path = make_csv(
        tmp_path / "bad.csv", [["Năm", "Thay đổi", "Từ", "Thành"], ["2025", "giải thể", "Chi bộ Q", ""], row]
    )
    result = run("orgs", "import", path, "--db", tmp_path / "s.sqlite")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(path) in lines[0] and "row 3" in lines[0] and f"({column})" in lines[0]
    assert f"'{value}'" in lines[0] and hint in lines[0]
    assert not (tmp_path / "s.sqlite").exists()  # nothing half-written


def test_a_header_without_the_columns_says_which(tmp_path):
    path = make_csv(tmp_path / "bad.csv", [["Năm", "Loại", "Tên"], ["2025", "giải thể", "X"]])
    result = run("orgs", "import", path, "--db", tmp_path / "s.sqlite")
    assert result.exit_code == 2
    assert "no column Thay đổi, Từ, Thành" in result.stderr and "row 1" in result.stderr


# -- the lineage, pure ----------------------------------------------------------------------------


def lineage():
    from ccq_stats.figures.lineage import Change, Lineage

    return Lineage(
        [
            Change(2025, "renamed", (A,), (A2,)),
            Change(2025, "merged", (D, E), (C,)),
            Change(2025, "dissolved", (F,)),
            Change(2025, "established", (), (H,)),
            Change(2023, "renamed", ("Chi bộ Sở Nội vụ cũ",), (A,)),
        ]
    )


def test_follow_and_former_go_through_renames_only():
    line = lineage()
    assert line.follow("Chi bộ Sở Nội vụ cũ", 2022, 2025) == A2
    assert line.follow("Chi bộ Sở Nội vụ cũ", 2022, 2024) == A
    assert line.follow(A, 2024, 2024) == A  # the rename is of 2025
    assert line.follow("chi bộ sở  NỘI VỤ", 2025, 2025) == A2  # a 2025 file with the old name, spelt otherwise
    assert line.follow(D, 2024, 2025) == D  # a merger makes another organisation
    assert line.former(A2, 2025) == [
        {"name": A, "until": 2025, "kind": "renamed"},
        {"name": "Chi bộ Sở Nội vụ cũ", "until": 2023, "kind": "renamed"},
    ]
    assert line.former(A2, 2024) == []


def test_events_name_the_other_side_of_a_merger():
    from ccq_stats.figures.lineage import event_text

    line = lineage()
    assert [event_text(e) for e in line.events(C)] == [f"sáp nhập năm 2025 từ {D}, {E}"]
    assert [event_text(e) for e in line.events(D)] == [f"năm 2025 sáp nhập vào {C}"]
    assert [event_text(e) for e in line.events(F)] == ["giải thể năm 2025"]
    assert [event_text(e) for e in line.events(H)] == ["thành lập năm 2025"]
    assert line.events(A2) == []
    assert line.related(C) == {C, D, E}


def test_who_is_expected_after_the_changes():
    line = lineage()
    names, applied = line.expected([A, D, E, F, G], 2024, 2025)
    assert names == [A2, C, G, H]
    assert [(a["change"].kind, a["removed"], a["added"]) for a in applied] == [
        ("renamed", [A], [A2]),
        ("merged", [D, E], [C]),
        ("dissolved", [F], []),
        ("established", [], [H]),
    ]
    # a roster given for 2025 itself: what ended goes, nothing is added
    assert line.expected([A, F, G], 0, 2025, add_new=False)[0] == [A2, G]
    # a merger of the year after the list changes nothing
    assert line.expected([D, E], 2025, 2025)[0] == [D, E]


def test_drift_by_spelling_and_by_place_words_with_the_joining_row():
    from ccq_stats.figures.lineage import Lineage, drift, drift_key

    assert drift_key("Chi bộ Sở Tư Pháp tỉnh") == drift_key("Chi bộ Sở Tư pháp") == "chi bộ sở tư pháp"
    assert drift_key("Chi bộ Số Tư pháp") != drift_key("Chi bộ Sở Tư pháp")  # diacritics kept: other words
    found = drift({G: {2023, 2024}, G2: {2025}, "CHI BỘ SỞ Y TẾ": {2023}, "Chi bộ Sở Y tế": {2024}, H: {2025}})
    assert [(d["names"], d["signal"], d["suggestion"].file_row()) for d in found] == [
        (["CHI BỘ SỞ Y TẾ", "Chi bộ Sở Y tế"], "spelling", "2024,đổi tên,CHI BỘ SỞ Y TẾ,Chi bộ Sở Y tế"),
        ([G, G2], "place_words", f"2025,đổi tên,{G},{G2}"),
    ]
    from ccq_stats.figures.lineage import Change

    assert drift({G: {2024}, G2: {2025}}, Lineage([Change(2025, "renamed", (G,), (G2,))])) == []  # recorded: joined
    both = drift({G: {2024, 2025}, G2: {2025}})
    assert both[0]["suggestion"] is None  # both written in 2025: no rename to suggest


# -- the store: import, list, versions, revert, migration ----------------------------------------


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_orgs_import_list_and_the_same_file_again(filled, tmp_path):
    listed = run("orgs", "list", "-f", "json")
    assert listed.exit_code == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["year"], r["kind"], r["sources"], r["targets"], r["decision"]) for r in rows] == [
        (2025, "renamed", [A], [A2], "12-QĐ/TU"),
        (2025, "merged", [D, E], [C], "15-QĐ/TU"),
        (2025, "dissolved", [F], [], ""),
        (2025, "established", [], [H], ""),
    ]
    csv_rows = rows_of(run("orgs", "list", "-f", "csv").stdout)
    assert csv_rows[0][:5] == ["year", "day", "kind", "kind_name", "sources"]
    assert csv_rows[2][4] == f"{D}; {E}"
    again = run("orgs", "import", tmp_path / "sap_xep.csv")
    assert again.exit_code == 0 and "nothing changed" in again.stderr


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_a_corrected_lineage_is_a_version_and_revert_brings_the_first_back(filled, tmp_path):
    fixed = make_csv(tmp_path / "sap_xep_sua.csv", [LINEAGE[0], ["2025", "giải thể", F, "", "", ""]])
    result = run("orgs", "import", fixed)
    assert result.exit_code == 0 and "2025: changes 0 added, 3 replaced" in result.stderr
    assert [r["kind"] for r in json.loads(run("orgs", "list", "-f", "json").stdout)] == ["dissolved"]
    # the state a report was built from (import 6: five rating files, then the lineage) comes back
    assert len(json.loads(run("orgs", "list", "-f", "json", "--as-of", "6").stdout)) == 4
    refused = run("orgs", "import", "--revert", "3")  # a ratings import
    assert refused.exit_code == 2 and "not a lineage import" in refused.stderr
    undone = run("orgs", "import", "--revert", "7")
    assert undone.exit_code == 0, undone.stderr
    assert len(json.loads(run("orgs", "list", "-f", "json").stdout)) == 4
    assert run("orgs", "import", "--revert", "6").exit_code == 2  # import 7 replaced what 6 brought


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_a_schema_2_store_is_migrated_to_3_without_losing_a_row(store_location, tmp_path):
    from ccq_stats.store import Store
    from ccq_stats.store.backends import connect
    from ccq_stats.store.schema import VERSION

    sql = (Path(__file__).parent / "data" / "store_schema_2.sql").read_text(encoding="utf-8")
    statements = [
        s.strip()
        for s in "\n".join(line for line in sql.splitlines() if not line.startswith("--")).split(";")
        if s.strip()
    ]
    conn = connect(store_location, create=True)
    with conn.writing():
        for statement in statements:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO imports (id, at, user_name, host, command, years, records, orgs_added, orgs_changed, orgs_unchanged,"
            " records_added, records_changed, records_removed, changes) VALUES (1, '2025-01-02T03:00:00+00:00', 'u', 'h',"
            " 'import x.csv', '2024', 1, 1, 0, 0, 1, 0, 0, '[]')"
        )
        conn.insert_many(
            "records",
            [
                "import_id",
                "seq",
                "year",
                "subject",
                "shape",
                "org",
                "parent",
                "org_key",
                "parent_key",
                "org_kind",
                "host_type",
                "status",
                "tier",
                "exemplary",
                "disciplined",
                "count",
                "source_file",
                "source_sheet",
                "source_row",
                "source_col",
                "source_header",
                "raw_label",
                "file_sha256",
            ],
            [
                (
                    1,
                    0,
                    2024,
                    "units",
                    "units",
                    A,
                    None,
                    "chi bo so noi vu",
                    "",
                    None,
                    None,
                    "rated",
                    "top",
                    0,
                    0,
                    1,
                    "x.csv",
                    None,
                    2,
                    2,
                    "Xếp loại",
                    "HTXSNV",
                    "ab",
                )
            ],
        )
    conn.close()
    lineage_file = make_csv(tmp_path / "l.csv", [["Năm", "Thay đổi", "Từ", "Thành"], ["2025", "đổi tên", A, A2]])
    assert run("orgs", "import", lineage_file, "--quiet").exit_code == 0
    with Store.open(store_location) as store:
        assert store.conn.rows("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == str(
            VERSION
        )  # 3, then on
        assert store.conn.rows("SELECT id, kind FROM imports ORDER BY id") == [(1, None), (2, "orgs")]
        assert len(store.conn.rows("SELECT * FROM records")) == 1
    history = run("history", "--org", A2)
    assert history.exit_code == 0, history.stderr
    assert f"trước năm 2025: {A}" in history.stdout and "HTXSNV" in history.stdout


# -- following an organisation --------------------------------------------------------------------


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_history_follows_a_rename_and_names_a_merger_from_both_sides(filled):
    from ccq_stats.api import history

    found = history()
    rows = {o["org"]: o for o in found["organisations"]}
    assert A not in rows  # one organisation, under its name now
    assert [rows[A2]["labels"][y] for y in range(2021, 2026)] == ["HTXSNV"] * 5
    assert rows[A2]["note"] == f"trước năm 2025: {A}"
    assert rows[C]["note"] == f"sáp nhập năm 2025 từ {D}, {E}"
    assert rows[D]["note"] == f"năm 2025 sáp nhập vào {C}" and rows[D]["labels"][2025] == ""
    assert rows[F]["note"] == "giải thể năm 2025"
    assert [(d["names"], d["signal"]) for d in found["drift"]] == [([G, G2], "place_words")]
    by_old_name = run("history", "--org", A)
    assert by_old_name.exit_code == 0 and A2 in by_old_name.stdout
    merged = run("history", "--org", C)
    assert merged.exit_code == 0
    table = merged.stdout.split("Xếp loại theo năm", 1)[1]
    assert D in table and E in table and C in table and F not in table  # its predecessors' years, named
    assert G2 not in merged.stderr  # the drift of other organisations is not this one's
    drift_warning = [line for line in run("history", "--org", G2).stderr.splitlines() if G2 in line]
    assert drift_warning and "only place words at the end differ" in drift_warning[0]
    assert f"2025,đổi tên,{G},{G2}" in drift_warning[0]


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_the_term_report_counts_a_run_across_a_rename_never_across_a_merger(filled):
    from ccq_stats.api import report_store

    context = report_store(term="2020-2025", years="2021-2025", today=None, issuer={})
    assert [o["org"] for o in context["candidates"]] == [A2]  # 5 years in a row, 4 as A and 1 as A2
    assert context["candidates"][0]["note"] == f"trước năm 2025: {A}"
    assert context["falls"] == []  # C (good, 2025) is no fall from D (top, 2024): another organisation
    [merger] = [c for c in context["lineage"]["changes"] if c["kind"] == "merged"]
    assert merger["before"] == [{"org": D, "year": 2024, "label": "HTXSNV"}, {"org": E, "year": 2024, "label": "HTTNV"}]
    assert merger["after"] == [{"org": C, "year": 2025, "label": "HTTNV"}]
    assert [c["kind"] for c in context["lineage"]["changes"]] == ["merged", "dissolved", "established"]
    md = run("report", "--term", "2020-2025", "--years", "2021-2025", "--date", "2026-01-05")
    assert md.exit_code == 0, md.stderr
    assert f"{A2} (trước năm 2025: {A})" in md.stdout
    assert f"{D}, {E} sáp nhập thành {C}" in md.stdout
    assert (
        f"'{G}' (2021–2024) and '{G2}' (2025) may be one organisation (only place words at the end differ); not joined"
        in md.stderr
    )


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_without_the_lineage_the_rename_breaks_the_run(tmp_path):
    """The same files read with and without --orgs FILE: the report follows the file's lineage."""
    files = years_files(tmp_path)
    lineage_file = make_csv(tmp_path / "sap_xep.csv", LINEAGE)
    base = ["report", "--term", "2020-2025", "--years", "2021-2025", "--date", "2026-01-05", "-f", "txt", *files]
    without = run(*base)
    followed = run(*base, "--orgs", lineage_file)
    assert without.exit_code == 0 and followed.exit_code == 0, followed.stderr
    assert "năm liền đạt mức cao nhất, đề nghị" not in without.stdout
    assert "Có 1 chi, đảng bộ cơ sở 5 năm liền đạt mức cao nhất" in followed.stdout


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_the_month_roster_expects_organisations_as_they_are_now(filled):
    from ccq_stats.api import month_report

    roster = month_report(month="2025-12", today=None, issuer={})["roster"]
    assert (roster["source"], roster["source_year"]) == ("previous_year", 2024)
    assert roster["reported"] == [A2, C, H]
    assert roster["not_reported"] == [G]  # written G2 in 2025: drift, never joined silently
    assert roster["outside"] == [G2]
    assert roster["total"] == 4
    month = run("report", "--month", "2025-12", "--date", "2025-12-31", "-f", "txt")
    assert month.exit_code == 0, month.stderr
    assert "Năm 2025, đã có 3/4 tổ chức cơ sở đảng báo cáo (75,00%), còn 1 tổ chức chưa báo cáo" in month.stdout
    assert (
        f"Danh sách đã tính theo các thay đổi tổ chức: {A} đổi tên thành {A2} năm 2025; {D}, {E} sáp nhập thành {C} năm 2025; "
        f"{F} giải thể năm 2025; {H} thành lập năm 2025."
    ) in month.stdout


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_history_org_lists_a_dang_bo_before_its_chi_bo(tmp_path):
    db = tmp_path / "s.sqlite"
    cells = make_csv(
        tmp_path / "chi_bo.csv",
        [["Tên tổ chức đảng", "Trực thuộc", "Năm", "Xếp loại"], ["Chi bộ Phòng Một", "Đảng bộ Sở Y tế", 2024, "HTTNV"]],
    )
    units = make_csv(tmp_path / "to_chuc.csv", [UNITS, ["Đảng bộ Sở Y tế", 2024, "HTXSNV"]])
    for path in (cells, units):  # the cells' file first: list order would put the đảng bộ last
        assert run("import", path, "--db", db, "--quiet").exit_code == 0
    result = run("history", "--org", "Đảng bộ Sở Y tế", "--db", db)
    assert result.exit_code == 0, result.stderr
    table = result.stdout.split("Xếp loại theo năm", 1)[1].splitlines()
    rows = [line for line in table if "Phòng Một" in line or line.startswith("Đảng bộ Sở Y tế")]
    assert rows[0].startswith("Đảng bộ Sở Y tế") and "Chi bộ Phòng Một" in rows[1]


def test_import_times_are_shown_in_local_time_with_their_offset(monkeypatch):
    import time

    from ccq_stats.numbers import local_time

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        assert local_time("2026-12-07T17:06:09+00:00") == "2026-12-08 00:06:09+07:00"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_orgs_check_lists_drift_with_its_signal_and_row(filled):
    result = run("orgs", "check", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert rows_of(result.stdout) == [
        ["name", "years", "other_name", "other_years", "signal", "suggestion"],
        [G, "2021; 2022; 2023; 2024", G2, "2025", "place_words", f"2025,đổi tên,{G},{G2}"],
    ]


@pytest.mark.slow  # a store filled by imports, or a report: seconds
def test_the_lineage_table_is_never_written_by_a_reader(filled):
    """A reading command on a schema-3 store changes nothing (no migration, no write)."""
    before = sqlite3.connect(filled).execute("SELECT COUNT(*) FROM org_changes").fetchone()
    assert run("orgs", "list").exit_code == 0 and run("history").exit_code == 0
    assert sqlite3.connect(filled).execute("SELECT COUNT(*) FROM org_changes").fetchone() == before == (4,)
