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

/** Every store the server uses, over one database. */
export interface Store extends SubmissionStore {
  forms: FormStore;
}
