// ODK's math functions (ODK XForms spec, "Math"): real forms compute areas, volumes and biomass with them.
import type { Expr } from './ast';
import type { EvalContext, Evaluate } from './context';
import { toNumber } from './convert';
import type { FunctionSpec } from './functions';

const unary = (f: (x: number) => number): FunctionSpec => ({
  min: 1,
  max: 1,
  call: (args: readonly Expr[], ctx: EvalContext, ev: Evaluate) => f(toNumber(ev(args[0]!, ctx))),
});

/** sin … log10, atan2 and pi(), on numbers (NaN in, NaN out). */
export const MATH_FUNCTIONS: Record<string, FunctionSpec> = {
  sin: unary(Math.sin),
  cos: unary(Math.cos),
  tan: unary(Math.tan),
  asin: unary(Math.asin),
  acos: unary(Math.acos),
  atan: unary(Math.atan),
  sqrt: unary(Math.sqrt),
  exp: unary(Math.exp),
  exp10: unary((x) => Math.pow(10, x)),
  log: unary(Math.log),
  log10: unary(Math.log10),
  atan2: { min: 2, max: 2, call: (args, ctx, ev) => Math.atan2(toNumber(ev(args[0]!, ctx)), toNumber(ev(args[1]!, ctx))) },
  pi: { min: 0, max: 0, call: () => Math.PI },
};
