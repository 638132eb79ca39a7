"""The monthly summary (report --month): inside a rating season with organisations not yet
reported, with a roster, outside a season; every template variable documented."""

from __future__ import annotations

import datetime
import re

import pytest

from conftest import ROOT, make_csv, run
from test_store_server import postgres_url, store_location  # noqa: F401  (fixtures)

UNITS = ["Tên tổ chức đảng", "Năm", "Xếp loại"]


@pytest.fixture
def half_season(store_location, tmp_path):
    """2018: four chi bộ rated (A top, B good, C good, D pass); 2019: only A (top) and B (good) so far."""
    y2018 = make_csv(
        tmp_path / "to_chuc_2018.csv",
        [
            UNITS,
            ["Chi bộ A", 2018, "HTXSNV"],
            ["Chi bộ B", 2018, "HTTNV"],
            ["Chi bộ C", 2018, "HTTNV"],
            ["Chi bộ D", 2018, "HTNV"],
        ],
    )
    y2019 = make_csv(
        tmp_path / "to_chuc_2019_dot1.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]]
    )
    for path in (y2018, y2019):
        assert run("import", path, "--quiet").exit_code == 0
    return store_location


def summary(*args) -> str:
    result = run("report", *args, "--date", "2019-12-31")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_inside_a_season_it_names_who_has_not_reported(half_season):
    text = summary("--month", "2019-12")
    assert "Tháng 12/2019 nằm trong đợt đánh giá, xếp loại chất lượng năm 2019" in text
    # the roster of 2019 is the four organisations rated in 2018; A and B have reported
    assert "Năm 2019, đã có 2/4 tổ chức cơ sở đảng báo cáo (50,00%), còn 2 tổ chức chưa báo cáo" in text
    assert "căn cứ các tổ chức cơ sở đảng đã xếp loại năm 2018" in text
    section = text.split("chưa báo cáo kết quả năm 2019 (2)")[1]
    assert "1. Chi bộ C" in section and "2. Chi bộ D" in section
    # the latest year so far: 2 organisations, 1 top (50%), 2 good or better (100%); 2018: 1/4 top, 3/4 good or better
    assert (
        "Năm 2019 (số liệu chưa đủ): 2 chi, đảng bộ cơ sở, 2 được đánh giá, xếp loại; 1 tổ chức (50,00%) hoàn thành xuất sắc nhiệm vụ, 2 tổ chức (100,00%) hoàn thành tốt nhiệm vụ trở lên, không có tổ chức nào không hoàn thành nhiệm vụ"
        in text
    )
    assert (
        "So với năm 2018: tỷ lệ chi, đảng bộ cơ sở đạt mức cao nhất tăng 25 điểm phần trăm, hoàn thành tốt nhiệm vụ trở lên tăng 25 điểm phần trăm"
        in text
    )
    assert "Nhiệm kỳ 2015–2020: kho dữ liệu có kết quả các năm 2018–2019" in text
    assert "Trong tháng không có số liệu mới" in text  # both imports were made today, not in December 2019
    assert "Năm 2019, qua kiểm tra không có trường hợp nào cần xem." in text  # no members given, so no rule can break


def test_a_roster_given_counts_against_it(half_season, tmp_path):
    roster = make_csv(
        tmp_path / "danh_sach_2019.csv",
        [["STT", "Tên tổ chức"], [1, "Chi bộ A"], [2, "Chi bộ B"], [3, "Chi bộ C"], [4, "Chi bộ D"], [5, "Chi bộ E"]],
    )
    result = run("roster", "import", roster, "--year", "2019")
    assert result.exit_code == 0 and "roster of 2019: 5 organisations" in result.stderr
    text = summary("--month", "2020-01")  # January belongs to the season of the year before
    assert (
        "Năm 2019, đã có 2/5 tổ chức cơ sở đảng báo cáo (40,00%), còn 3 tổ chức chưa báo cáo (căn cứ danh sách tổ chức cơ sở đảng năm 2019)"
        in text
    )


def test_outside_a_season_with_everyone_reported(half_season, tmp_path):
    rest = make_csv(tmp_path / "to_chuc_2019_dot2.csv", [UNITS, ["Chi bộ C", 2019, "HTNV"], ["Chi bộ D", 2019, "HTNV"]])
    assert run("import", rest, "--quiet").exit_code == 0
    text = summary("--month", "2020-06", "--format", "txt")
    assert "Tháng 06/2020 không thuộc đợt đánh giá, xếp loại." in text
    assert "Năm 2019, đã có 4/4 tổ chức cơ sở đảng báo cáo (100,00%), đủ các tổ chức" in text
    assert "CHƯA BÁO CÁO" not in text
    # 2019 complete: A top, B good, C and D pass -> 1/4 top, 2/4 good or better; 2018: 1/4 and 3/4
    assert "1 tổ chức (25,00%) hoàn thành xuất sắc nhiệm vụ, 2 tổ chức (50,00%) hoàn thành tốt nhiệm vụ trở lên" in text
    assert "cao nhất không đổi, hoàn thành tốt nhiệm vụ trở lên giảm 25 điểm phần trăm" in text


def test_the_imports_of_the_month_are_listed(half_season):
    this_month = datetime.date.today().strftime("%Y-%m")
    text = summary("--month", this_month)
    assert "Trong tháng có 2 lần nhập số liệu: 6 bản ghi mới; không có bản ghi nào được sửa hoặc bị xóa." in text
    assert "to_chuc_2018.csv" in text and "to_chuc_2019_dot1.csv" in text


def test_html_summary_written_atomically_for_cron(half_season, tmp_path):
    out = tmp_path / "thang_2019-12.html"
    result = run("report", "--month", "2019-12", "-o", out, "--quiet")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<li>Chi bộ C</li>" in page
    assert run("report", "--month", "2019-12", "--format", "xlsx", "-o", tmp_path / "x.xlsx").exit_code == 2
    bad = run("report", "--month", "2019-13")
    assert bad.exit_code == 2 and "--month must be a month like 2019-12, or last or this" in bad.stderr


def _keys(value, prefix=""):
    """Every key of the context, nested dicts and lists of dicts included, as dotted paths."""
    out = set()
    if isinstance(value, dict):
        for key, sub in value.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            out.add(name)
            out |= _keys(sub, name)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for item in value:
            out |= _keys(item, prefix)
    return out


def test_every_month_variable_is_documented(half_season, tmp_path):
    from ccq_stats.api import month_report

    this_month = datetime.date.today().strftime("%Y-%m")
    keys = _keys(month_report(half_season, month=this_month)) | _keys(month_report(half_season, month="2019-12"))
    # data used as keys: a year, a rule id (findings_by_rule), the numbers of a finding (per rule, documented with check)
    # issuer.* is documented once, in its own section, shared with the term and year reports
    keys = {
        k
        for k in keys
        if not re.search(r"\.\d{4}$", k) and not k.startswith(("findings_by_rule.", "findings.numbers.", "issuer."))
    }
    docs = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    section = docs[docs.index("## The monthly summary") :]
    documented = set(re.findall(r"`([a-z_][a-z0-9_.]*)`", section))
    leaves = {k.split(".")[-1] for k in documented} | documented
    missing = sorted(k for k in keys if k not in documented and k.split(".")[-1] not in leaves)
    assert not missing, f"undocumented month variables: {missing}"
    assert "issuer" in documented and "### `issuer`" in docs


def test_strict_fails_the_cron_job_on_a_broken_rule(store_location, tmp_path):
    # 2019: Chi bộ A rated HTXSNV, but one of its two members fails: top_unit_members is broken
    units = make_csv(tmp_path / "tc.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"]])
    members = make_csv(
        tmp_path / "dv.csv",
        [
            ["Họ và tên", "Chi bộ", "Năm", "Xếp loại"],
            ["Người 1", "Chi bộ A", 2019, "HTTNV"],
            ["Người 2", "Chi bộ A", 2019, "KHTNV"],
        ],
    )
    assert run("import", units, members, "--quiet").exit_code == 0
    out = tmp_path / "thang.md"
    result = run("report", "--month", "2020-03", "--strict", "-o", out, "--quiet")
    assert result.exit_code == 1, result.stderr
    assert "Chi bộ HTXSNV chưa đủ điều kiện về đảng viên" in out.read_text(encoding="utf-8")  # written, then failed
    assert (
        "Năm 2019, qua kiểm tra có 1 trường hợp cần xem, trong đó 1 trường hợp trái quy định cần xử lý."
        in out.read_text(encoding="utf-8")
    )
    assert run("report", "--month", "2020-03", "-o", out, "--quiet").exit_code == 0


def test_month_last_and_a_file_per_month(half_season, tmp_path):
    from ccq_stats.documents.month import parse_month

    assert parse_month("last", datetime.date(2020, 1, 1)) == datetime.date(2019, 12, 1)
    assert parse_month("last", datetime.date(2020, 3, 31)) == datetime.date(2020, 2, 1)
    assert parse_month("this", datetime.date(2020, 3, 31)) == datetime.date(2020, 3, 1)
    result = run("report", "--month", "this", "--format", "html", "-o", tmp_path / "thang_{month}.html")
    name = f"thang_{datetime.date.today():%Y-%m}.html"
    assert result.exit_code == 0 and result.stderr.endswith(f"{tmp_path / name}\n")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


SETTINGS = '[issuer]\nabove = "ĐẢNG BỘ TỈNH BÌNH DƯƠNG"\nplace = "Thủ Dầu Một"\nnumber = "7"\nsigner = "Nguyễn Văn A"\n'


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_every_text_format_is_headed_by_the_settings_file(half_season, tmp_path, fmt):
    """The issuer block of the settings file opens md and txt as it opens html (issue 19: md and
    txt printed the bloc's name and "…" for the place)."""
    settings = tmp_path / "ccq-stats.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    text = summary("--month", "2019-12", "--format", fmt, "--settings", settings)
    head = text[: text.index("BÁO CÁO")]  # the title, as in the Word summary
    for line in (
        "ĐẢNG BỘ TỈNH BÌNH DƯƠNG",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
        "Số 7-BC/ĐUK",
        "Thủ Dầu Một, ngày 31 tháng 12 năm 2019",
    ):
        assert line in head, (fmt, line)
    assert "ĐẢNG BỘ KHỐI" not in head and "…," not in head


def test_the_summary_as_a_word_document(half_season, tmp_path):
    """--format docx (or -o NAME.docx): the party's document form, the same paragraphs as md,
    the signer from the settings file."""
    from docx import Document

    settings = tmp_path / "ccq-stats.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    target = tmp_path / "thang_12.docx"
    result = run("report", "--month", "2019-12", "--date", "2019-12-31", "--settings", settings, "-o", target, "-q")
    assert result.exit_code == 0, result.stderr
    doc = Document(str(target))
    header_left = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
    assert header_left[0] == "ĐẢNG BỘ TỈNH BÌNH DƯƠNG" and header_left[-1] == "Số 7-BC/ĐUK"
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Tình hình đánh giá, xếp loại tổ chức cơ sở đảng và đảng viên tháng 12/2019" in texts[
        texts.index("BÁO CÁO") + 1
    ].replace("\n", " ")
    assert any("đã có 2/4 tổ chức cơ sở đảng báo cáo (50,00%)" in t for t in texts)
    assert "1. Chi bộ C" in texts and "2. Chi bộ D" in texts
    signature = doc.tables[-1].rows[0].cells[1]
    assert [p.text for p in signature.paragraphs][-1] == "Nguyễn Văn A"


def test_a_season_with_nobody_reported_yet_says_so_in_words(half_season):
    """December 2020: the season of 2020, and the store holds no 2020 result yet; without a roster,
    the organisations rated the year before are expected: A and B (rated in 2019)."""
    text = summary("--month", "2020-12")
    assert (
        "Năm 2020, chưa có tổ chức cơ sở đảng nào báo cáo (0/2, căn cứ các tổ chức cơ sở đảng đã xếp loại năm 2019)"
        in text
    )
    assert "đã có 0/" not in text


def test_the_imports_are_in_the_month_and_at_the_time_where_staff_are(tmp_path, monkeypatch):
    """An import made at 03:00 on 1 February in Hà Nội (20:00 UTC on 31 January, as the store
    keeps it) belongs to February's summary, and its row shows 03:00 with the +07:00 offset."""
    import time

    import ccq_stats.store as store_module

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    monkeypatch.setattr(store_module, "now_utc", lambda: "2020-01-31T20:00:00+00:00")
    monkeypatch.setenv("CCQ_STATS_DB", str(tmp_path / "ccq.sqlite"))
    try:
        units = make_csv(tmp_path / "to_chuc_2019.csv", [UNITS, ["Chi bộ A", 2019, "HTXSNV"]])
        assert run("import", units, "--quiet").exit_code == 0
        february = run("report", "--month", "2020-02", "--date", "2020-02-29", "-f", "md")
        january = run("report", "--month", "2020-01", "--date", "2020-01-31", "-f", "md")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert february.exit_code == 0 and january.exit_code == 0, february.stderr + january.stderr
    assert "| 2020-02-01 03:00:00+07:00 |" in february.stdout and "to_chuc_2019.csv" in february.stdout
    assert "to_chuc_2019.csv" not in january.stdout and "| Thời gian " in february.stdout
    assert "(UTC)" not in february.stdout
