// The device's sender uploading files before their submissions (docs/attachments.md, "Sync"),
// against a real HTTP server on 127.0.0.1 that keeps the upload contract (fake-indexeddb on the
// device side). The contract server stands in until the real PUT route is merged.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentName, type Attachment } from '../../src/forms/attachments';
import { db } from '../../src/storage/db';
import { outboxCounts } from '../../src/storage/outbox';
import type { StoredSubmission } from '../../src/storage/record';
import { importedRecord } from '../../src/export/import-plan';
import { sendQueued } from '../../src/sync/sender';
import { makeSubmission } from '../fixtures/submissions';
import { startContractServer, type ContractServer } from '../helpers/attachment-contract-server';
import { resetStorage } from '../helpers/reset-storage';

let server: ContractServer;

beforeEach(async () => {
  await resetStorage();
  server = await startContractServer();
});
afterEach(() => server?.close());

/** A JPEG-looking file of `size` bytes, different for each `seed`. */
function jpeg(seed: number, size = 2048): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31 + seed * 7) & 0xff);
  bytes.set([0xff, 0xd8, 0xff, seed & 0xff]);
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Stores a queued submission listing these files, with their Blobs on the device; returns its record and manifest. */
async function queueWithFiles(files: Array<Uint8Array<ArrayBuffer>>, completedAt = new Date().toISOString()): Promise<{ record: StoredSubmission; manifest: Attachment[] }> {
  const manifest = files.map((bytes, i) => {
    const sha = sha256(bytes);
    return { name: attachmentName(`photo_${i}`, sha, 'image/jpeg'), sha256: sha, size: bytes.length, type: 'image/jpeg' };
  });
  const submission = makeSubmission(undefined, { meta: { completedAt } });
  const record: StoredSubmission = { ...importedRecord(submission), attachments: manifest };
  await db().submissions.add(record);
  await db().attachments.bulkAdd(manifest.map((a, i) => ({ ...a, submissionId: record.id, blob: new Blob([files[i]!], { type: a.type }) })));
  return { record, manifest };
}

const send = () => sendQueued({ endpoint: server.url, token: server.token, timeoutMs: 2000, appVersion: 'test-1' });
const statusOf = async (id: string) => (await db().submissions.get(id))?.status;
const marked = async (id: string) =>
  (await db().attachments.where('submissionId').equals(id).toArray()).filter((a) => a.uploadedAt !== undefined).map((a) => a.name).sort();

describe('files go up before their submission', () => {
  it('uploads both files, one at a time, then posts the submission, which is stored', async () => {
    const files = [jpeg(1), jpeg(2)];
    const { record, manifest } = await queueWithFiles(files);
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    expect(server.log.map((r) => r.method)).toEqual(['PUT', 'PUT', 'POST']);
    expect(server.log[0]).toMatchObject({ path: `/api/v1/submissions/${record.id}/attachments/${manifest[0]!.sha256}`, type: 'image/jpeg', appVersion: 'test-1' });
    expect(Buffer.compare(server.file(record.id, manifest[1]!.sha256)!, Buffer.from(files[1]!))).toBe(0);
    expect(server.stored.has(record.id)).toBe(true);
    expect(await statusOf(record.id)).toBe('synced');
    expect(await marked(record.id)).toEqual(manifest.map((a) => a.name).sort());
  });

  it('a submission without files is posted with no upload at all', async () => {
    await db().submissions.add(importedRecord(makeSubmission()));
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    expect(server.log.map((r) => r.method)).toEqual(['POST']);
  });

  it('a connection dropped on the second file fails the send; the next send uploads only that file, then posts', async () => {
    const { record, manifest } = await queueWithFiles([jpeg(1), jpeg(2)]);
    server.dropPut = (n) => n === 2;
    expect(await send()).toMatchObject({ kind: 'failed', sent: 0, failure: { kind: 'offline' } });
    expect(await marked(record.id)).toEqual([manifest[0]!.name]);
    expect(await statusOf(record.id)).toBe('queued');
    expect(server.file(record.id, manifest[1]!.sha256)).toBeUndefined();
    expect(server.log.map((r) => r.method)).toEqual(['PUT', 'PUT']);

    server.dropPut = () => false;
    server.log.length = 0;
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    expect(server.log.map((r) => `${r.method} ${r.path.split('/').at(-1)}`)).toEqual([`PUT ${manifest[1]!.sha256}`, 'POST submissions']);
    expect(await statusOf(record.id)).toBe('synced');
  });

  it.each([
    [500, 'server'],
    [401, 'unauthorized'],
    [429, 'rate-limited'],
  ] as const)('a %i on a file keeps everything queued and stops (%s)', async (status, kind) => {
    const first = await queueWithFiles([jpeg(1)], '2026-01-01T00:00:00.000Z');
    await queueWithFiles([jpeg(2)], '2026-01-01T00:00:01.000Z');
    server.answer.set(first.manifest[0]!.sha256, { status, code: 'x', message: 'no' });
    expect(await send()).toMatchObject({ kind: 'failed', sent: 0, failure: { kind } });
    expect(await outboxCounts()).toEqual({ queued: 2, rejected: 0 });
    expect(server.log.map((r) => r.method)).toEqual(['PUT']);
  });
});

describe('the server lacks files it confirmed (attachment_missing)', () => {
  it('clears the marks and keeps the submission queued; files go up again once, and it is stored', async () => {
    const { record, manifest } = await queueWithFiles([jpeg(1), jpeg(2)]);
    // Confirmed earlier, but the server has since lost them.
    for (const a of manifest) await db().attachments.update([record.id, a.name], { uploadedAt: '2026-01-01T00:00:00.000Z' });
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    expect(server.log.map((r) => r.method)).toEqual(['POST', 'PUT', 'PUT', 'POST']);
    expect(await statusOf(record.id)).toBe('synced');
    expect(await marked(record.id)).toHaveLength(2);
  });

  it('said again right after a fresh upload, the send stops with the server\'s reason, the submission queued, its marks cleared', async () => {
    const { record } = await queueWithFiles([jpeg(1)]);
    server.forgetFiles = true;
    const result = await send();
    expect(result).toMatchObject({ kind: 'failed', sent: 0, failure: { kind: 'refused', message: expect.stringContaining('does not hold') } });
    // One resend in the run, not a tight loop: PUT, POST (missing), PUT, POST (missing), stop.
    expect(server.log.map((r) => r.method)).toEqual(['PUT', 'POST', 'PUT', 'POST']);
    expect(await statusOf(record.id)).toBe('queued');
    expect(await marked(record.id)).toEqual([]);

    server.forgetFiles = false;
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    expect(await statusOf(record.id)).toBe('synced');
  });
});

describe('a file refused for good', () => {
  it.each([
    [415, 'unsupported_media_type', 'The bytes are not a JPEG image.'],
    [413, 'payload_too_large', 'The files of this submission would pass 50 MB.'],
    [422, 'hash_mismatch', 'The bytes do not hash to the sha256 of the URL.'],
    [409, 'conflict', 'This submission is already stored and does not list this file.'],
  ] as const)('%i: that submission is rejected with the server\'s message; the others of the batch are stored', async (status, code, message) => {
    const bad = await queueWithFiles([jpeg(1), jpeg(2)], '2026-01-01T00:00:00.000Z');
    const good = await queueWithFiles([jpeg(3)], '2026-01-01T00:00:01.000Z');
    const plain = importedRecord(makeSubmission(undefined, { meta: { completedAt: '2026-01-01T00:00:02.000Z' } }));
    await db().submissions.add(plain);
    server.answer.set(bad.manifest[0]!.sha256, { status, code, message });
    expect(await send()).toEqual({ kind: 'done', sent: 3 });
    const rejected = await db().submissions.get(bad.record.id);
    expect(rejected?.status).toBe('rejected');
    expect(rejected?.errors).toEqual([{ path: 'attachments', message: `${bad.manifest[0]!.name}: ${message}`, code }]);
    // Its second file was not sent, and it was left out of the batch.
    expect(server.file(bad.record.id, bad.manifest[1]!.sha256)).toBeUndefined();
    expect(server.posted).toEqual([good.record.id, plain.id]);
    expect(await statusOf(good.record.id)).toBe('synced');
    expect(await statusOf(plain.id)).toBe('synced');
    expect(await outboxCounts()).toEqual({ queued: 0, rejected: 1 });
  });

  it('a file missing on the device rejects its submission there, with a clear message, and nothing is uploaded for it', async () => {
    const { record, manifest } = await queueWithFiles([jpeg(1), jpeg(2)]);
    await db().attachments.delete([record.id, manifest[1]!.name]);
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    const stored = await db().submissions.get(record.id);
    expect(stored?.status).toBe('rejected');
    expect(stored?.errors?.[0]?.message).toMatch(/no longer on this device/);
    expect(server.log.map((r) => r.method)).toEqual(['PUT']);
    expect(server.posted).toEqual([]);
  });

  it('a refusal seen before a network failure in the same batch is still written', async () => {
    const bad = await queueWithFiles([jpeg(1)], '2026-01-01T00:00:00.000Z');
    const next = await queueWithFiles([jpeg(2)], '2026-01-01T00:00:01.000Z');
    server.answer.set(bad.manifest[0]!.sha256, { status: 415, code: 'unsupported_media_type', message: 'Not a JPEG.' });
    server.dropPut = (n) => n === 2;
    expect(await send()).toMatchObject({ kind: 'failed', failure: { kind: 'offline' } });
    expect(await statusOf(bad.record.id)).toBe('rejected');
    expect(await statusOf(next.record.id)).toBe('queued');
  });
});

describe('what travels in a URL', () => {
  it('never the bytes, nor the token: ids and a hash only, the token in a header', async () => {
    const files = [jpeg(1, 64), jpeg(2, 64)];
    const { record, manifest } = await queueWithFiles(files);
    await send();
    expect(server.log).toHaveLength(3);
    for (const request of server.log) {
      expect(request.path).toMatch(/^\/api\/v1\/submissions(\/[0-9a-f-]{36}\/attachments\/[0-9a-f]{64})?$/);
      expect(request.rawUrl).not.toContain(server.token);
      expect(request.rawUrl).not.toContain('?');
      for (const bytes of files) expect(request.rawUrl).not.toContain(Buffer.from(bytes).toString('base64').slice(0, 16));
      expect(request.authorization).toBe(`Bearer ${server.token}`);
    }
    expect(server.log.slice(0, 2).map((r) => r.path)).toEqual(manifest.map((a) => `/api/v1/submissions/${record.id}/attachments/${a.sha256}`));
  });
});
