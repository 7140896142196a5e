// The files of photo, recording and file questions (docs/attachments.md): each kept as a Blob
// beside its submission from the moment it is chosen, so a file is never only in memory.
// The UI and the sync engine call these; neither sees Dexie.
import {
  attachmentName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_SUBMISSION,
  MAX_SUBMISSION_ATTACHMENT_BYTES,
  type Attachment,
} from '../forms/attachments';
import { db } from './db';
import { guarded, StorageError } from './errors';

/** One file as the device keeps it: its manifest entry, its bytes, and whether the server holds it. */
export interface StoredAttachment extends Attachment {
  submissionId: string;
  blob: Blob;
  /** When the server confirmed it (201 or 200); absent until then. */
  uploadedAt?: string;
}

/** Why a file was not kept; nothing was written. */
export type AttachRefusal = { kind: 'too-large'; limit: number } | { kind: 'submission-full'; limit: number } | { kind: 'too-many'; limit: number };

export type AttachResult = { ok: true; attachment: Attachment } | { ok: false; refusal: AttachRefusal };

/** Hex sha256 of a Blob's bytes. */
export async function blobSha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keeps a chosen file with a draft: its Blob and its manifest entry, in one transaction. The
 * caller then sets the question's answer to the returned name (saved with the draft as typed);
 * an entry no answer names by finalize is dropped then. Choosing the same file again for the same
 * question keeps one copy.
 */
export async function attachFile(submissionId: string, questionId: string, blob: Blob, fileName?: string): Promise<AttachResult> {
  if (blob.size > MAX_ATTACHMENT_BYTES) return { ok: false, refusal: { kind: 'too-large', limit: MAX_ATTACHMENT_BYTES } };
  const sha256 = await blobSha256(blob);
  const type = blob.type || 'application/octet-stream';
  const attachment: Attachment = { name: attachmentName(questionId, sha256, type, fileName), sha256, size: blob.size, type };
  return guarded(() =>
    db().transaction('rw', db().submissions, db().attachments, async () => {
      const current = await db().submissions.get(submissionId);
      if (!current) throw new StorageError({ kind: 'missing' });
      if (current.status !== 'draft') throw new StorageError({ kind: 'finalized' });
      const manifest = current.attachments ?? [];
      if (manifest.some((a) => a.name === attachment.name)) return { ok: true as const, attachment };
      if (manifest.length >= MAX_ATTACHMENTS_PER_SUBMISSION) return { ok: false as const, refusal: { kind: 'too-many' as const, limit: MAX_ATTACHMENTS_PER_SUBMISSION } };
      if (manifest.reduce((sum, a) => sum + a.size, 0) + blob.size > MAX_SUBMISSION_ATTACHMENT_BYTES) {
        return { ok: false as const, refusal: { kind: 'submission-full' as const, limit: MAX_SUBMISSION_ATTACHMENT_BYTES } };
      }
      await db().attachments.put({ ...attachment, submissionId, blob });
      await db().submissions.put({ ...current, attachments: [...manifest, attachment] });
      return { ok: true as const, attachment };
    }),
  );
}

/** A kept file's Blob, to show or to send; undefined when it is not on the device. */
export async function attachmentBlob(submissionId: string, name: string): Promise<Blob | undefined> {
  const row = await guarded(() => db().attachments.get([submissionId, name]));
  return row?.blob;
}

/** The names of a submission's files the server has not yet confirmed, in manifest order. */
export async function unsentAttachments(submissionId: string): Promise<Attachment[]> {
  const rows = await db().attachments.where('submissionId').equals(submissionId).toArray();
  return rows.filter((r) => r.uploadedAt === undefined).map(({ name, sha256, size, type }) => ({ name, sha256, size, type }));
}

/** Records that the server holds a file (it answered 201 or 200). */
export function markUploaded(submissionId: string, name: string, at = new Date().toISOString()): Promise<void> {
  return markAllUploaded([[submissionId, name]], at);
}

/**
 * Records that the server holds these files, in one transaction: one write to disk for a batch's
 * files rather than one per file (strict durability makes each write wait for the disk).
 */
export function markAllUploaded(keys: readonly (readonly [submissionId: string, name: string])[], at = new Date().toISOString()): Promise<void> {
  if (keys.length === 0) return Promise.resolve();
  return db()
    .attachments.bulkUpdate(keys.map(([submissionId, name]) => ({ key: [submissionId, name] as [string, string], changes: { uploadedAt: at } })))
    .then(() => undefined);
}

/** Forgets that the server holds a submission's files (it said it does not): they are sent again. */
export function forgetUploads(submissionId: string): Promise<void> {
  return db()
    .attachments.where('submissionId')
    .equals(submissionId)
    .modify((row) => {
      delete row.uploadedAt;
    })
    .then(() => undefined);
}

/** Every file of one submission with its bytes, for a bundle; read per submission, never all at once. */
export function attachmentsOf(submissionId: string): Promise<StoredAttachment[]> {
  return guarded(() => db().attachments.where('submissionId').equals(submissionId).toArray());
}

/**
 * The files of a few submissions (a sync batch's) in one read. A Blob read from IndexedDB is a
 * handle to bytes on disk, so this holds handles, not the photos' bytes.
 */
export function attachmentsOfAll(submissionIds: readonly string[]): Promise<StoredAttachment[]> {
  return guarded(() => db().attachments.where('submissionId').anyOf([...submissionIds]).toArray());
}

/** Names a set of answers uses, for pruning: every string value, at any depth of repeats. */
function namesIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const v of value) namesIn(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) namesIn(v, into);
  return into;
}

/**
 * The manifest kept at finalize: the entries the final answers name. Must run inside a
 * transaction over both tables; deletes the Blobs of the others.
 */
export async function pruneAttachments(submissionId: string, manifest: readonly Attachment[] | undefined, answers: unknown): Promise<Attachment[] | undefined> {
  if (!manifest?.length) return undefined;
  const named = namesIn(answers, new Set());
  const kept = manifest.filter((a) => named.has(a.name));
  const dropped = manifest.filter((a) => !named.has(a.name));
  if (dropped.length > 0) await db().attachments.bulkDelete(dropped.map((a) => [submissionId, a.name] as [string, string]));
  return kept.length > 0 ? kept : undefined;
}

/** Deletes every file of a submission (a discarded draft). Must run inside a transaction over the attachments table. */
export function deleteAttachmentsOf(submissionId: string): Promise<number> {
  return db().attachments.where('submissionId').equals(submissionId).delete();
}
