// Logic, number, text, select and repeat functions, as JavaRosa (ODK Collect) evaluates them.
import { isNodeSet, type Expr, type Value } from './ast';
import type { EvalContext, Evaluate } from './context';
import { toBoolean, toNumber, toText } from './convert';
import type { FunctionSpec } from './functions';
import { fullMatch } from './regex';

type Spec = FunctionSpec;
type Args = readonly Expr[];

/** Argument `i`, which the parser has guaranteed is there. */
function arg(args: Args, i: number): Expr {
  const a = args[i];
  if (!a) throw new Error(`missing argument ${i + 1}`);
  return a;
}

const text = (args: Args, i: number, ctx: EvalContext, ev: Evaluate): string => toText(ev(arg(args, i), ctx));
const num = (args: Args, i: number, ctx: EvalContext, ev: Evaluate): number => toNumber(ev(arg(args, i), ctx));

function fixed(min: number, max: number, call: Spec['call']): Spec {
  return { min, max, call };
}

/** The items of a node-set, or the value itself as the only item. */
export function items(value: Value): readonly Value[] {
  return isNodeSet(value) ? value.items : [value];
}

/** Every argument's items, node-sets spread out. */
export function allItems(args: Args, ctx: EvalContext, ev: Evaluate): Value[] {
  const out: Value[] = [];
  for (const a of args) out.push(...items(ev(a, ctx)));
  return out;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Calls `visit(start, end)` for each space-separated item of a select_multiple answer, until it returns true. */
function scanItems(list: string, visit: (start: number, end: number) => boolean): boolean {
  let i = 0;
  while (i < list.length) {
    while (i < list.length && isSpaceCode(list.charCodeAt(i))) i++;
    const start = i;
    while (i < list.length && !isSpaceCode(list.charCodeAt(i))) i++;
    if (i > start && visit(start, i)) return true;
  }
  return false;
}

/** selected(): whether a choice name is one of a select_multiple answer's items (no array made). */
export function isSelected(list: string, choice: string): boolean {
  const wanted = choice.trim();
  if (wanted === '') return false;
  return scanItems(list, (s, e) => e - s === wanted.length && list.startsWith(wanted, s));
}

/** count-selected(): how many items a select_multiple answer has. */
export function countSelected(list: string): number {
  let n = 0;
  scanItems(list, () => {
    n++;
    return false;
  });
  return n;
}

/** The item at a 0-based index, '' when out of range (JavaRosa's selected-at). */
function selectedAt(list: string, index: number): string {
  let n = 0;
  let found = '';
  scanItems(list, (s, e) => {
    if (n++ !== index) return false;
    found = list.slice(s, e);
    return true;
  });
  return found;
}

/** Characters, not UTF-16 units: an emoji counts once (XPath 1.0). */
function characterCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** XPath's round (halves towards +∞), to `places` decimals counted in decimal, not binary (round(1.005, 2) = 1.01). */
export function roundTo(n: number, places: number): number {
  if (!Number.isFinite(n)) return n;
  // JavaRosa reads the places as a Java int, so NaN places are 0.
  const p = Math.trunc(places) || 0;
  if (!(Math.abs(p) <= 30)) return NaN;
  return shift(Math.round(shift(n, p)), -p);
}

/** n × 10^k done on the decimal text, so that no binary rounding error creeps in. */
function shift(n: number, k: number): number {
  if (k === 0) return n;
  const [mantissa, exponent] = String(n).split('e');
  return Number(`${mantissa}e${Number(exponent ?? '0') + k}`);
}

/** JavaRosa's substr(): 0-based start, exclusive end, negatives counted from the end. */
function substr(s: string, start: number, end: number | undefined): string {
  const len = s.length;
  // Java ints, as JavaRosa reads them: NaN is 0.
  let a = Math.trunc(start) || 0;
  let b = end === undefined ? len : Math.trunc(end) || 0;
  if (a < 0) a += len;
  if (b < 0) b += len;
  a = Math.min(Math.max(0, a), len);
  b = Math.min(Math.max(0, b), len);
  return a > b ? '' : s.slice(a, b);
}

/** The question a jr:choice-name() second argument names: '${q}', 'q', or a path ending in /q. */
export function choiceNameTarget(text: string): string | undefined {
  const t = text.trim();
  const ref = /^\$\{\s*([^}\s]+)\s*\}$/.exec(t);
  if (ref) return ref[1];
  const last = t.slice(t.lastIndexOf('/') + 1);
  return /^[\p{L}_][\p{L}\p{M}\p{N}_.-]*$/u.test(last) ? last : undefined;
}

function extreme(args: Args, ctx: EvalContext, ev: Evaluate, pick: (a: number, b: number) => number): number {
  let result = NaN;
  for (const v of allItems(args, ctx, ev)) {
    const n = toNumber(v);
    // JavaRosa skips what is not a number; only when nothing is left is the answer NaN.
    if (!Number.isNaN(n)) result = Number.isNaN(result) ? n : pick(result, n);
  }
  return result;
}

const isEmpty = (v: Value): boolean => (typeof v === 'number' ? Number.isNaN(v) : toText(v) === '');

/** Logic, numbers, texts, selects and repeats. */
export const CORE_FUNCTIONS: Record<string, Spec> = {
  true: fixed(0, 0, () => true),
  false: fixed(0, 0, () => false),
  boolean: fixed(1, 1, (a, c, ev) => toBoolean(ev(arg(a, 0), c))),
  not: fixed(1, 1, (a, c, ev) => !toBoolean(ev(arg(a, 0), c))),
  'boolean-from-string': fixed(1, 1, (a, c, ev) => {
    const s = text(a, 0, c, ev);
    return s.toLowerCase() === 'true' || s === '1';
  }),
  // Lazy, like JavaRosa: only the branch taken is evaluated.
  if: fixed(3, 3, (a, c, ev) => (toBoolean(ev(arg(a, 0), c)) ? ev(arg(a, 1), c) : ev(arg(a, 2), c))),
  coalesce: fixed(2, 2, (a, c, ev) => {
    const first = ev(arg(a, 0), c);
    return isEmpty(first) ? ev(arg(a, 1), c) : first;
  }),
  once: fixed(1, 1, (a, c, ev) => {
    const current = c.current();
    return isEmpty(current) ? ev(arg(a, 0), c) : current;
  }),
  number: fixed(1, 1, (a, c, ev) => num(a, 0, c, ev)),
  string: fixed(0, 1, (a, c, ev) => (a.length === 0 ? toText(c.current()) : text(a, 0, c, ev))),
  int: fixed(1, 1, (a, c, ev) => Math.trunc(num(a, 0, c, ev))),
  round: fixed(1, 2, (a, c, ev) => roundTo(num(a, 0, c, ev), a.length > 1 ? num(a, 1, c, ev) : 0)),
  floor: fixed(1, 1, (a, c, ev) => Math.floor(num(a, 0, c, ev))),
  ceiling: fixed(1, 1, (a, c, ev) => Math.ceil(num(a, 0, c, ev))),
  abs: fixed(1, 1, (a, c, ev) => Math.abs(num(a, 0, c, ev))),
  pow: fixed(2, 2, (a, c, ev) => Math.pow(num(a, 0, c, ev), num(a, 1, c, ev))),
  min: fixed(1, Infinity, (a, c, ev) => extreme(a, c, ev, Math.min)),
  max: fixed(1, Infinity, (a, c, ev) => extreme(a, c, ev, Math.max)),
  sum: fixed(1, 1, (a, c, ev) => {
    let total = 0;
    for (const v of items(ev(arg(a, 0), c))) {
      const n = toNumber(v);
      if (!Number.isNaN(n)) total += n;
    }
    return total;
  }),
  // Outside a repeat a reference is one node, so count() is 1; inside, the context gives a node-set.
  count: fixed(1, 1, (a, c, ev) => items(ev(arg(a, 0), c)).length),
  'string-length': fixed(0, 1, (a, c, ev) => characterCount(a.length === 0 ? toText(c.current()) : text(a, 0, c, ev))),
  'normalize-space': fixed(0, 1, (a, c, ev) => (a.length === 0 ? toText(c.current()) : text(a, 0, c, ev)).trim().replace(/\s+/g, ' ')),
  concat: fixed(0, Infinity, (a, c, ev) => {
    let out = '';
    for (const x of a) {
      const v = ev(x, c);
      out += isNodeSet(v) ? v.items.map(toText).join('') : toText(v);
    }
    return out;
  }),
  join: fixed(1, Infinity, (a, c, ev) => allItems(a.slice(1), c, ev).map(toText).join(text(a, 0, c, ev))),
  substr: fixed(2, 3, (a, c, ev) => substr(text(a, 0, c, ev), num(a, 1, c, ev), a.length > 2 ? num(a, 2, c, ev) : undefined)),
  'substring-before': fixed(2, 2, (a, c, ev) => {
    const [s, t] = [text(a, 0, c, ev), text(a, 1, c, ev)];
    const at = s.indexOf(t);
    return at < 0 ? '' : s.slice(0, at);
  }),
  'substring-after': fixed(2, 2, (a, c, ev) => {
    const [s, t] = [text(a, 0, c, ev), text(a, 1, c, ev)];
    const at = s.indexOf(t);
    return at < 0 ? '' : s.slice(at + t.length);
  }),
  translate: fixed(3, 3, (a, c, ev) => {
    const [s, from, to] = [text(a, 0, c, ev), text(a, 1, c, ev), text(a, 2, c, ev)];
    let out = '';
    for (const ch of s) {
      const at = from.indexOf(ch);
      if (at < 0) out += ch;
      else if (at < to.length) out += to.charAt(at);
    }
    return out;
  }),
  contains: fixed(2, 2, (a, c, ev) => text(a, 0, c, ev).includes(text(a, 1, c, ev))),
  'starts-with': fixed(2, 2, (a, c, ev) => text(a, 0, c, ev).startsWith(text(a, 1, c, ev))),
  'ends-with': fixed(2, 2, (a, c, ev) => text(a, 0, c, ev).endsWith(text(a, 1, c, ev))),
  regex: fixed(2, 2, (a, c, ev) => fullMatch(text(a, 0, c, ev), text(a, 1, c, ev))),
  selected: fixed(2, 2, (a, c, ev) => isSelected(text(a, 0, c, ev), text(a, 1, c, ev))),
  'count-selected': fixed(1, 1, (a, c, ev) => countSelected(text(a, 0, c, ev))),
  'selected-at': fixed(2, 2, (a, c, ev) => selectedAt(text(a, 0, c, ev), Math.trunc(num(a, 1, c, ev)) || 0)),
  'jr:choice-name': fixed(2, 2, (a, c, ev) => {
    const question = choiceNameTarget(text(a, 1, c, ev));
    const choice = text(a, 0, c, ev).trim();
    return question === undefined || choice === '' ? '' : c.choiceLabel(question, choice);
  }),
  position: fixed(0, 1, (_a, c) => c.position?.() ?? 1),
  'indexed-repeat': {
    min: 3,
    max: Infinity,
    odd: true,
    refArgs: (n) => Array.from({ length: (n + 1) / 2 }, (_, i) => (i === 0 ? 0 : 2 * i - 1)),
    call: (a, c, ev) => {
      const target = arg(a, 0);
      if (!c.indexedRepeat || target.kind !== 'ref') return ev(target, c);
      const path: { repeat: string; index: number }[] = [];
      for (let i = 1; i + 1 < a.length; i += 2) {
        const repeat = arg(a, i);
        if (repeat.kind === 'ref') path.push({ repeat: repeat.name, index: Math.max(1, Math.trunc(num(a, i + 1, c, ev)) || 1) });
      }
      return c.indexedRepeat(target.name, path);
    },
  },
  random: { min: 0, max: 0, volatile: true, call: () => Math.random() },
};

