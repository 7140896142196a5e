import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../../server/rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then refuses with a Retry-After, then refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('lets one device drain 10,000 queued submissions in batches of 200 at once', () => {
    const limiter = new RateLimiter(DEFAULT_RATE_LIMIT, () => 0);
    const requests = Math.ceil(10_000 / 200);
    const allowed = Array.from({ length: requests }, () => limiter.take('device').allowed);
    expect(allowed.every(Boolean)).toBe(true);
  });

  it('refuses a bad configuration', () => {
    expect(() => new RateLimiter({ perMinute: 0, burst: 1 })).toThrow(RangeError);
  });
});
