// Compressed copies of the app's text files, made once per file version and kept in memory:
// the first visit over a slow field connection is mostly download time.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|javascript)|image\/svg\+xml)/;

/** Above this, a file is streamed as it is rather than held in memory. */
const MAX_CACHED_BYTES = 8 * 1024 * 1024;

export type Encoding = 'br' | 'gzip';

const cache = new Map<string, { key: string; br: Buffer; gzip: Buffer }>();

/** The best encoding the client accepts for this type, if any. */
export function chooseEncoding(req: IncomingMessage, contentType: string, size: number): Encoding | undefined {
  if (!COMPRESSIBLE.test(contentType) || size > MAX_CACHED_BYTES || size < 256) return undefined;
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return undefined;
}

/** The file's bytes in `encoding`, compressed on first request for this version (size and mtime). */
export async function compressedFile(path: string, version: string, encoding: Encoding): Promise<Buffer> {
  const hit = cache.get(path);
  if (hit?.key === version) return hit[encoding];
  const raw = await readFile(path);
  const entry = {
    key: version,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzip: gzipSync(raw, { level: 9 }),
  };
  cache.set(path, entry);
  return entry[encoding];
}
