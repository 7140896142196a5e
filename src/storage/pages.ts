// Reading many finalized submissions without loading them all: page by page through a
// compound index ending in `meta.completedAt`. Drafts have no completion time, so these
// indexes never hold them. Each page is its own short read transaction.
import Dexie from 'dexie';
import { db } from './db';
import { guarded } from './errors';
import type { StoredSubmission, SubmissionStatus } from './record';

/** Records per read: large enough to keep IndexedDB busy, small enough to render between pages. */
export const READ_PAGE_SIZE = 500;

type CompletedIndex = '[formId+meta.completedAt]' | '[status+meta.completedAt]';

/**
 * Pages of the records whose index key starts with `prefix`, oldest completion first (ties by
 * id, as IndexedDB orders them). Keyset paging: each page starts after the last completion
 * time seen, skipping the records at that very time already read, so no page re-walks earlier ones.
 */
async function* completedPages(index: CompletedIndex, prefix: string, pageSize: number): AsyncGenerator<StoredSubmission[]> {
  const read = (after: string | undefined, readAtAfter: number): Promise<StoredSubmission[]> => {
    const range = db().submissions.where(index).between([prefix, after ?? Dexie.minKey], [prefix, Dexie.maxKey], true, true);
    // Dexie reads a plain range with one getAll() but an offset record by record through a cursor:
    // so the few records already read at `after` are read again and dropped, unless there are many.
    return readAtAfter <= pageSize
      ? guarded(() => range.limit(pageSize + readAtAfter).toArray()).then((page) => page.slice(readAtAfter))
      : guarded(() => range.offset(readAtAfter).limit(pageSize).toArray());
  };
  let after: string | undefined;
  let readAtAfter = 0;
  let next = read(after, readAtAfter);
  for (;;) {
    const page = await next;
    if (page.length < pageSize) {
      if (page.length > 0) yield page;
      return;
    }
    const last = page[page.length - 1]!.meta.completedAt;
    let sameAsLast = 0;
    for (let i = page.length - 1; i >= 0 && page[i]!.meta.completedAt === last; i--) sameAsLast++;
    // A page all at one time continues that time's run; otherwise a new run starts at `last`.
    readAtAfter = last === after ? readAtAfter + sameAsLast : sameAsLast;
    after = last;
    // The next page is read while the caller works on this one (a caller that stops early
    // leaves it unread: its failure is nobody's to report).
    next = read(after, readAtAfter);
    next.catch(() => {});
    yield page;
  }
}

/** A form's finalized submissions (any status but draft), oldest first, a page at a time. */
export function finalizedPages(formId: string, pageSize = READ_PAGE_SIZE): AsyncGenerator<StoredSubmission[]> {
  return completedPages('[formId+meta.completedAt]', formId, pageSize);
}

/** How many finalized submissions a form has, counted from the index alone. */
export function countFinalized(formId: string): Promise<number> {
  return guarded(() => db().submissions.where('[formId+meta.completedAt]').between([formId, Dexie.minKey], [formId, Dexie.maxKey]).count());
}

/** Every submission in one of `statuses`, status by status, oldest first within each, a page at a time. */
export async function* pagesWithStatus(statuses: readonly SubmissionStatus[], pageSize = READ_PAGE_SIZE): AsyncGenerator<StoredSubmission[]> {
  for (const status of statuses) yield* completedPages('[status+meta.completedAt]', status, pageSize);
}
