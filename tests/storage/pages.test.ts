// Paged reads through the completion-time indexes: every finalized record once, in order,
// drafts never, whatever the page size and however many records share one completion time.
import { beforeEach, describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { countFinalized, finalizedPages, pagesWithStatus } from '../../src/storage/pages';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { storeDraft, storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';

const form = findForm('workshop-feedback') as Form;

beforeEach(resetStorage);

async function ids(pages: AsyncIterable<{ id: string }[]>): Promise<{ ids: string[]; sizes: number[] }> {
  const all: string[] = [];
  const sizes: number[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
    all.push(...page.map((r) => r.id));
  }
  return { ids: all, sizes };
}

/** Submissions whose completion times repeat in runs of `run`, so page edges fall inside runs. */
function withTies(n: number, run: number): Submission[] {
  return variedSubmissions(form, n, 11).map((s, i) => {
    const time = new Date(Date.UTC(2024, 4, 14, 9, 0, Math.floor(i / run))).toISOString();
    return { ...s, meta: { ...s.meta, completedAt: time } };
  });
}

describe('finalizedPages', () => {
  it.each([
    [23, 1, 5],
    [23, 7, 5],
    [23, 23, 5],
    [20, 4, 5],
    [10, 3, 10],
    [0, 1, 5],
  ])('%i records in runs of %i equal times, pages of %i: each once, in completion then id order', async (n, run, pageSize) => {
    const submissions = withTies(n, run);
    await storeFinalized(submissions);
    const expected = [...submissions].sort((x, y) => x.meta.completedAt.localeCompare(y.meta.completedAt) || x.id.localeCompare(y.id)).map((s) => s.id);
    const read = await ids(finalizedPages(form.id, pageSize));
    expect(read.ids).toEqual(expected);
    expect(read.sizes.every((size) => size <= pageSize && size > 0)).toBe(true);
    expect(await countFinalized(form.id)).toBe(n);
  });

  it('leaves drafts and other forms out', async () => {
    const [draft, ...rest] = variedSubmissions(form, 6, 5);
    await storeDraft(draft!);
    await storeFinalized(rest, (i) => (['queued', 'synced', 'rejected'] as const)[i % 3]!);
    const other = findForm('gfp-constraints') as Form;
    await storeFinalized(variedSubmissions(other, 3, 6));
    expect((await ids(finalizedPages(form.id, 2))).ids.sort()).toEqual(rest.map((s) => s.id).sort());
    expect(await countFinalized(form.id)).toBe(5);
  });
});

describe('pagesWithStatus', () => {
  it('reads every form’s records in the statuses asked for, status by status', async () => {
    const submissions = variedSubmissions(form, 9, 9);
    const statuses = ['queued', 'synced', 'rejected'] as const;
    await storeFinalized(submissions, (i) => statuses[i % 3]!);
    const byStatus = (s: (typeof statuses)[number]) => submissions.filter((_, i) => statuses[i % 3] === s).map((x) => x.id);
    expect((await ids(pagesWithStatus(['queued'], 2))).ids).toEqual(byStatus('queued'));
    expect((await ids(pagesWithStatus(['synced', 'queued'], 2))).ids).toEqual([...byStatus('synced'), ...byStatus('queued')]);
  });
});
