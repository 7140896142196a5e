// Forward-only schema migrations, numbered by SQLite's `PRAGMA user_version`.
import type { Database } from 'better-sqlite3';

/**
 * Migration n (1-based) takes the schema from version n-1 to n. Append only: never edit
 * or reorder a shipped migration, since databases in the field have already run it.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE submissions (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     form_id TEXT NOT NULL,
     form_version INTEGER NOT NULL,
     device_id TEXT NOT NULL,
     received_at TEXT NOT NULL,
     content_hash TEXT NOT NULL,
     json TEXT NOT NULL
   ) STRICT;
   CREATE INDEX submissions_by_form ON submissions (form_id, seq);`,
  // Forms as published data (PRODUCT.md section 7): a version, once written, is never changed.
  `CREATE TABLE forms (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL CHECK (state IN ('open', 'closing', 'closed')),
     updated_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE form_versions (
     form_id TEXT NOT NULL REFERENCES forms (id),
     version INTEGER NOT NULL CHECK (version > 0),
     content_hash TEXT NOT NULL,
     published_at TEXT NOT NULL,
     published_by TEXT NOT NULL,
     definition TEXT NOT NULL,
     PRIMARY KEY (form_id, version)
   ) STRICT;`,
  // Devices enrolled one by one (PRODUCT.md section 8): credentials and codes kept as sha256 only.
  `CREATE TABLE devices (
     id TEXT PRIMARY KEY,
     label TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('device', 'shared')),
     created_at TEXT NOT NULL,
     enrolled_at TEXT,
     last_seen_at TEXT,
     app_version TEXT,
     submissions_stored INTEGER NOT NULL DEFAULT 0,
     revoked_at TEXT,
     credential_hash TEXT UNIQUE
   ) STRICT;
   CREATE TABLE enrollment_codes (
     code_hash TEXT PRIMARY KEY,
     device_id TEXT NOT NULL REFERENCES devices (id),
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     used_at TEXT,
     withdrawn_at TEXT
   ) STRICT;
   CREATE INDEX enrollment_codes_by_device ON enrollment_codes (device_id);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     details TEXT
   ) STRICT;`,
  // Photos and files (docs/attachments.md): which submission holds which content; the bytes are
  // on disk by sha256. No reference to submissions: files arrive before their submission.
  `CREATE TABLE attachments (
     submission_id TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     size INTEGER NOT NULL CHECK (size > 0),
     type TEXT NOT NULL,
     device_id TEXT NOT NULL,
     received_at TEXT NOT NULL,
     PRIMARY KEY (submission_id, sha256)
   ) STRICT, WITHOUT ROWID;`,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database up to `SCHEMA_VERSION`, each step in its own transaction; refuses a newer one. */
export function migrate(db: Database): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw new Error(`The database is at schema version ${from}, newer than this server's ${SCHEMA_VERSION}: upgrade the server.`);
  }
  for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version - 1] ?? '';
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return from;
}
