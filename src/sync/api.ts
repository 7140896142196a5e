// The sync API's bodies (PRODUCT.md section 5), shared by the browser sync engine and
// the server. It imports nothing runtime-specific.
import * as z from 'zod/mini';
import { SubmissionSchema } from '../forms/submission';

export { API_PREFIX } from './health';

/** At most this many submissions per POST; more is a 413. */
export const MAX_BATCH_SUBMISSIONS = 500;

/** At most this many bytes of request body per POST; more is a 413. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** What a client sends: a batch of finalized submissions. */
export const SubmitRequestSchema = z.strictObject({
  submissions: z.array(SubmissionSchema).check(z.maxLength(MAX_BATCH_SUBMISSIONS)),
});
export type SubmitRequest = z.infer<typeof SubmitRequestSchema>;

/**
 * The envelope the server checks before looking at any submission: a wrong envelope is
 * a 400, while a bad submission inside a good envelope gets its own `rejected` result.
 */
export const SubmitEnvelopeSchema = z.strictObject({ submissions: z.array(z.unknown()) });

/** One reason a submission was refused; `path` is dotted, e.g. `answers.sex`. */
export const SubmissionErrorSchema = z.object({
  path: z.optional(z.string()),
  message: z.string(),
  /** Set where the device acts on the reason: `attachment_missing` sends the files again and keeps the submission queued. */
  code: z.optional(z.string()),
});
export type SubmissionError = z.infer<typeof SubmissionErrorSchema>;

export const SUBMISSION_STATUSES = ['stored', 'duplicate', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** The server's verdict on one submission; `errors` is present (non-empty) when rejected. */
export const SubmissionResultSchema = z.object({
  id: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  errors: z.optional(z.array(SubmissionErrorSchema)),
});
export type SubmissionResult = z.infer<typeof SubmissionResultSchema>;

/** The answer to a batch: one result per submission, in the order sent. */
export const SubmitResponseSchema = z.object({ results: z.array(SubmissionResultSchema) });
export type SubmitResponse = z.infer<typeof SubmitResponseSchema>;

/** Every error answer of the API, whatever its status. */
export const ApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;


/** The `code` values this server sends; clients should treat unknown codes by status. */
export const API_ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'too_many_submissions',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  'unavailable',
  'invalid_form',
  'conflict',
  'device_revoked',
  'enrollment_unknown',
  'enrollment_used',
  'enrollment_expired',
  'enrollment_withdrawn',
  /** An attachment's bytes do not hash to the sha256 of its URL (docs/attachments.md); nothing was kept. */
  'hash_mismatch',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
