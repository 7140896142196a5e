import { useState } from 'preact/hooks';
import { exportBundle, importBundleFile, type BundleScope, type ImportOutcome } from '../export/device-bundle';
import { describeFailure, toStorageError } from '../storage/errors';
import { syncEngine } from '../sync/device-sync';
import { downloadBlob } from './download';

type Message = { kind: 'status' | 'alert'; text: string } | undefined;

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The sentence for an import's outcome. */
export function describeImport(outcome: ImportOutcome): Message {
  if (!outcome.ok) return { kind: 'alert', text: outcome.message };
  const { add, skipped, conflicts } = outcome.plan;
  const parts = [`Imported ${count(add.length, 'response', 'responses')} of ${outcome.total.toLocaleString('en')}; they will be sent when this device is online and enrolled.`];
  if (skipped.length > 0) parts.push(`${count(skipped.length, 'was', 'were')} already on this device and skipped.`);
  if (conflicts.length > 0) {
    parts.push(`${count(conflicts.length, 'conflict', 'conflicts')}: a different response with the same id is already here, so neither was changed (${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ', …' : ''}).`);
  }
  return { kind: conflicts.length > 0 ? 'alert' : 'status', text: parts.join(' ') };
}

/** Moving responses by file when there is no network: export a bundle here, import one from another device. */
export function TransferScreen({ deviceId }: { deviceId: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const work = async (job: () => Promise<Message>) => {
    setBusy(true);
    setMessage({ kind: 'status', text: 'Working…' });
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
      if (file.count === 0) return { kind: 'status', text: scope === 'unsent' ? 'There is nothing waiting to be sent.' : 'There are no finalized responses on this device yet.' };
      downloadBlob(file.blob, file.fileName);
      return { kind: 'status', text: `Saved ${count(file.count, 'response', 'responses')} in ${file.fileName}.` };
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
      <h1>Move data</h1>
      <p>With no connection at all, responses can travel as a file: export a bundle here, carry it (USB stick, shared folder), then import it on a device that can reach the server, or give it to your coordinator, who can send it to the server directly.</p>
      <section class="panel" aria-labelledby="export-bundle-heading">
        <h2 id="export-bundle-heading">Export a bundle</h2>
        <p>The file holds the finalized responses of every form on this device. Drafts stay here.</p>
        <div class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void onExport('all')}>
            Export bundle (all)
          </button>
          <button type="button" disabled={busy} onClick={() => void onExport('unsent')}>
            Export bundle (not yet sent)
          </button>
        </div>
      </section>
      <section class="panel" aria-labelledby="import-bundle-heading">
        <h2 id="import-bundle-heading">Import a bundle</h2>
        <p>Responses from another device are added here as waiting to send, with their own ids, so the server counts each once. A damaged or foreign file is refused whole.</p>
        <div class="field">
          <label for="bundle-file">Import bundle</label>
          <input id="bundle-file" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => onImport(e.currentTarget)} />
        </div>
      </section>
      {message?.kind === 'alert' ? <p role="alert">{message.text}</p> : <p role="status">{message?.text ?? ''}</p>}
    </div>
  );
}
