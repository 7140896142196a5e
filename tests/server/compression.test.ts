// The app's files go out compressed to clients that accept it, and as they are to those that do not.
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word${i % 50}`))};\n`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  writeFileSync(join(server.distDir, 'assets', 'big-abc123.js'), SCRIPT);
  writeFileSync(join(server.distDir, 'icon.png'), Buffer.alloc(4096, 7));
});
afterAll(() => server.stop());

function fetchRaw(path: string, acceptEncoding?: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

it.each([
  ['br, gzip', 'br', brotliDecompressSync],
  ['gzip, deflate', 'gzip', gunzipSync],
] as const)('Accept-Encoding %s → %s, same bytes once decoded, smaller on the wire', async (accept, encoding, decode) => {
  const answer = await fetchRaw('/assets/big-abc123.js', accept);
  expect(answer.headers['content-encoding']).toBe(encoding);
  expect(answer.headers.vary).toContain('Accept-Encoding');
  expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
  expect(answer.body.length).toBeLessThan(SCRIPT.length / 5);
  expect(decode(answer.body).toString('utf8')).toBe(SCRIPT);
});

it('sends the file as it is when the client accepts no compression, with another ETag', async () => {
  const plain = await fetchRaw('/assets/big-abc123.js');
  const compressed = await fetchRaw('/assets/big-abc123.js', 'gzip');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(SCRIPT);
  expect(plain.headers.etag).not.toBe(compressed.headers.etag);
});

it('leaves images alone', async () => {
  const answer = await fetchRaw('/icon.png', 'br, gzip');
  expect(answer.headers['content-encoding']).toBeUndefined();
  expect(answer.body.length).toBe(4096);
});
