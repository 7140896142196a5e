// The lock, decided from the address alone: while workshop mode is on, every address the app
// knows (and any it does not) shows the participant's form or the PIN prompt, nothing else.
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../src/ui/router';
import { decideScreen } from '../../../src/ui/workshop-lock';

const PREVIOUS = '4a1f6a6e-0c7e-4f57-9d4c-5f0b7e1f9a11';

// hash typed, clicked or left in history → screen while locked, screen once unlocked
const TABLE: ReadonlyArray<readonly [hash: string, locked: string, unlocked: string]> = [
  ['', '#/workshop', '#/'],
  ['#/', '#/workshop', '#/'],
  ['#/settings', '#/workshop', '#/settings'],
  ['#/transfer', '#/workshop', '#/transfer'],
  ['#/coordinator', '#/workshop', '#/coordinator'],
  ['#/coordinator/workshop-feedback', '#/workshop', '#/coordinator/workshop-feedback'],
  ['#/forms/workshop-feedback', '#/workshop', '#/forms/workshop-feedback'],
  ['#/forms/workshop-feedback/3', '#/workshop', '#/forms/workshop-feedback/3'],
  ['#/results/workshop-feedback', '#/workshop', '#/results/workshop-feedback'],
  [`#/fill/${PREVIOUS}`, '#/workshop', `#/fill/${PREVIOUS}`],
  [`#/view/${PREVIOUS}`, '#/workshop', `#/view/${PREVIOUS}`],
  [`#/done/${PREVIOUS}`, '#/workshop', `#/done/${PREVIOUS}`],
  ['#/workshop', '#/workshop', '#/'],
  ['#/workshop/pin', '#/workshop/pin', '#/'],
  ['#/workshop/start/workshop-feedback', '#/workshop', '#/workshop/start/workshop-feedback'],
  ['#/workshop/summary', '#/workshop', '#/workshop/summary'],
  ['#/workshop/anything', '#/workshop', '#/'],
  ['#/no-such-screen', '#/workshop', '#/'],
  ['#enroll=abc', '#/workshop', '#/'],
];

describe('the workshop lock', () => {
  it.each(TABLE)('%j → %s while locked, %s once unlocked', (hash, locked, unlocked) => {
    const asked = parseRoute(hash);
    const whileLocked = decideScreen(asked, true);
    expect(routeHash(whileLocked.route)).toBe(locked);
    expect(whileLocked.rewrite).toBe(routeHash(asked) !== locked);
    expect(routeHash(decideScreen(asked, false).route)).toBe(unlocked);
  });

  it('while locked shows only the participant form or the PIN prompt, for every screen the router knows', () => {
    const shown = new Set(TABLE.map(([hash]) => decideScreen(parseRoute(hash), true).route.screen));
    expect([...shown].sort()).toEqual(['workshop', 'workshop-pin']);
    // Every kind of screen is in the table above.
    const asked = new Set(TABLE.map(([hash]) => parseRoute(hash).screen));
    expect([...asked].sort()).toEqual(['coordinator', 'done', 'fill', 'home', 'list', 'results', 'settings', 'transfer', 'view', 'workshop', 'workshop-pin', 'workshop-start', 'workshop-summary']);
  });
});
