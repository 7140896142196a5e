import { formatDate, t } from '../i18n';
import type { SubmissionStatus } from '../storage/record';

/** How each status reads to a person; words, not colour alone, carry the meaning. */
export function statusLabel(status: SubmissionStatus): string {
  switch (status) {
    case 'draft':
      return t('Draft');
    case 'queued':
      return t('Waiting to send');
    case 'synced':
      return t('Sent');
    case 'rejected':
      return t('Needs attention');
  }
}

/** A stored ISO time as a short date and time in the language in use. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  return formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
