// What an import does to a device, from a table: new ids added as queued, identical ones
// skipped, different content under a held id reported as a conflict and left alone.
import { describe, expect, it } from 'vitest';
import { importedRecord, planImport } from '../../src/export/import-plan';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import type { StoredSubmission } from '../../src/storage/record';
import { variedSubmissions } from '../fixtures/varied-submissions';

const form = findForm('workshop-feedback') as Form;
const [a, b] = variedSubmissions(form, 2, 3) as [Submission, Submission];
const changed: Submission = { ...a, answers: { ...a.answers, workshop_name: 'Another name' } };
const held = (s: Submission, status: StoredSubmission['status'] = 'synced'): StoredSubmission => ({ ...importedRecord(s), status, syncedAt: '2024-05-15T00:00:00.000Z' });

describe('planImport', () => {
  it.each<[string, Submission[], (StoredSubmission | undefined)[], { add: string[]; skipped: string[]; conflicts: string[] }]>([
    ['new ids are added', [a, b], [undefined, undefined], { add: [a.id, b.id], skipped: [], conflicts: [] }],
    ['an identical held one is skipped, whatever its status', [a, b], [held(a, 'synced'), held(b, 'queued')], { add: [], skipped: [a.id, b.id], conflicts: [] }],
    ['a held one with other answers is a conflict', [changed], [held(a)], { add: [], skipped: [], conflicts: [a.id] }],
    ['a draft with the same id is a conflict', [a], [{ ...importedRecord(a), status: 'draft' }], { add: [], skipped: [], conflicts: [a.id] }],
    ['an id twice in the file, same content: added once, then skipped', [a, a], [undefined, undefined], { add: [a.id], skipped: [a.id], conflicts: [] }],
    ['an id twice in the file, other content: added once, then a conflict', [a, changed], [undefined, undefined], { add: [a.id], skipped: [], conflicts: [a.id] }],
  ])('%s', (_what, incoming, existing, expected) => {
    const plan = planImport(incoming, existing);
    expect({ add: plan.add.map((r) => r.id), skipped: plan.skipped, conflicts: plan.conflicts }).toEqual(expected);
  });

  it('keeps the original id and meta, queued so this device sends it onward', () => {
    const [record] = planImport([a], [undefined]).add;
    expect(record).toEqual({ id: a.id, formId: a.formId, formVersion: a.formVersion, status: 'queued', answers: a.answers, meta: { ...a.meta, updatedAt: a.meta.completedAt } });
  });
});
