// How much this device lets us keep, and whether the browser may evict it. The only module that
// calls navigator.storage; browsers without it (or tests) get "unknown" rather than an error.

/** Storage as the browser reports it; a field is undefined where the browser does not say. */
export interface StorageStatus {
  /** True when the browser will not evict our data under storage pressure. */
  persisted: boolean | undefined;
  usageBytes: number | undefined;
  quotaBytes: number | undefined;
}

let persistRequest: Promise<boolean> | undefined;

/** Asks once per page load that our data never be evicted; resolves to whether it is granted. */
export function requestPersistentStorage(): Promise<boolean> {
  persistRequest ??= (async () => {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    try {
      // Already granted: asking again could show Firefox's prompt for nothing.
      if (await storage.persisted()) return true;
      return await storage.persist();
    } catch {
      return false;
    }
  })();
  return persistRequest;
}

/** Whether storage is persistent, and space used and available, as far as the browser tells. */
export async function storageStatus(): Promise<StorageStatus> {
  const storage = globalThis.navigator?.storage;
  // Wait for a pending persist request, so the answer is not read before it is granted.
  if (persistRequest) await persistRequest;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => undefined) : undefined,
    storage?.estimate ? storage.estimate().catch(() => undefined) : undefined,
  ]);
  return { persisted, usageBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

const BYTES_PER_MB = 1024 * 1024;

/** Whether the browser reported a usable byte count. */
export const isKnownSize = (bytes: number | undefined): bytes is number => bytes !== undefined && Number.isFinite(bytes) && bytes >= 0;

// Made once per language and precision: a unit format costs tens of ms to build (ICU data).
const megabyteFormats = new Map<string, Intl.NumberFormat>();

/** Bytes as megabytes in a language's style: "0.4 MB", "12 MB", "1,024 MB", "1,5 Mo"; "unknown" when not reported. */
export function formatMegabytes(bytes: number | undefined, locale = 'en'): string {
  if (!isKnownSize(bytes)) return 'unknown';
  const mb = bytes / BYTES_PER_MB;
  // One decimal below 10 MB, where it still tells something; whole megabytes above.
  const digits = mb < 10 ? 1 : 0;
  const key = `${locale}|${digits}`;
  let format = megabyteFormats.get(key);
  if (!format) megabyteFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(mb);
}
