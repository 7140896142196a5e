// GET /api/v1/forms/{formId}/results on a form with a household roster (issue 14): a form with a
// repeat and a nested repeat is published over the API, responses with members are submitted, and
// the results count each repeat's instances and the responses holding them by the respondent's
// sex, against a real server and SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/forms/schema';
import { FormResultsSchema, SEX_KEYS } from '../../src/results/schema';
import { HOUSEHOLD } from '../fixtures/household-repeat';
import { makeSubmission } from '../fixtures/submissions';
import { get, postSubmissions, publishDefinition, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  expect((await publishDefinition(server, HOUSEHOLD)).status).toBe(201);
});
afterAll(async () => {
  await server.stop();
});

const bySex = (counts: Partial<Record<(typeof SEX_KEYS)[number], number>>) => SEX_KEYS.map((k) => counts[k] ?? 0);
/** A member of this age with as many visits as the form's repeat_count asks (age div 40). */
const member = (name: string, age: number): Answers => {
  const visits = Math.floor(age / 40);
  return { member_name: name, member_age: age, ...(visits > 0 ? { visit: Array.from({ length: visits }, (_, i) => ({ visit_place: `Place ${i + 1}` })) } : {}) };
};
const submission = (answers: Answers) => ({ ...makeSubmission('workshop-feedback'), formId: 'household', formVersion: 1, answers });

describe('results of a form with a roster', () => {
  it('count the members and the visits across responses, by the respondent\'s sex', async () => {
    const batch = [
      // A woman: 3 members, the eldest with 2 visits.
      submission({ village: 'Kara', sex: 'female', member: [member('Ana', 34), { ...member('Ben', 8), schooling: 'yes' }, member('Cy', 81)] }),
      // A woman: 1 member with 1 visit.
      submission({ sex: 'female', member: [member('Dee', 40)] }),
      // A man: 2 members, one with 1 visit.
      submission({ sex: 'male', member: [member('Eli', 30), member('Fay', 40)] }),
      // A man with no roster.
      submission({ sex: 'male', village: 'Tobo' }),
      // Sex not given: 1 member.
      submission({ member: [member('Gus', 20)] }),
    ];
    const posted = await postSubmissions(server, { submissions: batch });
    expect(posted.status).toBe(200);
    expect((posted.json as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);

    const answer = await get(server, '/api/v1/forms/household/results', server.coordinatorToken);
    expect(answer.status).toBe(200);
    const results = FormResultsSchema.parse(answer.json);
    expect(results.total).toBe(5);
    expect(results.bySex).toEqual(bySex({ female: 2, male: 2, not_stated: 1 }));
    expect(results.repeats).toEqual([
      { repeatId: 'member', instances: bySex({ female: 4, male: 2, not_stated: 1 }), responses: bySex({ female: 2, male: 1, not_stated: 1 }) },
      { repeatId: 'visit', instances: bySex({ female: 3, male: 1 }), responses: bySex({ female: 2, male: 1 }) },
    ]);
    // Questions inside the roster have no chart of their own; the roster is counted above instead.
    expect(results.questions.map((q) => q.questionId)).not.toContain('member_age');
    expect(results.questions.map((q) => q.questionId)).not.toContain('schooling');
  });

  it('answer only the coordinator', async () => {
    expect((await get(server, '/api/v1/forms/household/results', server.deviceToken)).status).toBe(403);
  });
});
