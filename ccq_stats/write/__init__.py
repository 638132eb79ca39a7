"""Writers, a module per kind of output:

- files.py     atomic file output
- text.py      CSV, JSON and terminal tables of the figures and the findings
- terminal.py  the figures' tables fitted to a terminal's width
- workbook.py  the figures, the findings and the report as xlsx workbooks
- forms.py     the party's statistics forms as an xlsx workbook
- cells.py     one workbook cell (text never a formula)
- settings.py  who issues a document, and the rulebook of its form (documents.toml)

The names below are what the rest of the package imports; import from here.
"""

from ccq_stats.write.files import atomic_write
from ccq_stats.write.terminal import fitted_tables
from ccq_stats.write.text import (
    FINDING_COLUMNS,
    SUBJECT_TITLES,
    excel_csv,
    findings_csv,
    findings_excel_csv,
    findings_json,
    findings_table,
    for_excel,
    render,
    to_csv,
    to_json,
    to_tables,
)
from ccq_stats.write.workbook import COUNT_FORMAT, SHARE_FORMAT, figures_xlsx, findings_xlsx, report_xlsx

__all__ = [
    "COUNT_FORMAT", "FINDING_COLUMNS", "SHARE_FORMAT", "SUBJECT_TITLES", "atomic_write", "fitted_tables", "excel_csv", "findings_excel_csv", "findings_csv",
    "findings_json", "findings_table", "figures_xlsx", "findings_xlsx", "for_excel", "render", "report_xlsx", "to_csv", "to_json", "to_tables",
]
