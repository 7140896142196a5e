// Puts finalized workshop-feedback responses straight into a page's IndexedDB, for tests that
// need hundreds of them faster than a person could type. The records match what finalize writes.
import type { Page } from 'playwright-core';

/**
 * Waits until the app has made its database: it opens it once its first screen is shown, not
 * before. Opening it here first would make an empty one without the app's tables.
 */
export function appDatabaseMade(page: Page): Promise<unknown> {
  return page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'fieldbook'), undefined, { polling: 50 });
}

/** Adds `count` queued submissions; returns their ids. Visit the app first: it makes the database. */
export async function insertQueued(page: Page, count: number, answers?: Record<string, unknown>): Promise<string[]> {
  await appDatabaseMade(page);
  return page.evaluate(
    ({ n, answers }) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('submissions', 'readwrite');
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
          tx.oncomplete = () => {
            open.result.close();
            resolve(ids);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { n: count, answers },
  );
}

/** Puts these records (as the device stores them) into the page's IndexedDB in one transaction. */
export async function insertRecords(page: Page, records: readonly object[]): Promise<void> {
  await appDatabaseMade(page);
  return page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('submissions', 'readwrite');
          for (const record of list) tx.objectStore('submissions').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}
