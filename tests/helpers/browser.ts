// Real Chromium for browser tests: Debian's package, driven by playwright-core.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { startAppServer } from './app-server';
import { CHROMIUM_PATH, HAS_CHROMIUM, launchChromium } from './chromium';
import { defineOpenAppDb, type WithAppDb } from './device-data';
import { waitUntilControlled } from './pwa';

export { CHROMIUM_PATH, HAS_CHROMIUM, launchChromium };

/**
 * A describe block that needs Chromium. On a laptop without it the block is skipped loudly;
 * under CI=true a missing browser is a failure, never a silent skip.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (HAS_CHROMIUM) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI must install Debian's chromium package`);
    });
    return;
  }
  console.warn(`\n⚠⚠⚠ SKIPPING browser tests "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install chromium) ⚠⚠⚠\n`);
  describe.skip(name, body);
}

/** Text of the element's live value, for asserting what a person would see in a field. */
export async function valueOf(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).inputValue();
}

/** Reads every submission straight from the page's IndexedDB, bypassing the app. */
export async function storedSubmissions(page: Page): Promise<Array<{ id: string; status: string; answers: Record<string, unknown>; meta: { locale: string } & Record<string, unknown> }>> {
  await defineOpenAppDb(page);
  return page.evaluate(async () => {
    const db = await (globalThis as WithAppDb).openAppDb();
    const all = db.transaction('submissions').objectStore('submissions').getAll();
    const records = await new Promise<Array<{ id: string; status: string; answers: Record<string, unknown>; meta: { locale: string } & Record<string, unknown> }>>((resolve, reject) => {
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    return records;
  });
}

export type { Browser, BrowserContext, Page };

/** What `useAppInBrowser` gives a describe block: one Chromium and one app server, for the whole block. */
export interface AppInBrowser {
  readonly browser: Browser;
  readonly server: Awaited<ReturnType<typeof startAppServer>>;
}

/** Starts the app's server and Chromium before the block's tests and stops both after them. */
export function useAppInBrowser(): AppInBrowser {
  const app = {} as { browser: Browser; server: AppInBrowser['server'] };
  beforeAll(async () => {
    app.server = await startAppServer();
    app.browser = await launchChromium();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** POSTs an XLSForm workbook to the app's server with the coordinator token. */
export function publishXlsForm(server: AppInBrowser['server'], workbook: Uint8Array): Promise<Response> {
  return fetch(`${server.url}/api/v1/forms`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.tokens.coordinator}`, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: new Blob([workbook as Uint8Array<ArrayBuffer>]),
  });
}

/** Enrolls the page's device, waits for the service worker, and returns home's "New response" button of a form once shown. */
export async function enrollAndFindForm(page: Page, server: AppInBrowser['server'], title: string) {
  await page.goto(`${server.url}/#enroll=${server.tokens.device}`);
  await waitUntilControlled(page);
  const start = page.getByRole('button', { name: `New response: ${title}` });
  await start.waitFor({ timeout: 20_000 });
  return start;
}
