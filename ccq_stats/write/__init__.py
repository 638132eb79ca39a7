"""Writers, a module per kind of output:

- files.py     atomic file output
- text.py      CSV, JSON and terminal tables of the figures and the findings
- terminal.py  the figures' tables fitted to a terminal's width
- workbook.py  the figures, the findings and the report as xlsx workbooks
- forms.py     the party's statistics forms as an xlsx workbook
- cells.py     one workbook cell (text never a formula)
- settings.py  who issues a document, and the rulebook of its form (documents.toml)
- document.py  the report as a Word document in the party's document form
- measure.py   how wide a text prints in Times New Roman (the document writers lay out by it)
- stamp.py     what a document was built from; documents that do not depend on the clock
- inspect.py   ``ccq-stats inspect`` output (a table for people, or JSON)
- warnings_file.py  the run's warnings as data (``--warnings FILE``)

The names below are what the rest of the package imports; import from here.
"""

# every writer is light to import (python-docx and openpyxl are imported inside their functions)
from ccq_stats.write.document import month_docx, report_docx
from ccq_stats.write.files import atomic_write
from ccq_stats.write.forms import forms_xlsx
from ccq_stats.write.inspect import inspect_json, inspect_table
from ccq_stats.write.settings import load_issuer, rulebook
from ccq_stats.write.stamp import comment, note
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
from ccq_stats.write.warnings_file import WARNINGS_SUFFIXES, warning_row, warnings_text
from ccq_stats.write.workbook import COUNT_FORMAT, SHARE_FORMAT, figures_xlsx, findings_xlsx, mark_as_ours, report_xlsx

__all__ = [
    "COUNT_FORMAT",
    "FINDING_COLUMNS",
    "SHARE_FORMAT",
    "SUBJECT_TITLES",
    "atomic_write",
    "fitted_tables",
    "excel_csv",
    "findings_excel_csv",
    "findings_csv",
    "findings_json",
    "findings_table",
    "figures_xlsx",
    "findings_xlsx",
    "for_excel",
    "render",
    "report_xlsx",
    "to_csv",
    "to_json",
    "to_tables",
    "mark_as_ours",
    "month_docx",
    "report_docx",
    "forms_xlsx",
    "inspect_json",
    "inspect_table",
    "load_issuer",
    "rulebook",
    "comment",
    "note",
    "WARNINGS_SUFFIXES",
    "warning_row",
    "warnings_text",
]
