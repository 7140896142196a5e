// What every route handler is given: the store, who may do what, and the limits.
import type { AttachmentFiles } from './attachments/files';
import type { Audit } from './audit';
import type { DeviceService } from './devices';
import type { RateLimiter } from './rate-limit';
import type { Store } from './store/types';

export interface Context {
  store: Store;
  /** Enrollment, revocation, and who a bearer token belongs to. */
  devices: DeviceService;
  /** The coordinator's actions; `ctx.audit.record({actor, action, target, details})`. */
  audit: Audit;
  limiter: RateLimiter;
  /** File uploads' own bucket (DEFAULT_UPLOAD_RATE_LIMIT). */
  uploadLimiter: RateLimiter;
  /** Attachment bytes on disk, by sha256 (the rows are in `store.attachments`). */
  files: AttachmentFiles;
  /** The Vite build output served as the app. */
  distDir: string;
  /** Resolves once the database answers; rejects with StoreUnavailableError when it cannot be reached. */
  ping: () => Promise<void>;
  /** The server's clock, as ISO 8601; injectable for tests. */
  now: () => string;
  /** The origin enrollment links name when set (FIELDBOOK_PUBLIC_URL); else the request's Host. */
  publicUrl?: string;
}
