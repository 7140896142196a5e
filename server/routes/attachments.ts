// PUT /api/v1/submissions/{submissionId}/attachments/{sha256}: one file of a submission, its
// bytes as the body (docs/attachments.md). Hashed while written to a temporary file; kept under
// its sha256 and recorded only when the bytes hash to the URL's. The body is never logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bytesFit, MAX_ATTACHMENT_BYTES, MAX_SUBMISSION_ATTACHMENT_BYTES, MEDIA_TYPES, typeFits } from '../../src/forms/attachments';
import { SubmissionSchema } from '../../src/forms/submission';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { HttpError, sendJson } from '../http';
import { receiveInto } from '../attachments/receive';

const SHA256 = /^[0-9a-f]{64}$/;
const MB = 1024 * 1024;

/** The submission id and sha256 of the path, or a 400. */
export function parseUploadPath(rawId: string, rawSha: string): { submissionId: string; sha256: string } {
  if (!SubmissionSchema.shape.id.safeParse(rawId).success) throw new HttpError(400, 'bad_request', 'The submission id in the URL must be a UUID.');
  if (!SHA256.test(rawSha)) throw new HttpError(400, 'bad_request', 'The file in the URL must be named by its sha256, 64 lowercase hex digits.');
  return { submissionId: rawId, sha256: rawSha };
}

/** The body's declared media type (parameters dropped), or a 415 when missing or one no media question takes. */
export function uploadType(req: IncomingMessage): string {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === '') throw new HttpError(415, 'unsupported_media_type', "Send the file's media type as Content-Type, such as image/jpeg.");
  if (!MEDIA_TYPES.some((question) => typeFits(question, type))) {
    throw new HttpError(415, 'unsupported_media_type', `Files of type ${type.slice(0, 100)} are not accepted: a browser would run them, or it is not a media type.`);
  }
  return type;
}

function tooLarge(message: string): HttpError {
  // Connection: close, since the body is left unread.
  return new HttpError(413, 'payload_too_large', message, { Connection: 'close' });
}

const PER_FILE = `A file holds at most ${MAX_ATTACHMENT_BYTES / MB} MB.`;
const PER_SUBMISSION = `A submission's files hold at most ${MAX_SUBMISSION_ATTACHMENT_BYTES / MB} MB in all.`;

/** Checks come cheapest first: token and rate, path, type, declared size, the stored submission, then the bytes. */
export async function handleUpload(ctx: Context, req: IncomingMessage, res: ServerResponse, rawId: string, rawSha: string): Promise<void> {
  const caller = await requireCaller(ctx, req, 'device', ctx.uploadLimiter);
  const { submissionId, sha256 } = parseUploadPath(rawId, rawSha);
  const type = uploadType(req);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_ATTACHMENT_BYTES) {
    req.pause();
    throw tooLarge(PER_FILE);
  }
  const stored = await ctx.store.get(submissionId);
  if (stored && !stored.submission.attachments?.some((a) => a.sha256 === sha256)) {
    throw new HttpError(409, 'conflict', 'This submission is already stored and does not list this file.');
  }
  if (await ctx.store.attachments.get(submissionId, sha256)) return sendJson(res, 200, { status: 'duplicate' });
  const room = MAX_SUBMISSION_ATTACHMENT_BYTES - (await ctx.store.attachments.totalBytes(submissionId));
  if (declared > room) {
    req.pause();
    throw tooLarge(PER_SUBMISSION);
  }

  const file = await ctx.files.incoming(sha256);
  try {
    await receiveInto(req, file, {
      maxBytes: Math.min(MAX_ATTACHMENT_BYTES, room),
      tooLarge: room < MAX_ATTACHMENT_BYTES ? PER_SUBMISSION : PER_FILE,
      headFits: (head) => bytesFit(type, head),
      badHead: `The file's bytes are not those of ${type}.`,
    });
    if (file.size === 0) throw new HttpError(400, 'bad_request', 'The file is empty.');
    if (!(await file.commit())) {
      throw new HttpError(422, 'hash_mismatch', 'The bytes received do not hash to the sha256 in the URL; nothing was kept. Send the file again.');
    }
  } finally {
    await file.discard();
  }
  const deviceId = caller.role === 'device' ? caller.device.id : 'coordinator';
  const outcome = await ctx.store.attachments.record({ submissionId, sha256, size: file.size, type, deviceId, receivedAt: ctx.now() }, MAX_SUBMISSION_ATTACHMENT_BYTES);
  // Over the total only when another upload for this submission won a race; its file stays on disk, unnamed by this one.
  if (outcome === 'over_limit') throw tooLarge(PER_SUBMISSION);
  sendJson(res, outcome === 'inserted' ? 201 : 200, { status: outcome === 'inserted' ? 'stored' : 'duplicate' });
}
