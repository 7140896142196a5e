import { describe, expect, it } from 'vitest';
import { attachmentUrl, MIN_UPLOAD_BYTES_PER_SECOND, uploadTimeoutMs, uploadVerdict } from '../../src/sync/attachments';

describe('uploadVerdict', () => {
  it.each([
    [201, undefined, 'held'],
    [200, undefined, 'held'],
    [413, 'payload_too_large', 'refused'],
    [415, 'unsupported_media_type', 'refused'],
    [422, 'hash_mismatch', 'refused'],
    [409, 'conflict', 'refused'],
    [500, 'internal_error', 'failed:server'],
    [503, 'unavailable', 'failed:server'],
    [401, 'unauthorized', 'failed:unauthorized'],
    [401, 'device_revoked', 'failed:revoked'],
    [429, 'rate_limited', 'failed:rate-limited'],
    // A server without the route (older than attachments) is not a verdict on the file.
    [404, 'not_found', 'failed:refused'],
    [400, 'bad_request', 'failed:refused'],
  ] as const)('%i %s: %s', (status, code, expected) => {
    const verdict = uploadVerdict(status, null, 'the reason', code);
    expect(verdict.kind === 'failed' ? `failed:${verdict.failure.kind}` : verdict.kind).toBe(expected);
    if (verdict.kind === 'refused') expect(verdict).toEqual({ kind: 'refused', message: 'the reason', code });
  });
});

describe('attachmentUrl', () => {
  it('names only the submission and the hash under the endpoint', () => {
    const sha = 'ab'.repeat(32);
    expect(attachmentUrl('https://sync.example.org/base/', '3f0c-1', sha)).toBe(`https://sync.example.org/base/api/v1/submissions/3f0c-1/attachments/${sha}`);
    expect(attachmentUrl('http://127.0.0.1:1', 'a/b?c', sha)).toBe(`http://127.0.0.1:1/api/v1/submissions/a%2Fb%3Fc/attachments/${sha}`);
  });
});

describe('uploadTimeoutMs', () => {
  it.each([
    [1000, 30_000, 30_000],
    [200 * 1024, 30_000, 30_000],
    [10 * 1024 * 1024, 30_000, Math.ceil((10 * 1024 * 1024 * 1000) / MIN_UPLOAD_BYTES_PER_SECOND)],
  ])('%i bytes with a %i ms batch timeout: %i ms', (size, timeout, expected) => {
    expect(uploadTimeoutMs(size, timeout)).toBe(expected);
  });
});
