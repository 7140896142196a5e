// Small settings in idb-keyval, one typed getter and setter per value, each with a default.
// WARNING: part of the first load. Values are checked by small guards rather than zod, which
// would otherwise be downloaded before the home screen can show (the 60 KB first-visit budget).
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import { isLocale, type Locale } from '../forms/locale';

let store: UseStore | undefined;
/** The settings' idb-keyval store, shared with the modules that keep a setting of their own (workshop.ts). */
export const settingsStore = () => (store ??= createStore('fieldbook-settings', 'settings'));

/** Reads one setting, falling back to the default when missing or malformed. */
async function read<T>(key: string, valid: (value: unknown) => value is T, fallback: T): Promise<T> {
  const value: unknown = await get(key, settingsStore());
  return valid(value) ? value : fallback;
}

export const isText = (value: unknown): value is string => typeof value === 'string';
const isFilledText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** This device's id, made once and kept for life. */
export async function getDeviceId(): Promise<string> {
  const existing = await read('deviceId', isFilledText, '');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await set('deviceId', id, settingsStore());
  return id;
}

/** The name of whoever collects the responses on this device. */
export const getEnumerator = () => read('enumerator', isText, '');
export const setEnumerator = (name: string) => set('enumerator', name.trim(), settingsStore());

/** The interface language; undefined until the user picks one. */
export const getLocale = () => read<Locale | undefined>('locale', isLocale, undefined);
export async function setLocale(locale: Locale): Promise<void> {
  mirrorLocale(locale);
  await set('locale', locale, settingsStore());
}

/**
 * The locale setting mirrored in localStorage, which reads synchronously, so the first screen
 * need not wait for IndexedDB to open: a Locale, null for "known: none chosen", undefined for unknown.
 */
const LOCALE_MIRROR_KEY = 'fieldbook.locale';
export function getLocaleMirror(): Locale | null | undefined {
  try {
    const value = localStorage.getItem(LOCALE_MIRROR_KEY);
    return value === null ? undefined : isLocale(value) ? value : null;
  } catch {
    return undefined;
  }
}
export function mirrorLocale(locale: Locale | undefined): void {
  try {
    localStorage.setItem(LOCALE_MIRROR_KEY, locale ?? '');
  } catch {
    // No localStorage (a locked-down profile): startup reads IndexedDB instead.
  }
}

/** The workshop a facilitator is running, carried into each new workshop-feedback response. */
export interface WorkshopSession {
  name: string;
  date: string;
  place: string;
}

export function isWorkshopSession(value: unknown): value is WorkshopSession {
  const v = value as Partial<WorkshopSession> | null;
  return typeof v === 'object' && v !== null && isText(v.name) && isText(v.date) && isText(v.place);
}

export const getWorkshopSession = () => read<WorkshopSession | undefined>('workshopSession', isWorkshopSession, undefined);
export const setWorkshopSession = (session: WorkshopSession) => set('workshopSession', session, settingsStore());

/** The device token from enrollment; never logged, never put in a URL. */
export const getToken = () => read<string | undefined>('token', isFilledText, undefined);
export const setToken = (token: string) => set('token', token, settingsStore());
export const forgetToken = () => del('token', settingsStore());

/**
 * Whether the server said this device's access was withdrawn (401 device_revoked): sending stops
 * until it is enrolled again; everything on it stays.
 */
export const getAccessWithdrawn = () => read('accessWithdrawn', (v): v is boolean => typeof v === 'boolean', false);
export const setAccessWithdrawn = (withdrawn: boolean) => (withdrawn ? set('accessWithdrawn', true, settingsStore()) : del('accessWithdrawn', settingsStore()));

/** Where submissions go; undefined means the origin the app came from. */
export const getEndpoint = () => read<string | undefined>('endpoint', isFilledText, undefined);
export const setEndpoint = (endpoint: string | undefined) => (endpoint ? set('endpoint', endpoint, settingsStore()) : del('endpoint', settingsStore()));

/** When the server last confirmed a batch (ISO time). */
export const getLastSyncAt = () => read<string | undefined>('lastSyncAt', isFilledText, undefined);
export const setLastSyncAt = (iso: string) => set('lastSyncAt', iso, settingsStore());

/** The ETag of the form catalog last taken in, sent back so an unchanged catalog is a 304. */
export const getCatalogTag = () => read<string | undefined>('catalogTag', isFilledText, undefined);
export const setCatalogTag = (tag: string) => set('catalogTag', tag, settingsStore());

/** Where workshop.ts mirrors whether workshop mode is on (cleared with the settings). */
export const WORKSHOP_MIRROR_KEY = 'fieldbook.workshop';

/** Forgets every setting (tests; a device being handed over). */
export async function clearSettings(): Promise<void> {
  try {
    localStorage.removeItem(LOCALE_MIRROR_KEY);
    localStorage.removeItem(WORKSHOP_MIRROR_KEY);
  } catch {
    // Nothing mirrored without localStorage.
  }
  await clear(settingsStore());
}
