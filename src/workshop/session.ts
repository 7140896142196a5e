// Decisions about a workshop session's responses, pure: what its summary counts, and which
// drafts a facilitator leaving workshop mode may drop without losing anyone's answers.
import type { Answers } from '../forms/relevance';
import type { SubmissionStatus } from '../storage/record';

/** A workshop session's responses by where they stand. */
export interface SessionCounts {
  /** Finalized: queued, sent or refused. */
  collected: number;
  sent: number;
  waiting: number;
  rejected: number;
  /** Drafts someone typed into and did not finalize (kept, listed with the form's responses). */
  unfinished: number;
}

/** Counts a session's responses by status. */
export function countSession(records: readonly { status: SubmissionStatus }[]): SessionCounts {
  const counts: SessionCounts = { collected: 0, sent: 0, waiting: 0, rejected: 0, unfinished: 0 };
  for (const { status } of records) {
    if (status === 'draft') {
      counts.unfinished++;
      continue;
    }
    counts.collected++;
    if (status === 'synced') counts.sent++;
    else if (status === 'queued') counts.waiting++;
    else counts.rejected++;
  }
  return counts;
}

/** Whether a draft holds nothing but what it started with (the workshop session): no participant typed in it. */
export function isUntouched(answers: Answers, prefill: Answers): boolean {
  return Object.entries(answers).every(([question, value]) => question in prefill && JSON.stringify(prefill[question]) === JSON.stringify(value));
}
