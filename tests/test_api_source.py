"""The source a command reads (files or a store), decided once in the API – not in each command."""

from __future__ import annotations

import pytest

from ccq_stats.api import ReadOptions, Source, refuse_overwriting_inputs, report_source, source_of
from ccq_stats.errors import InputError


@pytest.fixture
def no_store(tmp_path, monkeypatch):
    monkeypatch.setenv("CCQ_STATS_DB", str(tmp_path / "none.sqlite"))
    return tmp_path


@pytest.fixture
def a_store(tmp_path, monkeypatch):
    store = tmp_path / "ccq.sqlite"
    store.write_bytes(b"")  # there is a file: the store exists (opening it is the store's business)
    monkeypatch.setenv("CCQ_STATS_DB", str(store))
    return store


def test_paths_are_files(no_store):
    assert source_of(["a.csv", "b.xlsx"]) == Source.files(["a.csv", "b.xlsx"])
    assert not source_of(["a.csv"]).is_store


def test_no_paths_reads_the_store_there_is(a_store):
    source = source_of(None, as_of="3")
    assert source.is_store and source.db == str(a_store) and source.as_of == "3"


def test_db_names_the_store_even_before_it_exists(no_store):
    assert source_of([], db="elsewhere.sqlite") == Source.store("elsewhere.sqlite")


@pytest.mark.parametrize(
    ("paths", "db", "as_of", "says"),
    [
        (["a.csv"], "ccq.sqlite", None, "give files or --db, not both"),
        (["a.csv"], None, "3", "--as-of reads the store"),
    ],
)
def test_files_and_a_store_together_are_an_error(no_store, paths, db, as_of, says):
    with pytest.raises(InputError, match=says):
        source_of(paths, db=db, as_of=as_of)


def test_nothing_to_read(no_store):
    with pytest.raises(InputError, match="no PATH given and no store yet"):
        source_of(None)
    assert source_of(None, required=False, default=["."]) == Source.files(["."])  # report, forms: the working folder


def test_options_only_files_take_are_refused_with_a_store(a_store):
    with pytest.raises(InputError, match="--year and --kind are for reading files"):
        source_of(None, options=ReadOptions(year=2019))
    with pytest.raises(InputError, match="--year and --kind are for reading files"):
        source_of(None, options=ReadOptions(kind="members"))
    assert source_of(None, options=ReadOptions(header_row=3)).is_store  # said of the files when imported; harmless


def test_the_month_summary_reads_the_store_only(no_store):
    assert report_source(None, month="2019-12", db="ccq.sqlite") == Source.store("ccq.sqlite")
    for given in ({"paths": ["a.csv"]}, {"paths": None, "term": "2015-2020"}, {"paths": None, "year": 2019}):
        with pytest.raises(InputError, match="--month summarises the store"):
            report_source(month="2019-12", **given)
    assert report_source(None) == Source.files(["."])


def test_an_output_never_replaces_what_is_read(tmp_path, a_store):
    data = tmp_path / "x.csv"
    data.write_text("a\n")
    with pytest.raises(InputError, match="one of the inputs"):
        refuse_overwriting_inputs(data, Source.files([str(tmp_path)]))
    with pytest.raises(InputError, match="one of the inputs"):
        refuse_overwriting_inputs(a_store, Source.store())  # the default store, through $CCQ_STATS_DB
    with pytest.raises(InputError, match="the output is a folder"):
        refuse_overwriting_inputs(tmp_path, Source.store())
    refuse_overwriting_inputs(tmp_path / "out.csv", Source.files([str(data)]))  # another file: fine
