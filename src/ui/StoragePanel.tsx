import { useEffect, useState } from 'preact/hooks';
import { getLocale, t, tn } from '../i18n';
import { formatMegabytes, isKnownSize, storageStatus, type StorageStatus } from '../storage/quota';
import { afterFirstScreen } from './first-screen';
import { useDeferredLive } from './use-deferred-live';

function persistenceText(persisted: boolean | undefined): string {
  if (persisted === true) return t('Persistent: the browser will not clear it to free space.');
  if (persisted === false) return t('Not persistent: the browser may clear it when the disk is nearly full. Send or export responses regularly.');
  return t('Unknown: this browser does not say.');
}

const megabytes = (bytes: number | undefined) => (isKnownSize(bytes) ? formatMegabytes(bytes, getLocale()) : t('unknown'));

/** What this device keeps: whether storage is persistent, space used and left, and what is not yet sent. */
export function StoragePanel() {
  const unsent = useDeferredLive(
    () => import('../storage/counts'),
    (m) => m.countUnsent(),
  );
  const [status, setStatus] = useState<StorageStatus | undefined>();
  // Re-read the space whenever the number of waiting responses changes (a response was added or sent).
  useEffect(() => {
    let current = true;
    // Not part of the first screen: asking and formatting sizes waits until it is shown.
    void afterFirstScreen(storageStatus).then((s) => current && setStatus(s));
    return () => {
      current = false;
    };
  }, [unsent]);

  const available = status?.quotaBytes !== undefined && status.usageBytes !== undefined ? status.quotaBytes - status.usageBytes : undefined;
  return (
    <section class="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('Storage')}</h2>
      <dl class="record-meta">
        <dt>{t('Storage')}</dt>
        <dd>{status ? persistenceText(status.persisted) : t('Checking…')}</dd>
        <dt>{t('Space used')}</dt>
        <dd>{status ? megabytes(status.usageBytes) : '…'}</dd>
        <dt>{t('Space available')}</dt>
        <dd>{status ? megabytes(available) : '…'}</dd>
        <dt>{t('Not yet sent')}</dt>
        <dd>{unsent === undefined ? '…' : tn(unsent, '{n} response', '{n} responses')}</dd>
      </dl>
    </section>
  );
}
