// Screens live in the hash so a reload mid-form reopens the same draft.

/** Every screen of the app and what it needs. */
export type Route =
  | { screen: 'home' }
  | { screen: 'settings' }
  | { screen: 'list'; formId: string; page: number }
  | { screen: 'fill'; id: string }
  | { screen: 'view'; id: string }
  | { screen: 'done'; id: string }
  | { screen: 'results'; formId: string }
  | { screen: 'transfer' }
  | { screen: 'coordinator'; formId?: string }
  // Workshop mode (src/ui/workshop/): the participant's form and the facilitator's PIN prompt
  // while it is on (workshop-lock.ts decides), its start and its summary while it is off.
  | { screen: 'workshop' }
  | { screen: 'workshop-pin' }
  | { screen: 'workshop-start'; formId: string }
  | { screen: 'workshop-summary' };

/** Reads a route from a location hash; anything unknown is home. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [screen, arg, extra] = parts;
  if (screen === 'settings') return { screen: 'settings' };
  if (screen === 'transfer') return { screen: 'transfer' };
  if (screen === 'results' && arg) return { screen: 'results', formId: arg };
  if (screen === 'coordinator') return arg ? { screen: 'coordinator', formId: arg } : { screen: 'coordinator' };
  if (screen === 'forms' && arg) return { screen: 'list', formId: arg, page: Math.max(0, Number(extra) || 0) };
  if (screen === 'workshop') {
    if (arg === 'start' && extra) return { screen: 'workshop-start', formId: extra };
    if (arg === 'pin') return { screen: 'workshop-pin' };
    if (arg === 'summary') return { screen: 'workshop-summary' };
    return { screen: 'workshop' };
  }
  if ((screen === 'fill' || screen === 'view' || screen === 'done') && arg) return { screen, id: arg };
  return { screen: 'home' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'home':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'list':
      return `#/forms/${encodeURIComponent(route.formId)}${route.page ? `/${route.page}` : ''}`;
    case 'results':
      return `#/results/${encodeURIComponent(route.formId)}`;
    case 'transfer':
      return '#/transfer';
    case 'coordinator':
      return route.formId ? `#/coordinator/${encodeURIComponent(route.formId)}` : '#/coordinator';
    case 'workshop':
      return '#/workshop';
    case 'workshop-pin':
      return '#/workshop/pin';
    case 'workshop-start':
      return `#/workshop/start/${encodeURIComponent(route.formId)}`;
    case 'workshop-summary':
      return '#/workshop/summary';
    default:
      return `#/${route.screen}/${encodeURIComponent(route.id)}`;
  }
}

/** Moves to a route; `replace` keeps the back button from returning to a screen that no longer applies. */
export function navigate(route: Route, replace = false): void {
  const url = `${location.pathname}${location.search}${routeHash(route)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new HashChangeEvent('hashchange'));
}
