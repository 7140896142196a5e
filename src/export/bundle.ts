// The offline bundle (PRODUCT.md section 4): a device's submissions in one JSON file, carried
// by hand when there is no network, read by the server or by another device. Pure code shared
// by both; the only runtime need is WebCrypto (`crypto.subtle`: browsers and Node 20 alike).
// Submissions with photos or files travel in version 2, a ZIP around the same envelope
// (bundle-zip.ts, docs/attachments.md); a bundle without files stays this JSON file.
import * as z from 'zod/mini';
import { MAX_ATTACHMENT_BYTES } from '../forms/attachments';
import { SubmissionSchema, type Submission } from '../forms/submission';
import { canonicalJson } from './canonical-json';

/** What the `format` field must say; anything else is some other program's file. */
export const BUNDLE_FORMAT = 'fieldbook-bundle';
/** The JSON layout this code writes and reads; bump on any change to it. */
export const BUNDLE_VERSION = 1;
/** The ZIP layout (bundle-zip.ts): this envelope plus the index of the files beside it. */
export const BUNDLE_ZIP_VERSION = 2;
/** Bundles may be much larger than a sync batch (5 MB); the server and devices refuse more than this. */
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

const IsoTimeSchema = z.iso.datetime({ offset: true });
const Sha256HexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'));

/** One file a version 2 bundle carries, once whatever the number of submissions naming it. */
export const BundleFileSchema = z.strictObject({
  sha256: Sha256HexSchema,
  size: z.int().check(z.gte(1), z.lte(MAX_ATTACHMENT_BYTES)),
});
export type BundleFile = z.infer<typeof BundleFileSchema>;

/** The bundle with its submissions unchecked: the server judges each one as sync does. */
export const BundleEnvelopeSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  createdAt: IsoTimeSchema,
  deviceId: z.string().check(z.minLength(1), z.maxLength(200)),
  submissions: z.array(z.unknown()),
  checksum: Sha256HexSchema,
});
export type BundleEnvelope = z.infer<typeof BundleEnvelopeSchema>;

/**
 * A version 2 envelope (`bundle.json` in the ZIP): the same fields, and `files`, each content the
 * submissions' manifests name, once. The checksum still covers the submissions only: the files
 * index is checked against their manifests, and each file against its sha256.
 */
export const BundleZipEnvelopeSchema = z.extend(BundleEnvelopeSchema, { version: z.literal(BUNDLE_ZIP_VERSION), files: z.array(BundleFileSchema) });
export type BundleZipEnvelope = z.infer<typeof BundleZipEnvelopeSchema>;

/** A bundle whose every submission has the wire shape. */
export const BundleSchema = z.extend(BundleEnvelopeSchema, { submissions: z.array(SubmissionSchema) });
export type Bundle = z.infer<typeof BundleSchema>;

/** Why a file was refused, each with a sentence a coordinator can act on. */
export type BundleProblem = 'not-json' | 'not-zip' | 'foreign' | 'version' | 'malformed' | 'checksum' | 'file-damaged' | 'file-missing' | 'too-large';

/** Why a file was refused: `message` in English (the server's answer), `detail` for a device to word its own. */
export type BundleRefusal = { ok: false; problem: BundleProblem; message: string; detail?: string };

/** A read bundle, or why not. */
export type BundleRead = { ok: true; bundle: BundleEnvelope } | BundleRefusal;

/** Hex sha256 of a text's UTF-8 bytes, through WebCrypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The checksum of a submissions array: sha256 of its canonical JSON, so key order never matters. */
export function bundleChecksum(submissions: readonly unknown[]): Promise<string> {
  return sha256Hex(canonicalJson(submissions));
}

/** A bundle of these submissions from this device, stamped now. */
export async function makeBundle(deviceId: string, submissions: readonly Submission[], createdAt = new Date().toISOString()): Promise<Bundle> {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, createdAt, deviceId, submissions: [...submissions], checksum: await bundleChecksum(submissions) };
}

/** A refusal with its English message. */
export function refused(problem: BundleProblem, message: string, detail?: string): BundleRefusal {
  return detail === undefined ? { ok: false, problem, message } : { ok: false, problem, message, detail };
}

/** A version check and a shape check, then the checksum: shared by both layouts. */
async function checkEnvelope<T extends { submissions: unknown[]; checksum: string }>(
  value: unknown,
  version: number,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } } },
): Promise<{ ok: true; bundle: T } | BundleRefusal> {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record?.format !== BUNDLE_FORMAT) return refused('foreign', 'This file is not a Fieldbook bundle.');
  if (record.version !== version) {
    const found = JSON.stringify(record.version);
    return refused('version', `This bundle has version ${found}; this Fieldbook reads version 1 as a JSON file and version 2 as a ZIP file. Update Fieldbook, then try again.`, found);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    const where = path ? ` (${path})` : '';
    const detail = `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid'}`;
    return refused('malformed', `This bundle is malformed${where}: ${issue?.message ?? 'invalid'}.`, detail);
  }
  if ((await bundleChecksum(parsed.data.submissions)) !== parsed.data.checksum) {
    return refused('checksum', 'This bundle is damaged: its contents do not match its checksum (it was changed after it was made). Export it again from the device.');
  }
  return { ok: true, bundle: parsed.data };
}

/**
 * Checks a parsed JSON file: a Fieldbook bundle of version 1, well formed, and unchanged since it
 * was made (checksum). Its submissions are left for the caller to judge.
 */
export function checkBundle(value: unknown): Promise<BundleRead> {
  return checkEnvelope(value, BUNDLE_VERSION, BundleEnvelopeSchema);
}

/** The same checks of a ZIP bundle's `bundle.json`, which must say version 2 and list its files. */
export function checkZipEnvelope(value: unknown): Promise<{ ok: true; bundle: BundleZipEnvelope } | BundleRefusal> {
  return checkEnvelope(value, BUNDLE_ZIP_VERSION, BundleZipEnvelopeSchema);
}

/** Reads a file's text as a bundle; a cut-short or otherwise unreadable file is refused, not guessed at. */
export function readBundleText(text: string): Promise<BundleRead> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return Promise.resolve(refused('not-json', 'This file is damaged or incomplete: it is not readable JSON (it may have been cut short while copying). Export it again from the device.'));
  }
  return checkBundle(value);
}

/** A file name such as `fieldbook-bundle-3f2a9c1b-2024-05-14.json` (`.zip` when it carries files): which device, which day. */
export function bundleFileName(deviceId: string, date: Date, extension: 'json' | 'zip' = 'json'): string {
  const device = deviceId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8) || 'device';
  return `${BUNDLE_FORMAT}-${device}-${date.toISOString().slice(0, 10)}.${extension}`;
}
