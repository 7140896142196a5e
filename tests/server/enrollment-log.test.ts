// A whole run through the real entry point (its own process, stdout and stderr captured as an
// operator's log would be): enrollment by link, sync, a second device, revocation, a re-issued
// link, a bundle import. The log never holds a credential, a code or a token (the first-device
// link that `npm start` prints for a newcomer excepted, once), and the audit log tells the story.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeBundle } from '../../src/export/bundle';
import { AuditListSchema, EnrollmentLinkSchema, EnrollResponseSchema } from '../../src/sync/devices-api';
import { makeSubmissions } from '../fixtures/submissions';
import { spawnMain } from '../helpers/main-process';
import { api, enroll } from '../helpers/devices';
import { makeTempDir, removeDir, startTestServer } from '../helpers/server';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('the server log of a whole enrollment, sync and revocation', () => {
  it('holds no token and no code, and the audit log holds every coordinator action', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const shared = 'shared-token-for-scripts-0123456789';
    const main = spawnMain({ DATA_DIR: dataDir, FIELDBOOK_DEVICE_TOKEN: shared });
    const url = await main.listening;
    const coordinator = readFileSync(join(dataDir, 'coordinator.token'), 'utf8').trim();
    const firstCode = new RegExp(`${url}/#enroll=([A-Za-z0-9_-]+)`).exec(main.output())?.[1] ?? '';
    expect(firstCode).not.toBe('');
    const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: { ...(token && { Authorization: `Bearer ${token}` }), ...(body !== undefined && { 'Content-Type': 'application/json' }), 'X-App-Version': '0.1.0' },
        ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    };

    const first = EnrollResponseSchema.parse((await call('POST', '/enroll', undefined, { code: firstCode })).json);
    expect((await call('POST', '/submissions', first.token, { submissions: makeSubmissions(3) })).status).toBe(200);
    const created = EnrollmentLinkSchema.parse((await call('POST', '/devices', coordinator, { label: 'Bogotá laptop 2' })).json);
    const secondCode = /#enroll=(.+)$/.exec(created.enrollUrl)?.[1] ?? '';
    const second = EnrollResponseSchema.parse((await call('POST', '/enroll', undefined, { code: secondCode })).json);
    expect((await call('POST', '/enroll', undefined, { code: secondCode })).status).toBe(410);
    const viaShared = EnrollResponseSchema.parse((await call('POST', '/enroll', undefined, { code: shared })).json);
    expect((await call('POST', '/submissions', second.token, { submissions: makeSubmissions(2) })).status).toBe(200);
    expect((await call('DELETE', `/devices/${second.device.id}`, coordinator)).status).toBe(200);
    expect((await call('POST', '/submissions', second.token, { submissions: makeSubmissions(1) })).status).toBe(401);
    const reissued = EnrollmentLinkSchema.parse((await call('POST', `/devices/${first.device.id}/enrollment`, coordinator)).json);
    const bundle = await makeBundle('offline-laptop', makeSubmissions(2));
    expect((await call('POST', '/bundles', coordinator, bundle)).status).toBe(200);
    // Failures that might tempt a server to log what it was given.
    expect((await call('POST', '/enroll', undefined, { code: 'guessed-code-0123456789' })).status).toBe(404);
    expect((await call('POST', '/submissions', 'wrong-token-0123456789', '{')).status).toBe(401);
    expect((await call('POST', '/submissions', first.token, '{not json')).status).toBe(400);

    const audit = AuditListSchema.parse((await call('GET', '/audit', coordinator)).json).entries;
    expect(audit.map((e) => [e.actor, e.action]).reverse()).toEqual([
      ['server start', 'device.create'],
      [`device:${first.device.id}`, 'device.enroll'],
      ['coordinator', 'device.create'],
      [`device:${second.device.id}`, 'device.enroll'],
      [`device:${viaShared.device.id}`, 'device.enroll'],
      ['coordinator', 'device.revoke'],
      ['coordinator', 'device.reissue'],
      ['coordinator', 'bundle.import'],
    ]);
    expect(audit[0]?.details).toEqual({ submissions: 2, stored: 2, duplicate: 0, rejected: 0 });
    expect(audit.find((e) => e.action === 'device.revoke')).toMatchObject({ target: second.device.id, details: { label: 'Bogotá laptop 2' } });

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    const log = main.output();
    expect(log).toContain('listening on');
    // The newcomer's link, printed once at start by design; nothing else secret, ever.
    expect(log.split(firstCode)).toHaveLength(2);
    const reissuedCode = /#enroll=(.+)$/.exec(reissued.enrollUrl)?.[1] ?? '';
    for (const secret of [first.token, second.token, viaShared.token, secondCode, reissuedCode, shared, coordinator, 'guessed-code', 'wrong-token']) {
      expect(log).not.toContain(secret);
    }
    expect(JSON.stringify(audit)).not.toMatch(new RegExp([first.token, second.token, secondCode, reissuedCode, shared, coordinator].join('|')));
  });
});

describe('npm run enroll', () => {
  it('creates a device in the data folder and prints its single-use link and a QR code', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const run = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/enroll.ts', '--label', 'Bogotá laptop 2'], {
      cwd: process.cwd(),
      env: { ...process.env, DATA_DIR: dataDir, FIELDBOOK_PUBLIC_URL: 'https://survey.example.org' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const code = /https:\/\/survey\.example\.org\/#enroll=([A-Za-z0-9_-]{43})\n/.exec(run.stdout)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(run.stdout).toContain('█');
    const server = await startTestServer({ dataDir });
    try {
      const enrolled = await enroll(server, code);
      expect(EnrollResponseSchema.parse(enrolled.json).device.label).toBe('Bogotá laptop 2');
      const audit = AuditListSchema.parse((await api(server, 'GET', '/audit', { token: server.coordinatorToken })).json).entries;
      expect(audit.map((e) => [e.actor, e.action]).reverse()).toEqual([
        ['command line', 'device.create'],
        [`device:${EnrollResponseSchema.parse(enrolled.json).device.id}`, 'device.enroll'],
      ]);
    } finally {
      await server.stop();
    }
    const bad = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['server/enroll.ts'], { cwd: process.cwd(), env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('npm run enroll -- --label');
  });
});
