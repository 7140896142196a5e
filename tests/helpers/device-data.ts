// Puts finalized workshop-feedback responses straight into a page's IndexedDB, for tests that
// need hundreds of them faster than a person could type. The records match what finalize writes.
import type { Page } from 'playwright-core';

/**
 * Page-side `window.openAppDb()`: the app's database once the app has made it (it does once its
 * first screen is shown), opened the way home's first counts do, so it never makes one itself:
 * a plain open, too early, would make an empty database and block the app's own. The connection
 * gives way to the app's upgrades. A string, not a function: tsx would add names the page lacks.
 */
const OPEN_APP_DB = `window.openAppDb ??= () => new Promise((resolve) => {
  const attempt = () => {
    const open = indexedDB.open('fieldbook');
    open.onupgradeneeded = () => open.transaction.abort();
    open.onerror = () => setTimeout(attempt, 50);
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      if (db.objectStoreNames.contains('submissions')) resolve(db);
      else (db.close(), setTimeout(attempt, 50));
    };
  };
  attempt();
})`;

/** What the page gets from OPEN_APP_DB. */
export type WithAppDb = typeof globalThis & { openAppDb: () => Promise<IDBDatabase> };

/** Makes `window.openAppDb()` available in the page. */
export function defineOpenAppDb(page: Page): Promise<unknown> {
  return page.evaluate(OPEN_APP_DB);
}

/** Adds `count` queued submissions; returns their ids. Visit the app first: it makes the database. */
export async function insertQueued(page: Page, count: number, answers?: Record<string, unknown>): Promise<string[]> {
  await defineOpenAppDb(page);
  return page.evaluate(
    async ({ n, answers }) => {
      const db = await (globalThis as WithAppDb).openAppDb();
      const tx = db.transaction('submissions', 'readwrite');
      const store = tx.objectStore('submissions');
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = crypto.randomUUID();
        const time = new Date().toISOString();
        ids.push(id);
        store.put({
          id,
          formId: 'workshop-feedback',
          formVersion: 1,
          status: 'queued',
          answers: answers ?? { workshop_name: 'Istanbul', workshop_date: '2003-10-14', sex: i % 2 ? 'male' : 'female' },
          meta: { deviceId: 'browser-test', enumerator: 'Test', locale: 'en', appVersion: 'test', startedAt: time, updatedAt: time, completedAt: time },
        });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
      db.close();
      return ids;
    },
    { n: count, answers },
  );
}

/** Puts these records (as the device stores them) into the page's IndexedDB in one transaction. */
export async function insertRecords(page: Page, records: readonly object[]): Promise<void> {
  await defineOpenAppDb(page);
  return page.evaluate(async (list) => {
    const db = await (globalThis as WithAppDb).openAppDb();
    const tx = db.transaction('submissions', 'readwrite');
    for (const record of list) tx.objectStore('submissions').put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    db.close();
  }, records);
}
