// Who may call a route, and how often.
import type { IncomingMessage } from 'node:http';
import { APP_VERSION_HEADER } from '../src/sync/devices-api';
import type { Context } from './context';
import type { Caller } from './devices';
import { HttpError } from './http';
import type { Role } from './tokens';
import { bearerToken } from './tokens';

/** An app version as a device may name it: short and plain, else ignored. */
const APP_VERSION_PATTERN = /^[\w.+-]{1,40}$/;

/** The app version a request names in its X-App-Version header, if a plausible one. */
export function appVersionOf(req: IncomingMessage): string | undefined {
  const value = req.headers[APP_VERSION_HEADER.toLowerCase()];
  return typeof value === 'string' && APP_VERSION_PATTERN.test(value) ? value : undefined;
}

/** Counts a request in `key`'s bucket, or throws 429. */
export function limitRate(ctx: Context, key: string, limiter = ctx.limiter): void {
  const decision = limiter.take(key);
  if (!decision.allowed) {
    throw new HttpError(429, 'rate_limited', `Too many requests; try again in ${decision.retryAfterSeconds} s.`, {
      'Retry-After': String(decision.retryAfterSeconds),
    });
  }
}

/**
 * The caller, or a thrown 401 (no or unknown token; `device_revoked` for a revoked device),
 * 403 (a device where the coordinator is needed) or 429 (over the rate limit, counted per
 * device). Async: a device's credential is looked up in the store.
 */
export async function requireCaller(ctx: Context, req: IncomingMessage, needed: Role, limiter = ctx.limiter): Promise<Caller> {
  const found = await ctx.devices.identify(bearerToken(req.headers.authorization), appVersionOf(req));
  if (!found.ok && found.reason === 'revoked') {
    throw new HttpError(401, 'device_revoked', "This device's access was withdrawn by the coordinator. Nothing on it was deleted: export its responses to a file and ask the coordinator for a new enrollment link.", {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    });
  }
  if (!found.ok) {
    throw new HttpError(401, 'unauthorized', 'Send a valid token as "Authorization: Bearer <token>"; enroll this device again if it was changed.', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  const { caller } = found;
  if (needed === 'coordinator' && caller.role !== 'coordinator') {
    throw new HttpError(403, 'forbidden', 'Only the coordinator token can do this.');
  }
  limitRate(ctx, caller.rateKey, limiter);
  return caller;
}
