// The audit log of coordinator actions (PRODUCT.md section 8): who did what to what, when,
// and what changed. Kept in the store, so it moves with everything else to another database.
import type { AuditRecord, AuditStore } from './store/types';

/** What a caller records; the time is the server's. */
export interface AuditEvent {
  /** `coordinator`, `device:<id>`, or `command line`. */
  actor: string;
  /** Dotted and stable, e.g. `device.create`, `device.revoke`, `bundle.import`, `form.publish`. */
  action: string;
  /** What was acted on, e.g. a device or form id. */
  target?: string;
  /** What changed, as small JSON. Never a token or a code. */
  details?: Record<string, unknown>;
}

/** The one way to write to the audit log. */
export interface Audit {
  record(event: AuditEvent): Promise<AuditRecord>;
  list(options: { limit: number; before?: number }): Promise<AuditRecord[]>;
}

/** An audit log over a store, stamping each event with `now()`. */
export function createAudit(store: AuditStore, now: () => string): Audit {
  return {
    record: (event) => store.append({ at: now(), ...event }),
    list: (options) => store.list(options),
  };
}
