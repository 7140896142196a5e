// The sync engine in real Chromium against the real server behind a misbehaving network.
// Every test ends by comparing the server's ids with the device's: equal, each once, none queued.
import { afterEach, beforeAll, afterAll, beforeEach, expect, it } from 'vitest';
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type BrowserContext, type Page } from '../helpers/browser';
import { insertQueued } from '../helpers/device-data';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { waitUntilControlled } from '../helpers/pwa';
import { compareIds } from '../helpers/server-ids';

describeInBrowser('sync through a bad network', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let proxy: FaultProxy;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    server = await startAppServer();
    proxy = await startFaultProxy(server.url);
    context = await browser.newContext();
  });
  afterEach(async () => {
    await context?.close();
    await proxy?.close();
    await server?.stop();
  });

  /** Opens the app through the proxy, enrolled with the device token. */
  async function openEnrolled(): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${proxy.url}/#enroll=${server.tokens.device}`);
    await expect.poll(() => page.url()).not.toContain('enroll');
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    return page;
  }

  const syncText = (page: Page) => page.locator('.sync-status [role=status]').textContent();

  /** Waits until the device has nothing queued and the server holds exactly the device's ids. */
  async function expectAllSentOnce(page: Page, timeout = 30_000): Promise<void> {
    // The device's own records first: the header can still show an "All sent" from before a click took effect.
    await expect.poll(async () => (await storedSubmissions(page)).filter((s) => s.status !== 'synced').length, { timeout }).toBe(0);
    await expect.poll(() => syncText(page), { timeout }).toMatch(/^All sent/);
    const device = await storedSubmissions(page);
    expect(device.filter((s) => s.status !== 'synced')).toEqual([]);
    expect(compareIds(server.dataDir, device.map((s) => s.id))).toEqual([]);
  }

  it('waits while the server is down or failing, then sends by itself', async () => {
    proxy.mode = 'down';
    const page = await openEnrolled();
    await insertQueued(page, 12);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => syncText(page)).toMatch(/^Waiting to send 12/);
    expect(await page.locator('.sync-problem').textContent()).toContain('cannot be reached');
    proxy.mode = 'error500';
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => page.locator('.sync-problem').textContent()).toContain('problem (500)');
    proxy.mode = 'pass';
    await expectAllSentOnce(page); // the backoff timer retries with no user action
    expect(proxy.seen.down + proxy.seen.error500).toBeGreaterThanOrEqual(2);
  });

  it('a batch committed but never answered is resent, answered duplicate, and counted once', async () => {
    const page = await openEnrolled();
    proxy.mode = 'cut-after-commit';
    const ids = await insertQueued(page, 30);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => compareIds(server.dataDir, ids)).toEqual([]); // the server has them all already
    await expect.poll(() => syncText(page)).toMatch(/^Waiting to send 30/);
    proxy.mode = 'pass';
    await page.getByRole('button', { name: 'Send now' }).click();
    await expectAllSentOnce(page);
  });

  it('the network flaps while 300 submissions are finalized', async () => {
    const page = await openEnrolled();
    for (let round = 0; round < 10; round++) {
      await context.setOffline(round % 2 === 0);
      await insertQueued(page, 30);
      await page.evaluate(() => dispatchEvent(new Event(navigator.onLine ? 'online' : 'offline')));
      await page.waitForTimeout(150);
    }
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expectAllSentOnce(page);
    expect((await storedSubmissions(page)).length).toBe(300);
  });

  it('two tabs both try to send; one sends, nothing twice', async () => {
    const first = await openEnrolled();
    const second = await openEnrolled();
    proxy.mode = 'slow';
    await insertQueued(first, 400);
    await Promise.all([first.getByRole('button', { name: 'Send now' }).click(), second.getByRole('button', { name: 'Send now' }).click()]);
    await expect.poll(() => syncText(second)).toMatch(/another tab|Sending|All sent/);
    proxy.mode = 'pass';
    await expectAllSentOnce(first);
    await expectAllSentOnce(second);
    // 400 submissions are two batches: with one sender at a time, no batch went twice.
    expect(proxy.seen.slow + proxy.seen.pass).toBe(2);
  });

  it('a page closed in the middle of a send loses nothing when reopened', async () => {
    let page = await openEnrolled();
    proxy.mode = 'slow';
    const ids = await insertQueued(page, 50);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => proxy.seen.slow).toBe(1);
    await page.close(); // the server commits; the page never hears back
    await expect.poll(() => compareIds(server.dataDir, ids)).toEqual([]);
    proxy.mode = 'pass';
    page = await context.newPage();
    await page.goto(proxy.url);
    await expectAllSentOnce(page);
  });

  it('a rejected submission shows its reason and is not resent blindly', async () => {
    const page = await openEnrolled();
    const [bad] = await insertQueued(page, 1, { workshop_name: 'Istanbul', workshop_date: '2003-10-14', sex: 'alien' });
    const good = await insertQueued(page, 2);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => syncText(page)).toMatch(/All sent.*1 needs attention/);
    const posts = proxy.seen.pass;
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => syncText(page)).toMatch(/All sent/);
    expect(proxy.seen.pass).toBe(posts); // nothing left to send: the rejected one stays put
    await page.goto(`${proxy.url}/#/view/${bad}`);
    await expect.poll(() => page.getByText('Needs attention').count()).toBeGreaterThan(0);
    expect(await page.locator('.reasons').textContent()).toMatch(/sex/);
    const device = await storedSubmissions(page);
    expect(device.find((s) => s.id === bad)?.status).toBe('rejected');
    expect(compareIds(server.dataDir, good!)).toEqual([]);
  });

  it('Background Sync wakes the worker, which sends with no page of the app open', async () => {
    proxy.mode = 'down';
    const page = await openEnrolled();
    await waitUntilControlled(page);
    const ids = await insertQueued(page, 7);
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => syncText(page)).toMatch(/^Waiting to send 7/);
    // Leave the app for a plain file of the same origin: no app code runs in this tab any more.
    await page.goto(`${proxy.url}/favicon.svg`);
    proxy.mode = 'pass';
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((found) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Array<{ registrationId: string; isDeleted: boolean }> }) => {
        const live = e.registrations.find((r) => !r.isDeleted);
        if (live) found(live.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: proxy.url, registrationId: await registration, tag: 'fieldbook-sync', lastChance: false });
    await expect.poll(() => compareIds(server.dataDir, ids), { timeout: 20_000 }).toEqual([]);
    const device = await storedSubmissions(page);
    expect(device.map((s) => s.status)).toEqual(Array(7).fill('synced'));
  });

  it('an enrollment link opened in a tab already showing the app enrolls it too', async () => {
    const page = await context.newPage();
    await page.goto(proxy.url);
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    const ids = await insertQueued(page, 3);
    await page.goto(`${proxy.url}/#enroll=${server.tokens.device}`); // the same document: only the fragment changes
    await expect.poll(() => page.url()).not.toContain('enroll');
    await expect.poll(() => compareIds(server.dataDir, ids), { timeout: 20_000 }).toEqual([]);
  });
});
