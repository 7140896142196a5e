// Small settings in idb-keyval, one typed getter and setter per value, each with a default.
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { LocaleSchema, type Locale } from '../forms/schema';

let store: UseStore | undefined;
const settingsStore = () => (store ??= createStore('fieldbook-settings', 'settings'));

/** Reads one setting, falling back to the default when missing or malformed. */
async function read<T>(key: string, schema: z.ZodMiniType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse(await get(key, settingsStore()));
  return parsed.success ? parsed.data : fallback;
}

/** This device's id, made once and kept for life. */
export async function getDeviceId(): Promise<string> {
  const existing = await read('deviceId', z.string().check(z.minLength(1)), '');
  if (existing) return existing;
  const id = crypto.randomUUID();
  await set('deviceId', id, settingsStore());
  return id;
}

/** The name of whoever collects the responses on this device. */
export const getEnumerator = () => read('enumerator', z.string(), '');
export const setEnumerator = (name: string) => set('enumerator', name.trim(), settingsStore());

/** The interface language; undefined until the user picks one. */
export const getLocale = () => read<Locale | undefined>('locale', z.optional(LocaleSchema), undefined);
export const setLocale = (locale: Locale) => set('locale', locale, settingsStore());

export const WorkshopSessionSchema = z.object({ name: z.string(), date: z.string(), place: z.string() });
/** The workshop a facilitator is running, carried into each new workshop-feedback response. */
export type WorkshopSession = z.infer<typeof WorkshopSessionSchema>;

export const getWorkshopSession = () => read<WorkshopSession | undefined>('workshopSession', z.optional(WorkshopSessionSchema), undefined);
export const setWorkshopSession = (session: WorkshopSession) => set('workshopSession', session, settingsStore());

/** The device token from enrollment; never logged, never put in a URL. */
export const getToken = () => read<string | undefined>('token', z.optional(z.string().check(z.minLength(1))), undefined);
export const setToken = (token: string) => set('token', token, settingsStore());
export const forgetToken = () => del('token', settingsStore());

/** Where submissions go; undefined means the origin the app came from. */
export const getEndpoint = () => read<string | undefined>('endpoint', z.optional(z.string()), undefined);
export const setEndpoint = (endpoint: string | undefined) => (endpoint ? set('endpoint', endpoint, settingsStore()) : del('endpoint', settingsStore()));

/** When the server last confirmed a batch (ISO time). */
export const getLastSyncAt = () => read<string | undefined>('lastSyncAt', z.optional(z.string()), undefined);
export const setLastSyncAt = (iso: string) => set('lastSyncAt', iso, settingsStore());

/** Forgets every setting (tests; a device being handed over). */
export const clearSettings = () => clear(settingsStore());
