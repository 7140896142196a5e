import { useId, useState } from 'preact/hooks';
import type { Form } from '../forms/schema';
import { describeFailure, toStorageError } from '../storage/errors';
import { downloadBlob } from './download';

type State = { kind: 'idle' } | { kind: 'working'; done: number; total: number } | { kind: 'done'; rows: number; fileName: string } | { kind: 'failed'; message: string };

const count = (n: number) => n.toLocaleString('en');

/** "Export CSV" for one form's finalized responses on this device, with progress while it runs. */
export function CsvExport({ form }: { form: Form }) {
  const [labels, setLabels] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();
  const run = async () => {
    setState({ kind: 'working', done: 0, total: 0 });
    try {
      let rows = 0;
      // The writer loads on first use: most visits to this list never export.
      const [{ exportFormCsv }, { csvFileName }] = await Promise.all([import('../export/device-csv'), import('../export/csv')]);
      const blob = await exportFormCsv(form, { labels }, (done, total) => {
        rows = done;
        setState({ kind: 'working', done, total });
      });
      const fileName = csvFileName(form, new Date());
      downloadBlob(blob, fileName);
      setState({ kind: 'done', rows, fileName });
    } catch (error) {
      setState({ kind: 'failed', message: describeFailure(toStorageError(error).failure) });
    }
  };
  const working = state.kind === 'working';
  return (
    <section class="panel csv-export" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Export</h2>
      <p>One row per finalized response on this device, whatever its sending status; drafts are left out.</p>
      <div class="actions">
        <label class="option">
          <input type="checkbox" checked={labels} disabled={working} onChange={(e) => setLabels(e.currentTarget.checked)} />
          Write labels instead of codes
        </label>
        <button type="button" class="primary" disabled={working} onClick={() => void run()}>
          Export CSV
        </button>
      </div>
      {working && state.total > 0 && <progress max={state.total} value={state.done} aria-label="Export progress" />}
      <p role="status">
        {state.kind === 'working'
          ? state.total > 0
            ? `Exporting ${count(state.done)} of ${count(state.total)}`
            : 'Preparing the export…'
          : state.kind === 'done'
            ? `Exported ${count(state.rows)} responses to ${state.fileName}.`
            : ''}
      </p>
      {state.kind === 'failed' && <p role="alert">{state.message}</p>}
    </section>
  );
}
