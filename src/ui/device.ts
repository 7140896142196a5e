import type { Locale } from '../forms/schema';
import { getDeviceId, getEnumerator, getLocale } from '../storage/settings';
import type { DraftContext } from '../storage/submissions';

/** Who and what this device is, as recorded on each new response. */
export async function loadDeviceContext(): Promise<DraftContext> {
  const [deviceId, enumerator, locale] = await Promise.all([getDeviceId(), getEnumerator(), getLocale()]);
  return { deviceId, enumerator, locale: locale ?? ('en' satisfies Locale), appVersion: __APP_VERSION__ };
}
