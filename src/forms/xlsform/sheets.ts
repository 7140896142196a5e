// A sheet read the way pyxform reads it: names of sheets and columns in any case, every alias
// pyxform accepts (`list name`, `constraint message`, `bind::jr:constraintMsg` …), a language after
// `::` (or a single `:`), blank rows and `#` comment rows skipped, each row keeping its number.
import { cellText, type RawSheet } from './workbook';

/** One column: where it is, its header as written, what it means, and its language if any. */
export interface Column {
  readonly index: number;
  readonly header: string;
  readonly key: string;
  /** The language as written after `::` (`English (en)`), for translatable columns. */
  readonly language?: string;
}

/** One data row: its spreadsheet row number and its cells by column. */
export interface Row {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A sheet with its header understood. */
export interface Sheet {
  readonly name: string;
  readonly headerRow: number;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

/** Columns that may carry a language. */
export const TRANSLATABLE = new Set(['label', 'hint', 'guidance_hint', 'constraint_message', 'required_message', 'media::image', 'media::big-image', 'media::audio', 'media::video']);

/** pyxform's aliases (aliases.py), lower-cased, to the one name used here. */
const ALIASES: Record<string, string> = {
  caption: 'label',
  'bind::relevant': 'relevant',
  relevance: 'relevant',
  'bind::required': 'required',
  'bind::constraint': 'constraint',
  'bind::calculate': 'calculation',
  calculate: 'calculation',
  readonly: 'read_only',
  'bind::readonly': 'read_only',
  'constraint message': 'constraint_message',
  'constraining message': 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'bind::jr:constraintmsg': 'constraint_message',
  'required message': 'required_message',
  requiredmsg: 'required_message',
  'jr:requiredmsg': 'required_message',
  'bind::jr:requiredmsg': 'required_message',
  'control::appearance': 'appearance',
  'list name': 'list_name',
  'list-name': 'list_name',
  listname: 'list_name',
  command: 'type',
  tag: 'name',
  value: 'name',
  image: 'media::image',
  'big-image': 'media::big-image',
  audio: 'media::audio',
  video: 'media::video',
  count: 'repeat_count',
  'jr:count': 'repeat_count',
  'control::jr:count': 'repeat_count',
  'choice filter': 'choice_filter',
  'guidance hint': 'guidance_hint',
  'default value': 'default',
};

/** Prefixes pyxform keeps as part of a column's name. */
const PREFIXES = new Set(['bind', 'control', 'body', 'media', 'instance']);

/** What a header means: its column name and, for a translatable column, its language. */
export function parseHeader(header: string): { key: string; language?: string } {
  const text = header.trim();
  let parts = text.split('::').map((p) => p.trim());
  if (parts.length === 1) {
    // The old single-colon spelling, `label:English`, for translatable columns only (`jr:count` is a name).
    const colon = text.indexOf(':');
    const base = colon > 0 ? text.slice(0, colon).trim().toLowerCase() : '';
    if (colon > 0 && (TRANSLATABLE.has(ALIASES[base] ?? base) || ['image', 'audio', 'video', 'big-image'].includes(base))) parts = [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
  }
  let base = parts[0]!.toLowerCase();
  let rest = parts.slice(1);
  if (PREFIXES.has(base) && rest.length > 0) {
    base = `${base}::${rest[0]!.toLowerCase()}`;
    rest = rest.slice(1);
  }
  const key = ALIASES[base] ?? base.replace(/\s+/g, '_');
  const language = rest.join('::').trim();
  return language !== '' && TRANSLATABLE.has(key) ? { key, language } : rest.length > 0 && !TRANSLATABLE.has(key) ? { key: `${key}::${rest.join('::').toLowerCase()}` } : { key };
}

/** A sheet found by name in any case (`SURVEY`, `Survey`). */
export function findSheet(sheets: readonly RawSheet[], name: string): RawSheet | undefined {
  return sheets.find((s) => s.name.trim().toLowerCase() === name);
}

/** The sheet with its header (its first non-blank row) understood; blank and `#` rows dropped. */
export function readSheet(raw: RawSheet): Sheet {
  const texts = raw.rows.map((row) => row.map(cellText));
  const headerIndex = texts.findIndex((row) => row.some((c) => c !== ''));
  if (headerIndex < 0) return { name: raw.name, headerRow: 0, columns: [], rows: [] };
  const columns: Column[] = [];
  texts[headerIndex]!.forEach((header, index) => {
    // Empty headers and `#` columns are the author's notes.
    if (header === '' || header.startsWith('#')) return;
    columns.push({ index, header, ...parseHeader(header) });
  });
  const rows: Row[] = [];
  for (let i = headerIndex + 1; i < texts.length; i++) {
    const cells = texts[i]!;
    const first = cells.find((c) => c !== '');
    if (first === undefined || first.startsWith('#')) continue;
    if (!columns.some((c) => (cells[c.index] ?? '') !== '')) continue;
    rows.push({ row: i + 1, cells });
  }
  return { name: raw.name, headerRow: headerIndex + 1, columns, rows };
}

/** A row's cell in the column of this key with no language ('' when absent or blank). */
export function cell(sheet: Sheet, row: Row, key: string): string {
  const column = sheet.columns.find((c) => c.key === key && c.language === undefined);
  return column ? (row.cells[column.index] ?? '') : '';
}

/** The header as written of the column of this key (for problems), or the key itself. */
export function headerOf(sheet: Sheet, key: string): string {
  return sheet.columns.find((c) => c.key === key)?.header ?? key;
}
