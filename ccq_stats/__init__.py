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


def version_line() -> str:
    """What ``ccq-stats --version`` prints (``__main__`` answers it alone, ``cli.app`` with other options)."""
    return f"ccq-stats {__version__}"


def _keep_old_module_names() -> None:
    """``import ccq_stats.rules`` (documented) and the other modules' names from before they moved
    into their layer packages keep working: the old name is the moved module itself, not a copy."""
    import importlib
    import sys

    moved = {
        f"ccq_stats.{old}": f"ccq_stats.{new}"
        for old, new in (
            ("scales", "vocabulary.scales"),
            ("classify", "figures.classify"),
            ("records", "figures.records"),
            ("stats", "figures.stats"),
            ("rules", "figures.rules"),
            ("findings", "figures.findings"),
            ("report", "documents.report"),
            ("month", "documents.month"),
            ("form_figures", "documents.form_figures"),
            ("render", "documents.render"),
            ("lineage", "figures.lineage"),
            ("collection", "documents.collection"),
            ("source", "api.source"),
            ("outputs", "api.outputs"),
        )
    }

    # A finder and loader by their methods (the import system asks no more): subclassing the
    # ABCs would import importlib.abc and importlib.resources, a fifth of ``--version``'s time.
    class Alias:
        def find_spec(self, name, path=None, target=None):
            if name not in moved:
                return None
            import importlib.util

            return importlib.util.spec_from_loader(name, self)

        def create_module(self, spec):
            module = importlib.import_module(moved[spec.name])
            self.own = module.__spec__, module.__loader__  # the import system overwrites these next
            return module

        def exec_module(self, module):  # already executed under its new name: give its own spec back
            sys.modules[module.__spec__.name] = module
            module.__spec__, module.__loader__ = self.own

    sys.meta_path.insert(0, Alias())  # before any path finder: a stale copy of the old file never wins


_keep_old_module_names()
