// A submission as this device keeps it: the wire submission plus its life on the device.
import * as z from 'zod/mini';
import { AttachmentsSchema } from '../forms/attachments';
import { AnswersShapeSchema, SubmissionMetaSchema } from '../forms/submission';
import { SubmissionErrorSchema } from '../sync/api';

import { SUBMISSION_STATUSES } from './layout';

export { SUBMISSION_STATUSES };
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;

/** A draft has no completion time yet; it gains one on finalize. */
export const StoredMetaSchema = z.extend(z.partial(SubmissionMetaSchema, { completedAt: true }), {
  updatedAt: z.iso.datetime({ offset: true }),
});
export type StoredMeta = z.infer<typeof StoredMetaSchema>;

export const StoredSubmissionSchema = z.object({
  id: z.uuid(),
  formId: z.string(),
  formVersion: z.int(),
  status: SubmissionStatusSchema,
  answers: AnswersShapeSchema,
  meta: StoredMetaSchema,
  /** The files its media answers name; each one's Blob is a row of the `attachments` table. */
  attachments: z.optional(AttachmentsSchema),
  /** When the server confirmed it (stored or duplicate). */
  syncedAt: z.optional(z.string()),
  /** The server's reasons, for a rejected submission. */
  errors: z.optional(z.array(SubmissionErrorSchema)),
});
export type StoredSubmission = z.infer<typeof StoredSubmissionSchema>;

/** Statuses that are final on this device: read-only, counted as collected. */
export const FINALIZED_STATUSES: readonly SubmissionStatus[] = ['queued', 'synced', 'rejected'];
