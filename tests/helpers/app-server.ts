// The real server on 127.0.0.1 with a fresh data folder, serving this run's production build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server';
import { newToken } from '../../server/tokens';

/** A running app server whose shared device token (FIELDBOOK_DEVICE_TOKEN-style) the tests can use. */
export type AppServer = RunningServer & { tokens: { device: string; coordinator: string }; stop: () => Promise<void> };

/**
 * Starts the app's server on a free port, with a random shared device token unless one is given;
 * `stop` also removes a data folder it made.
 */
export async function startAppServer(options: Partial<ServerOptions> = {}): Promise<AppServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fieldbook-browser-'));
  const deviceToken = options.deviceToken ?? newToken();
  const server = await startServer({ port: 0, host: '127.0.0.1', distDir: inject('distDir') || undefined, ...options, deviceToken, dataDir });
  return {
    ...server,
    tokens: { device: deviceToken, coordinator: server.tokens.coordinator },
    stop: async () => {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
