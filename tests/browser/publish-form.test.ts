// In real Chromium against the real server: the coordinator publishes a new version of the
// workshop form from the app (a JSON file chosen in the file input), previews it first, sees it
// listed as version 2, and sees the server's refusal of a later file row by row. Then XLSForm: a
// built-in form downloaded as .xlsx (it imports back identical), the career development example
// uploaded, previewed and published as a new form, and an .xlsx with problems listed row by row.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import { contentText } from '../../src/forms/publish-checks';
import { FormSchema, type Form } from '../../src/forms/schema';
import { importXlsForm } from '../../src/forms/xlsform';
import { buildXlsx } from '../helpers/xlsx';
import { axeViolations } from '../helpers/axe';
import { describeInBrowser, type Page, useAppInBrowser } from '../helpers/browser';

const workshop = findForm('workshop-feedback') as Form;

/** The workshop form with one more question at the end of its first section, as a file's bytes (no version: the server assigns it). */
function definitionFile(extra: Form['sections'][number]['questions'][number]): Buffer {
  const { version: _assigned, ...definition } = structuredClone(workshop);
  definition.sections[0]!.questions.push(extra);
  return Buffer.from(JSON.stringify(definition, null, 2));
}

/** Each body row of the table with this caption, as the text of its cells. */
async function rowsOf(page: Page, caption: string): Promise<string[][]> {
  return page.getByRole('table', { name: caption }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent ?? '')));
}

describeInBrowser('publishing a form from the coordinator screen', () => {
  const app = useAppInBrowser();

  it('previews the file, publishes it as version 2, and lists the server’s refusal of the next one row by row', async () => {
    // Only so that axe can be injected: the app's CSP forbids inline scripts.
    const page = await (await app.browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Coordinator' }).click();
    await page.getByLabel('Coordinator token').fill(app.server.tokens.coordinator);
    await page.getByRole('button', { name: 'Show results' }).click();
    // The list arrives from the server after the click: wait for it as a person would.
    await expect.poll(() => rowsOf(page, 'Versions of Workshop feedback')).toEqual([['1', expect.any(String), '0']]);

    const file = page.getByLabel('Form definition (JSON or XLSForm .xlsx file)');
    await file.setInputFiles({ name: 'workshop-v2.json', mimeType: 'application/json', buffer: definitionFile({ id: 'venue_rating', type: 'likert', label: 'The venue suited the workshop' }) });
    // The app's own renderer shows the new question before anything is sent.
    const preview = page.getByRole('region', { name: 'Preview of Workshop feedback' });
    await preview.getByRole('group', { name: /The venue suited the workshop/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 2 of Workshop feedback.').waitFor();
    await expect.poll(async () => (await rowsOf(page, 'Versions of Workshop feedback')).map((r) => r[0])).toEqual(['2', '1']);
    expect(await preview.count()).toBe(0);

    const stored = await fetch(`${app.server.url}/api/v1/forms/workshop-feedback/versions/2`);
    const v2 = (await stored.json()) as Form;
    expect(v2.sections[0]!.questions.at(-1)).toEqual({ id: 'venue_rating', type: 'likert', label: 'The venue suited the workshop' });

    // This device holds only version 1, so a type change against version 2 is the server's to find.
    await file.setInputFiles({ name: 'workshop-v3.json', mimeType: 'application/json', buffer: definitionFile({ id: 'venue_rating', type: 'text', label: 'What was the venue like?' }) });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('table', { name: 'Problems the server found in workshop-v3.json' }).waitFor();
    const problems = await rowsOf(page, 'Problems the server found in workshop-v3.json');
    expect(await axeViolations(page)).toEqual([]);
    const last = workshop.sections[0]!.questions.length;
    expect(problems).toEqual([['', '', `sections[0].questions[${last}].type`, expect.stringContaining('"venue_rating" was "likert" in version 2')]]);
    expect((await rowsOf(page, 'Versions of Workshop feedback')).map((r) => r[0])).toEqual(['2', '1']);

    // The picker now shows the server's latest version, which this device fetches to show its results.
    await page.getByRole('navigation', { name: 'Forms on the server' }).getByRole('link', { name: 'Workshop feedback' }).click();
    await page.getByRole('heading', { level: 2, name: 'Workshop feedback: all devices' }).waitFor();
    await page.getByText('No finalized responses yet.').waitFor();
  });

  it('downloads a form as XLSForm, and publishes an .xlsx: the example as a new form, one with problems refused row by row', async () => {
    const page = await (await app.browser.newContext({ bypassCSP: true, acceptDownloads: true })).newPage();
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Coordinator' }).click();
    await page.getByLabel('Coordinator token').fill(app.server.tokens.coordinator);
    await page.getByRole('button', { name: 'Show results' }).click();
    const gfp = page.getByRole('article', { name: 'Gender Focal Point constraints survey' });
    await gfp.waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), gfp.getByRole('button', { name: 'Download as XLSForm: Gender Focal Point constraints survey' }).click()]);
    expect(download.suggestedFilename()).toBe('gfp-constraints-v1.xlsx');
    const imported = await importXlsForm(await readFile((await download.path())!));
    const stored = FormSchema.parse(await (await fetch(`${app.server.url}/api/v1/forms/gfp-constraints/versions/1`)).json());
    expect(imported.ok && contentText(imported.form)).toBe(contentText(stored));

    const file = page.getByLabel('Form definition (JSON or XLSForm .xlsx file)');
    const example = await readFile(new URL('../../examples/career-development.xlsx', import.meta.url));
    await file.setInputFiles({ name: 'career-development.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: example });
    const preview = page.getByRole('region', { name: 'Preview of Career development survey by gender' });
    await preview.getByRole('group', { name: /^Sex/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published version 1 of Career development survey by gender.').waitFor();
    await expect.poll(async () => (await rowsOf(page, 'Versions of Career development survey by gender')).map((r) => r[0])).toEqual(['1']);

    const broken = buildXlsx({
      survey: [
        ['type', 'name', 'label'],
        ['select_one sex', 'sex', 'Sex'],
        ['rank', 'code', 'Code'],
        ['integer', 'age', ''],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['sex', 'female', 'Female'],
      ],
      settings: [['form_id'], ['broken_form']],
    });
    await file.setInputFiles({ name: 'broken.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(broken) });
    await page.getByRole('table', { name: 'Problems in broken.xlsx' }).waitFor();
    expect(await rowsOf(page, 'Problems in broken.xlsx')).toEqual([
      ['survey', '3', 'type', 'type `rank` (a ranking) is not supported yet'],
      ['survey', '4', 'label', '`age` has no label: write what the person is asked'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
  });
});
