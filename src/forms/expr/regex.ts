// regex(): patterns compiled once and kept, so a constraint checked on every keystroke compiles nothing.

/** Beyond this many distinct patterns the cache starts over (a form has a handful). */
const MAX_CACHED_PATTERNS = 256;
const cache = new Map<string, RegExp | null>();

/**
 * The pattern anchored at both ends, as JavaRosa matches it (Java's Pattern.matches: the whole
 * value must match), or null when it is not a valid regular expression.
 */
export function compileRegex(pattern: string): RegExp | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RegExp | null;
  try {
    // Compiled alone first: 'a)|(b' must be refused, not quietly anchored wrong.
    new RegExp(pattern);
    compiled = new RegExp(`^(?:${pattern})$`);
  } catch {
    compiled = null;
  }
  if (cache.size >= MAX_CACHED_PATTERNS) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** Why a pattern is not a valid regular expression, or undefined when it is. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    // V8 repeats the pattern ("Invalid regular expression: /[0-9/: Unterminated …"); keep the reason.
    const message = e instanceof Error ? e.message : String(e);
    return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** Whether the whole value matches; an invalid pattern matches nothing (the checker refuses it at publish time). */
export function fullMatch(value: string, pattern: string): boolean {
  return compileRegex(pattern)?.test(value) ?? false;
}
