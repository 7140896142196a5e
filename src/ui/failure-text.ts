import { t } from '../i18n';
import type { StorageFailure } from '../storage/errors';

/** The user-facing sentence for a storage failure, in the language in use. */
export function describeFailure(failure: StorageFailure): string {
  switch (failure.kind) {
    case 'quota':
      return t('This device is out of storage space. Nothing already saved is lost, but the last change could not be saved: free some space, then try again.');
    case 'finalized':
      return t('This response has already been finalized and can no longer be changed.');
    case 'missing':
      return t('This response no longer exists on this device.');
    case 'other':
      // The browser's own words, which no catalog can know.
      return t('Could not save on this device: {detail}', { detail: failure.detail });
  }
}
