// The session summary after leaving workshop mode: this session's responses only (not the form's
// other responses on the device), how many were sent (kept current), results by sex, its CSV.
import { render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/export/csv';
import { exportSubmissionsCsv } from '../../../src/export/device-csv';
import { findForm } from '../../../src/forms';
import type { Form } from '../../../src/forms/schema';
import { db } from '../../../src/storage/db';
import { finalize, getSubmissions, saveDraft, type DraftContext } from '../../../src/storage/submissions';
import { getLastWorkshop } from '../../../src/storage/workshop';
import { toWire } from '../../../src/sync/outbox';
import { leaveWorkshop, participantDraft, startWorkshop } from '../../../src/ui/workshop/actions';
import { WorkshopSummary } from '../../../src/ui/workshop/WorkshopSummary';
import { countSession, isUntouched } from '../../../src/workshop/session';
import { variedSubmissions } from '../../fixtures/varied-submissions';
import { parseCsv } from '../../helpers/csv-parse';
import { storeFinalized } from '../../helpers/local-records';
import { resetStorage } from '../../helpers/reset-storage';

const form = findForm('workshop-feedback') as Form;
const context: DraftContext = { deviceId: 'laptop-1', enumerator: 'Facilitator', locale: 'en', appVersion: 'test' };
const SESSION = { name: 'Bogotá workshop 5', date: '2003-09-20', place: 'Bogotá' };

beforeEach(resetStorage);

/** Runs a session: one response per sex given, then a half-filled form left behind, then leaves. */
async function runSession(sexes: string[]): Promise<string[]> {
  await startWorkshop(form, '1357', SESSION);
  const ids: string[] = [];
  for (const [i, sex] of sexes.entries()) {
    const draft = (await participantDraft(context))!;
    const result = await finalize(form, draft.id, { ...draft.answers, sex, training_yearly: i % 2 ? 'no' : 'yes', comments: `Participant ${i + 1}` });
    expect(result.ok).toBe(true);
    ids.push(draft.id);
  }
  const left = (await participantDraft(context))!;
  await saveDraft(left.id, { ...left.answers, comments: 'Left halfway' });
  await leaveWorkshop();
  return ids;
}

/** The numbers list, term → value. */
function numbers(): Record<string, string> {
  const list = screen.getByLabelText('This session in numbers');
  const terms = within(list).getAllByRole('term').map((d) => d.textContent ?? '');
  const values = within(list).getAllByRole('definition').map((d) => d.textContent ?? '');
  return Object.fromEntries(terms.map((term, i) => [term, values[i]!]));
}

describe('the workshop session summary', { timeout: 30_000 }, () => {
  it('counts this session only, by sex, and follows sending as it happens', async () => {
    await storeFinalized(variedSubmissions(form, 25, 4)); // earlier responses to the same form
    const ids = await runSession(['female', 'male', 'female']);
    await db().submissions.update(ids[0]!, { status: 'synced', syncedAt: new Date().toISOString() });

    render(<WorkshopSummary />);
    await screen.findByRole('heading', { level: 1, name: 'Workshop session: Workshop feedback' });
    expect(screen.getByText('Bogotá workshop 5 · Bogotá · 2003-09-20')).toBeTruthy();
    await waitFor(() => expect(numbers()).toEqual({ 'Responses collected': '3', 'Sent to the server': '1', 'Waiting to send': '2', 'Unfinished, kept as drafts': '1' }));

    const respondents = screen.getByRole('table', { name: 'Responses by sex of the respondent' });
    const rows = Object.fromEntries(within(respondents).getAllByRole('row').slice(1).map((r) => [r.children[0]!.textContent, r.children[1]!.textContent]));
    expect(rows).toMatchObject({ Women: '2', Men: '1', Other: '0', 'Prefer not to say': '0', All: '3' });
    const yearly = screen.getByRole('table', { name: /^Should training events like this one be organized at least once a year\?/ });
    const yes = within(yearly).getAllByRole('row').find((r) => r.children[0]!.textContent === 'Yes')!;
    expect(Array.from(yes.children).map((c) => c.textContent)).toEqual(['Yes', '2', '0', '2']);

    // Sync goes on underneath: the count follows.
    await db().submissions.update(ids[1]!, { status: 'synced', syncedAt: new Date().toISOString() });
    await waitFor(() => expect(numbers()['Sent to the server']).toBe('2'));

    expect(screen.getByText('One row per response finalized in this workshop session, whatever its sending status.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
  });

  it("exports this session's finalized responses only, in the device's CSV format", async () => {
    await storeFinalized(variedSubmissions(form, 10, 5));
    const ids = await runSession(['other', 'prefer_not_to_say']);
    const ended = (await getLastWorkshop())!;
    expect(ended.draftIds).toEqual(expect.arrayContaining(ids));
    const text = await (await exportSubmissionsCsv(form, ended.draftIds, { labels: false })).text();
    const rows = parseCsv(text.slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
    expect(text).toBe(toCsv(form, (await getSubmissions(ids)).map(toWire), { labels: false }));
  });

  it('says so when no session has ended yet', async () => {
    render(<WorkshopSummary />);
    expect(await screen.findByText('No workshop session has ended on this device yet.')).toBeTruthy();
  });

  it('drops the blank forms a session leaves, and keeps any that someone typed in', async () => {
    await runSession(['female']);
    const ended = (await getLastWorkshop())!;
    // One finalized, one half-filled, and no blank one left behind.
    const left = await getSubmissions(ended.draftIds);
    expect(left.map((r) => r.status).sort()).toEqual(['draft', 'queued']);
    expect(left.find((r) => r.status === 'draft')?.answers.comments).toBe('Left halfway');
  });
});

describe('session decisions', () => {
  it.each([
    [[], { collected: 0, sent: 0, waiting: 0, rejected: 0, unfinished: 0 }],
    [['draft', 'queued', 'synced', 'synced', 'rejected'], { collected: 4, sent: 2, waiting: 1, rejected: 1, unfinished: 1 }],
  ] as const)('counts %j', (statuses, counts) => expect(countSession(statuses.map((status) => ({ status })))).toEqual(counts));

  it.each([
    [{}, {}, true],
    [{ workshop_name: 'A' }, { workshop_name: 'A', workshop_place: 'B' }, true],
    [{ workshop_name: 'A2' }, { workshop_name: 'A' }, false],
    [{ workshop_name: 'A', sex: 'female' }, { workshop_name: 'A' }, false],
    [{ future_topics: ['hiv_aids'] }, {}, false],
  ])('%j started from %j is untouched: %s', (answers, prefill, untouched) => expect(isUntouched(answers, prefill)).toBe(untouched));
});
