// A token bucket per client token: bursts are allowed, a sustained flood is slowed with 429.

export interface RateLimit {
  /** Requests a bucket regains per minute. */
  perMinute: number;
  /** Requests a full bucket allows at once. */
  burst: number;
}

/**
 * Room for one device to drain 10,000 queued submissions in batches of 200 (50 requests)
 * in one go, while a runaway client is held to two requests a second.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 120, burst: 60 };

/**
 * File uploads have their own bucket, counted apart from the requests above: one request per
 * photo would otherwise hold a device with 1,000 photos for 8 minutes on a local network. Room
 * for 1,000 at once, then 30 a second; each upload is capped in size (docs/attachments.md).
 */
export const DEFAULT_UPLOAD_RATE_LIMIT: RateLimit = { perMinute: 1_800, burst: 1_000 };

/** Either allowed, or refused with how long to wait before the next request can pass. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets by key (a digest of the client's token), with an injectable clock for tests. */
export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(limit: RateLimit, now: () => number = Date.now) {
    if (!(limit.perMinute > 0) || !(limit.burst >= 1)) throw new RangeError('a rate limit needs perMinute > 0 and burst >= 1');
    this.#limit = limit;
    this.#now = now;
  }

  /** Takes one request from `key`'s bucket if it has one. */
  take(key: string): RateDecision {
    const now = this.#now();
    const perMs = this.#limit.perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#limit.burst, updatedMs: now };
    bucket.tokens = Math.min(this.#limit.burst, bucket.tokens + Math.max(0, now - bucket.updatedMs) * perMs);
    bucket.updatedMs = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }
}
