// The open route for monitors.
import type { ServerResponse } from 'node:http';
import type { Context } from '../context';
import { sendJson, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../http';
import { StoreUnavailableError } from '../store/unavailable';

/** GET /api/v1/health: 200 when the database answers, 503 (for load balancers to steer away) when it does not. */
export async function handleHealth(ctx: Context, res: ServerResponse): Promise<void> {
  try {
    await ctx.ping();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    sendJson(res, 503, { status: 'degraded', database: 'unreachable' }, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) });
    return;
  }
  sendJson(res, 200, { status: 'ok', database: 'ok' });
}
