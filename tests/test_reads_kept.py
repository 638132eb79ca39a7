"""The suite reads sample_data/ once per worker and set of options (tests/conftest.py, reads_kept).
Nothing fails when that cache silently stops working (it did: the commands moved from
``api.read_records`` to ``api.read_with`` and the cache kept patching the old name) — the suite
only grew from six minutes to ten. This checks that two commands reading the same files with the
same options make one real read, and that a changed option makes another."""

from __future__ import annotations

import uuid

import pytest

from conftest import SAMPLE, run


@pytest.fixture
def real_reads(monkeypatch):
    """The list of real reads (calls of reading.paths.read_paths) made during the test, with a
    CCQ_* setting of its own so that no earlier test's read is kept under the same key."""
    import ccq_stats.reading.paths as paths

    monkeypatch.setenv("CCQ_TEST_READS_KEPT", uuid.uuid4().hex)  # every CCQ_* setting is in the key
    calls, real = [], paths.read_paths

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(paths, "read_paths", counted)
    return calls


def test_two_commands_on_the_sample_read_it_once(real_reads):
    first = run("classify", SAMPLE / "dang_vien_2018.csv", "-f", "csv")
    second = run("check", SAMPLE / "dang_vien_2018.csv", "-f", "csv")
    assert first.exit_code == 0 and second.exit_code in (0, 1)
    assert len(real_reads) == 1


def test_another_option_is_another_read(real_reads):
    assert run("classify", SAMPLE / "dang_vien_2018.csv", "-f", "csv").exit_code == 0
    assert run("classify", SAMPLE / "dang_vien_2018.csv", "--year", "2018", "-f", "csv").exit_code == 0
    assert len(real_reads) == 2


def test_files_outside_the_sample_are_always_read(real_reads, tmp_path):
    path = tmp_path / "tc.csv"
    path.write_text("Tên tổ chức cơ sở đảng,Năm,Xếp loại\nChi bộ A,2019,HTTNV\n", encoding="utf-8")
    for _ in range(2):
        assert run("classify", path, "-f", "csv").exit_code == 0
    assert len(real_reads) == 2
