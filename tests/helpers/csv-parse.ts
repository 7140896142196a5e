// A small strict RFC 4180 parser for reading exports back in tests: it throws on
// anything the RFC does not allow (bare quotes, a lone CR or LF, unequal row lengths).

const UNQUOTED = /[^,\r\n"]*/y;

/** Records of a CSV text (BOM already removed), every record ended by CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`CSV: ${why} at offset ${i}`);
  };
  while (i < text.length) {
    let cell: string;
    if (text[i] === '"') {
      // Slices between quotes, so a long cell costs one pass, not one concatenation per character.
      const parts: string[] = [];
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) fail('unterminated quoted cell');
        parts.push(text.slice(i, close));
        i = close + 1;
        if (text[i] !== '"') break;
        parts.push('"');
        i++;
      }
      cell = parts.join('');
    } else {
      UNQUOTED.lastIndex = i;
      UNQUOTED.exec(text);
      cell = text.slice(i, UNQUOTED.lastIndex);
      i = UNQUOTED.lastIndex;
      if (text[i] === '"') fail('quote inside an unquoted cell');
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
      if (i === text.length) fail('last record not ended by CRLF');
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      rows.push(row);
      row = [];
      continue;
    }
    fail(i >= text.length ? 'last record not ended by CRLF' : 'a line break other than CRLF, or text after a closing quote');
  }
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, n) => {
    if (r.length !== width) throw new Error(`CSV: record ${n} has ${r.length} cells, the header ${width}`);
  });
  return rows;
}

/** Records as objects keyed by the header's column names. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  return records.map((r) => Object.fromEntries(header.map((name, k) => [name, r[k] ?? ''])));
}
