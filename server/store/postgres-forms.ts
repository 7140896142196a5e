// The form registry on PostgreSQL, on the pool the other stores share. Versions are rows never
// updated or deleted; a publish holds a per-form advisory lock for its transaction, so two
// publishers on any two servers never get the same version (the primary key would refuse it anyway).
import type pg from 'pg';
import type { FormState } from '../../src/forms/schema';
import { guarded, inTransaction, isoText } from './postgres-pool';
import type { FormStore } from './types';
import { toFormEntry, toFormVersion, type VersionRow } from './rows';

const VERSION_COLUMNS = `v.form_id, v.version, v.content_hash, ${isoText('v.published_at')} AS published_at, v.published_by, v.definition`;

/** The advisory lock key of the whole catalog (seeding) and of one form (publishing): two ints, a namespace and a hash. */
const CATALOG_LOCK = 'SELECT pg_advisory_xact_lock(28832035, 0)';
const FORM_LOCK = 'SELECT pg_advisory_xact_lock(28832035, hashtext($1))';

const insertForm = (client: pg.PoolClient, id: string, at: string) => client.query("INSERT INTO forms (id, state, updated_at) VALUES ($1, 'open', $2)", [id, at]);
const insertVersion = (client: pg.PoolClient, formId: string, version: number, hash: string, at: string, by: string, definition: string) =>
  client.query('INSERT INTO form_versions (form_id, version, content_hash, published_at, published_by, definition) VALUES ($1, $2, $3, $4, $5, $6)', [
    formId,
    version,
    hash,
    at,
    by,
    definition,
  ]);

/** The registry over a pool whose database is migrated. */
export function postgresFormStore(pool: pg.Pool): FormStore {
  const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => guarded(() => pool.query<R>(sql, params));
  const allVersions = async (client: pg.PoolClient | pg.Pool, formId: string) =>
    (await client.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM form_versions v WHERE v.form_id = $1 ORDER BY v.version`, [formId])).rows.map(toFormVersion);

  return {
    seed: (forms, at) =>
      inTransaction(pool, async (client) => {
        // Several servers starting at once: one seeds, the others find the catalog made.
        await client.query(CATALOG_LOCK);
        const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM forms');
        if (Number(rows[0]?.n) > 0) return;
        for (const form of forms) {
          await insertForm(client, form.id, at);
          await insertVersion(client, form.id, 1, form.hash, at, 'built-in', form.definition);
        }
      }),
    list: async () =>
      (
        await query<VersionRow & { state: FormState }>(
          `SELECT f.state, ${VERSION_COLUMNS} FROM forms f
           JOIN form_versions v ON v.form_id = f.id AND v.version = (SELECT max(version) FROM form_versions WHERE form_id = f.id)
           ORDER BY f.seq`,
        )
      ).rows.map(toFormEntry),
    entry: async (formId) => {
      const { rows } = await query<VersionRow & { state: FormState }>(
        `SELECT f.state, ${VERSION_COLUMNS} FROM forms f JOIN form_versions v ON v.form_id = f.id
         WHERE f.id = $1 ORDER BY v.version DESC LIMIT 1`,
        [formId],
      );
      return rows[0] && toFormEntry(rows[0]);
    },
    version: async (formId, version) => {
      const { rows } = await query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM form_versions v WHERE v.form_id = $1 AND v.version = $2`, [formId, version]);
      return rows[0] && toFormVersion(rows[0]);
    },
    versions: (formId) => guarded(() => allVersions(pool, formId)),
    publish: (formId, decide, by, at) =>
      inTransaction(pool, async (client) => {
        await client.query(FORM_LOCK, [formId]);
        const versions = await allVersions(client, formId);
        const decision = decide(versions);
        if (decision.kind === 'insert') {
          if (versions.length === 0) await insertForm(client, formId, at);
          await insertVersion(client, formId, decision.version, decision.hash, at, by, decision.definition);
        }
        return decision.result;
      }),
    setState: async (formId, state, at) => (await query('UPDATE forms SET state = $1, updated_at = $2 WHERE id = $3', [state, at, formId])).rowCount === 1,
    countByVersion: async (formId) => {
      const { rows } = await query<{ form_version: number; n: string }>('SELECT form_version, count(*) AS n FROM submissions WHERE form_id = $1 GROUP BY form_version', [formId]);
      return new Map(rows.map((row) => [row.form_version, Number(row.n)]));
    },
  };
}
