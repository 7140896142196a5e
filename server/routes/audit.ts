// GET /api/v1/audit: the coordinator's actions, newest first (PRODUCT.md section 8).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuditEntry } from '../../src/sync/devices-api';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { HttpError, sendJson } from '../http';

export const DEFAULT_AUDIT_PAGE = 100;
export const MAX_AUDIT_PAGE = 1000;

function positiveInteger(search: URLSearchParams, name: string): number | undefined {
  const raw = search.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw new HttpError(400, 'bad_request', `${name} must be a positive whole number.`);
  return Number(raw);
}

/** `?limit=` (up to 1000) entries older than `?before=<id>`; the coordinator only. */
export async function handleAudit(ctx: Context, req: IncomingMessage, res: ServerResponse, search: URLSearchParams): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const limit = Math.min(MAX_AUDIT_PAGE, positiveInteger(search, 'limit') ?? DEFAULT_AUDIT_PAGE);
  const before = positiveInteger(search, 'before');
  const entries: AuditEntry[] = await ctx.audit.list({ limit, ...(before !== undefined && { before }) });
  sendJson(res, 200, { entries });
}
