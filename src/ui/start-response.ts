import type { Answers } from '../forms/relevance';
import type { Form } from '../forms/schema';
import { formState, loadForm } from '../storage/catalog';
import { getWorkshopSession } from '../storage/settings';
import { startDraft, type DraftContext } from '../storage/submissions';
import { navigate } from './router';

/** Workshop questions a facilitator sets once per session, by the setting that fills them. */
export const WORKSHOP_FORM_ID = 'workshop-feedback';
const WORKSHOP_PREFILL = { workshop_name: 'name', workshop_date: 'date', workshop_place: 'place' } as const;

/** The answers a new response starts with: the workshop session for workshop feedback, else none. */
export async function prefillFor(form: Form): Promise<Answers> {
  if (form.id !== WORKSHOP_FORM_ID) return {};
  const session = await getWorkshopSession();
  const answers: Answers = {};
  if (!session) return answers;
  for (const [question, key] of Object.entries(WORKSHOP_PREFILL)) if (session[key]) answers[question] = session[key];
  return answers;
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
