// In real Chromium: the device's results screen and the coordinator's view of the server show
// the numbers counted directly from the inserted answers; the coordinator token stays in memory.
import { expect, it } from 'vitest';
import { importedRecord } from '../../src/export/import-plan';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { describeInBrowser, type Page, useAppInBrowser } from '../helpers/browser';
import { insertRecords } from '../helpers/device-data';

const form = findForm('gender-sensitivity') as Form;
const SEXES = ['female', 'male', 'other', 'prefer_not_to_say'] as const;

/** Rows of the data table with this caption, by row head, numbers without separators. */
async function tableRows(page: Page, caption: string | RegExp): Promise<Record<string, string[]>> {
  const table = page.getByRole('table', { name: caption, includeHidden: true });
  const rows = await table.locator('tbody tr, tfoot tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').replaceAll(',', ''))));
  return Object.fromEntries(rows.map(([head, ...cells]) => [head, cells]));
}

/** Counts made straight from the answers: per sex (the four options), then in all. */
function expectedRow(submissions: readonly Submission[], match: (a: Record<string, unknown>) => boolean): string[] {
  const n = (sex?: string) => String(submissions.filter((s) => (sex === undefined || s.answers.sex === sex) && match(s.answers)).length);
  return [...SEXES.map((sex) => n(sex)), n()];
}

describeInBrowser('results by sex', () => {
  const app = useAppInBrowser();

  it('on the device, from its own finalized responses', async () => {
    const submissions = variedSubmissions(form, 300, 71);
    const page = await (await app.browser.newContext()).newPage();
    await page.goto(app.server.url);
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    await insertRecords(page, submissions.map(importedRecord));
    await page.getByRole('link', { name: 'Results: Staff gender sensitivity survey' }).click();
    await page.getByRole('heading', { level: 2, name: 'Respondents' }).waitFor();

    const respondents = await tableRows(page, 'Responses by sex of the respondent');
    expect(respondents.Women).toEqual([expectedRow(submissions, (a) => a.sex === 'female')[4]]);
    expect(respondents.All).toEqual(['300']);
    const aware = await tableRows(page, /^Are you aware of the Staff and Programme Policy on Gender adopted by the Council in 1995\?/);
    expect(aware.Yes).toEqual(expectedRow(submissions, (a) => a.aware_gender_policy === 'yes'));
    const chart = page.getByRole('img', { name: /^Are you aware of the Staff and Programme Policy on Gender adopted by the Council in 1995\?/ });
    expect(await chart.locator('rect.bar').count()).toBe(2 * SEXES.length);
  });

  it('for the coordinator, from everything on the app.server, with a token kept in memory only', async () => {
    const submissions = variedSubmissions(form, 260, 72);
    const answer = await fetch(`${app.server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.server.tokens.device}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions }),
    });
    expect(answer.status).toBe(200);

    const page = await (await app.browser.newContext()).newPage();
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Coordinator' }).click();
    await page.getByLabel('Coordinator token').fill(app.server.tokens.coordinator);
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByRole('link', { name: 'Staff gender sensitivity survey' }).click();
    await page.getByRole('heading', { level: 2, name: 'Respondents' }).waitFor();

    expect((await tableRows(page, 'Responses by sex of the respondent')).All).toEqual(['260']);
    const aware = await tableRows(page, /^Are you aware of the Staff and Programme Policy on Gender adopted by the Council in 1995\?/);
    expect(aware.No).toEqual(expectedRow(submissions, (a) => a.aware_gender_policy === 'no'));

    // Never in the address, never in storage; a reload asks again.
    expect(page.url()).not.toContain(app.server.tokens.coordinator);
    const stored = await page.evaluate(async () => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, dbs: await indexedDB.databases() }));
    expect(stored).not.toContain(app.server.tokens.coordinator);
    await page.reload();
    await page.getByLabel('Coordinator token').waitFor();
  });
});
