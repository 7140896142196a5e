// Figures measured in real Chromium against the real server: offline reload, keystroke to disk,
// home and list with 10,000 stored, and draining 10,000 queued submissions.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertQueued } from '../../tests/helpers/device-data';
import { startBaselineSite } from '../lib/baseline-site';
import { HOME_READY } from '../lib/first-visit';
import { median, sample } from '../lib/stats';

type Serve = () => Promise<{ url: string; deviceToken: string; close: () => Promise<void> }>;

async function waitControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Tells the harness, through the console, on the first animation frame where home is ready.
 * An init script of a few lines: waiting with page.waitForFunction would first evaluate
 * Playwright's own injected script (tens of ms of main-thread work) in the middle of the app's
 * start, but only after the blank baseline page was already done.
 */
const SIGNAL_READY = `(() => {
  const check = () => (document.querySelectorAll('[data-counted]').length >= 4 ? console.debug('${'bench:ready'}') : requestAnimationFrame(check));
  requestAnimationFrame(check);
})()`;

/** Median ms of offline reloads to a ready page, after one online visit installed the worker. */
async function offlineReloadMs(browser: Browser, url: string, runs: number): Promise<number> {
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto(url);
  await first.waitForFunction(HOME_READY);
  await waitControlled(first);
  await first.close();
  await context.setOffline(true);
  await context.addInitScript(SIGNAL_READY);
  const samples = await sample(runs, async () => {
    const page = await context.newPage();
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:ready', timeout: 30_000 });
    const started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await ready;
    const ms = Date.now() - started;
    await page.close();
    return ms;
  }, 1);
  await context.close();
  return median(samples);
}

/** The app's offline second visit against a blank page from a minimal Workbox worker. */
export async function offlineSecondVisit(browser: Browser, appUrl: string, runs = 7): Promise<{ app: number; baseline: number }> {
  const site = await startBaselineSite();
  try {
    return { app: await offlineReloadMs(browser, appUrl, runs), baseline: await offlineReloadMs(browser, site.url, runs) };
  } finally {
    await site.close();
  }
}

/** Opens a new workshop-feedback draft and returns the page on its fill screen. */
async function openDraft(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(HOME_READY);
  await page.locator('.form-card').nth(2).getByRole('button').first().click();
  await page.locator('#q-workshop_name').waitFor();
  return page;
}

/** One answer of one stored submission, read straight from IndexedDB. */
function storedAnswer(page: Page, id: string, question: string): Promise<unknown> {
  return page.evaluate(
    ({ id, question }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('submissions').objectStore('submissions').get(id);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result?.answers?.[question]);
          };
        };
      }),
    { id, question },
  );
}

/** Ms from a key press to the draft holding that character in IndexedDB, per keystroke. */
export async function keystrokeToDisk(browser: Browser, url: string, runs = 7): Promise<number[]> {
  const context = await browser.newContext();
  const page = await openDraft(context, url);
  const id = decodeURIComponent(new URL(page.url()).hash.split('/').pop() ?? '');
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const typed = 'abcdefghij'.slice(0, i + 1);
    // Focus right before typing: the screen moves focus to its heading once it has loaded.
    await page.locator('#q-workshop_name').focus();
    const started = Date.now();
    await page.keyboard.press(typed.at(-1)!);
    // Polled from here, a few ms a round trip: fine-grained enough against a 400 ms debounce.
    while ((await storedAnswer(page, id, 'workshop_name')) !== typed) await page.waitForTimeout(2);
    samples.push(Date.now() - started);
  }
  await context.close();
  return samples;
}

/**
 * In-page ms from a route change until `ready` holds. No named inner functions: tsx would wrap
 * them in a helper that does not exist in the page.
 */
function timeRoute(page: Page, hash: string, ready: string): Promise<number> {
  return page.evaluate(
    async ({ hash, ready }) => {
      const started = performance.now();
      location.hash = hash;
      while (!document.querySelector(ready)) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - started;
    },
    { hash, ready },
  );
}

/** With 10,000 stored: ms for home's counts and for the first page of a form's list. */
export async function tenThousandScreens(browser: Browser, url: string, runs = 7): Promise<{ home: number[]; list: number[]; results: number[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(HOME_READY);
  for (let i = 0; i < 10; i++) await insertQueued(page, 1000);
  const home: number[] = [];
  const list: number[] = [];
  const results: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const l = await timeRoute(page, '#/forms/workshop-feedback', 'table tbody tr');
    const r = await timeRoute(page, '#/results/workshop-feedback', '.results .result-total');
    const h = await timeRoute(page, '#/', '.form-card:nth-child(4) [data-counted]');
    // The first round loads each screen's code: not a figure of the queries.
    if (i > 0) (list.push(l), home.push(h), results.push(r));
  }
  await context.close();
  return { home, list, results };
}

/** Ms to drain 10,000 queued submissions with the app, and with plain fetch + one bulk put. */
export async function drainTenThousand(browser: Browser, serve: Serve): Promise<{ app: number; baseline: number }> {
  const app = await (async () => {
    const server = await serve();
    const context = await browser.newContext();
    try {
      let page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(HOME_READY);
      for (let i = 0; i < 10; i++) await insertQueued(page, 1000);
      await page.close();
      // Timed from the enrollment visit: the app starts sending as soon as it has the token.
      const started = Date.now();
      page = await context.newPage();
      await page.goto(`${server.url}/#enroll=${server.deviceToken}`);
      await page.waitForFunction(() => /^All sent/.test(document.querySelector('.sync-status [role=status]')?.textContent ?? ''), undefined, { timeout: 300_000, polling: 50 });
      return Date.now() - started;
    } finally {
      await context.close();
      await server.close();
    }
  })();
  const baseline = await (async () => {
    const server = await serve();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(HOME_READY);
      for (let i = 0; i < 10; i++) await insertQueued(page, 1000);
      return await page.evaluate(async (token) => {
        const started = performance.now();
        const open = await new Promise<IDBDatabase>((resolve) => {
          const req = indexedDB.open('fieldbook');
          req.onsuccess = () => resolve(req.result);
        });
        const all = await new Promise<Array<Record<string, unknown> & { id: string; meta: Record<string, unknown> }>>((resolve) => {
          const get = open.transaction('submissions').objectStore('submissions').getAll();
          get.onsuccess = () => resolve(get.result);
        });
        for (let i = 0; i < all.length; i += 200) {
          const submissions = all.slice(i, i + 200).map((r) => {
            const { updatedAt: _u, ...meta } = r.meta;
            return { id: r.id, formId: r.formId, formVersion: r.formVersion, answers: r.answers, meta };
          });
          const response = await fetch('/api/v1/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ submissions }) });
          await response.json();
        }
        await new Promise<void>((resolve) => {
          const tx = open.transaction('submissions', 'readwrite');
          const store = tx.objectStore('submissions');
          for (const r of all) store.put({ ...r, status: 'synced' });
          tx.oncomplete = () => resolve();
        });
        return performance.now() - started;
      }, server.deviceToken);
    } finally {
      await context.close();
      await server.close();
    }
  })();
  return { app, baseline };
}

/** With 10,000 stored: ms for the app's CSV export (button to finished download), and for toArray() + naive joins. */
export async function deviceCsvTenThousand(browser: Browser, url: string, runs = 3): Promise<{ app: number; baseline: number }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(HOME_READY);
  for (let i = 0; i < 10; i++) await insertQueued(page, 1000);
  await page.evaluate(() => (location.hash = '#/forms/workshop-feedback'));
  const button = page.getByRole('button', { name: 'Export CSV', exact: true });
  await button.waitFor();
  const app = await sample(runs, async () => {
    // Timed in the page like the baseline: from the click to the app handing the finished file to
    // the browser (its <a download> click). Saving it to disk is the browser's work, not the app's.
    const [, ms] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const started = performance.now();
            const listening = new AbortController();
            document.addEventListener(
              'click',
              (event) => {
                if (!(event.target instanceof HTMLAnchorElement && event.target.download)) return;
                listening.abort();
                resolve(performance.now() - started);
              },
              { capture: true, signal: listening.signal },
            );
            [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV')!.click();
          }),
      ),
    ]);
    return ms;
  }, 1);
  const baseline = await sample(runs, () =>
    page.evaluate(async () => {
      const started = performance.now();
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('fieldbook');
        open.onsuccess = () => resolve(open.result);
      });
      const all = await new Promise<Array<{ id: string; formId: string; formVersion: number; answers: Record<string, unknown>; meta: Record<string, string> }>>((resolve) => {
        const get = db.transaction('submissions').objectStore('submissions').getAll();
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      let text = '';
      for (const r of all) text += [r.id, r.formId, r.formVersion, r.meta.deviceId, r.meta.enumerator, r.meta.startedAt, r.meta.completedAt, ...Object.values(r.answers)].join(',') + '\r\n';
      new Blob([text], { type: 'text/csv' });
      return performance.now() - started;
    }),
  );
  await context.close();
  return { app: median(app), baseline: median(baseline) };
}
