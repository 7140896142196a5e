// The device's side of offline bundles: writing this device's submissions to a file, and
// reading another device's file into this one's outbox. Everything in a file is checked
// before anything is written, so a refused file changes nothing.
import { checkAgainstForm } from '../forms/check';
import { loadForm } from '../storage/catalog';
import type { Submission } from '../forms/submission';
import { t } from '../i18n';
import { importSubmissions } from '../storage/import';
import { pagesWithStatus } from '../storage/pages';
import type { SubmissionStatus } from '../storage/record';
import { toWire } from '../sync/outbox';
import { BUNDLE_VERSION, bundleFileName, makeBundle, MAX_BUNDLE_BYTES, readBundleText, type BundleRead } from './bundle';
import type { ImportPlan } from './import-plan';
import { yieldToEventLoop } from './yield';

/** Which submissions go into a bundle: every finalized one, or only those not yet sent. */
export type BundleScope = 'all' | 'unsent';

const SCOPE_STATUSES: Record<BundleScope, readonly SubmissionStatus[]> = {
  all: ['queued', 'synced', 'rejected'],
  unsent: ['queued'],
};

/** A bundle ready to save: the file, its name, and how many submissions it holds. */
export interface BundleFile {
  blob: Blob;
  fileName: string;
  count: number;
}

/** This device's submissions in `scope` as a bundle file. */
export async function exportBundle(scope: BundleScope, deviceId: string, now = new Date()): Promise<BundleFile> {
  const submissions: Submission[] = [];
  for await (const page of pagesWithStatus(SCOPE_STATUSES[scope])) {
    for (const record of page) submissions.push(toWire(record));
    await yieldToEventLoop();
  }
  const bundle = await makeBundle(deviceId, submissions, now.toISOString());
  return { blob: new Blob([JSON.stringify(bundle)], { type: 'application/json' }), fileName: bundleFileName(deviceId, now), count: submissions.length };
}

/** An import's outcome: what was added, skipped and in conflict, or why the whole file was refused. */
export type ImportOutcome = { ok: true; total: number; plan: ImportPlan } | { ok: false; message: string };

/** Why a file was refused, in the language in use (the server answers with the English of bundle.ts). */
function describeRefusal(read: Extract<BundleRead, { ok: false }>): string {
  switch (read.problem) {
    case 'not-json':
      return t('This file is damaged or incomplete: it is not readable JSON (it may have been cut short while copying). Export it again from the device.');
    case 'foreign':
      return t('This file is not a Fieldbook bundle.');
    case 'version':
      return t('This bundle has version {found}; this Fieldbook reads version {supported} only. Update Fieldbook, then try again.', { found: read.detail ?? '?', supported: BUNDLE_VERSION });
    case 'malformed':
      return t('This bundle is malformed: {detail}.', { detail: read.detail ?? '?' });
    case 'checksum':
      return t('This bundle is damaged: its contents do not match its checksum (it was changed after it was made). Export it again from the device.');
    case 'too-large':
      return tooLarge();
  }
}

const tooLarge = () => t('This file is larger than a bundle can be ({size} MB): it is not a Fieldbook bundle.', { size: MAX_BUNDLE_BYTES / 1024 / 1024 });

/** Reads a bundle's text, checks it whole (file, checksum, every submission against its form), then imports it. */
export async function importBundleText(text: string): Promise<ImportOutcome> {
  const read = await readBundleText(text);
  if (!read.ok) return { ok: false, message: describeRefusal(read) };
  // Published versions this device keeps are read from storage before the checks, which look them up synchronously.
  const named = new Map<string, [string, number]>();
  for (const s of read.bundle.submissions) {
    const { formId, formVersion } = (typeof s === 'object' && s !== null ? s : {}) as { formId?: unknown; formVersion?: unknown };
    if (typeof formId === 'string' && Number.isSafeInteger(formVersion)) named.set(`${formId}@${formVersion}`, [formId, formVersion as number]);
  }
  // A version this device does not hold is refused below with its reason, like any other.
  await Promise.all([...named.values()].map(([formId, version]) => loadForm(formId, version).catch(() => undefined)));
  const submissions: Submission[] = [];
  for (const [i, input] of read.bundle.submissions.entries()) {
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
  return { ok: true, total: submissions.length, plan: await importSubmissions(submissions) };
}

/** Imports a chosen file, refusing one larger than any bundle may be before reading it. */
export async function importBundleFile(file: Blob): Promise<ImportOutcome> {
  if (file.size > MAX_BUNDLE_BYTES) {
    return { ok: false, message: tooLarge() };
  }
  return importBundleText(await file.text());
}
