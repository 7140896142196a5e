// PostgreSQL as the server's database (DATABASE_URL): one pool shared by every store, the
// schema brought up to date once across all server processes before any request is taken.
import type pg from 'pg';
import { createPool, guarded, poolConfig } from './postgres-pool';
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations';
import { postgresSubmissionStore } from './postgres-submissions';
import type { SubmissionStore } from './types';

export interface PostgresOptions {
  /** Connections in this process's pool. */
  poolMax?: number;
  /** The schema to reach; tests pass a shorter or longer list. */
  migrations?: readonly string[];
}

/** Every store on one PostgreSQL database. More tables add a store here, on the same pool. */
export interface PostgresDatabase {
  pool: pg.Pool;
  submissions: SubmissionStore;
  /** Resolves once the database answers; rejects (StoreUnavailableError) within a few seconds when it does not. */
  ping: () => Promise<void>;
  /** Closes every store and the pool. */
  close: () => Promise<void>;
}

/** Migrates (once, under an advisory lock) and opens the stores; fails if the database cannot be reached. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  await guarded(() => migratePostgres(poolConfig(url), options.migrations ?? POSTGRES_MIGRATIONS));
  const pool = createPool(url, options.poolMax);
  const submissions = postgresSubmissionStore(pool);
  let closing: Promise<void> | undefined;
  return {
    pool,
    submissions,
    ping: async () => {
      await guarded(() => pool.query('SELECT 1'));
    },
    close: () =>
      (closing ??= (async () => {
        await submissions.close();
        await pool.end();
      })()),
  };
}
