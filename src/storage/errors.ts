// Storage failures become values the UI can show, instead of try/catch in components.

/** Why a write failed, in terms a user can act on. */
export type StorageFailure = { kind: 'quota' } | { kind: 'finalized' } | { kind: 'missing' } | { kind: 'other'; detail: string };

/** Thrown by the storage module; `failure` says what the user should be told. */
export class StorageError extends Error {
  constructor(readonly failure: StorageFailure) {
    super(failure.kind === 'other' ? failure.detail : failure.kind);
    this.name = 'StorageError';
  }
}

/** True for a full disk, including Dexie's AbortError wrapping a QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Turns any storage exception into a StorageError. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageError({ kind: 'quota' });
  return new StorageError({ kind: 'other', detail: error instanceof Error ? error.message : String(error) });
}

/** Runs a storage call, turning any failure into a StorageError the UI can describe. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}
