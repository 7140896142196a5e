// A new version published while a device is offline with a draft and a queued response of the
// old one: in real Chromium, against the real server. Nothing is lost, nothing is sent twice,
// the old ones arrive as version 1 and a new response is version 2 with the new question.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import { describeInBrowser, storedSubmissions, useAppInBrowser, type BrowserContext, type Page } from '../helpers/browser';
import { defineOpenAppDb, type WithAppDb } from '../helpers/device-data';
import { waitUntilControlled } from '../helpers/pwa';
import { compareIds } from '../helpers/server-ids';

const workshop = findForm('workshop-feedback') as Form;
const NEW_QUESTION = 'Was the venue suitable for the workshop?';

/** The workshop form with one more question, as a coordinator would publish it (no version: the server gives 2). */
function version2(): unknown {
  const { version: _v, ...rest } = workshop;
  const [first, ...others] = rest.sections;
  return { ...rest, sections: [{ ...first!, questions: [...first!.questions, { id: 'venue_suitable', type: 'yesno', label: NEW_QUESTION }] }, ...others] };
}

/** Each stored submission's version on the server, by id. */
function serverVersions(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries((db.prepare('SELECT id, form_version FROM submissions').all() as { id: string; form_version: number }[]).map((r) => [r.id, r.form_version]));
  } finally {
    db.close();
  }
}

/** The version new responses use, as the device's catalog says. */
async function deviceLatest(page: Page, formId: string): Promise<number | undefined> {
  await defineOpenAppDb(page);
  return page.evaluate(async (id) => {
    const db = await (globalThis as WithAppDb).openAppDb();
    if (!db.objectStoreNames.contains('catalog')) return (db.close(), undefined);
    const get = db.transaction('catalog').objectStore('catalog').get(id);
    const row = await new Promise<{ latest: number } | undefined>((resolve, reject) => {
      get.onsuccess = () => resolve(get.result as { latest: number } | undefined);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return row?.latest;
  }, formId);
}

describeInBrowser('a new form version while a device is offline', () => {
  const app = useAppInBrowser();
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await app.browser.newContext();
    page = await context.newPage();
  });

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();

  async function fillRequired(name: string, sex: 'Female' | 'Male'): Promise<void> {
    await page.getByLabel('Workshop name', { exact: true }).fill(name);
    await page.getByLabel('Date', { exact: true }).fill('2003-11-20');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: sex, exact: true }).check();
  }

  it('keeps the draft and the queued response on version 1 and starts new ones on version 2', async () => {
    const server = app.server;
    await page.goto(`${server.url}/#enroll=${server.tokens.device}`);
    await waitUntilControlled(page);
    await expect.poll(() => page.locator('.sync-status [role=status]').textContent(), { timeout: 15_000 }).toMatch(/^All sent|Nothing to send|sent/i);
    await expect.poll(() => deviceLatest(page, 'workshop-feedback'), { timeout: 15_000 }).toBe(1);

    await context.setOffline(true);
    // A response finalized offline waits in the outbox as version 1.
    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(heading).toBe('Workshop feedback');
    await fillRequired('Queued offline', 'Female');
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');
    // A draft left half-filled.
    await page.goto(`${server.url}/#/`);
    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(heading).toBe('Workshop feedback');
    await page.getByLabel('Workshop name', { exact: true }).fill('Draft from before');
    await page.getByRole('button', { name: 'Save draft and close' }).click();
    const before = await storedSubmissions(page);
    expect(before.map((s) => s.status).sort()).toEqual(['draft', 'queued']);
    const draft = before.find((s) => s.status === 'draft')!;
    const queued = before.find((s) => s.status === 'queued')!;

    // Meanwhile the coordinator publishes version 2.
    const published = await fetch(`${server.url}/api/v1/forms`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.tokens.coordinator}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(version2()),
    });
    expect(published.status).toBe(201);

    // Back online: the queued one goes as version 1, and the device learns of version 2.
    await context.setOffline(false);
    await expect.poll(() => compareIds(server.dataDir, [queued.id]), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => deviceLatest(page, 'workshop-feedback'), { timeout: 20_000 }).toBe(2);

    // The draft reopens on version 1: the new question is announced, not swapped in.
    await page.goto(`${server.url}/#/fill/${draft.id}`);
    await expect.poll(heading).toBe('Workshop feedback');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'newer version' }).count()).toBe(1);
    expect(await page.getByText(NEW_QUESTION).count()).toBe(0);
    expect(await page.getByLabel('Workshop name', { exact: true }).inputValue()).toBe('Draft from before');
    await page.getByLabel('Date', { exact: true }).fill('2003-11-21');
    await page.getByRole('group', { name: 'Sex' }).getByRole('radio', { name: 'Male', exact: true }).check();
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    // A new response is version 2 and asks the new question.
    await page.goto(`${server.url}/#/`);
    await page.getByRole('button', { name: 'New response: Workshop feedback' }).click();
    await expect.poll(heading).toBe('Workshop feedback');
    await fillRequired('Version two', 'Female');
    await page.getByRole('group', { name: NEW_QUESTION }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Finalize' }).click();
    await expect.poll(heading).toBe('Saved');

    const device = await storedSubmissions(page);
    expect(device).toHaveLength(3);
    await expect.poll(async () => (await storedSubmissions(page)).filter((s) => s.status !== 'synced').length, { timeout: 20_000 }).toBe(0);
    expect(compareIds(server.dataDir, device.map((s) => s.id))).toEqual([]);
    const fresh = device.find((s) => s.id !== draft.id && s.id !== queued.id)!;
    expect(serverVersions(server.dataDir)).toEqual({ [queued.id]: 1, [draft.id]: 1, [fresh.id]: 2 });
    expect(fresh.answers).toMatchObject({ workshop_name: 'Version two', venue_suitable: 'yes' });

    // The coordinator's CSV shows both versions, the new column empty for version 1.
    const csv = await (await fetch(`${server.url}/api/v1/forms/workshop-feedback/submissions.csv`, { headers: { Authorization: `Bearer ${server.tokens.coordinator}` } })).text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    const at = header.indexOf('venue_suitable');
    expect(at).toBeGreaterThan(0);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => [r[2], r[at]]).sort()).toEqual([
      ['1', ''],
      ['1', ''],
      ['2', 'yes'],
    ]);
  });
});
