import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { currentEndpoint } from '../../sync/device-sync';
import { fetchXlsForm } from '../../sync/forms-admin';
import { downloadBlob } from '../download';
import { isRefusal, messageOf } from './use-server-catalog';

interface Props {
  formId: string;
  /** The latest version, for the file's name. */
  version: number;
  title: string;
  onRefused: (reason: string) => void;
}

/** "Download as XLSForm": the latest version as an .xlsx that publishes back unchanged, to edit in a spreadsheet. */
export function XlsFormDownload({ formId, version, title, onRefused }: Props) {
  const [state, setState] = useState<{ busy: boolean; failure?: string }>({ busy: false });
  const download = async () => {
    setState({ busy: true });
    try {
      // A fetch with the coordinator token, not a link: the token never goes in an address.
      downloadBlob(await fetchXlsForm(await currentEndpoint(), formId), `${formId}-v${version}.xlsx`);
      setState({ busy: false });
    } catch (e) {
      if (isRefusal(e)) {
        onRefused(e.message);
        setState({ busy: false });
      } else setState({ busy: false, failure: t('The XLSForm could not be downloaded: {reason}', { reason: messageOf(e) }) });
    }
  };
  return (
    <div class="actions">
      <button type="button" disabled={state.busy} aria-label={t('Download as XLSForm: {title}', { title })} onClick={() => void download()}>
        {t('Download as XLSForm')}
      </button>
      {state.failure && <p role="alert">{state.failure}</p>}
    </div>
  );
}
