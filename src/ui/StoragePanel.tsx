import { useEffect, useState } from 'preact/hooks';
import { formatMegabytes, storageStatus, type StorageStatus } from '../storage/quota';
import { countUnsent } from '../storage/counts';
import { useLive } from './use-live';

function persistenceText(persisted: boolean | undefined): string {
  if (persisted === true) return 'Persistent: the browser will not clear it to free space.';
  if (persisted === false) return 'Not persistent: the browser may clear it when the disk is nearly full. Send or export responses regularly.';
  return 'Unknown: this browser does not say.';
}

/** What this device keeps: whether storage is persistent, space used and left, and what is not yet sent. */
export function StoragePanel() {
  const unsent = useLive(countUnsent, []);
  const [status, setStatus] = useState<StorageStatus | undefined>();
  // Re-read the space whenever the number of waiting responses changes (a response was added or sent).
  useEffect(() => {
    let current = true;
    void storageStatus().then((s) => current && setStatus(s));
    return () => {
      current = false;
    };
  }, [unsent]);

  const available = status?.quotaBytes !== undefined && status.usageBytes !== undefined ? status.quotaBytes - status.usageBytes : undefined;
  return (
    <section class="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <dl class="record-meta">
        <dt>Storage</dt>
        <dd>{status ? persistenceText(status.persisted) : 'Checking…'}</dd>
        <dt>Space used</dt>
        <dd>{status ? formatMegabytes(status.usageBytes) : '…'}</dd>
        <dt>Space available</dt>
        <dd>{status ? formatMegabytes(available) : '…'}</dd>
        <dt>Not yet sent</dt>
        <dd>{unsent === undefined ? '…' : unsent === 1 ? '1 response' : `${unsent.toLocaleString('en')} responses`}</dd>
      </dl>
    </section>
  );
}
