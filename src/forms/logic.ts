// One source of truth for a form's live logic: relevance (the original rules and expressions,
// groups and sections included), required (boolean or expression), constraints, read-only,
// calculations and choice filters. The renderer, finalizing on the device and the server's
// validation all read a ResponseState built here, so they cannot disagree. Pure: no DOM, no Node.
import { compileForm, evaluate, toBoolean, toText, type CompiledExpression, type EvalContext, type FormExpressions, type FormNode, type Value } from './expr';
import { isRelevant, type AnswerValue, type Answers } from './relevance';
import { itemsOf, type Form, type Option, type Question } from './schema';
import { textIn } from './texts';

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
  for (const { item, parent: group, section } of itemsOf(form)) {
    items.set(item.id, item);
    const owner = group?.id ?? (section.relevant !== undefined ? section.id : undefined);
    if (owner !== undefined) parent.set(item.id, owner);
    if (typeof item.relevant === 'object') ruled.push(item);
  }
  const nodes = formNodes(form);
  const hasExpressions = nodes.some((n) => n.expressions && Object.keys(n.expressions).length > 0);
  const compiled = hasExpressions ? compileForm(nodes, { choiceColumns: (name) => choiceColumns(items.get(name)) }) : undefined;
  logic = { form, items, parent, compiled, ruled };
  logics.set(form, logic);
  return logic;
}

/** Whether the form uses nothing beyond the original model (no expressions, groups or new types). */
export function usesOnlyOriginalRules(form: Form): boolean {
  return logicOf(form).compiled === undefined && [...logicOf(form).items.values()].every((q) => ORIGINAL_TYPES.has(q.type) && q.appearance === undefined && q.readOnly === undefined);
}
const ORIGINAL_TYPES: ReadonlySet<string> = new Set(['text', 'longtext', 'integer', 'number', 'date', 'single', 'multi', 'yesno', 'likert']);

/** An answer as expressions read it; answers not yet validated may hold anything, which reads as ''. */
function readAnswer(answer: unknown): Value {
  if (typeof answer === 'string' || (typeof answer === 'number' && Number.isFinite(answer))) return answer;
  if (Array.isArray(answer)) return answer.filter((a) => typeof a === 'string').join(' ');
  return '';
}

/** What the device supplies to expressions beyond the answers. */
export interface StateOptions {
  /** The clock for today() and now(). */
  now?: () => Date;
  /** The language jr:choice-name() gives labels in. */
  language?: string;
}

/**
 * The live state of one response: which items apply, the calculated values, which questions are
 * required, read-only or failing their constraint. Built in full once, then updated incrementally:
 * `set` re-evaluates only the expressions that depend on the changed answer.
 */
export class ResponseState {
  readonly logic: FormLogic;
  private readonly answers: Answers;
  private readonly results = new Map<string, Value>();
  private ruleShown = new Map<string, boolean>();
  private readonly now: () => Date;
  private readonly language: string;

  constructor(form: Form, answers: Answers, options: StateOptions = {}) {
    this.logic = logicOf(form);
    this.answers = { ...answers };
    this.now = options.now ?? (() => new Date());
    this.language = options.language ?? form.defaultLanguage ?? 'en';
    this.applyRules();
    for (const e of this.logic.compiled?.expressions ?? []) if (e.kind !== 'default') this.run(e);
  }

  /** Records one answer (undefined: none) and re-evaluates what depends on it. */
  set(id: string, value: AnswerValue | undefined): void {
    if (value === undefined) delete this.answers[id];
    else this.answers[id] = value;
    if (this.logic.ruled.length > 0) this.applyRules();
    for (const e of this.logic.compiled?.affected(id) ?? []) this.run(e);
  }

  /** Re-evaluates the expressions that read the clock (today(), now()). */
  refreshVolatile(): void {
    for (const e of this.logic.compiled?.expressions ?? []) if (e.volatile && e.kind !== 'default') this.run(e);
  }

  /** Whether an item applies: its own condition and every enclosing group's and section's. */
  relevant(id: string): boolean {
    for (let at: string | undefined = id; at !== undefined; at = this.logic.parent.get(at)) {
      if (this.ruleShown.get(at) === false) return false;
      const r = this.results.get(`${at}\u0000relevant`);
      if (r !== undefined && !toBoolean(r)) return false;
    }
    return true;
  }

  /** A question's value as stored: the calculation's result for a calculate, else the answer. */
  value(id: string): AnswerValue | undefined {
    const q = this.logic.items.get(id);
    if (q?.calculation !== undefined) {
      const text = toText(this.results.get(`${id}\u0000calculate`) ?? '');
      return text === '' || text === 'NaN' ? undefined : text;
    }
    return this.answers[id];
  }

  /** Whether a question must be answered now. */
  required(id: string): boolean {
    const q = this.logic.items.get(id);
    if (typeof q?.required === 'string') return toBoolean(this.results.get(`${id}\u0000required`) ?? false);
    return q?.required === true;
  }

  /** Whether a question is shown but not editable. */
  readOnly(id: string): boolean {
    const q = this.logic.items.get(id);
    if (typeof q?.readOnly === 'string') return toBoolean(this.results.get(`${id}\u0000readonly`) ?? false);
    return q?.readOnly === true || q?.calculation !== undefined;
  }

  /** False when the question is answered and its constraint rejects the answer. */
  constraintHolds(id: string): boolean {
    const r = this.results.get(`${id}\u0000constraint`);
    return r === undefined || toBoolean(r);
  }

  /** A select's options that its choice_filter keeps (all when it has none). */
  options(id: string): readonly Option[] {
    const q = this.logic.items.get(id);
    const e = this.logic.compiled?.of(id, 'choice_filter');
    if (!q?.options || !e) return q?.options ?? [];
    return q.options.filter((o) => toBoolean(evaluate(e.expr, this.context(id, o))));
  }

  /** A question's dynamic default, evaluated now (undefined when it has none). */
  defaultOf(id: string): string | undefined {
    const e = this.logic.compiled?.of(id, 'default');
    return e ? toText(evaluate(e.expr, this.context(id))) : undefined;
  }

  /** The value an expression reads for `${id}`: '' when it does not apply. */
  private read(id: string): Value {
    if (!this.relevant(id)) return '';
    return readAnswer(this.value(id));
  }

  private context(question: string, option?: Option): EvalContext {
    return {
      value: (name) => this.read(name),
      current: () => readAnswer(this.answers[question]),
      choiceLabel: (q, choice) => {
        const found = this.logic.items.get(q)?.options?.find((o) => o.id === choice);
        return found ? textIn(found.label, this.language, this.logic.form.defaultLanguage) : '';
      },
      now: this.now,
      field: (name) => (option === undefined ? '' : name === 'name' ? option.id : name === 'label' ? textIn(option.label, this.language, this.logic.form.defaultLanguage) : (option.data?.[name] ?? '')),
    };
  }

  private run(e: CompiledExpression): void {
    const key = `${e.question}\u0000${e.kind}`;
    if (e.kind === 'choice_filter') return; // evaluated per option, in options()
    if (e.kind === 'constraint') {
      const answer = this.answers[e.question];
      // Like ODK, a constraint judges an answer, never its absence.
      if (answer === undefined || (typeof answer === 'string' && answer === '') || (Array.isArray(answer) && answer.length === 0)) this.results.delete(key);
      else this.results.set(key, evaluate(e.expr, this.context(e.question)));
      return;
    }
    this.results.set(key, evaluate(e.expr, this.context(e.question)));
  }

  /** The original rules, in form order: hidden when the question they look at is hidden (relevance.ts). */
  private applyRules(): void {
    const shown = new Map<string, boolean>();
    const effective: Answers = {};
    for (const q of this.logic.ruled) {
      const rule = q.relevant as Exclude<Question['relevant'], string | undefined>;
      const targetShown = shown.get(rule.question) ?? (this.logic.items.has(rule.question) && !this.logic.ruled.some((r) => r.id === rule.question) && this.relevantBefore(rule.question, q));
      const value = this.answers[rule.question];
      if (value !== undefined) effective[rule.question] = value;
      shown.set(q.id, targetShown && isRelevant(q, effective));
    }
    this.ruleShown = shown;
  }

  /** Whether `target` comes before `q` in form order (an original rule may only look back). */
  private relevantBefore(target: string, q: Question): boolean {
    for (const id of this.logic.items.keys()) {
      if (id === target) return true;
      if (id === q.id) return false;
    }
    return false;
  }
}
