"""Vietnamese lines carry no English (issue 19): the system's reason for a failed open in our
words, and ``inspect`` naming subjects, shapes and the year's source in Vietnamese, numbers with
the thousands dot."""

from __future__ import annotations

import errno

from ccq_stats.i18n import os_reason


def test_an_os_error_is_said_in_the_users_language(monkeypatch):
    monkeypatch.setenv("CCQ_LANG", "vi")
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == "không có tệp hoặc thư mục này"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền truy cập"
    # an errno we have no phrase for: the system's own text, never nothing
    assert os_reason(OSError(errno.EIO, "Input/output error")) == "Input/output error"
    monkeypatch.setenv("CCQ_LANG", "en")
    assert os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")) == "no such file or folder"


def test_inspect_table_in_vietnamese_names_subjects_and_sources(monkeypatch):
    from ccq_stats.write.inspect import inspect_table

    sheet = {
        "file": "a.xlsx",
        "sheet": "S",
        "size": {"rows": 4046, "columns": 5},
        "shapes": ["units", "counts"],
        "header_rows": [1, 1],
        "data_rows": [2, 4046],
        "why": None,
        "year": {"year": None, "from": "column E (Năm), row by row", "column": "E", "header": "Năm"},
        "columns": [
            {"column": "E", "header": "Năm", "role": "year", "source": "name", "because": "name 'Năm'", "detail": "Năm"}
        ],
        "kinds": {"units: chi_bo_co_so": 3828, "members": 12},
        "skipped": {},
        "first_rows": [],
    }
    monkeypatch.setenv("CCQ_LANG", "vi")
    text = inspect_table([sheet])
    assert "4.046 dòng × 5 cột" in text
    assert "đọc là: danh sách tổ chức đảng, các cột số lượng;" in text  # the shapes: what the sheet is
    assert "theo cột E (Năm), từng dòng" in text
    assert "chi, đảng bộ cơ sở: chi bộ cơ sở 3.828; đảng viên 12" in text
    assert "row by row" not in text and "members" not in text and "name 'Năm'" not in text
    monkeypatch.setenv("CCQ_LANG", "en")  # English keeps the reader's words, as the JSON has them
    text = inspect_table([sheet])
    assert "4,046 rows × 5 columns" in text and "read as: units, counts;" in text
    assert "year: from column E (Năm), row by row" in text  # a year read row by row: its source, no brackets
