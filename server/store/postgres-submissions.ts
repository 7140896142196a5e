// The submissions table on PostgreSQL. Exactly-once across any number of server processes
// rests on the table's unique id: a second insert of an id waits for the first transaction,
// then does nothing, and the stored hash tells a retry from a different submission.
import type pg from 'pg';
import { guarded, isoText } from './postgres-pool';
import type { NewSubmission, PutOutcome, StoredSubmission, SubmissionStore } from './types';
import { toStoredSubmission, type SubmissionRow } from './rows';

/** Rows per FETCH while streaming a form: bounded memory, few round trips. */
export const FETCH_ROWS = 500;
/** Tries of a batch that lost a deadlock or serialization race to another batch. */
const MAX_ATTEMPTS = 3;
/** deadlock_detected, serialization_failure: the transaction was rolled back and can simply run again. */
const RETRYABLE_STATES = new Set(['40P01', '40001']);

// One statement for the whole batch, in batch order (so seq follows it). An id repeated within
// the batch is inserted once, by its first occurrence.
const INSERT_BATCH = `
  INSERT INTO submissions (id, form_id, form_version, device_id, received_at, content_hash, json)
  SELECT id, form_id, form_version, device_id, $5::timestamptz, content_hash, json
  FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $6::text[], $7::text[])
    WITH ORDINALITY AS batch (id, form_id, form_version, device_id, content_hash, json, ord)
  ORDER BY ord
  ON CONFLICT (id) DO NOTHING
  RETURNING id`;

// received_at as the same ISO 8601 text the server wrote, without a Date per row.
const SELECT_COLUMNS = `id, form_id, form_version, device_id, ${isoText('received_at')} AS received_at, content_hash, json`;

/**
 * One batch: a single INSERT statement, which PostgreSQL runs as one transaction of its own,
 * so the answer comes back only once the new rows are committed; one round trip when every id
 * is new. Taken ids are read afterwards: a stored row never changes, so reading it after the
 * commit is exact (whether another server or this batch's first occurrence wrote it).
 */
async function ingestOnce(pool: pg.Pool, batch: readonly NewSubmission[], receivedAt: string): Promise<PutOutcome[]> {
  const inserted = await pool.query<{ id: string }>(INSERT_BATCH, [
    batch.map((item) => item.id),
    batch.map((item) => item.formId),
    batch.map((item) => item.formVersion),
    batch.map((item) => item.deviceId),
    receivedAt,
    batch.map((item) => item.hash),
    batch.map((item) => item.json),
  ]);
  const insertedIds = new Set(inserted.rows.map((row) => row.id));
  const firsts = new Set<string>();
  const isInserted = batch.map((item) => {
    const first = !firsts.has(item.id);
    firsts.add(item.id);
    return first && insertedIds.has(item.id);
  });
  const taken = [...new Set(batch.filter((_, i) => !isInserted[i]).map((item) => item.id))];
  const stored = new Map<string, string>();
  if (taken.length > 0) {
    const { rows } = await pool.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM submissions WHERE id = ANY($1::text[])', [taken]);
    for (const row of rows) stored.set(row.id, row.content_hash);
  }
  return batch.map((item, i): PutOutcome => {
    if (isInserted[i]) return { inserted: true };
    const storedHash = stored.get(item.id);
    if (storedHash === undefined) throw new Error(`submission ${item.id} was neither inserted nor found`);
    return { inserted: false, storedHash };
  });
}

/** A SubmissionStore on a pool shared with the other PostgreSQL stores; `close` leaves the pool to its owner. */
export function postgresSubmissionStore(pool: pg.Pool): SubmissionStore {
  let closed = false;
  const open = () => {
    if (closed) throw new Error('The submission store is closed.');
  };

  async function ingest(batch: readonly NewSubmission[], receivedAt: string): Promise<PutOutcome[]> {
    open();
    if (batch.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await guarded(() => ingestOnce(pool, batch, receivedAt));
      } catch (error) {
        // Two batches sharing ids in different orders can deadlock; the loser runs again.
        const state = (error as { code?: unknown }).code;
        if (attempt >= MAX_ATTEMPTS || typeof state !== 'string' || !RETRYABLE_STATES.has(state)) throw error;
      }
    }
  }

  /** A server-side cursor in a read-only transaction: one snapshot, FETCH_ROWS rows in memory at a time. */
  async function* iterateForm(formId: string): AsyncGenerator<StoredSubmission> {
    open();
    const client = await guarded(() => pool.connect());
    let finished = false;
    let broken: Error | undefined;
    try {
      await guarded(() => client.query('BEGIN READ ONLY'));
      await guarded(() => client.query(`DECLARE form_rows NO SCROLL CURSOR FOR SELECT ${SELECT_COLUMNS} FROM submissions WHERE form_id = $1 ORDER BY seq`, [formId]));
      for (;;) {
        const { rows } = await guarded(() => client.query<SubmissionRow>(`FETCH ${FETCH_ROWS} FROM form_rows`));
        for (const row of rows) yield toStoredSubmission(row);
        if (rows.length < FETCH_ROWS) break;
      }
      await guarded(() => client.query('COMMIT'));
      finished = true;
    } finally {
      // Left early (the reader broke out, or a query failed): ending the transaction closes the cursor.
      if (!finished) await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      client.release(broken);
    }
  }

  return {
    ingest,
    iterateForm,
    get: async (id) => {
      open();
      const { rows } = await guarded(() => pool.query<SubmissionRow>(`SELECT ${SELECT_COLUMNS} FROM submissions WHERE id = $1`, [id]));
      return rows[0] && toStoredSubmission(rows[0]);
    },
    count: async (formId) => {
      open();
      const { rows } = await guarded(() =>
        formId === undefined
          ? pool.query<{ n: string }>('SELECT count(*) AS n FROM submissions')
          : pool.query<{ n: string }>('SELECT count(*) AS n FROM submissions WHERE form_id = $1', [formId]),
      );
      return Number(rows[0]?.n ?? 0);
    },
    close: async () => {
      closed = true;
    },
  };
}
