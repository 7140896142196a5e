import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { uploadBundle, ServerRequestError } from '../../results/remote';
import { currentEndpoint } from '../../sync/device-sync';

/** Sends a device's bundle file straight to the server (POST /api/v1/bundles) and says what it kept. */
export function BundleUpload({ onRefused }: { onRefused: (reason: string) => void }) {
  const [message, setMessage] = useState<{ alert: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage({ alert: false, text: t('Sending the bundle…') });
    try {
      const { results } = await uploadBundle(await currentEndpoint(), file);
      const by = (status: string) => results.filter((r) => r.status === status).length;
      const rejected = by('rejected');
      setMessage({
        alert: rejected > 0,
        text: t('The server stored {stored} new responses; {duplicates} it already had; {rejected} refused.', { stored: by('stored'), duplicates: by('duplicate'), rejected }),
      });
    } catch (e) {
      if (e instanceof ServerRequestError && (e.status === 401 || e.status === 403)) onRefused(e.message);
      else setMessage({ alert: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      input.value = '';
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="upload-bundle-heading">
      <h2 id="upload-bundle-heading">{t('Send a bundle to the server')}</h2>
      <p>{t('A bundle file exported by a device that never got online: the server keeps each response once.')}</p>
      <div class="field">
        <label for="upload-bundle">{t('Bundle to send to the server')}</label>
        <input id="upload-bundle" type="file" accept=".json,.zip,application/json,application/zip" disabled={busy} onChange={(e) => void onFile(e.currentTarget)} />
      </div>
      {message?.alert ? <p role="alert">{message.text}</p> : <p role="status">{message?.text ?? ''}</p>}
    </section>
  );
}
