// The typed tree of one XLSForm expression, its values, and the problems found in it.
// Pure data: shared by the app, the service worker and the server.

/** Binary operators, in XPath spelling. */
export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

/** Where a node sits in the source text: `start` inclusive, `end` exclusive, 0-based UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One node of an expression. Every node carries its span in the source text. */
export type Expr =
  | (Span & { readonly kind: 'number'; readonly value: number })
  | (Span & { readonly kind: 'string'; readonly value: string })
  /** `${name}`: another question's value. */
  | (Span & { readonly kind: 'ref'; readonly name: string })
  /** `.`: the current question's own value (constraints). */
  | (Span & { readonly kind: 'current' })
  /** `..`: the parent node; only as the argument of `position(..)`. */
  | (Span & { readonly kind: 'parent' })
  /** A bare name such as `state` in a choice_filter: a column of the choice being filtered. */
  | (Span & { readonly kind: 'field'; readonly name: string })
  | (Span & { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly kind: 'negate'; readonly operand: Expr })
  | (Span & { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] });

/** A list of values, as a reference into a repeat gives from outside it (issue 14). */
export interface NodeSet {
  readonly kind: 'nodeset';
  readonly items: readonly Value[];
}

/** What an expression evaluates to. An unanswered question is the empty string. */
export type Value = string | number | boolean | NodeSet;

/** A problem in an expression, as data: a sentence and the span it is about. */
export interface ExprProblem extends Span {
  readonly message: string;
  /** Errors refuse the form; warnings are shown but let it be published. */
  readonly severity: 'error' | 'warning';
}

/** A node-set of these values. */
export function nodeSet(items: readonly Value[]): NodeSet {
  return { kind: 'nodeset', items };
}

/** Whether a value is a node-set rather than a single value. */
export function isNodeSet(value: Value): value is NodeSet {
  return typeof value === 'object';
}

/** "column 12: expected ')'": a problem with its 1-based column in the expression. */
export function describeProblem(problem: Pick<ExprProblem, 'message' | 'start'>): string {
  return `column ${problem.start + 1}: ${problem.message}`;
}
