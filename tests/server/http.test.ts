// The routes around submissions: health, forms, the built app, headers, errors, limits.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms/index';
import { ApiErrorSchema, MAX_BATCH_BYTES } from '../../src/sync/api';
import { makeSubmission } from '../fixtures/submissions';
import {
  FIXTURE_ASSET_BODY,
  FIXTURE_ASSET_PATH,
  FIXTURE_INDEX_HTML,
  get,
  postSubmissions,
  readAnswer,
  startTestServer,
  type Answer,
  type TestServer,
} from '../helpers/server';

const CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

function expectSecurityHeaders(answer: Answer): void {
  expect(answer.headers.get('content-security-policy')).toContain(CSP);
  expect(answer.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('API routes', () => {
  it('GET /api/v1/health → 200 {"status":"ok"}, no-store', async () => {
    const answer = await get(server, '/api/v1/health');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'ok', database: 'ok' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expectSecurityHeaders(answer);
  });

  it('GET /api/v1/forms → the wire format of every form', async () => {
    const answer = await get(server, '/api/v1/forms');
    expect(answer.status).toBe(200);
    const states = Object.fromEntries(FORMS.map((f) => [f.id, 'open']));
    expect(answer.json).toEqual({ forms: JSON.parse(JSON.stringify(FORMS)), states });
    const ids = (answer.json as { forms: { id: string }[] }).forms.map((f) => f.id);
    expect(ids).toEqual(['project-questionnaire', 'gender-sensitivity', 'workshop-feedback', 'gfp-constraints']);
  });

  it.each([
    ['/api/v1/nope', 'GET', 404, 'not_found'],
    ['/api', 'GET', 404, 'not_found'],
    ['/api/v2/health', 'GET', 404, 'not_found'],
    ['/api/v1/health', 'POST', 405, 'method_not_allowed'],
    ['/api/v1/forms', 'DELETE', 405, 'method_not_allowed'],
    ['/api/v1/forms/workshop-feedback/submissions.csv', 'POST', 405, 'method_not_allowed'],
    ['/', 'POST', 405, 'method_not_allowed'],
  ])('%s %s → %i with the error shape and security headers', async (path, method, status, code) => {
    const answer = await readAnswer(await fetch(`${server.url}${path}`, { method }));
    expect(answer.status).toBe(status);
    expect(ApiErrorSchema.parse(answer.json).error.code).toBe(code);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    if (status === 405) expect(answer.headers.get('allow')).toBeTruthy();
    expectSecurityHeaders(answer);
  });

  it('401 names the scheme to use', async () => {
    const answer = await postSubmissions(server, { submissions: [] }, { token: null });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('413 on a chunked body without Content-Length, once past 5 MB', async () => {
    const before = server.count();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        `${server.url}/api/v1/submissions`,
        { method: 'POST', headers: { Authorization: `Bearer ${server.deviceToken}`, 'Content-Type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        },
      );
      req.on('error', () => {}); // the server stops reading and closes: a late EPIPE is expected
      req.on('close', () => setTimeout(() => reject(new Error('no answer')), 2_000).unref());
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        // Bounded: at most twice the limit, unless the answer came first.
        while (sent < 2 * MAX_BATCH_BYTES && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.write('{"submissions": [');
      pump();
    });
    expect(status).toBe(413);
    expect(server.count()).toBe(before);
  });
});

function rawGet(path: string): Promise<{ status: number | undefined; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built app', () => {
  it.each(['/', '/index.html', '/fill/workshop-feedback', '/some/deep/route?x=1'])('GET %s → index.html, no-cache', async (path) => {
    const answer = await get(server, path);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(FIXTURE_INDEX_HTML);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    expectSecurityHeaders(answer);
  });

  it('serves hashed assets as immutable, with their type', async () => {
    const answer = await get(server, FIXTURE_ASSET_PATH);
    expect(answer.text).toBe(FIXTURE_ASSET_BODY);
    expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(answer);
  });

  it('serves other files (the service worker) with no-cache', async () => {
    const answer = await get(server, '/sw.js');
    expect(answer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing hashed asset with 404, not with HTML', async () => {
    const answer = await get(server, '/assets/app-old999.js');
    expect(answer.status).toBe(404);
    expect(ApiErrorSchema.parse(answer.json).error.code).toBe('not_found');
  });

  it.each(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/.env', '/%00', '/%E0%A4%A'])(
    'never serves a file outside dist/: %s',
    async (path) => {
      // node:http sends the path as written; fetch would normalize the dots away first.
      const answer = await rawGet(path);
      expect(answer.body).not.toContain('root:');
      expect(answer.body).not.toContain('"devDependencies"');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('HEAD sends headers only; a matching ETag gets 304', async () => {
    const head = await fetch(`${server.url}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const etag = head.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-security-policy')).toContain(CSP);
  });
});

describe('429 past the rate limit', () => {
  it('refuses a token over its bucket with Retry-After, and leaves other tokens alone', async () => {
    const limited = await startTestServer({ rateLimit: { perMinute: 1, burst: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await postSubmissions(limited, { submissions: [makeSubmission()] })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const before = limited.count();
      const refused = await postSubmissions(limited, { submissions: [makeSubmission()] });
      expect(refused.status).toBe(429);
      expect(ApiErrorSchema.parse(refused.json).error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(limited.count()).toBe(before);
      const coordinator = await postSubmissions(limited, { submissions: [makeSubmission()] }, { token: limited.coordinatorToken });
      expect(coordinator.status).toBe(200);
      // A wrong token is refused for what it is, and spends nobody's bucket.
      expect((await postSubmissions(limited, { submissions: [] }, { token: 'x'.repeat(43) })).status).toBe(401);
    } finally {
      await limited.stop();
    }
  });
});

describe('requests node:http cannot parse', () => {
  it('still get the error shape and the security headers', async () => {
    const { port } = new URL(server.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply.startsWith('HTTP/1.1 400')).toBe(true);
    expect(reply).toContain('X-Content-Type-Options: nosniff');
    expect(reply).toContain("Content-Security-Policy: default-src 'self'");
    expect(ApiErrorSchema.parse(JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4))).error.code).toBe('bad_request');
  });
});
