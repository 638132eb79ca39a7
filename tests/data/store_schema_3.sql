-- The store's schema as ccq-stats wrote it before scores were kept (schema 3, main of 2026-12-07),
-- kept so that a test can build a store of that version without git and check its migration to schema 4.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE imports (id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, host TEXT NOT NULL, command TEXT NOT NULL, years TEXT NOT NULL, records INTEGER NOT NULL, orgs_added INTEGER NOT NULL, orgs_changed INTEGER NOT NULL, orgs_unchanged INTEGER NOT NULL, records_added INTEGER NOT NULL, records_changed INTEGER NOT NULL, records_removed INTEGER NOT NULL, changes TEXT NOT NULL, kind TEXT);
CREATE TABLE files (import_id INTEGER NOT NULL, file TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (import_id, file));
CREATE TABLE records (import_id INTEGER NOT NULL, seq INTEGER NOT NULL, year INTEGER NOT NULL, subject TEXT NOT NULL, shape TEXT NOT NULL, org TEXT, parent TEXT, org_key TEXT NOT NULL, parent_key TEXT NOT NULL, org_kind TEXT, host_type TEXT, status TEXT, tier TEXT, exemplary INTEGER, disciplined INTEGER, count INTEGER NOT NULL, source_file TEXT, source_sheet TEXT, source_row INTEGER, source_col INTEGER, source_header TEXT, raw_label TEXT, file_sha256 TEXT NOT NULL, valid_to INTEGER);
CREATE INDEX records_by_key ON records (year, shape, org_key, parent_key);
CREATE TABLE findings (import_id INTEGER NOT NULL, seq INTEGER NOT NULL, year INTEGER, org TEXT NOT NULL, org_key TEXT NOT NULL, rule_id TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, source TEXT NOT NULL, numbers TEXT NOT NULL, location TEXT NOT NULL, valid_to INTEGER);
CREATE TABLE roster_versions (year INTEGER NOT NULL, org TEXT NOT NULL, org_key TEXT NOT NULL, org_kind TEXT NOT NULL, source TEXT NOT NULL, at TEXT NOT NULL, closed_at TEXT);
CREATE TABLE org_changes (import_id INTEGER NOT NULL, seq INTEGER NOT NULL, year INTEGER NOT NULL, day TEXT, kind TEXT NOT NULL, sources TEXT NOT NULL, targets TEXT NOT NULL, decision TEXT, code TEXT, note TEXT, source_file TEXT, source_row INTEGER, file_sha256 TEXT NOT NULL, valid_to INTEGER);
INSERT INTO meta (key, value) VALUES ('application', 'ccq-stats');
INSERT INTO meta (key, value) VALUES ('schema_version', '3');
INSERT INTO meta (key, value) VALUES ('versions_since', '0');
