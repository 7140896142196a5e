import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { jsonPath, jsonProblem, type FormProblem } from './problems';
import { describeProblem, type ExprKind } from './expr';
import { logicOf } from './logic';
import { isWholeRange } from './range';
import { FormSchema, XLSFORM_TYPES, holdsItems, MAX_REPEAT_DEPTH, METADATA_TYPES, SEX_OPTION_IDS, SEX_QUESTION_ID, itemsOf, questionsOf, type Form, type Question } from './schema';

/** Where each kind of expression sits in a question of the JSON definition. */
const EXPRESSION_FIELD: Record<ExprKind, string> = {
  relevant: 'relevant',
  required: 'required',
  readonly: 'readOnly',
  constraint: 'constraint',
  calculate: 'calculation',
  choice_filter: 'choiceFilter',
  default: 'default',
  repeat_count: 'repeatCount',
};

/** Types a question may have without a label: shown to nobody. */
const UNLABELLED: ReadonlySet<string> = new Set(['group', 'repeat', 'calculate', ...METADATA_TYPES]);

/** The Fieldbook type each XLSForm-only type is held as. */
const XLSFORM_BASE: Record<(typeof XLSFORM_TYPES)[number], Question['type']> = { barcode: 'text', hidden: 'calculate' };

/** Rules a single question cannot check by itself, each placed at its JSON path. */
export function structuralProblems(form: Form): FormProblem[] {
  const problems: FormProblem[] = [];
  const seen = new Map<string, Question>();
  const visit = (items: readonly Question[], base: string, repeats = 0): void =>
    items.forEach((q, i) => {
      const path = `${base}.questions[${i}]`;
      const at = (field?: string) => `${path}${field ? `.${field}` : ''}`;
      if (seen.has(q.id)) problems.push(jsonProblem(at('id'), `question id "${q.id}" is used twice`));
      const hasOptions = q.options !== undefined;
      const needsOptions = q.type === 'single' || q.type === 'multi';
      if (needsOptions && !hasOptions) problems.push(jsonProblem(at('options'), `question "${q.id}" (${q.type}) needs options`));
      if (!needsOptions && hasOptions) problems.push(jsonProblem(at('options'), `question "${q.id}" (${q.type}) cannot have options`));
      if (q.label === undefined && !UNLABELLED.has(q.type)) problems.push(jsonProblem(at('label'), `question "${q.id}" (${q.type}) needs a label`));
      if (holdsItems(q) !== (q.questions !== undefined)) problems.push(jsonProblem(at('questions'), holdsItems(q) ? `${q.type} "${q.id}" needs questions` : `question "${q.id}" (${q.type}) cannot hold questions; only a group or a repeat can`));
      if (q.repeatCount !== undefined && q.type !== 'repeat') problems.push(jsonProblem(at('repeatCount'), `question "${q.id}" (${q.type}) cannot have a repeatCount; only a repeat can`));
      if (q.type === 'repeat' && repeats >= MAX_REPEAT_DEPTH) problems.push(jsonProblem(at('type'), `repeat "${q.id}" nests too deep: repeats nest at most ${MAX_REPEAT_DEPTH} deep`));
      if (typeof q.relevant === 'object' && repeats > 0) problems.push(jsonProblem(at('relevant'), `question "${q.id}" is inside a repeat: its relevance must be an expression such as "\${${q.relevant.question}} = 'yes'"`));
      if (q.range !== undefined && q.type !== 'integer' && q.type !== 'number') problems.push(jsonProblem(at('range'), `question "${q.id}" (${q.type}) cannot have a range; only an integer or a number can`));
      if (q.range !== undefined && q.type === 'integer' && !isWholeRange(q.range)) problems.push(jsonProblem(at('range'), `question "${q.id}" is an integer, so its range needs whole numbers; make it a number for decimals`));
      // Its values are all whole anyway; as an integer it comes back from an XLSForm export the same (pyxform's int bind).
      if (q.range !== undefined && q.type === 'number' && isWholeRange(q.range)) problems.push(jsonProblem(at('range'), `question "${q.id}" has a range of whole numbers only, so it must be an integer, as XLSForm reads it`));
      if (q.xlsformType !== undefined && q.type !== XLSFORM_BASE[q.xlsformType]) problems.push(jsonProblem(at('xlsformType'), `question "${q.id}" (${q.type}) cannot be written as XLSForm's ${q.xlsformType}; only a ${XLSFORM_BASE[q.xlsformType]} can`));
      // XLSForm's hidden is a calculate holding its default (or nothing) instead of a calculation.
      if (q.type === 'calculate' && q.calculation === undefined && q.xlsformType !== 'hidden') problems.push(jsonProblem(at('calculation'), `calculate "${q.id}" needs a calculation`));
      const optionIds = (q.options ?? []).map((o) => o.id);
      if (new Set(optionIds).size !== optionIds.length) problems.push(jsonProblem(at('options'), `question "${q.id}" repeats an option id`));
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
        problems.push(jsonProblem(at('min'), `question "${q.id}" has min greater than max`));
      }
      if (typeof q.relevant === 'object') {
        const target = seen.get(q.relevant.question);
        if (!target) {
          problems.push(jsonProblem(at('relevant.question'), `question "${q.id}" depends on "${q.relevant.question}", which is not an earlier question`));
        } else if ('includes' in q.relevant && target.type !== 'multi') {
          problems.push(jsonProblem(at('relevant'), `question "${q.id}" uses "includes" on "${target.id}", which is not a multi question`));
        }
      }
      seen.set(q.id, q);
      if (q.questions) visit(q.questions, path, repeats + (q.type === 'repeat' ? 1 : 0));
    });
  form.sections.forEach((section, s) => visit(section.questions, `sections[${s}]`));
  const sections = form.sections.map((s) => s.id);
  sections.forEach((id, s) => {
    if (sections.indexOf(id) !== s) problems.push(jsonProblem(`sections[${s}].id`, 'a section id is used twice'));
  });
  return problems;
}

/** Every item's JSON path, by id (sections too). */
function itemPaths(form: Form): Map<string, string> {
  const paths = new Map<string, string>();
  const visit = (items: readonly Question[], base: string): void =>
    items.forEach((q, i) => {
      paths.set(q.id, `${base}.questions[${i}]`);
      if (q.questions) visit(q.questions, `${base}.questions[${i}]`);
    });
  form.sections.forEach((section, s) => {
    paths.set(section.id, `sections[${s}]`);
    visit(section.questions, `sections[${s}]`);
  });
  return paths;
}

/** The expressions' errors (syntax, unknown names and functions, cycles: docs/expressions.md), at their JSON paths; warnings do not refuse. */
export function expressionProblems(form: Form): FormProblem[] {
  const compiled = logicOf(form).compiled;
  if (!compiled) return [];
  const paths = itemPaths(form);
  // Expressions name sections too: a section and a question of one name would be one node.
  const itemIds = new Set([...itemsOf(form)].map((x) => x.item.id));
  const clash = form.sections.findIndex((s) => itemIds.has(s.id));
  if (clash >= 0) return [jsonProblem(`sections[${clash}].id`, `section id "${form.sections[clash]!.id}" is also a question id; in a form with expressions every name must be unique`)];
  return compiled.problems
    .filter((p) => p.severity === 'error')
    .map((p) => jsonProblem(`${paths.get(p.question) ?? ''}.${EXPRESSION_FIELD[p.kind]}`, `question "${p.question}", ${p.kind}: ${describeProblem(p)}`));
}

/** The built-in forms' own rule: each carries the sex question with exactly the four codes. */
function sexProblem(form: Form): string | undefined {
  const sex = questionsOf(form).find((q) => q.id === SEX_QUESTION_ID);
  const sexOptions = sex?.options?.map((o) => o.id).join(',');
  if (sex && sex.type === 'single' && sexOptions === SEX_OPTION_IDS.join(',')) return undefined;
  return `every form needs a single-choice "${SEX_QUESTION_ID}" question with options ${SEX_OPTION_IDS.join(', ')}`;
}

// zod/mini ships no messages, so without a locale an unknown type or an extra field reads
// only "Invalid input". English is enough here: definitions are written by developers and coordinators.
export const DEVELOPER_ERRORS = en().localeError;

/** A definition's shape checked by the schema, then its structure: the form, or every problem found. */
export function readDefinition(input: unknown): { ok: true; form: Form } | { ok: false; problems: FormProblem[] } {
  const parsed = FormSchema.safeParse(input, { error: DEVELOPER_ERRORS });
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => jsonProblem(jsonPath(issue.path), issue.message)) };
  }
  const problems = structuralProblems(parsed.data);
  if (problems.length === 0) problems.push(...expressionProblems(parsed.data));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, form: parsed.data };
}

/** Validates a built-in form definition; throws one clear error naming the form and every problem. */
export function parseForm(input: unknown): Form {
  const name = typeof input === 'object' && input && 'id' in input ? String(input.id) : '(no id)';
  const parsed = FormSchema.safeParse(input, { error: DEVELOPER_ERRORS });
  if (!parsed.success) {
    throw new Error(`Form definition "${name}" is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const found = structuralProblems(parsed.data);
  const problems = (found.length > 0 ? found : expressionProblems(parsed.data)).map((p) => p.message);
  const sex = sexProblem(parsed.data);
  if (sex) problems.push(sex);
  if (problems.length > 0) {
    throw new Error(`Form definition "${name}" is invalid:\n${problems.map((p) => `✖ ${p}`).join('\n')}`);
  }
  return parsed.data;
}
