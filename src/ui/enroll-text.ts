// Enrollment and withdrawn access in plain words, for the banner, the header and Settings.
import { t } from '../i18n';
import type { EnrollProblem } from '../sync/enrollment';

/** Why an enrollment link gave nothing, and what to do; nothing was stored on the device. */
export function describeEnrollProblem(problem: EnrollProblem | 'malformed'): string {
  switch (problem) {
    case 'used':
      return t('This enrollment link was already used: each link enrolls one device, once. Ask your coordinator for a new link. Nothing was changed on this device.');
    case 'expired':
      return t('This enrollment link has expired. Ask your coordinator for a new link. Nothing was changed on this device.');
    case 'withdrawn':
      return t('This enrollment link was withdrawn by your coordinator. Ask them for a new link. Nothing was changed on this device.');
    case 'unknown':
    case 'malformed':
      return t('This enrollment link is not known to the server: it may have been cut short when copied. Ask your coordinator for a new link. Nothing was changed on this device.');
    case 'unreachable':
      return t('The server cannot be reached to enroll this device. Open the link again once you are online. Nothing was changed on this device.');
    case 'server-error':
      return t('The server had a problem enrolling this device. Try the link again later. Nothing was changed on this device.');
  }
}

/** What a device whose access was withdrawn tells the person using it. */
export const accessWithdrawnText = () =>
  t('Your coordinator has withdrawn this device’s access to the server, so nothing more will be sent from it. Nothing was deleted: every draft and unsent response stays here. Export them to a file under “Move data” and give it to your coordinator, and ask them for a new enrollment link if you should keep collecting.');
