// The survey's `parameters` column as pyxform reads it (parsing/parameters.py): `key=value` pairs
// separated by spaces, commas or semicolons, keys in any case. Fieldbook uses an image's
// `max-pixels` and a range's `start`, `end` and `step`; every other parameter is reported and
// ignored, as the importer does for columns.
import { isWholeRange, parseRangeNumber, rangeProblem } from '../range';
import type { Question } from '../schema';
import type { Report } from './report';
import { cell, headerOf, type Row, type Sheet } from './sheets';

/** The most pixels `max-pixels` may ask for (the definition's own bound). */
export const MAX_PIXELS_LIMIT = 20_000;

/** What some parameters Fieldbook leaves aside do in ODK, so the warning says what is lost. */
const MEANING: Record<string, string> = {
  app: 'an external Android app',
  quality: 'the recording quality',
  'capture-accuracy': 'the accuracy to wait for',
  'warning-accuracy': 'the accuracy to warn below',
  'allow-mock-accuracy': 'accepting simulated locations',
  randomize: 'shuffling the choices',
  seed: 'shuffling the choices',
  start: 'a range, which only a range question has',
  end: 'a range, which only a range question has',
  step: 'a range, which only a range question has',
  tick_interval: 'the ticks under a range slider; Fieldbook shows a number box',
  tick_labelset: 'the labels under a range slider; Fieldbook shows a number box',
  placeholder: 'the value a range slider shows before an answer; Fieldbook shows an empty number box',
  rows: 'the height of a text box',
  incremental: 'saving a recording in steps',
};

/** The pairs of a parameters cell, keys lower-cased; undefined when it is not a list of `key=value` pairs. */
export function parseParameters(text: string): Map<string, string> | undefined {
  // pyxform ignores the separators around `=` too, so `max-pixels = 640` reads as one pair.
  const tokens = text.replace(/\s*=\s*/g, '=').split(/[\s,;]+/).filter((t) => t !== '');
  const pairs = new Map<string, string>();
  for (const token of tokens) {
    const match = /^([^=]+)=([^=]+)$/.exec(token);
    if (!match) return undefined;
    pairs.set(match[1]!.toLowerCase(), match[2]!);
  }
  return pairs;
}

/**
 * Reads a row's parameters into its question (`maxPixels`, or a range's bounds over pyxform's
 * defaults, making it a `number` when one has decimals), reporting bad values as problems and
 * unused parameters as warnings.
 */
export function readParameters(sheet: Sheet, row: Row, q: Pick<Question, 'type' | 'maxPixels' | 'range'>, report: Report): void {
  const text = cell(sheet, row, 'parameters');
  const column = headerOf(sheet, 'parameters');
  const before = report.problems.length;
  if (text !== '') readPairs(sheet, row, q, report, text, column);
  if (q.range === undefined) return;
  // A parameter already refused would only add a second, misleading problem.
  const problem = report.problems.length === before ? rangeProblem(q.range) : undefined;
  if (problem !== undefined) report.problem(sheet.name, row.row, column, `${problem} (pyxform's defaults are start=1 end=10 step=1)`);
  if (!isWholeRange(q.range)) q.type = 'number';
}

function readPairs(sheet: Sheet, row: Row, q: Pick<Question, 'type' | 'maxPixels' | 'range'>, report: Report, text: string, column: string): void {
  const range = q.range;
  const pairs = parseParameters(text);
  if (!pairs) {
    const message = `parameters \`${text}\` should be pairs such as \`${range ? 'start=0 end=5 step=1' : 'max-pixels=1024'}\`, separated by spaces`;
    if (q.type === 'image' || range) report.problem(sheet.name, row.row, column, message);
    else report.warn(sheet.name, row.row, column, `${message}; this cell is ignored`);
    return;
  }
  for (const [key, value] of pairs) {
    if (key === 'max-pixels' && q.type === 'image') {
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (n >= 1 && n <= MAX_PIXELS_LIMIT) q.maxPixels = n;
      else report.problem(sheet.name, row.row, column, `\`max-pixels\` must be a whole number of pixels from 1 to ${MAX_PIXELS_LIMIT}, not \`${value}\``);
      continue;
    }
    if (range && (key === 'start' || key === 'end' || key === 'step')) {
      const n = parseRangeNumber(value);
      if (n !== undefined) range[key] = n;
      else report.problem(sheet.name, row.row, column, `the range parameter \`${key}\` must be a number, not \`${value}\``);
      continue;
    }
    const meaning = key === 'max-pixels' ? 'downscaling photos, which only an image question does' : MEANING[key];
    report.warn(sheet.name, row.row, column, `parameter \`${key}=${value}\`${meaning ? ` (${meaning})` : ''} is not used by Fieldbook; it is ignored`);
  }
}
