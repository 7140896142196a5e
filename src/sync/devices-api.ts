// The device and audit API's bodies (PRODUCT.md section 8), shared by the coordinator's screen,
// the device's enrollment and the server. It imports nothing runtime-specific.
import * as z from 'zod/mini';

/** Longest device label the server keeps. */
export const MAX_DEVICE_LABEL_CHARS = 120;

/** POST /api/v1/devices. */
export const CreateDeviceRequestSchema = z.strictObject({
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_DEVICE_LABEL_CHARS)),
});

/** A device as named in answers. */
export const DeviceRefSchema = z.object({ id: z.string(), label: z.string() });
export type DeviceRef = z.infer<typeof DeviceRefSchema>;

/** 201 to POST /api/v1/devices and to a re-issue: the single-use link and when it stops working. */
export const EnrollmentLinkSchema = z.object({
  device: DeviceRefSchema,
  enrollUrl: z.string(),
  expiresAt: z.string(),
});
export type EnrollmentLink = z.infer<typeof EnrollmentLinkSchema>;

/** POST /api/v1/enroll. */
export const EnrollRequestSchema = z.strictObject({ code: z.string().check(z.minLength(1), z.maxLength(512)) });

/** 200 to POST /api/v1/enroll: the device's own credential, sent from then on as `Authorization: Bearer`. */
export const EnrollResponseSchema = z.object({ device: DeviceRefSchema, token: z.string() });
export type EnrollResponse = z.infer<typeof EnrollResponseSchema>;

/** `device`: enrolled one by one; `shared`: the shared token of FIELDBOOK_DEVICE_TOKEN or an old data folder. */
export const DEVICE_KINDS = ['device', 'shared'] as const;

/** One entry of GET /api/v1/devices. Times are ISO 8601; a missing one has not happened. */
export const DeviceSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(DEVICE_KINDS),
  createdAt: z.string(),
  enrolledAt: z.optional(z.string()),
  lastSeenAt: z.optional(z.string()),
  appVersion: z.optional(z.string()),
  submissionsStored: z.number(),
  revokedAt: z.optional(z.string()),
  /** Enrollment links not yet used, expired or withdrawn (the links themselves are not kept). */
  pendingLinks: z.array(z.object({ createdAt: z.string(), expiresAt: z.string() })),
});
export type Device = z.infer<typeof DeviceSchema>;

/** GET /api/v1/devices. */
export const DeviceListSchema = z.object({ devices: z.array(DeviceSchema) });

/** One coordinator action, as kept in the audit log. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.optional(z.string()),
  details: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** GET /api/v1/audit: newest first. */
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });

/** The header a device names its app version in (shown on the Devices screen). */
export const APP_VERSION_HEADER = 'X-App-Version';
