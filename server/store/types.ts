// What the server needs from a database, so SQLite can be swapped for another one.
import type { FormState } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';

/** A checked submission ready to store: the columns kept beside its JSON. */
export interface NewSubmission {
  id: string;
  formId: string;
  formVersion: number;
  deviceId: string;
  /** sha256 (hex) of `json`. */
  hash: string;
  /** Canonical JSON (keys sorted) of the whole submission. */
  json: string;
}

/** A stored submission as read back. */
export interface StoredSubmission {
  id: string;
  formId: string;
  formVersion: number;
  deviceId: string;
  /** When this server received it (ISO 8601), by the server's clock. */
  receivedAt: string;
  hash: string;
  submission: Submission;
}

/** What storing one submission did: inserted, or found the id taken (by content with this hash). */
export type PutOutcome = { inserted: true } | { inserted: false; storedHash: string };

export interface SubmissionStore {
  /**
   * Stores each new id of the batch in one transaction and leaves taken ids untouched;
   * resolves (one outcome per item, in order) only once the transaction is committed.
   * An id repeated within the batch counts as taken by its first occurrence.
   */
  ingest(batch: readonly NewSubmission[], receivedAt: string): Promise<PutOutcome[]>;
  /** Every submission of a form, in the order received, read lazily; breaking out of the loop releases it. */
  iterateForm(formId: string): AsyncIterable<StoredSubmission>;
  /** One stored submission by id, if any. */
  get(id: string): Promise<StoredSubmission | undefined>;
  /** How many submissions are stored, for one form or for all. */
  count(formId?: string): Promise<number>;
  /** Releases the database; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** One published version as the registry keeps it. */
export interface FormVersionRow {
  formId: string;
  version: number;
  /** sha256 (hex) of the definition's content without its version (see `contentText`). */
  hash: string;
  publishedAt: string;
  publishedBy: string;
  /** The definition as published, JSON. */
  definition: string;
}

/** A form of the catalog: its state and its latest version. */
export interface FormEntry {
  id: string;
  state: FormState;
  latest: FormVersionRow;
}

/** What a publisher decides from the versions already published: a new version, no change, or a refusal. */
export type PublishDecision<R> =
  | { kind: 'insert'; version: number; hash: string; definition: string; result: R }
  | { kind: 'keep'; result: R };

/** Every version of every form, kept forever; versions are assigned inside one transaction per form. */
export interface FormStore {
  /** Writes `forms` as version 1, open, if the catalog is empty (a fresh or pre-catalog data folder); else does nothing. */
  seed(forms: readonly { id: string; hash: string; definition: string }[], at: string): Promise<void>;
  /** Every form with its state and latest version, by id. */
  list(): Promise<FormEntry[]>;
  /** One form's state and latest version, if it exists. */
  entry(formId: string): Promise<FormEntry | undefined>;
  /** One version's row, if published. */
  version(formId: string, version: number): Promise<FormVersionRow | undefined>;
  /** Every version of a form, oldest first. */
  versions(formId: string): Promise<FormVersionRow[]>;
  /**
   * Runs `decide` over the form's versions (oldest first) and applies its decision, all in one
   * transaction that excludes other publishes of the same form: two publishers never get one version.
   * A new form starts open.
   */
  publish<R>(formId: string, decide: (versions: readonly FormVersionRow[]) => PublishDecision<R>, by: string, at: string): Promise<R>;
  /** Sets a form's state; resolves false when there is no such form. */
  setState(formId: string, state: FormState, at: string): Promise<boolean>;
  /** Stored submissions of a form, by version. */
  countByVersion(formId: string): Promise<Map<number, number>>;
}

/** A device row as kept; `credentialHash` is sha256 (hex) of its bearer credential, never the credential. */
export interface DeviceRecord {
  id: string;
  label: string;
  kind: 'device' | 'shared';
  createdAt: string;
  enrolledAt?: string;
  lastSeenAt?: string;
  appVersion?: string;
  submissionsStored: number;
  revokedAt?: string;
}

/** Why an enrollment code cannot be redeemed. */
export type RedeemRefusal = 'unknown' | 'used' | 'expired' | 'withdrawn';

/** Devices, their enrollment codes (by hash) and their credentials (by hash). */
export interface DeviceStore {
  /** Adds a device with a first single-use code. */
  createDevice(device: { id: string; label: string; createdAt: string }, code: { hash: string; expiresAt: string }): Promise<void>;
  /** A new single-use code for a device; its earlier pending codes are withdrawn. False when the device is unknown or revoked. */
  reissueCode(deviceId: string, code: { hash: string; createdAt: string; expiresAt: string }): Promise<boolean>;
  /**
   * Spends a code and sets the device's credential, in one transaction: of two devices racing
   * with one code, exactly one wins. The device's earlier credential, if any, stops working.
   */
  redeemCode(codeHash: string, credentialHash: string, now: string): Promise<{ ok: true; device: DeviceRecord } | { ok: false; reason: RedeemRefusal }>;
  /** Makes a device for an enrollment with the shared token (a reusable code), holding `credentialHash`. */
  createEnrolledDevice(device: { id: string; label: string; at: string }, credentialHash: string): Promise<DeviceRecord>;
  /**
   * Keeps the one "shared token" entry in step with the shared token in use: made when missing,
   * reset (un-revoked) when the token changed, left alone (revoked or not) otherwise.
   */
  ensureShared(credentialHash: string, label: string, now: string): Promise<DeviceRecord>;
  /** The device holding this credential (revoked ones included), if any. */
  byCredential(credentialHash: string): Promise<DeviceRecord | undefined>;
  /** Records a request from the device: when, and with which app version if it said. */
  touch(deviceId: string, at: string, appVersion?: string): Promise<void>;
  /** Adds to the count of submissions the device got stored. */
  addStored(deviceId: string, count: number): Promise<void>;
  /** Revokes a device and withdraws its pending codes; the device as it now is, or undefined if unknown. */
  revoke(deviceId: string, at: string): Promise<DeviceRecord | undefined>;
  /** One device, or undefined. */
  get(deviceId: string): Promise<DeviceRecord | undefined>;
  /** Every device, oldest first, with its pending (unused, unexpired, not withdrawn) codes' times. */
  list(now: string): Promise<Array<DeviceRecord & { pendingLinks: Array<{ createdAt: string; expiresAt: string }> }>>;
}

/** One line of the audit log: who did what to what, and what changed. */
export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  target?: string;
  details?: Record<string, unknown>;
}

/** The coordinator's actions, append only. */
export interface AuditStore {
  append(entry: Omit<AuditRecord, 'id'>): Promise<AuditRecord>;
  /** Newest first, at most `limit`, optionally only entries older than id `before`. */
  list(options: { limit: number; before?: number }): Promise<AuditRecord[]>;
}

/** One file a submission holds on the server (docs/attachments.md); the bytes are on disk under their sha256. */
export interface AttachmentRow {
  submissionId: string;
  /** sha256 (lowercase hex) of the bytes. */
  sha256: string;
  size: number;
  /** The media type it was uploaded with. */
  type: string;
  /** The device (or `coordinator`) that uploaded it. */
  deviceId: string;
  receivedAt: string;
}

/** A submission's file, named as the store knows it. */
export interface AttachmentKey {
  submissionId: string;
  sha256: string;
}

/** What recording a file did: a new row, a retry of a row already there, or a refusal as over the submission's total. */
export type RecordOutcome = 'inserted' | 'duplicate' | 'over_limit';

/** Which files each submission holds: one row per (submission, sha256), the bytes kept apart. */
export interface AttachmentStore {
  /**
   * Adds the row unless the submission already holds this sha256, in one transaction that excludes
   * other records for the same submission: the row is refused (`over_limit`) when the submission's
   * files would pass `maxTotalBytes` together. Two uploads racing with one file give one row.
   */
  record(row: AttachmentRow, maxTotalBytes: number): Promise<RecordOutcome>;
  /** The bytes of every file a submission holds (0 when none). */
  totalBytes(submissionId: string): Promise<number>;
  /** One row, if the submission holds this file. */
  get(submissionId: string, sha256: string): Promise<AttachmentRow | undefined>;
  /**
   * Of `keys` (any number of submissions, one query), those not held, leaving out submissions
   * already stored: a stored submission had every file it lists when it was stored.
   */
  missing(keys: readonly AttachmentKey[]): Promise<AttachmentKey[]>;
  /** A submission's files, by sha256. */
  list(submissionId: string): Promise<AttachmentRow[]>;
  /** How many files (each content once per submission) and bytes a form's stored submissions hold. */
  formTotals(formId: string): Promise<{ files: number; bytes: number }>;
}

/** Every store the server uses, over one database. */
export interface Store extends SubmissionStore {
  forms: FormStore;
  devices: DeviceStore;
  audit: AuditStore;
  attachments: AttachmentStore;
}
