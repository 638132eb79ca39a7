"""Rebuild the legacy-format fixtures (.xls, .ods) from one staff-style workbook.

Needs LibreOffice (`apt-get install libreoffice-calc-nogui`); the outputs are committed so
that the tests do not. Run: python tests/data/make_fixtures.py
"""

import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def units_workbook(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Năm 2019"
    ws.append(["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"])
    ws.append(["KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2019"])
    ws.append([])
    ws.append(["STT", "Tên tổ chức cơ sở đảng", "Loại", "Xếp loại"])
    ws.append([1, "Đảng bộ Sở Tài chính", "ĐBCS", "Hoàn thành xuất sắc nhiệm vụ"])
    ws.append([2, "Chi bộ Sở Tư pháp", "CBCS", "HTTNV"])
    ws.append([3, "Chi bộ Văn phòng", "CBTT", "HTXSNV"])
    ws.append([None, "Tổng cộng", None, None])
    wb.save(path)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "units_2019.xlsx"
        units_workbook(source)
        for fmt in ("xls", "ods"):
            subprocess.run(
                ["soffice", "--headless", "--convert-to", fmt, "--outdir", str(HERE), str(source)], check=True
            )
