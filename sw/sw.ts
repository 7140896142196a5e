// The service worker's entry: it only wires events. It holds no user data (submissions live in
// the page's IndexedDB), so a broken worker can always be replaced without losing anything.
// Its URL, /sw.js, must never change: browsers look for updates at the URL they registered.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { sendOnBackgroundSync } from './background-sync';
import { appShellNavigationRoute } from './navigation';
import { skipWaitingOnRequest } from './update';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

// The whole app shell, with revisions computed at build time (injectManifest fills this in).
precacheAndRoute(self.__WB_MANIFEST);
// Caches left by older Workbox versions' precache formats.
cleanupOutdatedCaches();
// Any address the app owns opens the cached shell; the hash router takes it from there.
registerRoute(appShellNavigationRoute());

// No skipWaiting on install: a new version waits until the user agrees in the page.
skipWaitingOnRequest(self);
// Taking pages that have no worker yet (the very first visit) so it already works offline;
// a page under an older worker only switches after the user's consent above.
clientsClaim();
// When connectivity returns with no page open, the worker sends the outbox itself.
sendOnBackgroundSync(self);
