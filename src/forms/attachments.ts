// Photos, recordings and files a response carries (docs/attachments.md): the manifest entry a
// submission lists, the limits both sides enforce, and which media types fit which question.
// Shared by the device, the service worker and the server, so it imports nothing runtime-specific.
import * as z from 'zod/mini';

/** Question types whose answer is the name of an attached file. */
export const MEDIA_TYPES = ['image', 'audio', 'video', 'file'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** The most bytes one attached file may hold (after any downscaling on the device). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The most bytes of attachments one submission may hold on the server, all files together. */
export const MAX_SUBMISSION_ATTACHMENT_BYTES = 50 * 1024 * 1024;
/** The most files one submission may list. */
export const MAX_ATTACHMENTS_PER_SUBMISSION = 100;

/** A file name as a media answer holds it: `<question>-<12 hex of its sha256>.<ext>`, safe in a path and a ZIP. */
export const ATTACHMENT_NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]{0,150}-[0-9a-f]{12}\.[a-z0-9]{1,10}$/u;
const Sha256Schema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lowercase hex'));
/** A media type such as `image/jpeg` (parameters left out). */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
export const MimeSchema = z.string().check(z.regex(MIME, 'must be a media type such as image/jpeg'));

/** One file of a submission's manifest: the name its answer holds, its content's hash, size and media type. */
export const AttachmentSchema = z.strictObject({
  name: z.string().check(z.regex(ATTACHMENT_NAME, 'must be a name such as photo-0123456789ab.jpg')),
  sha256: Sha256Schema,
  size: z.int().check(z.gte(1), z.lte(MAX_ATTACHMENT_BYTES)),
  type: MimeSchema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AttachmentsSchema = z.array(AttachmentSchema).check(
  z.maxLength(MAX_ATTACHMENTS_PER_SUBMISSION),
  z.refine((list) => new Set(list.map((a) => a.name)).size === list.length, 'each attachment name appears once'),
  z.refine((list) => list.reduce((sum, a) => sum + a.size, 0) <= MAX_SUBMISSION_ATTACHMENT_BYTES, `attachments hold at most ${MAX_SUBMISSION_ATTACHMENT_BYTES / 1024 / 1024} MB per submission`),
);

/** Image formats a device and the server accept, with the bytes each file starts with. */
const IMAGE_SIGNATURES: Record<string, (bytes: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/gif': (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  'image/webp': (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
};
export const IMAGE_MIME_TYPES = Object.keys(IMAGE_SIGNATURES);

/**
 * Whether a file of media type `type` may answer a question of `question` type: images in the four
 * formats browsers show, audio/* and video/* for recordings, and for `file` anything but what a
 * browser would run (HTML, scripts, SVG).
 */
export function typeFits(question: MediaType, type: string): boolean {
  if (!MIME.test(type)) return false;
  switch (question) {
    case 'image':
      return type in IMAGE_SIGNATURES;
    case 'audio':
      return type.startsWith('audio/');
    case 'video':
      return type.startsWith('video/');
    case 'file':
      return !/^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/javascript|application\/javascript)$/.test(type);
  }
}

/** Whether the first bytes of a file agree with its declared image type; other types are not sniffed. */
export function bytesFit(type: string, head: Uint8Array): boolean {
  const check = IMAGE_SIGNATURES[type];
  return check === undefined ? !type.startsWith('image/') : check(head);
}

/** The extension a file of this type is named with. */
export function extensionOf(type: string, fileName = ''): string {
  const known: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/ogg': 'ogg', 'audio/webm': 'weba', 'audio/wav': 'wav', 'video/mp4': 'mp4', 'video/webm': 'webm', 'application/pdf': 'pdf' };
  const fromName = /\.([a-z0-9]{1,10})$/i.exec(fileName)?.[1]?.toLowerCase();
  return known[type] ?? fromName ?? 'bin';
}

/** The name a media answer holds for a file: question id, the start of its hash, and its extension. */
export function attachmentName(questionId: string, sha256: string, type: string, fileName?: string): string {
  return `${questionId.slice(0, 150)}-${sha256.slice(0, 12)}.${extensionOf(type, fileName)}`;
}
