// Static analysis from tables: what an expression references, and what the checker reports where.
import { describe, expect, it } from 'vitest';
import { analyze, checkExpression, type CheckOptions } from '../../../src/forms/expr/analyze';
import type { ExprProblem } from '../../../src/forms/expr/ast';
import { parsed } from './context';

describe('analyze', () => {
  it.each<[string, string[], string[], boolean, boolean]>([
    ['1 + 2', [], [], false, false],
    ['${a} + ${b} * ${a}', ['a', 'b'], [], false, false],
    ['. > ${min} and . < ${max}', ['min', 'max'], [], true, false],
    ["selected(${q}, 'x') or not(${r})", ['q', 'r'], [], false, false],
    ["jr:choice-name(${q}, '${q}')", ['q'], [], false, false],
    ["jr:choice-name('a', '${other}')", ['other'], [], false, false],
    ["state = ${state} and district != ''", ['state'], ['state', 'district'], false, false],
    ['today() - ${dob}', ['dob'], [], false, true],
    ['once(uuid())', [], [], false, true],
    ['if(${a}, now(), random())', ['a'], [], false, true],
    ["concat('${not_a_ref}', ${b})", ['b'], [], false, false],
    ['-(${x})', ['x'], [], false, false],
  ])('%s', (source, refs, fields, usesCurrent, volatile) => {
    expect(analyze(parsed(source))).toEqual({ refs, fields, usesCurrent, volatile });
  });
});

describe('checkExpression', () => {
  const known = new Set(['age', 'name', 'Sex', 'later', 'q']);
  const order = ['age', 'name', 'Sex', 'q', 'later'];
  /** The question being checked sits right after `q`. */
  const isEarlier = (n: string): boolean => order.indexOf(n) <= order.indexOf('q');

  it.each<[string, Partial<CheckOptions>, Omit<ExprProblem, 'severity'> & { severity?: ExprProblem['severity'] }]>([
    ['${agee} > 5', {}, { message: '${agee} is not a question of this form', start: 0, end: 7 }],
    ['${sex} = "f"', {}, { message: '${sex} is not a question of this form: did you mean ${Sex}?', start: 0, end: 6 }],
    ['${later} = 1', { isEarlier }, { message: '${later} is answered later in the form', start: 0, end: 8, severity: 'warning' }],
    ['age > 5', {}, { message: "`age` is not understood: write ${age} for a question, or 'age' for a text", start: 0, end: 3 }],
    ['yes', {}, { message: "`yes` is not understood: write ${yes} for a question, or 'yes' for a text", start: 0, end: 3 }],
    ['district = ${q}', { fields: new Set(['state']) }, { message: "`district` is not a column of the choices sheet, so it reads as empty (for the text, write 'district')", start: 0, end: 8, severity: 'warning' }],
    ['. > 5', { allowCurrent: false }, { message: "`.` (this question's own value) is only for constraints", start: 0, end: 1 }],
    ['regex(., "[0-9")', {}, { message: 'invalid regular expression: Unterminated character class', start: 9, end: 15 }],
    ["digest(${name}, 'SHA-512')", {}, { message: 'digest() computes MD5, SHA-1, SHA-256 here; SHA-512 is not supported', start: 16, end: 25 }],
    ["digest(${name}, 'sha256')", {}, { message: "digest() knows the algorithms MD5, SHA-1, SHA-256, not 'sha256'", start: 16, end: 24 }],
    ["digest(${name}, 'MD5', 'HEX')", {}, { message: "digest() writes its result as 'base64' or 'hex', not 'HEX'", start: 23, end: 28 }],
    ["jr:choice-name(${q}, '${nope}')", {}, { message: '${nope} is not a question of this form', start: 21, end: 30 }],
    ['jr:choice-name(${q}, ${q})', {}, { message: "the second argument of jr:choice-name() is the question in quotes, like '${name}'", start: 21, end: 25 }],
    ["jr:choice-name(${q}, '')", {}, { message: "the second argument of jr:choice-name() is the question in quotes, like '${name}'", start: 21, end: 23 }],
  ])('%s', (source, options, problem) => {
    expect(checkExpression(parsed(source), { known, ...options })).toEqual([{ severity: 'error', ...problem }]);
  });

  it.each([
    ['${age} >= 18 and ${name} != ""', {}],
    ['${q} = 1', { isEarlier }],
    ['state = ${q}', { fields: new Set(['state']) }],
    ['state = ${q}', { fields: 'any' as const }],
    ['. > 0', {}],
    ['regex(., "^[A-Z]{2}[0-9]+$")', {}],
    ['regex(., ${name})', {}],
    ["jr:choice-name(${q}, '${q}')", {}],
    ["digest(${name}, 'SHA-256', 'hex')", {}],
    ['digest(${name}, ${q})', {}],
  ])('%s has no problem', (source, options) => {
    expect(checkExpression(parsed(source), { known, ...options })).toEqual([]);
  });

  it('reports every problem of an expression, in source order', () => {
    const problems = checkExpression(parsed('${a} + ${age} + ${b} + x'), { known });
    expect(problems.map((p) => [p.message, p.start])).toEqual([
      ['${a} is not a question of this form', 0],
      ['${b} is not a question of this form', 16],
      ["`x` is not understood: write ${x} for a question, or 'x' for a text", 23],
    ]);
  });
});
