// Devices one by one (PRODUCT.md section 8): enrollment codes that are spent once and expire,
// credentials that are kept only as sha256, revocation, and who a bearer token belongs to.
import { randomUUID } from 'node:crypto';
import type { Audit } from './audit';
import type { DeviceRecord, RedeemRefusal, Store } from './store/types';
import { makeAuthenticator, newToken, secretHash, type Tokens } from './tokens';

/** How long an enrollment link works unless the server is told otherwise. */
export const DEFAULT_ENROLLMENT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Last seen is written at most this often per device (unless its app version changed): a write per request would slow ingest. */
export const LAST_SEEN_EVERY_MS = 10_000;

/** The label of the one entry that stands for the shared device token. */
export const SHARED_LABEL = 'Shared token';

/** Who made a request. `rateKey` is the bucket its requests are counted in. */
export type Caller = { role: 'coordinator'; rateKey: string } | { role: 'device'; device: DeviceRecord; rateKey: string };

/** Who a bearer token belongs to, or why it is refused. */
export type Identified = { ok: true; caller: Caller } | { ok: false; reason: 'unknown' | 'revoked' };

/** A new single-use link: the code (to be shown once) and the device it enrolls. */
export interface IssuedLink {
  device: { id: string; label: string };
  code: string;
  expiresAt: string;
}

export type Enrolled = { ok: true; device: DeviceRecord; token: string } | { ok: false; reason: RedeemRefusal };

/** Enrollment, authentication and revocation over the store; the HTTP routes and the command line share it. */
export interface DeviceService {
  identify(token: string | undefined, appVersion: string | undefined): Promise<Identified>;
  create(label: string, actor: string): Promise<IssuedLink>;
  /** A new link for a device (earlier ones withdrawn); undefined when unknown, revoked or the shared entry. */
  reissue(deviceId: string, actor: string): Promise<IssuedLink | undefined>;
  /** Spends a code (or the shared token, a reusable code) for a fresh credential of the device's own. */
  enroll(code: string): Promise<Enrolled>;
  /** Revokes a device or retires the shared token; undefined when unknown. */
  revoke(deviceId: string, actor: string): Promise<DeviceRecord | undefined>;
  /** Every device with its pending links, oldest first. */
  list(): ReturnType<Store['devices']['list']>;
  /** Counts stored submissions to the device that sent them. */
  addStored(caller: Caller, count: number): Promise<void>;
}

export interface DeviceServiceOptions {
  store: Store;
  tokens: Tokens;
  audit: Audit;
  now: () => string;
  enrollmentTtlMs?: number;
}

const isCurrent = (lastSeenAt: string | undefined, now: string) => lastSeenAt !== undefined && Date.parse(now) - Date.parse(lastSeenAt) < LAST_SEEN_EVERY_MS;

/** The service; call `start` once before taking requests (it keeps the shared entry in step). */
export async function createDeviceService(options: DeviceServiceOptions): Promise<DeviceService> {
  const { store, tokens, audit, now } = options;
  const ttlMs = options.enrollmentTtlMs ?? DEFAULT_ENROLLMENT_TTL_MS;
  const fixed = makeAuthenticator(tokens);
  const sharedHash = tokens.device === undefined ? undefined : secretHash(tokens.device);
  if (sharedHash !== undefined) await store.devices.ensureShared(sharedHash, SHARED_LABEL, now());
  const expiry = (from: string) => new Date(Date.parse(from) + ttlMs).toISOString();

  async function identify(token: string | undefined, appVersion: string | undefined): Promise<Identified> {
    const which = fixed(token);
    if (which === 'coordinator') return { ok: true, caller: { role: 'coordinator', rateKey: 'coordinator' } };
    if (token === undefined) return { ok: false, reason: 'unknown' };
    // Looked up by its sha256: the index compares hashes, which no one can steer towards a stored
    // one without its token, so timing tells nothing about any credential.
    const device = await store.devices.byCredential(which === 'shared' && sharedHash !== undefined ? sharedHash : secretHash(token));
    if (!device) return { ok: false, reason: 'unknown' };
    if (device.revokedAt !== undefined) return { ok: false, reason: 'revoked' };
    const at = now();
    if (!isCurrent(device.lastSeenAt, at) || (appVersion !== undefined && appVersion !== device.appVersion)) {
      await store.devices.touch(device.id, at, appVersion);
    }
    return { ok: true, caller: { role: 'device', device, rateKey: `device:${device.id}` } };
  }

  function issue(createdAt: string): { code: string; hash: string; expiresAt: string } {
    const code = newToken();
    return { code, hash: secretHash(code), expiresAt: expiry(createdAt) };
  }

  return {
    identify,
    async create(label, actor) {
      const device = { id: randomUUID(), label, createdAt: now() };
      const code = issue(device.createdAt);
      await store.devices.createDevice(device, { hash: code.hash, expiresAt: code.expiresAt });
      await audit.record({ actor, action: 'device.create', target: device.id, details: { label, linkExpiresAt: code.expiresAt } });
      return { device: { id: device.id, label }, code: code.code, expiresAt: code.expiresAt };
    },
    async reissue(deviceId, actor) {
      const createdAt = now();
      const device = await store.devices.get(deviceId);
      if (!device) return undefined;
      const code = issue(createdAt);
      if (!(await store.devices.reissueCode(deviceId, { hash: code.hash, createdAt, expiresAt: code.expiresAt }))) return undefined;
      await audit.record({ actor, action: 'device.reissue', target: deviceId, details: { label: device.label, linkExpiresAt: code.expiresAt } });
      return { device: { id: device.id, label: device.label }, code: code.code, expiresAt: code.expiresAt };
    },
    async enroll(code) {
      const token = newToken();
      if (fixed(code) === 'shared' && sharedHash !== undefined) {
        const shared = await store.devices.byCredential(sharedHash);
        if (!shared || shared.revokedAt !== undefined) return { ok: false, reason: 'withdrawn' };
        const at = now();
        const device = await store.devices.createEnrolledDevice({ id: randomUUID(), label: `Enrolled with the shared token`, at }, secretHash(token));
        await audit.record({ actor: `device:${device.id}`, action: 'device.enroll', target: device.id, details: { label: device.label, with: 'shared token' } });
        return { ok: true, device, token };
      }
      const redeemed = await store.devices.redeemCode(secretHash(code), secretHash(token), now());
      if (!redeemed.ok) return redeemed;
      await audit.record({ actor: `device:${redeemed.device.id}`, action: 'device.enroll', target: redeemed.device.id, details: { label: redeemed.device.label, with: 'link' } });
      return { ok: true, device: redeemed.device, token };
    },
    async revoke(deviceId, actor) {
      const before = await store.devices.get(deviceId);
      if (!before) return undefined;
      const after = await store.devices.revoke(deviceId, now());
      if (after && before.revokedAt === undefined) {
        await audit.record({ actor, action: after.kind === 'shared' ? 'shared-token.retire' : 'device.revoke', target: deviceId, details: { label: after.label } });
      }
      return after;
    },
    list: () => store.devices.list(now()),
    async addStored(caller, count) {
      // A separate write after the batch's commit: a crash in between undercounts, never loses a submission.
      if (caller.role === 'device') await store.devices.addStored(caller.device.id, count);
    },
  };
}
