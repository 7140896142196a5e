// A whole form's expressions, parsed once: their problems, their cycles, their evaluation order, and
// which of them an answer can change (so that an answer re-evaluates only what depends on it).
import type { Expr, ExprProblem } from './ast';
import { analyze, checkExpression } from './analyze';
import { parseExpression } from './parse';
import { cycleThrough, cyclicComponents } from './scc';

/** The expression columns of an XLSForm question, in the order they are listed. */
export const EXPRESSION_KINDS = ['relevant', 'required', 'readonly', 'constraint', 'calculate', 'choice_filter', 'default', 'repeat_count'] as const;
export type ExprKind = (typeof EXPRESSION_KINDS)[number];

/** One question or group as the graph needs it, in form order. */
export interface FormNode {
  readonly name: string;
  /** The enclosing group: a group's relevance is also its descendants'. */
  readonly parent?: string;
  readonly expressions?: Partial<Record<ExprKind, string>>;
}

/** One parsed expression of the form, with what it reads. */
export interface CompiledExpression {
  readonly question: string;
  readonly kind: ExprKind;
  readonly source: string;
  readonly expr: Expr;
  readonly refs: readonly string[];
  readonly usesCurrent: boolean;
  readonly volatile: boolean;
  /** Its place in the evaluation order: everything it depends on comes earlier. */
  readonly order: number;
}

/** A problem of one question's expression: the importer turns (question, kind) into a row and column. */
export interface FormExprProblem extends ExprProblem {
  readonly question: string;
  readonly kind: ExprKind;
}

/** The compiled expressions of a form. */
export interface FormExpressions {
  /** Every expression that parsed, in evaluation order (inputs before what reads them). */
  readonly expressions: readonly CompiledExpression[];
  readonly problems: readonly FormExprProblem[];
  /** Each cycle as its question names, in dependency order (a needs b needs a: ['a', 'b']). */
  readonly cycles: readonly (readonly string[])[];
  /** One question's expression of one kind. */
  of(question: string, kind: ExprKind): CompiledExpression | undefined;
  /**
   * The expressions to re-evaluate after these answers changed, in evaluation order: those that read
   * them, and, through calculations and relevance, those that read what those change. Defaults are
   * left out: like ODK, a default is evaluated once, when its question starts.
   */
  affected(changed: string | readonly string[]): CompiledExpression[];
}

/** What compileForm needs beyond the nodes. */
export interface CompileOptions {
  /** The choice columns (`name` included) a question's choice_filter may name; without it bare names are not checked. */
  readonly choiceColumns?: (question: string) => ReadonlySet<string> | undefined;
}

/** Kinds whose value becomes the question's effective value, which other expressions read. */
const PRODUCERS: ReadonlySet<ExprKind> = new Set(['calculate', 'relevant']);

/** Parses, checks and links every expression of a form. */
export function compileForm(nodes: readonly FormNode[], options: CompileOptions = {}): FormExpressions {
  const nameIndex = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!nameIndex.has(n.name)) nameIndex.set(n.name, i);
  });
  const known = new Set(nameIndex.keys());
  const problems: FormExprProblem[] = [];
  const parsed: Omit<CompiledExpression, 'order'>[] = [];
  nodes.forEach((node, position) => {
    const isEarlier = (name: string): boolean => (nameIndex.get(name) ?? Infinity) <= position;
    for (const kind of EXPRESSION_KINDS) {
      const source = node.expressions?.[kind];
      if (source === undefined || source.trim() === '') continue;
      const result = parseExpression(source);
      if (!result.ok) {
        for (const p of result.problems) problems.push({ ...p, question: node.name, kind });
        continue;
      }
      const found = checkExpression(result.expr, {
        known,
        // Calculations often sit at the top and read what comes later; elsewhere that is usually a slip.
        isEarlier: kind === 'calculate' ? undefined : isEarlier,
        fields: kind === 'choice_filter' ? (options.choiceColumns?.(node.name) ?? 'any') : undefined,
      });
      for (const p of found) problems.push({ ...p, question: node.name, kind });
      parsed.push({ question: node.name, kind, source, expr: result.expr, ...analyze(result.expr) });
    }
  });
  return link(nodes, nameIndex, parsed, problems);
}

function link(nodes: readonly FormNode[], nameIndex: ReadonlyMap<string, number>, parsed: readonly Omit<CompiledExpression, 'order'>[], problems: FormExprProblem[]): FormExpressions {
  const nameCount = nodes.length;
  const children: number[][] = Array.from({ length: nameCount }, () => []);
  nodes.forEach((n, i) => {
    const p = n.parent === undefined ? undefined : nameIndex.get(n.parent);
    if (p !== undefined && p !== i) children[p]!.push(i);
  });
  // readers[name]: the expressions that read that name's value.
  const readers: number[][] = Array.from({ length: nameCount }, () => []);
  parsed.forEach((e, id) => {
    const reads = new Set<number>();
    for (const r of e.refs) {
      const i = nameIndex.get(r);
      if (i !== undefined) reads.add(i);
    }
    // A constraint is checked again whenever its own answer changes, `.` or not.
    if (e.usesCurrent || e.kind === 'constraint') reads.add(nameIndex.get(e.question)!);
    for (const i of reads) readers[i]!.push(id);
  });
  // produces[expr]: the names whose effective value it changes (its question, and a group's descendants).
  const produces: number[][] = parsed.map((e) => (PRODUCERS.has(e.kind) ? withDescendants(nameIndex.get(e.question)!, children) : []));
  const successors: number[][] = produces.map((names) => [...new Set(names.flatMap((n) => readers[n]!))]);

  const order = evaluationOrder(parsed.length, successors);
  const compiled: CompiledExpression[] = parsed.map((e, id) => ({ ...e, order: order[id]! }));
  const sorted = [...compiled].sort((a, b) => a.order - b.order);
  const cycles = findCycles(compiled, successors, nodes, produces, problems);

  const byKey = new Map(compiled.map((e) => [`${e.question}\u0000${e.kind}`, e]));
  const exprMark = new Uint32Array(compiled.length);
  const nameMark = new Uint32Array(nameCount);
  let generation = 0;
  return {
    expressions: sorted,
    problems,
    cycles,
    of: (question, kind) => byKey.get(`${question}\u0000${kind}`),
    affected(changed) {
      generation++;
      const queue: number[] = [];
      for (const name of typeof changed === 'string' ? [changed] : changed) {
        const i = nameIndex.get(name);
        if (i !== undefined && nameMark[i] !== generation) {
          nameMark[i] = generation;
          queue.push(i);
        }
      }
      const out: CompiledExpression[] = [];
      for (let q = 0; q < queue.length; q++) {
        for (const id of readers[queue[q]!]!) {
          if (exprMark[id] === generation) continue;
          exprMark[id] = generation;
          const e = compiled[id]!;
          if (e.kind !== 'default') out.push(e);
          for (const n of produces[id]!) {
            if (nameMark[n] === generation) continue;
            nameMark[n] = generation;
            queue.push(n);
          }
        }
      }
      return out.sort((a, b) => a.order - b.order);
    },
  };
}

function withDescendants(root: number, children: readonly (readonly number[])[]): number[] {
  const seen = new Set([root]);
  for (const n of seen) for (const c of children[n]!) seen.add(c);
  return [...seen];
}

/** Kahn's algorithm, form order among equals; expressions caught in a cycle go last, in form order. */
function evaluationOrder(count: number, successors: readonly (readonly number[])[]): number[] {
  const indegree = new Int32Array(count);
  for (const succ of successors) for (const w of succ) indegree[w]!++;
  const queue: number[] = [];
  for (let i = 0; i < count; i++) if (indegree[i] === 0) queue.push(i);
  const order = new Array<number>(count).fill(-1);
  let next = 0;
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q]!;
    order[id] = next++;
    for (const w of successors[id]!) if (--indegree[w]! === 0) queue.push(w);
  }
  for (let i = 0; i < count; i++) if (order[i] === -1) order[i] = next++;
  return order;
}

function findCycles(compiled: readonly CompiledExpression[], successors: readonly (readonly number[])[], nodes: readonly FormNode[], produces: readonly (readonly number[])[], problems: FormExprProblem[]): string[][] {
  const cycles: string[][] = [];
  for (const component of cyclicComponents(compiled.length, (n) => successors[n]!)) {
    // Successors feed their readers; reversed, each expression reads the next one's question.
    const fed = cycleThrough(component[0]!, component, (n) => successors[n]!);
    const path = [fed[0]!, ...fed.slice(1).reverse()];
    const names = path.map((id) => compiled[id]!.question);
    cycles.push(names);
    const shown = [...names, names[0]!].map((n) => `\${${n}}`).join(' → ');
    path.forEach((id, k) => {
      const message = path.length === 1 ? `\${${names[0]}} depends on its own value` : `cycle: ${shown} (each depends on the next)`;
      const e = compiled[id]!;
      const nextId = path[(k + 1) % path.length]!;
      const span = spanOfRead(e, new Set(produces[nextId]!.map((n) => nodes[n]!.name)));
      problems.push({
        message,
        start: span.start,
        end: span.end,
        severity: 'error',
        question: e.question,
        kind: e.kind,
      });
    });
  }
  return cycles;
}

/** Where an expression reads one of these names (the whole expression when it reads it through `.`). */
function spanOfRead(e: CompiledExpression, names: ReadonlySet<string>): { start: number; end: number } {
  let found: { start: number; end: number } | undefined;
  const visit = (node: Expr): void => {
    if (found) return;
    if (node.kind === 'ref' && names.has(node.name)) found = node;
    else if (node.kind === 'binary') (visit(node.left), visit(node.right));
    else if (node.kind === 'negate') visit(node.operand);
    else if (node.kind === 'call') node.args.forEach(visit);
  };
  visit(e.expr);
  return found ?? { start: e.expr.start, end: e.expr.end };
}
