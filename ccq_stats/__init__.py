"""ccq-stats: party-building rating statistics (thống kê đánh giá, xếp loại chất lượng).

The flow, one module per stage (``api`` holds one function per command that runs it)::

    reading.paths.read_paths  ->  classify.classify_records  ->  records.reconcile
        ->  stats.category_counts · rules.check_records  ->  report.report_context  ->  write.*

Nothing heavy is imported here, so ``ccq-stats --help`` and ``--version`` start fast.
"""

__version__ = "0.1.0"
# The author in the properties of every workbook we write (write.workbook.mark_as_ours); reading
# skips such files (reading.sources.written_by_us). Here, below both, so neither imports the other.
CREATOR = "ccq-stats"
