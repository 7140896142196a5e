// The survey sheet, row by row, into Fieldbook's items: types, names, texts, expressions,
// groups and repeats (nested), choices from their list, or_other. Anything it cannot honour becomes a problem
// or a warning at its row and column; nothing is dropped without saying so.
import { MAX_REPEAT_INSTANCES, RelevantRuleSchema, type Option, type Question, type QuestionType, type Relevant, type Text } from '../schema';
import { RANGE_DEFAULTS } from '../range';
import { readParameters } from './parameters';
import type { Report } from './report';
import { cell, headerOf, type Row, type Sheet } from './sheets';
import { rowText, type LanguagePlan } from './texts';
import { parseType } from './types';

/** Names as XML allows them, which `${name}` and the CSV columns use. */
export const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u;

/** Survey columns this importer reads; any other is reported once as ignored. */
const READ = new Set(['type', 'name', 'label', 'hint', 'required', 'required_message', 'relevant', 'constraint', 'constraint_message', 'calculation', 'default', 'read_only', 'choice_filter', 'appearance', 'parameters', 'repeat_count', 'guidance_hint', 'trigger', 'min', 'max', 'media::image', 'media::big-image', 'media::audio', 'media::video', 'body::accept']);

/** Appearances the renderer honours; others are kept and reported. */
export const SHOWN_APPEARANCES = new Set(['multiline', 'minimal', 'likert', 'field-list', 'horizontal', 'horizontal-compact', 'columns', 'columns-pack', 'quick', 'no-calendar']);

/** Appearances of a media question ODK honours and Fieldbook does not, with what the person does instead. */
const MEDIA_APPEARANCES: Record<string, string> = {
  draw: '(drawing a sketch on the screen) is not offered by Fieldbook: the person chooses a file or takes a photo instead',
  signature: '(signing on the screen) is not offered by Fieldbook: the person chooses a file or takes a photo instead',
  annotate: '(drawing on the photo taken) is not offered by Fieldbook: the person chooses a file or takes a photo instead',
  new: '(only a new capture, not a file already on the device) is not enforced: the person may also choose a file',
  'new-front': '(only a new capture with the front camera) is not enforced: the person may also choose a file',
  selfie: '(only a new capture with the front camera) is not enforced: the person may also choose a file',
};

const TRUE = new Set(['yes', 'true', 'true()']);
const FALSE = new Set(['no', 'false', 'false()']);

/** What the survey sheet gives: the top-level items, and where each name and expression came from. */
export interface SurveyResult {
  readonly items: Question[];
  /** The row of each item, by name. */
  readonly rows: Map<string, number>;
  /** Names of rows refused or left out: what refers to them is already explained. */
  readonly refused: Set<string>;
}

interface Open {
  readonly item: Question & { questions: Question[] };
  readonly row: number;
  readonly of: 'group' | 'repeat';
}

/** Curly quotes, which spreadsheets type for you: pyxform reads them as straight quotes (clean_text_values). */
const SMART_QUOTES = /[\u2018\u2019\u201c\u201d]/g;

/** An expression column's cell, curly quotes made straight. */
function expression(sheet: Sheet, row: Row, key: string, report: Report): string {
  const text = cell(sheet, row, key);
  if (!/[\u2018\u2019\u201c\u201d]/.test(text)) return text;
  report.warn(sheet.name, row.row, headerOf(sheet, key), 'curly quotes in expressions are read as straight quotes, as pyxform does', 'smart-quotes');
  return text.replace(SMART_QUOTES, (q) => (q === '\u2018' || q === '\u2019' ? "'" : '"'));
}

/** A yes/no column, or an expression. */
function flag(text: string): boolean | string | undefined {
  const lower = text.toLowerCase();
  if (text === '') return undefined;
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return text;
}

/** Reads the survey sheet; `lists` are the choices sheet's lists by name. */
export function readSurvey(sheet: Sheet, lists: ReadonlyMap<string, Option[]>, plan: LanguagePlan, report: Report): SurveyResult {
  const S = sheet.name;
  const at = (key: string) => headerOf(sheet, key);
  for (const required of ['type', 'name']) if (!sheet.columns.some((c) => c.key === required)) report.problem(S, sheet.headerRow, null, `the survey sheet has no \`${required}\` column`);
  for (const c of sheet.columns) {
    if (!READ.has(c.key)) report.warn(S, sheet.headerRow, c.header, `column \`${c.header}\` is not an XLSForm column Fieldbook reads; it is ignored`, `column:${c.key}`);
  }
  const root: Question[] = [];
  const stack: Open[] = [];
  const rows = new Map<string, number>();
  const refused = new Set<string>();
  const children = () => stack.at(-1)?.item.questions ?? root;

  const useName = (row: Row, what: string): string | undefined => {
    const name = cell(sheet, row, 'name');
    if (name === '') {
      report.problem(S, row.row, at('name'), `${what} has no name`);
      return undefined;
    }
    if (!NAME.test(name)) {
      report.problem(S, row.row, at('name'), `\`${name}\` is not a valid name: use letters, digits, _ - or ., starting with a letter or _ (no spaces)`);
      return undefined;
    }
    const earlier = rows.get(name);
    if (earlier !== undefined) {
      report.problem(S, row.row, at('name'), `the name \`${name}\` is already used on row ${earlier}; each question and group needs its own name`);
      return undefined;
    }
    rows.set(name, row.row);
    return name;
  };

  for (const row of sheet.rows) {
    const typeCell = cell(sheet, row, 'type');
    if (typeCell === '') {
      report.problem(S, row.row, at('type'), 'this row has no type');
      continue;
    }
    const parsed = parseType(typeCell);
    if (parsed.kind === 'refused' || parsed.kind === 'skip') {
      if (parsed.kind === 'refused') report.problem(S, row.row, at('type'), parsed.why);
      else report.warn(S, row.row, at('type'), parsed.why);
      const name = cell(sheet, row, 'name');
      if (name !== '') refused.add(name);
      continue;
    }
    if (parsed.kind === 'end') {
      const open = stack.pop();
      if (!open) report.problem(S, row.row, at('type'), `\`${typeCell}\` has no \`begin_${parsed.of}\` before it`);
      else if (open.of !== parsed.of) report.problem(S, row.row, at('type'), `\`${typeCell}\` closes the ${open.of} \`${open.item.id}\` opened on row ${open.row}; write \`end_${open.of}\``);
      if (open && open.item.questions.length === 0) report.problem(S, open.row, at('type'), `the ${open.of} \`${open.item.id}\` has no questions`);
      continue;
    }
    const common = commonFields(sheet, row, parsed.kind === 'begin' ? parsed.of : parsed.type, plan, report);
    if (parsed.kind === 'begin') {
      const name = useName(row, `this ${parsed.of}`) ?? `_row${row.row}`;
      for (const [field, column] of [['hint', 'hint'], ['required', 'required'], ['constraint', 'constraint'], ['calculation', 'calculation'], ['default', 'default'], ['readOnly', 'read_only'], ['choiceFilter', 'choice_filter']] as const) {
        if (common[field] !== undefined) report.warn(S, row.row, at(column), `\`${column}\` on a ${parsed.of} has no effect; it is ignored`);
      }
      if (cell(sheet, row, 'parameters') !== '') report.warn(S, row.row, at('parameters'), `\`parameters\` on a ${parsed.of} have no effect; they are ignored`);
      const group: Question & { questions: Question[] } = { id: name, type: parsed.of, ...groupFields(common), questions: [] };
      const count = parsed.of === 'repeat' ? repeatCount(sheet, row, report) : undefined;
      if (count !== undefined) group.repeatCount = count;
      else if (parsed.of === 'group' && cell(sheet, row, 'repeat_count') !== '') report.warn(S, row.row, at('repeat_count'), '`repeat_count` on a group has no effect; it is ignored');
      children().push(group);
      stack.push({ item: group, row: row.row, of: parsed.of });
      continue;
    }
    const name = useName(row, `this ${typeCell} question`);
    if (name === undefined) continue;
    const q: Question = { id: name, type: parsed.type, ...common };
    if (parsed.xlsformType === 'range') q.range = { ...RANGE_DEFAULTS };
    else if (parsed.xlsformType !== undefined) q.xlsformType = parsed.xlsformType;
    if (parsed.xlsformType === 'barcode') report.warn(S, row.row, at('type'), 'a `barcode` question is a text box in Fieldbook: the code is typed, or read into it by a USB barcode scanner; there is no camera scanning', 'barcode');
    readParameters(sheet, row, q, report);
    // A barcode stays a text (the export writes it back as a barcode); its multiline is only kept.
    if (q.type === 'text' && q.xlsformType === undefined && q.appearance?.split(/\s+/).includes('multiline')) q.type = 'longtext';
    if (q.label === undefined && !['calculate', 'start', 'end', 'today', 'deviceid', 'username'].includes(q.type)) {
      if (q.hint !== undefined) {
        q.label = q.hint;
        delete q.hint;
      } else report.problem(S, row.row, at('label'), `\`${name}\` has no label: write what the person is asked`);
    }
    if (q.appearance !== undefined && /(^|\s)search\(/.test(q.appearance)) report.problem(S, row.row, at('appearance'), `the appearance \`${q.appearance}\` takes choices from a file, which is not supported yet; put the choices on the choices sheet`);
    if (q.type === 'calculate' && q.calculation === undefined && q.xlsformType !== 'hidden') report.problem(S, row.row, at('calculation'), `the calculate \`${name}\` has no calculation`);
    if (parsed.kind === 'question' && parsed.listName !== undefined) {
      const options = lists.get(parsed.listName);
      if (!options) report.problem(S, row.row, at('type'), `the choice list \`${parsed.listName}\` is not on the choices sheet`);
      else if (options.length > 0) q.options = options.map((o) => ({ ...o }));
      // A list named like its question needs no note: the export names lists by question by default.
      if (parsed.listName !== name) q.listName = parsed.listName;
    } else if (q.choiceFilter !== undefined) {
      report.problem(S, row.row, at('choice_filter'), `\`${name}\` is not a select question, so it cannot have a choice_filter`);
    }
    children().push(q);
    if (parsed.kind === 'question' && parsed.orOther) addOther(q, plan, children(), rows, row, report, sheet);
  }
  for (const open of stack) report.problem(S, open.row, at('type'), `the ${open.of} \`${open.item.id}\` has no \`end_${open.of}\``);
  return { items: root, rows, refused };
}

type Common = Omit<Question, 'id' | 'type'>;

/** The columns every row may have. */
function commonFields(sheet: Sheet, row: Row, type: QuestionType, plan: LanguagePlan, report: Report): Common {
  const S = sheet.name;
  const text = (key: string) => rowText(sheet, row, key, plan);
  const expr = (key: string) => expression(sheet, row, key, report) || undefined;
  const out: Common = {};
  const set = <K extends keyof Common>(key: K, value: Common[K] | undefined) => {
    if (value !== undefined && value !== '') out[key] = value;
  };
  set('label', text('label'));
  set('hint', text('hint'));
  const required = flag(expr('required') ?? '');
  if (required !== false) set('required', required);
  set('requiredMessage', text('required_message'));
  set('relevant', relevance(sheet, row, expr('relevant'), report));
  set('constraint', expr('constraint'));
  set('constraintMessage', text('constraint_message'));
  set('calculation', expr('calculation'));
  set('default', expr('default'));
  const readOnly = flag(expr('read_only') ?? '');
  if (readOnly !== false) set('readOnly', readOnly);
  set('choiceFilter', expr('choice_filter'));
  set('min', bound(sheet, row, 'min', report));
  set('max', bound(sheet, row, 'max', report));
  const appearance = cell(sheet, row, 'appearance');
  if (appearance !== '') {
    out.appearance = appearance;
    for (const word of appearance.split(/\s+/)) {
      const media = ['image', 'audio', 'video', 'file'].includes(type) ? MEDIA_APPEARANCES[word.toLowerCase()] : undefined;
      if (media !== undefined) report.warn(S, row.row, headerOf(sheet, 'appearance'), `appearance \`${word}\` ${media}`);
      else if (!SHOWN_APPEARANCES.has(word.toLowerCase()) && !/^columns-\d+$/.test(word)) report.warn(S, row.row, headerOf(sheet, 'appearance'), `appearance \`${word}\` does not change how Fieldbook shows the question; the question works without it`);
    }
  }
  for (const c of sheet.columns) {
    const value = row.cells[c.index] ?? '';
    if (value === '') continue;
    if (c.key.startsWith('media::')) report.warn(S, row.row, c.header, `images, audio and video in forms are not shown yet; the column \`${c.header}\` is ignored (first used here)`, `media:${c.index}`);
    else if (c.key === 'guidance_hint') report.warn(S, row.row, c.header, `guidance hints are not shown yet; the column \`${c.header}\` is ignored (first used here)`, `guidance:${c.index}`);
    else if (c.key === 'body::accept') report.warn(S, row.row, c.header, `the column \`${c.header}\` (the file types to offer) is not used: a file question takes any file but web pages and scripts; it is ignored (first used here)`, `accept:${c.index}`);
    else if (c.key === 'trigger') report.problem(S, row.row, c.header, 'the `trigger` column (recalculate when another answer changes) is not supported yet');
  }
  return out;
}

/**
 * A relevance cell: an expression, or the original format's rule as the export writes it, JSON
 * such as `{"question":"duty_station","equals":"field"}` (no expression starts with `{`).
 */
function relevance(sheet: Sheet, row: Row, text: string | undefined, report: Report): Relevant | undefined {
  if (text === undefined || !text.startsWith('{')) return text;
  let rule: unknown;
  try {
    rule = JSON.parse(text);
  } catch {
    rule = undefined;
  }
  const parsed = RelevantRuleSchema.safeParse(rule);
  if (parsed.success) return parsed.data;
  report.problem(sheet.name, row.row, headerOf(sheet, 'relevant'), 'this relevance starts with `{` but is not a rule such as {"question":"q1","equals":"yes"}; write an expression such as ${q1} = \'yes\'');
  return undefined;
}

/** Fieldbook's `min`/`max` columns (the original format's bounds: a number, a text's length, a multi's number of choices). */
function bound(sheet: Sheet, row: Row, key: 'min' | 'max', report: Report): number | undefined {
  const text = cell(sheet, row, key);
  if (text === '') return undefined;
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  report.problem(sheet.name, row.row, headerOf(sheet, key), `\`${key}\` must be a number, not \`${text}\``);
  return undefined;
}

/** A repeat's `repeat_count`: a whole number of instances, or an expression giving it. */
function repeatCount(sheet: Sheet, row: Row, report: Report): number | string | undefined {
  const text = expression(sheet, row, 'repeat_count', report);
  if (text === '') return undefined;
  if (!/^\d+$/.test(text.trim())) return text;
  const n = Number(text.trim());
  if (n <= MAX_REPEAT_INSTANCES) return n;
  report.problem(sheet.name, row.row, headerOf(sheet, 'repeat_count'), `a repeat can have at most ${MAX_REPEAT_INSTANCES} instances, not ${n}`);
  return undefined;
}

function groupFields(common: Common): Partial<Question> {
  const { label, relevant, appearance } = common;
  return { ...(label !== undefined ? { label } : {}), ...(relevant !== undefined ? { relevant } : {}), ...(appearance !== undefined ? { appearance } : {}) };
}

/** pyxform's or_other: an `other` choice, and a text question `<name>_other` shown when it is chosen. */
function addOther(q: Question, plan: LanguagePlan, siblings: Question[], rows: Map<string, number>, row: Row, report: Report, sheet: Sheet): void {
  q.orOther = true;
  if (q.choiceFilter !== undefined) report.problem(sheet.name, row.row, headerOf(sheet, 'choice_filter'), 'or_other cannot be combined with a choice_filter (as in pyxform)');
  const word = (english: string): Text => (plan.multilingual ? Object.fromEntries(plan.keys.map((k) => [k, english])) : english);
  if (q.options && !q.options.some((o) => o.id === 'other')) q.options.push({ id: 'other', label: word('Other') });
  const id = `${q.id}_other`;
  if (rows.has(id)) {
    report.problem(sheet.name, row.row, headerOf(sheet, 'type'), `or_other adds a question named \`${id}\`, but row ${rows.get(id)} already uses that name`);
    return;
  }
  rows.set(id, row.row);
  siblings.push({ id, type: 'text', label: word('Specify other.'), relevant: `selected(\${${q.id}}, 'other')` });
}
