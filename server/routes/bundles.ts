// POST /api/v1/bundles: a device's offline bundle, brought by the coordinator. The file is
// checked whole (format, version, checksum; for a ZIP bundle every file against its sha256 and
// every file the submissions name present), then its files are recorded for the submissions
// naming them, then its submissions go through the very same ingest as a sync batch and get the
// same per-submission results.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkBundle, MAX_BUNDLE_BYTES } from '../../src/export/bundle';
import { MAX_ZIP_BUNDLE_BYTES } from '../../src/export/bundle-zip';
import { bytesFit, MAX_SUBMISSION_ATTACHMENT_BYTES } from '../../src/forms/attachments';
import type { FormLookup } from '../../src/forms/lookup';
import type { SubmissionError, SubmissionResult, SubmitResponse } from '../../src/sync/api';
import { receiveZipBundle } from '../attachments/bundle-files';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { HttpError, parseJson, readBody, requireJsonContentType, sendJson } from '../http';
import { lookupFor } from '../forms';
import { checkSubmission, ingestBatch } from '../ingest';

const ZIP_TOO_LARGE = `A bundle holds at most ${MAX_ZIP_BUNDLE_BYTES / 1024 ** 3} GB.`;

/** The submissions of a ZIP bundle, each file of it kept on disk; the first bytes of each file by sha256. */
async function readZip(ctx: Context, req: IncomingMessage): Promise<{ submissions: unknown[]; heads: Map<string, Uint8Array> }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_ZIP_BUNDLE_BYTES) {
    req.pause();
    throw new HttpError(413, 'payload_too_large', ZIP_TOO_LARGE, { Connection: 'close' });
  }
  const { read, heads } = await receiveZipBundle(req, ctx.files, { maxBytes: MAX_ZIP_BUNDLE_BYTES, tooLarge: ZIP_TOO_LARGE });
  if (!read.ok) {
    // Refused before the end of the body: what is left is not read, so the connection closes.
    if (!req.complete) req.pause();
    throw new HttpError(400, 'bad_request', read.message, req.complete ? {} : { Connection: 'close' });
  }
  return { submissions: read.bundle.submissions, heads };
}

/**
 * Records each bundled file for each acceptable submission naming it that is not stored yet, so
 * the ingest finds them held. A stored one is left alone: a duplicate already has its files, and
 * another submission with that id must not gain them. A submission whose image's bytes are not
 * of its declared type (as an upload would be refused, 415) is rejected here, and gains no file.
 */
async function recordFiles(ctx: Context, submissions: readonly unknown[], heads: ReadonlyMap<string, Uint8Array>, lookup: FormLookup): Promise<Map<number, SubmissionError[]>> {
  const refused = new Map<number, SubmissionError[]>();
  for (const [i, input] of submissions.entries()) {
    const checked = checkSubmission(input, lookup);
    if (!checked.ok || !checked.attachments || (await ctx.store.get(checked.item.id))) continue;
    const misfit = checked.attachments.findIndex((a) => !bytesFit(a.type, heads.get(a.sha256) ?? new Uint8Array(0)));
    if (misfit >= 0) {
      refused.set(i, [{ path: `attachments.${misfit}`, message: `The file's bytes are not those of ${checked.attachments[misfit]!.type}.` }]);
      continue;
    }
    for (const { sha256, size, type } of checked.attachments) {
      await ctx.store.attachments.record({ submissionId: checked.item.id, sha256, size, type, deviceId: 'coordinator', receivedAt: ctx.now() }, MAX_SUBMISSION_ATTACHMENT_BYTES);
    }
  }
  return refused;
}

/** Checks come cheapest first: token, rate, content type, size, the file whole (and its files), then each submission. */
export async function handleBundle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const zip = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/zip';
  let submissions: unknown[];
  let heads = new Map<string, Uint8Array>();
  if (zip) {
    ({ submissions, heads } = await readZip(ctx, req));
  } else {
    requireJsonContentType(req);
    const read = await checkBundle(parseJson(await readBody(req, MAX_BUNDLE_BYTES)));
    if (!read.ok) throw new HttpError(400, 'bad_request', read.message);
    // A JSON bundle carries no files: each submission naming one is judged as sync would (held, or attachment_missing).
    submissions = read.bundle.submissions;
  }
  const lookup = await lookupFor(ctx.store.forms, submissions);
  const refused = heads.size > 0 ? await recordFiles(ctx, submissions, heads, lookup) : new Map<number, SubmissionError[]>();
  const ingested = await ingestBatch(ctx.store, submissions.filter((_, i) => !refused.has(i)), ctx.now(), lookup);
  let next = 0;
  const results: SubmissionResult[] = submissions.map((input, i) => {
    const errors = refused.get(i);
    return errors ? { id: (input as { id: string }).id, status: 'rejected', errors } : ingested[next++]!;
  });
  const by = (status: string) => results.filter((r) => r.status === status).length;
  await ctx.audit.record({
    actor: 'coordinator',
    action: 'bundle.import',
    details: { submissions: results.length, ...(zip && { files: heads.size }), stored: by('stored'), duplicate: by('duplicate'), rejected: by('rejected') },
  });
  const answer: SubmitResponse = { results };
  sendJson(res, 200, answer);
}
