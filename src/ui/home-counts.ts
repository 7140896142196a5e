// Home's first counts start before anything is drawn: main.tsx starts them first thing when the
// app opens on home and draws home once they are in, so home appears once, complete. Drawing
// the shell first held the database's answer behind the drawing, on the page's one main thread.
import { FORM_CATALOG } from '../forms/catalog';
import { readFormCounts, type FormCounts } from '../storage/first-counts';

export const FORM_IDS = FORM_CATALOG.map((f) => f.id);

/** The longest the first screen waits for the early counts; past it, home shows "Counting…" first. */
export const FIRST_COUNTS_WAIT_MS = 250;

type Counts = Record<string, FormCounts>;

let early: Promise<Counts> | undefined;
let arrived: Counts | undefined;

/** Starts reading home's counts; resolves when they are in, or failed, or after FIRST_COUNTS_WAIT_MS. */
export function readHomeCountsEarly(): Promise<void> {
  const reading = readFormCounts(FORM_IDS);
  early = reading;
  const settled = reading.then(
    (counts) => void (arrived = counts),
    // Home reads again and reports the failure.
    () => undefined,
  );
  return Promise.race([settled, new Promise<void>((resolve) => setTimeout(resolve, FIRST_COUNTS_WAIT_MS))]);
}

/** Home's first counts: the early ones (at once if already in) the first time, a fresh read after that. */
export function firstHomeCounts(): Counts | Promise<Counts> {
  const counts = arrived ?? early ?? readFormCounts(FORM_IDS);
  early = arrived = undefined;
  return counts;
}
