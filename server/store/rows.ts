// The tables' rows as both engines read them back, and their one mapping to the stores' records.
// PostgreSQL hands bigints back as text, so counters and ids are read through Number().
import type { FormState } from '../../src/forms/schema';
import { SubmissionSchema } from '../../src/forms/submission';
import type { AttachmentRow, AuditRecord, DeviceRecord, FormEntry, FormVersionRow, StoredSubmission } from './types';

/** The id of the one "shared token" entry, in both engines. */
export const SHARED_DEVICE_ID = 'shared';

export interface SubmissionRow {
  id: string;
  form_id: string;
  form_version: number;
  device_id: string;
  received_at: string;
  content_hash: string;
  json: string;
}

/** A stored submission, read back through the schema: a row edited by hand fails loudly rather than exporting garbage. */
export function toStoredSubmission(row: SubmissionRow): StoredSubmission {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    deviceId: row.device_id,
    receivedAt: row.received_at,
    hash: row.content_hash,
    submission: SubmissionSchema.parse(JSON.parse(row.json)),
  };
}

export interface VersionRow {
  form_id: string;
  version: number;
  content_hash: string;
  published_at: string;
  published_by: string;
  definition: string;
}

export function toFormVersion(row: VersionRow): FormVersionRow {
  return {
    formId: row.form_id,
    version: row.version,
    hash: row.content_hash,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    definition: row.definition,
  };
}

export const toFormEntry = (row: VersionRow & { state: FormState }): FormEntry => ({ id: row.form_id, state: row.state, latest: toFormVersion(row) });

export interface DeviceRow {
  id: string;
  label: string;
  kind: 'device' | 'shared';
  created_at: string;
  enrolled_at: string | null;
  last_seen_at: string | null;
  app_version: string | null;
  submissions_stored: number | string;
  revoked_at: string | null;
  credential_hash: string | null;
}

export function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    createdAt: row.created_at,
    ...(row.enrolled_at !== null && { enrolledAt: row.enrolled_at }),
    ...(row.last_seen_at !== null && { lastSeenAt: row.last_seen_at }),
    ...(row.app_version !== null && { appVersion: row.app_version }),
    submissionsStored: Number(row.submissions_stored),
    ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
  };
}

export interface AuditRow {
  id: number | string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
}

export function toAudit(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.target !== null && { target: row.target }),
    ...(row.details !== null && { details: JSON.parse(row.details) as Record<string, unknown> }),
  };
}

export interface AttachmentDbRow {
  submission_id: string;
  sha256: string;
  size: number;
  type: string;
  device_id: string;
  received_at: string;
}

export function toAttachment(row: AttachmentDbRow): AttachmentRow {
  return {
    submissionId: row.submission_id,
    sha256: row.sha256,
    size: row.size,
    type: row.type,
    deviceId: row.device_id,
    receivedAt: row.received_at,
  };
}
