// @vitest-environment node
// (Node's own Blob, which its structured clone keeps, so fake-indexeddb gives the bytes back.)
// Device to device with files: a bundle of responses naming photos is a ZIP; the other device
// takes the responses as queued and their files in the same write, ready to upload; importing it
// again adds nothing; a damaged or incomplete file changes nothing at all.
import { beforeEach, describe, expect, it } from 'vitest';
import { makeBundle } from '../../src/export/bundle';
import { exportBundle, importBundleFile, importBundleText } from '../../src/export/device-bundle';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { storeDefinition } from '../../src/storage/catalog';
import { db } from '../../src/storage/db';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { jpegBytes, PHOTO_FORM, photoSubmission, sha256, zipLikeBytes } from '../helpers/bundle-zip';
import { storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

const workshop = findForm('workshop-feedback') as Form;
const shared = jpegBytes(1, 4000);
const docx = zipLikeBytes();
const third = jpegBytes(3, 120_000);
const withFiles = [photoSubmission(shared), photoSubmission(shared, docx), photoSubmission(third)];
const plain = variedSubmissions(workshop, 3, 91, 'device-a');
const contents = new Map([shared, docx, third].map((b) => [sha256(b), b]));

beforeEach(async () => {
  await resetStorage();
  await storeDefinition(PHOTO_FORM);
});

/** Device A's responses with their files kept (a synced one's marked uploaded), as `status` says. */
async function storeOnDevice(submissions: readonly Submission[], status: 'queued' | 'synced' = 'queued', skip?: string): Promise<void> {
  await storeFinalized(submissions, status);
  const rows = submissions.flatMap((s) =>
    (s.attachments ?? []).filter((a) => a.name !== skip).map((a) => ({ ...a, submissionId: s.id, blob: new Blob([contents.get(a.sha256)!], { type: a.type }), ...(status === 'synced' ? { uploadedAt: '2024-05-15T08:00:00.000Z' } : {}) })),
  );
  await db().attachments.bulkAdd(rows);
}

/** Device A's bundle of everything; then this process is device B (knowing the photo form). */
async function bundleFromDeviceA(): Promise<Blob> {
  await storeOnDevice(withFiles.slice(0, 2), 'synced');
  await storeOnDevice([withFiles[2]!, ...plain]);
  const file = await exportBundle('all', 'device-a');
  expect(file).toMatchObject({ count: 6, leftOut: [] });
  expect(file.fileName).toMatch(/^fieldbook-bundle-device-a-\d{4}-\d{2}-\d{2}\.zip$/);
  await resetStorage();
  await storeDefinition(PHOTO_FORM);
  return file.blob;
}

const everything = async () => ({ submissions: await db().submissions.orderBy('id').toArray(), files: await db().attachments.orderBy('[submissionId+name]').toArray() });
const bytes = async (blob: Blob) => Buffer.from(await blob.arrayBuffer());

describe('a bundle with files, device to device', () => {
  it('brings every response as queued and each of its files, unsent, byte for byte; again, it adds nothing', async () => {
    const blob = await bundleFromDeviceA();
    const first = await importBundleFile(blob);
    expect(first).toMatchObject({ ok: true, total: 6, plan: { skipped: [], conflicts: [] } });
    const held = await everything();
    expect(held.submissions).toHaveLength(6);
    expect(held.submissions.every((s) => s.status === 'queued')).toBe(true);
    expect(held.submissions.find((s) => s.id === withFiles[1]!.id)?.attachments).toEqual(withFiles[1]!.attachments);
    const expected = withFiles.flatMap((s) => s.attachments!.map((a) => ({ submissionId: s.id, ...a })));
    expect(held.files.map(({ blob: _blob, ...row }) => row)).toEqual(expect.arrayContaining(expected));
    expect(held.files).toHaveLength(expected.length);
    for (const row of held.files) {
      expect(row.uploadedAt).toBeUndefined();
      expect(row.blob.type).toBe(row.type);
      expect((await bytes(row.blob)).equals(Buffer.from(contents.get(row.sha256)!))).toBe(true);
    }

    const again = await importBundleFile(blob);
    expect(again).toMatchObject({ ok: true, total: 6, plan: { add: [], conflicts: [] } });
    expect(again.ok && again.plan.skipped).toHaveLength(6);
    const after = await everything();
    expect(after.submissions).toEqual(held.submissions);
    expect(after.files.map(({ blob: _b, ...row }) => row)).toEqual(held.files.map(({ blob: _b, ...row }) => row));
  });

  it('keeps the JSON file of version 1 when no response names a file', async () => {
    await storeOnDevice(plain);
    const file = await exportBundle('all', 'device-a');
    expect(file.fileName).toMatch(/\.json$/);
    expect(JSON.parse(await file.blob.text())).toMatchObject({ version: 1, submissions: plain });
  });

  it('leaves out a response whose file is no longer on the device, and says which', async () => {
    await storeOnDevice(withFiles.slice(0, 2), 'queued', withFiles[1]!.attachments![1]!.name);
    const file = await exportBundle('all', 'device-a');
    expect(file).toMatchObject({ count: 1, leftOut: [withFiles[1]!.id] });
    await resetStorage();
    await storeDefinition(PHOTO_FORM);
    expect(await importBundleFile(file.blob)).toMatchObject({ ok: true, total: 1 });
  });
});

describe('a bundle with files that is refused changes nothing', () => {
  async function refusal(damage: (zip: Buffer) => Buffer | Blob | Promise<Blob>): Promise<string> {
    const zip = await bytes(await bundleFromDeviceA());
    await storeOnDevice([withFiles[0]!]);
    const before = await everything();
    const damaged = await damage(zip);
    const outcome = await importBundleFile(damaged instanceof Blob ? damaged : new Blob([new Uint8Array(damaged)]));
    const after = await everything();
    expect(after.submissions).toEqual(before.submissions);
    expect(after.files.map(({ blob: _b, ...row }) => row)).toEqual(before.files.map(({ blob: _b, ...row }) => row));
    if (outcome.ok) throw new Error('the file was imported');
    return outcome.message;
  }

  it('a photo changed by one byte', async () => {
    const message = await refusal((zip) => {
      const copy = Buffer.from(zip);
      const at = copy.indexOf(Buffer.from(third.subarray(50_000, 50_016)));
      copy[at] = 0xff - copy[at]!;
      return copy;
    });
    expect(message).toMatch(new RegExp(`${withFiles[2]!.attachments![0]!.name}.*does not match its checksum`));
  });

  it('a copy cut short', async () => {
    expect(await refusal((zip) => zip.subarray(0, zip.length - 20_000))).toMatch(/not a readable ZIP bundle/);
  });

  it('a JSON bundle whose responses name files it cannot carry', async () => {
    const message = await refusal(async () => new Blob([JSON.stringify(await makeBundle('device-a', withFiles))]));
    expect(message).toMatch(new RegExp(`incomplete: the file ${withFiles[0]!.attachments![0]!.name} is not in it`));
    expect((await importBundleText(JSON.stringify(await makeBundle('device-a', withFiles)))).ok).toBe(false);
  });

  it('a ZIP bundle larger than any bundle may be is refused before it is read', async () => {
    const huge = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])]);
    Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 });
    Object.defineProperty(huge, 'stream', { value: () => { throw new Error('read'); } });
    expect(await importBundleFile(huge)).toMatchObject({ ok: false, message: expect.stringMatching(/larger than a bundle can be \(2,048 MB\)/) });
  });
});
