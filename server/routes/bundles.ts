// POST /api/v1/bundles: a device's offline bundle, brought by the coordinator. The file is
// checked whole (format, version, checksum), then its submissions go through the very same
// ingest as a sync batch and get the same per-submission results.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkBundle, MAX_BUNDLE_BYTES } from '../../src/export/bundle';
import type { SubmitResponse } from '../../src/sync/api';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { HttpError, parseJson, readBody, requireJsonContentType, sendJson } from '../http';
import { lookupFor } from '../forms';
import { ingestBatch } from '../ingest';

/** Checks come cheapest first: token, rate, content type, size, JSON, bundle, then each submission. */
export async function handleBundle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  requireJsonContentType(req);
  const read = await checkBundle(parseJson(await readBody(req, MAX_BUNDLE_BYTES)));
  if (!read.ok) throw new HttpError(400, 'bad_request', read.message);
  const results = await ingestBatch(ctx.store, read.bundle.submissions, ctx.now(), await lookupFor(ctx.store.forms, read.bundle.submissions));
  const by = (status: string) => results.filter((r) => r.status === status).length;
  await ctx.audit.record({
    actor: 'coordinator',
    action: 'bundle.import',
    details: { submissions: results.length, stored: by('stored'), duplicate: by('duplicate'), rejected: by('rejected') },
  });
  const answer: SubmitResponse = { results };
  sendJson(res, 200, answer);
}
