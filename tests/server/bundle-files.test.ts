// POST /api/v1/bundles with a ZIP bundle (version 2: submissions and their files) against a real
// server on 127.0.0.1, on a real SQLite file and on PostgreSQL: every file kept once on disk byte
// for byte and recorded for each submission naming it, so the submissions are stored, not
// attachment_missing; the same file again is all duplicates with nothing added; a damaged or
// incomplete file refused whole with no submission and no row.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUNDLE_ZIP_VERSION, makeBundle, type BundleZipEnvelope } from '../../src/export/bundle';
import { filesIndex } from '../../src/export/bundle-files';
import { zipBundleWriter } from '../../src/export/bundle-zip';
import { exportBundle } from '../../src/export/device-bundle';
import type { Submission } from '../../src/forms/submission';
import { db } from '../../src/storage/db';
import { SubmitResponseSchema } from '../../src/sync/api';
import { describeEachEngine, entryOf, filesUnder, mediaSubmission, pdfBytes, pngBytes, sha256Of, tempFilesUnder, type MediaServer } from '../helpers/attachments';
import { storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';
import { readAnswer } from '../helpers/server';

/** A ZIP bundle of `submissions`, each file's bytes found in `contents` (damaged first by `spoil`). */
async function zipBundle(submissions: Submission[], contents: Map<string, Uint8Array>, spoil = (bytes: Uint8Array, _sha: string) => bytes): Promise<Uint8Array> {
  const { format, createdAt, deviceId, checksum } = await makeBundle('offline-1', submissions);
  const envelope: BundleZipEnvelope = { format, version: BUNDLE_ZIP_VERSION, createdAt, deviceId, submissions, files: filesIndex(submissions), checksum };
  const writer = zipBundleWriter(envelope, new Date(createdAt));
  for (const { sha256 } of envelope.files) await writer.addFile(sha256, new Blob([spoil(contents.get(sha256)!.slice(), sha256) as Uint8Array<ArrayBuffer>]));
  return new Uint8Array(await writer.finish().arrayBuffer());
}

/** Three responses with files (two sharing one photo, one with a report too) and one without. */
function fieldWork(): { submissions: Submission[]; contents: Map<string, Uint8Array> } {
  const [photo, other, report] = [pngBytes(150_000), pngBytes(40_000), pdfBytes(90_000)];
  const contents = new Map([photo, other, report].map((b) => [sha256Of(b), b]));
  const submissions = [
    mediaSubmission([entryOf('photo', photo, 'image/png')]),
    mediaSubmission([entryOf('photo', photo, 'image/png'), entryOf('report', report, 'application/pdf')]),
    mediaSubmission([entryOf('photo', other, 'image/png')]),
    mediaSubmission([]),
  ];
  return { submissions, contents };
}

async function postZip(server: MediaServer, body: Uint8Array, type = 'application/zip') {
  const response = await fetch(`${server.url}/api/v1/bundles`, { method: 'POST', headers: { Authorization: `Bearer ${server.coordinatorToken}`, 'Content-Type': type }, body: body as Uint8Array<ArrayBuffer> });
  return readAnswer(response);
}

const statusesOf = (json: unknown) => SubmitResponseSchema.parse(json).results.map((r) => r.status);
const rowsOf = (server: MediaServer, submissions: readonly Submission[]) => submissions.map((s) => server.rows(s.id));

describeEachEngine('a ZIP bundle sent to the server', (server) => {
  it('keeps every file once, byte for byte, stores every submission, and the same file again adds nothing', async () => {
    const s = server();
    const { submissions, contents } = fieldWork();
    const before = s.count();
    const body = await zipBundle(submissions, contents);
    const first = await postZip(s, body);
    expect(first.status).toBe(200);
    expect(SubmitResponseSchema.parse(first.json).results.map((r) => r.id)).toEqual(submissions.map((x) => x.id));
    expect(statusesOf(first.json)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(s.count() - before).toBe(4);
    expect(rowsOf(s, submissions)).toEqual([1, 2, 1, 0]);
    for (const [sha256, bytes] of contents) {
      expect(readFileSync(join(s.attachmentsDir, sha256.slice(0, 2), sha256)).equals(Buffer.from(bytes))).toBe(true);
      expect(filesUnder(s.attachmentsDir).filter((path) => path.endsWith(sha256))).toHaveLength(1);
    }
    expect(tempFilesUnder(s.attachmentsDir)).toEqual([]);

    const again = await postZip(s, body);
    expect(statusesOf(again.json)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(s.count() - before).toBe(4);
    expect(rowsOf(s, submissions)).toEqual([1, 2, 1, 0]);
    expect(tempFilesUnder(s.attachmentsDir)).toEqual([]);

    // The coordinator downloads what the bundle brought, as for a synced submission.
    const download = await fetch(`${s.url}/api/v1/forms/site-visit/submissions/${submissions[1]!.id}/attachments/${submissions[1]!.attachments![1]!.name}`, { headers: { Authorization: `Bearer ${s.coordinatorToken}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(contents.get(submissions[1]!.attachments![1]!.sha256)!))).toBe(true);
  });

  it('takes the file a device exported, its responses stored with their files', async () => {
    const s = server();
    const { submissions, contents } = fieldWork();
    await resetStorage();
    await storeFinalized(submissions, 'queued');
    await db().attachments.bulkAdd(submissions.flatMap((x) => (x.attachments ?? []).map((a) => ({ ...a, submissionId: x.id, blob: new Blob([contents.get(a.sha256)! as Uint8Array<ArrayBuffer>], { type: a.type }) }))));
    const file = await exportBundle('unsent', 'offline-1');
    expect(file.fileName).toMatch(/\.zip$/);
    const answer = await postZip(s, new Uint8Array(await file.blob.arrayBuffer()));
    expect(statusesOf(answer.json)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(rowsOf(s, submissions)).toEqual([1, 2, 1, 0]);
  });

  it.each<[string, (body: Uint8Array, last: string) => Uint8Array, RegExp]>([
    ['a file changed by one byte', (body) => body, /does not match its checksum/],
    // At the last file's local header (30 bytes before its name's first appearance): a sound ZIP without it.
    ['the last file cut out', (body, last) => body.subarray(0, Buffer.from(body).indexOf(`files/${last}`) - 30), /incomplete: the file photo-/],
    ['a copy cut short', (body) => body.subarray(0, body.length - 20_000), /not a readable ZIP/],
  ])('refuses %s with a 400: no submission, no row', async (what, cut, reason) => {
    const s = server();
    const { submissions, contents } = fieldWork();
    const before = s.count();
    const spoiled = what.startsWith('a file changed') ? (bytes: Uint8Array, sha: string) => (sha === submissions[2]!.attachments![0]!.sha256 ? (bytes[30_000] = 0xff - bytes[30_000]!, bytes) : bytes) : undefined;
    const body = cut(await zipBundle(submissions, contents, spoiled), submissions[2]!.attachments![0]!.sha256);
    const answer = await postZip(s, body);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(reason) } });
    expect(s.count()).toBe(before);
    expect(rowsOf(s, submissions)).toEqual([0, 0, 0, 0]);
    expect(tempFilesUnder(s.attachmentsDir)).toEqual([]);
  });

  it('rejects only the submission whose image is not what it says, as an upload would be', async () => {
    const s = server();
    const notPng = pdfBytes(5_000);
    const photo = pngBytes(6_000);
    const contents = new Map([notPng, photo].map((b) => [sha256Of(b), b]));
    const submissions = [mediaSubmission([entryOf('photo', notPng, 'image/png')]), mediaSubmission([entryOf('photo', photo, 'image/png')])];
    const answer = await postZip(s, await zipBundle(submissions, contents));
    const results = SubmitResponseSchema.parse(answer.json).results;
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ path: 'attachments.0', message: expect.stringMatching(/not those of image\/png/) })] });
    expect(results[1]).toMatchObject({ status: 'stored' });
    expect(rowsOf(s, submissions)).toEqual([0, 1]);
  });

  it('a JSON bundle whose submissions name files: each judged as sync would (attachment_missing), the rest stored', async () => {
    const s = server();
    const submissions = [mediaSubmission([entryOf('photo', pngBytes(1_000), 'image/png')]), mediaSubmission([])];
    const response = await fetch(`${s.url}/api/v1/bundles`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.coordinatorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(await makeBundle('offline-1', submissions)),
    });
    const results = SubmitResponseSchema.parse((await readAnswer(response)).json).results;
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ code: 'attachment_missing' })] });
    expect(results[1]).toMatchObject({ status: 'stored' });
  });

  it('is for the coordinator only, takes only JSON or ZIP, and refuses over 2 GB before reading', async () => {
    const s = server();
    const { submissions, contents } = fieldWork();
    const body = await zipBundle(submissions, contents);
    const asDevice = await fetch(`${s.url}/api/v1/bundles`, { method: 'POST', headers: { Authorization: `Bearer ${s.deviceToken}`, 'Content-Type': 'application/zip' }, body: body as Uint8Array<ArrayBuffer> });
    expect(asDevice.status).toBe(403);
    expect((await postZip(s, body, 'application/octet-stream')).status).toBe(415);
    expect(rowsOf(s, submissions)).toEqual([0, 0, 0, 0]);
    const status = await new Promise<number>((resolve, reject) => {
      const out = request(`${s.url}/api/v1/bundles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${s.coordinatorToken}`, 'Content-Type': 'application/zip', 'Content-Length': String(3 * 1024 ** 3) },
      });
      out.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      out.on('error', reject);
      out.flushHeaders();
    });
    expect(status).toBe(413);
  });
});
