// Helpers for the offline and update tests: the service worker's state seen from the page, and
// what the built worker precaches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from './browser';

/** Waits until a service worker controls the page, reloading once if it activated after the page loaded. */
export async function waitUntilControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) await page.reload();
  await expect.poll(controlled, { timeout: 30_000 }).toBe(true);
}

/** One entry of the precache list Workbox injected into sw.js. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** The precache list of a built worker, read from `<distDir>/sw.js`. */
export function precacheList(distDir: string): PrecacheEntry[] {
  const source = readFileSync(join(distDir, 'sw.js'), 'utf8');
  const list = /\[\{"(?:revision|url)":.*?\}\]/s.exec(source);
  if (!list) throw new Error('No precache list found in sw.js');
  return JSON.parse(list[0]) as PrecacheEntry[];
}

/** The text of the app's footer, e.g. "Fieldbook 0.1.0": tells which build is running. */
export function runningVersion(page: Page): Promise<string | null> {
  return page.locator('footer').textContent();
}
