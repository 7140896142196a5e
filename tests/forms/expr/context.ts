// A test evaluation context: answers from a record, choice labels from a table, a fixed clock.
import type { EvalContext } from '../../../src/forms/expr/context';
import type { Value } from '../../../src/forms/expr/ast';
import { parseExpression } from '../../../src/forms/expr/parse';
import { evaluate } from '../../../src/forms/expr/evaluate';
import type { Expr } from '../../../src/forms/expr/ast';

/** 2024-03-15 10:30 local time: a Friday. */
export const NOW = new Date(2024, 2, 15, 10, 30, 0, 0);

/** A context over these answers; `.` is `current`, choice labels are "question/choice" unless given. */
export function contextOf(answers: Record<string, Value> = {}, extra: Partial<EvalContext> & { currentValue?: Value } = {}): EvalContext {
  const { currentValue, ...rest } = extra;
  return {
    value: (name) => answers[name] ?? '',
    current: () => currentValue ?? '',
    choiceLabel: (question, choice) => `${question}/${choice}`,
    now: () => NOW,
    ...rest,
  };
}

/** The tree of an expression that must parse. */
export function parsed(source: string): Expr {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(`${source}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.expr;
}

/** Parses and evaluates. */
export function run(source: string, answers: Record<string, Value> = {}, extra: Parameters<typeof contextOf>[1] = {}): Value {
  return evaluate(parsed(source), contextOf(answers, extra));
}

/** The tree as a compact S-expression: (+ 1 (* 2 3)), for precedence tables. */
export function sexpr(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return String(expr.value);
    case 'string':
      return JSON.stringify(expr.value);
    case 'ref':
      return `\${${expr.name}}`;
    case 'current':
      return '.';
    case 'parent':
      return '..';
    case 'field':
      return expr.name;
    case 'negate':
      return `(neg ${sexpr(expr.operand)})`;
    case 'binary':
      return `(${expr.op} ${sexpr(expr.left)} ${sexpr(expr.right)})`;
    case 'call':
      return `(${expr.name}${expr.args.map((a) => ` ${sexpr(a)}`).join('')})`;
  }
}
