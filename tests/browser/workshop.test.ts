// Workshop mode in real Chromium, offline from start to end: three participants on one laptop,
// each escape route tried between them (back, the address bar, a reload, a new tab) without
// ever showing an earlier participant's words; leaving with the PIN; the summary's count and
// split by sex; and every response on the server, once, when the network comes back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type BrowserContext, type Page } from '../helpers/browser';
import { waitUntilControlled } from '../helpers/pwa';
import { compareIds } from '../helpers/server-ids';
import { countRows } from '../helpers/server';
import { expectBlankForm as expectBlank, finishParticipant, leaveWithPin, sessionNumber, startWorkshopMode } from '../helpers/workshop';

const PIN = '240603';
const SESSION = { name: 'Cartagena regional workshop', date: '2003-09-18', place: 'Cartagena' };
const WORDS = ['Ana: the river crossing story', 'Bruno: budgets by sex', 'Carla: more on minors'] as const;

describeInBrowser('workshop mode', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const expectBlankForm = (page: Page, earlier: readonly string[], route: string) => expectBlank(page, SESSION.name, earlier, route);
  /** A participant, and the contract's "within a second" from thank-you to the blank form. */
  const participant = async (page: Page, sex: 'Female' | 'Male', words: string) => expect(await finishParticipant(page, sex, words)).toBeLessThan(1_000);

  it('runs a whole workshop offline, locked between participants, and sends everything once back online', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/#enroll=${server.tokens.device}`);
    await expect.poll(() => page.url()).not.toContain('enroll');
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    await waitUntilControlled(page);
    // History the back button could return to: the form's list, with its responses.
    await page.getByRole('link', { name: 'All responses: Workshop feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workshop feedback: responses' }).waitFor();
    await page.getByRole('link', { name: '← All surveys' }).click();
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();

    await context.setOffline(true);
    await startWorkshopMode(page, PIN, SESSION);
    await expectBlankForm(page, [], 'start');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).count()).toBe(0);
    expect(await page.getByLabel('Language').count()).toBe(1);

    // Participant 1, then the back button (twice: to home, then to the list) and forward.
    await participant(page, 'Female', WORDS[0]);
    await expectBlankForm(page, WORDS.slice(0, 1), 'after participant 1');
    await page.goBack();
    await expectBlankForm(page, WORDS.slice(0, 1), 'back');
    await page.goBack();
    await expectBlankForm(page, WORDS.slice(0, 1), 'back twice');
    await page.goForward();
    await expectBlankForm(page, WORDS.slice(0, 1), 'forward');

    const [first] = (await storedSubmissions(page)).filter((s) => s.status === 'queued');
    expect(first?.answers.comments).toBe(WORDS[0]);

    // Participant 2, then the address bar: the response's own address, the list, results, settings.
    await participant(page, 'Male', WORDS[1]);
    for (const hash of [`#/view/${first!.id}`, `#/fill/${first!.id}`, '#/forms/workshop-feedback', '#/results/workshop-feedback', '#/settings', '#/transfer', '#/']) {
      await page.goto(`${server.url}/${hash}`);
      await expectBlankForm(page, WORDS.slice(0, 2), hash);
    }

    // A reload, offline: the service worker serves the app, and the lock holds.
    await page.reload();
    await expectBlankForm(page, WORDS.slice(0, 2), 'reload');

    // A new tab on a previous participant's address.
    const tab = await context.newPage();
    await tab.goto(`${server.url}/#/view/${first!.id}`);
    await expectBlankForm(tab, WORDS.slice(0, 2), 'new tab');
    await tab.close();

    await participant(page, 'Female', WORDS[2]);
    await expectBlankForm(page, WORDS, 'after participant 3');

    // Leaving needs the PIN.
    await page.getByRole('link', { name: 'Facilitator' }).click();
    await page.getByLabel('PIN', { exact: true }).fill('1234');
    await page.getByRole('button', { name: 'Leave workshop mode' }).click();
    await expect.poll(() => page.locator('#workshop-pin-message').textContent()).toBe('Wrong PIN.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Facilitator');
    await page.getByRole('link', { name: 'Back to the form' }).click();
    await expectBlankForm(page, WORDS, 'back from the PIN prompt');
    await leaveWithPin(page, PIN);
    const number = (term: string) => sessionNumber(page, term);
    expect(await number('Responses collected')).toBe('3');
    expect(await number('Sent to the server')).toBe('0');
    const bySex = page.getByRole('table', { name: 'Responses by sex of the respondent', includeHidden: true });
    const rows = await bySex.locator('tbody tr, tfoot tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => c.textContent)));
    expect(Object.fromEntries(rows.map(([head, value]) => [head, value]))).toMatchObject({ Women: '2', Men: '1', All: '3' });
    expect(countRows(server.dataDir)).toBe(0);

    // Back online: sync sends in the background, the summary follows.
    await context.setOffline(false);
    await expect.poll(() => countRows(server.dataDir, 'workshop-feedback'), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => number('Sent to the server'), { timeout: 15_000 }).toBe('3');
    const device = await storedSubmissions(page);
    const sent = device.filter((s) => s.status === 'synced');
    expect(sent.map((s) => s.answers.comments).sort()).toEqual([...WORDS].sort());
    expect(compareIds(server.dataDir, sent.map((s) => s.id))).toEqual([]);
    // The blank form left for a fourth participant was dropped on leaving.
    expect(device.filter((s) => s.status === 'draft')).toEqual([]);
  });
});
