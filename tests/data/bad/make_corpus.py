"""Rebuild the bad-input corpus: files a bloc really receives, broken, strange or hostile.

Each file's expected exit code and message are in cases.toml beside it; tests/test_bad_inputs.py
runs ccq-stats on every one. The files are small and committed; run this script after
changing it (needs msoffcrypto-tool for the password-protected workbook):

    python tests/data/bad/make_corpus.py [NAME...]    # only the files named, if any
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
HEADER = ["STT", "Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"]
GOOD = [[1, "Chi bộ A", 2019, "HTXSNV"], [2, "Chi bộ B", 2019, "HTTNV"]]


def xlsx_bytes(rows, title="Năm 2019", merges=(), hidden=False) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    if hidden:
        ws.sheet_state = "hidden"
        wb.create_sheet("Trống")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, change) -> bytes:
    """Rewrite the parts of an xlsx through change(name, bytes) -> bytes | None (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = change(info.filename, src.read(info.filename))
            if content is not None:
                dst.writestr(info.filename, content)
    return out.getvalue()


def with_flags(data: bytes, name: str, bits: int, rename: bytes | None = None) -> bytes:
    """Set general-purpose flag bits of one zip entry (1: encrypted, 0x800: name in UTF-8), in its
    local header and in the central directory; ``rename`` replaces its name (same length)."""
    data = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    local, size = info.header_offset, len(name.encode())
    central = data.find(b"PK\x01\x02")
    while (
        data[central + 46 : central + 46 + size] != name.encode()
        or struct.unpack_from("<H", data, central + 28)[0] != size
    ):
        central = data.find(b"PK\x01\x02", central + 4)
    for at in (local + 6, central + 8):
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | bits)
    if rename is not None:
        assert len(rename) == size
        data[central + 46 : central + 46 + size] = rename
        data[local + 30 : local + 30 + size] = rename
    return bytes(data)


def with_size(data: bytes, name: str, size: int) -> bytes:
    """Change the uncompressed size the central directory gives for one entry."""
    data = bytearray(data)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 24, size)
    return bytes(data)


def garbled(data: bytes, name: str) -> bytes:
    """Flip 16 bytes of one entry's compressed data (the zip directory stays whole)."""
    data = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 8
    for k in range(start, start + 16):
        data[k] ^= 0x55
    return bytes(data)


def tcvn3(text: str) -> str:
    """Vietnamese as the TCVN3 (ABC) fonts store it, seen through Unicode."""
    table = {
        "à": "µ",
        "á": "¸",
        "ả": "¶",
        "ã": "·",
        "ạ": "¹",
        "ă": "¨",
        "â": "©",
        "ê": "ª",
        "ô": "«",
        "ơ": "¬",
        "ư": "­",
        "đ": "®",
        "Đ": "§",
        "ệ": "Ö",
        "ụ": "ô",
        "ố": "è",
        "ấ": "Ê",
        "ắ": "¾",
        "ế": "Õ",
        "ọ": "ä",
        "ộ": "é",
        "ể": "Ó",
        "ì": "×",
        "ị": "Þ",
        "ế".upper(): "Õ",
        "ợ": "î",
        "ớ": "í",
        "ờ": "ê",
    }
    return "".join(table.get(ch, ch) for ch in text)


def vni(text: str) -> str:
    """Vietnamese as the VNI fonts store it (base letter + a mark character)."""
    table = {
        "à": "aø",
        "á": "aù",
        "ả": "aû",
        "ã": "aõ",
        "ạ": "aï",
        "ệ": "eä",
        "ụ": "uï",
        "ố": "oá",
        "ấ": "aá",
        "ế": "eá",
        "ọ": "oï",
        "ộ": "oä",
        "ê": "eâ",
        "ô": "oâ",
        "â": "aâ",
        "đ": "ñ",
        "Đ": "Ñ",
        "ị": "ò",
    }
    return "".join(table.get(ch, ch) for ch in text)


def csv_text(rows, delimiter=",") -> str:
    return "\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\n"


def main() -> None:
    files: dict[str, bytes] = {}
    good = xlsx_bytes([HEADER] + GOOD)
    files["empty.xlsx"] = b""
    files["empty.csv"] = b""
    files["bom_only.csv"] = b"\xef\xbb\xbf"
    files["header_only.csv"] = csv_text([HEADER]).encode()
    files["truncated.xlsx"] = good[: len(good) // 2]
    files["zip_not_workbook.xlsx"] = rezip(good, lambda n, b: None if n != "docProps/app.xml" else b)
    files["csv_named.xlsx"] = csv_text([HEADER] + GOOD).encode()  # read as CSV, with a warning
    files["html_saved_as.xls"] = (
        b"<html><head><meta charset='utf-8'></head><body><table><tr><td>STT</td></tr></table></body></html>"
    )
    files["spreadsheetml_2003.xls"] = (
        b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
    )
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        )
    files["word_document.docx"] = docx.getvalue()
    files["binary_garbage.csv"] = bytes(range(256)) * 8
    files["nul_bytes.csv"] = b"STT,T\x00en,Xep loai\n1,A\x00,HTTNV\n"
    files["utf16_no_bom.csv"] = csv_text([HEADER] + GOOD, "\t").encode("utf-16-le")  # reads fine
    files["tcvn3.csv"] = csv_text(
        [
            ["STT", tcvn3("Tên tổ chức cơ sở đảng"), "Năm", tcvn3("Xếp loại")],
            [1, "Chi bé A", 2019, tcvn3("Hoàn thành tốt nhiệm vụ")],
        ]
    ).encode("utf-8")
    files["vni_labels.csv"] = csv_text(
        [
            HEADER,
            [1, "Chi bộ A", 2019, vni("Hoàn thành tốt nhiệm vụ")],
            [2, "Chi bộ B", 2019, vni("Hoàn thành nhiệm vụ")],
        ]
    ).encode("utf-8")
    mixed = csv_text([HEADER, [1, "Chi bộ A", 2019, "Hoàn thành tốt nhiệm vụ"]]).encode("utf-8")
    files["mixed_encodings.csv"] = mixed + csv_text([[2, "Chi bộ B", 2019, "Hoàn thành nhiệm vụ"]]).encode(
        "cp1258", errors="replace"
    )
    files["ragged_rows.csv"] = csv_text(
        [HEADER, [1, "Chi bộ A", 2019, "HTTNV"], [2, "Chi bộ Sở X", "Y", 2019, "HTTNV"]]
    ).encode()
    files["formula_error.xlsx"] = xlsx_bytes([HEADER, GOOD[0], [2, "Chi bộ B", 2019, "#REF!"]])
    files["na_error.xlsx"] = xlsx_bytes([HEADER, GOOD[0], [2, "Chi bộ B", 2019, "#N/A"]])
    from datetime import datetime

    files["date_in_year.xlsx"] = xlsx_bytes([HEADER, [1, "Chi bộ A", datetime(2019, 12, 31), "HTTNV"]])
    files["float_year.xlsx"] = xlsx_bytes([HEADER, [1, "Chi bộ A", 2019.5, "HTTNV"]])
    files["merged_over_data.xlsx"] = xlsx_bytes(
        [HEADER, [1, "Chi bộ A", 2019, "HTTNV"], [2, "Chi bộ B", 2019, None], [3, "Chi bộ C", 2019, "HTNV"]],
        merges=["D2:D3"],
    )
    files["hidden_only.xlsx"] = xlsx_bytes([HEADER] + GOOD, hidden=True)
    files["ten_thousand_columns.csv"] = csv_text(
        [HEADER + [f"Cột {i}" for i in range(10_000)], GOOD[0] + [""] * 10_000]
    ).encode()
    files["million_empty_rows.csv"] = (csv_text([HEADER] + GOOD) + "," * 3 + "\n" * 1).encode() + b",,,\n" * 1_000_000
    files["very_long_cell.csv"] = csv_text([HEADER, [1, "Chi bộ A", 2019, "HTTNV" + "x" * 1_000_000]]).encode()
    files["unknown_label.csv"] = csv_text([HEADER, [1, "Chi bộ A", 2019, "Khá"]]).encode()
    files["no_header.csv"] = csv_text([["a", "b", "c"], [1, 2, 3]]).encode()
    files["header_too_low.csv"] = ("\n" * 50 + csv_text([HEADER] + GOOD)).encode()
    files["negative_count.csv"] = csv_text(
        [["Tên TCCS đảng", "Năm", "HTXSNV", "HTTNV"], ["Chi bộ A", 2019, -1, 5]]
    ).encode()
    files["two_rating_columns.csv"] = csv_text([HEADER + ["Kết quả xếp loại"], GOOD[0] + ["HTTNV"]]).encode()
    files["duplicate_unit.csv"] = csv_text([HEADER, GOOD[0], [3, "Chi bộ A", 2019, "HTNV"]]).encode()
    # hostile containers
    sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>'
    files["dimension_bomb.xlsx"] = rezip(good, lambda n, b: sheet.encode() if n == "xl/worksheets/sheet1.xml" else b)
    lone = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    )
    files["last_cell_only.xlsx"] = rezip(good, lambda n, b: lone.encode() if n == "xl/worksheets/sheet1.xml" else b)
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    files["billion_laughs.xlsx"] = rezip(good, lambda n, b: laughs.encode() if n == "xl/worksheets/sheet1.xml" else b)
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'
    )
    files["external_entity.xlsx"] = rezip(good, lambda n, b: xxe.encode() if n == "xl/worksheets/sheet1.xml" else b)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"):
            z.writestr(name, zipfile.ZipFile(io.BytesIO(good)).read(name))
        z.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 300_000_000 + b"/>")
    files["deflate_bomb.xlsx"] = bomb.getvalue()
    # damaged containers (issue 14): each a one-line error saying what is damaged
    ods = (HERE.parent / "units_2019.ods").read_bytes()
    files["encrypted_part.xlsx"] = with_flags(good, "xl/workbook.xml", 1)
    files["encrypted_part.ods"] = with_flags(ods, "content.xml", 1)
    files["bad_utf8_name.xlsx"] = with_flags(good, "xl/workbook.xml", 0x800, rename=b"xl/workbook.xm\xff")
    files["bad_utf8_name.ods"] = with_flags(ods, "content.xml", 0x800, rename=b"content.xm\xff")
    files["corrupt_part.xlsx"] = garbled(good, "xl/worksheets/sheet1.xml")
    files["corrupt_part.ods"] = garbled(ods, "content.xml")
    files["empty_zip.xlsx"] = b"PK\x05\x06" + b"\x00" * 18
    comment = "<!--" + "x" * 70_000 + "-->"
    far = sheet.replace("<dimension", comment + "<dimension")
    files["comment_then_dimension.xlsx"] = rezip(
        good, lambda n, b: far.encode() if n == "xl/worksheets/sheet1.xml" else b
    )
    late = laughs.replace("<!DOCTYPE", comment + "<!DOCTYPE")
    files["comment_then_entities.xlsx"] = rezip(
        good, lambda n, b: late.encode() if n == "xl/worksheets/sheet1.xml" else b
    )
    sst = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'count="2000000000" uniqueCount="2000000000"><si><t>x</t></si></sst>'
    )
    with_sst = io.BytesIO(good)
    with zipfile.ZipFile(with_sst, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/sharedStrings.xml", sst)
    files["shared_strings_count.xlsx"] = with_sst.getvalue()
    files["part_size_zero.xlsx"] = with_size(good, "xl/worksheets/sheet1.xml", 0)
    # fuzz mutant 878 of seed 15 (tests/test_fuzz.py): a span cut out of a sheet's XML took a cell's
    # parent (Trực thuộc) with it, and the lenient parser read on: a cell counted as a unit, silently
    sys.path.insert(0, str(HERE.parent.parent))
    from test_fuzz import mutant

    files["garbled_sheet.xlsx"] = mutant(878, seed=15)[3]
    rows = [HEADER] + [[i, f"Chi bộ {i}", 2019, "HTTNV"] for i in range(1, 30)]
    text = csv_text(rows)
    files["stray_quote.csv"] = text.replace("3,Chi bộ 3", '3,"Chi bộ 3').encode()
    files["quote_closed_later.csv"] = (
        text.replace("3,Chi bộ 3", '3,"Chi bộ 3').replace("6,Chi bộ 6", '6,Chi bộ 6"').encode()
    )
    try:
        import msoffcrypto.format.ooxml as ooxml

        encrypted = io.BytesIO()
        ooxml.OOXMLFile(io.BytesIO(good)).encrypt("matkhau", encrypted)
        files["password.xlsx"] = encrypted.getvalue()
    except ImportError:
        print("msoffcrypto-tool is not installed: password.xlsx kept as it is")
    only = set(sys.argv[1:])  # names given: write only those (the others stay byte for byte)
    for name, data in files.items():
        if not only or name in only:
            (HERE / name).write_bytes(data)
    print(f"{len(only) or len(files)} files written")


if __name__ == "__main__":
    main()
