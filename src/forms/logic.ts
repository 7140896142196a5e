// One source of truth for a form's live logic: relevance (the original rules and expressions,
// groups and sections included), required (boolean or expression), constraints, read-only,
// calculations and choice filters. The renderer, finalizing on the device and the server's
// validation all read a ResponseState built here, so they cannot disagree. Pure: no DOM, no Node.
import { evaluate, nodeSet, toBoolean, toNumber, toText, type CompiledExpression, type EvalContext, type ExprKind, type Value } from './expr';
import { expandPaths, instancesIn, recordAt, withValueAt, type InstancePath, type InstanceStep } from './instances';
import { isRelevant, type AnswerValue, type Answers } from './relevance';
import { MAX_REPEAT_INSTANCES, type Form, type Option, type Question } from './schema';
import { textIn } from './texts';

export { choiceColumns, formNodes, isDynamicDefault, logicOf, usesOnlyOriginalRules, type FormLogic } from './form-logic';
import { logicOf, type FormLogic } from './form-logic';

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
 * `set` re-evaluates only the expressions that depend on the changed answer. Inside a repeat every
 * question is asked about at an instance path (`at`); those expressions are evaluated when asked
 * and remembered until the next answer, since their number grows with the instances.
 */
export class ResponseState {
  readonly logic: FormLogic;
  private answers: Answers;
  private readonly results = new Map<string, Value>();
  /** Results of expressions inside repeats, by instance path, question and kind; emptied on every change. */
  private readonly inRepeats = new Map<string, Value | undefined>();
  private ruleShown = new Map<string, boolean>();
  private readonly now: () => Date;
  private readonly language: string;

  constructor(form: Form, answers: Answers, options: StateOptions = {}) {
    this.logic = logicOf(form);
    this.answers = { ...answers };
    this.now = options.now ?? (() => new Date());
    this.language = options.language ?? form.defaultLanguage ?? 'en';
    this.applyRules();
    for (const e of this.logic.compiled?.expressions ?? []) if (e.kind !== 'default' && this.isOuter(e.question)) this.run(e);
    this.inRepeats.clear();
  }

  /** Records one answer (undefined: none), in the instance at `at`, and re-evaluates what depends on it. A repeat's value is its list of instances. */
  set(id: string, value: AnswerValue | undefined, at: InstancePath = []): void {
    this.answers = withValueAt(this.answers, at, id, value);
    this.inRepeats.clear();
    if (this.logic.ruled.length > 0) this.applyRules();
    // Adding or removing instances changes every value read across them, not only the repeat's own.
    const changed = this.logic.items.get(id)?.type === 'repeat' ? [id, ...this.inside(id)] : id;
    for (const e of this.logic.compiled?.affected(changed) ?? []) if (this.isOuter(e.question)) this.run(e);
    this.inRepeats.clear();
  }

  /** Re-evaluates the expressions that read the clock (today(), now()). */
  refreshVolatile(): void {
    for (const e of this.logic.compiled?.expressions ?? []) if (e.volatile && e.kind !== 'default' && this.isOuter(e.question)) this.run(e);
    this.inRepeats.clear();
  }

  /** Whether an item applies: its own condition and every enclosing group's, repeat's and section's. */
  relevant(id: string, at: InstancePath = []): boolean {
    for (let item: string | undefined = id; item !== undefined; item = this.logic.parent.get(item)) {
      if (this.ruleShown.get(item) === false) return false;
      const r = this.result(item, 'relevant', at);
      if (r !== undefined && !toBoolean(r)) return false;
    }
    return true;
  }

  /** A question's value as stored: the calculation's result for a calculate, else the answer. */
  value(id: string, at: InstancePath = []): AnswerValue | undefined {
    const q = this.logic.items.get(id);
    if (q?.calculation !== undefined) {
      const text = toText(this.result(id, 'calculate', at) ?? '');
      return text === '' || text === 'NaN' ? undefined : text;
    }
    return recordAt(this.answers, this.own(id, at))?.[id];
  }

  /** Whether a question must be answered now. */
  required(id: string, at: InstancePath = []): boolean {
    const q = this.logic.items.get(id);
    if (typeof q?.required === 'string') return toBoolean(this.result(id, 'required', at) ?? false);
    return q?.required === true;
  }

  /** Whether a question is shown but not editable. */
  readOnly(id: string, at: InstancePath = []): boolean {
    const q = this.logic.items.get(id);
    if (typeof q?.readOnly === 'string') return toBoolean(this.result(id, 'readonly', at) ?? false);
    return q?.readOnly === true || q?.calculation !== undefined;
  }

  /** False when the question is answered and its constraint rejects the answer. */
  constraintHolds(id: string, at: InstancePath = []): boolean {
    const r = this.result(id, 'constraint', at);
    return r === undefined || toBoolean(r);
  }

  /** How many instances a repeat must have (its repeat_count, within 0..MAX_REPEAT_INSTANCES), or undefined when people add and remove them. */
  repeatCount(id: string, at: InstancePath = []): number | undefined {
    const count = this.logic.items.get(id)?.repeatCount;
    if (count === undefined) return undefined;
    const n = typeof count === 'number' ? count : Math.trunc(toNumber(this.result(id, 'repeat_count', at) ?? ''));
    return Number.isNaN(n) ? 0 : Math.min(Math.max(0, n), MAX_REPEAT_INSTANCES);
  }

  /** A select's options that its choice_filter keeps (all when it has none). */
  options(id: string, at: InstancePath = []): readonly Option[] {
    const q = this.logic.items.get(id);
    const e = this.logic.compiled?.of(id, 'choice_filter');
    if (!q?.options || !e) return q?.options ?? [];
    return q.options.filter((o) => toBoolean(evaluate(e.expr, this.context(id, this.own(id, at), o))));
  }

  /** A question's dynamic default, evaluated now (undefined when it has none). */
  defaultOf(id: string, at: InstancePath = []): string | undefined {
    const e = this.logic.compiled?.of(id, 'default');
    return e ? toText(evaluate(e.expr, this.context(id, this.own(id, at)))) : undefined;
  }

  /** The repeats enclosing an item, outermost first. */
  private chain(id: string): readonly string[] {
    return this.logic.repeats.get(id) ?? [];
  }

  /** Whether an item sits outside every repeat (its expressions are kept up to date eagerly). */
  private isOuter(id: string): boolean {
    return !this.logic.repeats.has(id);
  }

  /** The part of a path that holds this item: a repeat's own conditions and count belong to its parent's record. */
  private own(id: string, at: InstancePath): InstancePath {
    const depth = this.chain(id).length;
    return at.length === depth ? at : at.slice(0, depth);
  }

  /** Every item inside a repeat, at any depth. */
  private inside(repeat: string): string[] {
    const found: string[] = [];
    for (const [id, chain] of this.logic.repeats) if (chain.includes(repeat)) found.push(id);
    return found;
  }

  /** One expression's current result for an item at a path (undefined when it has none of that kind). */
  private result(id: string, kind: ExprKind, at: InstancePath): Value | undefined {
    if (this.isOuter(id)) return this.results.get(`${id}\u0000${kind}`);
    const e = this.logic.compiled?.of(id, kind);
    if (!e) return undefined;
    const path = this.own(id, at);
    const key = `${path.map((s) => `${s.repeat}\u0001${s.index}`).join('\u0002')}\u0000${id}\u0000${kind}`;
    if (this.inRepeats.has(key)) return this.inRepeats.get(key);
    const value = this.evaluateAt(e, path);
    this.inRepeats.set(key, value);
    return value;
  }

  /** The value an expression at `at` reads for `${name}`: one value within the same instances, a node-set across the others ('' when it does not apply). */
  private read(name: string, at: InstancePath, given: InstancePath = []): Value {
    const item = this.logic.items.get(name);
    const chain = item?.type === 'repeat' ? [...this.chain(name), name] : this.chain(name);
    const prefix: InstanceStep[] = [];
    for (const repeat of chain) {
      const step = given.find((s) => s.repeat === repeat) ?? at.find((s) => s.repeat === repeat);
      if (!step) break;
      prefix.push(step);
    }
    if (item?.type === 'repeat') {
      // A repeat reads as its instances (count() counts them); one that does not apply as none.
      const outer = chain.slice(0, -1);
      const paths = expandPaths(this.answers, outer, prefix.slice(0, outer.length)).filter((p) => this.relevant(name, p));
      return nodeSet(paths.flatMap((p) => instancesIn(recordAt(this.answers, p), name).map(() => '')));
    }
    if (prefix.length === chain.length) return this.readOne(name, prefix);
    return nodeSet(expandPaths(this.answers, chain, prefix).map((p) => this.readOne(name, p)));
  }

  private readOne(name: string, at: InstancePath): Value {
    if (!this.relevant(name, at)) return '';
    return readAnswer(this.value(name, at));
  }

  private context(question: string, at: InstancePath, option?: Option): EvalContext {
    return {
      value: (name) => this.read(name, at),
      current: () => readAnswer(recordAt(this.answers, at)?.[question]),
      choiceLabel: (q, choice) => {
        const found = this.logic.items.get(q)?.options?.find((o) => o.id === choice);
        return found ? textIn(found.label, this.language, this.logic.form.defaultLanguage) : '';
      },
      now: this.now,
      formVersion: () => String(this.logic.form.version),
      field: (name) => (option === undefined ? '' : name === 'name' ? option.id : name === 'label' ? textIn(option.label, this.language, this.logic.form.defaultLanguage) : (option.data?.[name] ?? '')),
      position: () => (at.length === 0 ? 1 : at[at.length - 1]!.index + 1),
      indexedRepeat: (name, path) => this.read(name, at, path.map((s) => ({ repeat: s.repeat, index: s.index - 1 }))),
    };
  }

  /** An expression's value for its item at a path; a constraint judges an answer, never its absence (undefined), like ODK. */
  private evaluateAt(e: CompiledExpression, at: InstancePath): Value | undefined {
    if (e.kind === 'constraint') {
      const answer = recordAt(this.answers, at)?.[e.question];
      if (answer === undefined || (typeof answer === 'string' && answer === '') || (Array.isArray(answer) && answer.length === 0)) return undefined;
    }
    return evaluate(e.expr, this.context(e.question, at));
  }

  private run(e: CompiledExpression): void {
    const key = `${e.question}\u0000${e.kind}`;
    if (e.kind === 'choice_filter') return; // evaluated per option, in options()
    const value = this.evaluateAt(e, []);
    if (value === undefined) this.results.delete(key);
    else this.results.set(key, value);
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
