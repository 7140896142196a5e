// Which submission holds which file, in SQLite, over the store's connection. A record runs in an
// IMMEDIATE transaction: one writer at a time, so a submission's total is never passed by a race.
import type { Database } from 'better-sqlite3';
import { toAttachment, type AttachmentDbRow } from './rows';
import type { AttachmentKey, AttachmentRow, AttachmentStore, RecordOutcome } from './types';

const COLUMNS = 'submission_id, sha256, size, type, device_id, received_at';

/** The attachment rows over an open, migrated connection. */
export function sqliteAttachmentStore(db: Database): AttachmentStore {
  const one = db.prepare<[string, string], AttachmentDbRow>(`SELECT ${COLUMNS} FROM attachments WHERE submission_id = ? AND sha256 = ?`);
  const ofSubmission = db.prepare<[string], AttachmentDbRow>(`SELECT ${COLUMNS} FROM attachments WHERE submission_id = ? ORDER BY sha256`);
  const total = db.prepare<[string], { n: number }>('SELECT coalesce(sum(size), 0) AS n FROM attachments WHERE submission_id = ?');
  const insert = db.prepare<[string, string, number, string, string, string]>(`INSERT INTO attachments (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  // Pairs travel as one JSON array of [submission id, sha256]: a single statement for any batch.
  const missing = db.prepare<[string], { submission_id: string; sha256: string }>(
    `SELECT json_extract(p.value, '$[0]') AS submission_id, json_extract(p.value, '$[1]') AS sha256
     FROM json_each(?) p
     WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.submission_id = json_extract(p.value, '$[0]') AND a.sha256 = json_extract(p.value, '$[1]'))
       AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = json_extract(p.value, '$[0]'))
     ORDER BY p.key`,
  );
  const formTotals = db.prepare<[string], { files: number; bytes: number }>(
    `SELECT count(*) AS files, coalesce(sum(a.size), 0) AS bytes
     FROM attachments a JOIN submissions s ON s.id = a.submission_id WHERE s.form_id = ?`,
  );

  const record = db.transaction((row: AttachmentRow, maxTotalBytes: number): RecordOutcome => {
    if (one.get(row.submissionId, row.sha256)) return 'duplicate';
    if ((total.get(row.submissionId)?.n ?? 0) + row.size > maxTotalBytes) return 'over_limit';
    insert.run(row.submissionId, row.sha256, row.size, row.type, row.deviceId, row.receivedAt);
    return 'inserted';
  });

  return {
    record: async (row, maxTotalBytes) => record.immediate(row, maxTotalBytes),
    totalBytes: async (submissionId) => total.get(submissionId)?.n ?? 0,
    get: async (submissionId, sha256) => {
      const row = one.get(submissionId, sha256);
      return row && toAttachment(row);
    },
    missing: async (keys: readonly AttachmentKey[]) =>
      keys.length === 0 ? [] : missing.all(JSON.stringify(keys.map((k) => [k.submissionId, k.sha256]))).map((r) => ({ submissionId: r.submission_id, sha256: r.sha256 })),
    list: async (submissionId) => ofSubmission.all(submissionId).map(toAttachment),
    formTotals: async (formId) => formTotals.get(formId) ?? { files: 0, bytes: 0 },
  };
}
