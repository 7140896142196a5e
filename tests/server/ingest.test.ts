// The per-submission decision, from a table: valid → stored; retry → duplicate;
// anything else → rejected with a reason that names the field.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../server/canonical';
import { canonicalSubmissionJson } from '../../src/export/canonical-json';
import { checkSubmission, echoedId, resultOf } from '../../server/ingest';
import { makeSubmission } from '../fixtures/submissions';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [3, { d: 'x', c: null }] }, '{"a":[3,{"c":null,"d":"x"}],"b":1}'],
    [{ a: 1, skip: undefined }, '{"a":1}'],
    [['b', 'a'], '["b","a"]'],
    ['é"\n', '"é\\"\\n"'],
    [JSON.parse('{"__proto__": {"x": 1}, "a": 2}'), '{"__proto__":{"x":1},"a":2}'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives the same hash whatever the key order', () => {
    const s = makeSubmission();
    const reordered = { meta: s.meta, answers: s.answers, formVersion: s.formVersion, formId: s.formId, id: s.id };
    expect(sha256Hex(canonicalJson(reordered))).toBe(sha256Hex(canonicalJson(s)));
  });

  it('the fast path for checked submissions writes exactly the generic canonical text', () => {
    const s = makeSubmission();
    const shuffled = { ...s, answers: Object.fromEntries(Object.entries(s.answers).reverse()), meta: { ...s.meta } };
    expect(canonicalSubmissionJson(shuffled)).toBe(canonicalJson(s));
    expect(canonicalSubmissionJson({ ...s, answers: { z: 'last', a: ['x', 'y'], m: 3 } })).toBe(canonicalJson({ ...s, answers: { a: ['x', 'y'], m: 3, z: 'last' } }));
  });
});

describe('echoedId', () => {
  it.each([
    [{ id: 'abc' }, 'abc'],
    [{ id: 42 }, ''],
    [null, ''],
    ['text', ''],
    [[], ''],
    [{ id: 'x'.repeat(1000) }, 'x'.repeat(200)],
  ])('%j → %j', (input, expected) => {
    expect(echoedId(input)).toBe(expected);
  });
});

const valid = makeSubmission();
const { workshop_name: _dropped, ...withoutRequired } = valid.answers;

/** [what, input, path of the first error] */
const REJECTED: [string, unknown, string | undefined][] = [
  ['not an object', 42, undefined],
  ['no id', { ...valid, id: undefined }, 'id'],
  ['id not a UUID', { ...valid, id: 'abc' }, 'id'],
  ['unknown form', { ...valid, formId: 'no-such-form' }, 'formId'],
  ['unknown version', { ...valid, formVersion: 99 }, 'formVersion'],
  ['version not an integer', { ...valid, formVersion: 1.5 }, 'formVersion'],
  ['extra top-level field', { ...valid, extra: true }, undefined],
  ['missing meta', { ...valid, meta: undefined }, 'meta'],
  ['bad locale', { ...valid, meta: { ...valid.meta, locale: 'de' } }, 'meta.locale'],
  ['bad time', { ...valid, meta: { ...valid.meta, startedAt: 'yesterday' } }, 'meta.startedAt'],
  ['required answer missing', { ...valid, answers: withoutRequired }, 'answers.workshop_name'],
  ['unknown question', { ...valid, answers: { ...valid.answers, favourite_colour: 'blue' } }, 'answers'],
  ['wrong option', { ...valid, answers: { ...valid.answers, sex: 'robot' } }, 'answers.sex'],
  ['irrelevant answer', { ...valid, answers: { ...valid.answers, role: 'staff', role_other: 'x' } }, 'answers.role_other'],
  ['likert out of range', { ...valid, answers: { ...valid.answers, aim_gender_sensitivity: 6 } }, 'answers.aim_gender_sensitivity'],
  ['text too long', { ...valid, answers: { ...valid.answers, workshop_name: 'x'.repeat(201) } }, 'answers.workshop_name'],
  ['impossible date', { ...valid, answers: { ...valid.answers, workshop_date: '2024-02-30' } }, 'answers.workshop_date'],
];

describe('checkSubmission', () => {
  it('accepts a valid submission and keeps its columns', () => {
    const checked = checkSubmission(valid);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.item).toMatchObject({ id: valid.id, formId: valid.formId, formVersion: valid.formVersion, deviceId: valid.meta.deviceId });
    expect(JSON.parse(checked.item.json)).toEqual(valid);
    expect(checked.item.hash).toBe(sha256Hex(checked.item.json));
  });

  it.each(REJECTED)('rejects %s', (_what, input, path) => {
    const checked = checkSubmission(input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.length).toBeGreaterThan(0);
    for (const e of checked.errors) expect(e.message).toEqual(expect.any(String));
    if (path !== undefined) expect(checked.errors.map((e) => e.path)).toContain(path);
  });
});

describe('resultOf', () => {
  const checked = checkSubmission(valid);
  if (!checked.ok) throw new Error('fixture invalid');
  const item = checked.item;
  it.each([
    ['new id', { inserted: true } as const, 'stored'],
    ['same id, same content', { inserted: false, storedHash: item.hash } as const, 'duplicate'],
    ['same id, other content', { inserted: false, storedHash: 'f'.repeat(64) } as const, 'rejected'],
  ])('%s → %s', (_what, outcome, status) => {
    const result = resultOf(item, outcome);
    expect(result.status).toBe(status);
    expect(result.id).toBe(item.id);
    expect(result.errors === undefined).toBe(status !== 'rejected');
  });
});
