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
