// An XLSForm workbook (already read into cells) into a Fieldbook form, or every problem found, each
// at its sheet, row and column. Pure: shared by the server and the browser (preview, even offline).
import type { ExprKind } from '../expr';
import { DEVELOPER_ERRORS, structuralProblems } from '../load';
import { logicOf } from '../logic';
import type { FormProblem } from '../problems';
import { FormSchema, itemsOf, type Form, type Question, type Section, type Text } from '../schema';
import { readChoices } from './choices';
import { languageKey } from './languages';
import { Report, sorted } from './report';
import { kebabCase, readSettings } from './settings';
import { findSheet, headerOf, readSheet, type Sheet } from './sheets';
import { NAME, readSurvey } from './survey';
import { languagesOf, type LanguagePlan } from './texts';
import type { RawSheet } from './workbook';

/** What an import gives: the form and its warnings, or the problems that refuse it (with the warnings found so far). */
export type ImportResult = { ok: true; form: Form; warnings: FormProblem[] } | { ok: false; problems: FormProblem[]; warnings: FormProblem[] };

/** Options of an import. */
export interface ImportOptions {
  /** The form id to use (the `?formId=` of the request); otherwise the settings' form_id, made kebab-case. */
  readonly formId?: string;
}

/** Sheets XLSForm defines; any other is reported once. */
const KNOWN_SHEETS = new Set(['survey', 'choices', 'settings']);
const IGNORED_SHEETS: Record<string, string> = {
  external_choices: 'choices for select_one_external are not supported yet; the sheet is ignored',
  entities: 'entities (ODK datasets) are not supported; the sheet is ignored',
  osm: 'OpenStreetMap tags are not supported; the sheet is ignored',
};

/** Which column of the survey sheet holds each kind of expression. */
const KIND_COLUMN: Record<ExprKind, string> = {
  relevant: 'relevant',
  required: 'required',
  readonly: 'read_only',
  constraint: 'constraint',
  calculate: 'calculation',
  choice_filter: 'choice_filter',
  default: 'default',
  repeat_count: 'repeat_count',
};

/** Imports the sheets of an XLSForm workbook. */
export function importSheets(raw: readonly RawSheet[], options: ImportOptions = {}): ImportResult {
  const report = new Report();
  // As in pyxform, a workbook of one sheet is the survey, whatever its name.
  const surveyRaw = findSheet(raw, 'survey') ?? (raw.length === 1 ? raw[0] : undefined);
  for (const s of raw) {
    const name = s.name.trim().toLowerCase();
    if (KNOWN_SHEETS.has(name) || raw.length === 1) continue;
    if (s.rows.every((r) => r.every((c) => c === null || c === undefined || c === ''))) continue;
    report.warn(s.name, null, null, IGNORED_SHEETS[name] ?? `the sheet \`${s.name}\` is not part of XLSForm; it is ignored`);
  }
  if (!surveyRaw) {
    report.problem(null, null, null, 'the workbook has no `survey` sheet: an XLSForm needs sheets named survey, choices and settings');
    return { ok: false, problems: report.problems, warnings: report.warnings };
  }
  const survey = readSheet(surveyRaw);
  const choicesRaw = findSheet(raw, 'choices');
  const choices = choicesRaw ? readSheet(choicesRaw) : undefined;
  const settingsRaw = findSheet(raw, 'settings');
  const settings = readSettings(settingsRaw ? readSheet(settingsRaw) : undefined, report);

  const keys = languagesOf(choices ? [survey, choices] : [survey]);
  const defaultKey = settings.defaultLanguage !== undefined ? languageKey(settings.defaultLanguage) : undefined;
  const hasUnnamed = [survey, ...(choices ? [choices] : [])].some((s) => s.columns.some((c) => ['label', 'hint', 'constraint_message', 'required_message'].includes(c.key) && c.language === undefined));
  const unnamed = defaultKey ?? 'default';
  const allKeys = hasUnnamed && keys.length > 0 && !keys.includes(unnamed) ? [unnamed, ...keys] : keys;
  const plan: LanguagePlan = { multilingual: keys.length > 0, unnamed, keys: allKeys };

  for (const sheet of choices ? [survey, choices] : [survey]) duplicateColumns(sheet, report);
  const lists = readChoices(choices, plan, report);
  const { items, rows, refused } = readSurvey(survey, lists, plan, report);
  for (const [list] of lists) if (!usesList(items, list)) report.warn(choices?.name ?? 'choices', null, 'list_name', `the choice list \`${list}\` is used by no question`, `list:${list}`);

  const formId = options.formId ?? (settings.formId !== undefined ? kebabCase(settings.formId) : undefined);
  if (formId === undefined || formId === '') {
    report.problem(settingsRaw?.name ?? 'settings', settings.row ?? null, 'form_id', 'the form has no id: fill form_id on the settings sheet, or give ?formId= when publishing');
  }
  if (report.problems.length === 0 && !items.some(isAnswerable)) report.problem(survey.name, null, null, 'the form has no questions: add at least one row a person answers');

  const title: Text = settings.title ?? settings.formId ?? 'Untitled form';
  const form: Form = {
    id: formId || 'form',
    version: 1,
    title,
    sections: toSections(items, title, rows),
    ...(plan.multilingual
      ? { languages: allKeys, defaultLanguage: defaultKey !== undefined && allKeys.includes(defaultKey) ? defaultKey : allKeys[0]! }
      : // One language, named in the settings: texts stay plain, and the device knows their language (right to left for Arabic).
        defaultKey !== undefined
        ? { languages: [defaultKey], defaultLanguage: defaultKey }
        : {}),
    ...(settings.sexQuestion !== undefined ? { sexQuestion: settings.sexQuestion } : {}),
  };
  if (settings.defaultLanguage !== undefined && plan.multilingual && !allKeys.includes(defaultKey!)) {
    report.warn(settingsRaw?.name ?? 'settings', settings.row ?? null, 'default_language', `the default language \`${settings.defaultLanguage}\` has no column; \`${allKeys[0]}\` is used`);
  }
  if (settings.sexQuestion !== undefined) {
    const q = [...itemsOf(form)].find((x) => x.item.id === settings.sexQuestion)?.item;
    if (!q || q.type !== 'single') report.problem(settingsRaw?.name ?? 'settings', settings.row ?? null, 'sex_question', `sex_question names \`${settings.sexQuestion}\`, which is not a select_one question of this form`);
  }
  checkTextReferences(form, rows, refused, survey, report);

  // The shape (a safety net: the rows above should never build an invalid one), then the expressions.
  // With problems found already, the rows refused are missing from the form: only its expressions are checked.
  const rowsFine = report.problems.length === 0;
  const shape = FormSchema.safeParse(form, { error: DEVELOPER_ERRORS });
  if (!shape.success) {
    if (rowsFine) for (const issue of shape.error.issues) report.problem(survey.name, null, null, `the form built from this workbook is invalid at ${issue.path.join('.')}: ${issue.message}`);
  } else {
    const structural = rowsFine ? structuralProblems(shape.data) : [];
    for (const p of structural) report.problem(survey.name, null, null, p.message);
    if (structural.length === 0) expressionReport(shape.data, rows, refused, survey, report);
  }
  if (report.problems.length > 0) return { ok: false, problems: sorted(report.problems), warnings: sorted(report.warnings) };
  return { ok: true, form: shape.success ? shape.data : form, warnings: sorted(report.warnings) };
}

/** Two columns meaning the same (`label` and `caption`, or `label` twice): refused, as pyxform does. */
function duplicateColumns(sheet: Sheet, report: Report): void {
  const seen = new Map<string, string>();
  for (const c of sheet.columns) {
    const key = `${c.key}\u0000${c.language === undefined ? '' : languageKey(c.language)}`;
    const first = seen.get(key);
    if (first !== undefined) report.problem(sheet.name, sheet.headerRow, c.header, `the column \`${c.header}\` repeats \`${first}\`; keep one of them`);
    else seen.set(key, c.header);
  }
}

function usesList(items: readonly Question[], list: string): boolean {
  // A select without listName uses the list named like it (survey.ts).
  return items.some((q) => (q.listName ?? (q.type === 'single' || q.type === 'multi' ? q.id : undefined)) === list || (q.questions !== undefined && usesList(q.questions, list)));
}

function isAnswerable(q: Question): boolean {
  if (q.type === 'group') return (q.questions ?? []).some(isAnswerable);
  return !['note', 'calculate', 'start', 'end', 'today', 'deviceid', 'username'].includes(q.type);
}

/** Top-level groups become sections (pages); runs of top-level questions between them become sections too. */
function toSections(items: readonly Question[], title: Text, rows: ReadonlyMap<string, number>): Section[] {
  const sections: Section[] = [];
  let loose: Question[] = [];
  let part = 0;
  const flush = () => {
    if (loose.length === 0) return;
    let id = `part_${++part}`;
    while (rows.has(id)) id = `part_${++part}`;
    sections.push({ id, title, questions: loose });
    loose = [];
  };
  for (const item of items) {
    if (item.type !== 'group' || !item.questions || item.questions.length === 0) {
      if (item.type !== 'group') loose.push(item);
      continue;
    }
    flush();
    sections.push({ id: item.id, title: item.label ?? title, questions: item.questions, ...(typeof item.relevant === 'string' ? { relevant: item.relevant } : {}) });
  }
  flush();
  return sections;
}

/** `${name}` in labels and hints (shown filled in) must name a question. */
function checkTextReferences(form: Form, rows: ReadonlyMap<string, number>, refused: ReadonlySet<string>, survey: Sheet, report: Report): void {
  for (const { item } of itemsOf(form)) {
    const texts: [string, Text | undefined][] = [['label', item.label], ['hint', item.hint], ...(item.options ?? []).map((o): [string, Text] => ['label', o.label])];
    for (const [field, text] of texts) {
      if (text === undefined) continue;
      for (const words of typeof text === 'string' ? [text] : Object.values(text)) {
        for (const match of words.matchAll(/\$\{([^}]*)\}/g)) {
          const name = match[1]!.trim();
          if (refused.has(name)) continue;
          if (!NAME.test(name) || !rows.has(name)) report.problem(survey.name, rows.get(item.id) ?? null, headerOf(survey, field), `\${${name}} in the ${field} is not a question of this form`);
        }
      }
    }
  }
}

/** The expressions' problems and warnings, at the row of their question and the column of their kind. */
function expressionReport(form: Form, rows: ReadonlyMap<string, number>, refused: ReadonlySet<string>, survey: Sheet, report: Report): void {
  const compiled = logicOf(form).compiled;
  if (!compiled) return;
  for (const p of compiled.problems) {
    // A reference to a refused row: that row's problem says it all.
    if ([...refused].some((name) => p.message.startsWith(`\${${name}}`))) continue;
    const column = headerOf(survey, KIND_COLUMN[p.kind]);
    const cellText = `in \`${column}\`, at character ${p.start + 1}: ${p.message}`;
    if (p.severity === 'error') report.problem(survey.name, rows.get(p.question) ?? null, column, cellText);
    else report.warn(survey.name, rows.get(p.question) ?? null, column, cellText);
  }
}
