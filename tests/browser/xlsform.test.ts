// An XLSForm published to the real server and filled on a device in real Chromium: two languages,
// a relevance, a constraint whose message shows in the language chosen, a calculation; the CSV.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppServer } from '../helpers/app-server';
import { axeViolations } from '../helpers/axe';
import { describeInBrowser, enrollAndFindForm, publishXlsForm, launchChromium, storedSubmissions, type Browser, type Page } from '../helpers/browser';
import { parseCsv } from '../helpers/csv-parse';
import { buildXlsx } from '../helpers/xlsx';

const WORKBOOK = buildXlsx({
  survey: [
    ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'relevant', 'constraint', 'constraint_message::English (en)', 'constraint_message::Français (fr)', 'required', 'calculation'],
    ['select_one sex', 'sex', 'Sex', 'Sexe', '', '', '', '', 'yes', ''],
    ['integer', 'age', 'Age', 'Âge', '', '. >= 15 and . < 100', 'Age must be 15 to 99', 'L’âge doit être entre 15 et 99', 'yes', ''],
    ['text', 'employer', 'Employer', 'Employeur', '${age} >= 18', '', '', '', '', ''],
    ['calculate', 'decade', '', '', '', '', '', '', '', 'int(${age} div 10)'],
  ],
  choices: [
    ['list_name', 'name', 'label::English (en)', 'label::Français (fr)'],
    ['sex', 'female', 'Female', 'Femme'],
    ['sex', 'male', 'Male', 'Homme'],
  ],
  settings: [['form_id', 'form_title', 'default_language'], ['labour_survey', 'Labour survey', 'English (en)']],
});

describeInBrowser('an XLSForm filled on a device', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    // The app's CSP forbids inline scripts, axe's injection included: this test's page bypasses it.
    page = await (await browser.newContext({ bypassCSP: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();
  const ageError = () => page.locator('#q-age-error').textContent();

  it('publishes, fills in English and in French, shows the constraint message, and exports the CSV', async () => {
    const published = await publishXlsForm(server, WORKBOOK);
    expect(published.status).toBe(201);
    expect(await published.json()).toMatchObject({ form: { id: 'labour-survey', version: 1 } });

    const start = await enrollAndFindForm(page, server, 'Labour survey');

    // In English: the employer question appears for an adult; the constraint speaks at once.
    await start.click();
    await expect.poll(heading).toBe('Labour survey');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Female', exact: true }).check();
    expect(await page.getByLabel('Employer', { exact: true }).count()).toBe(0);
    await page.getByLabel('Age', { exact: true }).fill('130');
    await expect.poll(ageError).toBe('Age must be 15 to 99');
    await page.getByLabel('Age', { exact: true }).fill('34');
    await expect.poll(() => page.locator('#q-age-error').count()).toBe(0);
    await page.getByLabel('Employer', { exact: true }).fill('Co-op');
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    // In French, switched on the form itself: labels, choices and the constraint message follow.
    await page.goto(`${server.url}/#/`);
    await start.click();
    await expect.poll(heading).toBe('Labour survey');
    await page.getByLabel('Form language').selectOption('fr');
    await page.getByRole('group', { name: 'Sexe' }).getByRole('radio', { name: 'Homme', exact: true }).check();
    await page.getByLabel('Âge', { exact: true }).fill('12');
    await expect.poll(ageError).toBe('L’âge doit être entre 15 et 99');
    expect(await page.locator('form.survey').getAttribute('lang')).toBe('fr');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Âge', { exact: true }).fill('16');
    expect(await page.getByLabel('Employeur', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    await expect.poll(async () => (await storedSubmissions(page)).filter((s) => s.status !== 'synced').length, { timeout: 20_000 }).toBe(0);
    const csv = await (await fetch(`${server.url}/api/v1/forms/labour-survey/submissions.csv?labels=1&lang=fr`, { headers: { Authorization: `Bearer ${server.tokens.coordinator}` } })).text();
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(7)).toEqual(['sex', 'age', 'employer', 'decade']);
    expect(rows.slice(1).map((r) => r.slice(7)).sort()).toEqual([
      ['Femme', '34', 'Co-op', '3'],
      ['Homme', '16', '', '1'],
    ]);
  });
});
