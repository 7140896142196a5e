// POST /api/v1/submissions: a batch in, one result per submission out, after the commit.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { MAX_BATCH_BYTES, MAX_BATCH_SUBMISSIONS, SubmitEnvelopeSchema, type SubmitResponse } from '../../src/sync/api';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { HttpError, parseJson, readBody, requireJsonContentType, sendJson } from '../http';
import { lookupFor } from '../forms';
import { ingestBatch } from '../ingest';

/** Checks come cheapest first: token, rate, content type, size, JSON, shape, count. */
export async function handleSubmit(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const caller = await requireCaller(ctx, req, 'device');
  requireJsonContentType(req);
  const body = parseJson(await readBody(req, MAX_BATCH_BYTES));
  const envelope = SubmitEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new HttpError(400, 'bad_request', `The body must be {"submissions": [...]}: ${z.prettifyError(envelope.error).slice(0, 500)}`);
  }
  const { submissions } = envelope.data;
  if (submissions.length > MAX_BATCH_SUBMISSIONS) {
    throw new HttpError(413, 'too_many_submissions', `At most ${MAX_BATCH_SUBMISSIONS} submissions per request; this one has ${submissions.length}.`);
  }
  const results = await ingestBatch(ctx.store, submissions, ctx.now(), await lookupFor(ctx.store.forms, submissions));
  await ctx.devices.addStored(caller, results.filter((r) => r.status === 'stored').length);
  const answer: SubmitResponse = { results };
  sendJson(res, 200, answer);
}
