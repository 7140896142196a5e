// `npm run bench`: builds the app, starts the real server on 127.0.0.1 with temp data folders,
// drives real headless Chromium, and prints one table (also written to bench/results.json) of
// medians, same-run baselines, ratios and budgets. Timed figures are for people; only the
// first-visit size is enforced in CI (tests/browser/first-load-size.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/server';
import { newToken } from '../server/tokens';
import { buildApp } from '../tests/helpers/build-app';
import { launchChromium } from '../tests/helpers/chromium';
import { BUDGETS, type Budget, type FigureId } from './budgets';
import { deviceCsvTenThousand, drainTenThousand, keystrokeToDisk, offlineSecondVisit, tenThousandScreens } from './figures/browser';
import { catalogRefresh, openLargeForm } from './figures/forms';
import { drainPhotos } from './figures/photos';
import { largeXlsFormFigures } from './figures/xlsform';
import { csvStreamPeakMB, ingestRun } from './figures/server';
import { firstVisit } from './lib/first-visit';
import { median, sample } from './lib/stats';

interface Row {
  id: FigureId;
  label: string;
  value: number;
  unit: Budget['unit'];
  samples: number[];
  baseline?: { label: string; value: number; measured: string };
  budget: string;
  ok: boolean;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** `BENCH_ONLY=forms` measures only the figures of forms as published data and XLSForm; `BENCH_ONLY=photos` only the drain with photos. */
const ONLY = process.env.BENCH_ONLY;
const rows: Row[] = [];

function record(id: FigureId, samples: number[], baseline?: { value: number; measured: string }): void {
  const budget: Budget = BUDGETS[id];
  const value = median(samples);
  const ok = (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
  rows.push({
    id,
    label: budget.label,
    value,
    unit: budget.unit,
    samples,
    ...(baseline && budget.baseline ? { baseline: { label: budget.baseline, ...baseline } } : {}),
    budget: budget.max !== undefined ? `≤ ${budget.max} ${budget.unit}` : `≥ ${budget.min} ${budget.unit}`,
    ok,
  });
  const row = rows.at(-1)!;
  console.log(`  ${ok ? 'ok  ' : 'MISS'} ${row.label}: ${format(value, row.unit)}${baseline ? ` (baseline ${baseline.measured})` : ''}`);
}

function format(value: number, unit: Budget['unit']): string {
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === '%') return `${value.toFixed(0)} %`;
  return `${value.toFixed(unit === 'KB' || unit === 'MB' ? 1 : 0)} ${unit}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-'));
  const distDir = join(root, 'dist');
  console.log('Building the production app…');
  await buildApp(distDir);
  let servers = 0;
  const serve = async () => {
    const deviceToken = newToken();
    const s = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(root, `data-${servers++}`), distDir, deviceToken });
    return { url: s.url, deviceToken, coordinatorToken: s.tokens.coordinator, close: s.close };
  };
  const browser = await launchChromium();
  try {
    console.log(`Measuring (median of ${RUNS} runs unless noted)…`);
    const formsFigures = async () => {
      const catalog = await catalogRefresh(browser, serve, RUNS);
      record('catalogUnchangedMs', catalog.unchanged);
      record('catalogChangedMs', catalog.changed);
      console.log(`       (the catalog answer itself: ${catalog.catalogKB.toFixed(0)} KB uncompressed when changed, an empty 304 when not)`);
      record('openLargeFormMs', await openLargeForm(browser, serve, RUNS));
      const xls = await largeXlsFormFigures(browser, serve, RUNS);
      record('xlsformServerImportMs', xls.server);
      record('xlsformBrowserImportMs', xls.browser);
      record('answerToPageMs', xls.answer);
    };
    const photoFigures = async () => {
      const drains = [];
      for (let i = 0; i < 3; i++) drains.push(await drainPhotos(browser, serve));
      const app = median(drains.map((d) => d.app));
      const base = median(drains.map((d) => d.baseline));
      record('drainPhotos1k', drains.map((d) => d.app / d.baseline), { value: base, measured: `${app.toFixed(0)} ms vs ${base.toFixed(0)} ms` });
      record('drainPhotosPeakMB', drains.map((d) => d.peakMB));
    };
    if (ONLY === 'forms') return await formsFigures();
    if (ONLY === 'photos') return await photoFigures();
    const site = await serve();
    try {
      const visits = await sample(3, () => firstVisit(browser, site.url).then((v) => v.gzipBytes / 1024));
      record('firstVisitKB', visits);
      record('throttledFirstVisitMs', await sample(3, () => firstVisit(browser, site.url, true).then((v) => v.ms)));
      const offline = await offlineSecondVisit(browser, site.url, RUNS);
      record('offlineSecondVisit', [offline.app / offline.baseline], { value: offline.baseline, measured: `${offline.app} ms vs ${offline.baseline} ms` });
      record('keystrokeToDiskMs', await keystrokeToDisk(browser, site.url, RUNS));
    } finally {
      await site.close();
    }
    const screens = await serve();
    try {
      const t = await tenThousandScreens(browser, screens.url, RUNS);
      record('homeCounts10kMs', t.home);
      record('listFirstPage10kMs', t.list);
      record('results10kMs', t.results);
    } finally {
      await screens.close();
    }
    const csvSite = await serve();
    try {
      const csv = await deviceCsvTenThousand(browser, csvSite.url, 3);
      record('deviceCsv10k', [csv.app / csv.baseline], { value: csv.baseline, measured: `${csv.app.toFixed(0)} ms vs ${csv.baseline.toFixed(0)} ms` });
    } finally {
      await csvSite.close();
    }
    await formsFigures();
    const drains = [];
    for (let i = 0; i < 3; i++) drains.push(await drainTenThousand(browser, serve));
    const drainApp = median(drains.map((d) => d.app));
    const drainBase = median(drains.map((d) => d.baseline));
    record('drain10k', drains.map((d) => d.app / d.baseline), { value: drainBase, measured: `${drainApp.toFixed(0)} ms vs ${drainBase.toFixed(0)} ms` });
    await photoFigures();
  } finally {
    await browser.close();
    // A partial run returns from inside the try: its data folders (200 MB of photos a drain) go here.
    if (ONLY === 'forms' || ONLY === 'photos') rmSync(root, { recursive: true, force: true });
  }
  if (ONLY === 'forms' || ONLY === 'photos') return;
  const ingests = [];
  for (let i = 0; i < 3; i++) ingests.push(await ingestRun());
  const fb = median(ingests.map((r) => r.fieldbook));
  const bare = median(ingests.map((r) => r.bare));
  record('serverIngest', ingests.map((r) => (100 * r.fieldbook) / r.bare), { value: bare, measured: `${fb.toFixed(0)}/s vs ${bare.toFixed(0)}/s` });
  const streams = [];
  for (let i = 0; i < 2; i++) streams.push(await csvStreamPeakMB());
  record('csvStreamPeakMB', streams.map((s) => s.peakMB));
  rmSync(root, { recursive: true, force: true });

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const table = [
    '| figure | median | baseline (same run) | budget | |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.label} | ${format(r.value, r.unit)} | ${r.baseline ? `${r.baseline.label}: ${r.baseline.measured}` : '—'} | ${r.budget} | ${r.ok ? 'ok' : '**missed**'} |`),
  ].join('\n');
  console.log(`\n${table}\n\nMachine: ${machine}. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
