import type { SubmissionStatus } from '../storage/record';

/** How each status reads to a person; words, not colour alone, carry the meaning. */
export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: 'Draft',
  queued: 'Waiting to send',
  synced: 'Sent',
  rejected: 'Needs attention',
};

/** A stored ISO time as a short local date and time. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}
