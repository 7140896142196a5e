// Devices, enrollment codes and the audit log on PostgreSQL, on the shared pool. Every change
// that reads before it writes locks the rows it read (FOR UPDATE), so two servers racing with
// one code, one device or the shared token settle it the same way one server would.
import type pg from 'pg';
import { guarded, inTransaction, isoText } from './postgres-pool';
import type { AuditStore, DeviceRecord, DeviceStore, RedeemRefusal } from './types';
import { SHARED_DEVICE_ID, toAudit, toDevice, type AuditRow, type DeviceRow } from './rows';

const DEVICE_COLUMNS = `id, label, kind, ${isoText('created_at')} AS created_at, ${isoText('enrolled_at')} AS enrolled_at,
  ${isoText('last_seen_at')} AS last_seen_at, app_version, submissions_stored, ${isoText('revoked_at')} AS revoked_at, credential_hash`;

type Queryable = pg.Pool | pg.PoolClient;

async function deviceById(db: Queryable, id: string, lock = false): Promise<DeviceRow | undefined> {
  const { rows } = await db.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

const insertDevice = (db: Queryable, values: [string, string, string, string, string | null, string | null, string | null]) =>
  db.query('INSERT INTO devices (id, label, kind, created_at, enrolled_at, last_seen_at, credential_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', values);
const insertCode = (db: Queryable, hash: string, deviceId: string, createdAt: string, expiresAt: string) =>
  db.query('INSERT INTO enrollment_codes (code_hash, device_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hash, deviceId, createdAt, expiresAt]);
const withdrawCodes = (db: Queryable, at: string, deviceId: string) =>
  db.query('UPDATE enrollment_codes SET withdrawn_at = $1 WHERE device_id = $2 AND used_at IS NULL AND withdrawn_at IS NULL', [at, deviceId]);

/** The device store over a pool whose database is migrated. */
export function postgresDeviceStore(pool: pg.Pool): DeviceStore {
  const run = (sql: string, params: unknown[]) => guarded(() => pool.query(sql, params));

  return {
    createDevice: (device, code) =>
      inTransaction(pool, async (client) => {
        await insertDevice(client, [device.id, device.label, 'device', device.createdAt, null, null, null]);
        await insertCode(client, code.hash, device.id, device.createdAt, code.expiresAt);
      }),
    reissueCode: (deviceId, code) =>
      inTransaction(pool, async (client) => {
        const device = await deviceById(client, deviceId, true);
        if (!device || device.revoked_at !== null || device.kind !== 'device') return false;
        await withdrawCodes(client, code.createdAt, deviceId);
        await insertCode(client, code.hash, deviceId, code.createdAt, code.expiresAt);
        return true;
      }),
    redeemCode: (codeHash, credentialHash, now) =>
      inTransaction(pool, async (client): Promise<{ ok: true; device: DeviceRecord } | { ok: false; reason: RedeemRefusal }> => {
        // The code's row is locked: of two redeemers, the second waits, then finds it used.
        const { rows } = await client.query<{ device_id: string; expired: boolean; used: boolean; withdrawn: boolean }>(
          `SELECT device_id, expires_at <= $2 AS expired, used_at IS NOT NULL AS used, withdrawn_at IS NOT NULL AS withdrawn
           FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE`,
          [codeHash, now],
        );
        const code = rows[0];
        if (!code) return { ok: false, reason: 'unknown' };
        if (code.used) return { ok: false, reason: 'used' };
        const device = await deviceById(client, code.device_id, true);
        if (code.withdrawn || !device || device.revoked_at !== null) return { ok: false, reason: 'withdrawn' };
        if (code.expired) return { ok: false, reason: 'expired' };
        await client.query('UPDATE enrollment_codes SET used_at = $1 WHERE code_hash = $2', [now, codeHash]);
        await client.query('UPDATE devices SET credential_hash = $1, enrolled_at = $2, last_seen_at = $2 WHERE id = $3', [credentialHash, now, device.id]);
        return { ok: true, device: toDevice((await deviceById(client, device.id)) as DeviceRow) };
      }),
    createEnrolledDevice: (device, credentialHash) =>
      inTransaction(pool, async (client) => {
        await insertDevice(client, [device.id, device.label, 'device', device.at, device.at, device.at, credentialHash]);
        return toDevice((await deviceById(client, device.id)) as DeviceRow);
      }),
    ensureShared: (credentialHash, label, now) =>
      inTransaction(pool, async (client) => {
        // Servers starting together: one inserts, the others find it; the same token leaves it alone.
        // No conflict target: racing inserts collide on the credential's unique index as well as the id's.
        const made = await client.query(
          `INSERT INTO devices (id, label, kind, created_at, credential_hash) VALUES ($1, $2, 'shared', $3, $4) ON CONFLICT DO NOTHING`,
          [SHARED_DEVICE_ID, label, now, credentialHash],
        );
        const row = await deviceById(client, SHARED_DEVICE_ID, true);
        if (!row) throw new Error('the shared token is already the credential of another device');
        if (made.rowCount === 0 && row.credential_hash !== credentialHash) {
          await client.query('UPDATE devices SET credential_hash = $1, revoked_at = NULL WHERE id = $2', [credentialHash, SHARED_DEVICE_ID]);
        }
        return toDevice((await deviceById(client, SHARED_DEVICE_ID)) as DeviceRow);
      }),
    byCredential: async (credentialHash) => {
      const { rows } = await guarded(() => pool.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices WHERE credential_hash = $1`, [credentialHash]));
      return rows[0] && toDevice(rows[0]);
    },
    touch: async (deviceId, at, appVersion) => {
      await run('UPDATE devices SET last_seen_at = $1, app_version = coalesce($2, app_version) WHERE id = $3', [at, appVersion ?? null, deviceId]);
    },
    addStored: async (deviceId, count) => {
      if (count > 0) await run('UPDATE devices SET submissions_stored = submissions_stored + $1 WHERE id = $2', [count, deviceId]);
    },
    revoke: (deviceId, at) =>
      inTransaction(pool, async (client) => {
        const revoked = await client.query('UPDATE devices SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2', [at, deviceId]);
        if (revoked.rowCount === 0) return undefined;
        await withdrawCodes(client, at, deviceId);
        return toDevice((await deviceById(client, deviceId)) as DeviceRow);
      }),
    get: async (deviceId) => {
      const row = await guarded(() => deviceById(pool, deviceId));
      return row && toDevice(row);
    },
    list: async (now) => {
      const [devices, codes] = await guarded(() =>
        Promise.all([
          pool.query<DeviceRow>(`SELECT ${DEVICE_COLUMNS} FROM devices ORDER BY devices.created_at, id COLLATE "C"`),
          pool.query<{ device_id: string; created_at: string; expires_at: string }>(
            `SELECT device_id, ${isoText('created_at')} AS created_at, ${isoText('expires_at')} AS expires_at FROM enrollment_codes
             WHERE used_at IS NULL AND withdrawn_at IS NULL AND expires_at > $1 ORDER BY enrollment_codes.created_at`,
            [now],
          ),
        ]),
      );
      const pending = new Map<string, Array<{ createdAt: string; expiresAt: string }>>();
      for (const code of codes.rows) {
        const links = pending.get(code.device_id) ?? [];
        links.push({ createdAt: code.created_at, expiresAt: code.expires_at });
        pending.set(code.device_id, links);
      }
      return devices.rows.map((row) => ({ ...toDevice(row), pendingLinks: pending.get(row.id) ?? [] }));
    },
  };
}

const AUDIT_COLUMNS = `id, ${isoText('at')} AS at, actor, action, target, details`;

/** The audit log over a pool whose database is migrated. */
export function postgresAuditStore(pool: pg.Pool): AuditStore {
  return {
    append: async (entry) => {
      const { rows } = await guarded(() =>
        pool.query<AuditRow>(`INSERT INTO audit_log (at, actor, action, target, details) VALUES ($1, $2, $3, $4, $5) RETURNING ${AUDIT_COLUMNS}`, [
          entry.at,
          entry.actor,
          entry.action,
          entry.target ?? null,
          entry.details === undefined ? null : JSON.stringify(entry.details),
        ]),
      );
      return toAudit(rows[0] as AuditRow);
    },
    list: async ({ limit, before }) => {
      const { rows } = await guarded(() =>
        pool.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE id < $1 ORDER BY id DESC LIMIT $2`, [before ?? Number.MAX_SAFE_INTEGER, limit]),
      );
      return rows.map(toAudit);
    },
  };
}
