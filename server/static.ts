// The built app (Vite's dist/): files as they are, index.html for any other path so the
// app's own router takes over. Hashed assets are cached for good, the rest revalidated.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './http';
import { chooseEncoding, compressedFile } from './compression';

/** Vite puts content-hashed files here: their name changes whenever their bytes do. */
const IMMUTABLE_PREFIX = '/assets/';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, the manifest) is checked with the server on each use. */
const REVALIDATE_CACHE = 'no-cache';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
};

interface Found {
  path: string;
  size: number;
  mtimeMs: number;
}

async function fileAt(path: string): Promise<Found | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The file under `distDir` that a URL path names, never one outside it nor a dotfile. */
export function resolveInDist(distDir: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  if (relative.split(/[/\\]/).some((part) => part.startsWith('.'))) return undefined;
  const full = join(distDir, relative);
  return full.startsWith(distDir + sep) ? full : undefined;
}

/** Serves GET and HEAD for any path outside the API. */
export async function serveStatic(distDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const requested = resolveInDist(distDir, pathname);
  let file = requested ? await fileAt(requested) : undefined;
  const immutable = file !== undefined && pathname.startsWith(IMMUTABLE_PREFIX);
  if (!file) {
    // A missing hashed asset is a stale page asking for an old build: say so rather than send HTML as script.
    if (pathname.startsWith(IMMUTABLE_PREFIX)) throw new HttpError(404, 'not_found', 'No such asset; reload the app.');
    file = await fileAt(join(distDir, 'index.html'));
    if (!file) throw new HttpError(404, 'not_found', 'The app has not been built on this server (run `npm run build`).');
  }
  const version = `${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}`;
  const contentType = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  const encoding = chooseEncoding(req, contentType, file.size);
  // Each encoding is a different representation, so it gets its own validator.
  const etag = `W/"${version}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    Vary: 'Accept-Encoding',
    'Cache-Control': immutable ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
    ETag: etag,
    'Last-Modified': new Date(file.mtimeMs).toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  if (encoding) {
    const body = await compressedFile(file.path, version, encoding);
    res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(file.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(createReadStream(file.path), res);
}
