"""Reports say what they were given, in Vietnamese a Ban Tổ chức would sign (issue 19).

Expected sentences are written by hand from small inputs counted by hand."""

from __future__ import annotations

import io

from conftest import SAMPLE, make_csv, run

UNITS = ["Tên tổ chức cơ sở đảng", "Năm", "Xếp loại"]


def report(*args) -> tuple[str, str]:
    result = run("report", *args, "--date", "21/10/2020")
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def test_member_counts_only_say_so_and_leave_the_organisations_out():
    text, stderr = report("--year", "2019", SAMPLE / "so_luong_dang_vien_2019.xlsx")
    assert "no ratings of grassroots organisations were read" in stderr
    # "Tóm tắt" opens on its first sentence, which says what was not given
    assert (
        "## Tóm tắt\n\nSố liệu được cung cấp không có kết quả xếp loại tổ chức cơ sở đảng; báo cáo chỉ nêu kết quả "
        "xếp loại đảng viên.\n\nTổng số đảng viên là 4.173;" in text
    )
    assert "Kết quả từng tổ chức cơ sở đảng" not in text and "| 2018 |" not in text
    assert "2018" not in text  # no comparison year the data does not hold
    assert "*Tỷ lệ tính trên số được đánh giá, xếp loại.*" in text
    assert "**Kết quả đánh giá, xếp loại chất lượng đảng viên năm 2019**" in text


def test_org_is_named_in_the_summary_line_of_year_and_term_reports():
    text, _ = report("--year", "2019", SAMPLE, "--org", "Đảng bộ Khối Thử")
    assert (
        "**Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2019 của Đảng bộ Khối Thử**"
        in text
    )
    text, _ = report("--term", "2015-2020", SAMPLE, "--org", "Đảng bộ Khối Thử", "--format", "txt")
    assert "NHIỆM KỲ 2015–2020 CỦA ĐẢNG BỘ KHỐI THỬ" in text
    text, _ = report("--year", "2019", SAMPLE)
    assert "năm 2019**" in text  # not given: the line as before


def test_a_number_is_followed_by_a_noun_and_each_figure_by_its_own_comparison(tmp_path):
    """2016 (old scale): 3 organisations, 2 TSVM, 1 HTTNV; 2017: 4, 1 TSVM, 2 HTTNV, 1 Yếu kém."""
    units = make_csv(
        tmp_path / "tc.csv",
        [
            UNITS,
            ["Chi bộ A", 2016, "TSVM"],
            ["Chi bộ B", 2016, "TSVM"],
            ["Chi bộ C", 2016, "HTTNV"],
            ["Chi bộ A", 2017, "TSVM"],
            ["Chi bộ B", 2017, "HTTNV"],
            ["Chi bộ C", 2017, "HTTNV"],
            ["Chi bộ D", 2017, "Yếu kém"],
        ],
    )
    text, _ = report("--year", "2016", units)
    # 2/3 = 66,67%, 1/3 = 33,33%; no HTNV, no yếu kém; no 2015 to compare with
    assert (
        "Năm 2016, toàn Đảng bộ có 3 chi, đảng bộ cơ sở, tất cả đều được đánh giá, xếp loại. Kết quả: 2 tổ chức đạt "
        "trong sạch, vững mạnh (66,67%); 1 tổ chức hoàn thành tốt nhiệm vụ (33,33%); không có tổ chức nào hoàn thành "
        "nhiệm vụ; không có tổ chức nào bị xếp loại yếu kém."
    ) in text
    text, _ = report("--year", "2017", units)
    # 1/4 = 25%, 2016: 66,67%; 2/4 = 50%, 2016: 33,33%; 1/4 yếu kém
    assert (
        "Kết quả: 1 tổ chức đạt trong sạch, vững mạnh (25,00%; năm 2016: 66,67%); 2 tổ chức hoàn thành tốt nhiệm vụ "
        "(50,00%; năm 2016: 33,33%); không có tổ chức nào hoàn thành nhiệm vụ; 1 tổ chức bị xếp loại yếu kém "
        "(25,00%)."
    ) in text
    assert "*Tỷ lệ tính trên số được đánh giá, xếp loại; các bảng ghi cả năm 2016 để so sánh.*" in text


def test_members_each_share_with_its_own_year_before(tmp_path):
    """2018: 10 members, 1 exempt, 9 rated: 1 HTXSNV, 6 HTTNV, 2 HTNV. 2019: 10 rated: 2, 6, 1, 1 KHTNV."""
    rows = [["Họ và tên", "Chi bộ", "Năm", "Xếp loại"]]
    rows += [
        [f"Người {i}", "Chi bộ A", 2018, r]
        for i, r in enumerate(["Miễn đánh giá", "HTXSNV"] + ["HTTNV"] * 6 + ["HTNV"] * 2)
    ]
    rows += [
        [f"Người {i}", "Chi bộ A", 2019, r] for i, r in enumerate(["HTXSNV"] * 2 + ["HTTNV"] * 6 + ["HTNV", "KHTNV"])
    ]
    members = make_csv(tmp_path / "dv.csv", rows)
    text, _ = report("--year", "2019", members)
    # 2019: good or better 8/10 = 80%, top 2/10 = 20%, top of good or better 2/8 = 25%;
    # 2018: good or better 7/9 = 77,78%, top 1/9 = 11,11%
    assert (
        "Tổng số đảng viên là 10; số được đánh giá, xếp loại là 10. Có 8 đảng viên hoàn thành tốt nhiệm vụ trở lên, "
        "chiếm 80,00% (năm 2018: 77,78%); trong đó 2 đảng viên hoàn thành xuất sắc nhiệm vụ, chiếm 20,00% số được "
        "đánh giá (năm 2018: 11,11%) và 25,00% số hoàn thành tốt nhiệm vụ trở lên. Còn lại, 1 đảng viên hoàn thành "
        "nhiệm vụ (10,00%); 1 đảng viên không hoàn thành nhiệm vụ (10,00%)."
    ) in text
    text, _ = report("--year", "2018", members)
    assert "số được đánh giá, xếp loại là 9 (không tính 1 đảng viên được miễn đánh giá)." in text


def test_exemplary_has_one_name_in_classify_and_in_the_reports():
    """2018 "tiêu biểu" is an award among HTXSNV: the vocabulary names it "Trong sạch, vững mạnh
    tiêu biểu", and so do classify, the report tables and the xlsx sheet."""
    import csv

    classified = run("classify", SAMPLE, "--format", "csv")
    labels = {r["label"] for r in csv.DictReader(io.StringIO(classified.stdout)) if r["category"] == "exemplary"}
    assert labels == {"Trong sạch, vững mạnh tiêu biểu"}
    text, _ = report("--year", "2019", SAMPLE)
    assert "| Trong sạch, vững mạnh tiêu biểu " in text and "Hoàn thành xuất sắc nhiệm vụ tiêu biểu" not in text


def test_the_tables_legend_names_only_the_abbreviations_they_use():
    from ccq_stats.documents.report import legend_for

    assert legend_for(["HTXSNV", "HTTNV, TSVM tiêu biểu", "Chưa ĐG"]) == (
        "TSVM: trong sạch, vững mạnh; HTXSNV: hoàn thành xuất sắc nhiệm vụ; HTTNV: hoàn thành tốt nhiệm vụ; ĐG: đánh giá"
    )
    assert legend_for(["HTXSNV", "KHTNV"]) == "HTXSNV: hoàn thành xuất sắc nhiệm vụ; KHTNV: không hoàn thành nhiệm vụ"


def test_the_terminal_legend_under_members_only_has_no_tsvm(tmp_path):
    from rich.console import Console

    from ccq_stats import write
    from ccq_stats.api import classify_paths

    figures = classify_paths([str(SAMPLE / "so_luong_dang_vien_2019.xlsx")])
    console = Console(file=io.StringIO(), width=40, no_color=True)
    for table in write.fitted_tables(figures, color=False, width=40):
        console.print(table)
    text = console.file.getvalue()
    assert "HTXSNV: hoàn thành xuất sắc nhiệm vụ" in text
    assert "TSVM" not in text and "Yếu kém" not in text


def test_a_change_of_share_is_written_without_trailing_zeros():
    text, _ = report("--term", "2015-2020", SAMPLE, "--format", "txt")
    # the sample's members good or better (tests/data/sample_expected.csv, the generator's model):
    # 2015 2.760/3.482 = 79,26%, 2019 3.085/3.796 = 81,27%: 2,00 points, written "2"
    assert "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên tăng 2 điểm phần trăm" in text
    assert (
        "Xét theo tỷ lệ hoàn thành tốt nhiệm vụ trở lên, chi, đảng bộ cơ sở đạt kết quả cao nhất vào năm 2019, "
        "thấp nhất vào năm 2018." in text
    )
    assert "xếp loại cao nhất" not in text
