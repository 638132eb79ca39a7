"""The container checks read a part in chunks and look for a DTD or a cell past column ZZ in
each chunk and in the seam between two (``container._check_part``): a pattern cut in two by a
chunk's end is found wherever the cut falls."""

from __future__ import annotations

import zipfile

import pytest

from ccq_stats.errors import InputError
from ccq_stats.reading import container
from ccq_stats.reading.limits import Limits

_HEAD = b'<?xml version="1.0"?><worksheet><dimension ref="A1:C9"/><sheetData>'


def _filler(size: int) -> bytes:
    rows, total, i = [], 0, 0
    while total < size:
        i += 1
        row = b'<row r="%d"><c r="B%d"><v>%d</v></c></row>' % (i, i, (i * 7919) % 1_000_003)
        rows.append(row)
        total += len(row)
    return b"".join(rows)


def _book(path, pattern: bytes, cut: int, name: str = "xl/worksheets/sheet1.xml") -> None:
    """A sheet part whose first chunk ends ``cut`` bytes into ``pattern`` (a part not named .xml
    is not checked well-formed: expat would stop at the cut DTD first, whose chunk it reads)."""
    before = _HEAD + _filler(container._CHUNK)
    before = before[: container._CHUNK - cut]
    before = before[: before.rfind(b"</row>") + len(b"</row>")]  # whole rows, then spaces up to the cut
    before += b" " * (container._CHUNK - cut - len(before))
    sheet = before + pattern + _filler(container._CHUNK // 2) + b"</sheetData></worksheet>"
    assert sheet[container._CHUNK - cut : container._CHUNK - cut + len(pattern)] == pattern
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(name, sheet)


def _message(path) -> str:
    with pytest.raises(InputError) as caught:
        container.check_zip(str(path), "book.xlsx", Limits.from_env())
    return caught.value.message


@pytest.mark.parametrize("cut", [0, 1, 2, 5, 9, 10])
def test_a_dtd_cut_by_a_chunk_end_is_found(tmp_path, cut):
    path = tmp_path / "book.xlsx"
    _book(path, b'<!DOCTYPE x [<!ENTITY e "e">]>', cut, name="xl/worksheets/sheet1.bin")
    assert "declares a DTD or XML entities" in _message(path)


@pytest.mark.parametrize("cut", [0, 1, 3, 4, 7, 12, 15, 16])
def test_a_cell_past_column_zz_cut_by_a_chunk_end_is_found(tmp_path, cut):
    path = tmp_path / "book.xlsx"
    _book(path, b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', 17 + cut)
    assert "1,048,576 rows × 16,384 columns" in _message(path)


def test_a_clean_part_cut_anywhere_passes(tmp_path):
    path = tmp_path / "book.xlsx"
    _book(path, b'<row r="70000"><c r="ZZ7"><v>1</v></c></row>', 12)
    container.check_zip(str(path), "book.xlsx", Limits.from_env())
