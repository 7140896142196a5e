// Navigations inside the app are answered with the precached index.html, so a reload with the
// network off opens the app. The API is never answered with HTML.
import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute } from 'workbox-routing';

/** Paths a navigation may reach that are not the app: served by the network only. */
export const NETWORK_ONLY_NAVIGATIONS: readonly RegExp[] = [/^\/api(\/|$)/];

/** The route that serves the cached app shell for every navigation outside the API. */
export function appShellNavigationRoute(): NavigationRoute {
  return new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [...NETWORK_ONLY_NAVIGATIONS] });
}
