// Evaluates a parsed expression against a context: pure, and allocation-light on the hot path.
import type { Expr, Value } from './ast';
import type { EvalContext } from './context';
import { compare, equals, toBoolean, toNumber } from './convert';
import { FUNCTIONS } from './functions';

/** The value of an expression (XPath 1.0 with JavaRosa's conversions; see docs/expressions.md). */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'ref':
      return ctx.value(expr.name);
    case 'current':
      return ctx.current();
    case 'parent':
      // Only reached inside position(..), which asks the context instead.
      return '';
    case 'field':
      return ctx.field ? ctx.field(expr.name) : '';
    case 'negate':
      return -toNumber(evaluate(expr.operand, ctx));
    case 'call': {
      const spec = FUNCTIONS.get(expr.name);
      // parseExpression refuses unknown functions; only a hand-built tree gets here.
      if (!spec) throw new Error(`unknown function ${expr.name}()`);
      return spec.call(expr.args, ctx, evaluate);
    }
    case 'binary':
      return binary(expr, ctx);
  }
}

function binary(expr: Expr & { kind: 'binary' }, ctx: EvalContext): Value {
  const { op } = expr;
  // `and` and `or` stop early, as XPath says (the right side is not evaluated).
  if (op === 'and') return toBoolean(evaluate(expr.left, ctx)) && toBoolean(evaluate(expr.right, ctx));
  if (op === 'or') return toBoolean(evaluate(expr.left, ctx)) || toBoolean(evaluate(expr.right, ctx));
  const left = evaluate(expr.left, ctx);
  const right = evaluate(expr.right, ctx);
  switch (op) {
    case '=':
      return equals(left, right, false);
    case '!=':
      return equals(left, right, true);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, left, right);
    case '+':
      return toNumber(left) + toNumber(right);
    case '-':
      return toNumber(left) - toNumber(right);
    case '*':
      return toNumber(left) * toNumber(right);
    case 'div':
      return toNumber(left) / toNumber(right);
    case 'mod':
      return toNumber(left) % toNumber(right);
  }
}

/** An expression's value as a boolean (relevant, constraint, required, read_only, choice_filter). */
export function evaluateBoolean(expr: Expr, ctx: EvalContext): boolean {
  return toBoolean(evaluate(expr, ctx));
}
