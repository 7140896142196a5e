// Repeats on the server (issue 14): a form with a roster and a nested repeat is published as JSON;
// submissions are validated per instance (errors at answers.member.1.member_age); the main CSV has
// no repeat columns; `submissions.csv?repeat=` gives one row per instance, nested ones with their
// parent's number, byte for byte what the shared writer gives on the device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOM } from '../../src/export/csv';
import { repeatCsvLayout } from '../../src/export/csv-repeat';
import { readDefinition } from '../../src/forms/load';
import type { Answers } from '../../src/forms/schema';
import { makeSubmission } from '../fixtures/submissions';
import { HOUSEHOLD } from '../fixtures/household-repeat';
import { parseCsv } from '../helpers/csv-parse';
import { get, postSubmissions, publishDefinition, startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  expect((await publishDefinition(server, HOUSEHOLD)).status).toBe(201);
});
afterAll(async () => {
  await server.stop();
});

function submission(answers: Answers) {
  return { ...makeSubmission('workshop-feedback'), formId: 'household', formVersion: 1, answers };
}

const ROSTER: Answers = {
  village: 'Kara',
  member: [
    { member_name: 'Ana', member_age: 34, member_no: '1', greeting: 'Ana of Kara' },
    { member_name: 'Ben, Jr', member_age: 8, member_no: '2', greeting: 'Ben, Jr of Kara', schooling: 'yes' },
    { member_name: 'Cy', member_age: 81, member_no: '3', greeting: 'Cy of Kara', visit: [{ visit_place: 'Town' }, { visit_place: '=Port' }] },
  ],
  members: '3',
  total_age: '123',
  second_name: 'Ben, Jr',
  sex: 'female',
};

describe('repeats on the server', () => {
  it('stores a roster, rejects a bad instance at its path, and exports one file per repeat', async () => {
    const good = submission(ROSTER);
    const badAge = submission({ member: [{ member_name: 'Ana', member_age: 130, visit: [{}, {}, {}] }] });
    const missingName = submission({ member: [{ member_name: 'Ana', member_age: 3 }, { member_age: 4 }] });
    const wrongCount = submission({ member: [{ member_name: 'Ana', member_age: 80 }] });
    const notAList = submission({ member: 'Ana' });
    const answer = await postSubmissions(server, { submissions: [good, badAge, missingName, wrongCount, notAList] });
    const results = (answer.json as { results: { status: string; errors?: { path?: string; message: string }[] }[] }).results;
    expect(results.map((r) => r.status)).toEqual(['stored', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(results[1]!.errors).toEqual([{ path: 'answers.member.0.member_age', message: 'This answer is not accepted.' }]);
    expect(results[2]!.errors).toEqual([{ path: 'answers.member.1.member_name', message: 'This question needs an answer.' }]);
    expect(results[3]!.errors).toEqual([{ path: 'answers.member.0.visit', message: 'This needs exactly 2 entries.' }]);
    expect(results[4]!.errors?.[0]?.path).toBe('answers.member');

    const main = parseCsv((await get(server, '/api/v1/forms/household/submissions.csv', server.coordinatorToken)).text.replace(/^\uFEFF/, ''));
    expect(main[0]!.slice(7)).toEqual(['village', 'members', 'total_age', 'second_name', 'sex']);
    expect(main[1]!.slice(7)).toEqual(['Kara', '3', '123', 'Ben, Jr', 'female']);

    const members = await get(server, '/api/v1/forms/household/submissions.csv?repeat=member', server.coordinatorToken);
    expect(members.status).toBe(200);
    expect(members.headers.get('content-disposition')).toContain('household-member-submissions.csv');
    const rows = parseCsv(members.text.replace(/^\uFEFF/, ''));
    expect(rows).toEqual([
      ['submission_id', 'repeat_index', 'parent_index', 'member_name', 'member_age', 'member_no', 'greeting', 'schooling'],
      [good.id, '1', '', 'Ana', '34', '1', 'Ana of Kara', ''],
      [good.id, '2', '', 'Ben, Jr', '8', '2', 'Ben, Jr of Kara', 'yes'],
      [good.id, '3', '', 'Cy', '81', '3', 'Cy of Kara', ''],
    ]);

    const visits = await get(server, '/api/v1/forms/household/submissions.csv?repeat=visit', server.coordinatorToken);
    expect(parseCsv(visits.text.replace(/^\uFEFF/, ''))).toEqual([
      ['submission_id', 'repeat_index', 'parent_index', 'visit_place'],
      [good.id, '1', '3', 'Town'],
      [good.id, '2', '3', "'=Port"],
    ]);

    // The device writes the same bytes with the same shared writer.
    const read = readDefinition({ ...HOUSEHOLD, version: 1 });
    if (!read.ok) throw new Error('form');
    const layout = repeatCsvLayout([read.form], 'member')!;
    const bytes = await fetch(`${server.url}/api/v1/forms/household/submissions.csv?repeat=member`, { headers: { Authorization: `Bearer ${server.coordinatorToken}` } }).then((r) => r.arrayBuffer());
    expect(new Uint8Array(bytes)).toEqual(new TextEncoder().encode(BOM + layout.header + layout.rows(read.form, good, { labels: false })));
  });

  it('answers 404 for a repeat the form does not have, and asks for the coordinator token', async () => {
    const missing = await get(server, '/api/v1/forms/household/submissions.csv?repeat=village', server.coordinatorToken);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('has no repeat');
    const anonymous = await get(server, '/api/v1/forms/household/submissions.csv?repeat=member');
    expect(anonymous.status).toBe(401);
  });
});
