// The expression module runs in the page, the service worker and the server: it must import nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../../src/forms/expr');

describe('src/forms/expr', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

  it.each(files.map((f) => [f]))('%s imports only its siblings', (file) => {
    const source = readFileSync(join(DIR, file), 'utf8');
    const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    const exports = [...source.matchAll(/^export [^'"]* from ['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect([...imports, ...exports].filter((path) => !/^\.\/[a-z-]+$/.test(path ?? ''))).toEqual([]);
  });

  it('uses no runtime globals of the page or of Node', () => {
    const used = files.filter((f) => /\b(window|document|process|Buffer|require|localStorage|navigator)\b[.(]/.test(readFileSync(join(DIR, f), 'utf8')));
    expect(used).toEqual([]);
  });

  it('keeps each file under 300 lines', () => {
    const long = files.filter((f) => readFileSync(join(DIR, f), 'utf8').split('\n').length > 300);
    expect(long).toEqual([]);
  });
});
