// Devices one by one (PRODUCT.md section 8) against the real server and SQLite file: each status
// of creation, enrollment, revocation and re-issue, roles, and what the store keeps.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { SubmitResponseSchema } from '../../src/sync/api';
import { DeviceListSchema, EnrollmentLinkSchema, EnrollResponseSchema, type Device } from '../../src/sync/devices-api';
import { makeSubmissions } from '../fixtures/submissions';
import { api, codeOf, createDevice, enroll, enrolledDevice } from '../helpers/devices';
import { makeTempDir, postSubmissions, removeDir, startTestServer, type TestServer } from '../helpers/server';

const DAY_MS = 24 * 60 * 60 * 1000;

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => server?.stop());

async function devices(s = server): Promise<Device[]> {
  return DeviceListSchema.parse((await api(s, 'GET', '/devices', { token: s.coordinatorToken })).json).devices;
}

const errorCode = (json: unknown) => (json as { error: { code: string; message: string } }).error.code;

describe('POST /api/v1/devices', () => {
  it('creates a device with a single-use link on the origin the coordinator reached, working for 7 days', async () => {
    const before = Date.now();
    const answer = await createDevice(server, '  Bogotá laptop 2 ');
    expect(answer.status).toBe(201);
    const link = EnrollmentLinkSchema.parse(answer.json);
    expect(link.device.label).toBe('Bogotá laptop 2');
    expect(link.enrollUrl).toMatch(new RegExp(`^${server.url}/#enroll=[A-Za-z0-9_-]{43}$`));
    const ttl = Date.parse(link.expiresAt) - before;
    expect(ttl).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * DAY_MS + 1000);
    const listed = (await devices()).find((d) => d.id === link.device.id);
    expect(listed).toMatchObject({ label: 'Bogotá laptop 2', kind: 'device', submissionsStored: 0, pendingLinks: [{ expiresAt: link.expiresAt }] });
    expect(listed?.enrolledAt).toBeUndefined();
  });

  it.each([
    [{}, 400],
    [{ label: '   ' }, 400],
    [{ label: 'x'.repeat(121) }, 400],
    [{ label: 'ok', extra: 1 }, 400],
  ])('refuses %j with %i and makes nothing', async (body, status) => {
    expect((await api(server, 'POST', '/devices', { token: server.coordinatorToken, body })).status).toBe(status);
    expect((await devices()).filter((d) => d.kind === 'device')).toEqual([]);
  });

  it('is for the coordinator only: 401 without a token, 403 with a device credential or the shared token', async () => {
    const device = await enrolledDevice(server, 'field laptop');
    expect((await api(server, 'POST', '/devices', { body: { label: 'x' } })).status).toBe(401);
    const asDevice = await api(server, 'POST', '/devices', { token: device.token, body: { label: 'x' } });
    expect([asDevice.status, errorCode(asDevice.json)]).toEqual([403, 'forbidden']);
    expect((await api(server, 'POST', '/devices', { token: server.deviceToken, body: { label: 'x' } })).status).toBe(403);
    for (const [method, path] of [['GET', '/devices'], ['DELETE', `/devices/${device.id}`], ['POST', `/devices/${device.id}/enrollment`], ['GET', '/audit']] as const) {
      expect((await api(server, method, path, { token: device.token })).status, `${method} ${path}`).toBe(403);
    }
    expect((await devices()).find((d) => d.id === device.id)?.revokedAt).toBeUndefined();
  });
});

describe('POST /api/v1/enroll', () => {
  it('gives the device a credential of its own that submits; the same link a second time is refused', async () => {
    const link = EnrollmentLinkSchema.parse((await createDevice(server, 'Quito tablet')).json);
    const first = await enroll(server, codeOf(link.enrollUrl));
    expect(first.status).toBe(200);
    const { device, token } = EnrollResponseSchema.parse(first.json);
    expect(device).toEqual(link.device);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await postSubmissions(server, { submissions: makeSubmissions(3) }, { token })).status).toBe(200);

    const second = await enroll(server, codeOf(link.enrollUrl));
    expect(second.status).toBe(410);
    expect(errorCode(second.json)).toBe('enrollment_used');
    expect((second.json as { error: { message: string } }).error.message).toMatch(/already used.*Ask your coordinator for a new one/);
    const listed = (await devices()).find((d) => d.id === device.id);
    expect(listed?.pendingLinks).toEqual([]);
    expect(listed?.submissionsStored).toBe(3);
    expect(listed?.enrolledAt).toBeDefined();
  });

  it('lets exactly one of two devices racing with one link win', async () => {
    const link = EnrollmentLinkSchema.parse((await createDevice(server, 'race')).json);
    const answers = await Promise.all(Array.from({ length: 6 }, () => enroll(server, codeOf(link.enrollUrl))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410, 410]);
  });

  it('refuses an expired link with 410 enrollment_expired, an unknown one with 404, a malformed body with 400', async () => {
    const short = await startTestServer({ enrollmentTtlMs: 50 });
    try {
      const link = EnrollmentLinkSchema.parse((await createDevice(short, 'late')).json);
      await new Promise((done) => setTimeout(done, 120));
      const expired = await enroll(short, codeOf(link.enrollUrl));
      expect([expired.status, errorCode(expired.json)]).toEqual([410, 'enrollment_expired']);
      expect((await devices(short)).find((d) => d.id === link.device.id)).toMatchObject({ pendingLinks: [] });
      expect((await devices(short)).find((d) => d.id === link.device.id)?.enrolledAt).toBeUndefined();
    } finally {
      await short.stop();
    }
    const unknown = await enroll(server, 'no-such-code-0123456789abcdef');
    expect([unknown.status, errorCode(unknown.json)]).toEqual([404, 'enrollment_unknown']);
    expect((await api(server, 'POST', '/enroll', { body: { token: 'x' } })).status).toBe(400);
    expect((await enroll(server, server.coordinatorToken)).status).toBe(404);
  });
});

describe('DELETE /api/v1/devices/{id}', () => {
  it("revokes: the device's next request gets 401 device_revoked, others go on", async () => {
    const lost = await enrolledDevice(server, 'lost laptop');
    const kept = await enrolledDevice(server, 'kept laptop');
    expect((await postSubmissions(server, { submissions: [] }, { token: lost.token })).status).toBe(200);
    const revoked = await api(server, 'DELETE', `/devices/${lost.id}`, { token: server.coordinatorToken });
    expect(revoked.status).toBe(200);
    expect((revoked.json as { device: Device }).device.revokedAt).toBeDefined();

    const refused = await postSubmissions(server, { submissions: makeSubmissions(2) }, { token: lost.token });
    expect([refused.status, errorCode(refused.json)]).toEqual([401, 'device_revoked']);
    expect(server.count()).toBe(0);
    expect((await postSubmissions(server, { submissions: makeSubmissions(2) }, { token: kept.token })).status).toBe(200);
    // Again is harmless; an unknown id is a 404.
    expect((await api(server, 'DELETE', `/devices/${lost.id}`, { token: server.coordinatorToken })).status).toBe(200);
    expect((await api(server, 'DELETE', '/devices/nope', { token: server.coordinatorToken })).status).toBe(404);
  });

  it("withdraws a device's pending link", async () => {
    const link = EnrollmentLinkSchema.parse((await createDevice(server, 'never came')).json);
    await api(server, 'DELETE', `/devices/${link.device.id}`, { token: server.coordinatorToken });
    const answer = await enroll(server, codeOf(link.enrollUrl));
    expect([answer.status, errorCode(answer.json)]).toEqual([410, 'enrollment_withdrawn']);
  });
});

describe('POST /api/v1/devices/{id}/enrollment (re-issue)', () => {
  it('gives a new link; the earlier link is withdrawn, and enrolling again replaces the old credential', async () => {
    const created = EnrollmentLinkSchema.parse((await createDevice(server, 'wiped laptop')).json);
    const again = await api(server, 'POST', `/devices/${created.device.id}/enrollment`, { token: server.coordinatorToken });
    expect(again.status).toBe(201);
    const link = EnrollmentLinkSchema.parse(again.json);
    expect(link.device).toEqual(created.device);
    expect(link.enrollUrl).not.toBe(created.enrollUrl);
    expect(errorCode((await enroll(server, codeOf(created.enrollUrl))).json)).toBe('enrollment_withdrawn');
    const { token: oldToken } = EnrollResponseSchema.parse((await enroll(server, codeOf(link.enrollUrl))).json);

    const third = EnrollmentLinkSchema.parse((await api(server, 'POST', `/devices/${created.device.id}/enrollment`, { token: server.coordinatorToken })).json);
    const { token } = EnrollResponseSchema.parse((await enroll(server, codeOf(third.enrollUrl))).json);
    const stale = await postSubmissions(server, { submissions: [] }, { token: oldToken });
    expect([stale.status, errorCode(stale.json)]).toEqual([401, 'unauthorized']);
    expect((await postSubmissions(server, { submissions: [] }, { token })).status).toBe(200);
    expect((await devices()).filter((d) => d.kind === 'device')).toHaveLength(1);
  });

  it('refuses a revoked device (409) and an unknown one (404)', async () => {
    const device = await enrolledDevice(server, 'gone');
    await api(server, 'DELETE', `/devices/${device.id}`, { token: server.coordinatorToken });
    expect((await api(server, 'POST', `/devices/${device.id}/enrollment`, { token: server.coordinatorToken })).status).toBe(409);
    expect((await api(server, 'POST', '/devices/nope/enrollment', { token: server.coordinatorToken })).status).toBe(404);
  });
});

describe('GET /api/v1/devices', () => {
  it('shows when each device was enrolled and last seen, its app version and what it stored', async () => {
    const device = await enrolledDevice(server, 'Dakar laptop');
    const headers = { 'X-App-Version': '0.2.0' };
    const batch = makeSubmissions(4);
    const answer = await api(server, 'POST', '/submissions', { token: device.token, headers, body: { submissions: batch } });
    expect(SubmitResponseSchema.parse(answer.json).results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored']);
    // A retry stores nothing new, and counts nothing.
    await api(server, 'POST', '/submissions', { token: device.token, headers, body: { submissions: batch } });
    const listed = (await devices()).find((d) => d.id === device.id);
    expect(listed).toMatchObject({ label: 'Dakar laptop', appVersion: '0.2.0', submissionsStored: 4 });
    expect(Date.parse(listed?.lastSeenAt ?? '')).toBeGreaterThanOrEqual(Date.parse(listed?.enrolledAt ?? ''));
    // Any request counts as seen, not only submissions; a new version is noted at once.
    await api(server, 'POST', '/submissions', { token: device.token, headers: { 'X-App-Version': '0.3.0' }, body: { submissions: [] } });
    expect((await devices()).find((d) => d.id === device.id)?.appVersion).toBe('0.3.0');
  });
});

describe('rate limits', () => {
  it('count per device: one device over its limit gets 429, another device is not held back', async () => {
    const limited = await startTestServer({ rateLimit: { perMinute: 1, burst: 3 } });
    try {
      const a = await enrolledDevice(limited, 'a');
      const b = await enrolledDevice(limited, 'b');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await postSubmissions(limited, { submissions: [] }, { token: a.token })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const held = await postSubmissions(limited, { submissions: [] }, { token: a.token });
      expect(Number(held.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect((await postSubmissions(limited, { submissions: [] }, { token: b.token })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('the shared device token (FIELDBOOK_DEVICE_TOKEN)', () => {
  it('submits, enrolls any number of devices as a reusable code, is listed once as "Shared token", and can be retired', async () => {
    expect((await postSubmissions(server, { submissions: makeSubmissions(2) })).status).toBe(200);
    const one = EnrollResponseSchema.parse((await enroll(server, server.deviceToken)).json);
    const two = EnrollResponseSchema.parse((await enroll(server, server.deviceToken)).json);
    expect(one.token).not.toBe(two.token);
    expect(one.token).not.toBe(server.deviceToken);
    const shared = (await devices()).filter((d) => d.kind === 'shared');
    expect(shared).toMatchObject([{ id: 'shared', label: 'Shared token', submissionsStored: 2 }]);

    expect((await api(server, 'DELETE', '/devices/shared', { token: server.coordinatorToken })).status).toBe(200);
    const refused = await postSubmissions(server, { submissions: [] });
    expect([refused.status, errorCode(refused.json)]).toEqual([401, 'device_revoked']);
    expect(errorCode((await enroll(server, server.deviceToken)).json)).toBe('enrollment_withdrawn');
    // Devices that enrolled with it have credentials of their own and go on.
    expect((await postSubmissions(server, { submissions: [] }, { token: one.token })).status).toBe(200);
  });

  it("of a data folder from before (device.token) keeps working, listed as shared, until retired; retired stays retired after a restart", async () => {
    const dataDir = makeTempDir();
    try {
      const old = 'old-device-token-from-before-0123456789';
      writeFileSync(join(dataDir, 'device.token'), `${old}\n`, { mode: 0o600 });
      const first = await startTestServer({ dataDir, deviceToken: null });
      try {
        expect((await postSubmissions(first, { submissions: makeSubmissions(1) }, { token: old })).status).toBe(200);
        expect((await devices(first)).map((d) => [d.kind, d.label, d.submissionsStored])).toEqual([['shared', 'Shared token', 1]]);
        expect((await api(first, 'DELETE', '/devices/shared', { token: first.coordinatorToken })).status).toBe(200);
      } finally {
        await first.stop();
      }
      const second = await startTestServer({ dataDir, deviceToken: null });
      try {
        expect(errorCode((await postSubmissions(second, { submissions: [] }, { token: old })).json)).toBe('device_revoked');
      } finally {
        await second.stop();
      }
    } finally {
      removeDir(dataDir);
    }
  });

  it('is not made when none is given', async () => {
    const plain = await startTestServer({ deviceToken: null });
    try {
      expect(await devices(plain)).toEqual([]);
    } finally {
      await plain.stop();
    }
  });
});

describe('the store', () => {
  it('keeps hashes only: no credential, code or token is anywhere in the database file', async () => {
    const link = EnrollmentLinkSchema.parse((await createDevice(server, 'hash check')).json);
    const { token } = EnrollResponseSchema.parse((await enroll(server, codeOf(link.enrollUrl))).json);
    const pending = EnrollmentLinkSchema.parse((await createDevice(server, 'pending')).json);
    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const everything = JSON.stringify(
        ['devices', 'enrollment_codes', 'audit_log'].map((table) => db.prepare(`SELECT * FROM ${table}`).all()),
      );
      for (const secret of [token, codeOf(link.enrollUrl), codeOf(pending.enrollUrl), server.deviceToken, server.coordinatorToken]) {
        expect(everything).not.toContain(secret);
      }
      expect(everything).toContain('hash check');
    } finally {
      db.close();
    }
  });
});

describe('GET /api/v1/audit', () => {
  it('pages newest first with limit and before, and refuses a bad limit', async () => {
    for (const label of ['one', 'two', 'three']) await createDevice(server, label);
    const page = async (query: string) => api(server, 'GET', `/audit${query}`, { token: server.coordinatorToken });
    const newest = (await page('?limit=2')).json as { entries: Array<{ id: number; details: { label: string } }> };
    expect(newest.entries.map((e) => e.details.label)).toEqual(['three', 'two']);
    const older = (await page(`?limit=2&before=${newest.entries[1]?.id}`)).json as { entries: Array<{ details: { label: string } }> };
    expect(older.entries.map((e) => e.details.label)).toEqual(['one']);
    expect((await page('?limit=0')).status).toBe(400);
    expect((await page('?limit=abc')).status).toBe(400);
    expect((await api(server, 'GET', '/audit')).status).toBe(401);
  });
});

describe('the audit log of form actions (issue 12 through the audit API)', () => {
  it('records a publication and a state change, not an unchanged publication', async () => {
    const form = {
      id: 'audited-form',
      title: 'Audited form',
      sections: [{ id: 'main', title: 'Main', questions: [{ id: 'sex', type: 'single', label: 'Sex', options: ['female', 'male', 'other', 'prefer_not_to_say'].map((o) => ({ id: o, label: o })) }] }],
    };
    const token = server.coordinatorToken;
    expect((await api(server, 'POST', '/forms', { token, body: form })).status).toBe(201);
    expect((await api(server, 'POST', '/forms', { token, body: form })).status).toBe(200);
    expect((await api(server, 'PATCH', '/forms/audited-form', { token, body: { state: 'closing' } })).status).toBe(200);
    const entries = ((await api(server, 'GET', '/audit', { token })).json as { entries: Array<{ action: string; target: string; details: unknown }> }).entries;
    expect(entries.map((e) => [e.action, e.target, e.details])).toEqual([
      ['form.state', 'audited-form', { from: 'open', to: 'closing' }],
      ['form.publish', 'audited-form', { version: 1, title: 'Audited form' }],
    ]);
  });
});
