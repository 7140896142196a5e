// The offline bundle (PRODUCT.md section 4): a device's submissions in one JSON file, carried
// by hand when there is no network, read by the server or by another device. Pure code shared
// by both; the only runtime need is WebCrypto (`crypto.subtle`: browsers and Node 20 alike).
import * as z from 'zod/mini';
import { SubmissionSchema, type Submission } from '../forms/submission';
import { canonicalJson } from './canonical-json';

/** What the `format` field must say; anything else is some other program's file. */
export const BUNDLE_FORMAT = 'fieldbook-bundle';
/** The layout this code writes and reads; bump on any change to it. */
export const BUNDLE_VERSION = 1;
/** Bundles may be much larger than a sync batch (5 MB); the server and devices refuse more than this. */
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

const IsoTimeSchema = z.iso.datetime({ offset: true });
const Sha256HexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'));

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

/** A bundle whose every submission has the wire shape. */
export const BundleSchema = z.extend(BundleEnvelopeSchema, { submissions: z.array(SubmissionSchema) });
export type Bundle = z.infer<typeof BundleSchema>;

/** Why a file was refused, each with a sentence a coordinator can act on. */
export type BundleProblem = 'not-json' | 'foreign' | 'version' | 'malformed' | 'checksum' | 'too-large';

/** A read bundle, or why not: `message` in English (the server's answer), `detail` for a device to word its own. */
export type BundleRead = { ok: true; bundle: BundleEnvelope } | { ok: false; problem: BundleProblem; message: string; detail?: string };

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

function refused(problem: BundleProblem, message: string, detail?: string): BundleRead {
  return detail === undefined ? { ok: false, problem, message } : { ok: false, problem, message, detail };
}

/**
 * Checks a parsed file: a Fieldbook bundle, of a version this code reads, well formed, and
 * unchanged since it was made (checksum). Its submissions are left for the caller to judge.
 */
export async function checkBundle(value: unknown): Promise<BundleRead> {
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (record?.format !== BUNDLE_FORMAT) return refused('foreign', 'This file is not a Fieldbook bundle.');
  if (record.version !== BUNDLE_VERSION) {
    const found = JSON.stringify(record.version);
    return refused('version', `This bundle has version ${found}; this Fieldbook reads version ${BUNDLE_VERSION} only. Update Fieldbook, then try again.`, found);
  }
  const parsed = BundleEnvelopeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    const detail = `${issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}`;
    return refused('malformed', `This bundle is malformed${where}: ${issue?.message ?? 'invalid'}.`, detail);
  }
  if ((await bundleChecksum(parsed.data.submissions)) !== parsed.data.checksum) {
    return refused('checksum', 'This bundle is damaged: its contents do not match its checksum (it was changed after it was made). Export it again from the device.');
  }
  return { ok: true, bundle: parsed.data };
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

/** A file name such as `fieldbook-bundle-3f2a9c1b-2024-05-14.json`: which device, which day. */
export function bundleFileName(deviceId: string, date: Date): string {
  const device = deviceId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8) || 'device';
  return `${BUNDLE_FORMAT}-${device}-${date.toISOString().slice(0, 10)}.json`;
}
