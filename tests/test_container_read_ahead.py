"""The container checks read a large part ahead in a thread (``container._read_ahead``): what
they find in it must be what they found reading it in turn – a DTD far into the part, a
checksum that does not match, compressed data cut short – with the same words, and nothing
else raised or left running."""

from __future__ import annotations

import threading
import zipfile

import pytest

from ccq_stats.errors import InputError
from ccq_stats.reading import container
from ccq_stats.reading.limits import Limits

BIG = 6 * container._CHUNK  # over the size read ahead (4 chunks)


def _part(body: bytes) -> bytes:
    return b'<?xml version="1.0"?><worksheet><sheetData>' + body + b"</sheetData></worksheet>"


def _cells(size: int) -> bytes:
    """Rows of cells that do not repeat (compressed like a real sheet's, far from a bomb's ratio)."""
    rows, total, i = [], 0, 0
    while total < size:
        i += 1
        row = b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, (i * 7919) % 1_000_003)
        rows.append(row)
        total += len(row)
    return b"".join(rows)


def _book(path, sheet: bytes) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/worksheets/sheet1.xml", sheet)


def _check(path) -> str:
    before = threading.active_count()
    with pytest.raises(InputError) as caught:
        container.check_zip(str(path), "book.xlsx", Limits.from_env())
    assert threading.active_count() == before  # the reading thread has ended
    return caught.value.message


def test_a_large_clean_part_passes(tmp_path):
    path = tmp_path / "book.xlsx"
    _book(path, _part(_cells(BIG)))
    container.check_zip(str(path), "book.xlsx", Limits.from_env())


def test_a_dtd_deep_in_a_large_part_is_found(tmp_path):
    path = tmp_path / "book.xlsx"
    half = _cells(BIG // 2)
    _book(path, _part(half + b'<!DOCTYPE x [<!ENTITY e "e">]>' + half))
    assert "declares a DTD or XML entities" in _check(path)


def test_xml_not_well_formed_deep_in_a_large_part_is_found(tmp_path):
    path = tmp_path / "book.xlsx"
    half = _cells(BIG // 2)
    _book(path, _part(half + b"</row>" + half))
    assert "is not well-formed XML" in _check(path)


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, -1])
def test_a_damaged_large_part_is_reported_as_when_read_in_turn(tmp_path, monkeypatch, where):
    """A byte of the compressed sheet changed (it may unpack to XML that is not well-formed, or
    not unpack, or fail its checksum at the end): the same error, read ahead or not."""
    path = tmp_path / "book.xlsx"
    _book(path, _part(_cells(BIG)))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    at = start + info.compress_size - 8 if where == -1 else start + int(info.compress_size * where)
    data[at] ^= 0x55
    path.write_bytes(bytes(data))
    ahead = _check(path)
    monkeypatch.setattr(container._read_ahead, "FROM", float("inf"))
    assert ahead == _check(path)
    assert "sheet1.xml" in ahead


def test_the_reading_thread_is_not_left_behind_when_the_check_stops_early(tmp_path):
    path = tmp_path / "book.xlsx"
    _book(path, _part(b'<!DOCTYPE x [<!ENTITY e "e">]>' + _cells(BIG)))  # refused at the first chunk
    assert "declares a DTD" in _check(path)


def _real_book(tmp_path, sheet: bytes):
    """A workbook Excel would open (openpyxl's parts) whose first sheet is ``sheet``."""
    from openpyxl import Workbook

    plain = tmp_path / "plain.xlsx"
    book = Workbook()
    book.active["A1"] = 1
    book.save(plain)
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            body = sheet if info.filename == "xl/worksheets/sheet1.xml" else source.read(info)
            archive.writestr(info.filename, body)
    return path


def _sheet(body: bytes) -> bytes:
    return (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + body + b"</sheetData></worksheet>"
    )


def test_a_large_sheet_not_well_formed_is_refused_while_it_is_parsed_beside(tmp_path):
    """A sheet over ``BESIDE_BYTES`` is checked well-formed beside python-calamine's parse
    (``workbook.workbook_grids``): a fault deep in it is still the one reported, the parse's
    outcome is not used, and no thread is left running."""
    from ccq_stats.reading.workbook import workbook_grids

    half = _cells(BIG // 2)
    path = _real_book(tmp_path, _sheet(half + b"</row>" + half))
    assert path.stat().st_size and zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size > (
        container.BESIDE_BYTES
    )
    before = threading.active_count()
    with pytest.raises(InputError) as caught:
        workbook_grids(str(path), Limits.from_env())
    assert "is not well-formed XML" in caught.value.message
    assert threading.active_count() == before


def test_a_large_sheet_parsed_beside_its_check_gives_the_grid_read_in_turn(tmp_path, monkeypatch):
    from ccq_stats.reading.workbook import workbook_grids

    path = _real_book(tmp_path, _sheet(_cells(BIG)))
    beside = workbook_grids(str(path), Limits.from_env())
    monkeypatch.setattr(container, "BESIDE_BYTES", 1 << 40)  # every part checked before the parse
    in_turn = workbook_grids(str(path), Limits.from_env())
    assert len(beside[0].rows) > 100_000 and list(beside[0].rows) == list(in_turn[0].rows)
