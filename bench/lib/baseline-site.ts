// A blank page served by a minimal Workbox worker: the yardstick for the app's offline reload.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const BLANK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>
<body><p data-counted>ready</p><p data-counted></p><p data-counted></p><p data-counted></p>
<script>navigator.serviceWorker.register('/sw.js')</script></body></html>`;

/** Builds the baseline worker and serves it with the blank page on 127.0.0.1. */
export async function startBaselineSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldbook-baseline-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    // Workbox reads process.env.NODE_ENV to drop its development checks, as the app's worker build does.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: { entry: fileURLToPath(new URL('../baseline/sw.ts', import.meta.url)), formats: ['iife'], name: 'baselineWorker', fileName: () => 'sw.js' },
    },
  });
  writeFileSync(join(dir, 'index.html'), BLANK_PAGE);
  const files: Record<string, [string, string]> = {
    '/': ['index.html', 'text/html'],
    '/index.html': ['index.html', 'text/html'],
    '/sw.js': ['sw.js', 'text/javascript'],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[1], 'Cache-Control': 'no-cache' }).end(readFileSync(join(dir, file[0])));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((done) => server.close(() => done())) };
}
