// Splits an XLSForm expression into tokens, with the usual mistakes named plainly.
import type { ExprProblem } from './ast';

/** One token with its span. `text` is the literal's value, the name, or the operator. */
export interface Token {
  readonly type: 'number' | 'string' | 'ref' | 'name' | 'op' | '(' | ')' | ',' | '.' | '..' | 'eof';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Tokens of a whole expression, or the first problem that stops reading it. */
export type TokenResult = { readonly ok: true; readonly tokens: Token[] } | { readonly ok: false; readonly problem: ExprProblem };

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_.\-\u00B7]/u;
/** A question name as `${...}` may hold it: an XML name, as pyxform requires. */
const QUESTION_NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u;
const OPERATOR_WORDS = new Set(['and', 'or', 'div', 'mod']);
/** Excel and word processors turn straight quotes into these; XPath only knows ' and ". */
const CURLY_QUOTES = '\u2018\u2019\u201C\u201D';

function isSpace(c: string): boolean {
  // NBSP too: invisible in a spreadsheet cell, so a refusal would puzzle the author.
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00A0';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function error(message: string, start: number, end: number): TokenResult {
  return { ok: false, problem: { message, start, end, severity: 'error' } };
}

/** Whether a token ends an operand, so that a following `and`, `or`, `div`, `mod` is an operator (XPath 1.0, 3.7). */
function endsOperand(token: Token | undefined): boolean {
  if (!token) return false;
  return token.type === 'number' || token.type === 'string' || token.type === 'ref' || token.type === 'name' || token.type === ')' || token.type === '.' || token.type === '..';
}

/** Reads the tokens of `source`, ending with an `eof` token. */
export function tokenize(source: string): TokenResult {
  const tokens: Token[] = [];
  const push = (type: Token['type'], text: string, start: number, end: number): void => {
    tokens.push({ type, text, start, end });
  };
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    const next = source.charAt(i + 1);
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === '$') {
      if (next !== '{') {
        const m = /^\$([\p{L}_][\p{L}\p{N}_.-]*)/u.exec(source.slice(i));
        const hint = m ? `write \${${m[1]}} to refer to a question` : 'write ${name} to refer to a question';
        return error(`\`$\` must start a reference: ${hint}`, start, start + (m ? m[0].length : 1));
      }
      const close = source.indexOf('}', i + 2);
      if (close < 0) return error('`${` has no closing `}`', start, source.length);
      const name = source.slice(i + 2, close).trim();
      if (name === '') return error('empty reference `${}`: put a question name inside', start, close + 1);
      if (name.includes('#')) return error(`\`\${${name}}\`: references to last-saved values are not supported`, start, close + 1);
      if (!QUESTION_NAME.test(name)) return error(`\`${name}\` is not a valid question name`, start, close + 1);
      push('ref', name, start, close + 1);
      i = close + 1;
    } else if (c === "'" || c === '"') {
      const close = source.indexOf(c, i + 1);
      if (close < 0) return error(`text starting with ${c} has no closing ${c}`, start, source.length);
      push('string', source.slice(i + 1, close), start, close + 1);
      i = close + 1;
    } else if (CURLY_QUOTES.includes(c)) {
      return error(`curly quote ${c}: use a straight quote ' or "`, start, start + 1);
    } else if (isDigit(c) || (c === '.' && isDigit(next))) {
      while (isDigit(source.charAt(i))) i++;
      if (source.charAt(i) === '.') {
        i++;
        while (isDigit(source.charAt(i))) i++;
      }
      push('number', source.slice(start, i), start, i);
    } else if (c === '.') {
      if (next === '.') {
        push('..', '..', start, start + 2);
        i += 2;
      } else {
        push('.', '.', start, start + 1);
        i++;
      }
    } else if (c === '(' || c === ')' || c === ',') {
      push(c, c, start, start + 1);
      i++;
    } else if (c === '=') {
      if (next === '=') return error('`==` is not XPath: use `=`', start, start + 2);
      push('op', '=', start, start + 1);
      i++;
    } else if (c === '!') {
      if (next !== '=') return error('`!` alone is not XPath: use `!=` or not(...)', start, start + 1);
      push('op', '!=', start, start + 2);
      i += 2;
    } else if (c === '<' || c === '>') {
      const op = next === '=' ? c + '=' : c;
      if (c === '<' && next === '>') return error('`<>` is not XPath: use `!=`', start, start + 2);
      push('op', op, start, start + op.length);
      i += op.length;
    } else if (c === '+' || c === '-' || c === '*') {
      push('op', c, start, start + 1);
      i++;
    } else if (c === '&' || c === '|') {
      if (next === c) return error(`\`${c}${c}\` is not XPath: use \`${c === '&' ? 'and' : 'or'}\``, start, start + 2);
      if (c === '|') return error('`|` (node-set union) is not supported', start, start + 1);
      return error('unexpected character `&`', start, start + 1);
    } else if (c === '/') {
      if (next === '/') return error('`//` paths are not supported: write ${name}', start, start + 2);
      return error('paths like /data/name are not supported: write ${name}, or `div` to divide', start, start + 1);
    } else if (c === '[' || c === ']') {
      return error('`[` predicates are not supported', start, start + 1);
    } else if (c === '@') {
      return error('`@` attributes are not supported', start, start + 1);
    } else if (NAME_START.test(c)) {
      i++;
      while (i < source.length && NAME_PART.test(source.charAt(i))) i++;
      // One `prefix:` is part of a qualified name, as in jr:choice-name.
      if (source.charAt(i) === ':' && NAME_START.test(source.charAt(i + 1))) {
        i += 2;
        while (i < source.length && NAME_PART.test(source.charAt(i))) i++;
      }
      const word = source.slice(start, i);
      if (OPERATOR_WORDS.has(word) && endsOperand(tokens[tokens.length - 1])) push('op', word, start, i);
      else push('name', word, start, i);
    } else {
      return error(`unexpected character \`${c}\``, start, start + 1);
    }
  }
  push('eof', '', source.length, source.length);
  return { ok: true, tokens };
}
