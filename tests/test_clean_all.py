"""``text.clean_all`` (a column's texts tested in blocks) gives exactly what ``text.clean`` gives
to each value, for any values: the reading takes a long column's texts from it."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ccq_stats.text import clean, clean_all

# the characters the block test turns on: its separator, spaces of every kind, invisibles, marks
# that compose (or not) with a letter before them, Vietnamese letters in both forms, controls
_TRICKY = "|| \u00a0\u2003\t\n\r\u200b\u200c\u200d\ufeff\u00ad\u0301\u0300\u0323\u0303\u0309\u0302\u031b\x00\x1f\x85"
_LETTERS = "aAeEoOuUyđĐ" + unicodedata.normalize("NFD", "ắằẳẵặệộờởỡợứừửữựỳ") + "ắằẳẵặệộờởỡợứừửữựỳ"
_texts = st.one_of(
    st.text(alphabet=st.sampled_from(_TRICKY + _LETTERS), max_size=8),
    st.text(max_size=8),  # any Unicode, surrogates aside
    st.sampled_from(["", " ", "|", " |", "| ", "Nguyễn Văn An", "Chi bộ 1"]),
)
_values = st.one_of(
    _texts,
    _texts,
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**20), 10**20),
    st.booleans(),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_values, max_size=40), st.integers(1, 9))
def test_clean_all_is_clean_of_each_value(values, block):
    assert clean_all(values, block=block) == [clean(v) for v in values]


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts, min_size=1, max_size=30))
def test_a_block_of_texts_alone_is_clean_of_each(texts):
    # all texts: the joined test decides for the whole block at once
    assert clean_all(texts, block=len(texts)) == [clean(t) for t in texts]


def test_a_long_column_of_plain_names_comes_back_as_it_is():
    names = [f"Nguyễn Văn An {i}" for i in range(2000)] + ["  Lê  Thị\u00a0Hoa "] + ["Trần Bình"] * 10
    out = clean_all(names)
    assert out[:2000] == names[:2000]
    assert out[2000] == "Lê Thị Hoa"
    assert out[2001:] == ["Trần Bình"] * 10
