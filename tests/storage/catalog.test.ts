// The device's copy of the form catalog: the upgrade that brought it keeps every record, versions
// in use are kept and others dropped, and exports span the versions this device's rows use.
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportFormCsv } from '../../src/export/device-csv';
import { csvLayout } from '../../src/export/csv-versions';
import { BOM } from '../../src/export/csv';
import { findForm } from '../../src/forms';
import { parseForm } from '../../src/forms/load';
import type { Form } from '../../src/forms/schema';
import { exportVersions, finalizedVersions, formState, homeForms, loadForm, missingVersions, storeCatalog } from '../../src/storage/catalog';
import { closeDb, db, DB_NAME } from '../../src/storage/db';
import { SCHEMA_V1 } from '../../src/storage/layout';
import { finalize, startDraft, type DraftContext } from '../../src/storage/submissions';
import { toWire } from '../../src/sync/outbox';
import { definitionWith } from '../fixtures/forms';
import { resetStorage } from '../helpers/reset-storage';

const context: DraftContext = { deviceId: 'device-1', enumerator: 'Amina', locale: 'en', appVersion: 'test' };
const workshop = findForm('workshop-feedback') as Form;

/** Version `v` of a small published form, with `extra` questions; versions never change, so each test has its own form id. */
function version(v: number, extra: string[] = [], id = 'pub-form'): Form {
  return parseForm({ ...definitionWith([{ id: 'name', type: 'text', label: 'Name' }, ...extra.map((id) => ({ id, type: 'text' as const, label: id }))]), id, version: v });
}

const catalogWith = (...forms: Form[]) => ({ forms: [workshop, ...forms], states: Object.fromEntries([workshop, ...forms].map((f) => [f.id, 'open' as const])) });

beforeEach(resetStorage);

describe('the upgrades to versions 2 and 3', () => {
  it('keep every submission of a version 1 database as it was', async () => {
    closeDb();
    await Dexie.delete(DB_NAME);
    const old = new Dexie(DB_NAME);
    old.version(1).stores(SCHEMA_V1);
    const records = [
      { id: '00000000-0000-4000-8000-000000000001', formId: 'workshop-feedback', formVersion: 1, status: 'draft', answers: { workshop_name: 'Bogotá' }, meta: { deviceId: 'd', enumerator: 'e', locale: 'en', appVersion: '0.1.0', startedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:01:00.000Z' } },
      { id: '00000000-0000-4000-8000-000000000002', formId: 'workshop-feedback', formVersion: 1, status: 'queued', answers: { sex: 'female' }, meta: { deviceId: 'd', enumerator: 'e', locale: 'en', appVersion: '0.1.0', startedAt: '2024-01-01T00:00:00.000Z', completedAt: '2024-01-01T00:02:00.000Z', updatedAt: '2024-01-01T00:02:00.000Z' } },
    ];
    await old.table('submissions').bulkAdd(records);
    old.close();

    expect(await db().submissions.toArray()).toEqual(records);
    expect(db().verno).toBe(3);
    expect(await db().attachments.count()).toBe(0);
    expect(await db().submissions.where('[formId+formVersion+status]').equals(['workshop-feedback', 1, 'queued']).count()).toBe(1);
    expect(await db().forms.count()).toBe(0);
  });
});

describe('storeCatalog', () => {
  it('keeps the latest version and every version a submission uses, and drops the rest', async () => {
    expect(await storeCatalog(catalogWith(version(1)))).toHaveLength(1);
    const draft = await startDraft((await loadForm('pub-form'))!, context);
    expect(draft.formVersion).toBe(1);
    await storeCatalog(catalogWith(version(2, ['b'])));
    await storeCatalog(catalogWith(version(3, ['b', 'c'])));
    const kept = (await db().forms.toCollection().primaryKeys()).map((k) => (k as [string, number])[1]).sort();
    expect(kept).toEqual([1, 3]);
    expect((await loadForm('pub-form'))?.version).toBe(3);
    expect((await loadForm('pub-form', 1))?.version).toBe(1);
    // Nothing the device holds is missing; the built-in forms are never stored.
    expect(await missingVersions()).toEqual([]);
    expect(await db().forms.where('id').equals('workshop-feedback').count()).toBe(0);
  });

  it('learns states: a closing form stays on home without new responses, a closed one keeps its row', async () => {
    await storeCatalog(catalogWith(version(1)));
    await storeCatalog({ forms: [workshop], states: { 'workshop-feedback': 'closing', 'pub-form': 'closed' } });
    expect(await formState('workshop-feedback')).toBe('closing');
    expect(await formState('pub-form')).toBe('closed');
    const home = await homeForms();
    expect(home.forms.map((f) => [f.id, f.state])).toEqual([
      ['project-questionnaire', 'open'],
      ['gender-sensitivity', 'open'],
      ['gfp-constraints', 'open'],
      ['workshop-feedback', 'closing'],
      ['pub-form', 'closed'],
    ]);
    expect(home.counts['pub-form']).toMatchObject({ total: 0 });
  });

  it('says which versions are used but not held (from an imported bundle)', async () => {
    await db().submissions.add({ id: '00000000-0000-4000-8000-000000000009', formId: 'pub-form', formVersion: 7, status: 'queued', answers: {}, meta: { deviceId: 'd', enumerator: '', locale: 'en', appVersion: 't', startedAt: '2024-01-01T00:00:00.000Z', completedAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' } });
    expect(await missingVersions()).toEqual([{ formId: 'pub-form', version: 7 }]);
  });
});

describe('exports across versions', () => {
  it('uses the latest version and the older ones finalized rows use, never a draft’s', async () => {
    await storeCatalog(catalogWith(version(1, ['old_q'], 'pub-export')));
    const v1 = (await loadForm('pub-export'))!;
    const first = await startDraft(v1, context);
    await finalize(v1, first.id, { name: 'Old', old_q: 'kept', sex: 'female' });
    await startDraft(v1, context);
    await storeCatalog(catalogWith(version(2, ['new_q'], 'pub-export')));
    const v2 = (await loadForm('pub-export'))!;
    const second = await startDraft(v2, context);
    await finalize(v2, second.id, { name: 'New', new_q: 'fresh', sex: 'male' });

    expect(await finalizedVersions('pub-export')).toEqual([2, 1]);
    expect((await exportVersions('pub-export')).map((f) => f.version)).toEqual([2, 1]);
    const csv = await (await exportFormCsv(v2, { labels: false })).text();
    // The same bytes as the server's writer given the same rows (the server test holds its side).
    const layout = csvLayout([v2, v1]);
    const rows = (await db().submissions.where('[formId+status]').equals(['pub-export', 'queued']).sortBy('meta.completedAt')).map(toWire);
    expect(csv).toBe(BOM + layout.header + rows.map((s) => layout.row(s.formVersion === 2 ? v2 : v1, s, { labels: false })).join(''));
    expect(csv.split('\r\n')[0]!.split(',').slice(7)).toEqual(['name', 'new_q', 'sex', 'old_q']);
  });
});
