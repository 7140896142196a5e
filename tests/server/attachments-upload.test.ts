// PUT /api/v1/submissions/{id}/attachments/{sha256} (docs/attachments.md) against a real server on
// 127.0.0.1, on a real SQLite file and on PostgreSQL: stored, duplicate, wrong hash, too large,
// wrong type, cut mid-upload; nothing half-kept on disk or in the database.
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_SUBMISSION_ATTACHMENT_BYTES } from '../../src/forms/attachments';
import { ApiErrorSchema } from '../../src/sync/api';
import { describeEachEngine, filesUnder, pdfBytes, pngBytes, pumpPut, putFile, sha256Of, tempFilesUnder, uploadPath, type MediaServer } from '../helpers/attachments';
import type { Answer } from '../helpers/server';

const codeOf = (answer: Answer | { body: string }) => ApiErrorSchema.parse('json' in answer ? answer.json : JSON.parse(answer.body)).error.code;
const keptAt = (server: MediaServer, sha256: string) => join(server.attachmentsDir, sha256.slice(0, 2), sha256);

/** Polls until `condition` holds (or fails the test after 5 s). */
async function until(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); ) {
    if (Date.now() - started > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeEachEngine('attachment upload', (server) => {
  it('stores a file (201), calls a resend a duplicate (200), and keeps the same bytes of another submission once on disk', async () => {
    const s = server();
    const [first, second] = [randomUUID(), randomUUID()];
    const bytes = pngBytes(300_000);
    const sha256 = sha256Of(bytes);
    const stored = await putFile(s, first, bytes);
    expect([stored.status, stored.json]).toEqual([201, { status: 'stored' }]);
    expect(readFileSync(keptAt(s, sha256)).equals(Buffer.from(bytes))).toBe(true);
    expect(s.rows(first)).toBe(1);

    const again = await putFile(s, first, bytes);
    expect([again.status, again.json]).toEqual([200, { status: 'duplicate' }]);
    expect(s.rows(first)).toBe(1);

    const other = await putFile(s, second, bytes);
    expect([other.status, other.json]).toEqual([201, { status: 'stored' }]);
    expect(s.rows(second)).toBe(1);
    expect(filesUnder(s.attachmentsDir).filter((path) => path.endsWith(sha256))).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
    expect(tempFilesUnder(s.attachmentsDir)).toEqual([]);
  });

  it('two uploads of one file racing give one row: one stored, one duplicate', async () => {
    const s = server();
    const id = randomUUID();
    const bytes = pdfBytes(200_000);
    const answers = await Promise.all([putFile(s, id, bytes, { type: 'application/pdf' }), putFile(s, id, bytes, { type: 'application/pdf' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(s.rows(id)).toBe(1);
  });

  it('422 hash_mismatch when the bytes hash to another sha256: nothing on disk, no row', async () => {
    const s = server();
    const id = randomUUID();
    const claimed = sha256Of(pngBytes());
    const answer = await putFile(s, id, pngBytes(), { sha256: claimed });
    expect([answer.status, codeOf(answer)]).toEqual([422, 'hash_mismatch']);
    expect(existsSync(keptAt(s, claimed))).toBe(false);
    expect(tempFilesUnder(s.attachmentsDir)).toEqual([]);
    expect(s.rows(id)).toBe(0);
  });

  it('413 over 10 MB, whether declared by Content-Length or found in a chunked body; nothing kept', async () => {
    const s = server();
    const id = randomUUID();
    const chunk = new Uint8Array(randomBytes(64 * 1024));
    const sha256 = sha256Of(chunk);
    const declared = await pumpPut(s, uploadPath(id, sha256), { 'Content-Type': 'application/pdf', 'Content-Length': String(MAX_ATTACHMENT_BYTES + 1) }, chunk, MAX_ATTACHMENT_BYTES + 1);
    expect([declared.status, codeOf(declared)]).toEqual([413, 'payload_too_large']);
    const chunked = await pumpPut(s, uploadPath(id, sha256), { 'Content-Type': 'application/pdf' }, chunk, 2 * MAX_ATTACHMENT_BYTES);
    expect([chunked.status, codeOf(chunked)]).toEqual([413, 'payload_too_large']);
    await until(() => tempFilesUnder(s.attachmentsDir).length === 0);
    expect(s.rows(id)).toBe(0);
  });

  it('413 once a submission would hold more than 50 MB of files, declared or chunked', async () => {
    const s = server();
    const id = randomUUID();
    const files = MAX_SUBMISSION_ATTACHMENT_BYTES / MAX_ATTACHMENT_BYTES;
    for (let i = 0; i < files; i++) expect((await putFile(s, id, new Uint8Array(randomBytes(MAX_ATTACHMENT_BYTES)), { type: 'application/octet-stream' })).status).toBe(201);
    const small = pdfBytes(1024);
    const declared = await putFile(s, id, small, { type: 'application/pdf' });
    expect([declared.status, codeOf(declared)]).toEqual([413, 'payload_too_large']);
    const chunked = await pumpPut(s, uploadPath(id, sha256Of(small)), { 'Content-Type': 'application/pdf' }, small, small.length);
    expect([chunked.status, codeOf(chunked)]).toEqual([413, 'payload_too_large']);
    expect(s.rows(id)).toBe(files);
    // Another submission has room of its own.
    expect((await putFile(s, randomUUID(), small, { type: 'application/pdf' })).status).toBe(201);
  }, 30_000);

  it.each([
    ['no Content-Type', null, pngBytes()],
    ['text/html', 'text/html', pngBytes()],
    ['SVG', 'image/svg+xml', pngBytes()],
    ['not a media type', 'png', pngBytes()],
    ['image/jpeg holding PNG bytes', 'image/jpeg', pngBytes()],
    ['an image type no question takes', 'image/bmp', pngBytes()],
    ['image/png of a few bytes', 'image/png', new Uint8Array([0x89, 0x50])],
  ])('415 for %s: nothing kept', async (_what, type, bytes) => {
    const s = server();
    const id = randomUUID();
    const answer = await putFile(s, id, bytes, { type });
    expect([answer.status, codeOf(answer)]).toEqual([415, 'unsupported_media_type']);
    expect(existsSync(keptAt(s, sha256Of(bytes)))).toBe(false);
    expect(tempFilesUnder(s.attachmentsDir)).toEqual([]);
    expect(s.rows(id)).toBe(0);
  });

  it('400 for a path that is not a submission UUID and a lowercase sha256, or an empty body; 401 without a token', async () => {
    const s = server();
    const bytes = pngBytes();
    const sha256 = sha256Of(bytes);
    for (const path of [uploadPath('not-a-uuid', sha256), uploadPath(randomUUID(), sha256.toUpperCase()), uploadPath(randomUUID(), sha256.slice(1))]) {
      const answer = await fetch(`${s.url}${path}`, { method: 'PUT', headers: { Authorization: `Bearer ${s.deviceToken}`, 'Content-Type': 'image/png' }, body: Uint8Array.from(bytes) });
      expect(answer.status).toBe(400);
    }
    const empty = await putFile(s, randomUUID(), new Uint8Array(0), { type: 'application/pdf' });
    expect([empty.status, codeOf(empty)]).toEqual([400, 'bad_request']);
    expect((await putFile(s, randomUUID(), bytes, { token: null })).status).toBe(401);
    expect((await fetch(`${s.url}${uploadPath(randomUUID(), sha256)}`, { method: 'POST' })).status).toBe(405);
  });

  it('a cut mid-upload leaves no temporary file and no row; sent again in full, it is stored', async () => {
    const s = server();
    const id = randomUUID();
    const bytes = pngBytes(2_000_000);
    const sha256 = sha256Of(bytes);
    const socket = connect(Number(new URL(s.url).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.on('error', () => {});
    socket.write(`PUT ${uploadPath(id, sha256)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.deviceToken}\r\nContent-Type: image/png\r\nContent-Length: ${bytes.length}\r\n\r\n`);
    socket.write(bytes.subarray(0, bytes.length / 2));
    // The server is part-way through writing the file when the connection drops.
    await until(() => tempFilesUnder(s.attachmentsDir).some((path) => statSync(join(s.attachmentsDir, path), { throwIfNoEntry: false })?.size));
    socket.destroy();
    await until(() => tempFilesUnder(s.attachmentsDir).length === 0);
    expect(existsSync(keptAt(s, sha256))).toBe(false);
    expect(s.rows(id)).toBe(0);

    const resent = await putFile(s, id, bytes);
    expect(resent.status).toBe(201);
    expect(readFileSync(keptAt(s, sha256)).equals(Buffer.from(bytes))).toBe(true);
    expect(s.rows(id)).toBe(1);
  });
});
