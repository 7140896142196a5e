// `npm run enroll -- --label "Bogotá laptop 2"`: creates a device in the server's store (the data
// folder's, or PostgreSQL's with DATABASE_URL) and prints its single-use enrollment link and a QR
// code of it, for a phone or laptop camera. Works whether or not the server is running (the store
// takes both at once).
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { MAX_DEVICE_LABEL_CHARS } from '../src/sync/devices-api';
import { createAudit } from './audit';
import { readConfig } from './config';
import { createDeviceService } from './devices';
import { untilWords } from './first-device';
import { openPostgres } from './store/postgres';
import { openSqliteStore } from './store/sqlite';
import { loadTokens } from './tokens';

const USAGE = 'Usage: npm run enroll -- --label "Bogotá laptop 2"';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { label: { type: 'string', short: 'l' } } });
  const label = values.label?.trim() ?? '';
  if (label === '' || label.length > MAX_DEVICE_LABEL_CHARS) throw new Error(`Give the device a label of 1 to ${MAX_DEVICE_LABEL_CHARS} characters.\n${USAGE}`);
  const config = readConfig(process.env);
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const origin = config.publicUrl ?? `http://${host}:${config.port}`;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // The same database the server uses: PostgreSQL when DATABASE_URL is set.
  const postgres = config.databaseUrl ? await openPostgres(config.databaseUrl) : undefined;
  const store = postgres?.store ?? openSqliteStore(config.dataDir);
  try {
    const now = () => new Date().toISOString();
    const tokens = loadTokens(config.dataDir, { device: config.deviceToken, coordinator: config.coordinatorToken });
    const devices = await createDeviceService({ store, tokens, audit: createAudit(store.audit, now), now, enrollmentTtlMs: config.enrollmentTtlMs });
    const link = await devices.create(label, 'command line');
    const url = `${origin}/#enroll=${link.code}`;
    console.log(`Device "${label}" created. Open this link on it (works once, until ${untilWords(link.expiresAt)}):\n${url}\n`);
    console.log(await QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }));
    if (!config.publicUrl) console.log(`The link names ${origin}; set FIELDBOOK_PUBLIC_URL if devices reach the server at another address.`);
  } finally {
    await store.close();
    await postgres?.close();
  }
}

main().catch((error: unknown) => {
  console.error(`fieldbook enroll: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
