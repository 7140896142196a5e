// In real Chromium against the real server: the coordinator publishes a new version of the
// workshop form from the app (a JSON file chosen in the file input), previews it first, sees it
// listed as version 2, and sees the server's refusal of a later file row by row.
import { expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
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
    expect(await rowsOf(page, 'Versions of Workshop feedback')).toEqual([['1', expect.any(String), '0']]);

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
});
