// Keeps the device's form catalog current: asked whenever the sync engine runs (start, back
// online, tab visible, after each send), with the ETag so an unchanged catalog costs a 304.
import { rememberForms } from '../forms/index';
import { FormSchema } from '../forms/schema';
import { missingVersions, storeCatalog, storeDefinition } from '../storage/catalog';
import { getCatalogTag, setCatalogTag } from '../storage/settings';
import { API_PREFIX } from './api';
import { CatalogEnvelopeSchema, readableCatalog } from './forms-api';

/** What one refresh did: nothing new (304 or offline), or how many definitions arrived. */
export type CatalogRefresh = { changed: false } | { changed: true; added: number };

let running: Promise<CatalogRefresh> | undefined;

async function refresh(endpoint: string): Promise<CatalogRefresh> {
  const base = endpoint.replace(/\/+$/, '');
  const tag = await getCatalogTag();
  const response = await fetch(`${base}${API_PREFIX}/forms`, { headers: tag ? { 'If-None-Match': tag } : {}, cache: 'no-store' });
  let added = 0;
  if (response.status === 200) {
    const { catalog, skipped } = readableCatalog(CatalogEnvelopeSchema.parse(await response.json()));
    const fresh = await storeCatalog(catalog);
    rememberForms(fresh);
    added = fresh.length;
    const etag = response.headers.get('ETag');
    // With a form skipped, the tag is not kept: once the app is updated, the next refresh reads it.
    if (etag && skipped === 0) await setCatalogTag(etag);
  } else if (response.status !== 304) {
    // Never a reason to drop anything: the device keeps what it has and asks again next time.
    return { changed: false };
  }
  // Versions a submission here uses but the device never stored (e.g. from an imported bundle).
  for (const { formId, version } of await missingVersions()) {
    const one = await fetch(`${base}${API_PREFIX}/forms/${encodeURIComponent(formId)}/versions/${version}`, { cache: 'no-store' });
    if (!one.ok) continue;
    const parsed = FormSchema.safeParse(await one.json());
    if (parsed.success && parsed.data.id === formId && parsed.data.version === version) await storeDefinition(parsed.data);
  }
  return response.status === 200 ? { changed: true, added } : { changed: false };
}

/** Refreshes the catalog from `endpoint`, joining a refresh already running; offline or a server error changes nothing. */
export function refreshCatalog(endpoint: string): Promise<CatalogRefresh> {
  // Known to be offline: no request at all (the `online` event brings the next try).
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return Promise.resolve({ changed: false });
  running ??= refresh(endpoint)
    .catch(() => ({ changed: false }) as const)
    .finally(() => (running = undefined));
  return running;
}
