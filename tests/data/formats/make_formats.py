"""The format-parity fixtures: one rating list as staff keep it, written as .xlsx with openpyxl and
saved again by LibreOffice as .xls and .ods (``soffice --headless --convert-to``), so that the same
sheet can be read in the three formats. Its figures are counted by hand in tests/test_formats.py.

What the sheet shows besides its values, each of which changes the figures if a format loses it:
- a hidden row (an organisation dissolved during the year, kept for the record): not counted;
- a hidden column of last year's ratings beside this year's: not read;
- chi bộ trực thuộc shown only by indenting their names under their đảng bộ;
- a merged title and a merged "Tổng cộng" label; a bold heading row.

Run from the repository root: python tests/data/formats/make_formats.py (needs LibreOffice).
"""

import subprocess
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent

# (name, last year's rating (hidden column), this year's, indent level, hidden row)
ROWS = [
    ("Đảng bộ Sở Tài chính", "HTTNV", "HTXSNV", 0, False),
    ("Chi bộ Phòng Ngân sách", "HTTNV", "HTTNV", 2, False),
    ("Chi bộ Văn phòng Sở", "HTNV", "HTXSNV", 2, False),
    ("Chi bộ Sở Tư pháp", "HTXSNV", "HTTNV", 0, False),
    ("Đảng bộ Sở Y tế", "HTXSNV", "HTTNV", 0, False),
    ("Chi bộ Bệnh viện Đa khoa tỉnh", "HTTNV", "HTNV", 1, False),
    ("Chi bộ Trung tâm Y tế dự phòng", "HTTNV", "HTTNV", 1, False),
    ("Chi bộ Ban Quản lý dự án (đã giải thể)", "HTNV", "HTNV", 0, True),
    ("Chi bộ Sở Nội vụ", "HTTNV", "Không hoàn thành nhiệm vụ", 0, False),
    ("Chi bộ Sở Xây dựng", "HTXSNV", "Hoàn thành tốt nhiệm vụ", 0, False),
]


def write_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Năm 2021"
    ws.append(["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2021"])
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Tên tổ chức đảng", "Năm 2020", "Xếp loại", "Ghi chú"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for name, last, now, indent, hidden in ROWS:
        ws.append([name, last, now, ""])
        ws.cell(ws.max_row, 1).alignment = Alignment(indent=indent)
        ws.row_dimensions[ws.max_row].hidden = hidden
    ws.column_dimensions["B"].hidden = True
    ws.append([])
    ws.append(["Tổng cộng", "", "", ""])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=2)
    wb.save(path)


def main() -> None:
    xlsx = HERE / "ratings_2021.xlsx"
    write_xlsx(xlsx)
    for suffix in ("xls", "ods"):
        subprocess.run(
            ["soffice", "--headless", "--convert-to", suffix, "--outdir", str(HERE), str(xlsx)],
            check=True,
            capture_output=True,
            timeout=180,
        )
    print("written:", *sorted(p.name for p in HERE.glob("ratings_2021.*")), file=sys.stderr)


if __name__ == "__main__":
    main()
