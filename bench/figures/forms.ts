// Figures of forms as published data (issue 12), in real Chromium against the real server:
// the catalog refresh with 50 forms of 5 versions each, unchanged (a 304) and changed (the new
// version stored on the device), and opening a form of 500 questions.
import type { Browser, Page } from 'playwright-core';
import { HOME_READY } from '../lib/first-visit';
import { sample } from '../lib/stats';

/** tsx keeps function names with a `__name` helper that page.evaluate's functions do not carry into the page. */
const KEEP_NAMES_SHIM = 'globalThis.__name = (f) => f';

type Serve = () => Promise<{ url: string; deviceToken: string; coordinatorToken: string; close: () => Promise<void> }>;

const SEX = { id: 'sex', type: 'single', label: 'Sex', options: ['female', 'male', 'other', 'prefer_not_to_say'].map((id) => ({ id, label: id })) };

/** A form of `questions` questions in sections of 50, a third of them choices; `version` adds that many extra questions. */
export function benchForm(id: string, questions: number, version = 1): Record<string, unknown> {
  const all = [SEX, ...Array.from({ length: questions - 1 + (version - 1) }, (_, i) => (i % 3 === 0 ? { id: `q_${i}`, type: 'single', label: `Question ${i}`, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] } : { id: `q_${i}`, type: i % 3 === 1 ? 'text' : 'integer', label: `Question ${i}` }))];
  const sections = [];
  for (let s = 0; s * 50 < all.length; s++) sections.push({ id: `s_${s}`, title: `Section ${s + 1}`, questions: all.slice(s * 50, s * 50 + 50) });
  return { id, title: `Bench form ${id}`, sections };
}

async function publish(url: string, token: string, form: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${url}/api/v1/forms`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(form) });
  // 250 publishes in a row meet the rate limit, as any client would: wait as told, then again.
  if (response.status === 429) {
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
    return publish(url, token, form);
  }
  if (response.status !== 201) throw new Error(`publishing ${String(form.id)}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { form: { version: number } }).form.version;
}

/** The latest version the device's catalog holds for a form (raw IndexedDB, as the app stores it). */
function deviceLatest(page: Page, formId: string): Promise<number | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('catalog')) return (db.close(), resolve(undefined));
          const get = db.transaction('catalog').objectStore('catalog').get(id);
          get.onsuccess = () => (db.close(), resolve((get.result as { latest: number } | undefined)?.latest));
          get.onerror = () => (db.close(), reject(get.error));
        };
      }),
    formId,
  );
}

/**
 * Ms from the `online` event (which runs the sync engine, and with it the catalog refresh) until
 * the catalog answer is in (unchanged: `status` 304) or the device holds `formId` at `version`.
 */
function refreshMs(page: Page, until: { status: 304 } | { formId: string; version: number }): Promise<number> {
  return page.evaluate((until) => {
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error('the catalog refresh did not finish in 30 s')), 30_000);
      const done = (at: number) => (clearTimeout(timeout), resolve(at - started));
      if ('status' in until) {
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((e) => e.name.endsWith('/api/v1/forms') && e.startTime >= started) as (PerformanceResourceTiming & { responseStatus?: number }) | undefined;
          if (!entry) return;
          observer.disconnect();
          if (entry.responseStatus !== undefined && entry.responseStatus !== until.status) reject(new Error(`expected ${until.status}, got ${entry.responseStatus}`));
          done(entry.responseEnd);
        }).observe({ type: 'resource' });
      } else {
        const poll = () => {
          const open = indexedDB.open('fieldbook');
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('catalog').objectStore('catalog').get(until.formId);
            get.onsuccess = () => {
              db.close();
              if ((get.result as { latest: number } | undefined)?.latest === until.version) done(performance.now());
              else setTimeout(poll, 2);
            };
          };
        };
        poll();
      }
      dispatchEvent(new Event('online'));
    });
  }, until);
}

/** The catalog refresh, unchanged and changed, with 50 published forms of 5 versions each. */
export async function catalogRefresh(browser: Browser, serve: Serve, runs: number): Promise<{ unchanged: number[]; changed: number[]; catalogKB: number }> {
  const site = await serve();
  const context = await browser.newContext();
  await context.addInitScript(KEEP_NAMES_SHIM);
  try {
    for (let f = 0; f < 50; f++) for (let v = 1; v <= 5; v++) await publish(site.url, site.coordinatorToken, benchForm(`bench-${f}`, 20, v));
    const catalogKB = (await (await fetch(`${site.url}/api/v1/forms`)).arrayBuffer()).byteLength / 1024;
    const page = await context.newPage();
    await page.goto(`${site.url}/#enroll=${site.deviceToken}`);
    await page.waitForFunction(HOME_READY, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('.form-card').length >= 54, undefined, { timeout: 60_000 });
    if ((await deviceLatest(page, 'bench-49')) !== 5) throw new Error('the device did not take in the catalog');
    const unchanged = await sample(runs, () => refreshMs(page, { status: 304 }), 1);
    let next = 6;
    const changed = await sample(runs, async () => {
      const version = await publish(site.url, site.coordinatorToken, benchForm('bench-0', 20, next++));
      return refreshMs(page, { formId: 'bench-0', version });
    });
    return { unchanged, changed, catalogKB };
  } finally {
    await context.close();
    await site.close();
  }
}

/** Ms from "New response" on a 500-question form to its last question on screen, one frame later. */
export async function openLargeForm(browser: Browser, serve: Serve, runs: number): Promise<number[]> {
  const site = await serve();
  const context = await browser.newContext();
  await context.addInitScript(KEEP_NAMES_SHIM);
  try {
    await publish(site.url, site.coordinatorToken, benchForm('bench-large', 500));
    const page = await context.newPage();
    await page.goto(`${site.url}/#enroll=${site.deviceToken}`);
    await page.waitForFunction(HOME_READY, undefined, { timeout: 60_000 });
    await page.getByRole('button', { name: 'New response: Bench form bench-large' }).waitFor({ timeout: 60_000 });
    return await sample(
      runs,
      async () => {
        await page.goto(`${site.url}/#/`);
        await page.waitForFunction(HOME_READY);
        const button = page.getByRole('button', { name: 'New response: Bench form bench-large' });
        await button.waitFor();
        await page.waitForFunction(() => !(document.querySelector('button[aria-label="New response: Bench form bench-large"]') as HTMLButtonElement | null)?.disabled);
        return page.evaluate(() => {
          const button = document.querySelector('button[aria-label="New response: Bench form bench-large"]') as HTMLButtonElement;
          const started = performance.now();
          button.click();
          return new Promise<number>((resolve) => {
            const check = () => (document.getElementById('q-q_497') ? requestAnimationFrame(() => resolve(performance.now() - started)) : requestAnimationFrame(check));
            check();
          });
        });
      },
      1,
    );
  } finally {
    await context.close();
    await site.close();
  }
}
