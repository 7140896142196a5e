import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber, t } from '../../i18n';
import { ServerRequestError } from '../../results/remote';
import { MAX_DEVICE_LABEL_CHARS, type Device, type EnrollmentLink } from '../../sync/devices-api';
import { AuditLog } from './AuditLog';
import { createDevice, listDevices, reissueLink, revokeDevice } from './devices-remote';
import { EnrollmentLinkPanel } from './EnrollmentLinkPanel';

const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
const isRefusal = (e: unknown) => e instanceof ServerRequestError && (e.status === 401 || e.status === 403);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Where a device stands, in words. */
function statusOf(device: Device): string {
  if (device.revokedAt) return device.kind === 'shared' ? t('Retired {date}', { date: when(device.revokedAt) }) : t('Access withdrawn {date}', { date: when(device.revokedAt) });
  if (device.kind === 'shared') return t('Shared by every device that has it');
  const pending = device.pendingLinks.at(-1);
  if (device.enrolledAt) return pending ? t('Enrolled {date}; a new link waits until {until}', { date: when(device.enrolledAt), until: when(pending.expiresAt) }) : t('Enrolled {date}', { date: when(device.enrolledAt) });
  return pending ? t('Waiting for enrollment; the link works until {until}', { until: when(pending.expiresAt) }) : t('Not enrolled; no link works any more');
}

/** The coordinator's devices: enroll one by link or QR code, watch them, re-link or revoke them; and the audit log. */
export function Devices({ onRefused }: { onRefused: (reason: string) => void }) {
  const [devices, setDevices] = useState<Device[] | undefined>();
  const [label, setLabel] = useState('');
  const [link, setLink] = useState<EnrollmentLink | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [message, setMessage] = useState<{ alert: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const [auditVersion, setAuditVersion] = useState(0);

  const act = async (job: () => Promise<string | undefined>) => {
    setBusy(true);
    try {
      const done = await job();
      setDevices(await listDevices());
      setAuditVersion((v) => v + 1);
      setMessage(done === undefined ? undefined : { alert: false, text: done });
    } catch (e) {
      if (isRefusal(e)) onRefused(messageOf(e));
      else setMessage({ alert: true, text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => void act(async () => undefined), []);

  const onCreate = (e: Event) => {
    e.preventDefault();
    const name = label.trim();
    if (!name) return setMessage({ alert: true, text: t('Give the device a name, such as “Bogotá laptop 2”.') });
    void act(async () => {
      setLink(await createDevice(name));
      setLabel('');
      return t('Device “{label}” created.', { label: name });
    });
  };

  return (
    <section class="panel devices" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('Devices')}</h2>
      <p>{t('Each device gets its own single-use enrollment link. Revoking one device leaves the others working.')}</p>
      <form class="inline-form" onSubmit={onCreate}>
        <label for="new-device-label">{t('Name of the new device')}</label>
        <input id="new-device-label" value={label} maxLength={MAX_DEVICE_LABEL_CHARS} autoComplete="off" onInput={(e) => setLabel(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy}>
          {t('Create device')}
        </button>
      </form>
      {message?.alert ? <p role="alert">{message.text}</p> : <p role="status">{message?.text ?? ''}</p>}
      <button type="button" disabled={busy} onClick={() => void act(async () => undefined)}>
        {t('Refresh the list of devices')}
      </button>
      {link && <EnrollmentLinkPanel link={link} onDone={() => setLink(undefined)} />}
      {devices === undefined ? (
        <p role="status">{t('Loading the devices…')}</p>
      ) : devices.length === 0 ? (
        <p>{t('No device is enrolled yet.')}</p>
      ) : (
        <div class="table-scroll">
          <table class="devices-table">
            <caption>{t('Devices and their state')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Device')}</th>
                <th scope="col">{t('State')}</th>
                <th scope="col">{t('Last seen')}</th>
                <th scope="col">{t('App version')}</th>
                <th scope="col">{t('Responses stored')}</th>
                <th scope="col">{t('Actions')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => (
                <tr key={device.id}>
                  <th scope="row">{device.kind === 'shared' ? t('Shared token') : device.label}</th>
                  <td>{statusOf(device)}</td>
                  <td>{device.lastSeenAt ? when(device.lastSeenAt) : t('Never')}</td>
                  <td>{device.appVersion ?? '—'}</td>
                  <td>{formatNumber(device.submissionsStored)}</td>
                  <td>
                    {device.revokedAt ? null : confirming === device.id ? (
                      <span role="group" aria-label={t('Confirm revoking “{label}”', { label: device.label })}>
                        {device.kind === 'shared'
                          ? t('Retire the shared token? Every device still using it will be refused; what they hold stays on them.')
                          : t('Withdraw the access of “{label}”? Its next request will be refused; what it holds stays on it.', { label: device.label })}{' '}
                        <button
                          type="button"
                          class="danger"
                          disabled={busy}
                          onClick={() =>
                            void act(async () => {
                              await revokeDevice(device.id);
                              setConfirming(undefined);
                              return device.kind === 'shared' ? t('The shared token was retired.') : t('Access of “{label}” withdrawn.', { label: device.label });
                            })
                          }
                        >
                          {device.kind === 'shared' ? t('Yes, retire it') : t('Yes, revoke')}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(undefined)}>
                          {t('Cancel')}
                        </button>
                      </span>
                    ) : (
                      <>
                        {device.kind === 'device' && (
                          <button
                            type="button"
                            disabled={busy}
                            aria-label={t('New link for “{label}”', { label: device.label })}
                            onClick={() => void act(async () => (setLink(await reissueLink(device.id)), undefined))}
                          >
                            {t('New link')}
                          </button>
                        )}{' '}
                        <button
                          type="button"
                          class="danger"
                          disabled={busy}
                          aria-label={device.kind === 'shared' ? t('Retire the shared token') : t('Revoke “{label}”', { label: device.label })}
                          onClick={() => setConfirming(device.id)}
                        >
                          {device.kind === 'shared' ? t('Retire') : t('Revoke')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AuditLog version={auditVersion} devices={devices ?? []} onRefused={onRefused} />
    </section>
  );
}
