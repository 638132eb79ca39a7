"""Who a member row is: the member key both readers use to find a member listed twice.

The rule, written once here:

* a row with a card number (số thẻ đảng viên) is that card: ``"#" + norm_key(card)``;
* else its name, folded by ``text.norm_key`` (case, spaces, punctuation and Unicode forms
  aside; diacritics count: "Hà" and "Hạ" are two people), then ``"|" + norm_key(birth)`` when
  the list has a birth column (even where the cell is blank);
* else (no card, no name) no key: the row is counted but never taken for another.

"Blank" means blank once cleaned (``text.clean``): spaces and invisible characters only.

Folding is vectorised with pyarrow for the text nearly every list holds – ASCII and the
precomposed Latin and Vietnamese letters, where ``str.lower`` is ``str.casefold`` and NFC
changes nothing – and done in Python, once per distinct value, for the rest (decomposed
accents, invisible characters, other scripts, "ß" …), so that the key is ``norm_key``'s to the
letter. ``tests/test_identity.py`` checks every character of the fast set against ``norm_key``.
"""

from __future__ import annotations

import numpy as np

from ccq_stats.text import INVISIBLE_RANGES, norm_key

# the fast set: ASCII printables, Latin-1/Extended-A/B and Latin Extended Additional (Vietnamese)
# without the letters whose lower case is not their case fold (ß, İ, ŉ, ſ, ǰ, ẖ … ẛ, ẞ), and the
# typographic dashes and quotes norm_key treats as punctuation
_FAST = (
    r"^[\x20-\x7e\x{c0}-\x{de}\x{e0}-\x{12f}\x{131}-\x{148}\x{14a}-\x{17e}\x{180}-\x{1ef}\x{1f1}-\x{24f}"
    r"\x{1e00}-\x{1e95}\x{1e9c}\x{1e9d}\x{1e9f}-\x{1eff}\x{2013}\x{2014}\x{2018}\x{2019}\x{201c}\x{201d}]*$"
)
# text.norm_key's punctuation, within the fast set (its only space there is " ")
_PUNCT = r"[ ,.;:/\\\-_()\[\]{}\"'*+&|!?\x{2013}\x{2014}\x{2018}\x{2019}\x{201c}\x{201d}]+"
# what text.clean turns into nothing: Python's white space (str.split) and the invisible characters
BLANK = r"^[\s\x{1c}-\x{1f}\x{85}\p{Z}" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in INVISIBLE_RANGES) + "]*$"


def _arrow(values):
    """A pyarrow string array of the values (None and nulls as "")."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, np.ndarray):
        values = pa.array(values, type=pa.string(), from_pandas=True)
    elif isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if pa.types.is_dictionary(values.type) or not pa.types.is_string(values.type):
        values = values.cast(pa.string())
    return pc.fill_null(values, "")


def blank(values):
    """A pyarrow boolean array: is each value blank once cleaned?"""
    import pyarrow.compute as pc

    return pc.match_substring_regex(_arrow(values), BLANK)


def fold(values):
    """norm_key of each value, as a pyarrow string array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    values = _arrow(values)
    out = pc.utf8_trim(pc.replace_substring_regex(pc.utf8_lower(values), _PUNCT, " "), " ")
    slow = pc.invert(pc.match_substring_regex(values, _FAST))
    if not pc.any(slow).as_py():
        return out
    others = pc.filter(values, slow)
    distinct = pc.unique(others)
    folded = pa.array([norm_key(v) for v in distinct.to_pylist()], pa.string())
    return pc.replace_with_mask(out, slow, pc.take(folded, pc.index_in(others, distinct)))


def member_keys(card, name, birth=None):
    """The member key of each row (see the module's docstring) from its card, name and birth
    cells (``None`` for a column the list lacks). numpy object arrays in, one out; pyarrow
    arrays in, a pyarrow string array out."""
    import pyarrow as pa
    import pyarrow.compute as pc

    given = next(v for v in (card, name, birth) if v is not None)
    as_numpy = isinstance(given, np.ndarray)
    n = len(given)
    none = pa.repeat(pa.scalar("", pa.string()), n)
    card, name = _arrow(card) if card is not None else none, _arrow(name) if name is not None else none
    by_name = blank(card)
    keys = pc.binary_join_element_wise("#", fold(card), "")
    if pc.any(by_name).as_py():
        name_key = fold(name)
        if birth is not None:
            name_key = pc.binary_join_element_wise(name_key, fold(birth), "|")
        name_key = pc.if_else(blank(name), "", name_key)
        keys = pc.if_else(by_name, name_key, keys)
    return keys.to_numpy(zero_copy_only=False) if as_numpy else keys
