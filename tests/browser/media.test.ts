// Photos and files in real Chromium under the app's own CSP (the thumbnail is a blob: URL): a
// photo larger than the question's max-pixels is downscaled before it is kept, survives a reload
// with the draft, an oversize file is refused with nothing changed, a file is removed after
// asking, and finalize keeps exactly the files the answers name.
import { createRequire } from 'node:module';
import { beforeAll, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { describeInBrowser, storedSubmissions, useAppInBrowser, type BrowserContext, type Page } from '../helpers/browser';
import { defineOpenAppDb, type WithAppDb } from '../helpers/device-data';
import { makePng } from '../helpers/png';
import { waitUntilControlled } from '../helpers/pwa';

const FORM = {
  id: 'site-photos',
  version: 1,
  title: 'Site photos',
  sections: [
    {
      id: 'main',
      title: 'The site',
      questions: [
        { id: 'photo', type: 'image', label: 'Photo of the site', required: true, maxPixels: 100 },
        { id: 'report', type: 'file', label: 'Site report' },
      ],
    },
  ],
};

/** One kept file read straight from IndexedDB: its size, type and, for a picture, its pixels. */
async function keptFile(page: Page, submissionId: string, name: string): Promise<{ size: number; type: string; width?: number; height?: number } | undefined> {
  await defineOpenAppDb(page);
  return page.evaluate(
    async ({ submissionId, name }) => {
      const db = await (globalThis as WithAppDb).openAppDb();
      const get = db.transaction('attachments').objectStore('attachments').get([submissionId, name]);
      const row = await new Promise<{ blob: Blob } | undefined>((resolve, reject) => {
        get.onsuccess = () => resolve(get.result as { blob: Blob } | undefined);
        get.onerror = () => reject(get.error);
      });
      db.close();
      if (!row) return undefined;
      const { size, type } = row.blob;
      if (!type.startsWith('image/')) return { size, type };
      const bitmap = await createImageBitmap(row.blob);
      return { size, type, width: bitmap.width, height: bitmap.height };
    },
    { submissionId, name },
  );
}

/** The names of every file kept for a submission. */
async function keptNames(page: Page, submissionId: string): Promise<string[]> {
  await defineOpenAppDb(page);
  return page.evaluate(async (submissionId) => {
    const db = await (globalThis as WithAppDb).openAppDb();
    const keys = db.transaction('attachments').objectStore('attachments').getAllKeys(IDBKeyRange.bound([submissionId, ''], [submissionId, '\uffff']));
    const found = await new Promise<IDBValidKey[]>((resolve, reject) => {
      keys.onsuccess = () => resolve(keys.result);
      keys.onerror = () => reject(keys.error);
    });
    db.close();
    return found.map((k) => (k as [string, string])[1]).sort();
  }, submissionId);
}

describeInBrowser('photos and files chosen on a device', () => {
  const app = useAppInBrowser();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // The app's CSP stays on: a thumbnail that shows proves img-src allows blob:. axe goes in as
    // an init script, which the CSP does not govern (its injection as a <script> tag it would block).
    context = await app.browser.newContext();
    await context.addInitScript({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    page = await context.newPage();
  });

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();
  const draft = async () => (await storedSubmissions(page)).find((s) => s.status === 'draft');

  it('downscales, keeps with the draft across a reload, refuses an oversize file, removes after asking, finalizes the named files', async () => {
    const published = await fetch(`${app.server.url}/api/v1/forms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.server.tokens.coordinator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(FORM),
    });
    expect(published.status).toBe(201);
    await page.goto(`${app.server.url}/#enroll=${app.server.tokens.device}`);
    await waitUntilControlled(page);
    const start = page.getByRole('button', { name: 'New response: Site photos' });
    await start.waitFor({ timeout: 20_000 });
    // Filled offline, as in the field; nothing here needs the server.
    await context.setOffline(true);
    await start.click();
    await expect.poll(heading).toBe('Site photos');

    // A 300 × 200 PNG for a 100-pixel question: kept at 100 × 67, still a PNG.
    const photoInput = page.getByLabel('Photo of the site', { exact: true });
    expect(await photoInput.getAttribute('type')).toBe('file');
    expect(await photoInput.getAttribute('accept')).toBe('image/jpeg,image/png,image/gif,image/webp');
    await photoInput.setInputFiles({ name: 'IMG_0042.png', mimeType: 'image/png', buffer: makePng(300, 200) });
    const thumbnail = page.getByRole('img', { name: 'Photo of the site: photo' });
    await thumbnail.waitFor();
    // Loaded, not blocked by the CSP: a blocked image has no natural size.
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([100, 67]);
    await expect.poll(async () => (await draft())?.answers.photo, { timeout: 5000 }).toMatch(/^photo-[0-9a-f]{12}\.png$/);
    const { id, answers } = (await draft())!;
    const photoName = answers.photo as string;
    expect(await keptFile(page, id, photoName)).toMatchObject({ type: 'image/png', width: 100, height: 67 });
    expect(await axeViolations(page)).toEqual([]);

    // A reload (offline, from the service worker): the draft still has its photo.
    await page.reload();
    await expect.poll(heading).toBe('Site photos');
    await thumbnail.waitFor();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(100);
    expect((await draft())?.answers.photo).toBe(photoName);

    // An 11 MB file: refused in words, nothing kept, no answer.
    const reportInput = page.getByLabel('Site report', { exact: true });
    expect(await reportInput.getAttribute('accept')).toBeNull();
    await reportInput.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 0x25) });
    await page.getByRole('alert').filter({ hasText: 'This file is larger than 10 MB, the most one file may hold. Choose a smaller file.' }).waitFor();
    expect((await draft())?.answers).toEqual({ photo: photoName });
    expect(await keptNames(page, id)).toEqual([photoName]);

    // A report chosen, then removed after asking (Keep it first), with the keyboard; then another.
    await reportInput.setInputFiles({ name: 'first.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 first draft of the report') });
    await page.getByText(/^report-[0-9a-f]{12}\.pdf \(34 bytes\)$/).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'larger than 10 MB' }).count()).toBe(0);
    const firstReport = (await page.getByText(/^report-[0-9a-f]{12}\.pdf/).textContent())!.split(' ')[0]!;
    await page.getByRole('button', { name: 'Remove file' }).press('Enter');
    const confirm = page.getByRole('group', { name: 'Remove this file from the response?' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, remove the file');
    await confirm.getByRole('button', { name: 'Keep it' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Remove file');
    expect(await page.getByText(firstReport).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove file' }).press('Enter');
    await confirm.getByRole('button', { name: 'Yes, remove the file' }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q-report');
    expect(await page.getByText(firstReport).count()).toBe(0);
    await expect.poll(async () => (await draft())?.answers.report).toBeUndefined();
    await reportInput.setInputFiles({ name: 'final.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 the final report') });
    await expect.poll(async () => (await draft())?.answers.report, { timeout: 5000 }).toMatch(/^report-[0-9a-f]{12}\.pdf$/);
    const finalReport = (await draft())!.answers.report as string;
    expect(finalReport).not.toBe(firstReport);
    // Until finalize, the removed file is still kept with the draft.
    expect(await keptNames(page, id)).toEqual([photoName, firstReport, finalReport].sort());

    // Finalize: the manifest and the device keep exactly the two named files.
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');
    const [stored] = (await storedSubmissions(page)).filter((s) => s.id === id);
    expect(stored?.status).toBe('queued');
    expect(stored?.answers).toMatchObject({ photo: photoName, report: finalReport });
    const manifest = (stored as unknown as { attachments: { name: string; size: number; type: string }[] }).attachments;
    expect(manifest.map((a) => a.name).sort()).toEqual([photoName, finalReport].sort());
    expect(manifest.find((a) => a.name === finalReport)).toMatchObject({ size: 25, type: 'application/pdf' });
    expect(await keptNames(page, id)).toEqual([photoName, finalReport].sort());

    // The view screen shows the photo and the file's name, with nothing to choose.
    await page.goto(`${app.server.url}/#/view/${id}`);
    await expect.poll(heading).toBe('Site photos');
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(100);
    await page.getByText(`${finalReport} (25 bytes)`).waitFor();
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
