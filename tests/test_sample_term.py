"""The second sample, sample_term_2020_2025/ (issue 22 §3): a bloc rated 2020–2024, succeeded in
2025 by a new đảng bộ, with organisations merged, renamed, dissolved, moved and established, and
the 2025 round scored out of 100 (QĐ 366).

Every expected figure comes from the generator's own model (sample_term_2020_2025/generate.py
writes tests/data/sample_term_expected.csv, sample_term_scores_expected.csv and
sample_term_lineage.json), never from ccq_stats. The folder is read once for the session."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT, figures, reads_kept, rows_of, run

FOLDER = ROOT / "sample_term_2020_2025"
DATA = FOLDER / "xep_loai"
LISTS = FOLDER / "to_chuc"
ORACLE = ROOT / "tests" / "data"
# one worker reads the folder once (the session fixtures below), the others leave these tests to it
pytestmark = pytest.mark.xdist_group("sample_term")


def oracle_counts() -> dict[tuple, int]:
    with open(ORACLE / "sample_term_expected.csv", encoding="utf-8") as stream:
        return {(int(r["year"]), r["subject"], r["category"]): int(r["count"]) for r in csv.DictReader(stream)}


def lineage_facts() -> dict:
    return json.loads((ORACLE / "sample_term_lineage.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def term_read_once():
    """The folder read once per process (about 10 s), for classify and check alike, as
    conftest.py does for sample_data/: later reads with the same options get a copy."""
    with reads_kept(DATA):
        yield


@pytest.fixture(scope="session")
def term_classify(term_read_once):
    """classify's CSV of the whole folder, 2020–2025 (the tests using it are slow)."""
    result = run("classify", DATA, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def term_check(term_read_once):
    result = run("check", DATA)
    assert result.exit_code in (0, 1), result.stderr  # 1: findings
    return result


# -- the figures, 2020–2025 -----------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023, 2024])
def test_every_figure_of_the_term_is_the_generators(term_classify, year):
    """Each layout of the term read right: the wide table (2020–2022), a sheet per year with a
    drifted name (2023–2024), cells, member rows in 1 and 2 sheets, CSV, a counts table, a list with
    a self-rating and members who left."""
    got = {k: v for k, v in figures(term_classify.stdout).items() if k[0] == year}
    expected = {k: v for k, v in oracle_counts().items() if k[0] == year}
    assert got == expected


@pytest.mark.slow
def test_the_2025_tiers_are_the_generators(term_classify):
    """2025 read by its decided tier, the score columns beside it notwithstanding."""
    got = {k: v for k, v in figures(term_classify.stdout).items() if k[0] == 2025 and not k[1].endswith("_scores")}
    assert got == {k: v for k, v in oracle_counts().items() if k[0] == 2025}


@pytest.mark.slow
def test_self_ratings_and_members_who_left_are_said_not_counted(term_classify):
    assert "'Tự xếp loại' not counted" in term_classify.stderr
    assert "dang_vien_2024.xlsx" in term_classify.stderr and "who left during the year" in term_classify.stderr


@pytest.mark.slow
def test_the_2025_score_bands_and_means_are_the_generators(term_classify):
    """Per subject: the rated with a decided score (organisations: 'Điểm cấp ủy cấp trên chấm';
    members: 'Điểm chi bộ chấm', the only score beside the self-score), each band, the mean score
    over all and per tier (classify's share of a mean is the mean ÷ 100)."""
    got = {(int(r[0]), r[1], r[2]): (int(r[4]), r[5]) for r in rows_of(term_classify.stdout)[1:]}
    with open(ORACLE / "sample_term_scores_expected.csv", encoding="utf-8") as stream:
        expected = [r for r in csv.DictReader(stream) if r["category"] not in ("below_band", "above_band")]
    assert expected
    for r in expected:
        subject = f"{r['subject']}_scores"
        category = "mean" if r["category"] == "scored" else r["category"]
        if r["category"] == "scored":
            assert got[(2025, subject, "scored")][0] == int(r["count"]), r
        count, share = got[(2025, subject, category)]
        assert count == int(r["count"]), r
        if r["mean"]:
            assert float(share) == pytest.approx(float(r["mean"]) / 100, abs=1e-6), r
    assert not any(k[1].endswith("_scores") and k[0] != 2025 for k in got), "scores only where the lists have them"


@pytest.mark.slow
def test_the_term_checks_clean(term_check):
    """The model keeps the rules the tool checks for 2020–2024 (quotas, the top-unit conditions)."""
    findings = [r for r in csv.DictReader(term_check.stdout.splitlines()) if int(r["year"]) < 2025]
    assert findings == []


@pytest.mark.slow
def test_the_2025_tiers_below_their_band_are_warned_and_none_is_above(term_check):
    """Seeded: one member disciplined (KHTNV with a score of the good band) and his organisation
    (HTTNV with 92.5 points); no tier above its band."""
    with open(ORACLE / "sample_term_scores_expected.csv", encoding="utf-8") as stream:
        below = sum(int(r["count"]) for r in csv.DictReader(stream) if r["category"] == "below_band")
    findings = list(csv.DictReader(term_check.stdout.splitlines()))
    flagged = [r for r in findings if r["rule"] == "score_below_band"]
    assert len(flagged) == below == 2
    assert {r["severity"] for r in flagged} == {"warning"} and {r["year"] for r in flagged} == {"2025"}
    assert len({r["org"] for r in flagged}) == 1  # the member's organisation, and the member
    assert not [r for r in findings if r["rule"] == "score_above_band"]


# -- the organisation lists: the lineage file, the rosters -----------------------------------------


def test_the_lineage_file_has_exactly_the_agreed_format():
    """UTF-8 with a BOM, ';', the header agreed with `ccq-stats orgs import`; several names in one
    quoted cell separated by '; '; the rows are the generator's changes."""
    raw = (LISTS / "thay_doi_to_chuc_2025.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.splitlines()[0] == "Năm;Thay đổi;Từ;Thành;Số quyết định;Ghi chú"
    assert '"Chi bộ Báo tỉnh; Chi bộ Đài Phát thanh và Truyền hình tỉnh; Chi bộ Hội Văn học nghệ thuật tỉnh"' in text
    rows = list(csv.reader(text.splitlines(), delimiter=";"))[1:]
    changes = [
        {
            "kind": r[1],
            "from": [n.strip() for n in r[2].split(";") if n.strip()],
            "to": [n.strip() for n in r[3].split(";") if n.strip()],
            "decision": r[4],
            "note": r[5],
        }
        for r in rows
    ]
    assert changes == lineage_facts()["changes"]
    assert {r[0] for r in rows} == {"2025"}
    assert {c["kind"] for c in changes} <= {"đổi tên", "sáp nhập", "chia tách", "chuyển", "giải thể", "thành lập"}
    assert {c["kind"] for c in changes} >= {"đổi tên", "sáp nhập", "giải thể", "thành lập"}


def rosters() -> dict[int, list[str]]:
    out = {}
    for year in range(2020, 2026):
        with open(LISTS / f"danh_sach_to_chuc_{year}.csv", encoding="utf-8-sig") as stream:
            rows = list(csv.DictReader(stream, delimiter=";"))
        assert {r["Năm"] for r in rows} == {str(year)}
        out[year] = [r["Tên tổ chức"] for r in rows]
    return out


def test_the_rosters_follow_the_lineage_and_the_drift():
    """Each roster has the year's organisations (the oracle's total); 2024 → 2025 through the
    recorded changes only; the drifted name changes between 2022 and 2023 with nothing recorded."""
    lists, facts, counts = rosters(), lineage_facts(), oracle_counts()
    for year, names in lists.items():
        assert len(names) == len(set(names)) == counts[(year, "units", "total")]
        assert names == facts["rosters"][str(year)]
    successor = facts["successor"]
    assert sorted(successor) == sorted(lists[2024])
    established = [n for c in facts["changes"] if c["kind"] == "thành lập" for n in c["to"]]
    assert sorted({s for s in successor.values() if s} | set(established)) == sorted(lists[2025])
    gone = sorted(n for n, s in successor.items() if s is None)
    assert gone == ["Chi bộ Quỹ Đầu tư phát triển tỉnh", "Chi bộ Sở Ngoại vụ"]
    merged = {n for c in facts["changes"] if c["kind"] == "sáp nhập" for n in c["from"]}
    assert len(merged) == 9 and len({successor[n] for n in merged}) == 4
    old, new = facts["drift"]["names"]
    assert old in lists[2022] and new not in lists[2022] and new in lists[2023] and old not in lists[2023]
    assert new in lists[2025] and successor[new] == new
    recorded = {n for c in facts["changes"] for n in c["from"] + c["to"]}
    assert old not in recorded and new not in recorded


@pytest.mark.slow
def test_each_roster_imports(tmp_path):
    """`ccq-stats roster import` reads every year's roster file as written."""
    from ccq_stats.api import roster_import

    db = tmp_path / "ccq.sqlite"
    for year, names in rosters().items():
        assert roster_import(str(LISTS / f"danh_sach_to_chuc_{year}.csv"), db=str(db)) == {year: len(names)}


# -- the generator ---------------------------------------------------------------------------------


def parts(path) -> dict[str, bytes]:
    if path.suffix != ".xlsx":
        return {"": path.read_bytes()}
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.mark.slow
def test_the_generator_gives_the_same_bytes(tmp_path):
    """Deterministic: the same seed gives the files and the oracle committed here, byte for byte
    (a workbook: each of its parts, since another zlib may compress the same bytes otherwise)."""
    subprocess.run(
        [sys.executable, str(FOLDER / "generate.py"), str(tmp_path / "sample"), str(tmp_path / "oracle")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for folder, mine in ((DATA, tmp_path / "sample" / "xep_loai"), (LISTS, tmp_path / "sample" / "to_chuc")):
        assert sorted(p.name for p in mine.iterdir()) == sorted(p.name for p in folder.iterdir())
        for path in folder.iterdir():
            assert parts(mine / path.name) == parts(path), path.name
    for name in ("sample_term_expected.csv", "sample_term_scores_expected.csv", "sample_term_lineage.json"):
        assert (tmp_path / "oracle" / name).read_bytes() == (ORACLE / name).read_bytes(), name


def test_the_six_rosters_import_at_once_and_a_year_given_twice_changes_nothing(tmp_path):
    """`roster import` of several files: each year's roster as its own file gives it (the
    generator's lists); two files for one year are refused before the store is touched."""
    db = tmp_path / "r.sqlite"
    files = sorted(LISTS.glob("danh_sach_to_chuc_20*.csv"))
    result = run("roster", "import", *files, "--db", db)
    assert result.exit_code == 0, result.stderr
    for year, names in rosters().items():
        assert f"roster of {year}: {len(names)} organisations" in result.stderr
    again = tmp_path / "danh_sach_2020_ban_sao.csv"
    again.write_bytes((LISTS / "danh_sach_to_chuc_2020.csv").read_bytes())
    before = db.read_bytes()
    refused = run(
        "roster",
        "import",
        LISTS / "danh_sach_to_chuc_2021.csv",
        again,
        LISTS / "danh_sach_to_chuc_2020.csv",
        "--db",
        db,
    )
    assert refused.exit_code == 2 and "two files give the roster of 2020" in refused.stderr
    assert db.read_bytes() == before
