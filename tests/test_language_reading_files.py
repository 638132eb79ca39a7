"""Issue 13, the users' language, for the reading of files: the errors and warnings of the file
readers (sources, textfile, container, workbook, parquet, limits) and of the reader process
(sandbox, worker) come out in Vietnamese when the user's language is Vietnamese, and unchanged in
English otherwise.

Errors made in the reader process cross a process boundary: the child must speak the language of
the run that asked, even when it was started earlier in another one. Every expected line below is
written by hand from the message and its translation in the catalogue, never copied from a run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ccq_stats.errors import InputError
from ccq_stats.reading.limits import Limits
from ccq_stats.reading.sandbox import isolated
from conftest import ROOT, figures, run

BAD = ROOT / "tests" / "data" / "bad"
HEADER = "STT,Tên tổ chức cơ sở đảng,Năm,Xếp loại\r\n"
DAMAGED_EN = "the file is damaged; open it in Excel and save it again, or ask for a new copy"
DAMAGED_VI = "tệp bị hỏng; mở tệp bằng Excel rồi lưu lại, hoặc đề nghị gửi lại bản khác"


def _stderr_in(language: str, monkeypatch, *args, input=None) -> tuple[int, list[str]]:
    monkeypatch.setenv("CCQ_LANG", language)
    result = run(*args, input=input)
    return result.exit_code, result.stderr.splitlines()


# --- errors from the corpus of bad files: made in the reader process, or before it ---------------

CORPUS = [
    # a damaged workbook (the reader process, the container checks)
    (
        "corrupt_part.xlsx",
        "ccq-stats: error: corrupt_part.xlsx: part 'xl/worksheets/sheet1.xml' of the workbook is damaged (its "
        f"compressed data does not unpack) (hint: {DAMAGED_EN})",
        "ccq-stats: lỗi: corrupt_part.xlsx: thành phần 'xl/worksheets/sheet1.xml' của sổ tính bị hỏng (dữ liệu nén "
        f"không giải nén được) (gợi ý: {DAMAGED_VI})",
    ),
    (
        "part_size_zero.xlsx",
        "ccq-stats: error: part_size_zero.xlsx: part 'xl/worksheets/sheet1.xml' of the workbook is damaged (its "
        f"checksum does not match its content) (hint: {DAMAGED_EN})",
        "ccq-stats: lỗi: part_size_zero.xlsx: thành phần 'xl/worksheets/sheet1.xml' của sổ tính bị hỏng (mã kiểm tra "
        f"không khớp với nội dung) (gợi ý: {DAMAGED_VI})",
    ),
    (
        "bad_utf8_name.xlsx",
        "ccq-stats: error: bad_utf8_name.xlsx: the workbook's list of parts is damaged (a part name is not valid "
        f"UTF-8) (hint: {DAMAGED_EN})",
        "ccq-stats: lỗi: bad_utf8_name.xlsx: danh mục thành phần của sổ tính bị hỏng (tên một thành phần không phải "
        f"UTF-8 hợp lệ) (gợi ý: {DAMAGED_VI})",
    ),
    (
        "empty_zip.xlsx",
        "ccq-stats: error: empty_zip.xlsx: an empty or damaged workbook (a zip container with no parts) (hint: save "
        "the spreadsheet again, or leave it out)",
        "ccq-stats: lỗi: empty_zip.xlsx: sổ tính rỗng hoặc bị hỏng (tệp nén zip không chứa thành phần nào) (gợi ý: "
        "lưu lại bảng tính, hoặc không đưa tệp này vào)",
    ),
    (
        "encrypted_part.xlsx",
        "ccq-stats: error: encrypted_part.xlsx: part 'xl/workbook.xml' is encrypted with a zip password, which "
        "spreadsheet programs never do (hint: the file was altered after it was saved; ask for a copy saved again "
        "from Excel)",
        "ccq-stats: lỗi: encrypted_part.xlsx: thành phần 'xl/workbook.xml' được mã hóa bằng mật khẩu zip, điều mà các "
        "chương trình bảng tính không bao giờ làm (gợi ý: tệp đã bị sửa đổi sau khi lưu; đề nghị gửi bản được lưu lại "
        "từ Excel)",
    ),
    (
        "password.xlsx",
        "ccq-stats: error: password.xlsx: the workbook is password-protected (hint: save a copy without a password)",
        "ccq-stats: lỗi: password.xlsx: sổ tính được bảo vệ bằng mật khẩu (gợi ý: lưu một bản sao không đặt mật khẩu)",
    ),
    # a zip bomb and a dimension bomb (the ratio and the sizes are cases.toml's, counted by make_corpus.py)
    (
        "deflate_bomb.xlsx",
        "ccq-stats: error: deflate_bomb.xlsx: part 'xl/worksheets/sheet1.xml' is compressed 1028 to 1, like a zip "
        "bomb (hint: raise CCQ_MAX_RATIO if the file is genuine (see SECURITY.md))",
        "ccq-stats: lỗi: deflate_bomb.xlsx: thành phần 'xl/worksheets/sheet1.xml' được nén với tỷ lệ 1028 trên 1, "
        "giống một quả bom zip (zip bomb) (gợi ý: nếu chắc chắn tệp hợp lệ, hãy tăng CCQ_MAX_RATIO (xem "
        "SECURITY.md))",
    ),
    (
        "dimension_bomb.xlsx",
        "ccq-stats: error: dimension_bomb.xlsx: sheet part 'xl/worksheets/sheet1.xml' spans 1,048,576 rows × 16,384 "
        "columns from A1, over the limit of 20,000,000 cells (hint: delete the empty rows and columns below and "
        "right of the table, or raise CCQ_MAX_CELLS)",
        "ccq-stats: lỗi: dimension_bomb.xlsx: thành phần trang tính 'xl/worksheets/sheet1.xml' trải rộng 1.048.576 "
        "dòng × 16.384 cột tính từ ô A1, vượt giới hạn 20.000.000 ô (gợi ý: xóa các dòng trống bên dưới và các cột "
        "trống bên phải bảng, hoặc tăng CCQ_MAX_CELLS)",
    ),
    (
        "billion_laughs.xlsx",
        "ccq-stats: error: billion_laughs.xlsx: part 'xl/worksheets/sheet1.xml' declares a DTD or XML entities, which "
        "workbooks never need (hint: the file may be crafted to attack XML readers; ask for a clean copy)",
        "ccq-stats: lỗi: billion_laughs.xlsx: thành phần 'xl/worksheets/sheet1.xml' khai báo DTD hoặc thực thể XML "
        "(entity), điều mà sổ tính không bao giờ cần (gợi ý: tệp có thể đã bị tạo ra để tấn công trình đọc XML; đề "
        "nghị gửi lại một bản sạch)",
    ),
    # a file that is not a spreadsheet (found by its first bytes, before the reader process)
    (
        "html_saved_as.xls",
        "ccq-stats: error: html_saved_as.xls: is a web page or XML saved with a spreadsheet extension, not a workbook "
        "(hint: open it in Excel and save it as .xlsx)",
        "ccq-stats: lỗi: html_saved_as.xls: là trang web hoặc tệp XML được lưu với đuôi của bảng tính, không phải sổ "
        "tính (gợi ý: mở tệp bằng Excel rồi lưu thành .xlsx)",
    ),
    (
        "empty.csv",
        "ccq-stats: error: empty.csv: the file is empty (hint: save the spreadsheet again, or leave it out)",
        "ccq-stats: lỗi: empty.csv: tệp trống (gợi ý: lưu lại bảng tính, hoặc không đưa tệp này vào)",
    ),
    (
        "nul_bytes.csv",
        "ccq-stats: error: nul_bytes.csv: the text holds NUL bytes; it is not a CSV file (hint: save it as CSV UTF-8)",
        "ccq-stats: lỗi: nul_bytes.csv: văn bản chứa byte NUL; đây không phải tệp CSV (gợi ý: lưu tệp dưới dạng CSV "
        "UTF-8)",
    ),
    # a CSV with a stray quote (the reader process, textfile)
    (
        "stray_quote.csv",
        'ccq-stats: error: stray_quote.csv, row 4: a quote (") opens a cell here and is never closed: the rest of '
        "the file would be one cell (hint: remove the stray quote, or close it)",
        'ccq-stats: lỗi: stray_quote.csv, dòng 4: một dấu nháy kép (") mở một ô tại đây nhưng không được đóng lại: '
        "toàn bộ phần còn lại của tệp sẽ thành một ô (gợi ý: xóa dấu nháy kép thừa, hoặc thêm dấu nháy kép để đóng "
        "ô lại)",
    ),
    (
        "quote_closed_later.csv",
        'ccq-stats: error: quote_closed_later.csv, row 4: a quote (") opens a cell here that runs over 4 lines and '
        "holds whole rows (line 5 looks like a row of its own) (hint: remove the stray quote, or close it on the "
        "same line)",
        'ccq-stats: lỗi: quote_closed_later.csv, dòng 4: một dấu nháy kép (") mở một ô tại đây; ô này kéo dài qua 4 '
        "dòng văn bản và chứa trọn các dòng dữ liệu (dòng văn bản thứ 5 trông như một dòng dữ liệu riêng) (gợi ý: "
        "xóa dấu nháy kép thừa, hoặc thêm dấu nháy kép để đóng ô lại ngay trên cùng dòng)",
    ),
    (
        "mixed_encodings.csv",
        "ccq-stats: error: mixed_encodings.csv, row 3: mixed encodings: UTF-8 up to line 3, then bytes that are not "
        "UTF-8 (hint: the file was pasted together from two sources; save it again as CSV UTF-8)",
        "ccq-stats: lỗi: mixed_encodings.csv, dòng 3: lẫn hai bảng mã: UTF-8 đến dòng 3, sau đó là các byte không "
        "phải UTF-8 (gợi ý: tệp được ghép từ hai nguồn; lưu lại dưới dạng CSV UTF-8)",
    ),
]


@pytest.mark.parametrize("name, english, vietnamese", CORPUS, ids=[c[0] for c in CORPUS])
def test_a_bad_file_is_refused_in_the_users_language(monkeypatch, name, english, vietnamese):
    monkeypatch.chdir(BAD)
    assert _stderr_in("en", monkeypatch, "classify", name, "--format", "csv") == (2, [english])
    assert _stderr_in("vi", monkeypatch, "classify", name, "--format", "csv") == (2, [vietnamese])


def test_the_reader_process_speaks_the_language_of_the_run_that_asks(monkeypatch):
    """The reader process is started once and serves every file: one started while the language
    was English must answer in Vietnamese once the caller has switched (and back)."""
    monkeypatch.setenv("CCQ_LANG", "en")
    with pytest.raises(InputError):
        isolated(os.abort, limits=Limits(), display="x.xlsx")  # the next call starts a reader in English
    assert isolated(sum, [1, 2], limits=Limits(), display="y.xlsx") == 3
    monkeypatch.chdir(BAD)
    code, lines = _stderr_in("vi", monkeypatch, "classify", "corrupt_part.xlsx", "--format", "csv")
    assert (code, lines) == (2, [CORPUS[0][2]])
    assert _stderr_in("en", monkeypatch, "classify", "corrupt_part.xlsx", "--format", "csv") == (2, [CORPUS[0][1]])


@pytest.mark.slow
def test_a_vietnamese_locale_gives_vietnamese_errors_from_the_command_line():
    """As the issue asks: ``LANG=vi_VN.UTF-8 ccq-stats classify bad.xlsx`` says its error in Vietnamese
    (a fresh process, the language from the locale alone); ``LANG=C.UTF-8`` in English."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("CCQ_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    for lang, expected in (("vi_VN.UTF-8", CORPUS[0][2]), ("C.UTF-8", CORPUS[0][1])):
        done = subprocess.run(
            [sys.executable, "-m", "ccq_stats", "classify", "corrupt_part.xlsx", "--format", "csv"],
            capture_output=True,
            cwd=BAD,
            timeout=60,
            env={**environment, "LANG": lang},
        )
        assert done.returncode == 2 and done.stdout == b""
        assert done.stderr.decode("utf-8").splitlines() == [expected]


def test_a_file_that_is_no_spreadsheet_at_all(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    Path("bien_ban.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert _stderr_in("en", monkeypatch, "classify", "bien_ban.pdf") == (
        2,
        [
            "ccq-stats: error: bien_ban.pdf: is a PDF document, not a spreadsheet: ccq-stats writes reports as documents "
            "but does not read them (hint: give the spreadsheets the report was made from)"
        ],
    )
    assert _stderr_in("vi", monkeypatch, "classify", "bien_ban.pdf") == (
        2,
        [
            "ccq-stats: lỗi: bien_ban.pdf: là văn bản PDF, không phải bảng tính: ccq-stats ghi báo cáo ra văn bản nhưng "
            "không đọc văn bản (gợi ý: hãy đưa vào các bảng tính đã dùng để lập báo cáo)"
        ],
    )
    Path("ghi_chu.dat").write_bytes(b"%PDF-1.4\n")  # a suffix nobody reads: the list of what is read
    assert _stderr_in("en", monkeypatch, "classify", "ghi_chu.dat") == (
        2,
        [
            "ccq-stats: error: ghi_chu.dat: unsupported file type '.dat' (hint: give .xlsx, .xlsm, .xlsb, .xls, .ods, "
            ".csv, .tsv or .parquet files)"
        ],
    )


def test_a_word_document_is_not_a_workbook(monkeypatch):
    """A report ccq-stats wrote, given back: said to be a Word document, which ccq-stats writes but
    does not read (not "save it again in Excel")."""
    monkeypatch.chdir(BAD)
    assert _stderr_in("vi", monkeypatch, "classify", "word_document.docx") == (
        2,
        [
            "ccq-stats: lỗi: word_document.docx: là văn bản Word, không phải bảng tính: ccq-stats ghi báo cáo ra văn "
            "bản nhưng không đọc văn bản (gợi ý: hãy đưa vào các bảng tính đã dùng để lập báo cáo)"
        ],
    )


@pytest.mark.slow
def test_standard_input_and_settings_in_the_users_language(monkeypatch):
    assert _stderr_in("vi", monkeypatch, "classify", "-", input=b"") == (
        2,
        [
            "ccq-stats: lỗi: <stdin>: không có dữ liệu trên đầu vào chuẩn (stdin) (gợi ý: hãy đưa vào một tệp CSV, "
            "hoặc - để đọc CSV từ đầu vào chuẩn (stdin))"
        ],
    )
    monkeypatch.setenv("CCQ_MAX_CELLS", "lots")
    assert _stderr_in("vi", monkeypatch, "classify", BAD / "empty.csv") == (
        2,
        ["ccq-stats: lỗi: CCQ_MAX_CELLS không phải số nguyên: 'lots' (gợi ý: xem SECURITY.md)"],
    )
    assert _stderr_in("en", monkeypatch, "classify", BAD / "empty.csv") == (
        2,
        ["ccq-stats: error: CCQ_MAX_CELLS is not a whole number: 'lots' (hint: see SECURITY.md)"],
    )


# --- the reader process's own limits ---------------------------------------------------------


@pytest.mark.slow
def test_the_reader_processs_limits_in_the_users_language(monkeypatch):
    monkeypatch.setenv("CCQ_LANG", "vi")
    with pytest.raises(InputError) as crashed:
        isolated(os.abort, limits=Limits(), display="x.xlsx")
    assert str(crashed.value) == (
        "x.xlsx: trình đọc bảng tính bị dừng đột ngột khi đọc tệp này (tín hiệu 6) (gợi ý: tệp có thể bị hỏng "
        "hoặc bị cố ý làm sai lệch; mở tệp bằng Excel rồi lưu lại, hoặc lưu thành CSV)"
    )
    with pytest.raises(InputError) as bomb:
        isolated(bytearray, 2 * 1024 * 1024 * 1024, limits=Limits(read_memory_mb=256), display="x.xlsx")
    assert str(bomb.value) == (
        "x.xlsx: việc đọc cần hơn 256 MB bộ nhớ; đã dừng (gợi ý: tệp có thể là một quả bom dữ liệu; nếu chắc chắn "
        "tệp hợp lệ, hãy tăng CCQ_READ_MEMORY_MB, hoặc lưu tệp thành CSV)"
    )
    started = time.monotonic()
    with pytest.raises(InputError) as slow:
        isolated(time.sleep, 30, limits=Limits(read_timeout=1), display="x.xlsx")
    assert time.monotonic() - started < 10
    assert str(slow.value) == (
        "x.xlsx: việc đọc mất hơn 1 giây; đã dừng (gợi ý: nếu chắc chắn tệp hợp lệ, hãy tăng CCQ_READ_TIMEOUT, "
        "hoặc lưu tệp thành CSV)"
    )
    with pytest.raises(InputError) as failed:
        isolated(int, "mười", limits=Limits(), display="x.xlsx")
    assert str(failed.value) == (
        "x.xlsx: trình đọc bảng tính gặp lỗi khi đọc tệp này (ValueError: invalid literal for int() with base 10: "
        "'mười') (gợi ý: mở tệp bằng Excel rồi lưu lại, hoặc lưu thành CSV)"
    )
    monkeypatch.setenv("CCQ_LANG", "en")
    with pytest.raises(InputError) as slow:
        isolated(time.sleep, 30, limits=Limits(read_timeout=1), display="x.xlsx")
    assert str(slow.value) == (
        "x.xlsx: reading took longer than 1 s; stopped (hint: raise CCQ_READ_TIMEOUT if the "
        "file is genuine, or save it as CSV)"
    )


# --- warnings: made in the reader process (the encoding) or before it (folders, our outputs) --


def _data_folder(tmp_path: Path, subfolders: int = 0) -> Path:
    """A folder with one CSV of two ratings (Chi bộ A HTXSNV, Chi bộ B HTTNV, 2019), and
    ``subfolders`` sub-folders sub1, sub2 … each holding a copy."""
    folder = tmp_path / "data"
    folder.mkdir()
    text = HEADER + "1,Chi bộ A,2019,HTXSNV\r\n2,Chi bộ B,2019,HTTNV\r\n"
    (folder / "a.csv").write_text(text, encoding="utf-8", newline="")
    for n in range(1, subfolders + 1):
        (folder / f"sub{n}").mkdir()
        (folder / f"sub{n}" / "b.csv").write_text(text, encoding="utf-8", newline="")
    return folder


@pytest.mark.parametrize(
    "count, english, vietnamese",
    [
        (
            1,
            "ccq-stats: warning: data: sub-folders not read: data/sub1 (add --recursive to read them)",
            "ccq-stats: cảnh báo: data: không đọc các thư mục con: data/sub1 (thêm --recursive để đọc)",
        ),
        (
            4,
            "ccq-stats: warning: data: sub-folders not read: data/sub1, data/sub2, data/sub3 and 1 more (add "
            "--recursive to read them)",
            "ccq-stats: cảnh báo: data: không đọc các thư mục con: data/sub1, data/sub2, data/sub3 và 1 thư mục khác "
            "(thêm --recursive để đọc)",
        ),
    ],
)
def test_sub_folders_not_read_are_said_in_the_users_language(monkeypatch, tmp_path, count, english, vietnamese):
    _data_folder(tmp_path, subfolders=count)
    monkeypatch.chdir(tmp_path)
    assert _stderr_in("en", monkeypatch, "classify", "data") == (0, [english])
    assert _stderr_in("vi", monkeypatch, "classify", "data") == (0, [vietnamese])


@pytest.mark.slow
def test_our_own_outputs_skipped_are_said_in_the_users_language(monkeypatch, tmp_path):
    _data_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert _stderr_in("vi", monkeypatch, "classify", "data", "-o", "data/ket_qua.csv") == (0, [])
    assert _stderr_in("vi", monkeypatch, "classify", "data", "-o", "data/ket_qua.csv") == (
        0,
        [
            "ccq-stats: cảnh báo: đã bỏ qua 1 tệp do ccq-stats tạo ra (tệp kết quả, không phải bảng xếp loại): "
            "data/ket_qua.csv"
        ],
    )
    assert _stderr_in("en", monkeypatch, "classify", "data", "-o", "data/ket_qua.csv") == (
        0,
        ["ccq-stats: warning: skipped 1 file written by ccq-stats (outputs, not rating sheets): data/ket_qua.csv"],
    )


@pytest.mark.slow
def test_six_outputs_of_ours_skipped_name_five_and_count_the_rest(monkeypatch, tmp_path):
    folder = _data_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    for n in range(1, 7):
        assert _stderr_in("en", monkeypatch, "classify", "data/a.csv", "-o", f"data/kq{n}.csv")[0] == 0
    names = ", ".join(f"data/kq{n}.csv" for n in range(1, 6))
    assert _stderr_in("vi", monkeypatch, "classify", "data", "-o", "-")[1] == [
        f"ccq-stats: cảnh báo: đã bỏ qua 6 tệp do ccq-stats tạo ra (tệp kết quả, không phải bảng xếp loại): {names} "
        "và 1 tệp khác"
    ]
    assert _stderr_in("en", monkeypatch, "classify", "data", "-o", "-")[1] == [
        f"ccq-stats: warning: skipped 6 files written by ccq-stats (outputs, not rating sheets): {names} and 1 more"
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["a.csv"] + [f"kq{n}.csv" for n in range(1, 7)]


def test_a_csv_that_is_not_utf8_is_read_as_windows_1258_with_a_warning(monkeypatch, tmp_path):
    """Made in the reader process (textfile), carried back as a note with its file."""
    monkeypatch.chdir(tmp_path)
    # "Cơ quan Đoàn": ơ, Đ and à are single bytes in Windows-1258 (0xF5, 0xD0, 0xE0), never valid UTF-8 here
    Path("cu.csv").write_bytes(
        ("STT,Ten to chuc,Nam,Xep loai\r\n1,C\xf5 quan \xd0o\xe0n,2019,HTXSNV\r\n2,Chi bo B,2019,HTTNV\r\n").encode(
            "latin-1"
        )
    )
    monkeypatch.setenv("CCQ_LANG", "vi")
    result = run("classify", "cu.csv", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "ccq-stats: cảnh báo: cu.csv: không phải UTF-8; đọc theo bảng mã Windows-1258 (tiếng Việt)"
    ]
    counted = figures(result.stdout)  # two organisations rated in 2019: one HTXSNV (top), one HTTNV (good)
    assert (counted[(2019, "units", "rated")], counted[(2019, "units", "top")], counted[(2019, "units", "good")]) == (
        2,
        1,
        1,
    )
    assert _stderr_in("en", monkeypatch, "classify", "cu.csv", "--format", "csv") == (
        0,
        ["ccq-stats: warning: cu.csv: not UTF-8; read as Windows-1258 (Vietnamese)"],
    )


def test_a_text_file_named_as_a_workbook_is_read_as_csv_with_a_warning(monkeypatch):
    monkeypatch.chdir(BAD)
    assert _stderr_in("vi", monkeypatch, "classify", "csv_named.xlsx", "--format", "csv") == (
        0,
        ["ccq-stats: cảnh báo: csv_named.xlsx: có đuôi .xlsx nhưng chứa văn bản; đọc là CSV"],
    )
    assert _stderr_in("en", monkeypatch, "classify", "csv_named.xlsx", "--format", "csv") == (
        0,
        ["ccq-stats: warning: csv_named.xlsx: named .xlsx but holds text; read as CSV"],
    )


def _refusal(text: str) -> str:
    from ccq_stats.figures.findings import Notes
    from ccq_stats.reading.textfile import text_grid

    with pytest.raises(InputError) as caught:
        text_grid(text.encode("utf-8"), "q.csv", Notes())
    return str(caught.value)


def test_stray_quotes_below_a_cell_of_several_lines_name_the_line_of_the_text(monkeypatch):
    """Row 3 starts on line 4 of the text (row 2's name is quoted over two lines): both are said."""
    text = HEADER + '1,"Chi bộ A\n(cơ quan)",2019,HTTNV\n2,"Chi bộ B,2019,HTTNV\n'
    monkeypatch.setenv("CCQ_LANG", "en")
    assert _refusal(text) == (
        'q.csv, row 3: a quote (") opens a cell here (line 4 of the text) and is never closed: the rest of the file '
        "would be one cell (hint: remove the stray quote, or close it)"
    )
    monkeypatch.setenv("CCQ_LANG", "vi")
    assert _refusal(text) == (
        'q.csv, dòng 3: một dấu nháy kép (") mở một ô tại đây (dòng văn bản thứ 4) nhưng không được đóng lại: toàn '
        "bộ phần còn lại của tệp sẽ thành một ô (gợi ý: xóa dấu nháy kép thừa, hoặc thêm dấu nháy kép để đóng ô lại)"
    )


def test_a_quoted_cell_over_too_many_lines_says_the_limit_in_the_hint(monkeypatch):
    note = "\n".join(f"dòng {i}" for i in range(30))  # one cell over 30 lines of the text
    text = HEADER + f'1,Chi bộ A,2019,"{note}"\n2,Chi bộ B,2019,HTTNV\n'
    monkeypatch.setenv("CCQ_LANG", "en")
    assert _refusal(text) == (
        'q.csv, row 2: a quote (") opens a cell here that runs over 30 lines (hint: remove the stray quote, or close '
        "it on the same line; a cell of more than 20 lines is taken for a stray quote)"
    )
    monkeypatch.setenv("CCQ_LANG", "vi")
    assert _refusal(text) == (
        'q.csv, dòng 2: một dấu nháy kép (") mở một ô tại đây và ô này kéo dài qua 30 dòng văn bản (gợi ý: xóa dấu '
        "nháy kép thừa, hoặc thêm dấu nháy kép để đóng ô lại ngay trên cùng dòng; một ô dài quá 20 dòng được coi là "
        "do dấu nháy kép thừa)"
    )
