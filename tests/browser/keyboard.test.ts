// The project questionnaire filled and finalized in French with the keyboard alone, as a person
// who cannot use a mouse does: Tab and Shift+Tab between fields, arrow keys within a radio group,
// Space to choose, typing into fields, Enter on links and buttons. No clicks, no .fill(), no
// .check(): every step is a key press, and focus is checked (and visible) at each one.
import { expect, it } from 'vitest';
import { describeInBrowser, storedSubmissions, type Page, useAppInBrowser } from '../helpers/browser';

const ANSWERS = {
  project_title: 'Santé des migrantes (phase 2)',
  mission: 'OIM Dakar',
  region: 'africa',
  reporting_year: 2003,
  funding_usd: 12500,
  constraints_encountered: 'Peu de données ventilées par sexe au départ.',
  respondent_role: 'Responsable du projet',
  sex: 'female',
  women_reached: 120,
  men_reached: 80,
  q1_raised_awareness: 'yes',
  q1_how: 'Ateliers avec le ministère.',
  q2_further_activities: 'no',
  q3_encouraged: 'yes',
  q3_encouraged_how: 'Par la cheffe de mission.',
  q3_constraints: 'no',
  q4_lessons_learned: 'Associer les partenaires dès la conception.',
  q5_balanced_impact: 'yes',
  q5_relationship: 'Équilibrée.',
  q6_enhanced_capacity: 'no',
  q6_network_increased: 'yes',
  q6_network_with_whom: 'ONG locales.',
  q7_successful: 'no',
  q7_why: 'Trop court.',
  q8_more_data: 'yes',
  q8_which_data: 'Données par sexe et par âge.',
};

describeInBrowser('keyboard only, in French', () => {
  const app = useAppInBrowser();

  /** What has focus: an element matching `selector`, shown with a visible outline. */
  async function expectFocus(page: Page, selector: string): Promise<void> {
    // Some focus moves land on the next frame (the error summary after Finalize): wait for it first.
    await page.waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, { timeout: 2_000 }).catch(() => {});
    const focus = await page.evaluate((s) => {
      const el = document.activeElement;
      if (!el || !el.matches(s)) return { ok: false, at: el ? `${el.tagName} #${el.id} ${el.getAttribute('name') ?? ''} ${el.textContent?.slice(0, 30) ?? ''}` : 'nothing' };
      const style = getComputedStyle(el);
      return { ok: true, at: s, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    }, selector);
    expect(focus.at).toBe(selector);
    expect(focus.outline, `visible focus on ${selector}`).toBe(true);
  }

  /** Tab (or Shift+Tab) once and expect focus on `selector`. */
  async function tab(page: Page, selector: string, back = false): Promise<void> {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectFocus(page, selector);
  }

  /** Tab until `selector` has focus, as a person tabs through the header's links to reach the content. */
  async function tabUntil(page: Page, selector: string, most = 40): Promise<void> {
    for (let i = 0; i < most; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return expectFocus(page, selector);
    }
    throw new Error(`${selector} never got focus in ${most} presses of Tab`);
  }

  const field = (id: string) => `#q-${id}`;
  const radio = (name: string, value: string) => `input[type=radio][name="${name}"][value="${value}"]`;

  /** Tab into a text field and type. */
  async function typeInto(page: Page, id: string, text: string | number): Promise<void> {
    await tab(page, field(id));
    await page.keyboard.type(String(text));
  }

  /** Tab into a yes/no group (lands on "Oui") and answer: Space for yes, the down arrow for no. */
  async function yesNo(page: Page, id: string, answer: 'yes' | 'no'): Promise<void> {
    await tab(page, radio(id, 'yes'));
    await page.keyboard.press(answer === 'yes' ? 'Space' : 'ArrowDown');
    await expectFocus(page, `${radio(id, answer)}:checked`);
  }

  it('fills the project questionnaire and finalizes it; the response records French', async () => {
    const page = await (await app.browser.newContext({ locale: 'fr-FR' })).newPage();
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: 'Enquêtes' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-counted]').length >= 4);

    // From the top of the page, through the header, to this form's "new response" button.
    await tabUntil(page, 'button[aria-label="Nouvelle réponse\u00a0: Questionnaire sur le projet"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Questionnaire sur le projet' }).waitFor();
    // The new screen's heading has focus, so the next Tab enters the form.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await typeInto(page, 'project_title', 'Santé des migrantes');
    await typeInto(page, 'mission', ANSWERS.mission);
    // Back to the title to complete it, then on again.
    await tab(page, field('project_title'), true);
    await page.keyboard.press('End');
    await page.keyboard.type(' (phase 2)');
    await tab(page, field('mission'));
    // Region: Tab lands on the first option; Space chooses it.
    await tab(page, radio('region', 'africa'));
    await page.keyboard.press('Space');
    await expectFocus(page, `${radio('region', 'africa')}:checked`);
    await typeInto(page, 'reporting_year', ANSWERS.reporting_year);
    await typeInto(page, 'funding_usd', ANSWERS.funding_usd);
    await typeInto(page, 'constraints_encountered', ANSWERS.constraints_encountered);
    await typeInto(page, 'respondent_role', ANSWERS.respondent_role);
    // Sex is required: passed over for now, to come back to it from the error summary.
    await tab(page, radio('sex', 'female'));
    await typeInto(page, 'women_reached', ANSWERS.women_reached);
    await typeInto(page, 'men_reached', ANSWERS.men_reached);

    await yesNo(page, 'q1_raised_awareness', 'yes');
    await typeInto(page, 'q1_how', ANSWERS.q1_how); // shown only once "Oui" is chosen
    await yesNo(page, 'q2_further_activities', 'no');
    await yesNo(page, 'q3_encouraged', 'yes');
    await typeInto(page, 'q3_encouraged_how', ANSWERS.q3_encouraged_how);
    await yesNo(page, 'q3_constraints', 'no');
    await typeInto(page, 'q4_lessons_learned', ANSWERS.q4_lessons_learned);
    await yesNo(page, 'q5_balanced_impact', 'yes');
    await typeInto(page, 'q5_relationship', ANSWERS.q5_relationship);
    await yesNo(page, 'q6_enhanced_capacity', 'no');
    await yesNo(page, 'q6_network_increased', 'yes');
    await typeInto(page, 'q6_network_with_whom', ANSWERS.q6_network_with_whom);
    await yesNo(page, 'q7_successful', 'no');
    await typeInto(page, 'q7_why', ANSWERS.q7_why); // asked for either answer
    await yesNo(page, 'q8_more_data', 'yes');
    await typeInto(page, 'q8_which_data', ANSWERS.q8_which_data);

    // Finalize with Enter: the missing answer is listed, announced, and tied to its question.
    await tab(page, 'button[type=submit]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Finaliser');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary[role=alert]');
    await summary.waitFor();
    await expectFocus(page, '.error-summary');
    expect(await summary.locator('h2').textContent()).toBe('Une réponse est à revoir');
    const sexError = await page.locator('#q-sex-error').textContent();
    expect(sexError).toBe('Veuillez répondre à cette question.');
    expect(await page.locator('fieldset[aria-describedby~="q-sex-error"]').count()).toBe(1);

    // The summary's link takes focus to the question; the down arrow then chooses "Femme"... after "Homme".
    await tab(page, '.error-summary a');
    await page.keyboard.press('Enter');
    await expectFocus(page, radio('sex', 'female'));
    await page.keyboard.press('ArrowDown');
    await expectFocus(page, `${radio('sex', 'male')}:checked`);
    await page.keyboard.press('ArrowUp');
    await expectFocus(page, `${radio('sex', 'female')}:checked`);
    // The error goes as soon as the answer is given.
    await expect.poll(() => page.locator('#q-sex-error').count()).toBe(0);

    // On to the Finalize button, and Space on it this time.
    await tabUntil(page, 'button[type=submit]');
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 1, name: 'Réponse enregistrée' }).waitFor();

    const [stored] = await storedSubmissions(page);
    expect(stored?.status).toBe('queued');
    expect(stored?.meta.locale).toBe('fr');
    expect(stored?.answers).toEqual(ANSWERS);
    await page.context().close();
  });
});
