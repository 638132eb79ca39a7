"""What a command says on stderr of what it did, whichever source it read or undid.

- ``import --revert N`` of a lineage import (``orgs import``) says it undid a lineage import, in
  changes of organisations (the lineage's own words), not in rating records.
- ``forms`` from the store says the same warnings as ``forms`` from the files the store holds
  (which rows of the forms stay empty, and why).
"""

from __future__ import annotations

import csv

import pytest

from conftest import ROOT, make_csv, run

LINEAGE = ROOT / "sample_term_2020_2025" / "to_chuc" / "thay_doi_to_chuc_2025.csv"


@pytest.mark.slow
def test_import_revert_of_a_lineage_import_says_what_it_undid(tmp_path):
    db = tmp_path / "store.sqlite"
    with open(LINEAGE, encoding="utf-8-sig", newline="") as f:
        changes = len(list(csv.DictReader(f, delimiter=";")))  # one change a row: the file's 2025 changes
    assert changes == 9
    assert run("orgs", "import", LINEAGE, "--db", db).exit_code == 0
    for dry_run, first in (
        (["--dry-run"], "would undo the lineage import as a new import into"),
        ([], "the lineage import undone by a new import (import 2) into"),
    ):
        result = run("import", "--revert", "1", "--db", db, *dry_run)
        assert result.exit_code == 0, result.stderr
        lines = result.stderr.splitlines()
        assert lines[0].startswith(f"ccq-stats: {first}"), lines
        assert lines[1:] == [f"ccq-stats: 2025: changes 0 added, {changes} replaced"]
        assert "records" not in result.stderr and "organisations 0 added" not in result.stderr
    listed = run("orgs", "list", "--db", db, "--format", "csv")
    assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == 1  # the header only: undone


@pytest.mark.slow
def test_forms_from_the_store_warn_as_forms_from_the_files(tmp_path):
    members = make_csv(
        tmp_path / "dang_vien_2019.csv",
        [
            ["STT", "Họ và tên", "Năm sinh", "Chi bộ", "Năm", "Xếp loại"],
            [1, "Nguyễn Văn A", 1970, "Chi bộ Sở Tư pháp", 2019, "Hoàn thành tốt nhiệm vụ"],
            [2, "Trần Thị B", 1980, "Chi bộ Sở Tư pháp", 2019, "Hoàn thành nhiệm vụ"],
            [3, "Lê Văn C", 1975, "Chi bộ Sở Y tế", 2019, "Hoàn thành xuất sắc nhiệm vụ"],
        ],
    )
    db = tmp_path / "store.sqlite"
    from_files = run("forms", "--year", "2019", members, "-o", tmp_path / "files.xlsx")
    assert run("import", members, "--db", db, "-q").exit_code == 0
    from_store = run("forms", "--year", "2019", "--db", db, "-o", tmp_path / "store.xlsx")
    assert from_files.exit_code == from_store.exit_code == 0, from_files.stderr + from_store.stderr

    def warnings(stderr: str) -> list[str]:
        return [line for line in stderr.splitlines() if line.startswith("ccq-stats: warning: form ")]

    # a member list only: no organisation is rated, so the organisations' form has rows it cannot fill
    assert any("the input has no ratings of grassroots organisations" in w for w in warnings(from_files.stderr))
    assert warnings(from_store.stderr) == warnings(from_files.stderr)
