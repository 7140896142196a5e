import type { Answers } from '../forms/relevance';
import type { Form } from '../forms/schema';
import { formState, loadForm } from '../storage/catalog';
import { getWorkshopSession, type WorkshopSession } from '../storage/settings';
import { startDraft, type DraftContext } from '../storage/submissions';
import { navigate } from './router';

/** Workshop questions a facilitator sets once per session, by the setting that fills them. */
export const WORKSHOP_FORM_ID = 'workshop-feedback';
const WORKSHOP_PREFILL = { workshop_name: 'name', workshop_date: 'date', workshop_place: 'place' } as const;

/** Whether a form's responses start with the workshop session (name, date, place). */
export const carriesWorkshopSession = (form: Form): boolean => form.id === WORKSHOP_FORM_ID;

/** The answers a workshop session fills in (its empty parts left out). */
export function sessionAnswers(session: WorkshopSession): Answers {
  const answers: Answers = {};
  for (const [question, key] of Object.entries(WORKSHOP_PREFILL)) if (session[key]) answers[question] = session[key];
  return answers;
}

/** The answers a new response starts with: the workshop session for workshop feedback, else none. */
export async function prefillFor(form: Form): Promise<Answers> {
  if (!carriesWorkshopSession(form)) return {};
  const session = await getWorkshopSession();
  return session ? sessionAnswers(session) : {};
}

/** Starts a blank (or session-prefilled) response and opens it. */
export async function startResponse(form: Form, context: DraftContext): Promise<void> {
  const draft = await startDraft(form, context, await prefillFor(form));
  navigate({ screen: 'fill', id: draft.id });
}

/** Starts a response to the latest version of a form, by id, unless the form no longer takes new ones. */
export async function startResponseById(formId: string, context: DraftContext): Promise<void> {
  if ((await formState(formId)) !== 'open') return;
  const form = await loadForm(formId);
  if (form) await startResponse(form, context);
}
