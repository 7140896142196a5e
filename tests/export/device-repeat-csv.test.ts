// The device's export of a form with repeats: one ZIP holding the main CSV and one CSV per repeat,
// each the same bytes as the server's (the shared writers), read from this device's records.
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { BOM, toCsv } from '../../src/export/csv';
import { repeatCsvLayout } from '../../src/export/csv-repeat';
import { exportFormFiles } from '../../src/export/device-csv';
import { findForm } from '../../src/forms';
import { readDefinition } from '../../src/forms/load';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { HOUSEHOLD } from '../fixtures/household-repeat';
import { makeSubmission } from '../fixtures/submissions';
import { storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

beforeEach(resetStorage);

const read = readDefinition(HOUSEHOLD);
if (!read.ok) throw new Error('the household form');
const form: Form = read.form;
/** The file's text, BOM kept (TextDecoder drops it unless told). */
const text = (bytes: Uint8Array | undefined) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

function roster(n: number, i: number): Submission {
  const base = makeSubmission('workshop-feedback');
  const member = Array.from({ length: n }, (_, k) => ({ member_name: `M${i}-${k}`, member_age: 40 + k, ...(k === 0 ? { visit: [{ visit_place: `P${i}` }] } : {}) }));
  return { ...base, formId: 'household', formVersion: 1, answers: { village: `V${i}`, member }, meta: { ...base.meta, completedAt: `2026-01-0${i + 1}T00:00:00.000Z` } };
}

describe('exportFormFiles', () => {
  it('gives a ZIP with the main CSV and one CSV per repeat, as the server writes them', async () => {
    const submissions = [roster(3, 0), roster(1, 1)];
    await storeFinalized(submissions);
    const now = new Date('2026-02-03T10:00:00Z');
    const { blob, fileName } = await exportFormFiles(form, { labels: false }, now);
    expect(fileName).toBe('household-2026-02-03.zip');
    expect(blob.type).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['household-2026-02-03.csv', 'household-member-2026-02-03.csv', 'household-visit-2026-02-03.csv']);
    expect(text(files['household-2026-02-03.csv']!)).toBe(toCsv(form, submissions, { labels: false }));
    const members = repeatCsvLayout([form], 'member')!;
    expect(text(files['household-member-2026-02-03.csv']!)).toBe(BOM + members.header + submissions.map((s) => members.rows(form, s, { labels: false })).join(''));
    const visits = text(files['household-visit-2026-02-03.csv']!).slice(1).split('\r\n');
    expect(visits).toEqual(['submission_id,repeat_index,parent_index,visit_place', `${submissions[0]!.id},1,1,P0`, `${submissions[1]!.id},1,1,P1`, '']);
  });

  it('gives the CSV alone for a form without repeats', async () => {
    const plain = findForm('workshop-feedback') as Form;
    const { blob, fileName } = await exportFormFiles(plain, { labels: false }, new Date('2026-02-03T10:00:00Z'));
    expect(fileName).toBe('workshop-feedback-2026-02-03.csv');
    expect(await blob.text()).toBe(toCsv(plain, [], { labels: false }));
  });
});
