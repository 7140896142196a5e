// Entry point (`npm run serve`, or `npm start` which builds the app first): reads the
// environment, starts the server, prints where it is and how to enroll devices, and stops
// cleanly on a signal.
import { join } from 'node:path';
import { readConfig } from './config';
import { ENROLL_COMMAND, firstDeviceLink, untilWords } from './first-device';
import { startServer } from './server';
import { TOKEN_FILES } from './tokens';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const running = await startServer(config);
  const origin = config.publicUrl ?? running.url;
  const first = await firstDeviceLink(running.devices, 'server start');
  // The one place a secret is ever printed: a single-use link for a first device. Never a token.
  console.log(
    [
      `Fieldbook server listening on ${running.url}`,
      `Data folder: ${running.dataDir}`,
      // Never the URL itself: it may hold the database password.
      config.databaseUrl ? 'Database: PostgreSQL (DATABASE_URL)' : 'Database: SQLite in the data folder',
      config.coordinatorToken ? 'Coordinator token: as given in FIELDBOOK_COORDINATOR_TOKEN' : `Coordinator token: in ${join(running.dataDir, TOKEN_FILES.coordinator)}`,
      ...(first
        ? [`Enroll a first device by opening (works once, until ${untilWords(first.expiresAt)}): ${origin}/#enroll=${first.code}`]
        : []),
      `Enroll more devices from the app's Coordinator screen (Devices), or with: ${ENROLL_COMMAND}`,
      ...(running.tokens.device === undefined
        ? []
        : [
            config.deviceToken
              ? 'Shared device token: as given in FIELDBOOK_DEVICE_TOKEN (also a reusable enrollment code); per-device enrollment is recommended.'
              : `Shared device token: kept from ${join(running.dataDir, TOKEN_FILES.device)} until the coordinator retires it on the Devices screen.`,
          ]),
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A terminal's Ctrl-C may reach us twice (directly and via a parent that forwards it): act once.
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping.`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('fieldbook: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`fieldbook: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
