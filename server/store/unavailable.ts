// The one failure a store reports that is not a bug: its database cannot be reached right now.

/**
 * Thrown by a store when its database is down, unreachable or too slow to answer in time.
 * Nothing was committed that the caller was not told about, so the request can be retried
 * later: the server answers 503 with Retry-After, never a 500 that would make a device drop a batch.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
