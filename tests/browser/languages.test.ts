// English, French and Spanish in real Chromium: the language follows the browser on a first
// visit, is switched at any time (mid-form too, answers kept) and remembered, is recorded on the
// response, writes the CSV's labels in any of the three, and costs an English visitor nothing:
// no French or Spanish is downloaded until chosen, yet every language works offline afterwards.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser, storedSubmissions, type Page, useAppInBrowser } from '../helpers/browser';
import { parseCsvObjects } from '../helpers/csv-parse';
import { waitUntilControlled } from '../helpers/pwa';

/** The chunks of the French and Spanish words (interface, forms, validation messages). */
const LANGUAGE_CHUNK = /\/assets\/(?:messages-)?(fr|es)-[\w-]+\.js$/;

describeInBrowser('three languages', () => {
  const app = useAppInBrowser();

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  it('switches mid-form keeping the answers, records the language finished in, and remembers it', async () => {
    const page = await (await app.browser.newContext({ locale: 'en-GB' })).newPage();
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(() => heading(page)).toBe('Workshop feedback');
    expect(await htmlLang(page)).toBe('en');
    await page.getByLabel('Workshop name', { exact: true }).fill('Atelier régional, Dakar');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Male', exact: true }).check();

    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await expect.poll(() => heading(page)).toBe('Évaluation de l’atelier');
    expect(await htmlLang(page)).toBe('fr');
    expect(await page.getByLabel('Intitulé de l’atelier', { exact: true }).inputValue()).toBe('Atelier régional, Dakar');
    expect(await page.getByRole('group', { name: 'Sexe' }).getByRole('radio', { name: 'Homme', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('Date', { exact: true }).fill('2003-10-14');
    await page.getByLabel('Commentaires', { exact: true }).fill('Très utile');
    await page.getByRole('button', { name: 'Finaliser' }).click();
    await expect.poll(() => heading(page)).toBe('Réponse enregistrée');

    const [stored] = await storedSubmissions(page);
    expect(stored?.meta.locale).toBe('fr');
    expect(stored?.answers).toEqual({ workshop_name: 'Atelier régional, Dakar', workshop_date: '2003-10-14', sex: 'male', comments: 'Très utile' });

    // The CSV's labels in another language than the screen's.
    await page.evaluate(() => (location.hash = '#/forms/workshop-feedback'));
    await page.getByLabel('Écrire les libellés au lieu des codes').check();
    await page.getByLabel('Langue des libellés').selectOption('es');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    const [row] = parseCsvObjects(readFileSync(await download.path(), 'utf8').slice(1));
    expect(row).toMatchObject({ sex: 'Hombre', workshop_name: 'Atelier régional, Dakar' });

    // Kept in settings: a reload opens in French, though the browser says English.
    await page.reload();
    await expect.poll(() => heading(page)).toBe('Évaluation de l’atelier\u00a0: réponses');
    expect(await htmlLang(page)).toBe('fr');
    await page.context().close();
  });

  it('downloads no French or Spanish for English, only French for French, and all three work offline after one visit', async () => {
    const visit = async (locale: string) => {
      const context = await app.browser.newContext({ locale });
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(app.server.url);
      await page.waitForFunction(() => document.querySelectorAll('[data-counted]').length >= 4);
      await page.locator('.sync-status').waitFor();
      return { context, page, languages: () => [...new Set(requested.map((path) => LANGUAGE_CHUNK.exec(path)?.[1]).filter(Boolean))] };
    };

    const english = await visit('en-US');
    expect(await heading(english.page)).toBe('Surveys');
    expect(english.languages()).toEqual([]);

    const french = await visit('fr-FR');
    expect(await heading(french.page)).toBe('Enquêtes');
    expect(french.languages()).toEqual(['fr']);
    await french.context.close();

    // Offline after the English visit: French and Spanish come from the service worker's cache.
    await waitUntilControlled(english.page);
    await english.context.setOffline(true);
    await english.page.getByLabel('Language', { exact: true }).selectOption('es');
    await expect.poll(() => heading(english.page)).toBe('Encuestas');
    await english.page.getByRole('button', { name: 'Nueva respuesta: Cuestionario sobre el proyecto' }).click();
    await expect.poll(() => heading(english.page)).toBe('Cuestionario sobre el proyecto');
    expect(await english.page.getByRole('group', { name: 'Sexo' }).getByRole('radio', { name: 'Mujer', exact: true }).count()).toBe(1);
    await english.page.getByLabel('Idioma', { exact: true }).selectOption('fr');
    await expect.poll(() => heading(english.page)).toBe('Questionnaire sur le projet');
    expect(await english.page.getByRole('group', { name: 'Sexe' }).getByRole('radio', { name: 'Femme', exact: true }).count()).toBe(1);
    await english.context.close();
  });
});
