// TLS_CERT_FILE and TLS_KEY_FILE: the server speaks HTTPS itself, with a self-signed
// certificate made here by openssl and trusted by the client as its only authority.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/server';
import { SubmitResponseSchema } from '../../src/sync/api';
import { makeSubmissions } from '../fixtures/submissions';
import { makeTempDir, removeDir, TEST_RATE_LIMIT } from '../helpers/server';

const DEVICE_TOKEN = 'https-test-shared-device-token';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request that trusts `ca` only (no turning verification off). */
function httpsRequest(url: string, ca: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A key and a one-day self-signed certificate for 127.0.0.1 and localhost. */
function makeCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

describe('HTTPS', () => {
  let dir: string;
  let tls: { certFile: string; keyFile: string };
  let ca: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = makeTempDir();
    tls = makeCertificate(dir);
    ca = readFileSync(tls.certFile, 'utf8');
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), distDir: join(dir, 'dist'), rateLimit: TEST_RATE_LIMIT, deviceToken: DEVICE_TOKEN, tls });
  });
  afterAll(async () => {
    await server?.close();
    removeDir(dir);
  });

  it('serves the API over HTTPS with the given certificate', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await httpsRequest(`${server.url}/api/v1/health`, ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', database: 'ok' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('takes a batch over HTTPS', async () => {
    const submissions = makeSubmissions(3);
    const answer = await httpsRequest(`${server.url}/api/v1/submissions`, ca, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEVICE_TOKEN}` },
      body: JSON.stringify({ submissions }),
    });
    expect(answer.status).toBe(200);
    expect(SubmitResponseSchema.parse(JSON.parse(answer.body)).results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
  });

  it('a client that does not trust the certificate is refused', async () => {
    await expect(httpsRequest(`${server.url}/api/v1/health`, '')).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });

  it('plain HTTP on the same port gets no answer', async () => {
    const error = await fetch(`${server.url.replace('https:', 'http:')}/api/v1/health`).then(
      (response) => `answered ${response.status}`,
      (failed: unknown) => failed,
    );
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses to start with a key that does not match, naming the settings', async () => {
    const other = makeCertificate(makeTempDir());
    const start = startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data2'), tls: { certFile: tls.certFile, keyFile: other.keyFile } });
    await expect(start).rejects.toThrow(/TLS_CERT_FILE and TLS_KEY_FILE/);
    const missing = startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data3'), tls: { certFile: join(dir, 'nope.pem'), keyFile: tls.keyFile } });
    await expect(missing).rejects.toThrow(/certificate file .*nope\.pem: ENOENT/);
    removeDir(join(other.certFile, '..'));
  });
});

describe('TLS settings', () => {
  it('takes both files, as absolute paths', () => {
    expect(readConfig({ TLS_CERT_FILE: 'c.pem', TLS_KEY_FILE: '/etc/k.pem' }).tls).toEqual({ certFile: join(process.cwd(), 'c.pem'), keyFile: '/etc/k.pem' });
    expect(readConfig({}).tls).toBeUndefined();
  });

  it.each([{ TLS_CERT_FILE: 'c.pem' }, { TLS_KEY_FILE: 'k.pem' }])('refuses one without the other: %j', (env) => {
    expect(() => readConfig(env)).toThrow(/both TLS_CERT_FILE and TLS_KEY_FILE/);
  });
});
