// A submission with files (docs/attachments.md) against a real server, on SQLite and PostgreSQL:
// rejected `attachment_missing` until every file it lists is uploaded, then stored once; the
// coordinator lists and downloads its files byte for byte, and a form's files as one ZIP.
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { SubmitResponseSchema } from '../../src/sync/api';
import { makeSubmission } from '../fixtures/submissions';
import { describeEachEngine, entryOf, MEDIA_FORM, mediaSubmission, pdfBytes, pngBytes, putFile, type MediaServer } from '../helpers/attachments';
import { get, postSubmissions } from '../helpers/server';

async function send(server: MediaServer, submissions: unknown[]) {
  const answer = await postSubmissions(server, { submissions });
  expect(answer.status).toBe(200);
  return SubmitResponseSchema.parse(answer.json).results;
}

/** GETs bytes with a token. */
async function download(server: MediaServer, path: string, token: string | null = server.coordinatorToken) {
  const response = await fetch(`${server.url}${path}`, token === null ? {} : { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const filePath = (submissionId: string, name: string, formId = MEDIA_FORM.id) =>
  `/api/v1/forms/${formId}/submissions/${submissionId}/attachments/${encodeURIComponent(name)}`;
const ZIP_PATH = `/api/v1/forms/${MEDIA_FORM.id}/attachments.zip`;

describeEachEngine('submissions with attachments', (server) => {
  const photo = pngBytes(250_000);
  const report = pdfBytes(40_000);
  const photoEntry = entryOf('photo', photo, 'image/png');
  const reportEntry = entryOf('report', report, 'application/pdf');
  const complete = mediaSubmission([photoEntry, reportEntry]);
  // Its photo reaches the server, but the submission never does: its file is in no download.
  const unsentPhoto = pngBytes(1_000);
  const unsent = mediaSubmission([entryOf('photo', unsentPhoto, 'image/png')]);

  it('is rejected attachment_missing while a file is missing, nothing stored; stored once its files are in; a resend is a duplicate', async () => {
    const s = server();
    expect((await putFile(s, complete.id, photo)).status).toBe(201);
    expect((await putFile(s, unsent.id, unsentPhoto)).status).toBe(201);
    const plain = makeSubmission();
    const before = s.count();
    const first = await send(s, [complete, plain]);
    expect(first).toEqual([
      {
        id: complete.id,
        status: 'rejected',
        errors: [{ path: 'attachments.1', message: expect.stringContaining(reportEntry.name) as string, code: 'attachment_missing' }],
      },
      { id: plain.id, status: 'stored' },
    ]);
    expect(s.count()).toBe(before + 1);

    expect((await putFile(s, complete.id, report, { type: 'application/pdf' })).status).toBe(201);
    expect(await send(s, [complete])).toEqual([{ id: complete.id, status: 'stored' }]);
    expect(await send(s, [complete, plain])).toEqual([
      { id: complete.id, status: 'duplicate' },
      { id: plain.id, status: 'duplicate' },
    ]);
    expect(s.count()).toBe(before + 2);
    expect(s.rows(complete.id)).toBe(2);
  });

  it('once stored: a file it lists is a duplicate, one it does not list a 409', async () => {
    const s = server();
    const again = await putFile(s, complete.id, photo);
    expect([again.status, again.json]).toEqual([200, { status: 'duplicate' }]);
    const stranger = await putFile(s, complete.id, pngBytes());
    expect(stranger.status).toBe(409);
    expect(s.rows(complete.id)).toBe(2);
  });

  it('the coordinator lists a stored submission’s files and downloads each byte for byte, as an attachment that runs nothing', async () => {
    const s = server();
    const list = await get(s, `/api/v1/forms/${MEDIA_FORM.id}/submissions/${complete.id}/attachments`, s.coordinatorToken);
    expect([list.status, list.json]).toEqual([200, { attachments: [photoEntry, reportEntry] }]);
    for (const [entry, bytes] of [[photoEntry, photo], [reportEntry, report]] as const) {
      const file = await download(s, filePath(complete.id, entry.name));
      expect(file.status).toBe(200);
      expect(Buffer.from(file.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(file.headers.get('content-type')).toBe(entry.type);
      expect(file.headers.get('content-disposition')).toContain(`filename="${entry.name}"`);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toMatch(/^sandbox/);
    }
    expect((await download(s, filePath(complete.id, 'photo-000000000000.png'))).status).toBe(404);
    expect((await download(s, filePath(complete.id, photoEntry.name, 'workshop-feedback'))).status).toBe(404);
    expect((await download(s, filePath(unsent.id, unsent.attachments![0]!.name))).status).toBe(404);
  });

  it('the coordinator downloads every stored file of the form as one ZIP of <submission>/<name>', async () => {
    const s = server();
    const second = mediaSubmission([entryOf('photo', photo, 'image/png')]);
    expect((await putFile(s, second.id, photo)).status).toBe(201);
    expect(await send(s, [second])).toEqual([{ id: second.id, status: 'stored' }]);
    const zip = await download(s, ZIP_PATH);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(zip.bytes);
    expect(Object.keys(entries).sort()).toEqual([`${complete.id}/${photoEntry.name}`, `${complete.id}/${reportEntry.name}`, `${second.id}/${second.attachments![0]!.name}`].sort());
    expect(Buffer.from(entries[`${complete.id}/${photoEntry.name}`]!).equals(Buffer.from(photo))).toBe(true);
    expect(Buffer.from(entries[`${complete.id}/${reportEntry.name}`]!).equals(Buffer.from(report))).toBe(true);
    expect(Buffer.from(entries[`${second.id}/${second.attachments![0]!.name}`]!).equals(Buffer.from(photo))).toBe(true);
    expect((await download(s, '/api/v1/forms/no-such-form/attachments.zip')).status).toBe(404);
  });

  it('downloads need the coordinator: 401 without a token, 403 with a device token', async () => {
    const s = server();
    for (const path of [filePath(complete.id, photoEntry.name), ZIP_PATH, `/api/v1/forms/${MEDIA_FORM.id}/submissions/${complete.id}/attachments`]) {
      expect((await download(s, path, null)).status).toBe(401);
      expect((await download(s, path, s.deviceToken)).status).toBe(403);
    }
    expect((await download(s, `/api/v1/forms/${MEDIA_FORM.id}/submissions/${randomUUID()}/attachments`)).status).toBe(404);
  });
});
