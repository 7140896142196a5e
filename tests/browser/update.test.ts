// A new version is offered, never forced: it waits for "Update", keeps every typed answer, and runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, valueOf, type Browser, type Page } from '../helpers/browser';
import { buildApp } from '../helpers/build-app';
import { runningVersion, waitUntilControlled } from '../helpers/pwa';

const NEXT_VERSION = `${pkg.version}-next`;

describeInBrowser('app update', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let page: Page;
  let dataDir: string;
  let nextDist: string;

  beforeAll(async () => {
    // The second version: another app version string, hence other bundle hashes and another sw.js.
    nextDist = mkdtempSync(join(tmpdir(), 'fieldbook-dist-next-'));
    await buildApp(nextDist, { appVersion: NEXT_VERSION });
    dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-update-'));
    server = await startAppServer({ dataDir });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const dir of [dataDir, nextDist]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('offers the new version mid-form, and on Update keeps the draft and runs the new code', async () => {
    await page.goto(server.url);
    await waitUntilControlled(page);
    expect(await runningVersion(page)).toBe(`Fieldbook ${pkg.version}`);
    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Workshop feedback');
    await page.getByLabel('Workshop name', { exact: true }).fill('Before the update');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft saved' }).count(), { timeout: 10_000 }).toBe(1);

    // Deploy the next version on the same origin, same data.
    const port = Number(new URL(server.url).port);
    await server.stop();
    server = await startAppServer({ port, dataDir, distDir: nextDist });

    // A reload makes the browser look for a new worker; the old one still serves this page.
    await page.reload();
    const prompt = page.getByRole('region', { name: 'App update' });
    await expect.poll(() => prompt.getByRole('status').textContent(), { timeout: 30_000 }).toBe('A new version is ready.');
    // Offered, not forced: the open form stays under the old version until the user agrees.
    expect(await runningVersion(page)).toBe(`Fieldbook ${pkg.version}`);
    expect(await valueOf(page, 'Workshop name')).toBe('Before the update');

    // Typed and updated at once, well within the autosave debounce: the flush must save it.
    await page.getByLabel('Comments', { exact: true }).fill('Typed just before updating');
    await prompt.getByRole('button', { name: 'Update' }).click();

    await expect.poll(() => runningVersion(page), { timeout: 30_000 }).toBe(`Fieldbook ${NEXT_VERSION}`);
    await expect.poll(() => valueOf(page, 'Workshop name')).toBe('Before the update');
    expect(await valueOf(page, 'Comments')).toBe('Typed just before updating');
    expect(await prompt.count()).toBe(0);
    const [draft, ...others] = await storedSubmissions(page);
    expect(others).toHaveLength(0);
    expect(draft?.status).toBe('draft');
    expect(draft?.answers).toEqual({ workshop_name: 'Before the update', comments: 'Typed just before updating' });
  });
});
