// What the workshop screens do, over storage: start, the participant's draft, the facilitator's
// PIN, discarding a walked-away participant's draft, and leaving. Each step is its own write, in
// an order that leaves the device locked and no answer lost if the tab dies between two of them.
import type { Answers } from '../../forms/relevance';
import type { Form } from '../../forms/schema';
import { formState, loadForm } from '../../storage/catalog';
import type { StoredSubmission } from '../../storage/record';
import { setWorkshopSession, type WorkshopSession } from '../../storage/settings';
import { deleteDraft, getSubmission, getSubmissions, startDraft, type DraftContext } from '../../storage/submissions';
import { beginWorkshop, changeWorkshop, endWorkshop, getActiveWorkshop, type EndedWorkshop, type WorkshopRun } from '../../storage/workshop';
import { hashPin, NO_FAILURES, pinWaitLeft, verifyPin } from '../../workshop/pin';
import { isUntouched } from '../../workshop/session';
import { carriesWorkshopSession, sessionAnswers } from '../start-response';

/** Why workshop mode cannot start for a form: it takes no new responses (closing or closed). */
export class FormNotOpenError extends Error {}

/** Turns workshop mode on for `form`; the session (when the form asks for it) also becomes the device's. */
export async function startWorkshop(form: Form, pin: string, session: WorkshopSession | null): Promise<void> {
  if ((await formState(form.id)) !== 'open') throw new FormNotOpenError(`The form ${form.id} takes no new responses.`);
  const kept = carriesWorkshopSession(form) ? session : null;
  if (kept) await setWorkshopSession(kept);
  await beginWorkshop({
    formId: form.id,
    formVersion: form.version,
    pin: await hashPin(pin),
    session: kept,
    startedAt: new Date().toISOString(),
    draftIds: [],
    currentDraftId: null,
    failures: NO_FAILURES,
  });
}

/** What each new participant's response starts with: the workshop session, nothing of anyone else. */
export function workshopPrefill(run: Pick<WorkshopRun, 'session'>, form: Form): Answers {
  return run.session && carriesWorkshopSession(form) ? sessionAnswers(run.session) : {};
}

let pendingDraft: Promise<StoredSubmission | undefined> | undefined;

/**
 * The current participant's response: the one on screen while it is still a draft, otherwise a
 * new blank one (a finalized or discarded one is never shown again). The new draft is written
 * before the workshop points at it, so a tab that dies between the two leaves an unused blank
 * draft, dropped on leaving. Calls made while one is running share its answer.
 */
export function participantDraft(context: DraftContext): Promise<StoredSubmission | undefined> {
  pendingDraft ??= (async () => {
    const run = await getActiveWorkshop();
    if (!run) return undefined;
    const current = run.currentDraftId ? await getSubmission(run.currentDraftId) : undefined;
    if (current?.status === 'draft') return current;
    // The version the workshop started with, for every participant, whatever is published meanwhile.
    const form = await loadForm(run.formId, run.formVersion);
    if (!form) throw new Error(`The form ${run.formId} (version ${run.formVersion}) is not on this device.`);
    const draft = await startDraft(form, context, workshopPrefill(run, form));
    await changeWorkshop((r) => ({ ...r, draftIds: [...r.draftIds, draft.id], currentDraftId: draft.id }));
    return draft;
  })().finally(() => (pendingDraft = undefined));
  return pendingDraft;
}

/** The answer to a PIN: right, or refused (wrong, or not heard because of the wait), with the wait before the next try. */
export type PinOutcome = { ok: true } | { ok: false; wrong: boolean; waitMs: number };

/**
 * Checks the facilitator's PIN. During a wait nothing is checked, right or wrong; each wrong PIN
 * is counted in storage, so a reload does not reset the wait. A right one clears the count.
 */
export async function checkPin(pin: string, now: () => number = Date.now): Promise<PinOutcome> {
  const run = await getActiveWorkshop();
  if (!run) return { ok: true };
  const wait = pinWaitLeft(run.failures, now());
  if (wait > 0) return { ok: false, wrong: false, waitMs: wait };
  if (await verifyPin(pin, run.pin)) {
    if (run.failures.count > 0) await changeWorkshop((r) => ({ ...r, failures: NO_FAILURES }));
    return { ok: true };
  }
  const after = await changeWorkshop((r) => ({ ...r, failures: { count: r.failures.count + 1, lastAt: now() } }));
  return { ok: false, wrong: true, waitMs: after ? pinWaitLeft(after.failures, now()) : 0 };
}

/** Deletes the draft on screen (a participant who walked away); the next screen starts a blank one. Call after checkPin. */
export async function discardParticipant(): Promise<void> {
  const run = await getActiveWorkshop();
  const id = run?.currentDraftId;
  if (!id) return;
  // Pointing away first: a tab that dies in between leaves a draft kept, never one shown again.
  await changeWorkshop((r) => ({ ...r, currentDraftId: null, draftIds: r.draftIds.filter((d) => d !== id) }));
  await deleteDraft(id).catch(() => undefined); // finalized meanwhile (another tab): then it is a response like any other
}

/**
 * Turns workshop mode off (call after checkPin). Blank drafts the session started are deleted;
 * drafts someone typed in are kept, and the summary says how many.
 */
export async function leaveWorkshop(): Promise<EndedWorkshop | undefined> {
  const run = await getActiveWorkshop();
  if (!run) return undefined;
  const form = await loadForm(run.formId, run.formVersion);
  const prefill = form ? workshopPrefill(run, form) : {};
  const drafts = (await getSubmissions(run.draftIds)).filter((r) => r.status === 'draft' && isUntouched(r.answers, prefill));
  for (const draft of drafts) await deleteDraft(draft.id).catch(() => undefined);
  return endWorkshop(new Date().toISOString());
}
