// Forward-only schema migrations for PostgreSQL, run once however many servers start at the
// same time: each takes a session advisory lock, and only the first to hold it finds work to do.
import pg from 'pg';

/**
 * Migration n (1-based) takes the schema from version n-1 to n. Append only: never edit or
 * reorder a shipped migration, since databases in the field have already run it. Every table
 * (submissions, forms, devices, audit) lives in this one list.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE submissions (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     id text NOT NULL UNIQUE,
     form_id text NOT NULL,
     form_version integer NOT NULL,
     device_id text NOT NULL,
     received_at timestamptz NOT NULL,
     content_hash text NOT NULL,
     json text NOT NULL
   );
   CREATE INDEX submissions_by_form ON submissions (form_id, seq);`,
  // Forms as published data (PRODUCT.md section 7): a version, once written, is never changed.
  // seq keeps the catalog in the order forms were first published, as SQLite's rowid does.
  `CREATE TABLE forms (
     seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
     id text PRIMARY KEY,
     state text NOT NULL CHECK (state IN ('open', 'closing', 'closed')),
     updated_at timestamptz NOT NULL
   );
   CREATE TABLE form_versions (
     form_id text NOT NULL REFERENCES forms (id),
     version integer NOT NULL CHECK (version > 0),
     content_hash text NOT NULL,
     published_at timestamptz NOT NULL,
     published_by text NOT NULL,
     definition text NOT NULL,
     PRIMARY KEY (form_id, version)
   );`,
];

/** The advisory lock's key: any fixed bigint; this one spells "fieldbk" in ASCII. */
export const MIGRATION_LOCK_KEY = '28832035536610923';

/** Which schema versions are applied, one row per migration. */
const VERSION_TABLE = 'fieldbook_schema_versions';

export interface MigrationRun {
  /** The version found. */
  from: number;
  /** The version left. */
  to: number;
}

/**
 * Brings the database up to `migrations.length`, each step in its own transaction, on a
 * connection of its own with no statement timeout (a migration may rewrite a big table).
 * Refuses a database newer than this code.
 */
export async function migratePostgres(config: pg.ClientConfig, migrations: readonly string[] = POSTGRES_MIGRATIONS): Promise<MigrationRun> {
  const client = new pg.Client({ ...config, statement_timeout: 0, query_timeout: undefined });
  await client.connect();
  try {
    // Held until unlocked or until this connection ends, so a crashed migrator never blocks the others.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${VERSION_TABLE}`);
    const from = rows[0]?.version ?? 0;
    if (from > migrations.length) {
      throw new Error(`The database is at schema version ${from}, newer than this server's ${migrations.length}: upgrade the server.`);
    }
    for (let version = from + 1; version <= migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[version - 1] ?? '');
        await client.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES ($1)`, [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    return { from, to: migrations.length };
  } finally {
    // Ending the session also releases the lock if anything above failed.
    await client.end().catch(() => undefined);
  }
}
