// Issue 14's figure, in real Chromium against the real server: draining 1,000 queued submissions
// that each carry one 200 KB photo (a PUT per file, then the batches), against plain fetch
// uploads of the same bytes and POSTs of the same submissions in the same run; and the page's
// memory at its peak meanwhile, which shows the queue's Blobs are never loaded all at once.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { defineOpenAppDb, type WithAppDb } from '../../tests/helpers/device-data';
import { HOME_READY } from '../lib/first-visit';

export type PhotoServe = () => Promise<{ url: string; deviceToken: string; coordinatorToken: string; close: () => Promise<void> }>;

/** Queued submissions in one drain, and each one's photo. */
export const PHOTO_SUBMISSIONS = 1000;
export const PHOTO_BYTES = 200 * 1024;

const FORM_ID = 'photo-drain';
/** A site visit with a photo: the form the drained submissions answer. */
const PHOTO_FORM = {
  id: FORM_ID,
  title: 'Site visit with a photo',
  sections: [{ id: 's', title: 'Site', questions: [
    { id: 'sex', type: 'single', label: 'Sex', options: ['female', 'male'].map((id) => ({ id, label: id })) },
    { id: 'photo', type: 'image', label: 'Photo of the site' },
  ] }],
};

async function publishPhotoForm(url: string, coordinatorToken: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/forms`, { method: 'POST', headers: { Authorization: `Bearer ${coordinatorToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(PHOTO_FORM) });
  if (response.status !== 201) throw new Error(`publishing ${FORM_ID}: ${response.status} ${await response.text()}`);
}

/**
 * Puts `count` queued submissions into the page's IndexedDB, each with its own 200 KB JPEG-looking
 * photo (its Blob in `attachments`, its entry in the manifest), as finalize leaves them. Written
 * 50 at a time so the page never holds more than 50 photos' bytes.
 */
async function insertQueuedWithPhotos(page: Page, count: number): Promise<void> {
  await defineOpenAppDb(page);
  await page.evaluate(
    async ({ count, bytes, formId }) => {
      const db = await (globalThis as WithAppDb).openAppDb();
      const base = new Uint8Array(bytes);
      for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(base.subarray(i, Math.min(bytes, i + 65536)));
      base.set([0xff, 0xd8, 0xff, 0xe0]);
      for (let start = 0; start < count; start += 50) {
        const rows = [];
        for (let i = start; i < Math.min(count, start + 50); i++) {
          const photo = base.slice();
          new DataView(photo.buffer).setUint32(4, i);
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', photo));
          const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
          const name = `photo-${sha256.slice(0, 12)}.jpg`;
          const id = crypto.randomUUID();
          const time = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
          const entry = { name, sha256, size: photo.length, type: 'image/jpeg' };
          rows.push({
            record: { id, formId, formVersion: 1, status: 'queued', answers: { sex: i % 2 ? 'male' : 'female', photo: name }, attachments: [entry], meta: { deviceId: 'bench', enumerator: 'Bench', locale: 'en', appVersion: 'bench', startedAt: time, updatedAt: time, completedAt: time } },
            file: { ...entry, submissionId: id, blob: new Blob([photo], { type: 'image/jpeg' }) },
          });
        }
        const tx = db.transaction(['submissions', 'attachments'], 'readwrite');
        for (const { record, file } of rows) (tx.objectStore('submissions').put(record), tx.objectStore('attachments').put(file));
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = tx.onabort = () => reject(tx.error);
        });
      }
      db.close();
    },
    { count, bytes: PHOTO_BYTES, formId: FORM_ID },
  );
}

/** The page's memory now: its JS heap, plus ArrayBuffer backing stores where Chromium reports them (a loaded photo's bytes). */
async function pageMemoryBytes(cdp: CDPSession): Promise<number> {
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/** A page with the app loaded and the photo submissions queued, on a server with the form published. */
async function preparedContext(browser: Browser, server: Awaited<ReturnType<PhotoServe>>) {
  await publishPhotoForm(server.url, server.coordinatorToken);
  const context = await browser.newContext();
  // tsx keeps function names with a `__name` helper that page.evaluate's functions do not carry into the page.
  await context.addInitScript('globalThis.__name = (f) => f');
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(HOME_READY);
  await insertQueuedWithPhotos(page, PHOTO_SUBMISSIONS);
  return { context, page };
}

/** The app's drain: ms from the enrollment visit to "All sent", and the page's peak memory (MB) meanwhile. */
async function appDrain(browser: Browser, serve: PhotoServe): Promise<{ ms: number; peakMB: number }> {
  const server = await serve();
  const { context, page: filler } = await preparedContext(browser, server);
  try {
    await filler.close();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await pageMemoryBytes(cdp).catch(() => 0));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    // Timed from the enrollment visit: the app starts sending as soon as it has the token.
    const started = Date.now();
    await page.goto(`${server.url}/#enroll=${server.deviceToken}`);
    await page.waitForFunction(() => /^All sent/.test(document.querySelector('.sync-status [role=status]')?.textContent ?? ''), undefined, { timeout: 600_000, polling: 50 });
    const ms = Date.now() - started;
    sampling = false;
    await sampler;
    return { ms, peakMB: peak / 2 ** 20 };
  } finally {
    await context.close();
    await server.close();
  }
}

/** The baseline: plain fetch PUTs of every photo read from IndexedDB, POSTs of the same submissions 200 at a time, one bulk put. */
async function plainDrain(browser: Browser, serve: PhotoServe): Promise<number> {
  const server = await serve();
  const { context, page } = await preparedContext(browser, server);
  try {
    return await page.evaluate(async (token) => {
      const started = performance.now();
      const db = await (globalThis as WithAppDb).openAppDb();
      type Row = { id: string; formId: string; formVersion: number; answers: unknown; attachments: Array<{ name: string; sha256: string; type: string }>; meta: Record<string, unknown> };
      const all = await new Promise<Row[]>((resolve) => {
        const get = db.transaction('submissions').objectStore('submissions').getAll();
        get.onsuccess = () => resolve(get.result);
      });
      const headers = { Authorization: `Bearer ${token}` };
      // Any client meets the server's rate limit on a long drain: it waits as told, then goes on.
      const send = async (url: string, init: RequestInit): Promise<void> => {
        for (;;) {
          const response = await fetch(url, init);
          await response.json();
          if (response.status !== 429) {
            if (!response.ok) throw new Error(`${init.method} ${url}: ${response.status}`);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
        }
      };
      for (const r of all) {
        for (const file of r.attachments) {
          const blob = await new Promise<Blob>((resolve) => {
            const get = db.transaction('attachments').objectStore('attachments').get([r.id, file.name]);
            get.onsuccess = () => resolve((get.result as { blob: Blob }).blob);
          });
          await send(`/api/v1/submissions/${r.id}/attachments/${file.sha256}`, { method: 'PUT', headers: { ...headers, 'Content-Type': file.type }, body: blob });
        }
      }
      for (let i = 0; i < all.length; i += 200) {
        const submissions = all.slice(i, i + 200).map((r) => {
          const { updatedAt: _u, ...meta } = r.meta;
          return { id: r.id, formId: r.formId, formVersion: r.formVersion, answers: r.answers, attachments: r.attachments, meta };
        });
        await send('/api/v1/submissions', { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ submissions }) });
      }
      const tx = db.transaction('submissions', 'readwrite');
      for (const r of all) tx.objectStore('submissions').put({ ...r, status: 'synced' });
      await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
      db.close();
      return performance.now() - started;
    }, server.deviceToken);
  } finally {
    await context.close();
    await server.close();
  }
}

/** One run of both drains, each against a fresh server. */
export async function drainPhotos(browser: Browser, serve: PhotoServe): Promise<{ app: number; baseline: number; peakMB: number }> {
  const app = await appDrain(browser, serve);
  const baseline = await plainDrain(browser, serve);
  return { app: app.ms, baseline, peakMB: app.peakMB };
}
