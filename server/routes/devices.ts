// The Devices API (PRODUCT.md section 8): the coordinator creates, lists, re-links and revokes
// devices; a device spends its single-use code for a credential of its own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { CreateDeviceRequestSchema, EnrollRequestSchema, type Device, type EnrollmentLink, type EnrollResponse } from '../../src/sync/devices-api';
import { limitRate, requireCaller } from '../auth';
import type { Context } from '../context';
import type { IssuedLink } from '../devices';
import { HttpError, parseJson, readBody, requireJsonContentType, sendJson } from '../http';
import type { RedeemRefusal } from '../store/types';

/** A label or a code fits in far less. */
const MAX_BODY_BYTES = 4 * 1024;

/** Only a plain host[:port] from the Host header goes into a link. */
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The origin a device will open the link at: FIELDBOOK_PUBLIC_URL, else the one the coordinator reached. */
function originFor(ctx: Context, req: IncomingMessage): string {
  if (ctx.publicUrl) return ctx.publicUrl.replace(/\/+$/, '');
  const host = req.headers.host ?? '';
  if (!HOST_PATTERN.test(host)) throw new HttpError(400, 'bad_request', 'The Host header is not a plain host name; set FIELDBOOK_PUBLIC_URL.');
  const secure = 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted);
  return `${secure ? 'https' : 'http'}://${host}`;
}

function linkBody(ctx: Context, req: IncomingMessage, link: IssuedLink): EnrollmentLink {
  return { device: link.device, enrollUrl: `${originFor(ctx, req)}/#enroll=${link.code}`, expiresAt: link.expiresAt };
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodMiniType<T>, shape: string): Promise<T> {
  requireJsonContentType(req);
  const parsed = schema.safeParse(parseJson(await readBody(req, MAX_BODY_BYTES)));
  if (!parsed.success) throw new HttpError(400, 'bad_request', `The body must be ${shape}: ${z.prettifyError(parsed.error).slice(0, 300)}`);
  return parsed.data;
}

/** POST /api/v1/devices → 201 with the device and its single-use enrollment link. */
export async function handleCreateDevice(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  // Checked before the body is read, so no part of the link depends on a body that is then refused.
  originFor(ctx, req);
  const { label } = await readJson(req, CreateDeviceRequestSchema, '{"label": "..."}');
  sendJson(res, 201, linkBody(ctx, req, await ctx.devices.create(label, 'coordinator')));
}

/** GET /api/v1/devices → every device, the shared token's entry included. */
export async function handleListDevices(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const devices: Device[] = await ctx.devices.list();
  sendJson(res, 200, { devices });
}

/** DELETE /api/v1/devices/{id} → 200 with the revoked device; its next request gets 401 device_revoked. */
export async function handleRevokeDevice(ctx: Context, req: IncomingMessage, res: ServerResponse, deviceId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const device = await ctx.devices.revoke(deviceId, 'coordinator');
  if (!device) throw new HttpError(404, 'not_found', `No device "${deviceId.slice(0, 60)}".`);
  sendJson(res, 200, { device });
}

/** POST /api/v1/devices/{id}/enrollment → 201 with a new link; earlier links of the device stop working. */
export async function handleReissue(ctx: Context, req: IncomingMessage, res: ServerResponse, deviceId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  originFor(ctx, req);
  const device = await ctx.store.devices.get(deviceId);
  if (!device) throw new HttpError(404, 'not_found', `No device "${deviceId.slice(0, 60)}".`);
  const link = await ctx.devices.reissue(deviceId, 'coordinator');
  if (!link) throw new HttpError(409, 'conflict', 'A revoked device, or the shared token, gets no new link: create a new device instead.');
  sendJson(res, 201, linkBody(ctx, req, link));
}

const REFUSALS: Record<RedeemRefusal, [number, 'enrollment_unknown' | 'enrollment_used' | 'enrollment_expired' | 'enrollment_withdrawn', string]> = {
  unknown: [404, 'enrollment_unknown', 'This enrollment link is not known to this server. Check that the whole link was copied, or ask your coordinator for a new one.'],
  used: [410, 'enrollment_used', 'This enrollment link was already used: each link enrolls one device, once. Ask your coordinator for a new one.'],
  expired: [410, 'enrollment_expired', 'This enrollment link has expired. Ask your coordinator for a new one.'],
  withdrawn: [410, 'enrollment_withdrawn', 'This enrollment link was withdrawn by the coordinator. Ask your coordinator for a new one.'],
};

/** POST /api/v1/enroll {"code"} → 200 {"device", "token"}: the device's own credential. Counted per client address. */
export async function handleEnroll(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  limitRate(ctx, `enroll:${req.socket.remoteAddress ?? ''}`);
  const { code } = await readJson(req, EnrollRequestSchema, '{"code": "..."}');
  const enrolled = await ctx.devices.enroll(code);
  if (!enrolled.ok) {
    const [status, errorCode, message] = REFUSALS[enrolled.reason];
    throw new HttpError(status, errorCode, message);
  }
  const answer: EnrollResponse = { device: { id: enrolled.device.id, label: enrolled.device.label }, token: enrolled.token };
  sendJson(res, 200, answer);
}
