// Workshop mode against an app update and a browser restart, in real Chromium on a profile that
// outlives the browser: a new version is not offered while workshop mode is on (it waits for the
// facilitator to leave), and closing the browser and opening it again lands on the blank form.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, type BrowserContext, type Page } from '../helpers/browser';
import { buildApp } from '../helpers/build-app';
import { launchPersistentChromium } from '../helpers/chromium';
import { runningVersion, waitUntilControlled } from '../helpers/pwa';
import { expectBlankForm, finishParticipant, leaveWithPin, sessionNumber, startWorkshopMode } from '../helpers/workshop';

const NEXT_VERSION = `${pkg.version}-next`;
const PIN = '8642';
const SESSION = { name: 'Istanbul workshop', date: '2003-10-14', place: 'Istanbul' };

describeInBrowser('workshop mode through an update and a restart', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let profile: string;
  let dataDir: string;
  let nextDist: string;
  let browser: BrowserContext | undefined;

  beforeAll(async () => {
    nextDist = mkdtempSync(join(tmpdir(), 'fieldbook-dist-next-'));
    await buildApp(nextDist, { appVersion: NEXT_VERSION });
    dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-workshop-update-'));
    profile = mkdtempSync(join(tmpdir(), 'fieldbook-profile-'));
    server = await startAppServer({ dataDir });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const dir of [dataDir, nextDist, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const waitingWorker = (page: Page) => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)));
  const updateRegion = (page: Page) => page.getByRole('region', { name: 'App update' });

  it('offers a new version only once workshop mode ends, and keeps the lock across a browser restart', async () => {
    browser = await launchPersistentChromium(profile);
    let page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(server.url);
    await waitUntilControlled(page);
    await startWorkshopMode(page, PIN, SESSION);
    expect(await finishParticipant(page, 'Male', 'Before the update')).toBeLessThan(1_000);

    // The next version is deployed; a reload makes the browser find it, and it waits.
    const port = Number(new URL(server.url).port);
    await server.stop();
    server = await startAppServer({ port, dataDir, distDir: nextDist });
    await page.reload();
    await expect.poll(() => waitingWorker(page), { timeout: 30_000 }).toBe(true);
    await expectBlankForm(page, SESSION.name, ['Before the update'], 'reload with an update waiting');
    // Give the prompt every chance to show: it must not, while workshop mode is on.
    await page.waitForTimeout(1_000);
    expect(await updateRegion(page).count()).toBe(0);
    expect(await runningVersion(page)).toBe(`Fieldbook ${pkg.version}`);

    // Leaving workshop mode is the natural pause: now the new version is offered.
    await leaveWithPin(page, PIN);
    await expect.poll(() => updateRegion(page).getByRole('status').textContent(), { timeout: 15_000 }).toBe('A new version is ready.');

    // A second session, and the browser closed mid-workshop with the update still waiting.
    await page.getByRole('link', { name: '← All surveys' }).click();
    await startWorkshopMode(page, PIN, SESSION);
    expect(await finishParticipant(page, 'Female', 'Before the restart')).toBeLessThan(1_000);
    await browser.close();

    browser = await launchPersistentChromium(profile);
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.url}/#/forms/workshop-feedback`);
    await expectBlankForm(page, SESSION.name, ['Before the update', 'Before the restart'], 'after a browser restart');
    // With no page left open, the waiting version took over at the restart: the lock came through it.
    expect(await runningVersion(page)).toBe(`Fieldbook ${NEXT_VERSION}`);
    expect(await updateRegion(page).count()).toBe(0);

    await leaveWithPin(page, PIN);
    expect(await sessionNumber(page, 'Responses collected')).toBe('1');
  });
});
