// What every SubmissionStore promises, from one table of cases run against each engine:
// SQLite (a file in a temp folder) and PostgreSQL (a throwaway cluster).
import { expect } from 'vitest';
import { checkSubmission } from '../../server/ingest';
import type { FormVersionRow, NewSubmission, PublishDecision, PutOutcome, Store, StoredSubmission, SubmissionStore } from '../../server/store/types';
import type { Submission } from '../../src/forms/submission';
import { DEFAULT_FORM_ID, makeSubmission, makeSubmissions } from '../fixtures/submissions';
import { describeEachStoreEngine } from '../helpers/store-engines';

const OTHER_FORM_ID = 'gender-sensitivity';
const AT = '2026-11-27T10:00:00.000Z';
const LATER = '2026-12-04T10:00:00.000Z';
/** A seed row of the form registry. */
const SEED = (id: string) => ({ id, hash: `hash-${id}`, definition: `{"id":"${id}"}` });

/** One empty database; `store()` opens another instance on it, as another server process would. */
interface Fixture {
  store: () => Promise<Store>;
}

function itemOf(submission: Submission): NewSubmission {
  const checked = checkSubmission(submission);
  if (!checked.ok) throw new Error(`fixture is invalid: ${JSON.stringify(checked.errors)}`);
  return checked.item;
}

const items = (n: number, formId = DEFAULT_FORM_ID) => makeSubmissions(n, formId).map(itemOf);
const now = () => new Date().toISOString();
const inserted: PutOutcome = { inserted: true };
const taken = (item: NewSubmission): PutOutcome => ({ inserted: false, storedHash: item.hash });

async function all(store: SubmissionStore, formId = DEFAULT_FORM_ID): Promise<StoredSubmission[]> {
  const out: StoredSubmission[] = [];
  for await (const stored of store.iterateForm(formId)) out.push(stored);
  return out;
}

/** The same id with other answers: another submission, not a retry. */
function changed(item: NewSubmission): NewSubmission {
  return itemOf(makeSubmission(item.formId, { id: item.id, answers: { comments: 'A different comment' } }));
}

const CASES: ReadonlyArray<[string, (fixture: Fixture) => Promise<void>]> = [
  [
    'stores new submissions and reads them back as given',
    async ({ store }) => {
      const s = await store();
      const batch = items(3);
      const receivedAt = '2026-11-27T10:11:12.345Z';
      expect(await s.ingest(batch, receivedAt)).toEqual([inserted, inserted, inserted]);
      const read = await all(s);
      expect(read.map((r) => [r.id, r.formId, r.formVersion, r.deviceId, r.receivedAt, r.hash])).toEqual(
        batch.map((b) => [b.id, b.formId, b.formVersion, b.deviceId, receivedAt, b.hash]),
      );
      expect(read.map((r) => r.submission)).toEqual(batch.map((b) => JSON.parse(b.json) as unknown));
    },
  ],
  [
    'an empty batch stores nothing',
    async ({ store }) => {
      const s = await store();
      expect(await s.ingest([], now())).toEqual([]);
      expect(await s.count()).toBe(0);
    },
  ],
  [
    'the same submission again is found taken, with its own hash',
    async ({ store }) => {
      const s = await store();
      const batch = items(2);
      await s.ingest(batch.slice(0, 1), now());
      expect(await s.ingest(batch, now())).toEqual([taken(batch[0]!), inserted]);
      expect(await s.count()).toBe(2);
    },
  ],
  [
    'another submission with a taken id is found taken, with the stored hash, and the stored row is untouched',
    async ({ store }) => {
      const s = await store();
      const [original] = items(1);
      const other = changed(original!);
      expect(other.hash).not.toBe(original!.hash);
      await s.ingest([original!], '2026-01-01T00:00:00.000Z');
      expect(await s.ingest([other], now())).toEqual([taken(original!)]);
      const [stored] = await all(s);
      expect([stored?.hash, stored?.receivedAt, stored?.submission]).toEqual([original!.hash, '2026-01-01T00:00:00.000Z', JSON.parse(original!.json) as unknown]);
    },
  ],
  [
    'an id twice in one batch is stored by its first occurrence',
    async ({ store }) => {
      const s = await store();
      const [first, second] = items(2);
      const again = changed(first!);
      expect(await s.ingest([first!, second!, again, first!], now())).toEqual([inserted, inserted, taken(first!), taken(first!)]);
      expect(await s.count()).toBe(2);
    },
  ],
  [
    'the same ids at the same time through two instances: each stored once, the other finds it taken',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      const batch = items(40);
      // Same content through one, other content through the other, overlapping batches in opposite orders.
      const others = batch.map(changed);
      const runs = await Promise.all([
        a.ingest(batch.slice(0, 30), now()),
        b.ingest(others.slice(10).reverse(), now()),
        a.ingest(batch.slice(20), now()),
        b.ingest(batch.slice(0, 25).reverse(), now()),
      ]);
      const stored = new Map((await all(a)).map((r) => [r.id, r.hash]));
      expect(stored.size).toBe(40);
      const sent = [batch.slice(0, 30), others.slice(10).reverse(), batch.slice(20), batch.slice(0, 25).reverse()];
      const insertedIds: string[] = [];
      runs.forEach((outcomes, run) =>
        outcomes.forEach((outcome, i) => {
          const item = sent[run]![i]!;
          if (outcome.inserted) {
            insertedIds.push(item.id);
            expect(stored.get(item.id)).toBe(item.hash);
          } else {
            expect(outcome.storedHash).toBe(stored.get(item.id));
          }
        }),
      );
      expect(insertedIds.sort()).toEqual(batch.map((item) => item.id).sort());
      expect(await b.count()).toBe(40);
    },
  ],
  [
    'a form reads back in the order received, other forms left out; leaving early frees the reader',
    async ({ store }) => {
      const s = await store();
      const first = items(3);
      const other = items(2, OTHER_FORM_ID);
      const second = items(3);
      await s.ingest([first[0]!, other[0]!, first[1]!, first[2]!], now());
      await s.ingest([...second, other[1]!], now());
      expect((await all(s)).map((r) => r.id)).toEqual([...first, ...second].map((item) => item.id));
      expect((await all(s, OTHER_FORM_ID)).map((r) => r.id)).toEqual(other.map((item) => item.id));
      expect(await all(s, 'no-such-form')).toEqual([]);
      for await (const row of s.iterateForm(DEFAULT_FORM_ID)) {
        expect(row.id).toBe(first[0]!.id);
        break;
      }
      expect(await s.ingest(items(1), now())).toEqual([inserted]);
    },
  ],
  [
    'counts all submissions or one form’s',
    async ({ store }) => {
      const s = await store();
      await s.ingest([...items(4), ...items(3, OTHER_FORM_ID)], now());
      expect([await s.count(), await s.count(DEFAULT_FORM_ID), await s.count(OTHER_FORM_ID), await s.count('no-such-form')]).toEqual([7, 4, 3, 0]);
    },
  ],
  [
    'a closed store refuses work; another instance still has every row',
    async ({ store }) => {
      const s = await store();
      await s.ingest(items(2), now());
      await s.close();
      await expect(s.ingest(items(1), now())).rejects.toThrow();
      await expect(s.count()).rejects.toThrow();
      expect(await (await store()).count()).toBe(2);
    },
  ],
  [
    'forms: seeding from two instances at once writes the seed once, as open version 1, in order; a later seed does nothing',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      const seed = [SEED('alpha'), SEED('beta')];
      await Promise.all([a.forms.seed(seed, AT), b.forms.seed(seed, AT), a.forms.seed(seed, AT)]);
      expect((await b.forms.list()).map((e) => [e.id, e.state, e.latest.version])).toEqual([
        ['alpha', 'open', 1],
        ['beta', 'open', 1],
      ]);
      expect(await a.forms.versions('alpha')).toHaveLength(1);
      await a.forms.seed([SEED('late')], AT);
      expect((await a.forms.list()).map((e) => e.id)).toEqual(['alpha', 'beta']);
    },
  ],
  [
    'forms: a version reads back exactly as published',
    async ({ store }) => {
      const s = await store();
      await s.forms.seed([SEED('alpha')], AT);
      const row: FormVersionRow = { formId: 'alpha', version: 1, hash: 'hash-alpha', publishedAt: AT, publishedBy: 'built-in', definition: '{"id":"alpha"}' };
      expect(await s.forms.version('alpha', 1)).toEqual(row);
      expect(await s.forms.versions('alpha')).toEqual([row]);
      expect(await s.forms.entry('alpha')).toEqual({ id: 'alpha', state: 'open', latest: row });
      expect([await s.forms.version('alpha', 2), await s.forms.entry('nope'), await s.forms.versions('nope')]).toEqual([undefined, undefined, []]);
    },
  ],
  [
    'forms: publishes through two instances at once get one version each, never the same',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      await a.forms.seed([SEED('alpha')], AT);
      const next = (tag: string) => (versions: readonly FormVersionRow[]): PublishDecision<number> => {
        const version = (versions.at(-1)?.version ?? 0) + 1;
        return { kind: 'insert', version, hash: `hash-${tag}`, definition: `{"tag":"${tag}"}`, result: version };
      };
      const got = await Promise.all(['a1', 'b1', 'a2', 'b2', 'a3', 'b3'].map((tag, i) => (i % 2 ? b : a).forms.publish('alpha', next(tag), 'coordinator', AT)));
      expect([...got].sort()).toEqual([2, 3, 4, 5, 6, 7]);
      expect((await b.forms.versions('alpha')).map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect((await a.forms.entry('alpha'))?.latest.version).toBe(7);
    },
  ],
  [
    'forms: a new form starts open; "keep" writes nothing; states change and are read by the other instance',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      const first = await a.forms.publish('fresh', () => ({ kind: 'insert', version: 1, hash: 'h1', definition: '{}', result: 'inserted' }), 'coordinator', AT);
      const kept = await a.forms.publish('fresh', () => ({ kind: 'keep', result: 'kept' }), 'coordinator', AT);
      expect([first, kept]).toEqual(['inserted', 'kept']);
      expect((await b.forms.versions('fresh')).map((v) => [v.version, v.publishedBy])).toEqual([[1, 'coordinator']]);
      expect((await b.forms.entry('fresh'))?.state).toBe('open');
      expect(await a.forms.setState('fresh', 'closing', AT)).toBe(true);
      expect(await a.forms.setState('nope', 'closed', AT)).toBe(false);
      expect((await b.forms.list()).map((e) => [e.id, e.state])).toEqual([['fresh', 'closing']]);
    },
  ],
  [
    'forms: stored submissions are counted by version',
    async ({ store }) => {
      const s = await store();
      const v1 = items(3);
      // The store keeps the version it is given; checking it against the registry is the server's job.
      const v2 = items(2).map((item) => ({ ...item, formVersion: 2 }));
      await s.ingest([...v1, ...v2, ...items(1, OTHER_FORM_ID)], now());
      expect(await s.forms.countByVersion(DEFAULT_FORM_ID)).toEqual(new Map([[1, 3], [2, 2]]));
      expect(await s.forms.countByVersion('nope')).toEqual(new Map());
    },
  ],
  [
    'devices: a code is redeemed once, by one of two instances racing; the credential finds the device',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      await a.devices.createDevice({ id: 'dev-1', label: 'Laptop 1', createdAt: AT }, { hash: 'code-1', expiresAt: LATER });
      expect(await b.devices.list(AT)).toEqual([
        { id: 'dev-1', label: 'Laptop 1', kind: 'device', createdAt: AT, submissionsStored: 0, pendingLinks: [{ createdAt: AT, expiresAt: LATER }] },
      ]);
      expect(await a.devices.redeemCode('no-such-code', 'cred-x', AT)).toEqual({ ok: false, reason: 'unknown' });
      const results = await Promise.all([a.devices.redeemCode('code-1', 'cred-a', AT), b.devices.redeemCode('code-1', 'cred-b', AT)]);
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
      const winner = results[0]?.ok ? 'cred-a' : 'cred-b';
      expect(await b.devices.byCredential(winner)).toEqual({ id: 'dev-1', label: 'Laptop 1', kind: 'device', createdAt: AT, enrolledAt: AT, lastSeenAt: AT, submissionsStored: 0 });
      expect(await a.devices.byCredential(winner === 'cred-a' ? 'cred-b' : 'cred-a')).toBeUndefined();
      expect((await a.devices.list(AT))[0]?.pendingLinks).toEqual([]);
    },
  ],
  [
    'devices: expired, withdrawn by a re-issue, withdrawn by revocation; a revoked device gets no new code',
    async ({ store }) => {
      const s = await store();
      await s.devices.createDevice({ id: 'dev-2', label: 'Laptop 2', createdAt: AT }, { hash: 'code-old', expiresAt: LATER });
      expect(await s.devices.redeemCode('code-old', 'cred', LATER)).toEqual({ ok: false, reason: 'expired' });
      expect(await s.devices.reissueCode('dev-2', { hash: 'code-new', createdAt: AT, expiresAt: LATER })).toBe(true);
      expect(await s.devices.redeemCode('code-old', 'cred', AT)).toEqual({ ok: false, reason: 'withdrawn' });
      expect(await s.devices.reissueCode('nope', { hash: 'code-x', createdAt: AT, expiresAt: LATER })).toBe(false);
      expect(await s.devices.revoke('dev-2', LATER)).toMatchObject({ id: 'dev-2', revokedAt: LATER });
      expect(await s.devices.revoke('dev-2', '2027-01-01T00:00:00.000Z')).toMatchObject({ revokedAt: LATER });
      expect(await s.devices.revoke('nope', LATER)).toBeUndefined();
      expect(await s.devices.redeemCode('code-new', 'cred', AT)).toEqual({ ok: false, reason: 'withdrawn' });
      expect(await s.devices.reissueCode('dev-2', { hash: 'code-3', createdAt: AT, expiresAt: LATER })).toBe(false);
    },
  ],
  [
    'devices: the shared entry is made once by instances starting together, kept when revoked, reset for a new token',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      const made = await Promise.all([a.devices.ensureShared('token-1', 'Shared token', AT), b.devices.ensureShared('token-1', 'Shared token', AT)]);
      expect(made[0]).toEqual(made[1]);
      expect((await a.devices.list(AT)).map((d) => [d.id, d.kind])).toEqual([['shared', 'shared']]);
      await a.devices.revoke('shared', LATER);
      expect((await b.devices.ensureShared('token-1', 'Shared token', LATER)).revokedAt).toBe(LATER);
      const reset = await b.devices.ensureShared('token-2', 'Shared token', LATER);
      expect(reset.revokedAt).toBeUndefined();
      expect((await a.devices.byCredential('token-2'))?.id).toBe('shared');
      expect(await a.devices.byCredential('token-1')).toBeUndefined();
    },
  ],
  [
    'devices: enrolled with the shared token, touched and credited with what they stored',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      expect(await a.devices.createEnrolledDevice({ id: 'dev-3', label: 'Via shared', at: AT }, 'cred-3')).toEqual({
        id: 'dev-3', label: 'Via shared', kind: 'device', createdAt: AT, enrolledAt: AT, lastSeenAt: AT, submissionsStored: 0,
      });
      await Promise.all([a.devices.addStored('dev-3', 5), b.devices.addStored('dev-3', 7), a.devices.addStored('dev-3', 0)]);
      await b.devices.touch('dev-3', LATER, '1.2.3');
      await a.devices.touch('dev-3', LATER);
      expect(await a.devices.get('dev-3')).toMatchObject({ lastSeenAt: LATER, appVersion: '1.2.3', submissionsStored: 12 });
      expect(await a.devices.get('nope')).toBeUndefined();
    },
  ],
  [
    'audit: appended from two instances, read newest first, a page at a time',
    async ({ store }) => {
      const [a, b] = [await store(), await store()];
      const first = await a.audit.append({ at: AT, actor: 'coordinator', action: 'device.create', target: 'dev-1', details: { label: 'Laptop 1', n: 2 } });
      expect(first).toEqual({ id: first.id, at: AT, actor: 'coordinator', action: 'device.create', target: 'dev-1', details: { label: 'Laptop 1', n: 2 } });
      for (let i = 0; i < 4; i++) await (i % 2 ? a : b).audit.append({ at: LATER, actor: 'coordinator', action: `action-${i}` });
      const all = await b.audit.list({ limit: 10 });
      expect(all.map((e) => e.action)).toEqual(['action-3', 'action-2', 'action-1', 'action-0', 'device.create']);
      expect(all[0]).toEqual({ id: all[0]!.id, at: LATER, actor: 'coordinator', action: 'action-3' });
      const page = await a.audit.list({ limit: 2, before: all[1]!.id });
      expect(page.map((e) => e.action)).toEqual(['action-1', 'action-0']);
    },
  ],
];

describeEachStoreEngine('SubmissionStore', CASES.map(([name, run]) => [name, (open) => run({ store: open })]));
