import { describe, expect, it } from 'vitest';
import { parseEnrollment, tokenFromHash } from '../../src/sync/enrollment';

const TOKEN = 'dev_4f9c2a7b8e1d0c3f5a6b7c8d9e0f1a2b';

describe('tokenFromHash', () => {
  it.each([
    [`#enroll=${TOKEN}`, TOKEN],
    ['#enroll=short', undefined],
    ['#/fill/abc', undefined],
    ['', undefined],
    [`#enroll=${TOKEN}&x=1`, undefined],
    ['#enroll=<script>alert(1)</script>xxxxxxxx', undefined],
  ])('%s', (hash, expected) => expect(tokenFromHash(hash)).toBe(expected));
});

describe('parseEnrollment', () => {
  it.each([
    [TOKEN, { token: TOKEN }],
    [`  ${TOKEN}\n`, { token: TOKEN }],
    [`http://10.0.0.5:8080/#enroll=${TOKEN}`, { token: TOKEN, endpoint: 'http://10.0.0.5:8080' }],
    ['http://example.org/?token=abc', undefined],
    ['not a token', undefined],
  ])('%s', (input, expected) => expect(parseEnrollment(input)).toEqual(expected));
});
