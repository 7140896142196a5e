// File uploads have their own rate bucket: a device sending 1,000 photos is not held to the
// allowance of its batch posts, and a flood of uploads is still slowed with 429.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { pngBytes, putFile } from '../helpers/attachments';
import { postSubmissions, startTestServer, type TestServer } from '../helpers/server';

describe('the upload rate bucket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { perMinute: 1, burst: 2 }, uploadRateLimit: { perMinute: 1, burst: 3 } });
  });
  afterAll(() => server?.stop());

  it('counts uploads apart from other requests, each bucket with its own 429', async () => {
    const id = randomUUID();
    for (let i = 0; i < 3; i++) expect((await putFile(server, id, pngBytes(1000 + i))).status).toBe(201);
    const refused = await putFile(server, id, pngBytes(2000));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The batch posts' bucket is still full: uploads took nothing from it.
    expect((await postSubmissions(server, { submissions: [] })).status).toBe(200);
    expect((await postSubmissions(server, { submissions: [] })).status).toBe(200);
    expect((await postSubmissions(server, { submissions: [] })).status).toBe(429);
  });
});
