// In real Chromium: responses with photos travel by file. One device exports a ZIP bundle (a real
// download), another (its own browser context and storage) imports it: the responses queued and
// each file in IndexedDB byte for byte, unsent; again, nothing is added; a copy with one byte of a
// photo changed is refused whole and changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importedRecord } from '../../src/export/import-plan';
import { PHOTO_FORM, jpegBytes, photoSubmission, readKeeping, sha256, zipLikeBytes } from '../helpers/bundle-zip';
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type Page } from '../helpers/browser';
import { defineOpenAppDb, type WithAppDb } from '../helpers/device-data';

const photo = jpegBytes(5, 300_000);
const docx = zipLikeBytes(20_000);
const submissions = [photoSubmission(photo, undefined, 'field-laptop'), photoSubmission(photo, docx, 'field-laptop')];
const contents = new Map([photo, docx].map((b) => [sha256(b), b]));

type Row = { submissionId: string; name: string; sha256: string; size: number; type: string; uploadedAt?: string; blobType: string; blobSha: string };

/** Puts the records, synced, with their files (marked uploaded) into the page's IndexedDB. */
async function seed(page: Page): Promise<void> {
  await defineOpenAppDb(page);
  const records = submissions.map((s) => ({ ...importedRecord(s), status: 'synced' }));
  const files = submissions.flatMap((s) => s.attachments!.map((a) => ({ ...a, submissionId: s.id, bytes: [...contents.get(a.sha256)!], uploadedAt: '2024-05-15T08:00:00.000Z' })));
  await page.evaluate(
    async ({ records, files }) => {
      const db = await (globalThis as WithAppDb).openAppDb();
      const tx = db.transaction(['submissions', 'attachments'], 'readwrite');
      for (const record of records) tx.objectStore('submissions').put(record);
      for (const { bytes, ...row } of files) tx.objectStore('attachments').put({ ...row, blob: new Blob([new Uint8Array(bytes)], { type: row.type }) });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { records, files },
  );
}

/** Every file row in the page's IndexedDB, with its Blob's type and the sha256 of its bytes. */
async function storedFiles(page: Page): Promise<Row[]> {
  await defineOpenAppDb(page);
  return page.evaluate(async () => {
    const db = await (globalThis as WithAppDb).openAppDb();
    const all = db.transaction('attachments').objectStore('attachments').getAll();
    const rows = await new Promise<Array<Record<string, unknown> & { blob: Blob }>>((resolve, reject) => {
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    db.close();
    const hex = async (blob: Blob) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('');
    return Promise.all(rows.map(async ({ blob, ...row }) => ({ ...row, blobType: blob.type, blobSha: await hex(blob) }) as unknown as Row));
  });
}

describeInBrowser('moving responses with photos by file', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startAppServer>>;

  beforeAll(async () => {
    server = await startAppServer();
    // Published, so each device's catalog holds its definition (the import checks answers against it).
    const published = await fetch(`${server.url}/api/v1/forms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.tokens.coordinator}` },
      body: JSON.stringify(PHOTO_FORM),
    });
    expect(published.status).toBe(201);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openTransfer(withRecords: boolean): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    await page.getByRole('button', { name: `New response: ${PHOTO_FORM.title}` }).waitFor();
    if (withRecords) await seed(page);
    await page.evaluate(() => (location.hash = '#/transfer'));
    await page.getByRole('heading', { name: 'Move data' }).waitFor();
    return page;
  }

  it('exports a ZIP bundle on one device; another imports its responses and files once, and refuses a damaged copy', async () => {
    const first = await openTransfer(true);
    const [download] = await Promise.all([first.waitForEvent('download'), first.getByRole('button', { name: 'Export bundle (all)', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fieldbook-bundle-.+\.zip$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    const { read, files } = await readKeeping(new Blob([bytes]));
    expect(read.ok && read.bundle.submissions).toHaveLength(2);
    expect([...files.keys()].sort()).toEqual([...contents.keys()].sort());

    const second = await openTransfer(false);
    const input = second.getByLabel('Import bundle');
    const status = () => second.locator('.transfer [role=status]').textContent();
    await input.setInputFiles(path);
    await expect.poll(status).toMatch('Imported 2 responses of 2');
    expect((await storedSubmissions(second)).map((s) => s.status)).toEqual(['queued', 'queued']);
    const held = await storedFiles(second);
    expect(held).toHaveLength(3);
    for (const row of held) {
      expect(row.blobSha).toBe(row.sha256);
      expect(row.blobType).toBe(row.type);
      expect(row.uploadedAt).toBeUndefined();
    }

    await input.setInputFiles(path);
    await expect.poll(status).toMatch('Imported 0 responses of 2; they will be sent when this device is online and enrolled. 2 were already on this device and skipped.');
    expect(await storedFiles(second)).toEqual(held);

    // One byte of the photo changed in transit: refused whole, naming the file; nothing changes.
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf(Buffer.from(photo.subarray(200_000, 200_032)));
    tampered[at] = 0xff - tampered[at]!;
    writeFileSync(`${path}.tampered.zip`, tampered);
    await input.setInputFiles(`${path}.tampered.zip`);
    await expect.poll(() => second.locator('.transfer [role=alert]').textContent()).toMatch(`${submissions[0]!.attachments![0]!.name} in it does not match its checksum`);
    expect(await storedFiles(second)).toEqual(held);
    expect(await storedSubmissions(second)).toHaveLength(2);
  });
});
