// Export and results times for 10,000 submissions: on the server (CSV streamed, results
// aggregated over the store) and on a device in real Chromium (the "Export CSV" button to the
// downloaded file; the results screen to its first chart). Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-export.ts   (BENCH_SUBMISSIONS=… to change the count)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../server/server';
import { importedRecord } from '../src/export/import-plan';
import { findForm } from '../src/forms';
import type { Form } from '../src/forms/schema';
import { launchChromium } from '../tests/helpers/chromium';
import { variedSubmissions } from '../tests/fixtures/varied-submissions';

const TOTAL = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const RUNS = 3;
const form = findForm('workshop-feedback') as Form;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

async function timed(runs: number, work: () => Promise<unknown>, setup?: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await setup?.();
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** The production build, as `npm run build` makes it, into a temp folder. */
async function buildApp(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Puts records into the page's IndexedDB in one transaction (a string, so this file needs no DOM types). */
async function insert(page: Page, records: readonly object[]): Promise<void> {
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('fieldbook');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('submissions', 'readwrite');
      for (const record of ${JSON.stringify(records)}) tx.objectStore('submissions').put(record);
      tx.oncomplete = () => { open.result.close(); resolve(undefined); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-export-'));
  const distDir = join(root, 'dist');
  await buildApp(distDir);
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(root, 'data'), distDir, rateLimit: { perMinute: 100_000, burst: 10_000 } });
  const browser = await launchChromium();
  try {
    const submissions = variedSubmissions(form, TOTAL, 2024, 'bench-device');
    for (let i = 0; i < TOTAL; i += 500) {
      const response = await fetch(`${server.url}/api/v1/submissions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.tokens.device}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ submissions: submissions.slice(i, i + 500) }),
      });
      if (!response.ok) throw new Error(`ingest answered ${response.status}`);
      await response.arrayBuffer();
    }
    const coordinator = { headers: { Authorization: `Bearer ${server.tokens.coordinator}` } };
    let csvBytes = 0;
    const serverCsv = await timed(RUNS, async () => {
      const response = await fetch(`${server.url}/api/v1/forms/${form.id}/submissions.csv`, coordinator);
      csvBytes = (await response.arrayBuffer()).byteLength;
    });
    const serverResults = await timed(RUNS, async () => (await fetch(`${server.url}/api/v1/forms/${form.id}/results`, coordinator)).json());

    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    const records = submissions.map(importedRecord);
    for (let i = 0; i < TOTAL; i += 2_000) await insert(page, records.slice(i, i + 2_000));
    await page.evaluate((h) => (location.hash = h), `#/forms/${form.id}`);
    const exportButton = page.getByRole('button', { name: 'Export CSV', exact: true });
    await exportButton.waitFor();
    let downloadBytes = 0;
    const deviceCsv = await timed(RUNS, async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      const stream = await download.createReadStream();
      for await (const chunk of stream) downloadBytes += (chunk as Buffer).length;
    });
    downloadBytes /= RUNS;
    const deviceResults = await timed(
      RUNS,
      async () => {
        await page.evaluate((h) => (location.hash = h), `#/results/${form.id}`);
        await page.getByRole('heading', { level: 2, name: 'Respondents' }).waitFor();
      },
      async () => {
        await page.evaluate(() => (location.hash = '#/'));
        await page.getByRole('heading', { name: 'Surveys' }).waitFor();
      },
    );

    // The floor: one getAll() of every record, no paging, no work on them.
    const rawRead = await timed(RUNS, () =>
      page.evaluate(`new Promise((resolve, reject) => {
        const open = indexedDB.open('fieldbook');
        open.onsuccess = () => {
          const all = open.result.transaction('submissions').objectStore('submissions').getAll();
          all.onsuccess = () => { open.result.close(); resolve(all.result.length); };
          all.onerror = () => reject(all.error);
        };
      })`),
    );

    console.log(`${TOTAL.toLocaleString('en')} submissions of ${form.id}, median of ${RUNS} runs:`);
    console.log(`  server CSV export (${(csvBytes / 1e6).toFixed(1)} MB):     ${ms(median(serverCsv))}   runs ${serverCsv.map(ms).join(', ')}`);
    console.log(`  server results aggregate:           ${ms(median(serverResults))}   runs ${serverResults.map(ms).join(', ')}`);
    console.log(`  device CSV export in Chromium (${(downloadBytes / 1e6).toFixed(1)} MB): ${ms(median(deviceCsv))}   runs ${deviceCsv.map(ms).join(', ')}`);
    console.log(`  device results screen in Chromium:  ${ms(median(deviceResults))}   runs ${deviceResults.map(ms).join(', ')}`);
    console.log(`  (floor: one raw IndexedDB getAll of all records: ${ms(median(rawRead))})`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
