// The connection pool every PostgreSQL store shares, with limits that turn a database that is
// down or stuck into a quick, recognisable failure instead of a hang.
import pg from 'pg';
import { StoreUnavailableError } from './unavailable';

/** How long to wait for a connection (a new one, or a free one from a busy pool). */
export const CONNECT_TIMEOUT_MS = 3_000;
/** The database cancels any statement running longer than this. */
export const STATEMENT_TIMEOUT_MS = 5_000;
/** The driver gives up on an answer after this, for a network that drops packets silently. */
export const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 2_000;
/** Connections per server process; several processes share the database's max_connections (100 by default). */
export const DEFAULT_POOL_MAX = 10;

/** Settings for a pool (or a single client) on `url`. */
export function poolConfig(url: string, max = DEFAULT_POOL_MAX): pg.PoolConfig {
  return {
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'fieldbook',
  };
}

/** A pool whose idle connections may break (a database restart) without crashing the process. */
export function createPool(url: string, max?: number): pg.Pool {
  const pool = new pg.Pool(poolConfig(url, max));
  // Without a listener an idle client's error is an uncaught exception. The pool drops that
  // client by itself; the next request opens a new connection once the database is back.
  pool.on('error', (error) => console.error('fieldbook: a database connection broke:', error.message));
  return pool;
}

/** Socket errors that mean "the database is not there right now". */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/** SQLSTATEs meaning the same: shutting down, starting up, out of connections, statement timed out. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
/** What the driver says (with no code) when a connection cannot be had or dies under a query. */
const DRIVER_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable|connection timeout/i;

/** Whether `error` means the database is unreachable (retry later) rather than a bug or bad data. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
  // Connecting to several addresses (localhost as ::1 and 127.0.0.1) fails with all of them at once.
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return DRIVER_MESSAGES.test(error.message);
}

/** Runs database work, turning "unreachable" failures into StoreUnavailableError. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError(`The database cannot be reached: ${(error as Error).message}`, { cause: error });
    throw error;
  }
}

/** Runs `work` in one transaction on one pooled connection; a connection that broke is not put back. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return guarded(async () => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((failed: Error) => (broken = failed));
      throw error;
    } finally {
      client.release(broken);
    }
  });
}

/** A timestamptz column read back as the ISO 8601 text the server wrote (`…T…Z`, milliseconds), without a Date per row. */
export function isoText(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
