import { useEffect, useState } from 'preact/hooks';
import { formatDate, t } from '../../i18n';
import { ServerRequestError } from '../../results/remote';
import type { AuditEntry, Device } from '../../sync/devices-api';
import { listAudit } from './devices-remote';

/** An action in words; an action this screen does not know yet is shown as the server names it. */
function actionWords(action: string): string {
  switch (action) {
    case 'device.create':
      return t('Device created');
    case 'device.enroll':
      return t('Device enrolled');
    case 'device.reissue':
      return t('New enrollment link');
    case 'device.revoke':
      return t('Device revoked');
    case 'shared-token.retire':
      return t('Shared token retired');
    case 'bundle.import':
      return t('Bundle imported');
    case 'form.publish':
      return t('Form published');
    case 'form.state':
      return t('Form state changed');
    default:
      return action;
  }
}

/** Who acted, in words. */
function actorWords(actor: string, labels: ReadonlyMap<string, string>): string {
  if (actor === 'coordinator') return t('Coordinator');
  if (actor === 'server start') return t('Server start');
  if (actor === 'command line') return t('Command line');
  const device = /^device:(.+)$/.exec(actor)?.[1];
  if (device) return t('Device “{label}”', { label: labels.get(device) ?? device.slice(0, 8) });
  return actor;
}

/** What changed, as `name: value` pairs. */
const detailWords = (entry: AuditEntry) =>
  Object.entries(entry.details ?? {})
    .map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');

/** The coordinator's actions, newest first; re-read whenever `version` changes. */
export function AuditLog({ version, devices, onRefused }: { version: number; devices: readonly Device[]; onRefused: (reason: string) => void }) {
  const [entries, setEntries] = useState<AuditEntry[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [refreshes, setRefreshes] = useState(0);
  useEffect(() => {
    let live = true;
    listAudit().then(
      (found) => live && (setEntries(found), setFailure(undefined)),
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ServerRequestError && (e.status === 401 || e.status === 403)) onRefused(e.message);
        else setFailure(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [version, refreshes]);
  const labels = new Map(devices.map((d) => [d.id, d.label]));
  return (
    <section aria-labelledby="audit-heading">
      <h3 id="audit-heading">{t('Audit log')}</h3>
      <button type="button" onClick={() => setRefreshes((n) => n + 1)}>
        {t('Refresh the audit log')}
      </button>
      {failure && <p role="alert">{failure}</p>}
      {entries === undefined ? (
        <p role="status">{t('Loading the audit log…')}</p>
      ) : entries.length === 0 ? (
        <p>{t('Nothing recorded yet.')}</p>
      ) : (
        <div class="table-scroll">
          <table class="audit-table">
            <caption>{t('Coordinator actions, newest first')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('When')}</th>
                <th scope="col">{t('Who')}</th>
                <th scope="col">{t('What')}</th>
                <th scope="col">{t('Details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
                  <td>{actorWords(entry.actor, labels)}</td>
                  <td>{actionWords(entry.action)}</td>
                  <td>{detailWords(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
