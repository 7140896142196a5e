import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { applyUpdate, onUpdateReady } from '../pwa/sw-bridge';
import { flushOpenDrafts } from './use-autosave';

type Step = 'ready' | 'updating' | 'failed';

/** Offers a waiting new version; it is applied only when the user presses Update, after open drafts are saved. */
export function UpdatePrompt() {
  const [step, setStep] = useState<Step | undefined>();
  useEffect(() => onUpdateReady(() => setStep((s) => s ?? 'ready')), []);
  if (!step) return null;

  const update = async () => {
    setStep('updating');
    try {
      // Answers typed in the last moments are still in memory: write them before the page goes.
      await flushOpenDrafts();
      await applyUpdate();
    } catch {
      setStep('failed');
    }
  };

  return (
    <section class="update-prompt" aria-label={t('App update')}>
      <p role="status">
        {step === 'failed'
          ? t('A new version is ready, but the open form could not be saved, so the update waits. Free some space, then try again.')
          : step === 'updating'
            ? t('Saving your work and updating…')
            : t('A new version is ready.')}
      </p>
      <button type="button" class="primary" disabled={step === 'updating'} onClick={() => void update()}>
        {t('Update')}
      </button>
    </section>
  );
}
