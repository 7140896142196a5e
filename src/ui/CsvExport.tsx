import { useId, useState } from 'preact/hooks';
import type { Form } from '../forms/schema';
import { getLocale, t, tn } from '../i18n';
import { toStorageError } from '../storage/errors';
import { CsvLabelOptions, type LabelChoice } from './CsvLabelOptions';
import { downloadBlob } from './download';
import { describeFailure } from './failure-text';

type State = { kind: 'idle' } | { kind: 'working'; done: number; total: number } | { kind: 'done'; rows: number; fileName: string } | { kind: 'failed'; error: unknown };

/** "Export CSV" for one form's finalized responses on this device (or only those in `ids`), with progress while it runs. */
export function CsvExport({ form, ids }: { form: Form; ids?: readonly string[] }) {
  // Labels default to the language on screen; the file can be written in any of the three.
  const [choice, setChoice] = useState<LabelChoice>(() => ({ labels: false, locale: getLocale() }));
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();
  const run = async () => {
    setState({ kind: 'working', done: 0, total: 0 });
    try {
      let rows = 0;
      // The writer loads on first use: most visits to this list never export.
      const [{ exportFormFiles, exportSubmissionsCsv }, { csvFileName }] = await Promise.all([import('../export/device-csv'), import('../export/csv')]);
      const progress = (done: number, total: number) => {
        rows = done;
        setState({ kind: 'working', done, total });
      };
      const now = new Date();
      // A form with repeats gives a ZIP: the main file and one per repeat.
      const { blob, fileName } = ids ? { blob: await exportSubmissionsCsv(form, ids, choice, progress), fileName: csvFileName(form, now) } : await exportFormFiles(form, choice, now, progress);
      downloadBlob(blob, fileName);
      setState({ kind: 'done', rows, fileName });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  const working = state.kind === 'working';
  return (
    <section class="panel csv-export" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('Export')}</h2>
      <p>
        {ids
          ? t('One row per response finalized in this workshop session, whatever its sending status.')
          : t('One row per finalized response on this device, whatever its sending status; drafts are left out.')}
      </p>
      <div class="actions">
        <CsvLabelOptions value={choice} disabled={working} onChange={setChoice} />
        <button type="button" class="primary" disabled={working} onClick={() => void run()}>
          {t('Export CSV')}
        </button>
      </div>
      {working && state.total > 0 && <progress max={state.total} value={state.done} aria-label={t('Export progress')} />}
      <p role="status">
        {state.kind === 'working'
          ? state.total > 0
            ? t('Exporting {done} of {total}', { done: state.done, total: state.total })
            : t('Preparing the export…')
          : state.kind === 'done'
            ? tn(state.rows, 'Exported {n} response to {file}.', 'Exported {n} responses to {file}.', { file: state.fileName })
            : ''}
      </p>
      {state.kind === 'failed' && <p role="alert">{describeFailure(toStorageError(state.error).failure)}</p>}
    </section>
  );
}
