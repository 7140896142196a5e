// The device's sender with photos against the real server on 127.0.0.1 (its PUT route, its
// attachment_missing check, its type and hash checks), fake-indexeddb on the device side.
// The faults the real server cannot be made to show on demand (a cut mid-file, a server that
// loses files) are in device-attachments.test.ts, against a server that keeps the same contract.
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentName, type Attachment } from '../../src/forms/attachments';
import { importedRecord } from '../../src/export/import-plan';
import { db } from '../../src/storage/db';
import { outboxCounts } from '../../src/storage/outbox';
import type { StoredSubmission } from '../../src/storage/record';
import { sendQueued } from '../../src/sync/sender';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { makeSubmission } from '../fixtures/submissions';
import { resetStorage } from '../helpers/reset-storage';

const FORM = {
  id: 'site-photos',
  title: 'Site photos',
  sections: [{ id: 's', title: 'Site', questions: [
    { id: 'site', type: 'text', label: 'Site' },
    { id: 'photo', type: 'image', label: 'Photo' },
    { id: 'detail', type: 'image', label: 'Detail' },
  ] }],
};

let server: AppServer;

beforeEach(async () => {
  await resetStorage();
  server = await startAppServer();
  const published = await fetch(`${server.url}/api/v1/forms`, { method: 'POST', headers: { Authorization: `Bearer ${server.tokens.coordinator}`, 'Content-Type': 'application/json' }, body: JSON.stringify(FORM) });
  expect(published.status).toBe(201);
});
afterEach(() => server?.stop());

function jpeg(size = 4096): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/** Queues a submission of FORM whose photo questions name these files; `blobs` may differ from `files` to play a damaged device. */
async function queue(files: Array<Uint8Array<ArrayBuffer>>, blobs = files, completedAt = new Date().toISOString()): Promise<{ record: StoredSubmission; manifest: Attachment[] }> {
  const questions = ['photo', 'detail'];
  const manifest = files.map((bytes, i) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { name: attachmentName(questions[i]!, sha256, 'image/jpeg'), sha256, size: bytes.length, type: 'image/jpeg' };
  });
  const answers = Object.fromEntries([['site', 'Kara'], ...manifest.map((a, i) => [questions[i]!, a.name])]);
  const record: StoredSubmission = { ...importedRecord({ ...makeSubmission(undefined, { meta: { completedAt } }), formId: FORM.id, formVersion: 1, answers }), attachments: manifest };
  await db().submissions.add(record);
  await db().attachments.bulkAdd(manifest.map((a, i) => ({ ...a, submissionId: record.id, blob: new Blob([blobs[i]!], { type: a.type }) })));
  return { record, manifest };
}

const send = () => sendQueued({ endpoint: server.url, token: server.tokens.device, timeoutMs: 5000 });

/** The file as the coordinator downloads it from the server. */
async function download(id: string, name: string): Promise<Buffer | number> {
  const response = await fetch(`${server.url}/api/v1/forms/${FORM.id}/submissions/${id}/attachments/${name}`, { headers: { Authorization: `Bearer ${server.tokens.coordinator}` } });
  return response.ok ? Buffer.from(await response.arrayBuffer()) : response.status;
}

describe('photos synced to the real server', () => {
  it('stores every submission once all its files are up, each file byte for byte', async () => {
    const files = [jpeg(), jpeg(), jpeg()];
    const two = await queue([files[0]!, files[1]!], undefined, '2026-01-01T00:00:00.000Z');
    const one = await queue([files[2]!], undefined, '2026-01-01T00:00:01.000Z');
    const plain = await queue([], undefined, '2026-01-01T00:00:02.000Z');
    expect(await send()).toEqual({ kind: 'done', sent: 3 });
    expect(await outboxCounts()).toEqual({ queued: 0, rejected: 0 });
    expect(Buffer.compare((await download(two.record.id, two.manifest[1]!.name)) as Buffer, Buffer.from(files[1]!))).toBe(0);
    expect(Buffer.compare((await download(one.record.id, one.manifest[0]!.name)) as Buffer, Buffer.from(files[2]!))).toBe(0);
    expect((await db().submissions.get(plain.record.id))?.status).toBe('synced');
  });

  it('a file marked sent that the server never got: attachment_missing, sent again, then stored', async () => {
    const file = jpeg();
    const { record, manifest } = await queue([file]);
    await db().attachments.update([record.id, manifest[0]!.name], { uploadedAt: '2026-01-01T00:00:00.000Z' });
    expect(await send()).toEqual({ kind: 'done', sent: 1 });
    expect((await db().submissions.get(record.id))?.status).toBe('synced');
    expect(Buffer.compare((await download(record.id, manifest[0]!.name)) as Buffer, Buffer.from(file))).toBe(0);
  });

  const png = () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(100)]);
  it.each([
    // Listed and held as a JPEG, but its bytes are a PNG's.
    ['bytes that are not the declared image type (415)', () => ((bytes) => ({ listed: bytes, held: bytes }))(png())],
    // The manifest names one file, the device holds other bytes under its name.
    ['bytes that do not hash to the manifest (422)', () => ({ listed: jpeg(), held: jpeg() })],
  ])('%s: rejected on the device with the server\'s reason; the next submission is stored', async (_name, files) => {
    const { listed, held } = files();
    const first = await queue([listed], [held], '2026-01-01T00:00:00.000Z');
    const next = await queue([jpeg()], undefined, '2026-01-01T00:00:01.000Z');
    expect(await send()).toEqual({ kind: 'done', sent: 2 });
    const rejected = await db().submissions.get(first.record.id);
    expect(rejected?.status).toBe('rejected');
    // The file's name, then the server's own words.
    expect(rejected?.errors?.[0]?.message).toMatch(new RegExp(`^${first.manifest[0]!.name.replace(/\./g, '\\.')}: \\S`));
    expect(rejected?.errors?.[0]?.message).not.toMatch(/The server answered \d+/);
    expect(await download(first.record.id, first.manifest[0]!.name)).toBe(404);
    expect((await db().submissions.get(next.record.id))?.status).toBe('synced');
  });
});
