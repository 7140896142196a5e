// The server's view of the form registry: definitions parsed once per version (versions never
// change), states read fresh from the store (another server may have changed them), and the
// lookup that validates each submission against its own version.
import { createHash } from 'node:crypto';
import { FORMS } from '../src/forms/index';
import { unknownForm, unknownVersion, type FormLookup } from '../src/forms/lookup';
import { contentText } from '../src/forms/publish-checks';
import { FormSchema, type Form, type FormState } from '../src/forms/schema';
import { sha256Hex } from './canonical';
import type { FormEntry, FormStore, FormVersionRow } from './store/types';

/** The seed catalog's rows: each built-in form as version 1. */
export function builtInSeed(): { id: string; hash: string; definition: string }[] {
  return FORMS.map((form) => ({ id: form.id, hash: sha256Hex(contentText(form)), definition: JSON.stringify(form) }));
}

const BUILT_IN_HASHES = new Map(FORMS.map((form) => [`${form.id}@${form.version}@${sha256Hex(contentText(form))}`, form]));

/** Parsed definitions by `id@version`: a version's content never changes, so any process may keep it. */
const parsed = new Map<string, Form>();

/** A stored version as a form; the built-in object itself where it is one (so its language packs apply). */
export function formOf(row: FormVersionRow): Form {
  const key = `${row.formId}@${row.version}`;
  let form = parsed.get(key);
  if (!form) {
    form = BUILT_IN_HASHES.get(`${key}@${row.hash}`) ?? FormSchema.parse(JSON.parse(row.definition));
    parsed.set(key, form);
  }
  return form;
}

/** What a closed form's submissions are told. */
export function closedMessage(formId: string): string {
  return `The form "${formId}" is closed: it no longer takes responses. Keep this one on the device and export it to a file if it is needed.`;
}

/**
 * A lookup for one batch: every form version the inputs name, fetched before the synchronous
 * checks run. A closed form refuses; an open or closing one accepts any of its published versions.
 */
export async function lookupFor(store: FormStore, inputs: readonly unknown[]): Promise<FormLookup> {
  const wanted = new Map<string, { formId: string; version: number }>();
  for (const input of inputs) {
    if (typeof input !== 'object' || input === null) continue;
    const { formId, formVersion } = input as { formId?: unknown; formVersion?: unknown };
    if (typeof formId === 'string' && Number.isSafeInteger(formVersion)) wanted.set(`${formId}@${formVersion}`, { formId, version: formVersion as number });
  }
  const states = new Map<string, FormState | undefined>();
  const found = new Map<string, Form | undefined>();
  for (const [key, { formId, version }] of wanted) {
    if (!states.has(formId)) states.set(formId, (await store.entry(formId))?.state);
    const row = states.get(formId) ? await store.version(formId, version) : undefined;
    found.set(key, row && formOf(row));
  }
  return (formId, version) => {
    const state = states.get(formId);
    if (state === undefined) return unknownForm(formId);
    if (state === 'closed') return { path: 'formId', message: closedMessage(formId) };
    return found.get(`${formId}@${version}`) ?? unknownVersion(formId, version);
  };
}

/** The device catalog (GET /api/v1/forms): the latest version of every open or closing form, and every form's state. */
export interface Catalog {
  etag: string;
  body: string;
}

/** The catalog and its ETag, from the store's entries (the ETag covers ids, versions, hashes and states). */
export function catalogOf(entries: readonly FormEntry[]): Catalog {
  const live = entries.filter((e) => e.state !== 'closed');
  const tag = createHash('sha256');
  for (const e of entries) tag.update(`${e.id}\n${e.state}\n${e.latest.version}\n${e.latest.hash}\n`);
  const states = Object.fromEntries(entries.map((e) => [e.id, e.state]));
  // The definitions are written as stored, not re-serialized.
  const body = `{"forms":[${live.map((e) => e.latest.definition).join(',')}],"states":${JSON.stringify(states)}}`;
  return { etag: `"${tag.digest('base64url').slice(0, 27)}"`, body };
}

/** A form's latest version and every older version that has stored submissions, latest first; undefined for no such form. */
export async function versionsInUse(store: FormStore, formId: string): Promise<Form[] | undefined> {
  const entry = await store.entry(formId);
  if (!entry) return undefined;
  const counts = await store.countByVersion(formId);
  const older = [...counts.keys()].filter((v) => v !== entry.latest.version).sort((a, b) => b - a);
  const rows = await Promise.all(older.map((v) => store.version(formId, v)));
  return [formOf(entry.latest), ...rows.flatMap((row) => (row ? [formOf(row)] : []))];
}
