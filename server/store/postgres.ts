// PostgreSQL as the server's database (DATABASE_URL): one pool shared by every store, the
// schema brought up to date once across all server processes before any request is taken.
import type pg from 'pg';
import { postgresAttachmentStore } from './postgres-attachments';
import { createPool, guarded, poolConfig } from './postgres-pool';
import { postgresAuditStore, postgresDeviceStore } from './postgres-devices';
import { postgresFormStore } from './postgres-forms';
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations';
import { postgresSubmissionStore } from './postgres-submissions';
import type { Store } from './types';

export interface PostgresOptions {
  /** Connections in this process's pool. */
  poolMax?: number;
  /** The schema to reach; tests pass a shorter or longer list. */
  migrations?: readonly string[];
}

/** Every store on one PostgreSQL database. More tables add a store here, on the same pool. */
export interface PostgresDatabase {
  pool: pg.Pool;
  /** Submissions, with the form registry, devices and the audit log beside them; its `close` leaves the pool open. */
  store: Store;
  /** Resolves once the database answers; rejects (StoreUnavailableError) within a few seconds when it does not. */
  ping: () => Promise<void>;
  /** Closes every store and the pool. */
  close: () => Promise<void>;
}

/** Migrates (once, under an advisory lock) and opens the stores; fails if the database cannot be reached. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  await guarded(() => migratePostgres(poolConfig(url), options.migrations ?? POSTGRES_MIGRATIONS));
  const pool = createPool(url, options.poolMax);
  const store: Store = { ...postgresSubmissionStore(pool), forms: postgresFormStore(pool), devices: postgresDeviceStore(pool), audit: postgresAuditStore(pool), attachments: postgresAttachmentStore(pool) };
  let closing: Promise<void> | undefined;
  return {
    pool,
    store,
    ping: async () => {
      await guarded(() => pool.query('SELECT 1'));
    },
    close: () =>
      (closing ??= (async () => {
        await store.close();
        await pool.end();
      })()),
  };
}
