// Who may call a route, and how often.
import type { IncomingMessage } from 'node:http';
import type { Context } from './context';
import { HttpError } from './http';
import type { Role } from './tokens';

/**
 * The caller's role, or a thrown 401 (no or unknown token), 403 (a device token where
 * the coordinator's is needed) or 429 (over the rate limit, counted per token).
 */
export function authorize(ctx: Context, req: IncomingMessage, needed: Role): Role {
  const role = ctx.authenticate(req.headers.authorization);
  if (!role) {
    throw new HttpError(401, 'unauthorized', 'Send a valid token as "Authorization: Bearer <token>"; enroll this device again if it was changed.', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  if (needed === 'coordinator' && role !== 'coordinator') {
    throw new HttpError(403, 'forbidden', 'Only the coordinator token can do this.');
  }
  const decision = ctx.limiter.take(role);
  if (!decision.allowed) {
    throw new HttpError(429, 'rate_limited', `Too many requests; try again in ${decision.retryAfterSeconds} s.`, {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }
  return role;
}
