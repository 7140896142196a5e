// The device's sender against the real server through a misbehaving network (fake-indexeddb on the device side).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { outboxCounts } from '../../src/storage/outbox';
import { finalize, startDraft } from '../../src/storage/submissions';
import { db } from '../../src/storage/db';
import { READ_AHEAD, sendQueued } from '../../src/sync/sender';
import { makeSubmission, makeSubmissions } from '../fixtures/submissions';
import { storeFinalized } from '../helpers/local-records';
import { sampleAnswers } from '../fixtures/answers';
import { startAppServer } from '../helpers/app-server';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { resetStorage } from '../helpers/reset-storage';
import { compareIds } from '../helpers/server-ids';

const form = findForm('workshop-feedback') as Form;
const context = { deviceId: 'device-node', enumerator: 'Test', locale: 'en' as const, appVersion: 'test' };

let server: Awaited<ReturnType<typeof startAppServer>>;
let proxy: FaultProxy;

async function finalizeMany(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const draft = await startDraft(form, context);
    const result = await finalize(form, draft.id, sampleAnswers(form));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    ids.push(draft.id);
  }
  return ids;
}

const allIds = async () => (await db().submissions.toArray()).map((s) => s.id);

// A fresh server per test, so each test can compare the server's whole set of ids with the device's.
beforeEach(async () => {
  await resetStorage();
  server = await startAppServer();
  proxy = await startFaultProxy(server.url);
});
afterEach(async () => {
  await proxy?.close();
  await server?.stop();
});

const send = (timeoutMs = 2000) => sendQueued({ endpoint: proxy.url, token: server.tokens.device, timeoutMs });

describe('sending through a bad network', () => {
  it('keeps everything queued while the server is down, then sends it all once it is up', async () => {
    await finalizeMany(5);
    proxy.mode = 'down';
    expect(await send()).toMatchObject({ kind: 'failed', failure: { kind: 'offline' }, sent: 0 });
    proxy.mode = 'error500';
    expect(await send()).toMatchObject({ kind: 'failed', failure: { kind: 'server', status: 500 } });
    proxy.mode = 'hang';
    expect(await send(300)).toMatchObject({ kind: 'failed', failure: { kind: 'offline' } });
    expect((await outboxCounts()).queued).toBe(5);
    proxy.mode = 'pass';
    expect(await send()).toEqual({ kind: 'done', sent: 5 });
    expect(await outboxCounts()).toEqual({ queued: 0, rejected: 0 });
    expect(compareIds(server.dataDir, await allIds())).toEqual([]);
  });

  it('a batch committed before the connection was cut is answered duplicate on retry and counted once', async () => {
    await finalizeMany(3);
    proxy.mode = 'cut-after-commit';
    expect(await send()).toMatchObject({ kind: 'failed', failure: { kind: 'offline' } });
    expect((await outboxCounts()).queued).toBe(3);
    expect(compareIds(server.dataDir, await allIds())).toEqual([]); // already on the server, once each
    proxy.mode = 'pass';
    expect(await send()).toEqual({ kind: 'done', sent: 3 });
    expect((await db().submissions.toArray()).every((s) => s.status === 'synced' && s.syncedAt)).toBe(true);
    expect(compareIds(server.dataDir, await allIds())).toEqual([]);
  });

  it('a 401 keeps the submissions queued and says so', async () => {
    await finalizeMany(2);
    const result = await sendQueued({ endpoint: proxy.url, token: 'not-the-token-at-all-000000', timeoutMs: 2000 });
    expect(result).toMatchObject({ kind: 'failed', failure: { kind: 'unauthorized' } });
    expect((await outboxCounts()).queued).toBe(2);
  });

  it('drains 450 submissions in batches of at most 200, reporting progress', async () => {
    const ids = await finalizeMany(450);
    const progress: Array<[number, number]> = [];
    const result = await sendQueued({ endpoint: server.url, token: server.tokens.device, onProgress: (s, t) => progress.push([s, t]) });
    expect(result).toEqual({ kind: 'done', sent: 450 });
    expect(progress[0]).toEqual([0, 450]);
    expect(progress.at(-1)).toEqual([450, 450]);
    expect([...new Set(progress.map(([s]) => s))]).toEqual([0, 200, 400, 450]);
    expect(compareIds(server.dataDir, ids)).toEqual([]);
  });

  it('sends more than one read-ahead, and what is queued during the send, each once', async () => {
    const stored = await storeFinalized(makeSubmissions(READ_AHEAD + 30));
    // Queued mid-send with an older completion time, so it sorts before everything already read.
    const late = makeSubmission(undefined, { meta: { completedAt: '2020-01-01T00:00:00.000Z' } });
    let adding: Promise<unknown> | undefined;
    const result = await sendQueued({
      endpoint: server.url,
      token: server.tokens.device,
      onProgress: (sent) => {
        if (sent > 0) adding ??= storeFinalized([late]);
      },
    });
    expect(adding).toBeDefined();
    expect(result).toEqual({ kind: 'done', sent: READ_AHEAD + 31 });
    expect(await outboxCounts()).toEqual({ queued: 0, rejected: 0 });
    expect(compareIds(server.dataDir, [...stored.map((r) => r.id), late.id])).toEqual([]);
  });

  it('a request cut mid-drain leaves every unanswered submission queued, and the next send finishes once', async () => {
    const stored = await storeFinalized(makeSubmissions(3 * 200));
    const first = await sendQueued({
      endpoint: proxy.url,
      token: server.tokens.device,
      timeoutMs: 2000,
      // The third batch is cut after the server committed it: written on the server, still queued here.
      onProgress: (sent) => {
        if (sent === 400) proxy.mode = 'cut-after-commit';
      },
    });
    expect(first).toMatchObject({ kind: 'failed', sent: 400, failure: { kind: 'offline' } });
    expect((await outboxCounts()).queued).toBe(200);
    proxy.mode = 'pass';
    expect(await sendQueued({ endpoint: proxy.url, token: server.tokens.device })).toEqual({ kind: 'done', sent: 200 });
    expect(compareIds(server.dataDir, stored.map((r) => r.id))).toEqual([]);
  });
});
