// Moves a SQLite data folder's database into PostgreSQL: every table, in its original order,
// in one PostgreSQL transaction that commits only once the counts and contents match.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { SCHEMA_VERSION } from './migrations';
import { poolConfig } from './postgres-pool';
import { migratePostgres } from './postgres-migrations';
import { DATABASE_FILE } from './sqlite';

/** How one table is copied. Columns are named alike in both schemas; identity columns are left for PostgreSQL to number. */
export interface CopiedTable {
  table: string;
  columns: readonly string[];
  /** The SQLite order to copy in, so PostgreSQL numbers rows in the same order... */
  sqliteOrder: string;
  /** ...and the same order on the PostgreSQL side, for the fingerprint. */
  postgresOrder: string;
  /** An expression (valid in both dialects) whose values, in that order, fingerprint the table's contents. */
  fingerprint: string;
  /** PostgreSQL to run once the rows are in, e.g. to move an identity past the copied ids. */
  afterCopy?: string;
}

/** Every table there is to move, parents before children; a table added to both schemas is added here. */
export const COPIED_TABLES: readonly CopiedTable[] = [
  {
    table: 'submissions',
    columns: ['id', 'form_id', 'form_version', 'device_id', 'received_at', 'content_hash', 'json'],
    sqliteOrder: 'seq',
    postgresOrder: 'seq',
    fingerprint: 'content_hash',
  },
  {
    table: 'forms',
    columns: ['id', 'state', 'updated_at'],
    sqliteOrder: 'rowid',
    postgresOrder: 'seq',
    fingerprint: "id || ':' || state",
  },
  {
    table: 'form_versions',
    columns: ['form_id', 'version', 'content_hash', 'published_at', 'published_by', 'definition'],
    sqliteOrder: 'form_id, version',
    // SQLite compares text bytewise; so does PostgreSQL with the C collation, whatever the database's.
    postgresOrder: 'form_id COLLATE "C", version',
    fingerprint: "form_id || ':' || version || ':' || content_hash",
  },
  {
    table: 'devices',
    columns: ['id', 'label', 'kind', 'created_at', 'enrolled_at', 'last_seen_at', 'app_version', 'submissions_stored', 'revoked_at', 'credential_hash'],
    sqliteOrder: 'id',
    postgresOrder: 'id COLLATE "C"',
    fingerprint: "id || ':' || coalesce(credential_hash, '') || ':' || submissions_stored",
  },
  {
    table: 'enrollment_codes',
    columns: ['code_hash', 'device_id', 'created_at', 'expires_at', 'used_at', 'withdrawn_at'],
    sqliteOrder: 'code_hash',
    postgresOrder: 'code_hash COLLATE "C"',
    fingerprint: "code_hash || ':' || device_id",
  },
  {
    // Ids kept: the log is paged by id.
    table: 'audit_log',
    columns: ['id', 'at', 'actor', 'action', 'target', 'details'],
    sqliteOrder: 'id',
    postgresOrder: 'id',
    fingerprint: "id || ':' || action || ':' || coalesce(details, '')",
    afterCopy: "SELECT setval(pg_get_serial_sequence('audit_log', 'id'), coalesce((SELECT max(id) FROM audit_log), 0) + 1, false)",
  },
  {
    // The rows only: the files stay in the attachments folder, which the PostgreSQL servers must share.
    table: 'attachments',
    columns: ['submission_id', 'sha256', 'size', 'type', 'device_id', 'received_at'],
    sqliteOrder: 'submission_id, sha256',
    postgresOrder: 'submission_id COLLATE "C", sha256 COLLATE "C"',
    fingerprint: "submission_id || ':' || sha256 || ':' || size",
  },
];

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 1_000;

export interface TableReport {
  table: string;
  copied: number;
}

async function copyTable(sqlite: Database.Database, client: pg.Client, spec: CopiedTable): Promise<TableReport> {
  const { table, columns } = spec;
  const present = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  if (Number(present.rows[0]?.n) > 0) {
    throw new Error(`PostgreSQL's ${table} table already has ${present.rows[0]?.n} rows: move the SQLite data into an empty database.`);
  }
  const sourceRows = (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const list = columns.join(', ');
  // md5 over the fingerprint column's values in copy order: the same sum PostgreSQL computes below.
  const fingerprint = createHash('md5');
  let pending: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const values = pending.map((_, row) => `(${columns.map((__, col) => `$${row * columns.length + col + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${list}) VALUES ${values.join(', ')}`, pending.flat());
    copied += pending.length;
    pending = [];
  };
  // Read lazily, written in slices: memory stays flat whatever the table's size.
  const rows = sqlite.prepare(`SELECT ${list}, ${spec.fingerprint} AS fingerprint__ FROM ${table} ORDER BY ${spec.sqliteOrder}`).raw().iterate() as Iterable<unknown[]>;
  for (const row of rows) {
    fingerprint.update(String(row[columns.length]));
    pending.push(row.slice(0, columns.length));
    if (pending.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  if (spec.afterCopy) await client.query(spec.afterCopy);

  const target = await client.query<{ n: string; fingerprint: string | null }>(
    `SELECT count(*) AS n, md5(coalesce(string_agg((${spec.fingerprint})::text, '' ORDER BY ${spec.postgresOrder}), '')) AS fingerprint FROM ${table}`,
  );
  const targetRows = Number(target.rows[0]?.n);
  if (targetRows !== sourceRows || copied !== sourceRows) {
    throw new Error(`${table}: SQLite has ${sourceRows} rows but PostgreSQL got ${targetRows}; nothing was kept.`);
  }
  if (target.rows[0]?.fingerprint !== fingerprint.digest('hex')) {
    throw new Error(`${table}: the rows in PostgreSQL differ from SQLite's; nothing was kept.`);
  }
  return { table, copied };
}

/**
 * Copies the SQLite database in `dataDir` into the PostgreSQL database at `url` (migrated
 * first). All or nothing: any mismatch or failure rolls back, and the SQLite file is only read.
 */
export async function copySqliteToPostgres(dataDir: string, url: string, tables: readonly CopiedTable[] = COPIED_TABLES): Promise<TableReport[]> {
  const sqlite = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new Error(`The SQLite database is at schema version ${version}, this server's is ${SCHEMA_VERSION}: start this version of the server on it once first.`);
    }
    await migratePostgres(poolConfig(url));
    // No timeouts: a large copy is one long transaction by design.
    const client = new pg.Client({ ...poolConfig(url), statement_timeout: 0, query_timeout: undefined });
    await client.connect();
    try {
      await client.query('BEGIN');
      const reports: TableReport[] = [];
      for (const spec of tables) reports.push(await copyTable(sqlite, client, spec));
      await client.query('COMMIT');
      return reports;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await client.end().catch(() => undefined);
    }
  } finally {
    sqlite.close();
  }
}
