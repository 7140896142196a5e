// Locations in real Chromium against the real server: an XLSForm with a geopoint and an area,
// one response located by the browser (geolocation granted and set), one typed by hand as on a
// laptop without GPS, both synced; the server's CSV has the geopoint's four columns.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppServer } from '../helpers/app-server';
import { axeViolations } from '../helpers/axe';
import { describeInBrowser, enrollAndFindForm, publishXlsForm, launchChromium, storedSubmissions, type Browser, type Page } from '../helpers/browser';
import { parseCsv } from '../helpers/csv-parse';
import { buildXlsx } from '../helpers/xlsx';

const WORKBOOK = buildXlsx({
  survey: [
    ['type', 'name', 'label', 'required'],
    ['select_one sex', 'sex', 'Sex', 'yes'],
    ['geopoint', 'site', 'Where is the site?', 'yes'],
    ['geoshape', 'plot', 'The plot', ''],
  ],
  choices: [
    ['list_name', 'name', 'label'],
    ['sex', 'female', 'Female'],
    ['sex', 'male', 'Male'],
  ],
  settings: [['form_id', 'form_title'], ['site_visit', 'Site visit']],
});

describeInBrowser('locations filled on a device', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    // The app's CSP forbids inline scripts, axe's injection included: this test's page bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: -1.2920659, longitude: 36.8219462, accuracy: 18 });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();

  it('takes the browser\'s location, or one typed by hand, validates it, syncs, and exports four columns', async () => {
    const published = await publishXlsForm(server, WORKBOOK);
    expect(published.status).toBe(201);

    const start = await enrollAndFindForm(page, server, 'Site visit');

    // From the browser's geolocation, with a plain word on how accurate it is.
    await start.click();
    await expect.poll(heading).toBe('Site visit');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Female', exact: true }).check();
    const site = page.getByRole('group', { name: /Where is the site\?/ });
    await site.getByRole('button', { name: 'Use my location' }).click();
    await site.getByText('Location found, accurate to about 18 m.').waitFor();
    expect(await site.getByLabel('Latitude (-90 to 90)').inputValue()).toBe('-1.2920659');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    // Typed by hand, with the keyboard: a latitude off the map is refused until corrected; an area of 3 points.
    await page.goto(`${server.url}/#/`);
    await start.click();
    await expect.poll(heading).toBe('Site visit');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Male', exact: true }).check();
    await site.getByLabel('Latitude (-90 to 90)').fill('95');
    await site.getByLabel('Longitude (-180 to 180)').fill('36.8');
    const plot = page.getByRole('group', { name: 'The plot' });
    for (const [i, [lat, lon]] of [['0', '0'], ['0', '1'], ['1', '1']].entries()) {
      await plot.getByRole('button', { name: 'Add a point by hand' }).press('Enter');
      // The new point's latitude takes the focus.
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe(`Point ${i + 1}`);
      await page.keyboard.type(lat!);
      await page.keyboard.press('Tab');
      await page.keyboard.type(lon!);
    }
    await page.getByRole('button', { name: 'Finalize' }).click();
    await page.locator('#q-site-error').getByText(/^Enter a location: a latitude from -90 to 90/).waitFor();
    await site.getByLabel('Latitude (-90 to 90)').fill('-1.3');
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    await expect.poll(async () => (await storedSubmissions(page)).filter((s) => s.status !== 'synced').length, { timeout: 20_000 }).toBe(0);
    const csv = await (await fetch(`${server.url}/api/v1/forms/site-visit/submissions.csv`, { headers: { Authorization: `Bearer ${server.tokens.coordinator}` } })).text();
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(7)).toEqual(['sex', 'site/latitude', 'site/longitude', 'site/altitude', 'site/accuracy', 'plot']);
    expect(rows.slice(1).map((r) => r.slice(7)).sort()).toEqual([
      // The browser gives no altitude here; with an accuracy, ODK's form writes it 0.
      ['female', '-1.2920659', '36.8219462', '0', '18', ''],
      ['male', '-1.3', '36.8', '', '', '0 0;0 1;1 1;0 0'],
    ]);
  });
});
