// The default store: one SQLite file in the data folder, in WAL mode so exports read
// while devices write.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from './migrations';
import { toStoredSubmission, type SubmissionRow } from './rows';
import { sqliteAttachmentStore } from './sqlite-attachments';
import { sqliteFormStore } from './sqlite-forms';
import { sqliteAuditStore, sqliteDeviceStore } from './sqlite-devices';
import type { NewSubmission, PutOutcome, Store, StoredSubmission } from './types';

/** The database's file name inside the data folder. */
export const DATABASE_FILE = 'fieldbook.sqlite';

/** How long a statement waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

function open(path: string, readonly: boolean): Database.Database {
  const db = new Database(path, { readonly, fileMustExist: readonly });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

/** Opens (creating and migrating if needed) the store in `dataDir`. */
export function openSqliteStore(dataDir: string): Store {
  const path = join(dataDir, DATABASE_FILE);
  const db = open(path, false);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the answer says "stored", even across a power cut.
  db.pragma('synchronous = FULL');
  migrate(db);

  const insert = db.prepare(
    `INSERT INTO submissions (id, form_id, form_version, device_id, received_at, content_hash, json)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const hashOf = db.prepare<[string], { content_hash: string }>('SELECT content_hash FROM submissions WHERE id = ?');
  const byId = db.prepare<[string], SubmissionRow>(
    'SELECT id, form_id, form_version, device_id, received_at, content_hash, json FROM submissions WHERE id = ?',
  );
  const countAll = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM submissions');
  const countForm = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM submissions WHERE form_id = ?');

  const ingestAll = db.transaction((batch: readonly NewSubmission[], receivedAt: string): PutOutcome[] =>
    batch.map((item) => {
      // Positional parameters: binding by name costs a copy of every row.
      if (insert.run(item.id, item.formId, item.formVersion, item.deviceId, receivedAt, item.hash, item.json).changes === 1) return { inserted: true };
      const stored = hashOf.get(item.id);
      if (!stored) throw new Error(`submission ${item.id} was neither inserted nor found`);
      return { inserted: false, storedHash: stored.content_hash };
    }),
  );

  /** A read-only connection per export: an open iterator would otherwise block every write on `db`. */
  async function* iterateForm(formId: string): AsyncGenerator<StoredSubmission> {
    const reader = open(path, true);
    try {
      const rows = reader
        .prepare<[string], SubmissionRow>(
          `SELECT id, form_id, form_version, device_id, received_at, content_hash, json
           FROM submissions WHERE form_id = ? ORDER BY seq`,
        )
        .iterate(formId);
      for (const row of rows) yield toStoredSubmission(row);
    } finally {
      reader.close();
    }
  }

  return {
    forms: sqliteFormStore(db),
    ingest: async (batch, receivedAt) => ingestAll.immediate(batch, receivedAt),
    iterateForm,
    get: async (id) => {
      const row = byId.get(id);
      return row && toStoredSubmission(row);
    },
    devices: sqliteDeviceStore(db),
    attachments: sqliteAttachmentStore(db),
    audit: sqliteAuditStore(db),
    count: async (formId) => (formId === undefined ? countAll.get() : countForm.get(formId))?.n ?? 0,
    close: async () => {
      db.close();
    },
  };
}
