import { useState } from 'preact/hooks';
import { exportBundle, importBundleFile, type BundleScope, type ImportOutcome } from '../export/device-bundle';
import { t, tn } from '../i18n';
import { toStorageError } from '../storage/errors';
import { syncEngine } from '../sync/device-sync';
import { downloadBlob } from './download';
import { describeFailure } from './failure-text';

type Message = { kind: 'status' | 'alert'; text: string } | undefined;

/** The sentence for an import's outcome. */
export function describeImport(outcome: ImportOutcome): Message {
  if (!outcome.ok) return { kind: 'alert', text: outcome.message };
  const { add, skipped, conflicts } = outcome.plan;
  const total = outcome.total;
  const parts = [
    tn(add.length, 'Imported {n} response of {total}; it will be sent when this device is online and enrolled.', 'Imported {n} responses of {total}; they will be sent when this device is online and enrolled.', { total }),
  ];
  if (skipped.length > 0) parts.push(tn(skipped.length, '{n} was already on this device and skipped.', '{n} were already on this device and skipped.'));
  if (conflicts.length > 0) {
    const ids = `${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ', …' : ''}`;
    parts.push(
      tn(
        conflicts.length,
        '{n} conflict: a different response with the same id is already here, so neither was changed ({ids}).',
        '{n} conflicts: a different response with the same id is already here, so neither was changed ({ids}).',
        { ids },
      ),
    );
  }
  return { kind: conflicts.length > 0 ? 'alert' : 'status', text: parts.join(' ') };
}

/** Moving responses by file when there is no network: export a bundle here, import one from another device. */
export function TransferScreen({ deviceId }: { deviceId: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const work = async (job: () => Promise<Message>) => {
    setBusy(true);
    setMessage({ kind: 'status', text: t('Working…') });
    try {
      setMessage(await job());
    } catch (error) {
      setMessage({ kind: 'alert', text: describeFailure(toStorageError(error).failure) });
    } finally {
      setBusy(false);
    }
  };
  const onExport = (scope: BundleScope) =>
    work(async () => {
      const file = await exportBundle(scope, deviceId);
      if (file.count === 0) return { kind: 'status', text: scope === 'unsent' ? t('There is nothing waiting to be sent.') : t('There are no finalized responses on this device yet.') };
      downloadBlob(file.blob, file.fileName);
      const saved = tn(file.count, 'Saved {n} response in {file}.', 'Saved {n} responses in {file}.', { file: file.fileName });
      if (file.leftOut.length === 0) return { kind: 'status', text: saved };
      const left = tn(file.leftOut.length, '{n} response was left out: a file it names is no longer on this device.', '{n} responses were left out: files they name are no longer on this device.');
      return { kind: 'alert', text: `${saved} ${left}` };
    });
  const onImport = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void work(async () => {
      const outcome = await importBundleFile(file);
      input.value = '';
      if (outcome.ok && outcome.plan.add.length > 0) void syncEngine.sendNow();
      return describeImport(outcome);
    });
  };
  return (
    <div class="transfer">
      <h1>{t('Move data')}</h1>
      <p>
        {t(
          'With no connection at all, responses can travel as a file: export a bundle here, carry it (USB stick, shared folder), then import it on a device that can reach the server, or give it to your coordinator, who can send it to the server directly.',
        )}
      </p>
      <section class="panel" aria-labelledby="export-bundle-heading">
        <h2 id="export-bundle-heading">{t('Export a bundle')}</h2>
        <p>{t('The file holds the finalized responses of every form on this device. Drafts stay here.')}</p>
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void onExport('all')}>
            {t('Export bundle (all)')}
          </button>
          <button type="button" disabled={busy} onClick={() => void onExport('unsent')}>
            {t('Export bundle (not yet sent)')}
          </button>
        </div>
      </section>
      <section class="panel" aria-labelledby="import-bundle-heading">
        <h2 id="import-bundle-heading">{t('Import a bundle')}</h2>
        <p>{t('Responses from another device are added here as waiting to send, with their own ids, so the server counts each once. A damaged or foreign file is refused whole.')}</p>
        <div class="field">
          <label for="bundle-file">{t('Import bundle')}</label>
          <input id="bundle-file" type="file" accept=".json,.zip,application/json,application/zip" disabled={busy} onChange={(e) => onImport(e.currentTarget)} />
        </div>
      </section>
      {message?.kind === 'alert' ? <p role="alert">{message.text}</p> : <p role="status">{message?.text ?? ''}</p>}
    </div>
  );
}
