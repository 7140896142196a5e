// The functions an expression may call: how many arguments each takes, and what it does.
import type { Expr, Value } from './ast';
import type { EvalContext, Evaluate } from './context';
import { CORE_FUNCTIONS } from './functions-core';
import { DATE_FUNCTIONS } from './functions-date';
import { MATH_FUNCTIONS } from './functions-math';
import { ODK_FUNCTIONS } from './functions-odk';

/** One function: its argument counts and its implementation, which evaluates its own arguments. */
export interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  /** Only an odd number of arguments (indexed-repeat). */
  readonly odd?: boolean;
  /** Only an even number of arguments (weighted-checklist: bounds, then factor and weight pairs). */
  readonly even?: boolean;
  /** Its result changes with no answer changing (now(), uuid() …): the dependency graph cannot tell when. */
  readonly volatile?: boolean;
  /** Which arguments must be `${name}` references, given the count. */
  readonly refArgs?: (count: number) => readonly number[];
  readonly call: (args: readonly Expr[], ctx: EvalContext, ev: Evaluate) => Value;
}

/** Every function by its XPath name, as the parser and the evaluator know them. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(Object.entries({ ...CORE_FUNCTIONS, ...DATE_FUNCTIONS, ...MATH_FUNCTIONS, ...ODK_FUNCTIONS }));

/** "2 arguments", "1 or 2 arguments", "at least 1 argument" … for error messages. */
export function arityText(spec: Pick<FunctionSpec, 'min' | 'max' | 'odd' | 'even'>): string {
  const noun = (n: number): string => (n === 1 ? 'argument' : 'arguments');
  if (spec.odd) return `an odd number of arguments, at least ${spec.min}`;
  if (spec.even) return `an even number of arguments, at least ${spec.min}`;
  if (spec.min === spec.max) return spec.min === 0 ? 'no arguments' : `${spec.min} ${noun(spec.min)}`;
  if (spec.max === Infinity) return `at least ${spec.min} ${noun(spec.min)}`;
  if (spec.max === spec.min + 1) return `${spec.min} or ${spec.max} ${noun(spec.max)}`;
  return `${spec.min} to ${spec.max} arguments`;
}
