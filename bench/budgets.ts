// Every budget of `npm run bench` in one place (issue 8). Where a figure misses, the code gets
// faster; a budget changes only with a measurement that shows why.
import { AUTOSAVE_DEBOUNCE_MS } from '../src/ui/use-autosave';

/** A budget: the figure must stay at or under `max` (or at or over `min`). */
export interface Budget {
  label: string;
  unit: 'KB' | 'ms' | 'ratio' | 'MB' | '%';
  max?: number;
  min?: number;
  /** What the figure is compared with in the same run, if anything. */
  baseline?: string;
}


export const BUDGETS = {
  firstVisitKB: { label: 'First-visit transfer (gzip) to render home', unit: 'KB', max: 60 },
  throttledFirstVisitMs: { label: 'First visit at 400 kbit/s, 400 ms RTT, to interactive home', unit: 'ms', max: 3000 },
  offlineSecondVisit: { label: 'Second visit offline to interactive home', unit: 'ratio', max: 1.5, baseline: 'blank page from a minimal Workbox worker' },
  keystrokeToDiskMs: { label: 'Keystroke to draft on disk', unit: 'ms', max: AUTOSAVE_DEBOUNCE_MS + 50 },
  homeCounts10kMs: { label: 'Home counts with 10,000 stored', unit: 'ms', max: 100 },
  listFirstPage10kMs: { label: 'First page of the list with 10,000 stored', unit: 'ms', max: 100 },
  results10kMs: { label: 'Results by sex with 10,000 stored (issue 6)', unit: 'ms', max: 1000 },
  deviceCsv10k: { label: 'CSV export of 10,000 on the device', unit: 'ratio', max: 1.5, baseline: 'toArray() and naive string joins' },
  drain10k: { label: 'Draining 10,000 queued to the local server', unit: 'ratio', max: 2, baseline: 'plain fetch POSTs of the same batches + one bulkPut' },
  drainPhotos1k: { label: 'Draining 1,000 queued with one 200 KB photo each to the local server (issue 14)', unit: 'ratio', max: 1.5, baseline: 'plain fetch PUTs of the same files, POSTs of the same batches + one bulkPut' },
  // A quarter of the queue's 200 MB of photos: far below what loading the queue's Blobs would take.
  drainPhotosPeakMB: { label: 'Page memory at its peak during that drain (JS heap + array buffers)', unit: 'MB', max: 50 },
  serverIngest: { label: 'Server ingest, submissions/s, batches of 200', unit: '%', min: 70, baseline: 'bare node:http + better-sqlite3 inserts' },
  csvStreamPeakMB: { label: 'Server peak RSS streaming a 100,000-row CSV', unit: 'MB', max: 200 },
  catalogUnchangedMs: { label: 'Catalog refresh, 50 forms × 5 versions, unchanged (304)', unit: 'ms', max: 100 },
  catalogChangedMs: { label: 'Catalog refresh, 50 forms × 5 versions, one new version stored', unit: 'ms', max: 500 },
  xlsformServerImportMs: { label: 'Publishing a 1,000-row XLSForm with 5,000 choices, on the server', unit: 'ms', max: 3000 },
  xlsformBrowserImportMs: { label: 'Importing and previewing that XLSForm in the browser', unit: 'ms', max: 3000 },
  answerToPageMs: { label: 'An answer to the updated page, 1,000 questions with 300 relevance expressions', unit: 'ms', max: 16 },
  openLargeFormMs: { label: 'Opening a 500-question form, to its last question on screen', unit: 'ms', max: 1000 },
} as const satisfies Record<string, Budget>;

export type FigureId = keyof typeof BUDGETS;
