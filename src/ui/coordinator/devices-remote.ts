// The coordinator's calls of the Devices and audit API (PRODUCT.md section 8), each answer
// checked against its schema.
import type * as z from 'zod/mini';
import { t } from '../../i18n';
import { coordinatorRequest as request, ServerRequestError } from '../../results/remote';
import { API_PREFIX } from '../../sync/api';
import { AuditListSchema, DeviceListSchema, EnrollmentLinkSchema, type AuditEntry, type Device, type EnrollmentLink } from '../../sync/devices-api';
import { currentEndpoint } from '../../sync/device-sync';

async function call<T>(path: string, schema: z.ZodMiniType<T>, init: RequestInit = {}): Promise<T> {
  const response = await request(`${(await currentEndpoint()).replace(/\/+$/, '')}${API_PREFIX}${path}`, init);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ServerRequestError(response.status, t('The server sent an answer this app cannot read. Is the server up to date?'));
  return parsed.data;
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const id = (deviceId: string) => encodeURIComponent(deviceId);

/** GET /devices. */
export const listDevices = async (): Promise<Device[]> => (await call('/devices', DeviceListSchema)).devices;
/** POST /devices: a new device and its single-use link. */
export const createDevice = (label: string): Promise<EnrollmentLink> => call('/devices', EnrollmentLinkSchema, json({ label }));
/** POST /devices/{id}/enrollment: a new link; the device's earlier links stop working. */
export const reissueLink = (deviceId: string): Promise<EnrollmentLink> => call(`/devices/${id(deviceId)}/enrollment`, EnrollmentLinkSchema, { method: 'POST' });
/** DELETE /devices/{id}. */
export const revokeDevice = async (deviceId: string): Promise<void> => {
  await request(`${(await currentEndpoint()).replace(/\/+$/, '')}${API_PREFIX}/devices/${id(deviceId)}`, { method: 'DELETE' });
};
/** GET /audit: the newest entries. */
export const listAudit = async (): Promise<AuditEntry[]> => (await call('/audit?limit=200', AuditListSchema)).entries;
