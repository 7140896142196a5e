// WARNING: on the home screen's critical path. Home's first counts are read with plain
// IndexedDB: Dexie is about 100 KB of script, and evaluating it before the first counts made an
// offline start wait on the main thread for nothing. Dexie's live counts (counts.ts) take over
// once the screen is up; both count the same indexes (layout.ts).
import { BY_FORM_AND_COMPLETION, BY_FORM_AND_STATUS, DB_NAME, SUBMISSION_STATUSES } from './layout';
import type { SubmissionStatus } from './record';

/** How many submissions a form has in each status, plus how many were finalized today. */
export type FormCounts = Record<SubmissionStatus, number> & { total: number; today: number };

const zeros = (): FormCounts => ({ draft: 0, queued: 0, synced: 0, rejected: 0, total: 0, today: 0 });

/** Midnight of the current day in local time. */
export function startOfToday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}

/** Each form's counts in one read transaction; all zero when the device has no database yet. */
export function readFormCounts(formIds: readonly string[], since: Date = startOfToday()): Promise<Record<string, FormCounts>> {
  const counts = Object.fromEntries(formIds.map((id) => [id, zeros()]));
  return new Promise((resolve, reject) => {
    // No version asked: whatever version Dexie made. Asking for none never blocks on an upgrade.
    const open = indexedDB.open(DB_NAME);
    // No database yet (a first visit): create nothing, Dexie makes it with its schema.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => (open.error?.name === 'AbortError' ? resolve(counts) : reject(open.error));
    open.onsuccess = () => {
      const connection = open.result;
      if (!connection.objectStoreNames.contains('submissions')) return (connection.close(), resolve(counts));
      const store = connection.transaction('submissions').objectStore('submissions');
      const tx = store.transaction;
      for (const id of formIds) {
        const form = counts[id]!;
        for (const status of SUBMISSION_STATUSES) {
          store.index(BY_FORM_AND_STATUS).count([id, status]).onsuccess = (e) => {
            const n = (e.target as IDBRequest<number>).result;
            form[status] = n;
            form.total += n;
          };
        }
        // An array sorts after every string: the upper bound takes in every completion time.
        store.index(BY_FORM_AND_COMPLETION).count(IDBKeyRange.bound([id, since.toISOString()], [id, []])).onsuccess = (e) => {
          form.today = (e.target as IDBRequest<number>).result;
        };
      }
      tx.oncomplete = () => (connection.close(), resolve(counts));
      tx.onabort = () => (connection.close(), reject(tx.error));
    };
  });
}
