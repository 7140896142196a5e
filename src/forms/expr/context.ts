// What an expression may ask of the form it runs in. The renderer, the server and the tests each give one.
import type { Expr, Value } from './ast';

/** The evaluation context: answers, the current question, choice labels and the clock. */
export interface EvalContext {
  /** `${name}`: the answer to that question ('' when unanswered), relative to the current repeat instance if any. */
  value(name: string): Value;
  /** `.`: the current question's own value (the one a constraint is checking). */
  current(): Value;
  /** The label of a question's choice in the language shown ('' when there is none). */
  choiceLabel(question: string, choice: string): string;
  /** The clock for today() and now(). */
  now(): Date;
  /** A bare name in a choice_filter: that column of the choice being filtered (default ''). */
  field?(name: string): Value;
  /** position(..): the 1-based index of the current repeat instance (default 1). */
  position?(): number;
  /** indexed-repeat(${name}, ${repeat}, i, …): the value in the given instances (default: value(name)). */
  indexedRepeat?(name: string, path: readonly { readonly repeat: string; readonly index: number }[]): Value;
  /** version(): the form's version as text (default ''). */
  formVersion?(): string;
  /** uuid(): a new random identifier (default: crypto.randomUUID when the runtime has it). */
  uuid?(): string;
}

/** The evaluator, passed to function implementations so that they evaluate their own arguments (lazily when they like). */
export type Evaluate = (expr: Expr, ctx: EvalContext) => Value;
