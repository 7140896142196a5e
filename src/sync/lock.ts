// One sender at a time across tabs and the service worker (Web Locks), or within one
// context where the browser has no Web Locks.
export const SYNC_LOCK_NAME = 'fieldbook-sync';

/** Tag of the Background Sync registration that wakes the worker to send (shared by page and worker). */
export const BACKGROUND_SYNC_TAG = 'fieldbook-sync';

let heldHere = false;

/** Runs `work` if no one else is sending; resolves to 'busy' without waiting otherwise. */
export async function withSyncLock<T>(work: () => Promise<T>): Promise<T | 'busy'> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(SYNC_LOCK_NAME, { ifAvailable: true }, async (lock) => (lock ? work() : 'busy'));
  }
  if (heldHere) return 'busy';
  heldHere = true;
  try {
    return await work();
  } finally {
    heldHere = false;
  }
}
