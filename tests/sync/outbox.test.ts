import { describe, expect, it } from 'vitest';
import type { StoredSubmission } from '../../src/storage/record';
import { backoffMs, BACKOFF_CAP_MS, failureOf, nextBatch, outcomesOf, retryAfterMs, toWire } from '../../src/sync/outbox';

function record(i: number, over: Partial<StoredSubmission> = {}): StoredSubmission {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    formId: 'workshop-feedback',
    formVersion: 1,
    status: 'queued',
    answers: { sex: 'female', comments: 'x'.repeat(100) },
    meta: { deviceId: 'd', enumerator: 'e', locale: 'en', appVersion: '1', startedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:05:00.000Z', completedAt: '2026-01-01T00:05:00.000Z' },
    ...over,
  };
}

/** A queued record listing one photo of `size` bytes. */
function withFile(i: number, size: number): StoredSubmission {
  const sha256 = String(i).padStart(64, 'a');
  return record(i, { attachments: [{ name: `photo-${sha256.slice(0, 12)}.jpg`, sha256, size, type: 'image/jpeg' }] });
}

describe('toWire', () => {
  it('keeps the contract fields only', () => {
    const wire = toWire(record(1, { syncedAt: 'x', errors: [{ message: 'no' }] }));
    expect(Object.keys(wire).sort()).toEqual(['answers', 'formId', 'formVersion', 'id', 'meta']);
    expect(Object.keys(wire.meta).sort()).toEqual(['appVersion', 'completedAt', 'deviceId', 'enumerator', 'locale', 'startedAt']);
  });
});

describe('nextBatch', () => {
  const many = Array.from({ length: 450 }, (_, i) => record(i));
  it.each([
    ['count limit', many, { count: 200, bytes: 10_000_000 }, 200],
    ['byte limit', many, { count: 200, bytes: 20_000 }, 52],
    ['fewer than the limit', many.slice(0, 3), { count: 200, bytes: 1_000_000 }, 3],
    ['nothing queued', [], { count: 200, bytes: 1_000_000 }, 0],
    ['one oversized submission still goes alone', [record(1, { answers: { comments: 'y'.repeat(5000) } })], { count: 200, bytes: 1000 }, 1],
    ['stops at a submission that is not queued', [record(1), record(2, { status: 'synced' }), record(3)], { count: 200, bytes: 1_000_000 }, 1],
    ['file bytes limit: files listed, sent or not', Array.from({ length: 30 }, (_, i) => withFile(i, 200 * 1024)), { count: 200, bytes: 1_000_000, fileBytes: 4 * 1024 * 1024 }, 20],
    ['one submission with more files than the limit still goes alone', [withFile(1, 9 * 1024 * 1024), withFile(2, 1000)], { count: 200, bytes: 1_000_000, fileBytes: 4 * 1024 * 1024 }, 1],
    ['submissions without files are not held back by it', [withFile(1, 4 * 1024 * 1024), record(2), record(3)], { count: 200, bytes: 1_000_000, fileBytes: 4 * 1024 * 1024 }, 3],
  ])('%s', (_name, queued, limits, expected) => {
    const batch = nextBatch(queued, limits);
    expect(batch.submissions).toHaveLength(expected);
    expect(JSON.parse(batch.body)).toEqual({ submissions: batch.submissions });
    if (expected > 1) expect(batch.body.length).toBeLessThanOrEqual(limits.bytes);
  });
});

describe('outcomesOf', () => {
  const sent = [record(1), record(2), record(3)].map(toWire);
  const [a, b, c] = sent.map((s) => s.id) as [string, string, string];
  it.each([
    ['stored and duplicate both mean synced', [{ id: a, status: 'stored' }, { id: b, status: 'duplicate' }], [['synced'], ['synced']]],
    ['rejected keeps its reasons', [{ id: c, status: 'rejected', errors: [{ path: 'answers.sex', message: 'Required' }] }], [['rejected', 'Required']]],
    ['rejected without reasons gets one', [{ id: a, status: 'rejected' }], [['rejected', 'The server refused this response without a reason.']]],
    ['results for ids not sent are ignored', [{ id: 'other', status: 'stored' }], []],
    ['a repeated result counts once', [{ id: a, status: 'stored' }, { id: a, status: 'rejected' }], [['synced']]],
    ['files the server lacks: resend, not final', [{ id: b, status: 'rejected', errors: [{ path: 'attachments', message: 'No photo', code: 'attachment_missing' }] }], [['resend', 'No photo']]],
    ['other codes stay final', [{ id: b, status: 'rejected', errors: [{ message: 'Closed', code: 'form_closed' }] }], [['rejected', 'Closed']]],
  ] as const)('%s', (_name, results, expected) => {
    const outcomes = outcomesOf(sent, { results: results.map((r) => ({ ...r, errors: 'errors' in r ? [...r.errors] : undefined })) }, 'T');
    expect(outcomes.map((o) => (o.status === 'synced' ? [o.status] : [o.status, o.errors[0]?.message]))).toEqual(expected);
  });
});

describe('failureOf', () => {
  it.each([
    [401, null, 'unauthorized'],
    [429, '7', 'rate-limited'],
    [500, null, 'server'],
    [503, null, 'server'],
    [408, null, 'server'],
    [400, null, 'refused'],
    [413, null, 'refused'],
  ] as const)('%i is %s', (status, retry, kind) => {
    expect(failureOf(status, retry, 'm').kind).toBe(kind);
  });

  it('tells a revoked device (401 device_revoked) from a plain 401', () => {
    expect(failureOf(401, null, 'm', 'device_revoked').kind).toBe('revoked');
    expect(failureOf(401, null, 'm', 'unauthorized').kind).toBe('unauthorized');
    expect(failureOf(403, null, 'm', 'device_revoked').kind).toBe('refused');
  });

  it.each([
    ['7', 7000],
    [' 120 ', 120_000],
    [null, 60_000],
    ['soon', 60_000],
    [new Date(1_000_000 + 30_000).toUTCString(), 30_000],
  ])('Retry-After %s is %i ms', (header, ms) => {
    expect(retryAfterMs(header, 1_000_000)).toBe(ms);
  });
});

describe('backoffMs', () => {
  it.each([
    [0, 0, 2500],
    [0, 1, 5000],
    [1, 0.5, 7500],
    [3, 1, 40_000],
    [10, 1, BACKOFF_CAP_MS],
    [30, 0, BACKOFF_CAP_MS / 2],
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffMs(attempt, () => random)).toBe(expected);
  });
});
