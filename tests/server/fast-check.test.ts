// The server's compiled fast path changes no answer: every case of the validation table gets
// the same verdict, errors, canonical JSON and hash as the zod-only path it replaced, both
// from checkSubmission and over HTTP.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalWriterFor } from '../../server/canonical';
import { fastAccept } from '../../server/fast-check';
import { checkSubmission, type Checked } from '../../server/ingest';
import { canonicalSubmissionJson } from '../../src/export/canonical-json';
import { checkAgainstForm } from '../../src/forms/check';
import { FORMS } from '../../src/forms/index';
import type { Submission } from '../../src/forms/submission';
import { SubmitResponseSchema, type SubmissionResult } from '../../src/sync/api';
import { validationCases } from '../fixtures/validation-cases';
import { postSubmissions, startTestServer, type TestServer } from '../helpers/server';

/** checkSubmission as it was before the fast path: zod, the generic canonical writer, a Hash object. */
function zodOnlyCheck(input: unknown): Checked {
  const checked = checkAgainstForm(input);
  if (!checked.ok) return checked;
  const s = checked.submission;
  const json = canonicalSubmissionJson(s);
  return {
    ok: true,
    item: { id: s.id, formId: s.formId, formVersion: s.formVersion, deviceId: s.meta.deviceId, hash: createHash('sha256').update(json, 'utf8').digest('hex'), json },
  };
}

describe.each(FORMS.map((form) => [form.id, form] as const))('checkSubmission on %s', (_id, form) => {
  const cases = validationCases(form);

  it('answers every case of the table exactly as the zod-only path', () => {
    let fast = 0;
    for (const c of cases) {
      expect(checkSubmission(c.input), c.name).toEqual(zodOnlyCheck(c.input));
      if (fastAccept(c.input)) fast++;
    }
    // The fast path is really taken, not skipped for everything.
    expect(fast).toBeGreaterThan(50);
  });

  it('writes the generic canonical text, whatever order the answers came in', () => {
    const write = canonicalWriterFor(form);
    for (const c of cases) {
      const accepted = fastAccept(c.input);
      if (!accepted) continue;
      const s: Submission = accepted.submission;
      const reversed = { ...s, answers: Object.fromEntries(Object.entries(s.answers).reverse()) };
      expect(accepted.json, c.name).toBe(canonicalSubmissionJson(s));
      expect(write(reversed), c.name).toBe(canonicalSubmissionJson(s));
    }
  });
});

describe('POST /api/v1/submissions with the validation table', () => {
  let server: TestServer;
  /** What the server holds, by id: content hash (some ids of the table recur from form to form). */
  const stored = new Map<string, string>();
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  /** What the server answered before the fast path: zod-only checks over a store that keeps the first of each id. */
  function expectedResults(inputs: readonly unknown[]): SubmissionResult[] {
    return inputs.map((input) => {
      const checked = zodOnlyCheck(input);
      if (!checked.ok) return { id: checked.id, status: 'rejected', errors: checked.errors };
      const { id, hash } = checked.item;
      const earlier = stored.get(id);
      if (earlier === undefined) {
        stored.set(id, hash);
        return { id, status: 'stored' };
      }
      if (earlier === hash) return { id, status: 'duplicate' };
      return { id, status: 'rejected', errors: [{ path: 'id', message: 'A different submission with this id is already stored; this one was not kept.' }] };
    });
  }

  it.each(FORMS.map((form) => [form.id, form] as const))('answers every case of %s as before and stores exactly the valid ones', async (_id, form) => {
    const before = stored.size;
    const cases = validationCases(form, 100);
    for (let i = 0; i < cases.length; i += 400) {
      // The inputs as the server sees them: what survives JSON.
      const body = JSON.stringify({ submissions: cases.slice(i, i + 400).map((c) => c.input) });
      const inputs = (JSON.parse(body) as { submissions: unknown[] }).submissions;
      const answer = await postSubmissions(server, body);
      expect(answer.status).toBe(200);
      expect(SubmitResponseSchema.parse(answer.json).results).toEqual(expectedResults(inputs));
    }
    expect(server.count()).toBe(stored.size);
    expect(stored.size).toBeGreaterThan(before);
  });
});
