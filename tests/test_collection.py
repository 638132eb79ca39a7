"""``ccq-stats blank``: the collection workbook, filled as an organisation fills it, reads back
exactly (issue 23).

Every round trip fills the template with openpyxl from a model written here – rows with every
label of the year, blanks, exempt, not rated, members who left, discipline, scores – and
compares what ``classify`` / ``import`` / ``check`` give with the model's own counts, never with
ccq-stats' output.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from conftest import figures, make_csv, run

# What each text of a rating cell means, written here by hand from docs/domain.md (the model's
# meaning, independent of scales.toml).
MEANS = {
    "Hoàn thành xuất sắc nhiệm vụ": "top",
    "HTXSNV": "top",
    "Hoàn thành tốt nhiệm vụ": "good",
    "HTTNV": "good",
    "Hoàn thành nhiệm vụ": "pass",
    "HTNV": "pass",
    "Không hoàn thành nhiệm vụ": "fail",
    "KHTNV": "fail",
    "Miễn đánh giá": "exempt",
    "Miễn ĐG": "exempt",
    "Chưa đánh giá": "not_rated",
    "Chưa ĐG": "not_rated",
    "Hoàn thành xuất sắc nhiệm vụ tiêu biểu": "top",
    "Trong sạch, vững mạnh": "top",
    "Trong sạch, vững mạnh tiêu biểu": "top",
    "TSVM": "top",
    "Yếu kém": "fail",
}
TIERS = ("top", "good", "pass", "fail")
SHEETS = {"members": "Danh sách đảng viên", "units": "Xếp loại tổ chức đảng", "counts": "Số lượng đảng viên"}
FIRST_ROW = 7
# every test here writes a workbook with openpyxl (and most read one back): over the fast lane's 0.25 s
pytestmark = pytest.mark.slow


def blank(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "blank.xlsx"
    result = run("blank", *args, "-o", out, "-q")
    assert result.exit_code == 0, result.stderr
    return out


def header_of(ws) -> dict[str, int]:
    """{header text: column number} of the data sheet's header row (row 5)."""
    return {ws.cell(5, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(5, c).value}


def member_counts(model: list[dict]) -> dict[str, int]:
    """The figures of the members a model lists: those who left and blank rows are no part of them."""
    present = [m for m in model if not m.get("left") and m.get("label")]
    out = {k: 0 for k in ("total", "exempt", "not_rated", "rated", *TIERS)}
    for m in present:
        means = MEANS[m["label"]]
        out["total"] += 1
        out[means if means in ("exempt", "not_rated") else "rated"] += 1
        if means in TIERS:
            out[means] += 1
    out["good_or_better"] = out["top"] + out["good"]
    return out


def fill_members(path: Path, model: list[dict], out: Path) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEETS["members"]]
    col = header_of(ws)
    for i, m in enumerate(model):
        r = FIRST_ROW + i
        for header, key in (
            ("STT", "seq"),
            ("Họ và tên", "name"),
            ("Năm sinh", "birth"),
            ("Xếp loại", "label"),
            ("Kỷ luật", "discipline"),
            ("Ghi chú", "note"),
            ("Điểm tự chấm", "self"),
            ("Điểm chi bộ chấm", "score"),
        ):
            if header in col:
                ws.cell(r, col[header], m.get(key) if key != "seq" else (i + 1 if m.get("name") else None))
    wb.save(out)
    return out


def members_model(year: int) -> list[dict]:
    labels = [
        t
        for t in MEANS
        if t
        not in (
            "Hoàn thành xuất sắc nhiệm vụ tiêu biểu",
            "Trong sạch, vững mạnh",
            "Trong sạch, vững mạnh tiêu biểu",
            "TSVM",
            "Yếu kém",
        )
    ]
    model = []
    for i, label in enumerate(labels * 2):  # every label of the year, twice
        score = {"top": 92.5, "good": 80, "pass": 60, "fail": 40}.get(MEANS[label])
        model.append({"name": f"Đảng viên {i}", "birth": 1960 + i, "label": label, "score": score, "self": score})
    model.append({"name": "Người chuyển đi", "birth": 1970, "label": None, "note": "Chuyển sinh hoạt đi", "left": True})
    model.append({"name": "Người kỷ luật", "birth": 1971, "label": "HTTNV", "discipline": "Khiển trách", "score": 75})
    model.append({"name": "Người kỷ luật 2", "birth": 1972, "label": "KHTNV", "discipline": "Cảnh cáo", "score": 45})
    model.append({})  # a row left blank between the rows: not a member
    model.append({"name": "Đảng viên cuối", "birth": 1990, "label": "HTNV", "score": 55})
    return model


@pytest.mark.parametrize("year", [2019, 2025])
def test_a_filled_member_list_reads_back_as_its_model(tmp_path, year):
    template = blank(tmp_path, "--year", str(year), "--org", "Chi bộ Sở Tư pháp")
    model = members_model(year)
    filled = fill_members(template, model, tmp_path / "tu_phap.xlsx")
    result = run("classify", filled, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = {category: n for (y, subject, category), n in figures(result.stdout).items() if subject == "members"}
    assert got == member_counts(model)
    if year >= 2025:  # the score each rated member was given (QĐ 366 bands), counted from the model
        scores = [
            m["score"]
            for m in model
            if not m.get("left") and m.get("label") and MEANS[m["label"]] in TIERS and m.get("score") is not None
        ]
        bands = {
            "scored": len(scores),
            "band_90": sum(s >= 90 for s in scores),
            "band_70": sum(70 <= s < 90 for s in scores),
            "band_50": sum(50 <= s < 70 for s in scores),
            "band_0": sum(s < 50 for s in scores),
        }
        read = {c: n for (y, subject, c), n in figures(result.stdout).items() if subject == "members_scores"}
        assert {c: read.get(c) for c in bands} == bands
    assert "1 member(s) who left" in result.stderr or "left" in result.stderr  # said, not counted
    by_unit = run("classify", filled, "--by", "unit", "--format", "csv").stdout
    assert ",Chi bộ Sở Tư pháp,total," in by_unit  # the members belong to the organisation the workbook was sent to
    # the disciplined member rated HTTNV is a finding where a source of the rule is known (2019: HD 21)
    found = json.loads(run("check", filled, "--format", "json").stdout)
    disciplined = [f for f in found if f["rule"] == "disciplined_not_fail"]
    expected = sum(1 for m in model if m.get("discipline") and MEANS.get(m.get("label") or "") != "fail")
    assert len(disciplined) == (expected if year == 2019 else 0)


def test_import_of_a_filled_workbook_gives_the_model_figures(tmp_path):
    template = blank(tmp_path, "--year", "2025", "--org", "Chi bộ Sở Tư pháp")
    model = members_model(2025)
    filled = fill_members(template, model, tmp_path / "tu_phap.xlsx")
    db = tmp_path / "s.sqlite"
    assert run("import", filled, "--db", db).exit_code == 0
    got = {
        c: n
        for (y, s, c), n in figures(run("classify", "--db", db, "--format", "csv").stdout).items()
        if s == "members"
    }
    assert got == member_counts(model)


def test_the_score_columns_are_read(tmp_path):
    template = blank(tmp_path, "--year", "2025", "--org", "Chi bộ Sở Tư pháp")
    filled = fill_members(template, members_model(2025), tmp_path / "tu_phap.xlsx")
    sheets = json.loads(run("inspect", filled, "--format", "json").stdout)
    columns = {c["header"]: c for c in sheets[1]["columns"]}
    # the chi bộ's score is the one used (no decided score above it on a member list); the member's
    # own score is accounted for, not used, and inspect says which score is (QĐ 366: the decision counts)
    assert columns["Điểm chi bộ chấm"]["role"] == "score"
    assert columns["Điểm tự chấm"]["role"] == "ignored" and columns["Điểm tự chấm"]["reason"] == "self_score"


def test_organisation_ratings_read_back_as_their_model(tmp_path):
    """Units and their chi bộ trực thuộc, every label of 2019 and one of another regime's (TSVM:
    a warning, counted in the top tier, as for every file)."""
    template = blank(
        tmp_path, "--year", "2019", "--shape", "units", "--org", "Đảng bộ Sở Y tế", "--org", "Chi bộ Sở Tư pháp"
    )
    rows = [
        ("Đảng bộ Sở Y tế", "Đảng bộ cơ sở", None, "Hoàn thành xuất sắc nhiệm vụ tiêu biểu"),
        ("Chi bộ Sở Tư pháp", "Chi bộ cơ sở", None, "HTTNV"),
        ("Chi bộ Phòng 1", "Chi bộ trực thuộc", "Đảng bộ Sở Y tế", "Hoàn thành xuất sắc nhiệm vụ"),
        ("Chi bộ Phòng 2", "Chi bộ trực thuộc", "Đảng bộ Sở Y tế", "Hoàn thành nhiệm vụ"),
        ("Chi bộ Phòng 3", "Chi bộ trực thuộc", "Đảng bộ Sở Y tế", "KHTNV"),
        ("Chi bộ Phòng 4", "Chi bộ trực thuộc", "Đảng bộ Sở Y tế", "Chưa đánh giá"),
        ("Chi bộ Phòng 5", "Chi bộ trực thuộc", "Đảng bộ Sở Y tế", "TSVM"),
    ]
    wb = openpyxl.load_workbook(template)
    ws = wb[SHEETS["units"]]
    col = header_of(ws)
    for i, (org, kind, parent, label) in enumerate(rows):
        r = FIRST_ROW + i
        ws.cell(r, col["STT"], i + 1)
        ws.cell(r, col["Tên tổ chức đảng"], org)
        ws.cell(r, col["Loại"], kind)
        ws.cell(r, col["Trực thuộc"], parent)
        ws.cell(r, col["Xếp loại"], label)
    wb.save(tmp_path / "to_chuc.xlsx")
    result = run("classify", tmp_path / "to_chuc.xlsx", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert "'TSVM' is not on the 2019 scale" in result.stderr
    got = figures(result.stdout)
    for subject, kinds in (("units", ("Đảng bộ cơ sở", "Chi bộ cơ sở")), ("cells", ("Chi bộ trực thuộc",))):
        mine = [MEANS[label] for org, kind, parent, label in rows if kind in kinds]
        assert got[(2019, subject, "total")] == len(mine)
        assert got[(2019, subject, "not_rated")] == mine.count("not_rated")
        for tier in TIERS:
            assert got[(2019, subject, tier)] == mine.count(tier), (subject, tier)
    assert got[(2019, "units", "exemplary")] == 1


def test_a_label_of_no_scale_is_an_error_naming_the_cell(tmp_path):
    template = blank(tmp_path, "--year", "2019", "--org", "Chi bộ Sở Tư pháp")
    filled = fill_members(
        template, [{"name": "A", "label": "HTTNV"}, {"name": "B", "label": "Khá"}], tmp_path / "kha.xlsx"
    )
    result = run("classify", filled)
    assert result.exit_code == 2
    assert "sheet 'Danh sách đảng viên', row 8, column D (Xếp loại)" in result.stderr and "'Khá'" in result.stderr


def test_member_counts_read_back_and_their_formulas_hold_values(tmp_path):
    template = blank(tmp_path, "--year", "2025", "--shape", "counts", "--org", "Chi bộ A", "--org", "Đảng bộ B")
    from python_calamine import CalamineWorkbook

    # a reader that does not calculate sees the formulas' values: blank while a row is blank, 0 in the totals
    rows = CalamineWorkbook.from_path(str(template)).get_sheet_by_name(SHEETS["counts"]).to_python()
    head = rows[4]
    totals = next(r for r in rows if "Tổng cộng" in r)
    assert totals[head.index("Được đánh giá")] == 0 and totals[head.index("HTXSNV")] == 0
    assert totals[head.index("Kiểm tra")] == "Khớp"
    assert rows[FIRST_ROW - 1][head.index("Được đánh giá")] == ""
    model = {
        "Chi bộ A": {"total": 20, "exempt": 2, "not_rated": 1, "top": 3, "good": 10, "pass": 3, "fail": 1},
        "Đảng bộ B": {"total": 40, "exempt": 0, "not_rated": 4, "top": 6, "good": 25, "pass": 5, "fail": 0},
    }
    wb = openpyxl.load_workbook(template)
    ws = wb[SHEETS["counts"]]
    col = header_of(ws)
    for r in range(FIRST_ROW, FIRST_ROW + 2):
        counts = model[ws.cell(r, col["Tên tổ chức cơ sở đảng"]).value]
        for header, key in (
            ("Tổng số đảng viên", "total"),
            ("Miễn đánh giá", "exempt"),
            ("Chưa đánh giá", "not_rated"),
            ("HTXSNV", "top"),
            ("HTTNV", "good"),
            ("HTNV", "pass"),
            ("KHTNV", "fail"),
        ):
            ws.cell(r, col[header], counts[key])
    wb.save(tmp_path / "so_luong.xlsx")
    result = run("classify", tmp_path / "so_luong.xlsx", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    got = figures(result.stdout)
    for key in ("total", "exempt", "not_rated", *TIERS):
        assert got[(2025, "members", key)] == sum(m[key] for m in model.values()), key


def test_the_layout_is_locked_without_a_password_and_the_rows_are_open(tmp_path):
    template = blank(tmp_path, "--year", "2025", "--org", "Chi bộ Sở Tư pháp")
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames[0] == "Hướng dẫn"
    ws = wb[SHEETS["members"]]
    assert ws.protection.sheet and not ws.protection.password
    assert ws["A3"].protection.locked and ws["B5"].protection.locked and ws["A2"].protection.locked
    assert not ws["B7"].protection.locked and not ws["F30"].protection.locked
    rating = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(rating) == 1 and "F7:F" in str(rating[0].sqref)
    first, last = (int(x.split("$")[-1]) for x in rating[0].formula1.split("!")[1].split(":"))
    offered = {wb["Hướng dẫn"].cell(r, 2).value for r in range(first, last + 1)}
    assert offered == {
        t
        for t in MEANS
        if t
        not in (
            "Hoàn thành xuất sắc nhiệm vụ tiêu biểu",
            "Trong sạch, vững mạnh",
            "Trong sạch, vững mạnh tiêu biểu",
            "TSVM",
            "Yếu kém",
        )
    }
    scores = [v for v in ws.data_validations.dataValidation if v.type == "custom"]
    assert len(scores) == 2 and all("MOD(" in v.formula1 and "<=100" in v.formula1 for v in scores)
    assert [header_of(ws)[h] for h in ("Điểm tự chấm", "Điểm chi bộ chấm", "Xếp loại", "Kỷ luật", "Ghi chú")] == [
        4,
        5,
        6,
        7,
        8,
    ]


def test_2019_has_no_score_columns_and_the_labels_of_its_regime(tmp_path):
    wb = openpyxl.load_workbook(blank(tmp_path, "--year", "2017", "--shape", "units", "--org", "Đảng bộ Sở Y tế"))
    ws = wb[SHEETS["units"]]
    assert not any("Điểm" in h for h in header_of(ws))
    guide = {wb["Hướng dẫn"].cell(r, 2).value for r in range(1, wb["Hướng dẫn"].max_row + 1)}
    assert {"Trong sạch, vững mạnh", "Yếu kém", "TSVM"} <= guide and "Không hoàn thành nhiệm vụ" not in guide


def test_inspect_names_the_template_and_a_rearranged_sheet_still_reads(tmp_path):
    template = blank(tmp_path, "--year", "2019", "--org", "Chi bộ Sở Tư pháp")
    model = [{"name": "A", "label": "HTTNV"}, {"name": "B", "label": "HTXSNV"}, {"name": "C", "label": "Miễn đánh giá"}]
    filled = fill_members(template, model, tmp_path / "f.xlsx")
    sheets = json.loads(run("inspect", filled, "--format", "json").stdout)
    assert (
        sheets[0]["collection"] == {"instructions": True, "layout": "instructions"}
        and sheets[0]["why"] == "instructions"
    )
    assert sheets[1]["collection"] == {
        "version": 1,
        "year": 2019,
        "shape": "members",
        "org": "Chi bộ Sở Tư pháp",
        "layout": "as made",
    }
    assert "template version 1" in run("inspect", filled).stdout
    wb = openpyxl.load_workbook(filled)
    wb[SHEETS["members"]].insert_cols(3)  # someone adds a column: the ordinary reading takes over, and says so
    wb[SHEETS["members"]].cell(5, 3, "Chức vụ")
    wb.save(tmp_path / "moved.xlsx")
    result = run("classify", tmp_path / "moved.xlsx", "--format", "csv")
    assert result.exit_code == 0 and "columns were changed" in result.stderr
    got = {c: n for (y, s, c), n in figures(result.stdout).items() if s == "members"}
    assert got == member_counts(model)


def test_pre_filled_from_last_years_list_and_reported_in_the_monthly_summary(tmp_path):
    """The store's roster gives the organisations (one workbook each), last year's list their
    members (those who left not carried over); a workbook that came back counts as reported."""
    from ccq_stats.api import month_report

    last_year = make_csv(
        tmp_path / "dang_vien_2024.csv",
        [
            ["Họ và tên", "Năm sinh", "Chi bộ", "Năm", "Xếp loại", "Ghi chú"],
            ["Nguyễn Văn A", "1970", "Chi bộ A", "2024", "HTTNV", ""],
            ["Trần Thị B", "1980", "Chi bộ A", "2024", "HTXSNV", ""],
            ["Lê Văn C", "1950", "Chi bộ A", "2024", "", "Từ trần"],
            ["Phạm D", "1985", "Chi bộ B", "2024", "HTNV", ""],
        ],
    )
    units = make_csv(
        tmp_path / "to_chuc_2024.csv",
        [["Tên tổ chức", "Năm", "Xếp loại"], ["Chi bộ A", "2024", "HTTNV"], ["Chi bộ B", "2024", "HTNV"]],
    )
    db = tmp_path / "s.sqlite"
    assert run("import", units, last_year, "--db", db, "-q").exit_code == 0
    folder = tmp_path / "thu_thap"
    result = run("blank", "--year", "2025", "--db", db, "--from", last_year, "-o", folder)
    assert result.exit_code == 0, result.stderr
    books = sorted(p.name for p in folder.iterdir())
    assert books == ["Chi bộ A - 2025.xlsx", "Chi bộ B - 2025.xlsx"]
    ws = openpyxl.load_workbook(folder / books[0])[SHEETS["members"]]
    assert [ws.cell(r, 2).value for r in (7, 8, 9)] == ["Nguyễn Văn A", "Trần Thị B", None]
    assert [ws.cell(r, 3).value for r in (7, 8)] == [1970, 1980]
    wb = openpyxl.load_workbook(folder / books[0])
    wb[SHEETS["members"]]["F7"], wb[SHEETS["members"]]["F8"] = "HTTNV", "HTNV"
    wb.save(folder / books[0])
    assert run("import", folder / books[0], "--db", db, "-q").exit_code == 0
    roster = month_report(str(db), month="2025-12")["roster"]
    assert roster["reported"] == ["Chi bộ A"] and roster["not_reported"] == ["Chi bộ B"]


def test_a_returned_workbook_is_not_taken_for_an_output_of_ours(tmp_path):
    """Files ccq-stats wrote are skipped when a folder is read; a collection workbook comes back to be read."""
    from ccq_stats.reading.sources import outputs_of_ours

    assert outputs_of_ours([str(blank(tmp_path, "--year", "2025", "--org", "Chi bộ A"))]) == [False]
    assert (
        run(
            "blank", "--year", "2025", "--shape", "units", "--from", tmp_path / "x.csv", "-o", tmp_path / "u.xlsx"
        ).exit_code
        == 2
    )


def test_one_member_list_per_organisation(tmp_path):
    result = run("blank", "--year", "2025", "--org", "A", "--org", "B", "-o", tmp_path / "x.xlsx")
    assert result.exit_code == 2 and "-o FOLDER/" in result.stderr
    result = run("blank", "--year", "2025", "--org", "A", "-o", tmp_path / "x.csv")
    assert result.exit_code == 2 and ".xlsx" in result.stderr
    result = run("blank", "--year", "2025", "-o", tmp_path / "x.xlsx")  # no --org and no store: whose list?
    assert result.exit_code == 2 and "--org" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_it_opens_cleanly_in_libreoffice(tmp_path):
    """LibreOffice converts each shape without complaint (a workbook it must repair does not convert
    cleanly), and a copy it saves again as .xlsx still reads as our collection workbook."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed: the open-cleanly check needs it")
    books = [
        blank(tmp_path / s, "--year", "2025", "--shape", s, "--org", "Chi bộ Sở Tư pháp")
        for s in ("members", "units", "counts")
        if (tmp_path / s).mkdir() is None
    ]
    out = tmp_path / "out"
    profile = tmp_path / "profile"
    for book in books:
        done = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out / book.parent.name),
                str(book),
            ],
            capture_output=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        assert (out / book.parent.name / "blank.pdf").stat().st_size > 1000
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out / "again"),
            str(books[0]),
        ],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    again = json.loads(run("inspect", out / "again" / "blank.xlsx", "--format", "json").stdout)
    assert any(s.get("collection", {}).get("shape") == "members" for s in again)


def test_a_count_row_that_does_not_add_up_stops_as_in_every_file(tmp_path):
    """The "Kiểm tra" column shows it in Excel; read back, the same rule as for any count form stops on it."""
    template = blank(tmp_path, "--year", "2025", "--shape", "counts", "--org", "Chi bộ A")
    wb = openpyxl.load_workbook(template)
    ws = wb[SHEETS["counts"]]
    col = header_of(ws)
    stated, parts = 21, {"Miễn đánh giá": 2, "Chưa đánh giá": 1, "HTXSNV": 3, "HTTNV": 10, "HTNV": 3, "KHTNV": 1}
    ws.cell(FIRST_ROW, col["Tổng số đảng viên"], stated)
    for header, n in parts.items():
        ws.cell(FIRST_ROW, col[header], n)
    wb.save(tmp_path / "lech.xlsx")
    # every part has its column: the figures cannot all be right, and the run stops naming the row
    done = run("check", tmp_path / "lech.xlsx", "--format", "json")
    assert done.exit_code == 2, done.stderr
    assert (
        f"row {FIRST_ROW}" in done.stderr
        and f"says {stated} but its parts add up to {sum(parts.values())}" in done.stderr
    )


def test_the_new_terms_bloc_gets_a_workbook_per_organisation_that_reads_back(tmp_path):
    """The second sample's bloc (sample_term_2020_2025/, after the 2025 reorganisation): a store
    holding only its 2025 roster (the first thing a Ban Tổ chức imports) gives, for 2026, one
    member list per organisation of that roster – the generator's own list of names – each with
    the score columns of the 100-point regime; filled from a model and imported back as a folder,
    the store's figures per organisation and in total are the model's."""
    from conftest import ROOT, rows_of

    term = ROOT / "sample_term_2020_2025"
    roster_2025 = json.loads((ROOT / "tests" / "data" / "sample_term_lineage.json").read_text("utf-8"))["rosters"][
        "2025"
    ]
    db = tmp_path / "term.sqlite"
    assert (
        run(
            "roster", "import", term / "to_chuc" / "danh_sach_to_chuc_2025.csv", "--year", "2025", "--db", db, "-q"
        ).exit_code
        == 0
    )
    folder = tmp_path / "thu_thap_2026"
    result = run("blank", "--year", "2026", "--db", db, "-o", f"{folder}/")
    assert result.exit_code == 0, result.stderr
    assert "no roster of 2026" in result.stderr and "2025 roster" in result.stderr  # says where the list comes from
    books = sorted(folder.glob("*.xlsx"))
    assert len(books) == len(roster_2025) == 31
    labels = [
        t
        for t in MEANS
        if MEANS[t] in (*TIERS, "exempt", "not_rated")
        and "tiêu biểu" not in t
        and t not in ("Trong sạch, vững mạnh", "TSVM", "Yếu kém")
    ]
    expected_by_org, named, scores = {}, [], []
    for n, book in enumerate(books):
        wb = openpyxl.load_workbook(book)
        ws = wb[SHEETS["members"]]
        org = ws.cell(3, 1).value.removeprefix("Tổ chức đảng: ")
        named.append(org)
        assert {"Điểm tự chấm", "Điểm chi bộ chấm", "Xếp loại", "Kỷ luật"} <= set(header_of(ws))  # 2026: scored
        model = [
            {
                "name": f"Đảng viên {n}-{i}",
                "birth": 1970 + i,
                "label": labels[(n + i) % len(labels)],
                "score": 50 + (n * 7 + i * 11) % 50,
            }
            for i in range(3 + n % 5)
        ]
        for m in model:
            if MEANS[m["label"]] not in TIERS:
                m["score"] = None  # exempt and not rated members have no score
        fill_members(book, model, book)
        expected_by_org[org] = member_counts(model)
        scores += [m["score"] for m in model if m["score"] is not None]
    assert sorted(named) == sorted(roster_2025)  # the organisations of the generator's 2025 roster, each once
    store = tmp_path / "back.sqlite"
    result = run("import", folder, "--db", store, "-q")
    assert result.exit_code == 0, result.stderr
    rows = rows_of(run("classify", "--db", store, "--by", "unit", "--format", "csv").stdout)
    head = rows[0]
    got: dict[str, dict[str, int]] = {}
    for row in rows[1:]:
        r = dict(zip(head, row))
        if r["subject"] == "members":
            got.setdefault(r["unit"], {})[r["category"]] = int(r["count"])
    assert {
        org: {c: got.get(org, {}).get(c) for c in counts} for org, counts in expected_by_org.items()
    } == expected_by_org
    total = figures(run("classify", "--db", store, "--format", "csv").stdout)
    for category in ("total", "rated", "exempt", "not_rated", *TIERS):
        assert total[(2026, "members", category)] == sum(c[category] for c in expected_by_org.values()), category
    bands = {
        "scored": len(scores),
        "band_90": sum(s >= 90 for s in scores),
        "band_70": sum(70 <= s < 90 for s in scores),
        "band_50": sum(50 <= s < 70 for s in scores),
        "band_0": sum(s < 50 for s in scores),
    }
    for source in (["--db", store], [folder]):  # the store keeps the scores (schema 4) as the files give them
        read = {
            c: n
            for (y, subject, c), n in figures(run("classify", *source, "--format", "csv").stdout).items()
            if subject == "members_scores"
        }
        assert {c: read.get(c) for c in bands} == bands, source
