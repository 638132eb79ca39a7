"""The member key (reading/identity.py): norm_key's folding, vectorised, to the letter."""

from __future__ import annotations

import unicodedata

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ccq_stats.reading.identity import blank, fold, member_keys
from ccq_stats.text import clean, norm_key

FAST_RANGES = [(0x20, 0x7E), (0xC0, 0x24F), (0x1E00, 0x1EFF), (0x2013, 0x2014), (0x2018, 0x2019), (0x201C, 0x201D)]


def test_every_character_of_the_fast_set_folds_as_norm_key():
    chars = [chr(i) for lo, hi in FAST_RANGES for i in range(lo, hi + 1)]
    words = [f"Ab{c}Cd {c}" for c in chars]  # the character inside a word and alone
    assert fold(pa.array(chars)).to_pylist() == [norm_key(c) for c in chars]
    assert fold(pa.array(words)).to_pylist() == [norm_key(w) for w in words]


def test_by_hand():
    values = [
        "  NGUYỄN  Văn An ",
        "nguyễn văn an",
        "Nguyễn Văn Ấn",
        "Nguye\u0302\u0303n Va\u0306n An",
        "Straße",
        "Lê\u200b Thị",
        "Trần – Thị, Hà",
        "",
        None,
    ]
    assert fold(np.array(values, dtype=object)).to_pylist() == [
        "nguyễn văn an",
        "nguyễn văn an",
        "nguyễn văn ấn",
        "nguyễn văn an",
        "strasse",
        "lê thị",
        "trần thị hà",
        "",
        "",
    ]


def test_member_keys_by_hand():
    card = np.array(["0012-34", "", "", "", " \u200b", "AB 1"], dtype=object)
    name = np.array(["Lê Hà", "Lê  HÀ", "Lê Hạ", "", "Hồ An", ""], dtype=object)
    birth = np.array(["1970", "1970", "", "1980", "1980", ""], dtype=object)
    assert member_keys(card, name, birth).tolist() == ["#0012 34", "lê hà|1970", "lê hạ|", "", "hồ an|1980", "#ab 1"]
    assert member_keys(card, name).tolist() == ["#0012 34", "lê hà", "lê hạ", "", "hồ an", "#ab 1"]
    assert member_keys(None, name[:2], None).tolist() == ["lê hà", "lê hà"]


def _reference(card, name, birth):
    """The row reader's rule as it was written before identity.py (on cleaned text)."""
    card, name = [clean(c) for c in card], [clean(n) for n in name]
    out = []
    for i, c in enumerate(card):
        if c:
            out.append("#" + norm_key(c))
        elif not name[i]:
            out.append("")
        else:
            out.append(norm_key(name[i]) + ("|" + norm_key(birth[i]) if birth is not None else ""))
    return out


ALPHABET = st.sampled_from(
    list("aAăÂđĐeÊoƠuƯyÝ ,.-_/'\"\t\u00a0\u200b\u0301\u0323ßİſ") + ["Hà", "HẠ", "Ấ", "ǰ", "1", "９"]
)
TEXT = st.lists(ALPHABET, max_size=6).map("".join)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT, TEXT), min_size=1, max_size=20), st.booleans())
@example([("", "a\u200b\u0301", "1")], True)  # a zero-width space between a letter and its mark (found by hypothesis)
def test_member_keys_agree_with_the_rule_written_out(rows, with_birth):
    card = np.array([r[0] if i % 2 else "" for i, r in enumerate(rows)], dtype=object)
    name, birth = np.array([r[1] for r in rows], dtype=object), np.array([r[2] for r in rows], dtype=object)
    expected = _reference(card, name, birth if with_birth else None)
    assert member_keys(card, name, birth if with_birth else None).tolist() == expected
    assert blank(card).to_pylist() == [clean(c) == "" for c in card]
    assert fold(name).to_pylist() == [norm_key(unicodedata.normalize("NFC", n)) for n in name]
