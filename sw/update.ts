// How a waiting version takes over: only when a page asks (the user pressed "Update").

/** The message workbox-window's `messageSkipWaiting()` posts. */
const SKIP_WAITING = 'SKIP_WAITING';

/** Activates this waiting worker when a page posts SKIP_WAITING, never on its own. */
export function skipWaitingOnRequest(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING) {
      event.waitUntil(scope.skipWaiting());
    }
  });
}
