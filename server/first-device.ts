// What `npm start` and `npm run enroll` print about enrolling devices (PRODUCT.md section 8).
import type { DeviceService, IssuedLink } from './devices';

/** The label of the device `npm start` offers a link for. */
export const FIRST_DEVICE_LABEL = 'First device';

/** The command that enrolls one more device from a terminal. */
export const ENROLL_COMMAND = 'npm run enroll -- --label "Bogotá laptop 2"';

/**
 * A fresh single-use link for a first device while no device has enrolled yet (re-using the
 * unenrolled "First device" entry of an earlier start, so restarts do not pile up devices);
 * undefined once one has.
 */
export async function firstDeviceLink(devices: DeviceService, actor: string): Promise<IssuedLink | undefined> {
  const all = await devices.list();
  if (all.some((d) => d.kind === 'device' && d.enrolledAt !== undefined)) return undefined;
  const waiting = all.find((d) => d.kind === 'device' && d.label === FIRST_DEVICE_LABEL && d.revokedAt === undefined);
  return (waiting && (await devices.reissue(waiting.id, actor))) ?? devices.create(FIRST_DEVICE_LABEL, actor);
}

/** "until 4 December 2026, 16:00 UTC": when a link stops working, in words. */
export function untilWords(expiresAt: string): string {
  return new Date(expiresAt).toUTCString().replace(/:\d\d GMT$/, ' UTC');
}
