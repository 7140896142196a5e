// Stopping and starting on the same data folder loses nothing; the entry point prints,
// keeps tokens out of its log, and stops cleanly on a signal.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_FILES } from '../../server/tokens';
import { SubmitResponseSchema } from '../../src/sync/api';
import { makeSubmissions } from '../fixtures/submissions';
import { parseCsv } from '../helpers/csv-parse';
import { get, makeTempDir, postSubmissions, removeDir, startTestServer, type TestServer } from '../helpers/server';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});
function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}

async function exportRows(server: TestServer): Promise<number> {
  const answer = await get(server, '/api/v1/forms/workshop-feedback/submissions.csv', server.coordinatorToken);
  return parseCsv(answer.text.replace(/^\uFEFF/, '')).length - 1;
}

describe('restart on the same data folder', () => {
  it('keeps every submission and both tokens', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const batch = makeSubmissions(25);
    expect((await postSubmissions(first, { submissions: batch })).status).toBe(200);
    const { deviceToken, coordinatorToken } = first;
    await first.stop();

    for (const role of ['device', 'coordinator'] as const) {
      expect(statSync(join(dataDir, TOKEN_FILES[role])).mode & 0o777).toBe(0o600);
    }

    const second = await startTestServer({ dataDir });
    try {
      expect(second.deviceToken).toBe(deviceToken);
      expect(second.coordinatorToken).toBe(coordinatorToken);
      expect(second.count()).toBe(25);
      expect(await exportRows(second)).toBe(25);
      // The same device token still works, and a retry after the restart is a duplicate.
      const retry = await postSubmissions(second, { submissions: batch });
      expect(SubmitResponseSchema.parse(retry.json).results.every((r) => r.status === 'duplicate')).toBe(true);
      expect(second.count()).toBe(25);
    } finally {
      await second.stop();
    }
  });

  it('takes tokens from the environment over the files, and refuses weak or equal ones', async () => {
    const dataDir = tempDir();
    const device = 'device-token-from-env-0123456789';
    const server = await startTestServer({ dataDir, deviceToken: device, coordinatorToken: 'coordinator-token-from-env-0123' });
    try {
      expect(server.deviceToken).toBe(device);
      expect((await postSubmissions(server, { submissions: [] }, { token: device })).status).toBe(200);
    } finally {
      await server.stop();
    }
    await expect(startTestServer({ dataDir, deviceToken: 'short' })).rejects.toThrow(/16 to 512/);
    await expect(startTestServer({ dataDir, deviceToken: device, coordinatorToken: device })).rejects.toThrow(/differ/);
  });
});

/** Runs `tsx server/main.ts` as `npm run serve` would, until the server says it listens. */
function spawnMain(env: Record<string, string>) {
  const child = spawn(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${output}`)), 20_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening:\n${output}`));
    });
  });
  return { child, listening, exited, output: () => output };
}

describe('server/main.ts', () => {
  it('prints the URL, the data folder and the enrollment link (the only place the token appears), then stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const main = spawnMain({ DATA_DIR: dataDir });
    const url = await main.listening;
    const deviceToken = readFileSync(join(dataDir, TOKEN_FILES.device), 'utf8').trim();
    const coordinatorToken = readFileSync(join(dataDir, TOKEN_FILES.coordinator), 'utf8').trim();
    expect(main.output()).toContain(`Data folder: ${dataDir}`);
    expect(main.output()).toContain(`${url}/#enroll=${deviceToken}`);

    const answer = await fetch(`${url}/api/v1/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${deviceToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions: makeSubmissions(2) }),
    });
    expect(answer.status).toBe(200);
    await fetch(`${url}/api/v1/submissions`, { method: 'POST', headers: { Authorization: 'Bearer wrong-token-0123456789' }, body: '{' });

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    const log = main.output();
    expect(log.split(deviceToken)).toHaveLength(2);
    expect(log).not.toContain(coordinatorToken);
    expect(log).not.toContain('wrong-token');
  });

  it('exits with a clear message on a bad setting', async () => {
    const main = spawnMain({ DATA_DIR: tempDir(), PORT: 'eighty' });
    await expect(main.listening).rejects.toThrow(/PORT must be a port number/);
    expect(await main.exited).toBe(1);
  });
});
