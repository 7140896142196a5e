// After one online visit the app opens and works fully with the network off and the server gone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type BrowserContext, type Page } from '../helpers/browser';
import { waitUntilControlled } from '../helpers/pwa';

describeInBrowser('offline after one visit', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reloads from the service worker alone, then fills and finalizes a form', async () => {
    await page.goto(server.url);
    await waitUntilControlled(page);
    const connectivity = page.locator('.connectivity');
    await expect.poll(() => connectivity.textContent(), { timeout: 15_000 }).toBe('Online');

    // No network and no server: nothing but the worker's cache can answer.
    await context.setOffline(true);
    await server.stop();
    const responses: Array<{ url: string; fromWorker: boolean; bytes: number }> = [];
    const pending: Array<Promise<void>> = [];
    page.on('response', (response) => {
      pending.push(
        response
          .request()
          .sizes()
          .then((sizes) => void responses.push({ url: response.url(), fromWorker: response.fromServiceWorker(), bytes: sizes.responseBodySize }))
          .catch(() => void responses.push({ url: response.url(), fromWorker: response.fromServiceWorker(), bytes: 0 })),
      );
    });
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Surveys');
    await expect.poll(() => connectivity.textContent()).toBe('Offline');
    await Promise.all(pending);
    const fromNetwork = responses.filter((r) => !r.fromWorker);
    const networkBytes = fromNetwork.reduce((sum, r) => sum + r.bytes, 0);
    console.info(`offline reload: ${responses.length} responses from the service worker (${responses.map((r) => new URL(r.url).pathname).join(", ")}), ${networkBytes} bytes from the network`);
    expect(fromNetwork).toEqual([]);
    expect(networkBytes).toBe(0);
    expect(failed).toEqual([]);
    // The page, its script and its styles at least.
    expect(responses.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/', expect.stringMatching(/^\/assets\/.*\.js$/), expect.stringMatching(/^\/assets\/.*\.css$/)]));

    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Workshop feedback');
    await page.getByLabel('Workshop name', { exact: true }).fill('Field office, no network');
    await page.getByLabel('Date', { exact: true }).fill('2003-11-20');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Male', exact: true }).check();
    await page.getByLabel('Comments', { exact: true }).fill('Filled offline');
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Saved');

    const stored = await storedSubmissions(page);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe('queued');
    expect(stored[0]?.answers).toEqual({ workshop_name: 'Field office, no network', workshop_date: '2003-11-20', sex: 'male', comments: 'Filled offline' });
  });
});
