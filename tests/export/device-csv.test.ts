// The device's CSV export: the shared writer over this device's finalized records, read in
// pages, drafts left out, progress told page by page.
import { beforeEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/export/csv';
import { exportFormCsv } from '../../src/export/device-csv';
import { findForm } from '../../src/forms';
import { formIn } from '../../src/forms/localize';
import type { Form } from '../../src/forms/schema';
import { READ_PAGE_SIZE } from '../../src/storage/pages';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { parseCsv } from '../helpers/csv-parse';
import { storeDraft, storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

const form = findForm('workshop-feedback') as Form;

beforeEach(resetStorage);

describe('exportFormCsv', () => {
  it('writes every finalized response, any status, in completion order, and no draft', async () => {
    const submissions = variedSubmissions(form, 1_201, 21);
    await storeFinalized(submissions, (i) => (['queued', 'synced', 'rejected'] as const)[i % 3]!);
    await storeDraft(variedSubmissions(form, 1, 99)[0]!);
    const progress: [number, number][] = [];
    const blob = await exportFormCsv(form, { labels: true }, (done, total) => progress.push([done, total]));
    const text = await blob.text();
    expect(text).toBe(toCsv(form, submissions, { labels: true }));
    expect(parseCsv(text.slice(1))).toHaveLength(1 + submissions.length);
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(progress).toEqual([
      [0, 1_201],
      [READ_PAGE_SIZE, 1_201],
      [2 * READ_PAGE_SIZE, 1_201],
      [1_201, 1_201],
    ]);
  });

  it('writes labels in the language chosen, whatever the screen shows', async () => {
    const submissions = variedSubmissions(form, 20, 22);
    await storeFinalized(submissions);
    for (const locale of ['fr', 'es'] as const) {
      const text = await (await exportFormCsv(form, { labels: true, locale })).text();
      expect(text).toBe(toCsv(await formIn(form, locale), submissions, { labels: true, locale }));
    }
    const french = parseCsv((await (await exportFormCsv(form, { labels: true, locale: 'fr' })).text()).slice(1));
    const sex = french[0]!.indexOf('sex');
    expect(new Set(french.slice(1).map((row) => row[sex]))).toContain('Femme');
  });

  it('is a header alone when there is nothing to export', async () => {
    const blob = await exportFormCsv(form, { labels: false });
    expect(await blob.text()).toBe(toCsv(form, [], { labels: false }));
  });
});
