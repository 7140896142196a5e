import { getLocale } from '../i18n';
import { getDeviceId, getEnumerator } from '../storage/settings';
import type { DraftContext } from '../storage/submissions';

/** Who and what this device is, as recorded on each new response. */
export async function loadDeviceContext(): Promise<DraftContext> {
  const [deviceId, enumerator] = await Promise.all([getDeviceId(), getEnumerator()]);
  return { deviceId, enumerator, locale: getLocale(), appVersion: __APP_VERSION__ };
}
