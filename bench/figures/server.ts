// Server figures: ingest rate against a bare node:http + better-sqlite3 baseline, and peak
// memory while streaming a 100,000-row CSV.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/server';
import { newToken } from '../../server/tokens';
import { openSqliteStore } from '../../server/store/sqlite';
import { batches, makeSubmissions } from '../lib/submissions';

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `fieldbook-bench-${name}-`));

/** Posts every batch in turn; returns submissions per second. */
async function postAll(url: string, token: string, bodies: string[], total: number): Promise<number> {
  const started = performance.now();
  for (const body of bodies) {
    const response = await fetch(`${url}/api/v1/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
    if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  }
  return total / ((performance.now() - started) / 1000);
}

/** The baseline: parse JSON, insert rows straight with better-sqlite3 in one transaction per batch. */
async function startBareServer(dataDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const db = new Database(join(dataDir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE s (id TEXT PRIMARY KEY, form_id TEXT, form_version INTEGER, device_id TEXT, received_at TEXT, content_hash TEXT, json TEXT)');
  const insert = db.prepare('INSERT OR IGNORE INTO s VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertAll = db.transaction((rows: Array<{ id: string; formId: string; formVersion: number; meta: { deviceId: string } }>) => {
    const now = new Date().toISOString();
    for (const r of rows) {
      const json = JSON.stringify(r);
      insert.run(r.id, r.formId, r.formVersion, r.meta.deviceId, now, createHash('sha256').update(json).digest('hex'), json);
    }
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { submissions } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      insertAll(submissions);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ results: submissions.map((s: { id: string }) => ({ id: s.id, status: 'stored' })) }));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((done) => server.close(() => (db.close(), done()))),
  };
}

/** One ingest run of `count` submissions in batches of 200 on each server: [fieldbook, bare] per second. */
export async function ingestRun(count = 10_000): Promise<{ fieldbook: number; bare: number }> {
  const bodies = batches(makeSubmissions(count, 'workshop-feedback', { answerAll: true }), 200).map((b) => JSON.stringify({ submissions: b }));
  const dataDir = tempDir('ingest');
  try {
    const deviceToken = newToken();
    const fb = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dataDir, 'fb'), deviceToken, rateLimit: { perMinute: 1e6, burst: 1e6 } });
    const fieldbook = await postAll(fb.url, deviceToken, bodies, count).finally(() => fb.close());
    const bare = await startBareServer(dataDir);
    const bareRate = await postAll(bare.url, 'x', bodies, count).finally(() => bare.close());
    return { fieldbook, bare: bareRate };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Peak RSS (MB) of a real server process streaming a CSV of `rows` stored submissions. */
export async function csvStreamPeakMB(rows = 100_000): Promise<{ peakMB: number; bytes: number; ms: number }> {
  const dataDir = tempDir('csv');
  try {
    const store = openSqliteStore(dataDir);
    for (const batch of batches(makeSubmissions(rows, 'workshop-feedback', { answerAll: true }), 2000)) {
      await store.ingest(
        batch.map((s) => {
          const json = JSON.stringify(s);
          return { id: s.id, formId: s.formId, formVersion: s.formVersion, deviceId: s.meta.deviceId, hash: createHash('sha256').update(json).digest('hex'), json };
        }),
        new Date().toISOString(),
      );
    }
    await store.close();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, FIELDBOOK_COORDINATOR_TOKEN: 'bench-coordinator-token-0123456789' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((found, fail) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) found(match[1]);
        });
        child.once('exit', () => fail(new Error(`server exited: ${out}`)));
      });
      const started = performance.now();
      const response = await fetch(`${url}/api/v1/forms/workshop-feedback/submissions.csv`, { headers: { Authorization: 'Bearer bench-coordinator-token-0123456789' } });
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      const ms = performance.now() - started;
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const peakKB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
      return { peakMB: peakKB / 1024, bytes, ms };
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
