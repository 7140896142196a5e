// The parser from tables: precedence and associativity, node positions, and every error with its position.
import { describe, expect, it } from 'vitest';
import { describeProblem, type Expr } from '../../../src/forms/expr/ast';
import { walk } from '../../../src/forms/expr/analyze';
import { parseExpression } from '../../../src/forms/expr/parse';
import { evaluate } from '../../../src/forms/expr/evaluate';
import { contextOf, parsed, sexpr } from './context';

describe('precedence and associativity (XPath 1.0)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['10 - 4 - 3', '(- (- 10 4) 3)'],
    ['8 div 4 div 2', '(div (div 8 4) 2)'],
    ['7 mod 4 * 2', '(* (mod 7 4) 2)'],
    ['-2 * 3', '(* (neg 2) 3)'],
    ['- - 2', '(neg (neg 2))'],
    ['2 - -3', '(- 2 (neg 3))'],
    ['-${a} + 1', '(+ (neg ${a}) 1)'],
    ['1 < 2 = 3 > 4', '(= (< 1 2) (> 3 4))'],
    ['1 = 2 != 3', '(!= (= 1 2) 3)'],
    ['1 <= 2 >= 3', '(>= (<= 1 2) 3)'],
    ['${a} = 1 or ${b} = 2 and ${c} = 3', '(or (= ${a} 1) (and (= ${b} 2) (= ${c} 3)))'],
    ['${a} or ${b} or ${c}', '(or (or ${a} ${b}) ${c})'],
    ['(${a} or ${b}) and ${c}', '(and (or ${a} ${b}) ${c})'],
    ['1 + 2 < 4', '(< (+ 1 2) 4)'],
    ['not(${a}) and true()', '(and (not ${a}) (true))'],
    ['${a}-1', '(- ${a} 1)'],
    ['${a}div${b}', '(div ${a} ${b})'],
    ['. >= 18 and . <= 99', '(and (>= . 18) (<= . 99))'],
    ["selected(${m}, 'x') or count-selected(${m}) > 2", '(or (selected ${m} "x") (> (count-selected ${m}) 2))'],
    ["jr:choice-name(${q}, '${q}')", '(jr:choice-name ${q} "${q}")'],
    ['if(${a} > 1, "big", \'small\')', '(if (> ${a} 1) "big" "small")'],
    ['concat()', '(concat)'],
    ['position(..)', '(position ..)'],
    ['state = ${state}', '(= state ${state})'],
    // A word after a value is an operator; before a value it is a name (XPath 1.0, 3.7).
    ['div = 1', '(= div 1)'],
    ['.5 + 1.', '(+ 0.5 1)'],
    ['  1  ', '1'],
    ['1\u00A0+\u00A02', '(+ 1 2)'],
  ])('%s', (source, tree) => {
    expect(sexpr(parsed(source))).toBe(tree);
  });
});

describe('node positions', () => {
  it('every node carries the span of its source text', () => {
    const source = "if(${age} >= 18, concat('a', .), -${n} div 2)";
    const spans: string[] = [];
    walk(parsed(source), (node: Expr) => spans.push(`${node.kind}:${source.slice(node.start, node.end)}`));
    expect(spans).toEqual([
      "call:if(${age} >= 18, concat('a', .), -${n} div 2)",
      'binary:${age} >= 18',
      'ref:${age}',
      'number:18',
      "call:concat('a', .)",
      "string:'a'",
      'current:.',
      'binary:-${n} div 2',
      'negate:-${n}',
      'ref:${n}',
      'number:2',
    ]);
  });

  it('literal values are read', () => {
    expect(parsed('"it\'s"')).toMatchObject({ kind: 'string', value: "it's" });
    expect(parsed("'say \"hi\"'")).toMatchObject({ kind: 'string', value: 'say "hi"' });
    expect(parsed('007.50')).toMatchObject({ kind: 'number', value: 7.5 });
    expect(parsed('${ name }')).toMatchObject({ kind: 'ref', name: 'name' });
    expect(parsed('${prénom_2}')).toMatchObject({ kind: 'ref', name: 'prénom_2' });
  });
});

describe('errors, with their positions', () => {
  it.each<[string, string, number, number]>([
    ['', 'the expression is empty', 0, 1],
    ['   ', 'the expression is empty', 3, 4],
    ['(1 + 2', 'expected `)` to close the `(` at column 1, found the end of the expression', 6, 7],
    ['concat(1, 2', 'expected `)` to close the `(` at column 7, found the end of the expression', 11, 12],
    ['if(1, 2 3)', 'expected `)` to close the `(` at column 3, found `3`', 8, 9],
    ['1 + 2)', 'expected an operator or the end, found a `)` with no `(` before it', 5, 6],
    ['${a} ${b}', 'expected an operator or the end, found ${b}', 5, 9],
    ['1 +', '`+` needs a value after it', 2, 3],
    ['${a} and', '`and` needs a value after it', 5, 8],
    ['* 2', 'expected a value before `*`', 0, 1],
    ['1 + * 2', 'expected a value before `*`', 4, 5],
    ['()', 'expected a value before `)`', 1, 2],
    ['concat(1,)', 'expected an argument of concat() before `)`', 9, 10],
    ['concat(,1)', 'expected an argument of concat() before `,`', 7, 8],
    ['1, 2', 'expected an operator or the end, found `,`', 1, 2],
    ['-', 'the expression ends too early: a value is missing', 1, 2],
    ['${a', '`${` has no closing `}`', 0, 3],
    ['${}', 'empty reference `${}`: put a question name inside', 0, 3],
    ['${1abc}', '`1abc` is not a valid question name', 0, 7],
    ['${a b}', '`a b` is not a valid question name', 0, 6],
    ['${q#last-saved}', '`${q#last-saved}`: references to last-saved values are not supported', 0, 15],
    ['$age > 3', '`$` must start a reference: write ${age} to refer to a question', 0, 4],
    ["'abc", "text starting with ' has no closing '", 0, 4],
    ['concat("a, 1)', 'text starting with " has no closing "', 7, 13],
    ['. = \u2018yes\u2019', "curly quote \u2018: use a straight quote ' or \"", 4, 5],
    ['${a} == 1', '`==` is not XPath: use `=`', 5, 7],
    ['${a} ! 1', '`!` alone is not XPath: use `!=` or not(...)', 5, 6],
    ['${a} <> 1', '`<>` is not XPath: use `!=`', 5, 7],
    ['${a} && ${b}', '`&&` is not XPath: use `and`', 5, 7],
    ['${a} || ${b}', '`||` is not XPath: use `or`', 5, 7],
    ['${a} | ${b}', '`|` (node-set union) is not supported', 5, 6],
    ['${a} & ${b}', 'unexpected character `&`', 5, 6],
    ['/data/age > 3', 'paths like /data/name are not supported: write ${name}, or `div` to divide', 0, 1],
    ['${a} / 2', 'paths like /data/name are not supported: write ${name}, or `div` to divide', 5, 6],
    ['//age', '`//` paths are not supported: write ${name}', 0, 2],
    ['${a}[1]', '`[` predicates are not supported', 4, 5],
    ['@id', '`@` attributes are not supported', 0, 1],
    ['1 # 2', 'unexpected character `#`', 2, 3],
    ['.. = 1', '`..` is only supported as position(..)', 0, 2],
    ['count(..)', '`..` is only supported as position(..)', 6, 8],
    ['1e5', 'expected an operator or the end, found `e5`', 1, 3],
    ['foo(1)', 'unknown function foo()', 0, 3],
    ['pulldata("x", "y", "z", 1)', 'unknown function pulldata()', 0, 8],
    ['Selected(${a}, "x")', 'unknown function Selected(): did you mean selected()?', 0, 8],
    ['today(1)', 'today() takes no arguments, not 1', 0, 8],
    ['if(1, 2)', 'if() takes 3 arguments, not 2', 0, 8],
    ['not()', 'not() takes 1 argument, not 0', 0, 5],
    ['round(1, 2, 3)', 'round() takes 1 or 2 arguments, not 3', 0, 14],
    ['coalesce(1)', 'coalesce() takes 2 arguments, not 1', 0, 11],
    ['join()', 'join() takes at least 1 argument, not 0', 0, 6],
    ['indexed-repeat(${a}, ${r}, 1, ${s})', 'indexed-repeat() takes an odd number of arguments, at least 3, not 4', 0, 35],
    ['weighted-checklist(1, 2, 3)', 'weighted-checklist() takes an even number of arguments, at least 2, not 3', 0, 27],
    ["digest('a')", 'digest() takes 2 or 3 arguments, not 1', 0, 11],
    ['version(1)', 'version() takes no arguments, not 1', 0, 10],
    ['indexed-repeat(${a}, 1, 2)', 'argument 2 of indexed-repeat() must be a reference like ${name}', 21, 22],
    ['indexed-repeat("a", ${r}, 2)', 'argument 1 of indexed-repeat() must be a reference like ${name}', 15, 18],
  ])('%j', (source, message, start, end) => {
    const result = parseExpression(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({ message, start, end, severity: 'error' });
  });

  it('reports every unknown function and bad count at once, with the syntax error last', () => {
    const result = parseExpression('foo(1) + bar() + if(1) + (');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(describeProblem)).toEqual([
      'column 1: unknown function foo()',
      'column 10: unknown function bar()',
      'column 18: if() takes 3 arguments, not 1',
      'column 27: the expression ends too early: a value is missing',
    ]);
  });

  it('refuses nesting deep enough to exhaust the stack, as a problem rather than a crash', () => {
    const result = parseExpression(`${'('.repeat(5000)}1${')'.repeat(5000)}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toBe('the expression is nested too deeply');
  });

  it('evaluates a sum of 1,000 answers, and refuses a longer one rather than overflow the stack later', () => {
    const sum = (n: number): string => Array.from({ length: n }, (_, i) => `\${q${i}}`).join(' + ');
    const ok = parseExpression(sum(1000));
    expect(ok.ok && evaluate(ok.expr, contextOf({}, { value: () => '1' }))).toBe(1000);
    const tooLong = parseExpression(sum(1002));
    expect(tooLong.ok ? [] : tooLong.problems.map((p) => p.message)).toEqual(['the expression is too long: more than 1000 operations in a row']);
  });

  it('describes a problem with its 1-based column', () => {
    expect(describeProblem({ message: "expected ')'", start: 11 })).toBe("column 12: expected ')'");
  });
});
