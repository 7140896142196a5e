// A form's logic compiled once, whoever reads it: every item by id, its enclosing group or
// section, its repeats, and the compiled expressions. ResponseState (logic.ts) evaluates it for
// one response; the importer, the CSV writer and the fast path read it too. Pure: no DOM, no Node.
import { compileForm, type FormExpressions, type FormNode } from './expr';
import { itemsOf, type Form, type Question } from './schema';

/** What a form's logic needs, built once per form. */
export interface FormLogic {
  readonly form: Form;
  /** Every item by id (groups included; sections by their id when they carry a relevance). */
  readonly items: ReadonlyMap<string, Question>;
  /** The enclosing group or section of each item. */
  readonly parent: ReadonlyMap<string, string>;
  /** The compiled expressions; absent for a form without any (the original rules alone). */
  readonly compiled: FormExpressions | undefined;
  /** Items with an original relevance rule, in form order. */
  readonly ruled: readonly Question[];
  /** The repeats enclosing each item inside one, outermost first (a repeat's own list leaves it out). */
  readonly repeats: ReadonlyMap<string, readonly string[]>;
}

const logics = new WeakMap<Form, FormLogic>();

/** Whether a default is an expression (it reads a question or calls a function) rather than a literal. */
export function isDynamicDefault(text: string): boolean {
  return /\$\{|\w\s*\(/.test(text);
}

/** The form's expressions as graph nodes: sections, groups and questions, in form order. */
export function formNodes(form: Form): FormNode[] {
  const nodes: FormNode[] = [];
  // Sections first: a section's relevance (an imported top-level group's) is its items'.
  for (const section of form.sections) nodes.push({ name: section.id, ...(section.relevant !== undefined ? { expressions: { relevant: section.relevant } } : {}) });
  for (const { item, parent, section } of itemsOf(form)) {
    const owner = parent?.id ?? section.id;
    const expressions: FormNode['expressions'] = {
      ...(typeof item.relevant === 'string' ? { relevant: item.relevant } : {}),
      ...(typeof item.required === 'string' ? { required: item.required } : {}),
      ...(typeof item.readOnly === 'string' ? { readonly: item.readOnly } : {}),
      ...(item.constraint !== undefined ? { constraint: item.constraint } : {}),
      ...(item.calculation !== undefined ? { calculate: item.calculation } : {}),
      ...(item.choiceFilter !== undefined ? { choice_filter: item.choiceFilter } : {}),
      ...(item.default !== undefined && isDynamicDefault(item.default) ? { default: item.default } : {}),
      ...(typeof item.repeatCount === 'string' ? { repeat_count: item.repeatCount } : {}),
    };
    nodes.push({ name: item.id, ...(owner !== undefined ? { parent: owner } : {}), expressions });
  }
  return nodes;
}

/** The choice columns a question's choice_filter may name. */
export function choiceColumns(q: Question | undefined): ReadonlySet<string> | undefined {
  if (!q?.options) return undefined;
  const columns = new Set(['name', 'label']);
  for (const o of q.options) for (const key of Object.keys(o.data ?? {})) columns.add(key);
  return columns;
}

/** The form's logic, compiled once. */
export function logicOf(form: Form): FormLogic {
  let logic = logics.get(form);
  if (logic) return logic;
  const items = new Map<string, Question>();
  const parent = new Map<string, string>();
  const ruled: Question[] = [];
  const repeats = new Map<string, readonly string[]>();
  for (const { item, parent: group, section, repeat } of itemsOf(form)) {
    items.set(item.id, item);
    if (repeat) repeats.set(item.id, [...(repeats.get(repeat.id) ?? []), repeat.id]);
    const owner = group?.id ?? (section.relevant !== undefined ? section.id : undefined);
    if (owner !== undefined) parent.set(item.id, owner);
    if (typeof item.relevant === 'object') ruled.push(item);
  }
  const nodes = formNodes(form);
  const hasExpressions = nodes.some((n) => n.expressions && Object.keys(n.expressions).length > 0);
  const compiled = hasExpressions ? compileForm(nodes, { choiceColumns: (name) => choiceColumns(items.get(name)) }) : undefined;
  logic = { form, items, parent, compiled, ruled, repeats };
  logics.set(form, logic);
  return logic;
}

/** Whether the form uses nothing beyond the original model (no expressions, groups or new types). */
export function usesOnlyOriginalRules(form: Form): boolean {
  return logicOf(form).compiled === undefined && [...logicOf(form).items.values()].every((q) => ORIGINAL_TYPES.has(q.type) && q.range === undefined && q.appearance === undefined && q.readOnly === undefined);
}
const ORIGINAL_TYPES: ReadonlySet<string> = new Set(['text', 'longtext', 'integer', 'number', 'date', 'single', 'multi', 'yesno', 'likert']);
