// A form's dependency graph: problems by question, cycles with their names, evaluation order, and
// incremental re-evaluation that touches only what depends on a changed answer.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../../src/forms/expr/ast';
import { evaluate } from '../../../src/forms/expr/evaluate';
import { compileForm, type CompiledExpression, type FormExpressions, type FormNode } from '../../../src/forms/expr/graph';
import { contextOf } from './context';

const label = (e: CompiledExpression): string => `${e.question}.${e.kind}`;

/** q0 answered, then c1 = ${q0} + 1, c2 = ${c1} + 1 … c{n-1}. */
function chain(n: number): FormNode[] {
  return Array.from({ length: n }, (_, i) => (i === 0 ? { name: 'q0' } : { name: `c${i}`, expressions: { calculate: `\${${i === 1 ? 'q0' : `c${i - 1}`}} + 1` } }));
}

describe('problems', () => {
  it('names the question and the column of each problem, with its position', () => {
    const graph = compileForm([
      { name: 'age', expressions: { constraint: '. >= 0 and . < 130', relevant: '${consent} = "yes"' } },
      { name: 'consent' },
      { name: 'bmi', expressions: { calculate: '${weight} div (${height} * ${height}' } },
      { name: 'note', expressions: { relevant: 'foo(${age})', readonly: 'true()' } },
      { name: 'district', expressions: { choice_filter: 'state = ${age} and zone = 1' } },
    ], { choiceColumns: () => new Set(['state']) });
    expect(graph.problems).toEqual([
      { question: 'age', kind: 'relevant', message: '${consent} is answered later in the form', start: 0, end: 10, severity: 'warning' },
      { question: 'bmi', kind: 'calculate', message: 'expected `)` to close the `(` at column 15, found the end of the expression', start: 36, end: 37, severity: 'error' },
      { question: 'note', kind: 'relevant', message: 'unknown function foo()', start: 0, end: 3, severity: 'error' },
      { question: 'district', kind: 'choice_filter', message: "`zone` is not a column of the choices sheet, so it reads as empty (for the text, write 'zone')", start: 19, end: 23, severity: 'warning' },
    ]);
    // What did not parse stays out of the graph; the rest is there.
    expect(graph.of('bmi', 'calculate')).toBeUndefined();
    expect(graph.of('age', 'constraint')?.source).toBe('. >= 0 and . < 130');
    expect(graph.expressions.map(label).sort()).toEqual(['age.constraint', 'age.relevant', 'district.choice_filter', 'note.readonly']);
  });

  it('empty expression cells are no expressions', () => {
    const graph = compileForm([{ name: 'a', expressions: { relevant: '  ', calculate: '' } }]);
    expect(graph.expressions).toEqual([]);
    expect(graph.problems).toEqual([]);
  });
});

describe('cycles', () => {
  it('reports a cycle with the names in it, on each expression of the cycle, at the reference that closes it', () => {
    const graph = compileForm([
      { name: 'a', expressions: { calculate: '${c} + 1' } },
      { name: 'b', expressions: { calculate: '${a} * 2' } },
      { name: 'c', expressions: { calculate: 'if(${x} > 0, ${b}, 0)' } },
      { name: 'x' },
      { name: 'ok', expressions: { calculate: '${a} + ${x}' } },
    ]);
    expect(graph.cycles).toEqual([['a', 'c', 'b']]);
    const message = 'cycle: ${a} → ${c} → ${b} → ${a} (each depends on the next)';
    expect(graph.problems).toEqual([
      { question: 'a', kind: 'calculate', message, start: 0, end: 4, severity: 'error' },
      { question: 'c', kind: 'calculate', message, start: 13, end: 17, severity: 'error' },
      { question: 'b', kind: 'calculate', message, start: 0, end: 4, severity: 'error' },
    ]);
  });

  it.each<[string, FormNode[], string[][]]>([
    ['a calculation reading itself', [{ name: 'a', expressions: { calculate: '${a} + 1' } }], [['a']]],
    ['a calculation reading `.`', [{ name: 'a', expressions: { calculate: '. + 1' } }], [['a']]],
    ['relevance conditions on each other', [{ name: 'a', expressions: { relevant: '${b} = 1' } }, { name: 'b', expressions: { relevant: '${a} = 1' } }], [['a', 'b']]],
    ['a group whose relevance reads a question inside it', [{ name: 'g', expressions: { relevant: '${inside} = 1' } }, { name: 'inside', parent: 'g' }], [['g']]],
    ['a calculation and a relevance', [{ name: 'a', expressions: { calculate: '${b}' } }, { name: 'b', expressions: { relevant: '${a} > 1' } }], [['a', 'b']]],
    ['two separate cycles', [{ name: 'a', expressions: { calculate: '${b}' } }, { name: 'b', expressions: { calculate: '${a}' } }, { name: 'c', expressions: { calculate: '${c}' } }], [['a', 'b'], ['c']]],
  ])('%s', (_name, nodes, cycles) => {
    const graph = compileForm(nodes);
    expect([...graph.cycles].sort()).toEqual(cycles);
    const errors = graph.problems.filter((p) => p.severity === 'error');
    expect(errors.every((p) => p.message.startsWith('cycle: ') || p.message.endsWith('depends on its own value'))).toBe(true);
    expect(errors.length).toBe(cycles.flat().length);
  });

  it.each<[string, FormNode[]]>([
    ['a diamond', [{ name: 'a' }, { name: 'b', expressions: { calculate: '${a}' } }, { name: 'c', expressions: { calculate: '${a}' } }, { name: 'd', expressions: { calculate: '${b} + ${c}' } }]],
    ['a constraint reading its own and later answers', [{ name: 'a', expressions: { constraint: '. < ${b}' } }, { name: 'b', expressions: { constraint: '. > ${a}' } }]],
    ['once() of the own value', [{ name: 'start', expressions: { calculate: 'once(now())' } }]],
    ['a required and read_only on each other', [{ name: 'a', expressions: { required: '${b} = 1' } }, { name: 'b', expressions: { readonly: '${a} = 1' } }]],
  ])('no cycle in %s', (_name, nodes) => {
    const graph = compileForm(nodes);
    expect(graph.cycles).toEqual([]);
    // Reading a later answer is only a warning.
    expect(graph.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('finds a cycle at the end of a 5,000-link chain without exhausting the stack', () => {
    const nodes = chain(5000);
    nodes[0] = { name: 'q0', expressions: { calculate: '${c4999} + 1' } };
    expect(compileForm(nodes).cycles[0]?.length).toBe(5000);
  });
});

describe('evaluation order', () => {
  function expectInputsFirst(graph: FormExpressions): void {
    const position = new Map(graph.expressions.map((e, i) => [e, i]));
    graph.expressions.forEach((e, i) => expect(e.order).toBe(i));
    for (const reader of graph.expressions) {
      for (const ref of reader.refs) {
        for (const kind of ['calculate', 'relevant'] as const) {
          const producer = graph.of(ref, kind);
          if (producer && producer !== reader) expect(position.get(producer)!).toBeLessThan(position.get(reader)!);
        }
      }
    }
  }

  it('puts every calculation and relevance before what reads it, whatever the form order', () => {
    const graph = compileForm([
      { name: 'total', expressions: { calculate: '${x} + ${y}', relevant: '${show} = "yes"' } },
      { name: 'x', expressions: { calculate: '${a} * 2' } },
      { name: 'y', expressions: { calculate: '${x} + 1' } },
      { name: 'a' },
      { name: 'show' },
      { name: 'check', expressions: { constraint: '. <= ${total}', relevant: '${total} > 0' } },
    ]);
    expectInputsFirst(graph);
    expect(graph.expressions.map(label)).toEqual(['total.relevant', 'x.calculate', 'y.calculate', 'total.calculate', 'check.relevant', 'check.constraint']);
  });

  it('keeps a 1,000-link chain in dependency order', () => {
    const nodes = chain(1000).reverse();
    const graph = compileForm(nodes);
    expectInputsFirst(graph);
    expect(graph.expressions[0]?.question).toBe('c1');
  });
});

describe('incremental re-evaluation', () => {
  it('an answer at the head of a 1,000-question chain re-evaluates the 999 calculations, in order', () => {
    const graph = compileForm(chain(1000));
    const affected = graph.affected('q0');
    expect(affected.map((e) => e.question)).toEqual(Array.from({ length: 999 }, (_, i) => `c${i + 1}`));
  });

  it('a change in the middle of the chain re-evaluates only what is downstream', () => {
    const graph = compileForm(chain(1000));
    expect(graph.affected('c500').map((e) => e.question)).toEqual(Array.from({ length: 499 }, (_, i) => `c${i + 501}`));
    expect(graph.affected('c999')).toEqual([]);
    expect(graph.affected('unknown')).toEqual([]);
  });

  it('in a fan-out of 1,000 relevance conditions, the hub touches all and a leaf only its own readers', () => {
    const nodes: FormNode[] = [{ name: 'hub' }];
    for (let i = 0; i < 1000; i++) nodes.push({ name: `q${i}`, expressions: { relevant: `\${hub} = ${i % 7}` } });
    nodes.push({ name: 'follow', expressions: { relevant: "${q3} != ''" } });
    const graph = compileForm(nodes);
    expect(graph.affected('hub').length).toBe(1001);
    expect(graph.affected('q3').map(label)).toEqual(['follow.relevant']);
    expect(graph.affected('q4')).toEqual([]);
  });

  it('a group relevance reaches what reads the questions inside it', () => {
    const graph = compileForm([
      { name: 'consent' },
      { name: 'g', expressions: { relevant: '${consent} = "yes"' } },
      { name: 'inner', parent: 'g' },
      { name: 'deeper', parent: 'inner' },
      { name: 'uses_inner', expressions: { calculate: '${deeper} + 1' } },
      { name: 'unrelated', expressions: { relevant: '${other} = 1' } },
      { name: 'other' },
    ]);
    expect(graph.affected('consent').map(label)).toEqual(['g.relevant', 'uses_inner.calculate']);
  });

  it('re-checks a constraint when its own answer changes, and leaves defaults out', () => {
    const graph = compileForm([
      { name: 'a', expressions: { constraint: '${b} > 0' } },
      { name: 'b', expressions: { default: '${a}' } },
    ]);
    expect(graph.affected('a').map(label)).toEqual(['a.constraint']);
    expect(graph.affected('b').map(label)).toEqual(['a.constraint']);
    expect(graph.expressions.map(label)).toEqual(['a.constraint', 'b.default']);
  });

  it('takes several changed answers at once, each expression once', () => {
    const graph = compileForm([{ name: 'a' }, { name: 'b' }, { name: 'sum', expressions: { calculate: '${a} + ${b}' } }]);
    expect(graph.affected(['a', 'b', 'a']).map(label)).toEqual(['sum.calculate']);
  });

  it('gives the same values as evaluating everything, while evaluating only the dependents', () => {
    // 300 answered questions; 700 calculations and relevance conditions reading earlier ones.
    const nodes: FormNode[] = [];
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 1000; i++) {
      if (i < 300) nodes.push({ name: `n${i}` });
      else {
        const [x, y] = [`n${rand(i)}`, `n${rand(i)}`];
        nodes.push({ name: `n${i}`, expressions: i % 3 === 0 ? { relevant: `\${${x}} > 50` } : { calculate: `\${${x}} + \${${y}} mod 10` } });
      }
    }
    const graph = compileForm(nodes);
    expect(graph.problems).toEqual([]);
    const values: Record<string, Value> = {};
    for (let i = 0; i < 300; i++) values[`n${i}`] = String(i % 100);
    const relevant = new Map<string, boolean>();
    let evaluations = 0;
    const ctx = contextOf(values);
    const apply = (list: readonly CompiledExpression[]): void => {
      for (const e of list) {
        evaluations++;
        const v = evaluate(e.expr, ctx);
        if (e.kind === 'calculate') values[e.question] = v;
        else relevant.set(e.question, v === true);
      }
    };
    apply(graph.expressions);

    values.n5 = '77';
    evaluations = 0;
    const affected = graph.affected('n5');
    apply(affected);
    expect(evaluations).toBe(affected.length);
    expect(evaluations).toBeLessThan(graph.expressions.length / 2);

    const incremental = { ...values };
    const incrementalRelevant = new Map(relevant);
    apply(graph.expressions);
    expect(incremental).toEqual(values);
    expect(incrementalRelevant).toEqual(relevant);
  });
});
