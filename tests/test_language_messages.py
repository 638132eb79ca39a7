"""The errors of the store, the scales, the settings file, user templates and the roster, and the
inspect table, in Vietnamese when the user's language is Vietnamese — and the same input in
English, unchanged (issue 13). Every expected line is written by hand."""

from __future__ import annotations

import re
import sqlite3

import pytest

from conftest import SAMPLE, make_csv, run

UNITS = ["Tên tổ chức đảng", "Năm", "Xếp loại"]
MEMBERS = ["Họ và tên", "Chi bộ", "Năm", "Xếp loại"]


def in_both(monkeypatch, *args) -> dict:
    """Run the command in English and in Vietnamese: {"en": result, "vi": result}."""
    results = {}
    for lang in ("en", "vi"):
        monkeypatch.setenv("CCQ_LANG", lang)
        results[lang] = run(*args)
    monkeypatch.setenv("CCQ_LANG", "en")
    return results


def assert_error(results: dict, en: str | set, vi: str | set) -> None:
    """Both runs refused with exit 2 and one line: the English line, the Vietnamese line (or one
    of the lines given, where either may be right)."""
    for lang, lines in (("en", en), ("vi", vi)):
        assert results[lang].exit_code == 2, (lang, results[lang].stderr)
        assert results[lang].stdout == ""
        assert results[lang].stderr.splitlines()[-1] in ({lines} if isinstance(lines, str) else lines), lang


@pytest.fixture
def units(tmp_path):
    return make_csv(tmp_path / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]])


# -- the store ------------------------------------------------------------------------------


def test_a_store_that_does_not_exist(monkeypatch, tmp_path):
    missing = tmp_path / "none.sqlite"
    assert_error(
        in_both(monkeypatch, "classify", "--db", missing),
        f"ccq-stats: error: {missing}: no store here (hint: import some files first: ccq-stats import PATH --db {missing})",
        f"ccq-stats: lỗi: {missing}: không có kho dữ liệu ở đây "
        f"(gợi ý: hãy nhập dữ liệu vào kho trước: ccq-stats import PATH --db {missing})",
    )
    assert not missing.exists()


def test_a_database_that_is_not_ours_is_refused_and_left_alone(monkeypatch, tmp_path, units):
    other = tmp_path / "khach_hang.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    before = other.read_bytes()
    assert_error(
        in_both(monkeypatch, "import", units, "--db", other),
        f"ccq-stats: error: {other}: not a ccq-stats store (a database with other tables) "
        "(hint: give the store's file with --db, or a new file name to start a store)",
        f"ccq-stats: lỗi: {other}: không phải kho dữ liệu của ccq-stats (cơ sở dữ liệu này có các bảng khác) "
        "(gợi ý: ghi tệp kho dữ liệu bằng --db, hoặc một tên tệp mới để tạo kho dữ liệu mới)",
    )
    assert other.read_bytes() == before


def test_a_file_that_is_not_a_database(monkeypatch, tmp_path):
    text = tmp_path / "ghi_chu.sqlite"
    text.write_text("không phải cơ sở dữ liệu, chỉ là ghi chú " * 40, encoding="utf-8")
    assert_error(
        in_both(monkeypatch, "classify", "--db", text),
        f"ccq-stats: error: {text}: not a ccq-stats store (not an SQLite database) "
        "(hint: give the store's file with --db, or a new file name to start a store)",
        f"ccq-stats: lỗi: {text}: không phải kho dữ liệu của ccq-stats (không phải cơ sở dữ liệu SQLite) "
        "(gợi ý: ghi tệp kho dữ liệu bằng --db, hoặc một tên tệp mới để tạo kho dữ liệu mới)",
    )


def test_an_empty_store(monkeypatch, tmp_path):
    empty = tmp_path / "trong.sqlite"
    empty.write_bytes(b"")
    assert_error(
        in_both(monkeypatch, "classify", "--db", empty),
        f"ccq-stats: error: {empty}: no store here (the database is empty) (hint: import some files first: ccq-stats import PATH)",
        f"ccq-stats: lỗi: {empty}: không có kho dữ liệu ở đây (cơ sở dữ liệu trống) "
        "(gợi ý: hãy nhập dữ liệu vào kho trước: ccq-stats import PATH)",
    )


def test_a_store_of_a_newer_schema(monkeypatch, tmp_path, units):
    location = tmp_path / "ccq.sqlite"
    assert run("import", units, "--db", location, "--quiet").exit_code == 0
    with sqlite3.connect(location) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    assert_error(
        in_both(monkeypatch, "classify", "--db", location),
        f"ccq-stats: error: {location}: the store was made by a newer ccq-stats (schema 99, this one knows 4) "
        "(hint: upgrade ccq-stats: pip install -U ccq-stats)",
        f"ccq-stats: lỗi: {location}: kho dữ liệu được tạo bởi phiên bản ccq-stats mới hơn "
        "(lược đồ 99, phiên bản này chỉ biết đến lược đồ 4) (gợi ý: nâng cấp ccq-stats: pip install -U ccq-stats)",
    )


def test_a_locked_sqlite_store(monkeypatch, tmp_path, units):
    location = tmp_path / "ccq.sqlite"
    assert run("import", units, "--db", location, "--quiet").exit_code == 0
    members = make_csv(tmp_path / "dang_vien_2019.csv", [MEMBERS, ["Người 1", "Chi bộ A", 2019, "HTXSNV"]])
    monkeypatch.setenv("CCQ_STATS_DB_TIMEOUT", "0.3")
    holder = sqlite3.connect(location, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run in the middle of its import
    try:
        results = in_both(monkeypatch, "import", members, "--db", location)
    finally:
        holder.rollback()
        holder.close()
    assert_error(
        results,
        f"ccq-stats: error: {location}: the store is locked by another run for more than 0.3 s "
        "(hint: wait for the other import to finish (CCQ_STATS_DB_TIMEOUT sets the wait); never keep the store on a network share)",
        f"ccq-stats: lỗi: {location}: kho dữ liệu bị một lượt chạy khác khóa quá 0,3 giây "
        "(gợi ý: chờ lượt nhập kia xong (đặt thời gian chờ bằng CCQ_STATS_DB_TIMEOUT); "
        "không để kho dữ liệu trên thư mục chia sẻ qua mạng)",
    )


def test_a_postgresql_server_that_does_not_answer(monkeypatch):
    pytest.importorskip("psycopg")
    results = in_both(monkeypatch, "classify", "--db", "postgresql://nobody:secret@127.0.0.1:1/none")
    # the reason after the colon is the driver's own words (the same in both languages)
    en = re.fullmatch(
        r"ccq-stats: error: postgresql://nobody:\*\*\*@127\.0\.0\.1:1/none: cannot connect to the store: (.+) "
        r"\(hint: check the server is running and the URL's user, password and database\)",
        results["en"].stderr.splitlines()[-1],
    )
    vi = re.fullmatch(
        r"ccq-stats: lỗi: postgresql://nobody:\*\*\*@127\.0\.0\.1:1/none: không kết nối được với kho dữ liệu: (.+) "
        r"\(gợi ý: kiểm tra máy chủ có đang chạy không, và tên người dùng, mật khẩu, tên cơ sở dữ liệu trong URL\)",
        results["vi"].stderr.splitlines()[-1],
    )
    assert en and vi, (results["en"].stderr, results["vi"].stderr)
    assert en.group(1) == vi.group(1)
    assert all(r.exit_code == 2 and "secret" not in r.stderr for r in results.values())


def test_history_of_an_organisation_not_in_the_store(monkeypatch, tmp_path):
    location = tmp_path / "ccq.sqlite"
    orgs = make_csv(
        tmp_path / "to_chuc_2019.csv",
        [
            UNITS,
            ["Chi bộ Văn phòng 1", 2019, "HTXSNV"],
            ["Chi bộ Văn phòng 2", 2019, "HTTNV"],
            ["Đảng bộ Sở Tài chính", 2019, "HTNV"],
        ],
    )
    assert run("import", orgs, "--db", location, "--quiet").exit_code == 0
    assert_error(
        in_both(monkeypatch, "history", "--db", location, "--org", "Chi bộ Văn phong 1"),
        "ccq-stats: error: no organisation of this name in the store: 'Chi bộ Văn phong 1' "
        "(hint: did you mean 'Chi bộ Văn phòng 1' or 'Chi bộ Văn phòng 2'?)",
        "ccq-stats: lỗi: kho dữ liệu không có tổ chức đảng nào mang tên này: 'Chi bộ Văn phong 1' "
        "(gợi ý: có phải là 'Chi bộ Văn phòng 1' hoặc 'Chi bộ Văn phòng 2'?)",
    )
    assert_error(
        in_both(monkeypatch, "history", "--db", location, "--year", "2018"),
        "ccq-stats: error: no ratings for 2018 in the store (hint: the store holds 2019)",
        "ccq-stats: lỗi: kho dữ liệu không có kết quả xếp loại năm 2018 (gợi ý: kho dữ liệu có các năm 2019)",
    )


def test_a_roster_with_a_year_that_is_not_a_year(monkeypatch, tmp_path):
    roster = make_csv(
        tmp_path / "danh_sach.csv", [["Tên tổ chức", "Năm"], ["Chi bộ A", "2019"], ["Chi bộ B", "hai không"]]
    )
    assert_error(
        in_both(monkeypatch, "roster", "import", roster, "--db", tmp_path / "ccq.sqlite"),
        f"ccq-stats: error: {roster}, row 3: the year is not a year: 'hai không' (hint: write the rating year, e.g. 2019)",
        f"ccq-stats: lỗi: {roster}, dòng 3: giá trị ở cột năm không phải là một năm: 'hai không' "
        "(gợi ý: ghi năm xếp loại, ví dụ: 2019)",
    )


# -- the scales: --column and a --scales file ----------------------------------------------


def test_an_unknown_column_role_lists_the_roles(monkeypatch, units):
    roles = (
        "birth, card, discipline, exempt, fail, good, host_type, ignore, ignored, kind, left, member, member_id, "
        "name, not_rated, org, parent, pass, proposed, rated, rated_count, rating, score, score_proposed, score_self, "
        "self_rating, seq, top, total, total_count, unit, unit_count, year"
    )  # the score roles: QĐ 366's scores
    assert_error(
        in_both(monkeypatch, "classify", units, "--column", "xep_loai=Xếp loại"),
        f"ccq-stats: error: unknown column role 'xep_loai' (hint: roles: {roles})",
        f"ccq-stats: lỗi: không có vai trò cột 'xep_loai' (gợi ý: các vai trò cột: {roles})",
    )
    assert_error(
        in_both(monkeypatch, "classify", units, "--column", "Xếp loại"),
        "ccq-stats: error: --column 'Xếp loại' is not ROLE=HEADER (hint: e.g. --column rating='KQ xếp loại')",
        "ccq-stats: lỗi: --column 'Xếp loại' không có dạng ROLE=HEADER (gợi ý: ví dụ: --column rating='KQ xếp loại')",
    )


def test_a_scales_file_with_a_bad_severity(monkeypatch, tmp_path, units):
    scales = tmp_path / "thang.toml"
    scales.write_text('[[rules]]\nid = "member_quota"\nseverity = "fatal"\n', encoding="utf-8")
    assert_error(
        in_both(monkeypatch, "classify", units, "--scales", scales),
        f"ccq-stats: error: {scales}: rule 'member_quota' has severity 'fatal' (hint: severity must be one of error, warning)",
        f"ccq-stats: lỗi: {scales}: quy tắc 'member_quota' ghi mức độ 'fatal' "
        "(gợi ý: severity phải là một trong các giá trị: error, warning)",
    )


# -- the settings file (ccq-stats.toml) --------------------------------------------------------


@pytest.mark.parametrize(
    "text, en, vi",
    [
        (
            "[issuer]\nsigner = 3\n",
            "[issuer] signer must be a text in quotes: '3' (hint: e.g. signer = \"…\")",
            "[issuer] signer phải là văn bản đặt trong dấu ngoặc kép: '3' (gợi ý: ví dụ: signer = \"…\")",
        ),
        (
            '[issuer]\nnguoi_ky = "Nguyễn Văn A"\n',
            "unknown setting [issuer] nguoi_ky: 'nguoi_ky' (hint: the settings are above, address, committee, deadline, number, office, "
            "on_behalf, place, receiver, recipients, rulebook, signer, symbol)",
            "không có thiết lập [issuer] nguoi_ky: 'nguoi_ky' (gợi ý: các thiết lập được dùng: above, address, committee, deadline, number, "
            "office, on_behalf, place, receiver, recipients, rulebook, signer, symbol)",
        ),
        (
            '[issuer]\nrecipients = "Ban Tổ chức Tỉnh ủy"\n',
            "[issuer] recipients must be a list of texts: 'Ban Tổ chức Tỉnh ủy' "
            '(hint: e.g. recipients = ["Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Đảng ủy"])',
            "[issuer] recipients phải là một danh sách văn bản: 'Ban Tổ chức Tỉnh ủy' "
            '(gợi ý: ví dụ: recipients = ["Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Đảng ủy"])',
        ),
    ],
)
def test_a_bad_settings_file(monkeypatch, tmp_path, units, text, en, vi):
    settings = tmp_path / "ccq-stats.toml"
    settings.write_text(text, encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    assert_error(
        in_both(monkeypatch, "report", "--year", "2019", units, "--settings", settings, "-o", out),
        f"ccq-stats: error: {settings}: {en}",
        f"ccq-stats: lỗi: {settings}: {vi}",
    )
    assert not out.exists()


def test_a_settings_file_that_does_not_exist(monkeypatch, tmp_path, units):
    missing = tmp_path / "khong_co.toml"
    assert_error(
        in_both(monkeypatch, "report", "--year", "2019", units, "--settings", missing, "-o", tmp_path / "bao_cao.docx"),
        f"ccq-stats: error: {missing}: no such settings file (hint: give the path of a ccq-stats.toml)",
        f"ccq-stats: lỗi: {missing}: không có tệp thiết lập này (gợi ý: ghi đường dẫn tới một tệp ccq-stats.toml)",
    )


# -- a user's template ------------------------------------------------------------------------

LIMITS_EN = (
    "(hint: a template may take {s} s, 512 MB of memory and write 50 MB "
    "(CCQ_TEMPLATE_TIMEOUT, CCQ_TEMPLATE_MEMORY_MB, CCQ_TEMPLATE_OUTPUT_MB))"
)
LIMITS_VI = (
    "(gợi ý: mẫu (template) được chạy tối đa {s} giây, dùng tối đa 512 MB bộ nhớ và ghi ra tối đa 50 MB "
    "(CCQ_TEMPLATE_TIMEOUT, CCQ_TEMPLATE_MEMORY_MB, CCQ_TEMPLATE_OUTPUT_MB))"
)


def test_a_template_that_loops_too_long(monkeypatch, tmp_path, units):
    template = tmp_path / "vong_lap.md.j2"
    template.write_text(
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}\n", encoding="utf-8"
    )
    monkeypatch.setenv("CCQ_TEMPLATE_TIMEOUT", "1")
    out = tmp_path / "bao_cao.md"
    # the line is known when the clock runs out inside the template's loop; between two pieces of
    # output it is not, and the message has no line then
    assert_error(
        in_both(monkeypatch, "report", "--year", "2019", units, "--template", template, "-o", out),
        {
            f"ccq-stats: error: {template}: line 1: template stopped: it ran longer than 1 s {LIMITS_EN.format(s=1)}",
            f"ccq-stats: error: {template}: template stopped: it ran longer than 1 s {LIMITS_EN.format(s=1)}",
        },
        {
            f"ccq-stats: lỗi: {template}: dòng 1: mẫu bị dừng: chạy quá 1 giây {LIMITS_VI.format(s=1)}",
            f"ccq-stats: lỗi: {template}: mẫu bị dừng: chạy quá 1 giây {LIMITS_VI.format(s=1)}",
        },
    )
    assert not out.exists()


def test_a_template_that_would_build_a_huge_text(monkeypatch, tmp_path, units):
    template = tmp_path / "lon.md.j2"
    template.write_text("Báo cáo\n{{ 'a' * 10**10 }}\n", encoding="utf-8")
    # 10**10 characters asked for; the limit is 50 MB = 50 * 1024 * 1024 = 52,428,800 characters
    assert_error(
        in_both(monkeypatch, "report", "--year", "2019", units, "--template", template),
        f"ccq-stats: error: {template}: line 2: template stopped: it would build a text or list of 10,000,000,000 "
        f"characters or items (limit 52,428,800) {LIMITS_EN.format(s=30)}",
        f"ccq-stats: lỗi: {template}: dòng 2: mẫu bị dừng: sẽ tạo ra một văn bản hoặc danh sách dài 10.000.000.000 "
        f"ký tự hoặc phần tử (giới hạn 52.428.800) {LIMITS_VI.format(s=30)}",
    )


@pytest.mark.slow
def test_a_template_with_an_error(monkeypatch, tmp_path, units):
    template = tmp_path / "sai.md.j2"
    template.write_text("Năm {{ report.year }}\n{% if %}\n", encoding="utf-8")
    results = in_both(monkeypatch, "report", "--year", "2019", units, "--template", template)
    # after "error:" Jinja's own words, the same in both languages
    en = re.fullmatch(
        rf"ccq-stats: error: {re.escape(str(template))}: line 2: template syntax error: (.+) "
        r"\(hint: fix the template at that line\)",
        results["en"].stderr.splitlines()[-1],
    )
    vi = re.fullmatch(
        rf"ccq-stats: lỗi: {re.escape(str(template))}: dòng 2: lỗi cú pháp trong mẫu: (.+) "
        r"\(gợi ý: sửa mẫu ở dòng đó\)",
        results["vi"].stderr.splitlines()[-1],
    )
    assert en and vi and en.group(1) == vi.group(1), (results["en"].stderr, results["vi"].stderr)
    assert_error(
        in_both(monkeypatch, "report", "--year", "2019", units, "--template", tmp_path / "khong_co.md.j2"),
        f"ccq-stats: error: {tmp_path / 'khong_co.md.j2'}: no such template file "
        "(hint: use a built-in template (term, year, month) or a .j2 file)",
        f"ccq-stats: lỗi: {tmp_path / 'khong_co.md.j2'}: không có tệp mẫu này "
        "(gợi ý: dùng một mẫu dựng sẵn (term, year, month) hoặc một tệp .j2)",
    )


# -- inspect: the table for people ---------------------------------------------------------


def test_the_inspect_table_in_both_languages(monkeypatch):
    results = in_both(monkeypatch, "inspect", SAMPLE / "dang_vien_2017.xlsx", "--rows", "1")
    where = SAMPLE / "dang_vien_2017.xlsx"
    en, vi = results["en"].stdout.splitlines(), results["vi"].stdout.splitlines()
    assert en[:4] == [
        f"{where}, sheet 'Danh sách': 3,944 rows × 7 columns",
        "  read as: members; header row 5; data rows 6-3944",
        "  year: 2017 (from title)",
        "  columns:",
    ]
    # counts with the thousands dot, the subject and the year's source in Vietnamese (issue 19)
    assert vi[:4] == [
        f"{where}, trang tính 'Danh sách': 3.944 dòng × 7 cột",
        "  đọc là: danh sách đảng viên; dòng tiêu đề 5; dòng dữ liệu 6-3944",  # the shape: a list
        "  năm: 2017 (theo tiêu đề)",
        "  các cột:",
    ]
    assert "  rows skipped: title 1-3 (3)" in en and "  dòng bỏ qua: tiêu đề 1-3 (3)" in vi  # why, in words (issue 19)
    assert en[-2:] == [
        "  first rows as read:",
        "    row 6     ‹hidden: --names› | Đảng bộ Văn phòng Tỉnh ủy | members | 2017 | 'HTXSNV' → top",
    ]
    assert vi[-2] == "  các dòng đầu, như đã đọc:" and vi[-1].startswith("    dòng 6     ")
