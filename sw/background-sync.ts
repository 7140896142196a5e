// Background Sync: the browser wakes the worker when connectivity returns, and the worker runs
// the very same sender as the page, under the same lock, so nothing is sent twice.
import { getAccessWithdrawn, getEndpoint, getToken, setAccessWithdrawn } from '../src/storage/settings';
import { BACKGROUND_SYNC_TAG, withSyncLock } from '../src/sync/lock';
import { sendQueued } from '../src/sync/sender';

/** The part of the (non-standard, Chromium-only) SyncEvent this worker uses. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

async function sendFromWorker(origin: string): Promise<void> {
  const token = await getToken();
  if (!token || (await getAccessWithdrawn())) return;
  const endpoint = (await getEndpoint()) ?? origin;
  const result = await withSyncLock(() => sendQueued({ endpoint, token }));
  if (result !== 'busy' && result.kind === 'failed' && result.failure.kind === 'revoked') return setAccessWithdrawn(true);
  // Failing the event makes the browser try again later, with its own backoff.
  if (result !== 'busy' && result.kind === 'failed' && (result.failure.kind === 'offline' || result.failure.kind === 'server')) {
    throw new Error('Sync will be retried');
  }
}

/** Sends the outbox whenever the browser fires our sync tag. */
export function sendOnBackgroundSync(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('sync', ((event: SyncEvent) => {
    if (event.tag === BACKGROUND_SYNC_TAG) event.waitUntil(sendFromWorker(worker.location.origin));
  }) as EventListener);
}
