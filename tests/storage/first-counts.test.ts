// Home's first counts, read with plain IndexedDB before Dexie loads, against Dexie's live counts.
import { beforeEach, describe, expect, it } from 'vitest';
import { FORM_CATALOG } from '../../src/forms/catalog';
import { countForms } from '../../src/storage/counts';
import { closeDb, db, DB_NAME } from '../../src/storage/db';
import { readFormCounts } from '../../src/storage/first-counts';
import { SUBMISSION_STATUSES } from '../../src/storage/layout';
import { makeSubmissions } from '../fixtures/submissions';
import { storeDraft, storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

const FORM_IDS = FORM_CATALOG.map((f) => f.id);

beforeEach(resetStorage);

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe('readFormCounts', () => {
  it('counts every status of every form, and today, exactly as the live counts do', async () => {
    const today = new Date().toISOString();
    await storeFinalized(makeSubmissions(7, 'workshop-feedback'), (i) => SUBMISSION_STATUSES.slice(1)[i % 3]!);
    await storeFinalized(makeSubmissions(4, 'workshop-feedback', { meta: { completedAt: today } }), 'queued');
    await storeFinalized(makeSubmissions(3, FORM_IDS[0]!), 'synced');
    for (const submission of makeSubmissions(2, 'workshop-feedback')) await storeDraft(submission);

    const first = await readFormCounts(FORM_IDS);
    expect(first['workshop-feedback']).toEqual({ draft: 2, queued: 3 + 4, synced: 2, rejected: 2, total: 13, today: 4 });
    expect(first).toEqual(await countForms(FORM_IDS));
  });

  it('answers zeros on a device with no database yet, and does not make one', async () => {
    closeDb();
    expect(await databaseNames()).not.toContain(DB_NAME);
    const counts = await readFormCounts(FORM_IDS);
    expect(Object.keys(counts)).toEqual(FORM_IDS);
    for (const id of FORM_IDS) expect(counts[id]).toEqual({ draft: 0, queued: 0, synced: 0, rejected: 0, total: 0, today: 0 });
    expect(await databaseNames()).not.toContain(DB_NAME);
    // Dexie then makes the database with its schema, untroubled.
    expect(await db().submissions.count()).toBe(0);
  });

  it('leaves no connection open that would block a later schema upgrade', async () => {
    await db().submissions.count();
    closeDb();
    await readFormCounts(FORM_IDS);
    const upgraded = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 1000);
      open.onblocked = () => reject(new Error('blocked by an open connection'));
      open.onsuccess = () => (open.result.close(), resolve(open.result.version));
    });
    expect(upgraded).toBe(1000);
  });
});
