// What the server needs from a database, so SQLite can be swapped for another one.
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
  /** How many submissions are stored, for one form or for all. */
  count(formId?: string): Promise<number>;
  /** Releases the database; the store is unusable afterwards. */
  close(): Promise<void>;
}
