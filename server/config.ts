// The server's settings, read once from the environment (PRODUCT.md section 5).
import { resolve } from 'node:path';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './data';

export interface Config {
  port: number;
  host: string;
  /** Absolute. */
  dataDir: string;
  /**
   * Where attachment files are kept (ATTACHMENTS_DIR, absolute); absent, `<dataDir>/attachments`.
   * Servers sharing one PostgreSQL database must share this folder too.
   */
  attachmentsDir?: string;
  deviceToken?: string;
  coordinatorToken?: string;
  rateLimit: RateLimit;
  /** How long a new enrollment link works (FIELDBOOK_ENROLLMENT_DAYS, default 7). */
  enrollmentTtlMs: number;
  /** The origin enrollment links name (FIELDBOOK_PUBLIC_URL), e.g. behind a reverse proxy. */
  publicUrl?: string;
  /** `postgres://…` puts every table in PostgreSQL; absent, SQLite in `dataDir`. */
  databaseUrl?: string;
  /** PEM files: the server speaks HTTPS itself. */
  tls?: TlsFiles;
}

/** Where the certificate (with its chain) and its private key are, as PEM. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}

/** Settings from `env`; throws a readable error on a bad value. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const rawPort = env.PORT ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not "${rawPort}".`);
  const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  const deviceToken = nonEmpty(env.FIELDBOOK_DEVICE_TOKEN);
  const coordinatorToken = nonEmpty(env.FIELDBOOK_COORDINATOR_TOKEN);
  const publicUrl = nonEmpty(env.FIELDBOOK_PUBLIC_URL);
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s?#]+\/?$/.test(publicUrl)) {
    throw new Error(`FIELDBOOK_PUBLIC_URL must be an origin such as https://survey.example.org, not "${publicUrl}".`);
  }
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  // Never echo the URL: it may hold the database password.
  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// (or postgresql://) URL.');
  const attachmentsDir = nonEmpty(env.ATTACHMENTS_DIR);
  const certFile = nonEmpty(env.TLS_CERT_FILE);
  const keyFile = nonEmpty(env.TLS_KEY_FILE);
  if ((certFile === undefined) !== (keyFile === undefined)) throw new Error('Set both TLS_CERT_FILE and TLS_KEY_FILE for HTTPS, or neither for HTTP.');
  return {
    port,
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? DEFAULT_DATA_DIR),
    ...(attachmentsDir ? { attachmentsDir: resolve(attachmentsDir) } : {}),
    ...(deviceToken ? { deviceToken } : {}),
    ...(coordinatorToken ? { coordinatorToken } : {}),
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
    enrollmentTtlMs: positiveNumber(env, 'FIELDBOOK_ENROLLMENT_DAYS', 7) * 24 * 60 * 60 * 1000,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(certFile && keyFile ? { tls: { certFile: resolve(certFile), keyFile: resolve(keyFile) } } : {}),
    rateLimit: {
      perMinute: positiveNumber(env, 'FIELDBOOK_RATE_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute),
      burst: positiveNumber(env, 'FIELDBOOK_RATE_BURST', DEFAULT_RATE_LIMIT.burst),
    },
  };
}
