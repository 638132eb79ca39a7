"""The store keeps the decided scores (issue 22, schema 4): ``import`` of a scored list, then
``classify --db`` gives the score figures the files give – on SQLite and PostgreSQL – versioned
with their records (a corrected score, ``--as-of``, ``import --revert``); a schema-3 store is
migrated to 4 without losing a row, and read without scores while it cannot be; the store still
keeps no member's name. Also: ``history --quiet`` keeps its warnings from stderr.

Expected figures: the sample's from its generator's oracle (tests/data/sample_term_scores_expected.csv),
the small lists' worked out by hand beside them."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from conftest import ROOT, make_csv, rows_of, run
from test_store_server import postgres_url, store_location  # noqa: F401  (fixtures)

DATA = ROOT / "sample_term_2020_2025" / "xep_loai"
ORACLE = ROOT / "tests" / "data" / "sample_term_scores_expected.csv"
SCORED = ["Tên tổ chức đảng", "Năm", "Điểm cấp ủy cấp trên chấm", "Xếp loại"]


def score_figures(csv_text: str) -> dict[tuple, tuple[int, str]]:
    """{(year, subject, category): (count, share)} of classify's score subjects."""
    return {(int(r[0]), r[1], r[2]): (int(r[4]), r[5]) for r in rows_of(csv_text)[1:] if r[1].endswith("_scores")}


def classify_scores(*args: str) -> dict[tuple, tuple[int, str]]:
    result = run("classify", "-f", "csv", *args)
    assert result.exit_code == 0, result.stderr
    return score_figures(result.stdout)


# -- the sample's 2025 round, through the store ----------------------------------------------------


@pytest.mark.slow  # two workbooks read and imported, on each back-end: seconds
def test_the_2025_scores_from_the_store_are_the_generators(store_location):
    result = run("import", DATA / "dang_vien_2025.xlsx", DATA / "to_chuc_co_so_dang_2025.xlsx", "--quiet")
    assert result.exit_code == 0, result.stderr
    got = classify_scores("--db", store_location)
    with open(ORACLE, encoding="utf-8") as stream:
        expected = [r for r in csv.DictReader(stream) if r["category"] not in ("below_band", "above_band")]
    assert {r["subject"] for r in expected} == {"units", "cells", "members"}
    for r in expected:
        subject = f"{r['subject']}_scores"
        category = "mean" if r["category"] == "scored" else r["category"]  # the oracle's overall mean rides on "scored"
        count, share = got[(2025, subject, category)]
        assert count == int(r["count"]), r
        assert got[(2025, subject, r["category"])][0] == int(r["count"]), r
        if r["mean"]:
            assert float(share) == pytest.approx(float(r["mean"]) / 100, abs=1e-6), r
    # the bands add up to the scored, as the oracle's do
    for subject in ("units", "cells", "members"):
        bands = sum(got[(2025, f"{subject}_scores", b)][0] for b in ("band_90", "band_70", "band_50", "band_0"))
        assert bands == got[(2025, f"{subject}_scores", "scored")][0]
    # the score rules run on the stored records as on the files: the oracle's two ratings below their band
    with open(ORACLE, encoding="utf-8") as stream:
        below = sum(int(r["count"]) for r in csv.DictReader(stream) if r["category"] == "below_band")
    check = run("check", "--db", store_location, "-f", "csv")
    assert check.exit_code in (0, 1), check.stderr
    flagged = [r for r in csv.DictReader(check.stdout.splitlines()) if r["rule"] == "score_below_band"]
    assert len(flagged) == below == 2


# -- small lists, figures by hand -------------------------------------------------------------------
# v1: A 92 HTXSNV, B 75 HTTNV, C 80,5 HTTNV, D 60 HTTNV (a tier above its band: an error)
#   scored 4; bands ≥90: 1 (A), 70–<90: 2 (B, C), 50–<70: 1 (D), <50: 0
#   mean (92 + 75 + 80.5 + 60) / 4 = 76.875; mean of HTTNV (75 + 80.5 + 60) / 3 = 71.8333…
# v2 (a corrected list): B 85 instead of 75, nothing else
#   mean (92 + 85 + 80.5 + 60) / 4 = 79.375; mean of HTTNV (85 + 80.5 + 60) / 3 = 75.1666…
V1 = [
    ["Chi bộ A", 2025, 92, "HTXSNV"],
    ["Chi bộ B", 2025, 75, "HTTNV"],
    ["Chi bộ C", 2025, "80,5", "HTTNV"],
    ["Chi bộ D", 2025, 60, "HTTNV"],
]
V2 = [V1[0], ["Chi bộ B", 2025, 85, "HTTNV"], V1[2], V1[3]]


def _v1_figures(got: dict) -> None:
    assert got[(2025, "units_scores", "scored")][0] == 4
    assert [got[(2025, "units_scores", b)][0] for b in ("band_90", "band_70", "band_50", "band_0")] == [1, 2, 1, 0]
    assert float(got[(2025, "units_scores", "mean")][1]) == pytest.approx(0.76875, abs=1e-6)
    assert got[(2025, "units_scores", "mean_good")][0] == 3
    assert float(got[(2025, "units_scores", "mean_good")][1]) == pytest.approx(0.718333, abs=1e-6)
    assert float(got[(2025, "units_scores", "mean_top")][1]) == pytest.approx(0.92, abs=1e-6)


def _v2_figures(got: dict) -> None:
    assert [got[(2025, "units_scores", b)][0] for b in ("band_90", "band_70", "band_50", "band_0")] == [1, 2, 1, 0]
    assert float(got[(2025, "units_scores", "mean")][1]) == pytest.approx(0.79375, abs=1e-6)
    assert float(got[(2025, "units_scores", "mean_good")][1]) == pytest.approx(0.751667, abs=1e-6)


@pytest.mark.slow  # three imports and five reads of a store, on each back-end
def test_a_corrected_score_is_a_new_version_as_of_and_revert_give_the_old_one(store_location, tmp_path):
    first = make_csv(tmp_path / "to_chuc_2025.csv", [SCORED, *V1], delimiter=";")
    fixed = make_csv(tmp_path / "to_chuc_2025_sua.csv", [SCORED, *V2], delimiter=";")
    assert run("import", first, "--quiet").exit_code == 0
    _v1_figures(classify_scores())
    again = run("import", fixed)
    assert again.exit_code == 0, again.stderr
    # only a score changed: one organisation changed, its one record changed (the tier is the same)
    assert "organisations 0 added, 1 changed, 3 unchanged; records 0 added, 1 changed, 0 removed" in again.stderr
    _v2_figures(classify_scores())
    _v1_figures(classify_scores("--as-of", "1"))
    # history names the correction by its scores (the tier stayed HTTNV), and so does --changes
    history = run("history", "--org", "Chi bộ B", "--quiet")
    assert history.exit_code == 0, history.stderr
    assert "HTTNV · 75 điểm (1, to_chuc_2025.csv) → HTTNV · 85 điểm (2, to_chuc_2025_sua.csv)" in history.stdout
    changes = run("history", "--changes", "--since", "1", "--quiet")
    assert changes.exit_code == 0, changes.stderr
    assert "HTTNV · 75 điểm  HTTNV · 85 điểm" in changes.stdout
    # the score rule finds D from the store, in every version
    check = run("check", "-f", "csv")
    assert [
        (r["rule"], r["org"]) for r in csv.DictReader(check.stdout.splitlines()) if r["rule"].startswith("score_")
    ] == [("score_above_band", "Chi bộ D")]
    revert = run("import", "--revert", "2", "--quiet")
    assert revert.exit_code == 0, revert.stderr
    _v1_figures(classify_scores())
    _v2_figures(classify_scores("--as-of", "2"))
    # the same list again writes nothing: the scores are part of what is compared
    assert "import 4" not in run("import", first).stderr


@pytest.mark.slow  # imports into a store: about a second
def test_a_list_without_scores_stores_none_and_gives_no_score_figures(tmp_path):
    db = str(tmp_path / "s.sqlite")
    plain = make_csv(
        tmp_path / "to_chuc_2024.csv", [["Tên tổ chức đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2024, "HTXSNV"]]
    )
    assert run("import", plain, "--db", db, "--quiet").exit_code == 0
    assert classify_scores("--db", db) == {}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT score_hundredths FROM records").fetchall() == [(None,)]


@pytest.mark.slow  # imports into a store: about a second
def test_scores_are_kept_exactly_in_hundredths(tmp_path):
    """80,5 → 8050 and back to 80.5; the kept figures are whole numbers on both back-ends."""
    db = str(tmp_path / "s.sqlite")
    assert (
        run("import", make_csv(tmp_path / "u.csv", [SCORED, *V1], delimiter=";"), "--db", db, "--quiet").exit_code == 0
    )
    with sqlite3.connect(db) as conn:
        kept = dict(conn.execute("SELECT org, score_hundredths FROM records"))
    assert kept == {"Chi bộ A": 9200, "Chi bộ B": 7500, "Chi bộ C": 8050, "Chi bộ D": 6000}


def test_the_rows_keep_a_score_to_the_hundredth():
    from ccq_stats.store.rows import hundredths, score_of

    for score in (0.0, 33.0, 49.99, 50.0, 80.5, 85.25, 89.99, 100.0):
        assert score_of(hundredths(score)) == score  # the float the reader gives, exactly
    assert hundredths(float("nan")) is None and hundredths(None) is None


# -- schema 3 → 4 -----------------------------------------------------------------------------------


def _schema_3_store(location: str) -> None:
    """A schema-3 store as ccq-stats wrote it before scores (tests/data/store_schema_3.sql) with
    one import of one organisation, rated HTXSNV in 2025, and no score."""
    from ccq_stats.store.backends import connect
    from ccq_stats.store.schema import RECORD_COLUMNS

    sql = (Path(__file__).parent / "data" / "store_schema_3.sql").read_text(encoding="utf-8")
    statements = [
        s.strip()
        for s in "\n".join(line for line in sql.splitlines() if not line.startswith("--")).split(";")
        if s.strip()
    ]
    conn = connect(location, create=True)
    with conn.writing():
        for statement in statements:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO imports (id, at, user_name, host, command, years, records, orgs_added, orgs_changed, orgs_unchanged,"
            " records_added, records_changed, records_removed, changes) VALUES (1, '2026-01-02T03:00:00+00:00', 'u', 'h',"
            " 'import to_chuc_2025.csv', '2025', 1, 1, 0, 0, 1, 0, 0, '[]')"
        )
        conn.insert_many(
            "records",
            list(RECORD_COLUMNS),
            [
                (
                    1,
                    0,
                    2025,
                    "units",
                    "units",
                    "Chi bộ A",
                    None,
                    "chi bộ a",
                    "",
                    None,
                    None,
                    "rated",
                    "top",
                    0,
                    0,
                    1,
                    "to_chuc_2025.csv",
                    None,
                    2,
                    3,
                    "Xếp loại",
                    "HTXSNV",
                    "ab",
                )
            ],
        )
    conn.close()


@pytest.mark.slow  # a store made, migrated and imported into, on each back-end
def test_a_schema_3_store_is_migrated_to_4_without_losing_a_row(store_location, tmp_path):
    from ccq_stats.store import Store
    from ccq_stats.store.schema import VERSION

    _schema_3_store(store_location)
    before = run("classify", "-f", "csv")  # opening it migrates it
    assert before.exit_code == 0, before.stderr
    assert score_figures(before.stdout) == {}
    assert "2025,units,top," in before.stdout
    with Store.open(store_location) as store:
        assert VERSION == 4
        assert store.conn.rows("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == "4"
        assert store.conn.rows("SELECT org, tier, score_hundredths, valid_to FROM records") == [
            ("Chi bộ A", "top", None, None)
        ]
    # the list imported again with its scores: a new version of the record, now with its score
    again = run("import", make_csv(tmp_path / "to_chuc_2025.csv", [SCORED, ["Chi bộ A", 2025, 95, "HTXSNV"]]))
    assert again.exit_code == 0, again.stderr
    assert "records 0 added, 1 changed, 0 removed" in again.stderr
    got = classify_scores()
    assert got[(2025, "units_scores", "band_90")][0] == 1
    assert float(got[(2025, "units_scores", "mean")][1]) == pytest.approx(0.95)
    assert score_figures(run("classify", "-f", "csv", "--as-of", "1").stdout) == {}


def test_a_schema_3_store_that_cannot_be_upgraded_is_read_without_scores(tmp_path):
    """The reader's path for a store it could not migrate (a copy it may only read): the columns of
    schema 3, no score – not an error about a missing column."""
    from ccq_stats.store import Store
    from ccq_stats.store.backends import connect

    location = str(tmp_path / "old.sqlite")
    _schema_3_store(location)
    store = Store(connect(location, create=False))
    store.schema = 3  # as migrate() leaves it when the upgrade is refused
    try:
        snapshot = store.load()
    finally:
        store.close()
    records = snapshot["records"]
    assert records[["org", "tier"]].values.tolist() == [["Chi bộ A", "top"]]
    assert records["score"].isna().all() and str(records["score"].dtype) == "float64"


# -- privacy: scores, never names ------------------------------------------------------------------


@pytest.mark.slow  # imports into a store: about a second
def test_a_scored_member_list_leaves_no_name_in_the_store(tmp_path):
    db = tmp_path / "s.sqlite"
    names = ["Nguyễn Văn Một", "Trần Thị Hai"]
    members = make_csv(
        tmp_path / "dang_vien_2025.csv",
        [
            ["Họ và tên", "Chi bộ", "Năm", "Điểm chi bộ chấm", "Xếp loại"],
            [names[0], "Chi bộ A", 2025, 91, "HTXSNV"],
            [names[1], "Chi bộ A", 2025, "72,5", "HTTNV"],
        ],
        delimiter=";",
    )
    result = run("import", members, "--db", db, "--quiet")
    assert result.exit_code == 0, result.stderr
    got = classify_scores("--db", db)
    assert got[(2025, "members_scores", "scored")][0] == 2
    assert float(got[(2025, "members_scores", "mean")][1]) == pytest.approx((91 + 72.5) / 200)
    raw = db.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("s.sqlite-*"))
    for name in names:
        assert name.encode("utf-8") not in raw


# -- history --quiet -------------------------------------------------------------------------------


@pytest.mark.slow  # imports into a store: about a second
def test_history_quiet_keeps_its_warnings_from_stderr(tmp_path):
    """Name drift (one organisation written two ways, no lineage) is a warning of history: said
    without --quiet, kept back with it, the page itself the same."""
    db = str(tmp_path / "s.sqlite")
    header = ["Tên tổ chức đảng", "Năm", "Xếp loại"]
    assert (
        run(
            "import",
            make_csv(tmp_path / "a.csv", [header, ["Chi bộ Sở Tư pháp", 2024, "HTTNV"]]),
            "--db",
            db,
            "--quiet",
        ).exit_code
        == 0
    )
    assert (
        run(
            "import",
            make_csv(tmp_path / "b.csv", [header, ["Chi bộ Sở Tư Pháp", 2025, "HTTNV"]]),
            "--db",
            db,
            "--quiet",
        ).exit_code
        == 0
    )
    loud, quiet = run("history", "--db", db), run("history", "--db", db, "--quiet")
    assert loud.exit_code == quiet.exit_code == 0
    assert "may be one organisation" in loud.stderr
    assert quiet.stderr == ""
    assert quiet.stdout == loud.stdout


def test_a_version_of_members_names_their_mean_score():
    """(91 + 72,5 × 2) / 3 = 78,67; a row not rated, or without a score, takes no part."""
    from ccq_stats.store.history import _version_label
    from ccq_stats.vocabulary.scales import STATUS_NAMES, load_scales

    def row(tier, score, count=1, status="rated"):
        return {
            "subject": "members",
            "year": 2025,
            "status": status,
            "tier": tier,
            "exemplary": 0,
            "count": count,
            "score_hundredths": score,
        }

    rows = [row("top", 9100), row("good", 7250, 2), row("", None, 1, "exempt"), row("good", None)]
    assert _version_label(load_scales(None), rows) == (
        f"HTXSNV 1 · HTTNV 3 · {STATUS_NAMES['exempt']} 1 · bình quân 78,67 điểm"
    )
