// Recursive descent over XPath 1.0's expression grammar, the subset XLSForm uses (see docs/expressions.md).
import type { BinaryOp, Expr, ExprProblem } from './ast';
import { arityText, FUNCTIONS } from './functions';
import { tokenize, type Token } from './tokens';

/** A parsed expression, or every problem found (the first syntax error, plus all function problems). */
export type ParseResult = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly problems: readonly ExprProblem[] };

/** Deeper nesting than this is a mistake, and would only exhaust the stack. */
const MAX_DEPTH = 100;
/** A tree deeper than this (a sum of 1,000 terms is one level per term) could exhaust the evaluator's stack. */
const MAX_TREE_DEPTH = 1000;

/** Levels of binary operators, loosest first; all left-associative (XPath 1.0, 3.4 to 3.5). */
const LEVELS: readonly (readonly BinaryOp[])[] = [['or'], ['and'], ['=', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', 'div', 'mod']];

class SyntaxProblem extends Error {
  constructor(readonly problem: ExprProblem) {
    super(problem.message);
  }
}

function shown(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `the text ${JSON.stringify(token.text)}`;
    case 'ref':
      return `\${${token.text}}`;
    default:
      return `\`${token.text}\``;
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly problems: ExprProblem[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    // The tokenizer always ends with eof, and parsing never moves past it.
    return this.tokens[this.pos] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.pos++;
    return token;
  }

  private fail(message: string, token: Token): never {
    throw new SyntaxProblem({ message, start: token.start, end: Math.max(token.end, token.start + 1), severity: 'error' });
  }

  whole(): Expr {
    if (this.peek().type === 'eof') this.fail('the expression is empty', this.peek());
    const expr = this.binary(0);
    const rest = this.peek();
    if (rest.type !== 'eof') {
      const what = rest.type === ')' ? 'a `)` with no `(` before it' : shown(rest);
      this.fail(`expected an operator or the end, found ${what}`, rest);
    }
    return expr;
  }

  private binary(level: number): Expr {
    const ops = LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.type !== 'op' || !(ops as readonly string[]).includes(token.text)) return left;
      this.next();
      if (this.peek().type === 'eof') this.fail(`\`${token.text}\` needs a value after it`, token);
      const right = this.binary(level + 1);
      left = { kind: 'binary', op: token.text as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.type === 'op' && token.text === '-') {
      this.next();
      const operand = this.nested(() => this.unary());
      return { kind: 'negate', operand, start: token.start, end: operand.end };
    }
    return this.primary();
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail('the expression is nested too deeply', this.peek());
    const result = read();
    this.depth--;
    return result;
  }

  private primary(): Expr {
    const token = this.next();
    const { start, end } = token;
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: Number(token.text), start, end };
      case 'string':
        return { kind: 'string', value: token.text, start, end };
      case 'ref':
        return { kind: 'ref', name: token.text, start, end };
      case '.':
        return { kind: 'current', start, end };
      case '..':
        this.fail('`..` is only supported as position(..)', token);
      case '(': {
        const inner = this.nested(() => this.binary(0));
        this.expect(')', token);
        return inner;
      }
      case 'name':
        return this.peek().type === '(' ? this.call(token) : { kind: 'field', name: token.text, start, end };
      case 'eof':
        this.fail('the expression ends too early: a value is missing', token);
      case 'op':
        this.fail(`expected a value before \`${token.text}\``, token);
      case ')':
        this.fail('expected a value before `)`', token);
      case ',':
        this.fail('`,` outside a function call', token);
    }
  }

  private expect(type: ')', opening: Token): void {
    const token = this.peek();
    if (token.type === type) {
      this.next();
      return;
    }
    this.fail(`expected \`)\` to close the \`(\` at column ${opening.start + 1}, found ${shown(token)}`, token);
  }

  private call(name: Token): Expr {
    const open = this.next();
    const args: Expr[] = [];
    if (this.peek().type !== ')') {
      for (;;) {
        const token = this.peek();
        if (token.type === '..' && name.text === 'position') {
          this.next();
          args.push({ kind: 'parent', start: token.start, end: token.end });
        } else {
          if (token.type === ',' || token.type === ')') this.fail(`expected an argument of ${name.text}() before ${shown(token)}`, token);
          args.push(this.nested(() => this.binary(0)));
        }
        if (this.peek().type !== ',') break;
        this.next();
      }
    }
    const close = this.peek();
    this.expect(')', open);
    const call: Expr = { kind: 'call', name: name.text, args, start: name.start, end: close.end };
    this.checkCall(call, name);
    return call;
  }

  /** Unknown functions and wrong argument counts are collected, not thrown: a form lists all of them. */
  private checkCall(call: Expr & { kind: 'call' }, name: Token): void {
    const spec = FUNCTIONS.get(call.name);
    const at = { start: name.start, end: name.end, severity: 'error' as const };
    if (!spec) {
      const lower = call.name.toLowerCase();
      const hint = lower !== call.name && FUNCTIONS.has(lower) ? `: did you mean ${lower}()?` : '';
      this.problems.push({ ...at, message: `unknown function ${call.name}()${hint}` });
      return;
    }
    const n = call.args.length;
    if (n < spec.min || n > spec.max || (spec.odd && n % 2 === 0) || (spec.even && n % 2 === 1)) {
      this.problems.push({ ...at, start: call.start, end: call.end, message: `${call.name}() takes ${arityText(spec)}, not ${n}` });
      return;
    }
    for (const i of spec.refArgs?.(n) ?? []) {
      const arg = call.args[i];
      if (arg && arg.kind !== 'ref') this.problems.push({ ...at, start: arg.start, end: arg.end, message: `argument ${i + 1} of ${call.name}() must be a reference like \${name}` });
    }
  }
}

/** Parses one expression into its tree, or returns its problems with their positions. */
export function parseExpression(source: string): ParseResult {
  const tokens = tokenize(source);
  if (!tokens.ok) return { ok: false, problems: [tokens.problem] };
  const parser = new Parser(tokens.tokens);
  try {
    const expr = parser.whole();
    const deepest = nodeDeeperThan(expr, MAX_TREE_DEPTH);
    if (deepest) parser.problems.push({ message: `the expression is too long: more than ${MAX_TREE_DEPTH} operations in a row`, start: deepest.start, end: deepest.end, severity: 'error' });
    return parser.problems.length > 0 ? { ok: false, problems: parser.problems } : { ok: true, expr };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, problems: [...parser.problems, e.problem] };
    throw e;
  }
}

/** The first node found below `limit` levels, walked without recursion; undefined when the tree is shallower. */
function nodeDeeperThan(root: Expr, limit: number): Expr | undefined {
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return node;
    if (node.kind === 'binary') stack.push([node.right, depth + 1], [node.left, depth + 1]);
    else if (node.kind === 'negate') stack.push([node.operand, depth + 1]);
    else if (node.kind === 'call') for (const a of node.args) stack.push([a, depth + 1]);
  }
  return undefined;
}
