// What every AttachmentStore promises, run against each engine: SQLite (a file in a temp folder)
// and PostgreSQL (a throwaway cluster), with two store instances on one database as two servers.
import { expect } from 'vitest';
import { checkSubmission } from '../../server/ingest';
import type { AttachmentRow, NewSubmission, Store } from '../../server/store/types';
import { DEFAULT_FORM_ID, makeSubmission } from '../fixtures/submissions';
import { describeEachStoreEngine } from '../helpers/store-engines';

const AT = '2026-11-27T10:00:00.000Z';
const sha = (n: number) => n.toString(16).padStart(64, '0');
const row = (submissionId: string, n: number, size: number): AttachmentRow => ({ submissionId, sha256: sha(n), size, type: 'image/png', deviceId: 'dev-1', receivedAt: AT });
const item = (id?: string) => (checkSubmission(makeSubmission(DEFAULT_FORM_ID, id === undefined ? {} : { id })) as { ok: true; item: NewSubmission }).item;

const CASES: ReadonlyArray<[string, (a: Store, b: Store) => Promise<void>]> = [
  [
    'records a file once per submission, within the total, read back as written',
    async (a, b) => {
      const [s1, s2] = [crypto.randomUUID(), crypto.randomUUID()];
      expect(await a.attachments.record(row(s1, 1, 600), 1_000)).toBe('inserted');
      expect(await b.attachments.record(row(s1, 1, 600), 1_000)).toBe('duplicate');
      expect(await a.attachments.record(row(s1, 2, 401), 1_000)).toBe('over_limit');
      expect(await a.attachments.record(row(s1, 2, 400), 1_000)).toBe('inserted');
      expect(await b.attachments.record(row(s2, 1, 600), 1_000)).toBe('inserted');
      expect(await b.attachments.totalBytes(s1)).toBe(1_000);
      expect(await b.attachments.totalBytes(crypto.randomUUID())).toBe(0);
      expect(await b.attachments.get(s1, sha(1))).toEqual(row(s1, 1, 600));
      expect(await b.attachments.get(s1, sha(3))).toBeUndefined();
      expect(await a.attachments.list(s1)).toEqual([row(s1, 1, 600), row(s1, 2, 400)]);
    },
  ],
  [
    'two instances racing: one row per file, and never past the total together',
    async (a, b) => {
      const id = crypto.randomUUID();
      const same = await Promise.all([a, b, a, b].map((s) => s.attachments.record(row(id, 7, 100), 1_000)));
      expect(same.sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'inserted']);
      const others = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => (n % 2 ? a : b).attachments.record(row(id, 100 + n, 300), 1_000)));
      expect(others.filter((o) => o === 'inserted')).toHaveLength(3);
      expect(await a.attachments.totalBytes(id)).toBe(1_000);
    },
  ],
  [
    'missing: the files not held, for any number of submissions in one call, leaving out stored ones',
    async (a, b) => {
      const [held, partial, stored] = [item(), item(), item()];
      await a.attachments.record(row(held.id, 1, 10), 1_000);
      await a.attachments.record(row(partial.id, 1, 10), 1_000);
      await b.ingest([stored], AT);
      const keys = [held, partial, stored].flatMap((s) => [1, 2].map((n) => ({ submissionId: s.id, sha256: sha(n) })));
      expect(await b.attachments.missing(keys.slice(2))).toEqual([{ submissionId: partial.id, sha256: sha(2) }]);
      expect(await b.attachments.missing(keys.slice(0, 1))).toEqual([]);
      expect(await b.attachments.missing([])).toEqual([]);
    },
  ],
  [
    "a form's totals count the files of its stored submissions; a submission reads back by id",
    async (a, b) => {
      const [one, two, unsent] = [item(), item(), item()];
      await a.ingest([one, two], AT);
      for (const [id, n, size] of [[one.id, 1, 10], [one.id, 2, 20], [two.id, 1, 10], [unsent.id, 3, 99]] as const) await b.attachments.record(row(id, n, size), 1_000);
      expect(await a.attachments.formTotals(DEFAULT_FORM_ID)).toEqual({ files: 3, bytes: 40 });
      expect(await a.attachments.formTotals('nothing-here')).toEqual({ files: 0, bytes: 0 });
      expect((await b.get(one.id))?.hash).toBe(one.hash);
      expect(await b.get(unsent.id)).toBeUndefined();
    },
  ],
];

describeEachStoreEngine('AttachmentStore', CASES.map(([name, run]) => [name, async (open) => run(await open(), await open())]));
