// A device in real Chromium drains 500 queued responses into a server on PostgreSQL while
// the database is down, then restarted mid-sync: every response stored once, none lost.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppServer } from '../helpers/app-server';
import { describeInBrowser, launchChromium, storedSubmissions, type Browser, type Page } from '../helpers/browser';
import { insertQueued } from '../helpers/device-data';
import { describeWithPostgres, startCluster, type TestCluster } from '../helpers/postgres';

const QUEUED = 500;

describeInBrowser('a device syncing while PostgreSQL restarts', () => {
  describeWithPostgres('500 queued responses', () => {
    let browser: Browser;
    let cluster: TestCluster;
    let server: Awaited<ReturnType<typeof startAppServer>>;
    let databaseUrl: string;

    beforeAll(async () => {
      cluster = await startCluster();
      databaseUrl = await cluster.createDatabase();
      server = await startAppServer({ databaseUrl });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      cluster?.destroy();
    });

    /** Each stored id with how many rows it has, through a connection of its own (the database restarts). */
    async function serverIds(): Promise<Map<string, number>> {
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        const { rows } = await db.query<{ id: string; n: string }>('SELECT id, count(*) AS n FROM submissions GROUP BY id');
        return new Map(rows.map((row) => [row.id, Number(row.n)]));
      } finally {
        await db.end();
      }
    }

    const syncText = (page: Page) => page.locator('.sync-status [role=status]').textContent();

    it('keeps everything queued while the database is down, then sends each response once by itself', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/#enroll=${server.tokens.device}`);
      await expect.poll(() => page.url()).not.toContain('enroll');
      await page.getByRole('heading', { name: 'Surveys' }).waitFor();
      const ids = await insertQueued(page, QUEUED);

      // Down before the first batch: the server answers 503 and the device keeps all of it.
      cluster.stopServer();
      await page.getByRole('button', { name: 'Send now' }).click();
      await expect.poll(() => page.locator('.sync-problem').textContent()).toContain('problem (503)');
      // Between two tries the header may show the next one starting: wait for the waiting state itself.
      await expect.poll(() => syncText(page)).toMatch(new RegExp(`^Waiting to send ${QUEUED}`));
      expect((await storedSubmissions(page)).filter((s) => s.status === 'synced')).toEqual([]);

      // Back, and restarted once more as soon as the first batch has landed: the device's
      // backoff timer carries on with no one touching it.
      cluster.startServer();
      await expect.poll(async () => (await serverIds()).size, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
      cluster.stopServer();
      cluster.startServer();

      await expect.poll(() => syncText(page), { timeout: 60_000 }).toMatch(/^All sent/);
      const device = await storedSubmissions(page);
      expect(device.filter((s) => s.status !== 'synced')).toEqual([]);
      const held = await serverIds();
      expect([...held.keys()].sort()).toEqual([...ids].sort());
      expect([...held.values()].every((n) => n === 1)).toBe(true);
      await context.close();
    }, 120_000);
  });
});
