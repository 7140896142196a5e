import { useState } from 'preact/hooks';
import { formatDate, t } from '../../i18n';
import type { EnrollmentLink } from '../../sync/devices-api';
import { QrCode } from './QrCode';

/** A new single-use link, shown once: as text to copy or send, and as a QR code to scan. */
export function EnrollmentLinkPanel({ link, onDone }: { link: EnrollmentLink; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const label = link.device.label;
  const until = formatDate(link.expiresAt, { dateStyle: 'long', timeStyle: 'short' });
  return (
    <section class="panel enroll-link" aria-labelledby="enroll-link-heading">
      <h3 id="enroll-link-heading">{t('Enrollment link for “{label}”', { label })}</h3>
      <p>{t('Open this link on the device, or scan the QR code with its camera. It works once, until {until}; it is not shown again.', { until })}</p>
      <div class="field">
        <label for="enroll-link-url">{t('Enrollment link for “{label}”', { label })}</label>
        <input id="enroll-link-url" type="text" readOnly value={link.enrollUrl} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <QrCode text={link.enrollUrl} label={t('QR code of the enrollment link for “{label}”', { label })} />
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(link.enrollUrl).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t('Copy the link')}
        </button>
        <button type="button" onClick={onDone}>
          {t('Done')}
        </button>
      </div>
      <p role="status">{copied ? t('Link copied.') : ''}</p>
    </section>
  );
}
