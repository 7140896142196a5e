// Entry point (`npm run serve`, or `npm start` which builds the app first): reads the
// environment, starts the server, prints where it is, and stops cleanly on a signal.
import { join } from 'node:path';
import { readConfig } from './config';
import { startServer } from './server';
import { TOKEN_FILES } from './tokens';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const running = await startServer(config);
  // The one place a token is ever printed: the link a device opens to enroll.
  console.log(
    [
      `Fieldbook server listening on ${running.url}`,
      `Data folder: ${running.dataDir}`,
      `Enroll a device by opening: ${running.url}/#enroll=${running.tokens.device}`,
      config.coordinatorToken ? 'Coordinator token: as given in FIELDBOOK_COORDINATOR_TOKEN' : `Coordinator token: in ${join(running.dataDir, TOKEN_FILES.coordinator)}`,
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
