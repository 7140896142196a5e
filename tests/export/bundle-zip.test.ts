// @vitest-environment node
// Version 2 bundles (a ZIP: bundle.json, then each file once): what is made is read back with every
// file byte for byte, any ZIP tool reads it, and a damaged, incomplete or foreign file is refused
// whole before the caller keeps anything.
import { strToU8, unzipSync, Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT, BUNDLE_ZIP_VERSION, makeBundle, type BundleZipEnvelope } from '../../src/export/bundle';
import { filesIndex } from '../../src/export/bundle-files';
import { ENVELOPE_ENTRY, fileEntry, isZipStart, zipBundleWriter } from '../../src/export/bundle-zip';
import { crc32 } from '../../src/export/zip-entries';
import type { Submission } from '../../src/forms/submission';
import { jpegBytes, photoSubmission, readKeeping, sha256, zipLikeBytes } from '../helpers/bundle-zip';

const CREATED = new Date('2024-05-14T10:00:00.000Z');
const shared = jpegBytes(1, 4000);
const docx = zipLikeBytes();
// Three responses: two share one photo (sent once), one carries a document full of ZIP signatures.
const submissions: Submission[] = [photoSubmission(shared), photoSubmission(shared, docx), photoSubmission(jpegBytes(2, 70_000))];
const contents = new Map([shared, docx, jpegBytes(2, 70_000)].map((b) => [sha256(b), b]));

async function envelopeOf(list: Submission[]): Promise<BundleZipEnvelope> {
  const { format, createdAt, deviceId, checksum } = await makeBundle('device-a', list, CREATED.toISOString());
  return { format, version: BUNDLE_ZIP_VERSION, createdAt, deviceId, submissions: list, files: filesIndex(list), checksum };
}

/** A bundle written by the code under test, files taken from `bytesOf`. */
async function zipBundle(list = submissions, bytesOf = (sha: string) => contents.get(sha)!): Promise<{ blob: Blob; envelope: BundleZipEnvelope }> {
  const envelope = await envelopeOf(list);
  const writer = zipBundleWriter(envelope, CREATED);
  for (const file of envelope.files) await writer.addFile(file.sha256, new Blob([bytesOf(file.sha256)]));
  return { blob: writer.finish(), envelope };
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const problemOf = (read: { ok: boolean; problem?: string }) => (read.ok ? 'ok' : read.problem);

describe('a bundle with files', () => {
  it('reads back whole: the envelope as made, every file byte for byte, each content once', async () => {
    const { blob, envelope } = await zipBundle();
    expect(blob.type).toBe('application/zip');
    expect(isZipStart(await bytesOf(blob))).toBe(true);
    expect(envelope.files).toHaveLength(3);
    const { read, files, aborted } = await readKeeping(blob);
    expect(read).toEqual({ ok: true, bundle: envelope });
    expect(aborted).toBe(0);
    expect([...files.keys()].sort()).toEqual([...contents.keys()].sort());
    for (const [sha, bytes] of contents) expect(Buffer.from(files.get(sha)!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is a plain ZIP any tool reads: bundle.json first and deflated, the files stored, sizes up front', async () => {
    const { blob, envelope } = await zipBundle();
    const bytes = await bytesOf(blob);
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual([ENVELOPE_ENTRY, ...envelope.files.map((f) => fileEntry(f.sha256))]);
    expect(JSON.parse(Buffer.from(entries[ENVELOPE_ENTRY]!).toString('utf8'))).toEqual(envelope);
    const view = new DataView(bytes.buffer);
    expect(view.getUint16(6, true) & 8).toBe(0); // no data descriptor
    expect(view.getUint16(8, true)).toBe(8); // bundle.json deflated
    const second = 30 + ENVELOPE_ENTRY.length + view.getUint32(18, true);
    expect(view.getUint32(second, true)).toBe(0x04034b50);
    expect(view.getUint16(second + 8, true)).toBe(0); // a file stored
    expect(view.getUint32(second + 22, true)).toBe(envelope.files[0]!.size);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  });

  it('reads the same bundle zipped again by another tool that stores files', async () => {
    const { envelope } = await zipBundle();
    const again = zipSync({
      [ENVELOPE_ENTRY]: [strToU8(JSON.stringify(envelope)), { level: 9 }],
      ...Object.fromEntries(envelope.files.map((f) => [fileEntry(f.sha256), [contents.get(f.sha256)!, { level: 0 }]])),
    });
    expect(problemOf((await readKeeping(new Blob([again]))).read)).toBe('ok');
  });
});

describe('a bundle with files that is refused', () => {
  it('one byte of a photo changed: refused, naming the file, and its reception dropped', async () => {
    const { blob, envelope } = await zipBundle(submissions, (sha) => {
      const bytes = contents.get(sha)!.slice();
      if (sha === sha256(docx)) bytes[2000] = 0xff - bytes[2000]!;
      return bytes;
    });
    const { read, files } = await readKeeping(blob);
    expect(problemOf(read)).toBe('file-damaged');
    expect(read.ok ? '' : read.message).toContain(submissions[1]!.attachments![1]!.name);
    expect(files.has(sha256(docx))).toBe(false);
    expect(envelope.files).toHaveLength(3);
  });

  it('a file cut out of the end: refused as incomplete, naming the file', async () => {
    const { blob, envelope } = await zipBundle();
    const bytes = await bytesOf(blob);
    const lastName = fileEntry(envelope.files[2]!.sha256);
    // Cut at the last file's local header: what is left is a well-formed ZIP without it.
    const at = Buffer.from(bytes).indexOf(Buffer.from(`PK\x03\x04`, 'latin1'), Buffer.from(bytes).indexOf(lastName) - 40);
    const { read } = await readKeeping(new Blob([bytes.subarray(0, at)]));
    expect(problemOf(read)).toBe('file-missing');
    expect(read.ok ? '' : read.message).toContain(submissions[2]!.attachments![0]!.name);
  });

  it('a manifest naming a file the index leaves out: refused before any file is read', async () => {
    const envelope = await envelopeOf(submissions);
    const { files, aborted, read } = await readKeeping(new Blob([zipSync({ [ENVELOPE_ENTRY]: strToU8(JSON.stringify({ ...envelope, files: envelope.files.slice(1) })) })]));
    expect(problemOf(read)).toBe('file-missing');
    expect(files.size + aborted).toBe(0);
  });

  it.each<[string, (bytes: Uint8Array) => Uint8Array, string]>([
    ['cut short inside a file', (b) => b.subarray(0, b.length - 30_000), 'not-zip'],
    ['cut short inside bundle.json', (b) => b.subarray(0, 60), 'not-zip'],
    ['empty', () => new Uint8Array(0), 'not-zip'],
    ['a JSON bundle behind a ZIP signature', () => strToU8('PK\x03\x04{"format":"fieldbook-bundle"}'), 'not-zip'],
  ])('%s', async (_what, damage, problem) => {
    const { blob } = await zipBundle();
    const { read } = await readKeeping(new Blob([damage(await bytesOf(blob)) as Uint8Array<ArrayBuffer>]));
    expect(problemOf(read)).toBe(problem);
    if (!read.ok) expect(read.message).toMatch(/damaged or incomplete/);
  });

  it.each<[string, (envelope: BundleZipEnvelope) => Record<string, Uint8Array | [Uint8Array, { level: 0 | 9 }]>, RegExp]>([
    ['files before bundle.json', (e) => ({ [fileEntry(e.files[0]!.sha256)]: [shared, { level: 0 }], [ENVELOPE_ENTRY]: strToU8(JSON.stringify(e)) }), /first entry must be bundle\.json/],
    ['an entry the index does not list', (e) => ({ [ENVELOPE_ENTRY]: strToU8(JSON.stringify(e)), 'notes.txt': strToU8('hello') }), /does not list/],
    ['a file deflated', (e) => ({ [ENVELOPE_ENTRY]: strToU8(JSON.stringify(e)), [fileEntry(e.files[0]!.sha256)]: [shared, { level: 9 }] }), /not stored with its size/],
    ['an index listing a file no response names', (e) => ({ [ENVELOPE_ENTRY]: strToU8(JSON.stringify({ ...e, files: [...e.files, { sha256: 'f'.repeat(64), size: 10 }] })) }), /no response names/],
    ['an index with a wrong size', (e) => ({ [ENVELOPE_ENTRY]: strToU8(JSON.stringify({ ...e, files: e.files.map((f, i) => (i ? f : { ...f, size: f.size + 1 })) })) }), /another size/],
  ])('%s: malformed', async (_what, entries, reason) => {
    const { read } = await readKeeping(new Blob([zipSync(entries(await envelopeOf(submissions)))]));
    expect(problemOf(read)).toBe('malformed');
    expect(read.ok ? '' : read.message).toMatch(reason);
  });

  it('entries a streaming tool wrote with data descriptors (sizes after the bytes): refused, never searched for', async () => {
    const envelope = await envelopeOf(submissions);
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, bytes] of [[ENVELOPE_ENTRY, strToU8(JSON.stringify(envelope))], ...envelope.files.map((f) => [fileEntry(f.sha256), contents.get(f.sha256)!] as const)] as const) {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(bytes, true);
    }
    zip.end();
    const { read } = await readKeeping(new Blob(chunks as Uint8Array<ArrayBuffer>[]));
    expect(problemOf(read)).toBe('malformed');
    expect(read.ok ? '' : read.message).toMatch(/not stored with its size/);
  });

  it('a bundle.json of another version, or a changed answer: refused as a JSON bundle would be', async () => {
    const envelope = await envelopeOf(submissions);
    const version1 = { ...envelope, version: 1 };
    expect(problemOf((await readKeeping(new Blob([zipSync({ [ENVELOPE_ENTRY]: strToU8(JSON.stringify(version1)) })]))).read)).toBe('version');
    const changed = JSON.stringify(envelope).replace('"note":"visit', '"note":"Visit');
    expect(problemOf((await readKeeping(new Blob([zipSync({ [ENVELOPE_ENTRY]: strToU8(changed) })]))).read)).toBe('checksum');
    const other = JSON.stringify({ ...envelope, format: 'other' });
    expect(problemOf((await readKeeping(new Blob([zipSync({ [ENVELOPE_ENTRY]: strToU8(other) })]))).read)).toBe('foreign');
    expect(BUNDLE_FORMAT).toBe('fieldbook-bundle');
  });
});
