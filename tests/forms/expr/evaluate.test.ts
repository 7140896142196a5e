// Operators and conversions from tables: XPath 1.0 as JavaRosa (ODK Collect) evaluates it.
import { describe, expect, it } from 'vitest';
import { nodeSet, type Value } from '../../../src/forms/expr/ast';
import { answerValue, numberToText, stringToNumber, toBoolean, toNumber, toText } from '../../../src/forms/expr/convert';
import { evaluate, evaluateBoolean } from '../../../src/forms/expr/evaluate';
import { contextOf, parsed, run } from './context';

/** Answers as the renderer holds them: texts, with '' for unanswered. */
const ANSWERS: Record<string, Value> = {
  age: '34',
  empty: '',
  name: 'Ana',
  zero: '0',
  dec: '2.5',
  dob: '1990-05-17',
  visit: '2024-03-01',
  multi: 'water  food',
  num: 7,
  yes: true,
};

describe('arithmetic', () => {
  it.each<[string, number]>([
    ['1 + 2', 3],
    ['5 - 7', -2],
    ['3 * 4', 12],
    ['7 div 2', 3.5],
    ['7 mod 3', 1],
    ['-7 mod 3', -1],
    ['7 mod -3', 1],
    ['5.5 mod 2', 1.5],
    ['-${age}', -34],
    ['${age} + ${dec}', 36.5],
    ['${num} * 2', 14],
    ['${age} + true()', 35],
    ['"3" * "4"', 12],
    ['" 12 " + 1', 13],
    ['"1,5" + 1', 2.5],
    ['1 div 0', Infinity],
    ['-1 div 0', -Infinity],
    ['0.1 + 0.2', 0.30000000000000004],
  ])('%s = %s', (source, expected) => {
    expect(run(source, ANSWERS)).toBe(expected);
  });

  it.each([['0 div 0'], ['1 mod 0'], ['${empty} + 1'], ['"abc" * 2'], ['"1e3" + 0'], ['"+5" + 0'], ['"1.2.3" + 0'], ['"-" + 0'], ['${name} - 1'], ['"Infinity" + 0']])(
    '%s is NaN',
    (source) => {
      expect(run(source, ANSWERS)).toBeNaN();
    },
  );

  it('date arithmetic counts days', () => {
    expect(run('${visit} - ${dob}', ANSWERS)).toBe(12342);
    expect(run('today() - ${visit}', ANSWERS)).toBe(14);
    expect(run('${visit} + 1', ANSWERS)).toBe(19784);
    expect(run('date(${visit} + 1)', ANSWERS)).toBe('2024-03-02');
    expect(run('int((today() - ${dob}) div 365.25)', ANSWERS)).toBe(33);
  });
});

describe('comparisons', () => {
  it.each<[string, boolean]>([
    ['${age} = 34', true],
    ['${age} = "34"', true],
    ['${age} = 34.0', true],
    ['"34.0" = ${age}', false], // two texts compare as texts
    ['${age} != 34', false],
    ['${name} = "Ana"', true],
    ['${name} = "ana"', false],
    ["${name} = 'Ana'", true],
    ['${empty} = ""', true],
    ['${empty} = 0', false], // '' is NaN as a number, like JavaRosa
    ['${empty} != 0', true],
    ['${empty} < 1', false],
    ['${empty} >= 0', false],
    ['${zero} = 0', true],
    ['${zero} = false()', false], // '0' is a non-empty text, so true as a boolean
    ['0 = false()', true],
    ['"" = false()', true],
    ['"false" = true()', true],
    ['${yes} = "x"', true],
    ['${num} > 6', true],
    ['${age} > 9', true], // as numbers, not as texts ('34' < '9')
    ['"10" > "9"', true],
    ['"abc" < "abd"', false], // texts that are not numbers are NaN
    ['"abc" >= "abc"', false],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ['0.1 + 0.2 = 0.3', true], // within JavaRosa's 1e-12
    ['1 div 0 = 2 div 0', true],
    ['0 div 0 = 0 div 0', false],
    ['0 div 0 != 0 div 0', true],
    ['${dob} < ${visit}', true],
    ['${visit} = "2024-03-01"', true],
    ['${visit} < today()', true],
    ['${visit} > "2024-02-29"', true],
    ['"2024-02-30" > 0', false], // not a real day: NaN
    ['"09:30" < "10:15"', true], // times compare as fractions of a day
    ['1 < 2 < 3', true], // (1 < 2) = true → 1 < 3
    ['3 > 2 > 1', false], // (3 > 2) = true → 1 > 1
  ])('%s is %s', (source, expected) => {
    expect(run(source, ANSWERS)).toBe(expected);
  });
});

describe('logic', () => {
  it.each<[string, boolean]>([
    ['true() and true()', true],
    ['true() and false()', false],
    ['false() or true()', true],
    ['false() or false()', false],
    ['${name} and ${age}', true],
    ['${empty} or ${zero}', true],
    ['${empty} or 0', false],
    ['not(${empty})', true],
    ['not(${name})', false],
    ['not(0 div 0)', true],
    ['not("false")', false],
  ])('%s is %s', (source, expected) => {
    expect(run(source, ANSWERS)).toBe(expected);
  });

  it('stops early: the right side of `and`/`or` is not read when the left decides', () => {
    const read: string[] = [];
    const ctx = contextOf({}, { value: (n) => (read.push(n), n === 'yes' ? 'y' : '') });
    expect(evaluate(parsed('${no} and ${x}'), ctx)).toBe(false);
    expect(evaluate(parsed('${yes} or ${y}'), ctx)).toBe(true);
    expect(read).toEqual(['no', 'yes']);
  });

  it('evaluateBoolean converts the value', () => {
    expect(evaluateBoolean(parsed('${name}'), contextOf(ANSWERS))).toBe(true);
    expect(evaluateBoolean(parsed('${empty}'), contextOf(ANSWERS))).toBe(false);
    expect(evaluateBoolean(parsed('${age} - 34'), contextOf(ANSWERS))).toBe(false);
  });
});

describe('references, `.` and bare names', () => {
  it('reads answers, the current value and choice columns through the context', () => {
    expect(run('${unanswered}')).toBe('');
    expect(run('. > 5', {}, { currentValue: '6' })).toBe(true);
    expect(run('. = ""')).toBe(true);
    expect(run("state = 'north'", {}, { field: (n) => (n === 'state' ? 'north' : '') })).toBe(true);
    expect(run("state = 'north'")).toBe(false);
  });

  it('a node-set compares item by item and reads as its first item', () => {
    const items = { ages: nodeSet(['12', '40']), none: nodeSet([]) };
    expect(run('${ages} > 30', items)).toBe(true);
    expect(run('${ages} = 12', items)).toBe(true);
    expect(run('${ages} != 12', items)).toBe(true);
    expect(run('${ages} = 13', items)).toBe(false);
    expect(run('${ages} < 5', items)).toBe(false);
    expect(run('${ages} + 1', items)).toBe(13);
    expect(run('${none} = ""', items)).toBe(false);
    expect(run('${none} = false()', items)).toBe(true);
    expect(run('string(${ages})', items)).toBe('12');
  });
});

describe('conversions', () => {
  it.each<[Value, string]>([
    [1, '1'],
    [-0, '0'],
    [1.5, '1.5'],
    [1 / 3, '0.3333333333333333'],
    [1e21, '1000000000000000000000'],
    [1e-7, '0.0000001'],
    [1e-13, '0'],
    [2.9999999999999996, '3'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [true, 'true'],
    [false, 'false'],
    ['x', 'x'],
    [nodeSet(['a', 'b']), 'a'],
    [nodeSet([]), ''],
  ])('string(%s) = %j', (value, text) => {
    expect(toText(value)).toBe(text);
  });

  it.each<[Value, boolean]>([
    ['', false],
    [' ', true],
    ['0', true],
    ['false', true],
    [0, false],
    [-0, false],
    [1e-13, false],
    [NaN, false],
    [-2, true],
    [nodeSet([]), false],
    [nodeSet(['']), true],
  ])('boolean(%j) = %s', (value, expected) => {
    expect(toBoolean(value)).toBe(expected);
  });

  it.each<[string, number]>([
    ['12', 12],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['5.', 5],
    [' 7 ', 7],
    ['1,25', 1.25],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['12:00', 0.5],
    ['06:00:00.000+02:00', 0.25],
    ['1970-01-01T12:00:00Z', 0.5],
    ['1970-01-01T00:00:00.000-06:00', 0.25],
  ])('number(%j) = %s', (text, n) => {
    expect(stringToNumber(text)).toBe(n);
  });

  it.each(['', 'abc', '1e3', '0x10', 'Infinity', '--1', '1-2', '2023-13-01', '25:00', '2023-02-29'].map((t) => [t]))('number(%j) is NaN', (text) => {
    expect(toNumber(text)).toBeNaN();
  });

  it('numbers and booleans', () => {
    expect(toNumber(true)).toBe(1);
    expect(toNumber(false)).toBe(0);
    expect(toNumber(nodeSet(['4', '5']))).toBe(4);
    expect(numberToText(123456789.125)).toBe('123456789.125');
  });
});

describe('answerValue', () => {
  it.each<[Parameters<typeof answerValue>[0], Value]>([
    [undefined, ''],
    [null, ''],
    ['yes', 'yes'],
    [3, 3],
    [['water', 'food'], 'water food'],
    [[], ''],
  ])('%j reads as %j', (answer, value) => {
    expect(answerValue(answer)).toEqual(value);
  });

  it('lets a multi answer feed selected() and count-selected()', () => {
    const ctx = contextOf({ langs: answerValue(['en', 'fr']) });
    expect(evaluate(parsed("selected(${langs}, 'fr') and count-selected(${langs}) = 2"), ctx)).toBe(true);
  });
});
