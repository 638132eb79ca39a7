"""The command line in the users' language (issue 13): errors, usage errors, --help, warnings and
summaries in Vietnamese when the locale or CCQ_LANG says so, in English otherwise – and what programs
read (stdout data, exit codes) the same in both.

Every expected line here is written by hand: the English as the tool has always said it, the
Vietnamese as the catalogue (ccq_stats/locale/vi) words it. Help texts are read when ccq_stats.cli is
imported, so tests of the Vietnamese help run the tool in a subprocess.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, make_csv, make_xlsx, run

LANGUAGE_VARIABLES = ("CCQ_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _console_script() -> list[str]:
    """The installed ``ccq-stats`` (the console script calls cli.main, as users run it)."""
    script = Path(sys.executable).parent / ("ccq-stats.exe" if os.name == "nt" else "ccq-stats")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ccq_stats"]


def ccq(*args, cwd: Path = ROOT, **language: str) -> subprocess.CompletedProcess:
    """Run ccq-stats in a subprocess with only the given language variables set."""
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env.update(language)
    env["CCQ_NO_PROGRESS"] = "1"
    return subprocess.run(
        [*_console_script(), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def main_here(*args, capsys, monkeypatch, **language: str) -> subprocess.CompletedProcess:
    """As ``ccq``, through the console entry point (cli.main: the one-line usage errors, exit
    codes) in this process, with only the given language variables set: for the messages made at
    run time (usage errors). Help texts are read at import, so --help in Vietnamese stays in ``ccq``."""
    from ccq_stats.cli import main

    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in language.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("CCQ_NO_PROGRESS", "1")
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["ccq-stats", *map(str, args)])
    # click names the program from __main__ and argv[0]: as the console script runs, not pytest's
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    capsys.readouterr()
    with pytest.raises(SystemExit) as ended:
        main()
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(["ccq-stats", *map(str, args)], ended.value.code, out, err)


# -- the done-when line of the issue -----------------------------------------------------------


@pytest.fixture
def bad_workbook(tmp_path) -> Path:
    """A member list whose second member has a label no scale knows ("Rất giỏi"), at D3."""
    return make_xlsx(
        tmp_path / "bad.xlsx",
        {
            "Đảng viên": [
                ["STT", "Họ và tên", "Năm", "Xếp loại"],
                [1, "Nguyễn Văn A", 2019, "Hoàn thành tốt nhiệm vụ"],
                [2, "Trần Thị B", 2019, "Rất giỏi"],
            ]
        },
    )


@pytest.mark.slow
def test_a_vietnamese_locale_gets_the_error_in_vietnamese(bad_workbook):
    result = ccq("classify", "bad.xlsx", cwd=bad_workbook.parent, LANG="vi_VN.UTF-8")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "ccq-stats: lỗi: bad.xlsx, trang tính 'Đảng viên', dòng 3, cột D (Xếp loại): nhãn xếp loại không xác định: "
        "'Rất giỏi' (gợi ý: nếu đây là một nhãn xếp loại thật, hãy thêm cách viết này làm tên gọi khác trong một tệp --scales)"
    ]


@pytest.mark.slow
def test_the_c_locale_gets_the_same_error_in_english(bad_workbook):
    result = ccq("classify", "bad.xlsx", cwd=bad_workbook.parent, LANG="C")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "ccq-stats: error: bad.xlsx, sheet 'Đảng viên', row 3, column D (Xếp loại): unknown rating label: 'Rất giỏi' "
        "(hint: add the spelling as an alias in a --scales file if it is a real label)"
    ]


# -- usage errors: one line, exit 2, in both languages ------------------------------------------

USAGE_ERRORS = [
    (
        ["classify", "sample_data", "-f", "pdf"],
        "ccq-stats: error: --format: 'pdf' is not one of table, csv, json, xlsx (hint: ccq-stats classify --help)",
        "ccq-stats: lỗi: --format: 'pdf' không phải một trong table, csv, json, xlsx (gợi ý: ccq-stats classify --help)",
    ),
    (
        ["classify", "sample_data", "--yea", "2019"],
        "ccq-stats: error: no such option: --yea (did you mean --year?) (hint: ccq-stats classify --help)",
        "ccq-stats: lỗi: không có tùy chọn --yea (có phải là --year?) (gợi ý: ccq-stats classify --help)",
    ),
    (
        ["check", "x.csv", "-z"],
        "ccq-stats: error: no such option: -z (hint: ccq-stats check --help)",
        "ccq-stats: lỗi: không có tùy chọn -z (gợi ý: ccq-stats check --help)",
    ),
    (
        ["import"],  # PATH is optional since import --revert N; without either, one line says what to give
        "ccq-stats: error: give the files to import (hint: e.g. ccq-stats import sample_data/)",
        "ccq-stats: lỗi: hãy chỉ ra các tệp cần nhập (gợi ý: ví dụ ccq-stats import sample_data/)",
    ),
    (
        ["roster", "import"],
        "ccq-stats: error: missing argument FILE (hint: ccq-stats roster import --help)",
        "ccq-stats: lỗi: thiếu đối số FILE (gợi ý: ccq-stats roster import --help)",
    ),
    (
        ["forms", "x.xlsx", "-o", "bieu.xlsx"],
        "ccq-stats: error: missing option --year (hint: ccq-stats forms --help)",
        "ccq-stats: lỗi: thiếu tùy chọn --year (gợi ý: ccq-stats forms --help)",
    ),
    (
        ["history", "--year", "abc"],
        "ccq-stats: error: --year: 'abc' is not a whole number (hint: ccq-stats history --help)",
        "ccq-stats: lỗi: --year: 'abc' không phải là số nguyên (gợi ý: ccq-stats history --help)",
    ),
    (
        ["inspect", "x.xlsx", "--rows", "500"],
        "ccq-stats: error: --rows: 500 is not between 0 and 100 (hint: ccq-stats inspect --help)",
        "ccq-stats: lỗi: --rows: 500 không nằm trong khoảng từ 0 đến 100 (gợi ý: ccq-stats inspect --help)",
    ),
    (
        ["classify", "x.csv", "--header-row", "0"],
        "ccq-stats: error: --header-row: 0 is less than 1 (hint: ccq-stats classify --help)",
        "ccq-stats: lỗi: --header-row: 0 nhỏ hơn 1 (gợi ý: ccq-stats classify --help)",
    ),
    (
        ["check", "x.csv", "--year"],
        "ccq-stats: error: --year needs a value (hint: ccq-stats check --help)",
        "ccq-stats: lỗi: --year cần một giá trị (gợi ý: ccq-stats check --help)",
    ),
    (
        ["classify", "x.csv", "--bom=yes"],
        "ccq-stats: error: --bom takes no value (hint: ccq-stats classify --help)",
        "ccq-stats: lỗi: --bom không nhận giá trị (gợi ý: ccq-stats classify --help)",
    ),
    (
        ["clasify", "sample_data"],
        "ccq-stats: error: no such command: clasify (did you mean classify?) (hint: ccq-stats --help)",
        "ccq-stats: lỗi: không có lệnh clasify (có phải là classify?) (gợi ý: ccq-stats --help)",
    ),
    (
        ["templates", "paste"],
        "ccq-stats: error: no such command: paste (hint: ccq-stats templates --help)",
        "ccq-stats: lỗi: không có lệnh paste (gợi ý: ccq-stats templates --help)",
    ),
    (
        ["templates", "copy", "term.md.j2", "moi.md.j2", "thua"],
        "ccq-stats: error: unexpected extra argument(s): thua (hint: ccq-stats templates copy --help)",
        "ccq-stats: lỗi: thừa đối số: thua (gợi ý: ccq-stats templates copy --help)",
    ),
]


@pytest.mark.parametrize("args, english, vietnamese", USAGE_ERRORS, ids=[" ".join(a) for a, _e, _v in USAGE_ERRORS])
def test_usage_errors_are_one_line_in_the_users_language(args, english, vietnamese, capsys, monkeypatch):
    for language, expected in (("en", english), ("vi", vietnamese)):
        result = main_here(*args, capsys=capsys, monkeypatch=monkeypatch, CCQ_LANG=language)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", expected + "\n"), language


@pytest.mark.slow
def test_no_arguments_still_show_the_help_with_exit_code_2(capsys, monkeypatch):
    for language, usage in (("en", "Usage: ccq-stats templates "), ("vi", "Cách dùng: ccq-stats templates ")):
        result = main_here("templates", capsys=capsys, monkeypatch=monkeypatch, CCQ_LANG=language)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith(usage), result.stderr[:200]
        assert "list" in result.stderr and "copy" in result.stderr


@pytest.mark.slow
def test_version_and_exit_codes_of_the_commands_are_unchanged(capsys, monkeypatch):
    from ccq_stats import __version__

    for flag in ("--version", "-V"):
        result = main_here(flag, capsys=capsys, monkeypatch=monkeypatch, CCQ_LANG="vi")
        assert (result.returncode, result.stdout) == (0, f"ccq-stats {__version__}\n")
    # the sample breaks rules: --strict exits 1, in either language; its findings are written first
    for language in ("en", "vi"):
        result = main_here(
            "check", "sample_data", "--strict", "-f", "csv", capsys=capsys, monkeypatch=monkeypatch, CCQ_LANG=language
        )
        assert result.returncode == 1 and result.stdout.startswith("rule,severity,year,org,")


# -- --help in Vietnamese: every command, every option ------------------------------------------

HELP_TEXTS = """
import json
import typer.main
from ccq_stats.cli import app

def walk(command, path):
    found = {path: {"help": command.help, "params": {p.name: p.help for p in command.params}}}
    for name, sub in getattr(command, "commands", {}).items():
        found.update(walk(sub, path + " " + name))
    return found

print(json.dumps(walk(typer.main.get_command(app), "ccq-stats")))
"""


def _help_texts(language: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES} | {"CCQ_LANG": language}
    done = subprocess.run(
        [sys.executable, "-c", HELP_TEXTS],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def help_texts() -> dict:
    return {"en": _help_texts("en"), "vi": _help_texts("vi")}


@pytest.mark.slow
def test_every_command_and_option_has_its_help_in_vietnamese(help_texts):
    english, vietnamese = help_texts["en"], help_texts["vi"]
    assert set(english) == set(vietnamese)
    assert {
        "ccq-stats",
        "ccq-stats classify",
        "ccq-stats check",
        "ccq-stats report",
        "ccq-stats forms",
        "ccq-stats inspect",
        "ccq-stats import",
        "ccq-stats history",
        "ccq-stats templates",
        "ccq-stats templates list",
        "ccq-stats templates copy",
        "ccq-stats roster",
        "ccq-stats roster import",
        "ccq-stats blank",
        "ccq-stats orgs",
        "ccq-stats orgs import",
        "ccq-stats orgs list",
        "ccq-stats orgs check",
    } == set(english)
    untranslated = []
    for path, command in english.items():
        assert command["help"], f"{path} has no help"
        if vietnamese[path]["help"] == command["help"]:
            untranslated.append(path)
        for name, text in command["params"].items():
            assert text, f"{path} {name} has no help"
            if vietnamese[path]["params"][name] == text:
                untranslated.append(f"{path} {name}")
    assert not untranslated, untranslated


@pytest.mark.slow
def test_help_texts_say_what_the_catalogue_says(help_texts):
    vietnamese = help_texts["vi"]
    assert vietnamese["ccq-stats classify"]["params"]["year"] == (
        "Năm xếp loại cho các trang tính không ghi năm (không có cột 'Năm', tên trang tính hay tiêu đề ghi năm)."
    )
    assert vietnamese["ccq-stats"]["params"]["version"] == "In số phiên bản rồi thoát."
    assert vietnamese["ccq-stats templates copy"]["help"].startswith(
        "Sao chép một mẫu có sẵn để làm mẫu riêng; không bao giờ ghi đè lên tệp đã có."
    )
    assert help_texts["en"]["ccq-stats classify"]["params"]["year"] == (
        "Rating year for sheets that name none (no 'Năm' column, sheet name or title)."
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "command",
    [
        "",
        "classify",
        "check",
        "report",
        "forms",
        "inspect",
        "import",
        "history",
        "templates",
        "templates list",
        "templates copy",
        "roster",
        "roster import",
        "blank",
        "orgs",
        "orgs import",
        "orgs list",
        "orgs check",
    ],
)
def test_the_help_page_is_vietnamese_around_the_texts_too(command):
    """Typer's own words (usage, section titles, [default: …], the --help option) from our catalogue."""
    result = ccq(*command.split(), "--help", CCQ_LANG="vi")
    assert result.returncode == 0 and result.stderr == ""
    page = result.stdout
    assert page.startswith(f"Cách dùng: ccq-stats {command}".rstrip() + " ")
    assert "\nTùy chọn:\n" in page and "-h, --help" in page and "Hiện hướng dẫn này rồi thoát." in page
    for english in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message", "default:", "required"):
        assert english not in page, (command, english)
    if command in ("classify", "check"):
        assert "[mặc định: " in page  # Typer's own "[default: rated]" …
    if command == "":
        assert "\nLệnh:\n" in page
    if command == "templates copy":
        assert "\nĐối số:\n" in page


@pytest.mark.slow
def test_the_english_help_page_is_as_before():
    result = ccq("classify", "--help", CCQ_LANG="en")
    page = result.stdout
    assert page.startswith("Usage: ccq-stats classify [OPTIONS] [[PATH]...]...\n")
    assert "\nOptions:\n" in page and "\nArguments:\n" in page and "Show this message and exit." in page
    assert "Figures per year, or per year and grassroots organisation (unit). [default: year]" in " ".join(page.split())


# -- machine output does not change with the language -------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("args", [["classify", "sample_data/", "-f", "csv"], ["check", "sample_data/", "-f", "json"]])
def test_data_on_stdout_is_the_same_in_both_languages(args, capsys, monkeypatch):
    english = main_here(*args, capsys=capsys, monkeypatch=monkeypatch, CCQ_LANG="en")
    vietnamese = main_here(*args, capsys=capsys, monkeypatch=monkeypatch, CCQ_LANG="vi")
    assert english.returncode == vietnamese.returncode == 0
    assert english.stdout and vietnamese.stdout == english.stdout
    # … while the warnings for people on stderr are not
    assert "ccq-stats: warning: " in english.stderr and "ccq-stats: cảnh báo: " in vietnamese.stderr
    assert "ccq-stats: warning: " not in vietnamese.stderr


@pytest.mark.slow
def test_where_a_finding_was_seen_is_the_same_in_both_languages(tmp_path, capsys, monkeypatch):
    """The findings' `where` is data (a CSV column, kept in the store): not translated."""
    counts = make_csv(
        tmp_path / "sl.csv", [["Tên TCCS đảng", "HTXSNV", "HTTNV", "HTNV", "KHTNV"], ["Chi bộ A", 0, 3, 0, 0]]
    )
    rows = make_csv(
        tmp_path / "dv.csv",
        [["Họ và tên", "Chi bộ", "Xếp loại"], ["Người A", "Chi bộ A", "HTTNV"], ["Người B", "Chi bộ A", "HTNV"]],
    )
    here = dict(capsys=capsys, monkeypatch=monkeypatch)
    english = main_here("check", counts, rows, "--year", "2019", "-f", "json", **here, CCQ_LANG="en")
    vietnamese = main_here("check", counts, rows, "--year", "2019", "-f", "json", **here, CCQ_LANG="vi")
    assert english.returncode == vietnamese.returncode == 0
    assert vietnamese.stdout == english.stdout
    found = [f for f in json.loads(english.stdout) if f["rule"] == "counts_vs_rows"]
    assert [f["where"] for f in found] == [f"{counts}, row 2"]
    said = main_here(
        "classify", counts, rows, "--year", "2019", "-f", "csv", **here, CCQ_LANG="vi"
    ).stderr  # check lists it as a finding
    assert (
        f"ccq-stats: cảnh báo: {counts}, dòng 2: số liệu tổng hợp đảng viên của 'Chi bộ A' năm 2019 cộng lại được 3 nhưng "
        "danh sách đảng viên có 2 dòng; dùng danh sách đảng viên"
    ) in said.splitlines()


# -- warnings and errors of classify, records, rules, stats, month, api, cli (in-process) -------


@pytest.fixture
def vietnamese(monkeypatch):
    """Messages made from here on are Vietnamese (the help texts, read at import, stay English)."""
    monkeypatch.setenv("CCQ_LANG", "vi")


@pytest.fixture
def units_off_scale(tmp_path) -> Path:
    """Two of three units rated with the pre-2018 label "Trong sạch, vững mạnh" in 2019 (rows 2 and 4)."""
    return make_xlsx(
        tmp_path / "units.xlsx",
        {
            "TCCS": [
                ["STT", "Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
                [1, "Chi bộ Sở Tư pháp", 2019, "Trong sạch, vững mạnh"],
                [2, "Chi bộ Sở Y tế", 2019, "Hoàn thành tốt nhiệm vụ"],
                [3, "Chi bộ Sở Tài chính", 2019, "Trong sạch, vững mạnh"],
            ]
        },
    )


REGIME_2019 = (
    "Quy định 132-QĐ/TW (2018); Hướng dẫn 16-HD/BTCTW (2018), 21-HD/BTCTW (2019)"  # scales.toml, regime of 2018–2022
)


def test_a_label_off_its_years_scale_is_a_warning_in_either_language(units_off_scale, monkeypatch):
    english = run("classify", units_off_scale, "-f", "csv")
    assert english.exit_code == 0
    assert english.stderr.splitlines() == [
        f"ccq-stats: warning: {units_off_scale}, sheet 'TCCS', row 2, column D (Xếp loại): label 'Trong sạch, vững mạnh' "
        f"is not on the 2019 scale of grassroots organisations ({REGIME_2019}); counted as 'Hoàn thành xuất sắc nhiệm vụ' (and 1 more row)"
    ]
    monkeypatch.setenv("CCQ_LANG", "vi")
    vietnamese = run("classify", units_off_scale, "-f", "csv")
    assert vietnamese.stdout == english.stdout
    assert vietnamese.stderr.splitlines() == [
        f"ccq-stats: cảnh báo: {units_off_scale}, trang tính 'TCCS', dòng 2, cột D (Xếp loại): nhãn 'Trong sạch, vững mạnh' "
        f"không có trong thang xếp loại năm 2019 của chi, đảng bộ cơ sở ({REGIME_2019}); được tính là 'Hoàn thành xuất sắc "
        "nhiệm vụ' (và 1 dòng khác)"
    ]


def test_each_file_says_its_own_rows_with_the_label(units_off_scale, tmp_path, vietnamese):
    other = make_xlsx(
        tmp_path / "other.xlsx",
        {
            "TCCS": [
                ["STT", "Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"],
                [1, "Chi bộ Sở Xây dựng", 2019, "Trong sạch, vững mạnh"],
            ]
        },
    )
    result = run("classify", units_off_scale, other, "-f", "csv")
    assert result.exit_code == 0
    said = "nhãn 'Trong sạch, vững mạnh' không có trong thang xếp loại năm 2019 của chi, đảng bộ cơ sở"
    assert result.stderr.splitlines() == [
        f"ccq-stats: cảnh báo: {units_off_scale}, trang tính 'TCCS', dòng 2, cột D (Xếp loại): {said} ({REGIME_2019}); "
        "được tính là 'Hoàn thành xuất sắc nhiệm vụ' (và 1 dòng khác)",
        f"ccq-stats: cảnh báo: {other}, trang tính 'TCCS', dòng 2, cột D (Xếp loại): {said} ({REGIME_2019}); "
        "được tính là 'Hoàn thành xuất sắc nhiệm vụ'",
    ]


def test_an_organisation_listed_twice_in_vietnamese(tmp_path, vietnamese):
    alike = make_csv(
        tmp_path / "alike.csv",
        [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTTNV"], ["Chi bộ A", 2019, "HTTNV"]],
    )
    result = run("classify", alike, "-f", "csv")
    assert result.exit_code == 0
    assert (
        f"ccq-stats: cảnh báo: {alike}, dòng 3: 'Chi bộ A' có tên lại trong năm 2019 với cùng kết quả xếp loại "
        f"(lần đầu tại {alike}, dòng 2); chỉ tính một lần"
    ) in result.stderr.splitlines()
    differ = make_csv(
        tmp_path / "differ.csv",
        [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTTNV"], ["Chi bộ A", 2019, "HTNV"]],
    )
    result = run("classify", differ, "-f", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"ccq-stats: lỗi: {differ}, dòng 3: tổ chức đảng 'Chi bộ A' có tên hai lần trong năm 2019 với hai kết quả xếp loại "
        f"khác nhau: 'HTTNV' tại {differ}, dòng 2 và 'HTNV' (gợi ý: mỗi năm chỉ giữ một kết quả xếp loại; xóa hoặc sửa "
        "một trong hai dòng)\n"
    )


@pytest.mark.slow
def test_a_rule_left_unchecked_is_said_in_vietnamese(vietnamese):
    result = run("check", SAMPLE, "--format", "csv")
    assert result.exit_code == 0
    # the glossary's words (docs/translating.md): a rule is "quy tắc kiểm tra", a source "văn bản căn cứ"
    assert (
        "không áp dụng quy tắc kiểm tra disciplined_not_fail cho năm 2017: chưa có văn bản căn cứ đã đối chiếu cho "
        "quy tắc này trong năm đó (1 trường hợp lẽ ra bị nêu); xem docs/domain.md §4 – có thể bật bằng một tệp "
        "--scales"
    ) in result.stderr


def test_bad_years_and_months_in_vietnamese(monkeypatch):
    from ccq_stats.documents.month import parse_month
    from ccq_stats.errors import InputError
    from ccq_stats.figures.stats import parse_span, parse_years

    cases = [
        (
            lambda: parse_years("2019-2016"),
            "--years must be a year or two years like 2016-2019: '2019-2016' (hint: write FIRST-LAST with FIRST ≤ LAST, or one year)",
            "--years phải là một năm hoặc hai năm như 2016-2019: '2019-2016' (gợi ý: ghi FIRST-LAST với FIRST ≤ LAST, hoặc một năm)",
        ),
        (
            lambda: parse_span("2020"),
            "--term must be two years like 2015-2020: '2020' (hint: write START-END with START < END)",
            "--term phải là hai năm như 2015-2020: '2020' (gợi ý: ghi START-END với START < END)",
        ),
        (
            lambda: parse_month("12/2019"),
            "--month must be a month like 2019-12, or last or this: '12/2019' (hint: write YYYY-MM)",
            "--month phải là một tháng như 2019-12, hoặc last hay this: '12/2019' (gợi ý: ghi YYYY-MM)",
        ),
    ]
    for make, english, vietnamese in cases:
        for language, expected in (("en", english), ("vi", vietnamese)):
            monkeypatch.setenv("CCQ_LANG", language)
            with pytest.raises(InputError) as raised:
                make()
            assert str(raised.value) == expected


def test_command_errors_of_the_cli_in_vietnamese(tmp_path, vietnamese):
    result = run("report", "--year", "2019", SAMPLE, "--date", "30/02/2020")
    assert result.exit_code == 2
    assert result.stderr == (
        "ccq-stats: lỗi: --date không phải là một ngày: '30/02/2020' (gợi ý: ghi theo dạng YYYY-MM-DD "
        "hoặc DD/MM/YYYY, ví dụ 2020-10-21 hoặc 21/10/2020)\n"
    )
    result = run("classify", SAMPLE, "-o", tmp_path / "ket_qua.dat")
    assert result.exit_code == 2
    assert result.stderr == (
        f"ccq-stats: lỗi: {tmp_path / 'ket_qua.dat'}: không ghi được tệp .dat (lệnh này ghi .csv, .json, "
        ".xlsx) (gợi ý: đặt tên tệp có đuôi là một trong .csv, .json, .xlsx, hoặc ghi rõ --format)\n"
    )
    result = run("classify", SAMPLE, "-o", tmp_path / "ket_qua.pdf")  # a suffix of another format: --format cannot help
    assert result.exit_code == 2
    assert result.stderr == (
        f"ccq-stats: lỗi: {tmp_path / 'ket_qua.pdf'}: không ghi được tệp .pdf (lệnh này ghi .csv, .json, "
        ".xlsx) (gợi ý: đặt tên tệp có đuôi là một trong .csv, .json, .xlsx)\n"
    )
    result = run("report", "--term", "2015-2020", "--year", "2019", SAMPLE)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "ccq-stats: lỗi: hãy dùng một trong hai: --term START-END hoặc --year YEAR (gợi ý: ví dụ --term 2015-2020)\n"
    )


def test_templates_copy_says_what_it_did_in_vietnamese(tmp_path, vietnamese):
    target = tmp_path / "cua_toi.md.j2"
    result = run("templates", "copy", "term.md.j2", target)
    assert result.exit_code == 0
    assert result.stderr == f"ccq-stats: đã sao chép term.md.j2 vào {target}\n"
    again = run("templates", "copy", "term.md.j2", target)
    assert again.exit_code == 2
    assert again.stderr == f"ccq-stats: lỗi: {target}: tệp đã có (gợi ý: đặt tên khác, hoặc xóa tệp đó trước)\n"


def test_import_and_roster_summaries_in_vietnamese(tmp_path, vietnamese):
    db = tmp_path / "kho.sqlite"
    units = make_csv(
        tmp_path / "to_chuc_2019.csv",
        [["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"], ["Chi bộ A", 2019, "HTXSNV"], ["Chi bộ B", 2019, "HTTNV"]],
    )
    dry = run("import", units, "--db", db, "--dry-run")
    assert dry.exit_code == 0
    sha = hashlib.sha256(units.read_bytes()).hexdigest()[:12]
    assert dry.stderr.splitlines() == [
        f"ccq-stats: sẽ nhập {units} (sha256 {sha}) vào {db}",
        "ccq-stats: 2019: tổ chức đảng: thêm 2, sửa 0, giữ nguyên 0; bản ghi: thêm 2, sửa 0, xóa 0",
    ]
    done = run("import", units, "--db", db)
    assert (
        done.exit_code == 0
        and done.stderr.splitlines()[0] == f"ccq-stats: đã nhập (lần nhập 1) {units} (sha256 {sha}) vào {db}"
    )
    again = run("import", units, "--db", db)
    assert again.stderr.startswith("ccq-stats: không có gì thay đổi: ")
    assert "đã có các kết quả xếp loại này từ" in again.stderr
    roster = make_csv(
        tmp_path / "danh_sach.csv", [["STT", "Tên tổ chức"], [1, "Chi bộ A"], [2, "Chi bộ B"], [3, "Chi bộ C"]]
    )
    result = run("roster", "import", roster, "--year", "2020", "--db", db)
    assert result.exit_code == 0
    assert result.stderr == "ccq-stats: danh sách năm 2020: 3 tổ chức\n"
