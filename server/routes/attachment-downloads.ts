// The coordinator's downloads of attachments (docs/attachments.md): a submission's list, one file,
// and every file of a form as one ZIP streamed a file at a time, `<submissionId>/<name>`.
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Zip, ZipPassThrough } from 'fflate';
import type { Attachment } from '../../src/forms/attachments';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { drained, HttpError, sendJson } from '../http';
import type { StoredSubmission } from '../store/types';

/** Nothing in a downloaded file runs, even if a browser opens it in place. */
const FILE_POLICY = "sandbox; default-src 'none'";
/** fflate writes no ZIP64: offsets and sizes must stay under 4 GiB, with room for headers. */
export const MAX_ZIP_BYTES = 4 * 1024 ** 3 - 64 * 1024 ** 2;

/** The stored submission of that form, or a 404. */
async function storedOf(ctx: Context, formId: string, submissionId: string): Promise<StoredSubmission> {
  const stored = submissionId.length <= 100 ? await ctx.store.get(submissionId) : undefined;
  if (!stored || stored.formId !== formId) throw new HttpError(404, 'not_found', `No stored submission ${submissionId.slice(0, 100)} of form "${formId.slice(0, 100)}".`);
  return stored;
}

/** `attachment` with the name as given (RFC 6266) and a plain-ASCII stand-in for old clients. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** GET …/forms/{formId}/submissions/{submissionId}/attachments: the files a stored submission lists. */
export async function handleAttachmentList(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string, submissionId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const stored = await storedOf(ctx, formId, submissionId);
  const attachments: Attachment[] = stored.submission.attachments ?? [];
  sendJson(res, 200, { attachments });
}

/** GET …/attachments/{name}: one file as a download with its stored media type. */
export async function handleAttachmentDownload(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string, submissionId: string, name: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const stored = await storedOf(ctx, formId, submissionId);
  const entry = stored.submission.attachments?.find((a) => a.name === name);
  const row = entry && (await ctx.store.attachments.get(submissionId, entry.sha256));
  if (!entry || !row) throw new HttpError(404, 'not_found', `Submission ${submissionId} has no file "${name.slice(0, 200)}".`);
  const file = ctx.files.read(row.sha256);
  try {
    await once(file, 'ready');
  } catch {
    throw new Error(`the file of ${row.sha256} is recorded but not in the attachments folder`);
  }
  res.writeHead(200, {
    'Content-Type': row.type,
    'Content-Length': String(row.size),
    'Content-Disposition': disposition(name),
    'Content-Security-Policy': FILE_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  if (req.method === 'HEAD') {
    file.destroy();
    res.end();
    return;
  }
  await pipeline(file, res);
}

/** GET /api/v1/forms/{formId}/attachments.zip: every file of the form's stored submissions, stored (not deflated). */
export async function handleAttachmentsZip(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  if (!(await ctx.store.forms.entry(formId))) throw new HttpError(404, 'not_found', `No form "${formId.slice(0, 100)}" on this server.`);
  const totals = await ctx.store.attachments.formTotals(formId);
  if (totals.bytes > MAX_ZIP_BYTES) {
    throw new HttpError(413, 'payload_too_large', "This form's files pass 4 GB, more than one ZIP holds: download them per submission.");
  }
  res.writeHead(200, {
    'Content-Type': 'application/zip',
    'Content-Disposition': disposition(`${formId}-attachments.zip`),
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let failure: Error | null = null;
  // fflate hands each piece over synchronously as it is pushed; the loop below waits for the socket.
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else if (chunk.length > 0) res.write(chunk);
    if (final && !error) res.end();
  });
  // Breaking out of the loop (a client gone) closes the database reader.
  for await (const stored of ctx.store.iterateForm(formId)) {
    for (const attachment of stored.submission.attachments ?? []) {
      const entry = new ZipPassThrough(`${stored.id}/${attachment.name}`);
      entry.mtime = new Date(stored.receivedAt);
      zip.add(entry);
      for await (const chunk of ctx.files.read(attachment.sha256)) {
        entry.push(chunk as Buffer);
        if (failure) throw failure;
        if (!(await drained(res))) return;
      }
      entry.push(new Uint8Array(0), true);
      if (failure) throw failure;
    }
  }
  zip.end();
  if (failure) throw failure;
}
