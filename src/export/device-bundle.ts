// The device's side of offline bundles: writing this device's submissions to a file, and
// reading another device's file into this one's outbox. Everything in a file is checked
// before anything is written, so a refused file changes nothing. Submissions without files
// travel as the JSON file of version 1; with files, as the ZIP of version 2 (bundle-zip.ts).
import { checkAgainstForm } from '../forms/check';
import { loadForm } from '../storage/catalog';
import type { Submission } from '../forms/submission';
import { t } from '../i18n';
import { attachmentsOf } from '../storage/attachments';
import { importSubmissions } from '../storage/import';
import { pagesWithStatus } from '../storage/pages';
import type { SubmissionStatus } from '../storage/record';
import { toWire } from '../sync/outbox';
import { bundleFileName, BUNDLE_ZIP_VERSION, makeBundle, MAX_BUNDLE_BYTES, readBundleText, type BundleRefusal, type BundleZipEnvelope } from './bundle';
import { checkFilesIndex, filesIndex } from './bundle-files';
import { blobChunks, isZipStart, MAX_ZIP_BUNDLE_BYTES, readZipBundle, zipBundleWriter, type FileReceiver } from './bundle-zip';
import type { ImportPlan } from './import-plan';
import { yieldToEventLoop } from './yield';

/** Which submissions go into a bundle: every finalized one, or only those not yet sent. */
export type BundleScope = 'all' | 'unsent';

const SCOPE_STATUSES: Record<BundleScope, readonly SubmissionStatus[]> = {
  all: ['queued', 'synced', 'rejected'],
  unsent: ['queued'],
};

/** A bundle ready to save: the file, its name, how many submissions it holds, and those left out. */
export interface BundleFile {
  blob: Blob;
  fileName: string;
  count: number;
  /** Ids of submissions left out because a file they name is no longer on this device. */
  leftOut: string[];
}

/** Whether every file a submission names is on this device (read per submission, Blobs unread). */
async function filesHeld(submission: Submission): Promise<boolean> {
  if (!submission.attachments?.length) return true;
  const held = new Set((await attachmentsOf(submission.id)).map((row) => row.name));
  return submission.attachments.every((a) => held.has(a.name));
}

/**
 * This device's submissions in `scope` as a bundle file: the JSON file of version 1 when none
 * names a file, else the ZIP of version 2 with each file once. Files are read one submission at a
 * time, each once for its CRC; the ZIP itself is a Blob pointing at the kept files.
 */
export async function exportBundle(scope: BundleScope, deviceId: string, now = new Date()): Promise<BundleFile> {
  const submissions: Submission[] = [];
  const leftOut: string[] = [];
  for await (const page of pagesWithStatus(SCOPE_STATUSES[scope])) {
    for (const record of page) {
      const wire = toWire(record);
      if (await filesHeld(wire)) submissions.push(wire);
      else leftOut.push(wire.id);
    }
    await yieldToEventLoop();
  }
  const bundle = await makeBundle(deviceId, submissions, now.toISOString());
  const files = filesIndex(submissions);
  if (files.length === 0) {
    return { blob: new Blob([JSON.stringify(bundle)], { type: 'application/json' }), fileName: bundleFileName(deviceId, now), count: submissions.length, leftOut };
  }
  const { format, createdAt, checksum } = bundle;
  const envelope: BundleZipEnvelope = { format, version: BUNDLE_ZIP_VERSION, createdAt, deviceId, submissions, files, checksum };
  const writer = zipBundleWriter(envelope, now);
  const written = new Set<string>();
  for (const submission of submissions) {
    const manifest = submission.attachments?.filter((a) => !written.has(a.sha256)) ?? [];
    if (manifest.length === 0) continue;
    const rows = new Map((await attachmentsOf(submission.id)).map((row) => [row.name, row.blob]));
    for (const { name, sha256 } of manifest) {
      if (written.has(sha256)) continue;
      await writer.addFile(sha256, rows.get(name)!);
      written.add(sha256);
    }
  }
  return { blob: writer.finish(), fileName: bundleFileName(deviceId, now, 'zip'), count: submissions.length, leftOut };
}

/** An import's outcome: what was added, skipped and in conflict, or why the whole file was refused. */
export type ImportOutcome = { ok: true; total: number; plan: ImportPlan } | { ok: false; message: string };

/** Why a file was refused, in the language in use (the server answers with the English of bundle.ts). */
function describeRefusal(read: BundleRefusal): string {
  switch (read.problem) {
    case 'not-json':
      return t('This file is damaged or incomplete: it is not readable JSON (it may have been cut short while copying). Export it again from the device.');
    case 'not-zip':
      return t('This file is damaged or incomplete: it is not a readable ZIP bundle (it may have been cut short while copying). Export it again from the device.');
    case 'foreign':
      return t('This file is not a Fieldbook bundle.');
    case 'version':
      return t('This bundle has version {found}; this Fieldbook reads version 1 as a JSON file and version 2 as a ZIP file. Update Fieldbook, then try again.', { found: read.detail ?? '?' });
    case 'malformed':
      return t('This bundle is malformed: {detail}.', { detail: read.detail ?? '?' });
    case 'checksum':
      return t('This bundle is damaged: its contents do not match its checksum (it was changed after it was made). Export it again from the device.');
    case 'file-damaged':
      return t('This bundle is damaged: the file {file} in it does not match its checksum, so nothing was imported. Export it again from the device.', { file: read.detail ?? '?' });
    case 'file-missing':
      return t('This bundle is incomplete: the file {file} is not in it, so nothing was imported. Export it again from the device.', { file: read.detail ?? '?' });
    case 'too-large':
      return tooLarge(MAX_BUNDLE_BYTES);
  }
}

const tooLarge = (limit: number) => t('This file is larger than a bundle can be ({size} MB): it is not a Fieldbook bundle.', { size: limit / 1024 / 1024 });

/** Reads a JSON bundle's text, checks it whole (file, checksum, every submission against its form), then imports it. */
export async function importBundleText(text: string): Promise<ImportOutcome> {
  const read = await readBundleText(text);
  if (!read.ok) return { ok: false, message: describeRefusal(read) };
  // A JSON bundle carries no files: a submission naming one cannot be imported whole.
  const missing = checkFilesIndex(read.bundle.submissions, []);
  if (missing) return { ok: false, message: describeRefusal(missing) };
  return importChecked(read.bundle.submissions, new Map());
}

/** Checks every submission of a sound bundle against its form, then imports them and their files. */
async function importChecked(inputs: readonly unknown[], files: ReadonlyMap<string, Blob>): Promise<ImportOutcome> {
  // Published versions this device keeps are read from storage before the checks, which look them up synchronously.
  const named = new Map<string, [string, number]>();
  for (const s of inputs) {
    const { formId, formVersion } = (typeof s === 'object' && s !== null ? s : {}) as { formId?: unknown; formVersion?: unknown };
    if (typeof formId === 'string' && Number.isSafeInteger(formVersion)) named.set(`${formId}@${formVersion}`, [formId, formVersion as number]);
  }
  // A version this device does not hold is refused below with its reason, like any other.
  await Promise.all([...named.values()].map(([formId, version]) => loadForm(formId, version).catch(() => undefined)));
  const submissions: Submission[] = [];
  for (const [i, input] of inputs.entries()) {
    const checked = checkAgainstForm(input);
    if (!checked.ok) {
      const first = checked.errors[0];
      // The reason is the validator's English, as the server would give it.
      const reason = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid';
      const which = checked.id ? t('response {number} (id {id})', { number: i + 1, id: checked.id }) : t('response {number}', { number: i + 1 });
      return { ok: false, message: t('This bundle was not imported: {which} is not valid here ({reason}). Nothing was changed.', { which, reason }) };
    }
    submissions.push(checked.submission);
    // Checking answers costs a little per response: let the page breathe on large files.
    if (i % 500 === 499) await yieldToEventLoop();
  }
  return { ok: true, total: submissions.length, plan: await importSubmissions(submissions, files) };
}

/**
 * Where a ZIP bundle's file goes while it is read: into one buffer of its declared size (at most
 * 10 MB, the only file held in memory at a time), hashed when complete, then kept as a Blob
 * (which the browser may keep on disk) until the import writes it.
 */
function blobReceiver(size: number, sha256: string, into: Map<string, Blob>): FileReceiver {
  let bytes: Uint8Array<ArrayBuffer> | undefined = new Uint8Array(size);
  let at = 0;
  return {
    write(chunk) {
      bytes?.set(chunk, at);
      at += chunk.length;
    },
    async end() {
      if (!bytes) return false;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      if (hex === sha256) into.set(sha256, new Blob([bytes]));
      bytes = undefined;
      return hex === sha256;
    },
    async abort() {
      bytes = undefined;
    },
  };
}

/**
 * Imports a chosen file: a ZIP bundle (told by its first bytes) read as a stream, its files
 * checked against their sha256 before anything is written; or a JSON bundle, read whole. A file
 * larger than any bundle may be is refused before it is read.
 */
export async function importBundleFile(file: Blob): Promise<ImportOutcome> {
  if (isZipStart(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) {
    if (file.size > MAX_ZIP_BUNDLE_BYTES) return { ok: false, message: tooLarge(MAX_ZIP_BUNDLE_BYTES) };
    const files = new Map<string, Blob>();
    const read = await readZipBundle(blobChunks(file), ({ sha256, size }) => blobReceiver(size, sha256, files));
    if (!read.ok) return { ok: false, message: describeRefusal(read) };
    return importChecked(read.bundle.submissions, files);
  }
  if (file.size > MAX_BUNDLE_BYTES) return { ok: false, message: tooLarge(MAX_BUNDLE_BYTES) };
  return importBundleText(await file.text());
}
