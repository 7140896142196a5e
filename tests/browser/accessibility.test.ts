// Every screen, in each of the three languages, in real Chromium: no WCAG 2.2 A/AA violation that
// axe-core can find (errors shown on the form, charts drawn, the coordinator signed in), one h1
// per screen, <html lang> set, and at 320 px wide (a laptop at 400 % zoom) nothing scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importedRecord } from '../../src/export/import-plan';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { startAppServer } from '../helpers/app-server';
import { axeViolations } from '../helpers/axe';
import { describeInBrowser, launchChromium, type Browser, type Page } from '../helpers/browser';
import { insertQueued, insertRecords } from '../helpers/device-data';

const project = findForm('project-questionnaire') as Form;
const survey = findForm('gender-sensitivity') as Form;

/** Each language as a browser announces it; the app starts in it with no setting saved. */
const LANGUAGES = [
  ['en', 'en-US', 'Surveys'],
  ['fr', 'fr-FR', 'Enquêtes'],
  ['es', 'es-ES', 'Encuestas'],
] as const;

const NARROW_PX = 320;

/** This device's data: results for two forms, one refused response, and a draft to fill. */
function deviceRecords() {
  const results = variedSubmissions(project, 30, 81).map(importedRecord);
  const rejected = { ...importedRecord(variedSubmissions(survey, 1, 82)[0]!), status: 'rejected', errors: [{ path: 'answers.grade', message: 'Choose one of the options given.' }] };
  const { completedAt: _none, ...meta } = results[0]!.meta;
  const draft = { ...results[0]!, id: crypto.randomUUID(), status: 'draft', answers: { project_title: 'Counter-trafficking, Balkans' }, meta };
  return { records: [...results, rejected, draft], done: results[1]!.id, rejected: rejected.id, draft: draft.id };
}

/** Each screen: how to reach it from the page as left by the previous one, and when it is ready. */
type Screen = [name: string, open: (page: Page, ids: ReturnType<typeof deviceRecords>, coordinatorToken: string) => Promise<void>];

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);

const SCREENS: Screen[] = [
  ['home', async (page) => {
    await go(page, '#/');
    await page.waitForFunction(() => document.querySelectorAll('[data-counted]').length >= 4);
    await page.locator('.sync-status').waitFor();
  }],
  ['list', async (page) => {
    await go(page, '#/forms/workshop-feedback');
    await page.locator('table.submissions').waitFor();
  }],
  ['fill, with errors shown', async (page, ids) => {
    await go(page, `#/fill/${ids.draft}`);
    await page.locator('form.survey button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    await page.locator('.field-error').first().waitFor();
  }],
  ['done', async (page, ids) => {
    await go(page, `#/done/${ids.done}`);
    await page.locator('.done h1').waitFor();
  }],
  ['view (a refused response)', async (page, ids) => {
    await go(page, `#/view/${ids.rejected}`);
    await page.locator('.view .reasons').waitFor();
  }],
  ['settings', async (page) => {
    await go(page, '#/settings');
    await page.locator('#enroll-link').waitFor();
  }],
  ['results', async (page) => {
    await go(page, '#/results/project-questionnaire');
    await page.locator('.results svg.bar-chart').first().waitFor();
    // The numbers behind one chart, opened, so their table is checked too.
    await page.locator('.chart-numbers summary').first().click();
  }],
  ['transfer', async (page) => {
    await go(page, '#/transfer');
    await page.locator('#bundle-file').waitFor();
  }],
  ['coordinator, signing in', async (page) => {
    await go(page, '#/coordinator');
    await page.locator('#coordinator-token').waitFor();
  }],
  ['coordinator, signed in', async (page, _ids, token) => {
    await page.locator('#coordinator-token').fill(token);
    await page.locator('.coordinator form button[type=submit]').click();
    await go(page, '#/coordinator/gender-sensitivity');
    await page.locator('.coordinator .results svg.bar-chart').first().waitFor();
  }],
  ['workshop mode, starting (a PIN refused)', async (page) => {
    await go(page, '#/workshop/start/workshop-feedback');
    await page.locator('#workshop-new-pin').fill('12');
    await page.locator('#workshop-new-pin-again').fill('12');
    await page.locator('.workshop-start form button[type=submit]').click();
    await page.locator('.workshop-start [role=alert]:not(:empty)').waitFor();
  }],
  ['workshop mode, a participant', async (page) => {
    await page.locator('#workshop-new-pin').fill('2003');
    await page.locator('#workshop-new-pin-again').fill('2003');
    await page.locator('#workshop-session-name').fill('Bogotá');
    await page.locator('#workshop-session-date').fill('2003-09-18');
    await page.locator('.workshop-start form button[type=submit]').click();
    await page.locator('.workshop-participant form.survey').waitFor();
  }],
  ['workshop mode, the PIN prompt (a PIN refused)', async (page) => {
    // One response first, for the summary's charts.
    await page.locator('input[name=sex][value=female]').check();
    await page.locator('.workshop-participant form.survey button[type=submit]').click();
    await page.locator('.workshop-thanks').waitFor();
    await page.locator('.workshop-participant form.survey').waitFor();
    await go(page, '#/workshop/pin');
    await page.locator('#workshop-pin').fill('0000');
    await page.locator('.workshop-pin form button[type=submit]').click();
    await page.locator('#workshop-pin-message:not(:empty)').waitFor();
  }],
  ['workshop mode, the session summary', async (page) => {
    await page.locator('#workshop-pin').fill('2003');
    await page.locator('.workshop-pin form button[type=submit]').click();
    await page.locator('.workshop-summary svg.bar-chart').first().waitFor();
  }],
];

describeInBrowser('accessibility in every language', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    const answer = await fetch(`${server.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokens.device}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions: variedSubmissions(survey, 40, 83) }),
    });
    expect(answer.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe.each(LANGUAGES)('in %s', (lang, browserLanguage, homeHeading) => {
    let page: Page;
    let ids: ReturnType<typeof deviceRecords>;

    beforeAll(async () => {
      // The app's CSP forbids inline scripts, axe's injection included: only this test's pages bypass it.
      page = await (await browser.newContext({ locale: browserLanguage, bypassCSP: true })).newPage();
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: homeHeading }).waitFor();
      ids = deviceRecords();
      await insertRecords(page, ids.records);
      await insertQueued(page, 3);
    });
    afterAll(async () => page?.context().close());

    it.each(SCREENS)('%s: no violation, one h1, no sideways scroll at 320 px', async (_name, open) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await open(page, ids, server.tokens.coordinator);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: NARROW_PX, height: 640 });
      await page.waitForFunction((width) => document.documentElement.clientWidth === width, NARROW_PX);
      const wide = await page.evaluate(() => {
        // The innermost elements sticking out to the right, not counting what a scroll box clips.
        const width = document.documentElement.clientWidth;
        const clipped = (el: Element) => {
          for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== 'visible') return true;
          return false;
        };
        const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el));
        const culprits = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
        return { scroll: document.documentElement.scrollWidth, culprits: culprits.map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`) };
      });
      expect(wide.culprits, 'elements wider than the viewport').toEqual([]);
      expect(wide.scroll).toBeLessThanOrEqual(NARROW_PX);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
