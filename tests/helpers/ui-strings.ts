// Finds every interface text of the app the way gettext's xgettext would: the string literals
// passed to t() and tn() in src/**/*.ts(x). Calls with anything but literals are reported, since
// no catalog could hold their keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One use of t() or tn(): its file, and its key (the English text; a plural's singular). */
export interface UiString {
  file: string;
  key: string;
  /** The English plural of a tn() call; undefined for t(). */
  plural?: string;
}

/** Everything found: the texts, and the calls that pass something other than a literal. */
export interface Scan {
  strings: UiString[];
  nonLiteral: string[];
}

const LITERAL = String.raw`(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")`;
// A call of t or tn, not a method (x.t) and not a longer name (set, fn).
const CALL = /(?<![\w$.])(tn?)\(/g;
const T_ARGS = new RegExp(String.raw`^\s*${LITERAL}\s*[,)]`);
// tn(count, 'one', 'other'): the count is any expression without a comma at its top level.
const TN_ARGS = new RegExp(String.raw`^[^,()]*(?:\([^()]*\)[^,()]*)*,\s*${LITERAL}\s*,\s*${LITERAL}\s*[,)]`);

const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Where the line of `index` starts, for messages. */
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** The calls of t() and tn() in one file's text. */
export function scanSource(file: string, text: string): Scan {
  const strings: UiString[] = [];
  const nonLiteral: string[] = [];
  for (const call of text.matchAll(CALL)) {
    const rest = text.slice(call.index + call[0].length);
    const where = `${file}:${lineOf(text, call.index)}`;
    if (call[1] === 't') {
      const args = T_ARGS.exec(rest);
      if (!args) nonLiteral.push(`${where} t(${rest.slice(0, 40)}`);
      else strings.push({ file, key: unescape(args[1] ?? args[2] ?? '') });
    } else {
      const args = TN_ARGS.exec(rest);
      if (!args) nonLiteral.push(`${where} tn(${rest.slice(0, 60)}`);
      else strings.push({ file, key: unescape(args[1] ?? args[2] ?? ''), plural: unescape(args[3] ?? args[4] ?? '') });
    }
  }
  return { strings, nonLiteral };
}

/** Scans `src/`, except the module that defines t and the catalogs (which hold no calls). */
export function scanUiStrings(root: string): Scan {
  const scans = sourceFiles(join(root, 'src'))
    .map((path) => [relative(root, path), path] as const)
    .filter(([file]) => !/^src[/\\]i18n[/\\](index|fr|es)\.ts$/.test(file))
    .map(([file, path]) => scanSource(file, readFileSync(path, 'utf8')));
  return { strings: scans.flatMap((s) => s.strings), nonLiteral: scans.flatMap((s) => s.nonLiteral) };
}

/** The `{name}` slots of a text, sorted, for comparing a translation with its key. */
export function slotsOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}
