"""The store's tables, versioned: ``meta.schema_version`` says which migrations have run.

Since schema 2 the store forgets nothing: a record (and a finding) is valid from the import that
brought it (``import_id``) until the import that replaced it (``valid_to``, NULL while it is
current); a roster entry from its time ``at`` until ``closed_at``. Nothing is updated but
``valid_to`` / ``closed_at``, nothing is deleted. ``meta.versions_since`` is the last import
of a store migrated from schema 1: the states before it were not kept, so they cannot be asked for.

A migration is a list of portable statements (INTEGER and TEXT columns, no autoincrement, no
dialect types) applied in the write transaction that opens the store, so a store is always at
one version, never half-migrated. A store newer than this program is refused, not touched.

Since schema 3 the store keeps the lineage of organisations (``org_changes``): what a lineage
file (``ccq-stats orgs import``) recorded, per year, versioned like the records – an import of
its own (``imports.kind`` = 'orgs') brings them and the next import of the same years closes them.

Since schema 4 a record keeps its decided score out of 100 (QĐ 366 from 2025, HD 27 2014–2017),
``score_hundredths``: the score × 100 as a whole number (the reader keeps two decimals, so this is
exact on both back-ends without a dialect's decimal type); NULL for a list without scores and for
the records of a store migrated from schema 3 (imported again, such a file brings its scores as a
new version). The score is kept per record, as the tier is: a record is nameless (no ``member``,
no ``member_key``), and the score figures (bands, means per tier) and the score rules are computed
from the records exactly as from the files.

Booleans are INTEGER 0/1; times are ISO 8601 text in UTC; ids are assigned by the importer
under the write lock (max + 1), which both back-ends do alike.
"""

from __future__ import annotations

APPLICATION = "ccq-stats"

# Columns of ``records`` in the order they are written; see the package docstring for why
# ``member`` and ``member_key`` are not among them.
RECORD_COLUMNS = (
    "import_id",
    "seq",
    "year",
    "subject",
    "shape",
    "org",
    "parent",
    "org_key",
    "parent_key",
    "org_kind",
    "host_type",
    "status",
    "tier",
    "exemplary",
    "disciplined",
    "count",
    "source_file",
    "source_sheet",
    "source_row",
    "source_col",
    "source_header",
    "raw_label",
    "file_sha256",
)
# The score's column (schema 4), read and written only when the store has it (``record_columns``).
SCORE_COLUMN = "score_hundredths"
# Columns of ``org_changes`` (schema 3) as written; ``sources`` and ``targets`` are JSON lists of names.
CHANGE_COLUMNS = (
    "import_id",
    "seq",
    "year",
    "day",
    "kind",
    "sources",
    "targets",
    "decision",
    "code",
    "note",
    "source_file",
    "source_row",
    "file_sha256",
)
FINDING_COLUMNS = (
    "import_id",
    "seq",
    "year",
    "org",
    "org_key",
    "rule_id",
    "severity",
    "message",
    "source",
    "numbers",
    "location",
)

MIGRATIONS: list[list[str]] = [
    # 1: records with provenance, the import log, the files of each import, findings made while reading, the roster
    [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE imports (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, host TEXT NOT NULL,
            command TEXT NOT NULL, years TEXT NOT NULL, records INTEGER NOT NULL,
            orgs_added INTEGER NOT NULL, orgs_changed INTEGER NOT NULL, orgs_unchanged INTEGER NOT NULL,
            records_added INTEGER NOT NULL, records_changed INTEGER NOT NULL, records_removed INTEGER NOT NULL,
            changes TEXT NOT NULL)""",
        """CREATE TABLE files (
            import_id INTEGER NOT NULL, file TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
            PRIMARY KEY (import_id, file))""",
        """CREATE TABLE records (
            import_id INTEGER NOT NULL, seq INTEGER NOT NULL, year INTEGER NOT NULL, subject TEXT NOT NULL,
            shape TEXT NOT NULL, org TEXT, parent TEXT, org_key TEXT NOT NULL, parent_key TEXT NOT NULL,
            org_kind TEXT, host_type TEXT, status TEXT, tier TEXT, exemplary INTEGER, disciplined INTEGER,
            count INTEGER NOT NULL, source_file TEXT, source_sheet TEXT, source_row INTEGER, source_col INTEGER,
            source_header TEXT, raw_label TEXT, file_sha256 TEXT NOT NULL)""",
        "CREATE INDEX records_by_key ON records (year, shape, org_key, parent_key)",
        """CREATE TABLE findings (
            import_id INTEGER NOT NULL, seq INTEGER NOT NULL, year INTEGER, org TEXT NOT NULL, org_key TEXT NOT NULL, rule_id TEXT NOT NULL,
            severity TEXT NOT NULL, message TEXT NOT NULL, source TEXT NOT NULL, numbers TEXT NOT NULL,
            location TEXT NOT NULL)""",
        """CREATE TABLE roster (
            year INTEGER NOT NULL, org TEXT NOT NULL, org_key TEXT NOT NULL, org_kind TEXT NOT NULL,
            source TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (year, org_key))""",
    ],
    # 2: versions – records and findings closed by the import that replaces them, rosters by time
    [
        "ALTER TABLE records ADD COLUMN valid_to INTEGER",
        "ALTER TABLE findings ADD COLUMN valid_to INTEGER",
        """CREATE TABLE roster_versions (
            year INTEGER NOT NULL, org TEXT NOT NULL, org_key TEXT NOT NULL, org_kind TEXT NOT NULL,
            source TEXT NOT NULL, at TEXT NOT NULL, closed_at TEXT)""",
        "INSERT INTO roster_versions (year, org, org_key, org_kind, source, at) SELECT year, org, org_key, org_kind, source, at FROM roster",
        "DROP TABLE roster",
        "INSERT INTO meta (key, value) SELECT 'versions_since', CAST(COALESCE(MAX(id), 0) AS TEXT) FROM imports",
    ],
    # 3: the lineage of organisations (renamed, merged, split, moved, dissolved, established), versioned as the
    # records are: brought by an import of its own (imports.kind 'orgs'; NULL: ratings), closed by the one that replaces it
    [
        "ALTER TABLE imports ADD COLUMN kind TEXT",
        """CREATE TABLE org_changes (
            import_id INTEGER NOT NULL, seq INTEGER NOT NULL, year INTEGER NOT NULL, day TEXT, kind TEXT NOT NULL,
            sources TEXT NOT NULL, targets TEXT NOT NULL, decision TEXT, code TEXT, note TEXT,
            source_file TEXT, source_row INTEGER, file_sha256 TEXT NOT NULL, valid_to INTEGER)""",
    ],
    # 4: the decided score of each record (× 100, whole), versioned with the record it belongs to
    [
        "ALTER TABLE records ADD COLUMN score_hundredths INTEGER",
    ],
]
VERSION = len(MIGRATIONS)
VERSIONS_KEPT = 2  # the first schema whose records and rosters keep their versions (--as-of, history of corrections)
SCORES_KEPT = 4  # the first schema whose records keep their scores


def record_columns(schema: int) -> tuple[str, ...]:
    """The columns of ``records`` a store of version ``schema`` has, in the order they are written."""
    return RECORD_COLUMNS + ((SCORE_COLUMN,) if schema >= SCORES_KEPT else ())
