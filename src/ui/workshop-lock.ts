// WARNING: part of the first load. What the app may show while workshop mode is on: the
// participant's form or the facilitator's PIN prompt, whatever the address asks for (a link, the
// back button, an edited address bar, a reload, a new tab). Screens address responses by id, so
// any other screen could show an earlier participant's answers: none is let through.
import type { Route } from './router';

/** The screen to show for an address, and whether the address bar must be set to match it. */
export interface LockDecision {
  route: Route;
  /** The asked-for screen is not the one shown: replace the address (no new history entry). */
  rewrite: boolean;
}

const PARTICIPANT: Route = { screen: 'workshop' };
const HOME: Route = { screen: 'home' };

/** Decides the screen for `asked`; `locked` is whether workshop mode is on. Pure. */
export function decideScreen(asked: Route, locked: boolean): LockDecision {
  if (locked) {
    if (asked.screen === 'workshop' || asked.screen === 'workshop-pin') return { route: asked, rewrite: false };
    return { route: PARTICIPANT, rewrite: true };
  }
  // Workshop screens mean nothing once it is off: an old address or history entry lands on home.
  if (asked.screen === 'workshop' || asked.screen === 'workshop-pin') return { route: HOME, rewrite: true };
  return { route: asked, rewrite: false };
}
