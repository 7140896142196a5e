// A large XLSForm (its sheets unzip to over 512 KB, where the unzipping library starts workers from
// blob: URLs) reads and previews in the coordinator's screen under the app's own Content-Security-Policy.
import { expect, it } from 'vitest';
import { largeXlsForm, LARGE_FORM_TITLE } from '../fixtures/large-xlsform';
import { describeInBrowser, useAppInBrowser } from '../helpers/browser';

describeInBrowser('a large XLSForm in the coordinator screen', () => {
  const app = useAppInBrowser();

  it('reads a 1,000-row form with 5,000 choices and shows its preview', async () => {
    const bytes = largeXlsForm();
    const page = await (await app.browser.newContext()).newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()));
    await page.goto(`${app.server.url}/#/coordinator`);
    await page.getByLabel('Coordinator token').fill(app.server.tokens.coordinator);
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByLabel('Form definition (JSON or XLSForm .xlsx file)').setInputFiles({ name: 'large.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) });
    const preview = page.getByRole('region', { name: `Preview of ${LARGE_FORM_TITLE}` });
    await preview.getByLabel('Question 999', { exact: true }).waitFor({ timeout: 60_000 });
    expect(blocked).toEqual([]);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByText(`Published version 1 of ${LARGE_FORM_TITLE}`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });
});
