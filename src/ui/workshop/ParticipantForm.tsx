import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { toStorageError } from '../../storage/errors';
import type { StoredSubmission } from '../../storage/record';
import type { DraftContext } from '../../storage/submissions';
import type { WorkshopRun } from '../../storage/workshop';
import { describeFailure } from '../failure-text';
import { DraftEditor } from '../FillScreen';
import { focusHeadingWhenShown } from '../focus-heading';
import { useForm, useFormLanguage } from '../use-form-language';
import { participantDraft } from './actions';

/** How long the thank-you stays before the next participant's blank form (the contract: within a second). */
export const THANK_YOU_MS = 800;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The current participant's form. Only the draft the workshop points at is ever drawn: once it is
 * finalized (here or in another tab) or discarded, the screen shows a thank-you or waits for the
 * next blank one, never the previous answers.
 */
export function ParticipantForm({ run, context }: { run: WorkshopRun; context: DraftContext }) {
  const language = useFormLanguage();
  const [draft, setDraft] = useState<StoredSubmission | undefined>();
  const [thanking, setThanking] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // Every participant answers the version the workshop started with, in the language in use.
  const form = useForm(run.formId, run.formVersion);
  const mounted = useRef(true);
  const contextRef = useRef(context);
  contextRef.current = context;
  useEffect(() => () => void (mounted.current = false), []);

  useEffect(() => {
    participantDraft(contextRef.current).then(
      (next) => mounted.current && next && setDraft(next),
      (error: unknown) => mounted.current && setFailure(error ?? 'unknown'),
    );
  }, [run.currentDraftId]);

  // The thank-you and the next form each start at the top, their heading focused.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    scrollTo?.(0, 0);
    const main = document.getElementById('main');
    return main ? focusHeadingWhenShown(main) : undefined;
  }, [thanking]);

  const onFinalized = () => {
    setThanking(true);
    // The next blank form is made while the thank-you shows.
    Promise.all([participantDraft(contextRef.current), pause(THANK_YOU_MS)]).then(
      ([next]) => {
        if (!mounted.current) return;
        if (next) setDraft(next);
        setThanking(false);
      },
      (error: unknown) => mounted.current && setFailure(error ?? 'unknown'),
    );
  };

  if (failure !== undefined) return <p role="alert">{describeFailure(toStorageError(failure).failure)}</p>;
  if (thanking) {
    return (
      <div class="workshop-thanks">
        <h1>{t('Thank you!')}</h1>
        <p role="status">{t('Your response is saved. The form is being cleared for the next participant.')}</p>
      </div>
    );
  }
  if (!draft || !form || !language || draft.id !== run.currentDraftId) return <p role="status">{t('Opening…')}</p>;
  return (
    <div class="workshop-participant">
      <p class="workshop-intro">{t('Your answers stay private: once you finalize, the form is cleared for the next participant.')}</p>
      <DraftEditor key={draft.id} record={draft} form={form} language={language} onFinalized={onFinalized} />
    </div>
  );
}
