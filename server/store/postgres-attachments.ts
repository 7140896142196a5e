// Which submission holds which file, on PostgreSQL, on the pool the other stores share. A record
// holds a per-submission advisory lock for its transaction, so uploads racing on any two servers
// never pass a submission's total together, and the primary key keeps one row per file.
import type pg from 'pg';
import { guarded, inTransaction, isoText } from './postgres-pool';
import { toAttachment, type AttachmentDbRow } from './rows';
import type { AttachmentStore } from './types';

const COLUMNS = `submission_id, sha256, size, type, device_id, ${isoText('received_at')} AS received_at`;
/** A namespace of its own beside the forms' (28832035), then a hash of the submission id. */
const SUBMISSION_LOCK = 'SELECT pg_advisory_xact_lock(28832036, hashtext($1))';

/** The attachment rows over a pool whose database is migrated. */
export function postgresAttachmentStore(pool: pg.Pool): AttachmentStore {
  const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => guarded(() => pool.query<R>(sql, params));
  const totalOf = async (client: pg.Pool | pg.PoolClient, submissionId: string) =>
    Number((await client.query<{ n: string }>('SELECT coalesce(sum(size), 0) AS n FROM attachments WHERE submission_id = $1', [submissionId])).rows[0]?.n ?? 0);

  return {
    record: (row, maxTotalBytes) =>
      inTransaction(pool, async (client) => {
        await client.query(SUBMISSION_LOCK, [row.submissionId]);
        const held = await client.query('SELECT 1 FROM attachments WHERE submission_id = $1 AND sha256 = $2', [row.submissionId, row.sha256]);
        if (held.rowCount) return 'duplicate';
        if ((await totalOf(client, row.submissionId)) + row.size > maxTotalBytes) return 'over_limit';
        await client.query('INSERT INTO attachments (submission_id, sha256, size, type, device_id, received_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          row.submissionId,
          row.sha256,
          row.size,
          row.type,
          row.deviceId,
          row.receivedAt,
        ]);
        return 'inserted';
      }),
    totalBytes: (submissionId) => guarded(() => totalOf(pool, submissionId)),
    get: async (submissionId, sha256) => {
      const { rows } = await query<AttachmentDbRow>(`SELECT ${COLUMNS} FROM attachments WHERE submission_id = $1 AND sha256 = $2`, [submissionId, sha256]);
      return rows[0] && toAttachment(rows[0]);
    },
    missing: async (keys) => {
      if (keys.length === 0) return [];
      const { rows } = await query<{ submission_id: string; sha256: string }>(
        `SELECT k.submission_id, k.sha256
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k (submission_id, sha256, ord)
         WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.submission_id = k.submission_id AND a.sha256 = k.sha256)
           AND NOT EXISTS (SELECT 1 FROM submissions s WHERE s.id = k.submission_id)
         ORDER BY k.ord`,
        [keys.map((k) => k.submissionId), keys.map((k) => k.sha256)],
      );
      return rows.map((r) => ({ submissionId: r.submission_id, sha256: r.sha256 }));
    },
    list: async (submissionId) =>
      (await query<AttachmentDbRow>(`SELECT ${COLUMNS} FROM attachments WHERE submission_id = $1 ORDER BY sha256 COLLATE "C"`, [submissionId])).rows.map(toAttachment),
    formTotals: async (formId) => {
      const { rows } = await query<{ files: string; bytes: string }>(
        `SELECT count(*) AS files, coalesce(sum(a.size), 0) AS bytes
         FROM attachments a JOIN submissions s ON s.id = a.submission_id WHERE s.form_id = $1`,
        [formId],
      );
      return { files: Number(rows[0]?.files ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
    },
  };
}
