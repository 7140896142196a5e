// The page's one sync engine and enrollment at start; the UI reads state through callbacks.
import { getEndpoint, getToken } from '../storage/settings';
import { enrollWith, type EnrollOutcome } from './enroll-from-location';
import { SyncEngine } from './engine';
import { BACKGROUND_SYNC_TAG } from './lock';

/** Asks the browser to wake the worker when connectivity returns, where it can (Chromium). */
async function requestBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  const sync = (registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined)?.sync;
  await sync?.register(BACKGROUND_SYNC_TAG).catch(() => {});
}

export const syncEngine = new SyncEngine((failure) => {
  if (failure.kind === 'offline' || failure.kind === 'server') void requestBackgroundSync();
});

/** Enrolls from a pasted link or code (spending it at the link's server, else the current one), then sends. */
export async function enroll(code: string, endpoint?: string): Promise<EnrollOutcome> {
  const server = endpoint ?? (await currentEndpoint());
  const outcome = await enrollWith(server, code, server === location.origin);
  if (outcome.kind === 'enrolled') void syncEngine.sendNow();
  return outcome;
}

/** The server this device sends to. */
export async function currentEndpoint(): Promise<string> {
  return (await getEndpoint()) ?? location.origin;
}

export { getToken };
