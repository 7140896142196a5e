// Version 2 bundles for tests: submissions of a form with a photo question, each naming files,
// and a reader that keeps every file it is given (hashed with Node's crypto, not the code's own).
import { createHash } from 'node:crypto';
import type { Attachment } from '../../src/forms/attachments';
import { attachmentName } from '../../src/forms/attachments';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { blobChunks, readZipBundle, type ZipBundleRead } from '../../src/export/bundle-zip';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A form with a photo and a document question, as a coordinator would publish it. */
export const PHOTO_FORM: Form = {
  id: 'site-visit',
  version: 1,
  title: 'Site visit',
  sections: [
    {
      id: 's',
      title: 'Site',
      questions: [
        { id: 'photo', type: 'image', label: 'Photo of the site' },
        { id: 'report', type: 'file', label: 'Report' },
        { id: 'note', type: 'text', label: 'Note' },
        {
          id: 'sex',
          type: 'single',
          label: 'Sex',
          required: true,
          options: [
            { id: 'female', label: 'Female' },
            { id: 'male', label: 'Male' },
            { id: 'other', label: 'Other' },
            { id: 'prefer_not_to_say', label: 'Prefer not to say' },
          ],
        },
      ],
    },
  ],
};

/** JPEG-looking bytes (the signature, then a pattern from `seed`), `size` long. */
export function jpegBytes(seed: number, size = 3000): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff]);
  for (let i = 3; i < size; i++) bytes[i] = (i * 31 + seed * 17) & 0xff;
  return bytes;
}

/**
 * A document holding every ZIP signature (a .docx is itself a ZIP): a reader that looked for
 * signatures instead of counting bytes would cut it short.
 */
export function zipLikeBytes(size = 5000): Uint8Array<ArrayBuffer> {
  const bytes = jpegBytes(9, size);
  bytes.set([0x50, 0x4b, 0x03, 0x04], 0);
  bytes.set([0x50, 0x4b, 0x07, 0x08], 100);
  bytes.set([0x50, 0x4b, 0x01, 0x02], 200);
  bytes.set([0x50, 0x4b, 0x05, 0x06], 300);
  return bytes;
}

/** A manifest entry for these bytes answering `question`. */
export function entryFor(question: string, bytes: Uint8Array, type: string): Attachment {
  const sha = sha256(bytes);
  return { name: attachmentName(question, sha, type), sha256: sha, size: bytes.length, type };
}

let counter = 0;
/** A valid submission of PHOTO_FORM naming a photo and optionally a report. */
export function photoSubmission(photo: Uint8Array, report?: Uint8Array, deviceId = 'device-a'): Submission {
  const n = ++counter;
  const attachments = [entryFor('photo', photo, 'image/jpeg'), ...(report ? [entryFor('report', report, 'application/pdf')] : [])];
  const at = new Date(Date.UTC(2024, 4, 14, 9, 0, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    formId: PHOTO_FORM.id,
    formVersion: PHOTO_FORM.version,
    answers: { photo: attachments[0]!.name, ...(report ? { report: attachments[1]!.name } : {}), note: `visit ${n}`, sex: n % 2 ? 'female' : 'male' },
    attachments,
    meta: { deviceId, enumerator: 'Amina', locale: 'en', appVersion: 'test', startedAt: at, completedAt: at },
  };
}

/** Reads a ZIP bundle keeping every file's bytes (checked with Node's sha256), and whether each reception was aborted. */
export async function readKeeping(blob: Blob): Promise<{ read: ZipBundleRead; files: Map<string, Uint8Array>; aborted: number }> {
  const files = new Map<string, Uint8Array>();
  let aborted = 0;
  const read = await readZipBundle(blobChunks(blob), (file) => {
    const parts: Uint8Array[] = [];
    return {
      write: (chunk) => void parts.push(chunk.slice()),
      end: async () => {
        const bytes = Buffer.concat(parts);
        if (sha256(bytes) !== file.sha256) return false;
        files.set(file.sha256, bytes);
        return true;
      },
      abort: async () => void aborted++,
    };
  });
  return { read, files, aborted };
}
