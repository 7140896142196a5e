// WARNING: this module is the only one that talks to the service worker (register, notice a
// waiting version, apply it on consent). The UI gets callbacks and never sees the worker.
import { Workbox } from 'workbox-window';

/** The worker's address; never move it, or installed devices would never hear of updates. */
export const SW_URL = '/sw.js';

/** How often an open page looks for a new version: a field laptop may stay open for days. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

let workbox: Workbox | undefined;
let updateReady = false;
/** Set when this page asked the waiting worker to take over: only then does it reload itself. */
let applying = false;
const updateListeners = new Set<() => void>();

function announceUpdate(): void {
  if (updateReady) return;
  updateReady = true;
  for (const listener of updateListeners) listener();
}

/**
 * A worker that was already installing when we registered fired its `updatefound` before
 * workbox-window listened (a reload makes the browser look for updates at once), so
 * workbox-window would never report it as waiting: watch it here too.
 */
function watchInstalling(registration: ServiceWorkerRegistration): void {
  const installing = registration.installing;
  if (!installing || !navigator.serviceWorker.controller) return;
  installing.addEventListener('statechange', () => {
    if (installing.state === 'installed' && registration.waiting === installing) announceUpdate();
  });
}

/** Registers the worker in production builds of browsers that have service workers; a no-op elsewhere (dev, unit tests). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || workbox) return;
  const wb = new Workbox(SW_URL, { scope: '/' });
  workbox = wb;
  const hadController = Boolean(navigator.serviceWorker.controller);
  wb.addEventListener('waiting', announceUpdate);
  wb.addEventListener('controlling', () => {
    if (applying) {
      // Same address, hash included: the open screen (and draft) comes back under the new version.
      location.reload();
    } else if (hadController) {
      // Another tab applied an update: this page still runs the old code, so offer a reload;
      // never reload by itself, a form may be open here.
      announceUpdate();
    }
  });
  wb.register()
    .then((registration) => {
      if (!registration) return;
      watchInstalling(registration);
      setInterval(() => {
        if (document.visibilityState === 'visible' && navigator.onLine) wb.update().catch(() => undefined);
      }, UPDATE_CHECK_INTERVAL_MS);
    })
    .catch((error: unknown) => {
      // The app still works online; only offline start and updates are lost, so say it in the console.
      console.warn('Fieldbook: the service worker could not be registered', error);
    });
}

/** Calls back once a new version is ready (at once if one already is); returns a stop function. */
export function onUpdateReady(callback: () => void): () => void {
  updateListeners.add(callback);
  if (updateReady) callback();
  return () => updateListeners.delete(callback);
}

/**
 * Switches to the waiting version and reloads into the same address once it controls the page.
 * Call only on the user's consent, after open drafts are saved.
 */
export async function applyUpdate(): Promise<void> {
  applying = true;
  const registration = await navigator.serviceWorker?.getRegistration();
  if (workbox && registration?.waiting) {
    workbox.messageSkipWaiting();
  } else {
    // Nothing waits: the new version already took over (from another tab), so a reload runs it.
    location.reload();
  }
}
