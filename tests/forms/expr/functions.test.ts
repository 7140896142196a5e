// Every function from a table: typical inputs and the edges (empty, NaN, mixed types), as JavaRosa answers them.
import { describe, expect, it } from 'vitest';
import { nodeSet, type Value } from '../../../src/forms/expr/ast';
import { walk } from '../../../src/forms/expr/analyze';
import { evaluate } from '../../../src/forms/expr/evaluate';
import { FUNCTIONS } from '../../../src/forms/expr/functions';
import { compileRegex } from '../../../src/forms/expr/regex';
import { contextOf, NOW, parsed, run } from './context';
import { ODK_TABLE } from './odk-table';

const ANSWERS: Record<string, Value> = {
  empty: '',
  name: 'Ana',
  age: '34',
  multi: 'water  food',
  q: 'opt1',
  ages: nodeSet(['12', '40']),
  sums: nodeSet(['1', '2', '', 'x']),
  none: nodeSet([]),
};

/** Day count of 2024-03-15, today in these tests. */
const TODAY_DAYS = Date.UTC(2024, 2, 15) / 86_400_000;

const TABLE: [string, Value][] = [
  ['true()', true],
  ['false()', false],
  ['boolean("")', false],
  ['boolean("0")', true],
  ['boolean(0)', false],
  ['boolean(${ages})', true],
  ['boolean(${none})', false],
  ['not(1)', false],
  ['not("")', true],
  ['boolean-from-string("true")', true],
  ['boolean-from-string("TRUE")', true],
  ['boolean-from-string("1")', true],
  ['boolean-from-string("yes")', false],
  ['boolean-from-string("")', false],
  ['if(${name}, "a", "b")', 'a'],
  ['if(${empty}, "a", "b")', 'b'],
  ['if(0 div 0, 1, 2)', 2],
  ['coalesce(${empty}, ${name})', 'Ana'],
  ['coalesce(${name}, "x")', 'Ana'],
  ['coalesce(0 div 0, 5)', 5],
  ['coalesce("", "")', ''],
  ['once("x")', 'x'],
  ['number("12")', 12],
  ['number("")', NaN],
  ['number(true())', 1],
  ['number(${age})', 34],
  ['string(12)', '12'],
  ['string(1 div 0)', 'Infinity'],
  ['string(0 div 0)', 'NaN'],
  ['string(2.50)', '2.5'],
  ['string(false())', 'false'],
  ['int(3.9)', 3],
  ['int(-3.9)', -3],
  ['int("7")', 7],
  ['int("")', NaN],
  ['int(1 div 0)', Infinity],
  ['round(2.5)', 3],
  ['round(-2.5)', -2],
  ['round(2.4)', 2],
  ['round(1.005, 2)', 1.01],
  ['round(2.345, 1)', 2.3],
  ['round(1234.5678, -2)', 1200],
  ['round(1.5, "")', 2],
  ['round("")', NaN],
  ['round(1 div 0)', Infinity],
  ['round(1, 40)', NaN],
  ['floor(-1.5)', -2],
  ['floor(1.5)', 1],
  ['ceiling(-1.5)', -1],
  ['ceiling(1.2)', 2],
  ['floor("")', NaN],
  ['abs(-3)', 3],
  ['sqrt(16)', 4],
  ['sqrt(-1)', NaN],
  ['round(sin(pi() div 2), 6)', 1],
  ['round(cos(0), 6)', 1],
  ['round(tan(0), 6)', 0],
  ['round(asin(1) * 2, 6)', 3.141593],
  ['round(acos(1), 6)', 0],
  ['round(atan(1) * 4, 6)', 3.141593],
  ['round(atan2(1, 1) * 4, 6)', 3.141593],
  ['round(exp(1), 6)', 2.718282],
  ['exp10(3)', 1000],
  ['round(log(exp(2)), 6)', 2],
  ['log10(1000)', 3],
  ['log10("")', NaN],
  ['abs("")', NaN],
  ['pow(2, 10)', 1024],
  ['pow(2, -1)', 0.5],
  ['pow(${empty}, 2)', NaN],
  ['pow(0, 0)', 1],
  ['min(3, 1, 2)', 1],
  ['min(${ages})', 12],
  ['min("", "x")', NaN],
  ['min(5, "")', 5],
  ['max(${ages}, 20)', 40],
  ['max(1, "")', 1],
  ['max(${none})', NaN],
  ['sum(${sums})', 3],
  ['sum("4")', 4],
  ['sum("")', 0],
  ['sum(${none})', 0],
  ['count(${ages})', 2],
  ['count(${none})', 0],
  ['count(${name})', 1],
  ['string-length("")', 0],
  ['string-length(${name})', 3],
  ['string-length("héllo")', 5],
  ['string-length("😀a")', 2],
  ['string-length("مرحبا")', 5],
  ['string-length(12.50)', 4],
  ['normalize-space("  a \t  b  ")', 'a b'],
  ['normalize-space("")', ''],
  ['concat()', ''],
  ['concat("a", 1, true(), ${empty}, 0.5)', 'a1true0.5'],
  ['concat(${ages})', '1240'],
  ['join(", ", "a", "b")', 'a, b'],
  ['join(" ", ${ages})', '12 40'],
  ['join("-")', ''],
  ['substr("abcdef", 2)', 'cdef'],
  ['substr("abcdef", 1, 3)', 'bc'],
  ['substr("abcdef", -2)', 'ef'],
  ['substr("abc", 5)', ''],
  ['substr("abc", 2, 1)', ''],
  ['substr("abc", "", 2)', 'ab'],
  ['substr("abc", 1, "")', ''],
  ['substring-before("a-b-c", "-")', 'a'],
  ['substring-before("abc", "-")', ''],
  ['substring-after("a-b-c", "-")', 'b-c'],
  ['substring-after("abc", "-")', ''],
  ['translate("abcabc", "abc", "AB")', 'ABAB'],
  ['contains("hello", "ell")', true],
  ['contains("hello", "Ell")', false],
  ['contains("", "")', true],
  ['starts-with("hello", "he")', true],
  ['starts-with("hello", "lo")', false],
  ['ends-with("hello", "lo")', true],
  ['ends-with(${empty}, "x")', false],
  ['regex("abc123", "[a-z]+[0-9]+")', true],
  ['regex("abc123x", "[a-z]+[0-9]+")', false], // the whole value must match, as in JavaRosa
  ['regex("07700", "^0[0-9]{4}$")', true],
  ['regex("", ".*")', true],
  ['regex("a", "(")', false],
  ['regex("a", "a)|(b")', false],
  ['regex(12, "[0-9]{2}")', true],
  ['selected(${multi}, "food")', true],
  ['selected(${multi}, " water ")', true],
  ['selected(${multi}, "foo")', false],
  ['selected(${multi}, "water food")', false],
  ['selected(${empty}, "")', false],
  ['selected("a", "a")', true],
  ['count-selected(${multi})', 2],
  ['count-selected("")', 0],
  ['count-selected(" a  b c ")', 3],
  ['selected-at("a b c", 1)', 'b'],
  ['selected-at("a b c", 0)', 'a'],
  ['selected-at("a b c", 3)', ''],
  ['selected-at("a b c", -1)', ''],
  ['selected-at("", 0)', ''],
  ['selected-at("a b", "")', 'a'],
  ["jr:choice-name(${q}, '${q}')", 'q/opt1'],
  ["jr:choice-name(${empty}, '${q}')", ''],
  ["jr:choice-name('x', 'q')", 'q/x'],
  ["jr:choice-name('x', '/data/grp/q')", 'q/x'],
  ["jr:choice-name('x', '')", ''],
  ['position(..)', 1],
  ['position()', 1],
  ['indexed-repeat(${name}, ${r}, 2)', 'Ana'],
  ['today()', '2024-03-15'],
  ['date(0)', '1970-01-01'],
  ['date(-1)', '1969-12-31'],
  ['date(1.9)', '1970-01-02'],
  ['date("2024-03-15T23:00:00+05:00")', '2024-03-15'],
  ['date("2024-02-29")', '2024-02-29'],
  ['date("2023-02-29")', ''],
  ['date("x")', ''],
  ['date("")', ''],
  ['date(0 div 0)', ''],
  ['date(today() + 30)', '2024-04-14'],
  ['today() - date("2024-01-01")', 74],
  ['format-date("2024-03-15", "%Y-%m-%d %e/%n %a %b %y")', '2024-03-15 15/3 Fri Mar 24'],
  ['format-date("2024-03-05T07:08:09.045+01:00", "%H:%M:%S.%3 %h")', '07:08:09.045 7'],
  [`format-date(${TODAY_DAYS}, "%d/%m/%Y")`, '15/03/2024'],
  ['format-date(today(), "%q%")', '%q%'],
  ['format-date("", "%Y")', ''],
  ['format-date("nonsense", "%Y")', ''],
  ['format-date-time("2024-03-15T18:05:00Z", "%H:%M")', '18:05'],
  ['decimal-date-time("1970-01-02")', 1],
  ['decimal-date-time("1970-01-01T06:00:00Z")', 0.25],
  ['decimal-date-time(2.5)', 2.5],
  ['decimal-date-time("x")', NaN],
  ['uuid(8) != uuid(8)', true],
  ['string-length(uuid(8))', 8],
  ['uuid(0)', ''],
  ['string-length(uuid())', 36],
  ['random() >= 0 and random() < 1', true],
];

describe('functions', () => {
  it.each(TABLE)('%s = %j', (source, expected) => {
    expect(run(source, ANSWERS)).toBe(expected);
  });

  it('the table calls every function the parser knows', () => {
    const called = new Set<string>();
    for (const [source] of [...TABLE, ...ODK_TABLE]) walk(parsed(source), (n) => n.kind === 'call' && called.add(n.name));
    called.add('now').add('once').add('string').add('string-length');
    expect([...FUNCTIONS.keys()].filter((f) => !called.has(f))).toEqual([]);
  });
});

describe('functions that ask the context', () => {
  it('now() is the local time with its offset, from the context clock', () => {
    expect(run('now()')).toMatch(/^2024-03-15T10:30:00\.000[+-]\d\d:\d\d$/);
    expect(run('decimal-date-time(now())')).toBeCloseTo(NOW.getTime() / 86_400_000, 9);
    expect(run('format-date(now(), "%H:%M")')).toBe('10:30');
  });

  it('once() keeps the current value, else takes its argument', () => {
    expect(run('once("x")', {}, { currentValue: 'kept' })).toBe('kept');
    expect(run('once(uuid())', {}, { currentValue: '', uuid: () => 'fresh' })).toBe('fresh');
  });

  it('string() and string-length() without an argument read the current value', () => {
    expect(run('string-length()', {}, { currentValue: 'abcd' })).toBe(4);
    expect(run('string()', {}, { currentValue: 5 })).toBe('5');
    expect(run('normalize-space()', {}, { currentValue: ' a  b ' })).toBe('a b');
  });

  it('uuid() uses the context when it gives one, else a random version-4 UUID', () => {
    expect(run('uuid()', {}, { uuid: () => 'from-context' })).toBe('from-context');
    expect(run('uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('position() and indexed-repeat() ask the context for repeat instances', () => {
    expect(run('position(..)', {}, { position: () => 3 })).toBe(3);
    const calls: unknown[] = [];
    const indexedRepeat = (name: string, path: readonly { repeat: string; index: number }[]): Value => (calls.push([name, path]), 'from-instance');
    expect(run('indexed-repeat(${child}, ${kids}, 2, ${grand}, 1 + 1)', {}, { indexedRepeat })).toBe('from-instance');
    expect(run('indexed-repeat(${child}, ${kids}, 0)', {}, { indexedRepeat })).toBe('from-instance');
    expect(calls).toEqual([
      ['child', [{ repeat: 'kids', index: 2 }, { repeat: 'grand', index: 2 }]],
      ['child', [{ repeat: 'kids', index: 1 }]],
    ]);
  });

  it('jr:choice-name() gives the label the context has for the choice', () => {
    const choiceLabel = (q: string, c: string): string => (q === 'sex' && c === 'f' ? 'Femme' : '');
    expect(run("jr:choice-name(${sex}, '${sex}')", { sex: 'f' }, { choiceLabel })).toBe('Femme');
    expect(run("jr:choice-name(${sex}, '${sex}')", { sex: 'zz' }, { choiceLabel })).toBe('');
  });

  it('if() and coalesce() evaluate only what they return', () => {
    const read: string[] = [];
    const ctx = contextOf({}, { value: (n) => (read.push(n), n === 'set' ? 'v' : '') });
    expect(evaluate(parsed('if(${set}, ${then}, ${else})'), ctx)).toBe('');
    expect(evaluate(parsed('coalesce(${set}, ${other})'), ctx)).toBe('v');
    expect(read).toEqual(['set', 'then', 'set']);
  });
});

describe('regex cache', () => {
  it('compiles each pattern once, and an invalid one to null', () => {
    const first = compileRegex('[0-9]+');
    expect(first).toBeInstanceOf(RegExp);
    expect(compileRegex('[0-9]+')).toBe(first);
    expect(compileRegex('(')).toBeNull();
    expect(first?.test('123')).toBe(true);
    expect(first?.test('123a')).toBe(false);
  });
});
