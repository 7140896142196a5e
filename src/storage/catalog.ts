// The form catalog on the device: what the server last said (states, latest versions) and every
// definition a submission here uses, so the device fills, shows and exports offline. The
// built-in forms ship with the app and are never stored.
import { BUILT_IN_HOME, type HomeForm } from '../forms/catalog';
import { findForm, isBuiltIn, rememberForms } from '../forms/index';
import type { Form, FormState } from '../forms/schema';
import { FormSchema } from '../forms/schema';
import type { Catalog } from '../sync/forms-api';
import type { Table } from 'dexie';
import type { CatalogRow } from './catalog-record';
import { countSubmissions, type FormCounts } from './counts';
import { db } from './db';
import { guarded } from './errors';
import { FINALIZED_STATUSES } from './record';


/** Home's forms: the catalog in the server's order, the built-in ones it has not mentioned first. */
function homeList(rows: readonly CatalogRow[]): HomeForm[] {
  const known = new Set(rows.map((r) => r.id));
  const sorted = [...rows].sort((a, b) => a.order - b.order);
  const builtIn = new Map(BUILT_IN_HOME.map((f) => [f.id, f]));
  return [
    ...BUILT_IN_HOME.filter((f) => !known.has(f.id)),
    // A built-in form keeps its title in the app's three languages.
    ...sorted.map((r) => ({ id: r.id, title: r.latest === 1 ? (builtIn.get(r.id)?.title ?? r.title) : r.title, state: r.state, latest: r.latest })),
  ];
}

/** Home's forms and their counts, in one read. */
export function homeForms(): Promise<{ forms: HomeForm[]; counts: Record<string, FormCounts> }> {
  return guarded(() =>
    db().transaction('r', db().catalog, db().submissions, async () => {
      const forms = homeList(await db().catalog.toArray());
      const counts = await Promise.all(forms.map((f) => countSubmissions(f.id)));
      return { forms, counts: Object.fromEntries(forms.map((f, i) => [f.id, counts[i]!])) };
    }),
  );
}

/** Every `id@version` some submission on this device uses. */
async function versionsUsed(): Promise<Set<string>> {
  const keys = (await db().submissions.orderBy('[formId+formVersion+status]').uniqueKeys()) as unknown as [string, number, string][];
  return new Set(keys.map(([formId, version]) => `${formId}@${version}`));
}

/**
 * Takes in the server's catalog in one transaction: states and latest versions, the new
 * definitions, and drops every stored definition that is neither a form's latest nor used by a
 * submission here. If the tab dies midway nothing is half-written; the next refresh does it all.
 * Returns the definitions that are new to this device.
 */
export function storeCatalog(catalog: Catalog): Promise<Form[]> {
  return guarded(() =>
    // The cast: Dexie's key-path types cannot walk the recursive form definition (groups hold questions).
    db().transaction('rw', db().catalog, db().forms as unknown as Table, db().submissions, async () => {
      const states = catalog.states ?? {};
      const before = new Map((await db().catalog.toArray()).map((r) => [r.id, r]));
      const rows: CatalogRow[] = catalog.forms.map((f, order) => ({ id: f.id, state: states[f.id] ?? 'open', latest: f.version, title: f.title, order }));
      // A form the catalog no longer lists (closed) keeps its row, with its new state.
      for (const [id, state] of Object.entries(states)) {
        if (catalog.forms.some((f) => f.id === id)) continue;
        const known = findForm(id);
        const row = before.get(id) ?? (known && { id, latest: known.version, title: known.title, order: Number.MAX_SAFE_INTEGER });
        if (row) rows.push({ ...row, state });
      }
      await db().catalog.bulkPut(rows);
      const fresh: Form[] = [];
      for (const form of catalog.forms) {
        const builtIn = findForm(form.id, form.version);
        if (builtIn && isBuiltIn(builtIn)) continue;
        if (await db().forms.get([form.id, form.version])) continue;
        await db().forms.put({ id: form.id, version: form.version, definition: form });
        fresh.push(form);
      }
      const keep = await versionsUsed();
      for (const r of rows) keep.add(`${r.id}@${r.latest}`);
      const stored = (await db().forms.toCollection().primaryKeys()) as [string, number][];
      const unused = stored.filter(([id, version]) => !keep.has(`${id}@${version}`));
      await db().forms.bulkDelete(unused);
      return fresh;
    }),
  );
}

/** Versions some submission here uses that the device has no definition of (e.g. from an imported bundle). */
export function missingVersions(): Promise<{ formId: string; version: number }[]> {
  return guarded(async () => {
    const used = await versionsUsed();
    const stored = new Set(((await db().forms.toCollection().primaryKeys()) as [string, number][]).map(([id, v]) => `${id}@${v}`));
    return [...used]
      .filter((key) => !stored.has(key) && !findForm(...splitKey(key)))
      .map((key) => {
        const [formId, version] = splitKey(key);
        return { formId, version };
      });
  });
}

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf('@');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

/** Keeps one definition fetched on demand (a version a submission here uses). */
export function storeDefinition(form: Form): Promise<void> {
  return guarded(async () => {
    await db().forms.put({ id: form.id, version: form.version, definition: form });
    rememberForms([form]);
  });
}

/**
 * A form as this device knows it: `version`, or the version new responses use. Read from the
 * app (built-in forms) or the stored definitions, checked by the schema as it comes back.
 */
export function loadForm(formId: string, version?: number): Promise<Form | undefined> {
  return guarded(async () => {
    const wanted = version ?? (await db().catalog.get(formId))?.latest;
    const found = findForm(formId, wanted);
    if (found) return found;
    const stored = wanted === undefined ? undefined : await db().forms.get([formId, wanted]);
    const parsed = stored && FormSchema.safeParse(stored.definition);
    if (!parsed?.success) return undefined;
    rememberForms([parsed.data]);
    return findForm(formId, wanted);
  });
}

/** The version new responses to a form use, as the catalog last said; undefined before it said anything. */
export function latestVersion(formId: string): Promise<number | undefined> {
  return guarded(async () => (await db().catalog.get(formId))?.latest);
}

/** Whether a form takes new responses here (open, or never heard of as otherwise). */
export function formState(formId: string): Promise<FormState> {
  return guarded(async () => (await db().catalog.get(formId))?.state ?? 'open');
}

/** The versions of a form that this device's finalized submissions use, newest first. */
export function finalizedVersions(formId: string): Promise<number[]> {
  return guarded(async () => {
    const keys = (await db()
      .submissions.where('[formId+formVersion+status]')
      .between([formId, 0, ''], [formId, Infinity, '\uffff'])
      .uniqueKeys()) as unknown as [string, number, string][];
    const versions = new Set(keys.filter(([, , status]) => FINALIZED_STATUSES.includes(status as never)).map(([, v]) => v));
    return [...versions].sort((a, b) => b - a);
  });
}

/** A form's latest version and the older ones this device's finalized submissions use, latest first. */
export async function exportVersions(formId: string): Promise<Form[]> {
  const latest = await loadForm(formId);
  const older = (await finalizedVersions(formId)).filter((v) => v !== latest?.version);
  const forms = await Promise.all(older.map((v) => loadForm(formId, v)));
  return [...(latest ? [latest] : []), ...forms.flatMap((f) => (f ? [f] : []))];
}
