// In real Chromium: a device exports its CSV (a real download) and a bundle, and a second
// device (another browser context: its own storage) imports the bundle once, and refuses a
// tampered copy. No network is needed for any of it beyond loading the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBundleText } from '../../src/export/bundle';
import { toCsv } from '../../src/export/csv';
import { importedRecord } from '../../src/export/import-plan';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type Page } from '../helpers/browser';
import { parseCsv } from '../helpers/csv-parse';
import { insertRecords } from '../helpers/device-data';

const form = findForm('workshop-feedback') as Form;
const COUNT = 120;

describeInBrowser('moving data by file', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  const submissions = variedSubmissions(form, COUNT, 61, 'field-laptop');

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openApp(hash = '#/'): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    if (hash !== '#/') await page.evaluate((h) => (location.hash = h), hash);
    return page;
  }

  /** Clicks a button and returns the file it downloads, as bytes. */
  async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer; path: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path), path };
  }

  it('exports the CSV and a bundle on one device, and another device imports the bundle once', async () => {
    const first = await openApp();
    await insertRecords(first, submissions.map((s, i) => ({ ...importedRecord(s), status: i % 2 ? 'queued' : 'synced' })));

    await first.evaluate(() => (location.hash = '#/forms/workshop-feedback'));
    const csv = await download(first, 'Export CSV');
    expect(csv.name).toMatch(/^workshop-feedback-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.subarray(3).toString('utf8');
    expect(text.slice(0, text.indexOf('\r\n'))).toBe(parseCsv(toCsv(form, [], { labels: false }).slice(1))[0]!.join(','));
    expect(parseCsv(text)).toHaveLength(1 + COUNT);
    expect(csv.bytes.equals(Buffer.from(toCsv(form, submissions, { labels: false }), 'utf8'))).toBe(true);
    await expect.poll(() => first.getByRole('status').filter({ hasText: 'Exported' }).textContent()).toMatch(`Exported ${COUNT} responses`);

    await first.evaluate(() => (location.hash = '#/transfer'));
    const bundle = await download(first, 'Export bundle (all)');
    expect(bundle.name).toMatch(/^fieldbook-bundle-.+\.json$/);
    const read = await readBundleText(bundle.bytes.toString('utf8'));
    expect(read.ok && read.bundle.submissions).toHaveLength(COUNT);

    const second = await openApp('#/transfer');
    const input = second.getByLabel('Import bundle');
    await input.setInputFiles(bundle.path);
    await expect.poll(() => second.locator('.transfer [role=status]').textContent()).toMatch(`Imported ${COUNT} responses of ${COUNT}`);
    let held = await storedSubmissions(second);
    expect(held.map((s) => s.id).sort()).toEqual(submissions.map((s) => s.id).sort());
    expect(held.every((s) => s.status === 'queued')).toBe(true);

    await input.setInputFiles(bundle.path);
    await expect.poll(() => second.locator('.transfer [role=status]').textContent()).toMatch(`Imported 0 responses of ${COUNT}; they will be sent when this device is online and enrolled. ${COUNT} were already on this device and skipped.`);
    held = await storedSubmissions(second);
    expect(held).toHaveLength(COUNT);

    // One answer changed in transit: refused whole, nothing changes.
    const tampered = `${bundle.path}.tampered.json`;
    writeFileSync(tampered, bundle.bytes.toString('utf8').replace('"sex":"female"', '"sex":"male"'));
    await input.setInputFiles(tampered);
    await expect.poll(() => second.locator('.transfer [role=alert]').textContent()).toMatch(/damaged.*checksum/);
    expect(await storedSubmissions(second)).toEqual(held);
  });
});
