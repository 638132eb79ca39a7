"""The report as a workbook (openpyxl, imported inside the functions: --help stays light)."""

from __future__ import annotations

import io

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.00%"  # Excel shows it with the reader's separators: 65,36% on a Vietnamese system
CREATOR = "ccq-stats"  # the author in the properties of every workbook we write: reading skips them


def mark_as_ours(wb) -> None:
    """Sign a workbook as written by ccq-stats (its "Author" property), so that a later run that
    reads the folder it lies in skips it instead of reading a report as ratings. Every writer
    of an xlsx calls this on its Workbook before saving."""
    wb.properties.creator = CREATOR


def _put(ws, row: int, column: int, value, number_format: str | None = None) -> None:
    """One cell: numbers as numbers, text always as text (never a formula, whatever it starts with)."""
    cell = ws.cell(row=row, column=column)
    if value is None:
        return
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
    else:
        cell.value = value
        if number_format:
            cell.number_format = number_format


def _sheet(wb, title: str, header: list[str], rows: list[list], formats: dict[int, str] | None = None) -> None:
    from openpyxl.styles import Font

    ws = wb.create_sheet(title)
    for j, name in enumerate(header, start=1):
        _put(ws, 1, j, name)
        ws.cell(row=1, column=j).font = Font(bold=True)
    for i, values in enumerate(rows, start=2):
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, (formats or {}).get(j))
    ws.freeze_panes = "A2"
    for j, name in enumerate(header, start=1):
        width = max([len(str(name))] + [len(str(r[j - 1])) for r in rows[:200] if r[j - 1] is not None])
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = min(max(width + 2, 8), 60)


def report_xlsx(context: dict) -> bytes:
    """The tables of a report as a workbook: yearly figures, term figures, organisations,
    members per organisation, findings. Counts and shares are numbers with display formats."""
    from openpyxl import Workbook

    wb = Workbook()
    mark_as_ours(wb)
    wb.remove(wb.active)
    yearly = []
    for subject, block in context["subjects"].items():
        for y in block["years"]:
            for category, c in y["categories"].items():
                yearly.append([y["year"], subject, category, c["label"], c["count"], c["share"]])
            yearly.append([y["year"], subject, "exemplary_of_top", "Tiêu biểu trong số xếp loại cao nhất", None, y["nested"]["exemplary_of_top"]])
            yearly.append([y["year"], subject, "top_of_good_or_better", "Xếp loại cao nhất trong số tốt trở lên", None, y["nested"]["top_of_good_or_better"]])
    _sheet(wb, "Hằng năm", ["Năm", "Đối tượng", "Chỉ tiêu", "Nhãn", "Số lượng", "Tỷ lệ"], yearly, {5: COUNT_FORMAT, 6: SHARE_FORMAT})
    if context["report"]["kind"] == "term":
        term = [[subject, category, " / ".join(f["labels"]), f["value"], f["count"], f["first"], f["last"], f["change"], f["max_year"], f["min_year"]]
                for subject, block in context["subjects"].items() for category, f in block["term"].items()]
        _sheet(wb, "Nhiệm kỳ", ["Đối tượng", "Chỉ tiêu", "Nhãn", "Tỷ lệ nhiệm kỳ", "Tổng lượt", "Năm đầu", "Năm cuối", "Thay đổi", "Cao nhất", "Thấp nhất"],
               term, {4: SHARE_FORMAT, 5: COUNT_FORMAT, 6: SHARE_FORMAT, 7: SHARE_FORMAT, 8: "+0.00%;-0.00%;0.00%"})
    years = context["report"]["table_years"]
    orgs = [[o["subject"], o["org"], o["parent"], o["kind_name"], o["host_type"]] + [o["labels"][y] for y in years]
            + [o["years_top"], o["longest_top_run"], "x" if o["candidate"] else "", ", ".join(map(str, o["weak_years"])),
               "; ".join(f"{f['year']}: {f['from_label']} → {f['to_label']}" for f in o["falls"])] for o in context["organisations"]]
    _sheet(wb, "Tổ chức", ["Đối tượng", "Tổ chức", "Trực thuộc", "Loại", "Loại hình"] + [str(y) for y in years]
           + ["Số năm cao nhất", "Liên tục", "Đề nghị khen thưởng", "Năm HTNV trở xuống", "Giảm so với năm trước"], orgs)
    members = [[u["year"], u["org"], u["total"], u["exempt"], u["not_rated"], u["rated"], u["top"], u["good"], u["pass"], u["fail"], u["allowed"], u["excess"]]
               for u in context["member_units"]]
    _sheet(wb, "Đảng viên theo tổ chức", ["Năm", "Tổ chức", "Có mặt", "Miễn ĐG", "Chưa ĐG", "Được ĐG", "HTXSNV", "HTTNV", "HTNV", "KHTNV", "Tối đa HTXSNV", "Vượt"],
           members, {j: COUNT_FORMAT for j in range(3, 13)})
    findings = [[f["year"], f["rule"], f["severity"], f["org"], f["message"], f["source"], f["where"]] for f in context["findings"]]
    _sheet(wb, "Phát hiện", ["Năm", "Quy tắc", "Mức", "Tổ chức", "Nội dung", "Căn cứ", "Vị trí"], findings)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
