// What an expression refers to, and what is wrong with those references, found without running it.
import type { Expr, ExprProblem } from './ast';
import { choiceNameTarget } from './functions-core';
import { FUNCTIONS } from './functions';
import { DIGEST_ALGORITHMS, DIGEST_ENCODINGS, UNSUPPORTED_DIGESTS } from './digest';
import { regexProblem } from './regex';

/** What an expression reads. */
export interface Analysis {
  /** Question names in `${…}` (and jr:choice-name's quoted question), each once, in order of appearance. */
  readonly refs: readonly string[];
  /** Bare names: choice columns in a choice_filter. */
  readonly fields: readonly string[];
  /** Whether it reads `.`, the current question's value. */
  readonly usesCurrent: boolean;
  /** Whether it calls a function whose result changes with no answer changing (today(), now(), uuid(), random()). */
  readonly volatile: boolean;
}

/** Calls `visit` on every node of the tree, parents first. */
export function walk(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  switch (expr.kind) {
    case 'binary':
      walk(expr.left, visit);
      walk(expr.right, visit);
      break;
    case 'negate':
      walk(expr.operand, visit);
      break;
    case 'call':
      for (const a of expr.args) walk(a, visit);
      break;
  }
}

/** The quoted question of jr:choice-name(value, '${q}'), with the span of the quoted text. */
function choiceNameRef(node: Expr): { name: string; start: number; end: number } | undefined {
  if (node.kind !== 'call' || node.name !== 'jr:choice-name') return undefined;
  const second = node.args[1];
  if (second?.kind !== 'string') return undefined;
  const name = choiceNameTarget(second.value);
  return name === undefined ? undefined : { name, start: second.start, end: second.end };
}

/** The names, fields and special reads of an expression. */
export function analyze(expr: Expr): Analysis {
  const refs = new Set<string>();
  const fields = new Set<string>();
  let usesCurrent = false;
  let volatile = false;
  walk(expr, (node) => {
    if (node.kind === 'ref') refs.add(node.name);
    else if (node.kind === 'field') fields.add(node.name);
    else if (node.kind === 'current') usesCurrent = true;
    else if (node.kind === 'call') {
      if (FUNCTIONS.get(node.name)?.volatile) volatile = true;
      const quoted = choiceNameRef(node);
      if (quoted) refs.add(quoted.name);
    }
  });
  return { refs: [...refs], fields: [...fields], usesCurrent, volatile };
}

/** What the checker knows about the form around an expression. */
export interface CheckOptions {
  /** Every question (and group) name of the form. */
  readonly known: ReadonlySet<string>;
  /** Whether a name comes before (or is) this expression's question; a reference to a later one is a warning. */
  readonly isEarlier?: (name: string) => boolean;
  /** For a choice_filter: the columns of the choices sheet ('any' when unknown); bare names anywhere else are errors. */
  readonly fields?: ReadonlySet<string> | 'any';
  /** Whether `.` may be used (default true). */
  readonly allowCurrent?: boolean;
}

/** A name that differs only in case, to suggest. */
function sameButCase(name: string, known: ReadonlySet<string>): string | undefined {
  const lower = name.toLowerCase();
  for (const k of known) if (k.toLowerCase() === lower) return k;
  return undefined;
}

/** Unknown and later references, stray bare names, misplaced `.`, invalid literal regex patterns and digest() algorithms, with positions. */
export function checkExpression(expr: Expr, options: CheckOptions): ExprProblem[] {
  const problems: ExprProblem[] = [];
  const error = (message: string, at: { start: number; end: number }): void => {
    problems.push({ message, start: at.start, end: at.end, severity: 'error' });
  };
  const checkRef = (name: string, at: { start: number; end: number }): void => {
    if (!options.known.has(name)) {
      const other = sameButCase(name, options.known);
      error(`\${${name}} is not a question of this form${other ? `: did you mean \${${other}}?` : ''}`, at);
    } else if (options.isEarlier && !options.isEarlier(name)) {
      problems.push({ message: `\${${name}} is answered later in the form`, start: at.start, end: at.end, severity: 'warning' });
    }
  };
  walk(expr, (node) => {
    switch (node.kind) {
      case 'ref':
        checkRef(node.name, node);
        break;
      case 'field':
        if (!options.fields) error(`\`${node.name}\` is not understood: write \${${node.name}} for a question, or '${node.name}' for a text`, node);
        // As in ODK, a column the choices sheet lacks reads as empty: a warning, since the form still works as written.
        else if (options.fields !== 'any' && !options.fields.has(node.name)) {
          problems.push({ message: `\`${node.name}\` is not a column of the choices sheet, so it reads as empty (for the text, write '${node.name}')`, start: node.start, end: node.end, severity: 'warning' });
        }
        break;
      case 'current':
        if (options.allowCurrent === false) error('`.` (this question\'s own value) is only for constraints', node);
        break;
      case 'call':
        checkCall(node, checkRef, error);
        break;
    }
  });
  return problems;
}

type At = { start: number; end: number };

function checkCall(node: Expr & { kind: 'call' }, checkRef: (name: string, at: At) => void, error: (message: string, at: At) => void): void {
  if (node.name === 'jr:choice-name') {
    const quoted = choiceNameRef(node);
    const second = node.args[1];
    if (quoted) checkRef(quoted.name, quoted);
    else if (second) error("the second argument of jr:choice-name() is the question in quotes, like '${name}'", second);
  } else if (node.name === 'regex') {
    const pattern = node.args[1];
    const why = pattern?.kind === 'string' ? regexProblem(pattern.value) : undefined;
    if (pattern && why !== undefined) error(`invalid regular expression: ${why}`, pattern);
  } else if (node.name === 'digest') {
    const [, algorithm, encoding] = node.args;
    const why = algorithm?.kind === 'string' ? digestAlgorithmProblem(algorithm.value.trim()) : undefined;
    if (algorithm && why !== undefined) error(why, algorithm);
    if (encoding?.kind === 'string' && !(DIGEST_ENCODINGS as readonly string[]).includes(encoding.value.trim())) {
      error(`digest() writes its result as 'base64' or 'hex', not '${encoding.value}'`, encoding);
    }
  }
}

/** Why a literal digest() algorithm cannot be computed, or undefined when it can. */
function digestAlgorithmProblem(name: string): string | undefined {
  if ((DIGEST_ALGORITHMS as readonly string[]).includes(name)) return undefined;
  const known = DIGEST_ALGORITHMS.join(', ');
  if ((UNSUPPORTED_DIGESTS as readonly string[]).includes(name)) return `digest() computes ${known} here; ${name} is not supported`;
  return `digest() knows the algorithms ${known}, not '${name}'`;
}
