// Stopping and starting on the same data folder loses nothing; the entry point prints,
// keeps tokens out of its log, and stops cleanly on a signal.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_FILES } from '../../server/tokens';
import { SubmitResponseSchema } from '../../src/sync/api';
import { makeSubmissions } from '../fixtures/submissions';
import { parseCsv } from '../helpers/csv-parse';
import { spawnMain } from '../helpers/main-process';
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
  it('keeps every submission and the coordinator token, and makes no shared device token', async () => {
    const dataDir = tempDir();
    // A shared token as FIELDBOOK_DEVICE_TOKEN gives it, the same at both starts.
    const shared = 'shared-device-token-0123456789';
    const first = await startTestServer({ dataDir, deviceToken: shared });
    const batch = makeSubmissions(25);
    expect((await postSubmissions(first, { submissions: batch })).status).toBe(200);
    const { deviceToken, coordinatorToken } = first;
    await first.stop();

    expect(statSync(join(dataDir, TOKEN_FILES.coordinator)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, TOKEN_FILES.device))).toBe(false);

    const second = await startTestServer({ dataDir, deviceToken: shared });
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

describe('server/main.ts', () => {
  it('prints the URL, the data folder, where the coordinator token is, a single-use link for a first device and how to enroll more, then stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const main = spawnMain({ DATA_DIR: dataDir });
    const url = await main.listening;
    const coordinatorToken = readFileSync(join(dataDir, TOKEN_FILES.coordinator), 'utf8').trim();
    const out = main.output();
    expect(out).toContain(`Data folder: ${dataDir}`);
    expect(out).toContain(`Coordinator token: in ${join(dataDir, TOKEN_FILES.coordinator)}`);
    expect(out).toContain('npm run enroll -- --label');
    expect(existsSync(join(dataDir, TOKEN_FILES.device))).toBe(false);
    const code = new RegExp(`${url}/#enroll=([A-Za-z0-9_-]+)`).exec(out)?.[1] ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const enroll = (body: unknown) => fetch(`${url}/api/v1/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const enrolled = (await enroll({ code }).then((r) => r.json())) as { token: string };
    expect((await enroll({ code })).status).toBe(410);
    const answer = await fetch(`${url}/api/v1/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${enrolled.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions: makeSubmissions(2) }),
    });
    expect(answer.status).toBe(200);
    await fetch(`${url}/api/v1/submissions`, { method: 'POST', headers: { Authorization: 'Bearer wrong-token-0123456789' }, body: '{' });

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    const log = main.output();
    expect(log.split(code)).toHaveLength(2);
    expect(log).not.toContain(enrolled.token);
    expect(log).not.toContain(coordinatorToken);
    expect(log).not.toContain('wrong-token');
  });

  it('prints no first-device link once a device has enrolled, and a fresh one at each start until then', async () => {
    const dataDir = tempDir();
    const codeIn = async (main: ReturnType<typeof spawnMain>) => {
      const url = await main.listening;
      const code = new RegExp(`${url}/#enroll=([A-Za-z0-9_-]+)`).exec(main.output())?.[1];
      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      return { url, code };
    };
    const first = await codeIn(spawnMain({ DATA_DIR: dataDir }));
    const second = spawnMain({ DATA_DIR: dataDir });
    const url = await second.listening;
    const code = new RegExp(`${url}/#enroll=([A-Za-z0-9_-]+)`).exec(second.output())?.[1] ?? '';
    expect(code).not.toBe(first.code);
    const refused = await fetch(`${url}/api/v1/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: first.code }) });
    expect(refused.status).toBe(410);
    const ok = await fetch(`${url}/api/v1/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
    expect(ok.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const third = await codeIn(spawnMain({ DATA_DIR: dataDir }));
    expect(third.code).toBeUndefined();
  });

  it('exits with a clear message on a bad setting', async () => {
    const main = spawnMain({ DATA_DIR: tempDir(), PORT: 'eighty' });
    await expect(main.listening).rejects.toThrow(/PORT must be a port number/);
    expect(await main.exited).toBe(1);
  });
});
