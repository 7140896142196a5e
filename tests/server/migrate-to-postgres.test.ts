// Moving a SQLite data folder into PostgreSQL: every row, in order, checked, all or nothing.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtInSeed } from '../../server/forms';
import { checkSubmission } from '../../server/ingest';
import { copySqliteToPostgres } from '../../server/store/copy-to-postgres';
import { openPostgres } from '../../server/store/postgres';
import { DATABASE_FILE, openSqliteStore } from '../../server/store/sqlite';
import type { NewSubmission, Store, SubmissionStore } from '../../server/store/types';
import { DEFAULT_FORM_ID, makeSubmissions } from '../fixtures/submissions';
import { describeWithPostgres, startCluster, type TestCluster } from '../helpers/postgres';
import { makeTempDir, removeDir } from '../helpers/server';

const OTHER_FORM_ID = 'gender-sensitivity';
const ATTACHED_ID = '0b7d7c6e-3f3a-4d2e-9a56-1c2b3d4e5f60';
const run = promisify(execFile);

const itemsOf = (n: number, formId: string) => makeSubmissions(n, formId).map((s) => (checkSubmission(s) as { ok: true; item: NewSubmission }).item);

/** What identifies a stored row, in the order a form reads back. */
async function rowsOf(store: SubmissionStore, formId: string): Promise<string[]> {
  const out: string[] = [];
  for await (const r of store.iterateForm(formId)) out.push([r.id, r.hash, r.receivedAt, r.formVersion, r.deviceId].join(' '));
  return out;
}

/** The registry as read back: every form with its state and every version. */
async function registryOf(store: Store): Promise<unknown[]> {
  const entries = await store.forms.list();
  return Promise.all(entries.map(async (e) => ({ id: e.id, state: e.state, versions: await store.forms.versions(e.id) })));
}

/**
 * A data folder whose SQLite file holds the built-in forms (one of them published again as
 * version 2, another closing) and `perForm` submissions of two forms, received in interleaved batches.
 */
async function sqliteFolder(perForm: number): Promise<string> {
  const dir = makeTempDir();
  const store = openSqliteStore(dir);
  await store.forms.seed(builtInSeed(), '2026-01-01T00:00:00.000Z');
  const workshop = await store.forms.version(DEFAULT_FORM_ID, 1);
  await store.forms.publish(DEFAULT_FORM_ID, () => ({ kind: 'insert', version: 2, hash: 'second-hash', definition: workshop!.definition.replace('"version":1', '"version":2'), result: undefined }), 'coordinator', '2026-02-01T00:00:00.000Z');
  await store.forms.setState(OTHER_FORM_ID, 'closing', '2026-03-01T00:00:00.000Z');
  // Devices: one enrolled, one with a link still pending, one revoked, the shared entry; and the audit log.
  for (const [id, expiresAt] of [['dev-a', '2026-12-01T00:00:00.000Z'], ['dev-b', '2026-12-02T00:00:00.000Z'], ['dev-c', '2026-12-03T00:00:00.000Z']] as const) {
    await store.devices.createDevice({ id, label: `Laptop ${id}`, createdAt: '2026-01-02T00:00:00.000Z' }, { hash: `code-${id}`, expiresAt });
    await store.audit.append({ at: '2026-01-02T00:00:00.000Z', actor: 'coordinator', action: 'device.create', target: id, details: { label: `Laptop ${id}` } });
  }
  await store.devices.redeemCode('code-dev-a', 'credential-a', '2026-01-03T00:00:00.000Z');
  await store.devices.addStored('dev-a', 42);
  await store.devices.revoke('dev-c', '2026-01-04T00:00:00.000Z');
  await store.devices.ensureShared('shared-credential', 'Shared token', '2026-01-01T00:00:00.000Z');
  // Two files of one submission (the rows only: the files stay in the shared attachments folder).
  for (const n of [1, 2]) {
    await store.attachments.record({ submissionId: ATTACHED_ID, sha256: String(n).repeat(64), size: n * 100, type: 'image/png', deviceId: 'dev-a', receivedAt: '2026-01-03T00:00:00.000Z' }, 1_000);
  }
  const [a, b] = [itemsOf(perForm, DEFAULT_FORM_ID), itemsOf(perForm, OTHER_FORM_ID)];
  for (let i = 0; i < perForm; i += 500) {
    await store.ingest([...a.slice(i, i + 500), ...b.slice(i, i + 500)], new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
  }
  await store.close();
  return dir;
}

/** Rows in PostgreSQL's submissions table, or undefined when there is no such table. */
async function submissionsIn(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: string | null }>("SELECT to_regclass('submissions')::text AS exists");
    if (rows[0]?.exists === null) return undefined;
    return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM submissions')).rows[0]?.n);
  } finally {
    await client.end();
  }
}

describeWithPostgres('npm run migrate-to-postgres', () => {
  let cluster: TestCluster;
  let big: string;
  beforeAll(async () => {
    cluster = await startCluster();
    big = await sqliteFolder(5_000);
  }, 120_000);
  afterAll(() => {
    cluster?.destroy();
    if (big) removeDir(big);
  });

  it('copies a data folder of 10,000 submissions and forms with versions and states, every row in its order, and refuses a second copy on top', async () => {
    const url = await cluster.createDatabase();
    const forms = builtInSeed().length;
    expect(await copySqliteToPostgres(big, url)).toEqual([
      { table: 'submissions', copied: 10_000 },
      { table: 'forms', copied: forms },
      { table: 'form_versions', copied: forms + 1 },
      { table: 'devices', copied: 4 },
      { table: 'enrollment_codes', copied: 3 },
      { table: 'audit_log', copied: 3 },
      { table: 'attachments', copied: 2 },
    ]);

    const sqlite = openSqliteStore(big);
    const postgres = await openPostgres(url);
    try {
      expect(await postgres.store.count()).toBe(10_000);
      for (const formId of [DEFAULT_FORM_ID, OTHER_FORM_ID]) {
        const expected = await rowsOf(sqlite, formId);
        expect(expected).toHaveLength(5_000);
        expect(await rowsOf(postgres.store, formId)).toEqual(expected);
      }
      expect(await registryOf(postgres.store)).toEqual(await registryOf(sqlite));
      const now = '2026-01-05T00:00:00.000Z';
      expect(await postgres.store.devices.list(now)).toEqual(await sqlite.devices.list(now));
      expect((await postgres.store.devices.byCredential('credential-a'))?.submissionsStored).toBe(42);
      expect(await postgres.store.audit.list({ limit: 10 })).toEqual(await sqlite.audit.list({ limit: 10 }));
      expect(await postgres.store.attachments.list(ATTACHED_ID)).toEqual(await sqlite.attachments.list(ATTACHED_ID));
      expect(await postgres.store.attachments.totalBytes(ATTACHED_ID)).toBe(300);
      // New entries are numbered after the copied ones.
      expect((await postgres.store.audit.append({ at: now, actor: 'coordinator', action: 'after' })).id).toBe(4);
      expect((await postgres.store.forms.versions(DEFAULT_FORM_ID)).map((v) => v.version)).toEqual([1, 2]);
      await expect(copySqliteToPostgres(big, url)).rejects.toThrow(/already has 10000 rows/);
      expect(await postgres.store.count()).toBe(10_000);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  }, 60_000);

  it('refuses a SQLite file at another schema version, copying nothing', async () => {
    const dir = await sqliteFolder(2);
    try {
      const db = new Database(join(dir, DATABASE_FILE));
      db.pragma('user_version = 99');
      db.close();
      const url = await cluster.createDatabase();
      await expect(copySqliteToPostgres(dir, url)).rejects.toThrow(/schema version 99/);
      expect(await submissionsIn(url)).toBeUndefined();
    } finally {
      removeDir(dir);
    }
  });

  it('all or nothing: a row PostgreSQL refuses after a thousand were written leaves the table empty', async () => {
    const dir = await sqliteFolder(800);
    try {
      const db = new Database(join(dir, DATABASE_FILE));
      db.prepare('UPDATE submissions SET received_at = ? WHERE seq = 1200').run('not a time');
      db.close();
      const url = await cluster.createDatabase();
      await expect(copySqliteToPostgres(dir, url)).rejects.toThrow(/not a time/);
      expect(await submissionsIn(url)).toBe(0);
    } finally {
      removeDir(dir);
    }
  });

  it('runs from npm: DATA_DIR in, DATABASE_URL out, a readable failure without DATABASE_URL', async () => {
    const dir = await sqliteFolder(3);
    try {
      const url = await cluster.createDatabase();
      const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: url };
      const { stdout } = await run('npm', ['run', '--silent', 'migrate-to-postgres'], { env });
      expect(stdout).toContain('submissions: 6 rows copied; counts and contents match.');
      expect(stdout).toContain('form_versions: 5 rows copied; counts and contents match.');
      expect(stdout).not.toContain(url);

      const { DATABASE_URL: _none, ...withoutUrl } = env;
      const failed = await run('npm', ['run', '--silent', 'migrate-to-postgres'], { env: withoutUrl }).then(
        () => undefined,
        (error: { code?: number; stderr?: string }) => error,
      );
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain('Set DATABASE_URL=postgres://');
    } finally {
      removeDir(dir);
    }
  }, 60_000);
});
