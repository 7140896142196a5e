import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { formatMegabytes } from '../../storage/quota';
import { currentEndpoint } from '../../sync/device-sync';
import { fetchAttachmentsZip } from '../../sync/forms-admin';
import { downloadBlob } from '../download';
import { isRefusal, messageOf } from './use-server-catalog';

interface Props {
  formId: string;
  title: string;
  locale: string;
  onRefused: (reason: string) => void;
}

/** A ZIP with only its end record: the form's responses hold no files. */
const EMPTY_ZIP_BYTES = 22;

type State = { kind: 'idle' } | { kind: 'busy'; received: number } | { kind: 'empty' } | { kind: 'failed'; message: string };

/** "Download photos and files": every file of a form's responses in one ZIP, with progress while it arrives. */
export function AttachmentsDownload({ formId, title, locale, onRefused }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const download = async () => {
    setState({ kind: 'busy', received: 0 });
    try {
      // A fetch with the coordinator token, not a link: the token never goes in an address.
      const zip = await fetchAttachmentsZip(await currentEndpoint(), formId, (received) => setState({ kind: 'busy', received }));
      if (zip.size <= EMPTY_ZIP_BYTES) return setState({ kind: 'empty' });
      downloadBlob(zip, `${formId}-files.zip`);
      setState({ kind: 'idle' });
    } catch (e) {
      if (isRefusal(e)) {
        onRefused(e.message);
        setState({ kind: 'idle' });
      } else setState({ kind: 'failed', message: t('The photos and files could not be downloaded: {reason}', { reason: messageOf(e) }) });
    }
  };
  return (
    <div class="actions">
      <button type="button" disabled={state.kind === 'busy'} aria-label={t('Download photos and files (ZIP): {title}', { title })} onClick={() => void download()}>
        {t('Download photos and files (ZIP)')}
      </button>
      <p role="status">
        {state.kind === 'busy' && t('Downloading… {size} received', { size: formatMegabytes(state.received, locale) })}
        {state.kind === 'empty' && t('No photos or files in these responses yet.')}
      </p>
      {state.kind === 'failed' && <p role="alert">{state.message}</p>}
    </div>
  );
}
