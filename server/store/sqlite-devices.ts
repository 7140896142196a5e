// Devices, enrollment codes and the audit log in the SQLite file, over the store's own connection.
import type { Database } from 'better-sqlite3';
import type { AuditStore, DeviceRecord, DeviceStore, RedeemRefusal } from './types';
import { SHARED_DEVICE_ID, toAudit, toDevice, type AuditRow, type DeviceRow } from './rows';

interface CodeRow {
  device_id: string;
  expires_at: string;
  used_at: string | null;
  withdrawn_at: string | null;
}

/** The device store over an open, migrated database. */
export function sqliteDeviceStore(db: Database): DeviceStore {
  const insertDevice = db.prepare(
    `INSERT INTO devices (id, label, kind, created_at, enrolled_at, last_seen_at, credential_hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCode = db.prepare('INSERT INTO enrollment_codes (code_hash, device_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const withdrawCodes = db.prepare('UPDATE enrollment_codes SET withdrawn_at = ? WHERE device_id = ? AND used_at IS NULL AND withdrawn_at IS NULL');
  const deviceById = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const deviceByHash = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE credential_hash = ?');
  const codeByHash = db.prepare<[string], CodeRow>('SELECT device_id, expires_at, used_at, withdrawn_at FROM enrollment_codes WHERE code_hash = ?');
  const spendCode = db.prepare('UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL');
  const setCredential = db.prepare('UPDATE devices SET credential_hash = ?, enrolled_at = ?, last_seen_at = ? WHERE id = ?');
  const resetShared = db.prepare('UPDATE devices SET credential_hash = ?, revoked_at = NULL WHERE id = ?');
  const touchDevice = db.prepare('UPDATE devices SET last_seen_at = ?, app_version = coalesce(?, app_version) WHERE id = ?');
  const addStored = db.prepare('UPDATE devices SET submissions_stored = submissions_stored + ? WHERE id = ?');
  const revokeDevice = db.prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?');
  const allDevices = db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY created_at, id');
  const pendingCodes = db.prepare<[string], { device_id: string; created_at: string; expires_at: string }>(
    `SELECT device_id, created_at, expires_at FROM enrollment_codes
     WHERE used_at IS NULL AND withdrawn_at IS NULL AND expires_at > ? ORDER BY created_at`,
  );

  const redeem = db.transaction((codeHash: string, credentialHash: string, now: string): { ok: true; device: DeviceRecord } | { ok: false; reason: RedeemRefusal } => {
    const code = codeByHash.get(codeHash);
    if (!code) return { ok: false, reason: 'unknown' };
    if (code.used_at !== null) return { ok: false, reason: 'used' };
    const device = deviceById.get(code.device_id);
    if (code.withdrawn_at !== null || !device || device.revoked_at !== null) return { ok: false, reason: 'withdrawn' };
    if (code.expires_at <= now) return { ok: false, reason: 'expired' };
    spendCode.run(now, codeHash);
    setCredential.run(credentialHash, now, now, device.id);
    return { ok: true, device: toDevice({ ...device, credential_hash: credentialHash, enrolled_at: now, last_seen_at: now }) };
  });

  const ensureShared = db.transaction((credentialHash: string, label: string, now: string): DeviceRecord => {
    const row = deviceById.get(SHARED_DEVICE_ID);
    if (!row) insertDevice.run(SHARED_DEVICE_ID, label, 'shared', now, null, null, credentialHash);
    else if (row.credential_hash !== credentialHash) resetShared.run(credentialHash, SHARED_DEVICE_ID);
    return toDevice(deviceById.get(SHARED_DEVICE_ID) as DeviceRow);
  });

  return {
    createDevice: async (device, code) => {
      db.transaction(() => {
        insertDevice.run(device.id, device.label, 'device', device.createdAt, null, null, null);
        insertCode.run(code.hash, device.id, device.createdAt, code.expiresAt);
      }).immediate();
    },
    reissueCode: async (deviceId, code) =>
      db
        .transaction(() => {
          const device = deviceById.get(deviceId);
          if (!device || device.revoked_at !== null || device.kind !== 'device') return false;
          withdrawCodes.run(code.createdAt, deviceId);
          insertCode.run(code.hash, deviceId, code.createdAt, code.expiresAt);
          return true;
        })
        .immediate(),
    redeemCode: async (codeHash, credentialHash, now) => redeem.immediate(codeHash, credentialHash, now),
    createEnrolledDevice: async (device, credentialHash) => {
      insertDevice.run(device.id, device.label, 'device', device.at, device.at, device.at, credentialHash);
      return toDevice(deviceById.get(device.id) as DeviceRow);
    },
    ensureShared: async (credentialHash, label, now) => ensureShared.immediate(credentialHash, label, now),
    byCredential: async (credentialHash) => {
      const row = deviceByHash.get(credentialHash);
      return row && toDevice(row);
    },
    touch: async (deviceId, at, appVersion) => {
      touchDevice.run(at, appVersion ?? null, deviceId);
    },
    addStored: async (deviceId, count) => {
      if (count > 0) addStored.run(count, deviceId);
    },
    revoke: async (deviceId, at) =>
      db
        .transaction(() => {
          if (revokeDevice.run(at, deviceId).changes === 0) return undefined;
          withdrawCodes.run(at, deviceId);
          return toDevice(deviceById.get(deviceId) as DeviceRow);
        })
        .immediate(),
    get: async (deviceId) => {
      const row = deviceById.get(deviceId);
      return row && toDevice(row);
    },
    list: async (now) => {
      const pending = new Map<string, Array<{ createdAt: string; expiresAt: string }>>();
      for (const code of pendingCodes.all(now)) {
        const links = pending.get(code.device_id) ?? [];
        links.push({ createdAt: code.created_at, expiresAt: code.expires_at });
        pending.set(code.device_id, links);
      }
      return allDevices.all().map((row) => ({ ...toDevice(row), pendingLinks: pending.get(row.id) ?? [] }));
    },
  };
}

/** The audit log over an open, migrated database. */
export function sqliteAuditStore(db: Database): AuditStore {
  const insert = db.prepare<[string, string, string, string | null, string | null], AuditRow>(
    'INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?) RETURNING *',
  );
  const newest = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
  return {
    append: async (entry) =>
      toAudit(insert.get(entry.at, entry.actor, entry.action, entry.target ?? null, entry.details === undefined ? null : JSON.stringify(entry.details)) as AuditRow),
    list: async ({ limit, before }) => newest.all(before ?? Number.MAX_SAFE_INTEGER, limit).map(toAudit),
  };
}
