// In real Chromium, against the real server: the coordinator creates a device in the app and
// sees its QR code; a second browser context (the device) opens the link and syncs; a third
// opening the same link is refused and keeps nothing; the coordinator revokes the device, which
// keeps its queued response, says so, stops sending, exports a bundle; the coordinator imports
// that bundle on the server, so nothing is lost.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBundleText } from '../../src/export/bundle';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { axeViolations } from '../helpers/axe';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type Page } from '../helpers/browser';
import { insertQueued } from '../helpers/device-data';
import { serverIds } from '../helpers/server-ids';

const LABEL = 'Bogotá laptop 2';

describeInBrowser('enrolling, revoking and rescuing a device', () => {
  let browser: Browser;
  let server: AppServer;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(options: { bypassCSP?: boolean } = {}): Promise<Page> {
    return (await browser.newContext(options)).newPage();
  }

  const syncText = (page: Page) => page.locator('.sync-status [role=status]').textContent();

  /** The device's own settings store, read straight from IndexedDB (idb-keyval's database). */
  const storedToken = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('fieldbook-settings');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('settings')) return resolve(undefined);
            const get = db.transaction('settings').objectStore('settings').get('token');
            get.onsuccess = () => resolve(get.result);
            get.onerror = () => reject(get.error);
          };
        }),
    );

  it('goes from a QR code to a synced device, refuses the link twice, and loses nothing after revocation', async () => {
    // The coordinator creates the device in the app and sees its link and QR code.
    // The app's CSP forbids inline scripts, axe's injection included: only this page bypasses it.
    const coordinator = await newPage({ bypassCSP: true });
    await coordinator.goto(server.url);
    await coordinator.getByRole('link', { name: 'Coordinator' }).click();
    await coordinator.getByLabel('Coordinator token').fill(server.tokens.coordinator);
    await coordinator.getByRole('button', { name: 'Show results' }).click();
    await coordinator.getByLabel('Name of the new device').fill(LABEL);
    await coordinator.getByRole('button', { name: 'Create device' }).click();
    const qr = coordinator.getByRole('img', { name: `QR code of the enrollment link for “${LABEL}”` });
    await qr.waitFor();
    const svg = decodeURIComponent(((await qr.getAttribute('src')) ?? '').replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"[\s\S]*<path/);
    const link = await coordinator.getByRole('textbox', { name: `Enrollment link for “${LABEL}”`, exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/#enroll=[A-Za-z0-9_-]{43}$`));
    const row = coordinator.getByRole('table', { name: 'Devices and their state' }).getByRole('row', { name: new RegExp(LABEL) });
    await expect.poll(() => row.textContent()).toContain('Waiting for enrollment');
    expect(await axeViolations(coordinator)).toEqual([]);

    // The device opens the link: the code leaves the address bar, the device syncs with its own credential.
    const device = await newPage();
    await device.goto(link);
    await expect.poll(() => device.url()).not.toContain('enroll');
    await device.getByRole('heading', { name: 'Surveys' }).waitFor();
    await expect.poll(() => storedToken(device)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await storedToken(device)).not.toBe(server.tokens.device);
    const [first] = await insertQueued(device, 1);
    await device.getByRole('button', { name: 'Send now' }).click();
    // Polled on the server: the header already said "All sent" before this response existed.
    await expect.poll(() => [...serverIds(server.dataDir).keys()]).toEqual([first]);
    await expect.poll(async () => (await storedSubmissions(device)).map((r) => r.status)).toEqual(['synced']);
    await coordinator.getByRole('button', { name: 'Refresh the list of devices' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Enrolled .*0\.1\.0\s*1/);

    // A third browser opening the same link is refused in plain words and keeps nothing.
    const third = await newPage();
    await third.goto(link);
    await expect.poll(() => third.getByRole('alert').first().textContent()).toContain('This enrollment link was already used');
    expect(third.url()).not.toContain('enroll');
    expect(await storedToken(third)).toBeUndefined();

    // The coordinator revokes the device, asked first.
    await coordinator.getByRole('button', { name: `Revoke “${LABEL}”` }).click();
    await coordinator.getByRole('group', { name: `Confirm revoking “${LABEL}”` }).getByRole('button', { name: 'Yes, revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('Access withdrawn');
    await coordinator.getByRole('button', { name: 'Refresh the audit log' }).click();
    const audit = coordinator.getByRole('table', { name: 'Coordinator actions, newest first' });
    await expect.poll(() => audit.textContent()).toMatch(/Device revoked[\s\S]*Device enrolled[\s\S]*Device created/);
    expect(await axeViolations(coordinator)).toEqual([]);

    // The device's next try is refused: it keeps the response, says so, and stops asking.
    const [second] = await insertQueued(device, 1);
    let sends = 0;
    device.on('request', (r) => void (r.url().endsWith('/api/v1/submissions') && sends++));
    await device.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => syncText(device)).toMatch(/^Access withdrawn: 1 kept on this device/);
    await expect.poll(() => device.getByRole('alert').first().textContent()).toContain('withdrawn this device’s access');
    expect(sends).toBe(1);
    await device.evaluate(() => dispatchEvent(new Event('online')));
    await device.reload();
    await device.getByRole('heading', { name: 'Surveys' }).waitFor();
    await expect.poll(() => syncText(device)).toMatch(/^Access withdrawn/);
    await device.waitForTimeout(1000);
    expect(sends).toBe(1);
    expect((await storedSubmissions(device)).map((s) => [s.id, s.status])).toEqual(
      expect.arrayContaining([
        [first, 'synced'],
        [second, 'queued'],
      ]),
    );
    expect(serverIds(server.dataDir).has(second as string)).toBe(false);

    // It exports its unsent response to a bundle...
    await device.getByRole('link', { name: 'Export to a file' }).click();
    const [file] = await Promise.all([device.waitForEvent('download'), device.getByRole('button', { name: 'Export bundle (not yet sent)' }).click()]);
    const path = await file.path();
    const read = await readBundleText(readFileSync(path, 'utf8'));
    expect(read.ok ? read.bundle.submissions.map((s) => (s as { id: string }).id) : read).toEqual([second]);

    // ...which the coordinator imports on the server: nothing is lost.
    await coordinator.getByLabel('Bundle to send to the server').setInputFiles(path);
    await expect.poll(() => coordinator.getByRole('status').filter({ hasText: 'The server stored' }).textContent()).toContain('The server stored 1 new responses');
    expect([...serverIds(server.dataDir).keys()].sort()).toEqual([first, second].sort());
    await coordinator.getByRole('button', { name: 'Refresh the audit log' }).click();
    await expect.poll(() => audit.textContent()).toMatch(/^[\s\S]*?Bundle imported/);
  });
});
