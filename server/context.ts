// What every route handler is given: the store, who may do what, and the limits.
import type { RateLimiter } from './rate-limit';
import type { Store } from './store/types';
import type { Role } from './tokens';

export interface Context {
  store: Store;
  /** Who the `Authorization` header's token belongs to, if anyone. */
  authenticate: (authorization: string | undefined) => Role | undefined;
  limiter: RateLimiter;
  /** The Vite build output served as the app. */
  distDir: string;
  /** The server's clock, as ISO 8601; injectable for tests. */
  now: () => string;
}
